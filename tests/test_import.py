"""import: contacts from the files phones, Outlook, Google and spreadsheets really write.

The files in tests/data/import/ are written the way those programs write them (every column
of an Outlook export, in Windows-1252 with ';' for a Dutch Outlook; Google's full header);
tests/data/vcards/ holds real exports of phones and address books (a copy of
../shared/interop/vcards/).
"""

from __future__ import annotations

import codecs
import os
import re
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import BACKEND, Run, RunJson, drain, dump

DATA = Path(__file__).parent / "data" / "import"
# Real exports of phones and address books (ez-vcard's test files, BSD: see the folder),
# kept here so a clean checkout tests them; a newer shared corpus beside the project joins in.
VCARDS = Path(__file__).parent / "data" / "vcards"
SHARED_VCARDS = Path(__file__).resolve().parents[2] / "shared" / "interop" / "vcards"
CORPUS = sorted(
    {p.name: p for folder in (SHARED_VCARDS, VCARDS) for p in folder.glob("*.vcf")}.values()
)


def write(path: Path, text: str, encoding: str = "utf-8", bom: bool = False) -> Path:
    data = text.encode(encoding)
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + data)
    return path


def people(run_json: RunJson) -> dict[str, dict[str, Any]]:
    return {c["name"]: c for c in run_json("contacts")}


def test_a_dutch_outlook_export_keeps_every_field(run: Run, run_json: RunJson) -> None:
    out = run("import", str(DATA / "outlook-nl.csv")).stdout
    assert out.splitlines()[0] == (
        "Imported outlook-nl.csv (Outlook CSV, Windows-1252, ';' between columns): "
        "4 new, 0 updated, 0 unchanged, 0 skipped; 4 new organisations"
    )
    # Nothing dropped silently: what went into the note and what was left out is named;
    # columns that hold nothing (Prioriteit 'Normaal', Privé 'Onwaar') are no news.
    assert "- into the note, as 'column: value': Naam assistent (1 row)" in out
    assert "Weergavenaam e-mail (1 row)" in out and "Prioriteit" not in out
    assert "1 Exchange-internal address" in out
    found = people(run_json)
    jose = found["José García"]
    assert (jose["organisation"], jose["job_title"], jose["city"]) == (
        "Café Zoë BV",
        "Inkoper",
        "Utrecht",
    )
    assert jose["emails"] == ["jose@cafezoe.nl"]
    assert jose["phones"] == ["030 123 4567", "06-12345678"]
    assert jose["phone_kinds"] == ["work", "mobile"]  # Telefoon op werk, Mobiele telefoon
    assert jose["birthday"] == "1980-03-22"
    assert jose["tags"] == ["horeca", "klanten"]
    assert jose["note"].splitlines() == [
        "Wil € 5.000 uitgeven aan",
        "nieuwe koffiemachines",
        "Naam assistent: Mieke",
    ]
    assert jose["addresses"] == [
        {"kind": "work", "street": "Oudegracht 12", "postcode": "3511 AR", "city": "Utrecht",
         "region": "", "country": "Nederland"}
    ]  # fmt: skip
    anna = found["Anna van Dijk"]  # Middelste naam
    assert (anna["city"], anna["phones"]) == ("Zwolle", ["038 765 4300", "+31 38 765 4321"])
    assert anna["phone_kinds"] == ["fax", "work"]  # Fax op werk is a number, never to call
    assert anna["note"] == ""
    assert [(a["kind"], a["city"]) for a in anna["addresses"]] == [
        ("work", "Zwolle"),
        ("home", "Hattem"),
    ]
    # The agenda offers the number to call: the work number, not the fax before it.
    run("follow", "anna", "today", "Bellen")
    assert [r["phone"] for r in run_json("agenda")] == ["+31 38 765 4321"]
    pieter = found["Pieter Bakker"]
    assert pieter["emails"] == ["pieter@bakker-it.nl", "p.bakker@gmail.com"]
    assert pieter["phones"] == ["0591 123456", "0612345679"]
    assert pieter["note"] == "Belt liever na 16:00"
    # Exchange's internal '/o=...' address is no e-mail address; the second one is.
    assert found["Sanne de Groot"]["emails"] == ["sanne@grootadvies.nl"]
    assert run("show", "José").stdout.count("Inkoper") == 1  # shown
    assert [h["contact"] for h in run_json("search", "utrecht")] == ["José García"]
    assert [h["contact"] for h in run_json("search", "inkoper")] == ["José García"]


def test_an_english_outlook_export(run: Run, run_json: RunJson) -> None:
    out = run("import", str(DATA / "outlook-en.csv")).stdout
    assert ": 2 new, 0 updated" in out
    assert "Title (1 row)" in out  # Outlook's 'Title' is Mr./Mrs.: left out, and said
    tom = people(run_json)["Tom Jansen"]
    assert (tom["organisation"], tom["job_title"], tom["city"]) == (
        "Jansen Logistics",
        "Buyer",
        "Rotterdam",
    )
    assert tom["phones"] == ["010 234 5678", "+31 6 2345 6789"]
    assert tom["phone_kinds"] == ["work", "mobile"]
    assert tom["birthday"] == "1980-03-22"  # 3/22/1980: month first, as day 22 shows
    assert tom["tags"] == ["customers"]
    assert (tom["note"], tom["department"]) == ("Met at the Logistica fair", "Purchasing")
    assert [(a["kind"], a["street"], a["postcode"], a["city"]) for a in tom["addresses"]] == [
        ("work", "Havenweg 4", "3011 AA", "Rotterdam")
    ]
    linda = people(run_json)["Linda Visser"]
    assert (linda["city"], linda["note"]) == ("Leiden", "Web Page: https://visser.nl")


