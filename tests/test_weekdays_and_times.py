"""Working days and times of day: a relative date never lands on a day off, overdue counts
working days, a call planned at a time keeps it, and a quote's value counts on its chase."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from salesnotes.domain.days import parse_working_days, working_days_between
from salesnotes.domain.plans import Planned, parse_plan
from tests.conftest import Run, RunJson

THURSDAY = date(2026, 11, 26)


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    path.write_text("", encoding="utf-8")
    monkeypatch.setenv("SALESNOTES_CONFIG", str(path))
    return path


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("over 3 dagen", Planned(date(2026, 11, 30), None, date(2026, 11, 29), relative=True)),
        ("+2d", Planned(date(2026, 11, 30), None, date(2026, 11, 28), relative=True)),
        ("in 2 weeks", Planned(date(2026, 12, 10), relative=True)),
        ("zaterdag", Planned(date(2026, 11, 28))),  # named: kept
        ("28-11", Planned(date(2026, 11, 28))),
        ("vrijdag 14:00", Planned(date(2026, 11, 27), "14:00")),
        ("vr om 14.00", Planned(date(2026, 11, 27), "14:00")),
        ("tomorrow 9am", Planned(date(2026, 11, 27), "09:00", relative=True)),
        ("morgen 14 uur", Planned(date(2026, 11, 27), "14:00", relative=True)),
        ("maandag 14u30", Planned(date(2026, 11, 30), "14:30")),
        ("morgen 9.30 uur", Planned(date(2026, 11, 27), "09:30", relative=True)),
        ("1-12 9.30pm", Planned(date(2026, 12, 1), "21:30")),
        ("16:30", Planned(THURSDAY, "16:30")),
        ("1.12", Planned(date(2026, 12, 1))),  # a day and month, not a time
    ],
)
def test_plans_read_day_time_and_skip_days_off(text: str, expected: Planned) -> None:
    assert parse_plan(text, THURSDAY) == expected


@pytest.mark.parametrize("text", ["at 5", "morgen 25:00", "morgen 13pm", "vrijdag 14:77"])
def test_a_bare_number_or_impossible_time_is_refused(text: str) -> None:
    from salesnotes.errors import BadInput

    with pytest.raises(BadInput):
        parse_plan(text, THURSDAY)


def test_a_team_working_saturdays_keeps_saturday() -> None:
    mon_sat = parse_working_days("ma-za")
    assert mon_sat is not None
    assert parse_plan("+2d", THURSDAY, mon_sat) == Planned(date(2026, 11, 28), relative=True)
    assert working_days_between(date(2026, 11, 27), date(2026, 11, 30), mon_sat) == 2


def test_overdue_counts_working_days() -> None:
    friday, monday = date(2026, 11, 27), date(2026, 11, 30)
    assert working_days_between(friday, monday) == 1
    assert working_days_between(date(2026, 11, 29), monday) == 0  # due Sunday: nothing missed
    assert working_days_between(date(2026, 11, 2), monday) == 20


def test_follow_says_when_a_relative_day_moved(
    run: Run, run_json: RunJson, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-26")
    out = run("follow", "jan", "over 3 dagen", "bellen").stdout
    assert out == (
        "Follow-up #1 with Jan de Vries (Pluimers Isolatie) on Mon 30 Nov 2026"
        " (in 4 days; Sun 29 Nov is not a working day): bellen\n"
    )
    run("follow", "anna", "zaterdag", "named on purpose")
    assert [f["due_on"] for f in run_json("followups")] == ["2026-11-28", "2026-11-30"]


def test_monday_after_a_friday_follow_up_is_one_day_overdue(
    run: Run, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-27")
    run("follow", "jan", "today", "bellen")
    run("follow", "anna", "zaterdag", "weekend")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-30")
    out = run("agenda", "--format", "plain", "--explain").stdout.splitlines()
    fields = [line.split("\t") for line in out]
    assert [(f[3], f[6], f[8]) for f in fields] == [
        ("Jan de Vries", "follow-up 1 day overdue: bellen", "other 60 + overdue 1 day 102"),
        ("Anna Bakker", "follow-up due Sat 28 Nov: weekend", "other 60"),
    ]


def test_agenda_on_a_day_off_says_so(
    run: Run, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-28")
    result = run("agenda")
    assert result.stderr == (
        "Sat 28 Nov 2026 is not a working day (Mon-Fri); "
        "Monday's list: salesnotes agenda --date monday\n"
    )
    assert run("agenda", "--date", "maandag").stderr == ""


def test_working_days_are_a_setting(
    run: Run, book: dict[str, int], monkeypatch: pytest.MonkeyPatch, config_file: Path
) -> None:
    config_file.write_text('[calendar]\nworking_days = "mon-sat"\n')
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-28")
    assert run("agenda").stderr == ""
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-26")
    assert "Sat 28 Nov 2026 (in 2 days)" in run("follow", "jan", "+2d").stdout
    config_file.write_text('[calendar]\nworking_days = "weekdays"\n')
    result = run("agenda", expect=2)
    assert "'calendar.working_days' must name the working days" in result.stderr


def test_timed_calls_keep_their_time_and_order(
    run: Run, run_json: RunJson, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    run("follow", "jan", "vrijdag 14:00", "offerte bespreken")
    run("follow", "anna", "vr om 9.30", "demo")
    run("follow", "thomas", "vrijdag", "ergens die dag")
    listed = run_json("followups")
    assert [(f["contact"], f["due_time"]) for f in listed] == [
        ("Anna Bakker", "09:30"),
        ("Jan de Vries", "14:00"),
        ("Thomas Jansen", None),
    ]
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-27")
    rows = run_json("agenda")
    assert [(r["name"], r["at"]) for r in rows] == [
        ("Anna Bakker", "09:30"),
        ("Jan de Vries", "14:00"),
        ("Thomas Jansen", None),
    ]
    assert rows[1]["reasons"] == ["follow-up due today at 14:00: offerte bespreken"]
    out = run("snooze", "1", "maandag 10:15").stdout
    assert out == (
        "Follow-up #1 with Jan de Vries moved to Mon 30 Nov 2026 at 10:15"
        " (was Fri 27 Nov 2026 at 14:00)\n"
    )


def test_a_timed_follow_up_is_a_timed_calendar_entry(run: Run, book: dict[str, int]) -> None:
    run("follow", "jan", "vrijdag 14:00", "offerte")
    run("follow", "anna", "vrijdag", "hele dag")
    events = run("export", "--format", "ics", "--events").stdout
    # At 14:00 in the salesperson's own zone: the tests run in UTC, written with a Z
    # (test_export.py has the same under Europe/Amsterdam, with its TZID and VTIMEZONE).
    assert "DTSTART:20261127T140000Z\nDTEND:20261127T143000Z" in events
    assert "DTSTART;VALUE=DATE:20261127" in events
    tasks = run("export", "--format", "ics").stdout
    assert "DUE:20261127T140000Z" in tasks


def test_a_quotes_value_counts_on_its_chase(
    run: Run, run_json: RunJson, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The case: € 250.000 chased 56 working days vs € 12.500 chased 57.
    run("quote", "add", "jan", "250000", "--send", "--on", "2026-08-31")
    run("quote", "add", "anna", "12500", "--send", "--on", "2026-08-28")
    rows = run_json("agenda")
    assert [r["name"] for r in rows[:2]] == ["Jan de Vries", "Anna Bakker"]
    chase = {t["name"]: t["value"] for t in rows[0]["terms"]}
    assert chase["quote"] == 150
    assert chase["quote value"] == 100
    assert {t["name"]: t["value"] for t in rows[1]["terms"]}["quote value"] == 12
    # The short agenda (streams) and the full ranking agree.
    assert [r["name"] for r in run_json("agenda", "--limit", "1")] == ["Jan de Vries"]


def test_the_readmes_worked_example_of_a_chase() -> None:
    from salesnotes.domain.days import working_days_between
    from salesnotes.domain.ranking import Weights, followup_terms

    today = date(2026, 11, 25)
    big_due, small_due = date(2026, 9, 8), date(2026, 9, 7)
    assert working_days_between(big_due, today) == 56
    assert working_days_between(small_due, today) == 57
    weights = Weights()
    big = followup_terms("quote", "normal", big_due, "", today, weights, None, 24, 25_000_000)
    small = followup_terms("quote", "normal", small_due, "", today, weights, None, 24, 1_250_000)
    from salesnotes.render.reasons import term_words

    assert [(term_words(t), t.value) for t in big] == [
        ("quote", 150),
        ("quote value", 100),
        ("overdue 56 days", 212),
    ]
    assert sum(t.value for t in big) == 462
    assert sum(t.value for t in small) == 376
