"""The people in the book: a contact added (never a second one of a person the book has), a
contact given to a colleague, an organisation's own number."""

from __future__ import annotations

from salesnotes.errors import BadInput, Conflict
from salesnotes.i18n import _
from salesnotes.results import Account, AddedContact, Assigned, AssignedAll, Dossier

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from salesnotes.config import Config
    from salesnotes.domain.days import Calendar
    from salesnotes.domain.merging import Plan
    from salesnotes.models import Contact, FollowUp, LosingTouch, Organisation, PhoneNumber
    from salesnotes.store.interface import Store


def add_contact(
    store: Store,
    name: str,
    *,
    force: bool,
    now: str,
    organisation: str | None,
    emails: list[str],
    phones: list[PhoneNumber],
    **details: Any,
) -> AddedContact:
    """A new contact, unless (without ``force``) another contact has one of its e-mail
    addresses or phone numbers (most likely the same person) or its name is an
    organisation's (the organisation is not a person); with the contacts of the same name."""
    from salesnotes.domain.records import (
        contact_fields,
        contact_name,
        contact_status,
        organisation_name,
    )

    name = contact_name(name)
    organisation = organisation_name(organisation) if organisation is not None else None
    details = contact_fields({**details, "emails": emails})
    emails = details.pop("emails")
    details["status"] = contact_status(details.get("status", "lead"))
    if not force:
        refuse_known_details(store, emails, phones)
        refuse_an_organisation(store, name, organisation)
    contact = store.contacts.add(
        name, now=now, organisation=organisation, emails=emails, phones=phones, **details
    )
    return AddedContact(contact, store.contacts.namesakes(contact))


def archive_contact(
    store: Store, contact: Contact, *, undo: bool, now: str
) -> tuple[Contact, list[FollowUp]]:
    """The contact archived (``undo``: brought back; either twice is a Conflict), with the
    follow-ups that wait on them (an archived contact's do not show on the agenda)."""
    from salesnotes.domain.records import to_archive, to_unarchive

    if undo:
        contact = store.contacts.unarchive(to_unarchive(contact).id, now)
    else:
        contact = store.contacts.archive(to_archive(contact).id, now)
    return contact, store.followups.find(contact_id=contact.id)


def cards_to_export(
    store: Store,
    *,
    tag: str | None,
    status: str | None,
    organisation: str | None,
    owner: str | None = None,
) -> tuple[list[Contact], list[Organisation]]:
    """The contacts an address-book export holds (of a tag, status or organisation when
    asked; ``owner``: that person's accounts), and the organisations' own cards (their
    switchboard, info@: of the owner's contacts' organisations), unless only some people
    were asked for by tag or status."""
    people = store.contacts.find(tag=tag, status=status, organisation=organisation)
    if owner is not None:
        mine = set(store.contacts.owned(owner))
        people = [p for p in people if p.id in mine]
    if tag is not None or status is not None:
        return people, []
    orgs = store.orgs.with_reach(organisation)
    if owner is not None:
        theirs = {p.organisation_id for p in people}
        orgs = [o for o in orgs if o.id in theirs]
    return people, orgs


def refuse_known_details(
    store: Store, emails: list[str], numbers: list[PhoneNumber], me: int | None = None
) -> None:
    """A Conflict naming the contact (other than ``me``) that has one of these e-mail
    addresses or phone numbers already: most likely the same person."""
    known = [(e, store.contacts.with_email(e)) for e in emails]
    known += [(n.typed, store.contacts.with_phone(n.e164)) for n in numbers if n.e164]
    for value, ids in known:
        for other in (store.contacts.get(i) for i in ids if i != me):
            if other.merged_into is not None:
                continue
            state = _(", archived") if other.archived else ""
            raise Conflict(
                _(
                    "looks like #{id} {label}{state}, who has {value} too; --force adds it anyway"
                ).format(id=other.id, label=other.label, state=state, value=value)
            )


