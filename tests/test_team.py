"""The account team: owners, each salesperson's own agenda, the manager's view, a shared book
on PostgreSQL, and copying a book between backends.

The team tests run on both backends: a SQLite file and a real PostgreSQL (tests/pg.py; skipped,
saying why, where there is none).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run, postgres_book

pytestmark = pytest.mark.sqlite_only  # each test chooses its books itself


@pytest.fixture(params=["sqlite", "postgres"])
def shared(request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The team's book (SALESNOTES_DB): a file, or a PostgreSQL database."""
    book = str(tmp_path / "team.db") if request.param == "sqlite" else postgres_book(request)
    monkeypatch.setenv("SALESNOTES_DB", book)
    return book


@pytest.fixture
def as_user(monkeypatch: pytest.MonkeyPatch) -> Iterator[Any]:
    def become(name: str) -> None:
        monkeypatch.setenv("SALESNOTES_USER", name)

    yield become


def _json(run: Run, *args: str) -> Any:
    return json.loads(run(*args, "--format", "json").stdout)


def _team(run: Run, as_user: Any) -> None:
    """Anouk owns Jan and Bouwbedrijf Smit's Sanne; Pieter owns Gemeente Zwolle's Els."""
    as_user("anouk")
    run("add", "Jan de Vries", "--org", "Pluimers Isolatie", "--phone", "0612345678")
    run("add", "Sanne Smit", "--org", "Bouwbedrijf Smit")
    run("log", "jan", "Offerte besproken", "--next", "2026-11-25")
    run("follow", "sanne", "2026-11-24", "Terugbellen over de planning")
    as_user("pieter")
    run("add", "Els Jansen", "--org", "Gemeente Zwolle")
    run("follow", "els", "2026-11-25", "Aanbesteding nabellen", "--reason", "callback")


def _names(rows: list[dict[str, Any]]) -> list[str]:
    return sorted(r["name"] for r in rows)


@pytest.mark.slow
def test_each_salesperson_sees_their_own_day_and_the_manager_everyones(
    run: Run, shared: str, as_user: Any
) -> None:
    _team(run, as_user)
    as_user("anouk")
    assert _names(_json(run, "agenda")) == ["Jan de Vries", "Sanne Smit"]
    as_user("pieter")
    assert _names(_json(run, "agenda")) == ["Els Jansen"]
    # Covering for a sick colleague, and the manager's view grouped by owner.
    covering = _json(run, "agenda", "--owner", "anouk")
    assert _names(covering) == ["Jan de Vries", "Sanne Smit"]
    assert {r["owner"] for r in covering} == {"anouk"}
    as_user("manager")
    everyone = _json(run, "agenda", "--team")
    assert [(r["owner"], r["name"]) for r in everyone] == [
        ("anouk", "Jan de Vries"),
        ("anouk", "Sanne Smit"),
        ("pieter", "Els Jansen"),
    ] or [(r["owner"], r["name"]) for r in everyone] == [
        ("anouk", "Sanne Smit"),
        ("anouk", "Jan de Vries"),
        ("pieter", "Els Jansen"),
    ]
    table = run("agenda", "--team").stdout
    assert "Anouk calls on" in table and "Pieter calls on" in table
    assert table.index("Anouk calls on") < table.index("Jan de Vries") < table.index("Pieter")
    # The manager has no accounts here: their own agenda is no one's, and says so.
    assert "--team" in run("agenda", expect=3).stderr


def test_assign_moves_the_account_and_its_open_follow_ups(
    run: Run, shared: str, as_user: Any
) -> None:
    _team(run, as_user)
    as_user("anouk")
    said = run("assign", "jan", "pieter").stdout
    assert "is pieter's now (was anouk's), with 1 open follow-up" in said
    assert _names(_json(run, "agenda")) == ["Sanne Smit"]
    as_user("pieter")
    assert _names(_json(run, "agenda")) == ["Els Jansen", "Jan de Vries"]
    assert _json(run, "show", "jan")["contact"]["owner"] == "pieter"
    assert "already" in run("assign", "jan", "Pieter").stdout  # names are case-insensitive


def test_a_follow_up_for_a_colleague_is_on_their_agenda_not_the_owners(
    run: Run, shared: str, as_user: Any
) -> None:
    _team(run, as_user)
    as_user("anouk")
    said = run("follow", "jan", "2026-11-25", "Bezoek met de salesmanager", "--for", "pieter")
    assert "(for pieter)" in said.stdout
    as_user("pieter")
    mine = _json(run, "agenda")
    jan = [r for r in mine if r["name"] == "Jan de Vries"]
    assert (
        len(jan) == 1
        and jan[0]["reasons"] == ["other: Bezoek met de salesmanager"]
        or any("Bezoek met de salesmanager" in reason for reason in jan[0]["reasons"])
    )
    as_user("anouk")
    hers = [r for r in _json(run, "agenda") if r["name"] == "Jan de Vries"]
    assert hers and not any("salesmanager" in reason for reason in hers[0]["reasons"])


