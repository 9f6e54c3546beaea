"""The phone's call log into the book (issue 26): an answered call with a known number is a
conversation at its real moment, a missed call from a customer is a call-back on the agenda,
and ``calls note`` adds what was said afterwards, with the next step, in one command."""

from __future__ import annotations

from datetime import UTC

from salesnotes.i18n import _
from salesnotes.results import CallNoted, CallsImported

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date, datetime

    from salesnotes.domain.plans import Planned
    from salesnotes.formats.call_log import Call as LoggedCall
    from salesnotes.imported import Unreadable
    from salesnotes.models import FollowUp
    from salesnotes.store.interface import Store


def instant(at: datetime) -> str:
    """A moment as the book keeps it: a UTC instant, to the second."""
    return at.astimezone(UTC).replace(microsecond=0, tzinfo=None).isoformat() + "Z"


def import_calls(
    store: Store, calls: Iterable[LoggedCall], *, region: str, now: str, bad: int = 0
) -> CallsImported:
    """Every call of a log that is a known contact's and not in the book yet, kept: a
    conversation when it was one (its clocks restart, as with any conversation), a
    call-back when a customer's call was missed and no conversation with them came after
    (one open call-back per person: a second missed call joins it), a conversation after
    an open call-back closes it. Numbers that are nobody's are counted, not kept."""
    from salesnotes.domain import calls as rules
    from salesnotes.domain.phone_sync import phone_key

    owner = store.user
    store.contacts.learn_later()  # each contact's rhythm once, with the whole log in
    whose: dict[str, int | None] = {}
    new: list[tuple[str, LoggedCall, int]] = []
    known = strangers = left_out = 0
    for call in calls:
        if call.direction in rules.LEFT_OUT:
            left_out += 1
            continue
        number = phone_key(call.number, region)
        if number not in whose:
            found = store.contacts.with_phone(number, active_only=True)
            whose[number] = found[0] if found else store.orgs.spoken_to_last("e164", number)
        contact_id = whose[number]
        if contact_id is None:
            strangers += 1
            continue
        at = instant(call.at)
        if store.calls.known(owner, number, at, call.direction):
            known += 1
            continue
        new.append((at, call, contact_id))
    new.sort(key=lambda found: found[0])
    talks: dict[int, list[str]] = {}
    for at, call, contact_id in new:
        if rules.talked(call.direction, call.seconds):
            talks.setdefault(contact_id, []).append(at)
    callbacks: list[tuple[str, str]] = []
    closed = unanswered = talked = 0
    for at, call, contact_id in new:
        number = phone_key(call.number, region)
        if rules.talked(call.direction, call.seconds):
            talked += 1
            closed += _talked(store, call, at, number, contact_id, owner, now)
        elif rules.asks_callback(call.direction):
            earlier = store.calls.last_talk(contact_id)
            later = talks.get(contact_id, []) + ([earlier] if earlier else [])
            followup_id = None
            contact = store.contacts.get(contact_id)
            day = call.at.astimezone().date()
            if rules.callback_due(at, later, day, contact.last_contact):
                followup_id = store.calls.open_callback(contact_id)
                if followup_id is None:
                    followup_id = _callback(store, contact_id, contact.name, call, now).id
                    callbacks.append((contact.name, at))
            store.calls.add(
                owner, number, at, call.direction, 0, contact_id, followup_id=followup_id
            )
        else:
            unanswered += 1
            store.calls.add(owner, number, at, call.direction, call.seconds, contact_id)
    store.contacts.learn_now()
    return CallsImported(talked, callbacks, closed, known, strangers, left_out, unanswered, bad)


def _talked(
    store: Store, call: LoggedCall, at: str, number: str, contact_id: int, owner: str, now: str
) -> int:
    """Keep an answered call as a conversation; close the open call-back it answers (1)."""
    from salesnotes.usecases.followups import note_conversation

    day = call.at.astimezone().date()
    interaction = note_conversation(
        store, contact_id, call_text(call.direction, call.seconds), kind="call", on=day, now=now
    )
    waiting = store.calls.open_callback(contact_id)
    store.calls.add(
        owner, number, at, call.direction, call.seconds, contact_id,
        interaction_id=interaction.id,
    )  # fmt: skip
    if waiting is not None and store.calls.missed_before(waiting, at):
        store.followups.complete(waiting, today=day, now=now, interaction=interaction)
        return 1
    return 0


def call_text(direction: str, seconds: int) -> str:
    """What an answered call says until what was said is added (``calls note``)."""
    minutes, rest = divmod(seconds, 60)
    length = f"{minutes}:{rest:02d}"
    if direction == "out":
        return _("Outgoing call ({length}); no note yet").format(length=length)
    return _("Incoming call ({length}); no note yet").format(length=length)


def _callback(store: Store, contact_id: int, name: str, call: LoggedCall, now: str) -> FollowUp:
    from salesnotes.domain.days import moment_words

    return store.followups.add(
        contact_id,
        call.at.astimezone().date(),
        _("missed call from {name}, {moment}").format(name=name, moment=moment_words(call.at)),
        reason="callback",
        today=call.at.astimezone().date(),
        now=now,
        owner=store.user,
    )


def note_call(
    store: Store,
    call_id: int,
    text: str,
    *,
    today: date,
    now: str,
    planned: Planned | None = None,
    about: str | None = None,
) -> CallNoted:
    """What was said in an answered call, added to its conversation, and the next step
    planned with it (its text ``about``, else what is next about what was said)."""
    from salesnotes.domain.records import conversation_text
    from salesnotes.errors import BadInput
    from salesnotes.usecases.followups import next_step, require_active

    call = store.calls.get(call_id)
    if call.interaction_id is None:
        raise BadInput(
            _("call #{call_id} was not a conversation ({direction}); log it with "
              "'salesnotes log'").format(call_id=call_id, direction=call.direction)
        )  # fmt: skip
    text = conversation_text(text)
    store.interactions.edit(call.interaction_id, text=text)
    store.calls.noted(call_id, now)
    followup = None
    if planned is not None:
        require_active(store.contacts.get(call.contact_id), _("the follow-up"))
        followup = store.followups.add(
            call.contact_id,
            planned.day,
            about if about is not None else next_step("call", text),
            reason="callback",
            today=today,
            now=now,
            source_interaction_id=call.interaction_id,
            at=planned.at,
            owner=store.user,
        )
    return CallNoted(store.calls.get(call_id), followup)


def readable(rows: Iterable[LoggedCall | Unreadable]) -> tuple[list[LoggedCall], list[Unreadable]]:
    """A log's calls, and its records that cannot be read (listed, nothing written)."""
    from salesnotes.imported import Unreadable

    good: list[LoggedCall] = []
    bad: list[Unreadable] = []
    for row in rows:
        (bad if isinstance(row, Unreadable) else good).append(row)  # type: ignore[arg-type]
    return good, bad


def since_day(day: date | None, today: date) -> str:
    """The UTC instant ``calls`` lists from: the start of ``day`` (local), by default of the
    working day before today (on a Monday: Friday's calls too)."""
    from datetime import datetime, time, timedelta

    from salesnotes.domain.days import previous_working_day

    start = day if day is not None else previous_working_day(today - timedelta(days=1))
    return instant(datetime.combine(start, time(0, 0)).astimezone())
