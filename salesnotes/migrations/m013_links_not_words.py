"""What salesnotes wrote itself is found again by a link, never by its words (which
differ per language: a Dutch briefing listed each closed quote twice because the note
'Offerte #4 gewonnen' was looked for as 'Quote #4 ...'). ``interactions.quote_id``: the
quote a note is about (sent, revised, won, lost). ``followups.generated``: 1 when the
text is salesnotes' own (a quote's chase), so a revision may rewrite it; a text the
salesperson wrote is never touched. Old books are linked here, once, from the words
salesnotes wrote in English and Dutch.
"""

from __future__ import annotations

from salesnotes.migrations.parts import REF, create_undo_triggers, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(
        db,
        """
        ALTER TABLE interactions ADD COLUMN quote_id INTEGER REFERENCES quotes(id);
        CREATE INDEX interactions_quote ON interactions(quote_id) WHERE quote_id IS NOT NULL;
        ALTER TABLE followups ADD COLUMN generated INTEGER NOT NULL DEFAULT 0;
        UPDATE interactions SET quote_id = (
            SELECT q.id FROM quotes q WHERE q.contact_id = interactions.contact_id AND (
                interactions.text LIKE 'Quote #' || q.id || ' %'
                OR interactions.text LIKE 'Sent quote #' || q.id || ' %'
                OR interactions.text LIKE 'Offerte #' || q.id || ' %'))
        WHERE kind = 'note';
        UPDATE followups SET generated = 1 WHERE quote_id IS NOT NULL
            AND (text LIKE 'Chase quote #%' OR text LIKE 'Offerte #%');
        """,
    )
    create_undo_triggers(db.conn)


POSTGRES = f"""
        ALTER TABLE interactions ADD COLUMN quote_id BIGINT REFERENCES quotes(id) {REF};
        CREATE INDEX interactions_quote ON interactions(quote_id) WHERE quote_id IS NOT NULL;
        ALTER TABLE followups ADD COLUMN generated BIGINT NOT NULL DEFAULT 0;
    """
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""
