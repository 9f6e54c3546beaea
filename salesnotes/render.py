"""Output: the one place that turns stored text into what a terminal or a script sees.

Three formats for every listing:
- ``table``: for people; rich, colour only on a terminal and never with NO_COLOR.
- ``plain``: one record per line, tab-separated, fixed columns, no truncation (for cron, grep).
- ``json``: a list of objects with stable keys and ISO dates (a contract; see the README).
Stored text is data: control characters are stripped again here, and rich only ever gets
``Text`` objects, so "[red]" or an escape sequence in a name prints as the characters it is.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING, Any, Generic, TypeVar

from salesnotes.dates import DAY_ABBR, MONTH_ABBR, describe, relative
from salesnotes.models import (
    AgendaRow,
    Contact,
    FollowUp,
    Hit,
    Interaction,
    LosingTouch,
    Organisation,
    Quote,
)
from salesnotes.text import clean, one_line

if TYPE_CHECKING:
    from rich.console import Console

    from salesnotes.config import Config
    from salesnotes.quotes import Pipeline

FORMATS = ("table", "plain", "json")
T = TypeVar("T")


def console(stderr: bool = False) -> Console:
    """A rich console that never interprets markup or guesses highlights in data."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, markup=False, emoji=False)


def _safe(value: Any) -> Any:
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {key: _safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [_safe(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def print_json(data: Any) -> None:
    """Stable, readable JSON on stdout (UTF-8, two-space indent)."""
    sys.stdout.write(json.dumps(_safe(data), ensure_ascii=False, indent=2) + "\n")


def echo(message: str) -> None:
    """A confirmation line on stdout ("Follow-up #7 on Fri 27 Nov 2026")."""
    sys.stdout.write(one_line(message) + "\n")


def note(message: str) -> None:
    """A message for the person, not data: stderr."""
    sys.stderr.write(clean(message) + "\n")


@dataclass(frozen=True)
class Column(Generic[T]):
    """One column of a listing: its header and how to get its text from a record."""

    header: str
    value: Callable[[T], str]
    justify: str = "left"
    style: str = ""
    no_wrap: bool = False


def listing(
    items: Sequence[T],
    fmt: str,
    columns: Sequence[Column[T]],
    to_json: Callable[[T], dict[str, Any]],
    *,
    empty: str,
    title: str | None = None,
    table_columns: Sequence[Column[T]] | None = None,
) -> None:
    """Print records as a table, tab-separated lines, or a JSON list.

    ``columns`` are the plain format's fixed fields; a table may show fewer
    (``table_columns``) to stay readable in 80 columns.
    """
    if fmt == "json":
        print_json([to_json(item) for item in items])
        return
    if fmt == "plain":
        for item in items:
            sys.stdout.write("\t".join(one_line(c.value(item)) for c in columns) + "\n")
        return
    if not items:
        note(empty)
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    shown = table_columns or columns
    for column in shown:
        table.add_column(
            column.header,
            justify=column.justify,  # type: ignore[arg-type]
            style=column.style,
            no_wrap=column.no_wrap,
        )
    for item in items:
        table.add_row(*(Text(clean(c.value(item))) for c in shown))
    console().print(table)


# -- contacts -------------------------------------------------------------------------------


def contact_json(contact: Contact) -> dict[str, Any]:
    """The JSON contract for a contact."""
    return {
        "id": contact.id,
        "uuid": contact.uuid,
        "name": contact.name,
        "organisation": contact.organisation,
        "organisation_id": contact.organisation_id,
        "status": contact.status,
        "emails": list(contact.emails),
        "phones": list(contact.phones),
        "tags": list(contact.tags),
        "note": contact.note,
        "archived": contact.archived,
        "created_at": contact.created_at,
        "last_contact": contact.last_contact,
    }


def _first(values: tuple[str, ...]) -> str:
    return values[0] if values else ""


CONTACT_COLUMNS: list[Column[Contact]] = [
    Column("Id", lambda c: str(c.id), justify="right"),
    Column("Name", lambda c: c.name, style="bold"),
    Column("Organisation", lambda c: c.organisation or ""),
    Column("Status", lambda c: c.status),
    Column("E-mail", lambda c: _first(c.emails)),
    Column("Phone", lambda c: _first(c.phones)),
    Column("Tags", lambda c: ",".join(c.tags)),
    Column("Last contact", lambda c: c.last_contact.isoformat() if c.last_contact else ""),
]


def contacts(items: Sequence[Contact], fmt: str) -> None:
    """``contacts``: id, name, organisation, status, e-mail, phone, tags, last contact."""
    listing(
        items,
        fmt,
        CONTACT_COLUMNS,
        contact_json,
        empty="No contacts match.",
        table_columns=[CONTACT_COLUMNS[i] for i in (0, 1, 2, 3, 5, 7)],
    )


def organisations(items: Sequence[Organisation], fmt: str) -> None:
    """``orgs``: id, name, number of active contacts."""
    listing(
        items,
        fmt,
        [
            Column("Id", lambda o: str(o.id), justify="right"),
            Column("Organisation", lambda o: o.name, style="bold"),
            Column("Contacts", lambda o: str(o.contact_count), justify="right"),
        ],
        lambda o: {"id": o.id, "uuid": o.uuid, "name": o.name, "contacts": o.contact_count},
        empty="No organisations yet.",
    )


# -- follow-ups -----------------------------------------------------------------------------


def followup_json(f: FollowUp) -> dict[str, Any]:
    """The JSON contract for a follow-up."""
    return {
        "id": f.id,
        "uuid": f.uuid,
        "contact_id": f.contact_id,
        "contact": f.contact_name,
        "organisation": f.organisation,
        "due_on": f.due_on,
        "text": f.text,
        "reason": f.reason,
        "priority": f.priority,
        "status": f.status,
        "created_on": f.created_on,
        "done_on": f.done_on,
        "done_note": f.done_note,
        "snoozed_from": f.snoozed_from,
    }


def followups(items: Sequence[FollowUp], fmt: str, today: date) -> None:
    """``followups``: id, due date, contact, reason, priority, status, text."""
    listing(
        items,
        fmt,
        [
            Column("Id", lambda f: str(f.id), justify="right"),
            Column("Due", lambda f: f.due_on.isoformat()),
            Column("When", lambda f: relative(f.due_on, today) if f.is_open else ""),
            Column("Contact", lambda f: f.contact_name, style="bold"),
            Column("Organisation", lambda f: f.organisation or ""),
            Column("Reason", lambda f: f.reason),
            Column("Priority", lambda f: f.priority),
            Column("Status", lambda f: f.status),
            Column("About", lambda f: f.text),
        ],
        followup_json,
        empty="No follow-ups.",
        table_columns=[
            Column("Id", lambda f: str(f.id), justify="right", no_wrap=True),
            Column("Due", lambda f: _due(f, today), no_wrap=True),
            Column("Contact", lambda f: f.contact_name, style="bold"),
            Column(
                "Reason",
                lambda f: f.reason if f.priority == "normal" else f"{f.reason}, {f.priority}",
            ),
            Column("About", lambda f: f.text),
        ],
    )


def _short(day: date | None, today: date) -> str:
    """'Fri 27 Nov', with the year only when it is not this year's."""
    if day is None:
        return ""
    text = f"{DAY_ABBR[day.weekday()]} {day.day} {MONTH_ABBR[day.month - 1]}"
    return text if day.year == today.year else f"{text} {day.year}"


def _due(f: FollowUp, today: date) -> str:
    day = _short(f.due_on, today)
    if not f.is_open:
        return f"{day} (done)"
    return f"{day} ({relative(f.due_on, today)})"


def interaction_json(i: Interaction) -> dict[str, Any]:
    """The JSON contract for an interaction."""
    return {
        "id": i.id,
        "uuid": i.uuid,
        "contact_id": i.contact_id,
        "kind": i.kind,
        "text": i.text,
        "happened_on": i.happened_on,
        "logged_at": i.logged_at,
    }


# -- agenda ---------------------------------------------------------------------------------


def agenda_json(row: AgendaRow) -> dict[str, Any]:
    """The JSON contract for an agenda row."""
    return {
        "contact_id": row.contact_id,
        "name": row.name,
        "organisation": row.organisation,
        "phone": row.phone,
        "email": row.email,
        "score": row.score,
        "reasons": list(row.reasons),
        "followup_ids": list(row.followup_ids),
        "terms": [{"name": t.name, "value": t.value} for t in row.terms],
    }


def _score(value: float) -> str:
    return f"{value:g}"


def agenda(rows: Sequence[AgendaRow], fmt: str, day: date, *, explain: bool = False) -> None:
    """``agenda``: rank, score, who, phone, why (every reason), follow-up ids."""
    position = {row.contact_id: n for n, row in enumerate(rows, start=1)}
    columns: list[Column[AgendaRow]] = [
        Column("#", lambda r: str(position[r.contact_id]), justify="right"),
        Column("Score", lambda r: _score(r.score), justify="right"),
        Column("Id", lambda r: str(r.contact_id), justify="right"),
        Column("Who", lambda r: r.name, style="bold"),
        Column("Organisation", lambda r: r.organisation or ""),
        Column("Phone", lambda r: r.phone or ""),
        Column("Why", lambda r: "; ".join(r.reasons)),
        Column("Follow-ups", lambda r: ",".join(str(i) for i in r.followup_ids)),
    ]
    if explain:
        columns.append(
            Column(
                "Score terms", lambda r: " + ".join(f"{t.name} {_score(t.value)}" for t in r.terms)
            )
        )
    if fmt == "table":
        _agenda_table(rows, day, explain)
        return
    listing(rows, fmt, columns, agenda_json, empty="")


def _agenda_table(rows: Sequence[AgendaRow], day: date, explain: bool) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    if not rows:
        out.print(Text(f"Nothing to do on {describe(day)}: nobody to call."))
        return
    table = Table(
        title=Text(f"Who to call on {describe(day)}", style="bold"),
        title_justify="left",
        show_edge=False,
        pad_edge=False,
        show_lines=False,
    )
    table.add_column("#", justify="right")
    table.add_column("Who", style="bold")
    table.add_column("Phone", no_wrap=True)
    table.add_column("Why")
    table.add_column("Score", justify="right")
    for n, row in enumerate(rows, start=1):
        who = Text(clean(row.name), style="bold")
        who.append(f" #{row.contact_id}", style="dim")
        if row.organisation:
            who.append(f"\n{clean(row.organisation)}", style="dim")
        why = Text("\n".join(f"- {one_line(r)}" for r in row.reasons))
        if row.followup_ids:
            why.append("\nfollow-up " + ", ".join(f"#{i}" for i in row.followup_ids), style="dim")
        if explain:
            why.append(
                "\n" + " + ".join(f"{one_line(t.name)} {_score(t.value)}" for t in row.terms),
                style="dim",
            )
        table.add_row(str(n), who, Text(clean(row.phone or "")), why, _score(row.score))
    out.print(table)


# -- one contact ----------------------------------------------------------------------------


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
        _plain_lines(lines)
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
                "organisation": {
                    "id": organisation.id,
                    "uuid": organisation.uuid,
                    "name": organisation.name,
                },
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
        _plain_lines(lines)
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


def _plain_lines(lines: Sequence[Sequence[str]]) -> None:
    for fields in lines:
        sys.stdout.write("\t".join(one_line(field) for field in fields) + "\n")


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


def error(message: str, details: Iterable[str] = ()) -> None:
    """``Error: ...`` on stderr, as plain text: errors must print even when all else fails."""
    sys.stderr.write(f"Error: {clean(message)}\n")
    for line in details:
        sys.stderr.write(f"  {clean(line)}\n")


# -- quotes ---------------------------------------------------------------------------------


def quote_json(q: Quote, today: date, config: Config) -> dict[str, Any]:
    """The JSON contract for a quote."""
    from salesnotes.quotes import is_stale, probability

    return {
        "id": q.id,
        "uuid": q.uuid,
        "contact_id": q.contact_id,
        "contact": q.contact_name,
        "organisation": q.organisation,
        "title": q.title,
        "amount_cents": q.amount_cents,
        "currency": q.currency,
        "status": q.shown_status(today),
        "stored_status": q.status,
        "quoted_on": q.quoted_on,
        "valid_until": q.valid_until,
        "probability": probability(q, config),
        "sent_on": q.sent_on,
        "closed_on": q.closed_on,
        "lost_reason": q.lost_reason,
        "last_activity": q.last_activity,
        "idle_days": q.idle_days(today) if q.is_open else None,
        "stale": is_stale(q, today, config),
        "revisions": [
            {"number": r.number, "amount_cents": r.amount_cents, "on": r.revised_on, "note": r.note}
            for r in q.revisions
        ],
    }


def quotes(
    items: Sequence[Quote], fmt: str, today: date, config: Config, *, detail: bool = False
) -> None:
    """``quotes``: id, status, contact, organisation, title, amount, validity, idle days, %."""
    from salesnotes.money import format_amount
    from salesnotes.quotes import probability

    style = config.get_str("money.format")

    def amount(q: Quote) -> str:
        return format_amount(q.amount_cents, q.currency, style)

    def idle(q: Quote) -> str:
        return str(q.idle_days(today)) if q.is_open else ""

    columns: list[Column[Quote]] = [
        Column("Id", lambda q: str(q.id), justify="right", no_wrap=True),
        Column("Status", lambda q: q.shown_status(today), no_wrap=True),
        Column("Contact id", lambda q: str(q.contact_id)),
        Column("Contact", lambda q: q.contact_name, style="bold"),
        Column("Organisation", lambda q: q.organisation or ""),
        Column("Title", lambda q: q.title),
        Column("Amount", amount, justify="right", no_wrap=True),
        Column("Cents", lambda q: str(q.amount_cents)),
        Column("Currency", lambda q: q.currency),
        Column("Valid until", lambda q: q.valid_until.isoformat() if q.valid_until else ""),
        Column("Idle days", idle, justify="right"),
        Column("%", lambda q: str(probability(q, config)), justify="right"),
    ]
    if fmt == "table" and detail and items:
        _quote_detail(items[0], today, config)
        return
    if fmt == "json" and detail and items:
        print_json(quote_json(items[0], today, config))
        return
    listing(
        items,
        fmt,
        columns,
        lambda q: quote_json(q, today, config),
        empty="No quotes.",
        table_columns=[
            *(columns[i] for i in (0, 1, 3, 5, 6)),
            Column("Valid", lambda q: _short(q.valid_until, today), no_wrap=True),
            Column("Idle", idle, justify="right"),
            columns[11],
        ],
    )


def _quote_detail(q: Quote, today: date, config: Config) -> None:
    from rich.table import Table
    from rich.text import Text

    from salesnotes.money import format_amount
    from salesnotes.quotes import probability

    style = config.get_str("money.format")
    out = console()
    out.print(Text(f"Quote #{q.id} {clean(q.title)}", style="bold"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    who = q.contact_name + (f" ({q.organisation})" if q.organisation else "")
    rows = [
        ("for", f"{who} #{q.contact_id}"),
        ("amount", format_amount(q.amount_cents, q.currency, style)),
        ("status", q.shown_status(today) + (f" ({q.lost_reason})" if q.lost_reason else "")),
        ("quoted", describe(q.quoted_on)),
        ("sent", describe(q.sent_on) if q.sent_on else ""),
        ("valid until", describe(q.valid_until) if q.valid_until else ""),
        ("closed", describe(q.closed_on) if q.closed_on else ""),
        ("probability", f"{probability(q, config)}%"),
        ("idle", f"{q.idle_days(today)} days" if q.is_open else ""),
    ]
    for key, value in rows:
        if value:
            grid.add_row(key, Text(clean(value)))
    out.print(grid)
    out.print(Text("\nRevisions", style="bold"))
    for r in q.revisions:
        amount = format_amount(r.amount_cents, q.currency, style)
        line = f"  {r.number}. {describe(r.revised_on)}  {amount}"
        out.print(Text(line + (f"  {one_line(r.note)}" if r.note else "")))


def pipeline(p: Pipeline, fmt: str, config: Config) -> None:
    """``pipeline``: open by status with bars, weighted value, expiring, month and year."""
    from salesnotes.money import format_amount
    from salesnotes.quotes import pipeline_json

    if fmt == "json":
        print_json(pipeline_json(p))
        return
    style = config.get_str("money.format")

    def money(cents: int) -> str:
        return format_amount(cents, p.currency, style)

    def rate(value: float | None) -> str:
        return "-" if value is None else f"{value:.0%}"

    if fmt == "plain":
        lines = [
            ["open", s.status, str(s.count), str(s.value_cents), str(s.weighted_cents)]
            for s in p.by_status
        ]
        lines.append(["total", "open", str(p.open_count), str(p.open_cents), str(p.weighted_cents)])
        lines.append(["expiring", "7d", str(p.expiring_count), str(p.expiring_cents), ""])
        for f in (p.month, p.year):
            lines.append(["won", f.label, str(f.won_count), str(f.won_cents), rate(f.win_rate)])
            lines.append(["lost", f.label, str(f.lost_count), str(f.lost_cents), ""])
        days = "" if p.average_days_to_win is None else f"{p.average_days_to_win:g}"
        lines.append(["days_to_win", str(p.today.year), days, "", ""])
        for line in lines:
            sys.stdout.write("\t".join(line) + "\n")
        return
    from rich.table import Table
    from rich.text import Text

    out = console()
    table = Table(
        title=Text(f"Pipeline on {describe(p.today)} ({p.currency})", style="bold"),
        title_justify="left",
        show_edge=False,
        pad_edge=False,
    )
    for header, justify in (
        ("Status", "left"),
        ("Quotes", "right"),
        ("Value", "right"),
        ("Weighted", "right"),
        ("", "left"),
    ):
        table.add_column(header, justify=justify, no_wrap=True)  # type: ignore[arg-type]
    largest = max((s.value_cents for s in p.by_status), default=0) or 1
    for s in p.by_status:
        bar = "█" * round(24 * s.value_cents / largest) if s.value_cents else ""
        table.add_row(s.status, str(s.count), money(s.value_cents), money(s.weighted_cents), bar)
    table.add_row(
        Text("open", style="bold"),
        str(p.open_count),
        money(p.open_cents),
        money(p.weighted_cents),
        "",
    )
    out.print(table)
    out.print(Text(f"Expiring within 7 days: {p.expiring_count} ({money(p.expiring_cents)})"))
    for f in (p.month, p.year):
        out.print(
            Text(
                f"{f.label}: won {f.won_count} ({money(f.won_cents)}), "
                f"lost {f.lost_count} ({money(f.lost_cents)}), win rate {rate(f.win_rate)}"
            )
        )
    if p.average_days_to_win is not None:
        out.print(
            Text(f"Average days from sent to won ({p.year.label}): {p.average_days_to_win:g}")
        )
    if p.lost_reasons:
        reasons = ", ".join(f"{r} ({n})" for r, n in p.lost_reasons)
        out.print(Text(f"Most common reasons for losing: {reasons}"))
    for currency, count in p.other_currencies.items():
        out.print(Text(f"Not counted: {count} open quotes in {currency}"))


# -- keep in touch, configuration -----------------------------------------------------------


def losing_touch(items: Sequence[LosingTouch], fmt: str, today: date) -> None:
    """``contacts --losing-touch``: who, rhythm, last contact, how far past the rhythm."""
    listing(
        items,
        fmt,
        [
            Column("Id", lambda i: str(i.contact_id), justify="right"),
            Column("Name", lambda i: i.name, style="bold"),
            Column("Organisation", lambda i: i.organisation or ""),
            Column("Status", lambda i: i.status),
            Column("Rhythm", lambda i: i.rhythm),
            Column("Last contact", lambda i: i.last_contact.isoformat() if i.last_contact else ""),
            Column("Days late", lambda i: str(i.overdue_days), justify="right"),
            Column("Rhythms late", lambda i: f"{i.overdue_ratio:.2f}", justify="right"),
        ],
        lambda i: {
            "contact_id": i.contact_id,
            "name": i.name,
            "organisation": i.organisation,
            "status": i.status,
            "rhythm": i.rhythm,
            "last_contact": i.last_contact,
            "clock_started": i.last_touch,
            "overdue_days": i.overdue_days,
            "overdue_rhythms": round(i.overdue_ratio, 3),
        },
        empty="Nobody is past their keep-in-touch rhythm.",
    )


def settings(config: Config, fmt: str) -> None:
    """``config``: every setting, its effective value, and where it comes from."""
    from salesnotes.config import SETTINGS

    rows = list(config.items())
    if fmt == "json":
        print_json(
            {
                "file": str(config.path),
                "file_exists": config.path.exists(),
                "settings": [
                    {"key": k, "value": v, "source": src, "about": SETTINGS[k][2]}
                    for k, v, src in rows
                ],
            }
        )
        return
    if fmt == "plain":
        for key, value, source in rows:
            sys.stdout.write(f"{key}\t{value}\t{source}\n")
        return
    from rich.table import Table
    from rich.text import Text

    out = console()
    state = "" if config.path.exists() else " (not there: all defaults)"
    out.print(Text(f"Configuration file: {config.path}{state}", style="bold"))
    table = Table(show_edge=False, pad_edge=False)
    for header in ("Setting", "Value", "From", "About"):
        table.add_column(header)
    for key, value, source in rows:
        table.add_row(
            key,
            Text(str(value)),
            "default" if source == "default" else "file",
            Text(SETTINGS[key][2]),
        )
    out.print(table)


def hits(items: Sequence[Hit], fmt: str) -> None:
    """``search``: kind, id, date, contact, text."""
    listing(
        items,
        fmt,
        [
            Column("Kind", lambda h: h.kind, no_wrap=True),
            Column("Id", lambda h: str(h.id), justify="right"),
            Column("Date", lambda h: h.on.isoformat() if h.on else "", no_wrap=True),
            Column("Contact id", lambda h: str(h.contact_id)),
            Column("Contact", lambda h: h.contact, style="bold"),
            Column("Text", lambda h: h.text),
        ],
        lambda h: {
            "kind": h.kind,
            "id": h.id,
            "date": h.on,
            "contact_id": h.contact_id,
            "contact": h.contact,
            "text": h.text,
        },
        empty="Nothing found.",
    )
