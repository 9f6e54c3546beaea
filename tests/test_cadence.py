"""The learned rhythm's rules (issue 27, begun): the estimate leans on the customer's own
history as it grows and on their segment while it is short, proposals land on working days,
and the back-test on the seeded synthetic book holds the issue's figures."""

from __future__ import annotations

import math
from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks import cadence as backtest
from salesnotes.domain import cadence
from salesnotes.domain.days import WORKWEEK, Calendar, DayOff

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
