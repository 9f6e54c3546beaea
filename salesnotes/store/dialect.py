"""SQL chosen per database when a statement is built.

Every open book carries its dialect as ``db.sql`` (``SQLITE`` or ``POSTGRES``): where the two
databases write a thing differently (an insert that skips duplicates, joined text, the later
of two dates, days between dates, the last characters of a text, SQLite's planner hints, a
case-insensitive LIKE, full-text search, a row as JSON), a store module asks it for the text
while it builds the statement, so the SQLite path runs exactly SQLite's SQL and PostgreSQL
gets its own. Everything else in ``store/`` is SQL both take, written with ``?``
placeholders; turning those into psycopg's ``%s`` (``placeholders``, a tokenizer that leaves
literals, quoted names and comments alone) is the only change ever made to a statement's
text. Also here: small portable pieces (``NO_LIMIT``, ``ACTIVE``, ``like`` patterns).
Elsewhere, also per database: the connections, and the schema's history (``migrations/``,
each step with its SQLite and PostgreSQL text).
"""

from __future__ import annotations

import re

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

SEP = "\x1f"
"""Joins a contact's e-mails, phones or tags into one column (``text.clean`` strips it from
all stored text, so it never collides). PostgreSQL: ``string_agg`` or an array."""

NO_LIMIT = 2**62
"""``LIMIT ?`` for "no limit", in both: a number no book reaches (PostgreSQL refuses SQLite's
-1)."""


class SqliteSql:
    """SQLite's text for what the two databases write differently. The store asks the open
    book's ``db.sql`` for it while it builds a statement, so each database gets its own SQL
    and no statement is rewritten afterwards (``PostgresSql`` says PostgreSQL's)."""

    like = "LIKE"
    """A case-insensitive ``LIKE`` (SQLite's own is, for ASCII; PostgreSQL's is ``ILIKE``)."""
    roles = False
    """Whether the database has login roles the book's team is made of (a file has none)."""

    def statement(self, sql: str) -> str:
        """The text given to the driver: SQLite takes ``?`` as it is."""
        return sql

    def insert_ignore(self, rest: str) -> str:
        """An insert (``rest``: ``table (columns) VALUES ...`` or ``... SELECT``) that skips a
        row breaking a unique key."""
        return f"INSERT OR IGNORE INTO {rest}"

    def join_text(self, expression: str, separator: str) -> str:
        """An aggregate joining ``expression`` of the rows with ``separator`` (a plain
        character, no quote)."""
        return f"group_concat({expression}, '{separator}')"

    def joined(self, column: str, table: str, order: str) -> str:
        """A contact's values of ``column`` from ``table`` in one text (``SEP``), in
        ``order``: ``group_concat`` over an ordered subquery keeps the order in SQLite."""
        return (
            f"(SELECT {self.join_text(column, SEP)} FROM"
            f" (SELECT {column} FROM {table} WHERE contact_id = c.id ORDER BY {order}))"
        )

    def later(self, first: str, second: str) -> str:
        """The later of two ISO dates: SQLite's two-argument ``max``."""
        return f"max({first}, {second})"

    def days_between(self, start: str, end: str) -> str:
        """Days from ``start`` to ``end`` (ISO dates)."""
        return f"(julianday({end}) - julianday({start}))"

    def last_characters(self, expression: str, n: int) -> str:
        """The last ``n`` characters of a text ('11-25' of an ISO date)."""
        return f"substr({expression}, -{int(n)})"

    def unindexed(self, column: str) -> str:
        """``column`` with SQLite's unary ``+``: a planner hint that keeps SQLite from choosing
        an index on it (without ANALYZE statistics it sometimes picks a worse one)."""
        return f"+{column}"

    def using(self, index: str) -> str:
        """SQLite's ``INDEXED BY``, after a table name: for the few reads where, without
        statistics, SQLite's planner would pick a worse index."""
        return f"INDEXED BY {index}"

    def row_image(self, columns: list[str]) -> str:
        """A row of table ``t`` as a JSON text (the undo journal's picture of it)."""
        from salesnotes.migrations.parts import json_of

        return json_of(columns, "")

    def journal_key(self, table: str) -> str:
        """The column that names a journaled row: SQLite's rowid."""
        return "rowid"

    def contacts_matching(
        self, words: list[str], *, prefix: bool, in_name: bool, limit: int, active_only: bool
    ) -> tuple[str, list[Any]]:
        """Contacts whose index row holds every word (``in_name``: one in the name;
        ``active_only``: not archived), best first: the read and its values (FTS5, a name
        counting most, m006)."""
        terms = [quote_term(w, prefix=prefix) for w in words if w]
        query = " ".join(terms)
        if in_name:
            query = f"({query}) AND name : ({' OR '.join(terms)})"
        active = " AND c.archived_at IS NULL" if active_only else ""
        return (
            "SELECT c.id, c.archived_at IS NOT NULL, f.name, f.organisation, f.emails,"
            " f.tags, f.job_title, f.city, c.name_key FROM contacts_fts f JOIN contacts c"
            f" ON c.id = f.rowid WHERE contacts_fts MATCH ?{active}"
            " ORDER BY c.name_key, c.id LIMIT ?",
            [query, limit],
        )

    def conversations_matching(self, words: list[str], limit: int) -> tuple[str, list[Any]]:
        """The newest conversations holding every word (as word starts): (id, contact id,
        name, day, text) rows, and the values."""
        return (
            "SELECT i.id, i.contact_id, c.name, i.happened_on, i.text"
            " FROM (SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH ?"
            "       ORDER BY rowid DESC LIMIT ?) AS m"
            " JOIN interactions i ON i.id = m.rowid JOIN contacts c ON c.id = i.contact_id",
            [" ".join(quote_term(word) for word in words), limit],
        )


