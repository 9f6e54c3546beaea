"""Which contact an imported row is, what it adds to one the book has, and what of a row
is kept (the limits of what is typed hold for a file too): the rules of an import, pure.
The store reads what the book knows into ``Known`` and writes what these decide; the rules
in words are in ``Bulk.import_contacts``' docstring."""

from __future__ import annotations

from salesnotes.models import Address
from salesnotes.record import record
from salesnotes.text import fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterable
    from typing import Any

    from salesnotes.imported import NewContact, Unreadable
    from salesnotes.models import Contact, PhoneNumber


class Known:
    """What an import matches rows against: the book's contacts (read by the store), and
    the file's so far (``remember``)."""

    __slots__ = ("emails", "keys", "names", "orgs", "phones", "uuids", "with_email")

    def __init__(
        self,
        contacts: Iterable[tuple[int, str, int | None, str, int | None]],
        emails: Iterable[tuple[str, int]],
        phones: Iterable[tuple[str, int]],
        orgs: Iterable[tuple[int, str]],
    ) -> None:
        """``contacts``: (id, uuid, merged into, folded name, organisation id) of each;
        ``emails``/``phones``: (address or E.164 number, contact id) of active contacts;
        ``orgs``: (id, folded name) of each organisation."""
        rows = list(contacts)
        self.uuids: dict[str, int] = {uuid: merged or cid for cid, uuid, merged, _, _ in rows}
        self.names: dict[tuple[str, int | None], int] = {
            (key, org): cid for cid, _, merged, key, org in rows if merged is None
        }
        self.keys: dict[int, str] = {cid: key for cid, _, merged, key, _ in rows if not merged}
        self.emails: dict[str, int] = dict(emails)
        self.phones: dict[str, int] = dict(phones)
        self.orgs = {key: oid for oid, key in orgs}
        self.with_email = set(self.emails.values())

    def match(self, row: NewContact, key: tuple[str, int | None]) -> int | None:
        """The contact ``row`` is (see ``import_contacts``); ``key``: its folded name and
        its organisation's id."""
        if row.uuid and row.uuid in self.uuids:
            return self.uuids[row.uuid]
        if row.book_id is not None and same_name(self.keys.get(row.book_id, ""), key[0]):
            return row.book_id  # this book's own export: its id, and the same name
        for email in row.emails:
            if email in self.emails:
                return self.emails[email]
        for phone in row.phones:
            found = self.phones.get(phone.e164) if phone.e164 else None
            if found is None:
                continue
            if same_name(self.keys.get(found, ""), key[0]):
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


def same_name(ours: str, theirs: str) -> bool:
    """Two folded names of one person: the same, or the same but for tussenvoegsels."""
    from salesnotes.domain.duplicates import words

    return bool(ours) and (ours == theirs or words(ours) == words(theirs))


def less_precise(theirs: str, ours: str) -> bool:
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


def distinct(addresses: Iterable[Address]) -> list[Address]:
    """Addresses without one that another says all of."""
    kept: list[Address] = []
    for address in addresses:
        if any(other.covers(address) for other in kept):
            continue
        kept = [other for other in kept if not address.covers(other)]
        kept.append(address)
    return kept


def new_note(row: NewContact) -> str:
    """A new contact's note: the file's own, then the lines the import writes."""
    lines = [row.note] if row.note else []
    lines += [text for text, _ in row.written]
    return "\n".join(dict.fromkeys(lines))


@record
class RowChanges:
    """What an imported row adds to a contact the book has: ``changes`` for its fields (as
    ``contacts.edit`` takes them), the e-mail addresses, phone numbers, tags and addresses it
    gains, the numbers whose kind it may learn, and the names of the fields it changes."""

    changes: dict[str, Any]
    emails: list[str]
    phones: list[PhoneNumber]
    kinds: list[PhoneNumber]
    tags: list[str]
    addresses: list[Address]
    changed: list[str]

    @property
    def gained(self) -> list[str]:
        """The names of the kinds of detail it adds."""
        return [
            what
            for what, new in (
                ("email", self.emails), ("phone", self.phones), ("tags", self.tags),
                ("address", self.addresses),
            )
            if new
        ]  # fmt: skip

    @property
    def any(self) -> bool:
        """Anything to write."""
        return bool(self.changes or self.emails or self.phones or self.tags or self.addresses)


