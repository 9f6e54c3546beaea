"""Complaints: open one (urgent, on top of the agenda) and resolve it."""

from __future__ import annotations

from salesnotes.commands import contact_named
from salesnotes.i18n import N_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def complaint(env: Env, *, who: str, text: str) -> None:
    """Open a complaint: logged, and on top of the agenda until it is resolved."""
    from datetime import timedelta

    from salesnotes import render
    from salesnotes.render.changes import complaint_opened
    from salesnotes.usecases.followups import log_conversation

    store = env.store()
    with store.write():
        contact = contact_named(env, store, who)
        logged = log_conversation(
            store, contact, text, kind="complaint", on=env.today(), today=env.today(),
            now=env.now(),
        )  # fmt: skip
    hours = env.config().get_int("complaints.response_hours")
    deadline = env.moment() + timedelta(hours=hours)
    if logged.complaint is not None:  # a complaint always opens one
        render.echo(complaint_opened(contact, logged.complaint, hours, deadline))


def resolve(env: Env, *, complaint_id: str, note: str | None, explain: bool = False) -> None:
    """Close a complaint; the note is logged with the contact; and when the next contact
    would be by their rhythm (``explain``: the numbers behind it)."""
    from salesnotes.commands import propose
    from salesnotes.domain.fields import record_id
    from salesnotes.render.followups import resolved
    from salesnotes.usecases.followups import resolve_complaint

    fid = record_id(
        complaint_id, N_("complaint"), N_("'salesnotes followups' lists open complaints")
    )
    store = env.store()
    today = env.today()
    with store.write():
        done = resolve_complaint(store, fid, note=note, today=today, now=env.now())
        proposal = calendar = None
        if env.config().get_bool("rhythm.learn"):
            calendar = env.calendar(store)
            proposal = propose(env, store, done.followup.contact_id, today, calendar)
    resolved(done)
    if proposal is not None:
        from salesnotes.render.cadence import proposed

        proposed(proposal, today, calendar, explain)
