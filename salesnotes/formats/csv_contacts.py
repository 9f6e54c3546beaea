"""Contacts from a CSV file as spreadsheets write them. Pure: text in, checked records out.

Excel in the Netherlands writes ``;``-separated files in Windows-1252; Google Sheets and most
CRMs write ``,``-separated UTF-8 (sometimes with a BOM). Both are read: the encoding is UTF-8
when the file decodes as UTF-8, else Windows-1252; the separator is sniffed from the header.
Column names are matched in English and Dutch, case- and accent-insensitively.
"""

from __future__ import annotations

import codecs
import csv
import io
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from salesnotes.errors import BadInput
from salesnotes.fields import normalise_email, normalise_tag, read_phone
from salesnotes.models import STATUSES, NewContact
from salesnotes.text import clean, fold

COLUMNS = {
    "name": ("name", "naam", "full name", "volledige naam", "contact", "contactpersoon"),
    "first": ("first name", "firstname", "given name", "voornaam"),
    "middle": ("tussenvoegsel", "middle name", "prefix"),
    "last": ("last name", "lastname", "surname", "family name", "achternaam"),
    "organisation": (
        "organisation",
        "organization",
        "company",
        "bedrijf",
        "organisatie",
        "firma",
        "bedrijfsnaam",
        "company name",
    ),
    "email": (
        "email",
        "e-mail",
        "e-mail address",
        "email address",
        "emailadres",
        "e-mailadres",
        "mail",
    ),
    "phone": (
        "phone",
        "telephone",
        "tel",
        "telefoon",
        "telefoonnummer",
        "mobile",
        "mobiel",
        "mobile phone",
        "phone number",
        "gsm",
    ),
    "tags": ("tags", "tag", "labels", "label", "categories", "categorieen"),
    "status": ("status", "stage", "fase"),
    "note": ("note", "notes", "notitie", "notities", "opmerking", "opmerkingen", "memo"),
}
STATUS_WORDS = {
    "klant": "customer",
    "client": "customer",
    "ambassadeur": "ambassador",
    "oud-klant": "former",
    "oud klant": "former",
    "voormalig": "former",
    "ex-klant": "former",
    "": "lead",
}
SNIFF_BYTES = 64 * 1024


def open_text(path: Path) -> tuple[io.TextIOWrapper, str]:
    """The file as text, streamed, in the encoding it was written in; and that encoding."""
    raw: BinaryIO = path.open("rb")
    head = raw.read(SNIFF_BYTES)
    raw.seek(0)
    if head.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    else:
        try:
            head.decode("utf-8")
            encoding = "utf-8"
        except UnicodeDecodeError as exc:
            # A character cut in half at the end of the sample is still UTF-8.
            encoding = "utf-8" if exc.start >= len(head) - 3 else "cp1252"
    return io.TextIOWrapper(raw, encoding=encoding, newline=""), encoding


def rows(path: Path, region: str = "NL") -> Iterator[NewContact]:
    """Read and check every row; the first bad one is a BadInput naming its line."""
    text, encoding = open_text(path)
    with text:
        sample = text.read(SNIFF_BYTES)
        text.seek(0)
        try:
            dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(
                sample.split("\n", 1)[0], delimiters=";,\t|"
            )
        except csv.Error:
            dialect = csv.excel
        reader = csv.reader(text, dialect)
        try:
            header = next(reader)
        except StopIteration:
            raise BadInput(
                f"{path} is empty; a CSV file starts with a line of column names"
            ) from None
        except UnicodeDecodeError as exc:
            raise BadInput(f"{path} is not {encoding} text: {exc.reason}") from None
        fields = _map_header(header, path)
        try:
            for record in reader:
                line = reader.line_num
                if not any(cell.strip() for cell in record):
                    continue
                try:
                    yield _row(record, fields, region)
                except BadInput as exc:
                    raise BadInput(f"{path.name}, line {line}: {exc.message}") from None
        except UnicodeDecodeError as exc:
            raise BadInput(
                f"{path.name}, near line {reader.line_num}: not {encoding} text ({exc.reason})"
            ) from None
        except csv.Error as exc:
            raise BadInput(f"{path.name}, line {reader.line_num}: {exc}") from None


def _map_header(header: list[str], path: Path) -> dict[str, int]:
    aliases = {alias: key for key, names in COLUMNS.items() for alias in names}
    fields: dict[str, int] = {}
    for index, column in enumerate(header):
        key = aliases.get(fold(clean(column)).replace("_", " "))
        if key and key not in fields:
            fields[key] = index
    if "name" not in fields and not ({"first", "last"} & set(fields)):
        raise BadInput(
            f"{path.name} has no name column; its columns are: {', '.join(header)}. "
            "Name one 'name' (or 'naam'), or 'first name' and 'last name'"
        )
    return fields


def _row(record: list[str], fields: dict[str, int], region: str) -> NewContact:
    def cell(key: str) -> str:
        index = fields.get(key)
        return clean(record[index]) if index is not None and index < len(record) else ""

    name = cell("name") or " ".join(p for p in (cell("first"), cell("middle"), cell("last")) if p)
    name = " ".join(name.split())
    if not name:
        raise BadInput("no name")
    status_text = fold(cell("status"))
    status = STATUS_WORDS.get(status_text, status_text)
    if status not in STATUSES:
        raise BadInput(f"'{cell('status')}' is not a status ({', '.join(STATUSES)})")

    def split(value: str) -> list[str]:
        return [part.strip() for part in value.replace(";", ",").split(",") if part.strip()]

    return NewContact(
        name=name,
        organisation=" ".join(cell("organisation").split()) or None,
        emails=tuple(dict.fromkeys(normalise_email(e) for e in split(cell("email")))),
        phones=tuple(dict.fromkeys(read_phone(p, region) for p in split(cell("phone")))),
        tags=tuple(sorted({normalise_tag(t) for t in split(cell("tags"))})),
        status=status,
        note=cell("note"),
    )
