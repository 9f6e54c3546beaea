"""The command line: typer's definition of every command, option and help text.

This package is the only one that imports typer (ruff's banned-api enforces it). ``app.py``
holds the app and its global options; each other module declares the commands of one noun
and names, with ``@runs``, the function in ``salesnotes.commands`` that does the work. Their
modules import nothing heavy at the top. The everyday command lines do not come here at all:
``salesnotes.entry`` runs them from a manifest of this definition (``manifest.py``).
"""

from __future__ import annotations

import os
import sys
from typing import Any

from salesnotes.cli import (
    agenda,
    brief,
    complaints,
    contacts,
    data,
    days_off,
    demo,
    duplicates,
    edits,
    followups,
    log,
    quotes,
    safety,
    search,
    settings,
)
from salesnotes.cli.app import app, env

__all__ = [
    "agenda",
    "app",
    "brief",
    "complaints",
    "contacts",
    "data",
    "days_off",
    "demo",
    "duplicates",
    "edits",
    "env",
    "followups",
    "log",
    "main",
    "quotes",
    "safety",
    "search",
    "settings",
]


def _only_the_command_asked_for(args: list[str]) -> None:
    """Keep only the command being run registered, when it is clear which one it is.

    typer turns every registered command's signature into a click command before running
    any of them (about 45 ms for all of ours); one costs about 2 ms. For help, completion,
    or anything unclear, everything stays registered.
    """
    if os.environ.get("_SALESNOTES_COMPLETE"):
        args = _completed_words()  # a WHO after 'show' needs 'show' only
    if any(a in ("-h", "--help") for a in args):
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


def _command_name(info: Any) -> str:
    name = info.name or info.callback.__name__.replace("_", "-")
    return str(name)


def values_not_options(group: Any, args: list[str]) -> list[str]:
    """The command line with every word that starts with '-' but names none of the command's
    options ('-500', '-3d', '-jan') read as the value it is: its options first, then '--',
    then its arguments in their order. Unchanged when there is no such word."""
    if not any(len(a) > 1 and a[0] == "-" and a[1] != "-" for a in args):
        return args
    position = 0
    while position < len(args) and args[position].startswith("-"):
        name = args[position]
        position += 2 if name in ("--db", "--today") else 1
    # typer carries its own click: groups and options are told apart by what they have.
    command: Any = group
    while hasattr(command, "commands") and position < len(args):
        found = command.commands.get(args[position])
        if found is None:
            return args
        command, position = found, position + 1
    if hasattr(command, "commands"):
        return args
    takes_value = {"-h": False, "--help": False}
    for param in command.params:
        if param.param_type_name == "option":
            for opt in (*param.opts, *param.secondary_opts):
                takes_value[opt] = not (param.is_flag or param.count)
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
    """Run the typer app (the full command line: help, completion, every error message)."""
    from salesnotes.entry import spelled_out

    args = sys.argv[1:] if args is None else args
    _only_the_command_asked_for(spelled_out(args))
    app(args=args, prog_name="salesnotes")
    sys.exit(0)
