"""The command line: the app, global options, and the one place errors become exit codes.

This package is the only one that imports typer. Its modules import nothing heavy at the
top: rich, sqlite-utils and the parsers load inside the commands that use them, so every
command pays only for what it needs (see the README's performance section).
"""

from __future__ import annotations

import os
import sqlite3
import sys
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from salesnotes import __version__
from salesnotes.errors import BadInput, SalesnotesError

if TYPE_CHECKING:
    from salesnotes.config import Config
    from salesnotes.store import Store

EXIT_CODES_HELP = "Exit codes: 0 ok, 1 error, 2 bad input, 3 not found, 4 ambiguous or conflict."


def default_db_path() -> Path:
    """The platform's user data folder, e.g. ~/.local/share/salesnotes/salesnotes.db."""
    from salesnotes.config import user_folder

    return user_folder("data") / "salesnotes.db"


def parse_today(value: str, source: str) -> datetime:
    """SALESNOTES_TODAY / --today: YYYY-MM-DD (noon) or YYYY-MM-DDTHH:MM, local time."""
    try:
        if "T" in value or " " in value.strip():
            moment = datetime.fromisoformat(value.strip())
        else:
            moment = datetime.combine(date.fromisoformat(value.strip()), time(12, 0))
    except ValueError:
        raise BadInput(
            f"{source}='{value}' is not a date; use YYYY-MM-DD, e.g. 2026-11-23"
        ) from None
    return moment if moment.tzinfo else moment.astimezone()


@dataclass
class Env:
    """What every command needs: where the book is, and what day it is."""

    db: Path | None = None
    pinned: datetime | None = None
    _store: Store | None = field(default=None, repr=False)
    _config: Config | None = field(default=None, repr=False)

    @property
    def db_path(self) -> Path:
        """--db, else SALESNOTES_DB, else the platform's data folder."""
        if self.db is not None:
            return self.db
        env = os.environ.get("SALESNOTES_DB")
        return Path(env).expanduser() if env else default_db_path()

    @property
    def db_is_explicit(self) -> bool:
        """True when --db or SALESNOTES_DB names the database."""
        return self.db is not None or bool(os.environ.get("SALESNOTES_DB"))

    def moment(self) -> datetime:
        """Now, as an aware local datetime: pinned by --today / SALESNOTES_TODAY, else the clock."""
        if self.pinned is not None:
            return self.pinned
        return datetime.now().astimezone()

    def today(self) -> date:
        """The local date of ``moment``."""
        return self.moment().date()

    def now(self) -> str:
        """``moment`` as a UTC ISO-8601 instant: '2026-11-22T11:00:00Z'."""
        utc = self.moment().astimezone(UTC).replace(microsecond=0, tzinfo=None)
        return utc.isoformat() + "Z"

    def config(self) -> Config:
        """The effective configuration (read once, on first use)."""
        if self._config is None:
            from salesnotes import config

            self._config = config.load()
        return self._config

    def store(self) -> Store:
        """The open store (opened, created and migrated on first use)."""
        if self._store is None:
            from salesnotes.store import Store

            self._store = Store.open(self.db_path)
        return self._store

    def close(self) -> None:
        """Close the store if one was opened."""
        if self._store is not None:
            self._store.close()
            self._store = None


def env(ctx: typer.Context) -> Env:
    """The Env of this invocation (set up by the app's callback)."""
    obj = ctx.find_root().obj
    if not isinstance(obj, Env):
        obj = Env()
        ctx.find_root().obj = obj
    return obj


class SalesnotesGroup(TyperGroup):
    """Turns domain errors into ``Error: ...`` on stderr and their exit code, never a traceback."""

    def invoke(self, ctx: Any) -> Any:
        """Run the command; map SalesnotesError and SQLite failures to exit codes."""
        from salesnotes import render

        try:
            return super().invoke(ctx)
        except SalesnotesError as exc:
            render.error(exc.message, exc.details)
            ctx.exit(exc.exit_code)
        except sqlite3.OperationalError as exc:
            render.error(f"the database could not be used: {exc}")
            ctx.exit(1)
        except sqlite3.DatabaseError as exc:
            render.error(f"{env(ctx).db_path} is not a usable salesnotes database: {exc}")
            ctx.exit(1)
        finally:
            env(ctx).close()


app = typer.Typer(
    name="salesnotes",
    cls=SalesnotesGroup,
    help=(
        "Record a conversation in one command; every morning, a ranked list of who to call "
        f"and why. {EXIT_CODES_HELP}"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"salesnotes {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="The database file. Default: $SALESNOTES_DB, else the user data folder.",
            show_default=False,
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="Pretend today is this date (YYYY-MM-DD); also $SALESNOTES_TODAY.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Global options."""
    pinned = None
    if today is not None:
        pinned = parse_today(today, "--today")
    elif os.environ.get("SALESNOTES_TODAY"):
        pinned = parse_today(os.environ["SALESNOTES_TODAY"], "SALESNOTES_TODAY")
    ctx.obj = Env(db=db.expanduser() if db else None, pinned=pinned)


# Registering commands: these modules import only typer and the standard library at the top.
from salesnotes.cli import agenda as _agenda  # noqa: E402
from salesnotes.cli import brief as _brief  # noqa: E402
from salesnotes.cli import complaints as _complaints  # noqa: E402
from salesnotes.cli import contacts as _contacts  # noqa: E402
from salesnotes.cli import data as _data  # noqa: E402
from salesnotes.cli import demo as _demo  # noqa: E402
from salesnotes.cli import followups as _followups  # noqa: E402
from salesnotes.cli import log as _log  # noqa: E402
from salesnotes.cli import quotes as _quotes  # noqa: E402
from salesnotes.cli import search as _search  # noqa: E402
from salesnotes.cli import settings as _settings  # noqa: E402

__all__ = [
    "_agenda",
    "_brief",
    "_complaints",
    "_contacts",
    "_data",
    "_demo",
    "_followups",
    "_log",
    "_quotes",
    "_search",
    "_settings",
    "app",
    "main",
]


def _only_the_command_asked_for(args: list[str]) -> None:
    """Keep only the command being run registered, when it is clear which one it is.

    typer turns every registered command's signature into a click command before running
    any of them (about 45 ms for all of ours); one costs about 2 ms. For help, completion,
    or anything unclear, everything stays registered.
    """
    if os.environ.get("_SALESNOTES_COMPLETE") or any(a in ("-h", "--help") for a in args):
        return
    rest = list(args)
    while rest and rest[0].startswith("-"):
        option = rest.pop(0)
        if option in ("--db", "--today") and rest:
            rest.pop(0)
    if not rest:
        return
    name = rest[0]
    commands = [c for c in app.registered_commands if _command_name(c) == name]
    groups = [g for g in app.registered_groups if g.name == name]
    if len(commands) + len(groups) == 1:
        app.registered_commands = commands
        app.registered_groups = groups


def _command_name(info: Any) -> str:
    name = info.name or info.callback.__name__.replace("_", "-")
    return str(name)


def main() -> None:
    """Entry point of the ``salesnotes`` command."""
    _only_the_command_asked_for(sys.argv[1:])
    app(prog_name="salesnotes")
    sys.exit(0)
