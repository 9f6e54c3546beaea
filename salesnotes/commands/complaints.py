"""Complaints: open one (urgent, on top of the agenda) and resolve it."""

from __future__ import annotations

from salesnotes.commands import contact_named, require_active
from salesnotes.i18n import N_, _, term

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
        require_active(contact, _("a complaint"))
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
    from salesnotes.domain.days import moment_words

    hours = env.config().get_int("complaints.response_hours")
    deadline = env.moment() + timedelta(hours=hours)
    render.echo(
        _(
            "Complaint #{id} opened for {label}: answer within {hours} hours, by "
            "{deadline}. 'salesnotes resolve {id} --note ...' closes it."
        ).format(id=followup.id, label=contact.label, hours=hours, deadline=moment_words(deadline))
    )


def resolve(env: Env, *, complaint_id: str, note: str | None) -> None:
    """Close a complaint; the note is logged with the contact."""
    from salesnotes import render
    from salesnotes.commands.followups import complete, record_id
    from salesnotes.errors import Conflict

    fid = record_id(
        complaint_id, N_("complaint"), N_("'salesnotes followups' lists open complaints")
    )
    store = env.store()
    with store.write():
        followup = store.followups.get(fid)
        if followup.reason != "complaint":
            raise Conflict(
                _(
                    "#{fid} is a follow-up ({reason}), not a complaint; 'salesnotes done "
                    "{fid}' completes it"
                ).format(fid=fid, reason=term(followup.reason))
            )
        followup, interaction = complete(
            store, fid, note=note, kind="note", today=env.today(), now=env.now()
        )
    render.echo(
        _("Resolved: complaint #{id} of {contact_name}").format(
            id=followup.id, contact_name=followup.contact_name
        )
    )
    if interaction is not None:
        render.echo(_("Logged note #{id}: {text}").format(id=interaction.id, text=interaction.text))