def row_changes(contact: Contact, row: NewContact, has_number: Callable[[str], bool]) -> RowChanges:
    """What ``row`` says more precisely than ``contact``, never less than it knows
    (``has_number``: whether the contact has this E.164 number in any notation)."""
    from datetime import date as day

    changes: dict[str, Any] = {}
    changed: list[str] = []
    named = row.name not in row.emails and row.name != row.organisation  # not a stand-in
    name = row.name if named and not less_precise(row.name, contact.name) else ""
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
    note = added_note(contact.note, row)
    if note != contact.note:
        changes["note"] = note
        changed.append("note")
    emails = [e for e in row.emails if e not in contact.emails]
    phones = [
        p
        for p in row.phones
        if p.typed not in contact.phones and not (p.e164 and has_number(p.e164))
    ]
    kinds = [p for p in row.phones if p.kind and p not in phones]
    tags = [t for t in row.tags if t not in contact.tags]
    addresses = [
        a
        for a in distinct(row.addresses)
        if not any(o.covers(a) for o in contact.addresses)
        and a != Address(city=contact.city or row.city)  # only the city they are in
    ]
    return RowChanges(changes, emails, phones, kinds, tags, addresses, changed)


def added_note(note: str, row: NewContact) -> str:
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


def reach_of(row: NewContact) -> tuple[PhoneNumber | None, str | None]:
    """What an organisation's own card gives it: its phone number (the switchboard before
    any other, never a fax) and e-mail address, each where the card has one."""
    numbers = [p for p in row.phones if p.kind != "fax"]
    numbers.sort(key=lambda p: p.kind not in ("main", "work", ""))
    return (numbers[0] if numbers else None), (row.emails[0] if row.emails else None)


def within_limits(row: NewContact) -> NewContact | Unreadable:
    """The row, or Unreadable when a value is longer than salesnotes keeps (the limits of
    what is typed: a name of 200 characters, an e-mail address of 254)."""
    from salesnotes.domain.fields import too_long
    from salesnotes.imported import Unreadable

    values = [("name", row.name), ("org", row.organisation or ""), ("job_title", row.job_title),
              ("department", row.department), ("city", row.city),
              *(("email", e) for e in row.emails), *(("tag", t) for t in row.tags),
              *(("phone", p.typed) for p in row.phones)]  # fmt: skip
    for address in row.addresses:
        values += [("street", address.street), ("postcode", address.postcode),
                   ("city", address.city), ("region", address.region),
                   ("country", address.country)]  # fmt: skip
    for key, value in values:
        problem = too_long(key, value)
        if problem:
            from salesnotes.text import shown

            return Unreadable(row.where, f"{problem}: {shown(value, 40)}")
    return row


def note_cut(row: NewContact) -> tuple[NewContact, int | None]:
    """The row with its note (its own text, then the lines the import writes) cut to the
    longest salesnotes keeps, and how many characters were kept when it was cut."""
    from salesnotes.domain.fields import LONGEST_TEXT
    from salesnotes.record import changed

    if len(row.note) + sum(len(text) + 1 for text, __ in row.written) <= LONGEST_TEXT:
        return row, None
    note = row.note[:LONGEST_TEXT]
    room = LONGEST_TEXT - len(note)
    written = []
    for text, every in row.written:
        if len(text) + 1 > room:
            break
        written.append((text, every))
        room -= len(text) + 1
    return changed(row, note=note, written=tuple(written)), LONGEST_TEXT - room
