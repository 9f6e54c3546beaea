"""export: what other programs read. Where an export is meant for another program, that
program reads it here: Debian's khard (vCard), khal and todoman (iCalendar)."""

from __future__ import annotations

import csv
import io
import json
import os
import re
import shutil
import stat
import subprocess
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesnotes.domain.quote_life import revising
from salesnotes.formats.csv_export import neutralised, unneutralised
from salesnotes.store import open_store
from salesnotes.text import clean
from tests.conftest import Run, RunJson, dump

NOW = "2026-11-25T09:00:00Z"


def need(program: str) -> str:
    """The path of a Debian program the read-back tests use. Without it the test is skipped
    and says why, unless SALESNOTES_INTEROP=required (.ci/run installs them and sets it, so
    there a missing reader fails rather than passes unseen)."""
    found = shutil.which(program)
    if not found:
        message = f"{program} is not installed: apt-get install -y {program} (see .ci/run)"
        if os.environ.get("SALESNOTES_INTEROP") == "required":
            pytest.fail(message)
        pytest.skip(message)
    return found


def cards_of(text: str) -> list[str]:
    """The cards of an export. (CliRunner's ``stdout`` turns CRLF into LF; files and
    ``stdout_bytes`` keep the CRLF vCard requires.)"""
    return re.findall(r"BEGIN:VCARD\r?\n.*?END:VCARD\r?\n", text, re.S)


@pytest.fixture
def customers(run: Run) -> None:
    run("add", "José García", "--org", "Café Zoë BV", "--email", "jose@cafezoe.nl",
        "--phone", "06 1234 5678", "--phone", "030 123 4567", "--status", "customer",
        "--tag", "horeca", "--birthday", "22-03-1980", "--job-title", "Inkoper",
        "--city", "Utrecht", "--note", "Koffie; zwart, geen suiker\nBelt na 16:00")  # fmt: skip
    run("add", "Anna van Dijk", "--org", "Van Dijk Bouw", "--email", "anna@vandijkbouw.nl",
        "--status", "prospect", "--birthday", "30 november")  # fmt: skip
    run("add", '=HYPERLINK("http://evil")', "--note", "+31 6 …", "--email", "x@evil.nl")


def khard(tmp_path: Path, export: str) -> tuple[Path, Path]:
    """A khard address book (a vdir: one card per file, as vdirsyncer keeps one) holding the
    export's cards, and its config."""
    book = tmp_path / "khard-book"
    book.mkdir()
    for n, card in enumerate(cards_of(export)):
        (book / f"{n}.vcf").write_text(card, encoding="utf-8", newline="")
    config = tmp_path / "khard.conf"
    config.write_text(
        f"[addressbooks]\n[[book]]\npath = {book}\n[general]\neditor = true\nmerge_editor = true\n",
        encoding="utf-8",
    )
    return book, config


