"""``import``: contacts from a spreadsheet's CSV file, all or nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import runs


@app.command("import")
@runs("salesnotes.commands.data:import_contacts")
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
