"""People and organisations: ``add``, ``edit``, ``archive``, ``contacts``, ``orgs``, ``show``."""

from __future__ import annotations

from salesnotes.commands import contact_named
from salesnotes.domain.fields import normalise_email, read_phone
from salesnotes.errors import BadInput
from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env
    from salesnotes.models import PhoneNumber


def add(
    env: Env,
    *,
    name: str,
    org: str | None,
    email: list[str] | None,
    phone: list[str] | None,
    tag: list[str] | None,
    status: str,
    note: str,
    job_title: str,
    city: str,
    every: str | None,
    birthday: str | None,
    customer_since: str | None,
    force: bool,
    department: str = "",
) -> None:
    """Add a contact and print its id (and a note about a namesake); refuse one whose e-mail
    address or phone number another contact has, or whose name is an organisation's (the
    organisation is not a person), unless ``force``."""
    from salesnotes.domain.dates import parse_birthday, parse_when
    from salesnotes.render.contacts import added
    from salesnotes.usecases.contacts import add_contact

    born = parse_birthday(birthday) if birthday is not None else None
    since = parse_when(customer_since, env.today(), past=True) if customer_since else None
    emails, numbers = _details(env, email, phone)
    store = env.store(create=True)
    with store.write():
        result = add_contact(
            store, name, force=force, now=env.now(), today=env.today(), organisation=org,
            emails=emails, phones=numbers, tags=tag or (), status=status, note=note,
            every=every, birthday=born, customer_since=since, job_title=job_title, city=city,
            department=department,
        )  # fmt: skip
    added(result, numbers)


def _details(
    env: Env, email: list[str] | None, phone: list[str] | None
) -> tuple[list[str], list[PhoneNumber]]:
    """E-mail addresses checked and phone numbers read, before anything is written."""
    region = env.config().get_str("phone.region")
    return [normalise_email(e) for e in email or ()], [read_phone(p, region) for p in phone or ()]


def org(env: Env, *, name: str, phone: str | None, email: str | None, fmt: str) -> None:
    """Show an organisation's own phone number and e-mail address, or set them (``phone``,
    ``email``; '' forgets one); an organisation not in the book is made when one is set."""
    from salesnotes.models import PhoneNumber
    from salesnotes.render.contacts import organisation
    from salesnotes.usecases.contacts import organisation_reach

    region = env.config().get_str("phone.region")
    number = read_phone(phone, region) if phone else PhoneNumber("", None) if phone == "" else None
    address = normalise_email(email) if email else email
    store = env.store(create=phone is not None or email is not None)
    with store.write():
        found = organisation_reach(store, name, phone=number, email=address, now=env.now())
    organisation(found, number, fmt)


def edit(
    env: Env,
    *,
    who: str,
    name: str | None,
    org: str | None,
    email: list[str] | None,
    phone: list[str] | None,
    tag: list[str] | None,
    untag: list[str] | None,
    status: str | None,
    note: str | None,
    job_title: str | None,
    city: str | None,
    every: str | None,
    birthday: str | None,
    customer_since: str | None,
    force: bool,
    remove_email: list[str] | None = None,
    remove_phone: list[str] | None = None,
    department: str | None = None,
) -> None:
    """Change a contact's details; e-mails, phones and tags are added to what is there (an
    e-mail address or phone number another contact has is refused, unless ``force``), and
    removed with ``remove_email``/``remove_phone``/``untag``."""
    from salesnotes.domain.dates import parse_birthday, parse_when
    from salesnotes.render.contacts import updated
    from salesnotes.usecases.contacts import edit_contact

    values = [name, org, email, phone, tag, untag, status, note, job_title, city, every]
    values += [birthday, customer_since, remove_email, remove_phone, department]
    if all(v is None for v in values):
        raise BadInput(
            _("nothing to change; give an option such as --status customer or --tag vip")
        )
    born = parse_birthday(birthday) if birthday else ("" if birthday == "" else None)
    since = parse_when(customer_since, env.today(), past=True) if customer_since else None
    emails, numbers = _details(env, email, phone)
    region = env.config().get_str("phone.region")
    gone_numbers = [read_phone(p, region) for p in remove_phone or ()]
    store = env.store()
    with store.write():
        contact = edit_contact(
            store, contact_named(env, store, who), force=force, now=env.now(), name=name,
            organisation=org, emails=emails, phones=numbers, tags=tag or (),
            untags=untag or (), status=status, note=note, every=every, birthday=born,
            customer_since=since, job_title=job_title, city=city,
            unemails=remove_email or (), unphones=gone_numbers, department=department,
        )  # fmt: skip
    updated(contact, numbers)


