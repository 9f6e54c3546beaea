"""vCards (2.1, 3.0, 4.0) in and out, through vobject.

vobject (the library khard, Radicale and many address-book tools use) parses and writes a
card's properties: escaping, folding, quoted-printable with its charset, structured values
(N, ADR, ORG). What real exports add on top, and what trips it, is dealt with here, before it
sees a card: quoted-printable soft line breaks that span lines, vCard 2.1 base64 pictures
without continuation spaces, embedded cards (AGENT), Apple's PROFILE line. Pictures, sounds
and keys are left out (counted: the summary says so); each card is parsed on its own, so one
broken card is reported by its number and line and does not take the file with it.
"""

from __future__ import annotations

import contextlib
import re
from collections import Counter
from dataclasses import dataclass, field

from salesnotes.errors import BadInput
from salesnotes.fields import normalise_email, normalise_tag, read_phone
from salesnotes.i18n import _
from salesnotes.models import NewContact, Unreadable
from salesnotes.text import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import Any

    from salesnotes.models import Contact

_PROPERTY = re.compile(r"(?:[A-Za-z0-9_-]+\.)?([A-Za-z0-9_-]+)[;:]")
# A whole content line as vobject reads it (group, name, parameters, ':'), written so that it
# cannot backtrack: vobject's own pattern nests quantifiers over parts that may be empty and
# takes minutes over a 100-character line of '=' signs without a ':' (found by a fuzzer).
_CONTENT_LINE = re.compile(
    r"(?:[A-Za-z0-9_-]++\.)?+[A-Za-z0-9_-]++;?"
    r'(?:;[A-Za-z0-9_-]++(?:[=,](?:"[^"]*+"|[^";:,]*+))*+)*+:'
)
_BINARY = {"PHOTO", "LOGO", "SOUND", "KEY"}
# Properties vobject cannot take as they are, and that say nothing a salesperson uses.
_DROPPED = {"PROFILE", "AGENT"}
# Properties that describe the file or a program's bookkeeping, not the person.
_TECHNICAL = {
    "VERSION", "PRODID", "REV", "UID", "CLASS", "SORT-STRING", "SOURCE", "MAILER", "NAME",
    "LABEL", "KIND", "XML", "CLIENTPIDMAP", "TZ", "GEO", "LANG", "GENDER",
    "FBURL", "CALURI", "CALADRURI", "MEMBER", "RELATED",
}  # fmt: skip
UUID_PREFIX = "urn:uuid:"
# Properties without a field here that a salesperson preparing a visit wants at hand: into
# the note, under these labels (Outlook's, Evolution's and Apple's names for the same).
_NOTED = {
    "URL": "Website", "NICKNAME": "Nickname", "ROLE": "Role", "ANNIVERSARY": "Anniversary",
    "X-ANNIVERSARY": "Anniversary", "X-MS-ANNIVERSARY": "Anniversary",
    "X-EVOLUTION-ANNIVERSARY": "Anniversary", "X-MS-MANAGER": "Manager",
    "X-EVOLUTION-MANAGER": "Manager", "X-MANAGER": "Manager", "X-MS-ASSISTANT": "Assistant",
    "X-EVOLUTION-ASSISTANT": "Assistant", "X-ASSISTANT": "Assistant", "X-MS-SPOUSE": "Partner",
    "X-EVOLUTION-SPOUSE": "Partner", "X-SPOUSE": "Partner", "X-ABRELATEDNAMES": "Related",
    "IMPP": "Chat", "X-MS-IMADDRESS": "Chat", "X-AIM": "Chat", "X-SKYPE": "Skype",
    "X-ABDATE": "Date",
}  # fmt: skip


@dataclass
class Report:
    """What reading a file left out, for the import's summary."""

    cards: int = 0
    pictures: int = 0
    left_out: Counter[str] = field(default_factory=Counter)
    unreadable: list[int] = field(default_factory=list)  # line numbers
    noted: Counter[str] = field(default_factory=Counter)


