"""Indexes that let the morning briefing read only what it prints, and count the rest
from indexes alone, on a large book: the coming week's birthdays and customer
anniversaries by their day of the year (indexes on ``substr(..., -5)``, the 'MM-DD' of
'YYYY-MM-DD' and '--MM-DD'); quotes closed since the previous briefing; who is archived
(few, so "not archived" is checked without reading contacts); and covering versions of
the indexes on open follow-ups by due date, on contacts' keep-in-touch clocks, on open
quotes by last activity (stale quotes counted) and on open quotes (the pipeline's
figures in one pass over the index). SQLite still checks a
partial index's condition against the row unless its column is in the index, hence
``status`` and ``archived_at`` among the columns.
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
        CREATE INDEX contacts_birthday_day ON contacts(substr(birthday, -5))
            WHERE archived_at IS NULL AND birthday IS NOT NULL;
        CREATE INDEX contacts_since_day ON contacts(substr(customer_since, -5))
            WHERE archived_at IS NULL AND customer_since IS NOT NULL;
        CREATE INDEX quotes_closed_at ON quotes(closed_at) WHERE closed_at IS NOT NULL;
        CREATE INDEX contacts_archived ON contacts(archived_at) WHERE archived_at IS NOT NULL;
        DROP INDEX followups_open_due;
        CREATE INDEX followups_open_due ON followups(due_on, contact_id, status)
            WHERE status = 'open';
        DROP INDEX contacts_touch;
        CREATE INDEX contacts_touch ON contacts(status, every, last_touch_on, archived_at)
            WHERE archived_at IS NULL;
        DROP INDEX quotes_open_activity;
        CREATE INDEX quotes_open_activity
            ON quotes(status, last_activity_on, valid_until, contact_id)
            WHERE status IN ('draft', 'sent', 'negotiating');
        CREATE INDEX quotes_open_figures ON quotes(
            status, currency, valid_until, amount_cents, probability, contact_id, last_activity_on
        ) WHERE status IN ('draft', 'sent', 'negotiating');
        """,
    )


POSTGRES = """
        CREATE INDEX contacts_birthday_day ON contacts(right(birthday, 5))
            WHERE archived_at IS NULL AND birthday IS NOT NULL;
        CREATE INDEX contacts_since_day ON contacts(right(customer_since, 5))
            WHERE archived_at IS NULL AND customer_since IS NOT NULL;
        CREATE INDEX quotes_closed_at ON quotes(closed_at) WHERE closed_at IS NOT NULL;
        CREATE INDEX contacts_archived ON contacts(archived_at) WHERE archived_at IS NOT NULL;
        DROP INDEX followups_open_due;
        CREATE INDEX followups_open_due ON followups(due_on, contact_id, status)
            WHERE status = 'open';
        DROP INDEX contacts_touch;
        CREATE INDEX contacts_touch ON contacts(status, every, last_touch_on, archived_at)
            WHERE archived_at IS NULL;
        DROP INDEX quotes_open_activity;
        CREATE INDEX quotes_open_activity
            ON quotes(status, last_activity_on, valid_until, contact_id)
            WHERE status IN ('draft', 'sent', 'negotiating');
    """
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""
