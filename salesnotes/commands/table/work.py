"""Follow-ups, conversations, the tray, search and the settings."""

from __future__ import annotations

from salesnotes.commands.table.kinds import (
    EXPLAIN_PROPOSAL,
    FOLLOWUP_ID,
    FORMAT,
    LIST_LIMIT,
    WHO,
    Command,
    arg,
    flag,
    limit,
    opt,
)
from salesnotes.models import KINDS, PRIORITIES, QUOTE_STATUSES, REASONS

NEXT_FOR = opt(
    "for_owner",
    "--for",
    help="Who is to do the next follow-up (with --next; default: you, who did this one).",
)

COMMANDS = (
    Command(
        "follow",
        "followups:follow",
        """\
Schedule a follow-up with a contact, on a day or at a time of day.

Examples:

\b
salesnotes follow jan vrijdag "Offerte nabellen" --reason quote
salesnotes follow anna "morgen 9:30" "Terugbellen" --reason callback
salesnotes follow 12 "over 2 weken"
salesnotes follow jan vrijdag "Bezoek met de salesmanager" --for pieter""",
        (
            WHO,
            arg("when", help="morgen, vrijdag, 'in 2 weeks', 1-12, 2026-12-01."),
            arg("text", default="", help="What it is about."),
            opt(
                "reason",
                "--reason",
                "-r",
                default="other",
                complete=REASONS,
                help="callback, complaint, question, quote, checkin or other.",
            ),
            opt(
                "priority",
                "--priority",
                "-P",
                default="normal",
                complete=PRIORITIES,
                help="high, normal or low.",
            ),
            opt(
                "for_owner",
                "--for",
                help="Who is to do it (a colleague's short name; default: the contact's owner).",
            ),
            opt(
                "with_owner",
                "--with",
                help="Who does it with them (a visit the manager joins): on both agendas.",
            ),
        ),
    ),
    Command(
        "followups",
        "followups:followups",
        """\
List open follow-ups by due date (--all: done ones too).

Examples:

\b
salesnotes followups --overdue
salesnotes followups --all --format plain""",
        (
            flag("overdue", "--overdue", help="Only those past their day."),
            flag("show_all", "--all", help="Done ones too."),
            LIST_LIMIT,
            FORMAT,
        ),
    ),
    Command(
        "done",
        "followups:done",
        """\
Mark a follow-up done; --note logs what came of it, --next schedules the next one.

Examples:

\b
salesnotes done 3
salesnotes done 3 --note "Gebeld, akkoord" --kind call
salesnotes done 3 --note "Geen gehoor" --next morgen""",
        (
            FOLLOWUP_ID,
            opt("note", "--note", "-n", help="What came of it; logged with the contact."),
            opt(
                "kind",
                "--kind",
                "-k",
                default="note",
                help="How the note was made: call, email, meeting, visit, note.",
            ),
            opt("next_when", "--next", help="Schedule the next follow-up: 'in 2 weeks', vrijdag."),
            opt("about", "--about", help="What the next follow-up is for."),
            NEXT_FOR,
            EXPLAIN_PROPOSAL,
        ),
    ),
    Command(
        "snooze",
        "followups:snooze",
        """\
Move a follow-up to a later day; it stays off the agenda until then.

Examples:

\b
salesnotes snooze 3 maandag
salesnotes snooze 3 "vrijdag 14:00"
salesnotes snooze 3 morgen --earlier     (sooner than planned)""",
        (
            FOLLOWUP_ID,
            arg("when", help="The new day: morgen, maandag, +3d."),
            flag("earlier", "--earlier", help="Allow a day before the one it is due on."),
        ),
    ),
    Command(
        "log",
        "log:log",
        """\
Record a conversation with a contact; --next schedules the follow-up too.

Examples:

\b
salesnotes log jan "Offerte besproken" --kind call --next vrijdag
salesnotes log anna "Wil een demo" --next "morgen 10:00" --about "Demo"
salesnotes log jan - < verslag.txt""",
        (
            WHO,
            arg(
                "text",
                default=None,
                show_default=False,
                help=(
                    "What was said or done; '-' reads it from standard input, and without it a "
                    "terminal opens $EDITOR (a pipe is read)."
                ),
            ),
            opt(
                "kind",
                "--kind",
                "-k",
                default="note",
                complete=KINDS,
                help=(
                    "call, email, meeting, visit, note or complaint (opens one); or telefoon, "
                    "mail, afspraak, bezoek, notitie, klacht."
                ),
            ),
            opt("on", "--on", help="When it happened (default today): gisteren, 'vrijdag', 20-11."),
            opt("next_when", "--next", help="Schedule the follow-up: vrijdag, 'in 2 weeks', 1-12."),
            opt("about", "--about", help="What the follow-up is for (with --next)."),
            opt(
                "reason",
                "--reason",
                default="other",
                complete=REASONS,
                help=(
                    "The follow-up's reason (with --next): callback, complaint, question, quote, "
                    "checkin or other."
                ),
            ),
            NEXT_FOR,
            EXPLAIN_PROPOSAL,
        ),
    ),
    Command(
        "quotes",
        "quotes:quotes",
        """\
The tray: open quotes, oldest first (--all: every quote; --stale: the ones going cold).

Examples:

\b
salesnotes quotes
salesnotes quotes --stale""",
        (
            flag("show_all", "--all", help="Won, lost and expired ones too."),
            flag("open_only", "--open", help="Open quotes (the default)."),
            flag("stale", "--stale", help="Only stale ones, most idle first."),
            opt("status", "--status", complete=QUOTE_STATUSES, help="Only this (shown) status."),
            opt("who", "--who", complete="who", help="Only this contact's quotes."),
            FORMAT,
        ),
    ),
    Command(
        "pipeline",
        "quotes:pipeline",
        "What is open, by status and weighted; what expires this week; how the month and year "
        "went.",
        (FORMAT,),
    ),
    Command(
        "search",
        "search:search",
        """\
Search contacts, conversations (newest first), open follow-ups and quotes.

Examples:

\b
salesnotes search "hal 3"
salesnotes search 0612345678
salesnotes search isol --format json""",
        (
            arg("text", help="Words to find (all of them)."),
            limit("At most this many of each kind.", default=20, low=1),
            FORMAT,
        ),
    ),
    Command(
        "config",
        "settings:show_config",
        """\
Show the effective settings, and whether each is a default or from the file.

The file is $SALESNOTES_CONFIG, else config.toml in the user config folder. Its keys are
the dotted names shown here, as TOML tables: [agenda.weights] callback = 400""",
        (
            flag("path", "--path", help="Print only the file's path."),
            FORMAT,
        ),
    ),
)
