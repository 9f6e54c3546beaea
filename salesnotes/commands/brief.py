"""``brief``: the morning briefing, for a terminal or a cron mail."""

from __future__ import annotations

from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.config import Config
    from salesnotes.env import Env


def brief(
    env: Env,
    *,
    when: str | None,
    fmt: str,
    to: str | None,
    since: str | None,
    quiet_if_empty: bool,
    record: bool = False,
    team: bool = False,
) -> None:
    """The morning briefing: today's calls, late complaints, quotes, who is losing touch,
    birthdays, what happened since the last briefing, and the pipeline in one line.

    Only a delivered briefing moves the mark "since the last briefing": a mail, the text run
    without a terminal (cron, a pipe to 'mail'), or one asked for (``record``). A look at a
    terminal is a look."""
    import sys
    from datetime import datetime, time

    from salesnotes.domain.dates import parse_when
    from salesnotes.render import briefing
    from salesnotes.usecases.briefing import assemble_briefing, moves_the_mark, remember

    config, today = env.config(), env.today()
    day = parse_when(when, today) if when is not None else today
    recipient, sender = _addressed(config, fmt, to, record=record, since=since)
    from_day = None
    if since is not None:
        from_day = datetime.combine(parse_when(since, today, past=True), time(0, 0)).astimezone()
    store, now = env.store(), env.now()
    moves = moves_the_mark(fmt, record=record, since=from_day, terminal=sys.stdout.isatty())
    # A delivered briefing reads, then remembers itself: one writing transaction (what a
    # colleague commits meanwhile is in this one or the next); a look only reads.
    with store.write(journal="none") if moves else store.read():  # a mark, nothing to undo
        calendar = env.calendar() if team else env.calendar(store)
        content = assemble_briefing(
            store, config, calendar, day=day, moment=env.moment_on(day), now=now,
            since=from_day, team=team, short=fmt != "json",
        )  # fmt: skip
        if quiet_if_empty and content.is_empty:
            return
        # Made before the briefing is remembered: a run that fails does not move "since".
        output = briefing.render(content, fmt, recipient, sender)
        if moves:
            remember(store, content, now, fmt, team=team)
    sys.stdout.write(output)


def _addressed(
    config: Config, fmt: str, to: str | None, *, record: bool, since: str | None
) -> tuple[str, str]:
    """The briefing's recipients and sender as the options and the config give them (a
    mail needs a recipient; --to is checked whatever the format); --record goes without
    --since."""
    from salesnotes.domain.fields import mail_address, mail_recipients
    from salesnotes.errors import BadInput

    recipient, sender = to or config.get_str("brief.to"), ""
    if fmt == "email" and not recipient:
        raise BadInput(
            _("--format email needs a recipient: --to me@example.nl, or brief.to in config")
        )
    if record and since is not None:
        raise BadInput(
            _(
                "--record and --since: a briefing since a chosen day never moves 'since the last"
                " briefing'"
            )
        )
    if fmt == "email":
        recipients = mail_recipients(recipient, "--to" if to else _("brief.to in the config"))
        given = config.get_str("brief.from")
        sender = mail_address(given, _("brief.from in the config")) if given else recipients[0]
        return ", ".join(recipients), sender
    if to is not None:
        mail_recipients(to, "--to")
    return recipient, sender
