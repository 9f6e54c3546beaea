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
    from urllib.parse import urlsplit

    from salesnotes.adapters.dav import Dav
    from salesnotes.config import save_table
    from salesnotes.render.sync import set_up as said
    from salesnotes.secrets import password
    from salesnotes.usecases.sync_setup import set_up

    config = env.config()
    ca_file = ca_file or config.get_str("sync.ca_file") or None
    secret = password(
        config.get_str("sync.password_command"), urlsplit(url).hostname or url, user,
        ask=sys.stdin.isatty(),
    )  # fmt: skip
    dav = Dav(url, user, secret, ca_file=ca_file)
    try:
        chosen = set_up(dav, {"addressbook": addressbook, "tasks": tasks, "calendar": calendar})
    finally:
        dav.close()
    values = {"url": url, "user": user, **{c.what: c.collection.href for c in chosen}}
    for key in ("password_command", "ca_file"):
        if config.get_str(f"sync.{key}") or (key == "ca_file" and ca_file):
            values[key] = config.get_str(f"sync.{key}") or str(ca_file)
    save_table(config.path, "sync", values)
    said(chosen, config.path)
