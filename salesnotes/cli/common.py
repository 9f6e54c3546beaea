"""Options and helpers shared by the command modules: formats, completion, and ``runs``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])
# The most any --limit takes (a number beyond SQLite's integers would not be one; a
# million rows is more than any screen or mail).
MAX_LIMIT = 1_000_000


class Format(StrEnum):
    """Output formats of listing commands."""

    table = "table"
    plain = "plain"
    json = "json"


FORMAT_HELP = "table (for people), plain (tab-separated, for scripts and cron) or json."


FormatOption = Annotated[Format, typer.Option("--format", "-f", help=FORMAT_HELP)]


def complete_from(values: tuple[str, ...]) -> Callable[[str], list[str]]:
    """Shell completion for an option with a fixed set of values."""

    def complete(incomplete: str) -> list[str]:
        return [v for v in values if v.startswith(incomplete.lower())]

    return complete


def complete_who(ctx: typer.Context, param: Any, incomplete: str) -> list[Any]:
    """Shell completion of a WHO: the names in the book the command line names (--db, else
    $SALESNOTES_DB, else the default) that start with what was typed (case and accents
    ignored), read without writing anything.

    Each name keeps what was typed and adds the rest ('ja' -> 'jan de Vries'), so the shell's
    own prefix matching keeps it; for bash the spaces are escaped, so the completed name stays
    one word (zsh quotes by itself). This is click's ``shell_complete`` hook: typer's
    ``autocompletion`` only passes values that start with what was typed, to the letter and
    unescaped, which a name with spaces can never be in bash. (typer marks the hook for
    removal after 0.28; salesnotes pins typer below 0.29.)
    """
    import os

    from typer._click.shell_completion import CompletionItem

    from salesnotes.env import Env
    from salesnotes.store import names_for_completion
    from salesnotes.text import fold

    db = ctx.find_root().params.get("db")
    path = Env(db=os.path.expanduser(str(db)) if db else None).db_path
    bash = os.environ.get("_SALESNOTES_COMPLETE", "").endswith("bash")
    found = []
    for name, organisation in names_for_completion(path, incomplete):
        typed = len(incomplete)
        value = incomplete + name[typed:] if fold(name[:typed]) == fold(incomplete) else name
        found.append(
            CompletionItem(value.replace(" ", "\\ ") if bash else value, help=organisation)
        )
    return found


ListLimitOption = Annotated[
    int | None,
    typer.Option(
        "--limit",
        "-n",
        min=0,
        max=MAX_LIMIT,
        help="At most this many rows (0: all). Default for a table 50; plain and json list all.",
    ),
]
OutputOption = Annotated[
    str | None,
    typer.Option("--output", "-o", help="Write to this file (mode 0600), not to stdout."),
]
ForceOption = Annotated[
    bool, typer.Option("--force", help="Overwrite the --output file if it exists.")
]

WhoArgument = Annotated[
    str,
    typer.Argument(
        metavar="WHO",
        help="Id, phone number, e-mail or part of the name.",
        show_default=False,
        shell_complete=complete_who,
    ),
]


def runs(target: str) -> Callable[[F], F]:
    """The command's work is ``target`` ('salesnotes.commands.MODULE:FUNCTION').

    The decorated function only declares the command: its parameters (typer reads them from
    its signature) and its help (its docstring); its body is not run. Instead ``target`` is
    called with the Env and the parameters as keywords, through ``commands.run``, which is
    also what the fast entry path calls, so both paths run the same function the same way.
    """

    def decorate(declaration: F) -> F:
        @functools.wraps(declaration)
        def command(ctx: typer.Context, **arguments: Any) -> None:
            from salesnotes.cli.app import env
            from salesnotes.commands import run

            code = run(env(ctx), target, arguments)
            if code:
                raise typer.Exit(code)

        command.__salesnotes_target__ = target  # type: ignore[attr-defined]
        return command  # type: ignore[return-value]

    return decorate
