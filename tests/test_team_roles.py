"""A team's book with one login per person, as a DBA sets it up: the book's owner (a role with
CREATEROLE, not a superuser) runs ``team setup`` and ``team add``; each salesperson, the
manager and a read-only reader then log in as themselves. What a role may change is the
server's to enforce: checked through the CLI and with plain SQL as each role.

PostgreSQL only (tests/pg.py); the group roles are the server's, so each test drops them.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from tests import pg
from tests.conftest import Run, postgres_book

pytestmark = pytest.mark.sqlite_only  # each test makes its own PostgreSQL book

GROUPS = pg.GROUP_ROLES
PEOPLE = {
    "anouk": "sales", "pieter": "sales", "sanne": "sales", "kees": "sales",
    "marieke": "manager", "lees": "read",
}  # fmt: skip
"""An account team of four salespeople and a manager, and a reader (a dashboard)."""


class Team:
    """The book, its owner's URL, and each person's: ``url('pieter')``."""

    def __init__(self, url: str, owner: str, suffix: str) -> None:
        self.book_url, self.owner, self.suffix = url, owner, suffix

    def login(self, name: str) -> str:
        return f"{name}_{self.suffix}"

    def url(self, name: str) -> str:
        """The URL a person logs in with (the owner: ``self.owner``)."""
        login = name if name == self.owner else self.login(name)
        return self.book_url.replace("postgres@", f"{login}@", 1)


@pytest.fixture
def team(request: pytest.FixtureRequest, run: Run, monkeypatch: pytest.MonkeyPatch) -> Team:
    """A book owned by a role with CREATEROLE (the DBA's 'sales'), with Jan (Anouk's) and
    Els (Pieter's); the team set up and Anouk, Pieter (sales), Marieke (manager) and Lees
    (read) added, each with a login of their own."""
    import psycopg

    suffix = str(os.getpid())
    owner = f"eigenaar_{suffix}"
    url = postgres_book(request)
    head, __, query = url.partition("?")
    server_url = f"{head.rsplit('/', 1)[0]}/postgres?{query}"
    database = head.rsplit("/", 1)[1]
    with psycopg.connect(server_url, autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{owner}" LOGIN CREATEROLE')
        conn.execute(f'ALTER DATABASE "{database}" OWNER TO "{owner}"')
    book = Team(url, owner, suffix)
    monkeypatch.delenv("SALESNOTES_USER", raising=False)
    monkeypatch.setenv("SALESNOTES_DB", book.url(owner))
    monkeypatch.setenv("SALESNOTES_USER", "anouk")
    run("add", "Jan de Vries", "--org", "Pluimers Isolatie", "--phone", "0612345678")
    monkeypatch.setenv("SALESNOTES_USER", "pieter")
    run("add", "Els Jansen", "--org", "Gemeente Zwolle")
    monkeypatch.delenv("SALESNOTES_USER")
    run("team", "setup")
    for name, role in PEOPLE.items():
        run("team", "add", name, "--role", role, "--login", book.login(name))
    request.addfinalizer(
        lambda: pg.drop_roles(url, [*(book.login(n) for n in PEOPLE), *GROUPS, owner])
    )
    return book


@pytest.fixture
def as_login(monkeypatch: pytest.MonkeyPatch, team: Team) -> Callable[[str], None]:
    def become(name: str) -> None:
        monkeypatch.setenv("SALESNOTES_DB", team.url(name))
        monkeypatch.delenv("SALESNOTES_USER", raising=False)

    return become


def _json(run: Run, *args: str) -> Any:
    return json.loads(run(*args, "--format", "json").stdout)


def _sql(team: Team, name: str, statement: str) -> Any:
    """Run ``statement`` as ``name``'s login, as psql would; the error, or None."""
    return _sql_at(team.url(name), statement)


def _sql_at(url: str, statement: str) -> Any:
    import psycopg

    with psycopg.connect(url, autocommit=True) as conn:
        try:
            conn.execute(statement)
        except psycopg.Error as exc:
            return exc
    return None


def test_the_server_knows_the_person_and_a_salesperson_acts_as_themself(
    run: Run, team: Team, as_login: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    as_login("anouk")
    assert _json(run, "show", "jan")["contact"]["owner"] == "anouk"
    run("log", "jan", "Gebeld over hal 3", "--next", "2026-11-26")
    assert _json(run, "history", "jan")[-1]["actor"] == "anouk"
    assert _json(run, "history", "jan")[-1]["login"] == team.login("anouk")
    monkeypatch.setenv("SALESNOTES_USER", "pieter")  # typing a colleague's name
    refused = run("log", "els", "Als Pieter", expect=4).stderr
    assert "the salesperson anouk" in refused and "SALESNOTES_USER says pieter" in refused
    monkeypatch.setenv("SALESNOTES_USER", "anouk")  # one's own name is fine
    run("agenda")
    as_login("marieke")  # a manager covers for Pieter
    monkeypatch.setenv("SALESNOTES_USER", "pieter")
    run("log", "els", "Namens Pieter gebeld")
    line = _json(run, "history", "els")[-1]
    assert (line["actor"], line["login"]) == ("pieter", team.login("marieke"))
    monkeypatch.setenv("SALESNOTES_USER", "pietr")  # a typo: not someone's day
    assert (
        "not in the team (anouk, kees, lees, marieke, pieter, sanne)"
        in run("agenda", expect=3).stderr
    )


def test_a_salesperson_cannot_change_a_colleagues_account_and_is_told_whose_it_is(
    run: Run, team: Team, as_login: Callable[[str], None], tmp_path: Path
) -> None:
    card = tmp_path / "jan.vcf"  # Jan's number, as Pieter's phone has it: an import "over" Jan
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Jan de Vries\nTEL:06 1234 5678\n"
                    "EMAIL:jan@pluimers.nl\nEND:VCARD\n", encoding="utf-8")  # fmt: skip
    as_login("pieter")
    for args in (
        ("edit", "jan", "--city", "Zwolle"),
        ("assign", "jan", "pieter"),
        ("assign", "--from", "anouk", "--to", "pieter"),
        ("archive", "jan"),
        ("forget", "jan", "--yes"),
        ("merge", "els", "jan"),
        ("quote", "add", "jan", "5000"),
        ("import", str(card)),
    ):
        result = run(*args, expect=4)
        assert "Jan de Vries is anouk's account" in result.stderr, args
        assert "Traceback" not in result.stderr
    # His own import needs no right to change a sequence (a dry run neither).
    new = tmp_path / "nieuw.vcf"
    new.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Kees Bakker\nEMAIL:kees@bakker.nl\nEND:VCARD\n",
                   encoding="utf-8")  # fmt: skip
    run("import", str(new), "--dry-run")
    run("import", str(new))
    kees = _json(run, "show", "kees")["contact"]
    assert kees["owner"] == "pieter"
    assert run("add", "Nog Iemand").stdout.startswith(f"Added #{kees['id'] + 1} ")
    # Covering is allowed: a conversation with her customer, a follow-up for himself.
    run("log", "jan", "Anouk is ziek; ik heb gebeld", "--next", "2026-11-27")
    assert _json(run, "agenda", "--date", "2026-11-27")[0]["name"] == "Jan de Vries"
    as_login("anouk")
    jan = _json(run, "show", "jan")["contact"]
    assert jan["owner"] == "anouk" and jan["city"] == ""
    assert jan["last_contact"] == "2026-11-25"  # his call restarted her clock
    as_login("marieke")  # the manager may do all of it
    run("assign", "jan", "pieter")
    as_login("pieter")
    run("edit", "jan", "--city", "Zwolle")


