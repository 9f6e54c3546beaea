"""``agenda``: who to call today, most urgent first, each with why."""

from __future__ import annotations

from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.env import Env


def agenda(env: Env, *, when: str | None, limit: int | None, explain: bool, fmt: str) -> None:
    """Print the ranked agenda for a day (default today), at most ``limit`` rows."""
    from salesnotes.render.agenda import agenda as show
    from salesnotes.sources import agenda as build

    day = env.today()
    if when is not None:
        from salesnotes.dates import parse_when

        day = parse_when(when, day)
    config = env.config()
    if limit is None:
        limit = config.get_int("agenda.limit")
    store = env.store()
    with store.read():
        rows = build(store, day, config, limit=limit or None, now=env.moment_on(day))
    if when is None and day.weekday() not in config.working_days():
        _weekend(day, config.working_days())
    show(rows, fmt, day, explain=explain)


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
