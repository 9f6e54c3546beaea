"""add, edit, archive, contacts, orgs, show, and how WHO finds one person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run, RunJson, dump, on_a_terminal


def test_add_prints_the_id_and_reuses_organisations(run: Run, run_json: RunJson) -> None:
    out = run(
        "add",
        "Jan de Vries",
        "--org",
        "Pluimers Isolatie",
        "--email",
        "Jan@Pluimers.nl",
        "--phone",
        "06 1234 5678",
        "--tag",
        "dakisolatie",
        "--status",
        "customer",
    ).stdout
    assert out == "Added #1 Jan de Vries (Pluimers Isolatie), customer\n"
    run("add", "Piet Pluimer", "--org", "PLUIMERS isolatie")
    orgs = run_json("orgs")
    assert [(o["name"], o["contacts"]) for o in orgs] == [("Pluimers Isolatie", 2)]
    [jan] = run_json("contacts", "jan de")
    assert jan["emails"] == ["jan@pluimers.nl"]
    assert jan["phones"] == ["06 1234 5678"]
    assert jan["tags"] == ["dakisolatie"]
    assert jan["status"] == "customer"
    assert jan["organisation"] == "Pluimers Isolatie"
    assert len(jan["uuid"]) == 36


def test_add_defaults_to_lead_and_warns_about_a_namesake(run: Run) -> None:
    run("add", "Anna Bakker")
    result = run("add", "anna bakker")
    assert "lead" in result.stdout
    assert "#1 Anna Bakker has the same name" in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["add", ""], "name cannot be empty"),
        (["add", "   "], "name cannot be empty"),
        (["add", "X", "--status", "boss"], "'boss' is not a status"),
        (["add", "X", "--email", "no-at-sign"], "not an e-mail address"),
        (["add", "X", "--phone", "call me"], "not a phone number"),
        (["add", "X", "--org", ""], "organisation's name cannot be empty"),
        (["add", "X", "--email", "x@y.nl", "--email", "bad"], "not an e-mail address"),
    ],
)
def test_add_refuses_bad_input_and_writes_nothing(
    run: Run, db_path: Path, args: list[str], message: str
) -> None:
    run("add", "Existing")
    before = dump(db_path)
    result = run(*args, expect=2)
    assert result.stderr.startswith("Error: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr + result.stdout
    assert dump(db_path) == before


def test_edit_changes_and_adds(run: Run, run_json: RunJson, book: dict[str, int]) -> None:
    run("edit", "jan", "--tag", "VIP", "--phone", "+31 6 1111 2222", "--status", "ambassador")
    run("edit", "jan", "--name", "Jan de Vries-Smit", "--org", "Nieuw BV", "--untag", "vip")
    [jan] = run_json("contacts", "vries")
    assert jan["name"] == "Jan de Vries-Smit"
    assert jan["organisation"] == "Nieuw BV"
    assert jan["status"] == "ambassador"
    assert jan["phones"] == ["+31 6 1111 2222"]
    assert jan["tags"] == []


def test_edit_bad_input_changes_nothing(run: Run, db_path: Path, book: dict[str, int]) -> None:
    before = dump(db_path)
    assert "nothing to change" in run("edit", "jan", expect=2).stderr
    assert (
        "has no tag" in run("edit", "jan", "--status", "customer", "--untag", "x", expect=3).stderr
    )
    assert "not a status" in run("edit", "jan", "--status", "x", expect=2).stderr
    assert "no contact matches" in run("edit", "nobody", "--status", "lead", expect=3).stderr
    assert dump(db_path) == before


def test_archive_hides_and_undo_restores(run: Run, run_json: RunJson, book: dict[str, int]) -> None:
    run("follow", "anna", "today", "call")
    run("archive", "anna")
    assert "Anna Bakker" not in [c["name"] for c in run_json("contacts")]
    assert [c["name"] for c in run_json("contacts", "--archived")] == ["Anna Bakker"]
    assert run_json("agenda") == []
    assert "archived already" in run("archive", "anna", expect=4).stderr
    run("archive", "anna", "--undo")
    assert [r["name"] for r in run_json("agenda")] == ["Anna Bakker"]


def test_contacts_filters(run: Run, run_json: RunJson, book: dict[str, int]) -> None:
    run("edit", "anna", "--tag", "nieuwbouw")
    assert [c["name"] for c in run_json("contacts", "--tag", "nieuwbouw")] == ["Anna Bakker"]
    assert [c["name"] for c in run_json("contacts", "--status", "lead")] == ["Janneke Smit"]
    assert [c["name"] for c in run_json("contacts", "--org", "pluimers")] == [
        "Jan de Vries",
        "José García",
    ]
    assert [c["name"] for c in run_json("contacts", "garcia")] == ["José García"]
    assert [c["name"] for c in run_json("contacts", "bakkerbouw.nl")] == ["Anna Bakker"]
    assert run_json("contacts", "100%") == []


def test_contacts_plain_is_one_tab_separated_line_each(run: Run, book: dict[str, int]) -> None:
    lines = run("contacts", "--format", "plain").stdout.splitlines()
    assert len(lines) == 5
    assert lines[0].split("\t") == [
        str(book["Anna Bakker"]),
        "Anna Bakker",
        "Bakker Bouw",
        "prospect",
        "anna@bakkerbouw.nl",
        "",
        "",
        "",
    ]


def test_who_by_id_email_and_accent_insensitive_name(run: Run, book: dict[str, int]) -> None:
    jose = book["José García"]
    for who in (str(jose), f"#{jose}", "JOSE@pluimers.nl", "jose", "GARCIA", "josé garcía"):
        assert json.loads(run("show", who, "--format", "json").stdout)["contact"]["id"] == jose


def test_who_prefers_a_whole_word_over_a_word_start(run: Run, book: dict[str, int]) -> None:
    # "jan" is a word in "Jan de Vries" but only the start of "Janneke" and "Jansen".
    shown = json.loads(run("show", "jan", "--format", "json").stdout)
    assert shown["contact"]["name"] == "Jan de Vries"


def test_who_ambiguous_lists_candidates_with_exit_4(
    run: Run, db_path: Path, book: dict[str, int]
) -> None:
    before = dump(db_path)
    result = run("log", "ja", "hi", expect=4)
    assert dump(db_path) == before
    assert result.stderr.startswith("Error: 'ja' matches 3 contacts")
    for name in ("Jan de Vries", "Janneke Smit", "Thomas Jansen"):
        assert f"#{book[name]}  {name}" in result.stderr
    run("edit", "anna", "--email", "info@shared.nl")
    run("edit", "thomas", "--email", "info@shared.nl", "--force")  # a shared address
    assert "matches 2 contacts" in run("show", "info@shared.nl", expect=4).stderr


def test_who_not_found_suggests_close_names(run: Run, book: dict[str, int]) -> None:
    result = run("show", "jna", expect=3)
    assert result.stderr.startswith("Error: no contact matches 'jna'")
    assert "Jan de Vries" in result.stderr
    assert "no contact #999" in run("show", "999", expect=3).stderr
    assert "no contact has the e-mail" in run("show", "x@y.nl", expect=3).stderr


def test_show_dossier(run: Run, book: dict[str, int]) -> None:
    run("log", "jan", "Visited hall 3", "--kind", "visit", "--on", "maandag")
    run("log", "jan", "Called about the roof", "--kind", "call", "--next", "vrijdag")
    data = json.loads(run("show", "jan", "--format", "json").stdout)
    assert [i["text"] for i in data["interactions"]] == ["Called about the roof", "Visited hall 3"]
    assert [f["due_on"] for f in data["followups"]] == ["2026-11-27"]
    assert data["contact"]["last_contact"] == "2026-11-25"
    table = run("show", "jan").stdout
    assert "Pluimers Isolatie" in table
    assert "Fri 27 Nov 2026 (in 2 days)" in table
    assert table.index("Called about the roof") < table.index("Visited hall 3")
    plain = run("show", "jan", "--format", "plain").stdout.splitlines()
    assert "name\tJan de Vries" in plain
    assert any(line.startswith("followup\t") for line in plain)


def test_orgs_plain(run: Run, book: dict[str, int]) -> None:
    lines = run("orgs", "--format", "plain").stdout.splitlines()
    # Its own phone and e-mail last (added later: scripts read the columns before by place).
    assert [line.split("\t")[1:] for line in lines] == [
        ["Bakker Bouw", "1", "", ""],
        ["Jansen & Zn", "1", "", ""],
        ["Pluimers Isolatie", "2", "", ""],
        ["Smit Advies", "1", "", ""],
    ]


def test_nothing_is_planned_with_an_archived_contact(
    run: Run, run_json: RunJson, db_path: Path
) -> None:
    run("add", "Janneke Smit")
    run("follow", "janneke", "morgen", "Offerte nabellen")
    out = run("archive", "janneke").stdout
    assert "1 open follow-up (#1) stays open but leaves the agenda and the lists" in out
    before = dump(db_path)
    for args in (("follow", "janneke", "morgen", "x"), ("log", "janneke", "x", "--next", "vrijdag"),
                 ("complaint", "janneke", "x"), ("log", "janneke", "x", "--kind", "complaint"),
                 ("done", "1", "--next", "vrijdag")):  # fmt: skip
        err = run(*args, expect=4).stderr
        assert "is archived, so" in err and "would never show on the agenda" in err, args
    assert dump(db_path) == before
    run("log", "janneke", "Belde terug")  # the history may still grow
    undone = run("archive", "janneke", "--undo").stdout
    assert "Their open follow-ups (#1) are on the agenda and in the lists again" in undone
    assert [f["id"] for f in run_json("followups")] == [1]


@pytest.mark.slow
def test_a_table_lists_the_first_fifty_and_says_how_many_there_are(
    run: Run, run_json: RunJson
) -> None:
    for n in range(60):
        run("add", f"Klant {n:02d}")
        run("follow", f"Klant {n:02d}", "morgen", "bellen")
    for command in ("contacts", "followups"):
        table = run(command)
        assert table.stderr == (
            "Showing 50 of 60: --limit 0 shows all; --format plain or json lists all for scripts\n"
        )
        assert "Klant 49" in table.stdout and "Klant 50" not in table.stdout
        assert len(run(command, "--format", "plain").stdout.splitlines()) == 60
        assert len(run_json(command)) == 60
        assert "Klant 59" in run(command, "--limit", "0").stdout
        assert len(run(command, "--limit", "5", "--format", "plain").stdout.splitlines()) == 5


@pytest.mark.slow
def test_a_long_table_on_a_terminal_goes_through_the_pager(run: Run, tmp_path: Path) -> None:
    import os

    for n in range(30):
        run("add", f"Klant {n:02d}")
    env = {**os.environ, "LINES": "10",
           "PAGER": "sed s/^/PAGED:/"}  # fmt: skip
    seen = on_a_terminal(["contacts"], env)
    assert b"PAGED:" in seen and b"Klant 29" in seen
    # In a pipe (a script, cron): no pager.
    assert "PAGED:" not in run("contacts").stdout


def test_an_organisation_can_be_the_one_you_call(run: Run, run_json: RunJson) -> None:
    """A municipality's switchboard: the organisation's own phone and e-mail, shown with
    it, offered by the agenda for someone there without a number of their own; 'add' of
    the organisation's name makes no person unless asked."""
    run("add", "Ineke de Boer", "--org", "Gemeente Zwolle", "--phone", "06 8765 4321")
    out = run("org", "zwolle", "--phone", "14 038", "--email", "info@zwolle.nl").stdout
    assert out == "Organisation #1 Gemeente Zwolle: 14 038, info@zwolle.nl\n"
    shown = run("show", "gemeente zwolle").stdout
    assert "14 038" in shown and "info@zwolle.nl" in shown
    refused = run("add", "Gemeente Zwolle", expect=4).stderr
    assert refused.startswith("Error: Gemeente Zwolle is an organisation (#1), not a person")
    run("add", "Piet Pol", "--org", "gemeente zwolle")
    run("follow", "piet", "today", "Vergunning")
    run("follow", "ineke", "today", "Offerte")
    assert {r["name"]: r["phone"] for r in run_json("agenda")} == {
        "Ineke de Boer": "06 8765 4321",
        "Piet Pol": "14 038",
    }
    assert [(o["name"], o["phone"], o["email"]) for o in run_json("orgs")] == [
        ("Gemeente Zwolle", "14 038", "info@zwolle.nl")
    ]
    assert run("add", "Gemeente Zwolle", "--force").stdout.startswith("Added #3 Gemeente Zwolle")
    assert "no organisation matches 'Nieuw BV'" in run("org", "Nieuw BV", expect=3).stderr
    assert "'x@y' is not an e-mail address" in run("org", "Nieuw BV", "-e", "x@y", expect=2).stderr
    run("org", "Nieuw BV", "--phone", "050 123 4567")  # made when something is set
    assert run("org", "zwolle", "--phone", "").stdout.endswith(": info@zwolle.nl\n")
