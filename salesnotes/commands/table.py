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
A new command is one ``Command`` here and its function in ``salesnotes/commands/``.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from salesnotes.models import (
    INTERACTION_KINDS,
    KINDS,
    PRIORITIES,
    QUOTE_STATUSES,
    REASONS,
    STATUSES,
)

MAX_LIMIT = 1_000_000
"""The most any --limit takes (a number beyond SQLite's integers would not be one; a million
rows is more than any screen or mail)."""

WHAT = ("followup", "interaction", "quote")
"""What ``delete`` deletes."""


class Param(NamedTuple):
    """One parameter of a command: an argument (no ``decls``) or an option.

    ``kind``: 'text', 'int' (``low``..``high``), 'choice' (one of ``choices``, exactly as
    written) or 'flag' (an option without a value: True when given).
    ``many``: an option given more than once gives a list. ``complete``: what the shell offers
    for it: 'who' (the names in the book), 'lost_reasons' (the book's own, then the common
    ones) or a tuple of words. ``metavar``: how help writes its value (default: its name in
    capitals for an argument, TEXT or N for an option's value).
    """

    name: str
    decls: tuple[str, ...] = ()
    kind: str = "text"
    default: Any = None
    required: bool = False
    help: str = ""
    metavar: str | None = None
    choices: tuple[str, ...] = ()
    low: int | None = None
    high: int | None = None
    many: bool = False
    complete: str | tuple[str, ...] | None = None
    show_default: bool = True

    @property
    def is_argument(self) -> bool:
        """An argument (a word in its place), not an option."""
        return not self.decls


class Command(NamedTuple):
    """One command: ``name`` ('agenda', or 'quote add' for one of a group's), the function that
    does its work (``runs``), its help (the first sentence is its line in the command list),
    and its parameters in the order help lists them. ``collects_garbage``: the command may run
    long and allocate much (``import``, ``export``, ``demo``, ``copy-book``), so Python's
    garbage collector stays on; the others run with it off (they end in milliseconds)."""

    name: str
    runs: str
    help: str
    params: tuple[Param, ...] = ()
    collects_garbage: bool = False


_REQUIRED: Any = object()


def arg(name: str, *, default: Any = _REQUIRED, **facts: Any) -> Param:
    """An argument; required unless it has a default."""
    if default is _REQUIRED:
        return Param(name, required=True, **facts)
    return Param(name, default=default, **facts)


def opt(name: str, *decls: str, **facts: Any) -> Param:
    """An option that takes a value (one of ``choices`` when it has them)."""
    if "choices" in facts:
        facts.setdefault("kind", "choice")
    return Param(name, decls, **facts)


def flag(name: str, *decls: str, **facts: Any) -> Param:
    """An option without a value: False, or True when given."""
    return Param(name, decls, kind="flag", default=False, **facts)


GROUPS = {"quote": "Add and move quotes: add, send, revise, won, lost, expire, renew, edit, show."}
"""Groups of commands ('quote add', 'quote send', ...) and their help."""

WHO = arg(
    "who", metavar="WHO", complete="who", help="Id, phone number, e-mail or part of the name."
)
FORMAT = opt(
    "fmt",
    "--format",
    "-f",
    choices=("table", "plain", "json"),
    default="table",
    help="table (for people), plain (tab-separated, for scripts and cron) or json.",
)
LIST_LIMIT = opt(
    "limit",
    "--limit",
    "-n",
    kind="int",
    low=0,
    high=MAX_LIMIT,
    help="At most this many rows (0: all). Default for a table 50; plain and json list all.",
)
QUOTE_ID = arg("quote_id", metavar="ID", help="The quote's id.")
FOLLOWUP_ID = arg("followup_id", metavar="ID", help="The follow-up's id.")
YES = flag("yes", "--yes", "-y", help="Do it without asking (needed without a terminal).")
OUTPUT = opt("output", "--output", "-o", help="Write to this file (mode 0600), not to stdout.")
FORCE = flag("force", "--force", help="Overwrite the --output file if it exists.")
STATUS = opt(
    "status",
    "--status",
    "-s",
    complete=STATUSES,
    help="lead, prospect, customer, ambassador or former.",
)
AMOUNT = arg("amount", help="12500, 12.500, 12.500,00, '€ 12.500,50', 12,500.50 or 12,5k.")

