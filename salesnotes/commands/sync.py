"""``sync``: the book and the phone's own contacts and tasks, both ways; ``sync setup``: the
phone's server found, its places chosen or made, [sync] written; ``sync status``: the last
sync and what waits for a person."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def sync(env: Env, *, dry_run: bool, quiet: bool, put_back: bool) -> None:
    """Sync the book with the phone's server, both ways (see ``usecases.sync``)."""
    import sys

    from salesnotes.render.sync import synced
    from salesnotes.usecases.sync import sync_with_server

    store = env.store()
    outcome = sync_with_server(
        store, env.config(), env.db_path, today=env.today(), now=env.now(), dry_run=dry_run,
        put_back=put_back, ask=sys.stdin.isatty() and not quiet, quiet=quiet,
    )  # fmt: skip
    if outcome is not None:
        synced(outcome, quiet=quiet)


def sync_status(env: Env, *, fmt: str) -> None:
    """The last sync: when, what it did, what waits for a person."""
    from salesnotes.render.sync import status as said
    from salesnotes.usecases.sync import status

    at, report, gone, names = status(env.store())
    said(at, report, gone, names, fmt)


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
