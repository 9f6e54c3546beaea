"""A team's book on a server: its roles set up once, a person added, listed or removed.
A file has one user and no team: every one of these says so."""

from __future__ import annotations

from salesnotes.errors import BadInput, Conflict
from salesnotes.i18n import _
from salesnotes.results import Joined

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from salesnotes.models import Member
    from salesnotes.store.interface import Store


def _on_a_server(store: Store) -> None:
    if not store.members.has_roles:
        raise Conflict(
            _(
                "a book in a file has one user and no team; a team's book is on PostgreSQL "
                "(--db postgresql://...; see docs/team.md)"
            )
        )


def set_up_team(store: Store) -> list[str]:
    """The group roles and their rights on this book (again: nothing new, the rights made
    whole); the roles it made."""
    _on_a_server(store)
    _may_make_roles(store)
    return store.members.setup()


def _may_make_roles(store: Store) -> None:
    allowed, login = store.members.may_make_roles()
    if not allowed:
        raise Conflict(
            _(
                "the team's roles are made by a login that may make roles, and {login} may "
                "not: the book's owner with CREATEROLE (as postgres: ALTER ROLE {login} "
                "CREATEROLE) or postgres itself runs this"
            ).format(login=login)
        )


def add_member(store: Store, name: str, role: str, login: str | None, now: str) -> Joined:
    """``name`` in the team as ``role``, logging in as ``login`` (default: the name)."""
    from salesnotes.team import owner

    _on_a_server(store)
    name = owner(name, "NAME")
    login = server_login(login) if login is not None else name
    if not store.members.is_set_up():
        raise Conflict(_("the team's roles are not there yet: run 'salesnotes team setup' first"))
    _may_make_roles(store)
    taken = [m for m in store.members.members() if m.login == login and m.name != name]
    if taken:
        raise Conflict(
            _("the login {login} is {name}'s already").format(login=login, name=taken[0].name)
        )
    member, made = store.members.add(name, login, role, now)
    return Joined(member, made)


def server_login(typed: str) -> str:
    """A login role's name as the server knows it (``--login``): as typed, case and all
    ('A.Smit', 'anouk@firma.nl' from a certificate or LDAP), at most 63 characters (the
    server's limit), nothing invisible."""
    login = typed.strip()
    if not login or len(login) > 63 or not login.isprintable():
        raise BadInput(
            _(
                "--login must be the name of a login role on the server (1 to 63 visible "
                "characters), not {typed!r}"
            ).format(typed=typed)
        )
    return login


def team_of(store: Store) -> list[Member]:
    """The team, by name."""
    _on_a_server(store)
    return store.members.members()


def remove_member(store: Store, name: str) -> Member:
    """``name`` out of the team, once nothing is theirs any more (their accounts and open
    follow-ups go to a colleague first: ``assign --from``)."""
    from salesnotes.team import owner

    _on_a_server(store)
    name = owner(name, "NAME")
    member = store.members.get(name)
    open_work = len(store.contacts.accounts_of(name))
    if open_work:
        raise Conflict(
            _(
                "{name} still owns {count} accounts; give them to a colleague first: "
                "salesnotes assign --from {name} --to NAME"
            ).format(name=name, count=open_work)
        )
    store.members.remove(name)
    return member


def upgrade_book(store: Store, path: str) -> tuple[list[str], str]:
    """The schema's steps opening the book applied (it is up to date now), and where the
    book is, as it may be shown (no password)."""
    from salesnotes.store.postgres import shown

    return store.upgraded, shown(path)


def member_data(store: Store, name: str) -> dict[str, list[dict[str, Any]]]:
    """What the book holds about ``name`` as a member of the team (``export-person
    --member``); NotFound when it holds nothing: no member row, no coaching, no visit, no
    action in the audit trail, and no contact or follow-up of theirs. In a team's book a
    salesperson asks for their own (Conflict for a colleague's); the coaching they read is
    what the server lets them (their own notes)."""
    from salesnotes.team import owner
    from salesnotes.usecases.sources import team_owners

    name = owner(name, "--member")
    seat = store.seat
    if seat is not None and seat.role == "sales" and seat.name not in (None, name):
        raise Conflict(
            _(
                "a salesperson asks for their own data ({me}); the book's owner or a manager "
                "answers for {name}"
            ).format(me=seat.name, name=name)
        )
    tables = store.privacy.member_rows(name)
    if not any(tables.values()) and name not in team_owners(store):
        from salesnotes.errors import NotFound

        raise NotFound(
            _("the book holds nothing about a member named {name}; its people: {people}").format(
                name=name, people=", ".join(team_owners(store)) or "-"
            )
        )
    return tables
