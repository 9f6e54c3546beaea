"""A rhythm that learns itself (issue 27, begun): what a contact's own history says about
when the next contact would be, and whether they are getting quiet."""

from __future__ import annotations

from datetime import timedelta

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.config import Config
    from salesnotes.domain.days import Calendar
    from salesnotes.domain.plans import Planned
    from salesnotes.models import Contact
    from salesnotes.results import Proposal, RhythmShown
    from salesnotes.store.interface import Store


def rhythm_of(
    store: Store, contact: Contact, config: Config, today: date, calendar: Calendar
) -> RhythmShown:
    """The contact's intervals, their learned rhythm (leaning on their status's customers
    while their history is short, on the whole book when that status has too few), the
    rhythm set for them or by their status (which wins: a set rhythm always does), the
    proposal for the next contact on a working day, and how far past their 90th percentile
    they are."""
    from salesnotes.domain import cadence, rhythms
    from salesnotes.results import RhythmShown

    days = store.interactions.days(contact.id)
    gaps = cadence.intervals(days)
    segment = store.rhythms.segment(contact.id)
    last = contact.last_touch or (max(days) if days else None)
    learned = cadence.learned(store.rhythms.learned(contact.id), segment) if days else None
    proposal = quiet = None
    if learned is not None and last is not None:
        proposal = cadence.proposal(last, today, learned, calendar)
        quiet = cadence.quiet_for(last, today, learned)
    set_rhythm = contact.every or rhythms.defaults(config).get(contact.status)
    return RhythmShown(
        contact, gaps, learned, segment, set_rhythm, contact.every is not None, proposal,
        quiet or 0, (today - last).days if last is not None else None,
    )  # fmt: skip


def spread_load(
    store: Store,
    config: Config,
    planned: Planned,
    person: str,
    today: date,
    calendar: Calendar,
    window: int | None = None,
) -> Planned:
    """A relative day (no time of day: an appointment is kept) that already has
    ``[agenda] calls_per_day`` follow-ups on ``person``'s agenda moves to the next working
    day within ``window`` days after it (default: a fifth of the days to it, at least one,
    the customer's spread for a proposal) that has fewer; kept when none has."""
    from datetime import timedelta

    from salesnotes.record import changed

    most = config.get_int("agenda.calls_per_day")
    if not most or not planned.relative or planned.at is not None:
        return planned
    if window is None:
        window = max(1, round((planned.day - today).days / 5))
    last = planned.day + timedelta(days=window)
    load = store.followups.load(planned.day, last, person)
    if load.get(planned.day, 0) < most:
        return planned
    day = planned.day + timedelta(days=1)
    while day <= last:
        if calendar.is_working(day) and load.get(day, 0) < most:
            return changed(
                planned, day=day, spread_from=planned.day, spread_count=load[planned.day]
            )
        day += timedelta(days=1)
    return planned


def propose_next(
    store: Store,
    contact: Contact,
    config: Config,
    today: date,
    calendar: Calendar,
    person: str,
    now: str,
) -> Proposal | None:
    """After a conversation with no next moment given: when the next contact would be by
    the rhythm set for the contact, else by their learned one (on a working day, spread over
    ``[agenda] calls_per_day``), and with ``[rhythm] plan_next`` the check-in planned for
    ``person``, marked as proposed. None with ``[rhythm] learn = false``, for an archived
    contact, one not chased (``chased``), or one who has an open follow-up already."""
    from salesnotes.domain import cadence
    from salesnotes.domain.days import next_working_day
    from salesnotes.domain.plans import Planned
    from salesnotes.domain.rhythms import OFF, period
    from salesnotes.record import changed
    from salesnotes.results import Proposal

    if not config.get_bool("rhythm.learn") or contact.archived:
        return None
    days = store.interactions.days(contact.id)
    gaps = cadence.intervals(days)
    if not days or not cadence.chased(contact.status, len(gaps)):
        return None
    if contact.every in OFF or store.followups.open_count(contact.id):
        return None
    last = max(days)
    learned = segment = None
    if contact.every is not None:
        due = max(period(contact.every).after(last), today + timedelta(days=1))
        window = None
    else:
        segment = store.rhythms.segment(contact.id, counted=True)
        learned = cadence.learned(store.rhythms.learned(contact.id), segment)
        due = cadence.proposal(last, today, learned, calendar)
        window = max(1, round(learned.high - learned.typical))
    planned = Planned(next_working_day(due, calendar), relative=True)
    planned = spread_load(store, config, planned, person, today, calendar, window)
    proposal = Proposal(contact, planned, learned, segment, len(days), contact.every,
                        intervals=gaps)  # fmt: skip
    if not config.get_bool("rhythm.plan_next"):
        return proposal
    from salesnotes.i18n import _

    followup = store.followups.add(
        contact.id, planned.day, _("keep in touch (by their rhythm)"), reason="checkin",
        today=today, now=now, owner=person,
        generated=True, proposed=True,
    )  # fmt: skip
    return changed(proposal, followup=followup)
