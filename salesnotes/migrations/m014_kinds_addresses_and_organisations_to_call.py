"""What a phone's address book knows, kept: each number's kind (mobile, work, home,
assistant, fax, main, pager, other; '' when the source does not say), so the agenda
offers the person's own number and not their assistant's or the switchboard; a
contact's department (vCard's ORG;Department); their postal addresses, whole and with
their kind, as fields rather than lines in the note (an export gives them back to the
phone, a re-import does not pile them up); and an organisation's own phone number and
e-mail address (a municipality's switchboard is the one you call).
"""

from __future__ import annotations

from salesnotes.migrations.parts import ID, REF, create_undo_triggers, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(
        db,
        """
        ALTER TABLE contact_phones ADD COLUMN kind TEXT NOT NULL DEFAULT '';
        ALTER TABLE contacts ADD COLUMN department TEXT NOT NULL DEFAULT '';
        CREATE TABLE contact_addresses (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            kind TEXT NOT NULL DEFAULT '',
            street TEXT NOT NULL DEFAULT '',
            postcode TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL
        );
        CREATE INDEX contact_addresses_contact ON contact_addresses(contact_id, position);
        ALTER TABLE organisations ADD COLUMN phone TEXT NOT NULL DEFAULT '';
        ALTER TABLE organisations ADD COLUMN e164 TEXT;
        ALTER TABLE organisations ADD COLUMN email TEXT NOT NULL DEFAULT '';
        CREATE INDEX organisations_e164 ON organisations(e164) WHERE e164 IS NOT NULL;
        """,
    )
    create_undo_triggers(db.conn)


POSTGRES = f"""
        ALTER TABLE contact_phones ADD COLUMN kind TEXT COLLATE "C" NOT NULL DEFAULT '';
        ALTER TABLE contacts ADD COLUMN department TEXT COLLATE "C" NOT NULL DEFAULT '';
        CREATE TABLE contact_addresses (
            id {ID},
            contact_id BIGINT NOT NULL REFERENCES contacts(id) {REF},
            kind TEXT COLLATE "C" NOT NULL DEFAULT '',
            street TEXT COLLATE "C" NOT NULL DEFAULT '',
            postcode TEXT COLLATE "C" NOT NULL DEFAULT '',
            city TEXT COLLATE "C" NOT NULL DEFAULT '',
            region TEXT COLLATE "C" NOT NULL DEFAULT '',
            country TEXT COLLATE "C" NOT NULL DEFAULT '',
            position BIGINT NOT NULL
        );
        CREATE INDEX contact_addresses_contact ON contact_addresses(contact_id, position);
        ALTER TABLE organisations ADD COLUMN phone TEXT COLLATE "C" NOT NULL DEFAULT '';
        ALTER TABLE organisations ADD COLUMN e164 TEXT COLLATE "C";
        ALTER TABLE organisations ADD COLUMN email TEXT COLLATE "C" NOT NULL DEFAULT '';
        CREATE INDEX organisations_e164 ON organisations(e164) WHERE e164 IS NOT NULL;
    """
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""

JOURNALED_ON_POSTGRES = ("contact_addresses",)
"""The journaled table this step makes: on PostgreSQL it gets the journal's trigger here."""
