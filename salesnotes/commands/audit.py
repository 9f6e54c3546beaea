"""``history``: who did what, from the audit trail."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def history(
    env: Env, *, who: str | None, user: str | None, since: str | None, limit: int, fmt: str
) -> None:
    """A contact's history (``who``), what a person did (``user``), or the book's last
    changes: who created, assigned, merged, archived, edited or deleted what, planned,
    completed or moved which follow-up, and when."""
    from salesnotes.domain.dates import parse_when
    from salesnotes.render.audit import trail_of
    from salesnotes.usecases.audit import trail

    day = parse_when(since, env.today(), past=True) if since is not None else None
    store = env.store()
    with store.read():
        found = trail(
            store, who=who, region=env.config().get_str("phone.region"), person=user, since=day,
            limit=limit,
        )  # fmt: skip
    trail_of(found, fmt, env.config())
