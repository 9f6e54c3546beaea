"""``sync setup``: find the user's address books, calendars and task lists on their DAV
server, take the ones named (default: 'Verkoop') or make them, and say what was chosen."""

from __future__ import annotations

import re

from salesnotes.results import Chosen
from salesnotes.text import fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.adapters.dav import Dav
    from salesnotes.config import Config

PLACES = {
    # what -> (kind, component, the end of its address when made)
    "addressbook": ("addressbook", "", "contacten"),
    "tasks": ("calendar", "VTODO", "taken"),
    "calendar": ("calendar", "VEVENT", "agenda"),
}
DEFAULT_NAME = "Verkoop"
"""Where the book goes on the server: the contacts to an address book, the follow-ups to a
task list, the follow-ups with a time also to a calendar."""


def set_up(dav: Dav, names: dict[str, str | None]) -> list[Chosen]:
    """The address book, task list and calendar: each the one named (by its name or the
    last part of its address, case ignored), else made."""
    homes = dav.discover()
    chosen = []
    for what, (kind, component, suffix) in PLACES.items():
        wanted = (names.get(what) or DEFAULT_NAME).strip()
        slug = (re.sub(r"[^a-z0-9]+", "-", fold(wanted)).strip("-") or "verkoop") + "-" + suffix
        home = homes.addressbooks if kind == "addressbook" else homes.calendars
        found = [
            c
            for c in dav.collections(home)
            if c.kind == kind
            and (not component or component in c.components)
            and wanted.casefold()
            in (c.name.casefold(), c.href.rstrip("/").rsplit("/", 1)[-1].casefold())
        ]
        if found:
            chosen.append(Chosen(what, found[0], False))
        elif kind == "addressbook":
            chosen.append(Chosen(what, dav.make_addressbook(home, slug, wanted), True))
        else:
            made = dav.make_calendar(home, slug, wanted, (component,))
            chosen.append(Chosen(what, made, True))
    return chosen


def set_up_sync(
    config: Config, url: str, user: str, names: dict[str, str | None], *,
    ca_file: str | None, ask: bool,
) -> list[Chosen]:  # fmt: skip
    """``sync setup``: the password from where the user keeps it (``secrets``), the places
    chosen or made (``set_up``), and [sync] written into the configuration file with what
    was given (the password never; a password_command or ca_file only when there is one)."""
    from urllib.parse import urlsplit

    from salesnotes.adapters.dav import Dav
    from salesnotes.config import save_table
    from salesnotes.secrets import password

    ca_file = ca_file or config.get_str("sync.ca_file") or None
    command = config.get_str("sync.password_command")
    secret = password(command, urlsplit(url).hostname or url, user, ask=ask)
    dav = Dav(url, user, secret, ca_file=ca_file)
    try:
        chosen = set_up(dav, names)
    finally:
        dav.close()
    values = {"url": url, "user": user, **{c.what: c.collection.href for c in chosen}}
    if command:
        values["password_command"] = command
    if ca_file:
        values["ca_file"] = ca_file
    save_table(config.path, "sync", values)
    return chosen
