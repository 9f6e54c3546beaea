"""One sync of a person's book with the phone's server (see ``usecases.sync``): what both
sides have, read; what a delete on either side does; the book's side written in step 4.
The contacts' part is ``phone_cards``, the follow-ups' ``phone_tasks``."""

from __future__ import annotations

from contextlib import suppress

from salesnotes.errors import SalesnotesError
from salesnotes.i18n import _
from salesnotes.record import changed

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from typing import Any

    from salesnotes.adapters.dav import Dav
    from salesnotes.config import Config
    from salesnotes.models import Contact, ContactCard, FollowUp, Synced
    from salesnotes.results import SyncOutcome
    from salesnotes.store.interface import Store

PLACES = ("addressbook", "tasks", "calendar")
"""What syncs: the contacts, the follow-ups as tasks, and (some of) them as events."""


class PhoneSync:
    """One sync of one person's book with one server (see the module)."""

    def __init__(
        self, store: Store, dav: Dav, config: Config, *, today: date, now: str, out: SyncOutcome
    ) -> None:
        self.store, self.dav, self.config = store, dav, config
        self.today, self.now, self.out = today, now, out
        self.region = config.get_str("phone.region")
        self.person = store.user
        self.book_ops: list[Callable[[], None]] = []  # step 4, in order
        self.kept: list[Synced] = []
        self.dropped: list[str] = []
        self.tokens: dict[str, tuple[str, str]] = {}  # place -> (collection, sync token)
        self.wrote: set[str] = set()  # the places this sync wrote to
        self.moved: set[int] = set()  # follow-ups moved on the phone (as a task or event)
        self.texts: dict[str, str] = {}  # the phone's objects read, by address
        self.seen: dict[str, tuple[dict[str, str], set[str]]] = {}  # what changed, as read

    # -- the book's side, read ------------------------------------------------------------

    def read_book(self) -> None:
        from salesnotes.usecases.agenda import agenda_owner

        store = self.store
        self.whose = agenda_owner(store, None)
        people = store.contacts.find()
        if self.whose is not None:
            mine = set(store.contacts.owned(self.whose))
            people = [p for p in people if p.id in mine]
        self.contacts = {p.id: p for p in people}
        self.phone_keys = store.contacts.phone_keys([p.id for p in people])
        self.by_uuid = {p.uuid: p for p in people}
        open_ones = [
            f for f in store.followups.find() if self.whose is None or f.is_for(self.whose)
        ]
        self.followups = {f.id: f for f in open_ones}
        self.cards = store.contacts.cards({f.contact_id for f in open_ones})
        self.people = people
        self.closed_on_phone: set[int] = set()  # follow-ups ticked off there this sync
        self.ranks = self._ranks()
        self.state = {place: store.sync.objects(self.person, place) for place in PLACES}
        self.state["tasks"] += store.sync.reopened(self.person, list(self.followups))
        self.as_read = {i.href: i for place in PLACES for i in self.state[place]}
        for item in self.state["tasks"]:  # a task done in the book since: read for its end
            if item.followup_id is not None and item.followup_id not in self.followups:
                try:
                    done = store.followups.get(item.followup_id)
                except SalesnotesError:
                    continue
                if done.status == "done" and done.contact_id in self.contacts:
                    self.followups[done.id] = done
                    self.cards.update(store.contacts.cards([done.contact_id]))

    def _context(self) -> dict[int, str]:
        """Each contact's caller context (see the module), in the language spoken: as the
        book will be after this sync (a call-back ticked off on the phone is not said)."""
        from salesnotes.usecases.quotes import money

        people = self.people
        open_ones = [
            f
            for f in self.followups.values()
            if f.status == "open" and f.id not in self.closed_on_phone
        ]
        said: dict[int, list[str]] = {}
        for f in sorted(open_ones, key=lambda f: (f.due_on, f.id)):
            if f.reason == "complaint":
                said.setdefault(f.contact_id, []).append(
                    _("complaint open since {day}").format(day=_day(f.created_on))
                )
            elif f.reason == "callback" and f.due_on < self.today:
                said.setdefault(f.contact_id, []).append(
                    _("call back since {day}").format(day=_day(f.due_on))
                )
        ids = [p.id for p in people]
        for q in self.store.quotes.find(open_only=True, contact_ids=ids, history=False):
            amount = money(q.amount_cents, q.currency, self.config)
            said.setdefault(q.contact_id, []).append(
                _("quote #{id} {amount} open").format(id=q.id, amount=amount)
            )
        return {cid: " · ".join(parts) for cid, parts in said.items()}

    def _ranks(self) -> dict[int, int]:
        """The contacts on today's agenda, by their place on it (0: the first)."""
        from salesnotes.usecases.sources import agenda

        limit = self.config.get_int("agenda.limit") or 25
        rows = agenda(self.store, self.today, self.config, limit=limit, owner=self.whose)
        return {row.contact_id: n for n, row in enumerate(rows)}

    def dial(self, card: ContactCard | None) -> str | None:
        """The number to call, in E.164 for a ``tel:`` link (None: none that reads)."""
        from salesnotes.domain.phone_sync import phone_key

        key = phone_key(card.phone, self.region) if card is not None and card.phone else ""
        return key if key.startswith("+") else None

    def priority(self, followup: FollowUp) -> int:
        """A task's PRIORITY: today's agenda in its order (1-4, a phone sorting by priority
        shows the agenda), the others by their own priority (5 high and normal, 9 low)."""
        rank = self.ranks.get(followup.contact_id)
        if followup.status == "open" and followup.due_on <= self.today and rank is not None:
            return 1 + rank * 4 // max(len(self.ranks), 1)
        return 9 if followup.priority == "low" else 5

    # -- the server's side, read ----------------------------------------------------------

    def read_server(self, place: str, collection: str) -> tuple[dict[str, str], dict[str, Any]]:
        """The place's listing, and the objects in it the book has not seen as they are.
        What was kept of another place (``sync setup`` chose a new one) is left aside:
        the book's objects go to the new place, or are found there by their UIDs."""
        self.state[place] = [i for i in self.state[place] if i.href.startswith(collection)]
        listing = self._listing(place, collection)
        known = {item.href: item for item in self.state[place]}
        kept_closed = self.store.sync.known(h for h in listing if h not in known)
        wanted = [
            h
            for h, etag in listing.items()
            if (h in known and known[h].etag != etag) or (h not in known and h not in kept_closed)
        ]
        kind = "addressbook" if place == "addressbook" else "calendar"
        fetched = self.dav.fetch(collection, wanted, kind) if wanted else {}
        self.texts.update({href: text for href, (_etag, text) in fetched.items()})
        return listing, fetched

    def settle_known(
        self, place: str, listing: dict[str, str], fetched: dict[str, tuple[str, str]],
        local: Callable[[Synced], Any],
        settle: Callable[[Synced, Any, str | None, str | None], None], removed: str,
    ) -> set[int]:  # fmt: skip
        """Each object of ``place`` the book knows: put back (``sync --put-back``: written
        anew); deleted on the phone (kept here and listed); gone here (``local`` None:
        deleted there too, counted as ``removed``); else ``settle(item, local, text, etag)``
        with the phone's text when it changed there (None: as agreed) and its ETag. The ids
        of the locals met."""
        met: set[int] = set()
        for item in self.state[place]:
            found = local(item)
            if found is not None:
                met.add(found.id)
            if item.gone == "back" and found is not None:
                settle(changed(item, gone=""), found, None, None)
            elif item.href not in listing:
                self._gone_from_phone(item, found)
            elif found is None:
                self._delete(item, removed)
            elif not item.gone:
                text = fetched[item.href][1] if item.href in fetched else None
                settle(item, found, text, listing[item.href])
        return met

    def write_over(
        self, item: Synced, ours: str, etag: str | None, collection: str, component: str,
        again: Callable[[str, str], None] | None, **who: int,
    ) -> str | None:  # fmt: skip
        """Write ``ours`` over the phone's object (``etag`` None: a new one), with what the
        phone's version has beyond it: the new ETag. None when the phone wrote it at the
        same moment (412): its version, read again, is settled once more through
        ``again(text, etag)``; on that second try (``again`` None) it waits for the next
        sync, said of ``who`` (contact=, followup=). Deleted meanwhile: nothing to do."""
        from salesnotes.adapters.dav import Mismatch

        kind = "addressbook" if component == "VCARD" else "calendar"
        text = self.with_theirs(ours, item.href, etag, collection, component)
        try:
            written = self.dav.put(item.href, text, kind, etag)
        except Mismatch:
            fresh = self.dav.fetch(collection, [item.href], kind).get(item.href)
            if fresh is not None:
                self.texts[item.href] = fresh[1]
                if again is not None:
                    again(fresh[1], fresh[0])
                else:
                    self.out.wait("changed during the sync", **who)
            return None
        self.wrote.add(item.place)
        return written

    def with_theirs(
        self, ours: str, href: str, etag: str | None, collection: str, component: str
    ) -> str:
        """``ours`` to write over the phone's object at ``href`` (``etag`` None: there is
        none yet), with what the phone's version has that salesnotes does not keep (a
        photo, an alarm: ``formats.kept_lines``), read first when this sync has not."""
        from salesnotes.formats.kept_lines import kept

        if etag is None:
            return ours
        if href not in self.texts:
            kind = "addressbook" if component == "VCARD" else "calendar"
            got = self.dav.fetch(collection, [href], kind).get(href)
            self.texts[href] = got[1] if got else ""
        return kept(ours, self.texts[href], component)

    def _listing(self, place: str, collection: str) -> dict[str, str]:
        """Every object in the place with its ETag: what changed since the last sync's token
        (RFC 6578) over what the book kept, else (no token kept, or the server keeps none)
        the whole listing."""
        token = self.store.sync.token(self.person, place, collection)
        delta = self.dav.changes(collection, token)
        if delta is None:
            self.tokens[place] = (collection, "")
            return self.dav.listing(collection)
        changed, removed, new_token = delta
        self.tokens[place] = (collection, new_token)
        self.seen[place] = (changed, removed)
        if not token:
            return changed
        listing = {i.href: i.etag for i in self.state[place] if not i.gone}
        listing.update(changed)
        for href in removed:
            listing.pop(href, None)
        return listing

    def after_writing(self, place: str) -> None:
        """The token to keep once this sync wrote to the place: one taken after its writes
        (a token from before them would not tell the next sync about an object it made and
        the phone then deleted), if nothing but its own writes happened since; else none,
        and the next sync reads the whole listing."""
        collection, token = self.tokens.get(place, ("", ""))
        if not token or place not in self.wrote:
            return
        after = self.dav.changes(collection, token)
        if after is None:
            self.tokens[place] = (collection, "")
            return
        changed, removed, newer = after
        ours = {i.href: i.etag for i in self.kept if i.place == place}
        read, gone = self.seen.get(place, ({}, set()))
        if all(e and e in (ours.get(h), read.get(h)) for h, e in changed.items()) and (
            removed <= set(self.dropped) | gone
        ):
            self.tokens[place] = (collection, newer)
        else:
            self.tokens[place] = (collection, "")

    # -- either -----------------------------------------------------------------------------

    def _gone_from_phone(self, item: Synced, local: Contact | FollowUp | None) -> None:
        """Deleted on the phone: kept in the book, listed, not put back."""
        if local is None:
            self.dropped.append(item.href)
            return
        if not item.gone:
            self.out.count("deleted on the phone")
        self.kept.append(changed(item, gone="phone"))

    def _delete(self, item: Synced, what: str) -> None:
        """Gone from the book (archived, done long ago, forgotten, a colleague's now):
        off the phone too."""
        from salesnotes.adapters.dav import Mismatch

        if not self.out.dry_run:
            with suppress(Mismatch):  # changed on the phone meanwhile: seen again next time
                self.dav.delete(item.href, item.etag)
                self.wrote.add(item.place)
        self.out.count(what, _("off the phone: {href}").format(href=item.href))
        self.dropped.append(item.href)

    def write_book(self) -> None:
        for op in self.book_ops:
            op()
        for item in self.kept:
            if _state(self.as_read.get(item.href)) != _state(item):  # only what changed
                self.store.sync.keep(self.person, item)
        for href in self.dropped:
            self.store.sync.drop(href)
        for place, (collection, token) in self.tokens.items():
            self.store.sync.set_token(self.person, place, collection, token)


def _state(item: Synced | None) -> tuple[Any, ...] | None:
    """What a kept object's row holds (compared so, not as records: ~20 ms a sync)."""
    if item is None:
        return None
    return (
        item.uid, item.etag, item.contact_id, item.followup_id, item.fields, item.extras,
        item.gone, item.closed,
    )  # fmt: skip


def _day(day: date) -> str:
    return f"{day.day}-{day.month}"
