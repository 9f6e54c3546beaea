"""The learned rhythm's rules (issue 27, begun): the estimate leans on the customer's own
history as it grows and on their segment while it is short, proposals land on working days,
and the back-test on the seeded synthetic book holds the issue's figures."""

from __future__ import annotations

import math
import sqlite3
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks import cadence as backtest
from salesnotes.domain import cadence
from salesnotes.domain.days import WORKWEEK, Calendar, DayOff
from tests.conftest import Run, RunJson

SEGMENT = cadence.Segment(mean=math.log(30), between=0.4, within=0.2, customers=100)


def test_the_back_test_on_the_synthetic_book_holds_the_issues_figures() -> None:
    book = backtest.synthetic(seed=26)
    result = backtest.backtest(
        book, backtest.START + timedelta(days=backtest.DAYS // 2),
        backtest.START + timedelta(days=backtest.DAYS),
    )  # fmt: skip
    assert result.predictions > 5000
    assert result.reduction >= 0.40  # the mean absolute error, against a fixed 30 days
    assert 0.08 <= result.flag_rate <= 0.12  # "getting quiet" for customers who stayed
    assert result.left_flagged >= 0.9 * result.left  # and for nearly all who left


@given(st.floats(min_value=2, max_value=200), st.integers(min_value=40, max_value=120))
@settings(max_examples=50, deadline=None)
def test_with_many_contacts_the_estimate_is_the_customers_own(rhythm: float, n: int) -> None:
    days = [max(1, round(rhythm))] * n
    learned = cadence.learn(days, SEGMENT)
    assert abs(learned.typical - round(rhythm)) / round(rhythm) < 0.06
    assert learned.own_weight > 0.95


@given(st.floats(min_value=-3, max_value=3))
@settings(max_examples=30, deadline=None)
def test_with_no_history_the_estimate_is_the_segments(shift: float) -> None:
    segment = cadence.Segment(mean=math.log(30) + shift / 3, between=0.4, within=0.2)
    learned = cadence.learn([], segment)
    assert math.isclose(learned.typical, math.exp(segment.mean))
    assert learned.own_weight == 0
    assert learned.low < learned.typical < learned.high < learned.p90


def test_the_own_history_weighs_more_with_every_contact() -> None:
    weights = [cadence.learn([12] * n, SEGMENT).own_weight for n in range(0, 21)]
    assert weights == sorted(weights) and weights[0] == 0 and weights[20] > 0.95
    typicals = [cadence.learn([12] * n, SEGMENT).typical for n in range(0, 21)]
    assert typicals == sorted(typicals, reverse=True)  # from the segment's 30 toward 12


@given(
    st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
    st.integers(min_value=0, max_value=400),
    st.lists(st.integers(min_value=1, max_value=120), max_size=12),
)
@settings(max_examples=100, deadline=None)
def test_a_proposal_never_lands_on_a_day_off(last: date, later: int, days: list[int]) -> None:
    today = last + timedelta(days=later)
    christmas = DayOff(date(today.year, 12, 25), date(today.year, 12, 26), "holiday", "Kerst")
    calendar = Calendar.of(WORKWEEK, (christmas,))
    proposed = cadence.proposal(last, today, cadence.learn(days, SEGMENT), calendar)
    assert calendar.is_working(proposed) and proposed > today


def test_intervals_are_days_between_distinct_days() -> None:
    days = [date(2026, 1, 1), date(2026, 1, 1), date(2026, 1, 15), date(2030, 1, 1)]
    assert cadence.intervals(days) == [14]  # one day once; a gap past three years left out


def test_a_segment_is_learned_from_its_customers() -> None:
    seg = cadence.segment([[10, 11, 9, 10], [40, 42, 38], [20]])
    assert seg.customers == 3 and seg.intervals == 8
    assert 10 < math.exp(seg.mean) < 40
    assert seg.within < 0.05 < seg.between
    assert cadence.segment([]) == cadence.Segment()


# The command, and what the book keeps.

MEETINGS = ["2026-06-01", "2026-06-22", "2026-07-10", "2026-08-03", "2026-08-24", "2026-09-14",
            "2026-10-05", "2026-10-26", "2026-11-16"]  # fmt: skip


@pytest.fixture
def jan(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-05-01")
    run("add", "Jan de Vries", "--status", "customer")
    run("add", "Anna Bakker", "--status", "customer")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-06T09:00")
    for day in MEETINGS:
        run("log", "jan", "Gesprek", "--on", day)


def test_rhythm_says_what_jans_own_history_says_in_english_and_dutch(
    run: Run, run_json: RunJson, jan: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = run_json("rhythm", "jan")
    assert shown["intervals"] == [21, 18, 24, 21, 21, 21, 21, 21]
    assert 20 <= shown["learned"]["typical_days"] <= 22
    assert shown["proposal"] == "2026-12-07" and shown["quiet_days"] == 0
    assert shown["set"] == "8w" and shown["set_for_them"] is False
    out = run("rhythm", "jan").stdout
    assert "usually every ~3 weeks (learned from 8 intervals" in out
    assert "Next, by their rhythm: around Mon 7 Dec 2026." in out
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-30T09:00")
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    out = run("rhythm", "jan").stdout
    assert "meestal elke ~3 weken (geleerd uit 8 tussenpozen" in out
    assert "Wordt stil: " in out and "rond do 31 dec 2026" in out
    assert "Nog geen gesprek" in run("rhythm", "anna").stdout
    assert run("rhythm", "niemand", expect=3).stderr.startswith("Fout: ")


def test_the_kept_history_follows_every_change_and_the_upgrade_fills_the_same(
    run: Run, run_json: RunJson, jan: None, db_path: Path
) -> None:
    first = run_json("rhythm", "jan")["intervals"]
    last = run_json("show", "jan")["interactions"][0]["id"]
    run("delete", "interaction", str(last), "--yes")
    assert run_json("rhythm", "jan")["intervals"] == first[:-1]
    run("undo")
    assert run_json("rhythm", "jan")["intervals"] == first
    if not str(db_path).endswith(".db") or not db_path.exists():
        return  # the PostgreSQL pass: its fill is SQL, run when its books are made
    with sqlite3.connect(db_path) as conn:
        kept = conn.execute("SELECT * FROM contact_cadence ORDER BY 1").fetchall()
        conn.execute("DELETE FROM contact_cadence")
        conn.execute("DROP TABLE contact_cadence")
        conn.execute("DELETE FROM _sqlite_migrations WHERE name = 'm022_learned_rhythms'")
    run("contacts")  # opening the book runs m022 again: its fill from the conversations
    with sqlite3.connect(db_path) as conn:
        again = conn.execute("SELECT * FROM contact_cadence ORDER BY 1").fetchall()
    assert len(again) == len(kept) == 1
    assert again[0][:2] == kept[0][:2] and abs(again[0][2] - kept[0][2]) < 1e-9
    assert abs(again[0][3] - kept[0][3]) < 1e-9
