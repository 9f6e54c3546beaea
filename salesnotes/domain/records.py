"""What the book keeps of a contact, a conversation and a follow-up, and which changes of
state each allows: checked here, by the use cases, before the store writes (the store
trusts what it is given). Each returns the value as it is kept, or refuses with a sentence.
Pure. A quote's own rules are ``quote_life``'s."""

from __future__ import annotations

from salesnotes.domain.fields import one_of, require_text
from salesnotes.errors import Conflict
from salesnotes.i18n import _
from salesnotes.models import INTERACTION_KINDS, PRIORITIES, REASONS, STATUSES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from salesnotes.models import Contact, FollowUp


def contact_name(name: str) -> str:
    """A contact's name on one line, single-spaced; an empty one is refused."""
    return " ".join(require_text(name, _("a contact's name")).split())


def organisation_name(name: str) -> str:
    """An organisation's name on one line, single-spaced; an empty one is refused."""
    return " ".join(require_text(name, _("an organisation's name")).split())


def contact_fields(fields: dict[str, Any]) -> dict[str, Any]:
    """A contact's fields as given to add or change one, in the form the book keeps them:
    e-mail addresses lower case and checked (``emails``), tags folded
    (``tags``, ``untags``), a rhythm as '6w' or 'off' (``every``; 'default' stays: back to
    the status's); any other field as it is."""
    from salesnotes.domain.fields import normalise_email, normalise_every, normalise_tag

    kept = dict(fields)
    if kept.get("emails"):
        kept["emails"] = [normalise_email(e) for e in kept["emails"]]
    for key in ("tags", "untags"):
        if kept.get(key):
            kept[key] = [normalise_tag(t) for t in kept[key]]
    if kept.get("every") not in (None, "default"):
        kept["every"] = normalise_every(kept["every"])
    return kept


def contact_status(status: str) -> str:
    """lead, prospect, customer, ambassador or former (or a Dutch word for one)."""
    return one_of(status, STATUSES, "status")


def to_archive(contact: Contact) -> Contact:
    """The contact, when it can be archived: one archived already is a Conflict."""
    if contact.archived:
        raise Conflict(
            _("#{contact_id} {name} is archived already").format(
                contact_id=contact.id, name=contact.name
            )
        )
    return contact


def to_unarchive(contact: Contact) -> Contact:
    """The contact, when it can be brought back: one that is not archived is a Conflict."""
    if not contact.archived:
        raise Conflict(
            _("#{contact_id} {name} is not archived").format(
                contact_id=contact.id, name=contact.name
            )
        )
    return contact


def conversation_text(text: str) -> str:
    """What was said, cleaned; nothing said is refused."""
    return require_text(text, _("what was said"))


def conversation_kind(kind: str) -> str:
    """call, email, meeting, visit, note or complaint (or a Dutch word for one)."""
    return one_of(kind, INTERACTION_KINDS, "kind")


def followup_reason(reason: str) -> str:
    """Why a follow-up is there: callback, complaint, question, quote, checkin or other."""
    return one_of(reason, REASONS, "reason")


def followup_priority(priority: str) -> str:
    """high, normal or low (or a Dutch word for one)."""
    return one_of(priority, PRIORITIES, "priority")


def second_person(owner: str, with_owner: str | None) -> str:
    """Who does a follow-up with its owner ('' for nobody); the owner themselves is no
    second person."""
    from salesnotes.errors import BadInput

    if with_owner is None:
        return ""
    if with_owner == owner:
        raise BadInput(
            _("{owner} does this follow-up already; --with names a second person").format(
                owner=owner
            )
        )
    return with_owner


def still_open(followup: FollowUp) -> FollowUp:
    """The follow-up, when it is still open: a done one has nothing left to change."""
    if not followup.is_open:
        raise Conflict(
            _("follow-up #{followup_id} was done on {done_on}; nothing to change").format(
                followup_id=followup.id, done_on=followup.done_on
            )
        )
    return followup
