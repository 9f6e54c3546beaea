"""The phone as the client: its own contacts, calendar and tasks, through the user's
CardDAV/CalDAV server."""

from __future__ import annotations

from salesnotes.commands.table.kinds import Command, arg, opt

COMMANDS = (
    Command(
        "sync setup",
        "sync:sync_setup",
        """\
Find your address books, calendars and task lists on your CardDAV/CalDAV server (the
phone's), take the ones named (default: Verkoop) or make them, and write [sync] into the
configuration. The password is never written: SALESNOTES_SYNC_PASSWORD, a password_command
in [sync], your ~/.netrc, or asked for on a terminal.

Examples:

\b
salesnotes sync setup https://cloud.example.nl/remote.php/dav --user anouk
salesnotes sync setup https://dav.example.nl --user anouk --tasks Bellen""",
        (
            arg("url", metavar="URL", help="The server's address (https://...)."),
            opt("user", "--user", "-u", required=True, help="Your user name on the server."),
            opt("addressbook", "--addressbook", help="The address book's name (default: Verkoop)."),
            opt("tasks", "--tasks", help="The task list's name (default: Verkoop)."),
            opt("calendar", "--calendar", help="The calendar's name (default: Verkoop)."),
            opt("ca_file", "--ca-file", help="A company's own CA certificate (PEM)."),
        ),
    ),
)
