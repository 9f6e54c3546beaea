"""Follow-ups: follow, followups, done, snooze."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli import app, env
from salesnotes.cli.common import Format, FormatOption, complete_from, record_id
from salesnotes.models import PRIORITIES, REASONS

ID_HINT = "'salesnotes followups' lists them with their ids"


@app.command()
def follow(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(help="Id, e-mail or part of the name.", show_default=False)],
    when: Annotated[
        str,
        typer.Argument(help="morgen, vrijdag, 'in 2 weeks', 1-12, 2026-12-01.", show_default=False),
    ],
    text: Annotated[str, typer.Argument(help="What it is about.")] = "",
    reason: Annotated[
        str,
        typer.Option(
            "--reason",
            "-r",
            help="callback, complaint, question, quote, checkin or other.",
            autocompletion=complete_from(REASONS),
        ),
    ] = "other",
    priority: Annotated[
        str,
        typer.Option(
            "--priority",
            "-P",
            help="high, normal or low.",
            autocompletion=complete_from(PRIORITIES),
        ),
    ] = "normal",
) -> None:
    """Schedule a follow-up with a contact."""
    from salesnotes import render
    from salesnotes.dates import describe, parse_when, relative

    e = env(ctx)
    today = e.today()
    due = parse_when(when, today)
    store = e.store()
    with store.write():
        contact = store.resolve(who)
        followup = store.follow(
            contact.id, due, text, reason=reason, priority=priority, today=today, now=e.now()
        )
    about = f": {followup.text}" if followup.text else ""
    render.echo(
        f"Follow-up #{followup.id} with {contact.label} on {describe(due)} "
        f"({relative(due, today)}){about}"
    )


@app.command()
def followups(
    ctx: typer.Context,
    overdue: Annotated[bool, typer.Option("--overdue", help="Only those past their day.")] = False,
    show_all: Annotated[bool, typer.Option("--all", help="Done ones too.")] = False,
    fmt: FormatOption = Format.table,
) -> None:
    """List open follow-ups by due date (--all: done ones too)."""
    from salesnotes import render

    e = env(ctx)
    today = e.today()
    store = e.store()
    with store.read():
        found = store.followups(include_done=show_all, due_before=today if overdue else None)
    render.followups(found, fmt.value, today)


@app.command()
def done(
    ctx: typer.Context,
    followup_id: Annotated[
        str, typer.Argument(metavar="ID", help="The follow-up's id.", show_default=False)
    ],
    note: Annotated[
        str | None, typer.Option("--note", "-n", help="What came of it; logged with the contact.")
    ] = None,
    kind: Annotated[
        str,
        typer.Option(
            "--kind", "-k", help="How the note was made: call, email, meeting, visit, note."
        ),
    ] = "note",
    next_when: Annotated[
        str | None,
        typer.Option("--next", help="Schedule the next follow-up: 'in 2 weeks', vrijdag."),
    ] = None,
    about: Annotated[
        str | None, typer.Option("--about", help="What the next follow-up is for.")
    ] = None,
) -> None:
    """Mark a follow-up done; --note logs what came of it, --next schedules the next one."""
    from salesnotes import render
    from salesnotes.dates import describe, parse_when
    from salesnotes.errors import BadInput

    fid = record_id(followup_id, "follow-up", ID_HINT)
    e = env(ctx)
    today = e.today()
    due = parse_when(next_when, today) if next_when is not None else None
    if due is None and about is not None:
        raise BadInput("--about describes the next follow-up; give --next WHEN with it")
    store = e.store()
    with store.write():
        followup, interaction = store.complete(fid, note=note, today=today, now=e.now(), kind=kind)
        nxt = None
        if due is not None:
            nxt = store.follow(
                followup.contact_id,
                due,
                about if about is not None else (note or followup.text),
                reason="quote" if followup.reason == "quote" else "other",
                today=today,
                now=e.now(),
                source_interaction_id=interaction.id if interaction else None,
            )
    render.echo(f"Done: follow-up #{followup.id} with {followup.contact_name}")
    if interaction is not None:
        render.echo(f"Logged {interaction.kind} #{interaction.id}: {interaction.text}")
    if nxt is not None:
        about_text = f": {nxt.text}" if nxt.text else ""
        render.echo(f"Follow-up #{nxt.id} on {describe(nxt.due_on)}{about_text}")


@app.command()
def snooze(
    ctx: typer.Context,
    followup_id: Annotated[
        str, typer.Argument(metavar="ID", help="The follow-up's id.", show_default=False)
    ],
    when: Annotated[
        str, typer.Argument(help="The new day: morgen, maandag, +3d.", show_default=False)
    ],
) -> None:
    """Move a follow-up to another day; it stays off the agenda until then."""
    from salesnotes import render
    from salesnotes.dates import describe, parse_when
    from salesnotes.errors import BadInput

    fid = record_id(followup_id, "follow-up", ID_HINT)
    e = env(ctx)
    today = e.today()
    due = parse_when(when, today)
    if due < today:
        raise BadInput(f"'{when}' is {describe(due)}, before today; snooze to today or later")
    store = e.store()
    with store.write():
        before = store.followup(fid)
        followup = store.snooze(fid, due)
    render.echo(
        f"Follow-up #{followup.id} with {followup.contact_name} moved to {describe(due)} "
        f"(was {describe(before.due_on)})"
    )
