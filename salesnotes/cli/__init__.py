"""The full command line: help, completion and every usage error, by typer.

This package is the only one that imports typer (ruff's banned-api enforces it). ``app.py``
builds the typer app from the table of commands (``salesnotes.commands.table``); ``main``
runs it. The everyday command lines do not come here at all: ``salesnotes.entry`` runs them
from the same table without building anything.
"""

from __future__ import annotations

import os
import sys
from typing import Any

from salesnotes.commands.table import BY_NAME, COMMANDS, GROUPS

__all__ = ["build", "main", "values_not_options"]

_built: dict[str | None, Any] = {}


def build(only: str | None = None) -> Any:
    """The click group of the whole app, or of only the command ``only`` (built once)."""
    if only not in _built:
        from salesnotes.cli.app import build as make

        _built[only] = make(only)
    return _built[only]


def _command_asked_for(args: list[str]) -> str | None:
    """The command (or group) the command line runs, when it is clear which one it is and
    nothing needs the others (help lists them all; completion of a command's name too)."""
    if os.environ.get("_SALESNOTES_COMPLETE"):
        args = _completed_words()  # a WHO after 'show' needs 'show' only
    if any(a in ("-h", "--help") for a in args):
        return None
    rest = _after_global_options(args)
    if not rest:
        return None
    name = rest[0]
    known = {command.name.split(" ")[0] for command in COMMANDS}
    return name if name in known else None


def _after_global_options(args: list[str]) -> list[str]:
    from salesnotes.entry import command_position

    return args[command_position(args) :]


def _completed_words() -> list[str]:
    """The words before the one being completed (click's bash, zsh and fish completion
    pass COMP_WORDS and COMP_CWORD); none when that is the command's name itself."""
    import shlex

    try:
        words = shlex.split(os.environ.get("COMP_WORDS", ""))
        current = int(os.environ.get("COMP_CWORD", "0"))
    except ValueError:
        return []
    return words[1:current]


def values_not_options(args: list[str]) -> list[str]:
    """The command line with every word that starts with '-' but names none of the command's
    options ('-500', '-3d', '-jan') read as the value it is: its options first, then '--',
    then its arguments in their order. Unchanged when there is no such word."""
    if not any(len(a) > 1 and a[0] == "-" and a[1] != "-" for a in args):
        return args
    rest = _after_global_options(args)
    position = len(args) - len(rest)
    if not rest:
        return args
    name = rest[0]
    if name in GROUPS:
        if len(rest) < 2:
            return args
        name, position = f"{name} {rest[1]}", position + 1
    command = BY_NAME.get(name)
    if command is None:
        return args
    position += 1
    takes_value = {"-h": False, "--help": False}
    for param in command.params:
        for decl in param.decls:
            takes_value[decl] = param.kind != "flag"
    words = args[position:]
    options: list[str] = []
    values: list[str] = []
    index, moved = 0, False
    while index < len(words):
        word = words[index]
        index += 1
        if word == "--":
            values += words[index:]
            break
        name = word.split("=", 1)[0] if word.startswith("--") else word[:2]
        if (
            word.startswith("-")
            and len(word) > 1
            and (word.startswith("--") or name in takes_value)
        ):
            options.append(word)
            bare = name == word
            if takes_value.get(name) and bare and index < len(words):
                options.append(words[index])
                index += 1
            continue
        if word.startswith("-") and len(word) > 1:
            moved = True
        values.append(word)
    return [*args[:position], *options, "--", *values] if moved else args


def main(args: list[str] | None = None) -> None:
    """Run the command line with typer (help, completion, every error message); exit with
    its code."""
    from salesnotes import env as environment
    from salesnotes.entry import spelled_out
    from salesnotes.i18n import speak

    args = spelled_out(sys.argv[1:] if args is None else list(args))
    speak(None)  # each invocation chooses its language (settings, locale)
    environment.COMMAND_LINE[:] = args
    group = build(_command_asked_for(args))
    if os.environ.get("_SALESNOTES_COMPLETE"):
        _speak_completion(group)
    else:
        args = values_not_options(args)
    sys.exit(_run(group, args))


def _run(group: Any, args: list[str]) -> int:
    """Run the click group; the usage errors click raises written in the language spoken."""
    import typer

    try:
        code = group.main(args=args, prog_name="salesnotes", standalone_mode=False)
    except typer.Abort:
        from salesnotes.i18n import _

        sys.stderr.write(_("Aborted!") + "\n")
        return 1
    except Exception as exc:
        if not (hasattr(exc, "show") and hasattr(exc, "exit_code")):
            raise  # not click's: a bug, or SystemExit's kin
        _show(exc)
        return int(exc.exit_code)
    return code if isinstance(code, int) else 0


def _show(error: Any) -> None:
    """A usage error as click writes it ('Usage: ...', 'Try ... for help.', 'Error: ...'),
    in the language spoken, its error line one readable line whatever value it echoes."""
    import io

    from salesnotes.cli.app import click_words
    from salesnotes.text import readable

    written = io.StringIO()
    error.show(file=written)
    lines = written.getvalue().split("\n")
    lines = [readable(line) if line.startswith("Error: ") else line for line in lines]
    sys.stderr.write(click_words("\n".join(lines)))


def _speak_completion(group: Any) -> None:
    """The descriptions shell completion shows (each command's first sentence, each option's
    help), in the language spoken."""
    from salesnotes.cli.app import first_sentence
    from salesnotes.i18n import _, language

    if language() == "en":
        return

    def walk(command: Any) -> None:
        if command.help:
            command.short_help = first_sentence(_(command.help))
        for param in command.params:
            if getattr(param, "help", None):
                param.help = _(param.help)
        for sub in getattr(command, "commands", {}).values():
            walk(sub)

    walk(group)
