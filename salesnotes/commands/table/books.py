"""The book in and out: import, copying, export; days off; the demo; duplicates and merging."""

from __future__ import annotations

from salesnotes.commands.table.kinds import (
    FORCE,
    FORMAT,
    OUTPUT,
    Command,
    arg,
    flag,
    limit,
    opt,
)
from salesnotes.models import STATUSES

COMMANDS = (
    Command(
        "import",
        "data:import_file",
        """\
Import contacts from a vCard or CSV file, or a whole book: all or nothing.

A contact already in the book (same UUID, e-mail address or phone number, or the same
name in the same organisation) is updated rather than added again. A record that cannot
be read stops the import with its line and why, and nothing is written (--skip-bad: the
rest is imported). The summary says what was left out and what went into the note.""",
        (
            arg(
                "path", help="A vCard (.vcf), CSV (Excel, Outlook, Google) or salesnotes JSON file."
            ),
            flag(
                "dry_run",
                "--dry-run",
                help="Say what would be new, updated or skipped; write nothing.",
            ),
            flag("skip_bad", "--skip-bad", help="Import the readable records; list the others."),
            opt(
                "mapping",
                "--map",
                many=True,
                help=(
                    "COLUMN=FIELD for a CSV column of another name, e.g. 'Klantnaam=name' (fields:"
                    " name, first, last, organisation, job_title, email, phone, city, tags, "
                    "status, note, birthday, ignore). Repeatable."
                ),
            ),
        ),
        collects_garbage=True,
    ),
    Command(
        "copy-book",
        "data:copy_book",
        """\
Copy a whole book into an empty one, between SQLite files and PostgreSQL, all or
nothing; prints the rows of each table before and after.

Examples:

\b
salesnotes copy-book ~/salesnotes.db postgresql://sales@db.example/salesnotes
salesnotes copy-book postgresql://sales@db.example/salesnotes kopie.db""",
        (
            arg("source", help="The book to copy: a file, or postgresql://..."),
            arg("target", help="An empty book to copy it into: a file, or postgresql://..."),
        ),
        collects_garbage=True,
    ),
    Command(
        "export",
        "data:export",
        """\
Export contacts as vCard or CSV, open follow-ups as iCalendar, or the whole book as JSON.

vCards carry each contact's UUID, so an address book that imports them again updates
its cards; the calendar's tasks (or --events) carry the follow-up's. The JSON holds
everything: 'salesnotes import' of it into an empty book gives the same book.""",
        (
            opt(
                "fmt",
                "--format",
                "-f",
                choices=("vcard", "ics", "csv", "json"),
                default="vcard",
                help="vcard (contacts), ics (open follow-ups), csv, or json (the whole book).",
            ),
            OUTPUT,
            FORCE,
            opt(
                "vcard_version",
                "--vcard-version",
                choices=("3", "4"),
                default="3",
                help="3 (what every address book reads) or 4.",
            ),
            flag("events", "--events", help="ics: all-day events, for calendars that hide tasks."),
            flag("excel", "--excel", help="csv: for Excel: UTF-8 with BOM, ';', decimal comma."),
            opt(
                "what",
                "--what",
                choices=("contacts", "followups", "quotes", "interactions"),
                default="contacts",
                help="csv: contacts, followups, quotes or interactions.",
            ),
            opt("tag", "--tag", "-t", help="Only contacts with this tag."),
            opt(
                "status", "--status", "-s", complete=STATUSES, help="Only contacts of this status."
            ),
            opt("org", "--org", help="Only contacts of this organisation."),
            flag(
                "team",
                "--team",
                help="vcard, ics: in a team's book everyone's, not only your own.",
            ),
        ),
        collects_garbage=True,
    ),
    Command(
        "off",
        "days_off:off",
        """\
Your own days off: nothing relative lands in them, overdue counts skip them, and
the first working day after them says what piled up. Without days: the list.

Examples:

\b
salesnotes off 2026-12-24..2027-01-03 --note Kerstvakantie
salesnotes off
salesnotes off --remove 1""",
        (
            arg(
                "period",
                default=None,
                show_default=False,
                help="The days: 2026-12-24..2027-01-03, '24-12 t/m 3-1', or one day.",
            ),
            opt("note", "--note", "-n", default="", help="What for: 'Kerstvakantie'."),
            opt("remove", "--remove", kind="int", low=1, help="Remove days off by their id."),
            FORMAT,
        ),
    ),
    Command(
        "demo",
        "demo:demo",
        """\
Write a demo sales book and print its agenda.

With --db or SALESNOTES_DB it fills that database (which must be empty); otherwise it
creates a new temporary database and prints its path. Your real book is never touched.
--size N generates N contacts with years of history (deterministic for a seed).""",
        (
            opt(
                "size",
                "--size",
                kind="int",
                low=1,
                high=5000000,
                help="Generate a realistic book of this many contacts instead (for benchmarks).",
            ),
            opt(
                "seed",
                "--seed",
                kind="int",
                low=0,
                high=9223372036854775807,
                default=2026,
                help="With --size: the random seed.",
            ),
        ),
        collects_garbage=True,
    ),
    Command(
        "duplicates",
        "duplicates:duplicates",
        """\
Contacts that are probably one person, most certain first, each with why.

Certain: the same e-mail address or mobile number. Likely: very similar names (an
initial for a first name, one letter apart, tussenvoegsels ignored) in the same
organisation, or where one has none. Each pair shows the merge that makes it one.""",
        (
            limit("At most this many pairs (0: all).", default=50),
            FORMAT,
        ),
        collects_garbage=True,
    ),
    Command(
        "merge",
        "duplicates:merge",
        """\
Make two contacts one: everything of FROM moves to INTO, in one go.

Conversations, follow-ups, quotes with their history, e-mail addresses, phone numbers
and tags move; INTO keeps its own organisation, status, rhythm, birthday and customer
date and takes FROM's where it has none; where both differ, FROM's goes into INTO's
note. FROM is archived, and its id and name find INTO from then on.""",
        (
            arg(
                "source",
                metavar="FROM",
                complete="who",
                help="The duplicate: id, phone, e-mail or name.",
            ),
            arg("into", metavar="INTO", complete="who", help="The contact to keep."),
            flag("dry_run", "--dry-run", help="Say what would move; write nothing."),
        ),
    ),
)
