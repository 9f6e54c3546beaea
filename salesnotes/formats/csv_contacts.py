"""Contacts from the CSV files spreadsheets, Outlook and Google write. Pure: text in, records out.

Excel in the Netherlands writes ``;``-separated Windows-1252, "Unicode text" is tab-separated
UTF-16, Google and most CRMs write ``,``-separated UTF-8 (``formats.text`` decodes them all);
the separator is sniffed from the header line. Columns are recognised by name, in English and
Dutch, case- and accent-insensitively: a plain sheet's (naam, bedrijf, e-mail, telefoon ...),
Outlook's (First Name / Voornaam, Business Phone / Telefoon op werk, Business City /
Werkadres, plaats ...) and Google Contacts' (Given Name, E-mail 1 - Value, Phone 1 - Value,
Organization 1 - Name ...). ``--map COLUMN=FIELD`` names any other.

Nothing is dropped silently: a column with no field of its own goes into the note as
"Column: value"; one known to say nothing a salesperson uses (Outlook's Priority, Google's
"Phone 1 - Type") is left out and listed in the summary; an address becomes one note line.
"""

from __future__ import annotations

import csv
import io
import re
from collections import Counter
from dataclasses import dataclass, field

from salesnotes.errors import BadInput
from salesnotes.fields import normalise_email, normalise_tag, read_phone
from salesnotes.i18n import _
from salesnotes.models import STATUSES, NewContact, Unreadable
from salesnotes.text import clean, fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

