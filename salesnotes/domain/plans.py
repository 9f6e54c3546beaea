"""A WHEN with a time of day: 'vrijdag 14:00', 'morgenochtend' (09:00), 'woensdag om half 3'
(14:30), 'vanavond' (19:00). The day is ``dates.parse_when``'s; a relative day ('morgen',
'over 3 dagen') that falls on a day off moves to the next working day. Pure: ``today`` is
always an argument.
"""

from __future__ import annotations

import re
from datetime import date

from salesnotes.domain.dates import (
    _TODAY_PARTS,
    PARTS_OF_DAY,
    _offset,
    _working_offset,
    parse_when,
)
from salesnotes.domain.days import WORKWEEK, Calendar, describe, next_working_day
from salesnotes.errors import BadInput
from salesnotes.i18n import N_, _
from salesnotes.record import record
from salesnotes.text import fold


@record
class Planned:
    """A day to get back to someone: with a time of day if one was given, and the day a
    relative date first gave when that was not a working day."""

    day: date
    at: str | None = None  # 'HH:MM', local time
    moved_from: date | None = None
    relative: bool = False  # counted from today ('over 2 weken', a proposal): may be spread
    spread_from: date | None = None  # the day it would have been, had that not been full
    spread_count: int = 0  # ... and the follow-ups that day already had


# A time of day at the end of a WHEN: 14:00, 14.00, 14u30, 9:30am, 9am, 14u, '14 uur', after an
# optional 'om', 'at' or '@'. A bare number ('at 5') is not a time: too easily a day.
_TIME = re.compile(
    r"^(?P<rest>.*?)\s*(?:\b(?:om|at|@)\s*)?"
    r"(?:(?P<h>\d{1,2})(?:[:.]|u)(?P<m>\d{2})\s*(?:uur|u|h)?\s*(?P<ampm>am|pm)?"
    r"|(?P<h2>\d{1,2})\s*(?P<ampm2>am|pm)"
    r"|(?P<h3>\d{1,2})\s*(?:u|uur|h|o'clock))$"
)
# The clock as it is said: 'half 3' (2:30, in Dutch), 'kwart over 3', 'kwart voor 4', 'half
# past 2', 'quarter past 3', 'quarter to 4', with the hour in digits or words.
_HOURS = (
    "een|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|elf|twaalf|"
    "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve"
)
_SPOKEN = re.compile(
    r"^(?P<rest>.*?)\s*(?:\b(?:om|at)\s+)?"
    rf"(?P<what>half|kwart over|kwart voor|half past|quarter past|quarter to)\s+"
    rf"(?P<hour>\d{{1,2}}|{_HOURS})$"
)
_HOUR_WORDS = {
    word: n % 12 or 12
    for n, words in enumerate(
        (("een", "one"), ("twee", "two"), ("drie", "three"), ("vier", "four"), ("vijf", "five"),
         ("zes", "six"), ("zeven", "seven"), ("acht", "eight"), ("negen", "nine"),
         ("tien", "ten"), ("elf", "eleven"), ("twaalf", "twelve")),
        start=1,
    )
    for word in words
}  # fmt: skip
_PART = re.compile(r"^(?P<day>.*?)\s*(?P<part>ochtend|middag|avond|morning|afternoon|evening)$")
_RELATIVE_WORDS = frozenset(
    ("tomorrow", "morgen", "overmorgen", "day after tomorrow", "next week", "volgende week")
    + ("next month", "volgende maand")
)
TIME_EXAMPLES = N_("'vrijdag 14:00', 'vr om 14.00' or 'tomorrow 9am'")


def parse_plan(
    text: str,
    today: date,
    calendar: Calendar | frozenset[int] | None = None,
    *,
    past: bool = False,
    next_weekday: str = "coming",
) -> Planned:
    """A WHEN for a follow-up: a day (``parse_when``), optionally with a time of day (14:00,
    'om half 3') or a part of the day ('morgenochtend'). A relative date ('morgen', 'over 3
    dagen', '+2w') that falls on a day off (a weekend, a public holiday, the salesperson's
    own days off) moves to the next working day; a date given as such ('zaterdag', '25-12')
    is kept. ``past``: a moment that has been (``log --on 'vandaag 9:00'``)."""
    days = calendar if isinstance(calendar, Calendar) else Calendar(calendar or WORKWEEK)
    folded = " ".join(fold(text).replace(",", " ").split())
    options = {"past": past, "calendar": days, "next_weekday": next_weekday}
    if folded in _TODAY_PARTS:  # 'vanmiddag': today, at its time
        return Planned(today, PARTS_OF_DAY[_TODAY_PARTS[folded]])
    try:
        day = parse_when(text, today, **options)  # type: ignore[arg-type]
        return _moved(Planned(day), folded, today, days, past)
    except BadInput as whole:
        rest, at = _time_of_day(folded)
        if at is None:
            raise
        if at == "":
            raise BadInput(
                _("'{text}' does not hold a time of day; try {examples}").format(
                    text=text, examples=_(TIME_EXAMPLES)
                )
            ) from None
        if not rest:
            return Planned(today, at)
        try:
            day = parse_when(rest, today, **options)  # type: ignore[arg-type]
        except BadInput:
            raise whole from None
        return _moved(Planned(day, at), rest, today, days, past)


