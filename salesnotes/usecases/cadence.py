"""A rhythm that learns itself (issue 27, begun): what a contact's own history says about
when the next contact would be, and whether they are getting quiet."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.config import Config
    from salesnotes.domain.days import Calendar
    from salesnotes.models import Contact
    from salesnotes.results import RhythmShown
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