# Fields a column can fill, each with the column names (folded) that mean it.
FIELDS: dict[str, tuple[str, ...]] = {
    "name": (
        "name", "naam", "full name", "volledige naam", "contact", "contactpersoon",
        "display name", "weergavenaam",
    ),
    "first": ("first name", "firstname", "given name", "voornaam"),
    "middle": (
        "middle name", "additional name", "tussenvoegsel", "tussenvoegsels", "middelste naam",
        "tweede voornaam",
    ),
    "last": ("last name", "lastname", "surname", "family name", "achternaam"),
    "organisation": (
        "organisation", "organization", "company", "bedrijf", "organisatie", "firma",
        "bedrijfsnaam", "company name", "organization name", "organisation name",
    ),
    "job_title": (
        "job title", "jobtitle", "job", "functie", "functietitel", "position",
        "organization title", "organisation title", "job_title",
    ),
    "email": (
        "email", "e-mail", "e-mail address", "email address", "emailadres", "e-mailadres",
        "mail", "emails", "e-mails", "e-mailadressen",
    ),
    "phone": (
        "phone", "telephone", "tel", "telefoon", "telefoonnummer", "mobile", "mobiel",
        "mobile phone", "phone number", "gsm", "phones", "telefoonnummers", "business phone",
        "business phone 2", "home phone", "home phone 2", "car phone", "other phone",
        "primary phone", "company main phone", "assistant's phone", "callback", "radio phone",
        "telefoon op werk", "telefoon op werk 2", "mobiele telefoon", "telefoon thuis",
        "telefoon thuis 2", "autotelefoon", "andere telefoon", "hoofdtelefoon",
        "hoofdtelefoon bedrijf", "telefoon assistent", "terugbelnummer", "mobiel nummer",
        "werk telefoon", "prive telefoon", "primaire telefoon",
    ),
    "city": (
        "city", "plaats", "woonplaats", "stad", "vestigingsplaats", "plaatsnaam",
    ),
    "tags": (
        "tags", "tag", "labels", "label", "categories", "categorieen", "categorie",
        "group membership", "groepslidmaatschap", "groups", "groepen",
    ),
    "status": ("status", "stage", "fase"),
    "note": (
        "note", "notes", "notitie", "notities", "opmerking", "opmerkingen", "memo",
        "aantekeningen",
    ),
    "birthday": (
        "birthday", "verjaardag", "geboortedatum", "date of birth", "birth date", "bday",
        "geboortedag",
    ),
    "uuid": ("uuid", "uid"),
}  # fmt: skip
# Columns that say nothing a salesperson uses, or repeat what another column says: left out
# (and listed in the summary when they hold anything).
IGNORED = {
    "title", "titel", "suffix", "achtervoegsel", "name prefix", "name suffix", "initials",
    "initialen", "e-mail type", "e-mail display name", "e-mail 2 type", "e-mail 2 display name",
    "e-mail 3 type", "e-mail 3 display name", "e-mailtype", "weergavenaam e-mail",
    "e-mail 2 weergavenaam", "e-mail 3 weergavenaam", "priority", "prioriteit", "sensitivity",
    "gevoeligheid", "private", "prive", "gender", "geslacht", "account", "billing information",
    "factuurgegevens", "mileage", "reisafstand", "directory server", "adreslijstserver",
    "user 1", "user 2", "user 3", "user 4", "gebruiker 1", "gebruiker 2", "gebruiker 3",
    "gebruiker 4", "file as", "opslaan als", "yomi name", "phonetic first name",
    "phonetic middle name", "phonetic last name", "given name yomi", "family name yomi",
    "additional name yomi", "name yomi", "photo", "foto", "short name", "language",
    "subject", "onderwerp", "internet free busy", "beschikbaarheidsinfo op internet",
    "id", "last contact", "laatste contact", "created", "archived", "every", "customer since",
    "ritme", "klant sinds", "organisation id",
}  # fmt: skip
# Cells that Outlook writes for "no date".
_NO_DATE = {"0/0/00", "0-0-00", "0-0-0000", "00-00-0000", "1/1/1601", "1-1-1601", "1601-01-01"}
STATUS_WORDS = {
    "klant": "customer",
    "client": "customer",
    "ambassadeur": "ambassador",
    "oud-klant": "former",
    "oud klant": "former",
    "voormalig": "former",
    "ex-klant": "former",
}
# What the fields are called in messages and for --map.
FIELD_NAMES = (
    "name", "first", "middle", "last", "organisation", "job_title", "email", "phone", "city",
    "tags", "status", "note", "birthday", "uuid", "ignore",
)  # fmt: skip
_ALIASES = {alias: key for key, names in FIELDS.items() for alias in names}
_ALIASES.update(dict.fromkeys(("ignore", "skip", "negeer", "overslaan"), "ignore"))
# Numbered and grouped columns: Google's "E-mail 1 - Value", Outlook's "E-mail 2 Address",
# "Business Street", "Werkadres, plaats".
_NUMBERED = (
    (re.compile(r"e-?mail ?\d* ?(?:- )?(?:value|address|adres)?(?: \d+)?"), "email"),
    (re.compile(r"e-?mailadres ?\d*"), "email"),
    (re.compile(r"phone \d+ - value"), "phone"),
    (re.compile(r"organi[sz]ation \d+ - name"), "organisation"),
    (re.compile(r"organi[sz]ation \d+ - title"), "job_title"),
    (re.compile(r".* - (?:type|label)"), "ignore"),
    (re.compile(r"e-?mail ?\d* ?(?:type|display name)|weergavenaam e-?mail ?\d*"), "ignore"),
    (re.compile(r".*\byomi\b.*|phonetic .*"), "ignore"),
)
_ADDRESS = (
    re.compile(
        r"(?P<group>business|home|other) (?P<part>street(?: \d)?|city|state|postal code"
        r"|country/region|country|po box)"
    ),
    re.compile(
        r"(?P<group>werkadres|woonadres|huisadres|ander adres), "
        r"(?P<part>straat(?: \d)?|plaats|provincie|postcode|land/regio|land|postbus)"
    ),
    re.compile(
        r"address (?P<group>\d+) - (?P<part>street|city|po box|region|postal code|country"
        r"|extended address|formatted)"
    ),
)
_PARTS = {
    "straat": "street", "straat 2": "street 2", "straat 3": "street 3", "plaats": "city",
    "provincie": "state", "postcode": "postal code", "land/regio": "country", "land": "country",
    "postbus": "po box", "country/region": "country", "region": "state",
}  # fmt: skip
_GROUPS = {
    "business": "work", "werkadres": "work", "home": "home", "woonadres": "home",
    "huisadres": "home", "other": "other", "ander adres": "other",
}  # fmt: skip
# Fields a row has one of: the best-ranked column's value; the others' go into the note.
_SINGLE = frozenset(
    ("name", "first", "middle", "last", "organisation", "job_title", "city", "status",
     "birthday", "uuid")
)  # fmt: skip
_VALUES = re.compile(r"\s*:::\s*|[,;\n]")  # several values in one cell
_TAGS = re.compile(r"\s*:::\s*|[,;]")
# Which address's city is the contact's city: the work address's before the others.
_CITY_RANK = {"business": 0, "werkadres": 0, "1": 1, "other": 2, "ander adres": 2}


@dataclass
class Column:
    """What one column of the file is: a field, an address part, the note, or left out."""

    header: str
    field: str  # a FIELDS key; 'address', 'extra' (into the note, labelled) or 'ignore'
    rank: int = 0  # among columns of a single-valued field, lower wins
    group: str = ""  # the address it is part of
    part: str = ""


