"""The SQL in the store modules that is SQLite's own, named, so a second backend (PostgreSQL)
knows what to replace. Everything else in ``store/`` is portable SQL with ``?`` placeholders.

Kept elsewhere, also SQLite-only: PRAGMAs and the migrations table (``connection.py``), the FTS5
index (``search.py`` and migration m004), the bulk loader's trigger juggling (``bulk.py``).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

SEP = "\x1f"
"""Joins a contact's e-mails, phones or tags into one column (``text.clean`` strips it from
all stored text, so it never collides). PostgreSQL: ``string_agg`` or an array."""

INSERT_IGNORE = "INSERT OR IGNORE"
"""An insert that skips a row breaking a unique key. PostgreSQL: ``... ON CONFLICT DO NOTHING``."""


NO_LIMIT = -1
"""``LIMIT ?`` for "no limit": SQLite takes a negative number. PostgreSQL: ``LIMIT ALL`` or NULL."""


def joined(column: str, table: str, order: str) -> str:
    """A contact's values of ``column`` from ``table`` in one text, in ``order``.

    ``group_concat`` over an ordered subquery keeps the order in SQLite. PostgreSQL:
    ``string_agg(column, sep ORDER BY order)``.
    """
    return (
        f"(SELECT group_concat({column}, '{SEP}') FROM"
        f" (SELECT {column} FROM {table} WHERE contact_id = c.id ORDER BY {order}))"
    )


def later(first: str, second: str) -> str:
    """The later of two ISO dates: SQLite's two-argument ``max``. PostgreSQL: ``greatest``."""
    return f"max({first}, {second})"


def days_between(start: str, end: str) -> str:
    """Days from ``start`` to ``end`` (ISO dates). PostgreSQL: ``(end::date - start::date)``."""
    return f"(julianday({end}) - julianday({start}))"


def month_of(column: str) -> str:
    """'2026-11' from an ISO date. Portable as ``substr`` in both; named for completeness."""
    return f"substr({column}, 1, 7)"


def unindexed(column: str) -> str:
    """``column`` with SQLite's unary ``+``: a planner hint that keeps SQLite from choosing an
    index on it (without ANALYZE statistics it sometimes picks a worse one). PostgreSQL:
    just the column (its planner has statistics; ``+`` on text is an error there)."""
    return f"+{column}"


def using(index: str) -> str:
    """SQLite's ``INDEXED BY``, after a table name: for the few reads where, without
    statistics, SQLite's planner would pick a worse index. PostgreSQL: nothing."""
    return f"INDEXED BY {index}"


ACTIVE = "NOT IN (SELECT id FROM contacts WHERE archived_at IS NOT NULL)"
"""``contact_id {ACTIVE}``: the contact is not archived, checked against the few archived ones
(index ``contacts_archived``) instead of looking every row's contact up. Portable SQL."""


def id_list(ids: Iterable[int]) -> str:
    """A literal list of integer ids for IN (...): ints only, so nothing to escape."""
    return ",".join(str(int(i)) for i in ids) or "NULL"


def like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere (used with ESCAPE '\\')."""
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def quote_term(word: str, *, prefix: bool = True) -> str:
    """A word as an FTS5 query term, quoted (so nothing in it is syntax): a prefix ('*') or a
    whole word."""
    return '"' + word.replace('"', '""') + ('"*' if prefix else '"')


def split(value: str | None) -> tuple[str, ...]:
    """The values ``joined`` put in one text."""
    return tuple(value.split(SEP)) if value else ()
