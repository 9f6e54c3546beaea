"""Contacts from the CSV files spreadsheets, Outlook and Google write. Pure: text in, records out.

Excel in the Netherlands writes ``;``-separated Windows-1252, "Unicode text" is tab-separated
UTF-16, Google and most CRMs write ``,``-separated UTF-8 (``formats.decoding`` decodes them all);
the separator is sniffed from the header line. Columns are recognised by name, in English and
Dutch, case- and accent-insensitively: a plain sheet's (naam, bedrijf, e-mail, telefoon ...),
Outlook's (First Name / Voornaam, Business Phone / Telefoon op werk, Business City /
Werkadres, plaats ...) and Google Contacts' (Given Name, E-mail 1 - Value, Phone 1 - Value,
Organization 1 - Name ...). ``--map COLUMN=FIELD`` names any other.

Nothing is dropped silently: a column with no field of its own goes into the note as
"Column: value"; one known to say nothing a salesperson uses (Outlook's Priority and
Sensitivity, in English and Dutch alike) is left out and listed in the summary; a value that
cannot be what its column says (a phone number Excel wrote as 3,16293E+10) goes into the note
and is named in the summary. Each phone column says what kind of number it holds (Outlook's
"Mobile Phone", "Assistant's Phone", "Business Fax"; Google's "Phone 1 - Type"); an address is
kept whole, with its kind. Every column ``export --format csv`` writes is read back.
"""

from __future__ import annotations

import csv
import re
from collections import Counter
from dataclasses import dataclass, field

from salesnotes.domain.fields import LONGEST_TEXT, normalise_email, normalise_every, normalise_tag
from salesnotes.errors import BadInput
from salesnotes.formats.csv_columns import (
    GOOGLE_KINDS,
    GROUPS,
    PLACEHOLDERS,
    SINGLE,
    STATUS_WORDS,
    TAGS,
    VALUES,
    Column,
    column_key,
    read_header,
    sheet_kind,
)
from salesnotes.formats.decoding import lines
from salesnotes.formats.vcard import SCIENTIFIC, read_number
from salesnotes.i18n import _, grouped
from salesnotes.imported import NewContact, NoteLine, Unreadable, Unused
from salesnotes.models import PHONE_KINDS, STATUSES, Address
from salesnotes.text import clean, fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Mapping

    from salesnotes.models import PhoneNumber


@dataclass
class Report:
    """What reading the file found, for the import's summary."""

    kind: str = "spreadsheet"
    separator: str = ","
    ignored: Counter[str] = field(default_factory=Counter)
    noted: Counter[str] = field(default_factory=Counter)
    exchange_addresses: int = 0


def count(text: str) -> int:
    """About how many rows a file holds (for a progress bar)."""
    return max(text.count("\n") - 1, 0)


