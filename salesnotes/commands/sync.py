"""``sync setup``: the phone's server found, its places chosen or made, [sync] written."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def sync_setup(
    env: Env, *, url: str, user: str, addressbook: str | None, tasks: str | None,
    calendar: str | None, ca_file: str | None,
) -> None:  # fmt: skip
    """Find the address books, calendars and task lists of ``user`` at ``url``; take the
    ones named (default: 'Verkoop') or make them; write [sync] into the configuration."""
    import sys

    from salesnotes.render.sync import set_up as said
    from salesnotes.usecases.sync_setup import set_up_sync

    names = {"addressbook": addressbook, "tasks": tasks, "calendar": calendar}
    config = env.config()
    chosen = set_up_sync(config, url, user, names, ca_file=ca_file, ask=sys.stdin.isatty())
    said(chosen, config.path)
