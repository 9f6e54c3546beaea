"""The command for a salesperson's own days off: off."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import Format, FormatOption, runs


@app.command("off")
@runs("salesnotes.commands.days_off:off")
def off(
    ctx: typer.Context,
    period: Annotated[
        str | None,
        typer.Argument(
            help="The days: 2026-12-24..2027-01-03, '24-12 t/m 3-1', or one day.",
            show_default=False,
        ),
    ] = None,
    note: Annotated[str, typer.Option("--note", "-n", help="What for: 'Kerstvakantie'.")] = "",
    remove: Annotated[
        int | None, typer.Option("--remove", help="Remove days off by their id.", min=1)
    ] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """Your own days off: nothing relative lands in them, overdue counts skip them, and
    the first working day after them says what piled up. Without days: the list.

    Examples:

    \b
    salesnotes off 2026-12-24..2027-01-03 --note Kerstvakantie
    salesnotes off
    salesnotes off --remove 1
    """