ROOT = (
    opt(
        "db",
        "--db",
        metavar="FILE",  # a file, or a postgresql:// URL: read as text (a Path makes '//' '/')
        show_default=False,
        help="The database file. Default: $SALESNOTES_DB, else the user data folder.",
    ),
    opt(
        "today",
        "--today",
        show_default=False,
        help="Pretend today is this date (YYYY-MM-DD); also $SALESNOTES_TODAY.",
    ),
)

COMMANDS = (
    Command(
        "agenda",
        "agenda:agenda",
        """\
Who to call today and why, most urgent first (see 'How the agenda ranks' in
docs/briefing-and-cron.md).

Examples:

\b
salesnotes agenda
salesnotes agenda --date maandag --limit 10
salesnotes agenda --explain --format plain
salesnotes agenda --team""",
        (
            opt("when", "--date", "-d", help="The day to plan (default today): morgen, maandag."),
            opt(
                "limit",
                "--limit",
                "-n",
                kind="int",
                low=0,
                high=MAX_LIMIT,
                help="How many people at most (0: everyone). Default 25.",
            ),
            flag("explain", "--explain", help="Show each row's score terms."),
            opt("owner", "--owner", help="A colleague's agenda (their short name)."),
            flag("team", "--team", help="The whole team's agenda, grouped by owner."),
            FORMAT,
        ),
    ),
    Command(
        "brief",
        "brief:brief",
        """\
The morning briefing: today's calls, late complaints, quotes, who is losing touch,
birthdays, what happened since the last briefing, and the pipeline in one line.

Examples:

\b
salesnotes brief
salesnotes brief --format email | /usr/sbin/sendmail -t     (from cron)
salesnotes brief --since maandag --format markdown""",
        (
            opt("when", "--date", "-d", help="The day to brief (default today)."),
            opt(
                "fmt",
                "--format",
                "-f",
                choices=("text", "markdown", "html", "json", "email"),
                default="text",
                help="text, markdown, html, json or email (MIME).",
            ),
            opt("to", "--to", help="Recipient for --format email (else brief.to)."),
            opt(
                "since",
                "--since",
                help="Report what happened since this day, not the last briefing.",
            ),
            flag(
                "quiet_if_empty",
                "--quiet-if-empty",
                help="Print nothing when there is nothing to do (cron).",
            ),
            flag(
                "record",
                "--record",
                help="Count this run as the delivered briefing (text and email runs do already).",
            ),
            flag(
                "team", "--team", help="Everyone's calls, by owner (the sales manager's briefing)."
            ),
        ),
    ),
    Command(
        "complaint",
        "complaints:complaint",
        "Open a complaint: logged, and on top of the agenda until it is resolved.",
        (
            WHO,
            arg("text", help="What is wrong."),
        ),
    ),
    Command(
        "resolve",
        "complaints:resolve",
        "Close a complaint; the note is logged with the contact.",
        (
            arg("complaint_id", metavar="ID", help="The complaint's id."),
            opt("note", "--note", "-n", help="How it was solved; logged with the contact."),
        ),
    ),
    Command(
        "add",
        "contacts:add",
        """\
Add a contact and print its id.

Examples:

\b
salesnotes add "Jan de Vries" --org "Pluimers Isolatie" --phone 0612345678
salesnotes add "Anna Bakker" --email anna@bakker.nl --status customer""",
        (
            arg("name", help="Full name, e.g. 'Jan de Vries'."),
            opt("org", "--org", "-o", help="Organisation; created on first mention."),
            opt("email", "--email", "-e", many=True, help="E-mail (repeatable)."),
            opt("phone", "--phone", "-p", many=True, help="Phone (repeatable)."),
            opt("tag", "--tag", "-t", many=True, help="Tag (repeatable)."),
            opt(
                "status",
                "--status",
                "-s",
                default="lead",
                complete=STATUSES,
                help="lead, prospect, customer, ambassador or former.",
            ),
            opt("note", "--note", "-n", default="", help="A standing note about this person."),
            opt("job_title", "--job-title", default="", help="What they do: 'inkoper', 'CFO'."),
            opt("city", "--city", default="", help="Where they are (for a visit)."),
            opt("department", "--department", default="", help="Their department: 'Inkoop'."),
            opt(
                "every", "--every", help="Keep in touch at least every 30d, 6w, 3m ('off': never)."
            ),
            opt("birthday", "--birthday", help="12-03, '12 maart' or 12-03-1970."),
            opt("customer_since", "--customer-since", help="For the yearly anniversary: a date."),
            flag(
                "force",
                "--force",
                help=(
                    "Also when another contact has the same e-mail address or phone, or the name "
                    "is an organisation's."
                ),
            ),
        ),
    ),
    Command(
        "edit",
        "contacts:edit",
        """\
Change a contact's details; e-mails, phones and tags are added to what is there.

Examples:

\b
salesnotes edit jan --status customer --tag dakisolatie
salesnotes edit jan --remove-email oud@pluimers.nl --phone "06 9876 5432\"""",
        (
            WHO,
            opt("name", "--name", help="New name."),
            opt("org", "--org", "-o", help="New organisation ('' for none)."),
            opt("email", "--email", "-e", many=True, help="Add an e-mail."),
            opt("phone", "--phone", "-p", many=True, help="Add a phone."),
            opt("tag", "--tag", "-t", many=True, help="Add a tag."),
            opt("untag", "--remove-tag", "--untag", many=True, help="Remove a tag."),
            opt("remove_email", "--remove-email", many=True, help="Remove an e-mail address."),
            opt(
                "remove_phone",
                "--remove-phone",
                many=True,
                help="Remove a phone number (typed any way).",
            ),
            STATUS,
            opt("note", "--note", "-n", help="Replace the standing note."),
            opt("job_title", "--job-title", help="New job title ('' for none)."),
            opt("city", "--city", help="New city ('' for none)."),
            opt("department", "--department", help="New department ('' for none)."),
            opt(
                "every", "--every", help="Rhythm: 30d, 6w, 3m, 'off', or 'default' (the status's)."
            ),
            opt("birthday", "--birthday", help="12-03, '12 maart', 12-03-1970 ('' forgets)."),
            opt("customer_since", "--customer-since", help="For the yearly anniversary: a date."),
            flag(
                "force",
                "--force",
                help="Also when another contact has the same e-mail address or phone.",
            ),
        ),
    ),
    Command(
        "archive",
        "contacts:archive",
        "Hide a contact from lists and the agenda. Nothing is deleted; --undo brings it back.",
        (
            WHO,
            flag("undo", "--undo", help="Bring an archived contact back."),
        ),
    ),
    Command(
        "assign",
        "contacts:assign",
        """\
Make a contact a colleague's account, with the open follow-ups that were the old
owner's.

Examples:

\b
salesnotes assign jan pieter""",
        (
            WHO,
            arg("owner", help="The salesperson's short name: anouk."),
        ),
    ),
    Command(
        "contacts",
        "contacts:contacts",
        """\
List contacts, by name (--losing-touch: past their rhythm, most overdue first).

Examples:

\b
salesnotes contacts --tag vip --status customer
salesnotes contacts --losing-touch""",
        (
            arg(
                "text",
                default=None,
                show_default=False,
                help="Part of a name, organisation or e-mail.",
            ),
            opt("tag", "--tag", "-t", help="Only with this tag."),
            STATUS,
            opt("org", "--org", "-o", help="Only of this organisation."),
            flag("archived", "--archived", help="List archived contacts."),
            flag(
                "losing_touch", "--losing-touch", help="Only those past their keep-in-touch rhythm."
            ),
            LIST_LIMIT,
            FORMAT,
        ),
    ),
    Command(
        "org",
        "contacts:org",
        """\
An organisation's own phone number and e-mail address: what to call when nobody
there has one of their own (the agenda offers it for them).

Examples:

\b
salesnotes org "Gemeente Zwolle" --phone "14 038" --email info@zwolle.nl
salesnotes org zwolle""",
        (
            arg(
                "name",
                help="The organisation: (part of) its name; a new one with --phone or --email.",
            ),
            opt("phone", "--phone", "-p", help="Its own number: the switchboard ('' forgets it)."),
            opt("email", "--email", "-e", help="Its own e-mail address ('' forgets it)."),
            FORMAT,
        ),
    ),
    Command(
        "orgs",
        "contacts:orgs",
        "List organisations with their number of contacts.",
        (FORMAT,),
    ),
    Command(
        "show",
        "contacts:show",
        """\
One contact's dossier (details, open follow-ups, quotes, latest interactions first),
or an organisation's account view (its contacts, open follow-ups and all its quotes).

Examples:

\b
salesnotes show jan
salesnotes show "Pluimers Isolatie" --org

A name that matches no contact is looked up among organisations.""",
        (
            arg(
                "who",
                metavar="WHO",
                complete="who",
                help="Id, phone number, e-mail or part of a contact's name; or an organisation's.",
            ),
            flag("org", "--org", help="WHO is an organisation: show the whole account."),
            opt(
                "limit",
                "--limit",
                "-n",
                kind="int",
                low=1,
                high=MAX_LIMIT,
                default=10,
                help="How many interactions to show.",
            ),
            FORMAT,
        ),
    ),
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
            opt(
                "limit",
                "--limit",
                "-n",
                kind="int",
                low=0,
                high=MAX_LIMIT,
                default=50,
                help="At most this many pairs (0: all).",
            ),
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
follow-up and quote (with its revisions), and their organisation's row.""",
        (
            WHO,
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
            opt(
                "limit",
                "--limit",
                "-n",
                kind="int",
                low=1,
                high=MAX_LIMIT,
                default=20,
                help="At most this many of each kind.",
            ),
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
    Command(
        "quote add",
        "quotes:quote_add",
        """\
Add a quote for a contact (a draft, or sent with --send).

Examples:

\b
salesnotes quote add jan 12.500 --title "Dakisolatie hal 3" --send
salesnotes quote add anna "€ 8.000,00" --valid 6w""",
        (
            WHO,
            AMOUNT,
            opt("title", "--title", "-t", help="What is offered."),
            opt(
                "valid",
                "--valid",
                help="A period from the quote's date (30d, 6w, 3m) or a date (31-12, 2027-01-31).",
            ),
            flag("send", "--send", help="It is sent: schedule the chase."),
            opt(
                "probability", "--probability", kind="int", help="Win chance in %, else per status."
            ),
            opt("currency", "--currency", help="Default from the configuration (EUR)."),
            opt("on", "--on", help="The quote's date (default today)."),
        ),
    ),
    Command(
        "quote send",
        "quotes:quote_send",
        "Mark a quote sent and schedule a follow-up to chase it.",
        (QUOTE_ID,),
    ),
    Command(
        "quote revise",
        "quotes:quote_revise",
        "Record a new amount; the history is kept and a sent quote moves to negotiating.",
        (
            QUOTE_ID,
            AMOUNT,
            opt("note", "--note", "-n", default="", help="Why the amount changed."),
        ),
    ),
    Command(
        "quote won",
        "quotes:quote_won",
        "Close a quote as won; a lead or prospect becomes a customer.",
        (
            QUOTE_ID,
            opt("note", "--note", "-n", default="", help="Anything to remember."),
        ),
    ),
    Command(
        "quote lost",
        "quotes:quote_lost",
        "Close a quote as lost, with the reason.",
        (
            QUOTE_ID,
            opt(
                "reason",
                "--reason",
                "-r",
                default="",
                complete="lost_reasons",
                help="Why: price, competitor, timing, no budget, no response, ... (free text).",
            ),
            opt("note", "--note", "-n", default="", help="Anything to remember."),
        ),
    ),
    Command(
        "quote expire",
        "quotes:quote_expire",
        "Close a quote as expired (no answer in time); it leaves the tray.",
        (QUOTE_ID,),
    ),
    Command(
        "quote renew",
        "quotes:quote_renew",
        "Extend an open quote's validity (recorded in its history).",
        (
            QUOTE_ID,
            opt("valid", "--valid", help="From today: 30d, 6w, or a date. Default 30 days."),
        ),
    ),
    Command(
        "quote edit",
        "quotes:quote_edit",
        "Change an open quote's win probability.",
        (
            QUOTE_ID,
            opt(
                "probability",
                "--probability",
                help="Win chance in %, or 'default' for the status's.",
            ),
        ),
    ),
    Command(
        "quote show",
        "quotes:quote_show",
        "One quote with its revisions.",
        (
            QUOTE_ID,
            FORMAT,
        ),
    ),
)

BY_NAME = {command.name: command for command in COMMANDS}
"""Each command by its name ('quote add' for one of a group's)."""
