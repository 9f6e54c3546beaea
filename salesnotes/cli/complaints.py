"""Complaints: open one (urgent, on top of the agenda) and resolve it."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import WhoArgument, runs


@app.command()
@runs("salesnotes.commands.complaints:complaint")
def complaint(
    ctx: typer.Context,
    who: WhoArgument,
    text: Annotated[str, typer.Argument(help="What is wrong.", show_default=False)],
) -> None:
    """Open a complaint: logged, and on top of the agenda until it is resolved."""


@app.command()
@runs("salesnotes.commands.complaints:resolve")
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
