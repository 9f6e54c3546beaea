"""``log``: record a conversation, and set the next contact moment in the same breath."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import WhoArgument, complete_from, runs
from salesnotes.models import KINDS, REASONS


@app.command()
@runs("salesnotes.commands.log:log")
def log(
    ctx: typer.Context,
    who: WhoArgument,
    text: Annotated[
        str | None,
        typer.Argument(
            help="What was said or done; '-' reads it from standard input, and without it a"
            " terminal opens $EDITOR (a pipe is read).",
            show_default=False,
        ),
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--kind",
            "-k",
            help="call, email, meeting, visit, note or complaint (opens one); or telefoon,"
            " mail, afspraak, bezoek, notitie, klacht.",
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
            help="The follow-up's reason (with --next): callback, complaint, question, quote,"
            " checkin or other.",
            autocompletion=complete_from(REASONS),
        ),
    ] = "other",
) -> None:
    """Record a conversation with a contact; --next schedules the follow-up too.

    Examples:

    \b
    salesnotes log jan "Offerte besproken" --kind call --next vrijdag
    salesnotes log anna "Wil een demo" --next "morgen 10:00" --about "Demo"
    salesnotes log jan - < verslag.txt
    """
