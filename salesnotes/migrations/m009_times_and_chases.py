"""A follow-up may be planned at a time of day ('vrijdag 14:00'); untimed stays the
default (NULL). The open chases of quotes get their own index: the agenda reads them
whole, because their score grows with the quote's amount as well as with the days
overdue, so no single order of one index gives them best first.
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
        ALTER TABLE followups ADD COLUMN due_time TEXT;
        CREATE INDEX followups_open_chases ON followups(due_on)
            WHERE status = 'open' AND quote_id IS NOT NULL;
        """,
    )


POSTGRES = """
        ALTER TABLE followups ADD COLUMN due_time TEXT COLLATE "C";
        CREATE INDEX followups_open_chases ON followups(due_on)
            WHERE status = 'open' AND quote_id IS NOT NULL;
    """
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""