def test_a_google_contacts_export(run: Run, run_json: RunJson) -> None:
    out = run("import", str(DATA / "google.csv")).stdout
    assert "(Google Contacts CSV, UTF-8, ',' between columns): 2 new" in out
    assert "Photo (1 row)" in out and "Phone 1 - Type" not in out  # read: the kind of Phone 1
    eva = people(run_json)["Eva Smit"]
    assert (eva["organisation"], eva["job_title"], eva["city"]) == (
        "Smit Media",
        "Marketing manager",
        "Amsterdam",
    )
    assert eva["emails"] == ["eva@smitmedia.nl", "eva.smit@gmail.com"]  # ' ::: ' separated
    assert eva["phones"] == ["+31 6 4567 8901", "020 555 1234"]
    assert eva["phone_kinds"] == ["mobile", "work"]  # Phone 1 - Type: Mobile, 2: Work
    assert eva["birthday"] == "1985-07-14"
    assert eva["tags"] == ["klanten"]  # '* myContacts' is Google's own group
    assert eva["note"] == "Prefers e-mail"
    assert [(a["kind"], a["street"], a["country"]) for a in eva["addresses"]] == [
        ("work", "Keizersgracht 100", "NL")
    ]
    mark = people(run_json)["Mark de Boer"]
    assert (mark["birthday"], mark["phones"]) == ("--11-30", ["+32 3 231 45 67"])
    assert (mark["note"], mark["department"]) == ("", "Verkoop")
    assert mark["tags"] == []


def test_excel_dutch_semicolons_in_windows_1252(
    run: Run, run_json: RunJson, tmp_path: Path
) -> None:
    csv = write(
        tmp_path / "klanten.csv",
        "Voornaam;Tussenvoegsel;Achternaam;Bedrijf;E-mailadres;Telefoon;Status;Opmerking\r\n"
        "José;;García;Café Zoë BV;Jose@Cafe.nl;06 1234 5678;klant;Wil € 5.000 uitgeven\r\n"
        "Anna;van;Dijk;Van Dijk Bouw;anna@vandijk.nl;;prospect;\r\n",
        encoding="cp1252",
    )
    assert run("import", str(csv)).stdout == (
        "Imported klanten.csv (spreadsheet CSV, Windows-1252, ';' between columns): "
        "2 new, 0 updated, 0 unchanged, 0 skipped; 2 new organisations\n"
    )
    found = people(run_json)
    jose = found["José García"]
    assert (jose["organisation"], jose["emails"], jose["status"]) == (
        "Café Zoë BV",
        ["jose@cafe.nl"],
        "customer",
    )
    assert jose["note"] == "Wil € 5.000 uitgeven"
    assert found["Anna van Dijk"]["status"] == "prospect"


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le"])
def test_unicode_text_from_excel_is_utf16_with_tabs(
    run: Run, run_json: RunJson, tmp_path: Path, encoding: str
) -> None:
    # Excel's "Unicode Text (*.txt)": UTF-16 (with, or by other programs without, a BOM).
    text = "Naam\tBedrijf\tPlaats\tFunctie\r\nZoë Özdemir\tŞahin BV\tDen Haag\tCFO\r\n"
    path = write(tmp_path / "export.txt", text, encoding=encoding)
    assert (
        "(spreadsheet CSV, UTF-16, tab between columns): 1 new" in run("import", str(path)).stdout
    )
    [zoe] = run_json("contacts")
    assert (zoe["name"], zoe["organisation"], zoe["city"], zoe["job_title"]) == (
        "Zoë Özdemir",
        "Şahin BV",
        "Den Haag",
        "CFO",
    )


def test_reimport_updates_rather_than_adds(
    run: Run, run_json: RunJson, db_path: Path, tmp_path: Path
) -> None:
    run("import", str(DATA / "outlook-nl.csv"))
    again = run("import", str(DATA / "outlook-nl.csv")).stdout
    assert ": 0 new, 0 updated, 4 unchanged, 0 skipped; 0 new organisations" in again
    # The same people a while later: José changed job and city, has a new mobile number
    # typed differently from the old one (same number: not new) and a second address.
    text = (DATA / "outlook-nl.csv").read_bytes().decode("cp1252")
    text = text.replace('"Inkoper"', '"Hoofd inkoop"').replace('"Utrecht"', '"Amersfoort"')
    text = text.replace('"06-12345678"', '"+31 6 1234 5678; 06 9999 0000"')
    changed = write(tmp_path / "later.csv", text, encoding="cp1252")
    before = dump(db_path)
    dry = run("import", str(changed), "--dry-run")
    assert dry.stdout.splitlines()[:2] == [
        "Would import later.csv (Outlook CSV, Windows-1252, ';' between columns): "
        "0 new, 1 updated, 3 unchanged, 0 skipped; 0 new organisations",
        "- updated #1 José García: job title, city, phone, address",
    ]
    assert "Nothing was written (--dry-run)." in dry.stderr
    assert dump(db_path) == before
    run("import", str(changed))
    jose = people(run_json)["José García"]
    assert (jose["job_title"], jose["city"]) == ("Hoofd inkoop", "Amersfoort")
    assert jose["phones"] == ["030 123 4567", "06-12345678", "06 9999 0000"]
    assert len(run_json("contacts")) == 4


def test_a_match_by_phone_or_by_name_and_organisation(
    run: Run, run_json: RunJson, tmp_path: Path
) -> None:
    run("add", "Jan de Vries", "--org", "Pluimers", "--phone", "06 1234 5678")
    run("add", "Piet Pluim", "--org", "Pluimers")
    csv = write(
        tmp_path / "x.csv",
        "name,organisation,phone,email,city\n"
        "J. de Vries,,+31612345678,jan@pluimers.nl,Zwolle\n"
        "piet pluim,PLUIMERS,,,Kampen\n",
    )
    assert ": 0 new, 2 updated" in run("import", str(csv)).stdout
    found = people(run_json)
    # 'J. de Vries' says less than 'Jan de Vries': the name stays the more precise one.
    assert found["Jan de Vries"]["emails"] == ["jan@pluimers.nl"]
    assert found["Jan de Vries"]["phones"] == ["06 1234 5678"]
    assert found["Piet Pluim"]["city"] == "Kampen"


