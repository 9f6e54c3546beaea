"""The joint visit: ``visit``, ``visit prep``, ``visit done`` (issue 28, begun)."""

from __future__ import annotations

from salesnotes.commands import FOLLOWUP_IDS, contact_named, plan
from salesnotes.domain.fields import record_id
from salesnotes.i18n import N_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def visit(
    env: Env,
    *,
    who: str,
    when: str,
    goal: str,
    with_owner: str,
    role: str,
    for_owner: str | None = None,
) -> None:
    """A visit at a time of day that ``with_owner`` joins in ``role``: on both agendas."""
    from salesnotes.render.visits import planned
    from salesnotes.team import owner
    from salesnotes.usecases.visits import plan_visit

    today = env.today()
    doer = owner(for_owner, "--for") if for_owner is not None else None
    second = owner(with_owner, "--with")
    store = env.store()
    with store.write():
        calendar = env.calendar(store)
        when_planned = plan(env, when, today, calendar)
        contact = contact_named(env, store, who)
        followup = plan_visit(
            store, contact, when_planned, goal, with_owner=second, role=role, today=today,
            now=env.now(), owner=doer,
        )  # fmt: skip
    planned(followup, contact, when_planned, today, calendar)


def visit_prep(env: Env, *, visit_id: str, fmt: str) -> None:
    """The page both people prepare the visit with."""
    from salesnotes.render.visits import prep
    from salesnotes.usecases.visits import visit_prep as read

    fid = record_id(visit_id, N_("visit"), FOLLOWUP_IDS)
    today = env.today()
    store = env.store()
    with store.read():
        shown = read(store, fid, today)
    prep(shown, fmt, today, env.config())


def visit_done(
    env: Env, *, visit_id: str, note: str, next_when: str | None, about: str | None
) -> None:
    """The visit done, logged with both names; ``next_when`` plans what is next."""
    from salesnotes.errors import BadInput
    from salesnotes.i18n import _
    from salesnotes.render.followups import completed
    from salesnotes.usecases.visits import visit_done as close

    fid = record_id(visit_id, N_("visit"), FOLLOWUP_IDS)
    if next_when is None and about is not None:
        raise BadInput(_("--about describes the next follow-up; give --next WHEN with it"))
    today = env.today()
    store = env.store()
    with store.write():
        calendar = env.calendar(store)
        due = plan(env, next_when, today, calendar) if next_when is not None else None
        done = close(store, fid, note, today=today, now=env.now(), planned=due, about=about)
    completed(done, due, today, calendar)


def coach(
    env: Env,
    *,
    visit_id: str | None,
    went_well: str,
    to_try: str,
    with_person: str | None,
    fmt: str,
) -> None:
    """After a joint visit, the observation of the one who joined (``visit_id``); or the
    coaching history with one person (``with_person``)."""
    from salesnotes.errors import BadInput
    from salesnotes.i18n import _
    from salesnotes.render.visits import coached, history
    from salesnotes.team import owner
    from salesnotes.usecases.visits import coach_visit, coaching_with

    if (visit_id is None) == (with_person is None):
        raise BadInput(
            _("give a visit's ID to write the coaching after it, or --with NAME to read the "
              "coaching with one person")
        )  # fmt: skip
    store = env.store()
    if with_person is not None:
        other = owner(with_person, "--with")
        with store.read():
            shown = coaching_with(store, other)
        history(shown, fmt)
        return
    fid = record_id(visit_id or "", N_("visit"), FOLLOWUP_IDS)
    with store.write():
        visit, note_id = coach_visit(
            store, fid, went_well, to_try, today=env.today(), now=env.now()
        )
    coached(visit, note_id)
