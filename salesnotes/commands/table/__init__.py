"""The table of commands: every command's name, the function that does its work, its help
and each of its parameters (name, kind, default, choices, range, help), declared once, as data.

Both ways into salesnotes read this table: ``salesnotes.entry`` parses the everyday command
lines from it without building anything (a command line it does not fully accept goes on to
the full parser), and ``salesnotes.cli`` builds the typer app from it (help, completion and
every usage error). Nothing here imports typer: importing this module costs the fast path
next to nothing.

A command's work is ``runs``: 'MODULE:FUNCTION' in ``salesnotes.commands``, called by
``commands.run`` with the Env and the parameters as keywords (``Param.name``). Help texts are
English; the Dutch catalogue holds their translations (``python -m salesnotes.cli.catalogue``).
A new command is one ``Command`` in the module of what it is about (``day``, ``people``,
``books``, ``safety``, ``work``, ``quotes``; ``kinds`` holds what they are made of and the
parameters many share) and its function in ``salesnotes/commands/``.
"""

from __future__ import annotations

from salesnotes.commands.table import (
    books,
    capture,
    day,
    people,
    phone,
    quotes,
    safety,
    team,
    visits,
    work,
)
from salesnotes.commands.table.kinds import GROUPS, MAX_LIMIT, ROOT, Command, Param

__all__ = ["BY_NAME", "COMMANDS", "GROUPS", "MAX_LIMIT", "ROOT", "Command", "Param"]

COMMANDS = (
    *day.COMMANDS,
    *people.COMMANDS,
    *books.COMMANDS,
    *safety.COMMANDS,
    *work.COMMANDS,
    *visits.COMMANDS,
    *quotes.COMMANDS,
    *team.COMMANDS,
    *phone.COMMANDS,
    *capture.COMMANDS,
)
"""Every command, in the order help lists them."""

BY_NAME = {command.name: command for command in COMMANDS}
"""Each command by its name ('quote add' for one of a group's)."""
