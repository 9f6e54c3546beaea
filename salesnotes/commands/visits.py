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
