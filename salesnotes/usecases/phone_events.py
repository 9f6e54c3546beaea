"""The calendar's part of a sync (see ``usecases.sync``): the follow-ups at a time of day (a
visit at 14:00) as events in the phone's calendar, or every follow-up when the phone's
calendar is where a person looks (``[sync] followups_as`` 'events' or 'both'); an event moved
there moves its follow-up here. A follow-up done, or deleted here, leaves the calendar; an
event deleted there is kept here and listed, as a task is. The phone's own appointments in
that calendar are left alone."""

from __future__ import annotations

from salesnotes.domain.phone_sync import followup_fields, merge
from salesnotes.i18n import _
from salesnotes.models import Synced
from salesnotes.record import changed
from salesnotes.usecases.phone_tasks import TaskSync, _task_fields, _task_followup

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.formats.ics import PhoneTask
    from salesnotes.models import FollowUp

EVENT = "-event"
"""An event's UID is its follow-up's UUID and this: some servers keep a UID once per user,
and the same follow-up may be a task too."""


class Sync(TaskSync):
    """A sync's contacts, follow-ups as tasks, and follow-ups as events."""

    def sync_events(self, collection: str, every: bool) -> None:
        """The calendar: the open follow-ups at a time of day (``every``: all of them)."""
        from salesnotes.formats.ics import read_task

        listing, fetched = self.read_server("calendar", collection)
        wanted = {
            f.id: f
            for f in self.followups.values()
            if f.status == "open" and f.id not in self.closed_on_phone and (every or f.due_time)
        }
        known = {item.href for item in self.state["calendar"]}
        seen = self.settle_known(
            "calendar", listing, fetched,
            lambda item: wanted.get(item.followup_id) if item.followup_id else None,
            lambda item, followup, text, etag: self._settle_event(
                item, followup, read_task(text, "VEVENT") if text else None, etag, collection
            ),
            "events removed from the phone",
        )  # fmt: skip
        ours = {f"{f.uuid}{EVENT}": f for f in wanted.values()}
        for href, (etag, text) in fetched.items():
            event = None if href in known else read_task(text, "VEVENT")
            followup = ours.get(event.uid) if event is not None else None
            if event is not None and followup is not None:  # written by a sync cut short
                seen.add(followup.id)
                item = Synced(0, "calendar", href, event.uid, etag, None, followup.id, None)
                self._settle_event(item, followup, event, etag, collection)
        for followup in wanted.values():
            if followup.id not in seen:
                uid = f"{followup.uuid}{EVENT}"
                item = Synced(0, "calendar", f"{collection}{uid}.ics", uid, "", None, followup.id,
                              None)  # fmt: skip
                self._settle_event(item, followup, None, None, collection)

    def _settle_event(
        self, item: Synced, followup: FollowUp, event: PhoneTask | None, etag: str | None,
        collection: str, retry: bool = True,
    ) -> None:  # fmt: skip
        """One follow-up's event: its day and time both ways; the rest from the book."""
        from salesnotes.formats.ics import read_task, task

        book = {"due": followup_fields(followup)["due"]}
        theirs = {"due": _task_fields(event)["due"]} if event else (item.fields or book)
        merged = merge(item.fields, book, theirs, ("due",))
        agreed = dict(merged.fields)
        card = self.cards.get(followup.contact_id)
        shown = _task_followup(followup, {**agreed, "done": False})
        extras = f"{shown.text}|{card.phone if card else ''}"
        to_phone = agreed != theirs or extras != item.extras or event is None and etag is None
        new_etag = etag or ""
        if to_phone and not self.out.dry_run:
            text = task(
                shown, card, uid=item.uid, now=self.now, priority=5, events=True,
                dial=self.dial(card),
            )  # fmt: skip

            def again(text: str, etag: str) -> None:
                event = read_task(text, "VEVENT")
                self._settle_event(item, followup, event, etag, collection, False)

            written = self.write_over(
                item, text, etag, collection, "VEVENT", again if retry else None,
                followup=followup.id,
            )  # fmt: skip
            if written is None:  # the phone wrote it at the same moment: settled again
                return
            new_etag = written
        if to_phone:
            self.out.count(
                "events written" if etag is not None else "events added",
                _("to the phone: event {text}").format(text=followup.text or followup.contact_name),
            )
        if "due" in merged.to_book and followup.id not in self.moved:
            self.moved.add(followup.id)
            self.out.count(
                "follow-ups moved", _("into the book: follow-up #{id} moved").format(id=followup.id)
            )
            self.book_ops.append(self._move(followup, merged.to_book["due"]))
        self.kept.append(
            changed(item, etag=new_etag, fields=agreed, extras=extras, followup_id=followup.id)
        )
