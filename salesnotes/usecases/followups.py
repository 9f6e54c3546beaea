"""Conversations and follow-ups as a salesperson keeps them: a conversation logged with the
next contact moment set in the same breath, a complaint that opens an urgent follow-up, a
follow-up done with what came of it and what is next.

The texts these write (a next step's 'call back about: ...') are the book's own words, in the
language spoken when they are written.
"""

from __future__ import annotations

from salesnotes.errors import Conflict
from salesnotes.i18n import _
from salesnotes.results import Done, Logged, Snoozed

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.domain.plans import Planned
    from salesnotes.models import Contact, FollowUp, Interaction
    from salesnotes.store.interface import Store


def require_active(contact: Contact, what: str) -> None:
    """Conflict when ``contact`` is archived: what is planned with an archived contact would
    never show (the agenda and the lists leave archived contacts out)."""
    if contact.archived:
        raise Conflict(
            _(
                "#{id} {name} is archived, so {what} would never show on the agenda; "
                "'salesnotes archive {id} --undo' brings them back first"
            ).format(id=contact.id, name=contact.name, what=what)
        )


def next_step(kind: str, text: str) -> str:
    """What a follow-up made without --about says: what is next, about what was said (the
    whole of it: a table or a mail cuts it where it shows it, the book keeps it)."""
    from salesnotes.text import one_line

    verb = {"email": _("follow up on the e-mail"), "meeting": _("follow up on the meeting")}.get(
        kind, _("call back")
    )
    return _("{verb} about: {text}").format(verb=verb, text=one_line(text))


def note_conversation(
    store: Store,
    contact_id: int,
    text: str,
    *,
    kind: str,
    on: date,
    now: str,
    quote_id: int | None = None,
) -> Interaction:
    """Something that happened with a contact ``on`` that day, kept (``quote_id``: about
    that quote). Any conversation restarts the contact's keep-in-touch clock and their open
    quotes' staleness clocks, whatever the command that notes it."""
    from salesnotes.domain.records import conversation_kind, conversation_text

    interaction = store.interactions.add(
        contact_id,
        conversation_text(text),
        kind=conversation_kind(kind),
        on=on,
        now=now,
        quote_id=quote_id,
    )
    store.contacts.restart_clocks(contact_id, on)
    return interaction


def open_complaint(
    store: Store, interaction: Interaction, *, owner: str, today: date, now: str
) -> FollowUp:
    """The urgent follow-up a logged complaint opens (``complaint``, ``log --kind complaint``):
    due today, high priority, for the contact's owner (``owner``), until it is resolved."""
    return store.followups.add(
        interaction.contact_id,
        today,
        interaction.text,
        reason="complaint",
        priority="high",
        today=today,
        now=now,
        source_interaction_id=interaction.id,
        owner=owner,
    )


def log_conversation(
    store: Store,
    contact: Contact,
    text: str,
    *,
    kind: str,
    on: date,
    today: date,
    now: str,
    planned: Planned | None = None,
    about: str | None = None,
    reason: str = "callback",
    owner: str | None = None,
) -> Logged:
    """Record a conversation held ``on`` that day; a complaint opens its urgent follow-up
    (for the contact's owner), and ``planned`` schedules the next contact moment (its text
    ``about``, else what is next about what was said) for whoever held this one, the user
    (``owner``: a colleague). Nothing is planned with an archived contact."""
    from salesnotes.domain.records import conversation_kind, followup_reason

    kind, reason = conversation_kind(kind), followup_reason(reason)
    if planned is not None or kind == "complaint":
        require_active(contact, _("a complaint") if kind == "complaint" else _("the follow-up"))
    interaction = note_conversation(store, contact.id, text, kind=kind, on=on, now=now)
    complaint = None
    if interaction.kind == "complaint":
        complaint = open_complaint(store, interaction, owner=contact.owner, today=today, now=now)
    followup = None
    if planned is not None:
        followup = store.followups.add(
            contact.id,
            planned.day,
            about if about is not None else next_step(interaction.kind, interaction.text),
            reason=reason,
            today=today,
            now=now,
            source_interaction_id=interaction.id,
            at=planned.at,
            owner=owner or store.user,
        )
    return Logged(interaction, followup, complaint)


