"""A contact's job title and city: what address books and exports carry that a
salesperson uses (shown, searchable). The contacts' search index gets them as columns, so
it is made anew and filled from the contacts.
"""

from __future__ import annotations

from salesnotes.migrations.parts import CONTACT_DOC, WORDS, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(
        db,
        """
        ALTER TABLE contacts ADD COLUMN job_title TEXT NOT NULL DEFAULT '';
        ALTER TABLE contacts ADD COLUMN city TEXT NOT NULL DEFAULT '';
        DROP TABLE contacts_fts;
        CREATE VIRTUAL TABLE contacts_fts USING fts5(
            name, organisation, emails, tags, job_title, city,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO contacts_fts (rowid, name, organisation, emails, tags, job_title, city)
            SELECT c.id, c.name, coalesce(o.name, ''),
                coalesce((SELECT group_concat(email, ' ') FROM contact_emails
                          WHERE contact_id = c.id), ''),
                coalesce((SELECT group_concat(tag, ' ') FROM contact_tags
                          WHERE contact_id = c.id), ''),
                c.job_title, c.city
            FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id;
        """,
    )


POSTGRES = f"""
        ALTER TABLE contacts ADD COLUMN job_title TEXT COLLATE "C" NOT NULL DEFAULT '';
        ALTER TABLE contacts ADD COLUMN city TEXT COLLATE "C" NOT NULL DEFAULT '';
        ALTER TABLE contacts_fts ADD COLUMN job_title TEXT COLLATE "C" NOT NULL DEFAULT '';
        ALTER TABLE contacts_fts ADD COLUMN city TEXT COLLATE "C" NOT NULL DEFAULT '';
        ALTER TABLE contacts_fts ADD COLUMN doc tsvector GENERATED ALWAYS AS ({CONTACT_DOC}) STORED;
        ALTER TABLE contacts_fts ADD COLUMN name_doc tsvector
            GENERATED ALWAYS AS (to_tsvector('simple', {WORDS}(name))) STORED;
        CREATE INDEX contacts_fts_doc ON contacts_fts USING gin (doc);
    """
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""
