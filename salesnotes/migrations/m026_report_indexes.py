"""The team's figures over a span (issue 28, ``report``): the conversations of a week or a
month are found by their day, not by reading every conversation in the book. The index
holds the kind and the contact too, so counting them per owner, day and kind reads the
index and each contact's row (measured on the 100,000-conversation book: see
benchmarks/RESULTS.md, "Stop 37").
"""

from __future__ import annotations

from salesnotes.migrations.parts import run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database

INDEXES = """
        CREATE INDEX interactions_day ON interactions(happened_on, kind, contact_id);
        CREATE INDEX followups_done_day ON followups(done_on) WHERE done_on IS NOT NULL;
        CREATE INDEX quotes_sent_day ON quotes(sent_on) WHERE sent_on IS NOT NULL;
        CREATE INDEX contacts_created ON contacts(created_at);
        CREATE INDEX followups_opened ON followups(reason, created_on);
    """


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(db, INDEXES)


POSTGRES = INDEXES
"""PostgreSQL's step: the same indexes."""