def test_show_names_who_logged_each_conversation(run: Run, shared: str, as_user: Any) -> None:
    _team(run, as_user)
    as_user("pieter")
    run("log", "jan", "Samen langs geweest", "--kind", "visit")
    page = run("show", "jan").stdout
    assert "Pieter, visit:" in page and "Samen langs geweest" in page
    assert "Anouk, note:" in page and "Offerte besproken" in page
    logged = {i["text"]: i["logged_by"] for i in _json(run, "show", "jan")["interactions"]}
    assert logged == {"Samen langs geweest": "pieter", "Offerte besproken": "anouk"}


def test_a_personal_book_shows_no_owners(run: Run, shared: str, as_user: Any) -> None:
    as_user("anouk")
    run("add", "Jan de Vries")
    run("log", "jan", "Gebeld", "--next", "2026-11-25")
    assert "Anouk," not in run("show", "jan").stdout
    assert "owner" not in _json(run, "agenda")[0]
    as_user("someone-else")  # the book made under another login name still shows everything
    assert _names(_json(run, "agenda")) == ["Jan de Vries"]


@pytest.mark.slow
def test_the_managers_briefing_lists_each_salespersons_calls(
    run: Run, shared: str, as_user: Any
) -> None:
    _team(run, as_user)
    as_user("manager")
    brief = _json(run, "brief", "--team")
    assert [(r["owner"], r["name"]) for r in brief["agenda"]][-1] == ("pieter", "Els Jansen")
    assert {r["owner"] for r in brief["agenda"]} == {"anouk", "pieter"}
    text = run("brief", "--team", "--format", "text").stdout
    assert "Anouk: Jan de Vries" in text and "Pieter: Els Jansen" in text
    as_user("pieter")
    own = _json(run, "brief", "--since", "2026-11-01")
    assert _names(own["agenda"]) == ["Els Jansen"]


@pytest.mark.slow
def test_a_salespersons_briefing_in_a_team_book_is_about_their_own_accounts(
    run: Run, shared: str, as_user: Any
) -> None:
    _team(run, as_user)
    as_user("pieter")
    run("complaint", "els", "Factuur klopt niet")
    run("quote", "add", "els", "8000", "--title", "Aanbesteding", "--send", "--valid", "2026-11-30")
    as_user("anouk")
    run("complaint", "sanne", "Levering te laat")
    run("quote", "add", "jan", "12500", "--title", "Hal 3", "--send", "--valid", "2026-11-30")
    later = ("brief", "--date", "2026-11-27", "--since", "2026-11-01")
    mine = _json(run, *later)
    assert [f["contact"] for f in mine["late_complaints"]] == ["Sanne Smit"]
    assert [q["title"] for q in mine["quotes_expiring"]] == ["Hal 3"]
    assert _names(mine["agenda"]) == ["Jan de Vries", "Sanne Smit"]
    as_user("manager")
    team = _json(run, *later, "--team")
    assert sorted(f["contact"] for f in team["late_complaints"]) == ["Els Jansen", "Sanne Smit"]
    assert sorted(q["title"] for q in team["quotes_expiring"]) == ["Aanbesteding", "Hal 3"]


@pytest.mark.slow
def test_bad_owners_are_sentences(run: Run, shared: str, as_user: Any) -> None:
    _team(run, as_user)
    for args in (
        ("agenda", "--owner", "Anouk de Vries"),
        ("agenda", "--owner", "anouk", "--team"),
        ("assign", "jan", "an/ouk"),
        ("follow", "jan", "morgen", "--for", ""),
    ):
        result = run(*args, expect=2)
        assert result.stderr.startswith("Error: ") and "Traceback" not in result.stderr
    as_user("bad name")
    assert "SALESNOTES_USER" in run("agenda", expect=2).stderr
    as_user("anouk")
    note = run("agenda", "--owner", "karel").stderr
    assert "nobody called karel" in note and "anouk, pieter" in note


@pytest.mark.slow
def test_undo_and_search_work_on_the_team_book(run: Run, shared: str, as_user: Any) -> None:
    _team(run, as_user)
    as_user("anouk")
    run("log", "sanne", "Café bezocht, isolatieplan besproken")
    hits = _json(run, "search", "cafe isolatie")
    assert [h["kind"] for h in hits] == ["interaction"]
    assert [h["kind"] for h in _json(run, "search", "jan")][:1] == ["contact"]
    run("undo")
    assert _json(run, "search", "cafe isolatie") == []
    assert _names(_json(run, "contacts")) == ["Els Jansen", "Jan de Vries", "Sanne Smit"]


def test_undo_takes_back_the_users_own_command_not_a_colleagues(
    run: Run, shared: str, as_user: Any
) -> None:
    _team(run, as_user)
    as_user("anouk")
    run("log", "sanne", "Excuses aangeboden")
    as_user("pieter")
    run("log", "els", "Aanbesteding gelezen")
    as_user("anouk")
    assert run("undo", "--list").stdout.count("log els") == 0
    run("undo")
    texts = {i["text"] for i in _json(run, "search", "aangeboden aanbesteding")} | {
        i["text"] for i in _json(run, "search", "aanbesteding gelezen")
    }
    assert texts == {"Aanbesteding gelezen"}