def test_utf8_with_bom_commas_tags_and_the_same_person_twice(
    run: Run, run_json: RunJson, tmp_path: Path
) -> None:
    run("add", "Existing", "--email", "known@example.nl", "--org", "Known BV")
    csv = write(
        tmp_path / "export.csv",
        "Name,Company,Email,Phone,Tags\n"
        "Known Again,Known BV,KNOWN@example.nl,,\n"
        'Lotte Prins,Known BV,lotte@example.nl,+31 6 1111 2222,"vip, partner"\n'
        "Lotte Twice,Other BV,lotte@example.nl,,\n"
        ",,,,\n",
        bom=True,
    )
    out = run("import", str(csv)).stdout
    assert ": 1 new, 2 updated, 0 unchanged, 0 skipped; 1 new organisation" in out
    found = people(run_json)
    assert set(found) == {"Known Again", "Lotte Twice"}  # a later row of the file updates
    lotte = found["Lotte Twice"]
    assert (lotte["organisation"], lotte["tags"], lotte["phones"]) == (
        "Other BV",
        ["partner", "vip"],
        ["+31 6 1111 2222"],
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "name,status\nJan,klant\nPiet,baas\n",
            "bad.csv: 1 record cannot be imported; nothing was imported",
        ),
        ("name,status\nJan,boss\n", "line 2, column status: 'boss' is not a status"),
        ("name,note\n,only a note\n", "line 2: no name"),
        ("kleur,maat\nrood,L\n", "has no name column; its columns are: kleur, maat"),
        ("", "is empty"),
        ('name\n"Jan\n', "line 2: unexpected end of data"),
    ],
)
def test_a_bad_file_imports_nothing(
    run: Run, db_path: Path, tmp_path: Path, content: str, message: str
) -> None:
    run("add", "Before")
    before = dump(db_path)
    result = run("import", str(write(tmp_path / "bad.csv", content)), expect=2)
    assert result.stderr.startswith("Error: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert dump(db_path) == before


@pytest.mark.slow
def test_every_bad_row_is_listed_at_once(run: Run, run_json: RunJson, tmp_path: Path) -> None:
    """Without --skip-bad, and in a dry run above all, every row that cannot be imported is
    listed in one go (where, which column, which value, why), so it is corrected in one
    go; a value that cannot be what its column says (an e-mail without a proper '@') goes
    into the note and is named, for CSV as for vCards."""
    csv = write(
        tmp_path / "sheet.csv",
        "naam;e-mail;status\nAnna;anna@x.nl;klant\nBert;bert@@x;lead\nCees;cees@x.nl;baas\n"
        "Dirk;dirk@x.nl;\n;;klant\nErik;;baas-2\n",
    )
    for dry in ([], ["--dry-run"]):
        stopped = run("import", str(csv), *dry, expect=2)
        assert stopped.stderr.splitlines() == [
            "Error: sheet.csv: 3 records cannot be imported; nothing was imported (correct "
            "them, or --skip-bad imports the rest):",
            "  line 4, column status: 'baas' is not a status (lead, prospect, customer, "
            "ambassador, former)",
            "  line 6: no name",
            "  line 7, column status: 'baas-2' is not a status (lead, prospect, customer, "
            "ambassador, former)",
        ]
        assert stopped.stdout == ""
    # Not even an empty book was left behind (there was none before); a team's book on a
    # server is there all along, and holds nobody.
    if BACKEND == "sqlite":
        assert "there is no book at" in run("contacts", expect=1).stderr
    else:
        assert run_json("contacts") == []
    out = run("import", str(csv), "--skip-bad").stdout.splitlines()
    assert out == [
        "Imported sheet.csv (spreadsheet CSV, UTF-8, ';' between columns): "
        "3 new, 0 updated, 0 unchanged, 3 skipped; 0 new organisations",
        "- skipped line 4: 'baas' is not a status (lead, prospect, customer, ambassador, former)",
        "- skipped line 6: no name",
        "- skipped line 7: 'baas-2' is not a status (lead, prospect, customer, ambassador, former)",
        "- line 3: 'bert@@x' is not an e-mail address: kept in the note",
    ]
    assert [c["name"] for c in run_json("contacts")] == ["Anna", "Bert", "Dirk"]
    assert people(run_json)["Bert"]["note"] == "E-mail: bert@@x"


def test_map_names_the_columns_nobody_else_would(
    run: Run, run_json: RunJson, db_path: Path, tmp_path: Path
) -> None:
    csv = write(
        tmp_path / "crm.csv",
        "Klantnaam;Vestiging;Contact e-mail;Kleur\nBakker BV;Assen;info@bakker.nl;blauw\n",
    )
    out = run("import", str(csv), "--map", "Klantnaam=name", "--map", "vestiging=plaats",
              "--map", "Contact e-mail=email").stdout  # fmt: skip
    assert "- into the note, as 'column: value': Kleur (1 row)" in out
    [bakker] = run_json("contacts")
    assert (bakker["name"], bakker["city"], bakker["emails"], bakker["note"]) == (
        "Bakker BV",
        "Assen",
        ["info@bakker.nl"],
        "Kleur: blauw",
    )
    before = dump(db_path)
    wrong_column = run("import", str(csv), "--map", "Naam=name", expect=2).stderr
    assert "crm.csv has no column 'Naam'; its columns are: Klantnaam, Vestiging" in wrong_column
    wrong_field = run("import", str(csv), "--map", "Kleur=colour", expect=2).stderr
    assert "'colour' is not a field; use one of: name, first" in wrong_field
    assert "is not COLUMN=FIELD" in run("import", str(csv), "--map", "Kleur", expect=2).stderr
    assert dump(db_path) == before


def test_formula_guards_are_taken_off(run: Run, run_json: RunJson, tmp_path: Path) -> None:
    # What 'export --format csv' (and careful spreadsheets) write for cells that start like a
    # formula reads back as the text it was.
    csv = write(tmp_path / "x.csv", "name,phone,note\nJan,'+31 6 1234 5678,'=cool\n")
    run("import", str(csv))
    [jan] = run_json("contacts")
    assert (jan["phones"], jan["note"]) == (["+31 6 1234 5678"], "=cool")


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"PK\x03\x04\x14\x00\x06\x00", "is an Excel workbook (.xlsx) or another zip file"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "is an old Excel workbook (.xls)"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "is a picture (PNG)"),
        (b"name\x00\x01\x02\x03\x00\x00\xff\xfe\x00\x00\x00\x00\x00\x00", "not a text file"),
    ],
)
def test_what_is_not_text_is_named(
    run: Run, db_path: Path, tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "klanten.xlsx"
    path.write_bytes(data)
    err = run("import", str(path), expect=2).stderr
    assert message in err and err.startswith("Error: klanten.xlsx")
    assert not db_path.exists() or dump(db_path) == []


def test_a_missing_file_or_a_folder(run: Run, tmp_path: Path) -> None:
    assert "does not exist" in run("import", str(tmp_path / "nope.csv"), expect=2).stderr
    assert "is a folder" in run("import", str(tmp_path), expect=2).stderr
    # A device would be read for ever (/dev/zero) or as nothing; a NUL cannot be in a name.
    assert "is a device, not a file" in run("import", "/dev/zero", expect=2).stderr
    assert "is not a file name" in run("import", "a\x00b.csv", expect=2).stderr
    assert "is not a file name" in run("export", "-o", "a\x00b.vcf", expect=2).stderr


def test_a_pipe_is_read_like_a_file(run: Run, run_json: RunJson) -> None:
    # salesnotes import <(ssh host cat klanten.csv): the shell passes /dev/fd/N, a pipe.
    read_end, write_end = os.pipe()
    os.write(write_end, b"naam;e-mail\nMila Kok;mila@kok.nl\n")
    os.close(write_end)
    try:
        assert ": 1 new," in run("import", f"/dev/fd/{read_end}").stdout
    finally:
        os.close(read_end)
    assert [c["emails"] for c in run_json("contacts")] == [["mila@kok.nl"]]


# vCards ------------------------------------------------------------------------------------


def _cards(path: Path) -> list[list[str]]:
    """Each card of a file as its unfolded property lines (a test's own reading, kept
    simple: only what is needed to know what the import must keep)."""
    text = path.read_bytes().decode("utf-8", "replace")
    lines: list[str] = []
    for line in re.split(r"\r\n|\n|\r", text):
        if line[:1] in (" ", "\t") and lines:
            lines[-1] += line[1:]
        else:
            lines.append(line)
    cards: list[list[str]] = []
    card: list[str] | None = None
    for line in lines:
        if line.upper().startswith("BEGIN:VCARD"):
            card = []
        elif line.upper().startswith("END:VCARD") and card is not None:
            cards.append(card)
            card = None
        elif card is not None:
            card.append(line)
    return cards


def _values(card: list[str], name: str) -> list[str]:
    found = []
    for line in card:
        head, _, value = line.partition(":")
        prop = head.split(";")[0].split(".")[-1].upper()
        if prop == name and "QUOTED-PRINTABLE" not in head.upper():
            found.append(value)
    return found


def test_the_vcard_corpus_is_there() -> None:
    assert len(list(VCARDS.glob("*.vcf"))) >= 14  # a parametrised test over nothing skips


@pytest.mark.parametrize("path", CORPUS, ids=lambda p: p.name)
def test_every_real_vcard_export_imports_keeping_what_it_holds(
    run: Run, run_json: RunJson, path: Path
) -> None:
    result = run("import", str(path))
    assert "Traceback" not in result.stderr
    cards = _cards(path)
    contacts = run_json("contacts")
    assert len(contacts) == len(cards), result.stdout  # no card lost, none merged away
    emails = {e for c in contacts for e in c["emails"]}
    phones = {re.sub(r"\D", "", p) for c in contacts for p in c["phones"]}
    for card in cards:
        for email in _values(card, "EMAIL"):
            if "@" in email:
                assert email.lower().removeprefix("mailto:") in emails
        for tel in _values(card, "TEL"):
            digits = re.sub(r"\D", "", tel)
            if digits:
                assert digits in phones, tel
    with_birthday = sum(1 for card in cards if _values(card, "BDAY"))
    assert sum(1 for c in contacts if c["birthday"]) == with_birthday
    with_note = sum(
        1
        for card in cards
        if any(line.upper().startswith("NOTE") and line.partition(":")[2] for line in card)
    )
    assert sum(1 for c in contacts if c["note"]) >= with_note
    with_org = sum(1 for card in cards if any(v.strip(";") for v in _values(card, "ORG")))
    assert sum(1 for c in contacts if c["organisation"]) >= with_org


EXPECTED_CARDS = {
    "rfc6350-example.vcf": [
        {
            "name": "Simon Perreault",
            "organisation": "Viagenie",
            "emails": ["simon.perreault@viagenie.ca"],
            "phones": ["+1-418-656-9254;ext=102", "+1-418-262-6501"],
            "birthday": "--02-03",
            "city": "Quebec",
        }
    ],
    "outlook-2003.vcf": [
        {
            "name": "John Doe III",
            "organisation": "Company  The",
            "job_title": "The Job Title",
            "emails": ["jdoe@hotmail.com"],
            "birthday": "1980-03-21",
            "city": "Austin",
        }
    ],
    "John_Doe_MS_OUTLOOK.vcf": [
        {
            "name": "Mr. John Richter James Doe Sr.",
            "organisation": "IBM",
            "job_title": "Money Counter",
            "emails": ["john.doe@ibm.cm"],
            "phones": ["(905) 555-1234", "(905) 666-1234"],
            "birthday": "1980-03-22",  # 19800322, vCard 2.1's basic form
        }
    ],
    "gmail-list.vcf": [
        {"name": "Arnold Smith", "emails": ["asmithk@gmail.com"]},
        {"name": "Chris Beatle", "emails": ["chrisy55d@yahoo.com"]},
        {"name": "Doug White", "emails": ["dwhite@gmail.com"]},
    ],
}


@pytest.mark.parametrize("name", sorted(EXPECTED_CARDS))
def test_known_cards_read_field_by_field(run: Run, run_json: RunJson, name: str) -> None:
    run("import", str(VCARDS / name))
    contacts = sorted(run_json("contacts"), key=lambda c: c["id"])
    for contact, expected in zip(contacts, EXPECTED_CARDS[name], strict=True):
        assert {key: contact[key] for key in expected} == expected


def test_quoted_printable_and_a_broken_card(run: Run, run_json: RunJson) -> None:
    # The Android export: vCard 2.1 quoted-printable UTF-8 (Ñ), soft line breaks, a photo,
    # cards with only an e-mail address, and one value cut off mid-character (=80).
    out = run("import", str(VCARDS / "John_Doe_ANDROID.vcf")).stdout
    assert ": 6 new," in out and "- left out: 1 picture (photos and logos)" in out
    names = sorted(c["name"] for c in run_json("contacts"))
    assert names[:2] == ["jane.doe@company.com", "john.doe@company.com"]
    assert "ÑÑÑÑ" in names
    [henry] = [c for c in run_json("contacts") if c["emails"] == ["henry@company.com"]]
    assert henry["organisation"].startswith("ÑÑÑÑ")


def test_a_vcard_without_a_name_or_anything_is_a_bad_record(
    run: Run, run_json: RunJson, db_path: Path, tmp_path: Path
) -> None:
    vcf = write(
        tmp_path / "phone.vcf",
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ok Person\r\nTEL:06 1234 5678\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nNOTE:nothing else\r\nEND:VCARD\r\n",
    )
    err = run("import", str(vcf), expect=2).stderr
    assert err.splitlines() == [
        "Error: phone.vcf: 1 record cannot be imported; nothing was imported (correct it, or "
        "--skip-bad imports the rest):",
        "  card 2 (line 6): no name, organisation, e-mail address or phone number",
    ]
    assert dump(db_path) == [] or run_json("contacts") == []  # no file; or the server's, empty
    assert ", 1 skipped;" in run("import", str(vcf), "--skip-bad").stdout
    assert [c["name"] for c in run_json("contacts")] == ["Ok Person"]
    empty = write(tmp_path / "empty.vcf", "hello\n")
    assert "has no vCard in it" in run("import", str(empty), expect=2).stderr


def test_a_card_with_a_uid_updates_its_contact(run: Run, run_json: RunJson, tmp_path: Path) -> None:
    card = (
        "BEGIN:VCARD\r\nVERSION:4.0\r\nUID:urn:uuid:0e7602cc-443e-4b82-b4b1-90f62f99a199\r\n"
        "FN:Karin Mulder\r\nTITLE:{title}\r\nEND:VCARD\r\n"
    )
    run("import", str(write(tmp_path / "a.vcf", card.format(title="Inkoper"))))
    out = run("import", str(write(tmp_path / "b.vcf", card.format(title="CFO")))).stdout
    assert "- updated #1 Karin Mulder: job title" in out
    [karin] = run_json("contacts")
    assert (karin["job_title"], karin["uuid"]) == ("CFO", "0e7602cc-443e-4b82-b4b1-90f62f99a199")


# All or nothing, even when killed ----------------------------------------------------------


@pytest.mark.slow
def test_a_mangled_line_is_left_out_at_once_and_said(tmp_path: Path) -> None:
    # Found by a fuzzer: a parameter list of '=' signs without a ':' made vobject's own line
    # pattern backtrack for minutes. Such a line is not a property; it is left out and named.
    mangled = "FN;CHA" + "=91=C3" * 20 + "=80"
    vcf = write(
        tmp_path / "mangled.vcf",
        f"BEGIN:VCARD\r\nVERSION:2.1\r\n{mangled}\r\nFN:Mila Kok\r\n"
        "TEL;WORK;VOICE:06 1234 5678\r\nEND:VCARD\r\n",
    )
    env = {**os.environ, "SALESNOTES_DB": str(tmp_path / "book.db")}
    done = subprocess.run(
        [sys.executable, "-m", "salesnotes", "import", str(vcf)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr
    assert ": 1 new," in done.stdout
    assert "- left out: 1 line that is not a vCard property (line 3)" in done.stdout


# Runs salesnotes and kills it with SIGKILL at the worst moment, whatever the machine's
# speed: when SQLite is handed the COMMIT of the import, every row written, none committed.
KILLED_AT_COMMIT = """
import os, signal, sqlite3, sys
connect = sqlite3.connect
seen = []
def at(statement):
    if statement.startswith("INSERT INTO contacts"):
        seen.append(1)
    elif statement == "COMMIT" and seen:
        os.kill(os.getpid(), signal.SIGKILL)
def traced(*args, **kwargs):
    conn = connect(*args, **kwargs)
    conn.set_trace_callback(at)
    return conn
sqlite3.connect = traced
from salesnotes.__main__ import main
sys.argv[0] = "salesnotes"
main()
"""


@pytest.mark.slow
def test_an_import_killed_half_way_leaves_the_book_as_it_was(tmp_path: Path) -> None:
    big = tmp_path / "big.csv"
    with big.open("w", encoding="utf-8") as out:
        out.write("name,email,phone\n")
        for n in range(20_000):
            out.write(f"Person {n},p{n}@example.nl,06 {10000000 + n}\n")
    db = tmp_path / "book.db"
    env = {**os.environ, "SALESNOTES_DB": str(db)}
    subprocess.run([sys.executable, "-m", "salesnotes", "add", "Before"], env=env, check=True)
    process = subprocess.run(
        [sys.executable, "-c", KILLED_AT_COMMIT, "import", str(big)],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert process.returncode == -signal.SIGKILL, process.stderr
    # It had written the import into the write-ahead log: the kill came after the work.
    assert Path(f"{db}-wal").stat().st_size > 1_000_000
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("SELECT name FROM contacts").fetchall() == [("Before",)]
    finally:
        conn.close()


# What a terminal sees, and what a command that does not import never loads -----------------


def _big_csv(path: Path, rows: int) -> Path:
    with path.open("w", encoding="utf-8") as out:
        out.write("name,email\n")
        for n in range(rows):
            out.write(f"Person {n},p{n}@example.nl\n")
    return path


def _on_a_terminal(args: list[str], env: dict[str, str]) -> tuple[str, bytes]:
    """What a command writes to stdout, and what a terminal on its stderr shows."""
    import pty

    leader, follower = pty.openpty()
    process = subprocess.run(
        [sys.executable, "-m", "salesnotes", *args],
        env=env, stdout=subprocess.PIPE, stderr=follower, text=True, check=True,
    )  # fmt: skip
    os.close(follower)
    seen = drain(leader)
    os.close(leader)
    return process.stdout, seen


@pytest.mark.slow
def test_a_progress_bar_only_on_a_terminal(tmp_path: Path) -> None:
    big = _big_csv(tmp_path / "big.csv", 3000)
    env = {**os.environ, "SALESNOTES_DB": str(tmp_path / "book.db"), "TERM": "xterm"}
    env.pop("NO_COLOR", None)
    # stderr a pipe (cron, a script): no bar, no noise.
    piped = subprocess.run(
        [sys.executable, "-m", "salesnotes", "import", str(big), "--dry-run"],
        env=env, capture_output=True, text=True, check=True,
    )  # fmt: skip
    assert piped.stderr == "Nothing was written (--dry-run).\n"
    # stderr a terminal: a bar while it works (gone when done); stdout, the data, unchanged.
    stdout, seen = _on_a_terminal(["import", str(big), "--dry-run"], env)
    assert b"Importing big.csv" in seen
    assert stdout == piped.stdout
    assert ": 3000 new," in stdout
    # Exports of that many take a moment too: the same bar, and the same file as in a pipe.
    subprocess.run([sys.executable, "-m", "salesnotes", "import", str(big)], env=env, check=True)
    for fmt in ("vcard", "json"):
        exported = subprocess.run(
            [sys.executable, "-m", "salesnotes", "export", "--format", fmt],
            env=env, capture_output=True, text=True, check=True,
        )  # fmt: skip
        assert exported.stderr == ""
        stdout, seen = _on_a_terminal(["export", "--format", fmt], env)
        assert b"Exporting" in seen
        if fmt == "vcard":
            assert stdout == exported.stdout


@pytest.mark.slow
def test_only_import_and_export_load_the_vcard_and_calendar_libraries(tmp_path: Path) -> None:
    probe = (
        "import atexit, sys\n"
        "atexit.register(lambda: print(sorted({m.split('.')[0] for m in sys.modules}"
        " & {'vobject', 'icalendar'}), file=sys.stderr))\n"
        "from salesnotes.entry import main\n"
        "sys.argv = ['salesnotes', *sys.argv[1:]]\n"
        "main()\n"
    )
    env = {**os.environ, "SALESNOTES_DB": str(tmp_path / "book.db")}

    def loaded(*args: str) -> str:
        process = subprocess.run(
            [sys.executable, "-c", probe, *args], env=env, capture_output=True, text=True
        )
        return process.stderr.strip().splitlines()[-1]

    assert loaded("agenda") == "[]"
    assert loaded("add", "Jan") == "[]"
    assert loaded("export", "--format", "csv") == "[]"
    assert loaded("export") == "['vobject']"
    assert loaded("export", "--format", "ics") == "['icalendar']"


# -- the Dutch week: what a real week of imports found wrong (issue 21) -----------------------


def test_her_phone_card_with_a_private_address_is_the_same_person(
    run: Run, run_json: RunJson, tmp_path: Path
) -> None:
    """The same name, organisation and mobile number, another e-mail address (her private
    one): the same person, who gains the address. A switchboard shared with a colleague of
    another name is not the same person."""
    run("add", "Marieke Jansen", "--org", "Bouwbedrijf Jansen", "--email",
        "m.jansen@jansenbouw.nl", "--phone", "06 2345 6789")  # fmt: skip
    run("add", "Kees Bos", "--org", "Bouwbedrijf Jansen", "--phone", "0522 123 456")
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Marieke Jansen\r\nN:Jansen;Marieke;;;\r\n"
        "ORG:Bouwbedrijf Jansen\r\nTEL;TYPE=CELL:+31 6 23456789\r\n"
        "EMAIL;TYPE=HOME:marieke.jansen@gmail.com\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Henk Visser\r\nORG:Bouwbedrijf Jansen\r\n"
        "TEL;TYPE=WORK:0522 123456\r\nEND:VCARD\r\n"
    )
    out = run("import", str(write(tmp_path / "telefoon.vcf", card))).stdout
    assert ": 1 new, 1 updated, 0 unchanged" in out
    assert "- updated #1 Marieke Jansen: e-mail" in out
    found = people(run_json)
    assert found["Marieke Jansen"]["emails"] == [
        "m.jansen@jansenbouw.nl",
        "marieke.jansen@gmail.com",
    ]
    assert sorted(found) == ["Henk Visser", "Kees Bos", "Marieke Jansen"]


def test_dutch_outlook_columns_that_say_nothing_stay_out_of_the_note(
    run: Run, run_json: RunJson, tmp_path: Path
) -> None:
    """Vertrouwelijkheid 'Normaal', E-mailtype 2 'SMTP', Geslacht 'Niet opgegeven': the Dutch
    export's noise is left out as the English export's is."""
    header = (
        "Voornaam;Achternaam;Bedrijf;E-mailadres;E-mailtype;Weergavenaam e-mail;"
        "E-mailadres 2;E-mailtype 2;Weergavenaam e-mail 2;Geslacht;Initialen;Prioriteit;"
        "Vertrouwelijkheid;Privé;Trefwoorden\r\n"
    )
    row = (
        "Sanne;Bakker;Bakker BV;sanne@bakker.nl;SMTP;Sanne Bakker (sanne@bakker.nl);"
        "s.bakker@gmail.com;SMTP;Sanne (privé);Niet opgegeven;S.B.;Normaal;Normaal;Onwaar;"
        "beurs 2026\r\n"
    )
    run("import", str(write(tmp_path / "outlook.csv", header + row, encoding="cp1252")))
    sanne = people(run_json)["Sanne Bakker"]
    assert sanne["note"] == "Trefwoorden: beurs 2026"
    assert sanne["emails"] == ["sanne@bakker.nl", "s.bakker@gmail.com"]


def test_the_number_to_call_is_her_own(run: Run, run_json: RunJson, tmp_path: Path) -> None:
    """An assistant's, a fax or a company's main number is kept with its kind; the agenda
    and the vCard export offer her own mobile or work number first, and show names each."""
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ineke de Boer\r\nORG:Gemeente Zwolle;Inkoop\r\n"
        "item1.TEL:038 498 1000\r\nitem1.X-ABLabel:_$!<AssistantPhone>!$_\r\n"
        "TEL;TYPE=WORK,FAX:038 498 1001\r\nTEL;TYPE=MAIN:14 038\r\n"
        "TEL;TYPE=WORK,VOICE:038 498 2345\r\nTEL;TYPE=CELL:06 8765 4321\r\nEND:VCARD\r\n"
    )
    run("import", str(write(tmp_path / "ineke.vcf", card)))
    [ineke] = run_json("contacts")
    assert ineke["phone_kinds"] == ["assistant", "fax", "main", "work", "mobile"]
    assert ineke["department"] == "Inkoop"
    run("follow", "ineke", "today", "Offerte bespreken")
    assert [r["phone"] for r in run_json("agenda")] == ["06 8765 4321"]
    shown = run("show", "ineke").stdout
    assert "038 498 1000 (assistant), 038 498 1001 (fax), 14 038 (main number)" in shown
    assert "department" in shown and "Inkoop" in shown
    exported = run("export", "--format", "vcard").stdout
    assert "TEL;TYPE=CELL,VOICE,PREF:06 8765 4321" in exported
    assert "TEL;TYPE=FAX:038 498 1001" in exported
    assert "ORG:Gemeente Zwolle;Inkoop" in exported


def test_excel_scientific_notation_is_no_phone_number(
    run: Run, run_json: RunJson, tmp_path: Path
) -> None:
    """A phone column Excel took for numbers: 3,16293E+10 is not two phones '3' and
    '16293E+10'; it is kept as typed in the note, and the summary names it."""
    csv = write(
        tmp_path / "excel.csv",
        "Naam;Telefoon;Mobiel\r\nPiet Smit;3,16293E+10;0612345678\r\n",
        encoding="cp1252",
    )
    out = run("import", str(csv)).stdout
    assert "- line 2: '3,16293E+10' is not a phone number: kept in the note" in out
    [piet] = run_json("contacts")
    assert piet["phones"] == ["0612345678"]
    assert piet["note"] == "Phone: 3,16293E+10"


def test_less_precise_never_overwrites_more_precise(
    run: Run, run_json: RunJson, tmp_path: Path
) -> None:
    """A card without a birth year keeps the known year; a bare city does not add to a
    whole address; a shorter name does not replace the longer one."""
    run("add", "Jan de Vries", "--email", "jan@pluimers.nl", "--birthday", "18-04-1990")
    csv = write(
        tmp_path / "full.csv",
        "name,email,business street,business postal code,business city\n"
        "Jan de Vries,jan@pluimers.nl,Stationsweg 1,8011 CZ,Zwolle\n",
    )
    run("import", str(csv))
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan Vries\r\nEMAIL:jan@pluimers.nl\r\n"
        "BDAY:--04-18\r\nADR;TYPE=WORK:;;;Zwolle;;;\r\nEND:VCARD\r\n"
    )
    out = run("import", str(write(tmp_path / "phone.vcf", card))).stdout
    assert ": 0 new, 0 updated, 1 unchanged" in out
    [jan] = run_json("contacts")
    assert (jan["name"], jan["birthday"]) == ("Jan de Vries", "1990-04-18")
    assert [(a["street"], a["city"]) for a in jan["addresses"]] == [("Stationsweg 1", "Zwolle")]
    # The other way round, the more precise does take over.
    card = card.replace("BDAY:--04-18", "BDAY:1990-04-19").replace(
        "FN:Jan Vries", "FN:Jan de Vries-Bos"
    )
    out = run("import", str(write(tmp_path / "newer.vcf", card))).stdout
    assert "- updated #1 Jan de Vries-Bos: name, birthday" in out


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_a_dry_run_into_no_book_makes_no_book(run: Run, db_path: Path, tmp_path: Path) -> None:
    csv = write(tmp_path / "x.csv", "name\nPiet\n")
    out = run("import", str(csv), "--dry-run").stdout
    assert "Would import x.csv" in out and ": 1 new" in out
    assert not db_path.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith("salesnotes-dry-run")]


