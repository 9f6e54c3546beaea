"""Follow-ups: ``follow``, ``followups``, ``done``, ``snooze`` (completing one is the use
case's: ``usecases/followups.py``)."""

from __future__ import annotations

from salesnotes.commands import FOLLOWUP_IDS, contact_named, next_doer, plan, propose, spread
from salesnotes.domain.fields import record_id
from salesnotes.errors import BadInput
from salesnotes.i18n import N_, _

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
    with_owner: str | None = None,
) -> None:
    """Schedule a follow-up with a contact (``for_owner``: for a colleague to do;
    ``with_owner``: and someone with them, on both agendas)."""
    from salesnotes.render.followups import scheduled
    from salesnotes.team import owner
    from salesnotes.usecases.followups import schedule_followup

    today = env.today()
    doer = owner(for_owner, "--for") if for_owner is not None else None
    second = owner(with_owner, "--with") if with_owner is not None else None
    store = env.store()
    with store.write():
        calendar = env.calendar(store)
        planned = plan(env, when, today, calendar)
        contact = contact_named(env, store, who)
        planned = spread(env, store, planned, doer or contact.owner, today, calendar)
        followup = schedule_followup(
            store, contact, planned, text, reason=reason, priority=priority, today=today,
            now=env.now(), owner=doer, with_owner=second,
        )  # fmt: skip
    scheduled(followup, contact, planned, today, calendar, doer)


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
    for_owner: str | None = None,
    explain: bool = False,
) -> None:
    """Mark a follow-up done; ``note`` logs what came of it, ``next_when`` schedules the next
    (for the user, who did this one; ``for_owner``: for a colleague); without it, says when
    the next contact would be by their rhythm (``explain``: the numbers behind it)."""
    from salesnotes.render.followups import completed
    from salesnotes.usecases.followups import complete_followup

    fid = record_id(followup_id, N_("follow-up"), FOLLOWUP_IDS)
    today = env.today()
    if next_when is None and about is not None:
        raise BadInput(_("--about describes the next follow-up; give --next WHEN with it"))
    doer = next_doer(next_when, for_owner)
    store = env.store()
    with store.write():
        calendar = env.calendar(store)
        due = plan(env, next_when, today, calendar) if next_when is not None else None
        if due is not None:
            due = spread(env, store, due, doer, today, calendar)
        done = complete_followup(
            store, fid, note=note, kind=kind, today=today, now=env.now(), planned=due,
            about=about, owner=doer,
        )  # fmt: skip
        proposal = None
        if due is None:
            proposal = propose(env, store, done.followup.contact_id, today, calendar)
    completed(done, due, today, calendar, doer)
    if proposal is not None:
        from salesnotes.render.cadence import proposed

        proposed(proposal, today, calendar, explain)


def snooze(env: Env, *, followup_id: str, when: str, earlier: bool = False) -> None:
    """Move a follow-up to a later day (``earlier``: or an earlier one); it stays off the
    agenda until then."""
    from salesnotes.render.followups import snoozed
    from salesnotes.usecases.followups import snooze_followup

    fid = record_id(followup_id, N_("follow-up"), FOLLOWUP_IDS)
    today = env.today()
    store = env.store()
    with store.write():
        calendar = env.calendar(store)
        planned = plan(env, when, today, calendar)
        result = snooze_followup(store, fid, planned, today=today, earlier=earlier, typed=when)
    snoozed(result, calendar)