# -- copy-book ------------------------------------------------------------------------------


def _counts(run: Run) -> dict[str, int]:
    book = json.loads(run("export", "--format", "json").stdout)
    return {table: len(rows) for table, rows in book["tables"].items()}


@pytest.mark.slow
def test_copy_book_sqlite_to_postgres_and_back_loses_nothing(
    run: Run, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    personal = tmp_path / "personal.db"
    monkeypatch.setenv("SALESNOTES_DB", str(personal))
    run("demo", "--size", "40")
    run("forget", "1", "--yes")
    before = json.loads(run("export", "--format", "json").stdout)["tables"]
    team = postgres_book(request)
    said = run("copy-book", str(personal), team).stdout
    assert "Copied the book" in said and "***" not in said
    lines = {line.split()[0]: line.split()[1:] for line in said.splitlines()[2:]}
    assert all(a == b for a, b in lines.values()) and lines["contacts"][0] == str(
        len(before["contacts"])
    )
    back = tmp_path / "back.db"
    run("copy-book", team, str(back))
    monkeypatch.setenv("SALESNOTES_DB", str(back))
    after = json.loads(run("export", "--format", "json").stdout)["tables"]
    assert after == before
    monkeypatch.setenv("SALESNOTES_DB", team)
    assert _json(run, "agenda", "--limit", "5") == json.loads(
        run("--db", str(personal), "agenda", "--limit", "5", "--format", "json").stdout
    )
    # The ids go on above the copied ones.
    added = run("add", "Nieuwe Klant").stdout
    assert f"#{max(c['id'] for c in before['contacts']) + 1} " in added


@pytest.mark.slow
def test_copy_book_refuses_a_book_with_data_and_leaves_both_as_they_were(
    run: Run, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    one, other = tmp_path / "one.db", tmp_path / "other.db"
    for book, name in ((one, "Jan"), (other, "Piet")):
        run("--db", str(book), "add", name)
    refused = run("copy-book", str(one), str(other), expect=4)
    assert refused.stderr.startswith("Error: ") and "holds a book already" in refused.stderr
    monkeypatch.setenv("SALESNOTES_DB", str(other))
    assert _names(_json(run, "contacts")) == ["Piet"]
    assert "same book" in run("copy-book", str(one), str(one), expect=2).stderr
    assert "no book at" in run("copy-book", str(tmp_path / "none.db"), str(other), expect=1).stderr
    missing = run("copy-book", str(one), str(tmp_path / "no" / "such.db"), expect=1)
    assert "does not exist" in missing.stderr
    assert not (tmp_path / "no").exists()
    bad_url = "postgresql://nobody@/nothing?host=/nonexistent-folder"
    failed = run("copy-book", str(one), bad_url, expect=1)
    assert failed.stderr.startswith("Error: cannot open the PostgreSQL book")
    assert "Traceback" not in failed.stderr
    # A password typed on the command line works, is never printed, and is warned about.
    typed = "postgresql://nobody:geheim@/nothing?host=/nonexistent-folder"
    warned = run("copy-book", str(one), typed, expect=1).stderr
    assert "geheim" not in warned and "nobody:***@" in warned
    assert "shows in 'ps'" in warned


def test_another_programs_postgresql_database_is_refused_and_left_as_it_was(
    run: Run, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    url = postgres_book(request)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute("CREATE TABLE invoices (id int PRIMARY KEY, total int)")
    monkeypatch.setenv("SALESNOTES_DB", url)
    refused = run("add", "Jan", expect=1)
    assert "another program's database (tables: invoices)" in refused.stderr
    with psycopg.connect(url, autocommit=True) as conn:
        tables = conn.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchall()
    assert tables == [("invoices",)]


def test_a_postgresql_book_compares_text_as_sqlite_does_whatever_the_servers_locale(
    run: Run, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Dates, phone extensions and names are compared and sorted byte by byte, as in SQLite:
    a server's locale (nl_NL's ignores '-' and ';') must not change what is found or its
    order."""
    import psycopg

    url = postgres_book(request)
    monkeypatch.setenv("SALESNOTES_DB", url)
    run("add", "jan Klein", "--phone", "038 421 77 88 ext. 12")
    run("add", "Jan Groot")
    with psycopg.connect(url) as conn:
        loose = conn.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE table_schema = current_schema() AND data_type = 'text'"
            " AND table_name <> 'salesnotes_migrations'"
            " AND coalesce(collation_name, '') <> 'C'"
        ).fetchall()
    assert loose == []
    assert [h["contact"] for h in _json(run, "search", "+31384217788")] == ["jan Klein"]
    assert [c["name"] for c in _json(run, "contacts")] == ["Jan Groot", "jan Klein"]


def test_backup_and_doctor_say_a_postgresql_book_is_the_servers(
    run: Run, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_DB", postgres_book(request))
    run("add", "Jan")
    for command in (("backup",), ("backups",), ("doctor",), ("restore", "x.db", "--yes")):
        result = run(*command, expect=2)
        assert "works on a SQLite book" in result.stderr and "pg_dump" in result.stderr


# -- many at once ---------------------------------------------------------------------------


def _salesnotes(book: str, user: str, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SALESNOTES_DB": book, "SALESNOTES_USER": user}
    return subprocess.run(
        [sys.executable, "-m", "salesnotes", *args],
        capture_output=True, text=True, env=env, timeout=120, check=False,
    )  # fmt: skip


@pytest.mark.slow
def test_four_writers_and_a_briefing_loop_lose_nothing_on_postgres(
    request: pytest.FixtureRequest,
) -> None:
    book = postgres_book(request)
    people = ["anouk", "pieter", "jan", "els"]
    setup = [_salesnotes(book, who, "add", f"Klant {who}", "--org", "Zelfde BV") for who in people]
    assert all(r.returncode == 0 for r in setup), [r.stderr for r in setup]
    jobs: list[tuple[str, tuple[str, ...]]] = []
    for n in range(12):
        for who in people:
            jobs.append((who, ("log", f"Klant {who}", f"gesprek {n}", "--next", "morgen")))
        jobs.append(("manager", ("brief", "--team", "--format", "json")))
    with ThreadPoolExecutor(max_workers=5) as pool:
        results = list(pool.map(lambda job: _salesnotes(book, job[0], *job[1]), jobs))
    for result in results:
        assert result.returncode == 0, result.stderr
    counted = _salesnotes(book, "manager", "export", "--format", "json")
    tables = json.loads(counted.stdout)["tables"]
    assert len(tables["contacts"]) == 4 and len(tables["organisations"]) == 1
    assert len(tables["interactions"]) == 48
    assert len(tables["followups"]) == 48
    assert {i["logged_by"] for i in tables["interactions"]} == set(people)


@pytest.mark.slow
def test_the_readmes_team_tour_runs_as_written(
    run: Run, shared: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
) -> None:  # fmt: skip
    """Every line of the manual's ```team block (docs/team.md), as the person before the
    ``$`` would type it: on PostgreSQL with their own login, in a team the book's owner set
    up as the page says; in a file, as ``SALESNOTES_USER``."""
    import re
    import shlex

    from tests import pg

    readme = (Path(__file__).parent.parent / "docs" / "team.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```team\n(.*?)```", readme, re.S)
    assert len(blocks) == 1
    monkeypatch.chdir(tmp_path)
    people = {"anouk": "sales", "pieter": "sales", "marieke": "manager"}
    logins = {name: f"{name}_{os.getpid()}" for name in people}
    on_server = shared.startswith("postgresql://")
    if on_server:
        request.addfinalizer(lambda: pg.drop_roles(shared, [*logins.values(), *pg.GROUP_ROLES]))
        run("team", "setup")  # as the book's owner
        for name, role in people.items():
            run("team", "add", name, "--role", role, "--login", logins[name])
    lines = blocks[0].splitlines()
    assert len(lines) >= 12
    for line in lines:
        person, _, typed = line.partition("$ ")
        words = shlex.split(typed, comments=True)
        assert words[0] == "salesnotes" and person in people, line
        if on_server:
            monkeypatch.setenv("SALESNOTES_DB", shared.replace("postgres@", f"{logins[person]}@"))
        else:
            monkeypatch.setenv("SALESNOTES_USER", person)
        # A line the page says is refused is, where the server keeps the rules (a file
        # has one user and none).
        refused = "# refused" in line
        expected = (4 if on_server else None) if refused else 0
        result = run(*(os.path.expandvars(w) for w in words[1:]), expect=expected)
        if refused and on_server:
            assert "is anouk's account" in result.stderr
    assert (tmp_path / "team-copy.db").exists()
    monkeypatch.setenv("SALESNOTES_DB", shared.replace("postgres@", f"{logins['marieke']}@"))
    monkeypatch.setenv("SALESNOTES_USER", "marieke")
    team = run("agenda", "--team", "--date", "morgen", "--format", "json").stdout
    assert [(r["owner"], r["name"]) for r in json.loads(team)] == [
        ("anouk", "Sanne Smit"),
        ("pieter", "Els Jansen"),  # a callback (500) before a follow-up due (60)
        ("pieter", "Jan de Vries"),
    ]
    history = [(r["actor"], r["action"]) for r in _json(run, "history", "jan")]
    assert history[0] == ("anouk", "created") and ("anouk", "assigned") in history


def test_briefing_counts_are_counts_not_the_lists_length(
    run: Run, shared: str, as_user: Any
) -> None:
    """A salesperson's list holds the first brief.top calls (10) and says how many there
    are; the manager's counts each salesperson's in full."""
    _team(run, as_user)  # anouk: Jan and Sanne due; pieter: Els
    as_user("anouk")
    for n in range(11):
        run("add", f"Klant {n:02d}", "--org", f"Bedrijf {n:02d}")
        run("follow", f"Klant {n:02d}", "2026-11-24", "Terugbellen")
    mine = _json(run, "brief", "--since", "2026-11-01")
    assert (len(mine["agenda"]), mine["calls"]) == (10, 13)
    text = run("brief", "--since", "2026-11-01", "--format", "text").stdout
    assert "(10 of 13)" in text
    as_user("manager")
    team = _json(run, "brief", "--team", "--since", "2026-11-01")
    assert (len(team["agenda"]), team["calls"]) == (11, 14)


def test_a_user_with_no_part_in_a_teams_book_is_told_not_given_everyones_day(
    run: Run, shared: str, as_user: Any
) -> None:
    _team(run, as_user)
    as_user("anuok")  # a typo in SALESNOTES_USER
    for command in (("agenda",), ("brief", "--since", "2026-11-01")):
        wrong = run(*command, expect=3)
        assert "'anuok' has no part in this team's book" in wrong.stderr
        assert "anouk, pieter" in wrong.stderr and wrong.stdout == ""
    assert _names(_json(run, "agenda", "--team")) == ["Els Jansen", "Jan de Vries", "Sanne Smit"]
    as_user("pieter")  # a colleague with a follow-up to do, and no account, has a day
    run("follow", "jan", "2026-11-24", "Samen langs", "--for", "maria")
    as_user("maria")
    assert _names(_json(run, "agenda")) == ["Jan de Vries"]


def _next_for(run: Run, who: str, text: str) -> list[str]:
    """Whose agenda on 2 December holds the follow-up ``text``."""
    found = []
    for name in ("anouk", "pieter"):
        rows = _json(run, "agenda", "--owner", name, "--date", "2026-12-02")
        if any(text in reason for row in rows for reason in row["reasons"]):
            found.append(name)
    return found


def test_the_next_step_of_delegated_work_stays_with_whoever_did_it(
    run: Run, shared: str, as_user: Any
) -> None:
    """Pieter visits Anouk's customer for her: the next step he plans is his (not the
    account owner's), unless --for says whose; a conversation he logs plans his too."""
    _team(run, as_user)
    as_user("anouk")
    visit = run("follow", "jan", "2026-11-25", "Bezoek hal 3", "--for", "pieter").stdout
    visit_id = visit.split("#")[1].split()[0]
    as_user("pieter")
    done = run("done", visit_id, "--note", "Bezocht", "--next", "2026-12-02", "--about", "Stap een")
    assert "(for" not in done.stdout
    assert _next_for(run, "jan", "Stap een") == ["pieter"]
    run("log", "jan", "Gebeld over de offerte", "--next", "2026-12-02", "--about", "Stap twee")
    assert _next_for(run, "jan", "Stap twee") == ["pieter"]
    said = run(
        "log", "jan", "Prijs", "--next", "2026-12-02", "--about", "Stap drie", "--for", "anouk"
    )
    assert "(for anouk)" in said.stdout
    assert _next_for(run, "jan", "Stap drie") == ["anouk"]
    refused = run("done", "1", "--for", "anouk", expect=2)
    assert "--for says who does the next follow-up" in refused.stderr


def test_assigning_to_the_owner_already_changes_nothing_and_is_no_step_to_undo(
    run: Run, shared: str, as_user: Any
) -> None:
    _team(run, as_user)
    as_user("anouk")
    run("edit", "jan", "--city", "Zwolle")
    assert "is anouk's already" in run("assign", "jan", "anouk").stdout
    assert "edit jan --city Zwolle" in run("undo").stdout  # the edit, not the assign


def test_forgetting_a_person_leaves_a_colleagues_undo_history(
    run: Run, shared: str, as_user: Any
) -> None:
    _team(run, as_user)
    as_user("pieter")
    run("edit", "els", "--city", "Zwolle")
    as_user("anouk")
    run("forget", "sanne", "--yes")
    as_user("pieter")
    assert "Undid 'salesnotes edit els --city Zwolle'" in run("undo").stdout


def _role(request: pytest.FixtureRequest, url: str, grants: str) -> str:
    """A login role of one salesperson on the book at ``url`` (made by its owner), with
    ``grants`` run on the book's database; dropped after the test. Its URL."""
    import psycopg

    name = f"verkoper_{os.getpid()}_{len(grants)}"
    head, __, query = url.partition("?")
    server_url = f"{head.rsplit('/', 1)[0]}/postgres?{query}"
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{name}" LOGIN')

    def drop() -> None:
        with psycopg.connect(url, autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{name}"')
        with psycopg.connect(server_url, autocommit=True) as conn:
            conn.execute(f'DROP ROLE IF EXISTS "{name}"')

    request.addfinalizer(drop)
    with psycopg.connect(url, autocommit=True) as conn:
        conn.execute(grants.format(role=f'"{name}"'))
    return url.replace("postgres@", f"{name}@", 1)


SALESPERSON = """
    GRANT USAGE ON SCHEMA public TO {role};
    GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO {role};
    GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {role};
"""


def test_a_salespersons_own_login_role_uses_an_up_to_date_book(
    run: Run, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A role that may read and write the book's rows but not change its schema (as a DBA
    sets one up) opens an up-to-date book: opening needs no DDL and no lock."""
    url = postgres_book(request)
    monkeypatch.setenv("SALESNOTES_DB", url)
    run("add", "Jan de Vries", "--org", "Pluimers Isolatie")  # the owner makes the book
    monkeypatch.setenv("SALESNOTES_DB", _role(request, url, SALESPERSON))
    run("log", "jan", "Gebeld over hal 3", "--next", "2026-11-27")
    assert _names(_json(run, "agenda", "--date", "2026-11-27")) == ["Jan de Vries"]
    assert "Gebeld over hal 3" in run("show", "jan").stdout


def test_a_role_that_may_not_make_the_book_is_told_in_a_sentence(
    run: Run, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    url = postgres_book(request)
    monkeypatch.setenv(
        "SALESNOTES_DB", _role(request, url, "GRANT USAGE ON SCHEMA public TO {role}")
    )
    refused = run("add", "Jan", expect=1)
    assert "cannot open the PostgreSQL book" in refused.stderr
    assert "as role verkoper_" in refused.stderr and "permission denied" in refused.stderr
    assert "Traceback" not in refused.stderr


def test_a_reading_command_on_an_empty_postgresql_database_makes_no_book(
    run: Run, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    url = postgres_book(request)
    monkeypatch.setenv("SALESNOTES_DB", url)
    refused = run("agenda", expect=1)
    assert "holds no salesnotes book yet" in refused.stderr
    with psycopg.connect(url, autocommit=True) as conn:
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'"
        ).fetchone()
    assert tables == (0,)
    run("add", "Jan")  # a command that makes a book makes it
    assert _names(_json(run, "contacts")) == ["Jan"]


def test_each_person_and_the_managers_briefing_keep_their_own_since_mark(
    run: Run, shared: str, as_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The salespeople's 07:30 cron briefings do not consume the manager's 08:00 one."""
    _team(run, as_user)
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-24T08:00")
    for person in ("anouk", "pieter"):
        as_user(person)
        run("brief", "--format", "text")  # delivered (no terminal): their mark moves
    as_user("manager")
    run("brief", "--team", "--format", "text")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-24T15:00")
    as_user("anouk")
    run("log", "jan", "Offerte hal 3 doorgesproken")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-25T07:30")
    mine = run("brief", "--format", "text").stdout  # anouk's cron
    assert "Offerte hal 3 doorgesproken" in mine
    as_user("pieter")
    assert "Offerte hal 3 doorgesproken" in run("brief", "--format", "text").stdout
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-25T08:00")
    as_user("manager")
    assert "Offerte hal 3 doorgesproken" in run("brief", "--team", "--format", "text").stdout
    as_user("anouk")
    again = run("brief", "--format", "text").stdout  # her own mark moved at 07:30
    assert "Offerte hal 3 doorgesproken" not in again


def test_a_salespersons_export_to_the_phone_is_their_own(
    run: Run, shared: str, as_user: Any
) -> None:
    """In a team's book a vCard or iCalendar export holds the user's own accounts and the
    follow-ups they are to do (--team: everyone's), so a phone is not the whole team's."""
    _team(run, as_user)
    as_user("anouk")
    cards = run("export", "--format", "vcard").stdout
    assert "FN:Jan de Vries" in cards and "FN:Sanne Smit" in cards
    assert "Els Jansen" not in cards
    tasks = run("export", "--format", "ics").stdout
    assert "Terugbellen over de planning" in tasks and "Aanbesteding nabellen" not in tasks
    everyone = run("export", "--format", "ics", "--team").stdout
    assert "Aanbesteding nabellen" in everyone
    assert "Els Jansen" in run("export", "--format", "vcard", "--team").stdout
    as_user("pieter")
    assert "FN:Jan de Vries" not in run("export", "--format", "vcard").stdout
    refused = run("export", "--format", "csv", "--team", expect=2)
    assert "--team is for --format vcard or ics" in refused.stderr


def test_undo_refused_by_a_colleagues_change_names_the_colleague(
    run: Run, shared: str, as_user: Any
) -> None:
    _team(run, as_user)
    as_user("anouk")
    run("edit", "jan", "--city", "Kampen")
    as_user("pieter")
    run("edit", "jan", "--job-title", "Inkoper")
    as_user("anouk")
    refused = run("undo", expect=4).stderr
    assert "pieter's 'edit jan --job-title Inkoper' changed the same contacts row" in refused
    assert "ask them" in refused


def test_all_of_a_salespersons_accounts_move_at_once(run: Run, shared: str, as_user: Any) -> None:
    """assign --from --to: a salesperson who leaves hands over every account (or those of
    an organisation or tag) with the open follow-ups, in one transaction, one undo step."""
    _team(run, as_user)
    as_user("manager")
    trial = run("assign", "--from", "anouk", "--to", "pieter", "--dry-run")
    assert "Would move 2 accounts of anouk to pieter, with 2 open follow-ups" in trial.stdout
    assert "Nothing was written" in trial.stderr
    assert _names(_json(run, "agenda", "--owner", "anouk")) == ["Jan de Vries", "Sanne Smit"]
    some = run("assign", "--from", "anouk", "--to", "pieter", "--org", "bouwbedrijf smit")
    assert "Moved 1 account of anouk to pieter, with 1 open follow-up" in some.stdout
    run("assign", "--from", "anouk", "--to", "pieter")
    assert _names(_json(run, "agenda", "--owner", "pieter")) == [
        "Els Jansen",
        "Jan de Vries",
        "Sanne Smit",
    ]
    assert "Undid 'salesnotes assign --from anouk --to pieter'" in run("undo").stdout
    assert _names(_json(run, "agenda", "--owner", "anouk")) == ["Jan de Vries"]
    for wrong, code, said in (
        (("assign", "jan"), 2, "assign WHO OWNER, or assign --from NAME --to NAME"),
        (("assign", "--from", "anouk"), 2, "--from and --to go together"),
        (("assign", "jan", "pieter", "--from", "anouk", "--to", "x"), 2, "not both"),
        (("assign", "jan", "pieter", "--dry-run"), 2, "go with --from and --to"),
        (("assign", "--from", "nobody", "--to", "pieter"), 3, "the owners in this book: "),
        (("assign", "--from", "pieter", "--to", "pieter"), 2, "the same salesperson"),
    ):
        assert said in run(*wrong, expect=code).stderr


def test_a_follow_up_for_two_is_on_both_agendas_and_done_once(
    run: Run, shared: str, as_user: Any
) -> None:
    """The sales manager joins Pieter's visit: it is on both their days, and done once."""
    _team(run, as_user)
    as_user("anouk")
    said = run(
        "follow", "jan", "2026-11-25", "Bezoek hal 3", "--for", "pieter", "--with", "marieke"
    )
    assert "(for pieter) (with marieke)" in said.stdout
    visit = said.stdout.split("#")[1].split()[0]
    for person in ("pieter", "marieke"):
        as_user(person)
        days = _json(run, "agenda")
        assert any("Bezoek hal 3" in r for row in days for r in row["reasons"]), person
    listed = [f for f in _json(run, "followups") if f["text"] == "Bezoek hal 3"]
    assert [(f["owner"], f["with"]) for f in listed] == [("pieter", "marieke")]
    assert "Bezoek hal 3" in run("export", "--format", "ics").stdout  # marieke's calendar
    run("done", visit, "--note", "Samen bezocht")
    as_user("pieter")
    assert not any("Bezoek hal 3" in r for row in _json(run, "agenda") for r in row["reasons"])
    same = run("follow", "jan", "morgen", "x", "--for", "pieter", "--with", "pieter", expect=2)
    assert "--with names a second person" in same.stderr


READER = """
    GRANT USAGE ON SCHEMA public TO {role};
    GRANT SELECT ON ALL TABLES IN SCHEMA public TO {role};
"""


def test_a_read_only_role_reads_the_book_and_a_write_is_a_sentence(
    run: Run, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A role that may only read (a manager's report, a dashboard) runs every reading
    command, a briefing looked at included; what would write is refused in a sentence."""
    url = postgres_book(request)
    monkeypatch.setenv("SALESNOTES_DB", url)
    run("add", "Jan de Vries", "--org", "Pluimers Isolatie")
    run("follow", "jan", "2026-11-25", "Offerte nabellen")
    monkeypatch.setenv("SALESNOTES_DB", _role(request, url, READER))
    assert _names(_json(run, "agenda")) == ["Jan de Vries"]
    assert "Offerte nabellen" in run("show", "jan").stdout
    assert [h["contact"] for h in _json(run, "search", "pluimers")] == ["Jan de Vries"]
    assert _names(_json(run, "brief")["agenda"]) == ["Jan de Vries"]  # json: a look
    refused = run("log", "jan", "Gebeld", expect=1).stderr
    assert "your database role may not do this" in refused and "permission denied" in refused
    assert "Traceback" not in refused and "bug" not in refused


def test_the_database_owners_commands_in_the_docs_give_each_person_a_working_login(
    run: Run, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The salesnotes lines of docs/team.md's "For the database owner", as written, run by
    an owner with CREATEROLE (not a superuser) on an empty database: Pieter then logs in as
    himself and works; a table a later step makes is his to use too."""
    import psycopg

    from tests import pg

    page = (Path(__file__).parent.parent / "docs" / "team.md").read_text(encoding="utf-8")
    section = page.split("## For the database owner", 1)[1]
    block = section.split("```console\n", 1)[1].split("```", 1)[0]
    commands = [line.split()[1:] for line in block.splitlines() if line.startswith("salesnotes ")]
    assert commands[0] == ["team", "setup"] and len(commands) >= 5
    url = postgres_book(request)
    suffix = str(os.getpid())
    owner = f"sales_{suffix}"
    head, __, query = url.partition("?")
    database = head.rsplit("/", 1)[1]
    with psycopg.connect(f"{head.rsplit('/', 1)[0]}/postgres?{query}", autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        conn.execute(f'ALTER DATABASE "{database}" OWNER TO "{owner}"')
    names = ["anouk", "pieter", "marieke", "dashboard"]
    request.addfinalizer(lambda: pg.drop_roles(url, [*names, *pg.GROUP_ROLES, owner]))
    monkeypatch.setenv("SALESNOTES_DB", url.replace("postgres@", f"{owner}@", 1))
    for words in commands:
        run(*words)
    with psycopg.connect(url.replace("postgres@", f"{owner}@", 1), autocommit=True) as conn:
        conn.execute("CREATE TABLE later_step (id int)")  # as a later migration would
    pieter = url.replace("postgres@", "pieter@", 1)
    monkeypatch.setenv("SALESNOTES_DB", pieter)
    run("add", "Jan de Vries", "--org", "Pluimers Isolatie")
    run("log", "jan", "Gebeld", "--next", "2026-11-27")
    assert _names(_json(run, "agenda", "--date", "2026-11-27")) == ["Jan de Vries"]
    assert _json(run, "show", "jan")["contact"]["owner"] == "pieter"
    with psycopg.connect(pieter, autocommit=True) as conn:
        assert conn.execute("SELECT count(*) FROM later_step").fetchone() == (0,)


def test_the_audit_trail_says_who_did_what_to_an_account_and_keeps_it(
    run: Run, shared: str, as_user: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Who added, planned, did, moved and handed over what, on both backends; a person's own
    doings since a day; and after ``forget`` the trail still says what happened, without
    the person."""
    _team(run, as_user)  # 2026-11-25 12:00: anouk adds Jan and Sanne, pieter Els
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-26T09:00")
    as_user("anouk")
    run("done", "1")
    run("snooze", "2", "2026-11-30")
    run("assign", "jan", "pieter")
    lines = _json(run, "history", "jan")
    assert [(r["actor"], r["command"], r["table"], r["action"]) for r in lines] == [
        ("anouk", "add", "contacts", "created"),
        ("anouk", "log", "interactions", "logged"),
        ("anouk", "log", "followups", "planned"),
        ("anouk", "done", "followups", "completed"),
        ("anouk", "assign", "contacts", "assigned"),
    ]
    assert (lines[-1]["old"], lines[-1]["new"]) == ("anouk", "pieter")
    moved = _json(run, "history", "sanne")[-1]
    assert (moved["action"], moved["old"], moved["new"]) == ("snoozed", "2026-11-24", "2026-11-30")
    assert "account moved: anouk -> pieter" in run("history", "jan").stdout
    today = _json(run, "history", "--user", "anouk", "--since", "2026-11-26")
    assert [r["command"] for r in today] == ["done", "snooze", "assign"]
    assert _json(run, "history", "--user", "pieter", "--since", "2026-11-26") == []
    card = Path(os.environ["HOME"]) / "kees.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Kees Bakker\nEND:VCARD\n", encoding="utf-8")
    run("import", str(card))
    kees = _json(run, "history", "kees")
    assert [(r["actor"], r["command"], r["action"], r["new"]) for r in kees] == [
        ("anouk", "import", "created", "anouk")
    ]
    sanne = moved["contact_id"]
    run("forget", "sanne", "--yes")
    kept = [r for r in _json(run, "history", "-n", "0") if r["contact_id"] == sanne]
    assert kept[0]["action"] == "created" and kept[-1]["action"] == "deleted"
    assert all(r["contact"] is None for r in kept)
    assert "Sanne" not in run("history", "-n", "0").stdout


def test_search_gives_the_same_answer_on_both_backends(
    run: Run, request: pytest.FixtureRequest, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The same book on SQLite and PostgreSQL, the same questions: the same contacts in the
    same order, past 200 too (each database's own full-text rank ordered them differently)."""
    rows = ["naam;organisatie;e-mail;functie;plaats"]
    for n in range(400):
        first = ("Jan", "Janneke", "Anna", "Piet")[n % 4]
        org = ("Jansen Bouw", "De Vries BV", "Pluimers")[n % 3]
        city = ("Zwolle", "Jannum", "Kampen")[n % 5 % 3]
        rows.append(f"{first} de Vries {n:03d};{org};p{n}@jan{n % 2}.nl;inkoper;{city}")
    sheet = tmp_path / "klanten.csv"
    sheet.write_text("\n".join(rows) + "\n", encoding="utf-8")
    answers = []
    for book in (str(tmp_path / "boek.db"), postgres_book(request)):
        monkeypatch.setenv("SALESNOTES_DB", book)
        run("import", str(sheet))
        answers.append(
            [
                [h["contact_id"] for h in _json(run, "search", *question) if h["kind"] == "contact"]
                for question in (
                    ("jan", "-n", "300"),
                    ("jan de",),
                    ("vries", "-n", "250"),
                    ("jan zwolle",),
                    ("pluimers",),
                )
            ]  # fmt: skip
        )
    assert answers[0] == answers[1]
    assert len(answers[0][0]) == 300 and len(answers[0][2]) == 250
    first = [h for h in _json(run, "search", "jan") if h["kind"] == "contact"][0]
    assert first["contact"].startswith("Jan de Vries")  # a whole word of the name first
