"""Commands about people and organisations: add, edit, archive, contacts, orgs, show."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import app
from salesnotes.cli.common import (
    MAX_LIMIT,
    Format,
    FormatOption,
    ListLimitOption,
    WhoArgument,
    complete_from,
    complete_who,
    runs,
)
from salesnotes.models import STATUSES

STATUS_HELP = "lead, prospect, customer, ambassador or former."


@app.command()
@runs("salesnotes.commands.contacts:add")
def add(
    ctx: typer.Context,
    name: Annotated[
        str, typer.Argument(help="Full name, e.g. 'Jan de Vries'.", show_default=False)
    ],
    org: Annotated[
        str | None, typer.Option("--org", "-o", help="Organisation; created on first mention.")
    ] = None,
    email: Annotated[
        list[str] | None, typer.Option("--email", "-e", help="E-mail (repeatable).")
    ] = None,
    phone: Annotated[
        list[str] | None, typer.Option("--phone", "-p", help="Phone (repeatable).")
    ] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="Tag (repeatable).")] = None,
    status: Annotated[
        str,
        typer.Option("--status", "-s", help=STATUS_HELP, autocompletion=complete_from(STATUSES)),
    ] = "lead",
    note: Annotated[
        str, typer.Option("--note", "-n", help="A standing note about this person.")
    ] = "",
    job_title: Annotated[
        str, typer.Option("--job-title", help="What they do: 'inkoper', 'CFO'.")
    ] = "",
    city: Annotated[str, typer.Option("--city", help="Where they are (for a visit).")] = "",
    department: Annotated[
        str, typer.Option("--department", help="Their department: 'Inkoop'.")
    ] = "",
    every: Annotated[
        str | None,
        typer.Option("--every", help="Keep in touch at least every 30d, 6w, 3m ('off': never)."),
    ] = None,
    birthday: Annotated[
        str | None, typer.Option("--birthday", help="12-03, '12 maart' or 12-03-1970.")
    ] = None,
    customer_since: Annotated[
        str | None, typer.Option("--customer-since", help="For the yearly anniversary: a date.")
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force",
            help="Also when another contact has the same e-mail address or phone, or the name "
            "is an organisation's.",
        ),
    ] = False,
) -> None:
    """Add a contact and print its id.

    Examples:

    \b
    salesnotes add "Jan de Vries" --org "Pluimers Isolatie" --phone 0612345678
    salesnotes add "Anna Bakker" --email anna@bakker.nl --status customer
    """


@app.command()
@runs("salesnotes.commands.contacts:edit")
def edit(
    ctx: typer.Context,
    who: WhoArgument,
    name: Annotated[str | None, typer.Option("--name", help="New name.")] = None,
    org: Annotated[
        str | None, typer.Option("--org", "-o", help="New organisation ('' for none).")
    ] = None,
    email: Annotated[list[str] | None, typer.Option("--email", "-e", help="Add an e-mail.")] = None,
    phone: Annotated[list[str] | None, typer.Option("--phone", "-p", help="Add a phone.")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="Add a tag.")] = None,
    untag: Annotated[
        list[str] | None, typer.Option("--remove-tag", "--untag", help="Remove a tag.")
    ] = None,
    remove_email: Annotated[
        list[str] | None, typer.Option("--remove-email", help="Remove an e-mail address.")
    ] = None,
    remove_phone: Annotated[
        list[str] | None,
        typer.Option("--remove-phone", help="Remove a phone number (typed any way)."),
    ] = None,
    status: Annotated[
        str | None,
        typer.Option("--status", "-s", help=STATUS_HELP, autocompletion=complete_from(STATUSES)),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", "-n", help="Replace the standing note.")
    ] = None,
    job_title: Annotated[
        str | None, typer.Option("--job-title", help="New job title ('' for none).")
    ] = None,
    city: Annotated[str | None, typer.Option("--city", help="New city ('' for none).")] = None,
    department: Annotated[
        str | None, typer.Option("--department", help="New department ('' for none).")
    ] = None,
    every: Annotated[
        str | None,
        typer.Option("--every", help="Rhythm: 30d, 6w, 3m, 'off', or 'default' (the status's)."),
    ] = None,
    birthday: Annotated[
        str | None, typer.Option("--birthday", help="12-03, '12 maart', 12-03-1970 ('' forgets).")
    ] = None,
    customer_since: Annotated[
        str | None, typer.Option("--customer-since", help="For the yearly anniversary: a date.")
    ] = None,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Also when another contact has the same e-mail address or phone."
        ),
    ] = False,
) -> None:
    """Change a contact's details; e-mails, phones and tags are added to what is there.

    Examples:

    \b
    salesnotes edit jan --status customer --tag dakisolatie
    salesnotes edit jan --remove-email oud@pluimers.nl --phone "06 9876 5432"
    """


@app.command()
@runs("salesnotes.commands.contacts:archive")
def archive(
    ctx: typer.Context,
    who: WhoArgument,
    undo: Annotated[bool, typer.Option("--undo", help="Bring an archived contact back.")] = False,
) -> None:
    """Hide a contact from lists and the agenda. Nothing is deleted; --undo brings it back."""


@app.command()
@runs("salesnotes.commands.contacts:assign")
def assign(
    ctx: typer.Context,
    who: WhoArgument,
    owner: Annotated[
        str, typer.Argument(help="The salesperson's short name: anouk.", show_default=False)
    ],
) -> None:
    """Make a contact a colleague's account, with the open follow-ups that were the old
    owner's.

    Examples:

    \b
    salesnotes assign jan pieter
    """


@app.command("contacts")
@runs("salesnotes.commands.contacts:contacts")
def list_contacts(
    ctx: typer.Context,
    text: Annotated[
        str | None,
        typer.Argument(help="Part of a name, organisation or e-mail.", show_default=False),
    ] = None,
    tag: Annotated[str | None, typer.Option("--tag", "-t", help="Only with this tag.")] = None,
    status: Annotated[
        str | None,
        typer.Option("--status", "-s", help=STATUS_HELP, autocompletion=complete_from(STATUSES)),
    ] = None,
    org: Annotated[
        str | None, typer.Option("--org", "-o", help="Only of this organisation.")
    ] = None,
    archived: Annotated[bool, typer.Option("--archived", help="List archived contacts.")] = False,
    losing_touch: Annotated[
        bool,
        typer.Option("--losing-touch", help="Only those past their keep-in-touch rhythm."),
    ] = False,
    limit: ListLimitOption = None,
    fmt: FormatOption = Format.table,
) -> None:
    """List contacts, by name (--losing-touch: past their rhythm, most overdue first).

    Examples:

    \b
    salesnotes contacts --tag vip --status customer
    salesnotes contacts --losing-touch
    """


@app.command()
@runs("salesnotes.commands.contacts:org")
def org(
    ctx: typer.Context,
    name: Annotated[
        str,
        typer.Argument(
            help="The organisation: (part of) its name; a new one with --phone or --email.",
            show_default=False,
        ),
    ],
    phone: Annotated[
        str | None,
        typer.Option("--phone", "-p", help="Its own number: the switchboard ('' forgets it)."),
    ] = None,
    email: Annotated[
        str | None, typer.Option("--email", "-e", help="Its own e-mail address ('' forgets it).")
    ] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """An organisation's own phone number and e-mail address: what to call when nobody
    there has one of their own (the agenda offers it for them).

    Examples:

    \b
    salesnotes org "Gemeente Zwolle" --phone "14 038" --email info@zwolle.nl
    salesnotes org zwolle
    """


@app.command()
@runs("salesnotes.commands.contacts:orgs")
def orgs(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """List organisations with their number of contacts."""


@app.command()
@runs("salesnotes.commands.contacts:show")
def show(
    ctx: typer.Context,
    who: Annotated[
        str,
        typer.Argument(
            metavar="WHO",
            help="Id, phone number, e-mail or part of a contact's name; or an organisation's.",
            show_default=False,
            shell_complete=complete_who,
        ),
    ],
    org: Annotated[
        bool, typer.Option("--org", help="WHO is an organisation: show the whole account.")
    ] = False,
    limit: Annotated[
        int,
        typer.Option("--limit", "-n", min=1, max=MAX_LIMIT, help="How many interactions to show."),
    ] = 10,
    fmt: FormatOption = Format.table,
) -> None:
    """One contact's dossier (details, open follow-ups, quotes, latest interactions first),
    or an organisation's account view (its contacts, open follow-ups and all its quotes).

    Examples:

    \b
    salesnotes show jan
    salesnotes show "Pluimers Isolatie" --org

    A name that matches no contact is looked up among organisations.
    """
