"""What the columns of a contacts CSV are called: a plain sheet's, Outlook's and Google's, in
English and Dutch (folded: case and accents ignored), which field each fills, which say nothing
a salesperson uses, and the words for a contact's status. Read by ``formats.csv_contacts``."""

from __future__ import annotations

import re

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