def refuse_an_organisation(store: Store, name: str, org: str | None) -> None:
    """A Conflict when ``name`` is an organisation's name and no organisation is given: a
    municipality's switchboard is the organisation's to have, not a person's."""
    from salesnotes.text import fold

    if org is not None and fold(org) != fold(name):
        return
    found = store.orgs.named(name)
    if found is None:
        return
    raise Conflict(
        _(
            '{name} is an organisation (#{id}), not a person: \'salesnotes org "{name}" '
            "--phone ...' gives it its own number, 'salesnotes add NAME --org \"{name}\"' adds "
            "someone who works there; --force adds a contact of this name anyway"
        ).format(name=found.name, id=found.id)
    )


def assign_contact(store: Store, contact: Contact, owner: str, *, now: str) -> Assigned:
    """Make ``owner`` the contact's owner; the open follow-ups the old owner was to do go
    with it (a colleague's follow-up on the contact stays theirs). To its owner already,
    nothing is written (nor is it a step to undo)."""
    if contact.owner == owner:
        return Assigned(contact, owner, owner, 0)
    previous = store.contacts.assign(contact.id, owner, now)
    moved = store.followups.reassign(contact.id, owner, previous) if previous != owner else 0
    return Assigned(contact, previous, owner, moved)


def assign_accounts(
    store: Store, previous: str, owner: str, *, tag: str | None, organisation: str | None,
    now: str,
) -> AssignedAll:  # fmt: skip
    """Every account of ``previous`` (archived ones too; of the ``tag`` or ``organisation``
    when asked) made ``owner``'s in one go, with the open follow-ups ``previous`` was to do
    with them (a colleague's stay theirs): a salesperson who leaves, or a region handed
    over. Someone who owns none of them is NotFound, naming the owners."""
    from salesnotes.domain.fields import normalise_tag
    from salesnotes.errors import NotFound

    if previous == owner:
        raise BadInput(_("--from and --to are the same salesperson ({owner})").format(owner=owner))
    ids = store.contacts.accounts_of(
        previous, tag=normalise_tag(tag) if tag else None, organisation=organisation
    )
    if not ids:
        raise NotFound(
            _("{previous} owns no such account; the owners in this book: {owners}").format(
                previous=previous, owners=", ".join(store.contacts.owners()) or "-"
            )
        )
    store.contacts.assign_many(ids, owner, now)
    return AssignedAll(
        previous, owner, len(ids), store.followups.reassign_many(ids, owner, previous)
    )


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
        from salesnotes.domain.records import organisation_name

        found = store.orgs.get(store.orgs.id_for(organisation_name(name), now))
    if phone is not None or email is not None:
        from salesnotes.domain.fields import normalise_email

        address = normalise_email(email) if email else email  # '' forgets it
        found = store.orgs.set_reach(found.id, phone=phone, email=address)
    return found


def edit_contact(
    store: Store,
    contact: Contact,
    *,
    force: bool,
    now: str,
    emails: list[str],
    phones: list[PhoneNumber],
    **changes: Any,
) -> Contact:
    """The contact changed; an e-mail address or phone number another contact has is
    refused (most likely the same person), unless ``force``."""
    from salesnotes.domain.records import (
        contact_fields,
        contact_name,
        contact_status,
        organisation_name,
    )

    changes = contact_fields({**changes, "emails": emails})
    emails = changes.pop("emails")
    if (changes.get("organisation") or "").strip():  # '' forgets it
        changes["organisation"] = organisation_name(changes["organisation"])
    if changes.get("name") is not None:
        changes["name"] = contact_name(changes["name"])
    if changes.get("status") is not None:
        changes["status"] = contact_status(changes["status"])
    if not force:
        refuse_known_details(store, emails, phones, contact.id)
    return store.contacts.edit(contact.id, now=now, emails=emails, phones=phones, **changes)


