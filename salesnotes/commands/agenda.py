"""``agenda``: who to call today, most urgent first, each with why."""

from __future__ import annotations

from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
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
    from salesnotes.domain.dates import parse_when
    from salesnotes.errors import BadInput
    from salesnotes.render.agenda import day_agenda as show
    from salesnotes.usecases.agenda import day_agenda

    day = parse_when(when, env.today()) if when is not None else env.today()
    if owner is not None and team:
        raise BadInput(_("give --owner NAME or --team, not both"))
    config = env.config()
    store = env.store()
    with store.read():
        result = day_agenda(
            store, config, env.calendar(), day=day, moment=env.moment_on(day), team=team,
            limit=config.get_int("agenda.limit") if limit is None else limit, owner=owner,
        )  # fmt: skip
    show(result, fmt, day, explain=explain, by_owner=team, today=when is None)
