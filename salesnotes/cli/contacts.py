"""Commands about people and organisations: add, edit, archive, contacts, orgs, show."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli import app, env
from salesnotes.cli.common import Format, FormatOption, complete_from
from salesnotes.models import STATUSES

STATUS_HELP = "lead, prospect, customer, ambassador or former."


@app.command()
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
) -> None:
    """Add a contact and print its id."""
    from salesnotes import render
    from salesnotes.dates import parse_birthday, parse_when

    e = env(ctx)
    born = parse_birthday(birthday) if birthday is not None else None
    since = parse_when(customer_since, e.today(), past=True) if customer_since else None
    store = e.store()
    with store.write():
        contact = store.add_contact(
            name,
            now=e.now(),
            organisation=org,
            emails=email or (),
            phones=phone or (),
            tags=tag or (),
            status=status,
            note=note,
            today=e.today(),
            every=every,
            birthday=born,
            customer_since=since,
        )
        same = store.namesakes(contact)
    render.echo(f"Added #{contact.id} {contact.label}, {contact.status}")
    for other in same:
        render.note(f"Note: #{other.id} {other.label} has the same name.")


@app.command()
def edit(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(help="Id, e-mail or part of the name.", show_default=False)],
    name: Annotated[str | None, typer.Option("--name", help="New name.")] = None,
    org: Annotated[
        str | None, typer.Option("--org", "-o", help="New organisation ('' for none).")
    ] = None,
    email: Annotated[list[str] | None, typer.Option("--email", "-e", help="Add an e-mail.")] = None,
    phone: Annotated[list[str] | None, typer.Option("--phone", "-p", help="Add a phone.")] = None,
    tag: Annotated[list[str] | None, typer.Option("--tag", "-t", help="Add a tag.")] = None,
    untag: Annotated[list[str] | None, typer.Option("--untag", help="Remove a tag.")] = None,
    status: Annotated[
        str | None,
        typer.Option("--status", "-s", help=STATUS_HELP, autocompletion=complete_from(STATUSES)),
    ] = None,
    note: Annotated[
        str | None, typer.Option("--note", "-n", help="Replace the standing note.")
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
) -> None:
    """Change a contact's details; e-mails, phones and tags are added to what is there."""
    from salesnotes import render
    from salesnotes.dates import parse_birthday, parse_when
    from salesnotes.errors import BadInput

    values = (name, org, email, phone, tag, untag, status, note, every, birthday, customer_since)
    if all(v is None for v in values):
        raise BadInput("nothing to change; give an option such as --status customer or --tag vip")
    e = env(ctx)
    born = parse_birthday(birthday) if birthday else ("" if birthday == "" else None)
    since = parse_when(customer_since, e.today(), past=True) if customer_since else None
    store = e.store()
    with store.write():
        contact = store.resolve(who)
        contact = store.edit_contact(
            contact.id,
            now=e.now(),
            name=name,
            organisation=org,
            emails=email or (),
            phones=phone or (),
            tags=tag or (),
            untags=untag or (),
            status=status,
            note=note,
            every=every,
            birthday=born,
            customer_since=since,
        )
    render.echo(f"Updated #{contact.id} {contact.label}, {contact.status}")


@app.command()
def archive(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(help="Id, e-mail or part of the name.", show_default=False)],
    undo: Annotated[bool, typer.Option("--undo", help="Bring an archived contact back.")] = False,
) -> None:
    """Hide a contact from lists and the agenda. Nothing is deleted; --undo brings it back."""
    from salesnotes import render

    e = env(ctx)
    store = e.store()
    with store.write():
        contact = store.resolve(who)
        if undo:
            contact = store.unarchive_contact(contact.id, e.now())
        else:
            contact = store.archive_contact(contact.id, e.now())
    if undo:
        render.echo(f"Restored #{contact.id} {contact.label}")
    else:
        render.echo(
            f"Archived #{contact.id} {contact.label}; 'salesnotes contacts --archived' lists it"
        )


@app.command("contacts")
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
    fmt: FormatOption = Format.table,
) -> None:
    """List contacts, by name (--losing-touch: past their rhythm, most overdue first)."""
    from salesnotes import render

    e = env(ctx)
    store = e.store()
    if losing_touch:
        from salesnotes.errors import BadInput
        from salesnotes.sources import rhythm_defaults

        if any(v is not None for v in (text, tag, status, org)) or archived:
            raise BadInput("--losing-touch lists everyone past their rhythm; use it on its own")
        with store.read():
            items = store.losing_touch(e.today(), rhythm_defaults(e.config()))
        items.sort(key=lambda i: (-i.overdue_ratio, i.last_touch, i.name))
        render.losing_touch(items, fmt.value, e.today())
        return
    with store.read():
        found = store.contacts(
            text=text, tag=tag, status=status, organisation=org, archived=archived
        )
    render.contacts(found, fmt.value)


@app.command()
def orgs(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """List organisations with their number of contacts."""
    from salesnotes import render

    store = env(ctx).store()
    with store.read():
        found = store.organisations()
    render.organisations(found, fmt.value)


@app.command()
def show(
    ctx: typer.Context,
    who: Annotated[
        str,
        typer.Argument(
            help="Id, e-mail or part of a contact's name; or an organisation's name.",
            show_default=False,
        ),
    ],
    org: Annotated[
        bool, typer.Option("--org", help="WHO is an organisation: show the whole account.")
    ] = False,
    limit: Annotated[
        int, typer.Option("--limit", "-n", min=1, help="How many interactions to show.")
    ] = 10,
    fmt: FormatOption = Format.table,
) -> None:
    """One contact's dossier (details, open follow-ups, quotes, latest interactions first),
    or an organisation's account view (its contacts, open follow-ups and all its quotes).

    A name that matches no contact is looked up among organisations.
    """
    from salesnotes import render
    from salesnotes.errors import NotFound

    e = env(ctx)
    store = e.store()
    with store.read():
        contact = None
        if not org:
            try:
                contact = store.resolve(who)
            except NotFound as not_a_contact:
                try:
                    organisation = store.resolve_organisation(who)
                except NotFound:
                    raise not_a_contact from None
        else:
            organisation = store.resolve_organisation(who)
        if contact is not None:
            open_followups = store.followups(contact_id=contact.id)
            quotes = store.quotes(open_only=False, contact_id=contact.id)
            recent = store.interactions(contact.id, limit)
        else:
            members = store.contacts(organisation_id=organisation.id)
            open_followups = store.followups(organisation_id=organisation.id)
            quotes = store.quotes(open_only=False, organisation_id=organisation.id)
    if contact is not None:
        render.dossier(contact, open_followups, quotes, recent, fmt.value, e.today(), e.config())
    else:
        render.account(
            organisation, members, open_followups, quotes, fmt.value, e.today(), e.config()
        )
