"""Keep-in-touch rhythms and yearly occasions: the rules, pure (``today`` is an argument).

A contact's rhythm is their own (``every``: '6w', 'off'), else their status's default from the
configuration. Their clock (``last_touch``) restarts with anything that happens with them.
"""

from __future__ import annotations

from datetime import timedelta

from salesnotes.domain.days import Period, shift
from salesnotes.models import STATUSES, LosingTouch, Occasion
from salesnotes.text import fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from salesnotes.config import Config
    from salesnotes.models import Dates, Kept, Touch

OFF = ("", "off", "none")


def period(text: str) -> Period:
    """A rhythm as stored ('6w') or as the configuration may write it ('6 weeks')."""
    found = Period.stored(text)
    if found is not None:
        return found
    from salesnotes.domain.dates import parse_period  # only for a non-canonical configured value

    return parse_period(text)


def defaults(config: Config) -> dict[str, str]:
    """The default rhythm of each status ('off' where there is none)."""
    return {status: config.get_str(f"rhythm.{status}") for status in STATUSES}


def cutoffs(
    today: date, by_status: dict[str, str], in_use: Iterable[str]
) -> tuple[dict[str, date], dict[str, date]]:
    """The day before which a clock must have stopped to be past its rhythm: per status (for
    contacts on their status's rhythm) and per rhythm in use (for those with their own)."""
    statuses = {
        status: shift(today, -p.count, p.unit)
        for status, rhythm in by_status.items()
        if rhythm not in OFF
        for p in (period(rhythm),)
    }
    own = {every: shift(today, -p.count, p.unit) for every in in_use for p in (period(every),)}
    return statuses, own


def lateness(rhythm: str, last_touch: date, today: date) -> tuple[Period, int] | None:
    """(the rhythm, days past it) for a clock stopped on ``last_touch``; None if not past."""
    if rhythm in OFF:
        return None
    p = period(rhythm)
    due = p.after(last_touch)
    return (p, (today - due).days) if due < today else None


def _losing(
    t: Touch, rhythm: str, last_contact: date | None, overdue_days: int, rhythm_days: float,
    learned: int = 0,
) -> LosingTouch:  # fmt: skip
    return LosingTouch(
        contact_id=t.contact_id, name=t.name, organisation=t.organisation, status=t.status,
        rhythm=rhythm, last_touch=t.last_touch, last_contact=last_contact,
        overdue_days=overdue_days, rhythm_days=rhythm_days, learned=learned,
    )  # fmt: skip


def past_rhythm(
    touches: Iterable[Touch], today: date, by_status: dict[str, str]
) -> list[LosingTouch]:
    """The contacts whose rhythm ran out before ``today``, with how far past it they are."""
    found = []
    for t in touches:
        late = lateness(t.every or by_status[t.status], t.last_touch, today)
        if late is not None:
            p, overdue_days = late
            found.append(_losing(t, str(p), t.last_contact, overdue_days, p.approx_days))
    return found


def getting_quiet(quiet: Iterable[tuple[Touch, Kept]], today: date) -> list[LosingTouch]:
    """The contacts past where their learned rhythm expects them (their clock and what the
    book keeps of their rhythm), as losing touch: their rhythm as said ('3w'), days past it,
    from how many contact days it was learned."""
    from salesnotes.domain.cadence import rhythm_word

    return [
        _losing(
            t,
            rhythm_word(k.every_days),
            k.last_on,
            (today - k.quiet_after).days,
            k.every_days,
            learned=k.intervals + 1,
        )  # fmt: skip
        for t, k in quiet
        if k.quiet_after < today
    ]


def most_overdue_first(items: list[LosingTouch]) -> list[LosingTouch]:
    """Losing touch, most rhythms overdue first, then the longest untouched, then by name
    (the one order for ``contacts --losing-touch`` and the briefing)."""
    return sorted(items, key=lambda i: (-i.overdue_ratio, i.last_touch, fold(i.name)))


def window(today: date, days: int) -> list[date]:
    """``today`` and the ``days`` after it."""
    return [today + timedelta(days=n) for n in range(days + 1)]


def _leap(year: int) -> bool:
    return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)


def yearly_keys(today: date, days: int) -> list[str]:
    """The 'MM-DD' of the days from ``today`` up to ``days`` ahead, with '02-29' when the
    window holds 28 February of a year without a 29th."""
    window_days = window(today, days)
    keys = {d.strftime("%m-%d") for d in window_days}
    if any((d.month, d.day) == (2, 28) and not _leap(d.year) for d in window_days):
        keys.add("02-29")
    return sorted(keys)


def occasions(found: Iterable[Dates], today: date, days: int) -> list[Occasion]:
    """Birthdays and customer anniversaries from ``today`` up to ``days`` ahead, by day.

    A customer's first day is not an anniversary yet. A year-less birthday ('--03-12') has
    no age.
    """
    days_ahead = window(today, days)
    result = []
    for d in found:
        for kind, value in (("birthday", d.birthday), ("anniversary", d.customer_since)):
            if not value:
                continue
            month, day = int(value[-5:-3]), int(value[-2:])
            for on in days_ahead:
                if (on.month, on.day) == (month, day) or (
                    (month, day) == (2, 29) and (on.month, on.day) == (2, 28) and not _leap(on.year)
                ):  # 29 February is celebrated on the 28th in other years
                    year = int(value[:4]) if value[:4].isdigit() else None
                    years = on.year - year if year else None
                    if kind == "anniversary" and not years:
                        continue
                    result.append(Occasion(d.contact_id, d.name, d.organisation, kind, on, years))
    return sorted(result, key=lambda o: (o.on, fold(o.name)))
