"""Find anyone from a fragment or a missed call, and merge duplicates.

``contact_phones.e164`` is the number normalised to E.164 ('+31612345678'; with an
extension '+31384217788;ext=12'), NULL when it could not be read as a valid number (it is
kept as typed); ``mobile`` says whether it is a mobile number (a shared switchboard number
does not make two people one). Existing books are normalised here with the configured
region (``phone.region``, default NL). ``contacts.merged_into`` points from a merged
contact to the one it was merged into. ``contacts_fts`` indexes each contact's name,
organisation, e-mail addresses and tags for search (kept current by the store, which
writes every change to those), accents folded, word prefixes.
"""

from __future__ import annotations

from salesnotes.migrations.parts import REF, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    from salesnotes.config import load
    from salesnotes.domain.fields import read_phone

    run(
        db,
        """
        ALTER TABLE contact_phones ADD COLUMN e164 TEXT;
        ALTER TABLE contact_phones ADD COLUMN mobile INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE contacts ADD COLUMN merged_into INTEGER REFERENCES contacts(id);
        CREATE VIRTUAL TABLE contacts_fts USING fts5(
            name, organisation, emails, tags, tokenize = 'unicode61 remove_diacritics 2'
        );
        """,
    )
    region = load().get_str("phone.region")
    rows = list(db.execute("SELECT rowid, phone FROM contact_phones").fetchall())
    for rowid, phone in rows:
        number = read_phone(phone, region)
        db.execute(
            "UPDATE contact_phones SET e164 = ?, mobile = ? WHERE rowid = ?",
            [number.e164, int(number.mobile), rowid],
        )
    run(
        db,
        """
        CREATE INDEX contact_phones_e164 ON contact_phones(e164) WHERE e164 IS NOT NULL;
        INSERT INTO contacts_fts (rowid, name, organisation, emails, tags)
            SELECT c.id, c.name, coalesce(o.name, ''),
                coalesce((SELECT group_concat(email, ' ') FROM contact_emails
                          WHERE contact_id = c.id), ''),
                coalesce((SELECT group_concat(tag, ' ') FROM contact_tags
                          WHERE contact_id = c.id), '')
            FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id;
        """,
    )


POSTGRES = f"""
        ALTER TABLE contact_phones ADD COLUMN e164 TEXT COLLATE "C";
        ALTER TABLE contact_phones ADD COLUMN mobile BIGINT NOT NULL DEFAULT 0;
        ALTER TABLE contacts ADD COLUMN merged_into BIGINT REFERENCES contacts(id) {REF};
        CREATE INDEX contact_phones_e164 ON contact_phones(e164) WHERE e164 IS NOT NULL;
        CREATE TABLE contacts_fts (
            rowid BIGINT PRIMARY KEY,
            name TEXT COLLATE "C" NOT NULL DEFAULT '',
            organisation TEXT COLLATE "C" NOT NULL DEFAULT '',
            emails TEXT COLLATE "C" NOT NULL DEFAULT '',
            tags TEXT COLLATE "C" NOT NULL DEFAULT ''
        );
    """
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""
