"""People and organisations: ``add``, ``edit``, ``archive``, ``contacts``, ``orgs``, ``show``."""

from __future__ import annotations

from salesnotes.commands import contact_named
from salesnotes.domain.fields import normalise_email, read_phone, unread_phones
from salesnotes.errors import BadInput, Conflict
from salesnotes.i18n import _, n_, term

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env
    from salesnotes.models import PhoneNumber
    from salesnotes.store.interface import Store


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
    from salesnotes import render
    from salesnotes.domain.dates import parse_birthday, parse_when

    born = parse_birthday(birthday) if birthday is not None else None
    since = parse_when(customer_since, env.today(), past=True) if customer_since else None
    emails, numbers = _details(env, email, phone)
    store = env.store(create=True)
    with store.write():
        if not force:
            refuse_known_details(store, emails, numbers)
            refuse_an_organisation(store, name, org)
        contact = store.contacts.add(
            name,
            now=env.now(),
            organisation=org,
            emails=emails,
            phones=numbers,
            tags=tag or (),
            status=status,
            note=note,
            today=env.today(),
            every=every,
            birthday=born,
            customer_since=since,
            job_title=job_title,
            city=city,
            department=department,
        )
        same = store.contacts.namesakes(contact)
    render.echo(
        _("Added #{id} {label}, {status}").format(
            id=contact.id, label=contact.label, status=term(contact.status)
        )
    )
    for other in same:
        render.note(
            _("Note: #{id} {label} has the same name.").format(id=other.id, label=other.label)
        )
    for warning in unread_phones(numbers):
        render.note(warning)


def _details(
    env: Env, email: list[str] | None, phone: list[str] | None
) -> tuple[list[str], list[PhoneNumber]]:
    """E-mail addresses checked and phone numbers read, before anything is written."""
    region = env.config().get_str("phone.region")
    return [normalise_email(e) for e in email or ()], [read_phone(p, region) for p in phone or ()]


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
    from salesnotes import render
    from salesnotes.domain.dates import parse_birthday, parse_when

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
        contact = contact_named(env, store, who)
        if not force:
            refuse_known_details(store, emails, numbers, contact.id)
        contact = store.contacts.edit(
            contact.id,
            now=env.now(),
            name=name,
            organisation=org,
            emails=emails,
            phones=numbers,
            tags=tag or (),
            untags=untag or (),
            status=status,
            note=note,
            every=every,
            birthday=born,
            customer_since=since,
            job_title=job_title,
            city=city,
            unemails=remove_email or (),
            unphones=gone_numbers,
            department=department,
        )
    render.echo(
        _("Updated #{id} {label}, {status}").format(
            id=contact.id, label=contact.label, status=term(contact.status)
        )
    )
    for warning in unread_phones(numbers):
        render.note(warning)


def assign(env: Env, *, who: str, owner: str) -> None:
    """Make ``owner`` the contact's owner; the open follow-ups the old owner was to do go
    with it (a colleague's follow-up on the contact stays theirs)."""
    from salesnotes.render.contacts import assigned
    from salesnotes.team import owner as owner_name
    from salesnotes.usecases.contacts import assign_contact

    new = owner_name(owner, "OWNER")
    store = env.store()
    with store.write():
        result = assign_contact(store, contact_named(env, store, who), new, now=env.now())
    assigned(result)


def archive(env: Env, *, who: str, undo: bool) -> None:
    """Hide a contact from lists and the agenda (``undo``: bring it back)."""
    from salesnotes import render

    store = env.store()
    with store.write():
        contact = contact_named(env, store, who)
        if undo:
            contact = store.contacts.unarchive(contact.id, env.now())
        else:
            contact = store.contacts.archive(contact.id, env.now())
        waiting = store.followups.find(contact_id=contact.id)
    ids = ", ".join(f"#{f.id}" for f in waiting)
    if undo:
        render.echo(_("Restored #{id} {label}").format(id=contact.id, label=contact.label))
        if waiting:
            render.echo(
                _("Their open follow-ups ({ids}) are on the agenda and in the lists again").format(
                    ids=ids
                )
            )
    else:
        render.echo(
            _("Archived #{id} {label}; 'salesnotes contacts --archived' lists it").format(
                id=contact.id, label=contact.label
            )
        )
        if waiting:
            render.echo(
                n_(
                    "{waiting} open follow-up ({ids}) stays open but leaves the agenda and "
                    "the lists with them; 'salesnotes done ID' closes it, 'archive --undo' "
                    "brings it back",
                    "{waiting} open follow-ups ({ids}) stay open but leave the agenda and "
                    "the lists with them; 'salesnotes done ID' closes one, 'archive --undo' "
                    "brings them back",
                    len(waiting),
                ).format(waiting=len(waiting), ids=ids)
            )


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

    store = env.store()
    if losing_touch:
        from salesnotes.usecases.sources import losing_touch as past_rhythm

        if any(v is not None for v in (text, tag, status, org)) or archived:
            raise BadInput(_("--losing-touch lists everyone past their rhythm; use it on its own"))
        with store.read():
            items = past_rhythm(store, env.today(), env.config())
        cap = rows_for(limit, fmt)
        say_how_many(len(items[:cap]), cap, lambda: len(items))
        listings.losing_touch(items[:cap], fmt)
        return
    cap = rows_for(limit, fmt)
    with store.read():
        found = store.contacts.find(
            text=text, tag=tag, status=status, organisation=org, archived=archived, limit=cap
        )
        say_how_many(
            len(found),
            cap,
            lambda: store.contacts.count(
                text=text, tag=tag, status=status, organisation=org, archived=archived
            ),
        )
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
    from salesnotes.errors import NotFound
    from salesnotes.render import dossier

    store = env.store()
    with store.read():
        contact = None
        if not org:
            try:
                contact = contact_named(env, store, who)
            except NotFound as not_a_contact:
                try:
                    organisation = store.orgs.resolve(who)
                except NotFound:
                    raise not_a_contact from None
        else:
            organisation = store.orgs.resolve(who)
        if contact is not None:
            open_followups = store.followups.find(contact_id=contact.id)
            quotes = store.quotes.find(open_only=False, contact_id=contact.id)
            recent = store.interactions.latest(contact.id, limit)
            user = store.user
            team = any(i.logged_by != user for i in recent) or store.contacts.shared(user)
        else:
            members = store.contacts.find(organisation_id=organisation.id)
            open_followups = store.followups.find(organisation_id=organisation.id)
            quotes = store.quotes.find(open_only=False, organisation_id=organisation.id)
    if contact is not None:
        dossier.dossier(
            contact, open_followups, quotes, recent, fmt, env.today(), env.config(), team=team
        )
    else:
        dossier.account(
            organisation, members, open_followups, quotes, fmt, env.today(), env.config()
        )
