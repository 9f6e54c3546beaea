"""People and organisations."""

from __future__ import annotations

from salesnotes.commands.table.kinds import (
    FORMAT,
    LIST_LIMIT,
    STATUS,
    TEXT_OR_JSON,
    WHO,
    Command,
    arg,
    flag,
    limit,
    opt,
)
from salesnotes.models import STATUSES

COMMANDS = (
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
owner's; or all of one salesperson's accounts at once (--from, --to).

Examples:

\b
salesnotes assign jan pieter
salesnotes assign --from anouk --to pieter --dry-run
salesnotes assign --from anouk --to pieter --tag zwolle""",
        (
            WHO._replace(required=False, show_default=False),  # or --from and --to
            arg(
                "owner",
                default=None,
                show_default=False,
                help="The salesperson's short name: anouk.",
            ),
            opt("from_owner", "--from", help="Every account of this salesperson (with --to)."),
            opt("to_owner", "--to", help="To this salesperson (with --from)."),
            opt("org", "--org", help="With --from: only the accounts of this organisation."),
            opt("tag", "--tag", "-t", help="With --from: only the accounts with this tag."),
            flag("dry_run", "--dry-run", help="With --from: say what would move; write nothing."),
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
            limit("How many interactions to show.", default=10, low=1),
            FORMAT,
        ),
    ),
    Command(
        "rhythm",
        "contacts:rhythm",
        """\
A contact's rhythm as their own history says it: the days between their contacts, the
typical interval and its spread (leaning on customers like them while their history is
short), when the next contact would be, and after how many days they are getting quiet.

Examples:

\b
salesnotes rhythm jan
salesnotes rhythm jan --format json""",
        (
            WHO,
            TEXT_OR_JSON,
        ),
    ),
)
