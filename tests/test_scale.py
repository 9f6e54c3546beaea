"""Large books: the generator, an agenda read from the top of the indexes, query plans."""

from __future__ import annotations

import json
import os
import re
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import platformdirs
import pytest

from salesnotes.config import user_folder
from salesnotes.store import open_store
from salesnotes.usecases import sources
from tests.conftest import Run, RunJson, dump

ROOT = Path(__file__).resolve().parent.parent
pytestmark = pytest.mark.slow  # generated books of 1,500 contacts and the benchmark


@pytest.fixture(scope="module")
def big_book(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated book of 1,500 contacts (shared by this module's tests; never written)."""
    db = tmp_path_factory.mktemp("big") / "big.db"
    env = {**os.environ, "SALESNOTES_DB": str(db), "SALESNOTES_TODAY": "2026-11-25"}
    subprocess.run(
        [sys.executable, "-m", "salesnotes", "demo", "--size", "1500"],
        env=env,
        check=True,
        capture_output=True,
    )
    return db


def counts(db: Path) -> dict[str, int]:
    conn = sqlite3.connect(db)
    try:
        return {
            "contacts": conn.execute("SELECT count(*) FROM contacts").fetchone()[0],
            "interactions": conn.execute("SELECT count(*) FROM interactions").fetchone()[0],
            "open": conn.execute("SELECT count(*) FROM followups WHERE status = 'open'").fetchone()[
                0
            ],
            "statuses": conn.execute("SELECT count(DISTINCT status) FROM quotes").fetchone()[0],
            "indexed": conn.execute("SELECT count(*) FROM interactions_fts").fetchone()[0],
        }
    finally:
        conn.close()


def test_the_generator_makes_a_realistic_book(big_book: Path) -> None:
    found = counts(big_book)
    assert found["contacts"] == 1500
    assert 9 <= found["interactions"] / 1500 <= 11  # ten conversations each on average
    assert 0.8 <= found["open"] / 1500 <= 1.2  # about one open follow-up each
    assert found["statuses"] == 6  # quotes in every status
    assert found["indexed"] == found["interactions"]  # the search index was rebuilt


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_the_generator_is_deterministic_and_refuses_a_used_book(
    run: Run, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("demo", "--size", "60")
    other = tmp_path / "other.db"
    run("--db", str(other), "demo", "--size", "60")
    assert dump(db_path) == dump(other)
    before = dump(db_path)
    assert "already holds contacts" in run("demo", "--size", "10", expect=4).stderr
    assert dump(db_path) == before


WEIGHTS = {
    "defaults": "",
    # quotes dominate, complaints do not, and no cap on days overdue or rhythms late
    "quotes first": "[agenda.weights]\nquote_value_per_1000 = 20\nquote_value_max = 5000\n"
    "complaint = 50\noverdue_max_days = 3650\nrhythm_max = 10000\n",
}


@pytest.mark.parametrize("weights", sorted(WEIGHTS))
@pytest.mark.parametrize("day", ["2026-10-01", "2026-11-25", "2026-12-20", "2027-03-01"])
def test_a_short_agenda_is_exactly_the_head_of_the_full_one(
    run_json: RunJson,
    big_book: Path,
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    day: str,
    weights: str,
) -> None:
    """The agenda merges score-ordered reads and stops early; it must give exactly the rows
    a full ranking gives, whatever the day, the limit and the weights."""
    config = tmp_path / "config.toml"
    config.write_text(WEIGHTS[weights])
    monkeypatch.setenv("SALESNOTES_CONFIG", str(config))
    monkeypatch.setenv("SALESNOTES_DB", str(big_book))
    monkeypatch.setenv("SALESNOTES_TODAY", day)
    full = run_json("agenda", "--limit", "0")
    assert len(full) > 150
    for limit in (1, 2, 7, 25, 120, 400):
        assert run_json("agenda", "--limit", str(limit)) == full[:limit], limit


@pytest.fixture(scope="module")
def team_book(big_book: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The generated book shared out among three salespeople, with some follow-ups one of
    them is to do for a colleague's contacts."""
    db = tmp_path_factory.mktemp("team") / "team.db"
    source, conn = sqlite3.connect(big_book), sqlite3.connect(db)
    source.backup(conn)
    source.close()
    with conn:
        conn.execute(
            "UPDATE contacts SET owner = CASE id % 3 WHEN 0 THEN 'anouk' WHEN 1 THEN 'pieter'"
            " ELSE 'jan' END"
        )
        conn.execute(
            "UPDATE followups SET owner = CASE WHEN id % 7 = 0 THEN 'anouk' ELSE"
            " (SELECT owner FROM contacts c WHERE c.id = followups.contact_id) END"
        )
    conn.close()
    return db


@pytest.mark.parametrize("day", ["2026-10-01", "2026-11-25", "2027-03-01"])
def test_a_salespersons_short_agenda_is_exactly_the_head_of_their_full_one(
    run_json: RunJson, team_book: Path, monkeypatch: pytest.MonkeyPatch, day: str
) -> None:
    """One salesperson's agenda reads the same streams, passing over a colleague's rows: the
    first N are still exactly the first N of their whole ranking, and only theirs."""
    monkeypatch.setenv("SALESNOTES_DB", str(team_book))
    monkeypatch.setenv("SALESNOTES_TODAY", day)
    monkeypatch.setenv("SALESNOTES_USER", "anouk")
    full = run_json("agenda", "--limit", "0")
    assert len(full) > 50
    for limit in (1, 7, 25, 120):
        assert run_json("agenda", "--limit", str(limit)) == full[:limit], limit
    conn = sqlite3.connect(team_book)
    hers = {r[0] for r in conn.execute("SELECT id FROM contacts WHERE owner = 'anouk'")}
    for_her = {
        r[0]
        for r in conn.execute(
            "SELECT f.contact_id FROM followups f JOIN contacts c ON c.id = f.contact_id"
            " WHERE f.owner = 'anouk' AND f.status = 'open' AND f.due_on <= ?"
            " AND c.archived_at IS NULL",
            (day,),
        )
    }
    conn.close()
    listed = {r["contact_id"] for r in full}
    assert listed <= hers | for_her
    assert for_her - hers <= listed  # a colleague's contact with a follow-up that is hers
    team = run_json("agenda", "--team", "--limit", "10")
    assert [r["owner"] for r in team] == ["anouk"] * 10 + ["jan"] * 10 + ["pieter"] * 10
    assert [r for r in team if r["owner"] == "anouk"] == [
        {**r, "owner": "anouk"} for r in full[:10]
    ]


def test_agenda_queries_use_indexes_and_never_scan_a_big_table(big_book: Path) -> None:
    store = open_store(big_book)
    conn = store.db.conn
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    with store.read():
        rows = sources.agenda(store, date(2026, 11, 25), limit=25)
    conn.set_trace_callback(None)
    assert len(rows) == 25
    selects = [s for s in statements if s.lstrip().upper().startswith("SELECT")]
    # Each source reads the top of all its ~38 streams in one statement, then the chosen
    # contacts are read in full; a stream is read on alone only when the cut falls among many
    # equal scores (here the rhythm cap): far fewer statements than streams. (The learned
    # rhythms add their list, one statement for the heads of all of them, and one read of
    # the chosen contacts: 21 here.)
    assert 0 < len(selects) <= 22, len(selects)
    for sql in selects:
        plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql}")]
        # Walking the limited result of a subquery (a co-routine) is not a table scan.
        scans = [
            step
            for step in plan
            if step.startswith("SCAN")
            and "CONSTANT ROW" not in step
            and not re.fullmatch(r"SCAN \(subquery-\d+\)", step)
        ]
        assert not scans, f"{sql}\n{plan}"
    store.close()


def test_search_finds_accent_insensitive_prefixes_newest_first(
    run: Run, run_json: RunJson, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    run("log", "jan", "Koffie in het café besproken", "--on", "maandag")
    run("log", "anna", "Cafe-eigenaar wil zonnepanelen")
    run("follow", "jose", "morgen", "Offerte café terras")
    run("quote", "add", "jose", "900", "--title", "Terras overkapping")
    hits = run_json("search", "cafe")  # "café" too; the newest first
    assert [(h["kind"], h["contact"]) for h in hits] == [
        ("interaction", "Anna Bakker"),
        ("interaction", "Jan de Vries"),
    ]
    assert [h["kind"] for h in run_json("search", "terras")] == ["followup", "quote"]
    assert [h["contact"] for h in run_json("search", "zonnepan")] == ["Anna Bakker"]
    assert [h["kind"] for h in run_json("search", "García")][0] == "contact"
    # an organisation's name finds its people, also when no person's name matches
    assert [(h["kind"], h["contact"]) for h in run_json("search", "bakker bouw")] == [
        ("contact", "Anna Bakker")
    ]
    assert run_json("search", "nergens") == []
    assert "no words to search for" in run("search", "!?", expect=2).stderr


def test_the_command_line_entry_point_builds_only_what_it_runs(
    run: Run, book: dict[str, int], db_path: Path
) -> None:
    """`salesnotes CMD` (main) registers only CMD; its output must equal the full app's."""
    run("follow", "anna", "today", "demo", "--reason", "callback")
    env = {**os.environ}
    for args in (
        ["agenda", "--format", "plain"],
        ["--today", "2026-11-26", "followups", "-f", "plain"],
        ["show", "anna", "-f", "plain"],
        ["quotes", "--all", "-f", "json"],
    ):
        process = subprocess.run(
            [sys.executable, "-m", "salesnotes", *args], env=env, capture_output=True, text=True
        )
        assert process.returncode == 0, process.stderr
        assert process.stdout == run(*args).stdout, args
    full_app = "from salesnotes.cli import build; build()(prog_name='salesnotes')"
    for args in (["quote", "--help"], ["--help"]):
        process = subprocess.run(
            [sys.executable, "-m", "salesnotes", *args], env=env, capture_output=True, text=True
        )
        assert process.returncode == 0, process.stderr
        # The fast path's help is the full app's, every subcommand listed ("Usage:" and a
        # "show" are in any help, so only the whole text tells a missing command).
        full = subprocess.run(
            [sys.executable, "-c", full_app, *args], env=env, capture_output=True, text=True
        )
        assert process.stdout == full.stdout, args
        assert "copy-book" in process.stdout or args[0] == "quote"
    process = subprocess.run(
        [sys.executable, "-m", "salesnotes", "agendaa"], env=env, capture_output=True, text=True
    )
    assert process.returncode == 2
    assert "No such command 'agendaa'" in process.stderr


@pytest.mark.parametrize("kind", ["config", "data"])
def test_user_folders_are_the_ones_platformdirs_gives(
    kind: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    expected = {"config": platformdirs.user_config_dir, "data": platformdirs.user_data_dir}
    assert user_folder(kind) == expected[kind]("salesnotes", appauthor=False)
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "c"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "d"))
    assert user_folder(kind) == expected[kind]("salesnotes", appauthor=False)


def test_the_benchmark_runs(tmp_path: Path) -> None:
    """The README's benchmark command, on small books: it runs and reports every budget."""
    out = tmp_path / "results"
    process = subprocess.run(
        [
            sys.executable,
            str(ROOT / "benchmarks" / "run.py"),
            "--quick",
            "--runs",
            "1",
            "--work",
            str(tmp_path / "work"),
            "--out",
            str(out),
        ],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert process.returncode == 0, process.stderr
    data = json.loads((out / "latest.json").read_text())
    budgets = {b["name"]: b for b in data["budgets"]}
    for name in (
        "agenda --format plain @1000 / python -c pass",
        "agenda (table) @1000 / python -c pass",
        "log @1000 / python -c pass",
        "show @1000 / python -c pass",
        "agenda @2000 / agenda @200",
        "show @2000 / show @200",
        "log @2000 / log @200",
        "import @2000 / sqlite-utils insert",
    ):
        assert name in budgets, name
    # Every ratio is reported with the two medians it divides, both taken in this run.
    for budget in data["budgets"]:
        if budget["unit"] == "x":
            over, under = budget["medians_ms"]
            assert budget["value"] == pytest.approx(over / under, rel=0.02), budget
            assert budget["met"] == (budget["value"] <= budget["limit"])
    assert data["timings_ms"]["python -c pass"] > 0
    assert "budgets met" in process.stdout
    # The team tier beside SQLite, from the same loop, or a note saying why not.
    beside = {row["command"]: row for row in data["postgresql_beside_sqlite"]}
    if beside:
        assert set(beside) == {"agenda", "agenda (table)", "log", "show", "search"}
        assert all(r["postgresql_ms"] > 0 and r["sqlite_ms"] > 0 for r in beside.values())
        assert data["timings_ms"]["copy-book @2000 into PostgreSQL (once)"] > 0
        assert "agenda --format plain @2000 team: PostgreSQL / SQLite" in budgets
        assert data["timings_ms"]["import psycopg (the driver alone)"] > 0
    else:
        assert any("PostgreSQL beside SQLite skipped" in note for note in data["notes"])
