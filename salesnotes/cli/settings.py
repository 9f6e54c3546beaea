"""``config``: the effective settings and where each comes from."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import Format, FormatOption, runs


@app.command("config")
@runs("salesnotes.commands.settings:show_config")
def show_config(
    ctx: typer.Context,
    path: Annotated[bool, typer.Option("--path", help="Print only the file's path.")] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Show the effective settings, and whether each is a default or from the file.

    The file is $SALESNOTES_CONFIG, else config.toml in the user config folder. Its keys are
    the dotted names shown here, as TOML tables: [agenda.weights] callback = 400
    """
