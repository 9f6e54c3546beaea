"""``import``: contacts from a spreadsheet's CSV file, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from salesnotes.cli import app, env


@app.command("import")
def import_contacts(
    ctx: typer.Context,
    path: Annotated[
        Path,
        typer.Argument(
            help="A CSV file (',' or ';', UTF-8 or Windows-1252) with a header line.",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Check the file and count, but write nothing.")
    ] = False,
) -> None:
    """Import contacts from a CSV file: all rows or none.

    Columns (English or Dutch): name / naam (or first name + last name), organisation /
    bedrijf, email, phone / telefoon, tags, status, note. Rows whose e-mail address is known
    already are skipped as duplicates. A bad row stops the import with its line number.
    """
    from salesnotes import render
    from salesnotes.errors import BadInput
    from salesnotes.formats.csv_contacts import rows

    if not path.is_file():
        raise BadInput(f"{path} is not a file")
    e = env(ctx)
    store = e.store()
    with store.write():
        added, duplicates, orgs = store.import_contacts(rows(path), now=e.now(), today=e.today())
        if dry_run:
            store.conn.execute("ROLLBACK")
    verb = "Would import" if dry_run else "Imported"
    render.echo(
        f"{verb} {added} contacts ({orgs} new organisations); {duplicates} duplicates skipped"
    )
