"""``agenda``: who to call today, most urgent first, each with why."""

from __future__ import annotations

from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.env import Env
    from salesnotes.store.interface import Store


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
    from salesnotes.record import changed
    from salesnotes.render.agenda import agenda as show
    from salesnotes.render.agenda import team as show_team
    from salesnotes.sources import agenda as build
    from salesnotes.sources import team_agenda

    day = env.today()
    if when is not None:
        from salesnotes.dates import parse_when

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
        if team:
            rows = team_agenda(store, day, config, limit or None, env.moment_on(day))
        else:
            rows = build(
                store, day, config, limit=limit or None, now=env.moment_on(day), owner=whose
            )
            if owner is not None:
                rows = [changed(row, owner=whose or "") for row in rows]
        known = store.contacts.owners() if owner is not None and not rows else None
    if when is None and day.weekday() not in config.working_days():
        _weekend(day, config.working_days())
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


def agenda_owner(store: Store, owner: str | None) -> str | None:
    """Whose agenda: ``owner`` when given, else the user's in a book where they own contacts
    and others do too; None (everyone's) in a book of one, or one the user has no part in
    (a personal book made under another login name)."""
    from salesnotes.team import owner as owner_name

    if owner is not None:
        return owner_name(owner)
    me = store.user
    return me if store.contacts.shared(me) else None


def _weekend(day: date, working: frozenset[int]) -> None:
    """On a day off, say so, and how to see the next working day's list."""
    from salesnotes import render
    from salesnotes.days import day_name, describe, next_working_day, working_words

    following = next_working_day(day, working)
    name = day_name(following.weekday()).lower()
    render.note(
        _(
            "{day} is not a working day ({working}); {weekday}'s list: salesnotes "
            "agenda --date {name}"
        ).format(
            day=describe(day),
            working=working_words(working),
            weekday=day_name(following.weekday()),
            name=name,
        )
    )
