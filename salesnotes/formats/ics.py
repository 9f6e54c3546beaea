"""Open follow-ups as iCalendar (RFC 5545), through the icalendar library.

A follow-up is a task with a due day (VTODO), or, for calendars that do not show tasks (many
phones), an all-day event (VEVENT) on that day, shown as free time; one planned at a time of
day is at that time in the salesperson's own time zone (TZID, with its VTIMEZONE). Its UID
is the follow-up's UUID, so a calendar that imports the file again updates what it has. The
contact's name and organisation are in the summary; the phone number to call, the e-mail
address and the reason in the description, and the calendar's name, all in the language
spoken (a phone shows them to a person); the standard's own names and values stay as
RFC 5545 defines them.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta

from salesnotes.i18n import N_, _
from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping
    from datetime import tzinfo
    from typing import Any

    from salesnotes.models import ContactCard, FollowUp

# RFC 5545 PRIORITY: 1 highest, 9 lowest, 5 the middle.
PRIORITY = {"high": 1, "normal": 5, "low": 9}
REASON_WORDS = {
    "callback": N_("call back"),
    "complaint": N_("complaint"),
    "question": N_("question"),
    "quote": N_("quote"),
    "checkin": N_("check-in"),
    "other": N_("follow-up"),
}


def reason_words(reason: str) -> str:
    """A follow-up's reason as a calendar shows it, in the language spoken."""
    return _(REASON_WORDS.get(reason, reason))


