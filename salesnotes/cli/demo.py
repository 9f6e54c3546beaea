"""``demo``: a small realistic sales book to try salesnotes on, and its agenda."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import runs


@app.command()
@runs("salesnotes.commands.demo:demo")
def demo(
    ctx: typer.Context,
    size: Annotated[
        int | None,
        typer.Option(
            "--size",
            min=1,
            max=5_000_000,
            help="Generate a realistic book of this many contacts instead (for benchmarks).",
        ),
    ] = None,
    seed: Annotated[
        int, typer.Option("--seed", min=0, max=2**63 - 1, help="With --size: the random seed.")
    ] = 2026,
) -> None:
    """Write a demo sales book and print its agenda.

    With --db or SALESNOTES_DB it fills that database (which must be empty); otherwise it
    creates a new temporary database and prints its path. Your real book is never touched.
    --size N generates N contacts with years of history (deterministic for a seed).
    """
