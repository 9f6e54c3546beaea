"""The contacts' part of a sync (see ``usecases.sync``): each card settled three ways,
written to the phone, and what the phone changed made the book's edit (as ``edit`` does
it, refusing what ``edit`` refuses); a card made on the phone a contact (as ``add``)."""

from __future__ import annotations

from salesnotes.domain.phone_sync import (
    CARD_FIELDS,
    address_of,
    card_fields,
    contact_fields,
    merge,
    with_context,
)
from salesnotes.errors import SalesnotesError
from salesnotes.i18n import N_, _
from salesnotes.models import Synced
from salesnotes.record import changed
from salesnotes.usecases.phone import PhoneSync

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from salesnotes.imported import NewContact
    from salesnotes.models import Contact


class CardSync(PhoneSync):
    """A sync's contacts."""

    def sync_cards(self, collection: str) -> None:
        self.context = self._context()
        listing, fetched = self.read_server("addressbook", collection)
        known = {item.href for item in self.state["addressbook"]}
        seen = self.settle_known(
            "addressbook", listing, fetched,
            lambda item: self.contacts.get(item.contact_id) if item.contact_id else None,
            lambda item, contact, text, etag: self._settle_card(
                item, contact, self._card(text) if text else None, etag, collection
            ),
            "cards removed from the phone",
        )  # fmt: skip
        for href, (etag, text) in fetched.items():
            if href in known:
                continue
            card = self._card(text)
            if card is None:
                self.out.wait("unreadable card", href=href)
                continue
            contact = self.by_uuid.get(card.uuid or "")
            if contact is not None:  # ours, written by a sync that did not finish
                seen.add(contact.id)
                item = Synced(0, "addressbook", href, card.uuid or "", etag, contact.id, None, None)
                self._settle_card(item, contact, card, etag, collection)
            else:
                self._new_card(href, etag, card)
        for contact in self.contacts.values():
            if contact.id not in seen:
                href = f"{collection}{contact.uuid}.vcf"
                item = Synced(0, "addressbook", href, contact.uuid, "", contact.id, None, None)
                self._settle_card(item, contact, None, None, collection)

    def _card(self, text: str) -> NewContact | None:
        """A card of the phone's as ``import`` reads one (None: it cannot be read)."""
        from salesnotes.formats.vcard import Report, read
        from salesnotes.imported import NewContact

        try:
            found = next(read(text, "card", self.region, Report()), None)
        except (SalesnotesError, ValueError):
            return None
        return found if isinstance(found, NewContact) else None

    def _settle_card(
        self, item: Synced, contact: Contact, phone: NewContact | None, etag: str | None,
        collection: str, retry: bool = True,
    ) -> None:  # fmt: skip
        """One contact that both sides have (``phone`` None: the phone's is as agreed, or
        the phone has none yet)."""
        from salesnotes.formats.vcard_out import write

        book = contact_fields(contact, self.region, self.phone_keys.get(contact.id))
        theirs = card_fields(phone) if phone is not None else (item.fields or book)
        merged = merge(item.fields, book, theirs, CARD_FIELDS)
        to_book = dict(merged.to_book)
        agreed = dict(merged.fields)
        if "addresses" in to_book and set(book["addresses"]) - set(to_book["addresses"]):
            # an address taken off on the phone stays in the book (and goes back there)
            agreed["addresses"] = sorted(set(book["addresses"]) | set(to_book["addresses"]))
            to_book["addresses"] = agreed["addresses"]
            if agreed["addresses"] == book["addresses"]:
                del to_book["addresses"]
        refused = self._refused(contact, book, to_book, phone)
        if refused:
            for name in refused:
                agreed[name] = (item.fields or book).get(name, book[name])
                to_book.pop(name, None)
        context = self.context.get(contact.id, "")
        to_phone = agreed != theirs or context != item.extras or phone is None and etag is None
        new_etag = etag or ""
        if to_phone and not self.out.dry_run:
            shown = changed(
                contact,
                **_contact_values(contact, agreed, self.region, self.phone_keys.get(contact.id)),
                note=with_context(agreed["note"], context),
                uuid=item.uid,  # a card made on the phone keeps the UID the phone gave it
            )
            text = next(write([shown], "3.0", region=self.region))

            def again(text: str, etag: str) -> None:
                self._settle_card(item, contact, self._card(text), etag, collection, retry=False)

            written = self.write_over(
                item, text, etag, collection, "VCARD", again if retry else None, contact=contact.id
            )
            if written is None:  # the phone wrote it at the same moment: settled again
                return
            new_etag = written
        if to_phone:
            self.out.count(
                "cards written" if etag is not None else "cards added",
                _("to the phone: {name}").format(name=contact.name),
            )
        for name, _kept, theirs_value in merged.conflicts:
            if name not in refused:
                self.out.conflicts.append({"contact": contact.id, "field": name})
                self.book_ops.append(self._conflict_note(contact.id, name, theirs_value))
        if to_book:
            self.out.count("contacts changed", _("into the book: {name}").format(name=contact.name))
            self.book_ops.append(self._edit(contact, book, to_book, phone))
        self.kept.append(
            changed(item, etag=new_etag, fields=agreed, extras=context, contact_id=contact.id)
        )

    def _refused(
        self, contact: Contact, book: dict[str, Any], to_book: dict[str, Any],
        phone: NewContact | None,
    ) -> list[str]:  # fmt: skip
        """The fields of ``to_book`` the book cannot take (an e-mail address or number
        another contact has: as ``edit`` refuses it), each said as waiting."""
        from salesnotes.usecases.contacts import refuse_known_details

        refused = []
        emails = [e for e in to_book.get("emails", []) if e not in book["emails"]]
        keys = [k for k in to_book.get("phones", []) if k not in book["phones"]]
        numbers = _numbers(keys, phone, self.region)
        for name, new_emails, new_numbers in (("emails", emails, []), ("phones", [], numbers)):
            if not (new_emails or new_numbers):
                continue
            try:
                refuse_known_details(self.store, new_emails, new_numbers, contact.id)
            except SalesnotesError as exc:
                refused.append(name)
                self.out.wait("not taken", contact=contact.id, field=name, reason=exc.message)
        if "name" in to_book and not to_book["name"].strip():
            refused.append("name")
        return refused

    def _edit(
        self, contact: Contact, book: dict[str, Any], to_book: dict[str, Any],
        phone: NewContact | None,
    ) -> Callable[[], None]:  # fmt: skip
        """The book's change of one contact, done in step 4 (as ``edit`` does it)."""

        def edit() -> None:
            from salesnotes.usecases.contacts import edit_contact

            changes: dict[str, Any] = {}
            for name in ("name", "organisation", "department", "job_title", "birthday", "note"):
                if name in to_book:
                    changes[name] = to_book[name]
            emails = [e for e in to_book.get("emails", book["emails"]) if e not in book["emails"]]
            unemails = [e for e in book["emails"] if e not in to_book.get("emails", book["emails"])]
            keys = to_book.get("phones", book["phones"])
            phones = _numbers([k for k in keys if k not in book["phones"]], phone, self.region)
            unphones = _numbers([k for k in book["phones"] if k not in keys], None, self.region)
            tags = to_book.get("tags", book["tags"])
            addresses = [
                address_of(a) for a in to_book.get("addresses", []) if a not in book["addresses"]
            ]
            try:
                edit_contact(
                    self.store, self.store.contacts.get(contact.id), force=True, now=self.now,
                    emails=emails, phones=phones, unemails=unemails, unphones=unphones,
                    tags=[t for t in tags if t not in book["tags"]],
                    untags=[t for t in book["tags"] if t not in tags],
                    addresses=addresses, **changes,
                )  # fmt: skip
            except SalesnotesError as exc:
                self.out.wait("not taken", contact=contact.id, reason=exc.message)

        return edit

    def _conflict_note(self, contact_id: int, name: str, value: Any) -> Callable[[], None]:
        """The phone's value of a field both sides changed, into the contact's timeline."""

        def note() -> None:
            from salesnotes.usecases.followups import note_conversation

            shown = ", ".join(value) if isinstance(value, list) else str(value)
            text = _("On the phone {field} was changed to: {value} (the book's is kept)").format(
                field=_(FIELD_WORDS.get(name, name)), value=shown
            )
            note_conversation(
                self.store, contact_id, text, kind="note", on=self.today, now=self.now
            )

        return note

    def _new_card(self, href: str, etag: str, card: NewContact) -> None:
        """A card made on the phone: a new contact, unless it looks like one the book has
        (an e-mail address or number of theirs: as ``add`` refuses it), which waits."""
        from salesnotes.usecases.contacts import refuse_known_details

        if card.organisation_card:  # iOS's X-ABShowAs:COMPANY, a KIND:org card
            reason = _(
                'it is an organisation\'s own card: salesnotes org "{name}" --phone NUMBER '
                "gives the organisation its number"
            ).format(name=card.name)
            self.out.wait("new card", href=href, title=card.name, reason=reason)
            return
        try:
            refuse_known_details(self.store, list(card.emails), list(card.phones))
        except SalesnotesError as exc:
            self.out.wait("new card", href=href, title=card.name, reason=exc.message)
            return
        self.out.count(
            "contacts added", _("into the book: new contact {name}").format(name=card.name)
        )
        uid = card.uuid or href.rstrip("/").rsplit("/", 1)[-1]
        fields = card_fields(card)

        def add() -> None:
            from salesnotes.usecases.contacts import add_contact

            try:
                added = add_contact(
                    self.store, card.name, force=True, now=self.now,
                    organisation=card.organisation, emails=list(card.emails),
                    phones=list(card.phones), job_title=card.job_title,
                    department=card.department, note=fields["note"], birthday=card.birthday,
                    addresses=list(card.addresses), tags=list(card.tags),
                )  # fmt: skip
            except SalesnotesError as exc:
                self.out.wait("new card", href=href, title=card.name, reason=exc.message)
                return
            book = contact_fields(added.contact, self.region)
            self.store.sync.keep(
                self.person,
                Synced(0, "addressbook", href, uid, etag, added.contact.id, None, book),
            )

        self.book_ops.append(add)


