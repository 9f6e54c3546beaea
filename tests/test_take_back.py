"""Taking back what was typed: log edit, delete, edit --remove-*, undo; and values that
start with '-'."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.conftest import Run, RunJson, dump


def search_ids(run_json: RunJson, text: str) -> list[tuple[str, int]]:
    return [(r["kind"], r["id"]) for r in run_json("search", text)]


def test_log_edit_corrects_text_kind_and_day_and_the_search_follows(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    run("log", "jan", "Gebeld over hal 2", "--kind", "call")
    out = run(
        "log", "edit", "1", "--text", "Gebeld over hal 3", "--kind", "visit", "--on", "maandag"
    )
    assert out.stdout == (
        "Edited visit #1 with Jan de Vries on Mon 23 Nov 2026: Gebeld over hal 3\n"
    )
    assert ("interaction", 1) in search_ids(run_json, "hal 3")
    assert ("interaction", 1) not in search_ids(run_json, "hal 2")
    shown = run_json("show", "jan")
    assert shown["interactions"][0]["kind"] == "visit"
    assert shown["interactions"][0]["happened_on"] == "2026-11-23"


def test_log_edit_refuses_nonsense_and_writes_nothing(
    run: Run, book: dict[str, int], db_path: Path
) -> None:
    run("log", "jan", "Gebeld")
    before = dump(db_path)
    assert "nothing to change" in run("log", "edit", "1", expect=2).stderr
    assert "in the future" in run("log", "edit", "1", "--on", "2027-01-05", expect=2).stderr
    assert "kind" in run("log", "edit", "1", "--kind", "fax", expect=2).stderr
    assert "no interaction #9" in run("log", "edit", "9", "--text", "x", expect=3).stderr
    assert dump(db_path) == before


def test_delete_asks_and_needs_yes_off_a_terminal(
    run: Run, run_json: RunJson, book: dict[str, int], db_path: Path
) -> None:
    run("follow", "jan", "vrijdag", "typo")
    before = dump(db_path)
    result = run("delete", "followup", "1", expect=2)
    assert result.stderr == (
        "Error: delete asks first ('salesnotes undo' takes it back): add --yes"
        " (no terminal to ask)\n"
    )
    assert dump(db_path) == before
    out = run("delete", "followup", "1", "--yes").stdout
    assert out == "Deleted follow-up #1 with Jan de Vries (Fri 27 Nov 2026: typo)\n"
    assert run_json("followups") == []


def test_delete_an_interaction_keeps_its_follow_up_and_the_clock(
    run: Run, run_json: RunJson, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-20")
    run("log", "jan", "echt gesprek")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-25")
    run("log", "jan", "verkeerde persoon", "--next", "vrijdag")
    run("delete", "interaction", "2", "--yes")
    assert search_ids(run_json, "verkeerde") == [("followup", 1)]  # the conversation is gone
    [followup] = run_json("followups")
    assert followup["contact"] == "Jan de Vries"
    [contact] = [c for c in run_json("contacts") if c["name"] == "Jan de Vries"]
    assert contact["last_contact"] == "2026-11-20"


def test_delete_a_quote_only_while_it_is_a_draft(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    run("quote", "add", "jan", "500")
    run("quote", "add", "jan", "700", "--send")
    assert "not a draft" in run("delete", "quote", "2", "--yes", expect=4).stderr
    run("delete", "quote", "1", "--yes")
    assert [q["id"] for q in run_json("quotes", "--all")] == [2]
    assert "not something to delete" in run("delete", "contact", "1", "--yes", expect=2).stderr


def test_edit_removes_an_email_a_phone_and_a_tag(
    run: Run, run_json: RunJson, db_path: Path
) -> None:
    run("add", "Jan de Vries", "-e", "jan@x.nl", "-e", "oud@x.nl", "-p", "0612345678", "-t", "vip")
    run("edit", "jan", "--remove-email", "OUD@x.nl", "--remove-phone", "+31 6 12345678")
    run("edit", "jan", "--remove-tag", "vip")
    [contact] = run_json("contacts")
    assert contact["emails"] == ["jan@x.nl"]
    assert contact["phones"] == []
    assert contact["tags"] == []
    assert run_json("search", "oud") == []
    assert run_json("search", "vip") == []
    before = dump(db_path)
    assert "no e-mail address" in run("edit", "jan", "--remove-email", "x@y.nl", expect=3).stderr
    assert dump(db_path) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("quote", "add", "jan", "-500"), "'-500' is negative"),
        (("follow", "jan", "-3d", "--reason", "callback"), None),
        (("search", "-jan"), None),
    ],
)
def test_values_that_start_with_a_dash_are_values(
    run: Run, book: dict[str, int], args: tuple[str, ...], message: str | None
) -> None:
    result = run(*args, expect=None)
    assert "No such option" not in result.stderr
    if message is None:
        assert result.exit_code == 0, result.stderr
    else:
        assert message in result.stderr
    assert (
        "No such option: --fromat" in run("follow", "jan", "-3d", "--fromat", "x", expect=2).stderr
    )


def test_log_dash_reads_standard_input(run: Run, run_json: RunJson, book: dict[str, int]) -> None:
    run("log", "jan", "-", input="Lang gesprek\nover twee regels\n")
    shown = run_json("show", "jan")
    assert shown["interactions"][0]["text"] == "Lang gesprek\nover twee regels"


def test_undo_takes_back_the_last_command_then_the_one_before(
    run: Run, run_json: RunJson, db_path: Path
) -> None:
    run("add", "Jan de Vries", "-e", "jan@x.nl", "-t", "vip", "--org", "Pluimers")
    after_add = dump(db_path)
    run("log", "jan", "Gebeld over hal 2", "--kind", "call", "--next", "vrijdag")
    run("edit", "jan", "--remove-tag", "vip", "--city", "Zwolle")
    out = run("undo").stdout.splitlines()
    assert out[0] == (
        "Undid 'salesnotes edit jan --remove-tag vip --city Zwolle' (Wed 25 Nov 12:00)"
    )
    assert out[1] == "1 tag restored, 1 contact put back"
    assert [c["contact"] for c in run_json("search", "vip")] == ["Jan de Vries"]
    out = run("undo").stdout.splitlines()
    assert out[0].startswith('Undid \'salesnotes log jan "Gebeld over hal 2" --kind call')
    assert run_json("followups") == []
    assert run_json("search", "hal") == []
    assert _without_journal(dump(db_path)) == _without_journal(after_add)
    listed = run_json("undo", "--list")
    assert [(r["command"].split()[0], r["undone_at"] is not None) for r in listed] == [
        ("edit", True),
        ("log", True),
        ("add", False),
    ]
    run("undo")
    assert run_json("contacts") == []
    assert run_json("search", "pluimers") == []
    assert "nothing to undo" in run("undo", expect=3).stderr


@pytest.mark.slow
def test_undo_walks_back_at_most_the_documented_depth(run: Run) -> None:
    from salesnotes.store.journal import DEPTH

    for n in range(DEPTH + 3):
        run("add", f"Persoon {n}")
    for _ in range(DEPTH):
        run("undo")
    assert "nothing to undo" in run("undo", expect=3).stderr


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_undo_refuses_when_the_rows_changed_since_and_writes_nothing(
    run: Run, book: dict[str, int], db_path: Path
) -> None:
    run("edit", "jan", "--city", "Zwolle")
    with sqlite3.connect(db_path) as conn:  # another program, behind salesnotes' back
        conn.execute("UPDATE contacts SET city = 'Kampen' WHERE name = 'Jan de Vries'")
    before = dump(db_path)
    result = run("undo", expect=4)
    assert result.stderr.startswith(
        "Error: cannot undo 'edit jan --city Zwolle': a change undo does not record changed"
        " the same contacts row since"
    )
    assert dump(db_path) == before


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_an_import_is_a_step_undo_names_the_way_back(
    run: Run, book: dict[str, int], tmp_path: Path, db_path: Path
) -> None:
    source = tmp_path / "new.csv"
    source.write_text("Name;E-mail\nPiet Groot;piet@x.nl\n", encoding="cp1252")
    result = run("import", str(source))
    assert "The book as it was is kept in" in result.stderr
    before = dump(db_path)
    refused = run("undo", expect=4).stderr
    assert f"'salesnotes import {source}' cannot be undone: restore the copy made" in refused
    assert dump(db_path) == before
    copy = refused.rsplit("salesnotes restore ", 1)[1].strip()
    run("restore", copy, "--yes")
    assert "Piet Groot" not in run("contacts", "--format", "plain").stdout


def test_forget_takes_their_commands_out_of_the_undo_history(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    """The journal's images of the person's rows, and the command lines that name them, go
    with them; what was done to anyone else can still be undone."""
    before = [c["command"] for c in run_json("undo", "--list")]
    run("edit", "anna", "--city", "Kampen")
    run("edit", "jan", "--city", "Zwolle")
    run("log", "jan", "Gebeld over het dak")
    run("forget", "jan", "--yes")
    listed = [c["command"] for c in run_json("undo", "--list")]
    gone = ("edit jan", "log jan", 'add "Jan de Vries"')
    assert not any(command.startswith(gone) for command in listed), listed
    assert listed[0] == "edit anna --city Kampen" and len(listed) <= len(before) + 1
    assert "Undid 'salesnotes edit anna --city Kampen'" in run("undo").stdout


def test_a_briefing_is_not_what_undo_takes_back(run: Run, book: dict[str, int]) -> None:
    run("log", "jan", "gebeld")
    run("brief")
    assert "Undid 'salesnotes log jan gebeld'" in run("undo").stdout


def _without_journal(rows: list[tuple[object, ...]]) -> list[tuple[object, ...]]:
    """The book's own rows: not the journal, not the search indexes' internal pages (their
    answers are checked by searching), not the ids given so far (never given again, undo or
    not: ``test_an_id_is_never_given_twice``), not the audit trail (it keeps the undo too)."""
    return [
        r
        for r in rows
        if not str(r[0]).startswith(("undo_", "audit_"))
        and "_fts" not in str(r[0])
        and r[0] != "sqlite_sequence"
    ]


def test_an_id_is_never_given_twice(run: Run) -> None:
    """Last week's briefing said "follow-up #2": after that follow-up is undone or deleted,
    #2 never names another one (nor a contact's, conversation's or quote's id)."""
    run("add", "Jan de Vries")
    run("follow", "jan", "vrijdag", "Offerte nabellen")
    run("follow", "jan", "maandag", "Bellen over hal 3")
    run("undo")
    third = run("follow", "jan", "dinsdag", "Nieuwe afspraak").stdout
    assert third.startswith("Follow-up #3 "), third
    run("delete", "followup", "3", "--yes")
    assert run("follow", "jan", "woensdag", "Nog een").stdout.startswith("Follow-up #4 ")
    run("add", "Anna Bakker")
    run("undo")
    assert run("add", "Piet Smit").stdout.startswith("Added #3 Piet Smit")
    run("log", "piet", "Gebeld")
    run("undo")
    assert run("log", "piet", "Weer gebeld").stdout.startswith("Logged note #2 ")


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_import_safety_copies_are_rotated(
    run: Run, book: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[backup]\nkeep = 2\n", encoding="utf-8")
    monkeypatch.setenv("SALESNOTES_CONFIG", str(config))
    for n in range(4):
        source = tmp_path / f"new{n}.csv"
        source.write_text(f"Name\nPersoon {n}\n", encoding="utf-8")
        monkeypatch.setenv("SALESNOTES_TODAY", f"2026-11-25T10:0{n}")
        run("import", str(source))
    copies = sorted(p.name for p in (tmp_path / "home").rglob("*-before-import-*.db"))
    # The newest two: made at minutes 02 and 03 (the stamp is UTC; minutes do not move).
    assert [name[-7:] for name in copies] == ["0200.db", "0300.db"]
