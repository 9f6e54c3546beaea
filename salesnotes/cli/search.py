"""``search``: find what was said, to whom, across the whole book."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import MAX_LIMIT, Format, FormatOption, runs


@app.command()
@runs("salesnotes.commands.search:search")
def search(
    ctx: typer.Context,
    text: Annotated[str, typer.Argument(help="Words to find (all of them).", show_default=False)],
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=1, max=MAX_LIMIT, help="At most this many of each kind."),
    ] = 20,
    fmt: FormatOption = Format.table,
) -> None:
    """Search contacts, conversations (newest first), open follow-ups and quotes.

    Examples:

    \b
    salesnotes search "hal 3"
    salesnotes search 0612345678
    salesnotes search isol --format json
    """
