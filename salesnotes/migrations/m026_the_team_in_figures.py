"""The team's figures over a span (issue 28, ``report``).

The conversations of a week or a month are found by their day, not by reading every
conversation in the book: the index holds the kind and the contact too, so counting them per
owner, day and kind reads the index and each contact's row. Follow-ups done, quotes sent,
contacts added and complaints opened are found by their day the same way (the follow-ups'
index holds what the figure reads of them), and the customers getting quiet by m023's
partial index with their owner beside it.

``followups.closed_with_quote``: a quote's chase that closed because the quote was won, lost
or expired (``close_chases``) was not done by anyone; the figure "follow-ups done on time or
late" leaves it out. Those closed before this step are the chases whose close is the
quote's own, to the second.
"""

from __future__ import annotations

from salesnotes.migrations.parts import create_undo_triggers, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database

INDEXES = """
        CREATE INDEX interactions_day ON interactions(happened_on, kind, contact_id);
        CREATE INDEX followups_done_day
            ON followups(done_on, status, reason, closed_with_quote, due_on, owner, contact_id)
            WHERE done_on IS NOT NULL;
        CREATE INDEX followups_opened ON followups(reason, created_on);
        CREATE INDEX quotes_sent_day ON quotes(sent_on) WHERE sent_on IS NOT NULL;
        CREATE INDEX contacts_created ON contacts(created_at);
        CREATE INDEX contacts_quiet_owner ON contacts(quiet_after, owner)
            WHERE archived_at IS NULL AND every IS NULL AND learned_every IS NOT NULL
            AND status <> 'former';
        UPDATE followups SET closed_with_quote = 1
            WHERE status = 'done' AND quote_id IS NOT NULL AND done_interaction_id IS NULL
            AND done_at = (SELECT q.closed_at FROM quotes q WHERE q.id = followups.quote_id);
    """


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(db, "ALTER TABLE followups ADD COLUMN closed_with_quote INTEGER NOT NULL DEFAULT 0;")
    run(db, INDEXES)
    create_undo_triggers(db.conn)  # the journal records the new column too


POSTGRES = (
    "ALTER TABLE followups ADD COLUMN closed_with_quote INTEGER NOT NULL DEFAULT 0;" + INDEXES
)
"""PostgreSQL's step: the same."""
