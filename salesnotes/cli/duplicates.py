"""Keeping the book clean: ``duplicates`` and ``merge``."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import MAX_LIMIT, Format, FormatOption, complete_who, runs


@app.command()
@runs("salesnotes.commands.duplicates:duplicates")
def duplicates(
    ctx: typer.Context,
    limit: Annotated[
        int,
        typer.Option(
            "--limit", "-n", min=0, max=MAX_LIMIT, help="At most this many pairs (0: all)."
        ),
    ] = 50,
    fmt: FormatOption = Format.table,
) -> None:
    """Contacts that are probably one person, most certain first, each with why.

    Certain: the same e-mail address or mobile number. Likely: very similar names (an
    initial for a first name, one letter apart, tussenvoegsels ignored) in the same
    organisation, or where one has none. Each pair shows the merge that makes it one.
    """


@app.command()
@runs("salesnotes.commands.duplicates:merge")
def merge(
    ctx: typer.Context,
    source: Annotated[
        str,
        typer.Argument(
            metavar="FROM",
            help="The duplicate: id, phone, e-mail or name.",
            show_default=False,
            shell_complete=complete_who,
        ),
    ],
    into: Annotated[
        str,
        typer.Argument(
            metavar="INTO",
            help="The contact to keep.",
            show_default=False,
            shell_complete=complete_who,
        ),
    ],
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Say what would move; write nothing.")
    ] = False,
) -> None:
    """Make two contacts one: everything of FROM moves to INTO, in one go.

    Conversations, follow-ups, quotes with their history, e-mail addresses, phone numbers
    and tags move; INTO keeps its own organisation, status, rhythm, birthday and customer
    date and takes FROM's where it has none; where both differ, FROM's goes into INTO's
    note. FROM is archived, and its id and name find INTO from then on.
    """