def count(text: str) -> int:
    """How many cards a file holds (for a progress bar)."""
    return len(re.findall(r"(?im)^BEGIN:VCARD\s*$", text))


def read(text: str, name: str, region: str, report: Report) -> Iterator[NewContact | Unreadable]:
    """Every card in ``text`` as a contact, or as Unreadable with its number and line."""
    import logging

    # vobject logs each line it skips at ERROR level: the reasons are reported here instead.
    logging.getLogger("vobject.base").setLevel(logging.CRITICAL)
    found = False
    for number, (line, lines) in enumerate(_cards(text, report), start=1):
        found = True
        report.cards += 1
        where = _("card {number} (line {line})").format(number=number, line=line)
        try:
            yield _contact(_parse(lines), region, where, report)
        except BadInput as exc:
            yield Unreadable(where, exc.message)
    if not found:
        raise BadInput(_("{name} has no vCard in it (no BEGIN:VCARD line)").format(name=name))


def _parse(lines: list[str]) -> Any:
    import vobject

    try:
        return vobject.readOne("\r\n".join(lines) + "\r\n", ignoreUnreadable=True)
    except Exception as exc:  # noqa: BLE001  vobject raises several kinds for a broken card
        reason = str(exc).split("\n")[0][:200] or type(exc).__name__
        raise BadInput(_("not a readable vCard: {reason}").format(reason=reason)) from None


def _cards(text: str, report: Report) -> Iterator[tuple[int, list[str]]]:
    """Each card's cleaned logical lines, with the line it begins on."""
    card: list[str] | None = None
    start = depth = 0
    for number, line in _logical(text):
        upper = line.upper()
        if upper.startswith("BEGIN:VCARD"):
            depth += 1
            if depth == 1:
                card, start = [line], number
            continue
        if upper.startswith("END:VCARD"):
            depth -= 1
            if depth == 0 and card is not None:
                card.append(line)
                yield start, card
                card = None
            depth = max(depth, 0)
            continue
        if card is None or depth != 1:
            continue  # outside any card, or inside an embedded one
        match = _PROPERTY.match(line)
        prop = match.group(1).upper() if match else ""
        if prop in _BINARY:
            if prop in ("PHOTO", "LOGO"):
                report.pictures += 1
            else:
                report.left_out[prop] += 1
        elif prop in _DROPPED:
            report.left_out[prop] += 1
        elif match and _CONTENT_LINE.match(line):
            card.append(_readable_qp(line))
        else:
            report.unreadable.append(number)
    if card is not None:
        card.append("END:VCARD")  # the file ends before its last card does: take it as it is
        yield start, card


def _logical(text: str) -> Iterator[tuple[int, str]]:
    """Unfolded lines with their first physical line's number.

    A line beginning with a space or tab continues the one before (RFC 6350 folding); so does
    any line after a quoted-printable value ending in '=' (a soft line break), and a line that
    is not a property at all (vCard 2.1 base64 without continuation spaces).
    """
    current: list[Any] | None = None
    for number, line in enumerate(re.split(r"\r\n|\r|\n", text), start=1):
        if current is not None:
            if line[:1] in (" ", "\t"):
                current[1] += line[1:]
                continue
            if current[2] and current[1].endswith("="):
                current[1] = current[1][:-1] + line
                continue
            if line.strip() and not _PROPERTY.match(line):
                current[1] += line
                continue
            yield current[0], current[1]
            current = None
        if line.strip():
            params = line.split(":", 1)[0].upper()
            current = [number, line, "QUOTED-PRINTABLE" in params]
    if current is not None:
        yield current[0], current[1]


