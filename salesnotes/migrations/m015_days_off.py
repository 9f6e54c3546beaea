"""A salesperson's own days off (``salesnotes off``): no relative date lands in them,
overdue counts skip them, and the first working day after them says what piled up.
Per owner, so a team's book knows who is away.
"""

from __future__ import annotations

from salesnotes.migrations.parts import ID, create_undo_triggers, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(
        db,
        """
        CREATE TABLE days_off (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            owner TEXT NOT NULL,
            first_day TEXT NOT NULL,
            last_day TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            CHECK (last_day >= first_day)
        );
        CREATE INDEX days_off_owner ON days_off(owner, last_day);
        """,
    )
    create_undo_triggers(db.conn)


POSTGRES = f"""
        CREATE TABLE days_off (
            id {ID},
            owner TEXT COLLATE "C" NOT NULL,
            first_day TEXT COLLATE "C" NOT NULL,
            last_day TEXT COLLATE "C" NOT NULL,
            note TEXT COLLATE "C" NOT NULL DEFAULT '',
            created_at TEXT COLLATE "C" NOT NULL,
            CHECK (last_day >= first_day)
        );
        CREATE INDEX days_off_owner ON days_off(owner, last_day);
    """
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""

JOURNALED_ON_POSTGRES = ("days_off",)
"""The journaled table this step makes: on PostgreSQL it gets the journal's trigger here."""
