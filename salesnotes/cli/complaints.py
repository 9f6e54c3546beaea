"""Complaints: open one (urgent, on top of the agenda) and resolve it."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli import app, env
from salesnotes.cli.common import record_id


@app.command()
def complaint(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(help="Id, e-mail or part of the name.", show_default=False)],
    text: Annotated[str, typer.Argument(help="What is wrong.", show_default=False)],
) -> None:
    """Open a complaint: logged, and on top of the agenda until it is resolved."""
    from datetime import timedelta

    from salesnotes import render

    e = env(ctx)
    hours = e.config().get_int("complaints.response_hours")
    store = e.store()
    with store.write():
        contact = store.resolve(who)
        interaction = store.log(contact.id, text, kind="complaint", on=e.today(), now=e.now())
        followup = store.follow(
            contact.id,
            e.today(),
            interaction.text,
            reason="complaint",
            priority="high",
            today=e.today(),
            now=e.now(),
            source_interaction_id=interaction.id,
        )
    deadline = e.moment() + timedelta(hours=hours)
    render.echo(
        f"Complaint #{followup.id} opened for {contact.label}: answer within {hours} hours, "
        f"by {deadline:%a %d %b %H:%M}. 'salesnotes resolve {followup.id} --note ...' closes it."
    )


@app.command()
def resolve(
    ctx: typer.Context,
    complaint_id: Annotated[
        str, typer.Argument(metavar="ID", help="The complaint's id.", show_default=False)
    ],
    note: Annotated[
        str | None, typer.Option("--note", "-n", help="How it was solved; logged with the contact.")
    ] = None,
) -> None:
    """Close a complaint; the note is logged with the contact."""
    from salesnotes import render
    from salesnotes.errors import Conflict

    fid = record_id(complaint_id, "complaint", "'salesnotes followups' lists open complaints")
    e = env(ctx)
    store = e.store()
    with store.write():
        followup = store.followup(fid)
        if followup.reason != "complaint":
            raise Conflict(
                f"#{fid} is a follow-up ({followup.reason}), not a complaint; "
                f"'salesnotes done {fid}' completes it"
            )
        followup, interaction = store.complete(
            fid, note=note, today=e.today(), now=e.now(), kind="note"
        )
    render.echo(f"Resolved: complaint #{followup.id} of {followup.contact_name}")
    if interaction is not None:
        render.echo(f"Logged note #{interaction.id}: {interaction.text}")
