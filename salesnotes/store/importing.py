"""An import's contacts on their way into the book: each row matched to a contact it is
(``_Index``), a match updated with what the file says more precisely (``_update``), the new
ones gathered into batches (``Import``). The rules of matching are in ``Bulk.import_contacts``'
docstring."""

from __future__ import annotations

from salesnotes.imported import ImportResult
from salesnotes.models import Address
from salesnotes.store.bulk import LOAD_COLUMNS, insert_statement
from salesnotes.store.connection import new_uuid
from salesnotes.store.contacts import FTS_COLUMNS, fts_row
from salesnotes.store.dialect import ACTIVE
from salesnotes.store.privacy import Privacy
from salesnotes.text import fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
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
        self.index = _Index(db)
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
        """Write what the batches hold."""
        for table, statement in self.sql.items():
            self.db.executemany(statement, self.batch[table])
            self.batch[table].clear()
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
            (cid, uuid, row.name, person[0], person[1], row.status or "lead", _new_note(row),
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
            for n, a in enumerate(_distinct(row.addresses), start=1)
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


class _Index:
    """What an import matches rows against: the book's contacts, and the file's so far."""

    def __init__(self, db: Database) -> None:
        rows = db.tuples("SELECT id, uuid, merged_into, name_key, organisation_id FROM contacts")
        self.uuids: dict[str, int] = {uuid: merged or cid for cid, uuid, merged, _, _ in rows}
        self.names: dict[tuple[str, int | None], int] = {
            (key, org): cid for cid, _, merged, key, org in rows if merged is None
        }
        self.keys: dict[int, str] = {cid: key for cid, _, merged, key, _ in rows if not merged}
        self.emails: dict[str, int] = dict(
            db.tuples(f"SELECT email, contact_id FROM contact_emails WHERE contact_id {ACTIVE}")
        )
        self.phones: dict[str, int] = dict(
            db.tuples(
                "SELECT e164, contact_id FROM contact_phones"
                f" WHERE e164 IS NOT NULL AND contact_id {ACTIVE}"
            )
        )
        self.orgs = {key: oid for oid, key in db.tuples("SELECT id, name_key FROM organisations")}
        self.with_email = set(self.emails.values())

    def match(self, row: NewContact, key: tuple[str, int | None]) -> int | None:
        """The contact ``row`` is (see ``import_contacts``); ``key``: its folded name and
        its organisation's id."""
        if row.uuid and row.uuid in self.uuids:
            return self.uuids[row.uuid]
        if row.book_id is not None and _same_name(self.keys.get(row.book_id, ""), key[0]):
            return row.book_id  # this book's own export: its id, and the same name
        for email in row.emails:
            if email in self.emails:
                return self.emails[email]
        for phone in row.phones:
            found = self.phones.get(phone.e164) if phone.e164 else None
            if found is None:
                continue
            if _same_name(self.keys.get(found, ""), key[0]):
                return found  # a number and the name: the same person, whatever the e-mail
            # Another name: a person's own number may still be theirs (a nickname), unless
            # their e-mail addresses say otherwise; a switchboard is many people's.
            if phone.personal and not (row.emails and found in self.with_email):
                return found
        # The same name in the same organisation, when e-mail addresses do not say otherwise.
        found = self.names.get(key)
        if found is not None and not (row.emails and found in self.with_email):
            return found
        return None

    def remember(
        self, cid: int, uuid: str | None, row: NewContact, key: tuple[str, int | None]
    ) -> None:
        """Rows later in the file match this one too."""
        if uuid:
            self.uuids[uuid] = cid
        for email in row.emails:
            self.emails.setdefault(email, cid)
            self.with_email.add(cid)
        for phone in row.phones:
            if phone.e164:
                self.phones.setdefault(phone.e164, cid)
        self.names.setdefault(key, cid)
        self.keys.setdefault(cid, key[0])


def _same_name(ours: str, theirs: str) -> bool:
    """Two folded names of one person: the same, or the same but for tussenvoegsels."""
    from salesnotes.domain.duplicates import words

    return bool(ours) and (ours == theirs or words(ours) == words(theirs))


def _less_precise(theirs: str, ours: str) -> bool:
    """A name that says less than ours: each of its words is one of ours or its initial,
    in order ('Jan Vries', 'J. de Vries' and 'Jan' against 'Jan de Vries')."""
    from salesnotes.domain.duplicates import words

    mine = words(ours)
    position = 0
    for word in words(theirs):
        while position < len(mine) and not mine[position].startswith(word):
            position += 1
        if position == len(mine):
            return False
        position += 1
    return True


def _distinct(addresses: Iterable[Address]) -> list[Address]:
    """Addresses without one that another says all of."""
    kept: list[Address] = []
    for address in addresses:
        if any(other.covers(address) for other in kept):
            continue
        kept = [other for other in kept if not address.covers(other)]
        kept.append(address)
    return kept


def _new_note(row: NewContact) -> str:
    """A new contact's note: the file's own, then the lines the import writes."""
    lines = [row.note] if row.note else []
    lines += [text for text, _ in row.written]
    return "\n".join(dict.fromkeys(lines))


def _update(contacts: Contacts, cid: int, row: NewContact, now: str) -> list[str]:
    """Bring contact ``cid`` up to what ``row`` says, never to less than it knows; return
    the names of what changed."""
    from datetime import date as day

    contact = contacts.get(cid)
    changes: dict[str, Any] = {}
    changed: list[str] = []
    named = row.name not in row.emails and row.name != row.organisation  # not a stand-in
    name = row.name if named and not _less_precise(row.name, contact.name) else ""
    for field, theirs, ours in (
        ("name", name, contact.name),
        ("organisation", row.organisation, contact.organisation),
        ("job_title", row.job_title, contact.job_title),
        ("department", row.department, contact.department),
        ("city", row.city, contact.city),
        ("status", row.status, contact.status),
        ("every", row.every, contact.every),
    ):
        if theirs and fold(theirs) != fold(ours or ""):
            changes[field] = theirs
            changed.append(field)
    birthday = row.birthday
    if birthday and contact.birthday and birthday.startswith("--"):
        birthday = None if contact.birthday.endswith(birthday[2:]) else birthday
    if birthday and birthday != contact.birthday:
        changes["birthday"] = birthday
        changed.append("birthday")
    since = row.customer_since
    if since and since != (contact.customer_since.isoformat() if contact.customer_since else ""):
        changes["customer_since"] = day.fromisoformat(since)
        changed.append("customer_since")
    note = _added_note(contact.note, row)
    if note != contact.note:
        changes["note"] = note
        changed.append("note")
    emails = [e for e in row.emails if e not in contact.emails]
    phones = [
        p
        for p in row.phones
        if p.typed not in contact.phones and not (p.e164 and cid in contacts.with_phone(p.e164))
    ]
    kinds = [p for p in row.phones if p.kind and p not in phones]
    if kinds and contacts.know_kinds(cid, kinds):
        changed.append("phone_kind")
    tags = [t for t in row.tags if t not in contact.tags]
    addresses = [
        a
        for a in _distinct(row.addresses)
        if not any(o.covers(a) for o in contact.addresses)
        and a != Address(city=contact.city or row.city)  # only the city they are in
    ]
    changed += [
        what
        for what, new in (
            ("email", emails), ("phone", phones), ("tags", tags), ("address", addresses)
        )
        if new
    ]  # fmt: skip
    if changes or emails or phones or tags or addresses:
        contacts.edit(
            cid, now=now, emails=emails, phones=phones, tags=tags, addresses=addresses, **changes
        )
    if row.last_contact and contacts.touch(cid, day.fromisoformat(row.last_contact)):
        changed.append("last_contact")
    return changed


def _added_note(note: str, row: NewContact) -> str:
    """The contact's note with what the row adds: its own note when the contact's does not
    hold it, and each line the import writes that the note holds in no language yet."""
    have = {line.strip() for line in note.splitlines()}
    added: list[str] = []
    if row.note and row.note not in note:
        added.append(row.note)
    for text, variants in row.written:
        if not have.intersection(variants) and text not in added:
            added.append(text)
            have.add(text)
    if not added:
        return note
    return "\n".join([note, *added]) if note else "\n".join(added)


def _reach(db: Database, org_id: int, row: NewContact) -> int:
    """A card of the organisation itself: its phone number (the switchboard before any
    other, never a fax) and e-mail address, where the organisation has none yet; 1 when
    it gained either."""
    numbers = [p for p in row.phones if p.kind != "fax"]
    numbers.sort(key=lambda p: p.kind not in ("main", "work", ""))
    current = db.one("SELECT phone, email FROM organisations WHERE id = ?", (org_id,))
    changes: dict[str, Any] = {}
    if numbers and current is not None and not current[0]:
        changes.update(phone=numbers[0].typed, e164=numbers[0].e164)
    if row.emails and current is not None and not current[1]:
        changes["email"] = row.emails[0]
    if changes:
        assignments = ", ".join(f"{column} = ?" for column in changes)
        db.execute(
            f"UPDATE organisations SET {assignments} WHERE id = ?", (*changes.values(), org_id)
        )
    return 1 if changes else 0
