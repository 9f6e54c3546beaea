"""Contacts in organisations, what was said to them, and the follow-ups promised.

Enumerations (status, kind, reason, priority) are checked in store.py rather than with
CHECK constraints, so that a later issue can add a value without rebuilding a table.
A short integer id is for typing; the uuid is for merges and imports across books.
"""

from __future__ import annotations

from salesnotes.migrations.parts import ID, REF, ROWID, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(
        db,
        """
        CREATE TABLE organisations (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (name <> ''),
            name_key TEXT NOT NULL,
            organisation_id INTEGER REFERENCES organisations(id),
            status TEXT NOT NULL DEFAULT 'lead',
            note TEXT NOT NULL DEFAULT '',
            archived_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX contacts_name_key ON contacts(name_key);
        CREATE INDEX contacts_organisation ON contacts(organisation_id);
        CREATE TABLE contact_emails (
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            email TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (contact_id, email)
        );
        CREATE INDEX contact_emails_email ON contact_emails(email);
        CREATE TABLE contact_phones (
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            phone TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (contact_id, phone)
        );
        CREATE TABLE contact_tags (
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            tag TEXT NOT NULL,
            PRIMARY KEY (contact_id, tag)
        );
        CREATE INDEX contact_tags_tag ON contact_tags(tag);
        CREATE TABLE interactions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            happened_on TEXT NOT NULL,
            logged_at TEXT NOT NULL
        );
        CREATE INDEX interactions_contact ON interactions(contact_id, happened_on);
        CREATE TABLE followups (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            due_on TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT 'other',
            priority TEXT NOT NULL DEFAULT 'normal',
            status TEXT NOT NULL DEFAULT 'open',
            created_on TEXT NOT NULL,
            created_at TEXT NOT NULL,
            snoozed_from TEXT,
            done_on TEXT,
            done_at TEXT,
            done_note TEXT NOT NULL DEFAULT '',
            source_interaction_id INTEGER REFERENCES interactions(id),
            done_interaction_id INTEGER REFERENCES interactions(id)
        );
        -- The agenda reads open follow-ups due on or before a day: this index is that read.
        CREATE INDEX followups_open_due ON followups(due_on) WHERE status = 'open';
        CREATE INDEX followups_contact ON followups(contact_id, status);
        """,
    )


POSTGRES = f"""
        CREATE TABLE organisations (
            id {ID},
            uuid TEXT COLLATE "C" NOT NULL UNIQUE,
            name TEXT COLLATE "C" NOT NULL,
            name_key TEXT COLLATE "C" NOT NULL UNIQUE,
            created_at TEXT COLLATE "C" NOT NULL
        );
        CREATE TABLE contacts (
            id {ID},
            uuid TEXT COLLATE "C" NOT NULL UNIQUE,
            name TEXT COLLATE "C" NOT NULL CHECK (name <> ''),
            name_key TEXT COLLATE "C" NOT NULL,
            organisation_id BIGINT REFERENCES organisations(id) {REF},
            status TEXT COLLATE "C" NOT NULL DEFAULT 'lead',
            note TEXT COLLATE "C" NOT NULL DEFAULT '',
            archived_at TEXT COLLATE "C",
            created_at TEXT COLLATE "C" NOT NULL,
            updated_at TEXT COLLATE "C" NOT NULL
        );
        CREATE INDEX contacts_name_key ON contacts(name_key);
        CREATE INDEX contacts_organisation ON contacts(organisation_id);
        CREATE TABLE contact_emails (
            contact_id BIGINT NOT NULL REFERENCES contacts(id) {REF},
            email TEXT COLLATE "C" NOT NULL,
            position BIGINT NOT NULL,
            {ROWID},
            PRIMARY KEY (contact_id, email)
        );
        CREATE INDEX contact_emails_email ON contact_emails(email);
        CREATE TABLE contact_phones (
            contact_id BIGINT NOT NULL REFERENCES contacts(id) {REF},
            phone TEXT COLLATE "C" NOT NULL,
            position BIGINT NOT NULL,
            {ROWID},
            PRIMARY KEY (contact_id, phone)
        );
        CREATE TABLE contact_tags (
            contact_id BIGINT NOT NULL REFERENCES contacts(id) {REF},
            tag TEXT COLLATE "C" NOT NULL,
            {ROWID},
            PRIMARY KEY (contact_id, tag)
        );
        CREATE INDEX contact_tags_tag ON contact_tags(tag);
        CREATE TABLE interactions (
            id {ID},
            uuid TEXT COLLATE "C" NOT NULL UNIQUE,
            contact_id BIGINT NOT NULL REFERENCES contacts(id) {REF},
            kind TEXT COLLATE "C" NOT NULL,
            text TEXT COLLATE "C" NOT NULL,
            happened_on TEXT COLLATE "C" NOT NULL,
            logged_at TEXT COLLATE "C" NOT NULL
        );
        CREATE INDEX interactions_contact ON interactions(contact_id, happened_on);
        CREATE TABLE followups (
            id {ID},
            uuid TEXT COLLATE "C" NOT NULL UNIQUE,
            contact_id BIGINT NOT NULL REFERENCES contacts(id) {REF},
            due_on TEXT COLLATE "C" NOT NULL,
            text TEXT COLLATE "C" NOT NULL DEFAULT '',
            reason TEXT COLLATE "C" NOT NULL DEFAULT 'other',
            priority TEXT COLLATE "C" NOT NULL DEFAULT 'normal',
            status TEXT COLLATE "C" NOT NULL DEFAULT 'open',
            created_on TEXT COLLATE "C" NOT NULL,
            created_at TEXT COLLATE "C" NOT NULL,
            snoozed_from TEXT COLLATE "C",
            done_on TEXT COLLATE "C",
            done_at TEXT COLLATE "C",
            done_note TEXT COLLATE "C" NOT NULL DEFAULT '',
            source_interaction_id BIGINT REFERENCES interactions(id) {REF},
            done_interaction_id BIGINT REFERENCES interactions(id) {REF}
        );
        CREATE INDEX followups_open_due ON followups(due_on) WHERE status = 'open';
        CREATE INDEX followups_contact ON followups(contact_id, status);
    """
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""
