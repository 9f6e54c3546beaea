"""An import's contacts on their way into the book: each row matched to a contact it is and
a match updated with what the file says more precisely (the rules: ``domain.import_matching``),
the new ones gathered into batches (``Import``)."""

from __future__ import annotations

from salesnotes.domain.import_matching import Known, distinct, new_note, reach_of, row_changes
from salesnotes.imported import ImportResult
from salesnotes.store.bulk import LOAD_COLUMNS, insert_statement
from salesnotes.store.connection import new_uuid
from salesnotes.store.contacts import FTS_COLUMNS, fts_row
from salesnotes.store.dialect import ACTIVE
from salesnotes.store.privacy import Privacy
from salesnotes.text import fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from salesnotes.imported import NewContact
    from salesnotes.store.contacts import Contacts
    from salesnotes.store.database import Database

# What an import knows of a contact: the loader's columns but for archiving.
IMPORTED = (
    *(c for c in LOAD_COLUMNS["contacts"] if c != "archived_at"),
    "job_title",
    "city",
    "owner",
    "department",
)
IMPORTED_PHONES = ("contact_id", "phone", "position", "e164", "mobile", "kind")
IMPORTED_ADDRESSES = (
    "contact_id", "kind", "street", "postcode", "city", "region", "country", "position"
)  # fmt: skip


class Import:
    """One import's rows on their way in: new contacts gathered into batches (written 5,000
    at a time, and before anything needs them to exist), matches updated one by one, and
    the counts of what happened."""

    def __init__(self, db: Database, contacts: Contacts, *, now: str, today: date) -> None:
        self.db, self.contacts, self.now, self.today = db, contacts, now, today
        self.index = _known(db)
        self.next_org = db.next_id("organisations")
        self.next_contact = self.first_new = db.next_id("contacts")
        self.added = self.unchanged = self.new_orgs = self.org_cards = self.erased = 0
        self.updated: list[tuple[int, str, tuple[str, ...]]] = []
        self.pending: set[int] = set()
        self.batch: dict[str, list[tuple[Any, ...]]] = {
            table: [] for table in ("organisations", "contacts", "contact_emails",
                                    "contact_phones", "contact_tags", "contact_addresses")
        }  # fmt: skip
        self.sql = {
            "organisations": insert_statement("organisations", LOAD_COLUMNS["organisations"]),
            "contacts": insert_statement("contacts", IMPORTED),
            "contact_emails": insert_statement("contact_emails", LOAD_COLUMNS["contact_emails"]),
            "contact_phones": insert_statement("contact_phones", IMPORTED_PHONES, db.sql),
            "contact_tags": insert_statement("contact_tags", LOAD_COLUMNS["contact_tags"], db.sql),
            "contact_addresses": insert_statement("contact_addresses", IMPORTED_ADDRESSES),
        }
        self.user = db.user  # whoever imports owns the new contacts
        self.privacy = Privacy(db)
        self.forgotten = bool(db.one("SELECT 1 FROM erasures"))

    def flush(self) -> None:
        """Write what the batches hold; the new contacts' lines of the audit trail in one
        statement after them (the trail's row triggers cost a 50,000-row import 15-40%)."""
        added = [row[0] for row in self.batch["contacts"]]
        paused = self.db.pause_trail()
        try:
            for table, statement in self.sql.items():
                self.db.executemany(statement, self.batch[table])
                self.batch[table].clear()
        finally:
            self.db.resume_trail(paused, added)
        self.pending.clear()

    def take(self, row: NewContact) -> None:
        """One row of the file: skipped (a person erased with 'forget': a file made before
        must not bring them back), an organisation's own card, a match, or a new contact."""
        if self.forgotten and row.uuid and self.privacy.erased([row.uuid]):
            self.erased += 1
            return
        org_id = self.organisation(row.organisation) if row.organisation else None
        if row.organisation_card and org_id is not None:
            self.flush()  # the organisation must exist to be given its number
            self.org_cards += _reach(self.db, org_id, row)
            return
        person = (fold(row.name), org_id)
        found = self.index.match(row, person)
        if found is None:
            self.add(row, person)
            return
        if found in self.pending or self.batch["organisations"]:
            self.flush()  # the contact (or its new organisation) must exist to be changed
        changed = _update(self.contacts, found, row, self.now)
        self.index.remember(found, None, row, person)
        if changed:
            self.updated.append((found, row.name, tuple(changed)))
        else:
            self.unchanged += 1

    def organisation(self, name: str) -> int:
        """The organisation's id: the book's, this file's, or a new one."""
        key = fold(name)
        org_id = self.index.orgs.get(key)
        if org_id is None:
            org_id = self.index.orgs[key] = self.next_org
            self.next_org += 1
            self.new_orgs += 1
            self.batch["organisations"].append((org_id, new_uuid(), name, key, self.now))
        return org_id

    def add(self, row: NewContact, person: tuple[str, int | None]) -> None:
        """A new contact, into the batches."""
        cid = self.next_contact
        self.next_contact += 1
        self.added += 1
        self.pending.add(cid)
        uuid = row.uuid if row.uuid and row.uuid not in self.index.uuids else new_uuid()
        self.index.remember(cid, uuid, row, person)
        today = self.today.isoformat()
        last = min(row.last_contact or today, today)
        self.batch["contacts"].append(
            (cid, uuid, row.name, person[0], person[1], row.status or "lead", new_note(row),
             self.now, self.now, row.every, last, row.birthday, row.customer_since,
             row.job_title, row.city, self.user, row.department)
        )  # fmt: skip
        self.batch["contact_emails"] += [
            (cid, e, n) for n, e in enumerate(dict.fromkeys(row.emails), start=1)
        ]
        self.batch["contact_phones"] += [
            (cid, p.typed, n, p.e164, int(p.mobile), p.kind)
            for n, p in enumerate(row.phones, start=1)
        ]
        self.batch["contact_tags"] += [(cid, t) for t in row.tags]
        self.batch["contact_addresses"] += [
            (cid, a.kind, a.street, a.postcode, a.city, a.region, a.country, n)
            for n, a in enumerate(distinct(row.addresses), start=1)
        ]
        if len(self.batch["contacts"]) >= 5000:
            self.flush()

    def finish(self) -> ImportResult:
        """The rest written; new contacts get their search rows now, in one go (one that a
        later row of the file updated has had its row made already)."""
        self.flush()
        self.db.execute("DELETE FROM contacts_fts WHERE rowid >= ?", (self.first_new,))
        self.db.execute(
            f"INSERT INTO contacts_fts ({FTS_COLUMNS}) {fts_row(self.db.sql)} WHERE c.id >= ?",
            (self.first_new,),
        )
        self.db.reset_ids("organisations")
        self.db.reset_ids("contacts")
        return ImportResult(
            self.added, tuple(self.updated), self.unchanged, self.new_orgs, self.erased,
            self.org_cards,
        )  # fmt: skip


