"""Follow-ups: follow, followups, done, snooze."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import (
    Format,
    FormatOption,
    ListLimitOption,
    WhoArgument,
    complete_from,
    runs,
)
from salesnotes.models import PRIORITIES, REASONS


@app.command()
@runs("salesnotes.commands.followups:follow")
def follow(
    ctx: typer.Context,
    who: WhoArgument,
    when: Annotated[
        str,
        typer.Argument(help="morgen, vrijdag, 'in 2 weeks', 1-12, 2026-12-01.", show_default=False),
    ],
    text: Annotated[str, typer.Argument(help="What it is about.")] = "",
    reason: Annotated[
        str,
        typer.Option(
            "--reason",
            "-r",
            help="callback, complaint, question, quote, checkin or other.",
            autocompletion=complete_from(REASONS),
        ),
    ] = "other",
    priority: Annotated[
        str,
        typer.Option(
            "--priority",
            "-P",
            help="high, normal or low.",
            autocompletion=complete_from(PRIORITIES),
        ),
    ] = "normal",
    for_owner: Annotated[
        str | None,
        typer.Option(
            "--for",
            help="Who is to do it (a colleague's short name; default: the contact's owner).",
        ),
    ] = None,
) -> None:
    """Schedule a follow-up with a contact, on a day or at a time of day.

    Examples:

    \b
    salesnotes follow jan vrijdag "Offerte nabellen" --reason quote
    salesnotes follow anna "morgen 9:30" "Terugbellen" --reason callback
    salesnotes follow 12 "over 2 weken"
    salesnotes follow jan vrijdag "Bezoek met de salesmanager" --for pieter
    """


@app.command()
@runs("salesnotes.commands.followups:followups")
def followups(
    ctx: typer.Context,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only those past their day.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Done ones too.")] = False,
    limit: ListLimitOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List open follow-ups by due date (--all: done ones too).

    Examples:

    \b
    salesnotes followups --overdue
    salesnotes followups --all --format plain
    """


@app.command()
@runs("salesnotes.commands.followups:done")
def done(
    ctx: typer.Context,
    followup_id: Annotated[
        str, typer.Argument(metavar="ID", help="The follow-up's id.", show_default=False)
    ],
    note: Annotated[
        str | None, typer.Option("--note", "-n", help="What came of it; logged with the contact.")
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--kind", "-k", help="How the note was made: call, email, meeting, visit, note."
        ),
    ] = "note",
    next_when: Annotated[
        str | None,
        typer.Option("--next", help="Schedule the next follow-up: 'in 2 weeks', vrijdag."),
    ] = None,
    about: Annotated[
        str | None, typer.Option("--about", help="What the next follow-up is for.")
    ] = None,
) -> None:
    """Mark a follow-up done; --note logs what came of it, --next schedules the next one.

    Examples:

    \b
    salesnotes done 3
    salesnotes done 3 --note "Gebeld, akkoord" --kind call
    salesnotes done 3 --note "Geen gehoor" --next morgen
    """


@app.command()
@runs("salesnotes.commands.followups:snooze")
def snooze(
    ctx: typer.Context,
    followup_id: Annotated[
        str, typer.Argument(metavar="ID", help="The follow-up's id.", show_default=False)
    ],
    when: Annotated[
        str, typer.Argument(help="The new day: morgen, maandag, +3d.", show_default=False)
    ],
    earlier: Annotated[
        bool, typer.Option("--earlier", help="Allow a day before the one it is due on.")
    ] = False,
) -> None:
    """Move a follow-up to a later day; it stays off the agenda until then.

    Examples:

    \b
    salesnotes snooze 3 maandag
    salesnotes snooze 3 "vrijdag 14:00"
    salesnotes snooze 3 morgen --earlier     (sooner than planned)
    """
