"""``demo``: a small realistic sales book to try salesnotes on, and its agenda."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from salesnotes.cli import app, env


@app.command()
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
    seed: Annotated[int, typer.Option("--seed", help="With --size: the random seed.")] = 2026,
) -> None:
    """Write a demo sales book and print its agenda.

    With --db or SALESNOTES_DB it fills that database (which must be empty); otherwise it
    creates a new temporary database and prints its path. Your real book is never touched.
    --size N generates N contacts with years of history (deterministic for a seed).
    """
    import tempfile

    from salesnotes import demo as book
    from salesnotes import render
    from salesnotes.errors import Conflict
    from salesnotes.sources import agenda

    e = env(ctx)
    temporary = not e.db_is_explicit
    if temporary:
        e.db = Path(tempfile.mkdtemp(prefix="salesnotes-demo-")) / "demo.db"
    store = e.store()
    today = e.today()
    with store.write():
        if not store.is_empty():
            raise Conflict(
                f"{e.db_path} already holds contacts; the demo fills only an empty database "
                "(leave out --db and SALESNOTES_DB to get a temporary one)"
            )
        if size is None:
            count = book.fill(store, today, e.now())
        else:
            from salesnotes.bigbook import generate

            count = store.bulk_load(generate(size, today, seed))
    with store.read():
        rows = agenda(store, today)
    render.note(f"Demo book with {count} contacts written to {e.db_path}")
    if temporary:
        render.note(f"Try it:  export SALESNOTES_DB={e.db_path}")
    render.agenda(rows, "table", today)
