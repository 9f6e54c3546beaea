"""``agenda``: who to call today, most urgent first, each with why."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli import app, env
from salesnotes.cli.common import Format, FormatOption


@app.command()
def agenda(
    ctx: typer.Context,
    when: Annotated[
        str | None,
        typer.Option("--date", "-d", help="The day to plan (default today): morgen, maandag."),
    ] = None,
    limit: Annotated[
        int | None,
        typer.Option(
            "--limit", "-n", min=0, help="How many people at most (0: everyone). Default 25."
        ),
    ] = None,
    explain: Annotated[
        bool, typer.Option("--explain", help="Show each row's score terms.")
    ] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """Who to call today and why, most urgent first (see 'How the agenda ranks' in the README)."""
    from datetime import datetime

    from salesnotes import render
    from salesnotes.dates import parse_when
    from salesnotes.sources import agenda as build

    e = env(ctx)
    day = parse_when(when, e.today()) if when is not None else e.today()
    moment = e.moment() if day == e.today() else datetime.combine(day, e.moment().timetz())
    store = e.store()
    config = e.config()
    if limit is None:
        limit = config.get_int("agenda.limit")
    with store.read():
        rows = build(store, day, config, limit=limit or None, now=moment)
    render.agenda(rows, fmt.value, day, explain=explain)
