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

from salesnotes.domain.fields import LONGEST_TEXT, normalise_email, normalise_tag, read_phone
from salesnotes.errors import BadInput
from salesnotes.formats.decoding import lines
from salesnotes.i18n import _
from salesnotes.imported import NewContact, NoteLine, Unreadable, Unused
from salesnotes.models import Address, PhoneNumber
from salesnotes.record import changed
from salesnotes.text import clean, fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any


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
    "LABEL", "XML", "CLIENTPIDMAP", "TZ", "GEO", "LANG", "GENDER", "X-ABADR",
    "FBURL", "CALURI", "CALADRURI", "MEMBER", "RELATED",
}  # fmt: skip
UUID_PREFIX = "urn:uuid:"
# Properties without a field here that a salesperson preparing a visit wants at hand: into
# the note, under these labels (render/words.py says them in the language spoken; Outlook's,
# Evolution's and Apple's names for the same).
_NOTED = {
    "URL": "website", "NICKNAME": "nickname", "ROLE": "role", "ANNIVERSARY": "anniversary",
    "X-ANNIVERSARY": "anniversary", "X-MS-ANNIVERSARY": "anniversary",
    "X-EVOLUTION-ANNIVERSARY": "anniversary", "X-MS-MANAGER": "manager",
    "X-EVOLUTION-MANAGER": "manager", "X-MANAGER": "manager", "X-MS-ASSISTANT": "assistant",
    "X-EVOLUTION-ASSISTANT": "assistant", "X-ASSISTANT": "assistant", "X-MS-SPOUSE": "partner",
    "X-EVOLUTION-SPOUSE": "partner", "X-SPOUSE": "partner", "X-ABRELATEDNAMES": "related",
    "IMPP": "chat", "X-MS-IMADDRESS": "chat", "X-AIM": "chat", "X-SKYPE": "skype",
    "X-ABDATE": "date",
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
    for number, (line, card) in enumerate(_cards(text, report), start=1):
        found = True
        report.cards += 1
        where = _("card {number} (line {line})").format(number=number, line=line)
        try:
            yield _contact(_parse(card), region, where, report)
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
            card.append(_readable_qp(line)[:LONGEST_VALUE])
        else:
            report.unreadable.append(number)
    if card is not None:
        card.append("END:VCARD")  # the file ends before its last card does: take it as it is
        yield start, card


LONGEST_LINE = 12 * LONGEST_TEXT + 1000
"""The most of one property that is read, folded lines joined: the longest note salesnotes
keeps, written in quoted-printable UTF-8 at its widest. Past it the rest is left unread
(a 50 MB note is cut, not held many times over)."""
LONGEST_VALUE = 2 * LONGEST_TEXT + 1000
"""The most of one property that vobject is given (it needs ~170 bytes per character): the
longest note salesnotes keeps with every character escaped. What is cut still holds more
than salesnotes keeps, so the import says it was cut."""


def _logical(text: str) -> Iterator[tuple[int, str]]:
    """Unfolded lines with their first physical line's number.

    A line beginning with a space or tab continues the one before (RFC 6350 folding); so does
    any line after a quoted-printable value ending in '=' (a soft line break), and a line that
    is not a property at all (vCard 2.1 base64 without continuation spaces). A line longer
    than ``LONGEST_LINE`` is cut there.
    """
    parts: list[str] = []
    start = size = 0
    printable = False

    def joined() -> str:
        return "".join(parts)[:LONGEST_LINE]

    for number, line in enumerate(lines(text, longest=LONGEST_LINE), start=1):
        if parts:
            if printable and parts[-1].endswith("="):
                parts[-1] = parts[-1][:-1]  # a soft line break: the next line, space and all
            elif line[:1] in (" ", "\t"):
                line = line[1:]
            elif not (line.strip() and not _PROPERTY.match(line)):
                yield start, joined()
                parts, size = [], 0
            if parts:
                if size <= LONGEST_LINE:
                    parts.append(line)
                    size += len(line)
                continue
        if line.strip():
            parts, size, start = [line], len(line), number
            printable = "QUOTED-PRINTABLE" in line.split(":", 1)[0].upper()
    if parts:
        yield start, joined()


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
        text = data.decode(charset)
        if len(line) <= LONGEST_VALUE:
            return line
    except (LookupError, UnicodeDecodeError):
        try:
            text = data.decode(charset, "replace")
        except LookupError:
            text = data.decode("utf-8", "replace")
    if len(line) > LONGEST_VALUE:
        # Decoded here, as vobject would, so that what it is given can be cut to its length
        # (vobject unescapes the decoded text the same way; a line break is written as one).
        plain = re.sub(r"(?i);(?:ENCODING=)?QUOTED-PRINTABLE|;CHARSET=[^;:]+", "", head)
        value = re.sub(r"\r\n|\r|\n", r"\\n", text[:LONGEST_VALUE])
        return f"{plain}:{value}"
    head = re.sub(r"(?i);CHARSET=[^;:]+", "", head) + ";CHARSET=UTF-8"
    encoded = binascii.b2a_qp(text.encode("utf-8"), quotetabs=True, istext=False)
    encoded = encoded.replace(b"=\n", b"")
    return f"{head}:{encoded.decode('ascii')}"


@dataclass
class _Card:
    """What a card's properties said, gathered before it becomes a contact."""

    where: str
    emails: list[str] = field(default_factory=list)
    phones: list[PhoneNumber] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    lines: list[NoteLine] = field(default_factory=list)
    unused: list[Unused] = field(default_factory=list)
    addresses: list[Address] = field(default_factory=list)
    organisation: str = ""
    department: str = ""
    job_title: str = ""
    full_name: str = ""
    structured_name: list[str] = field(default_factory=list)
    birthday: str | None = None
    uuid: str | None = None
    company: bool = False

    def noted(self, what: str, value: str) -> None:
        """A value that cannot be what its property says: into the note, and named."""
        self.lines.append(NoteLine(what, value))
        self.unused.append(Unused(self.where, what, value))


def _contact(card: Any, region: str, where: str, report: Report) -> NewContact:
    """One parsed card as a contact (or, a card of a company, as an organisation): what has
    a field gets it, what a salesperson may need (web sites, role, nickname) goes into the
    note, labelled; a value that cannot be what its property says (a phone number without a
    digit, an e-mail address without '@') goes into the note and is named in the summary."""
    said = _Card(where)
    children = list(card.getChildren())
    labels = {
        str(prop.group).lower(): _label(_text(prop.value))
        for prop in children
        if prop.name.upper() == "X-ABLABEL" and prop.group
    }
    for prop in children:
        key = prop.name.upper()
        label = labels.get(str(prop.group or "").lower(), "")
        if not (_who(said, key, prop.value) or _reach(said, key, prop, label, region)):
            if key in _NOTED:
                value = prop.value
                text = _text(value if not isinstance(value, list) else ", ".join(value))
                if text:
                    said.lines.append(NoteLine(_NOTED[key], text))
                    report.noted[key] += 1
            elif key not in _TECHNICAL and key != "X-ABLABEL":
                report.left_out[key] += 1
    return _made(said)


def _who(said: _Card, key: str, value: Any) -> bool:
    """Who the card is: its names, organisation and department, job title, UID, and whether
    it is a company's own card. False for any other property."""
    if key == "FN":
        said.full_name = said.full_name or _text(value)
    elif key == "N":
        pieces = (value.prefix, value.given, value.additional, value.family, value.suffix)
        said.structured_name = [_text(piece) for piece in pieces]
    elif key == "ORG":
        parts = [_text(p) for p in (value if isinstance(value, list) else [value])]
        parts = [p for p in parts if p]
        if parts and not said.organisation:
            said.organisation, said.department = parts[0], ", ".join(parts[1:])
        elif parts and parts != [said.organisation]:
            said.lines.append(NoteLine("organisation", ", ".join(parts)))
    elif key == "TITLE":
        if not said.job_title:
            said.job_title = _text(value)
        elif _text(value):
            said.lines.append(NoteLine("job_title", _text(value)))
    elif key == "UID":
        said.uuid = _text(value).removeprefix(UUID_PREFIX).removeprefix("urn:uuid:") or None
    elif key == "KIND":
        said.company = said.company or _text(value).lower() == "org"
    elif key == "X-ABSHOWAS":
        said.company = said.company or _text(value).upper() == "COMPANY"
    else:
        return False
    return True


def _reach(said: _Card, key: str, prop: Any, label: str, region: str) -> bool:
    """How to reach them and what to know: e-mail, phone, birthday, note, address, tags.
    False for any other property."""
    value = prop.value
    if key == "EMAIL":
        address = _text(value).removeprefix("mailto:")
        try:
            said.emails.append(normalise_email(address))
        except BadInput:
            if address:
                said.noted("email", address)
    elif key in ("TEL", "X-MS-TEL"):
        number = _text(value).removeprefix("tel:")
        read = read_number(number, region, phone_kind(_types(prop), label))
        if read is not None:
            said.phones.append(read)
        elif number:
            said.noted("phone", number)
    elif key == "BDAY":
        omitted = "X-APPLE-OMIT-YEAR" in {k.upper() for k in prop.params}
        said.birthday = _birthday(_text(value), omit_year=omitted)
        if said.birthday is None and _text(value):
            said.noted("birthday", _text(value))
    elif key == "NOTE":
        if _text(value):
            said.notes.append(_text(value))
    elif key == "ADR":
        found = _address(value, address_kind(_types(prop), label))
        if found is not None:
            said.addresses.append(found)
    elif key == "CATEGORIES":
        for category in value if isinstance(value, list) else [value]:
            for part in _text(category).split(","):
                with contextlib.suppress(BadInput):  # nothing left of it to tag with
                    said.tags.append(normalise_tag(part))
    else:
        return False
    return True


def _made(said: _Card) -> NewContact:
    """The contact a card's properties make: named by its full name, else its structured
    name, else its organisation, e-mail address or phone number."""
    person = " ".join(p for p in said.structured_name if p)
    name = " ".join((said.full_name or person).split())
    organisation = said.organisation
    company = said.company
    if organisation and not person and (not name or fold(name) == fold(organisation)):
        company = True  # Outlook's and Google's company entries: no person's name at all
    name = name or organisation or (said.emails[0] if said.emails else "")
    if not name and said.phones:
        name = said.phones[0].typed
    if not name:
        raise BadInput(_("no name, organisation, e-mail address or phone number"))
    city = _city(said.addresses)
    # An address that is only the city, of no kind (what a city alone exports as), says
    # nothing the city does not.
    addresses = [a for a in said.addresses if a != Address(city=city)]
    return NewContact(
        name=organisation if company and organisation else name,
        organisation=organisation or None,
        emails=tuple(dict.fromkeys(said.emails)),
        phones=tuple({p.typed: p for p in said.phones}.values()),
        tags=tuple(sorted(set(said.tags))),
        status=None,
        note="\n".join(dict.fromkeys(said.notes)),
        job_title=said.job_title,
        city=city,
        birthday=said.birthday,
        uuid=said.uuid[:200] if said.uuid else None,
        where=said.where,
        department=said.department,
        addresses=tuple(dict.fromkeys(addresses)),
        lines=tuple(dict.fromkeys(said.lines)),
        organisation_card=company,
        unused=tuple(said.unused),
    )


def _city(addresses: list[Address]) -> str:
    """A contact's city: their work address's, else the first address's that has one."""
    for address in sorted(addresses, key=lambda a: a.kind != "work"):
        if address.city:
            return address.city
    return ""


# vCard TYPE values and Apple's labels (X-ABLabel) for what a number is, most telling first.
_PHONE_TYPES = (
    ("FAX", "fax"), ("PAGER", "pager"), ("X-ASSISTANT", "assistant"),
    ("ASSISTANT", "assistant"), ("CELL", "mobile"), ("MOBILE", "mobile"), ("IPHONE", "mobile"),
    ("MAIN", "main"), ("X-MAIN", "main"), ("COMPANY", "main"), ("WORK", "work"),
    ("HOME", "home"), ("OTHER", "other"), ("X-OTHER", "other"),
)  # fmt: skip
_LABELS = {
    "mobile": "mobile", "iphone": "mobile", "main": "main", "assistantphone": "assistant",
    "assistant": "assistant", "work": "work", "home": "home", "homefax": "fax",
    "workfax": "fax", "otherfax": "fax", "pager": "pager", "other": "other",
}  # fmt: skip


def _label(text: str) -> str:
    """Apple's label '_$!<AssistantPhone>!$_' (or a label typed by hand) as a word."""
    return text.removeprefix("_$!<").removesuffix(">!$_").replace(" ", "").lower()


def phone_kind(types: list[str], label: str = "") -> str:
    """What a TEL is, from its TYPE values and its label: mobile, work, fax, ...; ''."""
    if label in _LABELS:
        return _LABELS[label]
    found = set(types)
    for name, kind in _PHONE_TYPES:
        if name in found:
            return kind
    return ""


def address_kind(types: list[str], label: str = "") -> str:
    """What an ADR is: work, home or other; '' when not said."""
    for name in ("WORK", "HOME", "OTHER"):
        if name in types or label == name.lower():
            return name.lower()
    return ""


def read_number(text: str, region: str, kind: str = "") -> PhoneNumber | None:
    """A phone number of the given kind, or None when the text cannot be one: no digit at
    all, or a number a spreadsheet wrote in scientific notation (3,16293E+10: its digits
    are gone)."""
    typed = " ".join(clean(text).split())
    if not any(ch.isdigit() for ch in typed) or SCIENTIFIC.fullmatch(typed):
        return None
    number = read_phone(typed, region)
    return changed(number, kind=kind) if kind else number


SCIENTIFIC = re.compile(r"[+-]?\d+(?:[.,]\d+)?[eE][+-]?\d+")
"""A number Excel shows in scientific notation: what a long phone number becomes in a
column Excel took for numbers (3,16293E+10)."""


def _text(value: Any) -> str:
    if isinstance(value, list):
        value = " ".join(str(v) for v in value)
    return clean(str(value)) if value is not None else ""


def _types(prop: Any) -> list[str]:
    kinds = [*prop.params.get("TYPE", []), *getattr(prop, "singletonparams", [])]
    return [k.upper() for kind in kinds for k in kind.split(",") if k.upper() != "PREF"]


def _address(value: Any, kind: str) -> Address | None:
    """An ADR as an address of its kind, or None when it holds nothing."""
    lines = (_text(value.box), _text(value.extended), _text(value.street).replace("\n", ", "))
    street = ", ".join(part.strip(" ,;") for part in lines if part.strip(" ,;"))
    found = Address(
        kind=kind,
        street=street,
        postcode=_text(value.code),
        city=_text(value.city),
        region=_text(value.region),
        country=_text(value.country),
    )
    return found if found.parts() else None


def _birthday(text: str, *, omit_year: bool = False) -> str | None:
    """A card's BDAY as stored: '1980-03-22' or '--03-22'; None when it is none of the forms
    cards use (19800322, 1980-03-22, 1980-03-22T00:00:00Z, --0322, --03-22; Apple's year
    1604 or X-APPLE-OMIT-YEAR for a birthday without a year)."""
    from salesnotes.domain.dates import parse_birthday

    text = text.strip()
    match = re.fullmatch(r"(\d{4})(\d{2})(\d{2})(?:T.*)?", text)
    text = "-".join(match.groups()) if match else text.split("T", 1)[0]
    if text.startswith("1604-") or (omit_year and re.match(r"\d{4}-", text)):
        text = "--" + text[5:]
    try:
        return parse_birthday(text)
    except BadInput:
        return None
