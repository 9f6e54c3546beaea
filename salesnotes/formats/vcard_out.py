"""Contacts out as vCards (3.0, what every address book reads, or 4.0): what ``export
--format vcard`` writes, with each contact's UUID so that an address book that imports them
again updates instead of doubling, and an organisation's own number as a card of its own."""

from __future__ import annotations

import re

from salesnotes.models import CALL_ORDER, Address

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

    from salesnotes.models import Contact, Organisation

_TEL_TYPES = {
    "mobile": ("CELL", "VOICE"), "work": ("WORK", "VOICE"), "home": ("HOME", "VOICE"),
    "fax": ("FAX",), "pager": ("PAGER",), "main": ("MAIN", "VOICE"),
    "assistant": ("X-ASSISTANT", "VOICE"), "other": ("VOICE",), "": ("VOICE",),
}  # fmt: skip
"""Each kind of number as vCard's TYPE says it (MAIN and X-ASSISTANT as Google and Evolution
write them; this reader takes them back)."""


def write(
    contacts: Iterable[Contact],
    version: str = "3.0",
    organisations: Iterable[Organisation] = (),
    region: str = "NL",
) -> Iterator[str]:
    """Each contact as a vCard (3.0 or 4.0) with its UUID as UID, so that an address book
    importing it again updates the card rather than adding a second one; what the phone had
    kept: each number's kind, whole addresses with theirs, the department, a birthday
    without a year (3.0: --MM-DD as Google and Android write it; 4.0: --MMDD). Then each of
    ``organisations`` as a card of the organisation itself (4.0: KIND:org; 3.0: Apple's
    X-ABShowAs:COMPANY), with its own phone number and e-mail address."""
    import vobject

    four = version == "4.0"
    for contact in contacts:
        card = vobject.vCard()
        card.add("version").value = "3.0"
        card.add("uid").value = contact.uuid
        card.add("fn").value = contact.name
        given, __, family = contact.name.partition(" ")
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        if four:
            card.add("kind").value = "individual"
        if contact.organisation:
            org = [contact.organisation, *([contact.department] if contact.department else [])]
            card.add("org").value = org
        if contact.job_title:
            card.add("title").value = contact.job_title
        for position, email in enumerate(contact.emails):
            _email(card, email, first=position == 0, four=four)
        kinds = (*contact.phone_kinds, *("",) * len(contact.phones))
        ranked = sorted(
            (CALL_ORDER.index(k), n)
            for n, k in enumerate(kinds[: len(contact.phones)])
            if k in CALL_ORDER
        )
        callable_first = ranked[0][1] if ranked else None
        for position, (phone, kind) in enumerate(zip(contact.phones, kinds, strict=False)):
            _tel(card, phone, kind, region, first=position == callable_first, four=four)
        addresses = contact.addresses or ((Address(city=contact.city),) if contact.city else ())
        for address in addresses:
            prop = card.add("adr")
            prop.value = vobject.vcard.Address(
                street=address.street,
                city=address.city,
                region=address.region,
                code=address.postcode,
                country=address.country,
            )
            if address.kind:
                prop.type_param = address.kind if four else address.kind.upper()
        if contact.birthday:
            card.add("bday").value = contact.birthday
        if contact.tags:
            card.add("categories").value = list(contact.tags)
        if contact.note:
            card.add("note").value = contact.note
        text: str = card.serialize()
        yield _version4(text) if four else text
    for organisation in organisations:
        yield _organisation_card(organisation, four, region)


def _email(card: Any, email: str, *, first: bool, four: bool) -> None:
    prop = card.add("email")
    prop.value = email
    if four:
        if first:
            prop.params["PREF"] = ["1"]
    else:
        prop.type_param = ["INTERNET", "PREF"] if first else "INTERNET"


def _tel(card: Any, phone: str, kind: str, region: str, *, first: bool, four: bool) -> None:
    from salesnotes.domain.fields import read_phone

    prop = card.add("tel")
    types = list(_TEL_TYPES.get(kind, ("VOICE",)))
    if four:  # a tel: URI as 4.0 wants it, for a number that reads; else the text as typed
        number = read_phone(phone, region).e164 if any(c.isdigit() for c in phone) else None
        prop.value = f"tel:{number}" if number else phone
        prop.params["VALUE"] = ["uri" if number else "text"]
        prop.params["TYPE"] = [",".join(t.lower() for t in types)]
        if first:
            prop.params["PREF"] = ["1"]
    else:
        prop.value = phone
        prop.type_param = [*types, "PREF"] if first else types


def _organisation_card(organisation: Organisation, four: bool, region: str) -> str:
    import vobject

    card = vobject.vCard()
    card.add("version").value = "3.0"
    card.add("uid").value = organisation.uuid
    card.add("fn").value = organisation.name
    card.add("n").value = vobject.vcard.Name()
    card.add("org").value = [organisation.name]
    if four:
        card.add("kind").value = "org"
    else:
        card.add("x-abshowas").value = "COMPANY"
    if organisation.email:
        _email(card, organisation.email, first=True, four=four)
    if organisation.phone:
        _tel(card, organisation.phone, "main", region, first=True, four=four)
    text: str = card.serialize()
    return _version4(text) if four else text


def _version4(text: str) -> str:
    """A card made as 3.0 as 4.0: the version line, and a birthday without a year written
    --MMDD."""
    text = text.replace("VERSION:3.0\r\n", "VERSION:4.0\r\n", 1)
    return re.sub(r"(?m)^BDAY:--(\d{2})-(\d{2})\r$", r"BDAY:--\1\2\r", text)
