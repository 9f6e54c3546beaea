"""What the book and the phone keep of a contact and of a follow-up, field by field, and how
the two are put together when both changed (``salesnotes sync``).

Each side's object is read into the same plain fields (text, or a sorted list of texts for
a field that holds several values); the sync keeps the fields both sides last agreed on (the
*base*) and merges three ways: a field only one side changed takes that side's value; a
field both changed to the same value is agreed; a field both changed differently keeps both
values when it holds several (a second phone number), else the book's, and the phone's value
is a conflict the sync reports and writes into the contact's timeline. The rules are data:
which fields there are (``CARD_FIELDS``, ``TASK_FIELDS``) and which hold several (``MULTI``).
"""

from __future__ import annotations

from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from salesnotes.imported import NewContact
    from salesnotes.models import Address, Contact, FollowUp

    Fields = dict[str, Any]

CARD_FIELDS = (
    "name", "organisation", "department", "job_title", "emails", "phones", "addresses",
    "birthday", "note", "tags",
)  # fmt: skip
"""What a contact's card carries both ways (the caller context travels only to the phone)."""

TASK_FIELDS = ("due", "done")
"""What a task on the phone changes of its follow-up: its day (and time), and ticked off."""

MULTI = frozenset({"emails", "phones", "addresses", "tags"})
"""Fields that hold several values: changed on both sides, they keep both sides' values."""

CONTEXT_MARK = "[salesnotes]"
"""The first line of a card's note that is the caller context: salesnotes' own, refreshed at
every sync and taken off again on the way back."""


@record
class Merged:
    """The outcome for one object: its agreed ``fields``; what the book must take
    (``to_book``: field -> value); whether the phone must be written (``to_phone``); and the
    fields both sides changed differently (field, the value kept, the phone's value)."""

    fields: dict[str, Any]
    to_book: dict[str, Any]
    to_phone: bool
    conflicts: tuple[tuple[str, Any, Any], ...] = ()


def merge(base: Fields | None, book: Fields, phone: Fields, names: tuple[str, ...]) -> Merged:
    """The three-way merge of one object over the fields ``names`` (see the module). Without
    a base (an object neither side has agreed on yet), what differs counts as changed on
    both sides."""
    agreed: dict[str, Any] = {}
    to_book: dict[str, Any] = {}
    conflicts = []
    for name in names:
        was = None if base is None else base.get(name)
        ours, theirs = book.get(name), phone.get(name)
        if ours == theirs or theirs == was:
            value = ours
        elif ours == was:
            value = theirs
        elif name in MULTI:
            old = set(was or ())
            gone = (old - set(ours or ())) | (old - set(theirs or ()))
            value = sorted((set(ours or ()) | set(theirs or ())) - gone)
        else:
            value = ours
            if theirs not in (None, "", []):
                conflicts.append((name, ours, theirs))
        agreed[name] = value
        if value != ours:
            to_book[name] = value
    return Merged(agreed, to_book, any(agreed[n] != phone.get(n) for n in names), tuple(conflicts))


# -- contacts -----------------------------------------------------------------------------------


def address_key(address: Address) -> str:
    """An address as one comparable text: kind, street, postcode, city, region, country."""
    parts = (address.kind, address.street, address.postcode, address.city, address.region)
    return "|".join((*parts, address.country))


def address_of(key: str) -> Address:
    """The address ``address_key`` made."""
    from salesnotes.models import Address

    kind, street, postcode, city, region, country = (key.split("|") + [""] * 6)[:6]
    return Address(kind, street, postcode, city, region, country)


def phone_key(typed: str, region: str) -> str:
    """A phone number as compared: E.164 when it reads as a number, else as typed."""
    from salesnotes.domain.fields import read_phone

    try:
        number = read_phone(typed, region)
    except ValueError:
        return typed
    return number.e164 or number.typed


def contact_fields(contact: Contact, region: str, keys: dict[str, str] | None = None) -> Fields:
    """A contact of the book as the card's fields (``keys``: their numbers as compared, as
    the book keeps them; else read again)."""
    keys = keys or {}
    return {
        "name": contact.name,
        "organisation": contact.organisation or "",
        "department": contact.department,
        "job_title": contact.job_title,
        "emails": sorted(e.lower() for e in contact.emails),
        "phones": sorted({keys.get(p) or phone_key(p, region) for p in contact.phones}),
        "addresses": sorted(address_key(a) for a in contact.addresses),
        "birthday": contact.birthday or "",
        "note": contact.note,
        "tags": sorted(contact.tags),
    }


def card_fields(card: NewContact) -> Fields:
    """A card from the phone (read as ``import`` reads one) as the card's fields; the
    caller context salesnotes put in its note taken off."""
    return {
        "name": card.name,
        "organisation": card.organisation or "",
        "department": card.department,
        "job_title": card.job_title,
        "emails": sorted(e.lower() for e in card.emails),
        "phones": sorted({p.e164 or p.typed for p in card.phones}),
        "addresses": sorted(address_key(a) for a in card.addresses),
        "birthday": card.birthday or "",
        "note": without_context(card.note),
        "tags": sorted(card.tags),
    }


def with_context(note: str, context: str) -> str:
    """The note the phone shows: the caller context on its first line (when there is
    any), then the contact's own note."""
    if not context:
        return note
    first = f"{CONTEXT_MARK} {context}"
    return f"{first}\n{note}" if note else first


def without_context(note: str) -> str:
    """The contact's own note: the phone's note less salesnotes' first line."""
    first, _newline, rest = note.partition("\n")
    return rest.strip("\n") if first.startswith(CONTEXT_MARK) else note


# -- follow-ups ---------------------------------------------------------------------------------


def followup_fields(followup: FollowUp) -> Fields:
    """A follow-up of the book as its task's fields."""
    due = followup.due_on.isoformat()
    return {
        "due": f"{due} {followup.due_time}" if followup.due_time else due,
        "done": followup.status == "done",
    }