class PostgresSql(SqliteSql):
    """PostgreSQL's text for the same (see ``SqliteSql``). Statements shared by both are
    written with ``?`` placeholders; ``statement`` turns them into psycopg's ``%s`` and is the
    only change ever made to a statement's text."""

    like = "ILIKE"
    roles = True

    def __init__(self) -> None:
        self._statements: dict[str, str] = {}

    def statement(self, sql: str) -> str:
        """``?`` as ``%s`` outside literals, quoted names and comments; every ``%`` doubled
        (psycopg reads the whole text for its placeholders). Once per statement text."""
        done = self._statements.get(sql)
        if done is None:
            done = self._statements[sql] = placeholders(sql)
        return done

    def seen(self) -> dict[str, str]:
        """Every statement text given so far, and what it was turned into (for the tests)."""
        return dict(self._statements)

    def insert_ignore(self, rest: str) -> str:
        return f"INSERT INTO {rest} ON CONFLICT DO NOTHING"

    def join_text(self, expression: str, separator: str) -> str:
        return f"string_agg({expression}, '{separator}')"

    def joined(self, column: str, table: str, order: str) -> str:
        return (
            f"(SELECT string_agg({column}, '{SEP}' ORDER BY {order}) FROM {table}"
            " WHERE contact_id = c.id)"
        )

    def later(self, first: str, second: str) -> str:
        return f"greatest({first}, {second})"

    def days_between(self, start: str, end: str) -> str:
        return f"(CAST({end} AS date) - CAST({start} AS date))"

    def last_characters(self, expression: str, n: int) -> str:
        return f"right({expression}, {int(n)})"

    def unindexed(self, column: str) -> str:
        """Just the column: PostgreSQL's planner has statistics (``+`` on text is an error)."""
        return column

    def using(self, index: str) -> str:
        """Nothing: PostgreSQL has no index hints and needs none."""
        return ""

    def row_image(self, columns: list[str]) -> str:
        return "to_jsonb(t)::text"

    def journal_key(self, table: str) -> str:
        """id, or the rowid column the tables without an id have on PostgreSQL."""
        from salesnotes.migrations.parts import JOURNAL_KEY

        return JOURNAL_KEY.get(table, "id")

    def contacts_matching(
        self, words: list[str], *, prefix: bool, in_name: bool, limit: int, active_only: bool
    ) -> tuple[str, list[Any]]:
        """The contacts' tsvector (name weighted most, migrations/parts.py)."""
        terms = [ts_term(w, prefix=prefix) for w in words if w]
        query = " & ".join(terms)
        where = "f.doc @@ to_tsquery('simple', ?)"
        if active_only:
            where += " AND c.archived_at IS NULL"
        params: list[Any] = [query]
        if in_name:
            where += " AND f.name_doc @@ to_tsquery('simple', ?)"
            params.append(" | ".join(terms))
        return (
            "SELECT c.id, c.archived_at IS NOT NULL, f.name, f.organisation, f.emails, f.tags,"
            " f.job_title, f.city, c.name_key FROM contacts_fts f JOIN contacts c"
            f" ON c.id = f.rowid WHERE {where} ORDER BY c.name_key, c.id LIMIT ?",
            [*params, limit],
        )

    def conversations_matching(self, words: list[str], limit: int) -> tuple[str, list[Any]]:
        """The GIN index on the folded words of the text (migrations/parts.py), always:
        left to itself the planner walks the ids newest first and folds every text until 20
        match (9 s for a word no conversation has, in a 1M-conversation book; 0.3 s this way
        when every one matches)."""
        from salesnotes.migrations.parts import INTERACTION_DOC

        return (
            "WITH found AS MATERIALIZED (SELECT id FROM interactions"
            f" WHERE {INTERACTION_DOC} @@ to_tsquery('simple', ?))"
            " SELECT i.id, i.contact_id, c.name, i.happened_on, i.text"
            " FROM (SELECT id FROM found ORDER BY id DESC LIMIT ?) AS m"
            " JOIN interactions i ON i.id = m.id JOIN contacts c ON c.id = i.contact_id"
            " ORDER BY i.id DESC",
            [" & ".join(ts_term(word) for word in words), limit],
        )


