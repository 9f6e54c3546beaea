"""A rhythm that learns itself (issue 27): the typical interval between two contacts with a
customer, and its spread, from their own history, shrunk toward their segment's (status,
organisation, tag; the whole book when nothing else fits) while their history is short.

The model, standard library only (start-up matters: no scipy, no numpy): an interval of x
days is y = ln x. A segment has a mean ``mean`` of its customers' typical log-interval, how
far customers' typical intervals lie apart (``between``, a variance) and how far one
customer's intervals lie around their own typical one (``within``, a variance). A customer
with n intervals of mean log ȳ gets, by the normal-normal posterior (empirical Bayes: the
segment's figures are estimated from the book itself),

    precision = 1/between + n/within,  centre = (mean/between + n·ȳ/within) / precision

so with no history the segment's centre, with 20 intervals very nearly their own. Their own
spread is their sample variance shrunk toward ``within`` (``PRIOR_DEGREES`` pseudo-intervals).
The next interval is log-normal around the centre, with the spread and the centre's own
uncertainty: ``typical`` is its median (the point that minimises the absolute error), the
middle half is what "meestal 18-26 dagen" says, and ``p90`` is the day after which a customer
is getting quiet (past where nine in ten of their own next contacts fall).

Rules, not storage: the days come in as dates, the result is a record; ``today`` is an
argument.
"""

from __future__ import annotations

import math

from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from datetime import date

    from salesnotes.domain.days import Calendar

Z90 = 1.2815515655446004
"""The standard normal's 90th percentile."""

Z75 = 0.6744897501960817
"""... and its 75th: the middle half lies within ±Z75."""

SEGMENT_LEAST = 20
"""A tag or status with fewer customers who have a history leans on the next segment."""

ORGANISATION_LEAST = 3
"""Colleagues at one organisation who have a history: from this many, a contact there leans on
them first (people at one customer are seen in one rhythm: the account's)."""

LEARN_FROM = 3
"""From this many intervals of their own (four contact days) a contact's learned rhythm takes
over from their status's configured one, and the agenda says when they are getting quiet;
with fewer, the status's rhythm stays (a lead with one contact is not chased by a guess)."""

LEFT_ALONE = ("former",)
"""Statuses a learned rhythm never chases: a former customer getting quiet is no news."""

PRIOR_DEGREES = 4.0
"""How many intervals' worth the segment's spread weighs against a customer's own."""

SHORTEST = 1
"""Two contacts on one day are one contact: an interval is at least a day."""

LONGEST = 3 * 365
"""An interval past three years is a customer who came back, not a rhythm."""

# What a segment with no history at all assumes: about monthly, customers apart by a factor
# ~2, one customer's intervals apart by a factor ~1.6 (the back-test's figures move it).
DEFAULT_MEAN = math.log(30.0)
DEFAULT_BETWEEN = 0.5
DEFAULT_WITHIN = 0.25


@record
class Segment:
    """What a segment's customers' intervals say (log days): the centre of their typical
    intervals, how far those lie apart, how far one customer's own lie apart, and from how
    many customers and intervals."""

    mean: float = DEFAULT_MEAN
    between: float = DEFAULT_BETWEEN
    within: float = DEFAULT_WITHIN
    customers: int = 0
    intervals: int = 0
    kind: str = "book"  # which segment: 'organisation', 'tag', 'status' or 'book'
    name: str = ""  # the organisation's name, the tag, the status


@record
class Sums:
    """What a database adds up over one row per customer of a segment (``segment_from_sums``
    makes the figures of them): how many customers, the sums of their mean logs and of its
    square, of their squared deviations, of their intervals and of one over each count."""

    customers: int = 0
    means: float = 0.0
    squared_means: float = 0.0
    squares: float = 0.0
    intervals: int = 0
    inverse_counts: float = 0.0


@record
class Learned:
    """A customer's learned rhythm: the typical interval (days), the middle half of their
    intervals (``low``..``high``), the day count past which they are getting quiet (``p90``),
    from how many of their own intervals, and how much their own history weighs (0: all the
    segment's, 1: all their own)."""

    typical: float
    low: float
    high: float
    p90: float
    count: int
    own_weight: float
    centre: float  # log days
    spread: float  # log days: the next interval's standard deviation


def intervals(days: Iterable[date]) -> list[int]:
    """The days between consecutive contact days (several on one day are one), oldest
    first; gaps past ``LONGEST`` left out."""
    ordered = sorted(set(days))
    gaps = [(b - a).days for a, b in zip(ordered, ordered[1:], strict=False)]
    return [g for g in gaps if SHORTEST <= g <= LONGEST]


