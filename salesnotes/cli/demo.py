"""``demo``: a small realistic sales book to try salesnotes on, and its agenda."""

from __future__ import annotations

from pathlib import Path

import typer

from salesnotes.cli import app, env


@app.command()
def demo(ctx: typer.Context) -> None:
    """Write a demo sales book and print its agenda.

    With --db or SALESNOTES_DB it fills that database (which must be empty); otherwise it
    creates a new temporary database and prints its path. Your real book is never touched.
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
        count = book.fill(store, today, e.now())
    with store.read():
        rows = agenda(store, today)
    render.note(f"Demo book with {count} contacts written to {e.db_path}")
    if temporary:
        render.note(f"Try it:  export SALESNOTES_DB={e.db_path}")
    render.agenda(rows, "table", today)
