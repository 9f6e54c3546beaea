"""Quotes with their revision history; follow-ups can chase a quote.

``amount_cents`` is the latest revision's amount, kept on the quote so the tray and the
pipeline need no join. ``last_activity_on`` is the last day anything happened with the quote
or its contact (store.py keeps it current), so that "stale" is an indexed comparison.
``probability`` NULL means the default for the status (configuration).
"""

from __future__ import annotations

from salesnotes.migrations.parts import ID, REF, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(
        db,
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            title TEXT NOT NULL,
            amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
            currency TEXT NOT NULL DEFAULT 'EUR',
            status TEXT NOT NULL DEFAULT 'draft',
            quoted_on TEXT NOT NULL,
            valid_until TEXT,
            probability INTEGER CHECK (probability BETWEEN 0 AND 100),
            sent_on TEXT,
            closed_on TEXT,
            lost_reason TEXT NOT NULL DEFAULT '',
            last_activity_on TEXT NOT NULL,
            created_at TEXT NOT NULL,
            CHECK (valid_until IS NULL OR valid_until >= quoted_on)
        );
        CREATE INDEX quotes_contact ON quotes(contact_id);
        CREATE INDEX quotes_open_validity ON quotes(valid_until)
            WHERE status IN ('draft', 'sent', 'negotiating');
        CREATE INDEX quotes_open_activity ON quotes(status, last_activity_on)
            WHERE status IN ('draft', 'sent', 'negotiating');
        CREATE INDEX quotes_closed ON quotes(status, closed_on);
        CREATE TABLE quote_revisions (
            id INTEGER PRIMARY KEY,
            quote_id INTEGER NOT NULL REFERENCES quotes(id),
            number INTEGER NOT NULL,
            amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
            revised_on TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            UNIQUE (quote_id, number)
        );
        ALTER TABLE followups ADD COLUMN quote_id INTEGER REFERENCES quotes(id);
        CREATE INDEX followups_quote ON followups(quote_id) WHERE quote_id IS NOT NULL;
        """,
    )


POSTGRES = f"""
        CREATE TABLE quotes (
            id {ID},
            uuid TEXT COLLATE "C" NOT NULL UNIQUE,
            contact_id BIGINT NOT NULL REFERENCES contacts(id) {REF},
            title TEXT COLLATE "C" NOT NULL,
            amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
            currency TEXT COLLATE "C" NOT NULL DEFAULT 'EUR',
            status TEXT COLLATE "C" NOT NULL DEFAULT 'draft',
            quoted_on TEXT COLLATE "C" NOT NULL,
            valid_until TEXT COLLATE "C",
            probability BIGINT CHECK (probability BETWEEN 0 AND 100),
            sent_on TEXT COLLATE "C",
            closed_on TEXT COLLATE "C",
            lost_reason TEXT COLLATE "C" NOT NULL DEFAULT '',
            last_activity_on TEXT COLLATE "C" NOT NULL,
            created_at TEXT COLLATE "C" NOT NULL,
            CHECK (valid_until IS NULL OR valid_until >= quoted_on)
        );
        CREATE INDEX quotes_contact ON quotes(contact_id);
        CREATE INDEX quotes_open_validity ON quotes(valid_until)
            WHERE status IN ('draft', 'sent', 'negotiating');
        CREATE INDEX quotes_open_activity ON quotes(status, last_activity_on)
            WHERE status IN ('draft', 'sent', 'negotiating');
        CREATE INDEX quotes_closed ON quotes(status, closed_on);
        CREATE TABLE quote_revisions (
            id {ID},
            quote_id BIGINT NOT NULL REFERENCES quotes(id) {REF},
            number BIGINT NOT NULL,
            amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
            revised_on TEXT COLLATE "C" NOT NULL,
            note TEXT COLLATE "C" NOT NULL DEFAULT '',
            created_at TEXT COLLATE "C" NOT NULL,
            UNIQUE (quote_id, number)
        );
        ALTER TABLE followups ADD COLUMN quote_id BIGINT REFERENCES quotes(id) {REF};
        CREATE INDEX followups_quote ON followups(quote_id) WHERE quote_id IS NOT NULL;
    """
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""
