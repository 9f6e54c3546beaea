"""The dates a Dutch salesperson says, in Dutch and in English alike: each lands on the
right day (and time) against a fixed today, through the command line as a user types them.

Today is Wednesday 25 November 2026; the public holidays are the Netherlands' (Kerst on 25
and 26 December, Nieuwjaar on 1 January)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from salesnotes.domain.dates import parse_when
from salesnotes.domain.days import Calendar, DayOff
from salesnotes.domain.plans import parse_plan
from salesnotes.errors import BadInput
from tests.conftest import Run, RunJson

WED = date(2026, 11, 25)
NL = Calendar.of(
    frozenset(range(5)),
    (
        DayOff(date(2026, 12, 25), date(2026, 12, 25), "holiday", "Eerste kerstdag"),
        DayOff(date(2026, 12, 26), date(2026, 12, 26), "holiday", "Tweede kerstdag"),
        DayOff(date(2027, 1, 1), date(2027, 1, 1), "holiday", "Nieuwjaarsdag"),
    ),
)

# (Dutch, English, the day, the time of day or None): what a plan (follow, --next) reads.
PLANS = [
    ("volgende week dinsdag", "next week tuesday", date(2026, 12, 1), None),
    ("dinsdag volgende week", "tuesday next week", date(2026, 12, 1), None),
    ("volgende week vrijdag", "next week friday", date(2026, 12, 4), None),
    ("deze week vrijdag", "this week friday", date(2026, 11, 27), None),
    ("over 2 weken vrijdag", "in 2 weeks friday", date(2026, 12, 11), None),
    ("vrijdag over 2 weken", "friday in 2 weeks", date(2026, 12, 11), None),
    ("over 3 werkdagen", "in 3 working days", date(2026, 11, 30), None),
    ("over 5 werkdagen", "in 5 business days", date(2026, 12, 2), None),
    ("eind januari", "end of january", date(2027, 1, 29), None),  # the 31st is a Sunday
    ("eind deze maand", "end of this month", date(2026, 11, 30), None),
    ("begin februari", "beginning of february", date(2027, 2, 1), None),
    ("begin volgende maand", "early next month", date(2026, 12, 1), None),
    ("half maart", "mid march", date(2027, 3, 15), None),
    ("half december", "mid december", date(2026, 12, 15), None),
    ("morgenochtend", "tomorrow morning", date(2026, 11, 26), "09:00"),
    ("morgenmiddag", "tomorrow afternoon", date(2026, 11, 26), "14:00"),
    ("morgenavond", "tomorrow evening", date(2026, 11, 26), "19:00"),
    ("vrijdagmiddag", "friday afternoon", date(2026, 11, 27), "14:00"),
    ("vrijdagochtend", "friday morning", date(2026, 11, 27), "09:00"),
    ("maandag ochtend", "monday morning", date(2026, 11, 30), "09:00"),
    ("woensdag om half 3", "wednesday at half past 2", date(2026, 12, 2), "14:30"),
    ("donderdag om kwart over drie", "thursday at quarter past three", date(2026, 11, 26),
     "15:15"),
    ("vrijdag kwart voor 4", "friday quarter to 4", date(2026, 11, 27), "15:45"),
    ("om 3 uur", "at 3 o'clock", WED, "15:00"),
    ("vanmiddag", "this afternoon", WED, "14:00"),
    ("vanavond", "tonight", WED, "19:00"),
    ("vrijdag 14:00", "friday 2pm", date(2026, 11, 27), "14:00"),
    ("vr om 9.30 uur", "fri at 9:30am", date(2026, 11, 27), "09:30"),
    ("morgen 14u30", "tomorrow 14:30", date(2026, 11, 26), "14:30"),
    ("overmorgen", "day after tomorrow", date(2026, 11, 27), None),
    ("over 2 weken", "in 2 weeks", date(2026, 12, 9), None),
    ("aanstaande vrijdag", "coming friday", date(2026, 11, 27), None),
    ("volgende vrijdag", "next friday", date(2026, 11, 27), None),  # the coming one, by default
    ("1 december", "december 1", date(2026, 12, 1), None),
    ("25-12", "25/12", date(2026, 12, 25), None),  # named: kept, even on Kerst
    ("morgen", "tomorrow", date(2026, 11, 26), None),
    ("vandaag", "today", WED, None),
    ("vrijdag", "friday", date(2026, 11, 27), None),
    ("maandag", "monday", date(2026, 11, 30), None),
    ("over 3 dagen", "in 3 days", date(2026, 11, 30), None),  # the 28th: a Saturday
    ("over een week", "in a week", date(2026, 12, 2), None),
    ("over 2 maanden", "in 2 months", date(2027, 1, 25), None),
    ("volgende maand", "next month", date(2026, 12, 1), None),
    ("3 december", "3 december", date(2026, 12, 3), None),
    ("vr 27 nov", "fri 27 nov", date(2026, 11, 27), None),
    ("morgen 9u", "tomorrow 9am", date(2026, 11, 26), "09:00"),
    ("dinsdag om 10:15", "tuesday at 10:15", date(2026, 12, 1), "10:15"),
    ("eind februari", "end of february", date(2027, 2, 26), None),
    ("half januari", "mid january", date(2027, 1, 15), None),
    ("begin januari", "beginning of january", date(2027, 1, 4), None),  # Nieuwjaar, weekend
]  # fmt: skip

# (Dutch, English, the day): what log --on reads, looking back.
PAST = [
    ("vorige week dinsdag", "last week tuesday", date(2026, 11, 17)),
    ("dinsdag vorige week", "tuesday last week", date(2026, 11, 17)),
    ("vandaag 9:00", "today 9:00", WED),
    ("vanochtend", "this morning", WED),
    ("eergisteren", "day before yesterday", date(2026, 11, 23)),
    ("gisteren", "yesterday", date(2026, 11, 24)),
    ("3 dagen geleden", "3 days ago", date(2026, 11, 22)),
    ("2 werkdagen geleden", "2 working days ago", date(2026, 11, 23)),
    ("vorige vrijdag", "last friday", date(2026, 11, 20)),
    ("maandag", "monday", date(2026, 11, 23)),
    ("begin november", "early november", date(2026, 11, 2)),
    ("half oktober", "mid october", date(2026, 10, 15)),
]

# Relative plans that would land on a public holiday, each moved to the next working day.
HOLIDAYS = [
    ("2026-12-24", "morgen", date(2026, 12, 28)),  # Kerst, Tweede kerstdag, the weekend
    ("2026-12-24", "over 1 werkdag", date(2026, 12, 28)),
    ("2026-12-31", "+1d", date(2027, 1, 4)),  # Nieuwjaar on a Friday
    ("2026-12-18", "over 1 week", date(2026, 12, 28)),  # Friday the 25th: Kerst
    ("2026-12-31", "tomorrow", date(2027, 1, 4)),
]


@pytest.mark.parametrize(
    ("text", "day", "at"),
    [(nl, day, at) for nl, _, day, at in PLANS] + [(en, day, at) for _, en, day, at in PLANS],
)
def test_a_plan_as_it_is_said(text: str, day: date, at: str | None) -> None:
    planned = parse_plan(text, WED, NL)
    assert (planned.day, planned.at) == (day, at)


@pytest.mark.parametrize(
    ("text", "day"), [(nl, day) for nl, _, day in PAST] + [(en, day) for _, en, day in PAST]
)
def test_a_day_that_has_been_as_it_is_said(text: str, day: date) -> None:
    assert parse_plan(text, WED, NL, past=True).day == day


def test_the_table_is_long_enough() -> None:
    assert len(PLANS) + len(PAST) >= 60  # at least 60 phrases, in each language


@pytest.mark.parametrize(("today", "text", "day"), HOLIDAYS)
def test_a_relative_plan_never_lands_on_a_holiday(today: str, text: str, day: date) -> None:
    assert parse_plan(text, date.fromisoformat(today), NL).day == day


def test_volgende_vrijdag_on_a_monday_is_a_setting() -> None:
    monday = date(2026, 11, 23)
    assert parse_when("volgende vrijdag", monday) == date(2026, 11, 27)
    assert parse_when("volgende vrijdag", monday, next_weekday="next-week") == date(2026, 12, 4)
    assert parse_when("next friday", monday, next_weekday="next-week") == date(2026, 12, 4)
    # 'aanstaande' is always the coming one.
    assert parse_when("aanstaande vrijdag", monday, next_weekday="next-week") == date(2026, 11, 27)
    # Said on a Saturday, next week's Friday is the coming one anyway.
    assert parse_when("volgende vrijdag", date(2026, 11, 28), next_weekday="next-week") == date(
        2026, 12, 4
    )


def test_nonsense_is_still_refused() -> None:
    for text in ("eind blaat", "over veel werkdagen", "half", "om half 25", "volgende week"):
        if text == "volgende week":
            assert parse_when(text, WED) == date(2026, 11, 30)
            continue
        with pytest.raises(BadInput):
            parse_plan(text, WED, NL)


def test_said_through_the_command_line(
    run: Run, run_json: RunJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    """As a Dutch salesperson types them: the day chosen is echoed in words; the setting
    decides 'volgende vrijdag'; log --on suggests past forms."""
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    run("add", "Jan de Vries")
    out = run("follow", "jan", "woensdag om half 3", "Offerte bespreken").stdout
    assert "wo 2 dec 2026 om 14:30 (over 7 dagen)" in out
    log = run("log", "jan", "Gebeld", "--on", "vorige week dinsdag", "--next", "eind januari")
    assert "op di 17 nov 2026" in log.stdout and "vr 29 jan 2027" in log.stdout
    err = run("log", "jan", "x", "--on", "ooit", expect=2).stderr
    assert "'gisteren', 'eergisteren', 'vorige week dinsdag'" in err
    settings = {s["key"]: s["value"] for s in run_json("config")["settings"]}
    assert settings["dates.next_weekday"] == "coming"
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-23")  # a Monday
    assert "vr 27 nov 2026 (over 4 dagen)" in run("follow", "jan", "volgende vrijdag").stdout
    config = run("config", "--path").stdout.strip()
    Path(config).parent.mkdir(parents=True, exist_ok=True)
    Path(config).write_text('[dates]\nnext_weekday = "next-week"\n', encoding="utf-8")
    assert "vr 4 dec 2026 (over 11 dagen)" in run("follow", "jan", "volgende vrijdag").stdout
