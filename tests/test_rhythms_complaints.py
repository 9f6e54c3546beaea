"""Keep-in-touch rhythms and complaints: the habits the agenda keeps for you."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from salesnotes.domain.ranking import Weights, rhythm_candidate
from salesnotes.models import LosingTouch
from tests.conftest import Run, RunJson, dump


def at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", moment)


def test_a_contact_past_their_rhythm_joins_the_agenda(
    run: Run, run_json: RunJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-09-01")
    run("add", "Jan de Vries", "--status", "customer", "--every", "6w")
    run("log", "jan", "Visit")
    at(monkeypatch, "2026-11-03")  # 9 weeks later
    [row] = run_json("agenda")
    assert row["reasons"] == ["no contact for 9 weeks; rhythm 6 weeks"]
    [late] = run_json("contacts", "--losing-touch")
    assert (late["rhythm"], late["last_contact"], late["overdue_days"]) == ("6w", "2026-09-01", 21)


@pytest.mark.parametrize(
    "reset",
    [
        ["log", "jan", "A call", "--kind", "call"],
        ["log", "jan", "A mail", "--kind", "email"],
        ["log", "jan", "Met", "--kind", "meeting"],
        ["done", "1"],  # a completed follow-up, even without a note
    ],
)
def test_any_interaction_restarts_the_clock(
    run: Run, run_json: RunJson, monkeypatch: pytest.MonkeyPatch, reset: list[str]
) -> None:
    at(monkeypatch, "2026-09-01")
    run("add", "Jan de Vries", "--status", "customer", "--every", "6w")
    run("follow", "jan", "2027-01-01", "far away")
    at(monkeypatch, "2026-11-03")
    assert len(run_json("contacts", "--losing-touch")) == 1
    run(*reset)
    assert run_json("contacts", "--losing-touch") == []
    assert run_json("agenda") == []
    at(monkeypatch, "2026-12-16")  # six weeks and a day after the reset
    assert [r["name"] for r in run_json("contacts", "--losing-touch")] == ["Jan de Vries"]


def test_status_defaults_and_turning_a_rhythm_off(
    run: Run, run_json: RunJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-09-01")
    run("add", "Customer Carla", "--status", "customer")  # default 8 weeks
    run("add", "Prospect Piet", "--status", "prospect")  # default 2 weeks
    run("add", "Lead Lotte")  # leads: no default rhythm
    run("add", "Former Frans", "--status", "former")
    at(monkeypatch, "2026-09-20")
    assert [r["name"] for r in run_json("contacts", "--losing-touch")] == ["Prospect Piet"]
    at(monkeypatch, "2026-10-28")
    names = [r["name"] for r in run_json("contacts", "--losing-touch")]
    assert names == ["Prospect Piet", "Customer Carla"]  # the most overdue first
    run("edit", "piet", "--every", "off")
    assert [r["name"] for r in run_json("contacts", "--losing-touch")] == ["Customer Carla"]
    run("edit", "piet", "--every", "default")
    assert "Prospect Piet" in [r["name"] for r in run_json("contacts", "--losing-touch")]
    run("archive", "carla")
    assert "Customer Carla" not in [r["name"] for r in run_json("contacts", "--losing-touch")]


def test_a_weekly_rhythm_missed_by_a_week_outranks_a_quarterly_one() -> None:
    weights = Weights()
    today = date(2026, 11, 25)
    weekly = LosingTouch(1, "W", None, "customer", "1w", date(2026, 11, 4), None, 7, 7.0)
    quarterly = LosingTouch(2, "Q", None, "customer", "3m", date(2026, 8, 18), None, 7, 91.32)
    assert (
        rhythm_candidate(weekly, today, weights).score
        > rhythm_candidate(quarterly, today, weights).score
    )
    hopeless = LosingTouch(3, "H", None, "customer", "1w", date(2025, 1, 1), None, 690, 7.0)
    assert rhythm_candidate(hopeless, today, weights).score == 80 + 300  # capped


def test_bad_rhythm_is_refused(run: Run, db_path: Path) -> None:
    run("add", "Jan")
    before = dump(db_path)
    assert (
        "'sometimes' is not a rhythm" in run("edit", "jan", "--every", "sometimes", expect=2).stderr
    )
    assert "'0w' is not a rhythm" in run("add", "X", "--every", "0w", expect=2).stderr
    assert "not a birthday" in run("edit", "jan", "--birthday", "soon", expect=2).stderr
    assert "not a day of the year" in run("edit", "jan", "--birthday", "31-02", expect=2).stderr
    assert dump(db_path) == before


def test_complaint_ranks_above_everything_and_ages_in_hours(
    run: Run, run_json: RunJson, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-11-25T09:00")
    run(
        "follow",
        "anna",
        "2026-10-01",
        "very overdue callback",
        "--reason",
        "callback",
        "-P",
        "high",
    )
    out = run("complaint", "jan", "Leak after insulation work in hall 2").stdout
    assert out.startswith("Complaint #2 opened for Jan de Vries (Pluimers Isolatie): answer within")
    at(monkeypatch, "2026-11-25T14:00")
    rows = run_json("agenda")
    assert [r["name"] for r in rows] == ["Jan de Vries", "Anna Bakker"]
    assert rows[0]["reasons"] == [
        "complaint open 5 hours (high priority): Leak after insulation work in hall 2"
    ]
    shown = run_json("show", "jan")
    assert shown["interactions"][0]["kind"] == "complaint"
    at(monkeypatch, "2026-11-26T10:00")  # 25 hours: past the response time
    row = run_json("agenda")[0]
    assert row["reasons"][0] == (
        "complaint open 25 hours (high priority): Leak after insulation work in hall 2"
        " (response time of 24 hours passed)"
    )
    late = {"name": "no answer within 24 hours", "kind": "complaint_late", "value": 200.0}
    assert late in row["terms"]
    at(monkeypatch, "2026-11-28T10:00")
    assert run_json("agenda")[0]["reasons"][0].startswith("complaint open 3 days")


def test_resolve_closes_and_logs(run: Run, run_json: RunJson, book: dict[str, int]) -> None:
    run("complaint", "jan", "Leak")
    out = run("resolve", "1", "--note", "Fixed on site, customer satisfied").stdout
    assert out.splitlines() == [
        "Resolved: complaint #1 of Jan de Vries",
        "Logged note #2: Fixed on site, customer satisfied",
        # one contact day: the rhythm of customers like him (here the book's default)
        "Next time: usually every ~4 weeks with Jan (1 contact) -> Mon 28 Dec 2026 (in 33 days).",
        "salesnotes follow 1 28-12   (or [rhythm] plan_next = true plans it for you)",
    ]
    assert run_json("agenda") == []
    assert run_json("show", "jan")["interactions"][0]["text"] == "Fixed on site, customer satisfied"


def test_resolve_bad_input(run: Run, db_path: Path, book: dict[str, int]) -> None:
    run("follow", "anna", "today", "just a call")
    run("complaint", "jan", "Leak")
    run("resolve", "2")
    before = dump(db_path)
    assert "not a complaint; 'salesnotes done 1'" in run("resolve", "1", expect=4).stderr
    assert "was done on" in run("resolve", "2", expect=4).stderr
    assert "no follow-up #9" in run("resolve", "9", expect=3).stderr
    assert "'x' is not a complaint id" in run("resolve", "x", expect=2).stderr
    assert "cannot be empty" in run("complaint", "jan", " ", expect=2).stderr
    assert dump(db_path) == before


def test_response_time_is_configurable(
    run: Run,
    run_json: RunJson,
    book: dict[str, int],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    config = tmp_path / "c.toml"
    config.write_text("[complaints]\nresponse_hours = 4\n")
    monkeypatch.setenv("SALESNOTES_CONFIG", str(config))
    at(monkeypatch, "2026-11-25T09:00")
    run("complaint", "jan", "Leak")
    at(monkeypatch, "2026-11-25T14:00")
    assert "response time of 4 hours passed" in run_json("agenda")[0]["reasons"][0]


def test_logging_a_complaint_opens_one(run: Run, run_json: RunJson) -> None:
    run("add", "Jan de Vries")
    out = run("log", "jan", "Lekkage in hal 2", "--kind", "complaint").stdout
    assert "Complaint #1 opened for Jan de Vries: answer within 24 hours" in out
    [row] = run_json("agenda")
    assert row["reasons"][0].startswith("complaint open")
    run("resolve", "1", "--note", "Dak gerepareerd")
    assert run_json("agenda") == []
