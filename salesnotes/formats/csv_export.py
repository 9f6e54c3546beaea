"""The book's contacts, follow-ups, quotes or conversations as CSV, for a spreadsheet.

Plain CSV is UTF-8 with ','; ``excel`` is what Excel in Europe opens with a double click:
UTF-8 with a byte-order mark (else it reads Windows-1252), ';' between fields (the list
separator where the decimal separator is a comma) and amounts with a decimal comma.

A cell that begins with '=', '+', '-', '@', a tab or a carriage return is what a spreadsheet
runs as a formula (OWASP "CSV injection": '=HYPERLINK(...)' in a name typed by anyone); it
is written with a leading apostrophe, which spreadsheets show as text and ``import`` takes off
(and so is a text that itself begins with an apostrophe before one of those, so that it
comes back as it was). Contact columns have the names ``import`` recognises, so every column
reads back in: export, import into an empty book and export again gives the same file.
"""

from __future__ import annotations

import csv
import io

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from salesnotes.models import Address, Contact, ContactCard, FollowUp, Interaction, Quote

WHAT = ("contacts", "followups", "quotes", "interactions")
_RISKY = ("=", "+", "-", "@", "\t", "\r")
BOM = "\ufeff"


def neutralised(value: str) -> str:
    """A cell a spreadsheet shows as the text it is, never runs as a formula (``import``'s
    ``unneutralised`` gives the value back exactly)."""
    if value.startswith(_RISKY) or (value[:1] == "'" and value[1:2] in (*_RISKY, "'")):
        return "'" + value
    return value


def unneutralised(value: str) -> str:
    """A cell as it was before ``neutralised`` guarded it ("'=1+1" is '=1+1')."""
    if value[:1] == "'" and value[1:2] in (*_RISKY, "'") and value[1:2]:
        return value[1:]
    return value


def write(header: Sequence[str], rows: Iterable[Sequence[str]], *, excel: bool) -> str:
    """The CSV text of a header and rows, every cell neutralised."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, delimiter=";" if excel else ",", lineterminator="\r\n")
    writer.writerow(header)
    for row in rows:
        writer.writerow([neutralised(cell) for cell in row])
    return (BOM if excel else "") + out.getvalue()


# Outlook's names of an address's columns, which import reads with the address's kind.
_ADDRESS_GROUPS = {"work": "Business", "home": "Home", "other": "Other", "": "Other"}
_ADDRESS_PARTS = (
    ("Street", "street"), ("Postal Code", "postcode"), ("City", "city"), ("State", "region"),
    ("Country/Region", "country"),
)  # fmt: skip


def contacts(items: Iterable[Contact]) -> tuple[list[str], list[list[str]]]:
    """Contacts with the column names ``import`` reads back (several values joined ', '):
    each phone's kind ("phone kinds", in the order of "phone"), the department, and each
    kind of address in Outlook's columns (only the kinds some contact has)."""
    people = list(items)
    groups = sorted(
        {_ADDRESS_GROUPS[a.kind] for c in people for a in c.addresses},
        key=("Business", "Home", "Other").index,
    )
    header = [
        "id", "uuid", "name", "organisation", "job title", "city", "status", "email", "phone",
        "tags", "birthday", "every", "customer since", "last contact", "note", "department",
        "phone kinds",
    ]  # fmt: skip
    header += [f"{group} {part}" for group in groups for part, _ in _ADDRESS_PARTS]
    rows = [
        [
            str(c.id),
            c.uuid,
            c.name,
            c.organisation or "",
            c.job_title,
            c.city,
            c.status,
            ", ".join(c.emails),
            ", ".join(c.phones),
            ", ".join(c.tags),
            c.birthday or "",
            c.every or "",
            c.customer_since.isoformat() if c.customer_since else "",
            c.last_contact.isoformat() if c.last_contact else "",
            c.note,
            c.department,
            ", ".join(c.phone_kinds) if any(c.phone_kinds) else "",
            *(
                getattr(_first(c, group), attribute, "")
                for group in groups
                for __, attribute in _ADDRESS_PARTS
            ),
        ]
        for c in people
    ]
    return header, rows


def _first(contact: Contact, group: str) -> Address | None:
    """The contact's first address of the kind an Outlook column group holds."""
    for address in contact.addresses:
        if _ADDRESS_GROUPS[address.kind] == group:
            return address
    return None


def followups(
    items: Iterable[FollowUp], cards: dict[int, ContactCard]
) -> tuple[list[str], list[list[str]]]:
    """Follow-ups, open and done, with the contact's phone."""
    header = [
        "id", "due", "contact", "organisation", "phone", "reason", "priority", "status",
        "text", "done on", "done note", "uuid",
    ]  # fmt: skip
    rows = []
    for f in items:
        card = cards.get(f.contact_id)
        rows.append(
            [
                str(f.id),
                f.due_on.isoformat(),
                f.contact_name,
                f.organisation or "",
                (card.phone or "") if card else "",
                f.reason,
                f.priority,
                f.status,
                f.text,
                f.done_on.isoformat() if f.done_on else "",
                f.done_note,
                f.uuid,
            ]
        )
    return header, rows


def quotes(items: Iterable[Quote], *, excel: bool) -> tuple[list[str], list[list[str]]]:
    """Quotes with their amount as a number a spreadsheet can add up."""
    header = [
        "id", "contact", "organisation", "title", "amount", "currency", "status", "quoted on",
        "valid until", "probability", "sent on", "closed on", "lost reason", "uuid",
    ]  # fmt: skip
    rows = []
    for q in items:
        whole, cents = divmod(q.amount_cents, 100)
        amount = f"{whole}{',' if excel else '.'}{cents:02d}"
        rows.append(
            [
                str(q.id),
                q.contact_name,
                q.organisation or "",
                q.title,
                amount,
                q.currency,
                q.status,
                q.quoted_on.isoformat(),
                q.valid_until.isoformat() if q.valid_until else "",
                "" if q.probability is None else str(q.probability),
                q.sent_on.isoformat() if q.sent_on else "",
                q.closed_on.isoformat() if q.closed_on else "",
                q.lost_reason,
                q.uuid,
            ]
        )
    return header, rows


def interactions(items: Iterable[Interaction]) -> tuple[list[str], list[list[str]]]:
    """Conversations, oldest first."""
    header = ["id", "date", "contact", "kind", "text", "uuid"]
    rows = [
        [str(i.id), i.happened_on.isoformat(), i.contact_name, i.kind, i.text, i.uuid]
        for i in items
    ]
    return header, rows
