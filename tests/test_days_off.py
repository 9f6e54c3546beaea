"""Days off: public holidays (python-holidays, by region) and a salesperson's own (``off``).
No relative date lands in them, overdue counts skip them, the agenda on one says so, and the
first working day after one's own days off says what piled up."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from salesnotes.publicdays import holidays
from tests.conftest import Run, RunJson


def at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", moment)


def configure(run: Run, text: str) -> None:
    path = Path(run("config", "--path").stdout.strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_the_dutch_public_holidays() -> None:
    days = {d.first: d.own_name for d in holidays("NL", [2025, 2026, 2027])}
    for day, name in [
        ("2026-12-25", "Eerste kerstdag"), ("2026-12-26", "Tweede kerstdag"),
        ("2027-01-01", "Nieuwjaarsdag"), ("2026-04-05", "Eerste paasdag"),
        ("2026-04-06", "Tweede paasdag"), ("2026-04-27", "Koningsdag"),
        ("2026-05-14", "Hemelvaartsdag"), ("2026-05-25", "Tweede pinksterdag"),
        ("2025-05-05", "Bevrijdingsdag"),  # in lustrum years only
    ]:  # fmt: skip
        assert days[date.fromisoformat(day)] == name
    assert date(2026, 5, 5) not in days
    english = {d.first: d.name for d in holidays("NL", [2026])}
    assert english[date(2026, 12, 25)] == "Christmas Day"
    assert {d.first for d in holidays("DE-NW", [2026])} >= {date(2026, 6, 4)}  # Fronleichnam
    assert holidays("", [2026]) == ()


def test_a_plan_never_lands_on_a_holiday(
    run: Run, run_json: RunJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-12-24T10:00")
    run("add", "Jan de Vries")
    out = run("follow", "jan", "morgen", "Bellen").stdout
    assert "on Mon 28 Dec 2026 (in 4 days; Fri 25 Dec is Christmas Day)" in out
    out = run("log", "jan", "Gebeld", "--next", "+1w").stdout  # the 31st: a working day
    assert "Thu 31 Dec 2026 (in 7 days)" in out
    # A quote sent on the 23rd is chased three working days later: not on Kerst.
    at(monkeypatch, "2026-12-23T10:00")
    out = run("quote", "add", "jan", "5000", "--send").stdout
    assert "chase follow-up #3 on Tue 29 Dec 2026" in out
    # A day asked for as such is kept, and said to be a holiday.
    assert "(in 2 days; Christmas Day, a public holiday)" in run("follow", "jan", "25-12").stdout
    configure(run, '[calendar]\nholidays = "none"\n')
    assert "on Fri 25 Dec 2026 (in 2 days)" in run("follow", "jan", "+2d").stdout


def test_overdue_skips_holidays_and_the_agenda_on_one_says_so(
    run: Run, run_json: RunJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-12-23T10:00")
    run("add", "Jan de Vries")
    run("follow", "jan", "today", "Offerte nabellen")
    at(monkeypatch, "2026-12-28T09:00")  # Thursday the 24th is the only working day since
    [row] = run_json("agenda")
    assert row["reasons"] == ["follow-up 2 days overdue: Offerte nabellen"]
    at(monkeypatch, "2026-12-25T09:00")
    note = run("agenda").stderr
    assert "Fri 25 Dec 2026 is Christmas Day, a public holiday; Monday's list: salesnotes " in note
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    note = run("agenda").stderr
    assert "vr 25 dec 2026 is Eerste kerstdag, een feestdag" in note
    assert run_json("brief")["day_off"] == {"kind": "holiday", "name": "Christmas Day"}


def test_my_own_days_off(run: Run, run_json: RunJson, monkeypatch: pytest.MonkeyPatch) -> None:
    at(monkeypatch, "2026-12-16T10:00")
    run("add", "Jan de Vries")
    run("follow", "jan", "2026-12-29", "Jaarafsluiting")
    out = run("off", "24-12 t/m 3-1", "--note", "Kerstvakantie")
    assert out.stdout == (
        "Days off #1: Thu 24 Dec 2026 to Sun 3 Jan 2027 (11 days); nothing relative lands in them\n"
    )
    assert "1 follow-up is planned in them already (#1)" in out.stderr
    assert run_json("off") == [
        {"id": 1, "first_day": "2026-12-24", "last_day": "2027-01-03", "note": "Kerstvakantie"}
    ]
    at(monkeypatch, "2026-12-22T10:00")
    said = run("follow", "jan", "over 3 dagen", "Bellen").stdout  # Friday the 25th
    assert "on Mon 4 Jan 2027 (in 13 days; Fri 25 Dec is Christmas Day)" in said
    said = run("follow", "jan", "over 2 werkdagen", "Mailen").stdout
    assert "on Mon 4 Jan 2027" in said  # the 23rd, then nothing until the 4th
    # The first working day back: what came due meanwhile, and overdue without the holiday.
    at(monkeypatch, "2027-01-04T08:00")
    result = run("agenda")
    assert "Back after your days off (Thu 24 Dec to Sun 3 Jan): 1 follow-up came due" in (
        result.stderr
    )
    assert "Back after your days off" in run("brief").stdout
    back = run_json("brief")["back_after_days_off"]
    assert back == {"first_day": "2026-12-24", "last_day": "2027-01-03",
                    "followups_due_meanwhile": 1}  # fmt: skip
    at(monkeypatch, "2026-12-28T09:00")
    assert "is one of your days off" in run("agenda").stderr
    # Removed, and refused with a sentence.
    assert run("off", "--remove", "1").stdout.startswith("Removed days off #1: Thu 24 Dec 2026")
    assert "you have no days off #1" in run("off", "--remove", "1", expect=3).stderr
    for args, message in [
        (["3-1..24-12-2026"], "ends (Thu 24 Dec 2026) before it begins"),
        (["2026-12-24..2029-01-01"], "over a year of days off"),
        (["kerst"], "'kerst' is not a date"),
        (["24-12..", "--note", "x"], "is not a period"),
        (["24-12", "--remove", "2"], "not both"),
        (["--note", "x"], "--note describes days off you add"),
    ]:
        assert message in run("off", *args, expect=2).stderr
    assert run_json("off") == []


def test_a_colleagues_days_off_are_theirs(
    run: Run, run_json: RunJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-12-16T10:00")
    monkeypatch.setenv("SALESNOTES_USER", "pieter")
    run("add", "Piet Pol")
    run("off", "24-12..3-1")
    monkeypatch.setenv("SALESNOTES_USER", "anouk")
    run("add", "Anna Bakker")
    assert run_json("off") == []
    at(monkeypatch, "2026-12-23T10:00")
    # Anouk's plan lands on the 24th: her calendar knows no days off of Pieter's.
    assert "on Thu 24 Dec 2026" in run("follow", "anna", "morgen").stdout
