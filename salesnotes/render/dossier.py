"""``show``: one contact's dossier, or an organisation's account view."""

from __future__ import annotations

from salesnotes.days import describe, relative
from salesnotes.render import plain_lines, print_json
from salesnotes.render.listing import console
from salesnotes.render.shapes import (
    contact_json,
    followup_json,
    interaction_json,
    organisation_json,
    quote_json,
)
from salesnotes.text import clean, one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from rich.console import Console

    from salesnotes.config import Config
    from salesnotes.models import Contact, FollowUp, Interaction, Organisation, Quote


def _first(values: tuple[str, ...]) -> str:
    return values[0] if values else ""


def dossier(
    contact: Contact,
    open_followups: Sequence[FollowUp],
    contact_quotes: Sequence[Quote],
    recent: Sequence[Interaction],
    fmt: str,
    today: date,
    config: Config,
) -> None:
    """``show``: details, open follow-ups, quotes, latest interactions newest first."""
    if fmt == "json":
        print_json(
            {
                "contact": contact_json(contact),
                "followups": [followup_json(f) for f in open_followups],
                "quotes": [quote_json(q, today, config) for q in contact_quotes],
                "interactions": [interaction_json(i) for i in recent],
            }
        )
        return
    details = _details(contact)
    if fmt == "plain":
        lines = [[key, value] for key, value in details]
        lines += [_followup_fields(f) for f in open_followups]
        lines += [_quote_fields(q, today) for q in contact_quotes]
        lines += [
            ["interaction", str(i.id), i.happened_on.isoformat(), i.kind, i.text] for i in recent
        ]
        plain_lines(lines)
        return
    from rich.text import Text

    out = console()
    out.print(Text(f"#{contact.id} {clean(contact.name)}", style="bold"))
    _grid(out, [(k, v) for k, v in details[2:] if v])
    _followup_section(out, open_followups, today)
    _quote_section(out, contact_quotes, today, config)
    out.print()
    out.print(Text("Latest interactions", style="bold"))
    if not recent:
        out.print(Text("  none yet"))
    for i in recent:
        out.print(Text(f"  {describe(i.happened_on)}  {i.kind:<8} {one_line(i.text)}"))


def account(
    organisation: Organisation,
    members: Sequence[Contact],
    open_followups: Sequence[FollowUp],
    org_quotes: Sequence[Quote],
    fmt: str,
    today: date,
    config: Config,
) -> None:
    """``show`` of an organisation: its contacts, open follow-ups and all its quotes."""
    if fmt == "json":
        print_json(
            {
                "organisation": organisation_json(organisation),
                "contacts": [contact_json(c) for c in members],
                "followups": [followup_json(f) for f in open_followups],
                "quotes": [quote_json(q, today, config) for q in org_quotes],
            }
        )
        return
    if fmt == "plain":
        lines = [["organisation", str(organisation.id), organisation.name]]
        lines += [
            ["contact", str(c.id), c.name, c.status, _first(c.emails), _first(c.phones)]
            for c in members
        ]
        lines += [_followup_fields(f) for f in open_followups]
        lines += [_quote_fields(q, today) for q in org_quotes]
        plain_lines(lines)
        return
    from rich.text import Text

    out = console()
    out.print(Text(f"{clean(organisation.name)} (organisation #{organisation.id})", style="bold"))
    out.print()
    out.print(Text("Contacts", style="bold"))
    if not members:
        out.print(Text("  none"))
    for c in members:
        reach = ", ".join(x for x in (_first(c.phones), _first(c.emails)) if x)
        last = f", last contact {describe(c.last_contact)}" if c.last_contact else ""
        out.print(Text(f"  #{c.id} {one_line(c.name)} ({c.status}) {reach}{last}"))
    _followup_section(out, open_followups, today, with_contact=True)
    _quote_section(out, org_quotes, today, config, with_contact=True)


def _followup_fields(f: FollowUp) -> list[str]:
    return [
        "followup",
        str(f.id),
        f.due_on.isoformat(),
        f.reason,
        f.priority,
        f.text,
        str(f.contact_id),
    ]


def _quote_fields(q: Quote, today: date) -> list[str]:
    return [
        "quote",
        str(q.id),
        q.shown_status(today),
        str(q.amount_cents),
        q.currency,
        q.valid_until.isoformat() if q.valid_until else "",
        q.title,
        str(q.contact_id),
    ]


def _grid(out: Console, rows: Sequence[tuple[str, str]]) -> None:
    from rich.table import Table
    from rich.text import Text

    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    for key, value in rows:
        grid.add_row(key, Text(clean(value)))
    out.print(grid)


def _followup_section(
    out: Console, open_followups: Sequence[FollowUp], today: date, *, with_contact: bool = False
) -> None:
    from rich.text import Text

    out.print()
    out.print(Text("Open follow-ups", style="bold"))
    if not open_followups:
        out.print(Text("  none"))
    for f in open_followups:
        line = Text(f"  #{f.id} {describe(f.due_on)} ({relative(f.due_on, today)}) {f.reason}")
        if with_contact:
            line.append(f" with {one_line(f.contact_name)}")
        if f.priority != "normal":
            line.append(f", {f.priority} priority")
        if f.text:
            line.append(f": {one_line(f.text)}")
        out.print(line)


def _quote_section(
    out: Console,
    items: Sequence[Quote],
    today: date,
    config: Config,
    *,
    with_contact: bool = False,
) -> None:
    from rich.text import Text

    from salesnotes.money import format_amount

    if not items:
        return
    out.print()
    out.print(Text("Quotes", style="bold"))
    style = config.get_str("money.format")
    for q in items:
        status = q.shown_status(today)
        line = f"  #{q.id} {format_amount(q.amount_cents, q.currency, style)} {status}"
        if q.is_open and q.valid_until:
            line += f", valid until {describe(q.valid_until)}"
        if q.closed_on:
            line += f" on {describe(q.closed_on)}"
        if q.lost_reason:
            line += f" ({one_line(q.lost_reason)})"
        line += f": {one_line(q.title)}"
        if with_contact:
            line += f" ({one_line(q.contact_name)})"
        out.print(Text(line))


def _details(contact: Contact) -> list[tuple[str, str]]:
    details = [
        ("id", str(contact.id)),
        ("name", contact.name),
        ("organisation", contact.organisation or ""),
        ("status", contact.status + (" (archived)" if contact.archived else "")),
        ("email", ", ".join(contact.emails)),
        ("phone", ", ".join(contact.phones)),
        ("tags", ", ".join(contact.tags)),
        ("last contact", contact.last_contact.isoformat() if contact.last_contact else ""),
    ]
    if contact.every:
        details.append(("keep in touch", f"every {contact.every}"))
    if contact.note:
        details.append(("note", contact.note))
    return details
