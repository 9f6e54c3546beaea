"""Options and helpers shared by the command modules: formats, completion, and ``runs``."""

from __future__ import annotations

import functools
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated, Any, TypeVar

import typer

F = TypeVar("F", bound=Callable[..., Any])


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