def _readable_qp(line: str) -> str:
    """A quoted-printable value that does not decode in its charset (a byte cut off, an
    unknown charset) re-encoded as UTF-8 with the broken bytes replaced: vobject would
    refuse the whole card over it."""
    import binascii
    import quopri

    head, __, value = line.partition(":")
    if "QUOTED-PRINTABLE" not in head.upper():
        return line
    match = re.search(r"(?i);CHARSET=([^;:]+)", head)
    charset = match.group(1) if match else "utf-8"
    data = quopri.decodestring(value.encode("utf-8", "surrogateescape"))
    try:
        data.decode(charset)
        return line
    except (LookupError, UnicodeDecodeError):
        pass
    try:
        text = data.decode(charset, "replace")
    except LookupError:
        text = data.decode("utf-8", "replace")
    head = re.sub(r"(?i);CHARSET=[^;:]+", "", head) + ";CHARSET=UTF-8"
    encoded = binascii.b2a_qp(text.encode("utf-8"), quotetabs=True, istext=False)
    encoded = encoded.replace(b"=\n", b"")
    return f"{head}:{encoded.decode('ascii')}"


def _contact(card: Any, region: str, where: str, report: Report) -> NewContact:
    """One parsed card as a contact: what has a field gets it, what a salesperson may need
    (addresses, web sites, department, role, nickname) goes into the note."""
    emails: list[str] = []
    phones: list[Any] = []
    tags: list[str] = []
    notes: list[str] = []
    extra: list[str] = []
    organisation = job_title = city = full_name = ""
    structured_name: list[str] = []
    birthday = uuid = None
    work_city = ""
    for prop in card.getChildren():
        key = prop.name.upper()
        value = prop.value
        if key == "FN":
            full_name = full_name or _text(value)
        elif key == "N":
            pieces = (value.prefix, value.given, value.additional, value.family, value.suffix)
            structured_name = [_text(piece) for piece in pieces]
        elif key == "ORG":
            parts = [_text(p) for p in (value if isinstance(value, list) else [value])]
            parts = [p for p in parts if p]
            if parts and not organisation:
                organisation = parts[0]
                extra += [f"Department: {p}" for p in parts[1:]]
            elif parts and parts != [organisation]:
                extra.append(f"Organisation: {', '.join(parts)}")
        elif key == "TITLE":
            if not job_title:
                job_title = _text(value)
            elif _text(value):
                extra.append(f"Job title: {_text(value)}")
        elif key == "EMAIL":
            address = _text(value).removeprefix("mailto:")
            try:
                emails.append(normalise_email(address))
            except BadInput:
                if address:
                    extra.append(f"E-mail: {address}")
        elif key in ("TEL", "X-MS-TEL"):
            number = _text(value).removeprefix("tel:")
            try:
                phones.append(read_phone(number, region))
            except BadInput:
                if number:
                    extra.append(f"Phone: {number}")
        elif key == "BDAY":
            birthday = _birthday(_text(value))
            if birthday is None and _text(value):
                extra.append(f"Birthday: {_text(value)}")
        elif key == "NOTE":
            if _text(value):
                notes.append(_text(value))
        elif key == "ADR":
            place = _text(value.city)
            kinds = _types(prop)
            if place and (not city or ("WORK" in kinds and not work_city)):
                city = place
                work_city = place if "WORK" in kinds else work_city
            address = _address(value)
            if address:
                label = f" ({kinds[0].lower()})" if kinds else ""
                extra.append(f"Address{label}: {address}")
        elif key == "CATEGORIES":
            for category in value if isinstance(value, list) else [value]:
                for part in _text(category).split(","):
                    with contextlib.suppress(BadInput):  # nothing left of it to tag with
                        tags.append(normalise_tag(part))
        elif key == "UID":
            uuid = _text(value).removeprefix(UUID_PREFIX).removeprefix("urn:uuid:") or None
        elif key in _NOTED:
            text = _text(value if not isinstance(value, list) else ", ".join(value))
            if text:
                extra.append(f"{_NOTED[key]}: {text}")
                report.noted[key] += 1
        elif key not in _TECHNICAL:
            report.left_out[key] += 1
    name = full_name or " ".join(p for p in structured_name if p)
    name = " ".join(name.split()) or organisation or (emails[0] if emails else "")
    if not name and phones:
        name = phones[0].typed
    if not name:
        raise BadInput(_("no name, organisation, e-mail address or phone number"))
    # An address that only repeats the city (what this export writes) says nothing more.
    extra = [line for line in extra if not (city and line.endswith(f"): {city}"))]
    extra = [line for line in extra if line != f"Address: {city}"]
    addresses = sum(1 for line in extra if line.startswith("Address"))
    if addresses:
        report.noted["ADR"] += addresses
    note = "\n".join(dict.fromkeys([*notes, *extra]))
    return NewContact(
        name=name,
        organisation=organisation or None,
        emails=tuple(dict.fromkeys(emails)),
        phones=tuple({p.typed: p for p in phones}.values()),
        tags=tuple(sorted(set(tags))),
        status=None,
        note=note,
        job_title=job_title,
        city=city,
        birthday=birthday,
        uuid=uuid[:200] if uuid else None,
        where=where,
    )


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return clean(str(value)) if value is not None else ""


