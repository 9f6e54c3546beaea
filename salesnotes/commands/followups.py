"""Follow-ups: ``follow``, ``followups``, ``done``, ``snooze``; and completing one (the rule
``done`` and ``resolve`` share)."""

from __future__ import annotations

from salesnotes.commands import contact_named, require_active
from salesnotes.errors import BadInput
from salesnotes.i18n import N_, _, term

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.domain.dates import Planned
    from salesnotes.domain.days import Calendar
    from salesnotes.env import Env
    from salesnotes.models import FollowUp, Interaction
    from salesnotes.store.interface import Store

ID_HINT = N_("'salesnotes followups' lists them with their ids")


def record_id(value: str, what: str, hint: str) -> int:
    """'12' or '#12' -> 12; anything else is bad input."""
    text = value.strip()
    digits = text[1:] if text.startswith("#") else text
    if not (digits.isdigit() and digits.isascii() and len(digits) <= 18):
        raise BadInput(
            _("'{value}' is not a {what} id; {hint}").format(
                value=value, what=_(what), hint=_(hint)
            )
        )
    return int(digits)


def plan(env: Env, when: str, today: date, calendar: Calendar) -> Planned:
    """A follow-up's WHEN: day, time of day, and a relative day moved off a day off (a
    weekend, a public holiday, the user's own days off: ``calendar``)."""
    from salesnotes.domain.dates import parse_plan

    choice = env.config().get_str("dates.next_weekday")
    return parse_plan(when, today, calendar, next_weekday=choice)


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
            notes.append(_("{name}, a public holiday").format(name=off.name))
        else:
            notes.append(_("one of your days off"))
    return f"{words} ({'; '.join(notes)})"


def moved_words(planned: Planned, calendar: Calendar | None) -> str:
    """Why a relative day moved: 'Fri 25 Dec is Eerste kerstdag', 'Sun 29 Nov is not a
    working day', '... is one of your days off'; '' when it did not."""
    from salesnotes.domain.days import short

    if planned.moved_from is None:
        return ""
    day = short(planned.moved_from)
    off = calendar.off_on(planned.moved_from) if calendar is not None else None
    if off is not None and off.kind == "holiday":
        return _("{moved_from} is {name}").format(moved_from=day, name=off.name)
    if off is not None:
        return _("{moved_from} is one of your days off").format(moved_from=day)
    return _("{moved_from} is not a working day").format(moved_from=day)


def next_step(kind: str, text: str) -> str:
    """What a follow-up made without --about says: what is next, about what was said (the
    whole of it: a table or a mail cuts it where it shows it, the book keeps it)."""
    from salesnotes.text import one_line

    verb = {"email": _("follow up on the e-mail"), "meeting": _("follow up on the meeting")}.get(
        kind, _("call back")
    )
    return _("{verb} about: {text}").format(verb=verb, text=one_line(text))


def complete(
    store: Store, followup_id: int, *, note: str | None, kind: str, today: date, now: str
) -> tuple[FollowUp, Interaction | None]:
    """Close an open follow-up; a note is logged as an interaction with its contact first."""
    followup = store.followups.get_open(followup_id)
    interaction = None
    if note is not None:
        interaction = store.interactions.add(
            followup.contact_id, note, kind=kind, on=today, now=now
        )
    return store.followups.complete(
        followup_id, today=today, now=now, interaction=interaction
    ), interaction


def follow(
    env: Env,
    *,
    who: str,
    when: str,
    text: str,
    reason: str,
    priority: str,
    for_owner: str | None = None,
) -> None:
    """Schedule a follow-up with a contact (``for_owner``: for a colleague to do)."""
    from salesnotes import render
    from salesnotes.team import owner

    today = env.today()
    doer = owner(for_owner, "--for") if for_owner is not None else None
    store = env.store()
    with store.write():
        calendar = env.calendar(store)
        planned = plan(env, when, today, calendar)
        contact = contact_named(env, store, who)
        require_active(contact, _("a follow-up"))
        followup = store.followups.add(
            contact.id,
            planned.day,
            text,
            reason=reason,
            priority=priority,
            today=today,
            now=env.now(),
            at=planned.at,
            owner=doer,
        )
    about = f": {followup.text}" if followup.text else ""
    if doer is not None:
        about += _(" (for {owner})").format(owner=doer)
    render.echo(
        _("Follow-up #{id} with {label} on {planned}{about}").format(
            id=followup.id,
            label=contact.label,
            planned=when_words(planned, today, calendar),
            about=about,
        )
    )