SQLITE = SqliteSql()
POSTGRES = PostgresSql()


def placeholders(sql: str) -> str:
    """A statement written with ``?`` as psycopg's: each ``?`` that is a placeholder becomes
    ``%s``, a ``?`` in a string literal, a quoted name or a comment stays, and every ``%`` is
    doubled (psycopg looks for its own placeholders in the whole text, literals included)."""
    out: list[str] = []
    n, end = 0, len(sql)
    while n < end:
        char = sql[n]
        if char in "'\"":  # a literal or a quoted name, to its closing quote ('' is one)
            close = n + 1
            while True:
                close = sql.find(char, close)
                if close < 0:
                    close = end
                    break
                if close + 1 < end and sql[close + 1] == char:
                    close += 2
                    continue
                close += 1
                break
            out.append(sql[n:close].replace("%", "%%"))
            n = close
        elif sql.startswith("--", n):
            close = sql.find("\n", n)
            close = end if close < 0 else close
            out.append(sql[n:close].replace("%", "%%"))
            n = close
        elif sql.startswith("/*", n):
            close = sql.find("*/", n + 2)
            close = end if close < 0 else close + 2
            out.append(sql[n:close].replace("%", "%%"))
            n = close
        elif char == "$" and _DOLLAR.match(sql, n):
            tag = _DOLLAR.match(sql, n)[0]  # type: ignore[index]
            close = sql.find(tag, n + len(tag))
            close = end if close < 0 else close + len(tag)
            out.append(sql[n:close].replace("%", "%%"))
            n = close
        else:
            out.append("%s" if char == "?" else "%%" if char == "%" else char)
            n += 1
    return "".join(out)


_DOLLAR = re.compile(r"\$[A-Za-z_]*\$")
"""The start of a dollar-quoted text ($$ or $tag$), as PL/pgSQL bodies are written."""


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
    parts = [p for p in re.split(r"[\W_]+", word) if p] or [word]
    star = ":*" if prefix else ""
    return "(" + " & ".join("'" + p.replace("'", "''") + "'" + star for p in parts) + ")"


def split(value: str | None) -> tuple[str, ...]:
    """The values ``joined`` put in one text."""
    return tuple(value.split(SEP)) if value else ()