def _time_of_day(folded: str) -> tuple[str, str | None]:
    """(the words before it, 'HH:MM') of a WHEN that ends in a time of day; '' for a time
    that is none (25:00); None when it ends in none."""
    if folded in _TODAY_PARTS:
        return "vandaag", PARTS_OF_DAY[_TODAY_PARTS[folded]]
    spoken = _SPOKEN.match(folded)
    if spoken:
        hour_text = spoken.group("hour")
        hour = _HOUR_WORDS.get(hour_text) or int(hour_text)
        what = spoken.group("what")
        if what in ("half", "kwart voor", "quarter to"):
            hour -= 1
        minute = {"half": 30, "half past": 30, "kwart over": 15, "quarter past": 15}.get(what, 45)
        if not 0 <= hour <= 23:
            return folded, ""
        return spoken.group("rest").strip(), _afternoon(hour % 24, minute)
    match = _TIME.match(folded)
    if match:
        return match.group("rest").strip(), _clock(match) or ""
    part = _PART.match(folded)
    if part and part.group("day").strip():
        return part.group("day").strip(), PARTS_OF_DAY[part.group("part")]
    return folded, None


def _afternoon(hour: int, minute: int) -> str:
    """A time said without am or pm: 1 to 6 o'clock is in the afternoon (a salesperson does
    not call at three at night)."""
    if 1 <= hour <= 6:
        hour += 12
    return f"{hour:02d}:{minute:02d}"


def _clock(match: re.Match[str]) -> str | None:
    hour_text = match.group("h") or match.group("h2") or match.group("h3")
    minute = int(match.group("m") or 0)
    half = match.group("ampm") or match.group("ampm2")
    hour = int(hour_text)
    if half is not None:
        if not 1 <= hour <= 12:
            return None
        hour = hour % 12 + (12 if half == "pm" else 0)
    if not (0 <= hour <= 23 and 0 <= minute <= 59):
        return None
    return f"{hour:02d}:{minute:02d}" if half is not None else _afternoon(hour, minute)


def _moved(
    plan: Planned, folded: str, today: date, calendar: Calendar, past: bool = False
) -> Planned:
    from salesnotes.record import changed

    relative = not past and _is_relative(folded, today, calendar)
    if past or calendar.is_working(plan.day) or not relative:
        return changed(plan, relative=relative)  # what has been is kept on its day
    return Planned(next_working_day(plan.day, calendar), plan.at, plan.day, relative=True)


def _is_relative(folded: str, today: date, calendar: Calendar) -> bool:
    """A date counted from today ('morgen', 'in 3 days', '+2w'), not one named as such."""
    return (
        folded in _RELATIVE_WORDS
        or _offset(folded, today, False) is not None
        or _working_offset(folded, today, False, calendar) is not None
    )


def day_it_happened(
    on: str, today: date, hint: str = ", and use --next for what is planned"
) -> date:
    """``--on``: the day a conversation happened, today or before (``parse_plan``, looking
    back: 'vorige week dinsdag', 'vandaag 9:00', 'vanochtend'; a time of day is read and
    left, a conversation is kept by its day); a day still to come is bad input (``hint``:
    what to do instead)."""
    from salesnotes.domain.days import describe

    happened = parse_plan(on, today, past=True).day
    if happened > today:
        raise BadInput(
            _("'{on}' is {happened}, in the future; log what happened{hint}").format(
                on=on, happened=describe(happened), hint=hint
            )
        )
    return happened


LONGEST_DAYS_OFF = 366
"""Days one period of days off may span (a longer one is a typo in a year)."""


def days_of(period: str, today: date) -> tuple[date, date]:
    """The first and last day of a period as typed: '2026-12-24..2027-01-03', '24-12 t/m
    3-1', '24 december tot 3 januari', 'vrijdag' (one day). The end is read from the start
    on, so '24-12..3-1' ends in the new year."""
    parts = re.split(
        r"\s*(?:\.\.|\bt/m\b|\btot en met\b|\btot\b|\bto\b|\buntil\b|\bthrough\b|–|—|\s-\s)\s*",
        period.strip(),
        maxsplit=1,
        flags=re.IGNORECASE,
    )
    if len(parts) == 2 and not all(p.strip() for p in parts):
        raise BadInput(
            _("'{period}' is not a period; try 2026-12-24..2027-01-03 or '24-12 t/m 3-1'").format(
                period=period
            )
        )
    first = parse_when(parts[0], today)
    last = parse_when(parts[1], first) if len(parts) == 2 else first
    if last < first:
        raise BadInput(
            _("'{period}' ends ({last}) before it begins ({first})").format(
                period=period, last=describe(last), first=describe(first)
            )
        )
    if (last - first).days >= LONGEST_DAYS_OFF:
        raise BadInput(
            _("'{period}' is over a year of days off ({first} to {last}); check the year").format(
                period=period, first=describe(first), last=describe(last)
            )
        )
    return first, last
