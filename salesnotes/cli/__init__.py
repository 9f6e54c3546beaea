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
    demo,
    duplicates,
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
    "demo",
    "duplicates",
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


def main(args: list[str] | None = None) -> None:
    """Run the typer app (the full command line: help, completion, every error message)."""
    args = sys.argv[1:] if args is None else args
    _only_the_command_asked_for(args)
    app(args=args, prog_name="salesnotes")
    sys.exit(0)
