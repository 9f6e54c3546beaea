"""``off``: a salesperson's own days off, listed, added or removed."""

from __future__ import annotations

from salesnotes.errors import BadInput
from salesnotes.i18n import _, n_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.env import Env

LONGEST = 366
"""Days one period of days off may span (a longer one is a typo in a year)."""


def off(env: Env, *, period: str | None, note: str, remove: int | None, fmt: str) -> None:
    """List your days off (none given), add ``period`` (with a ``note``), or ``remove`` one:
    no relative date lands in them, overdue counts skip them, and the first working day
    after them says what piled up."""
    from salesnotes import render
    from salesnotes.domain.days import describe
    from salesnotes.render import listings

    today = env.today()
    if period is not None and remove is not None:
        raise BadInput(_("give the days off to add, or --remove ID, not both"))
    if note and period is None:
        raise BadInput(_("--note describes days off you add: give the days with it"))
    store = env.store()
    if remove is not None:
        with store.write():
            gone = store.days_off.remove(remove)
        render.echo(
            _("Removed days off #{id}: {first} to {last}").format(
                id=remove, first=describe(gone.first), last=describe(gone.last)
            )
        )
        return
    if period is None:
        with store.read():
            found = store.days_off.of(store.user)
        listings.days_off(found, fmt, today)
        return
    first, last = days_of(period, today)
    with store.write():
        added = store.days_off.add(first, last, note, env.now())
        planned = [
            f for f in store.followups.due(last, owner=store.user) if first <= f.due_on <= last
        ]
    days = (last - first).days + 1
    render.echo(
        n_(
            "Days off #{id}: {first} to {last} ({n} day); nothing relative lands in them",
            "Days off #{id}: {first} to {last} ({n} days); nothing relative lands in them",
            days,
        ).format(id=added.id, first=describe(first), last=describe(last), n=days)
    )
    if planned:
        ids = ", ".join(f"#{f.id}" for f in planned)
        render.note(
            n_(
                "Note: {n} follow-up is planned in them already ({ids}); 'salesnotes snooze "
                "ID WHEN' moves it",
                "Note: {n} follow-ups are planned in them already ({ids}); 'salesnotes "
                "snooze ID WHEN' moves them",
                len(planned),
            ).format(n=len(planned), ids=ids)
        )


def days_of(period: str, today: date) -> tuple[date, date]:
    """The first and last day of a period as typed: '2026-12-24..2027-01-03', '24-12 t/m
    3-1', '24 december tot 3 januari', 'vrijdag' (one day). The end is read from the start
    on, so '24-12..3-1' ends in the new year."""
    import re

    from salesnotes.domain.dates import parse_when
    from salesnotes.domain.days import describe

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
    if (last - first).days >= LONGEST:
        raise BadInput(
            _("'{period}' is over a year of days off ({first} to {last}); check the year").format(
                period=period, first=describe(first), last=describe(last)
            )
        )
    return first, last
