"""``brief``: the morning briefing, for a terminal or a cron mail."""

from __future__ import annotations

from enum import StrEnum
from typing import Annotated

import typer

from salesnotes.cli import app, env


class BriefFormat(StrEnum):
    """Output formats of the briefing."""

    text = "text"
    markdown = "markdown"
    html = "html"
    json = "json"
    email = "email"


@app.command()
def brief(
    ctx: typer.Context,
    when: Annotated[
        str | None, typer.Option("--date", "-d", help="The day to brief (default today).")
    ] = None,
    fmt: Annotated[
        BriefFormat,
        typer.Option("--format", "-f", help="text, markdown, html, json or email (MIME)."),
    ] = BriefFormat.text,
    to: Annotated[
        str | None, typer.Option("--to", help="Recipient for --format email (else brief.to).")
    ] = None,
    since: Annotated[
        str | None,
        typer.Option("--since", help="Report what happened since this day, not the last briefing."),
    ] = None,
    quiet_if_empty: Annotated[
        bool,
        typer.Option("--quiet-if-empty", help="Print nothing when there is nothing to do (cron)."),
    ] = False,
) -> None:
    """The morning briefing: today's calls, late complaints, quotes, who is losing touch,
    birthdays, what happened since the last briefing, and the pipeline in one line."""
    import sys
    from datetime import UTC, datetime, time

    from salesnotes import briefing, render
    from salesnotes.dates import parse_when
    from salesnotes.errors import BadInput
    from salesnotes.sources import (
        agenda,
        late_complaints,
        pipeline,
        quotes_to_mention,
        rhythm_defaults,
    )

    e = env(ctx)
    config = e.config()
    today = e.today()
    day = parse_when(when, today) if when is not None else today
    moment = e.moment() if day == today else datetime.combine(day, e.moment().timetz())
    recipient = to or config.get_str("brief.to")
    if fmt is BriefFormat.email and not recipient:
        raise BadInput(
            "--format email needs a recipient: --to me@example.nl, or brief.to in config"
        )
    if to is not None and "@" not in to:
        raise BadInput(f"'{to}' is not an e-mail address; try --to me@example.nl")
    since_moment = None
    if since is not None:
        since_day = parse_when(since, today, past=True)
        since_moment = datetime.combine(since_day, time(0, 0)).astimezone()
    top = config.get_int("brief.top")
    store = e.store()
    with store.write():  # reads, then remembers this briefing: one transaction
        rows = agenda(store, day, config, now=moment)
        expiring, stale = quotes_to_mention(store, config, day)
        losing = store.losing_touch(day, rhythm_defaults(config))
        losing.sort(key=lambda i: (-i.overdue_ratio, i.name))
        previous = store.last_briefing()
        if since_moment is None and previous is not None:
            since_moment = datetime.fromisoformat(previous.replace("Z", "+00:00"))
        until = e.now()
        lower = (
            since_moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if since_moment else until
        )
        figures = pipeline(store, config, day, lost_reasons=0)
        content = briefing.Brief(
            day=day,
            now=moment,
            agenda=rows[:top],
            agenda_total=len(rows),
            response_hours=config.get_int("complaints.response_hours"),
            late_complaints=late_complaints(store, config, moment),
            expiring=expiring,
            stale=stale,
            losing_touch=losing[:top],
            occasions=store.occasions(day, 7),
            since=since_moment,
            interactions=store.interactions_since(lower, until) if since_moment else [],
            followups_done=store.followups_done_since(lower, until) if since_moment else [],
            quotes_closed=store.quotes_closed_since(lower, until) if since_moment else [],
            pipeline=figures if figures.open_count or figures.year.won_count else None,
            money_format=config.get_str("money.format"),
        )
        if quiet_if_empty and content.is_empty:
            return
        store.record_briefing(until, day, fmt.value, content.calls)
    if fmt is BriefFormat.json:
        render.print_json(briefing.as_json(content))
        return
    if fmt is BriefFormat.email:
        sender = config.get_str("brief.from") or recipient
        output = briefing.email(content, recipient, sender)
    elif fmt is BriefFormat.html:
        output = briefing.html(content)
    elif fmt is BriefFormat.markdown:
        output = briefing.markdown(content)
    else:
        output = briefing.text(content)
    sys.stdout.write(output)
