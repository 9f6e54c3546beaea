"""The morning briefing: what it says, read in one transaction (``assemble_briefing``), and
the mark "since the last briefing" moved when one is delivered (``remember``)."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date, datetime
    from typing import Any

    from salesnotes.config import Config
    from salesnotes.domain.days import Calendar
    from salesnotes.domain.ranking import AgendaRow
    from salesnotes.models import Quote
    from salesnotes.results import Brief, VisitPrep
    from salesnotes.store.interface import Store

MAX_ITEMS = 15
"""Per "since" list of a briefing a person reads: a briefing is read in a minute."""


def assemble_briefing(
    store: Store,
    config: Config,
    calendar: Calendar,
    *,
    day: date,
    moment: datetime,
    now: str,
    since: datetime | None,
    team: bool,
    short: bool,
) -> Brief:
    """Everything one briefing says on ``day``: the calls (the user's own in a team's book;
    each salesperson's first few with ``team``), late complaints, quotes to mention, who is
    losing touch, the coming week's occasions, and what happened from ``since`` (None: from
    the last briefing the book remembers) until ``now``. ``short``: the lists a person reads
    hold the first few of each (``brief.top``); the JSON's list everything."""
    from salesnotes.results import Brief
    from salesnotes.usecases.agenda import agenda_owner, piled_up
    from salesnotes.usecases.sources import (
        agenda_size,
        losing_touch,
        losing_touch_ids,
        occasions,
    )
    from salesnotes.usecases.tray import late_complaints, pipeline, quotes_to_mention

    top = config.get_int("brief.top")
    listed = top if short else None
    whose = None if team else agenda_owner(store, None)
    rows = _calls(store, day, config, top, moment, whose, team, calendar)
    back = None if team else piled_up(store, day, calendar)
    mine = None if whose is None else set(store.contacts.owned(whose))
    coming = occasions(store, day, 7)
    if mine is None:
        losing = losing_touch(store, day, config, limit=top)
        # Counted only when a list was cut short: who is losing touch is in both counts.
        losing_ids = (
            losing_touch_ids(store, day, config) if top in (len(rows), len(losing)) else None
        )
        expiring, expiring_total, stale, stale_total = quotes_to_mention(store, config, day, listed)
    else:  # the user's part of a team's book: their contacts' quotes, rhythms and days
        coming = [o for o in coming if o.contact_id in mine]
        every = losing_touch(store, day, config, contact_ids=sorted(mine))
        losing, losing_ids = every[:top], {item.contact_id for item in every}
        expiring, expiring_total, stale, stale_total = _own_quotes(store, config, day, mine, listed)
    figures = pipeline(store, config, day, lost_reasons=0)
    if team:
        total = _team_size(store, day, config, rows, top)
    elif len(rows) == top:  # cut short: the rest counted, never the list's length
        total = agenda_size(store, day, config, losing_ids, owner=whose)
    else:
        total = len(rows)
    return Brief(
        day=day,
        now=moment,
        agenda=rows,
        agenda_total=total,
        response_hours=config.get_int("complaints.response_hours"),
        late_complaints=[
            (f, age)
            for f, age in late_complaints(store, config, moment)
            if mine is None or f.is_for(store.user)
        ],
        expiring=expiring,
        stale=stale,
        losing_touch=losing,
        occasions=coming[:listed],
        pipeline=figures if figures.open_count or figures.year.won_count else None,
        money_format=config.get_str("money.format"),
        expiring_total=expiring_total,
        stale_total=stale_total,
        losing_touch_total=len(losing_ids) if losing_ids is not None else None,
        occasions_total=len(coming),
        day_off=calendar.off_on(day),
        back=back,
        visits=visits_ahead(store, day, calendar),
        **(_managers(store, config, day) if team else {}),
        **_happened(store, since, now, MAX_ITEMS if short else None, team=team, day=day),
    )


def visits_ahead(store: Store, day: date, calendar: Calendar) -> list[VisitPrep]:
    """The user's joint visits on the working day after ``day``, each prepared."""
    from datetime import timedelta

    from salesnotes.domain.days import next_working_day
    from salesnotes.usecases.visits import visit_prep

    ahead = next_working_day(day + timedelta(days=1), calendar)
    return [visit_prep(store, v.id, day) for v in store.followups.visits_on(ahead, store.user)]


def _managers(store: Store, config: Config, day: date) -> dict[str, Any]:
    """What the manager's briefing has besides: with whom they have not been on the road
    for a while (``ride_along``), and the team's week up to ``day`` in figures as
    ``report --week --team`` gives them."""
    from salesnotes.usecases.report import team_report

    return {
        "ride_along": ride_along(store, config, day),
        "week": team_report(store, config, day, "week"),
    }


def ride_along(
    store: Store, config: Config, day: date
) -> list[tuple[str, date | None, tuple[str, ...]]]:
    """For the manager (the user): each salesperson they have not been on the road with
    for longer than ``[team] ride_along_every`` (or never), with the roles of the last three
    times, latest first."""
    from salesnotes.domain.rhythms import OFF, period
    from salesnotes.usecases.sources import team_owners

    setting = config.get_str("team.ride_along_every")
    if setting in OFF:
        return []
    every = period(setting)
    went: dict[str, list[tuple[date, str]]] = {}
    for owner, done_on, role in store.followups.ride_alongs(store.user):
        went.setdefault(owner, []).append((done_on, role))
    found = []
    for person in team_owners(store):
        if person == store.user:
            continue
        times = went.get(person, [])
        last = times[0][0] if times else None
        if last is None or every.after(last) < day:
            found.append((person, last, tuple(role for __, role in times[:3])))
    return found