def test_notes_do_not_pile_up_the_same_line(
    run: Run, run_json: RunJson, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Importing the same phone card again, once in Dutch and once in English, adds no
    line the note holds already (in either language), and addresses are fields, not lines."""
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lotte Kok\r\nEMAIL:lotte@kok.nl\r\n"
        "URL:https://kok.nl\r\nNICKNAME:Lot\r\nORG:Kok BV;Inkoop\r\n"
        "ADR;TYPE=WORK:;;Markt 1;Deventer;;7411 AA;NL\r\nEND:VCARD\r\n"
    )
    path = write(tmp_path / "lotte.vcf", card)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    run("import", str(path))
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert ": 0 new, 0 updated, 1 unchanged" in run("import", str(path)).stdout
    [lotte] = run_json("contacts")
    assert lotte["note"].splitlines() == ["Website: https://kok.nl", "Roepnaam: Lot"]
    assert lotte["department"] == "Inkoop"
    assert len(lotte["addresses"]) == 1


def test_the_import_summary_in_dutch(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    run("add", "Jan de Vries", "--email", "jan@pluimers.nl")
    csv = write(
        tmp_path / "lijst.csv",
        "Naam;E-mail;Functie;Telefoon;Verjaardag\r\n"
        "Jan de Vries;jan@pluimers.nl;Inkoper;3,1E+10;31-02\r\n",
        encoding="cp1252",
    )
    out = run("import", str(csv)).stdout
    assert "(rekenblad CSV, UTF-8, ';' tussen kolommen)" in out
    assert "- bijgewerkt #1 Jan de Vries: functie, notitie" in out
    assert "- regel 2: '3,1E+10' is geen telefoonnummer: bewaard in de notitie" in out
    assert "- regel 2: '31-02' is geen verjaardag: bewaard in de notitie" in out


# Values past what salesnotes keeps: cut or refused, never held many times over -------------


def _folded(line: str) -> str:
    """A content line folded at 75 characters, as phones and address books write them."""
    parts = [line[:75]] + [" " + line[i : i + 74] for i in range(75, len(line), 74)]
    return "\r\n".join(parts)


# A small process that runs salesnotes and says its peak memory (measured from the test's own
# process, Linux would count the memory of the forked test too, as it was before the exec).
_MEASURED = (
    "import resource, subprocess, sys; code = subprocess.call(sys.argv[1:]); "
    "print(f'{code} {resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss}')"
)


def _peak_kb(args: list[str]) -> tuple[int, str, int]:
    """Run salesnotes in a process of its own: its exit code, its output, its peak memory."""
    done = subprocess.run([sys.executable, "-c", _MEASURED, sys.executable, "-m", "salesnotes",
                           *args], capture_output=True, text=True, check=True)  # fmt: skip
    out, __, last = done.stdout.rstrip("\n").rpartition("\n")
    code, peak = last.split()
    return int(code), (out + "\n" if out else "") + done.stderr, int(peak)  # KB on Linux


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ru_maxrss in KB: Linux")
@pytest.mark.parametrize("folded", [True, False])
@pytest.mark.slow
def test_one_ten_megabyte_field_is_cut_and_memory_stays_under_ten_times_the_file(
    run_json: RunJson, tmp_path: Path, folded: bool
) -> None:
    note = "Lange notitie over de hal. " * 400_000  # 10.8 MB
    line = f"NOTE:{note}"
    vcf = write(tmp_path / "groot.vcf", "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Mila Kok\r\n"
                f"{_folded(line) if folded else line}\r\nEND:VCARD\r\n")  # fmt: skip
    size_kb = vcf.stat().st_size // 1024
    code, out, peak = _peak_kb(["import", str(vcf), "--dry-run"])
    assert code == 0, out
    assert peak < 10 * size_kb, (peak, size_kb)  # was 1.5 GB: 145 times the file
    assert "card 1 (line 1): the note was longer than salesnotes keeps; its first 100,000" in out
    code, out, peak = _peak_kb(["import", str(vcf)])
    assert code == 0 and peak < 10 * size_kb, (out, peak)
    [mila] = run_json("contacts")
    assert mila["note"] == note[:100_000].strip()


def test_imports_keep_the_limits_typing_keeps(run: Run, run_json: RunJson, tmp_path: Path) -> None:
    long_note = "Afspraak " * 13_334  # 120,006 characters
    csv = write(
        tmp_path / "klanten.csv",
        f"naam;notitie;website\nMila Kok;{long_note};https://kok.nl\nJan Smit;kort;\n",
    )
    out = run("import", str(csv)).stdout
    assert "line 2: the note was longer than salesnotes keeps; its first 100,000 characters" in out
    notes = {c["name"]: c["note"] for c in run_json("contacts")}
    assert notes["Mila Kok"] == long_note[:100_000]  # the website line did not fit after it
    assert notes["Jan Smit"] == "kort"
    # A name or an e-mail address past its limit is a record that cannot be imported.
    cards = write(
        tmp_path / "lang.vcf",
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:{'M' * 201}\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ok Naam\r\nORG:" + "B" * 201 + "\r\nEND:VCARD\r\n",
    )
    err = run("import", str(cards), expect=2).stderr
    assert "card 1 (line 1): a name of 201 characters is longer than salesnotes keeps (200)" in err
    assert "card 2 (line 5): an organisation of 201 characters is longer than" in err
    # A cell far past any value: the file is refused, saying which line, in a sentence.
    huge = write(tmp_path / "huge.csv", "naam,notitie\nMila," + "x" * 500_000 + "\n")
    err = run("import", str(huge), expect=2).stderr
    assert err.startswith("Error: huge.csv, line 2: a cell of over 400,000 characters")
    # A book's file keeps them too.
    book = run("export", "--format", "json").stdout.replace('"kort"', '"' + "k" * 100_001 + '"')
    (tmp_path / "book.json").write_text(book, encoding="utf-8")
    err = run("import", str(tmp_path / "book.json"), expect=2).stderr
    assert "contacts row 2, note: a note of 100,001 characters is longer than salesnotes" in err


@pytest.mark.slow
def test_a_long_quoted_printable_note_is_decoded_before_it_is_cut(
    run_json: RunJson, run: Run, tmp_path: Path
) -> None:
    import binascii

    text = ("Café aan de Dorpsstraat; één hal\r\n" * 10_000)[:-2]  # 339,998 characters
    # Line breaks as =0D=0A, and soft line breaks ('=' CRLF) every 76 characters, as phones
    # write them.
    encoded = binascii.b2a_qp(text.encode("utf-8"), istext=False).decode("ascii")
    vcf = write(
        tmp_path / "oud.vcf",
        "BEGIN:VCARD\r\nVERSION:2.1\r\nFN:Mila Kok\r\n"
        f"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:{encoded}\r\nEND:VCARD\r\n",
    )
    assert "its first 100,000 characters are kept" in run("import", str(vcf)).stdout
    [mila] = run_json("contacts")
    assert mila["note"] == text.replace("\r\n", "\n")[:100_000]


@pytest.mark.slow
def test_a_big_file_is_refused_by_its_size_and_its_first_bytes_before_it_is_read(
    run: Run, tmp_path: Path
) -> None:
    sparse = tmp_path / "schijf.csv"
    with sparse.open("wb") as file:
        file.truncate(2 * 1024**3)  # 2 GB of nothing, on no disk
    code, out, peak = _peak_kb(["import", str(sparse)])
    assert (code, out) == (
        2,
        "Error: schijf.csv is over 512 MB; more than an address book can be\n",
    )
    assert peak < 100_000  # was 536 MB: read up to the limit first
    zeros = tmp_path / "nullen.csv"
    zeros.write_bytes(b"\x00" * 64 * 1024 * 1024)
    code, out, peak = _peak_kb(["import", str(zeros)])
    assert (code, "is not a text file" in out, peak < 100_000) == (2, True, True), (out, peak)
