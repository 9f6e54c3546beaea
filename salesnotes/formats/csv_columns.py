"""What the columns of a contacts CSV are called: a plain sheet's, Outlook's and Google's, in
English and Dutch (folded: case and accents ignored), which field each fills, which say nothing
a salesperson uses, and the words for a contact's status; and what each column of a header is
(``read_header``). Read by ``formats.csv_contacts``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from salesnotes.errors import BadInput
from salesnotes.i18n import _
from salesnotes.text import clean, fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Mapping, Sequence

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
    "department": (
        "department", "afdeling", "organization department", "organisation department",
    ),
    "email": (
        "email", "e-mail", "e-mail address", "email address", "emailadres", "e-mailadres",
        "mail", "emails", "e-mails", "e-mailadressen",
    ),
    "phone": (),  # PHONE_COLUMNS
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
    "every": ("every", "rhythm", "ritme", "elke"),
    "customer_since": ("customer since", "klant sinds", "customer_since"),
    "last_contact": ("last contact", "laatste contact", "last_contact"),
    "id": ("id",),
    "phone_kinds": ("phone kinds", "soorten telefoon"),
}  # fmt: skip
# Phone columns, each with the kind of number it holds (what the agenda offers to call, and
# what an export writes back): Outlook's in English and Dutch, spreadsheets' plain names.
PHONE_COLUMNS = {
    **dict.fromkeys(
        ("mobile", "mobiel", "mobile phone", "gsm", "mobiele telefoon", "mobiel nummer",
         "mobiel telefoonnummer", "car phone", "autotelefoon", "cell", "cell phone"),
        "mobile",
    ),
    **dict.fromkeys(
        ("business phone", "business phone 2", "telefoon op werk", "telefoon op werk 2",
         "werk telefoon", "telefoon werk", "work phone", "zakelijk"),
        "work",
    ),
    **dict.fromkeys(
        ("home phone", "home phone 2", "telefoon thuis", "telefoon thuis 2", "prive telefoon",
         "thuis"),
        "home",
    ),
    **dict.fromkeys(("assistant's phone", "assistant phone", "telefoon assistent"), "assistant"),
    **dict.fromkeys(
        ("company main phone", "hoofdtelefoon bedrijf", "main phone", "algemeen nummer"), "main"
    ),
    **dict.fromkeys(
        ("business fax", "home fax", "other fax", "fax op werk", "fax thuis", "andere fax",
         "fax", "faxnummer"),
        "fax",
    ),
    **dict.fromkeys(("pager", "semafoon"), "pager"),
    **dict.fromkeys(
        ("other phone", "andere telefoon", "callback", "terugbelnummer", "radio phone",
         "radiotelefoon", "isdn", "tty/tdd phone", "teksttelefoon", "telex"),
        "other",
    ),
    **dict.fromkeys(
        ("phone", "telephone", "tel", "telefoon", "telefoonnummer", "phone number", "phones",
         "telefoonnummers", "primary phone", "primaire telefoon", "hoofdtelefoon"),
        "",
    ),
}  # fmt: skip
FIELDS["phone"] = tuple(PHONE_COLUMNS)
# Google's "Phone 1 - Type" values, as the kind of "Phone 1 - Value".
GOOGLE_KINDS = {
    "mobile": "mobile", "work": "work", "home": "home", "main": "main", "work fax": "fax",
    "home fax": "fax", "other fax": "fax", "pager": "pager", "other": "other",
    "assistant": "assistant", "google voice": "",
}  # fmt: skip
# Columns that say nothing a salesperson uses, or repeat what another column says: left out
# (and listed in the summary when they hold anything).
IGNORED = {
    "title", "titel", "suffix", "achtervoegsel", "name prefix", "name suffix", "initials",
    "initialen", "priority", "prioriteit", "sensitivity", "gevoeligheid", "vertrouwelijkheid",
    "private", "prive", "gender", "geslacht", "account", "billing information",
    "factuurgegevens", "mileage", "reisafstand", "directory server", "adreslijstserver",
    "user 1", "user 2", "user 3", "user 4", "gebruiker 1", "gebruiker 2", "gebruiker 3",
    "gebruiker 4", "file as", "opslaan als", "yomi name", "phonetic first name",
    "phonetic middle name", "phonetic last name", "given name yomi", "family name yomi",
    "additional name yomi", "name yomi", "photo", "foto", "short name", "language", "taal",
    "subject", "onderwerp", "internet free busy", "beschikbaarheidsinfo op internet",
    "internet beschikbaarheid", "beschikbaarheid op internet", "created", "archived",
    "organisation id", "display name e-mail", "weergavenaam", "e-mail display name",
}  # fmt: skip
# Values Outlook and Google write for "nothing" in their fixed columns: no value at all.
PLACEHOLDERS = {
    "niet opgegeven", "unspecified", "normaal", "normal", "onwaar", "false", "smtp", "ex",
    "0/0/00", "0-0-00", "0-0-0000", "00-00-0000", "1/1/1601", "1-1-1601", "1601-01-01",
}  # fmt: skip
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
    "name", "first", "middle", "last", "organisation", "department", "job_title", "email",
    "phone", "mobile", "city", "tags", "status", "note", "birthday", "every",
    "customer_since", "uuid", "ignore",
)  # fmt: skip
ALIASES = {alias: key for key, names in FIELDS.items() for alias in names}
ALIASES.update(dict.fromkeys(("ignore", "skip", "negeer", "overslaan"), "ignore"))
# Numbered and grouped columns: Google's "E-mail 1 - Value", Outlook's "E-mail 2 Address",
# "Business Street", "Werkadres, plaats".
NUMBERED = (
    (re.compile(r"e-?mail ?\d* ?(?:type|display name|weergavenaam) ?\d*"), "ignore"),
    (re.compile(r"e-?mailtype ?\d*|weergavenaam e-?mail ?\d*|e-?mail ?\d* ?weergavenaam"),
     "ignore"),
    (re.compile(r"e-?mail ?\d* ?(?:- )?(?:value|address|adres)?(?: \d+)?"), "email"),
    (re.compile(r"e-?mailadres ?\d*"), "email"),
    (re.compile(r"phone \d+ - value"), "phone"),
    (re.compile(r"phone \d+ - (?:type|label)"), "phone_type"),
    (re.compile(r"organi[sz]ation \d+ - name"), "organisation"),
    (re.compile(r"organi[sz]ation \d+ - title"), "job_title"),
    (re.compile(r"organi[sz]ation \d+ - department"), "department"),
    (re.compile(r".* - (?:type|label)"), "ignore"),
    (re.compile(r".*\byomi\b.*|phonetic .*"), "ignore"),
)  # fmt: skip
ADDRESS = (
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
        r"|extended address|formatted|type)"
    ),
    re.compile(r"(?P<group>business|home|other) address (?P<part>po box)"),
)
PARTS = {
    "straat": "street", "straat 2": "street 2", "straat 3": "street 3", "plaats": "city",
    "provincie": "state", "postcode": "postal code", "land/regio": "country", "land": "country",
    "postbus": "po box", "country/region": "country", "region": "state",
}  # fmt: skip
GROUPS = {
    "business": "work", "werkadres": "work", "home": "home", "woonadres": "home",
    "huisadres": "home", "other": "other", "ander adres": "other", "work": "work",
}  # fmt: skip
# Fields a row has one of: the best-ranked column's value; the others' go into the note.
SINGLE = frozenset(
    ("name", "first", "middle", "last", "organisation", "department", "job_title", "city",
     "status", "birthday", "uuid", "every", "customer_since", "last_contact", "id",
     "phone_kinds")
)  # fmt: skip
VALUES = re.compile(r"\s*:::\s*|[,;\n]")  # several values in one cell
TAGS = re.compile(r"\s*:::\s*|[,;]")
# Which address's city is the contact's city: the work address's before the others.
CITY_RANK = {"business": 0, "werkadres": 0, "1": 1, "other": 2, "ander adres": 2}


@dataclass
class Column:
    """What one column of the file is: a field, an address part, the note, or left out."""

    header: str
    field: str  # a FIELDS key; 'address', 'extra' (into the note, labelled) or 'ignore'
    rank: int = 0  # among columns of a single-valued field, lower wins
    group: str = ""  # the address it is part of; Google's 'phone N' for a phone's type
    part: str = ""  # an address's part; a phone column's kind of number


def column_key(header: str) -> str:
    return " ".join(fold(clean(header)).replace("_", " ").split())


def read_header(header: list[str], name: str, mapping: Mapping[str, str]) -> list[Column]:
    """What each column of file ``name`` is (``mapping``: --map COLUMN=FIELD); a file with
    no name column is refused."""
    keys = [column_key(h) for h in header]
    mapped = mapped_columns(header, name, mapping, field_named, FIELD_NAMES)
    columns = []
    for index, (text, key) in enumerate(zip(header, keys, strict=True)):
        label = clean(text) or f"column {index + 1}"
        if index in mapped:
            columns.append(Column(label, mapped[index]))
            continue
        columns.append(column_for(label, key))
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


def mapped_columns(
    header: list[str], name: str, mapping: Mapping[str, str],
    named: Callable[[str], str | None], fields: Sequence[str],
) -> dict[int, str]:  # fmt: skip
    """Which column each ``--map COLUMN=FIELD`` names (its index) and the field it is
    (``named``: the field a target names, or None; ``fields``: the fields there are, for
    the error)."""
    keys = [column_key(h) for h in header]
    mapped: dict[int, str] = {}
    for column, target in mapping.items():
        wanted = column_key(column)
        if wanted not in keys:
            raise BadInput(
                _(
                    "--map {column}={target}: {name} has no column '{column}'; its columns "
                    "are: {header}"
                ).format(column=column, target=target, name=name, header=", ".join(header))
            )
        field_name = named(target)
        if field_name is None:
            raise BadInput(
                _(
                    "--map {column}={target}: '{target}' is not a field; use one of: {FIELD_NAMES}"
                ).format(column=column, target=target, FIELD_NAMES=", ".join(fields))
            )
        mapped[keys.index(wanted)] = field_name
    return mapped


def field_named(target: str) -> str | None:
    """The field a --map target names: a field's name or any column name that means it."""
    key = column_key(target)
    if key.replace(" ", "_") in FIELD_NAMES:
        return key.replace(" ", "_")
    return ALIASES.get(key)


