"""What ``team`` and ``upgrade`` say."""

from __future__ import annotations

from salesnotes.i18n import _
from salesnotes.render import echo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.models import Member
    from salesnotes.results import Joined


def set_up(made: list[str]) -> None:
    """'The team's roles are set up on this book (made: ...)'."""
    if made:
        echo(
            _("Made the roles {roles} and gave them their rights on this book").format(
                roles=", ".join(made)
            )
        )
    else:
        echo(_("The team's roles were there; their rights on this book are whole again"))
    echo(_("Next: salesnotes team add NAME --role sales|manager|read [--login LOGIN]"))


def joined(result: Joined) -> None:
    """'pieter is in the team as sales, logging in as pieter' and, for a login made now,
    how it gets its password."""
    member = result.member
    echo(
        _("{name} is in the team as {role}, logging in as {login}").format(
            name=member.name, role=member.role, login=member.login
        )
    )
    if result.made_login:
        echo(
            _(
                "Made the login {login} without a password: give it one with "
                "psql -c '\\password {login}' (or let the server know it otherwise)"
            ).format(login=member.login)
        )


def listing_of(members: list[Member], fmt: str) -> None:
    """The team as a table, plain lines or JSON."""
    from salesnotes.render.tables import Column, listing

    listing(
        members,
        fmt,
        [
            Column("Name", lambda m: m.name),
            Column("Login", lambda m: m.login),
            Column("Role", lambda m: m.role),
            Column("Accounts", lambda m: str(m.accounts), justify="right"),
            Column("Logs in", lambda m: _("yes") if m.can_login else _("no")),
        ],
        lambda m: {
            "name": m.name,
            "login": m.login,
            "role": m.role,
            "accounts": m.accounts,
            "can_login": m.can_login,
            "added_at": m.added_at,
        },
        empty=_("No one is in the team yet: salesnotes team add NAME --role sales"),
    )


def removed(member: Member) -> None:
    """'pieter is no longer in the team; the login stays on the server'."""
    echo(
        _(
            "{name} is no longer in the team; the login {login} stays on the server (other "
            "databases may use it): DROP ROLE {login} removes it"
        ).format(name=member.name, login=member.login)
    )


def upgraded(steps: list[str], where: str) -> None:
    """'Brought the book up to date: 1 step (m018_team_and_audit)', or that it was."""
    from salesnotes.i18n import n_

    if not steps:
        echo(_("The book {where} is up to date").format(where=where))
        return
    echo(
        n_(
            "Brought the book {where} up to date: {n} step ({names})",
            "Brought the book {where} up to date: {n} steps ({names})",
            len(steps),
        ).format(where=where, n=len(steps), names=", ".join(steps))
    )