def _known(db: Database) -> Known:
    """What the book knows that an import matches rows against."""
    return Known(
        db.tuples("SELECT id, uuid, merged_into, name_key, organisation_id FROM contacts"),
        db.tuples(f"SELECT email, contact_id FROM contact_emails WHERE contact_id {ACTIVE}"),
        db.tuples(
            "SELECT e164, contact_id FROM contact_phones"
            f" WHERE e164 IS NOT NULL AND contact_id {ACTIVE}"
        ),
        db.tuples("SELECT id, name_key FROM organisations"),
    )


def _update(contacts: Contacts, cid: int, row: NewContact, now: str) -> list[str]:
    """Bring contact ``cid`` up to what ``row`` says (``import_matching.row_changes``);
    return the names of what changed."""
    from datetime import date as day

    found = row_changes(contacts.get(cid), row, lambda e164: cid in contacts.with_phone(e164))
    changed = list(found.changed)
    if found.kinds and contacts.know_kinds(cid, found.kinds):
        changed.append("phone_kind")
    changed += found.gained
    if found.any:
        contacts.edit(
            cid, now=now, emails=found.emails, phones=found.phones, tags=found.tags,
            addresses=found.addresses, **found.changes,
        )  # fmt: skip
    if row.last_contact and contacts.touch(cid, day.fromisoformat(row.last_contact)):
        changed.append("last_contact")
    return changed


def _reach(db: Database, org_id: int, row: NewContact) -> int:
    """A card of the organisation itself gives it its phone number and e-mail address
    (``import_matching.reach_of``), where the organisation has none yet; 1 when it gained
    either."""
    number, email = reach_of(row)
    current = db.one("SELECT phone, email FROM organisations WHERE id = ?", (org_id,))
    changes: dict[str, Any] = {}
    if number is not None and current is not None and not current[0]:
        changes.update(phone=number.typed, e164=number.e164)
    if email is not None and current is not None and not current[1]:
        changes["email"] = email
    if changes:
        assignments = ", ".join(f"{column} = ?" for column in changes)
        db.execute(
            f"UPDATE organisations SET {assignments} WHERE id = ?", (*changes.values(), org_id)
        )
    return 1 if changes else 0
