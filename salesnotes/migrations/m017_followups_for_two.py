"""A follow-up for two (``follow jan vrijdag "Bezoek" --for pieter --with marieke``): a visit
the sales manager joins is on both agendas and done once. ``with_owner`` is the second
person ('' for none), indexed as ``owner`` is for one salesperson's agenda.
"""

from __future__ import annotations

from salesnotes.migrations.parts import create_undo_triggers, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(
        db,
        """
        ALTER TABLE followups ADD COLUMN with_owner TEXT NOT NULL DEFAULT '';
        CREATE INDEX followups_open_with ON followups(with_owner, due_on)
            WHERE status = 'open' AND with_owner <> '';
        """,
    )
    create_undo_triggers(db.conn)  # the journal records the new column too


POSTGRES = """
        ALTER TABLE followups ADD COLUMN with_owner TEXT COLLATE "C" NOT NULL DEFAULT '';
        CREATE INDEX followups_open_with ON followups(with_owner, due_on)
            WHERE status = 'open' AND with_owner <> '';
    """
"""PostgreSQL's step (see ``parts``: text columns there)."""
