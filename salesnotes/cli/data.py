"""``import`` and ``export``: the address book in from a phone, Outlook, Google or Excel, and
out to an address book, a calendar, a spreadsheet or a whole-book file."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import ForceOption, OutputOption, complete_from, runs
from salesnotes.models import STATUSES


class ExportFormat(StrEnum):
    """What ``export`` writes."""

    vcard = "vcard"
    ics = "ics"
    csv = "csv"
    json = "json"


class VCardVersion(StrEnum):
    """The vCard versions ``export`` writes."""

    three = "3"
    four = "4"


class What(StrEnum):
    """What a CSV export holds."""

    contacts = "contacts"
    followups = "followups"
    quotes = "quotes"
    interactions = "interactions"


@app.command("import")
@runs("salesnotes.commands.data:import_file")
def import_file(
    ctx: typer.Context,
    path: Annotated[
        str,
        typer.Argument(
            help="A vCard (.vcf), CSV (Excel, Outlook, Google) or salesnotes JSON file.",
            show_default=False,
        ),
    ],
    dry_run: Annotated[
        bool,
        typer.Option("--dry-run", help="Say what would be new, updated or skipped; write nothing."),
    ] = False,
    skip_bad: Annotated[
        bool,
        typer.Option("--skip-bad", help="Import the readable records; list the others."),
    ] = False,
    mapping: Annotated[
        list[str] | None,
        typer.Option(
            "--map",
            help="COLUMN=FIELD for a CSV column of another name, e.g. 'Klantnaam=name' "
            "(fields: name, first, last, organisation, job_title, email, phone, city, tags, "
            "status, note, birthday, ignore). Repeatable.",
        ),
    ] = None,
) -> None:
    """Import contacts from a vCard or CSV file, or a whole book: all or nothing.

    A contact already in the book (same UUID, e-mail address or phone number, or the same
    name in the same organisation) is updated rather than added again. A record that cannot
    be read stops the import with its line and why, and nothing is written (--skip-bad: the
    rest is imported). The summary says what was left out and what went into the note.
    """


@app.command("copy-book")
@runs("salesnotes.commands.data:copy_book")
def copy_book(
    ctx: typer.Context,
    source: Annotated[
        str,
        typer.Argument(help="The book to copy: a file, or postgresql://...", show_default=False),
    ],
    target: Annotated[
        str,
        typer.Argument(
            help="An empty book to copy it into: a file, or postgresql://...", show_default=False
        ),
    ],  # fmt: skip
) -> None:
    """Copy a whole book into an empty one, between SQLite files and PostgreSQL, all or
    nothing; prints the rows of each table before and after.

    Examples:

    \b
    salesnotes copy-book ~/salesnotes.db postgresql://sales@db.example/salesnotes
    salesnotes copy-book postgresql://sales@db.example/salesnotes kopie.db
    """


@app.command("export")
@runs("salesnotes.commands.data:export")
def export(
    ctx: typer.Context,
    fmt: Annotated[
        ExportFormat,
        typer.Option(
            "--format",
            "-f",
            help="vcard (contacts), ics (open follow-ups), csv, or json (the whole book).",
        ),
    ] = ExportFormat.vcard,
    output: OutputOption = None,
    force: ForceOption = False,
    vcard_version: Annotated[
        VCardVersion,
        typer.Option("--vcard-version", help="3 (what every address book reads) or 4."),
    ] = VCardVersion.three,
    events: Annotated[
        bool,
        typer.Option("--events", help="ics: all-day events, for calendars that hide tasks."),
    ] = False,
    excel: Annotated[
        bool, typer.Option("--excel", help="csv: for Excel: UTF-8 with BOM, ';', decimal comma.")
    ] = False,
    what: Annotated[
        What, typer.Option("--what", help="csv: contacts, followups, quotes or interactions.")
    ] = What.contacts,
    tag: Annotated[
        str | None, typer.Option("--tag", "-t", help="Only contacts with this tag.")
    ] = None,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            "-s",
            help="Only contacts of this status.",
            autocompletion=complete_from(STATUSES),
        ),
    ] = None,
    org: Annotated[
        str | None, typer.Option("--org", help="Only contacts of this organisation.")
    ] = None,
) -> None:
    """Export contacts as vCard or CSV, open follow-ups as iCalendar, or the whole book as JSON.

    vCards carry each contact's UUID, so an address book that imports them again updates
    its cards; the calendar's tasks (or --events) carry the follow-up's. The JSON holds
    everything: 'salesnotes import' of it into an empty book gives the same book.
    """
