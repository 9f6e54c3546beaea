"""The command line: the app, global options, and the one place errors become exit codes.

This package is the only one that imports typer. Its modules import nothing heavy at the
top: rich, sqlite-utils and the parsers load inside the commands that use them, so every
command pays only for what it needs (see the README's performance section).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import Annotated, Any

import typer
from typer.core import TyperGroup

from salesnotes import __version__
from salesnotes.env import Env
from salesnotes.errors import SalesnotesError

EXIT_CODES_HELP = "Exit codes: 0 ok, 1 error, 2 bad input, 3 not found, 4 ambiguous or conflict."


def env(ctx: typer.Context) -> Env:
    """The Env of this invocation (set up by the app's callback)."""
    obj = ctx.find_root().obj
    if not isinstance(obj, Env):
        obj = Env()
        ctx.find_root().obj = obj
    return obj


class SalesnotesGroup(TyperGroup):
    """Turns a failure before a command runs (a bad --today) into ``Error: ...`` on stderr and
    its exit code, never a traceback. Inside a command, ``commands.run`` does the same."""

    def invoke(self, ctx: Any) -> Any:
        """Run the command; map SalesnotesError to its exit code."""
        from salesnotes import render

        try:
            return super().invoke(ctx)
        except SalesnotesError as exc:
            render.error(exc.message, exc.details)
            ctx.exit(exc.exit_code)
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
    ctx.obj = Env.from_options(db, today)


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


def main(args: list[str] | None = None) -> None:
    """Run the typer app (the full command line: help, completion, every error message)."""
    args = sys.argv[1:] if args is None else args
    _only_the_command_asked_for(args)
    app(args=args, prog_name="salesnotes")
    sys.exit(0)