def test_the_rules_hold_for_plain_sql_as_each_role(
    run: Run, team: Team, as_login: Callable[[str], None]
) -> None:
    """Whatever client a person uses: the server refuses, and names whose account it is."""
    refused = _sql(
        team, "pieter", "UPDATE contacts SET owner = 'pieter' WHERE name = 'Jan de Vries'"
    )
    assert refused is not None and "anouk" in str(refused.diag.message_detail)
    assert _sql(team, "pieter", "DELETE FROM contacts WHERE name = 'Jan de Vries'") is not None
    assert _sql(team, "pieter", "DELETE FROM audit_trail") is not None
    assert _sql(team, "pieter", "UPDATE audit_trail SET actor = 'anouk'") is not None
    forged = "INSERT INTO audit_trail (at, actor, login, tbl, row_id, action) VALUES ('', 'anouk',"
    assert _sql(team, "pieter", forged + " 'anouk', 'contacts', 1, 'deleted')") is None
    as_login("marieke")
    assert _json(run, "history", "--user", "anouk")[-1]["login"] == team.login("pieter")
    assert _sql(team, "pieter", "INSERT INTO team_members VALUES ('baas', 'x', 'manager', '')")
    assert _sql(team, "lees", "UPDATE contacts SET city = 'X'") is not None
    assert (
        _sql(team, "anouk", "UPDATE contacts SET city = 'Kampen' WHERE name = 'Jan de Vries'")
        is None
    )
    assert _sql(team, "marieke", "UPDATE contacts SET city = 'Zwolle'") is None
    as_login("anouk")
    assert {r["city"] for r in _json(run, "contacts")} == {"Zwolle"}


