"""``agenda``: who to call today, most urgent first, each with why."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
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
    show(rows, fmt, day, explain=explain)
