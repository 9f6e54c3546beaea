"""``log``: record a conversation, and set the next contact moment in the same breath."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli import app, env
from salesnotes.cli.common import complete_from
from salesnotes.models import KINDS, REASONS


@app.command()
def log(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(help="Id, e-mail or part of the name.", show_default=False)],
    text: Annotated[str, typer.Argument(help="What was said or done.", show_default=False)],
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            "-k",
            help="call, email, meeting, visit or note.",
            autocompletion=complete_from(KINDS),
        ),
    ] = "note",
    on: Annotated[
        str | None,
        typer.Option("--on", help="When it happened (default today): gisteren, 'vrijdag', 20-11."),
    ] = None,
    next_when: Annotated[
        str | None,
        typer.Option("--next", help="Schedule the follow-up: vrijdag, 'in 2 weeks', 1-12."),
    ] = None,
    about: Annotated[
        str | None, typer.Option("--about", help="What the follow-up is for (with --next).")
    ] = None,
    reason: Annotated[
        str,
        typer.Option(
            "--reason",
            help="The follow-up's reason (with --next).",
            autocompletion=complete_from(REASONS),
        ),
    ] = "other",
) -> None:
    """Record a conversation with a contact; --next schedules the follow-up too."""
    from salesnotes import render
    from salesnotes.dates import describe, parse_when
    from salesnotes.errors import BadInput

    e = env(ctx)
    today = e.today()
    happened = parse_when(on, today, past=True) if on is not None else today
    if happened > today:
        raise BadInput(
            f"'{on}' is {describe(happened)}, in the future; log what happened, "
            "and use --next for what is planned"
        )
    due = parse_when(next_when, today) if next_when is not None else None
    if due is None and about is not None:
        raise BadInput("--about describes the follow-up; give --next WHEN with it")
    store = e.store()
    with store.write():
        contact = store.resolve(who)
        interaction = store.log(contact.id, text, kind=kind, on=happened, now=e.now())
        followup = None
        if due is not None:
            followup = store.follow(
                contact.id,
                due,
                about if about is not None else f"after {interaction.kind}: {interaction.text}",
                reason=reason,
                today=today,
                now=e.now(),
                source_interaction_id=interaction.id,
            )
    render.echo(
        f"Logged {interaction.kind} #{interaction.id} with {contact.label} "
        f"on {describe(interaction.happened_on)}"
    )
    if followup is not None:
        render.echo(f"Follow-up #{followup.id} on {describe(followup.due_on)}: {followup.text}")
