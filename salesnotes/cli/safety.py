"""Your data: ``backup``, ``backups``, ``restore``, ``doctor``, ``export-person``, ``forget``."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import (
    ForceOption,
    Format,
    FormatOption,
    OutputOption,
    WhoArgument,
    runs,
)

YesOption = Annotated[
    bool, typer.Option("--yes", "-y", help="Do it without asking (needed without a terminal).")
]


@app.command("backup")
@runs("salesnotes.commands.safety:backup")
def backup(
    ctx: typer.Context,
    path: Annotated[
        str | None,
        typer.Argument(
            help="Where to write the copy (a file or a folder). Default: a dated copy in the"
            " data folder's backups/, keeping the newest backup.keep (7).",
            show_default=False,
        ),
    ] = None,
) -> None:
    """A consistent, checked copy of the book, made while others keep writing.

    The copy is written to a private temporary file (mode 0600), checked with SQLite's
    integrity check, and only then given its name. Nightly, from cron:
    0 2 * * * salesnotes backup
    """


@app.command("backups")
@runs("salesnotes.commands.safety:backups")
def backups(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """The dated backups and safety copies in the data folder, newest first."""


@app.command("restore")
@runs("salesnotes.commands.safety:restore")
def restore(
    ctx: typer.Context,
    path: Annotated[str, typer.Argument(help="The backup to restore.", show_default=False)],
    yes: YesOption = False,
) -> None:
    """Replace the book with a backup: checked first, the current book kept as a safety copy.

    A damaged file, another program's database or one from a newer salesnotes is refused and
    the book is left as it is. An older backup is brought up to date. People erased with
    'forget' since the backup was made are erased again.
    """


@app.command("doctor")
@runs("salesnotes.commands.safety:doctor")
def doctor(
    ctx: typer.Context,
    repair: Annotated[
        bool, typer.Option("--repair", help="Rebuild the search indexes first.")
    ] = False,
) -> None:
    """Check the book: integrity, references, search indexes, dates, rights, its folder.

    Each check prints ok or PROBLEM with how to fix it; the exit code is 1 when something is
    wrong. A book in a synced folder (Dropbox, OneDrive, iCloud) or on a network share is a
    problem: SQLite's locking is unreliable there.
    """


@app.command("export-person")
@runs("salesnotes.commands.privacy:export_person")
def export_person(
    ctx: typer.Context,
    who: WhoArgument,
    output: OutputOption = None,
    force: ForceOption = False,
) -> None:
    """Everything stored about one person, as JSON (a GDPR request for access).

    The contact, their e-mail addresses, phone numbers and tags, every conversation,
    follow-up and quote (with its revisions), and their organisation's row.
    """


@app.command("forget")
@runs("salesnotes.commands.privacy:forget")
def forget(ctx: typer.Context, who: WhoArgument, yes: YesOption = False) -> None:
    """Erase one person completely (a GDPR request for erasure).

    Every row about them, their words in the search indexes, and the freed bytes in the file
    and its write-ahead log. Their organisation goes too when nobody else is in it. What is
    kept is a salted fingerprint of their id, so that restoring an older backup or importing
    an older file erases or leaves them out again.
    """
