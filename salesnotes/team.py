"""Who is who in a team's book: the user's short name, and how owners are written.

An owner is a salesperson's short name ('anouk', 'pieter'): letters, digits, '.', '-' and '_',
at most 40, kept in lower case so that 'Anouk' and 'anouk' are one person. The user is
``SALESNOTES_USER``, else ``[team] me`` in the configuration, else the login name, else 'me'.
"""

from __future__ import annotations

import os
import re

from salesnotes.errors import BadInput, Conflict, NotFound
from salesnotes.i18n import _
from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from typing import Any

    from salesnotes.config import Config

SCHEMES = ("postgresql://", "postgres://")


def is_url(path: str) -> bool:
    """True when ``--db`` / ``SALESNOTES_DB`` names a team's book on PostgreSQL (a URL), not
    a SQLite file."""
    return path.startswith(SCHEMES)


_NAME = re.compile(r"[a-z0-9][a-z0-9._-]{0,39}")


def problem(value: Any) -> str | None:
    """What is wrong with ``value`` as a short name (None: nothing)."""
    if isinstance(value, str) and _NAME.fullmatch(value.strip().lower()):
        return None
    return _(
        "must be a short name such as 'anouk' (letters, digits, '.', '-', '_'; at most 40), "
        "not {value!r}"
    ).format(value=value)


def owner(value: str, where: str = "--owner") -> str:
    """A typed owner's name, as stored; bad input names ``where`` it came from."""
    found = problem(value)
    if found is not None:
        raise BadInput(f"{where} {found}")
    return value.strip().lower()


def me(config: Config) -> str:
    """The user's short name (see the module)."""
    named = chosen(config)
    return named[0] if named else login()


def chosen(config: Config) -> tuple[str, str] | None:
    """The name the user chose to act as, and where (``SALESNOTES_USER``, ``[team] me``);
    None when neither says one."""
    typed = os.environ.get("SALESNOTES_USER", "").strip()
    if typed:
        return owner(typed, "SALESNOTES_USER"), "SALESNOTES_USER"
    configured = str(config.get_str("team.me"))
    if configured:
        return owner(configured, "team.me"), "[team] me"
    return None


ROLES = ("sales", "manager", "read")
"""A team member's role on a server: a salesperson changes their own accounts, a manager
everyone's, the read role nothing (m018's guard)."""


class Seat:
    """Who the server says the user is, read when the book opens: whether the book has a
    team (``team add`` made a first member), the login role, the member it is (name and
    role; None when it is none) and whether it owns the book (its administrator)."""

    __slots__ = ("has_team", "login", "name", "owns_book", "role")

    def __init__(
        self, has_team: bool, login: str, name: str | None, role: str | None, owns_book: bool
    ) -> None:
        self.has_team, self.login, self.name = has_team, login, name
        self.role, self.owns_book = role, owns_book


def acting(
    named: tuple[str, str] | None, seat: Seat | None, members: Callable[[], list[str]]
) -> str:
    """Who the user acts as. A book without a team (every SQLite book): the name chosen,
    else the login name. In a team's book the server knows the person: a member acts as
    themself, a manager or the read role may choose a colleague (covering for someone), a
    salesperson may not; a login outside the team is refused unless it owns the book."""
    if seat is None or not seat.has_team:
        return named[0] if named else login()
    if seat.name is None:
        if seat.owns_book:
            return named[0] if named else login()
        raise Conflict(
            _(
                "the login {login} is not in this book's team; the book's owner adds it: "
                "salesnotes team add NAME --login {login}"
            ).format(login=seat.login)
        )
    if named is None or named[0] == seat.name:
        return seat.name
    name, where = named
    if seat.role == "sales":
        raise Conflict(
            _(
                "you log in as {login}, the salesperson {me}; {where} says {name}, and a "
                "salesperson acts only as themself (a manager may act for a colleague)"
            ).format(login=seat.login, me=seat.name, where=where, name=name)
        )
    known = members()
    if name not in known:
        raise NotFound(
            _("{where} says {name}, who is not in the team ({known})").format(
                where=where, name=name, known=", ".join(known)
            )
        )
    return name


def login() -> str:
    """``SALESNOTES_USER``, else the login name, else 'me' (without the configuration)."""
    typed = os.environ.get("SALESNOTES_USER", "").strip()
    if typed:
        return owner(typed, "SALESNOTES_USER")
    for variable in ("LOGNAME", "USER", "USERNAME"):
        login = os.environ.get(variable, "").strip().lower()
        if login and problem(login) is None:
            return login
    return "me"


class Acting:
    """Who a database writes as (mixed into both backends' Database): the owner of what the
    user adds. Set by the command from ``me``; else ``login()``, read on first use."""

    __slots__ = ("_user",)
    _user: str | None

    @property
    def user(self) -> str:
        """Who is writing."""
        if self._user is None:
            self._user = login()
        return self._user

    @user.setter
    def user(self, name: str) -> None:
        self._user = name

    def audit_values(self) -> tuple[str, str, str]:
        """(when, who, the command's name) for the audit trail of the write that begins:
        the name only, as a command line can hold a customer's words (m018)."""
        label: str | None = getattr(self, "label", None)
        return getattr(self, "now", ""), self.user, (label or "").split(" ", 1)[0]


@record
class Coached:
    """A coaching note after a joint visit: by whom for whom, what went well, one thing to
    try, the day; the visit's role, day and customer (while the customer is known)."""

    id: int
    followup_id: int | None
    manager: str
    salesperson: str
    went_well: str
    to_try: str
    noted_on: date
    role: str = ""
    visit_on: date | None = None
    customer: str = ""
