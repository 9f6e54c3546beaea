"""The follow-ups' part of a sync (see ``usecases.sync``): each open follow-up a task on
the phone; a task ticked off there done here (logged as a conversation), moved there moved
here (as ``snooze``), made there with a title naming a contact a follow-up (as ``follow``)."""

from __future__ import annotations

from datetime import date

from salesnotes.domain.phone_sync import TASK_FIELDS, followup_fields, merge
from salesnotes.errors import SalesnotesError
from salesnotes.i18n import N_, _
from salesnotes.models import Synced
from salesnotes.record import changed
from salesnotes.usecases.phone_cards import CardSync

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from typing import Any

    from salesnotes.formats.ics import PhoneTask
    from salesnotes.models import ContactCard, FollowUp

DONE_ON_PHONE = N_("done on the phone")


class TaskSync(CardSync):
    """A sync's contacts and follow-ups as tasks."""

    def sync_tasks(self, collection: str) -> None:
        from salesnotes.formats.ics import read_task

        listing, fetched = self.read_server("tasks", collection)
        known = {item.href for item in self.state["tasks"]}
        seen = self.settle_known(
            "tasks", listing, fetched,
            lambda item: self.followups.get(item.followup_id) if item.followup_id else None,
            lambda item, followup, text, etag: self._settle_task(
                item, followup, read_task(text) if text else None, etag, collection
            ),
            "tasks removed from the phone",
        )  # fmt: skip
        by_uuid = {f.uuid: f for f in self.followups.values()}
        for href, (etag, text) in fetched.items():
            if href in known:
                continue
            task = read_task(text)
            if task is None:
                self.out.wait("unreadable task", href=href)
                continue
            followup = by_uuid.get(task.uid)
            if followup is not None:  # ours, written by a sync that did not finish
                seen.add(followup.id)
                item = Synced(0, "tasks", href, task.uid, etag, None, followup.id, None)
                self._settle_task(item, followup, task, etag, collection)
            elif not task.done:
                self._new_task(href, etag, task)
        for followup in self.followups.values():
            if followup.id not in seen and followup.status == "open":
                href = f"{collection}{followup.uuid}.ics"
                item = Synced(0, "tasks", href, followup.uuid, "", None, followup.id, None)
                self._settle_task(item, followup, None, None, collection)

    def _settle_task(
        self, item: Synced, followup: FollowUp, task: PhoneTask | None, etag: str | None,
        collection: str, retry: bool = True,
    ) -> None:  # fmt: skip
        from salesnotes.formats.ics import task as task_text

        book = followup_fields(followup)
        theirs = _task_fields(task) if task is not None else (item.fields or book)
        merged = merge(item.fields, book, theirs, TASK_FIELDS)
        agreed, to_book = dict(merged.fields), dict(merged.to_book)
        if to_book.get("done") is False:  # ticked off in the book, not on the phone: done
            agreed["done"] = True
            del to_book["done"]
        card = self.cards.get(followup.contact_id)
        priority = self.priority(followup)
        shown_followup = _task_followup(followup, agreed)
        extras = f"{priority}|{shown_followup.text}|{card.phone if card else ''}"
        to_phone = agreed != theirs or extras != item.extras or task is None and etag is None
        new_etag = etag or ""
        if to_phone and not self.out.dry_run:
            text = task_text(
                shown_followup, card, uid=item.uid, now=self.now, priority=priority,
                dial=self.dial(card),
            )  # fmt: skip

            def again(text: str, etag: str) -> None:
                from salesnotes.formats.ics import read_task

                self._settle_task(item, followup, read_task(text), etag, collection, retry=False)

            written = self.write_over(
                item, text, etag, collection, "VTODO", again if retry else None,
                followup=followup.id,
            )  # fmt: skip
            if written is None:  # the phone wrote it at the same moment: settled again
                return
            new_etag = written
        if to_phone:
            self.out.count(
                "tasks written" if etag is not None else "tasks added",
                _("to the phone: task {text}").format(text=followup.text or followup.contact_name),
            )
        if to_book.get("done"):
            self.closed_on_phone.add(followup.id)
            note = _task_note(task, followup, card)
            self.out.count(
                "follow-ups done", _("into the book: follow-up #{id} done").format(id=followup.id)
            )
            self.book_ops.append(self._done(followup, note))
        elif "due" in to_book:
            self.moved.add(followup.id)
            self.out.count(
                "follow-ups moved", _("into the book: follow-up #{id} moved").format(id=followup.id)
            )
            self.book_ops.append(self._move(followup, to_book["due"]))
        closed = bool(agreed["done"])
        self.kept.append(
            changed(item, etag=new_etag, fields=agreed, extras=extras,
                    followup_id=followup.id, closed=closed)
        )  # fmt: skip

    def _done(self, followup: FollowUp, note: str) -> Callable[[], None]:
        def done() -> None:
            from salesnotes.usecases.followups import complete_followup

            try:
                complete_followup(
                    self.store, followup.id, note=note, kind="note", today=self.today, now=self.now
                )
            except SalesnotesError as exc:
                self.out.wait("not taken", followup=followup.id, reason=exc.message)

        return done

    def _move(self, followup: FollowUp, due: str) -> Callable[[], None]:
        def move() -> None:
            from salesnotes.domain.plans import Planned
            from salesnotes.usecases.followups import snooze_followup

            day, _space, at = due.partition(" ")
            try:
                snooze_followup(
                    self.store, followup.id, Planned(date.fromisoformat(day), at or None),
                    today=self.today, earlier=True, typed=due,
                )  # fmt: skip
            except SalesnotesError as exc:
                self.out.wait("not taken", followup=followup.id, reason=exc.message)

        return move

    def _new_task(self, href: str, etag: str, task: PhoneTask) -> None:
        """A task made on the phone: a follow-up when its title names a contact ('Jan de
        Vries: offerte nabellen', the WHO rules), else it waits."""
        from salesnotes.usecases.who import resolve

        who, colon, what = task.summary.partition(":")
        who = who.strip() if colon else task.summary.strip()
        try:
            contact, _note = resolve(self.store, who, self.region) if who else (None, None)
        except SalesnotesError as exc:
            contact = None
            reason = exc.message
        else:
            reason = _("its title names nobody")
        if contact is None or (self.whose is not None and contact.id not in self.contacts):
            self.out.wait("new task", href=href, title=task.summary, reason=reason)
            return
        self.out.count(
            "follow-ups added",
            _("into the book: a follow-up with {name}").format(name=contact.name),
        )
        day = task.due or self.today
        text = what.strip() if colon else ""

        def follow() -> None:
            from salesnotes.domain.plans import Planned
            from salesnotes.usecases.followups import schedule_followup

            try:
                made = schedule_followup(
                    self.store, contact, Planned(max(day, self.today), task.due_time),
                    text or _("follow-up"), reason="other", priority="normal",
                    today=self.today, now=self.now, owner=self.person,
                )  # fmt: skip
            except SalesnotesError as exc:
                self.out.wait("new task", href=href, title=task.summary, reason=exc.message)
                return
            card = self.store.contacts.cards([contact.id]).get(contact.id)
            extras = f"{self.priority(made)}|{made.text}|{card.phone if card else ''}"
            self.store.sync.keep(
                self.person,
                Synced(
                    0, "tasks", href, task.uid, etag, None, made.id, followup_fields(made), extras
                ),
            )

        self.book_ops.append(follow)


def _task_fields(task: PhoneTask) -> dict[str, Any]:
    due = task.due.isoformat() if task.due else ""
    return {"due": f"{due} {task.due_time}" if due and task.due_time else due, "done": task.done}


def _task_followup(followup: FollowUp, agreed: dict[str, Any]) -> FollowUp:
    """The follow-up as its task is to show it: on the agreed day, done when agreed."""
    day, _space, at = (agreed["due"] or followup.due_on.isoformat()).partition(" ")
    status = "done" if agreed["done"] else "open"
    return changed(followup, due_on=date.fromisoformat(day), due_time=at or None, status=status)


def _task_note(task: PhoneTask | None, followup: FollowUp, card: ContactCard | None) -> str:
    """What the conversation logged for a task ticked off on the phone says: that, and
    the last line the person added to the task's notes (the lines salesnotes writes there
    for this follow-up left out)."""
    from salesnotes.formats.ics import description

    said = ""
    if task is not None:
        ours = set(description(followup, card).splitlines())
        own = [line for line in task.description.splitlines() if line.strip() not in ours | {""}]
        said = " ".join(line.strip() for line in own[-1:] if line.strip())
    return f"{_(DONE_ON_PHONE)}: {said}" if said else _(DONE_ON_PHONE)
