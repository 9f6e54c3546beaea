"""log, follow, followups, done, snooze: recording and promising, with "today" pinned."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, RunJson, dump


def test_log_with_next_schedules_a_followup_that_says_what_it_is_about(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    out = run(
        "log",
        "jan",
        "Called about the roof job; wants a quote for hall 3",
        "--kind",
        "call",
        "--next",
        "vrijdag",
    ).stdout.splitlines()
    assert out[0] == "Logged call #1 with Jan de Vries (Pluimers Isolatie) on Wed 25 Nov 2026"
    assert out[1] == (
        "Follow-up #1 on Fri 27 Nov 2026 (in 2 days): "
        "call back about: Called about the roof job; wants a quote for hall 3"
    )
    [f] = run_json("followups")
    assert (f["contact"], f["due_on"], f["created_on"]) == (
        "Jan de Vries",
        "2026-11-27",
        "2026-11-25",
    )
    run(
        "log",
        "anna",
        "Mail about the demo",
        "--kind",
        "email",
        "--next",
        "1-12",
        "--about",
        "Demo?",
    )
    assert run_json("followups")[1]["text"] == "Demo?"


def test_log_on_a_past_day(run: Run, run_json: RunJson, book: dict[str, int]) -> None:
    run("log", "anna", "Met at the fair", "--on", "maandag", "--kind", "meeting")
    run("log", "anna", "Phoned", "--on", "24-11")
    shown = run_json("show", "anna")
    assert [(i["happened_on"], i["kind"]) for i in shown["interactions"]] == [
        ("2026-11-24", "note"),
        ("2026-11-23", "meeting"),
    ]


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["log", "jan", "hi", "--on", "morgen"], 2, "in the future"),
        (["log", "jan", "hi", "--on", "31-02-2026"], 2, "February 2026 has 28 days"),
        (["log", "jan", "hi", "--kind", "fax"], 2, "'fax' is not a kind of conversation"),
        (["log", "jan", ""], 2, "cannot be empty"),
        (["log", "jan", "hi", "--about", "x"], 2, "give --next WHEN"),
        (["log", "jan", "hi", "--next", "Call Jan at 5"], 2, "'Call Jan at 5' is not a date; try"),
        (["log", "nobody", "hi"], 3, "no contact matches 'nobody'"),
        (["log", "ja", "hi"], 4, "matches 3 contacts"),
        (["follow", "jan", "someday"], 2, "'someday' is not a date"),
        (["follow", "jan", "morgen", "--reason", "gossip"], 2, "not a reason"),
        (["follow", "jan", "morgen", "--priority", "urgent"], 2, "not a priority"),
        (["follow", "", "morgen"], 2, "say who"),
        (["done", "42"], 3, "there is no follow-up #42"),
        (["done", "x1"], 2, "'x1' is not a follow-up id"),
        (["snooze", "1", "gisteren"], 2, "before today"),
        (["snooze", "1", "nooit"], 2, "'nooit' is not a date"),
        (["snooze", "77", "morgen"], 3, "no follow-up #77"),
    ],
)
def test_bad_input_is_one_sentence_and_changes_nothing(
    run: Run, db_path: Path, book: dict[str, int], args: list[str], code: int, message: str
) -> None:
    run("follow", "anna", "morgen", "Demo")
    before = dump(db_path)
    result = run(*args, expect=code)
    assert result.stderr.startswith("Error: ")
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert dump(db_path) == before


def test_follow_echoes_the_date_it_understood(run: Run, book: dict[str, int]) -> None:
    out = run(
        "follow", "Anna Bakker", "tomorrow", "Call back: asked for a demo", "--reason", "callback"
    ).stdout
    assert out == (
        "Follow-up #1 with Anna Bakker (Bakker Bouw) on Thu 26 Nov 2026 (tomorrow): "
        "Call back: asked for a demo\n"
    )


def test_done_logs_the_note_and_schedules_the_next(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    run("follow", "anna", "today", "Demo?", "--reason", "callback")
    out = run("done", "#1", "--note", "Demo booked", "--next", "in 2 weeks").stdout.splitlines()
    assert out == [
        "Done: follow-up #1 with Anna Bakker",
        "Logged note #1: Demo booked",
        # The next follow-up says what is next, not what was done (as log --next does).
        "Follow-up #2 on Wed 9 Dec 2026 (in 14 days): call back about: Demo booked",
    ]
    shown = run_json("show", "anna")
    assert [i["text"] for i in shown["interactions"]] == ["Demo booked"]
    assert [(f["id"], f["due_on"]) for f in shown["followups"]] == [(2, "2026-12-09")]
    run("follow", "anna", "today", "Offerte?")
    mailed = run("done", "3", "--note", "Mailde de offerte", "--kind", "email", "--next", "vrijdag")
    assert "Follow-up #4 on Fri 27 Nov 2026 (in 2 days): follow up on the e-mail about: Mailde" in (
        mailed.stdout
    )
    run("follow", "anna", "today", "Bellen")
    about = run("done", "5", "--note", "Sprak", "--next", "vrijdag", "--about", "Offerte sturen")
    assert about.stdout.endswith("(in 2 days): Offerte sturen\n")
    done = [f for f in run_json("followups", "--all") if f["id"] == 1][0]
    assert (done["status"], done["done_on"], done["done_note"]) == (
        "done",
        "2026-11-25",
        "Demo booked",
    )
    result = run("done", "1", expect=4)
    assert "was done on" in result.stderr


def test_done_without_note_logs_nothing(run: Run, run_json: RunJson, book: dict[str, int]) -> None:
    run("follow", "anna", "today")
    assert run("done", "1").stdout == "Done: follow-up #1 with Anna Bakker\n"
    assert run_json("show", "anna")["interactions"] == []


def test_followups_lists_open_by_due_date_overdue_and_all(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    run("follow", "anna", "in 3 days", "later")
    run("follow", "jan", "2026-11-20", "overdue one")
    run("follow", "thomas", "today", "today one")
    run("done", "3")
    assert [f["text"] for f in run_json("followups")] == ["overdue one", "later"]
    assert [f["text"] for f in run_json("followups", "--overdue")] == ["overdue one"]
    assert [f["text"] for f in run_json("followups", "--all")] == [
        "overdue one",
        "today one",
        "later",
    ]
    plain = run("followups", "--format", "plain").stdout.splitlines()
    assert plain[0].split("\t")[:3] == ["2", "2026-11-20", "5 days ago"]


def test_snooze_keeps_it_off_the_agenda_until_its_day(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    run("follow", "anna", "2026-11-23", "overdue")
    assert [r["name"] for r in run_json("agenda")] == ["Anna Bakker"]
    out = run("snooze", "1", "vrijdag").stdout
    assert out == ("Follow-up #1 with Anna Bakker moved to Fri 27 Nov 2026 (was Mon 23 Nov 2026)\n")
    assert run_json("agenda") == []
    assert run_json("agenda", "--date", "vrijdag")[0]["followup_ids"] == [1]
    [f] = run_json("followups")
    assert f["snoozed_from"] == "2026-11-23"
    # Snoozed to the day it is on already: said so, nothing changed, exit 0.
    again = run("snooze", "1", "vrijdag").stdout
    assert again == "Follow-up #1 with Anna Bakker is on Fri 27 Nov 2026 already; nothing changed\n"
    assert run_json("followups") == [f]
    assert run("undo", expect=None).stdout.startswith("Undid 'salesnotes snooze 1 vrijdag'")


def test_a_follow_up_salesnotes_writes_is_stored_whole(run: Run, run_json: RunJson) -> None:
    """Cut only where it is shown: the book keeps the whole text of what log --next plans."""
    run("add", "Jan de Vries")
    said = (
        "Offerte voor hal 3 besproken; hij wil eerst de dakconstructie laten keuren door een"
        " ingenieur"
    )
    run("log", "jan", said, "--next", "vrijdag")
    [f] = run_json("followups")
    assert f["text"] == f"call back about: {said}"
    assert "…" not in f["text"]


def test_today_pins_what_log_and_follow_record(
    run: Run, run_json: RunJson, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-31")
    out = run("log", "anna", "New year's eve call", "--next", "+1d").stdout
    shown = run_json("show", "anna")
    assert shown["interactions"][0]["happened_on"] == "2026-12-31"
    assert shown["interactions"][0]["logged_at"] == "2026-12-31T12:00:00Z"
    # New Year's Day is a public holiday (and then the weekend): Monday 4 January.
    assert shown["followups"][0]["due_on"] == "2027-01-04"
    assert "(in 4 days; Fri 1 Jan is New Year's Day)" in out
    monkeypatch.setenv("SALESNOTES_TODAY", "31-12")
    assert "SALESNOTES_TODAY='31-12' is not a date" in run("agenda", expect=2).stderr


@pytest.mark.slow
def test_log_text_from_standard_input_or_the_editor(
    run: Run, run_json: RunJson, tmp_path: Path
) -> None:
    import os
    import pty
    import subprocess
    import sys

    run("add", "Jan de Vries")
    run("log", "jan", "-", input="Lange notitie\nover twee regels\n")
    run("log", "jan", input="uit een pipe\n")
    assert "nothing to log: the text is empty" in run("log", "jan", "-", input="", expect=2).stderr
    # Bytes that are not UTF-8 (a Windows program's 'café') are bad input, not a broken book.
    err = run("log", "jan", "-", input=b"caf\xe9", expect=2).stderr
    assert err.startswith("Error: standard input is not UTF-8 text (byte 0xe9 at 3)")
    err = run("log", "jan", "-", input="x" * 100_001, expect=2).stderr
    assert "a text of 100,001 characters is longer than salesnotes keeps" in err
    # On a terminal without text: $EDITOR opens a file; what is written there is logged.
    editor = tmp_path / "editor.sh"
    editor.write_text('#!/bin/sh\nprintf "Uit de editor\\n" > "$1"\n', encoding="utf-8")
    editor.chmod(0o755)
    env = {**os.environ, "EDITOR": str(editor)}
    env.pop("VISUAL", None)

    def on_a_terminal() -> subprocess.CompletedProcess[str]:
        leader, follower = pty.openpty()
        try:
            command = [sys.executable, "-m", "salesnotes", "log", "jan"]
            return subprocess.run(
                command, env=env, stdin=follower, capture_output=True, text=True, timeout=60
            )
        finally:
            os.close(leader)
            os.close(follower)

    done = on_a_terminal()
    assert done.returncode == 0, done.stderr
    env["EDITOR"] = "/nonexistent/editor"
    failed = on_a_terminal()
    assert failed.returncode == 2
    assert "the editor '/nonexistent/editor' was not found" in failed.stderr
    texts = [i["text"] for i in run_json("show", "jan")["interactions"]]
    assert texts == ["Uit de editor", "uit een pipe", "Lange notitie\nover twee regels"]
