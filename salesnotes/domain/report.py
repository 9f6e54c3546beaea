"""The team's figures over a span of days (issue 28): which days a report covers and the
days it is held against, and the sums and rates of one person's or the team's work. Pure:
today is an argument, the rows come from the store, the words from render/."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta

SPANS = ("week", "month", "since")
TALKS = ("call", "visit", "email", "meeting")  # the conversations counted (not notes)


@dataclass(frozen=True, slots=True)
class Span:
    """The days a report covers, both ends included."""

    start: date
    end: date

    @property
    def days(self) -> list[date]:
        """Every day of the span, in order."""
        return [self.start + timedelta(days=n) for n in range((self.end - self.start).days + 1)]

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day <= self.end


def spans(kind: str, today: date, since: date | None = None, *, last: bool = False) -> tuple[
    Span, Span
]:  # fmt: skip
    """The span a report covers and the one before it to compare with, like for like.

    ``week``: Monday to today, against last week's Monday to the same weekday; ``month``: the
    1st to today, against as many days from the 1st of last month (at most to its end);
    ``since``: ``since`` to today, against as many days just before. ``last``: the whole week
    or month before this one, against the whole one before that."""
    if kind == "since":
        if since is None or since > today:
            raise ValueError("a span since a day needs a day up to today")
        length = today - since
        before_end = since - timedelta(days=1)
        return Span(since, today), Span(before_end - length, before_end)
    if kind == "week":
        monday = today - timedelta(days=today.weekday())
        if last:
            monday -= timedelta(days=7)
            return Span(monday, monday + timedelta(days=6)), Span(
                monday - timedelta(days=7), monday - timedelta(days=1)
            )
        past = today - monday
        before = monday - timedelta(days=7)
        return Span(monday, today), Span(before, before + past)
    first = today.replace(day=1)
    if last:
        end = first - timedelta(days=1)
        start = end.replace(day=1)
        before_end = start - timedelta(days=1)
        return Span(start, end), Span(before_end.replace(day=1), before_end)
    before_end = first - timedelta(days=1)
    before = before_end.replace(day=1)
    return Span(first, today), Span(before, min(before + (today - first), before_end))


@dataclass(slots=True)
class Money:
    """A count of quotes and their amount (in the book's currency, in cents)."""

    n: int = 0
    cents: int = 0

    def add(self, other: Money) -> None:
        self.n += other.n
        self.cents += other.cents


@dataclass(slots=True)
class Figures:
    """One person's (or the team's) work over a span. ``open``/``weighted``/``quiet`` are
    the state on the day of the report (None for a span before it: not kept history)."""

    talks: dict[str, int] = field(default_factory=lambda: dict.fromkeys(TALKS, 0))
    per_day: list[int] = field(default_factory=list)
    new_contacts: int = 0
    sent: Money = field(default_factory=Money)
    won: Money = field(default_factory=Money)
    lost: Money = field(default_factory=Money)
    on_time: int = 0
    late: int = 0
    complaints: int = 0
    answer_hours: list[float] = field(default_factory=list)
    open: Money | None = None
    weighted_cents: int | None = None
    quiet: int | None = None

    @property
    def conversations(self) -> int:
        return sum(self.talks.values())

    @property
    def open_count(self) -> int | None:
        return None if self.open is None else self.open.n

    @property
    def open_cents(self) -> int | None:
        return None if self.open is None else self.open.cents

    @property
    def win_rate(self) -> float | None:
        """Won of the quotes decided in the span (won or lost), 0..1; None when none was."""
        decided = self.won.n + self.lost.n
        return self.won.n / decided if decided else None

    @property
    def unanswered(self) -> int:
        """The span's complaints with no answer yet."""
        return self.complaints - len(self.answer_hours)

    @property
    def median_hours(self) -> float | None:
        """The median of the hours from a complaint to its first answer (None: none)."""
        if not self.answer_hours:
            return None
        from statistics import median  # 6 ms to import: only when there is one to say

        return median(self.answer_hours)

    def add(self, other: Figures) -> None:
        """Count ``other`` into these (the team's totals)."""
        for kind, n in other.talks.items():
            self.talks[kind] = self.talks.get(kind, 0) + n
        if len(self.per_day) < len(other.per_day):
            self.per_day += [0] * (len(other.per_day) - len(self.per_day))
        for i, n in enumerate(other.per_day):
            self.per_day[i] += n
        self.new_contacts += other.new_contacts
        self.sent.add(other.sent)
        self.won.add(other.won)
        self.lost.add(other.lost)
        self.on_time += other.on_time
        self.late += other.late
        self.complaints += other.complaints
        self.answer_hours += other.answer_hours
        if other.open is not None:
            if self.open is None:
                self.open = Money()
            self.open.add(other.open)
            self.weighted_cents = (self.weighted_cents or 0) + (other.weighted_cents or 0)
        if other.quiet is not None:
            self.quiet = (self.quiet or 0) + other.quiet


@dataclass(slots=True)
class Person:
    """One person's figures in the span and in the span before it."""

    name: str
    now: Figures
    before: Figures


@dataclass(slots=True)
class Report:
    """What ``report`` shows: each person's figures (in name order), the team's totals when
    there are several, the open pipeline by the month the quotes run to, and what the
    figures leave out (quotes in other currencies)."""

    kind: str
    span: Span
    before: Span
    today: date
    currency: str
    people: list[Person]
    team: Person | None
    months: list[tuple[str, Money]] = field(default_factory=list)
    other_currencies: int = 0

    @property
    def shown(self) -> Person:
        """The team's totals, or the one person's figures."""
        return self.team if self.team is not None else self.people[0]


def binned(span: Span, per_day: list[int]) -> tuple[str, list[int]]:
    """Counts per day grouped as a picture can show them: by day up to 31 days, by (ISO)
    week up to 31 weeks, else by month; ('day' | 'week' | 'month', the sums in order)."""
    days = span.days
    if len(days) <= 31:
        return "day", list(per_day)
    unit = "week" if len(days) <= 31 * 7 else "month"
    sums: dict[tuple[int, int], int] = {}
    for day, n in zip(days, per_day, strict=True):
        key = day.isocalendar()[:2] if unit == "week" else (day.year, day.month)
        sums[key] = sums.get(key, 0) + n
    return unit, list(sums.values())


def change(now: float | None, before: float | None) -> float | None:
    """The relative change from ``before`` to ``now`` (0.25: a quarter more); None when
    there is nothing to compare (no figure, or none before)."""
    if now is None or before is None or before == 0:
        return None
    return (now - before) / before