@dataclass
class Report:
    """What reading the file found, for the import's summary."""

    kind: str = "spreadsheet"
    separator: str = ","
    ignored: Counter[str] = field(default_factory=Counter)
    noted: Counter[str] = field(default_factory=Counter)
    exchange_addresses: int = 0
    unread_dates: int = 0


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
    first_line = text.lstrip("\ufeff").split("\n", 1)[0]
    try:
        separator = csv.Sniffer().sniff(first_line, delimiters=";,\t|").delimiter
    except csv.Error:
        separator = ","
    report.separator = separator
    # Only the separator is taken from the sniffer: from one header line it cannot tell how
    # quotes are escaped, and every spreadsheet doubles them ("" inside "..."), as Excel
    # does. strict: a quote left open is an error, not the rest of the file in one cell.
    reader = csv.reader(
        io.StringIO(text.lstrip("\ufeff"), newline=""), delimiter=separator, strict=True
    )
    try:
        header = next(reader)
    except StopIteration:
        raise BadInput(
            _("{name} is empty; a CSV file starts with a line of column names").format(name=name)
        ) from None
    except csv.Error as exc:
        raise BadInput(_("{name}, line 1: {exc}").format(name=name, exc=exc)) from None
    columns = _columns(header, name, mapping or {})
    report.kind = _kind(header)
    try:
        for record in reader:
            line = reader.line_num
            if not any(cell.strip() for cell in record):
                continue
            try:
                yield _row(record, columns, region, report, f"line {line}")
            except BadInput as exc:
                yield Unreadable(_("line {line}").format(line=line), exc.message)
    except csv.Error as exc:
        raise BadInput(
            _("{name}, line {line_num}: {exc}").format(name=name, line_num=reader.line_num, exc=exc)
        ) from None


def _key(header: str) -> str:
    return " ".join(fold(clean(header)).replace("_", " ").split())


def _columns(header: list[str], name: str, mapping: Mapping[str, str]) -> list[Column]:
    keys = [_key(h) for h in header]
    mapped: dict[int, str] = {}
    for column, target in mapping.items():
        wanted = _key(column)
        if wanted not in keys:
            raise BadInput(
                _(
                    "--map {column}={target}: {name} has no column '{column}'; its columns "
                    "are: {header}"
                ).format(column=column, target=target, name=name, header=", ".join(header))
            )
        field_name = _field(target)
        if field_name is None:
            raise BadInput(
                _(
                    "--map {column}={target}: '{target}' is not a field; use one of: {FIELD_NAMES}"
                ).format(column=column, target=target, FIELD_NAMES=", ".join(FIELD_NAMES))
            )
        mapped[keys.index(wanted)] = field_name
    columns = []
    for index, (text, key) in enumerate(zip(header, keys, strict=True)):
        label = clean(text) or f"column {index + 1}"
        if index in mapped:
            columns.append(Column(label, mapped[index]))
            continue
        columns.append(_column(label, key))
    fields = {c.field for c in columns}
    if not fields & {"name", "first", "last", "organisation", "email"}:
        raise BadInput(
            _(
                "{name} has no name column; its columns are: {header}. Name one 'name' "
                "(or 'naam'), or 'first name' and 'last name', or say which it is: --map "
                "COLUMN=name"
            ).format(name=name, header=", ".join(header))
        )
    return columns


def _field(target: str) -> str | None:
    """The field a --map target names: a field's name or any column name that means it."""
    key = _key(target)
    if key.replace(" ", "_") in FIELD_NAMES:
        return key.replace(" ", "_")
    return _ALIASES.get(key)


def _column(label: str, key: str) -> Column:
    known = _ALIASES.get(key)
    if known and known != "ignore":
        return Column(label, known)
    if key in IGNORED or known == "ignore":
        return Column(label, "ignore")
    for pattern in _ADDRESS:
        match = pattern.fullmatch(key)
        if match:
            part = _PARTS.get(match["part"], match["part"])
            rank = 1 + _CITY_RANK.get(match["group"], 3)
            return Column(label, "address", rank=rank, group=match["group"], part=part)
    for pattern, target in _NUMBERED:
        if pattern.fullmatch(key):
            number = re.search(r"\d+", key)
            return Column(label, target, rank=int(number.group()) if number else 0)
    return Column(label, "extra")


def _kind(header: list[str]) -> str:
    keys = {_key(h) for h in header}
    if any(k.endswith(" - value") for k in keys) or "given name" in keys:
        return "Google Contacts"
    if keys & {"e-mail display name", "business phone", "telefoon op werk", "mobiele telefoon"}:
        return "Outlook"
    return "spreadsheet"