def _types(prop: Any) -> list[str]:
    kinds = [*prop.params.get("TYPE", []), *getattr(prop, "singletonparams", [])]
    return [k.upper() for kind in kinds for k in kind.split(",") if k.upper() != "PREF"]


def _address(value: Any) -> str:
    lines = (_text(value.box), _text(value.extended), _text(value.street).replace("\n", ", "))
    street = ", ".join(part for part in lines if part)
    place = " ".join(p for p in (_text(value.code), _text(value.city)) if p)
    return ", ".join(p for p in (street, place, _text(value.region), _text(value.country)) if p)


def _birthday(text: str) -> str | None:
    """A card's BDAY as stored: '1980-03-22' or '--03-22'; None when it is none of the forms
    cards use (19800322, 1980-03-22, 1980-03-22T00:00:00Z, --0322, --03-22)."""
    from salesnotes.dates import parse_birthday

    text = text.strip()
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T.*)?", text)
    text = "-".join(match.groups()) if match else text.split("T", 1)[0]
    if text.startswith("1604-"):  # Apple's year for "year unknown"
        text = "--" + text[5:]
    try:
        return parse_birthday(text)
    except BadInput:
        return None


def write(contacts: Iterable[Contact], version: str = "3.0") -> Iterator[str]:
    """Each contact as a vCard (3.0 or 4.0) with its UUID as UID, so that an address book
    importing it again updates the card rather than adding a second one."""
    import vobject

    for contact in contacts:
        card = vobject.vCard()
        card.add("version").value = "3.0"
        card.add("uid").value = contact.uuid
        card.add("fn").value = contact.name
        given, __, family = contact.name.partition(" ")
        card.add("n").value = vobject.vcard.Name(family=family, given=given)
        if contact.organisation:
            card.add("org").value = [contact.organisation]
        if contact.job_title:
            card.add("title").value = contact.job_title
        for position, email in enumerate(contact.emails):
            prop = card.add("email")
            prop.value = email
            prop.type_param = "INTERNET" if position else ["INTERNET", "PREF"]
        for position, phone in enumerate(contact.phones):
            prop = card.add("tel")
            prop.value = phone
            prop.type_param = "VOICE" if position else ["VOICE", "PREF"]
        if contact.city:
            card.add("adr").value = vobject.vcard.Address(city=contact.city)
        if contact.birthday:
            card.add("bday").value = contact.birthday
        if contact.tags:
            card.add("categories").value = list(contact.tags)
        if contact.note:
            card.add("note").value = contact.note
        text: str = card.serialize()
        if version == "4.0":
            text = _version4(text)
        yield text


def _version4(text: str) -> str:
    """A 3.0 card as 4.0: the version line, and a birthday without a year written --MMDD."""
    text = text.replace("VERSION:3.0\r\n", "VERSION:4.0\r\n", 1)
    return re.sub(r"(?m)^BDAY:--(\d{2})-(\d{2})\r$", r"BDAY:--\1\2\r", text)