FIELD_WORDS = {
    "name": N_("the name"), "organisation": N_("the organisation"),
    "department": N_("the department"), "job_title": N_("the job title"),
    "birthday": N_("the birthday"), "note": N_("the note"),
}  # fmt: skip


def _numbers(keys: list[str], phone: NewContact | None, region: str) -> list[Any]:
    """The phone numbers behind compared keys (E.164 or as typed): the phone's own when it
    has them (with their kinds), else read again."""
    from salesnotes.domain.fields import read_phone
    from salesnotes.models import PhoneNumber

    theirs = {p.e164 or p.typed: p for p in (phone.phones if phone is not None else ())}
    found = []
    for key in keys:
        if key in theirs:
            found.append(theirs[key])
            continue
        try:
            found.append(read_phone(key, region))
        except ValueError:
            found.append(PhoneNumber(key, None))
    return found


def _contact_values(
    contact: Contact, agreed: dict[str, Any], region: str, keys: dict[str, str] | None
) -> dict[str, Any]:
    """The contact as the phone is to have it: the agreed fields over the book's."""
    from salesnotes.domain.phone_sync import phone_key

    compared = [(keys or {}).get(p) or phone_key(p, region) for p in contact.phones]
    kinds = dict(zip(compared, contact.phone_kinds, strict=False))
    typed = dict(zip(compared, contact.phones, strict=True))
    phones = [typed.get(k, k) for k in agreed["phones"]]
    emails = {e.lower(): e for e in contact.emails}
    return {
        "name": agreed["name"],
        "organisation": agreed["organisation"] or None,
        "department": agreed["department"],
        "job_title": agreed["job_title"],
        "emails": tuple(emails.get(e, e) for e in agreed["emails"]),
        "phones": tuple(phones),
        "phone_kinds": tuple(kinds.get(k, "") for k in agreed["phones"]),
        "addresses": tuple(address_of(a) for a in agreed["addresses"]),
        "birthday": agreed["birthday"] or None,
        "tags": tuple(agreed["tags"]),
    }
