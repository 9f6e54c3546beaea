"""Who is whose: every contact has an owner (a salesperson's short name), a follow-up
the one who is to do it, a conversation who logged it. A team's book on PostgreSQL
fills them per salesperson; a personal book has one owner, its user (``team.me``,
``SALESNOTES_USER``), filled in here, so that books move between backends whole. The
undo journal records who gave each command: ``undo`` takes back the user's own.
"""

from __future__ import annotations

from salesnotes.migrations.parts import create_undo_triggers, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database

OWNERS_SQL = """
    ALTER TABLE contacts ADD COLUMN owner TEXT NOT NULL DEFAULT '';
    ALTER TABLE followups ADD COLUMN owner TEXT NOT NULL DEFAULT '';
    ALTER TABLE interactions ADD COLUMN logged_by TEXT NOT NULL DEFAULT '';
    CREATE INDEX contacts_owner ON contacts(owner, archived_at);
    CREATE INDEX followups_open_owner ON followups(owner, due_on) WHERE status = 'open';
    ALTER TABLE undo_commands ADD COLUMN given_by TEXT NOT NULL DEFAULT '';
"""
"""The schema of this step, the same on SQLite and PostgreSQL."""


def sqlite(db: Database) -> None:
    """SQLite's step."""
    from salesnotes.config import load
    from salesnotes.team import me

    run(db, OWNERS_SQL)
    user = me(load())
    db.execute("UPDATE contacts SET owner = ?", [user])
    db.execute("UPDATE followups SET owner = ?", [user])
    db.execute("UPDATE interactions SET logged_by = ?", [user])
    create_undo_triggers(db.conn)


POSTGRES = OWNERS_SQL.replace(" TEXT ", ' TEXT COLLATE "C" ')
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""