def _row(
    record: list[str], columns: list[Column], region: str, report: Report, where: str
) -> NewContact:
    # A hundred thousand rows go through here: cheap checks first, no work for empty cells.
    chosen: dict[str, tuple[int, str, str]] = {}  # single-valued field -> (rank, column, value)
    emails: list[str] = []
    phones: list[str] = []
    tags: list[str] = []
    notes: list[str] = []
    extra: list[str] = []
    others: list[tuple[str, str, str]] = []  # (field, column, value) that lost to a better one
    addresses: dict[str, dict[str, str]] = {}
    cities: list[tuple[int, str]] = []
    for column, raw in zip(columns, record, strict=False):
        if not raw:
            continue
        value = clean(raw)
        if not value or value in _NO_DATE:
            continue
        if value[0] == "'":
            value = _unneutralised(value)
        kind = column.field
        if kind in _SINGLE:
            best = chosen.get(kind)
            if best is None or column.rank < best[0]:
                chosen[kind] = (column.rank, column.header, value)
                if best is not None:
                    others.append((kind, best[1], best[2]))
            else:
                others.append((kind, column.header, value))
        elif kind == "email":
            emails += _split(value)
        elif kind == "phone":
            phones += _split(value)
        elif kind == "tags":
            tags += [t for t in _TAGS.split(value) if t.strip()]
        elif kind == "note":
            notes.append(value)
        elif kind == "extra":
            extra.append(f"{column.header}: {value}")
            report.noted[column.header] += 1
        elif kind == "address":
            addresses.setdefault(column.group, {})[column.part] = value
            if column.part == "city":
                cities.append((column.rank, value))
        else:
            report.ignored[column.header] += 1
    field = {kind: value for kind, (_, _, value) in chosen.items()}
    for kind, header, value in others:
        if fold(value) != fold(field[kind]):
            extra.append(f"{header}: {value}")
    if "city" not in field and cities:
        field["city"] = min(cities)[1]
    for group, parts in addresses.items():
        if parts.keys() != {"city"} or parts["city"] != field.get("city"):
            extra.append(_address(group, parts))  # not when it only repeats the city
    name = field.get("name") or " ".join(
        p for p in (field.get("first"), field.get("middle"), field.get("last")) if p
    )
    name = " ".join(name.split()) or field.get("organisation", "")
    checked_emails = []
    for email in emails:
        if email[:3].lower() == "/o=":
            report.exchange_addresses += 1  # Exchange's internal address: not an e-mail address
            continue
        checked_emails.append(normalise_email(email))
    if not name and checked_emails:
        name = checked_emails[0]
    if not name:
        raise BadInput(_("no name"))
    status = None
    if "status" in field:
        text = field["status"].lower()
        if text not in STATUSES:
            text = fold(text)
            text = STATUS_WORDS.get(text, text)
        status = text
        if status not in STATUSES:
            raise BadInput(
                _("'{field}' is not a status ({STATUSES})").format(
                    field=field["status"], STATUSES=", ".join(STATUSES)
                )
            )
    birthday = None
    if "birthday" in field:
        birthday = _birthday(field["birthday"])
        if birthday is None:
            report.unread_dates += 1
            extra.append(f"Birthday: {field['birthday']}")
    read = [read_phone(p, region) for p in phones]
    return NewContact(
        name=name,
        organisation=" ".join(field.get("organisation", "").split()) or None,
        emails=tuple(dict.fromkeys(checked_emails))
        if len(checked_emails) > 1
        else (*checked_emails,),
        phones=tuple({p.typed: p for p in read}.values()) if len(read) > 1 else (*read,),
        tags=tuple(sorted({normalise_tag(t) for t in tags if t.strip()[:1] != "*"})),
        status=status,
        note="\n".join([*notes, *extra]) if extra or len(notes) > 1 else "".join(notes),
        job_title=field.get("job_title", ""),
        city=field.get("city", ""),
        birthday=birthday,
        uuid=field.get("uuid"),
        where=where,
    )


def _unneutralised(value: str) -> str:
    """A cell as it was before a spreadsheet export guarded it against formulas ("'=1+1")."""
    if value[:1] == "'" and value[1:2] in ("=", "+", "-", "@"):
        return value[1:]
    return value


def _split(value: str) -> list[str]:
    """Several values in one cell: 'a@x.nl, b@x.nl', 'a; b', Google's 'a ::: b'."""
    return [part.strip() for part in _VALUES.split(value) if part.strip()]


def _address(group: str, parts: dict[str, str]) -> str:
    kind = _GROUPS.get(group, "")
    label = f"Address ({kind})" if kind else "Address"
    if "formatted" in parts:
        return f"{label}: " + ", ".join(parts["formatted"].splitlines())
    street = ", ".join(
        parts[p] for p in ("po box", "extended address", "street", "street 2", "street 3")
        if p in parts
    )  # fmt: skip
    place = " ".join(p for p in (parts.get("postal code"), parts.get("city")) if p)
    text = ", ".join(p for p in (street, place, parts.get("state"), parts.get("country")) if p)
    return f"{label}: {text}"


def _birthday(text: str) -> str | None:
    """A birthday as spreadsheets write it: 22-3-1980 (day first, as in Europe), 3/22/1980
    (American Outlook, when day-first cannot be), 1980-03-22, --03-22."""
    from salesnotes.dates import parse_birthday

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
