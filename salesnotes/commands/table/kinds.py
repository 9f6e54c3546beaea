"""What the table of commands is made of: ``Param`` and ``Command``, the helpers that declare
them, and the parameters many commands share."""

from __future__ import annotations

from typing import Any, NamedTuple

from salesnotes.models import (
    STATUSES,
)

MAX_LIMIT = 1_000_000
"""The most any --limit takes (a number beyond SQLite's integers would not be one; a million
rows is more than any screen or mail)."""

WHAT = ("followup", "interaction", "quote")
"""What ``delete`` deletes."""


class Param(NamedTuple):
    """One parameter of a command: an argument (no ``decls``) or an option.

    ``kind``: 'text', 'int' (``low``..``high``), 'choice' (one of ``choices``, exactly as
    written) or 'flag' (an option without a value: True when given).
    ``many``: an option given more than once gives a list. ``complete``: what the shell offers
    for it: 'who' (the names in the book), 'lost_reasons' (the book's own, then the common
    ones) or a tuple of words. ``metavar``: how help writes its value (default: its name in
    capitals for an argument, TEXT or N for an option's value).
    """

    name: str
    decls: tuple[str, ...] = ()
    kind: str = "text"
    default: Any = None
    required: bool = False
    help: str = ""
    metavar: str | None = None
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    many: bool = False
    complete: str | tuple[str, ...] | None = None
    show_default: bool = True

    @property
    def is_argument(self) -> bool:
        """An argument (a word in its place), not an option."""
        return not self.decls


class Command(NamedTuple):
    """One command: ``name`` ('agenda', or 'quote add' for one of a group's), the function that
    does its work (``runs``), its help (the first sentence is its line in the command list),
    and its parameters in the order help lists them. ``collects_garbage``: the command may run
    long and allocate much (``import``, ``export``, ``demo``, ``copy-book``), so Python's
    garbage collector stays on; the others run with it off (they end in milliseconds)."""

    name: str
    runs: str
    help: str
    params: tuple[Param, ...] = ()
    collects_garbage: bool = False


_REQUIRED: Any = object()


def arg(name: str, *, default: Any = _REQUIRED, **facts: Any) -> Param:
    """An argument; required unless it has a default."""
    if default is _REQUIRED:
        return Param(name, required=True, **facts)
    return Param(name, default=default, **facts)


def opt(name: str, *decls: str, **facts: Any) -> Param:
    """An option that takes a value (one of ``choices`` when it has them)."""
    if "choices" in facts:
        facts.setdefault("kind", "choice")
    return Param(name, decls, **facts)


def flag(name: str, *decls: str, **facts: Any) -> Param:
    """An option without a value: False, or True when given."""
    return Param(name, decls, kind="flag", default=False, **facts)


GROUPS = {
    "quote": "Add and move quotes: add, send, revise, won, lost, expire, renew, edit, show.",
    "team": "A team's book on PostgreSQL: its roles set up, people added, listed, removed.",
    "sync": "The phone's own contacts, calendar and tasks, through your CardDAV/CalDAV server.",
    "calls": "Your phone's call log: the conversations it holds, and what was said.",
    "mail": "Your mailbox: mails with contacts logged as conversations, from files or IMAP.",
}
"""Groups of commands ('quote add', 'quote send', ...) and their help."""

WHO = arg(
    "who", metavar="WHO", complete="who", help="Id, phone number, e-mail or part of the name."
)
FORMAT = opt(
    "fmt",
    "--format",
    "-f",
    choices=("table", "plain", "json"),
    default="table",
    help="table (for people), plain (tab-separated, for scripts and cron) or json.",
)

TEXT_OR_JSON = opt(
    "fmt",
    "--format",
    "-f",
    choices=("text", "json"),
    default="text",
    help="text, or json for scripts.",
)
"""For what is read as sentences rather than rows (``sync status``, ``rhythm``)."""


def limit(help: str, *, default: int | None = None, low: int = 0) -> Param:
    """``--limit``/``-n N``: at most this many (from ``low``; 0: all, where ``low`` is 0)."""
    return opt(
        "limit", "--limit", "-n", kind="int", low=low, high=MAX_LIMIT, default=default, help=help
    )


LIST_LIMIT = limit(
    "At most this many rows (0: all). Default for a table 50; plain and json list all."
)
QUOTE_ID = arg("quote_id", metavar="ID", help="The quote's id.")
FOLLOWUP_ID = arg("followup_id", metavar="ID", help="The follow-up's id.")
YES = flag("yes", "--yes", "-y", help="Do it without asking (needed without a terminal).")
OUTPUT = opt("output", "--output", "-o", help="Write to this file (mode 0600), not to stdout.")
FORCE = flag("force", "--force", help="Overwrite the --output file if it exists.")
STATUS = opt(
    "status",
    "--status",
    "-s",
    complete=STATUSES,
    help="lead, prospect, customer, ambassador or former.",
)
AMOUNT = arg("amount", help="12500, 12.500, 12.500,00, '€ 12.500,50', 12,500.50 or 12,5k.")

ROOT = (
    opt(
        "db",
        "--db",
        metavar="FILE",  # a file, or a postgresql:// URL: read as text (a Path makes '//' '/')
        show_default=False,
        help="The database file. Default: $SALESNOTES_DB, else the user data folder.",
    ),
    opt(
        "today",
        "--today",
        show_default=False,
        help="Pretend today is this date (YYYY-MM-DD); also $SALESNOTES_TODAY.",
    ),
)


EXPLAIN_PROPOSAL = flag(
    "explain", "--explain", help="Without --next: the numbers behind the proposed next contact."
)
"""``log``, ``done``, ``calls note``, ``resolve``: why the next contact is proposed then."""
