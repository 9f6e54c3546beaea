"""``agenda``: who to call today, most urgent first, each with why."""

from __future__ import annotations

from salesnotes.i18n import _, n_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.domain.days import Calendar, DayOff
    from salesnotes.env import Env


def agenda(
    env: Env,
    *,
    when: str | None,
    limit: int | None,
    explain: bool,
    fmt: str,
    owner: str | None = None,
    team: bool = False,
) -> None:
    """Print the ranked agenda for a day (default today), at most ``limit`` rows: the user's
    own in a team's book (``owner``: a colleague's; ``team``: everyone's, by owner)."""
    from salesnotes.domain.days import Calendar
    from salesnotes.record import changed
    from salesnotes.render.agenda import agenda as show
    from salesnotes.render.agenda import team as show_team
    from salesnotes.usecases.agenda import agenda_owner, piled_up
    from salesnotes.usecases.sources import agenda as build
    from salesnotes.usecases.sources import team_agenda

    day = env.today()
    if when is not None:
        from salesnotes.domain.dates import parse_when

        day = parse_when(when, day)
    config = env.config()
    if limit is None:
        limit = config.get_int("agenda.limit")
    if owner is not None and team:
        from salesnotes.errors import BadInput

        raise BadInput(_("give --owner NAME or --team, not both"))
    store = env.store()
    with store.read():
        whose = agenda_owner(store, owner)
        calendar = env.calendar()
        if team:
            rows = team_agenda(
                store, day, config, limit or None, env.moment_on(day), calendar=calendar
            )
        else:
            if whose is None or whose == store.user:  # the user's own days off count
                calendar = env.calendar(store)
            elif owner is not None:  # a colleague's day: theirs
                calendar = Calendar.of(calendar.working, (*calendar.off, *store.days_off.of(whose)))
            rows = build(
                store,
                day,
                config,
                limit=limit or None,
                now=env.moment_on(day),
                owner=whose,
                calendar=calendar,
            )
            if owner is not None:
                rows = [changed(row, owner=whose or "") for row in rows]
        known = store.contacts.owners() if owner is not None and not rows else None
        piled = piled_up(store, day, calendar)
    if when is None:
        day_off_note(day, calendar, piled)
    if known is not None and whose not in known:
        from salesnotes import render

        render.note(
            _("nobody called {owner} owns a contact in this book; owners: {owners}").format(
                owner=whose, owners=", ".join(known) or "-"
            )
        )
    if team:
        show_team(rows, fmt, day, explain=explain)
    else:
        show(rows, fmt, day, explain=explain)


def day_off_note(day: date, calendar: Calendar, piled: tuple[DayOff, int] | None) -> None:
    """On a day off (a weekend, a public holiday, the user's own), say so, and how to see
    the next working day's list; on the first working day after the user's days off, what
    piled up meanwhile."""
    from salesnotes import render
    from salesnotes.domain.days import day_name, describe, next_working_day, short, working_words
    from salesnotes.render.changes import day_off_name

    if piled is not None:
        away, due = piled
        render.note(
            n_(
                "Back after your days off ({first} to {last}): {n} follow-up came due "
                "meanwhile; it is on the list",
                "Back after your days off ({first} to {last}): {n} follow-ups came due "
                "meanwhile; they are on the list",
                due,
            ).format(first=short(away.first), last=short(away.last), n=due)
        )
        return
    if calendar.is_working(day):
        return
    following = next_working_day(day, calendar)
    # A weekday names the day within a week; after longer days off, the date does.
    name = (
        day_name(following.weekday()).lower()
        if (following - day).days < 7
        else (following.isoformat())
    )
    off = calendar.off_on(day)
    if off is not None and off.kind == "holiday":
        why = _("{day} is {holiday}, a public holiday").format(
            day=describe(day), holiday=day_off_name(off)
        )
    elif off is not None:
        why = _("{day} is one of your days off").format(day=describe(day))
    else:
        why = _("{day} is not a working day ({working})").format(
            day=describe(day), working=working_words(calendar.working)
        )
    render.note(
        _("{why}; {weekday}'s list: salesnotes agenda --date {name}").format(
            why=why, weekday=day_name(following.weekday()), name=name
        )
    )
