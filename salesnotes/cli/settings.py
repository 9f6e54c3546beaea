"""``config``: the effective settings and where each comes from."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli import app, env
from salesnotes.cli.common import Format, FormatOption


@app.command("config")
def show_config(
    ctx: typer.Context,
    path: Annotated[bool, typer.Option("--path", help="Print only the file's path.")] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Show the effective settings, and whether each is a default or from the file.

    The file is $SALESNOTES_CONFIG, else config.toml in the user config folder. Its keys are
    the dotted names shown here, as TOML tables: [agenda.weights] callback = 400
    """
    from salesnotes import render
    from salesnotes.config import config_path

    if path:
        render.echo(str(config_path()))
        return
    render.settings(env(ctx).config(), fmt.value)
