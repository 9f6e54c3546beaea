"""Taking back what was typed: ``log edit`` (``log-edit``) and ``delete``."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import Format, FormatOption, complete_from, runs
from salesnotes.cli.safety import YesOption
from salesnotes.models import INTERACTION_KINDS

WHAT = ("followup", "interaction", "quote")


@app.command("log-edit")
@runs("salesnotes.commands.edits:log_edit")
def log_edit(
    ctx: typer.Context,
    interaction_id: Annotated[
        str,
        typer.Argument(metavar="ID", help="The conversation's id (see show).", show_default=False),
    ],
    text: Annotated[str | None, typer.Option("--text", help="The corrected text.")] = None,
    kind: Annotated[
        str | None,
        typer.Option(
            "--kind",
            "-k",
            help="call, email, meeting, visit or note.",
            autocompletion=complete_from(INTERACTION_KINDS),
        ),
    ] = None,
    on: Annotated[
        str | None, typer.Option("--on", help="The day it happened: gisteren, 20-11.")
    ] = None,
) -> None:
    """Correct a logged conversation (also typed 'salesnotes log edit ID').

    salesnotes log edit 12 --text "Gebeld over hal 3, niet hal 2"
    """


@app.command("delete")
@runs("salesnotes.commands.edits:delete")
def delete(
    ctx: typer.Context,
    what: Annotated[
        str,
        typer.Argument(
            metavar="WHAT",
            help="followup, interaction or quote (a draft).",
            autocompletion=complete_from(WHAT),
            show_default=False,
        ),
    ],
    record: Annotated[str, typer.Argument(metavar="ID", help="Its id.", show_default=False)],
    yes: YesOption = False,
) -> None:
    """Delete a follow-up, a logged conversation or a draft quote typed by mistake.

    salesnotes delete followup 12; salesnotes delete interaction 40 --yes
    """


@app.command("undo")
@runs("salesnotes.commands.undo:undo")
def undo(
    ctx: typer.Context,
    show_list: Annotated[
        bool, typer.Option("--list", "-l", help="List the commands undo can take back.")
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Take back the last writing command; again to walk back further (the last 20).

    Refused when a later command changed the same rows: undo that one first. Not undoable:
    forget (it empties this history), demo and restore.
    """
