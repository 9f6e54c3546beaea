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


def report(
    env: Env,
    *,
    week: bool,
    month: bool,
    since: str | None,
    last: bool,
    owner: str | None,
    team: bool,
    fmt: str,
    output: str | None,
    force: bool,
) -> None:
    """The team's (or one person's) figures over a week, a month or since a day."""
    from salesnotes.commands.files import check_target, emit
    from salesnotes.render.report import render, table
    from salesnotes.usecases.report import team_report, whose_report

    kind, first = _span(week, month, since, last, owner, team)
    today = env.today()
    if output is not None:
        check_target(output, force)
    from_day = None
    if first is not None:
        from salesnotes.domain.dates import parse_when

        from_day = parse_when(first, today, past=True)
        if from_day > today:
            from salesnotes.errors import BadInput
            from salesnotes.i18n import _

            raise BadInput(_("--since is a day up to today, not {day}").format(day=first))
    store, config = env.store(), env.config()
    with store.read():
        whose = whose_report(store, owner, team)
        shown = team_report(store, config, today, kind, since=from_day, last=last, whose=whose)
    if fmt == "table" and output is None:
        table(shown, config)
        return
    # A table written to a file is the Markdown one: text that reads as a table anywhere.
    emit([render(shown, "markdown" if fmt == "table" else fmt, config).encode()], output, force)


def _span(
    week: bool, month: bool, since: str | None, last: bool, owner: str | None, team: bool
) -> tuple[str, str | None]:
    """Which span the options ask for (one of --week, --month, --since; --last with the
    first two), and the day --since gives; one of --owner and --team."""
    from salesnotes.errors import BadInput
    from salesnotes.i18n import _

    if week + month + (since is not None) > 1:
        raise BadInput(_("give one of --week, --month and --since"))
    if last and since is not None:
        raise BadInput(_("--last is the whole week or month before this one; not with --since"))
    if owner is not None and team:
        raise BadInput(_("give --owner NAME or --team, not both"))
    if since is not None:
        return "since", since
    return ("month" if month else "week"), None
