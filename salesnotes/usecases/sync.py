"""``salesnotes sync``: the book and the phone's own contacts and tasks, both ways, through
the user's CardDAV/CalDAV server (the places ``sync setup`` chose, in [sync]).

One sync, in four steps:

1. read the book: the user's contacts (in a team's book their own accounts; every contact in
   a book of one) with what they must know when that customer calls (the *caller context*),
   the follow-ups they are to do, and what the last sync kept (``store.sync``, m020);
2. read the server: one listing of each place (addresses and ETags), then only the objects
   whose ETag is not the one kept (multiget);
3. settle each object (``domain.phone_sync.merge``, field by field, three ways) and write
   the phone's side at once: a new object with ``If-None-Match: *``, a changed one with
   ``If-Match`` (412, the phone wrote at the same moment: read again, settle again, once);
   a delete with ``If-Match``;
4. write the book's side in one transaction, recorded for ``undo`` as one step, with the state.

Killed between 3 and 4, the next sync finds the objects it wrote by their UID (a contact's or
follow-up's UUID) and takes them as agreed: nothing doubles on either side, and the book is
never half changed. A delete on the phone never deletes in the book: ``sync status`` lists
it with the command that removes it here too, and it is not put back until the person says
so (``sync --put-back``).

A card's caller context is the first line of its note (``[salesnotes] ...``): the open
complaint, the open quotes with their amounts, a call-back past its day, with dates rather
than "3 days ago" so that a card is rewritten only when something changed. Both iOS and
Android show a card's note on the contact card, one tap from the incoming-call screen,
which shows only the name, organisation and the number's label.
"""

from __future__ import annotations

from salesnotes.errors import SalesnotesError
from salesnotes.i18n import _
from salesnotes.usecases.phone import PLACES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from salesnotes.adapters.dav import Dav
    from salesnotes.config import Config
    from salesnotes.models import Synced
    from salesnotes.results import SyncOutcome
    from salesnotes.store.interface import Store


def sync(
    store: Store, dav: Dav, config: Config, *, today: date, now: str, dry_run: bool,
    put_back: bool = False,
) -> SyncOutcome:  # fmt: skip
    """One sync (see the module); ``dry_run``: what it would do, nothing written."""
    from salesnotes.results import SyncOutcome
    from salesnotes.usecases.phone_events import Sync

    out = SyncOutcome(dry_run)
    places = {p: config.get_str(f"sync.{p}") for p in PLACES}
    if put_back and not dry_run:
        with store.write(journal="none"):
            out.counts["put back"] = store.sync.put_back(store.user)
    one = Sync(store, dav, config, today=today, now=now, out=out)
    with store.read():
        one.read_book()
    mode = config.get_str("sync.followups_as")
    # The tasks first: a call-back ticked off there leaves the card's context and the calendar.
    if places["tasks"] and mode != "events":
        one.sync_tasks(places["tasks"])
        one.after_writing("tasks")
    if places["addressbook"]:
        one.sync_cards(places["addressbook"])
        one.after_writing("addressbook")
    if places["calendar"]:
        one.sync_events(places["calendar"], every=mode != "tasks")
        one.after_writing("calendar")
    if dry_run:
        with store.read():
            out.names = named(store, out.as_json(), [])
        return out
    with store.write():
        one.write_book()
        store.sync.ran(store.user, now, out.as_json())
        out.names = named(store, out.as_json(), [])
    return out


def sync_with_server(
    store: Store, config: Config, book: str, *, today: date, now: str, dry_run: bool,
    put_back: bool, ask: bool, quiet: bool,
) -> SyncOutcome | None:  # fmt: skip
    """``salesnotes sync``: the server and user of [sync], the password from where the user
    keeps it, one sync at a time per book and person (another one running: a Conflict, or
    None with ``quiet``: cron's sync leaves it to the one running)."""
    from urllib.parse import urlsplit

    from salesnotes.adapters.dav import Dav
    from salesnotes.errors import ConfigError, Conflict
    from salesnotes.secrets import password

    url, user = config.get_str("sync.url"), config.get_str("sync.user")
    if not url or not user or not any(config.get_str(f"sync.{p}") for p in PLACES):
        raise ConfigError(
            _(
                "the phone's server is not set up: salesnotes sync setup URL --user NAME "
                "finds your address book and task list and writes [sync]"
            )
        )
    with _one_at_a_time(book, store.user) as running:
        if running:
            if quiet:
                return None
            raise Conflict(_("another sync of this book is running; try again when it is done"))
        secret = password(
            config.get_str("sync.password_command"), urlsplit(url).hostname or url, user, ask=ask
        )
        dav = Dav(url, user, secret, ca_file=config.get_str("sync.ca_file") or None)
        try:
            return sync(
                store, dav, config, today=today, now=now, dry_run=dry_run, put_back=put_back
            )
        finally:
            dav.close()


class _one_at_a_time:  # noqa: N801 (used as a context manager, like contextlib's)
    """A lock per book and person (a file in the temporary folder, held with flock): True
    when another sync holds it. The system lets go of it when the process ends, however."""

    def __init__(self, book: str, person: str) -> None:
        import hashlib
        import os
        import tempfile

        key = hashlib.sha256(f"{book}\0{person}".encode()).hexdigest()[:16]
        self.path = os.path.join(tempfile.gettempdir(), f"salesnotes-sync-{os.getuid()}-{key}")
        self.fd = -1

    def __enter__(self) -> bool:
        import fcntl
        import os

        self.fd = os.open(self.path, os.O_CREAT | os.O_RDWR, 0o600)
        try:
            fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        return False

    def __exit__(self, *exc: object) -> None:
        import os

        os.close(self.fd)


def status(store: Store) -> tuple[str | None, dict[str, Any], list[Synced], dict[str, str]]:
    """``sync status``: when the user last synced, what that sync did and left to them,
    what they deleted on the phone that the book keeps, and the names of who is meant."""
    with store.read():
        last = store.sync.last_run(store.user)
        gone = store.sync.gone(store.user)
        report = last[1] if last else {}
        return (last[0] if last else None), report, gone, named(store, report, gone)


def named(store: Store, report: dict[str, Any], gone: list[Synced]) -> dict[str, str]:
    """'c12' -> 'Jan de Vries (#12)', 'f5' -> 'follow-up #5 with Jan de Vries': who and what
    a report and the phone's deletions mean, as the book names them now."""
    wanted = [*report.get("waiting", []), *report.get("conflicts", [])]
    contacts = {w["contact"] for w in wanted if w.get("contact")}
    contacts |= {g.contact_id for g in gone if g.contact_id}
    followups = {w["followup"] for w in wanted if w.get("followup")}
    followups |= {g.followup_id for g in gone if g.followup_id}
    names = {}
    for cid in contacts:
        try:
            names[f"c{cid}"] = f"{store.contacts.get(cid).name} (#{cid})"
        except SalesnotesError:
            names[f"c{cid}"] = f"#{cid}"
    for fid in followups:
        try:
            followup = store.followups.get(fid)
        except SalesnotesError:
            names[f"f{fid}"] = f"#{fid}"
            continue
        names[f"f{fid}"] = _("follow-up #{id} with {name}").format(
            id=fid, name=followup.contact_name
        )
    return names