def followups(
    env: Env, *, overdue: bool, show_all: bool, fmt: str, limit: int | None = None
) -> None:
    """List open follow-ups by due date (``show_all``: done ones too)."""
    from salesnotes.commands import rows_for, say_how_many
    from salesnotes.render.listings import followups as show

    today = env.today()
    before = today if overdue else None
    cap = rows_for(limit, fmt)
    store = env.store()
    with store.read():
        found = store.followups.find(include_done=show_all, due_before=before, limit=cap)
        say_how_many(
            len(found), cap, lambda: store.followups.count(include_done=show_all, due_before=before)
        )
    show(found, fmt, today)


def done(
    env: Env,
    *,
    followup_id: str,
    note: str | None,
    kind: str,
    next_when: str | None,
    about: str | None,
) -> None:
    """Mark a follow-up done; ``note`` logs what came of it, ``next_when`` schedules the next."""
    from salesnotes import render

    fid = record_id(followup_id, N_("follow-up"), ID_HINT)
    today = env.today()
    if next_when is None and about is not None:
        raise BadInput(_("--about describes the next follow-up; give --next WHEN with it"))
    store = env.store()
    with store.write():
        calendar = env.calendar(store)
        due = plan(env, next_when, today, calendar) if next_when is not None else None
        followup, interaction = complete(
            store, fid, note=note, kind=kind, today=today, now=env.now()
        )
        nxt = None
        if due is not None:
            require_active(store.contacts.get(followup.contact_id), _("the next follow-up"))
            nxt = store.followups.add(
                followup.contact_id,
                due.day,
                about if about is not None else next_step(kind, note) if note else followup.text,
                reason="quote" if followup.reason == "quote" else "other",
                today=today,
                now=env.now(),
                source_interaction_id=interaction.id if interaction else None,
                at=due.at,
            )
    render.echo(
        _("Done: follow-up #{id} with {contact_name}").format(
            id=followup.id, contact_name=followup.contact_name
        )
    )
    if interaction is not None:
        render.echo(
            _("Logged {kind} #{id}: {text}").format(
                kind=term(interaction.kind), id=interaction.id, text=interaction.text
            )
        )
    if nxt is not None and due is not None:
        about_text = f": {nxt.text}" if nxt.text else ""
        render.echo(
            _("Follow-up #{id} on {due}{about_text}").format(
                id=nxt.id, due=when_words(due, today, calendar), about_text=about_text
            )
        )


def snooze(env: Env, *, followup_id: str, when: str, earlier: bool = False) -> None:
    """Move a follow-up to a later day (``earlier``: or an earlier one); it stays off the
    agenda until then."""
    from salesnotes import render
    from salesnotes.domain.days import describe

    fid = record_id(followup_id, N_("follow-up"), ID_HINT)
    today = env.today()
    store = env.store()
    with store.write():
        calendar = env.calendar(store)
        planned = plan(env, when, today, calendar)
        if planned.day < today:
            raise BadInput(
                _("'{when}' is {day}, before today; snooze to today or later").format(
                    when=when, day=describe(planned.day)
                )
            )
        before = store.followups.get(fid)
        if before.is_open and (before.due_on, before.due_time) == (planned.day, planned.at):
            render.echo(
                _(
                    "Follow-up #{id} with {contact_name} is on {day} already; nothing changed"
                ).format(
                    id=before.id,
                    contact_name=before.contact_name,
                    day=describe(planned.day)
                    + (_(" at {at}").format(at=planned.at) if planned.at else ""),
                )
            )
            return
        sooner = planned.day < before.due_on
        if sooner and not earlier:
            raise BadInput(
                _(
                    "'{when}' is {day}, earlier than follow-up #{fid}'s {due_on}; snooze "
                    "moves later: add --earlier to bring it forward"
                ).format(
                    when=when, day=describe(planned.day), fid=fid, due_on=describe(before.due_on)
                )
            )
        followup = store.followups.snooze(fid, planned.day, planned.at)
    was = describe(before.due_on) + (
        _(" at {due_time}").format(due_time=before.due_time) if before.due_time else ""
    )
    moved = moved_words(planned, calendar)
    moved = f"; {moved}" if moved else ""
    at = _(" at {at}").format(at=planned.at) if planned.at else ""
    render.echo(
        _(
            "Follow-up #{id} with {contact_name} moved {value}to {day}{at} (was {was}{moved})"
        ).format(
            id=followup.id,
            contact_name=followup.contact_name,
            value="earlier, " if sooner else "",
            day=describe(planned.day),
            at=at,
            was=was,
            moved=moved,
        )
    )
