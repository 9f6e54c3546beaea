"""Keeping the book safe: backups, the doctor, a person's data (GDPR), corrections and undo."""

from __future__ import annotations

from salesnotes.commands.table.kinds import (
    FORCE,
    FORMAT,
    OUTPUT,
    WHAT,
    WHO,
    YES,
    Command,
    arg,
    flag,
    limit,
    opt,
)
from salesnotes.models import INTERACTION_KINDS

COMMANDS = (
    Command(
        "backup",
        "safety:backup",
        """\
A consistent, checked copy of the book, made while others keep writing.

The copy is written to a private temporary file (mode 0600), checked with SQLite's
integrity check, and only then given its name. Nightly, from cron:
0 2 * * * salesnotes backup""",
        (
            arg(
                "path",
                default=None,
                show_default=False,
                help=(
                    "Where to write the copy (a file or a folder). Default: a dated copy in the "
                    "data folder's backups/, keeping the newest backup.keep (7)."
                ),
            ),
        ),
    ),
    Command(
        "backups",
        "safety:backups",
        "The dated backups and safety copies in the data folder, newest first.",
        (FORMAT,),
    ),
    Command(
        "restore",
        "safety:restore",
        """\
Replace the book with a backup: checked first, the current book kept as a safety copy.

A damaged file, another program's database or one from a newer salesnotes is refused and
the book is left as it is. An older backup is brought up to date. People erased with
'forget' since the backup was made are erased again.""",
        (
            arg("path", help="The backup to restore."),
            YES,
        ),
    ),
    Command(
        "doctor",
        "safety:doctor",
        """\
Check the book: integrity, references, search indexes, dates, rights, its folder.

Each check prints ok or PROBLEM with how to fix it; the exit code is 1 when something is
wrong. A book in a synced folder (Dropbox, OneDrive, iCloud) or on a network share is a
problem: SQLite's locking is unreliable there.""",
        (flag("repair", "--repair", help="Rebuild the search indexes first."),),
    ),
    Command(
        "export-person",
        "privacy:export_person",
        """\
Everything stored about one person, as JSON (a GDPR request for access).

The contact, their e-mail addresses, phone numbers and tags, every conversation,
follow-up and quote (with its revisions), and their organisation's row. With --member
NAME: a member of the team (their row, the coaching notes by and for them, the joint
visits they went on, what the audit trail says they did).""",
        (
            arg(
                "who",
                metavar="WHO",
                default=None,
                show_default=False,
                complete="who",
                help="Id, phone number, e-mail or part of the name.",
            ),
            opt("member", "--member", help="A member of the team instead (a salesperson)."),
            OUTPUT,
            FORCE,
        ),
    ),
    Command(
        "forget",
        "privacy:forget",
        """\
Erase one person completely (a GDPR request for erasure).

Every row about them, their words in the search indexes, and the freed bytes in the file
and its write-ahead log. Their organisation goes too when nobody else is in it. What is
kept is a salted fingerprint of their id, so that restoring an older backup or importing
an older file erases or leaves them out again.""",
        (
            WHO,
            YES,
        ),
    ),
    Command(
        "log-edit",
        "edits:log_edit",
        """\
Correct a logged conversation (also typed 'salesnotes log edit ID').

salesnotes log edit 12 --text "Gebeld over hal 3, niet hal 2\"""",
        (
            arg("interaction_id", metavar="ID", help="The conversation's id (see show)."),
            opt("text", "--text", help="The corrected text."),
            opt(
                "kind",
                "--kind",
                "-k",
                complete=INTERACTION_KINDS,
                help="call, email, meeting, visit or note.",
            ),
            opt("on", "--on", help="The day it happened: gisteren, 20-11."),
        ),
    ),
    Command(
        "delete",
        "edits:delete",
        """\
Delete a follow-up, a logged conversation or a draft quote typed by mistake.

salesnotes delete followup 12; salesnotes delete interaction 40 --yes""",
        (
            arg(
                "what",
                metavar="WHAT",
                complete=WHAT,
                help="followup, interaction or quote (a draft).",
            ),
            arg("record", metavar="ID", help="Its id."),
            YES,
        ),
    ),
    Command(
        "undo",
        "undo:undo",
        """\
Take back the last writing command; again to walk back further (the last 20).

Refused when a later command changed the same rows: undo that one first. Not undoable:
forget (it empties this history), demo and restore.""",
        (
            flag("show_list", "--list", "-l", help="List the commands undo can take back."),
            FORMAT,
        ),
    ),
    Command(
        "history",
        "audit:history",
        """\
Who did what: a contact's history, or what a colleague did, from the audit trail.

Every change of a contact, follow-up, quote or conversation is kept with who made it,
when and by which command: added, assigned, merged, archived, edited, deleted; planned,
done, moved; made, revised, won or lost; logged. Without WHO or --user: the book's last
changes. The trail is only ever added to (on a team's server: by the server itself).

Examples:

\b
salesnotes history jan
salesnotes history --user pieter --since maandag""",
        (
            WHO._replace(required=False, show_default=False),
            opt("user", "--user", "-u", help="What this salesperson did (a short name: pieter)."),
            opt("since", "--since", help="From this day on (maandag, 1-12, 2026-12-01)."),
            limit("At most this many lines, the latest (0: all).", default=50),
            FORMAT,
        ),
    ),
    Command(
        "upgrade",
        "team:upgrade",
        """\
Bring the book's schema up to date after salesnotes was upgraded (on a team's server: as
the book's owner; until then a colleague's command says the book needs it).""",
        (),
    ),
)
