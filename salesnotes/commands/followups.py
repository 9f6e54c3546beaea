"""Follow-ups: ``follow``, ``followups``, ``done``, ``snooze`` (completing one is the use
case's: ``usecases/followups.py``)."""

from __future__ import annotations

from salesnotes.commands import FOLLOWUP_IDS, contact_named, plan
from salesnotes.domain.fields import record_id
from salesnotes.errors import BadInput
from salesnotes.i18n import N_, _, term
from salesnotes.render.changes import moved_words, when_words
from salesnotes.usecases.followups import require_active

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


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
    from salesnotes.usecases.followups import complete_followup

    fid = record_id(followup_id, N_("follow-up"), FOLLOWUP_IDS)
    today = env.today()
    if next_when is None and about is not None:
        raise BadInput(_("--about describes the next follow-up; give --next WHEN with it"))
    store = env.store()
    with store.write():
        calendar = env.calendar(store)
        due = plan(env, next_when, today, calendar) if next_when is not None else None
        done = complete_followup(
            store, fid, note=note, kind=kind, today=today, now=env.now(), planned=due,
            about=about,
        )  # fmt: skip
    followup, interaction, nxt = done.followup, done.interaction, done.following
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

    fid = record_id(followup_id, N_("follow-up"), FOLLOWUP_IDS)
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
            value=_("earlier, ") if sooner else "",
            day=describe(planned.day),
            at=at,
            was=was,
            moved=moved,
        )
    )