def test_the_read_role_reads_and_delivers_its_briefing_and_changes_nothing(
    run: Run, team: Team, as_login: Callable[[str], None]
) -> None:
    as_login("lees")
    assert {r["name"] for r in _json(run, "contacts")} == {"Jan de Vries", "Els Jansen"}
    run("agenda", "--team")
    run("brief", "--team", "--format", "text")  # delivered: its own mark moves
    run("search", "pluimers")
    run("history", "--user", "anouk")
    refused = run("log", "jan", "Gebeld", expect=4).stderr
    assert refused.strip() == "Error: lees may read this book, not change it (role read)"


def test_a_login_outside_the_team_is_told_and_the_team_is_listed_and_changed(
    run: Run, team: Team, as_login: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    import psycopg

    stranger = f"vreemde_{team.suffix}"
    with psycopg.connect(team.url(team.owner), autocommit=True) as conn:
        conn.execute(f'CREATE ROLE "{stranger}" LOGIN IN ROLE salesnotes_sales')
    try:
        monkeypatch.setenv("SALESNOTES_DB", team.book_url.replace("postgres@", f"{stranger}@"))
        told = run("agenda", expect=4).stderr
        assert f"the login {stranger} is not in this book's team" in told
        stranger_url = team.book_url.replace("postgres@", f"{stranger}@", 1)
        assert _sql_at(stranger_url, "UPDATE contacts SET city = 'X'") is not None
    finally:
        with psycopg.connect(team.book_url, autocommit=True) as conn:
            conn.execute(f'DROP OWNED BY "{stranger}"')
            conn.execute(f'DROP ROLE "{stranger}"')
    monkeypatch.setenv("SALESNOTES_DB", team.url(team.owner))
    listed = {m["name"]: (m["role"], m["accounts"]) for m in _json(run, "team", "list")}
    assert listed == {"anouk": ("sales", 1), "pieter": ("sales", 1), "sanne": ("sales", 0),
                      "kees": ("sales", 0), "marieke": ("manager", 0),
                      "lees": ("read", 0)}  # fmt: skip
    assert "assign --from pieter --to NAME" in run("team", "remove", "pieter", expect=4).stderr
    run("assign", "--from", "pieter", "--to", "anouk")
    assert "no longer in the team" in run("team", "remove", "pieter").stdout
    as_login("pieter")  # out of the group: no right on the book at all
    assert "permission denied for table" in run("agenda", expect=1).stderr
    as_login("anouk")
    refused = run("team", "add", "x", expect=4).stderr  # the owner's to do
    assert f"ALTER ROLE {team.login('anouk')} CREATEROLE" in refused
    assert "may not" in run("team", "setup", expect=4).stderr


def test_a_persons_role_changes_and_a_login_is_named_as_the_server_knows_it(
    run: Run, team: Team, as_login: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Pieter becomes a manager (and may then change Anouk's account); a login named with
    capitals and an '@' (a certificate's or LDAP's) is taken as it is."""
    monkeypatch.setenv("SALESNOTES_DB", team.url(team.owner))
    run("team", "add", "pieter", "--role", "manager", "--login", team.login("pieter"))
    as_login("pieter")
    run("edit", "jan", "--city", "Zwolle")
    monkeypatch.setenv("SALESNOTES_DB", team.url(team.owner))
    odd = f"R.de.Vries@firma.nl_{team.suffix}"
    try:
        assert "logging in as " + odd in run("team", "add", "rdv", "--login", odd).stdout
        rows = {m["name"]: m["login"] for m in _json(run, "team", "list")}
        assert rows["rdv"] == odd
        assert (
            "1 to 63 visible characters" in run("team", "add", "x", "--login", " ", expect=2).stderr
        )
    finally:
        run("team", "remove", "rdv")
        pg.drop_roles(team.book_url, [odd])


def test_a_book_that_needs_an_upgrade_says_so_and_its_owner_upgrades_it(
    run: Run, team: Team, as_login: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """After salesnotes is upgraded, a salesperson's command says the owner upgrades the
    book (and changes nothing); ``upgrade`` as the owner brings it up to date."""
    import psycopg

    with psycopg.connect(team.url(team.owner), autocommit=True) as conn:  # as if m018 were new
        conn.execute("UPDATE salesnotes_migrations SET name = 'm018_old' WHERE name LIKE 'm018%'")
        conn.execute("DELETE FROM salesnotes_migrations WHERE name = 'm018_old'")
        conn.execute("DROP TABLE audit_trail CASCADE")
        conn.execute("DROP TABLE team_members CASCADE")
        for function in ("guard", "loading", "owner_of", "not_mine", "audit_login",
                         "audit_contacts", "audit_followups", "audit_quotes",
                         "audit_interactions"):  # fmt: skip
            conn.execute(f"DROP FUNCTION salesnotes_{function} CASCADE")
    monkeypatch.setenv("SALESNOTES_DB", team.url("pieter"))  # no team yet: a plain login
    told = run("agenda", expect=1).stderr
    assert "as role pieter_" in told and "the database's owner runs 'salesnotes upgrade'" in told
    monkeypatch.setenv("SALESNOTES_DB", team.url(team.owner))
    assert "up to date: 1 step (m018_team_and_audit)" in run("upgrade").stdout
    assert "is up to date" in run("upgrade").stdout
    run("team", "add", "pieter", "--role", "sales", "--login", team.login("pieter"))
    as_login("pieter")
    run("log", "els", "Gebeld")


def test_a_salesperson_is_told_the_owner_upgrades_a_book_with_a_team(
    run: Run, team: Team, as_login: Callable[[str], None]
) -> None:
    import psycopg

    with psycopg.connect(team.url(team.owner), autocommit=True) as conn:  # a step to come
        conn.execute("DELETE FROM salesnotes_migrations WHERE name = 'm017_followups_for_two'")
    as_login("pieter")
    told = run("log", "els", "Gebeld", expect=1).stderr
    assert "needs a newer schema (m017_followups_for_two)" in told
    assert f"the owner runs 'salesnotes upgrade' (you log in as {team.login('pieter')})" in told


@pytest.mark.slow
def test_four_salespeople_and_a_manager_at_once_change_only_what_is_theirs(
    team: Team,
) -> None:
    """Each with their own login, at the same time: each logs with their own and a
    colleague's customer, tries to edit and take over a colleague's, and the manager
    briefs and re-assigns. No traceback; every refusal a sentence naming the owner; no
    colleague's account changed by a salesperson; every conversation kept."""
    import subprocess
    import sys
    from concurrent.futures import ThreadPoolExecutor

    sales = ["anouk", "pieter", "sanne", "kees"]

    def salesnotes(who: str, *args: str) -> subprocess.CompletedProcess[str]:
        env = {k: v for k, v in os.environ.items() if k != "SALESNOTES_USER"}
        env["SALESNOTES_DB"] = team.url(who)
        return subprocess.run(
            [sys.executable, "-m", "salesnotes", *args],
            capture_output=True, text=True, env=env, timeout=120, check=False,
        )  # fmt: skip

    for who in sales:
        made = salesnotes(who, "add", f"Klant van {who}", "--org", f"Bedrijf {who}")
        assert made.returncode == 0, made.stderr
    jobs: list[tuple[str, tuple[str, ...]]] = []
    for n in range(6):
        for k, who in enumerate(sales):
            colleague = sales[(k + 1) % 4]
            jobs += [
                (who, ("log", f"Klant van {who}", f"gesprek {n}", "--next", "morgen")),
                (who, ("log", f"Klant van {colleague}", f"voor {colleague} {n}")),
                (who, ("edit", f"Klant van {colleague}", "--city", f"Stad van {who}")),
                (who, ("assign", f"Klant van {colleague}", who)),
            ]
        jobs.append(("marieke", ("brief", "--team", "--format", "json")))
    jobs.append(("marieke", ("assign", "Klant van kees", "anouk")))
    with ThreadPoolExecutor(max_workers=5) as pool:
        results = list(pool.map(lambda job: (job, salesnotes(job[0], *job[1])), jobs))
    for (who, args), result in results:
        assert "Traceback" not in result.stderr and "bug" not in result.stderr, result.stderr
        if args[0] in ("edit", "assign") and who != "marieke":
            assert result.returncode == 4, (who, args, result.stderr)
            lines = result.stderr.strip().splitlines()
            assert len(lines) == 1 and "'s account: a salesperson changes" in lines[0]
        else:
            assert result.returncode == 0, (who, args, result.stderr)
    book = json.loads(salesnotes("marieke", "export", "--format", "json").stdout)["tables"]
    owners = {c["name"]: c["owner"] for c in book["contacts"]}
    assert owners["Klant van anouk"] == "anouk" and owners["Klant van pieter"] == "pieter"
    assert owners["Klant van kees"] == "anouk"  # the manager's
    assert not [c for c in book["contacts"] if (c["city"] or "").startswith("Stad van")]
    assert len(book["interactions"]) == 48
    trail = book["audit_trail"]
    by_sales = [r for r in trail if r["actor"] in sales and r["action"] in ("edited", "assigned")]
    assert by_sales == []


def test_each_salesperson_syncs_their_own_accounts_and_what_they_are_to_do(
    run: Run, team: Team, as_login: Callable[[str], None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """In a team's book each salesperson's phone gets their own accounts, and the follow-ups
    they are to do (one done for a colleague goes to whoever does it); ticked off there, it
    is done here by them, as the server's rules allow."""
    httpx = pytest.importorskip("httpx")
    from tests import dav

    server, why = dav.radicale()
    if server is None:
        if os.environ.get("SALESNOTES_DAV") == "required":
            pytest.fail(why)
        pytest.skip(why)
    try:
        monkeypatch.setenv("SALESNOTES_SYNC_PASSWORD", server.password)
        as_login("anouk")
        run("follow", "jan", "2026-11-27", "Offerte langsbrengen", "--for", "pieter")
        run("follow", "jan", "2026-11-26", "Bellen")
        seen = {}
        for name in ("anouk", "pieter"):
            as_login(name)
            run("sync", "setup", server.url, "--user", server.user, "--addressbook", name,
                "--tasks", name, "--calendar", name)  # fmt: skip
            run("sync")
            client = httpx.Client(auth=(server.user, server.password))
            seen[name] = {
                place: " ".join(
                    client.get(f"{server.url}{server.user}/{name}-{place}/{h}").text
                    for h in _names(client, f"{server.url}{server.user}/{name}-{place}/")
                )
                for place in ("contacten", "taken")
            }
        assert "FN:Jan de Vries" in seen["anouk"]["contacten"]
        assert "Els Jansen" not in seen["anouk"]["contacten"]
        assert "Bellen" in seen["anouk"]["taken"]
        assert "Offerte langsbrengen" not in seen["anouk"]["taken"]
        assert "FN:Els Jansen" in seen["pieter"]["contacten"]
        assert "Jan de Vries" not in seen["pieter"]["contacten"]
        assert "Offerte langsbrengen" in seen["pieter"]["taken"]
        client = httpx.Client(auth=(server.user, server.password))
        folder = f"{server.url}{server.user}/pieter-taken/"
        (href,) = _names(client, folder)
        text = client.get(folder + href).text.replace("STATUS:NEEDS-ACTION", "STATUS:COMPLETED")
        client.put(folder + href, content=text.encode(), headers={"Content-Type": "text/calendar"})
        assert "1 follow-up ticked off on the phone" in run("sync").stdout  # as pieter
        assert _json(run, "history", "jan")[-1]["actor"] == "pieter"
        as_login("anouk")  # on her own computer: her own [sync] (here: chosen again)
        run("sync", "setup", server.url, "--user", server.user, "--addressbook", "anouk",
            "--tasks", "anouk", "--calendar", "anouk")  # fmt: skip
        assert "nothing changed" in run("sync").stdout
    finally:
        server.stop()


def _names(client: Any, folder: str) -> list[str]:
    import re

    answer = client.request(
        "PROPFIND", folder, headers={"Depth": "1", "Content-Type": "application/xml"},
        content='<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>',
    ).text  # fmt: skip
    return [h.rsplit("/", 1)[1] for h in re.findall(r"<href>([^<]*)</href>", answer)
            if not h.endswith("/")]  # fmt: skip


def test_each_salesperson_imports_their_own_phones_call_log(
    run: Run, team: Team, as_login: Callable[[str], None], tmp_path: Path
) -> None:
    log = tmp_path / "oproepen.csv"
    log.write_text(
        "datum;nummer;duur;richting\n25-11-2026 09:15;06 12345678;4:05;inkomend\n"
        "25-11-2026 10:00;06 12345678;0:00;gemist\n",
        encoding="utf-8",
    )
    as_login("anouk")
    out = run("calls", "import", str(log)).stdout
    assert "1 conversation, 1 call-back" in out
    assert [c["contact"] for c in _json(run, "calls", "--since", "2026-11-24")] == ["Jan de Vries"]
    as_login("pieter")  # the same customer called Pieter's phone too: his own log
    # (one open call-back per customer: the missed call joins the one Anouk has)
    assert "1 conversation, 0 call-backs" in run("calls", "import", str(log)).stdout
    as_login("lees")  # the read role imports nothing
    refused = run("calls", "import", str(log), expect=None)
    assert refused.exit_code != 0 and refused.stderr.startswith("Error: ")


def test_a_coaching_note_reaches_only_the_two_of_them_as_the_server_holds_it(
    run: Run, team: Team, as_login: Callable[[str], None]
) -> None:
    """Marieke joins Pieter's visit and writes her coaching; Pieter reads it, and nobody else
    can: not Anouk through salesnotes or with plain SQL, not the read role (row-level
    security on ``coaching``, m025)."""
    import psycopg

    as_login("pieter")
    said = run("visit", "els", "vandaag 11:00", "Kennismaking", "--with", "marieke",
               "--role", "second").stdout  # fmt: skip
    visit = said.split("#")[1].split()[0]
    as_login("marieke")  # either of the two does it, once
    run("visit", "done", visit, "--note", "Goed gesprek")
    run("coach", visit, "--went-well", "Goede vragen", "--try", "Eerder naar het budget")
    as_login("pieter")
    assert _json(run, "coach", "--with", "marieke")["notes"][0]["went_well"] == "Goede vragen"
    as_login("anouk")
    assert _json(run, "coach", "--with", "marieke")["notes"] == []
    assert _json(run, "coach", "--with", "pieter")["notes"] == []

    def counted(name: str) -> int:
        with psycopg.connect(team.url(name), autocommit=True) as conn:
            return int(conn.execute("SELECT count(*) FROM coaching").fetchone()[0])  # type: ignore[index]

    assert [counted(n) for n in ("marieke", "pieter", "anouk", "lees", team.owner)] == [
        1,
        1,
        0,
        0,
        1,
    ]
    forged = _sql(
        team, "anouk", "INSERT INTO coaching (uuid, manager, salesperson, noted_on, created_at)"
        " VALUES ('x', 'marieke', 'pieter', '2026-12-07', '2026-12-07')",
    )  # fmt: skip
    assert forged is not None and "row-level security" in str(forged)
    # pieter's request for access: by himself or by the book's owner, with the coaching; a
    # colleague may not ask for his.
    for login in ("pieter", team.owner):
        as_login(login)
        data = json.loads(run("export-person", "--member", "pieter").stdout)
        assert [n["went_well"] for n in data["tables"]["coaching"]] == ["Goede vragen"]
        assert data["tables"]["team_members"][0]["role"] == "sales"
        assert [v["role"] for v in data["tables"]["visits"]] == ["second"]
    as_login("anouk")
    told = run("export-person", "--member", "pieter", expect=4).stderr
    assert "a salesperson asks for their own data (anouk)" in told


def test_each_one_reads_the_figures_their_role_gives_them(
    run: Run, team: Team, as_login: Callable[[str], None]
) -> None:
    """The team's figures with the team's own logins: a salesperson their own by default,
    the manager and the read role the team's; the same figures whoever asks."""
    as_login("anouk")
    run("log", "jan", "Belde over de offerte", "--kind", "call")
    as_login("pieter")
    run("log", "els", "Bezoek", "--kind", "visit")
    run("log", "els", "Mail", "--kind", "email")
    mine = _json(run, "report")
    assert [p["name"] for p in mine["people"]] == ["pieter"] and mine["team"] is None
    assert mine["people"][0]["figures"]["conversations"] == 2
    for login in ("marieke", "lees"):
        as_login(login)
        shown = _json(run, "report")
        people = {p["name"]: p["figures"]["conversations"] for p in shown["people"]}
        assert people["anouk"] == 1 and people["pieter"] == 2
        assert shown["team"]["figures"]["conversations"] == 3
