"""The people in the book: a contact given to a colleague, an organisation's own number."""

from __future__ import annotations

from salesnotes.results import Assigned

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.models import Contact, Organisation, PhoneNumber
    from salesnotes.store.interface import Store


def assign_contact(store: Store, contact: Contact, owner: str, *, now: str) -> Assigned:
    """Make ``owner`` the contact's owner; the open follow-ups the old owner was to do go
    with it (a colleague's follow-up on the contact stays theirs)."""
    previous = store.contacts.assign(contact.id, owner, now)
    moved = store.followups.reassign(contact.id, owner, previous) if previous != owner else 0
    return Assigned(contact, previous, owner, moved)


def organisation_reach(
    store: Store, name: str, *, phone: PhoneNumber | None, email: str | None, now: str
) -> Organisation:
    """The organisation ``name`` names, with its own number and address set when given
    (an empty one forgets it); one not in the book is made when something is set."""
    from salesnotes.errors import NotFound

    try:
        found = store.orgs.resolve(name)
    except NotFound:
        if phone is None and email is None:
            raise
        found = store.orgs.get(store.orgs.id_for(name, now))
    if phone is not None or email is not None:
        found = store.orgs.set_reach(found.id, phone=phone, email=email)
    return found