def column_for(label: str, key: str) -> Column:
    """What a column is, by its (folded) name."""
    if key in PHONE_COLUMNS:
        return Column(label, "phone", part=PHONE_COLUMNS[key])
    known = ALIASES.get(key)
    if known and known != "ignore":
        return Column(label, known)
    if key in IGNORED or known == "ignore":
        return Column(label, "ignore")
    for pattern in ADDRESS:
        match = pattern.fullmatch(key)
        if match:
            part = PARTS.get(match["part"], match["part"])
            rank = 1 + CITY_RANK.get(match["group"], 3)
            return Column(label, "address", rank=rank, group=match["group"], part=part)
    for pattern, target in NUMBERED:
        if pattern.fullmatch(key):
            number = re.search(r"\d+", key)
            rank = int(number.group()) if number else 0
            group = f"phone {rank}" if target in ("phone", "phone_type") and number else ""
            return Column(label, target, rank=rank, group=group)
    return Column(label, "extra")


def sheet_kind(header: list[str]) -> str:
    """Which program wrote the sheet, by its header: Google Contacts, Outlook or a spreadsheet."""
    keys = {column_key(h) for h in header}
    if any(k.endswith(" - value") for k in keys) or "given name" in keys:
        return "Google Contacts"
    if keys & {"e-mail display name", "business phone", "telefoon op werk", "mobiele telefoon"}:
        return "Outlook"
    return "spreadsheet"
