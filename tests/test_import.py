"""import: contacts from the CSV files spreadsheets really write, all or nothing."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tests.conftest import Run, RunJson, dump


def write(path: Path, text: str, encoding: str = "utf-8", bom: bool = False) -> Path:
    data = text.encode(encoding)
    path.write_bytes((codecs.BOM_UTF8 if bom else b"") + data)
    return path


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
        "Imported 2 contacts (2 new organisations); 0 duplicates skipped\n"
    )
    people = {c["name"]: c for c in run_json("contacts")}
    jose = people["José García"]
    assert (jose["organisation"], jose["emails"], jose["status"]) == (
        "Café Zoë BV",
        ["jose@cafe.nl"],
        "customer",
    )
    assert jose["note"] == "Wil € 5.000 uitgeven"
    assert people["Anna van Dijk"]["status"] == "prospect"


def test_utf8_with_bom_commas_tags_and_duplicates(
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
    assert run("import", str(csv)).stdout == (
        "Imported 1 contacts (1 new organisations); 2 duplicates skipped\n"
    )
    [lotte] = run_json("contacts", "lotte")
    assert (lotte["organisation"], lotte["tags"], lotte["phones"]) == (
        "Known BV",
        ["partner", "vip"],
        ["+31 6 1111 2222"],
    )
    assert run("import", str(csv)).stdout.startswith("Imported 0 contacts")


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (
            "name,email\nJan,jan@x.nl\nPiet,not-an-address\n",
            "line 3: 'not-an-address' is not an e-mail",
        ),
        ("name,status\nJan,boss\n", "line 2: 'boss' is not a status"),
        ("name,email\n,jan@x.nl\n", "line 2: no name"),
        ("company,email\nX BV,jan@x.nl\n", "has no name column; its columns are: company, email"),
        ("", "is empty"),
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
    assert dump(db_path) == before


def test_dry_run_and_a_missing_file(run: Run, db_path: Path, tmp_path: Path) -> None:
    run("add", "Before")
    before = dump(db_path)
    csv = write(tmp_path / "x.csv", "naam;email\nJan;jan@x.nl\n")
    assert run("import", str(csv), "--dry-run").stdout.startswith("Would import 1 contacts")
    assert dump(db_path) == before
    assert "is not a file" in run("import", str(tmp_path / "nope.csv"), expect=2).stderr
