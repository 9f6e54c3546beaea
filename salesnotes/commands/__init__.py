"""What each command does, without typer: resolve, apply the rules, call the store, render.

The table of commands (``table/``) declares each command's arguments and options and names
one function here; typer's app (``cli/``) and the fast entry path (``salesnotes/entry.py``)
both call it with the same keyword arguments. ``run`` is the one place a failure becomes
``Error: ...`` and an exit code.
"""

from __future__ import annotations

import os
import sqlite3
import sys

from salesnotes.errors import SalesnotesError
from salesnotes.i18n import N_, _, grouped

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date
    from typing import Any

    from salesnotes.domain.days import Calendar
    from salesnotes.domain.plans import Planned
    from salesnotes.env import Env
    from salesnotes.models import Contact
    from salesnotes.results import Proposal
    from salesnotes.store.interface import Store


def target(name: str) -> Callable[..., None]:
    """The function 'MODULE:FUNCTION' names (a module of ``salesnotes.commands``: the table of
    commands names each command's work so)."""
    module, function = name.split(":")
    loaded = __import__(f"salesnotes.commands.{module}", fromlist=[function])
    found: Callable[..., None] = getattr(loaded, function)
    return found


def contact_named(env: Env, store: Store, who: str, *, follow: bool = True) -> Contact:
    """The contact WHO names (see ``salesnotes.usecases.who``); a note on stderr when it was found
    through a merge (``follow=False``: the merged contact itself)."""
    from salesnotes import render
    from salesnotes.usecases.who import resolve as find

    contact, note = find(store, who, env.config().get_str("phone.region"), follow=follow)
    if note:
        render.note(note)
    return contact


def check_lengths(arguments: dict[str, Any]) -> None:
    """BadInput for an argument longer than salesnotes stores (``fields.LONGEST``)."""
    from salesnotes.domain.fields import too_long
    from salesnotes.errors import BadInput

    for key, value in arguments.items():
        for each in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(each, str):
                problem = too_long(key, each)
                if problem:
                    raise BadInput(_("{problem}; shorten it").format(problem=problem))


# Rows a table shows without --limit: a table is read by a person (plain and json, for
# scripts, list everything).
TABLE_ROWS = 50


def rows_for(limit: int | None, fmt: str) -> int | None:
    """How many rows a listing reads: ``limit`` (0: all), else for a table ``TABLE_ROWS``
    and for plain and json everything (None)."""
    cap = limit if limit is not None else (TABLE_ROWS if fmt == "table" else 0)
    return cap or None


def say_how_many(shown: int, cap: int | None, total: Callable[[], int]) -> None:
    """When a listing was cut at ``cap``, say on stderr how many there are (``total`` is
    counted only then)."""
    from salesnotes import render

    if cap is None or shown < cap:
        return
    everything = total()
    if everything > shown:
        render.note(
            _(
                "Showing {shown} of {everything}: --limit 0 shows all; --format "
                "plain or json lists all for scripts"
            ).format(shown=grouped(shown), everything=grouped(everything))
        )


FOLLOWUP_IDS = N_("'salesnotes followups' lists them with their ids")
QUOTE_IDS = N_("'salesnotes quotes --all' lists them with their ids")
CONVERSATION_IDS = N_("'salesnotes show WHO' lists a contact's conversations with their ids")
"""Where to find a record's id, said when one typed is not an id (``fields.record_id``)."""


def plan(env: Env, when: str, today: date, calendar: Calendar) -> Planned:
    """A follow-up's WHEN: day, time of day, and a relative day moved off a day off (a
    weekend, a public holiday, the user's own days off: ``calendar``), as the configuration
    reads 'volgende vrijdag'."""
    from salesnotes.domain.plans import parse_plan

    choice = env.config().get_str("dates.next_weekday")
    return parse_plan(when, today, calendar, next_weekday=choice)


def spread(
    env: Env, store: Store, planned: Planned, person: str | None, today: date, calendar: Calendar
) -> Planned:
    """A relative day moved off a day that already has ``[agenda] calls_per_day``
    follow-ups on ``person``'s agenda (None: the user's), when a quieter one is near."""
    from salesnotes.usecases.cadence import spread_load

    return spread_load(store, env.config(), planned, person or store.user, today, calendar)


