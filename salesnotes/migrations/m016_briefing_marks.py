"""One "since the last briefing" mark per person and per kind of briefing: the salespeople's
07:30 cron briefings no longer consume the manager's 08:00 ``brief --team`` (it said nothing
had happened). ``person`` is who the briefing was for, ``kind`` 'own' or 'team' (the
manager's). A mark from before (both empty) counts for everyone until they have their own.
"""

from __future__ import annotations

from salesnotes.migrations.parts import run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(
        db,
        """
        ALTER TABLE briefings ADD COLUMN person TEXT NOT NULL DEFAULT '';
        ALTER TABLE briefings ADD COLUMN kind TEXT NOT NULL DEFAULT '';
        CREATE INDEX briefings_mark ON briefings(person, kind, id);
        """,
    )


POSTGRES = """
        ALTER TABLE briefings ADD COLUMN person TEXT COLLATE "C" NOT NULL DEFAULT '';
        ALTER TABLE briefings ADD COLUMN kind TEXT COLLATE "C" NOT NULL DEFAULT '';
        CREATE INDEX briefings_mark ON briefings(person, kind, id);
    """
"""PostgreSQL's step (see ``parts``: text columns there)."""