def local_zone() -> tuple[str, tzinfo | None]:
    """The salesperson's own time zone: its IANA name (TZ, else /etc/localtime, else
    /etc/timezone) and the zone, or ('', None) when it cannot be named (floating time)."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    candidates = [os.environ.get("TZ", "").lstrip(":")]
    try:
        link = os.path.realpath("/etc/localtime")
        candidates.append(link.split("zoneinfo/", 1)[1] if "zoneinfo/" in link else "")
    except OSError:
        pass
    try:
        with open("/etc/timezone", encoding="utf-8") as file:
            candidates.append(file.read().strip())
    except OSError:
        pass
    for name in candidates:
        if not name:
            continue
        try:
            return name, ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            continue
    return "", None


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
    items = list(followups)
    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//salesnotes//follow-ups//EN")
    calendar.add("version", "2.0")
    calendar.add("x-wr-calname", _("Sales: follow-ups"))
    name, zone = local_zone()
    timed = [f.due_on for f in items if f.due_time]
    if timed and zone is not None:  # the zone's rules for the years the calls are in
        calendar.add("x-wr-timezone", name)
        calendar.add_component(
            icalendar.Timezone.from_tzinfo(
                zone,
                tzid=name,
                first_date=date(min(timed).year, 1, 1),
                last_date=date(max(timed).year + 1, 1, 1),
            )
        )
    end = b"END:VCALENDAR\r\n"
    head: bytes = calendar.to_ical()
    yield head.removesuffix(end)
    for followup in items:
        item = _item(followup, cards.get(followup.contact_id), stamp, zone, events=events)
        piece: bytes = item.to_ical()
        yield piece
    yield end


def _item(
    followup: FollowUp, card: ContactCard | None, stamp: datetime, zone: tzinfo | None, *,
    events: bool = False, uid: str | None = None, priority: int | None = None,
    dial: str | None = None,
) -> Any:  # fmt: skip
    """One follow-up as a VTODO (``events``: a VEVENT), with its UID (``uid``: another's,
    a task the phone made), PRIORITY (``priority``: in place of the follow-up's own) and
    the number to call as a ``tel:`` link (``dial``: E.164) a phone opens in its dialler."""
    import icalendar

    item = icalendar.Event() if events else icalendar.Todo()
    item.add("uid", uid or followup.uuid)
    if dial:
        item.add("url", f"tel:{dial}")
    item.add("dtstamp", stamp)
    item.add("summary", summary(followup))
    item.add("description", description(followup, card))
    item.add("priority", priority or PRIORITY.get(followup.priority, 5))
    item.add("categories", [reason_words(followup.reason)])
    when = planned_at(followup, zone)
    if events and when is not None:  # a call at a time: half an hour, shown as busy
        item.add("dtstart", when)
        item.add("dtend", when + timedelta(minutes=30))
    elif events:
        item.add("dtstart", followup.due_on)
        item.add("dtend", followup.due_on + timedelta(days=1))
        item.add("transp", "TRANSPARENT")
    else:
        item.add("due", when or followup.due_on)
        if followup.status == "done":
            item.add("status", "COMPLETED")
            item.add("percent-complete", 100)
            if followup.done_on:
                item.add("completed", datetime.combine(followup.done_on, time(12), UTC))
        else:
            item.add("status", "NEEDS-ACTION")
    return item


def task(
    followup: FollowUp, card: ContactCard | None, *, uid: str, now: str, priority: int,
    events: bool = False, dial: str | None = None,
) -> str:  # fmt: skip
    """One follow-up as the phone's task list keeps it: a calendar object with one VTODO
    (``events``: as its calendar does, one VEVENT), with the time zone of one at a time of
    day."""
    import icalendar

    calendar = icalendar.Calendar()
    calendar.add("prodid", "-//salesnotes//follow-ups//EN")
    calendar.add("version", "2.0")
    name, zone = local_zone()
    if followup.due_time and zone is not None:
        year = followup.due_on.year
        calendar.add_component(
            icalendar.Timezone.from_tzinfo(
                zone, tzid=name, first_date=date(year, 1, 1), last_date=date(year + 1, 1, 1)
            )
        )
    stamp = datetime.fromisoformat(now.replace("Z", "+00:00"))
    calendar.add_component(
        _item(followup, card, stamp, zone, events=events, uid=uid, priority=priority, dial=dial)
    )
    text: bytes = calendar.to_ical()
    return text.decode("utf-8")


@record
class PhoneTask:
    """A task as the phone's task list has it: its UID, title, notes, due day (and time of
    day), and whether it is ticked off."""

    uid: str
    summary: str
    description: str
    due: date | None
    due_time: str | None
    done: bool


def read_task(text: str, component: str = "VTODO") -> PhoneTask | None:
    """The first VTODO (``component``: VEVENT) of a calendar object (None: there is none,
    or it cannot be read); an event's day and time are its start's."""
    import icalendar

    try:
        calendar = icalendar.Calendar.from_ical(text)
    except ValueError:
        return None
    for item in calendar.walk(component):
        due: Any = (
            item.decoded("dtstart", None)
            if component == "VEVENT"
            else item.decoded("due", None) or item.decoded("dtstart", None)
        )
        day, at = None, None
        if isinstance(due, datetime):
            if due.tzinfo is not None:
                due = due.astimezone(local_zone()[1])
            day, at = due.date(), due.strftime("%H:%M")
        elif isinstance(due, date):
            day = due
        status = str(item.get("status", "")).upper()
        return PhoneTask(
            str(item.get("uid", "")),
            str(item.get("summary", "")).strip(),
            str(item.get("description", "")).strip(),
            day,
            at,
            status == "COMPLETED" or item.get("completed") is not None,
        )
    return None


def planned_at(followup: FollowUp, zone: tzinfo | None = None) -> datetime | None:
    """A timed follow-up's moment in the salesperson's zone (floating local time when it
    has no name), or None for a day."""
    if not followup.due_time:
        return None
    hour, minute = (int(part) for part in followup.due_time.split(":"))
    return datetime.combine(followup.due_on, time(hour, minute), tzinfo=zone)


def summary(followup: FollowUp) -> str:
    """'Jan de Vries (Bakker BV): send the new price list'."""
    who = followup.contact_name
    if followup.organisation:
        who += f" ({followup.organisation})"
    what = " ".join(followup.text.split()) or reason_words(followup.reason)
    return f"{who}: {what}"


def description(followup: FollowUp, card: ContactCard | None) -> str:
    """What to have at hand: the number to call, the address, why, and the follow-up's id."""
    lines = []
    if card is not None and card.phone:
        lines.append(_("Phone: {phone}").format(phone=card.phone))
    if card is not None and card.email:
        lines.append(_("E-mail: {email}").format(email=card.email))
    lines.append(_("Reason: {reason}").format(reason=reason_words(followup.reason)))
    if followup.text:
        lines.append(followup.text)
    lines.append(_("salesnotes follow-up #{id} (salesnotes done {id})").format(id=followup.id))
    return "\n".join(lines)
