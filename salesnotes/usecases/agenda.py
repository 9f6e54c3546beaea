"""Whose agenda, and what piled up while the user was away: shared by ``agenda`` and
``brief``."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.domain.days import Calendar, DayOff
    from salesnotes.store.interface import Store


def agenda_owner(store: Store, owner: str | None) -> str | None:
    """Whose agenda: ``owner`` when given, else the user's in a book where they own contacts
    and others do too; None (everyone's) in a book of one, or one the user has no part in
    (a personal book made under another login name)."""
    from salesnotes.team import owner as owner_name

    if owner is not None:
        return owner_name(owner)
    me = store.user
    return me if store.contacts.shared(me) else None


def piled_up(store: Store, day: date, calendar: Calendar) -> tuple[DayOff, int] | None:
    """On the first working day after the user's own days off: those days off, and how many
    of their follow-ups came due meanwhile (still open)."""
    from datetime import timedelta

    from salesnotes.domain.days import DayOff, previous_working_day

    if not calendar.is_working(day):
        return None
    before = day - timedelta(days=1)
    if calendar.is_working(before):
        return None
    last_worked = previous_working_day(before, calendar)
    away = [d for d in calendar.off if d.kind == "own" and last_worked < d.first <= before]
    if not away:
        return None
    first = min(d.first for d in away)
    due = [f for f in store.followups.due(day, owner=store.user) if first <= f.due_on <= before]
    return DayOff(first, max(d.last for d in away), "own", away[0].name), len(due)
