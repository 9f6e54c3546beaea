"""WHEN parsing: English and Dutch, relative and calendar forms, and refusals."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesnotes.domain.dates import (
    DAY_NAMES,
    MONTH_NAMES,
    add_working_days,
    describe,
    parse_period,
    parse_when,
)
from salesnotes.errors import BadInput

WED = date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2026-12-01", date(2026, 12, 1)),
        ("1-12-2026", date(2026, 12, 1)),
        ("1/12", date(2026, 12, 1)),
        ("1.12.26", date(2026, 12, 1)),
        ("1 dec", date(2026, 12, 1)),
        ("1 december", date(2026, 12, 1)),
        ("december 1", date(2026, 12, 1)),
        ("1 december 2027", date(2027, 12, 1)),
        ("1st dec", date(2026, 12, 1)),
        ("3 mrt", date(2027, 3, 3)),
        ("3 maart", date(2027, 3, 3)),
        ("25-11", WED),  # a day and month without a year: today counts as the next one
        ("24-11", date(2027, 11, 24)),
        ("today", WED),
        ("vandaag", WED),
        ("tomorrow", date(2026, 11, 26)),
        ("morgen", date(2026, 11, 26)),
        ("overmorgen", date(2026, 11, 27)),
        ("Friday", date(2026, 11, 27)),
        ("vrijdag", date(2026, 11, 27)),
        ("vr", date(2026, 11, 27)),
        ("woensdag", date(2026, 12, 2)),  # never today
        ("wednesday", date(2026, 12, 2)),
        ("maandag", date(2026, 11, 30)),
        ("next friday", date(2026, 11, 27)),
        ("volgende vrijdag", date(2026, 11, 27)),
        ("+3d", date(2026, 11, 28)),
        ("3d", date(2026, 11, 28)),
        ("2w", date(2026, 12, 9)),
        ("1m", date(2026, 12, 25)),
        ("in 3 days", date(2026, 11, 28)),
        ("in 2 weeks", date(2026, 12, 9)),
        ("in a week", date(2026, 12, 2)),
        ("over 3 dagen", date(2026, 11, 28)),
        ("over 2 weken", date(2026, 12, 9)),
        ("over een maand", date(2026, 12, 25)),
        ("next week", date(2026, 11, 30)),
        ("volgende week", date(2026, 11, 30)),
        ("  Vrijdag ", date(2026, 11, 27)),
        ("VOLGENDE WEEK", date(2026, 11, 30)),
        ("Fri 27 Nov 2026", date(2026, 11, 27)),
    ],
)
def test_future_forms(text: str, expected: date) -> None:
    assert parse_when(text, WED) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("vrijdag", date(2026, 11, 20)),  # the most recent past Friday
        ("woensdag", date(2026, 11, 18)),  # never today
        ("gisteren", date(2026, 11, 24)),
        ("yesterday", date(2026, 11, 24)),
        ("eergisteren", date(2026, 11, 23)),
        ("26-11", date(2025, 11, 26)),  # the most recent past 26 November
        ("25-11", WED),
        ("3d", date(2026, 11, 22)),
        ("3 dagen geleden", date(2026, 11, 22)),
        ("2 weeks ago", date(2026, 11, 11)),
        ("today", WED),
    ],
)
def test_past_forms(text: str, expected: date) -> None:
    assert parse_when(text, WED, past=True) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Call Jan at 5",
        "5",
        "",
        "   ",
        "soon",
        "31-02-2026",
        "2026-13-01",
        "32-1",
        "31 april",
        "next",
        "in weeks",
        "fri 28 nov 2026",
        "0-0",
        "1 smarch",
        "99999d",
    ],
)
def test_refused(text: str) -> None:
    with pytest.raises(BadInput) as excinfo:
        parse_when(text, WED)
    assert "try" in excinfo.value.message or "did you mean" in excinfo.value.message


def test_impossible_date_suggests_the_last_day() -> None:
    with pytest.raises(BadInput, match="February 2026 has 28 days; try 28-2-2026"):
        parse_when("31-02-2026", WED)


def test_weekday_that_does_not_match_the_date() -> None:
    with pytest.raises(BadInput, match="is a Saturday, not a Friday"):
        parse_when("fri 28 nov 2026", WED)


def test_leap_day_without_year_finds_the_next_leap_year() -> None:
    assert parse_when("29-2", WED) == date(2028, 2, 29)
    assert parse_when("29-2", WED, past=True) == date(2024, 2, 29)


def test_describe() -> None:
    assert describe(date(2026, 11, 27)) == "Fri 27 Nov 2026"


days = st.dates(min_value=date(2000, 1, 1), max_value=date(2090, 12, 31))


@given(day=days, today=days)
def test_round_trip_of_every_written_form(day: date, today: date) -> None:
    """Every way the echo, ISO and day-first formats write a date reads back as that date."""
    for text in (
        describe(day),
        day.isoformat(),
        f"{day.day}-{day.month}-{day.year}",
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day} {MONTH_NAMES[day.month - 1].lower()} {day.year}",
    ):
        assert parse_when(text, today) == day, text


@given(today=days, offset=st.integers(min_value=0, max_value=400))
def test_relative_days_count_from_today(today: date, offset: int) -> None:
    assert parse_when(f"+{offset}d", today) == today + timedelta(days=offset)
    assert parse_when(f"over {offset} dagen", today) == today + timedelta(days=offset)
    assert parse_when(f"{offset} days ago", today) == today - timedelta(days=offset)


@given(today=days, weekday=st.integers(min_value=0, max_value=6))
def test_weekday_is_within_the_coming_week_and_never_today(today: date, weekday: int) -> None:
    result = parse_when(DAY_NAMES[weekday], today)
    assert result.weekday() == weekday
    assert 1 <= (result - today).days <= 7
    past = parse_when(DAY_NAMES[weekday], today, past=True)
    assert past.weekday() == weekday
    assert 1 <= (today - past).days <= 7


@given(today=days, day=st.integers(1, 28), month=st.integers(1, 12))
def test_day_month_without_year_is_the_next_one(today: date, day: int, month: int) -> None:
    result = parse_when(f"{day}-{month}", today)
    assert (result.day, result.month) == (day, month)
    assert 0 <= (result - today).days <= 366


def test_periods() -> None:
    assert str(parse_period("6w")) == "6w"
    assert parse_period("30d").approx_days == 30
    assert parse_period("3 maanden").describe() == "3 months"
    for bad in ("0d", "week", "-3w", "6x"):
        with pytest.raises(BadInput):
            parse_period(bad)


def test_working_days_skip_the_weekend() -> None:
    friday = date(2026, 11, 27)
    assert add_working_days(friday, 1) == date(2026, 11, 30)
    assert add_working_days(WED, 3) == date(2026, 11, 30)
