"""The joint visit: planned for two, prepared on one page, done once (issue 28)."""

from __future__ import annotations

from salesnotes.commands.table.kinds import FORMAT, WHO, Command, arg, opt
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
)
