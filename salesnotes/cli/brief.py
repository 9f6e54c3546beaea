"""``brief``: the morning briefing, for a terminal or a cron mail."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import runs


class BriefFormat(StrEnum):
    """Output formats of the briefing."""

    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"
    email = "email"


@app.command()
@runs("salesnotes.commands.brief:brief")
def brief(
    ctx: typer.Context,
    when: Annotated[
        str | None, typer.Option("--date", "-d", help="The day to brief (default today).")
    ] = None,
    fmt: Annotated[
        BriefFormat,
        typer.Option("--format", "-f", help="text, markdown, html, json or email (MIME)."),
    ] = BriefFormat.text,
    to: Annotated[
        str | None, typer.Option("--to", help="Recipient for --format email (else brief.to).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Report what happened since this day, not the last briefing."),
    ] = None,
    quiet_if_empty: Annotated[
        bool,
        typer.Option("--quiet-if-empty", help="Print nothing when there is nothing to do (cron)."),
    ] = False,
    record: Annotated[
        bool,
        typer.Option(
            "--record",
            help="Count this run as the delivered briefing (text and email runs do already).",
        ),
    ] = False,
    team: Annotated[
        bool,
        typer.Option("--team", help="Everyone's calls, by owner (the sales manager's briefing)."),
    ] = False,
) -> None:
    """The morning briefing: today's calls, late complaints, quotes, who is losing touch,
    birthdays, what happened since the last briefing, and the pipeline in one line.

    Examples:

    \b
    salesnotes brief
    salesnotes brief --format email | /usr/sbin/sendmail -t     (from cron)
    salesnotes brief --since maandag --format markdown
    """
