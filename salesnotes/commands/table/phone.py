"""The phone as the client: its own contacts, calendar and tasks, through the user's
CardDAV/CalDAV server."""

from __future__ import annotations

from salesnotes.commands.table.kinds import TEXT_OR_JSON, Command, arg, flag, opt

COMMANDS = (
    Command(
        "sync",
        "sync:sync",
        """\
Sync the book with your phone's own contacts and tasks, both ways, through the server
'salesnotes sync setup' chose: your contacts (with what to know when they call: an open
complaint, an open quote, a call-back past its day) and your open follow-ups go to the
phone; a task ticked off there is done here, a task moved is moved, a card edited changes
the contact, a new card or a task titled 'Name: what' is added. A delete on the phone never
deletes here: 'salesnotes sync status' lists it. Undo takes back what a sync changed here.

Examples:

\b
salesnotes sync
salesnotes sync --dry-run
*/15 * * * * salesnotes sync --quiet""",
        (
            flag("dry_run", "--dry-run", "-n", help="Say what would go where; change nothing."),
            flag("quiet", "--quiet", "-q", help="Say only what needs you (for cron)."),
            flag(
                "put_back",
                "--put-back",
                help="Put what was deleted on the phone back there.",
            ),
        ),
    ),
    Command(
        "sync status",
        "sync:sync_status",
        """\
When the last sync ran, what it did, and what waits for you: what was deleted on the phone
(kept here), what both sides changed, tasks that name no contact.

Examples:

\b
salesnotes sync status
salesnotes sync status --format json""",
        (TEXT_OR_JSON,),
    ),
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
