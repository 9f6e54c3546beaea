"""The phone's call log into the book (``calls import``, ``calls``, ``calls note``): every call
of the fixtures lands where a person would put it by hand, a re-run or an overlapping export
adds nothing, a bad record stops the import with its line and writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, RunJson, dump

CALLS = Path(__file__).parent / "data" / "calls"


@pytest.fixture
def people(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-03T12:00")
    run("add", "Jan de Vries", "--phone", "06 12345678", "--org", "Klant BV")
    run("add", "Petra Bakker", "--phone", "+31687654321", "--status", "customer")
    run("add", "Kees Smit", "--phone", "0611112222")
    run("add", "Els Smit", "--org", "Bakkerij Smit")
    run("add", "Bert Smit", "--org", "Bakkerij Smit")
    run("org", "Bakkerij Smit", "--phone", "020 123 4567")
    run("log", "els", "Offerte besproken", "--on", "2026-12-01")


def talks(run_json: RunJson, who: str) -> list[tuple[str, str, str]]:
    shown = run_json("show", who)
    return [(i["kind"], i["happened_on"], i["text"]) for i in shown["interactions"]]


def test_every_call_of_the_android_log_lands_where_a_person_puts_it(
    run: Run, run_json: RunJson, people: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-07T18:00")
    out = run("calls", "import", str(CALLS / "calls-20261207.xml")).stdout
    assert "calls-20261207.xml: 3 conversations, 2 call-backs" in out
    assert "1 call of a number that is nobody's in the book (not kept)" in out
    assert "1 blocked call left out" in out
    assert "1 call not answered on the other side" in out
    # Jan: an answered call on the 4th (his clock restarts), a rejected call today: a call-back.
    assert talks(run_json, "jan") == [("call", "2026-12-04", "Incoming call (5:12); no note yet")]
    # Kees: missed at 10:00, called back at 10:20: a conversation, no call-back.
    assert talks(run_json, "kees") == [("call", "2026-12-07", "Outgoing call (3:04); no note yet")]
    agenda = run_json("agenda")
    assert {row["name"]: row["reasons"] for row in agenda} == {
        "Jan de Vries": [
            "callback requested today: missed call from Jan de Vries, Mon 7 Dec 14:02"
        ],
        "Petra Bakker": [  # one call-back for her two calls
            "callback requested today: missed call from Petra Bakker, Mon 7 Dec 08:30"
        ],
    }
    listed = run_json("calls")
    assert [(c["contact"], c["direction"], c["seconds"]) for c in listed] == [
        ("Jan de Vries", "in", 312),
        ("Kees Smit", "out", 184),
        ("Els Smit", "out", 95),  # the switchboard of her organisation: she was spoken to last
    ]
    out = run("calls", "import", str(CALLS / "calls-20261207.xml")).stdout
    assert "0 conversations, 0 call-backs" in out and "8 calls were imported before" in out
    assert len(run_json("calls")) == 3


def test_an_overlapping_csv_adds_only_what_is_new_and_answers_the_call_back(
    run: Run, run_json: RunJson, people: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-07T18:00")
    run("calls", "import", str(CALLS / "calls-20261207.xml"))
    # Windows-1252, ';', Dutch headers, Dutch directions; Jan's call of the 4th is in both.
    out = run("calls", "import", str(CALLS / "oproepen.csv")).stdout
    assert "oproepen.csv: 2 conversations, 0 call-backs" in out
    assert "1 call-back answered by a later call" in out
    assert "1 call was imported before" in out
    assert [r["name"] for r in run_json("agenda")] == ["Jan de Vries"]  # Petra was called back
    # The switchboard of Bakkerij Smit: Els, the one of them spoken to last.
    assert talks(run_json, "els")[0] == ("call", "2026-12-07", "Incoming call (0:45); no note yet")
    assert talks(run_json, "bert") == []


def test_a_conversation_logged_by_hand_on_a_later_day_answers_a_missed_call(
    run: Run, run_json: RunJson, people: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-08T09:00")
    run("log", "petra", "Teruggebeld over de tekening", "--on", "2026-12-08")
    run("calls", "import", str(CALLS / "calls-20261207.xml"))
    assert [r["name"] for r in run_json("agenda")] == ["Jan de Vries"]


def test_a_bad_record_stops_the_import_with_its_line_and_writes_nothing(
    run: Run, run_json: RunJson, people: None, db_path: Path
) -> None:
    before = dump(db_path)
    result = run("calls", "import", str(CALLS / "bad.csv"), expect=2)
    assert "bad.csv: 3 records cannot be imported; nothing was imported" in result.stderr
    assert "line 2, column duration: 'abc' is not a duration" in result.stderr
    assert "line 3, column date: 'notadate' is not a date and time" in result.stderr
    assert "line 4, column direction: 'sideways' is not a direction" in result.stderr
    assert "Traceback" not in result.stderr
    assert dump(db_path) == before
    out = run("calls", "import", str(CALLS / "bad.csv"), "--skip-bad").stdout
    assert "0 conversations" in out and "3 unreadable records skipped" in out
    bad = run("calls", "import", str(CALLS / "oproepen.csv"), "--map", "Nope=number", expect=2)
    assert "oproepen.csv has no column 'Nope'" in bad.stderr
    other = CALLS / "bad.csv"
    assert run("calls", "import", str(other.parent), expect=2).stderr.startswith("Error: ")


def test_calls_note_adds_what_was_said_and_the_next_step(
    run: Run, run_json: RunJson, people: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-07T18:00")
    run("calls", "import", str(CALLS / "calls-20261207.xml"))
    first = run_json("calls")[0]
    out = run("calls", "note", str(first["id"]), "Prijs besproken", "--next", "vrijdag").stdout
    assert f"Noted call #{first['id']} with Jan de Vries (Fri 4 Dec 09:15): Prijs besproken" in out
    assert "on Fri 11 Dec 2026 (in 4 days): call back about: Prijs besproken" in out
    assert talks(run_json, "jan")[0] == ("call", "2026-12-04", "Prijs besproken")
    assert [c["contact"] for c in run_json("calls")] == ["Kees Smit", "Els Smit"]
    assert "Error: there is no call #999" in run("calls", "note", "999", "x", expect=3).stderr
    assert "Error: " in run("calls", "note", "abc", "x", expect=2).stderr


def test_the_briefing_names_the_calls_without_a_note_in_dutch(
    run: Run, people: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-07T18:00")
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    out = run("calls", "import", str(CALLS / "calls-20261207.xml")).stdout
    assert "calls-20261207.xml: 3 gesprekken, 2 terugbelverzoeken" in out
    assert "- gemiste oproep van Petra Bakker, ma 7 dec 08:30" in out
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-08T07:30")
    out = run("brief").stdout
    assert "2 gesprekken van je telefoon zonder notitie" in out
    assert "Kees Smit, ma 7 dec 10:20 (3:04)" in out
    assert "gemiste oproep van Jan de Vries, ma 7 dec 14:02" in " ".join(out.split())


def test_forget_takes_the_calls_and_export_person_shows_them(
    run: Run, run_json: RunJson, people: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-07T18:00")
    run("calls", "import", str(CALLS / "calls-20261207.xml"))
    out = tmp_path / "jan.json"
    run("export-person", "jan", "-o", str(out))
    assert '"calls"' in out.read_text() and "+31612345678" in out.read_text()
    run("forget", "jan", "--yes")
    assert [c["contact"] for c in run_json("calls")] == ["Kees Smit", "Els Smit"]
    again = run("calls", "import", str(CALLS / "calls-20261207.xml")).stdout
    assert "4 calls of numbers that are nobody's in the book (not kept)" in again
    assert "0 conversations, 0 call-backs" in again