def propose(
    env: Env, store: Store, contact_id: int, today: date, calendar: Calendar
) -> Proposal | None:
    """After a conversation with no next moment given: the next one by the contact's rhythm
    (``usecases.cadence.propose_next``), for the user, in the command's transaction."""
    from salesnotes.usecases.cadence import propose_next

    config = env.config()
    if not config.get_bool("rhythm.learn"):
        return None
    contact = store.contacts.get(contact_id)
    return propose_next(store, contact, config, today, calendar, store.user, env.now())


def next_doer(next_when: str | None, for_owner: str | None) -> str | None:
    """The colleague ``--for`` names to do the follow-up ``--next`` plans (None: the user,
    who did this one); --for goes with --next."""
    from salesnotes.errors import BadInput
    from salesnotes.team import owner

    if next_when is None and for_owner is not None:
        raise BadInput(_("--for says who does the next follow-up; give --next WHEN with it"))
    return owner(for_owner, "--for") if for_owner is not None else None


def run(env: Env, name: str, arguments: dict[str, Any]) -> int:
    """Run the command function ``name`` with ``arguments``; return the exit code.

    A ``SalesnotesError`` becomes ``Error: ...`` on stderr and its exit code; SQLite's own
    failures become exit 1 with what SQLite said; a reader that stops reading (``| head``)
    ends the command quietly with exit 1. Never a traceback for what a user did.
    """
    from salesnotes import render

    try:
        _warn_of_passwords(env, arguments)
        check_lengths(arguments)
        target(name)(env, **arguments)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader went away (salesnotes contacts | head): stop quietly. Python would flush
        # stdout once more at exit and complain, so stdout now goes nowhere.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except SalesnotesError as exc:
        render.error(exc.message, exc.details)
        return exc.exit_code
    except OSError as exc:
        # A file the command was asked to write or read (a backup, an export) that the
        # system refuses: a name too long, a full disk, no right to write there.
        where = f"{exc.filename}: " if exc.filename else ""
        render.error(f"{where}{exc.strerror or exc}")
        return 1
    except sqlite3.OperationalError as exc:
        if debugging() and not _environmental(exc):
            raise  # 'no such column' is salesnotes' own mistake, not the disk's
        render.error(_("the database could not be used: {exc}").format(exc=exc))
        return 1
    except sqlite3.IntegrityError as exc:  # as PostgreSQL's are said (store/postgres.py)
        from salesnotes.store.integrity import from_sqlite

        conflict = from_sqlite(exc)
        render.error(conflict.message)
        return conflict.exit_code
    except sqlite3.DatabaseError as exc:
        render.error(
            _("{db_path} is not a usable salesnotes database: {exc}").format(
                db_path=env.db_path, exc=exc
            )
        )
        return 1
    except Exception as exc:  # a bug: what was typed and what the book holds are met above
        if debugging():
            raise
        render.error(bug(exc))
        return 1
    finally:
        env.close()
    return 0


def debugging() -> bool:
    """SALESNOTES_DEBUG=1: a bug shows its traceback (the fuzzer runs so) instead of a line."""
    return os.environ.get("SALESNOTES_DEBUG", "") not in ("", "0")


def bug(exc: BaseException) -> str:
    """What a user is told of a bug: that it is one, what it was, and how to see where."""
    return _(
        "this is a bug in salesnotes, not something you did ({kind}: {exc}); run the command "
        "again with SALESNOTES_DEBUG=1 to see where, and please report it"
    ).format(kind=type(exc).__name__, exc=exc)


def _environmental(exc: sqlite3.OperationalError) -> bool:
    """Whether SQLite failed because of where the book is (locked, busy, full, read-only,
    unreadable), rather than because of the statement it was given."""
    text = str(exc).lower()
    words = ("lock", "busy", "disk", "full", "readonly", "read-only", "unable to open", "i/o",
             "interrupt")  # fmt: skip
    return any(word in text for word in words)


def _warn_of_passwords(env: Env, arguments: dict[str, Any]) -> None:
    """A password typed in a PostgreSQL URL on the command line shows in ``ps`` to everyone
    on the machine, and stays in the shell's history: say so (it still works)."""
    typed = [env.db or "", str(arguments.get("source") or ""), str(arguments.get("target") or "")]
    from salesnotes.team import is_url

    if not any(is_url(t) for t in typed):
        return
    from salesnotes.store.postgres import has_password

    if any(has_password(t) for t in typed):
        from salesnotes import render

        render.note(
            _(
                "Note: a password on the command line shows in 'ps' and stays in the shell's "
                "history; put it in ~/.pgpass or PGPASSWORD instead"
            )
        )