@record
class History:
    """What the book keeps of a customer's intervals (m022): how many, the mean of their
    logs, and the sum of the logs' squared deviations from it."""

    count: int = 0
    mean: float = 0.0
    squares: float = 0.0


def history(days: Sequence[int]) -> History:
    """A customer's intervals (days) summed up as the book keeps them."""
    logs = [math.log(d) for d in days if d >= SHORTEST]
    if not logs:
        return History()
    centre = sum(logs) / len(logs)
    return History(len(logs), centre, sum((y - centre) ** 2 for y in logs))


def segment(histories: Iterable[Sequence[int]]) -> Segment:
    """A segment's figures from its customers' intervals (each customer's list of days)."""
    return segment_of(history(days) for days in histories)


def segment_of(histories: Iterable[History]) -> Segment:
    """A segment's figures from its customers' kept histories (``segment_from_sums``)."""
    sums = [0, 0.0, 0.0, 0.0, 0, 0.0]
    for kept in histories:
        if kept.count:
            for i, value in enumerate((1, kept.mean, kept.mean * kept.mean, kept.squares,
                                       kept.count, 1.0 / kept.count)):  # fmt: skip
                sums[i] += value
    return segment_from_sums(int(sums[0]), sums[1], sums[2], sums[3], int(sums[4]), sums[5])


SEGMENT_PRIOR_DEGREES = 20.0
"""How many intervals' worth the default spread of one customer's intervals weighs in a
segment's: a book of a few customers does not take their own as everyone's."""


def segment_from_sums(
    customers: int, means: float, squared_means: float, squares: float, intervals: int,
    inverse_counts: float,
) -> Segment:  # fmt: skip
    """A segment's figures from sums a database adds up over one row per customer (how many
    customers, the sum of their mean logs and of its square, the sum of their squared
    deviations, of their intervals, and of one over each customer's count): the mean of the
    customers' mean log-interval, the pooled within-customer variance (shrunk toward the
    default by ``SEGMENT_PRIOR_DEGREES``), and the between-customer variance less what the
    within part explains (method of moments; at least a small floor, so a segment of
    identical customers still lets one differ)."""
    if not customers:
        return Segment()
    degrees = max(intervals - customers, 0)
    within = (SEGMENT_PRIOR_DEGREES * DEFAULT_WITHIN + squares) / (SEGMENT_PRIOR_DEGREES + degrees)
    mean = means / customers
    if customers < 2:
        return Segment(mean, DEFAULT_BETWEEN, within, 1, intervals)
    spread = (squared_means - customers * mean * mean) / (customers - 1)
    between = max(spread - within * inverse_counts / customers, 0.02)
    return Segment(mean, between, within, customers, intervals)


def figures(sums: Sums, kind: str = "book", name: str = "") -> Segment:
    """A segment's figures from its ``Sums``, named."""
    from salesnotes.record import changed

    found = segment_from_sums(
        sums.customers, sums.means, sums.squared_means, sums.squares, sums.intervals,
        sums.inverse_counts,
    )  # fmt: skip
    return changed(found, kind=kind, name=name)


def chased(status: str, intervals: int) -> bool:
    """Whether a contact's rhythm proposes a next contact: never a status left alone (a
    former customer), and a lead only once they had a second contact (a lead with one
    contact is not chased by a guess)."""
    return status not in LEFT_ALONE and (status != "lead" or intervals > 0)


def choose_segment(
    status: tuple[str, Sums],
    book: Sums,
    tags: Sequence[tuple[str, Sums]] = (),
    organisation: tuple[str, Sums] | None = None,
) -> Segment:
    """The segment a contact leans on: their organisation's colleagues when there are
    ``ORGANISATION_LEAST`` with a history (their centre, with the spreads of the segment
    below: three colleagues say where the account's rhythm lies, not how far customers
    differ), else the tag of theirs with the most customers from ``SEGMENT_LEAST``, else their
    status from ``SEGMENT_LEAST``, else the whole book."""
    from salesnotes.record import changed

    below = figures(book)
    if status[1].customers >= SEGMENT_LEAST:
        below = figures(status[1], "status", status[0])
    wide = [(s.customers, name, s) for name, s in tags if s.customers >= SEGMENT_LEAST]
    if wide:
        __, name, sums = max(wide, key=lambda t: (t[0], t[1]))
        below = figures(sums, "tag", name)
    if organisation is not None and organisation[1].customers >= ORGANISATION_LEAST:
        sums = organisation[1]
        return changed(
            below, mean=sums.means / sums.customers, customers=sums.customers,
            intervals=sums.intervals, kind="organisation", name=organisation[0],
        )  # fmt: skip
    return below


