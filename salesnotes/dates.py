"""WHEN: the dates people type, in English and Dutch. Pure: ``today`` is always an argument.

``parse_when("vrijdag", today)`` is the next Friday (never today); ``parse_when("1-12", today)``
the next 1 December; ``past=True`` (for ``log --on``) turns both toward the most recent past one.
Nothing is guessed: text that is not one of the forms below is a ``BadInput`` with an example.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from salesnotes.days import (
    DAY_ABBR,
    DAY_NAMES,
    MONTH_ABBR,
    MONTH_NAMES,
    WORKWEEK,
    Period,
    add_working_days,
    day_name,
    describe,
    month_end,
    month_name,
    next_working_day,
    shift,
)
from salesnotes.errors import BadInput
from salesnotes.i18n import N_, _
from salesnotes.record import record
from salesnotes.text import fold

# The days salesnotes takes (documented in the README): enough for any birthday and any plan,
# and far from the ends of Python's dates, so that counting days from one never overflows.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)
RANGE_WORDS = N_("salesnotes takes dates from 1900 to 2999")

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
    "parse_plan",
    "parse_when",
    "Planned",
]

WEEKDAYS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("monday", "mon", "maandag", "ma"),
        ("tuesday", "tue", "tues", "dinsdag", "di"),
        ("wednesday", "wed", "woensdag", "wo"),
        ("thursday", "thu", "thur", "thurs", "donderdag", "do"),
        ("friday", "fri", "vrijdag", "vr"),
        ("saturday", "sat", "zaterdag", "za"),
        ("sunday", "sun", "zondag", "zo"),
    ]
):
    for _name in _names:
        WEEKDAYS[_name] = _i

MONTHS: dict[str, int] = {}
for _i, _names in enumerate(
    [
        ("january", "jan", "januari"),
        ("february", "feb", "februari"),
        ("march", "mar", "maart", "mrt"),
        ("april", "apr"),
        ("may", "mei"),
        ("june", "jun", "juni"),
        ("july", "jul", "juli"),
        ("august", "aug", "augustus"),
        ("september", "sep", "sept"),
        ("october", "oct", "oktober", "okt"),
        ("november", "nov"),
        ("december", "dec"),
    ],
    start=1,
):
    for _name in _names:
        MONTHS[_name] = _i

_WORDS = {
    "today": 0,
    "vandaag": 0,
    "now": 0,
    "nu": 0,
    "tomorrow": 1,
    "morgen": 1,
    "overmorgen": 2,
    "day after tomorrow": 2,
    "yesterday": -1,
    "gisteren": -1,
    "eergisteren": -2,
    "day before yesterday": -2,
}
_NUMBER_WORDS = {
    "a": 1,
    "an": 1,
    "one": 1,
    "een": 1,
    "two": 2,
    "twee": 2,
    "three": 3,
    "drie": 3,
    "four": 4,
    "vier": 4,
    "five": 5,
    "vijf": 5,
    "six": 6,
    "zes": 6,
}
_UNITS = {
    "d": "d",
    "day": "d",
    "days": "d",
    "dag": "d",
    "dagen": "d",
    "w": "w",
    "wk": "w",
    "week": "w",
    "weeks": "w",
    "weken": "w",
    "m": "m",
    "mo": "m",
    "month": "m",
    "months": "m",
    "maand": "m",
    "maanden": "m",
    "y": "y",
    "year": "y",
    "years": "y",
    "jaar": "y",
    "jaren": "y",
}
_NEXT = (
    "next ",
    "volgende ",
    "aanstaande ",
    "a.s. ",
    "as ",
    "this ",
    "deze ",
    "coming ",
    "komende ",
)
_LAST = ("last ", "vorige ", "afgelopen ", "previous ")

_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_NUMERIC = re.compile(r"^(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{4}|\d{2}))?$")
_OFFSET = re.compile(r"^([+-]?)\s*(\d{1,4}|[a-z]+)\s*([a-z]+)$")
_ORDINAL = re.compile(r"^(\d{1,2})(?:st|nd|rd|th|e|ste|de)?$")

EXAMPLES = N_("2026-12-01, 1-12, '1 december', 'tomorrow', 'vrijdag', 'in 2 weeks' or '+3d'")


def parse_period(text: str) -> Period:
    """'30d', '6w', '3m', '1y', '2 weeks', '6 weken' -> Period. Zero or negative is refused."""
    folded = fold(text).removeprefix("every ").removeprefix("elke ").removeprefix("iedere ")
    match = _OFFSET.match(folded)
    if match and not match.group(1):
        count = _count(match.group(2))
        unit = _UNITS.get(match.group(3))
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


def parse_when(text: str, today: date, *, past: bool = False) -> date:
    """Read a WHEN. ``past=True``: a bare day, weekday or offset means the most recent past one."""
    result = _parse(fold(text).replace(",", " ").strip(), today, past)
    if result is None:
        raise BadInput(
            _("'{text}' is not a date; try {examples}").format(text=text, examples=_(EXAMPLES))
        )
    if not FIRST_DAY <= result <= LAST_DAY:
        raise BadInput(
            _("'{text}' is {day}: {range}").format(
                text=text, day=result.isoformat(), range=_(RANGE_WORDS)
            )
        )
    return result


@record
class Planned:
    """A day to get back to someone: with a time of day if one was given, and the day a
    relative date first gave when that was not a working day."""

    day: date
    at: str | None = None  # 'HH:MM', local time
    moved_from: date | None = None


# A time of day at the end of a WHEN: 14:00, 14.00, 14u30, 9:30am, 9am, 14u, '14 uur', after an
# optional 'om', 'at' or '@'. A bare number ('at 5') is not a time: too easily a day.
_TIME = re.compile(
    r"^(?P<rest>.*?)\s*(?:\b(?:om|at|@)\s*)?"
    r"(?:(?P<h>\d{1,2})(?:[:.]|u)(?P<m>\d{2})\s*(?:uur|u|h)?\s*(?P<ampm>am|pm)?"
    r"|(?P<h2>\d{1,2})\s*(?P<ampm2>am|pm)"
    r"|(?P<h3>\d{1,2})\s*(?:u|uur|h))$"
)
_RELATIVE_WORDS = frozenset(
    ("tomorrow", "morgen", "overmorgen", "day after tomorrow", "next week", "volgende week")
    + ("next month", "volgende maand")
)
TIME_EXAMPLES = N_("'vrijdag 14:00', 'vr om 14.00' or 'tomorrow 9am'")


def parse_plan(text: str, today: date, working: frozenset[int] = WORKWEEK) -> Planned:
    """A WHEN for a follow-up: a day (``parse_when``), optionally with a time of day. A
    relative date ('morgen', 'over 3 dagen', '+2w') that falls on a day off moves to the next
    working day; a date given as such ('zaterdag', '28-11') is kept."""
    folded = " ".join(fold(text).replace(",", " ").split())
    try:
        day = parse_when(text, today)
        return _moved(Planned(day), folded, today, working)
    except BadInput as whole:
        match = _TIME.match(folded)
        if match is None:
            raise
        at = _clock(match)
        if at is None:
            raise BadInput(
                _("'{text}' does not hold a time of day; try {examples}").format(
                    text=text, examples=_(TIME_EXAMPLES)
                )
            ) from None
        rest = match.group("rest").strip()
        if not rest:
            return Planned(today, at)
        try:
            day = parse_when(rest, today)
        except BadInput:
            raise whole from None
        return _moved(Planned(day, at), rest, today, working)


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
    return f"{hour:02d}:{minute:02d}"


def _moved(plan: Planned, folded: str, today: date, working: frozenset[int]) -> Planned:
    if plan.day.weekday() in working or not _is_relative(folded, today):
        return plan
    return Planned(next_working_day(plan.day, working), plan.at, plan.day)


def _is_relative(folded: str, today: date) -> bool:
    """A date counted from today ('morgen', 'in 3 days', '+2w'), not one named as such."""
    return folded in _RELATIVE_WORDS or _offset(folded, today, False) is not None


def _parse(t: str, today: date, past: bool) -> date | None:
    t = " ".join(t.split())
    if not t:
        return None
    if t in _WORDS:
        return today + timedelta(days=_WORDS[t])
    if t in ("next week", "volgende week"):
        return today + timedelta(days=7 - today.weekday())
    if t in ("last week", "vorige week"):
        return today - timedelta(days=today.weekday() + 7)
    if t in ("next month", "volgende maand"):
        return shift(today.replace(day=1), 1, "m")
    if t in ("last month", "vorige maand"):
        return shift(today.replace(day=1), -1, "m")

    direction = 0  # +1: explicitly future, -1: explicitly past
    for prefix in _NEXT:
        if t.startswith(prefix):
            t, direction = t[len(prefix) :], 1
            break
    for prefix in _LAST:
        if t.startswith(prefix):
            t, direction = t[len(prefix) :], -1
            break
    if t in WEEKDAYS:
        return _weekday(WEEKDAYS[t], today, past=(direction == -1) or (past and direction == 0))
    if direction:
        return None

    offset = _offset(t, today, past)
    if offset is not None:
        return offset
    return _calendar(t, today, past)


def _count(word: str) -> int | None:
    if word.isdigit():
        return int(word)
    return _NUMBER_WORDS.get(word)


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
    unit = _UNITS.get(match.group(3))
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
