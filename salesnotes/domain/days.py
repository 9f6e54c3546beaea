"""Days: periods and date arithmetic, and the one place dates become words. Pure.

``dates.py`` reads what people type; this module holds what every command needs once a date is
known, and imports nothing heavy (no ``re``, no ``dateutil``), because the agenda needs it on
every run.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from salesnotes.i18n import N_, Nn_, _, language, n_
from salesnotes.record import record

DAY_ABBR = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
DAY_NAMES = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTH_ABBR = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
# The days salesnotes takes (documented in the README): enough for any birthday and any plan,
# and far from the ends of Python's dates, so that counting days from one never overflows.
FIRST_DAY = date(1900, 1, 1)
LAST_DAY = date(2999, 12, 31)
RANGE_WORDS = N_("salesnotes takes dates from 1900 to 2999")

_UNIT_DAYS = {"d": 1.0, "w": 7.0, "m": 30.44, "y": 365.25}
_UNIT_WORDS = {
    "d": Nn_("{n} day", "{n} days"),
    "w": Nn_("{n} week", "{n} weeks"),
    "m": Nn_("{n} month", "{n} months"),
    "y": Nn_("{n} year", "{n} years"),
}
# What people read, per language: 'Fri 27 Nov 2026' and 'vr 27 nov 2026'.
_DAY_ABBR = {"en": DAY_ABBR, "nl": ("ma", "di", "wo", "do", "vr", "za", "zo")}
_MONTH_ABBR = {
    "en": MONTH_ABBR,
    "nl": ("jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"),
}


_DAY_NAMES = {
    "en": DAY_NAMES,
    "nl": ("maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"),
}
_MONTH_NAMES = {
    "en": MONTH_NAMES,
    "nl": ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
           "september", "oktober", "november", "december"),
}  # fmt: skip


def day_name(weekday: int) -> str:
    """'Friday' / 'vrijdag': a weekday (0 is Monday) in the language spoken."""
    return _DAY_NAMES[language()][weekday]


def month_name(month: int) -> str:
    """'March' / 'maart': a month (1-12) in the language spoken."""
    return _MONTH_NAMES[language()][month - 1]


def day_abbr(weekday: int) -> str:
    """'Fri' / 'vr': a weekday as the language spoken abbreviates it."""
    return _DAY_ABBR[language()][weekday]


def month_abbr(month: int) -> str:
    """'Mar' / 'mrt': a month (1-12) as the language spoken abbreviates it."""
    return _MONTH_ABBR[language()][month - 1]


@record
class Period:
    """A rhythm or validity such as 30d, 6w or 3m."""

    count: int
    unit: str  # d, w, m or y

    @classmethod
    def stored(cls, text: str) -> Period | None:
        """A period as salesnotes stores it ('6w', '3m'), or None if ``text`` is not one."""
        if (
            2 <= len(text) <= 10
            and text[-1] in _UNIT_DAYS
            and text[:-1].isdigit()
            and text.isascii()
        ):
            return cls(int(text[:-1]), text[-1])
        return None

    def after(self, start: date) -> date:
        """The date this period after ``start`` (months clamp to the month's end)."""
        return shift(start, self.count, self.unit)

    @property
    def approx_days(self) -> float:
        """Length in days, months counted as 30.44 days: for comparing periods."""
        return self.count * _UNIT_DAYS[self.unit]

    def __str__(self) -> str:
        return f"{self.count}{self.unit}"

    def describe(self) -> str:
        """'6 weeks', '1 month'."""
        one, many = _UNIT_WORDS[self.unit]
        return n_(one, many, self.count).format(n=self.count)


def month_end(year: int, month: int) -> date:
    """The last day of a month."""
    first_next = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return first_next - timedelta(days=1)


def add_months(start: date, months: int) -> date:
    """``start`` moved by whole months; a day past the new month's end becomes its last day
    (31 January + 1 month is 28 or 29 February), as dateutil's ``relativedelta`` does."""
    year, index = divmod(start.month - 1 + months, 12)
    year += start.year
    if not 1 <= year <= 9999:
        raise OverflowError("date value out of range")
    return start.replace(
        year=year, month=index + 1, day=min(start.day, month_end(year, index + 1).day)
    )


def shift(start: date, count: int, unit: str) -> date:
    """``start`` moved by ``count`` days, weeks, months or years."""
    if unit == "d":
        return start + timedelta(days=count)
    if unit == "w":
        return start + timedelta(weeks=count)
    return add_months(start, count if unit == "m" else 12 * count)


WORKWEEK = frozenset(range(5))
"""Monday to Friday: the default of the ``calendar.working_days`` setting."""

_DAY_WORDS = (
    ("mon", "monday", "ma", "maandag"),
    ("tue", "tuesday", "di", "dinsdag"),
    ("wed", "wednesday", "wo", "woensdag"),
    ("thu", "thursday", "do", "donderdag"),
    ("fri", "friday", "vr", "vrijdag"),
    ("sat", "saturday", "za", "zaterdag"),
    ("sun", "sunday", "zo", "zondag"),
)


def _day_number(word: str) -> int | None:
    word = word.strip().lower()
    for number, words in enumerate(_DAY_WORDS):
        if word in words:
            return number
    return None


def parse_working_days(text: str) -> frozenset[int] | None:
    """'mon-fri', 'ma-za', 'mon,tue,thu,fri' -> the weekdays (0 is Monday); None when ``text``
    is not such a list or names no day."""
    days: set[int] = set()
    for part in text.replace(" ", "").split(","):
        ends = part.split("-")
        if len(ends) > 2:
            return None
        numbers = [_day_number(e) for e in ends]
        if any(n is None for n in numbers):
            return None
        first, last = numbers[0], numbers[-1]
        assert first is not None and last is not None
        span = (last - first) % 7
        days.update((first + i) % 7 for i in range(span + 1))
    return frozenset(days) or None


def working_words(working: frozenset[int]) -> str:
    """'Mon-Fri', 'Mon-Sat', 'Mon, Tue, Thu': the working days as people write them."""
    ordered = sorted(working)
    if ordered == list(range(ordered[0], ordered[-1] + 1)) and len(ordered) > 2:
        return f"{day_abbr(ordered[0])}-{day_abbr(ordered[-1])}"
    return ", ".join(day_abbr(d) for d in ordered)


@record
class DayOff:
    """A day, or days, nobody works: a public holiday (``kind`` 'holiday', its English
    ``name`` and its Dutch or the country's own ``own_name``) or a salesperson's own days
    off ('own', with the note they gave and the id ``salesnotes off --remove`` takes)."""

    first: date
    last: date
    kind: str  # holiday or own
    name: str = ""
    id: int | None = None
    own_name: str = ""


@record
class Calendar:
    """Which days are worked: the working weekdays (``calendar.working_days``), less the
    public holidays (``calendar.holidays``) and the salesperson's own days off. Relative
    dates never land on a day off; overdue counts only working days. Pure: built by
    ``salesnotes.publicdays`` and the store, asked here."""

    working: frozenset[int] = WORKWEEK
    off: tuple[DayOff, ...] = ()
    # The days off that fall on working weekdays, sorted: what counting working days skips.
    skipped: tuple[date, ...] = ()

    @classmethod
    def of(cls, working: frozenset[int], off: tuple[DayOff, ...] = ()) -> Calendar:
        """A calendar of these weekdays and days off."""
        skipped: set[date] = set()
        for item in off:
            day = item.first
            while day <= item.last:
                if day.weekday() in working:
                    skipped.add(day)
                day += timedelta(days=1)
        return cls(working, tuple(sorted(off, key=lambda d: d.first)), tuple(sorted(skipped)))

    def is_working(self, day: date) -> bool:
        """True on a working weekday that is no holiday and no day off."""
        if day.weekday() not in self.working:
            return False
        import bisect

        at = bisect.bisect_left(self.skipped, day)
        return not (at < len(self.skipped) and self.skipped[at] == day)

    def off_on(self, day: date) -> DayOff | None:
        """The holiday or days off ``day`` is in, if any (a holiday first)."""
        found = [d for d in self.off if d.first <= day <= d.last]
        found.sort(key=lambda d: d.kind != "holiday")
        return found[0] if found else None


def _calendar(working: frozenset[int] | Calendar) -> Calendar:
    return working if isinstance(working, Calendar) else Calendar(working)


def add_working_days(start: date, days: int, working: frozenset[int] | Calendar = WORKWEEK) -> date:
    """``start`` plus ``days`` working days (Monday to Friday unless ``working`` says; no
    holiday or day off of the calendar's)."""
    calendar = _calendar(working)
    current = start
    remaining = days
    while remaining > 0:
        current += timedelta(days=1)
        if calendar.is_working(current):
            remaining -= 1
    return current


def next_working_day(day: date, working: frozenset[int] | Calendar = WORKWEEK) -> date:
    """``day`` itself when it is a working day, else the first working day after it."""
    calendar = _calendar(working)
    for ahead in range(400):
        candidate = day + timedelta(days=ahead)
        if calendar.is_working(candidate):
            return candidate
    return day  # no working day at all: a setting salesnotes refuses; keep the day


def previous_working_day(day: date, working: frozenset[int] | Calendar = WORKWEEK) -> date:
    """``day`` itself when it is a working day, else the last working day before it."""
    calendar = _calendar(working)
    for back in range(400):
        candidate = day - timedelta(days=back)
        if calendar.is_working(candidate):
            return candidate
    return day


def working_days_between(
    start: date, end: date, working: frozenset[int] | Calendar = WORKWEEK
) -> int:
    """How many working days lie from ``start`` up to (not including) ``end``: the working
    days a follow-up due on ``start`` has been left undone by ``end`` (0 when not later);
    holidays and days off do not count."""
    total = (end - start).days
    if total <= 0:
        return 0
    calendar = _calendar(working)
    weeks, rest = divmod(total, 7)
    first = start.weekday()
    days = weeks * len(calendar.working)
    days += sum(1 for i in range(rest) if (first + i) % 7 in calendar.working)
    if calendar.skipped:
        import bisect

        days -= bisect.bisect_left(calendar.skipped, end) - bisect.bisect_left(
            calendar.skipped, start
        )
    return max(days, 0)


def describe(day: date) -> str:
    """The echo format: 'Fri 27 Nov 2026', in Dutch 'vr 27 nov 2026'."""
    return f"{day_abbr(day.weekday())} {day.day} {month_abbr(day.month)} {day.year}"


def short(day: date, today: date | None = None) -> str:
    """'Fri 27 Nov': with the year only when it is not ``today``'s year (None: never)."""
    text = f"{day_abbr(day.weekday())} {day.day} {month_abbr(day.month)}"
    return text if today is None or day.year == today.year else f"{text} {day.year}"


def moment_words(value: datetime) -> str:
    """'Tue 24 Nov 07:30', in local time."""
    local = value.astimezone()
    return f"{short(local.date())} {local:%H:%M}"


def birthday_words(value: str) -> str:
    """A stored birthday as people write it: '--03-12' is '12 Mar', '1970-03-12' '12 Mar 1970'."""
    month, day = int(value[-5:-3]), int(value[-2:])
    year = value[:4] if value[:4].isdigit() else ""
    return f"{day} {month_abbr(month)}{' ' + year if year else ''}"


def rhythm_words(stored: str) -> str:
    """A keep-in-touch rhythm as people say it: '6w' is 'every 6 weeks' ('elke 6 weken');
    'off' is 'not kept' ('niet bijgehouden')."""
    period = Period.stored(stored)
    if period is None:
        return _("not kept") if stored == "off" else stored
    return _("every {period}").format(period=period.describe())


def relative(day: date, today: date) -> str:
    """'today', 'tomorrow', 'in 3 days', 'yesterday', '3 days ago'."""
    delta = (day - today).days
    if delta == 0:
        return _("today")
    if delta == 1:
        return _("tomorrow")
    if delta == -1:
        return _("yesterday")
    if delta > 0:
        return _("in {n} days").format(n=delta)
    return _("{n} days ago").format(n=-delta)


def days_phrase(n: int) -> str:
    """'1 day', '3 days'."""
    return n_("{n} day", "{n} days", n).format(n=n)


def duration_words(days: int) -> str:
    """'9 days', '9 weeks', '5 months': how long, roughly, in the largest fitting unit."""
    if days < 14:
        return days_phrase(days)
    if days < 90:
        return _("{n} weeks").format(n=days // 7)
    return _("{n} months").format(n=round(days / 30.44))