def merge_contacts(
    store: Store, old: Contact, new: Contact, *, today: date, now: str
) -> tuple[dict[str, int], Plan]:
    """Everything of ``old`` moved to ``new`` (``domain.merging.plan`` decides which of the
    two's details win): two contacts, never one twice, never into an archived one. What
    moved, per table, and the plan."""
    from salesnotes.domain.merging import plan

    if old.id == new.id:
        raise BadInput(
            _("#{id} {label} is one contact already; name two").format(id=old.id, label=old.label)
        )
    if old.merged_into is not None:
        raise Conflict(
            _("#{id} {label} was merged into #{merged_into} already").format(
                id=old.id, label=old.label, merged_into=old.merged_into
            )
        )
    if new.archived:
        raise Conflict(
            _(
                "#{id} {label} is archived; bring it back first (salesnotes archive {id} "
                "--undo) or merge the other way round"
            ).format(id=new.id, label=new.label)
        )
    steps = plan(old, new, today)
    return store.contacts.absorb(old.id, new.id, steps.changes, now), steps


def contact_list(store: Store, cap: int | None, **filters: Any) -> tuple[list[Contact], int]:
    """The contacts ``filters`` choose (text, tag, status, organisation, archived), by name,
    at most ``cap`` (None: all), and how many there are (counted only when cut)."""
    from salesnotes.domain.records import contact_status

    if filters.get("status"):
        filters["status"] = contact_status(filters["status"])
    if filters.get("tag"):
        from salesnotes.domain.fields import normalise_tag

        filters["tag"] = normalise_tag(filters["tag"])
    found = store.contacts.find(**filters, limit=cap)
    total = store.contacts.count(**filters) if cap is not None and len(found) >= cap else 0
    return found, max(total, len(found))


def losing_touch_list(
    store: Store, today: date, config: Config, cap: int | None
) -> tuple[list[LosingTouch], int]:
    """Everyone past their keep-in-touch rhythm, most overdue first, at most ``cap``; and
    how many there are."""
    from salesnotes.usecases.sources import losing_touch

    every = losing_touch(store, today, config)
    return list(every[:cap]), len(every)


def contact_or_organisation(
    store: Store, who: str, region: str, *, organisation: bool
) -> tuple[Contact | Organisation, str | None]:
    """The contact ``who`` names (and the note to show when it was found through a merge);
    a name that is no contact's is looked up among the organisations (``organisation``:
    only there)."""
    from salesnotes.errors import NotFound
    from salesnotes.usecases.who import resolve

    if organisation:
        return store.orgs.resolve(who), None
    try:
        return resolve(store, who, region)
    except NotFound as not_a_contact:
        try:
            return store.orgs.resolve(who), None
        except NotFound:
            raise not_a_contact from None


def dossier(
    store: Store,
    contact: Contact,
    interactions: int,
    today: date | None = None,
    calendar: Calendar | None = None,
    learning: bool = True,
) -> Dossier:
    """One contact's open follow-ups, quotes and latest ``interactions`` conversations; in a
    team's book (or when a colleague logged one of them) it says whose they are; their
    learned rhythm (with ``learning``, for a contact on no rhythm set for them and not left
    alone) and (given ``today`` and the ``calendar``) the next contact by it."""
    from salesnotes.domain.cadence import LEFT_ALONE

    recent = store.interactions.latest(contact.id, interactions)
    user = store.user
    told = learning and contact.every is None and contact.status not in LEFT_ALONE
    kept = store.rhythms.kept(contact.id) if told and not contact.archived else None
    upcoming = None
    if kept is not None and today is not None and calendar is not None:
        from salesnotes.domain.cadence import next_day

        upcoming = next_day(kept.last_on, kept.typical_days, today, calendar)
    return Dossier(
        contact,
        store.followups.find(contact_id=contact.id),
        store.quotes.find(open_only=False, contact_id=contact.id),
        recent,
        team=any(i.logged_by != user for i in recent) or store.contacts.shared(user),
        complaint_mails=store.mails.on_complaints(contact.id),
        rhythm=kept,
        rhythm_next=upcoming,
    )


def account(store: Store, organisation: Organisation) -> Account:
    """An organisation's account: its contacts, open follow-ups and all its quotes."""
    return Account(
        organisation,
        store.contacts.find(organisation_id=organisation.id),
        store.followups.find(organisation_id=organisation.id),
        store.quotes.find(open_only=False, organisation_id=organisation.id),
    )
