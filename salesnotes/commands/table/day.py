"""The day: the agenda, the briefing, complaints."""

from __future__ import annotations

from salesnotes.commands.table.kinds import (
    EXPLAIN_PROPOSAL,
    FORMAT,
    WHO,
    Command,
    arg,
    flag,
    limit,
    opt,
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
            limit("How many people at most (0: everyone). Default 25."),
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
            EXPLAIN_PROPOSAL,
        ),
    ),
)