def learn(days: Sequence[int], seg: Segment) -> Learned:
    """A customer's rhythm from their own intervals (``days``), shrunk toward ``seg``."""
    return learned(history(days), seg)


def learned(kept: History, seg: Segment) -> Learned:
    """A customer's rhythm from their kept history, shrunk toward ``seg``."""
    n = kept.count
    own = kept.mean if n else seg.mean
    precision = 1 / seg.between + n / seg.within
    centre = (seg.mean / seg.between + n * own / seg.within) / precision
    squares = kept.squares
    variance = (PRIOR_DEGREES * seg.within + squares) / (PRIOR_DEGREES + max(n - 1, 0))
    spread = math.sqrt(variance + 1 / precision)
    return Learned(
        typical=math.exp(centre),
        low=math.exp(centre - Z75 * math.sqrt(variance)),
        high=math.exp(centre + Z75 * math.sqrt(variance)),
        p90=math.exp(centre + Z90 * spread),
        count=n,
        own_weight=(n / seg.within) / precision,
        centre=centre,
        spread=spread,
    )


def quiet_after(last: date, learned: Learned) -> date:
    """The last day within their 90th percentile: from the day after it a customer is
    getting quiet (what the agenda reads, kept per contact, m023)."""
    from datetime import timedelta

    return last + timedelta(days=math.floor(learned.p90))


def quiet_for(last: date, today: date, learned: Learned) -> int:
    """How many days past their 90th percentile a customer is (0: not getting quiet)."""
    return max(0, (today - quiet_after(last, learned)).days)


def rounded_days(typical: float) -> int:
    """A learned interval as the words say it, in days: days under two weeks, weeks up to
    nine, months (of 30 days, two or more) from there; a rhythm's length in the agenda's
    score."""
    days = max(SHORTEST, round(typical))
    if days < 14:
        return days
    if 7 * round(typical / 7) <= 63:
        return 7 * round(typical / 7)
    return 30 * max(2, round(typical / 30))


def rhythm_word(days: int) -> str:
    """A rounded learned interval as a stored rhythm says it ('10d', '3w', '4m')."""
    if days >= 60 and days % 30 == 0:
        return f"{days // 30}m"
    if days >= 14 and days % 7 == 0:
        return f"{days // 7}w"
    return f"{days}d"


def proposal(last: date, today: date, learned: Learned, working: frozenset[int] | Calendar) -> date:
    """When the next contact would be by the customer's own rhythm: their typical interval
    after the last one, on a working day, and never before tomorrow."""
    return next_day(last, learned.typical, today, working)


def next_day(last: date, typical: float, today: date, working: frozenset[int] | Calendar) -> date:
    """The typical interval after the last contact, on a working day, never before
    tomorrow."""
    from datetime import timedelta

    from salesnotes.domain.days import next_working_day

    due = last + timedelta(days=max(SHORTEST, round(typical)))
    return next_working_day(max(due, today + timedelta(days=1)), working)


ANSWERS_LEAST = 2
"""Earlier quotes a customer answered: from this many, their own answer time sets when a new
quote's chase comes, instead of the book's ``quotes.chase_after_working_days``."""


def answer_days(
    answers: Iterable[tuple[date, date | None]], working: frozenset[int] | Calendar
) -> tuple[int, int] | None:
    """A customer's typical answer time to a quote, in working days (the median from sent
    to the first answer: a conversation about it, a revision, won or lost), and from how many
    quotes; None with fewer than ``ANSWERS_LEAST`` answered."""
    from salesnotes.domain.days import working_days_between

    days = sorted(
        working_days_between(sent, answered, working)
        for sent, answered in answers
        if answered is not None and answered >= sent
    )
    if len(days) < ANSWERS_LEAST:
        return None
    middle = len(days) // 2
    median = days[middle] if len(days) % 2 else round((days[middle - 1] + days[middle]) / 2)
    return median, len(days)


def chase_after(typical_answer: int, longest: int = 60) -> int:
    """Working days after sending that a quote's chase comes for a customer who answers in
    ``typical_answer`` working days: the day after their usual answer, at least one."""
    return max(1, min(typical_answer + 1, longest))
