"""WHEN: the dates people type, in English and Dutch. Pure: ``today`` is always an argument.

``parse_when("vrijdag", today)`` is the next Friday (never today); ``parse_when("1-12", today)``
the next 1 December; ``past=True`` (for ``log --on``) turns both toward the most recent past one.
Beside dates and offsets, what a salesperson says between two calls: 'volgende week dinsdag'
(and 'dinsdag volgende week'), 'over 2 weken vrijdag', 'over 3 werkdagen', 'eind januari'
(its last working day), 'begin februari' (its first), 'half maart' (the 15th), 'vorige week
dinsdag'; and, with ``plans.parse_plan``, a time of day: 'morgenochtend' (09:00), 'vrijdagmiddag'
(14:00), 'vanavond' (19:00), 'woensdag om half 3' (14:30: a time of 1 to 6 without am/pm is
in the afternoon). 'volgende vrijdag' is ambiguous: said on a Monday, many mean Friday next
week; ``dates.next_weekday`` decides (default: the coming one), and every command echoes the
day it chose in words. Nothing is guessed: text that is not one of the forms is a
``BadInput`` with an example.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from salesnotes.domain.date_words import (
    AMBIGUOUS,
    DAY_WORDS,
    LAST,
    MONTHS,
    NEXT,
    NUMBER_WORDS,
    UNITS,
    WEEKDAYS,
)
from salesnotes.domain.days import (  # noqa: E402 - re-exported
    DAY_ABBR,
    DAY_NAMES,
    FIRST_DAY,
    LAST_DAY,
    MONTH_ABBR,
    MONTH_NAMES,
    RANGE_WORDS,
    Calendar,
    Period,
    add_working_days,
    day_name,
    describe,
    month_end,
    month_name,
    next_working_day,
    previous_working_day,
    shift,
)
from salesnotes.errors import BadInput
from salesnotes.i18n import N_, _
from salesnotes.text import fold

__all__ = [
    "DAY_ABBR",
    "DAY_NAMES",
    "MONTH_ABBR",
    "MONTH_NAMES",
    "EXAMPLES",
    "Period",
    "add_working_days",
    "describe",
    "parse_birthday",
    "parse_period",
    "parse_when",
]

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?$")
_OFFSET = re.compile(r"^([+-]?)\s*(\d{1,4}|[a-z]+)\s*([a-z]+)$")
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|e|ste|de)?$")

EXAMPLES = N_("2026-12-01, 1-12, '1 december', 'tomorrow', 'vrijdag', 'in 2 weeks' or '+3d'")
PAST_EXAMPLES = N_(
    "'gisteren', 'eergisteren', 'vorige week dinsdag', '3 dagen geleden', 'last friday' or 2-12"
)


def parse_period(text: str) -> Period:
    """'30d', '6w', '3m', '1y', '2 weeks', '6 weken' -> Period. Zero or negative is refused."""
    folded = fold(text).removeprefix("every ").removeprefix("elke ").removeprefix("iedere ")
    match = _OFFSET.match(folded)
    if match and not match.group(1):
        count = _count(match.group(2))
        unit = UNITS.get(match.group(3))
        if count is not None and unit is not None and 0 < count <= 3650:
            return Period(count, unit)
    raise BadInput(_("'{text}' is not a period; try 30d, 6w, 3m or '2 weeks'").format(text=text))


def parse_birthday(text: str) -> str:
    """'12-03', '12 maart', '12-03-1970', '1970-03-12' -> '--03-12' or '1970-03-12'.

    A day and month, with or without a year, as vCard stores it. Never relative to today.
    """
    t = fold(text).replace(",", " ").strip()
    words = [w.rstrip(".") for w in t.split() if w]
    parsed: tuple[int, int, int | None] | None = None
    match = _ISO.match(t)
    if match:
        parsed = int(match.group(3)), int(match.group(2)), int(match.group(1))
    elif t.startswith("--") and re.fullmatch(r"--\d{2}-?\d{2}", t):
        digits = t[2:].replace("-", "")
        parsed = int(digits[2:]), int(digits[:2]), None
    else:
        match = _NUMERIC.match(t)
        if match:
            year = match.group(3)
            parsed = (
                int(match.group(1)),
                int(match.group(2)),
                int(year) if year and len(year) == 4 else None,
            )
            if year and len(year) == 2:
                parsed = None
        else:
            parsed = _textual(words)
    if parsed is None:
        raise BadInput(
            _("'{text}' is not a birthday; try 12-03, '12 maart' or 12-03-1970").format(text=text)
        )
    day, month, year = parsed
    try:
        date(year or 2000, month, day)  # 2000 is a leap year: 29 February is a birthday too
    except ValueError:
        raise BadInput(
            _("'{text}' is not a day of the year; try 12-03 or '12 maart'").format(text=text)
        ) from None
    if year is not None and not FIRST_DAY.year <= year <= LAST_DAY.year:
        raise BadInput(
            _("'{text}' is in the year {year}: {range}").format(
                text=text, year=year, range=_(RANGE_WORDS)
            )
        )
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


def parse_when(
    text: str,
    today: date,
    *,
    past: bool = False,
    calendar: Calendar | None = None,
    next_weekday: str = "coming",
) -> date:
    """Read a WHEN. ``past=True``: a bare day, weekday or offset means the most recent past
    one. ``calendar``: the working days 'over 3 werkdagen' and 'eind januari' count by.
    ``next_weekday``: what 'volgende vrijdag' is ('coming' or 'next-week')."""
    folded = fold(text).replace(",", " ").strip()
    result = _parse(folded, today, past, calendar or Calendar(), next_weekday)
    if result is None:
        examples = _(PAST_EXAMPLES) if past else _(EXAMPLES)
        raise BadInput(
            _("'{text}' is not a date; try {examples}").format(text=text, examples=examples)
        )
    if not FIRST_DAY <= result <= LAST_DAY:
        raise BadInput(
            _("'{text}' is {day}: {range}").format(
                text=text, day=result.isoformat(), range=_(RANGE_WORDS)
            )
        )
    return result


# Parts of the day: 'morgenochtend', 'vrijdagmiddag', 'tomorrow morning', 'vanavond'.
PARTS_OF_DAY = {
    "ochtend": "09:00", "morgen": "09:00", "morning": "09:00",
    "middag": "14:00", "afternoon": "14:00",
    "avond": "19:00", "evening": "19:00", "night": "19:00",
}  # fmt: skip
_TODAY_PARTS = {
    "vanochtend": "ochtend", "vanmorgen": "ochtend", "vanmiddag": "middag", "vanavond": "avond",
    "this morning": "morning", "this afternoon": "afternoon", "this evening": "evening",
    "tonight": "evening",
}  # fmt: skip
WEEKDAY = (
    r"(?P<wd>maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|"
    r"wednesday|thursday|friday|saturday|sunday|ma|di|wo|do|vr|za|zo|mon|tue|wed|thu|fri|sat|sun)"
)
_WEEK_WORDS = {
    "volgende week": 1, "next week": 1, "deze week": 0, "this week": 0, "vorige week": -1,
    "last week": -1, "afgelopen week": -1,
}  # fmt: skip
_WEEK_DAY = re.compile(
    rf"^(?:(?P<week>volgende week|next week|deze week|this week|vorige week|last week|"
    rf"afgelopen week)\s+{WEEKDAY}|{WEEKDAY.replace('wd', 'wd2')}\s+(?P<week2>volgende week|"
    rf"next week|deze week|this week|vorige week|last week|afgelopen week))$"
)
_WEEKS_DAY = re.compile(
    rf"^(?:(?:over|in)\s+(?P<n>\d{{1,3}}|[a-z]+)\s+(?:weken|weeks|week)\s+{WEEKDAY}"
    rf"|{WEEKDAY.replace('wd', 'wd2')}\s+(?:over|in)\s+(?P<n2>\d{{1,3}}|[a-z]+)\s+"
    rf"(?:weken|weeks|week))$"
)
_WORKING = re.compile(
    r"^(?:(?P<dir>over|in)\s+)?(?P<n>\d{1,3}|[a-z]+)\s+(?:werkdagen|werkdag|working days?|"
    r"business days?)(?:\s+(?P<ago>geleden|ago))?$"
)
_MONTH_PART = re.compile(
    r"^(?P<part>eind|einde|end of|eind van|begin|start of|beginning of|early|half|midden|"
    r"halverwege|mid|mid-|late)\s*(?:de |the )?(?P<month>[a-z]+(?: maand| month)?)"
    r"(?: (?P<year>\d{4}))?$"
)
_MONTH_PARTS = {
    "eind": "end", "einde": "end", "end of": "end", "eind van": "end", "late": "end",
    "begin": "start", "start of": "start", "beginning of": "start", "early": "start",
    "half": "mid", "midden": "mid", "halverwege": "mid", "mid": "mid", "mid-": "mid",
}  # fmt: skip
_THIS_MONTH = {
    "maand": 0, "deze maand": 0, "this month": 0, "month": 0, "volgende maand": 1,
    "next month": 1, "vorige maand": -1, "last month": -1,
}  # fmt: skip


def _parse(t: str, today: date, past: bool, calendar: Calendar, next_weekday: str) -> date | None:
    t = " ".join(t.split())
    if not t:
        return None
    if t in DAY_WORDS:
        return today + timedelta(days=DAY_WORDS[t])
    if t in _TODAY_PARTS:  # 'vanochtend': today (log --on 'vanochtend')
        return today
    if t in ("next week", "volgende week"):
        return today + timedelta(days=7 - today.weekday())
    if t in ("last week", "vorige week"):
        return today - timedelta(days=today.weekday() + 7)
    if t in ("next month", "volgende maand"):
        return shift(today.replace(day=1), 1, "m")
    if t in ("last month", "vorige maand"):
        return shift(today.replace(day=1), -1, "m")
    found = _week_day(t, today)
    if found is None:
        found = _working_offset(t, today, past, calendar)
    if found is None:
        found = _month_part(t, today, past, calendar)
    if found is not None:
        return found

    direction = 0  # +1: explicitly future, -1: explicitly past
    ambiguous = False
    for prefix in NEXT:
        if t.startswith(prefix):
            t, direction, ambiguous = t[len(prefix) :], 1, prefix in AMBIGUOUS
            break
    for prefix in LAST:
        if t.startswith(prefix):
            t, direction = t[len(prefix) :], -1
            break
    if t in WEEKDAYS:
        day = _weekday(WEEKDAYS[t], today, past=(direction == -1) or (past and direction == 0))
        if ambiguous and next_weekday == "next-week" and direction == 1:
            monday = today - timedelta(days=today.weekday()) + timedelta(weeks=1)
            day = max(day, monday + timedelta(days=WEEKDAYS[t]))
        return day
    if direction:
        return None

    offset = _offset(t, today, past)
    if offset is not None:
        return offset
    return _calendar(t, today, past)


def _week_day(t: str, today: date) -> date | None:
    """'volgende week dinsdag', 'dinsdag vorige week', 'over 2 weken vrijdag': a weekday of
    the week so many weeks from this one."""
    match = _WEEK_DAY.match(t)
    weeks: int | None = None
    name = ""
    if match:
        weeks = _WEEK_WORDS[match.group("week") or match.group("week2")]
        name = match.group("wd") or match.group("wd2")
    else:
        match = _WEEKS_DAY.match(t)
        if match:
            weeks = _count(match.group("n") or match.group("n2"))
            name = match.group("wd") or match.group("wd2")
    if weeks is None or name not in WEEKDAYS or abs(weeks) > 520:
        return None
    monday = today - timedelta(days=today.weekday()) + timedelta(weeks=weeks)
    return monday + timedelta(days=WEEKDAYS[name])


def _working_offset(t: str, today: date, past: bool, calendar: Calendar) -> date | None:
    """'over 3 werkdagen', 'in 3 working days', '2 werkdagen geleden'."""
    match = _WORKING.match(t)
    if not match:
        return None
    count = _count(match.group("n"))
    if count is None or count > 3650:
        return None
    if match.group("ago") or (past and not match.group("dir")):
        day = today
        for __ in range(count):
            day = previous_working_day(day - timedelta(days=1), calendar)
        return day
    return add_working_days(today, count, calendar)


def _month_part(t: str, today: date, past: bool, calendar: Calendar) -> date | None:
    """'eind januari' (its last working day), 'begin februari' (its first), 'half maart'
    (the 15th, or the first working day after it), and of 'deze maand', 'volgende maand'."""
    match = _MONTH_PART.match(t)
    if not match:
        return None
    part = _MONTH_PARTS[match.group("part")]
    month_text = match.group("month")
    year = int(match.group("year")) if match.group("year") else None
    if month_text in _THIS_MONTH:
        start = shift(today.replace(day=1), _THIS_MONTH[month_text], "m")
        candidates = [start]
    elif month_text in MONTHS:
        month = MONTHS[month_text]
        years = [year] if year else [today.year + step for step in (-1, 0, 1, 2)]
        candidates = [date(y, month, 1) for y in years if 1 <= y <= 9999]
    else:
        return None

    def day_of(first: date) -> date:
        if part == "start":
            return next_working_day(first, calendar)
        if part == "end":
            return previous_working_day(month_end(first.year, first.month), calendar)
        return next_working_day(first.replace(day=15), calendar)

    days = [day_of(first) for first in candidates]
    if len(days) == 1:
        return days[0]
    if past:
        passed = [d for d in days if d <= today]
        return passed[-1] if passed else None
    coming = [d for d in days if d >= today]
    return coming[0] if coming else None


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word) if len(word) <= 9 else 10**9  # past any count, and past what int reads

    return NUMBER_WORDS.get(word)


def _offset(t: str, today: date, past: bool) -> date | None:
    sign = 1
    if t.startswith(("in ", "over ")):
        t = t.split(" ", 1)[1]
    elif t.endswith((" ago", " geleden")):
        t, sign = t.rsplit(" ", 1)[0], -1
    elif past and not t.startswith("+"):
        sign = -1
    match = _OFFSET.match(t)
    if not match:
        return None
    if match.group(1) == "-":
        sign = -1
    elif match.group(1) == "+":
        sign = 1
    count = _count(match.group(2))
    unit = UNITS.get(match.group(3))
    if count is None or unit is None or count > 3650:
        return None
    try:
        return shift(today, sign * count, unit)
    except (OverflowError, ValueError):
        return None


def _weekday(target: int, today: date, *, past: bool) -> date:
    if past:
        back = (today.weekday() - target) % 7 or 7
        return today - timedelta(days=back)
    ahead = (target - today.weekday()) % 7 or 7
    return today + timedelta(days=ahead)


def _calendar(t: str, today: date, past: bool) -> date | None:
    weekday: int | None = None
    words = t.split(" ")
    if len(words) > 1 and words[0].rstrip(".") in WEEKDAYS:
        weekday = WEEKDAYS[words[0].rstrip(".")]
        words = words[1:]
    t = " ".join(words)

    year: int | None
    match = _ISO.match(t)
    if match:
        year, month, day = (int(g) for g in match.groups())
    else:
        match = _NUMERIC.match(t)
        if match:
            day, month = int(match.group(1)), int(match.group(2))
            year = _year(match.group(3))
        else:
            parsed = _textual(words)
            if parsed is None:
                return None
            day, month, year = parsed

    if year is None:
        result = _next_occurrence(day, month, today, past, t)
    else:
        result = _make(year, month, day, t)
    if weekday is not None and result.weekday() != weekday:
        raise BadInput(
            _("'{text}' is a {weekday}, not a {typed_weekday}; did you mean {day}?").format(
                text=t,
                weekday=day_name(result.weekday()),
                typed_weekday=day_name(weekday),
                day=describe(result),
            )
        )
    return result


def _year(text: str | None) -> int | None:
    if text is None:
        return None
    value = int(text)
    return 2000 + value if len(text) == 2 else value


def _textual(words: list[str]) -> tuple[int, int, int | None] | None:
    words = [w.rstrip(".") for w in words if w]
    if len(words) not in (2, 3):
        return None
    year = None
    if len(words) == 3:
        if not re.fullmatch(r"\d{4}", words[2]):
            return None
        year = int(words[2])
    first, second = words[0], words[1]
    if first in MONTHS:  # "december 1" (English order)
        first, second = second, first
    day_match = _ORDINAL.match(first)
    if not day_match or second not in MONTHS:
        return None
    return int(day_match.group(1)), MONTHS[second], year


def _make(year: int, month: int, day: int, original: str) -> date:
    if not 1 <= month <= 12:
        raise BadInput(
            _("'{original}' is not a date: there is no month {month}; try {examples}").format(
                original=original, month=month, examples=_(EXAMPLES)
            )
        )
    try:
        return date(year, month, day)
    except ValueError:
        pass
    if 1 <= year <= 9999 and day > 28:
        last = month_end(year, month)
        suggestion = f"{last.day}-{month}-{year}"
        raise BadInput(
            _(
                "'{original}' is not a date: {month} {year} has {days} days; try "
                "{suggestion}, 'tomorrow' or 'vrijdag'"
            ).format(
                original=original,
                month=month_name(month),
                year=year,
                days=last.day,
                suggestion=suggestion,
            )
        )
    raise BadInput(
        _("'{original}' is not a date; try {examples}").format(
            original=original, examples=_(EXAMPLES)
        )
    )


def _next_occurrence(day: int, month: int, today: date, past: bool, original: str) -> date:
    if not 1 <= month <= 12 or not 1 <= day <= 31:
        raise BadInput(
            _("'{original}' is not a date; try {examples}").format(
                original=original, examples=_(EXAMPLES)
            )
        )
    step = -1 if past else 1
    # Eight years always reach a 29 February; any other valid day is found in two.
    for years in range(0, 9):
        year = today.year + step * years
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue
        if (past and candidate <= today) or (not past and candidate >= today):
            return candidate
    raise BadInput(
        _(
            "'{original}' is not a date: {month} has no day {day}; try 'tomorrow' or 'vrijdag'"
        ).format(original=original, month=month_name(month), day=day)
    )
