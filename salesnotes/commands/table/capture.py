"""What already happened, captured: the phone's call log and the mailbox."""

from __future__ import annotations

from salesnotes.commands.table.kinds import EXPLAIN_PROPOSAL, FORMAT, Command, arg, flag, limit, opt

MAP = opt(
    "mapping",
    "--map",
    many=True,
    help="COLUMN=FIELD for a column of another name, e.g. 'Gesprek=duration' (fields: number, "
    "date, time, duration, direction, ignore). Repeatable.",
)

COMMANDS = (
    Command(
        "calls",
        "calls:calls",
        """\
The conversations from your phone's log that have no note yet.

Yesterday's and today's (on a Monday: from Friday), each with the command that adds what
was said.

Examples:

\b
salesnotes calls
salesnotes calls --since maandag --format json""",
        (
            opt("since", "--since", help="From this day on: maandag, 1-12, 'last week'."),
            flag(
                "everyone", "--everyone", help="Everyone's calls in a team's book, not only yours."
            ),
            FORMAT,
        ),
    ),
    Command(
        "calls import",
        "calls:calls_import",
        """\
Import your phone's call log: conversations, and call-backs for missed calls.

Every answered call with a contact's number (or their
organisation's) becomes a conversation at its real moment, a missed call from a customer a
call-back on the agenda. Numbers that are nobody's are counted, not kept; importing the same
or an overlapping log again adds nothing. All or nothing: a record that cannot be read is
listed with its line (--skip-bad: the rest is imported).

The Android backup of "SMS Backup & Restore" (calls-....xml), or a CSV with a date, a
number, a duration and a direction (Dutch or English column names; --map for others).

Examples:

\b
salesnotes calls import calls-20261207.xml
salesnotes calls import oproepen.csv --map "Gesprek=duration\"""",
        (
            arg("path", help="The call log: Android backup XML, or CSV."),
            flag("dry_run", "--dry-run", help="Say what it would add; write nothing."),
            flag("skip_bad", "--skip-bad", help="Import the readable calls; list the others."),
            MAP,
        ),
        collects_garbage=True,
    ),
    Command(
        "calls note",
        "calls:calls_note",
        """\
Add what was said in a call from the phone's log, and plan the next step in the same
breath.

Examples:

\b
salesnotes calls note 3 "Prijs besproken" --next vrijdag""",
        (
            arg("call_id", metavar="ID", help="The call's id ('salesnotes calls' lists them)."),
            arg("text", help="What was said."),
            opt("next_when", "--next", help="Schedule the next follow-up: 'in 2 weeks', vrijdag."),
            opt("about", "--about", help="What the next follow-up is for."),
            EXPLAIN_PROPOSAL,
        ),
    ),
    Command(
        "mail import",
        "mail:mail_import",
        """\
Log the mails with your contacts from a Maildir, an mbox file or .eml files.

Each mail from or to a contact (or their organisation's address) becomes a conversation
with each contact it was with: its subject and the first lines of its new text. A mail
naming a quote ('offerte #12', or its title) counts as contact on it; a reply that reads
as accepting one is asked on the agenda, never marked won. Newsletters, auto-replies and
bounces are left out; senders who are nobody's are not added ('salesnotes mail unknown'
lists them). Each mail once.

Examples:

\b
salesnotes mail import ~/Maildir/Klanten
salesnotes mail import archief.mbox
salesnotes mail import offerte-akkoord.eml""",
        (
            arg("path", help="A Maildir folder, an mbox file, an .eml file or a folder of them."),
            flag("dry_run", "--dry-run", help="Say what it would log; write nothing."),
        ),
        collects_garbage=True,
    ),
    Command(
        "mail sync",
        "mail:mail_sync",
        """\
Log what is new in the IMAP folders of [mail], as 'mail import' does.

[mail] names the server, user, folders and your own addresses (me). Each folder is read
from where the last sync stopped, so from cron it only reads what is new. The password
is never stored: SALESNOTES_MAIL_PASSWORD, a password_command in [mail], your ~/.netrc,
or asked for on a terminal.

Examples:

\b
salesnotes mail sync
*/30 * * * * salesnotes mail sync --quiet""",
        (
            flag("dry_run", "--dry-run", "-n", help="Say what it would log; write nothing."),
            flag("quiet", "--quiet", "-q", help="Say only what needs you (for cron)."),
        ),
        collects_garbage=True,
    ),
    Command(
        "mail unknown",
        "mail:mail_unknown",
        """\
Who wrote to you most and is nobody's in the book, with the command that adds one.

salesnotes never adds a sender by itself.

Examples:

\b
salesnotes mail unknown
salesnotes mail unknown --format json""",
        (limit("At most this many (0: all).", default=20), FORMAT),
    ),
)
