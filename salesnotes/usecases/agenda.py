"""The agenda of a day: whose (the user's own in a team's book, a colleague's, everyone's),
on whose calendar, and what piled up while the user was away (shared with ``brief``)."""

from __future__ import annotations

from salesnotes.results import DayAgenda

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date, datetime

    from salesnotes.config import Config
    from salesnotes.domain.days import Calendar, DayOff
    from salesnotes.store.interface import Store


def day_agenda(
    store: Store,
    config: Config,
    base: Calendar,
    *,
    day: date,
    moment: datetime,
    limit: int,
    owner: str | None,
    team: bool,
) -> DayAgenda:
    """Who to call on ``day``, at most ``limit`` (0: all): the user's own in a team's book
    (``owner``: a colleague's; ``team``: everyone's, by owner). ``base`` is the working days
    and public holidays; the user's own days off count on their agenda, a colleague's on
    theirs."""
    from salesnotes.domain.days import Calendar
    from salesnotes.record import changed
    from salesnotes.usecases.sources import agenda as build
    from salesnotes.usecases.sources import team_agenda

    whose = None if team else agenda_owner(store, owner)
    calendar = base
    if team:
        rows = team_agenda(store, day, config, limit or None, moment, calendar=base)
    else:
        if whose is None or whose == store.user or owner is not None:
            away = store.days_off.of(whose if owner is not None and whose else store.user)
            calendar = Calendar.of(base.working, (*base.off, *away))
        rows = build(store, day, config, limit=limit or None, now=moment, owner=whose,
                     calendar=calendar)  # fmt: skip
        if owner is not None:
            rows = [changed(row, owner=whose or "") for row in rows]
    known = store.contacts.owners() if owner is not None and not rows else None
    unknown = known is not None and whose not in known
    return DayAgenda(
        rows, calendar, piled_up(store, day, calendar), whose, known if unknown else None
    )


def agenda_owner(store: Store, owner: str | None) -> str | None:
    """Whose agenda: ``owner`` when given, else the user's in a team's book (contacts of two
    or more owners) where they own contacts or are to do follow-ups; None (everyone's) in a
    book of one, also one made under another login name. In a team's book a user with no
    part in it (a typo in SALESNOTES_USER, a new colleague nobody gave an account yet) is
    NotFound, naming the people in it: never everyone's day as their own."""
    from salesnotes.team import owner as owner_name

    if owner is not None:
        return owner_name(owner)
    me = store.user
    if store.contacts.shared(me):
        return me
    if not store.contacts.several_owners():
        return None
    from salesnotes.usecases.sources import team_owners

    people = team_owners(store)
    if me in people:
        return me
    from salesnotes.errors import NotFound
    from salesnotes.i18n import _

    raise NotFound(
        _(
            "'{me}' has no part in this team's book (no contact, no follow-up to do); the "
            "people in it: {people}. Set SALESNOTES_USER to your name, see everyone's day "
            "with --team, or one person's with 'agenda --owner NAME'"
        ).format(me=me, people=", ".join(people))
    )


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
