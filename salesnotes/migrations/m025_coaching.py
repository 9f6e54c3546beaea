"""The manager's coaching after a joint visit (issue 28): what went well and one thing to
try, by the one who joined (``manager``) for the one whose visit it was (``salesperson``),
readable by those two only. On PostgreSQL the server holds that: row-level security lets a
login read and write the notes it is one of the two of (the book's owner, who keeps the
book, reads them all). The visit (``followup_id``) is the customer's: erasing the customer
(``forget``) takes the link, never the words about the salesperson (ON DELETE SET NULL).
"""

from __future__ import annotations

from salesnotes.migrations.parts import ID, REF, create_undo_triggers, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(
        db,
        """
        CREATE TABLE coaching (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            uuid TEXT NOT NULL UNIQUE,
            followup_id INTEGER REFERENCES followups(id) ON DELETE SET NULL,
            manager TEXT NOT NULL,
            salesperson TEXT NOT NULL,
            went_well TEXT NOT NULL DEFAULT '',
            to_try TEXT NOT NULL DEFAULT '',
            noted_on TEXT NOT NULL,
            created_at TEXT NOT NULL
        );
        CREATE INDEX coaching_pair ON coaching(salesperson, manager, noted_on);
        CREATE INDEX coaching_visit ON coaching(followup_id);
        """,
    )
    create_undo_triggers(db.conn)


POSTGRES = f"""
        CREATE TABLE coaching (
            id {ID},
            uuid TEXT COLLATE "C" NOT NULL UNIQUE,
            followup_id BIGINT REFERENCES followups(id) ON DELETE SET NULL {REF},
            manager TEXT COLLATE "C" NOT NULL,
            salesperson TEXT COLLATE "C" NOT NULL,
            went_well TEXT COLLATE "C" NOT NULL DEFAULT '',
            to_try TEXT COLLATE "C" NOT NULL DEFAULT '',
            noted_on TEXT COLLATE "C" NOT NULL,
            created_at TEXT COLLATE "C" NOT NULL
        );
        CREATE INDEX coaching_pair ON coaching(salesperson, manager, noted_on);
        CREATE INDEX coaching_visit ON coaching(followup_id);
        ALTER TABLE coaching ENABLE ROW LEVEL SECURITY;
        CREATE POLICY coaching_of_the_two ON coaching USING (
            manager IN (SELECT name FROM team_members WHERE login = current_user)
            OR salesperson IN (SELECT name FROM team_members WHERE login = current_user)
        );
    """
"""PostgreSQL's step (see ``parts``), with the two-person rule as a row-level policy."""

JOURNALED_ON_POSTGRES = ("coaching",)
"""Journaled: ``undo`` takes a note back."""