def _happened(
    store: Store, since: datetime | None, now: str, limit: int | None, *, team: bool, day: date
) -> dict[str, Any]:
    """What the briefing says happened from ``since`` (None: the last briefing the book
    remembers) until ``now``: the conversations logged, follow-ups done and quotes closed
    (the first ``limit`` of each, and how many), as the briefing's fields; and the calls
    from the phone since the working day before ``day`` that have no note yet."""
    from datetime import UTC

    from salesnotes.usecases.calls import since_day

    asked = since is not None
    since, unreadable = _since(store, since, team)
    unnoted = store.calls.unnoted(None if team else store.user, since_day(None, day))
    if since is None:
        nothing: list[Any] = []
        return {"since": None, "interactions": nothing, "followups_done": nothing,
                "quotes_closed": nothing, "interactions_total": 0, "followups_done_total": 0,
                "since_asked": asked, "unreadable_since": unreadable,
                "unnoted_calls": unnoted}  # fmt: skip
    lower = since.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    return {
        "since": since,
        "interactions": store.interactions.logged_between(lower, now, limit),
        "followups_done": store.followups.done_between(lower, now, limit),
        "quotes_closed": store.quotes.closed_between(lower, now),
        "interactions_total": store.interactions.count_logged_between(lower, now),
        "followups_done_total": store.followups.count_done_between(lower, now),
        "since_asked": asked,
        "unreadable_since": unreadable,
        "unnoted_calls": unnoted,
    }


def _own_quotes(
    store: Store, config: Config, day: date, mine: set[int], listed: int | None
) -> tuple[list[Quote], int, list[Quote], int]:
    """(expiring, how many, stale, how many) of the quotes of the user's own contacts."""
    from salesnotes.usecases.tray import quotes_to_mention

    expiring, __, stale, __ = quotes_to_mention(store, config, day, None)
    expiring = [q for q in expiring if q.contact_id in mine]
    stale = [q for q in stale if q.contact_id in mine]
    return expiring[:listed], len(expiring), stale[:listed], len(stale)


def _since(store: Store, since: datetime | None, team: bool) -> tuple[datetime | None, str]:
    """(from when 'what happened' counts: the user's own last briefing of this kind; the
    last briefing's time as the book holds it when that is no time: another tool wrote it,
    so it counts from nothing, and says so)."""
    from salesnotes.book_values import UnreadableValue, book_moment

    previous = store.briefings.last(store.user, "team" if team else "own")
    if since is not None or previous is None:
        return since, ""
    try:
        # Shown and given in local time, as the clock and SALESNOTES_TODAY are read.
        return book_moment(previous).astimezone(), ""
    except UnreadableValue:
        return None, previous


def moves_the_mark(fmt: str, *, record: bool, since: datetime | None, terminal: bool) -> bool:
    """Whether this briefing moves the mark "since the last briefing": one delivered (a
    mail, or the text run without a terminal: cron, a pipe to 'mail') or asked to
    (``record``), never one since a chosen day. A look at a terminal is a look."""
    delivered = fmt == "email" or (fmt == "text" and not terminal)
    return record or (since is None and delivered)


def remember(store: Store, brief: Brief, now: str, fmt: str, *, team: bool) -> None:
    """Move the user's mark "since the last briefing" of this kind (``team``: the
    manager's) to ``now``: this briefing was delivered."""
    kind = "team" if team else "own"
    store.briefings.record(now, brief.day, fmt, brief.calls, person=store.user, kind=kind)


def _calls(
    store: Store,
    day: date,
    config: Config,
    top: int,
    moment: datetime,
    whose: str | None,
    team: bool,
    calendar: Calendar,
) -> list[AgendaRow]:
    """The briefing's calls: ``whose`` (a team's book: the user's own; None: everyone's in a
    book of one); with ``team``, each salesperson's first ``top``, every row naming its owner
    (the manager's briefing)."""
    from salesnotes.usecases.sources import agenda, team_agenda

    if not team:
        return agenda(store, day, config, limit=top, now=moment, owner=whose, calendar=calendar)
    return team_agenda(store, day, config, top, moment, calendar=calendar)


def _team_size(store: Store, day: date, config: Config, rows: list[AgendaRow], top: int) -> int:
    """How many calls the whole team has on ``day``: each salesperson's count, counted in
    full where their list was cut at ``top``."""
    from collections import Counter

    from salesnotes.usecases.sources import agenda_size, losing_touch_ids, team_owners

    listed = Counter(row.owner for row in rows)
    cut = [name for name in team_owners(store) if listed[name] >= top]
    losing = losing_touch_ids(store, day, config) if cut else set()
    return sum(listed.values()) + sum(
        agenda_size(store, day, config, losing, owner=name) - listed[name] for name in cut
    )
