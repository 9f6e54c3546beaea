"""A joint visit (issue 28): a follow-up at a time of day for two people (``with_owner``,
m017) with the role the second one takes (``role``: 'lead', the manager leads the
conversation; 'equal', one talks, the other watches the customer; 'second', the salesperson
leads and the manager watches). '' for every other follow-up.
"""

from __future__ import annotations

from salesnotes.migrations.parts import create_undo_triggers, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(db, "ALTER TABLE followups ADD COLUMN role TEXT NOT NULL DEFAULT '';")
    create_undo_triggers(db.conn)  # the journal records the new column too


POSTGRES = """
        ALTER TABLE followups ADD COLUMN role TEXT COLLATE "C" NOT NULL DEFAULT '';
    """
"""PostgreSQL's step (see ``parts``: text columns there)."""
