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
from salesnotes.models import AgendaRow, Contact, FollowUp, Interaction, Organisation
from salesnotes.text import clean, one_line

if TYPE_CHECKING:
    from rich.console import Console

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


def _due(f: FollowUp, today: date) -> str:
    day = f"{DAY_ABBR[f.due_on.weekday()]} {f.due_on.day} {MONTH_ABBR[f.due_on.month - 1]}"
    if f.due_on.year != today.year:
        day += f" {f.due_on.year}"
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
    recent: Sequence[Interaction],
    fmt: str,
    today: date,
) -> None:
    """``show``: details, organisation, open follow-ups, latest interactions newest first."""
    if fmt == "json":
        print_json(
            {
                "contact": contact_json(contact),
                "followups": [followup_json(f) for f in open_followups],
                "interactions": [interaction_json(i) for i in recent],
            }
        )
        return
    details = _details(contact)
    if fmt == "plain":
        lines = [f"{key}\t{value}" for key, value in details]
        lines += [
            f"followup\t{f.id}\t{f.due_on.isoformat()}\t{f.reason}\t{f.priority}\t{f.text}"
            for f in open_followups
        ]
        lines += [
            f"interaction\t{i.id}\t{i.happened_on.isoformat()}\t{i.kind}\t{i.text}" for i in recent
        ]
        for line in lines:
            fields = line.split("\t")
            sys.stdout.write("\t".join(one_line(field) for field in fields) + "\n")
        return
    _dossier_table(contact, details, open_followups, recent, today)


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


def _dossier_table(
    contact: Contact,
    details: list[tuple[str, str]],
    open_followups: Sequence[FollowUp],
    recent: Sequence[Interaction],
    today: date,
) -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    out.print(Text(f"#{contact.id} {clean(contact.name)}", style="bold"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    for key, value in details[2:]:
        if value:
            grid.add_row(key, Text(clean(value)))
    out.print(grid)
    out.print()
    out.print(Text("Open follow-ups", style="bold"))
    if not open_followups:
        out.print(Text("  none"))
    for f in open_followups:
        line = Text(f"  #{f.id} {describe(f.due_on)} ({relative(f.due_on, today)}) {f.reason}")
        if f.priority != "normal":
            line.append(f", {f.priority} priority")
        if f.text:
            line.append(f": {one_line(f.text)}")
        out.print(line)
    out.print()
    out.print(Text("Latest interactions", style="bold"))
    if not recent:
        out.print(Text("  none yet"))
    for i in recent:
        out.print(Text(f"  {describe(i.happened_on)}  {i.kind:<8} {one_line(i.text)}"))


def error(message: str, details: Iterable[str] = ()) -> None:
    """``Error: ...`` on stderr, as plain text: errors must print even when all else fails."""
    sys.stderr.write(f"Error: {clean(message)}\n")
    for line in details:
        sys.stderr.write(f"  {clean(line)}\n")
