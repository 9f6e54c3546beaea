"""Finding people: phone numbers in any notation, e-mail, words across fields; no double entries."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

import pytest

from salesnotes.domain.fields import read_phone
from tests.conftest import Run, RunJson, dump

DATA = Path(__file__).parent / "data"


@pytest.mark.parametrize(
    ("typed", "region", "e164", "mobile"),
    [
        # the Netherlands: mobiles and landlines, every way people write them
        ("06 12 34 56 78", "NL", "+31612345678", True),
        ("+31612345678", "NL", "+31612345678", True),
        ("0031 6 1234 5678", "NL", "+31612345678", True),
        ("06-12345678", "NL", "+31612345678", True),
        ("+31 (0)6 1234 5678", "NL", "+31612345678", True),
        ("(06) 12 34 56 78", "NL", "+31612345678", True),
        ("038 421 7788", "NL", "+31384217788", False),
        ("0570 61 23 45", "NL", "+31570612345", False),
        ("038-4217788 ext. 12", "NL", "+31384217788;ext=12", False),
        # Belgium, typed there or from here
        ("0470 12 34 56", "BE", "+32470123456", True),
        ("+32 470 12 34 56", "NL", "+32470123456", True),
        ("02 511 13 13", "BE", "+3225111313", False),
        # Germany
        ("030 1234567", "DE", "+49301234567", False),
        ("+49 (0)30 1234567", "NL", "+49301234567", False),
        ("0151 23456789", "DE", "+4915123456789", True),
        # further away
        ("+1 212 555 0100", "NL", "+12125550100", True),  # US: no telling mobile from fixed
        ("+44 20 7946 0018", "NL", "+442079460018", False),
    ],
)
def test_phone_numbers_are_read_in_any_notation(
    typed: str, region: str, e164: str, mobile: bool
) -> None:
    number = read_phone(typed, region)
    assert (number.typed, number.e164, number.mobile) == (typed, e164, mobile)


@pytest.mark.parametrize("typed", ["1234", "112", "0470 12 34 56", "+31 6 123", "toestel 12"])
def test_a_number_it_cannot_read_is_kept_as_typed(typed: str) -> None:
    number = read_phone(typed, "NL")  # "0470 ..." is Belgian: not a Dutch number
    assert (number.typed, number.e164) == (typed, None)


def test_add_keeps_an_unreadable_number_with_a_warning_and_refuses_no_digits(
    run: Run, run_json: RunJson, db_path: Path
) -> None:
    result = run("add", "Jan", "--phone", "toestel 12")
    assert "'toestel 12' is not a phone number salesnotes can read; kept as typed" in result.stderr
    assert run_json("show", "jan")["contact"]["phones"] == ["toestel 12"]
    before = dump(db_path)
    assert "not a phone number" in run("add", "Anna", "--phone", "reception", expect=2).stderr
    assert dump(db_path) == before


@pytest.fixture
def jan(run: Run) -> None:
    run(
        "add",
        "Jan de Vries",
        "--org",
        "Pluimers",
        "--phone",
        "06 12 34 56 78",
        "--email",
        "Jan@Pluimers.nl",
    )
    run("add", "Janneke Smit", "--org", "Smit Advies", "--phone", "038 421 7788 ext. 12")
    run("add", "Anna Bakker", "--org", "Bakker Bouw", "--tag", "vip")


@pytest.mark.parametrize(
    "number",
    ["+31612345678", "0612345678", "06 12 34 56 78", "0031 6 1234 5678", "+31 (0)6 1234 5678"],
)
def test_a_missed_call_finds_its_contact(
    run: Run, run_json: RunJson, jan: None, number: str
) -> None:
    assert [(h["kind"], h["contact"]) for h in run_json("search", number)] == [
        ("contact", "Jan de Vries")
    ]
    assert run_json("show", number)["contact"]["name"] == "Jan de Vries"
    out = run("log", number, "Missed call, called back: wants a visit", "--kind", "call").stdout
    assert "with Jan de Vries" in out


def test_a_switchboard_number_finds_the_person_behind_the_extension(
    run_json: RunJson, jan: None
) -> None:
    assert run_json("show", "038 421 7788")["contact"]["name"] == "Janneke Smit"


def test_an_unknown_number_says_so(run: Run, jan: None) -> None:
    assert run("show", "0687654321", expect=3).stderr == (
        "Error: there is no contact #0687654321, and no contact has the phone number 0687654321\n"
    )
    assert (
        "no contact has the phone number 06 87 65 43 21"
        in run("show", "06 87 65 43 21", expect=3).stderr
    )
    assert "there is no contact #12" in run("show", "12", expect=3).stderr


def test_first_name_and_organisation_find_the_person(
    run: Run, run_json: RunJson, jan: None
) -> None:
    assert run_json("show", "jan pluimers")["contact"]["name"] == "Jan de Vries"
    assert [h["contact"] for h in run_json("search", "jan pluimers")] == ["Jan de Vries"]
    run("add", "Jan Bos", "--org", "Pluimers")
    result = run("show", "jan pluimers", expect=4)
    assert "matches 2 contacts" in result.stderr
    assert "Jan Bos" in result.stderr and "Jan de Vries" in result.stderr


def test_search_by_email_and_tag(run_json: RunJson, jan: None) -> None:
    assert [h["contact"] for h in run_json("search", "jan@pluimers.nl")][0] == "Jan de Vries"
    assert [h["contact"] for h in run_json("search", "vip")] == ["Anna Bakker"]


def test_add_refuses_someone_who_is_already_there(run: Run, db_path: Path, jan: None) -> None:
    before = dump(db_path)
    result = run("add", "J. de Vries", "--phone", "0612345678", expect=4)
    assert result.stderr == (
        "Error: looks like #1 Jan de Vries (Pluimers), who has 0612345678 too; "
        "--force adds it anyway\n"
    )
    assert (
        "who has jan@pluimers.nl too"
        in run("add", "J. de Vries", "--email", "JAN@pluimers.nl", expect=4).stderr
    )
    assert (
        "looks like #1 Jan de Vries"
        in run("edit", "anna", "--phone", "+31612345678", expect=4).stderr
    )
    assert dump(db_path) == before
    run("edit", "jan", "--phone", "06 12 34 56 78")  # one's own number again is fine
    forced = run("add", "J. de Vries", "--phone", "0612345678", "--force").stdout
    assert forced.startswith("Added #4 J. de Vries")


def test_an_existing_book_gets_its_numbers_read(
    run: Run, run_json: RunJson, tmp_path: Path
) -> None:
    """book-v1.db was written by salesnotes 0.1 (schema m001), its phones as typed."""
    old = tmp_path / "old.db"
    shutil.copy(DATA / "book-v1.db", old)
    conn = sqlite3.connect(old)
    typed = conn.execute("SELECT phone FROM contact_phones").fetchall()
    conn.close()
    assert typed  # the old book has numbers to read
    run("--db", str(old), "agenda")  # migrates
    conn = sqlite3.connect(old)
    rows = conn.execute("SELECT phone, e164 FROM contact_phones").fetchall()
    conn.close()
    assert all(e164 == read_phone(phone, "NL").e164 for phone, e164 in rows)
    assert any(e164 for _, e164 in rows)
    phone = rows[0][0]
    assert run_json("--db", str(old), "show", phone)["contact"]["phones"][0] == phone


def _complete(shell: str, words: str, **env: str) -> str:
    import os
    import subprocess
    import sys

    variables = {**os.environ, "_SALESNOTES_COMPLETE": f"complete_{shell}", **env}
    if shell == "bash":
        variables.update(COMP_WORDS=words, COMP_CWORD=str(len(words.split()) - 1))
    else:
        variables["_TYPER_COMPLETE_ARGS"] = words
    return subprocess.run(
        [sys.executable, "-m", "salesnotes"],
        env=variables,
        capture_output=True,
        text=True,
        check=True,
    ).stdout


@pytest.mark.slow
def test_shell_completion_of_names_reads_the_named_book_and_writes_nothing(
    run: Run, tmp_path: Path
) -> None:
    book = tmp_path / "other.db"
    for name, org in (("Jan de Vries", "Pluimers"), ("Janneke Smit", ""), ("José García", "")):
        run("--db", str(book), "add", name, *(["--org", org] if org else []))
    run("--db", str(book), "archive", "janneke")
    before = book.read_bytes()
    files = sorted(p.name for p in tmp_path.iterdir())
    # bash: what was typed is kept, the rest added, spaces escaped; archived ones left out
    assert _complete("bash", f"salesnotes --db {book} show ja").splitlines() == ["jan\\ de\\ Vries"]
    assert _complete("bash", f"salesnotes --db {book} log jo").splitlines() == ["josé\\ García"]
    # zsh: the organisation as the description; zsh quotes the name itself
    assert _complete("zsh", f"salesnotes --db {book} merge Jan") == (
        """_arguments '*: :(("Jan de Vries":"Pluimers"))'\n"""
    )
    # the book in SALESNOTES_DB when the command line names none; nothing in another
    names = _complete("bash", "salesnotes show J", SALESNOTES_DB=str(book)).splitlines()
    assert names == ["Jan\\ de\\ Vries", "José\\ García"]
    assert _complete("bash", "salesnotes --db /nonexistent/x.db show j").strip() == ""
    assert book.read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == files  # no -wal, no -shm


def test_search_finds_what_the_contact_card_says_and_offers_near_names(
    run: Run, run_json: RunJson
) -> None:
    """search looks in a contact's own note too; when nothing matches, it offers the nearest
    names as show does; by phone, it shows the number that matched, with its kind."""
    run("add", "Sébastien de Wit", "--org", "Wit Koeltechniek", "--phone", "06 1234 5678",
        "--note", "Wil een offerte voor de nieuwe koelcel in Zwolle")  # fmt: skip
    run("add", "Anna Bakker", "--phone", "038 421 7788")
    [hit] = run_json("search", "koelcel")
    assert (hit["kind"], hit["contact_id"]) == ("note", 1)
    assert "koelcel" in hit["text"] and hit["text"].startswith("Sébastien de Wit: ")
    nothing = run("search", "sebastein")
    assert "did you mean: Sébastien de Wit (#1)?" in nothing.stderr
    assert run_json("search", "sebastein") == []
    [by_phone] = run_json("search", "+31 6 12345678")
    assert by_phone["text"] == "Sébastien de Wit (Wit Koeltechniek): 06 1234 5678 (mobile)"
    table = run("search", "Bakker").stdout
    header = table.splitlines()[0]
    assert "Date" not in header and "Contact id" not in header  # nothing to show there
    run("org", "wit koel", "--phone", "0522 123 456")
    kinds = [h["kind"] for h in run_json("search", "0522 123456")]
    assert kinds == ["organisation"]


def test_an_ambiguous_name_shows_what_tells_them_apart(run: Run) -> None:
    run("add", "Jan de Vries", "--org", "Pluimers", "--phone", "06 1234 5678",
        "--email", "jan@pluimers.nl")  # fmt: skip
    run("add", "Jan Bakker", "--city", "Zwolle", "--phone", "06 9999 1111")
    run("log", "jan bakker", "Gebeld")
    err = run("log", "jan", "x", expect=4).stderr.splitlines()
    assert err[0] == "Error: 'jan' matches 2 contacts; say which by id (e.g. #2):"
    assert err[1:] == [
        "  #2  Jan Bakker · 06 9999 1111 · Zwolle · last contact Wed 25 Nov 2026",
        "  #1  Jan de Vries (Pluimers) · 06 1234 5678 · jan@pluimers.nl",
    ]


def test_search_limit_is_the_limit_and_archived_contacts_do_not_take_places(
    run: Run, run_json: RunJson, tmp_path: Path
) -> None:
    """--limit N lists N contacts when that many match (it stopped at 200), and an archived
    contact, never listed, does not take one of the N places."""
    sheet = tmp_path / "bakkers.csv"
    sheet.write_text("naam\n" + "".join(f"Bakker {n:03d}\n" for n in range(230)), "utf-8")
    run("import", str(sheet))
    run("archive", "Bakker 000")
    people = [h for h in run_json("search", "bakker", "--limit", "300") if h["kind"] == "contact"]
    assert len(people) == 229 and "Bakker 000" not in {h["contact"] for h in people}
    few = [h for h in run_json("search", "bakker", "--limit", "5") if h["kind"] == "contact"]
    assert len(few) == 5