def assign(
    env: Env,
    *,
    who: str | None,
    owner: str | None,
    from_owner: str | None = None,
    to_owner: str | None = None,
    org: str | None = None,
    tag: str | None = None,
    dry_run: bool = False,
) -> None:
    """Make ``owner`` the contact's owner; the open follow-ups the old owner was to do go
    with it (a colleague's follow-up on the contact stays theirs). With ``from_owner`` and
    ``to_owner``: every account of one salesperson (``org``, ``tag``: of those) at once."""
    from salesnotes.render.contacts import assigned, assigned_all
    from salesnotes.usecases.contacts import assign_accounts, assign_contact

    one, old, new = _assign_form(who, owner, from_owner, to_owner, bool(org or tag or dry_run))
    store = env.store()
    with store.write():
        if one is not None:
            result = assign_contact(store, contact_named(env, store, one), new, now=env.now())
        else:
            every = assign_accounts(store, old, new, tag=tag, organisation=org, now=env.now())
            if dry_run:
                store.rollback()
    if one is not None:
        assigned(result)
    else:
        assigned_all(every, dry_run=dry_run)


def _assign_form(
    who: str | None, owner: str | None, old: str | None, new: str | None, filtered: bool
) -> tuple[str | None, str, str]:
    """(the contact, '', the new owner) for 'assign WHO OWNER', or (None, the old owner,
    the new one) for 'assign --from A --to B'; any mix of the two is bad input."""
    from salesnotes.team import owner as owner_name

    if old is None and new is None:
        if who is None or owner is None:
            raise BadInput(_("say whose: assign WHO OWNER, or assign --from NAME --to NAME"))
        if filtered:
            raise BadInput(_("--org, --tag and --dry-run go with --from and --to"))
        return who, "", owner_name(owner, "OWNER")
    if who is not None or owner is not None:
        raise BadInput(_("either assign WHO OWNER, or assign --from NAME --to NAME; not both"))
    if old is None or new is None:
        raise BadInput(_("--from and --to go together: assign --from anouk --to pieter"))
    return None, owner_name(old, "--from"), owner_name(new, "--to")


def archive(env: Env, *, who: str, undo: bool) -> None:
    """Hide a contact from lists and the agenda (``undo``: bring it back)."""
    from salesnotes.render.contacts import archived
    from salesnotes.usecases.contacts import archive_contact

    store = env.store()
    with store.write():
        contact = contact_named(env, store, who)
        contact, waiting = archive_contact(store, contact, undo=undo, now=env.now())
    archived(contact, waiting, undone=undo)


def contacts(
    env: Env,
    *,
    text: str | None,
    tag: str | None,
    status: str | None,
    org: str | None,
    archived: bool,
    losing_touch: bool,
    fmt: str,
    limit: int | None = None,
) -> None:
    """List contacts by name, or (``losing_touch``) those past their rhythm, most overdue first."""
    from salesnotes.commands import rows_for, say_how_many
    from salesnotes.render import listings
    from salesnotes.usecases.contacts import contact_list, losing_touch_list

    if losing_touch and (any(v is not None for v in (text, tag, status, org)) or archived):
        raise BadInput(_("--losing-touch lists everyone past their rhythm; use it on its own"))
    cap = rows_for(limit, fmt)
    store = env.store()
    if losing_touch:
        with store.read():
            items, total = losing_touch_list(store, env.today(), env.config(), cap)
        say_how_many(len(items), cap, lambda: total)
        return listings.losing_touch(items, fmt)
    with store.read():
        found, count = contact_list(store, cap, text=text, tag=tag, status=status,
                                    organisation=org, archived=archived)  # fmt: skip
    say_how_many(len(found), cap, lambda: count)
    listings.contacts(found, fmt)


def orgs(env: Env, *, fmt: str) -> None:
    """List organisations with their number of contacts."""
    from salesnotes.render import listings

    store = env.store()
    with store.read():
        found = store.orgs.all()
    listings.organisations(found, fmt)


def show(env: Env, *, who: str, org: bool, limit: int, fmt: str) -> None:
    """One contact's dossier, or (``org``, or a name that is no contact's) an organisation's
    account view."""
    from salesnotes.models import Contact
    from salesnotes.render import dossier, note
    from salesnotes.usecases.contacts import account, contact_or_organisation
    from salesnotes.usecases.contacts import dossier as read_dossier

    region = env.config().get_str("phone.region")
    store = env.store()
    with store.read():
        found, merged = contact_or_organisation(store, who, region, organisation=org)
        if isinstance(found, Contact):
            shown = read_dossier(
                store, found, limit, env.today(), env.calendar(store),
                learning=env.config().get_bool("rhythm.learn"),
            )  # fmt: skip
        else:
            whole = account(store, found)
    if merged:
        note(merged)
    if isinstance(found, Contact):
        dossier.dossier(shown, fmt, env.today(), env.config())
    else:
        dossier.account(whole, fmt, env.today(), env.config())


def rhythm(env: Env, *, who: str, fmt: str) -> None:
    """A contact's rhythm learned from their own history: the intervals, the numbers behind
    it, when the next contact would be, whether they are getting quiet."""
    from salesnotes.render.cadence import rhythm as said
    from salesnotes.usecases.cadence import rhythm_of

    store = env.store()
    with store.read():
        contact = contact_named(env, store, who)
        shown = rhythm_of(store, contact, env.config(), env.today(), env.calendar(store))
    said(shown, fmt)
