"""The SQL in the store modules that is SQLite's own, named, so the PostgreSQL backend knows
what to replace. Everything else in ``store/`` is portable SQL with ``?`` placeholders.

Each function here returns SQLite's text (so the SQLite path runs exactly the SQL it always
ran) and records PostgreSQL's text for the same snippet in ``POSTGRES``; the PostgreSQL
connection (``store/postgres.py``) swaps them in each statement it is given, once per
statement text. Kept elsewhere, also backend-specific: the connections, the schemas
(``migrations.py``, ``store/pg_schema.py``), the full-text search (``store/fulltext.py``).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

SEP = "\x1f"
"""Joins a contact's e-mails, phones or tags into one column (``text.clean`` strips it from
all stored text, so it never collides). PostgreSQL: ``string_agg`` or an array."""

POSTGRES: dict[str, str] = {}
"""SQLite's text of each snippet made here -> PostgreSQL's."""


def _both(sqlite: str, postgres: str) -> str:
    POSTGRES[sqlite] = postgres
    return sqlite


INSERT_IGNORE = "INSERT OR IGNORE"
"""An insert that skips a row breaking a unique key. PostgreSQL: ``... ON CONFLICT DO NOTHING``
(the PostgreSQL connection rewrites the statement)."""


NO_LIMIT = 2**62
"""``LIMIT ?`` for "no limit", in both: a number no book reaches (PostgreSQL refuses SQLite's
-1)."""


def joined(column: str, table: str, order: str) -> str:
    """A contact's values of ``column`` from ``table`` in one text, in ``order``.

    ``group_concat`` over an ordered subquery keeps the order in SQLite. PostgreSQL:
    ``string_agg(column, sep ORDER BY order)``.
    """
    return _both(
        f"(SELECT group_concat({column}, '{SEP}') FROM"
        f" (SELECT {column} FROM {table} WHERE contact_id = c.id ORDER BY {order}))",
        f"(SELECT string_agg({column}, '{SEP}' ORDER BY {order}) FROM {table}"
        " WHERE contact_id = c.id)",
    )


def later(first: str, second: str) -> str:
    """The later of two ISO dates: SQLite's two-argument ``max``. PostgreSQL: ``greatest``."""
    return _both(f"max({first}, {second})", f"greatest({first}, {second})")


def days_between(start: str, end: str) -> str:
    """Days from ``start`` to ``end`` (ISO dates). PostgreSQL: ``(end::date - start::date)``."""
    return _both(
        f"(julianday({end}) - julianday({start}))", f"(CAST({end} AS date) - CAST({start} AS date))"
    )


def month_of(column: str) -> str:
    """'2026-11' from an ISO date. Portable as ``substr`` in both; named for completeness."""
    return f"substr({column}, 1, 7)"


def unindexed(column: str) -> str:
    """``column`` with SQLite's unary ``+``: a planner hint that keeps SQLite from choosing an
    index on it (without ANALYZE statistics it sometimes picks a worse one). PostgreSQL:
    just the column (its planner has statistics; ``+`` on text is an error there)."""
    return _both(f"+{column}", column)


def using(index: str) -> str:
    """SQLite's ``INDEXED BY``, after a table name: for the few reads where, without
    statistics, SQLite's planner would pick a worse index. PostgreSQL: nothing."""
    return _both(f"INDEXED BY {index}", "")


ACTIVE = "NOT IN (SELECT id FROM contacts WHERE archived_at IS NOT NULL)"
"""``contact_id {ACTIVE}``: the contact is not archived, checked against the few archived ones
(index ``contacts_archived``) instead of looking every row's contact up. Portable SQL."""


def id_list(ids: Iterable[int]) -> str:
    """A literal list of integer ids for IN (...): ints only, so nothing to escape."""
    return ",".join(str(int(i)) for i in ids) or "NULL"


LONGEST_LOOKED_FOR = 1000
"""The most characters a name, a word or a phrase looked for has (SQLite refuses a LIKE
pattern past 50,000 bytes as 'too complex'; no name or word is that long)."""


def like(text: str) -> str:
    """A LIKE pattern matching ``text`` anywhere (used with ESCAPE '\\'); BadInput for a
    text longer than anything stored is."""
    if len(text) > LONGEST_LOOKED_FOR:
        from salesnotes.errors import BadInput
        from salesnotes.i18n import _, grouped
        from salesnotes.text import shown

        raise BadInput(
            _("'{text}' is {n} characters; what is looked for is at most {limit}").format(
                text=shown(text, 40), n=grouped(len(text)), limit=grouped(LONGEST_LOOKED_FOR)
            )
        )
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def quote_term(word: str, *, prefix: bool = True) -> str:
    """A word as an FTS5 query term, quoted (so nothing in it is syntax): a prefix ('*') or a
    whole word."""
    return '"' + word.replace('"', '""') + ('"*' if prefix else '"')


def ts_term(word: str, *, prefix: bool = True) -> str:
    """A word as a PostgreSQL ``tsquery`` term (the search index's words are letters and
    digits: a word with '_' in it is its parts, all of them)."""
    import re

    parts = [p for p in re.split(r"[\W_]+", word) if p] or [word]
    star = ":*" if prefix else ""
    return "(" + " & ".join("'" + p.replace("'", "''") + "'" + star for p in parts) + ")"


def split(value: str | None) -> tuple[str, ...]:
    """The values ``joined`` put in one text."""
    return tuple(value.split(SEP)) if value else ()
