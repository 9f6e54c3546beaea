"""Complaints: open one (urgent, on top of the agenda) and resolve it."""

from __future__ import annotations

from salesnotes.commands import contact_named, require_active

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env
    from salesnotes.models import Contact, FollowUp, Interaction
    from salesnotes.store.interface import Store


def complaint(env: Env, *, who: str, text: str) -> None:
    """Open a complaint: logged, and on top of the agenda until it is resolved."""
    store = env.store()
    with store.write():
        contact = contact_named(env, store, who)
        require_active(contact, "a complaint")
        interaction = store.interactions.add(
            contact.id, text, kind="complaint", on=env.today(), now=env.now()
        )
        followup = open_complaint(env, store, interaction)
    opened(env, contact, followup)


def open_complaint(env: Env, store: Store, interaction: Interaction) -> FollowUp:
    """The urgent follow-up a logged complaint opens (``complaint``, ``log --kind complaint``)."""
    return store.followups.add(
        interaction.contact_id,
        env.today(),
        interaction.text,
        reason="complaint",
        priority="high",
        today=env.today(),
        now=env.now(),
        source_interaction_id=interaction.id,
    )


def opened(env: Env, contact: Contact, followup: FollowUp) -> None:
    """Say that a complaint was opened, and by when it must be answered."""
    from datetime import timedelta

    from salesnotes import render

    hours = env.config().get_int("complaints.response_hours")
    deadline = env.moment() + timedelta(hours=hours)
    render.echo(
        f"Complaint #{followup.id} opened for {contact.label}: answer within {hours} hours, "
        f"by {deadline:%a %d %b %H:%M}. 'salesnotes resolve {followup.id} --note ...' closes it."
    )


def resolve(env: Env, *, complaint_id: str, note: str | None) -> None:
    """Close a complaint; the note is logged with the contact."""
    from salesnotes import render
    from salesnotes.commands.followups import complete, record_id
    from salesnotes.errors import Conflict

    fid = record_id(complaint_id, "complaint", "'salesnotes followups' lists open complaints")
    store = env.store()
    with store.write():
        followup = store.followups.get(fid)
        if followup.reason != "complaint":
            raise Conflict(
                f"#{fid} is a follow-up ({followup.reason}), not a complaint; "
                f"'salesnotes done {fid}' completes it"
            )
        followup, interaction = complete(
            store, fid, note=note, kind="note", today=env.today(), now=env.now()
        )
    render.echo(f"Resolved: complaint #{followup.id} of {followup.contact_name}")
    if interaction is not None:
        render.echo(f"Logged note #{interaction.id}: {interaction.text}")
