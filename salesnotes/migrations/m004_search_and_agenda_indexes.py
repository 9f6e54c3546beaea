"""Full-text search over what was said (sqlite-utils' FTS5 index, kept current by
triggers; accents folded, so "cafe" finds "café"), and the indexes that let the agenda
read only the top of each source (usecases/sources.py): open follow-ups per reason and priority
by due date, open quotes by amount, contacts with their own rhythm by last touch; and a
covering index for finding contacts by a piece of their name.
"""

from __future__ import annotations

from salesnotes.migrations.parts import INTERACTION_DOC, WORDS, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    db.table("interactions").enable_fts(
        ["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    run(
        db,
        """
        CREATE INDEX contacts_every_touch ON contacts(every, last_touch_on)
            WHERE archived_at IS NULL AND every IS NOT NULL;
        CREATE INDEX followups_open_group ON followups(reason, priority, due_on)
            WHERE status = 'open';
        CREATE INDEX quotes_open_amount ON quotes(status, amount_cents)
            WHERE status IN ('draft', 'sent', 'negotiating');
        CREATE INDEX quotes_open_expiry ON quotes(valid_until, amount_cents)
            WHERE status IN ('draft', 'sent', 'negotiating');
        -- Finding a name is a scan of this small index, not of the contacts table.
        CREATE INDEX contacts_search ON contacts(name_key, archived_at, organisation_id);
        """,
    )


POSTGRES = f"""
        CREATE EXTENSION IF NOT EXISTS unaccent;
        CREATE FUNCTION {WORDS}(value TEXT) RETURNS TEXT
            LANGUAGE sql IMMUTABLE PARALLEL SAFE STRICT
            RETURN regexp_replace(
                lower(unaccent('unaccent'::regdictionary, value)), '[^[:alnum:]]+', ' ', 'g'
            );
        CREATE INDEX interactions_fts ON interactions USING gin ({INTERACTION_DOC});
        CREATE INDEX contacts_every_touch ON contacts(every, last_touch_on)
            WHERE archived_at IS NULL AND every IS NOT NULL;
        CREATE INDEX followups_open_group ON followups(reason, priority, due_on)
            WHERE status = 'open';
        CREATE INDEX quotes_open_amount ON quotes(status, amount_cents)
            WHERE status IN ('draft', 'sent', 'negotiating');
        CREATE INDEX quotes_open_expiry ON quotes(valid_until, amount_cents)
            WHERE status IN ('draft', 'sent', 'negotiating');
        CREATE INDEX contacts_search ON contacts(name_key text_pattern_ops, archived_at,
            organisation_id);
    """
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""
