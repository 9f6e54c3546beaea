"""What a command says about what it changed: a planned day in words, why a day moved, a
complaint's deadline."""

from __future__ import annotations

from salesnotes.i18n import _, language, n_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date, datetime

    from salesnotes.domain.days import Calendar, DayOff
    from salesnotes.domain.plans import Planned
    from salesnotes.models import Contact, FollowUp


def day_off_name(off: DayOff) -> str:
    """A public holiday's name in the language spoken ('Eerste kerstdag', 'Christmas Day');
    the note of one's own days off as it was given."""
    return off.own_name if off.own_name and language() != "en" else off.name


def when_words(planned: Planned, today: date, calendar: Calendar | None = None) -> str:
    """'Mon 30 Nov 2026 at 14:00 (in 4 days; Sun 29 Nov is not a working day)'; a day asked
    for that is a public holiday or a day off says so."""
    from salesnotes.domain.days import describe, relative

    words = describe(planned.day)
    if planned.at:
        words += _(" at {at}").format(at=planned.at)
    notes = [relative(planned.day, today)]
    moved = moved_words(planned, calendar)
    if moved:
        notes.append(moved)
    elif calendar is not None and (off := calendar.off_on(planned.day)) is not None:
        if off.kind == "holiday":
            notes.append(_("{name}, a public holiday").format(name=day_off_name(off)))
        else:
            notes.append(_("one of your days off"))
    return f"{words} ({'; '.join(notes)})"


def moved_words(planned: Planned, calendar: Calendar | None) -> str:
    """Why a relative day moved: 'Fri 25 Dec is Eerste kerstdag', 'Sun 29 Nov is not a
    working day', '... is one of your days off'; '' when it did not."""
    from salesnotes.domain.days import short

    if planned.spread_from is not None:
        return n_(
            "{day} already has {n} follow-up", "{day} already has {n} follow-ups",
            planned.spread_count,
        ).format(day=short(planned.spread_from), n=planned.spread_count)  # fmt: skip
    if planned.moved_from is None:
        return ""
    day = short(planned.moved_from)
    off = calendar.off_on(planned.moved_from) if calendar is not None else None
    if off is not None and off.kind == "holiday":
        return _("{moved_from} is {name}").format(moved_from=day, name=day_off_name(off))
    if off is not None:
        return _("{moved_from} is one of your days off").format(moved_from=day)
    return _("{moved_from} is not a working day").format(moved_from=day)


def complaint_opened(contact: Contact, followup: FollowUp, hours: int, deadline: datetime) -> str:
    """'Complaint #3 opened for ...: answer within 24 hours, by ...'."""
    from salesnotes.domain.days import moment_words

    return _(
        "Complaint #{id} opened for {label}: answer within {hours} hours, by "
        "{deadline}. 'salesnotes resolve {id} --note ...' closes it."
    ).format(id=followup.id, label=contact.label, hours=hours, deadline=moment_words(deadline))


def days_off_removed(number: int, gone: DayOff) -> None:
    """``off --remove``: which days off went."""
    from salesnotes.domain.days import describe
    from salesnotes.render import echo

    echo(
        _("Removed days off #{id}: {first} to {last}").format(
            id=number, first=describe(gone.first), last=describe(gone.last)
        )
    )


def days_off_added(added: DayOff, planned: Sequence[FollowUp]) -> None:
    """``off PERIOD``: the days off, and the follow-ups planned in them already."""
    from salesnotes.domain.days import describe
    from salesnotes.i18n import n_
    from salesnotes.render import echo, note

    days = (added.last - added.first).days + 1
    echo(
        n_(
            "Days off #{id}: {first} to {last} ({n} day); nothing relative lands in them",
            "Days off #{id}: {first} to {last} ({n} days); nothing relative lands in them",
            days,
        ).format(id=added.id, first=describe(added.first), last=describe(added.last), n=days)
    )
    if planned:
        ids = ", ".join(f"#{f.id}" for f in planned)
        note(
            n_(
                "Note: {n} follow-up is planned in them already ({ids}); 'salesnotes snooze "
                "ID WHEN' moves it",
                "Note: {n} follow-ups are planned in them already ({ids}); 'salesnotes "
                "snooze ID WHEN' moves them",
                len(planned),
            ).format(n=len(planned), ids=ids)
        )
