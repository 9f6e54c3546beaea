"""``agenda``: who to call today, most urgent first, each with why."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import MAX_LIMIT, Format, FormatOption, runs


@app.command()
@runs("salesnotes.commands.agenda:agenda")
def agenda(
    ctx: typer.Context,
    when: Annotated[
        str | None,
        typer.Option("--date", "-d", help="The day to plan (default today): morgen, maandag."),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit",
            "-n",
            min=0,
            max=MAX_LIMIT,
            help="How many people at most (0: everyone). Default 25.",
        ),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show each row's score terms.")
    ] = False,
    owner: Annotated[
        str | None,
        typer.Option("--owner", help="A colleague's agenda (their short name)."),
    ] = None,
    team: Annotated[
        bool, typer.Option("--team", help="The whole team's agenda, grouped by owner.")
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Who to call today and why, most urgent first (see 'How the agenda ranks' in
    docs/briefing-and-cron.md).

    Examples:

    \b
    salesnotes agenda
    salesnotes agenda --date maandag --limit 10
    salesnotes agenda --explain --format plain
    salesnotes agenda --team
    """
