"""An id is never given twice in a book: a briefing mailed last week says "follow-up
#16", and after a delete or an undo SQLite would give #16 to the next new row (it takes
the highest id + 1), so the mail would point at someone else. ``AUTOINCREMENT`` keeps
the highest id ever given (``sqlite_sequence``) and goes on above it. SQLite cannot add
it to a table, so each table that has ids people type is made anew, its rows, indexes
and triggers kept (SQLite's "12 steps": ``migrate`` turns foreign keys off around this
migration and checks every reference before it commits).
"""

from __future__ import annotations

from salesnotes.migrations.parts import create_undo_triggers

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3

    from sqlite_utils import Database

REBUILT = ("organisations", "contacts", "interactions", "followups", "quotes", "quote_revisions")
"""The tables m012 made anew with AUTOINCREMENT ids."""


def sqlite(db: Database) -> None:
    """SQLite's step."""
    conn = db.conn
    conn.execute("PRAGMA legacy_alter_table = ON")  # a rename touches nothing else
    try:
        for table in REBUILT:
            rebuild_with_autoincrement(conn, table)
    finally:
        conn.execute("PRAGMA legacy_alter_table = OFF")
    create_undo_triggers(conn)


def rebuild_with_autoincrement(conn: sqlite3.Connection, table: str) -> None:
    """Make ``table`` anew with ``id INTEGER PRIMARY KEY AUTOINCREMENT``: the same columns
    (its CREATE statement as SQLite keeps it, added columns included), rows, indexes and
    triggers."""
    found = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    create = str(found[0])
    head, sep, body = create.partition("(")
    marker = "id INTEGER PRIMARY KEY"
    if "AUTOINCREMENT" in body.upper() or marker not in body:
        return
    body = body.replace(marker, marker + " AUTOINCREMENT", 1)
    others = conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger')"
        " AND sql IS NOT NULL",
        (table,),
    ).fetchall()
    conn.execute(f"CREATE TABLE {table}_rebuilt {sep}{body}")
    conn.execute(f"INSERT INTO {table}_rebuilt SELECT * FROM {table}")
    conn.execute(f"DROP TABLE {table}")
    conn.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
    for (sql,) in others:
        conn.execute(sql)


REBUILDS_TABLES = True
"""``migrate`` turns SQLite's foreign keys off around this step and checks every reference
before it commits."""


POSTGRES = "SELECT 1;"
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""