def read(
    text: str,
    name: str,
    region: str,
    report: Report,
    mapping: Mapping[str, str] | None = None,
) -> Iterator[NewContact | Unreadable]:
    """Every row as a contact, or as Unreadable with its line number and why."""
    text = text.lstrip("\ufeff")  # the same text, unless a second byte-order mark is there
    end = text.find("\n", 0, LONGEST_CELL)
    first_line = text[: end if end >= 0 else LONGEST_CELL]
    try:
        separator = csv.Sniffer().sniff(first_line, delimiters=";,\t|").delimiter
    except csv.Error:
        separator = ","
    report.separator = separator
    # Only the separator is taken from the sniffer: from one header line it cannot tell how
    # quotes are escaped, and every spreadsheet doubles them ("" inside "..."), as Excel
    # does. strict: a quote left open is an error, not the rest of the file in one cell.
    csv.field_size_limit(LONGEST_CELL)
    reader = csv.reader(lines(text, ends=True), delimiter=separator, strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise BadInput(
            _("{name} is empty; a CSV file starts with a line of column names").format(name=name)
        ) from None
    except csv.Error as exc:
        raise BadInput(_("{name}, line 1: {exc}").format(name=name, exc=exc)) from None
    columns = read_header(header, name, mapping or {})
    report.kind = sheet_kind(header)
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            where = _("line {line}").format(line=line)
            try:
                yield _row(record, columns, region, report, where)
            except BadCell as exc:
                yield Unreadable(where, exc.message, exc.column, exc.value)
            except BadInput as exc:
                yield Unreadable(where, exc.message)
    except csv.Error as exc:
        raise BadInput(
            _("{name}, line {line_num}: {exc}").format(
                name=name, line_num=reader.line_num, exc=_said(exc)
            )
        ) from None


LONGEST_CELL = 4 * LONGEST_TEXT
"""The longest cell read: past the longest note salesnotes keeps (so a note a little longer
is cut, and said), and short of a field that would fill the memory."""


def _said(exc: csv.Error) -> str:
    """What the csv module found wrong, in the language spoken where it is about a cell
    too long to read."""
    if "field larger than field limit" in str(exc):
        return _(
            "a cell of over {limit} characters, more than any value salesnotes keeps "
            "(a note: {longest}); shorten it"
        ).format(limit=grouped(LONGEST_CELL), longest=grouped(LONGEST_TEXT))
    return str(exc)


class BadCell(BadInput):
    """A value in a column that makes the row unusable (a status that is none)."""

    def __init__(self, message: str, column: str, value: str) -> None:
        super().__init__(message)
        self.column = column
        self.value = value


@dataclass
class _Cells:
    """A row's cells that say something, sorted by what they fill."""

    chosen: dict[str, tuple[int, str, str]] = field(default_factory=dict)  # field -> best
    emails: list[str] = field(default_factory=list)
    phones: list[tuple[str, str, str]] = field(default_factory=list)  # (column, value, kind)
    phone_types: dict[str, str] = field(default_factory=dict)  # Google's 'phone N' -> kind
    tags: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    lines: list[NoteLine] = field(default_factory=list)
    others: list[tuple[str, str, str]] = field(default_factory=list)  # lost to a better one
    addresses: dict[str, dict[str, str]] = field(default_factory=dict)
    cities: list[tuple[int, str]] = field(default_factory=list)


def _cells(record: list[str], columns: list[Column], report: Report) -> _Cells:
    # A hundred thousand rows go through here: cheap checks first, no work for empty cells.
    cells = _Cells()
    for column, raw in zip(columns, record, strict=False):
        if not raw:
            continue
        value = clean(raw)
        if not value or value.lower() in PLACEHOLDERS:
            continue
        if value[0] == "'":
            value = _unneutralised(value)
        kind = column.field
        if kind in SINGLE:
            best = cells.chosen.get(kind)
            if best is None or column.rank < best[0]:
                cells.chosen[kind] = (column.rank, column.header, value)
                if best is not None:
                    cells.others.append((kind, best[1], best[2]))
            else:
                cells.others.append((kind, column.header, value))
        elif kind == "email":
            cells.emails += _split(value)
        elif kind == "phone":
            if SCIENTIFIC.fullmatch(value.replace(" ", "")):  # one value: its comma is no list
                cells.phones.append((column.header, value, column.part))
            else:
                cells.phones += [
                    (column.group or column.header, p, column.part) for p in _split(value)
                ]
        elif kind == "mobile":
            cells.phones += [(column.header, p, "mobile") for p in _split(value)]
        elif kind == "phone_type":
            cells.phone_types[column.group] = GOOGLE_KINDS.get(value.strip().lower(), "other")
        elif kind == "tags":
            cells.tags += [t for t in TAGS.split(value) if t.strip()]
        elif kind == "note":
            cells.notes.append(value)
        elif kind == "extra":
            cells.lines.append(NoteLine(column.header, value, own=True))
            report.noted[column.header] += 1
        elif kind == "address":
            cells.addresses.setdefault(column.group, {})[column.part] = value
            if column.part == "city":
                cells.cities.append((column.rank, value))
        else:
            report.ignored[column.header] += 1
    return cells


def _row(
    record: list[str], columns: list[Column], region: str, report: Report, where: str
) -> NewContact:
    cells = _cells(record, columns, report)
    values = {kind: value for kind, (_, _, value) in cells.chosen.items()}
    lines = cells.lines
    unused: list[Unused] = []
    for kind, header, value in cells.others:
        if fold(value) != fold(values[kind]):
            lines.append(NoteLine(header, value, own=True))
    if "city" not in values and cells.cities:
        values["city"] = min(cells.cities)[1]
    name = values.get("name") or " ".join(
        p for p in (values.get("first"), values.get("middle"), values.get("last")) if p
    )
    name = " ".join(name.split()) or values.get("organisation", "")
    emails = _emails(cells.emails, report, lines, unused, where)
    if not name and emails:
        name = emails[0]
    if not name:
        raise BadInput(_("no name"))
    status = _status(values, cells.chosen)

    def kept(key: str, reader: Callable[[str], str | None]) -> str | None:
        """The value read, or None: then kept in the note and named in the summary."""
        if key not in values:
            return None
        read = reader(values[key])
        if read is None:
            lines.append(NoteLine(key, values[key]))
            unused.append(Unused(where, key, values[key]))
        return read

    birthday, every = kept("birthday", _birthday), kept("every", _every)
    customer_since, last_contact = kept("customer_since", _day), kept("last_contact", _day)
    read = _phones(cells, values, region, lines, unused, where)
    book_id = values.get("id", "")
    return NewContact(
        name=name,
        organisation=" ".join(values.get("organisation", "").split()) or None,
        emails=tuple(dict.fromkeys(emails)),
        phones=tuple({p.typed: p for p in read}.values()),
        tags=tuple(sorted({normalise_tag(t) for t in cells.tags if t.strip()[:1] != "*"})),
        status=status,
        note="\n".join(cells.notes),
        job_title=values.get("job_title", ""),
        city=values.get("city", ""),
        birthday=birthday,
        uuid=values.get("uuid"),
        where=where,
        department=values.get("department", ""),
        addresses=tuple(
            a for a in (_address(g, parts) for g, parts in cells.addresses.items()) if a.parts()
        ),
        lines=tuple(dict.fromkeys(lines)),
        every=every,
        customer_since=customer_since,
        last_contact=last_contact,
        unused=tuple(unused),
        book_id=int(book_id) if book_id.isdigit() and len(book_id) < 19 else None,
    )


def _emails(
    emails: list[str], report: Report, lines: list[NoteLine], unused: list[Unused], where: str
) -> list[str]:
    """The e-mail addresses that are ones (an Exchange-internal '/o=...' is counted and left
    out; one without '@' goes into the note)."""
    checked = []
    for email in emails:
        if email[:3].lower() == "/o=":
            report.exchange_addresses += 1  # Exchange's internal address: not an e-mail address
            continue
        try:
            checked.append(normalise_email(email))
        except BadInput:
            lines.append(NoteLine("email", email))
            unused.append(Unused(where, "email", email))
    return checked


def _status(values: dict[str, str], chosen: dict[str, tuple[int, str, str]]) -> str | None:
    """The status a cell says, in English or Dutch; a cell that says none is a bad cell."""
    if "status" not in values:
        return None
    text = values["status"].lower()
    if text not in STATUSES:
        text = fold(text)
        text = STATUS_WORDS.get(text, text)
    if text not in STATUSES:
        from salesnotes.domain.fields import choices

        raise BadCell(
            _("'{field}' is not a status ({STATUSES})").format(
                field=values["status"], STATUSES=choices(STATUSES)
            ),
            _header(chosen, "status"),
            values["status"],
        )
    return text


def _every(text: str) -> str | None:
    try:
        return normalise_every(text)
    except BadInput:
        return None


def _phones(
    cells: _Cells,
    values: dict[str, str],
    region: str,
    lines: list[NoteLine],
    unused: list[Unused],
    where: str,
) -> list[PhoneNumber]:
    """The phone numbers read, each with its kind (its column's, Google's type column's, or
    salesnotes' own export's 'phone kinds'); one that is no number goes into the note."""
    read = []
    # salesnotes' own export: "phone kinds" says, in order, what each number of "phone" is.
    own_kinds = [k.strip() for k in values.get("phone_kinds", "").split(",")]
    plain = [
        n
        for n, (column_name, _, _) in enumerate(cells.phones)
        if column_key(column_name) == "phone"
    ]
    for position, (column_name, value, kind) in enumerate(cells.phones):
        kind = cells.phone_types.get(column_name, kind)
        if position in plain and plain.index(position) < len(own_kinds):
            given = own_kinds[plain.index(position)]
            kind = given if given in PHONE_KINDS else kind
        number = read_number(value, region, kind)
        if number is None:
            lines.append(NoteLine("phone", value))
            unused.append(Unused(where, "phone", value))
        else:
            read.append(number)
    return read


def _header(chosen: dict[str, tuple[int, str, str]], field_name: str) -> str:
    return chosen[field_name][1] if field_name in chosen else field_name


def _day(text: str) -> str | None:
    """A day as an export or a spreadsheet writes it: 2026-11-25, 25-11-2026."""
    from salesnotes.domain.dates import parse_birthday

    try:
        found = parse_birthday(text.strip().split(" ")[0])
    except BadInput:
        return None
    return found if not found.startswith("--") else None


def _unneutralised(value: str) -> str:
    """A cell as it was before a spreadsheet export guarded it against formulas ("'=1+1")."""
    from salesnotes.formats.csv_export import unneutralised

    return unneutralised(value)


def _split(value: str) -> list[str]:
    """Several values in one cell: 'a@x.nl, b@x.nl', 'a; b', Google's 'a ::: b'."""
    return [part.strip() for part in VALUES.split(value) if part.strip()]


def _address(group: str, parts: dict[str, str]) -> Address:
    """An address of a row's address columns, with its kind (work, home, other)."""
    kind = GROUPS.get(group, "") or GROUPS.get(parts.get("type", "").lower(), "")
    if "formatted" in parts and not parts.keys() & {"street", "city", "postal code"}:
        return Address(kind=kind, street=", ".join(parts["formatted"].splitlines()))
    street = ", ".join(
        parts[p] for p in ("po box", "extended address", "street", "street 2", "street 3")
        if p in parts
    )  # fmt: skip
    return Address(
        kind=kind,
        street=street,
        postcode=parts.get("postal code", ""),
        city=parts.get("city", ""),
        region=parts.get("state", ""),
        country=parts.get("country", ""),
    )


def _birthday(text: str) -> str | None:
    """A birthday as spreadsheets write it: 22-3-1980 (day first, as in Europe), 3/22/1980
    (American Outlook, when day-first cannot be), 1980-03-22, --03-22."""
    from salesnotes.domain.dates import parse_birthday

    text = text.strip().split(" ")[0]
    try:
        return parse_birthday(text)
    except BadInput:
        pass
    match = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
    if match:
        try:
            return parse_birthday(f"{match[2]}-{match[1]}-{match[3]}")
        except BadInput:
            return None
    return None