def complete_followup(
    store: Store,
    followup_id: int,
    *,
    note: str | None,
    kind: str,
    today: date,
    now: str,
    planned: Planned | None = None,
    about: str | None = None,
    owner: str | None = None,
) -> Done:
    """Close an open follow-up (``done``, ``resolve``): a note is logged with its contact
    first, and ``planned`` schedules the next one (its text ``about``, else what is next
    about the note, else the same text; a quote's chase stays a quote follow-up) for whoever
    did this one, the user (``owner``: a colleague). Doing it restarts the contact's
    clocks."""
    from salesnotes.domain.records import conversation_kind, still_open

    kind = conversation_kind(kind)
    followup = still_open(store.followups.get(followup_id))
    interaction = None
    if note is not None:
        interaction = note_conversation(
            store, followup.contact_id, note, kind=kind, on=today, now=now
        )
    followup = store.followups.complete(followup_id, today=today, now=now, interaction=interaction)
    store.contacts.restart_clocks(followup.contact_id, today)
    following = None
    if planned is not None:
        contact = store.contacts.get(followup.contact_id)
        require_active(contact, _("the next follow-up"))
        following = store.followups.add(
            followup.contact_id,
            planned.day,
            about if about is not None else next_step(kind, note) if note else followup.text,
            reason="quote" if followup.reason == "quote" else "other",
            today=today,
            now=now,
            source_interaction_id=interaction.id if interaction else None,
            at=planned.at,
            owner=owner or store.user,  # who did this one does the next, unless told
        )
    return Done(followup, interaction, following)


def schedule_followup(
    store: Store,
    contact: Contact,
    planned: Planned,
    text: str,
    *,
    reason: str,
    priority: str,
    today: date,
    now: str,
    owner: str | None = None,
    with_owner: str | None = None,
) -> FollowUp:
    """A follow-up with an active contact on the planned day (``owner``: a colleague who is
    to do it; default the contact's owner; ``with_owner``: someone who does it with them,
    a visit the manager joins: on both agendas, done once)."""
    from salesnotes.domain.records import followup_priority, followup_reason, second_person

    reason, priority = followup_reason(reason), followup_priority(priority)
    doer = owner or contact.owner
    require_active(contact, _("a follow-up"))
    return store.followups.add(
        contact.id, planned.day, text, reason=reason, priority=priority, today=today, now=now,
        at=planned.at, owner=doer, with_owner=second_person(doer, with_owner),
    )  # fmt: skip


def snooze_followup(
    store: Store, followup_id: int, planned: Planned, *, today: date, earlier: bool, typed: str
) -> Snoozed:
    """Move a follow-up to the planned day: never before today, and only later unless
    ``earlier``; to the day and time it has already, nothing changes."""
    from salesnotes.domain.days import describe
    from salesnotes.domain.records import still_open
    from salesnotes.errors import BadInput

    if planned.day < today:
        raise BadInput(
            _("'{when}' is {day}, before today; snooze to today or later").format(
                when=typed, day=describe(planned.day)
            )
        )
    before = store.followups.get(followup_id)
    if before.is_open and (before.due_on, before.due_time) == (planned.day, planned.at):
        return Snoozed(before, before, planned, sooner=False)
    sooner = planned.day < before.due_on
    if sooner and not earlier:
        raise BadInput(
            _(
                "'{when}' is {day}, earlier than follow-up #{fid}'s {due_on}; snooze "
                "moves later: add --earlier to bring it forward"
            ).format(
                when=typed,
                day=describe(planned.day),
                fid=before.id,
                due_on=describe(before.due_on),
            )  # fmt: skip
        )
    still_open(before)
    followup = store.followups.snooze(followup_id, planned.day, planned.at)
    return Snoozed(before, followup, planned, sooner=sooner)


def resolve_complaint(
    store: Store, followup_id: int, *, note: str | None, today: date, now: str
) -> Done:
    """Close an open complaint (a follow-up of another reason is a conflict: ``done``
    completes those), its note logged with the contact."""
    from salesnotes.i18n import term

    followup = store.followups.get(followup_id)
    if followup.reason != "complaint":
        raise Conflict(
            _(
                "#{fid} is a follow-up ({reason}), not a complaint; 'salesnotes done "
                "{fid}' completes it"
            ).format(fid=followup_id, reason=term(followup.reason))
        )
    return complete_followup(store, followup_id, note=note, kind="note", today=today, now=now)
