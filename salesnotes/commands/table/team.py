"""A team's book on a server: its roles and its people."""

from __future__ import annotations

from salesnotes.commands.table.kinds import FORMAT, Command, arg, opt
from salesnotes.team import ROLES

NAME = arg("name", metavar="NAME", help="The person's short name, as they act: pieter.")

COMMANDS = (
    Command(
        "team setup",
        "team:team_setup",
        """\
Make the team's roles on the server and give them their rights on this book (once).

salesnotes_sales and salesnotes_manager read and write the book's rows and add to its
audit trail; salesnotes_read reads (and keeps its own briefing's mark). What a later
upgrade makes gets the same rights. Run by the book's owner with CREATEROLE (or by the
postgres superuser); again, it makes the rights whole and changes nothing else.""",
        (),
    ),
    Command(
        "team add",
        "team:team_add",
        """\
Add a person to the team: their login role (made without a password when the server
has none of that name) in the group of their role.

The server then knows who they are: they act as NAME only (a manager may act for a
colleague), and a salesperson changes their own accounts only. Run by the book's owner.

Examples:

\b
salesnotes team add pieter --role sales
salesnotes team add marieke --role manager --login m.devries""",
        (
            NAME,
            opt("role", "--role", "-r", choices=ROLES, default="sales", help="What they may do."),
            opt("login", "--login", help="Their login role on the server (default: NAME)."),
        ),
    ),
    Command(
        "team list",
        "team:team_list",
        "The team: each person's name, login, role and how many accounts they own.",
        (FORMAT,),
    ),
    Command(
        "team remove",
        "team:team_remove",
        """\
Take a person out of the team, once their accounts are a colleague's
(salesnotes assign --from NAME --to OTHER). Their login role stays on the server.""",
        (NAME,),
    ),
)
