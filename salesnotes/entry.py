"""The ``salesnotes`` command: a fast path for everyday command lines, typer for the rest.

Building the typer app costs a command ~40 ms before it does any work. The command lines a
salesperson types between two calls (``agenda``, ``log``, ``show``, ``follow``, ``done``,
``quote send``, ...) are parsed here from the table of commands (``salesnotes.commands.table``),
the same table typer's app is built from, and run through the same ``commands.run``. A command
line this path does not fully accept (help, completion, a value it cannot read, an unknown
option) goes to typer unchanged, so help and every error message are typer's own.

Garbage collection: a short command allocates little and exits in milliseconds, so it runs
with the collector off, and everything alive is frozen before the interpreter exits (its
final collection then skips the lot: ~20 ms of shutdown here). The commands whose table
entry says ``collects_garbage`` (``import``, ``export``, ``demo``, ``copy-book``) collect as
usual.
"""

from __future__ import annotations

import gc
import os
import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from salesnotes.commands.table import Command, Param

GLOBAL_OPTIONS = ("--db", "--today")
"""The options before the command (the table's ``ROOT``)."""


ALIASES = {
    ("log", "edit"): "log-edit",
    ("visit", "prep"): "visit-prep",
    ("visit", "done"): "visit-done",
}
"""Two words that name one command: 'log edit 12' is 'log-edit 12'."""


def command_position(args: list[str]) -> int:
    """Where the command's name is: after the global options (``--db FILE``, ``--today``)."""
    position = 0
    while position < len(args) and args[position].startswith("-"):
        position += 2 if args[position] in GLOBAL_OPTIONS else 1
    return position


def spelled_out(args: list[str]) -> list[str]:
    """The command line with a two-word command (``ALIASES``) as its one-word name."""
    position = command_position(args)
    name = ALIASES.get(tuple(args[position : position + 2]))  # type: ignore[arg-type]
    return [*args[:position], name, *args[position + 2 :]] if name else args


def parse(args: list[str]) -> tuple[dict[str, str], Command, dict[str, Any]] | None:
    """(global options, the command, keyword arguments) for a command line the fast path
    fully accepts, else None."""
    from salesnotes.commands.table import BY_NAME, GROUPS

    options: dict[str, str] = {}
    position = 0
    while position < len(args) and args[position].startswith("-"):
        name, _, value = args[position].partition("=")
        if name not in GLOBAL_OPTIONS or name in options:
            return None
        if not _:
            position += 1
            if position >= len(args) or args[position].startswith("-"):
                return None
            value = args[position]
        options[name] = value
        position += 1
    if position >= len(args):
        return None
    name = args[position]
    if name in GROUPS and position + 1 < len(args) and not args[position + 1].startswith("-"):
        position += 1
        name = f"{name} {args[position]}"  # a group's command ('sync status'), else the
        # group's own ('sync --quiet')
    command = BY_NAME.get(name)
    if command is None:
        return None
    arguments = _arguments(command.params, args[position + 1 :])
    return None if arguments is None else (options, command, arguments)


def _arguments(params: tuple[Param, ...], words: list[str]) -> dict[str, Any] | None:
    """The keyword arguments for these words, as typer would pass them, or None."""
    by_opt = {decl: p for p in params for decl in p.decls}
    positional = [p for p in params if p.is_argument]
    given: dict[str, Any] = {}
    values: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        index += 1
        if word == "--":
            return None
        if word == "-" or not word.startswith("-"):
            values.append(word)
            continue
        name, equals, value = word.partition("=")
        if not name.startswith("--") and (equals or len(name) != 2):
            return None  # -n5, -fn, -n=5, -500: typer reads (or refuses) those
        spec = by_opt.get(name)
        if spec is None:
            return None
        if spec.kind == "flag":
            if equals or spec.name in given:
                return None
            given[spec.name] = True
            continue
        if not equals:
            if index >= len(words) or words[index].startswith("-") and words[index] != "-":
                return None
            value = words[index]
            index += 1
        read = _read(spec, value)
        if read is None:
            return None
        if spec.many:
            given.setdefault(spec.name, []).append(read[0])
        elif spec.name in given:
            return None
        else:
            given[spec.name] = read[0]
    if len(values) > len(positional):
        return None
    for spec, value in zip(positional, values, strict=False):
        read = _read(spec, value)
        if read is None:
            return None
        given[spec.name] = read[0]
    arguments = {}
    for spec in params:
        if spec.name in given:
            arguments[spec.name] = given[spec.name]
        elif spec.required:
            return None
        else:
            arguments[spec.name] = spec.default
    return arguments


def _read(spec: Param, value: str) -> tuple[Any] | None:
    """(the value as typer passes it,) or None when typer should read it (and say why not)."""
    if spec.kind == "text":
        return (value,)
    if spec.kind == "choice":
        return (value,) if value in spec.choices else None
    if spec.kind == "int":
        try:
            number = int(value)
        except ValueError:
            return None
        low, high = spec.low, spec.high
        if (low is not None and number < low) or (high is not None and number > high):
            return None
        return (number,)
    return None


def main() -> None:
    """Entry point of the ``salesnotes`` command."""
    args = spelled_out(sys.argv[1:])
    code = _unusable_terminal(args)
    from salesnotes import env

    env.COMMAND_LINE[:] = args
    if code:
        sys.exit(code)
    parsed = None if os.environ.get("_SALESNOTES_COMPLETE") else parse(args)
    if parsed is None:
        try:
            from salesnotes.cli import main as full

            full(args)
        finally:
            gc.freeze()
        return
    options, command, arguments = parsed
    if not command.collects_garbage:
        gc.disable()
    code = _run(options, command.runs, arguments)
    sys.stdout.flush()
    gc.freeze()
    sys.exit(code)


def _unusable_terminal(args: list[str]) -> int:
    """2 when an argument is not UTF-8 text (a terminal set to Latin-1 sends 'é' as one byte,
    which Python keeps as a lone surrogate that no file or database can hold), else 0. An
    output that cannot show a character (PYTHONIOENCODING=latin-1 and '€') shows '?'."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", None) or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    for arg in args:
        try:
            arg.encode("utf-8")
        except UnicodeEncodeError:
            shown = arg.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
            sys.stderr.write(
                f"Error: the argument '{shown}' is not UTF-8 text; set the terminal to UTF-8"
                " (e.g. LANG=nl_NL.UTF-8) and type it again\n"
            )
            return 2
    return 0


def _run(options: dict[str, str], target: str, arguments: dict[str, Any]) -> int:
    from salesnotes import commands
    from salesnotes.env import Env
    from salesnotes.errors import SalesnotesError

    try:
        env = Env.from_options(options.get("--db"), options.get("--today"))
    except SalesnotesError as exc:
        from salesnotes import render

        render.error(exc.message, exc.details)
        return exc.exit_code
    return commands.run(env, target, arguments)
