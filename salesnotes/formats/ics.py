"""Open follow-ups as iCalendar (RFC 5545), through the icalendar library.

A follow-up is a task with a due day (VTODO), or, for calendars that do not show tasks (many
phones), an all-day event (VEVENT) on that day, shown as free time. Its UID is the
follow-up's UUID, so a calendar that imports the file again updates what it has. The
contact's name and organisation are in the summary; the phone number to call, the e-mail
address and the reason in the description.
"""

from __future__ import annotations

from datetime import datetime, time, timedelta

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping

    from salesnotes.models import ContactCard, FollowUp

# RFC 5545 PRIORITY: 1 highest, 9 lowest, 5 the middle.
PRIORITY = {"high": 1, "normal": 5, "low": 9}
REASON_WORDS = {
    "callback": "call back",
    "complaint": "complaint",
    "question": "question",
    "quote": "quote",
    "checkin": "check-in",
    "other": "follow-up",
}


def write(
    followups: Iterable[FollowUp],
    cards: Mapping[int, ContactCard],
    *,
    now: str,
    events: bool = False,
) -> Iterator[bytes]:
    """One calendar with a VTODO (``events``: an all-day VEVENT) per follow-up, in pieces:
    a big book's calendar is never one object in memory (icalendar's tree of 100,000 tasks
    took ~1 GB)."""
    import icalendar

    stamp = datetime.fromisoformat(now.replace("Z", "+00:00"))
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//salesnotes//follow-ups//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", "salesnotes follow-ups")
    end = b"END:VCALENDAR\r\n"
    head: bytes = calendar.to_ical()
    yield head.removesuffix(end)
    for followup in followups:
        card = cards.get(followup.contact_id)
        item = icalendar.Event() if events else icalendar.Todo()
        item.add("uid", followup.uuid)
        item.add("dtstamp", stamp)
        item.add("summary", summary(followup))
        item.add("description", description(followup, card))
        item.add("priority", PRIORITY.get(followup.priority, 5))
        item.add("categories", [REASON_WORDS.get(followup.reason, followup.reason)])
        when = planned_at(followup)
        if events and when is not None:  # a call at a time: half an hour, shown as busy
            item.add("dtstart", when)
            item.add("dtend", when + timedelta(minutes=30))
        elif events:
            item.add("dtstart", followup.due_on)
            item.add("dtend", followup.due_on + timedelta(days=1))
            item.add("transp", "TRANSPARENT")
        else:
            item.add("due", when or followup.due_on)
            item.add("status", "NEEDS-ACTION")
        piece: bytes = item.to_ical()
        yield piece
    yield end


def planned_at(followup: FollowUp) -> datetime | None:
    """A timed follow-up's moment, in floating local time (the calendar's own zone, as the
    salesperson typed it), or None for a day."""
    if not followup.due_time:
        return None
    hour, minute = (int(part) for part in followup.due_time.split(":"))
    return datetime.combine(followup.due_on, time(hour, minute))


def summary(followup: FollowUp) -> str:
    """'Jan de Vries (Bakker BV): send the new price list'."""
    who = followup.contact_name
    if followup.organisation:
        who += f" ({followup.organisation})"
    what = " ".join(followup.text.split()) or REASON_WORDS.get(followup.reason, followup.reason)
    return f"{who}: {what}"


def description(followup: FollowUp, card: ContactCard | None) -> str:
    """What to have at hand: the number to call, the address, why, and the follow-up's id."""
    lines = []
    if card is not None and card.phone:
        lines.append(f"Phone: {card.phone}")
    if card is not None and card.email:
        lines.append(f"E-mail: {card.email}")
    lines.append(f"Reason: {REASON_WORDS.get(followup.reason, followup.reason)}")
    if followup.text:
        lines.append(followup.text)
    lines.append(f"salesnotes follow-up #{followup.id} (salesnotes done {followup.id})")
    return "\n".join(lines)
