"""On the road with the manager (issue 28): the joint visit planned for two, prepared on
one page, done once; the coaching after it; and the team's figures over a week or a month."""

from __future__ import annotations

from salesnotes.commands.table.kinds import FORCE, FORMAT, OUTPUT, WHO, Command, arg, flag, opt
from salesnotes.models import VISIT_ROLES

COMMANDS = (
    Command(
        "visit",
        "visits:visit",
        """\
Plan a visit that a second person (the sales manager) joins, in a role: on both agendas.

Roles: lead (the manager leads the conversation, you fill in), equal (agree who talks and
who watches the customer), second (you lead, the manager watches: the best place to
observe).

Examples:

\b
salesnotes visit jan "vrijdag 10:00" --with marieke --role second
salesnotes visit 12 "morgen om half 3" "Offerte hal 3 bespreken" --with marieke --role equal""",
        (
            WHO,
            arg("when", help="The day and time: 'vrijdag 10:00', 'morgen om half 3'."),
            arg("goal", default="", help="What the visit is for."),
            opt(
                "with_owner", "--with", required=True, help="Who joins (a colleague's short name)."
            ),
            opt(
                "role",
                "--role",
                default="equal",
                complete=VISIT_ROLES,
                help="lead, equal or second: the role of the one who joins.",
            ),  # fmt: skip
            opt("for_owner", "--for", help="Whose visit it is (default: the contact's owner)."),
        ),
    ),
    Command(
        "visit-prep",
        "visits:visit_prep",
        """\
One page for both people: the customer, the whole relationship in a few lines, the goal,
and what the role means for who talks and who watches (also 'visit prep').

Examples:

\b
salesnotes visit prep 12""",
        (arg("visit_id", metavar="ID", help="The visit's id."), FORMAT),
    ),
    Command(
        "visit-done",
        "visits:visit_done",
        """\
The visit done: the note is logged as a visit with both names (also 'visit done').

Examples:

\b
salesnotes visit done 12 --note "Offerte hal 3 besproken" --next "over 1 week\"""",
        (
            arg("visit_id", metavar="ID", help="The visit's id."),
            opt("note", "--note", "-n", required=True, help="What came of it."),
            opt("next_when", "--next", help="Schedule the next follow-up: 'over 1 week'."),
            opt("about", "--about", help="What the next follow-up is for."),
        ),
    ),
    Command(
        "coach",
        "visits:coach",
        """\
After a joint visit, the observation of the one who joined: what went well (give a
compliment) and one thing to try; for the salesperson and you only. With --with NAME: the
coaching history with one person (the visits together, their roles, the notes).

Examples:

\b
salesnotes coach 12 --went-well "Goede vragen over de planning" --try "Eerder naar budget vragen"
salesnotes coach --with pieter""",
        (
            arg(
                "visit_id",
                metavar="ID",
                default=None,
                show_default=False,
                help="The visit's id (to write the note after it).",
            ),
            opt("went_well", "--went-well", default="", help="What went well."),
            opt("to_try", "--try", default="", help="One thing to try next time."),
            opt("with_person", "--with", help="Read the coaching with this person."),
            FORMAT,
        ),  # fmt: skip
    ),
    Command(
        "report",
        "visits:report",
        """\
The team's week (or month) in figures: per person the conversations by kind, new
contacts, quotes sent, won and lost with their amounts and the win rate, the open
pipeline, follow-ups done on time and late, complaints and the hours to the first answer,
customers getting quiet; the team's totals and the change against the span before.

A salesperson sees their own figures, a manager the team's. The week is Monday to today
(against last week to the same day), the month the 1st to today; --last: the whole week
or month before this one. Pictures: sparklines and bars in the terminal, SVG charts in
--format html (a page for a browser or a mail).

Examples:

\b
salesnotes report --week
salesnotes report --month --format html -o team.html
salesnotes report --since 1-10 --owner pieter --format json""",
        (
            flag("week", "--week", help="This week so far (the default)."),
            flag("month", "--month", help="This month so far."),
            opt("since", "--since", help="From this day to today: '1-10', 'last monday'."),
            flag("last", "--last", help="The whole week or month before this one."),
            opt("owner", "--owner", help="One person's figures."),
            flag("team", "--team", help="Everyone's figures and the team's totals."),
            opt(
                "fmt",
                "--format",
                "-f",
                choices=("table", "plain", "json", "markdown", "html"),
                default="table",
                help="table (for people), plain (tab-separated), json, markdown or html.",
            ),
            OUTPUT,
            FORCE,
        ),
    ),
)
