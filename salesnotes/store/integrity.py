"""A rule of the book's schema that a write broke, said the same way on both databases.

salesnotes checks what it writes before writing it, so a broken rule that reaches the database
is a write another program made possible (a book edited by hand, a file restored from
elsewhere) or one salesnotes failed to check. Either way the command's transaction is rolled
back and the user reads one sentence naming the table and column, exit 4 (a conflict with what
the book holds), whether SQLite or PostgreSQL refused it: SQLite's English and PostgreSQL's
server messages never reach the user as they are.
"""

from __future__ import annotations

import re

from salesnotes.errors import Conflict
from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from typing import Any

UNIQUE, NOT_NULL, CHECK, REFERENCE = "unique", "not null", "check", "reference"


def broken(rule: str, table: str, column: str = "") -> Conflict:
    """The conflict for ``rule`` broken in ``table`` (``column``, when the database said)."""
    where = f"{table}.{column}" if column else table
    if rule == UNIQUE:
        text = _(
            "the book already holds a row of {table} with the same {column}; nothing was changed"
        )
        return Conflict(text.format(table=table, column=column or "key"))
    if rule == NOT_NULL:
        return Conflict(_("{where} needs a value; nothing was changed").format(where=where))
    if rule == REFERENCE:  # SQLite does not say which table
        return Conflict(_("a row would refer to one the book does not hold; nothing was changed"))
    # A check names no column on either database (SQLite gives its expression, PostgreSQL
    # its constraint's name): said without a place, alike on both.
    return Conflict(_("a value is not one the book allows; nothing was changed"))


_SQLITE = re.compile(r"(UNIQUE|NOT NULL|CHECK|FOREIGN KEY) constraint failed(?:: (.*))?", re.I)


def from_sqlite(exc: sqlite3.IntegrityError) -> Conflict:
    """SQLite's 'UNIQUE constraint failed: contacts.uuid' and the like."""
    found = _SQLITE.search(str(exc))
    if found is None:
        return broken(CHECK, "?")
    rule = {"unique": UNIQUE, "not null": NOT_NULL, "check": CHECK, "foreign key": REFERENCE}[
        found[1].lower()
    ]
    named = (found[2] or "").split(",")[0].strip()
    table, _dot, column = named.partition(".")
    return broken(rule, table or "?", column)


def from_postgres(exc: Any) -> Conflict:
    """A psycopg IntegrityError, by its SQLSTATE and the table and column it names."""
    diag = exc.diag
    table = str(getattr(diag, "table_name", None) or "?")
    column = str(getattr(diag, "column_name", None) or "")
    state = str(getattr(exc, "sqlstate", None) or "")
    if state == "23505":  # unique_violation: 'Key (uuid)=(...) already exists.'
        key = re.match(r"Key \(([^)]*)\)", str(getattr(diag, "message_detail", "") or ""))
        return broken(UNIQUE, table, key[1] if key else column)
    if state == "23502":
        return broken(NOT_NULL, table, column)
    if state == "23503":
        return broken(REFERENCE, table, column)
    return broken(CHECK, table, column)


def refusal(detail: str) -> Exception:
    """The server's guard (m018) refused a change: what and whose, said as a sentence in
    the user's language (exit 4)."""
    import json

    from salesnotes.errors import Conflict

    said = json.loads(detail)
    what = said.get("what")
    if what == "contact":
        return Conflict(
            _(
                "#{id} {name} is {owner}'s account: a salesperson changes their own accounts "
                "only (ask {owner} or a manager)"
            ).format(id=said.get("id"), name=said.get("name") or "", owner=said.get("owner"))
        )
    if what == "days_off":
        return Conflict(
            _("these are {owner}'s days off, not yours").format(owner=said.get("owner"))
        )
    if what == "read_only":
        return Conflict(
            _("{owner} may read this book, not change it (role read)").format(
                owner=said.get("owner")
            )
        )
    return Conflict(
        _(
            "the login {login} is not in this book's team; the book's owner adds it: "
            "salesnotes team add NAME --login {login}"
        ).format(login=said.get("login", "?"))
    )