@pytest.mark.parametrize("version", ["3", "4"])
@pytest.mark.slow
def test_khard_reads_the_vcard_export(
    run: Run, customers: None, tmp_path: Path, version: str
) -> None:
    exported = run("export", "--format", "vcard", "--vcard-version", version).stdout_bytes.decode()
    assert len(cards_of(exported)) == 3
    assert f"VERSION:{version}.0" in exported
    _, config = khard(tmp_path, exported)

    def ask(*args: str) -> list[list[str]]:
        out = subprocess.run(
            [need("khard"), "-c", str(config), *args, "--parsable"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        return sorted(line.split("\t") for line in out.splitlines() if "\t" in line)

    assert [row[:2] for row in ask("email")] == [
        ["anna@vandijkbouw.nl", "Anna van Dijk"],
        ["jose@cafezoe.nl", "José García"],
        ["x@evil.nl", '=HYPERLINK("http://evil")'],
    ]
    if version == "3":  # each number with its kind, the one to call first preferred
        assert ask("phone") == [
            ["030 123 4567", "José García", "VOICE"],
            ["06 1234 5678", "José García", "CELL, VOICE, pref"],
        ]
    else:  # 4.0: tel: URIs, as RFC 6350 writes them
        assert [row[:2] for row in ask("phone")] == [
            ["+31301234567", "José García"],
            ["+31612345678", "José García"],
        ]
    birthdays = [row[1] for row in ask("birthdays")]
    assert sorted(birthdays) == ["Anna van Dijk", "José García"]
    show = subprocess.run(
        [need("khard"), "-c", str(config), "show", "--format", "yaml", "José"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "Inkoper" in show and "Café Zoë BV" in show and "horeca" in show
    assert "Belt na 16:00" in show


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_an_exported_vcard_reimports_as_the_same_contacts(
    run: Run, run_json: RunJson, customers: None, tmp_path: Path, db_path: Path
) -> None:
    before = run_json("contacts")
    path = tmp_path / "klanten.vcf"
    run("export", "-o", str(path))
    # The same book imports its own export as nothing new: the UID is the contact's UUID.
    again = run("import", str(path)).stdout
    assert ": 0 new, 0 updated, 3 unchanged" in again
    assert "into the note" not in again  # the city it wrote as an address is the city again
    db_path.unlink()
    out = run("import", str(path)).stdout
    assert ": 3 new," in out
    after = run_json("contacts")
    keys = ["uuid", "name", "organisation", "job_title", "city", "emails", "phones", "tags"]
    keys += ["birthday", "note"]
    assert [{k: c[k] for k in keys} for c in after] == [{k: c[k] for k in keys} for c in before]


def test_only_the_chosen_contacts(run: Run, customers: None) -> None:
    assert len(cards_of(run("export", "--status", "customer").stdout)) == 1
    assert len(cards_of(run("export", "--tag", "nobody").stdout)) == 0
    text = run("export", "--format", "csv", "--org", "van dijk bouw").stdout
    assert [row["name"] for row in csv.DictReader(io.StringIO(text))] == ["Anna van Dijk"]


def _followups(run: Run) -> None:
    run("follow", "José", "2026-11-27", "prijslijst sturen, met korting; en bellen", "-P", "high")
    run("follow", "Anna", "vrijdag", "-r", "callback", "-P", "low")
    run("follow", "José", "1-12", "offerte nabellen " + "heel lang " * 12)
    done = run("follow", "Anna", "morgen", "al gedaan").stdout
    run("done", done.split("#")[1].split()[0])


@pytest.mark.slow
def test_khal_imports_the_follow_ups_as_all_day_events(
    run: Run, customers: None, tmp_path: Path
) -> None:
    _followups(run)
    path = tmp_path / "opvolging.ics"
    assert run("export", "--format", "ics", "--events", "-o", str(path)).stdout == (
        f"Wrote 3 open follow-ups to {path}\n"
    )
    calendar = tmp_path / "calendar"
    calendar.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[sales]]\npath = {calendar}\n[locale]\ntimeformat = %H:%M\n"
        "dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\n"
        "longdatetimeformat = %Y-%m-%d %H:%M\n[default]\ndefault_calendar = sales\n",
        encoding="utf-8",
    )
    khal = need("khal")
    subprocess.run(
        [khal, "-c", str(config), "import", "--batch", "-a", "sales", str(path)], check=True
    )

    def listed(fmt: str) -> list[str]:
        out = subprocess.run(
            [khal, "-c", str(config), "list", "--format", fmt, "--day-format", "",
             "2026-11-20", "30d"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        return [line for line in out.splitlines() if line.strip()]

    assert sorted(listed("{start-date} {title}")) == [
        "2026-11-27 Anna van Dijk (Van Dijk Bouw): call back",
        "2026-11-27 José García (Café Zoë BV): prijslijst sturen, met korting; en bellen",
        "2026-12-01 José García (Café Zoë BV): offerte nabellen" + " heel lang" * 12,
    ]
    descriptions = listed("{description}")
    assert "Phone: 06 1234 5678" in descriptions and "Reason: call back" in descriptions
    # Imported again (a newer export), the calendar updates its events: the UIDs are stable.
    run("export", "--format", "ics", "--events", "-o", str(path), "--force")
    subprocess.run(
        [khal, "-c", str(config), "import", "--batch", "-a", "sales", str(path)], check=True
    )
    assert len(list(calendar.glob("*.ics"))) == 3


def test_todoman_reads_the_follow_ups_as_tasks(run: Run, customers: None, tmp_path: Path) -> None:
    _followups(run)
    tasks = tmp_path / "tasks" / "sales"
    tasks.mkdir(parents=True)
    (tasks / "followups.ics").write_bytes(run("export", "--format", "ics").stdout_bytes)
    config = tmp_path / "todoman.py"
    config.write_text(
        f'path = "{tasks.parent}/*"\ndate_format = "%Y-%m-%d"\ntime_format = "%H:%M"\n',
        encoding="utf-8",
    )
    out = subprocess.run(
        [need("todoman"), "--config", str(config), "--porcelain", "list"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    todos = sorted(json.loads(out), key=lambda t: (t["due"], t["priority"]))
    assert [(t["summary"], t["priority"]) for t in todos] == [
        ("José García (Café Zoë BV): prijslijst sturen, met korting; en bellen", 1),
        ("Anna van Dijk (Van Dijk Bouw): call back", 9),
        ("José García (Café Zoë BV): offerte nabellen" + " heel lang" * 12, 5),
    ]
    assert [date.fromtimestamp(t["due"]).isoformat() for t in todos] == [
        "2026-11-27",
        "2026-11-27",
        "2026-12-01",
    ]
    assert todos[0]["description"].splitlines()[:3] == [
        "Phone: 06 1234 5678",
        "E-mail: jose@cafezoe.nl",
        "Reason: follow-up",
    ]


def test_the_csv_export_neutralises_formulas(run: Run, customers: None) -> None:
    rows = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    evil = next(r for r in rows if "HYPERLINK" in r["name"])
    assert evil["name"] == '\'=HYPERLINK("http://evil")'
    assert evil["note"] == "'+31 6 …"
    jose = next(r for r in rows if r["name"] == "José García")
    assert jose["phone"] == "06 1234 5678, 030 123 4567"
    assert jose["note"] == "Koffie; zwart, geen suiker\nBelt na 16:00"
    for cell, safe in [
        ("=1+1", "'=1+1"),
        ("+31", "'+31"),
        ("-2", "'-2"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("a=b", "a=b"),
        ("", ""),
        ("'-tje", "''-tje"),  # an apostrophe of its own comes back too
        ("'x", "'x"),
        ("''", "'''"),
    ]:
        assert neutralised(cell) == safe
        assert unneutralised(neutralised(cell)) == cell


def test_the_excel_export_and_its_reimport(
    run: Run, run_json: RunJson, customers: None, tmp_path: Path
) -> None:
    path = tmp_path / "book.csv"
    run("export", "--format", "csv", "--excel", "-o", str(path))
    data = path.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM: Excel reads it as UTF-8
    header = data[3:].decode("utf-8").splitlines()[0]
    assert header.startswith("id;uuid;name;organisation;job title;city;status;email;phone")
    out = run("import", str(path)).stdout
    assert ": 0 new, 0 updated, 3 unchanged, 0 skipped" in out
    assert "every" not in out.split("left out")[0]  # no column of ours went into a note


def test_the_csv_export_reads_back_whole(
    run: Run, run_json: RunJson, customers: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every column the CSV export writes, import reads: into an empty book it gives the same
    contacts, and exported again the same file (rhythm, customer since, last contact,
    department, each number's kind, addresses; a text that begins with an apostrophe)."""
    run("edit", "josé", "--every", "6w", "--customer-since", "2023-11-30")
    run("log", "josé", "Koffie gedronken", "--on", "2026-11-20")
    run("add", "Lotte Kok", "--note", "'-tje, zo noemt ze zich", "--phone", "038 498 1000")
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Lotte Kok\r\nTEL;TYPE=MAIN:038 498 1000\r\n"
        "ORG:Kok BV;Inkoop\r\nADR;TYPE=WORK:;;Markt 1;Deventer;;7411 AA;NL\r\n"
        "ADR;TYPE=HOME:;;Brink 2;Deventer;;7411 BB;\r\nEND:VCARD\r\n"
    )
    (tmp_path / "lotte.vcf").write_text(card)
    run("import", str(tmp_path / "lotte.vcf"))
    first = run("export", "--format", "csv").stdout
    before = {c["uuid"]: c for c in run_json("contacts")}
    monkeypatch.setenv("SALESNOTES_DB", str(tmp_path / "other.db"))
    out = run("import", str(_saved(tmp_path, first))).stdout
    assert ": 4 new, 0 updated" in out and "into the note" not in out and "left out" not in out
    after = {c["uuid"]: c for c in run_json("contacts")}
    keys = ("name", "organisation", "department", "job_title", "city", "status", "emails",
            "phones", "phone_kinds", "addresses", "tags", "birthday", "every", "customer_since",
            "note")  # fmt: skip
    assert {u: {k: c[k] for k in keys} for u, c in after.items()} == {
        u: {k: c[k] for k in keys} for u, c in before.items()
    }
    assert after[next(u for u, c in after.items() if c["name"] == "Lotte Kok")]["note"] == (
        "'-tje, zo noemt ze zich"
    )
    # "last contact" is the last conversation, which a list of contacts does not carry: read
    # back, it restarts the keep-in-touch clock from that day (José's 6 weeks run from 20
    # Nov, not from today), and is the one column a second export leaves empty.
    monkeypatch.setenv("SALESNOTES_TODAY", "2027-01-02")
    late = {c["name"]: c for c in run_json("contacts", "--losing-touch")}
    assert late["José García"]["clock_started"] == "2026-11-20"
    assert late["José García"]["rhythm"] == "6w"
    again = list(csv.DictReader(io.StringIO(run("export", "--format", "csv").stdout)))
    rows = list(csv.DictReader(io.StringIO(first)))
    assert [r.pop("last contact") for r in rows] == ["", "", "2026-11-20", ""]
    assert [r.pop("last contact") for r in again] == ["", "", "", ""]
    for row in (*rows, *again):
        del row["id"]  # each book's own numbers
    assert again == rows


def _saved(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "export.csv"
    path.write_text(text, encoding="utf-8", newline="")
    return path


def test_follow_ups_quotes_and_conversations_as_csv(run: Run, customers: None) -> None:
    _followups(run)
    run("quote", "add", "José", "12.500,50", "--title", "Koffiemachines")
    run("log", "Anna", "Belde over de uitbreiding, wil offerte", "--kind", "call")
    followups = list(
        csv.DictReader(io.StringIO(run("export", "-f", "csv", "--what", "followups").stdout))
    )
    assert [(f["due"], f["contact"], f["status"], f["priority"]) for f in followups] == [
        ("2026-11-26", "Anna van Dijk", "done", "normal"),
        ("2026-11-27", "José García", "open", "high"),
        ("2026-11-27", "Anna van Dijk", "open", "low"),
        ("2026-12-01", "José García", "open", "normal"),
    ]
    assert followups[1]["phone"] == "06 1234 5678"
    excel = run("export", "-f", "csv", "--what", "quotes", "--excel").stdout
    [quote] = list(csv.DictReader(io.StringIO(excel.lstrip("\ufeff")), delimiter=";"))
    assert (quote["title"], quote["amount"], quote["currency"]) == (
        "Koffiemachines",
        "12500,50",
        "EUR",
    )
    plain = run("export", "-f", "csv", "--what", "quotes").stdout
    assert next(csv.DictReader(io.StringIO(plain)))["amount"] == "12500.50"
    talks = list(
        csv.DictReader(io.StringIO(run("export", "-f", "csv", "--what", "interactions").stdout))
    )
    assert [(t["contact"], t["text"]) for t in talks if t["kind"] == "call"] == [
        ("Anna van Dijk", "Belde over de uitbreiding, wil offerte")
    ]


def test_an_output_file_is_private_and_never_overwritten_by_accident(
    run: Run, customers: None, tmp_path: Path
) -> None:
    path = tmp_path / "klanten.vcf"
    assert run("export", "-o", str(path)).stdout == f"Wrote 3 contacts to {path}\n"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.write_text("mine", encoding="utf-8")
    err = run("export", "-o", str(path), expect=4).stderr
    assert err == f"Error: {path} exists already; --force overwrites it\n"
    assert path.read_text(encoding="utf-8") == "mine"
    run("export", "-o", str(path), "--force")
    assert len(cards_of(path.read_text(encoding="utf-8"))) == 3
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".salesnotes")) == []
    one = tmp_path / "horeca.vcf"
    assert run("export", "--tag", "horeca", "-o", str(one)).stdout == f"Wrote 1 contact to {one}\n"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--events"], "--events is for --format ics"),
        (["-f", "json", "--excel"], "--excel is for --format csv"),
        (["-f", "ics", "--vcard-version", "4"], "--vcard-version is for --format vcard"),
        (["-f", "vcard", "--what", "quotes"], "--what is for --format csv"),
        (["-f", "ics", "--tag", "vip"], "--tag choose contacts"),
        (["-f", "csv", "--what", "quotes", "--status", "lead"], "--status choose contacts"),
        (["-o", "/nonexistent/folder/x.vcf"], "/nonexistent/folder does not exist"),
    ],
)
def test_options_that_do_not_fit_are_refused(
    run: Run, customers: None, tmp_path: Path, db_path: Path, args: list[str], message: str
) -> None:
    before = dump(db_path)
    result = run("export", *args, expect=2)
    assert message in result.stderr and result.stdout == ""
    assert dump(db_path) == before
    assert "is a folder" in run("export", "-o", str(tmp_path), expect=2).stderr


# The whole book as JSON ---------------------------------------------------------------------


def _without_stamp(text: str) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(text)
    assert data.pop("exported_at")
    return data


texts = st.text(st.characters(codec="utf-8", exclude_categories=["Cs"]), max_size=30)
names = texts.filter(lambda t: clean(t) != "")


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(
    people=st.lists(
        st.tuples(
            names,
            st.one_of(st.none(), names),
            texts,
            st.lists(st.from_regex(r"[a-z]{1,8}", fullmatch=True), max_size=3),
            st.integers(min_value=0, max_value=3),
        ),
        min_size=1,
        max_size=6,
    )
)
@pytest.mark.slow
def test_json_export_import_export_is_the_same_book(
    run: Run, tmp_path_factory: pytest.TempPathFactory, people: list[Any]
) -> None:
    folder = tmp_path_factory.mktemp("book")
    first, second = folder / "first.db", folder / "second.db"
    store = open_store(first)
    today = date(2026, 11, 25)
    with store.write():
        for n, (name, org, note, tags, talks) in enumerate(people):
            contact = store.contacts.add(
                name, now=NOW, organisation=org, note=note, tags=tags, emails=[f"p{n}@x.nl"],
                phones=[], today=today, job_title=note[:5], city=org or "",
            )  # fmt: skip
            for t in range(talks):
                store.interactions.add(contact.id, f"{note} {t}", kind="call", on=today, now=NOW)
                store.followups.add(contact.id, today, note, today=today, now=NOW, owner=store.user)
            if talks:
                quote = store.quotes.add(
                    contact.id, name, 100 * (talks + 1), currency="EUR", quoted_on=today,
                    valid_until=None, probability=50, now=NOW,
                )  # fmt: skip
                store.quotes.add_revision(quote.id, 999, today, note, NOW)
                store.quotes.change(quote.id, revising(quote, 999, today))
    store.close()
    exported = run("--db", str(first), "export", "--format", "json").stdout
    path = folder / "book.json"
    path.write_text(exported, encoding="utf-8")
    run("--db", str(second), "import", str(path))
    again = run("--db", str(second), "export", "--format", "json").stdout
    assert _without_stamp(again) == _without_stamp(exported)
    # Into the book it came from, by UUID: everything is there already, nothing changes.
    before = dump(first)
    out = run("--db", str(first), "import", str(path)).stdout
    assert "added 0 organisations, 0 contacts, 0 conversations, 0 follow-ups, 0 quotes" in out
    assert dump(first) == before


def test_a_book_merges_into_another_by_uuid(
    run: Run, run_json: RunJson, customers: None, tmp_path: Path, db_path: Path
) -> None:
    _followups(run)
    path = tmp_path / "everything.json"
    run("export", "-f", "json", "-o", str(path))
    other = tmp_path / "other.db"
    run("--db", str(other), "add", "Karin Mulder", "--org", "Café Zoë BV")
    run("--db", str(other), "import", str(path))
    contacts = json.loads(run("--db", str(other), "contacts", "-f", "json").stdout)
    assert sorted(c["name"] for c in contacts) == sorted(
        ["Karin Mulder", "José García", "Anna van Dijk", '=HYPERLINK("http://evil")']
    )
    # The organisation both books know by name is one organisation.
    assert len({c["organisation_id"] for c in contacts if c["organisation"] == "Café Zoë BV"}) == 1
    followups = json.loads(run("--db", str(other), "followups", "-f", "json").stdout)
    assert len(followups) == 3
    assert {f["contact_id"] for f in followups} <= {c["id"] for c in contacts}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("{", "is not valid JSON"),
        ('{"format": "salesnotes-book", "version": 99, "tables": {}}', "newer salesnotes"),
        (
            '{"format": "salesnotes-book", "version": 1, "schema": "m999_x", "tables": {}}',
            "newer salesnotes",
        ),  # fmt: skip
        (
            '{"format": "salesnotes-book", "version": 1, "tables": {"users": []}}',
            "no such part of a book: users",
        ),  # fmt: skip
        (
            '{"format": "salesnotes-book", "version": 1, "tables": {"contacts": [{"id": 1}]}}',
            "contacts row 1: contacts.uuid needs a value; nothing was changed",
        ),  # fmt: skip
        (
            '{"format": "salesnotes-book", "version": 1, "tables": {"contacts": [{"nope": 1}]}}',
            "contacts row 1: no such column: nope",
        ),  # fmt: skip
        (
            '{"format": "salesnotes-book", "version": 1, "tables": {"contacts": [{"id": [1]}]}}',
            "a list where a text, number or null belongs",
        ),  # fmt: skip
        (
            '{"format": "salesnotes-book", "version": 1, "tables": {"contacts": [{"id": 1e999}]}}',
            "contacts row 1, id: not a number",
        ),  # fmt: skip
        (
            '{"format": "salesnotes-book", "version": 1, "tables": {"interactions": [{"id": 1, '
            '"uuid": "u", "contact_id": 5, "kind": "call", "text": "x", "happened_on": '
            '"2026-01-01", "logged_at": "x"}]}}',
            "refers to a contacts row that is not in the file",
        ),
        ('[{"name": "Jan"}]', "not a salesnotes book"),
    ],  # fmt: skip
)
@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_a_bad_book_imports_nothing(
    run: Run, db_path: Path, tmp_path: Path, content: str, message: str
) -> None:
    run("add", "Before")
    before = dump(db_path)
    path = tmp_path / "book.json"
    path.write_text(content, encoding="utf-8")
    result = run("import", str(path), expect=2)
    assert message in result.stderr, result.stderr
    assert dump(db_path) == before


def test_the_whole_book_export_leaves_no_table_out(tmp_path: Path) -> None:
    from salesnotes.store.whole_book import BOOK, book_tables

    store = open_store(tmp_path / "book.db")
    try:
        # Every table of the migrated schema but the search indexes and the migrations log:
        # a table added by a later migration must be added to BOOK, or this fails.
        assert sorted(book_tables(store.db)) == sorted(BOOK)
    finally:
        store.close()


@pytest.mark.slow
def test_a_timed_call_in_the_calendar_carries_its_time_zone(
    run: Run, customers: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A call at 14:00 in Zwolle is at 14:00 Europe/Amsterdam (TZID, with its VTIMEZONE),
    also for a phone in another zone; khal shows it at 14:00 there."""
    import time as clock

    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    clock.tzset()
    try:
        run("follow", "José", "vrijdag 14:00", "Offerte bespreken")
        run("follow", "Anna", "2027-07-02 9:30", "Zomerbezoek")
        data = run("export", "--format", "ics", "--events").stdout_bytes.decode()
    finally:
        monkeypatch.setenv("TZ", "UTC")
        clock.tzset()
    assert "BEGIN:VTIMEZONE\r\nTZID:Europe/Amsterdam\r\n" in data
    assert "DTSTART;TZID=Europe/Amsterdam:20261127T140000" in data
    assert "DTSTART;TZID=Europe/Amsterdam:20270702T093000" in data
    path = tmp_path / "calls.ics"
    path.write_text(data, encoding="utf-8", newline="")
    calendar = tmp_path / "calendar"
    calendar.mkdir()
    config = tmp_path / "khal.conf"
    config.write_text(
        f"[calendars]\n[[sales]]\npath = {calendar}\n[locale]\ntimeformat = %H:%M\n"
        "dateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\ndatetimeformat = %Y-%m-%d %H:%M\n"
        "longdatetimeformat = %Y-%m-%d %H:%M\nlocal_timezone = Europe/Amsterdam\n"
        "default_timezone = Europe/Amsterdam\n[default]\ndefault_calendar = sales\n",
        encoding="utf-8",
    )
    khal = need("khal")
    subprocess.run([khal, "-c", str(config), "import", "--batch", "-a", "sales", str(path)],
                   check=True)  # fmt: skip
    listed = subprocess.run(
        [khal, "-c", str(config), "list", "--format", "{start} {title}", "--day-format", "",
         "2026-11-20", "400d"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "2026-11-27 14:00 José García (Café Zoë BV): Offerte bespreken" in listed
    assert "2027-07-02 09:30 Anna van Dijk (Van Dijk Bouw): Zomerbezoek" in listed


def test_the_calendar_speaks_the_salespersons_language(
    run: Run, customers: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a phone shows a person is in Dutch for a Dutch user (Telefoon:, Reden:, the
    calendar's name); what the standard defines stays as RFC 5545 writes it."""
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    run("follow", "José", "vrijdag", "-r", "quote")
    data = run("export", "--format", "ics").stdout_bytes.decode().replace("\r\n ", "")
    assert "X-WR-CALNAME:Verkoop: acties" in data
    assert "Telefoon: 06 1234 5678" in data and "Reden: offerte" in data
    assert "CATEGORIES:offerte" in data
    assert "salesnotes actie #1 (salesnotes done 1)" in data
    assert "BEGIN:VTODO" in data and "STATUS:NEEDS-ACTION" in data


@pytest.mark.slow
def test_the_vcard_export_keeps_what_the_phone_had(
    run: Run, run_json: RunJson, tmp_path: Path
) -> None:
    """Numbers with their kinds, whole addresses with theirs, the department, a year-less
    birthday as each version writes it, 4.0's own parameters, and an organisation as a card
    of its own: exported, read by khard, and imported back the same."""
    run("add", "Ineke de Boer", "--org", "Gemeente Zwolle", "--department", "Inkoop",
        "--phone", "06 8765 4321", "--birthday", "18 april")  # fmt: skip
    card = (
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ineke de Boer\r\nTEL;TYPE=WORK,VOICE:038 498 2345\r\n"
        "TEL;TYPE=WORK,FAX:038 498 1001\r\nADR;TYPE=WORK:;;Grote Kerkplein 1;Zwolle;;8011 PK;NL\r\n"
        "TEL;TYPE=CELL:06 8765 4321\r\nEND:VCARD\r\n"
    )
    (tmp_path / "i.vcf").write_text(card)
    run("import", str(tmp_path / "i.vcf"))
    run("org", "zwolle", "--phone", "14 038", "--email", "info@zwolle.nl")
    three = run("export", "--format", "vcard").stdout_bytes.decode()
    assert "TEL;TYPE=CELL,VOICE,PREF:06 8765 4321" in three
    assert "TEL;TYPE=WORK,VOICE:038 498 2345" in three and "TEL;TYPE=FAX:038 498 1001" in three
    assert "ADR;TYPE=WORK:;;Grote Kerkplein 1;Zwolle;;8011 PK;NL" in three
    assert "ORG:Gemeente Zwolle;Inkoop" in three and "BDAY:--04-18" in three
    assert "X-ABSHOWAS:COMPANY" in three and "TEL;TYPE=MAIN,VOICE,PREF:14 038" in three
    four = run("export", "--format", "vcard", "--vcard-version", "4").stdout_bytes.decode()
    assert "VERSION:4.0" in four and "KIND:individual" in four and "KIND:org" in four
    assert "BDAY:--0418" in four and "EMAIL;PREF=1:info@zwolle.nl" in four
    assert 'TEL;PREF=1;TYPE="cell,voice";VALUE=uri:tel:+31687654321' in four
    assert "TEL;TYPE=fax;VALUE=uri:tel:+31384981001" in four
    _, config = khard(tmp_path, four)
    listed = subprocess.run(
        [need("khard"), "-c", str(config), "phone", "--parsable"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "+31687654321\tIneke de Boer" in listed and "+3114038\tGemeente Zwolle" in listed
    for version, text in (("3", three), ("4", four)):
        other = tmp_path / f"other{version}.db"
        monkey = {"SALESNOTES_DB": str(other)}
        path = tmp_path / f"export{version}.vcf"
        path.write_text(text, encoding="utf-8", newline="")
        old = os.environ.get("SALESNOTES_DB")
        os.environ.update(monkey)
        try:
            out = run("import", str(path)).stdout
            assert ": 1 new" in out and "organisation's own" in out, out
            [ineke] = run_json("contacts")
            assert ineke["phone_kinds"] == ["mobile", "work", "fax"]
            assert (ineke["department"], ineke["birthday"]) == ("Inkoop", "--04-18")
            assert [o["phone"] for o in run_json("orgs")] in (["14 038"], ["+3114038"])
        finally:
            os.environ["SALESNOTES_DB"] = old or ""
