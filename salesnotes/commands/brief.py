"""``brief``: the morning briefing, for a terminal or a cron mail."""

from __future__ import annotations

from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date, datetime

    from salesnotes.config import Config
    from salesnotes.days import Calendar
    from salesnotes.env import Env
    from salesnotes.models import AgendaRow
    from salesnotes.store.interface import Store


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
    birthdays, what happened since the last briefing, and the pipeline in one line."""
    import sys
    from datetime import UTC, datetime, time

    from salesnotes import render
    from salesnotes.commands.agenda import agenda_owner
    from salesnotes.errors import BadInput
    from salesnotes.render import briefing
    from salesnotes.sources import (
        agenda_size,
        late_complaints,
        losing_touch,
        losing_touch_ids,
        occasions,
        pipeline,
        quotes_to_mention,
    )

    config = env.config()
    today = env.today()
    if when is not None or since is not None:
        from salesnotes.dates import parse_when
    day = parse_when(when, today) if when is not None else today
    moment = env.moment_on(day)
    recipient = to or config.get_str("brief.to")
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
    # Only a delivered briefing moves the mark: a mail, the morning text run without a
    # terminal (cron, a pipe to 'mail'), or one asked for. A look at a terminal is a look.
    delivered = fmt == "email" or (fmt == "text" and not sys.stdout.isatty())
    remember = record or (since is None and delivered)
    sender = ""
    if fmt == "email":
        recipients = _addresses(recipient, "--to" if to else _("brief.to in the config"))
        recipient = ", ".join(recipients)
        given = config.get_str("brief.from")
        sender = _address(given, _("brief.from in the config")) if given else recipients[0]
    elif to is not None:
        _addresses(to, "--to")
    since_moment = None
    if since is not None:
        since_day = parse_when(since, today, past=True)
        since_moment = datetime.combine(since_day, time(0, 0)).astimezone()
    top = config.get_int("brief.top")
    # A briefing is read in a minute: the text formats list the first few of each section
    # and say how many there are; the JSON lists everything (a contract for scripts).
    listed = None if fmt == "json" else top
    happened = None if fmt == "json" else briefing.MAX_ITEMS
    store = env.store()
    with store.write():  # reads, then remembers this briefing: one transaction
        from salesnotes.commands.agenda import piled_up

        whose = None if team else agenda_owner(store, None)
        calendar = env.calendar() if team else env.calendar(store)
        rows, team_total = _calls(store, day, config, top, moment, whose, team, calendar)
        back = None if team else piled_up(store, day, calendar)
        mine = None if whose is None else set(store.contacts.owned(whose))
        coming = occasions(store, day, 7)
        if mine is None:
            losing = losing_touch(store, day, config, limit=top)
            # Counted only when a list was cut short: who is losing touch is in both counts.
            losing_ids = (
                losing_touch_ids(store, day, config) if top in (len(rows), len(losing)) else None
            )
            expiring, expiring_total, stale, stale_total = quotes_to_mention(
                store, config, day, listed
            )
        else:  # the user's part of a team's book: their contacts' quotes, rhythms and days
            coming = [o for o in coming if o.contact_id in mine]
            every = losing_touch(store, day, config, contact_ids=sorted(mine))
            losing, losing_ids = every[:top], {item.contact_id for item in every}
            expiring, __, stale, __ = quotes_to_mention(store, config, day, None)
            expiring = [q for q in expiring if q.contact_id in mine]
            stale = [q for q in stale if q.contact_id in mine]
            expiring_total, stale_total = len(expiring), len(stale)
            expiring, stale = expiring[:listed], stale[:listed]
        previous = store.briefings.last()
        if since_moment is None and previous is not None:
            from salesnotes.book_values import UnreadableValue, book_moment

            try:
                # Shown and given in local time, as the clock and SALESNOTES_TODAY are read.
                since_moment = book_moment(previous).astimezone()
            except UnreadableValue:  # written by another tool: say so, and count from nothing
                render.note(
                    _(
                        "Note: the last briefing's time '{previous}' in the briefings table is "
                        "not a time (YYYY-MM-DDTHH:MM:SSZ); 'since the last briefing' is left "
                        "out."
                    ).format(previous=previous)
                )
        until = env.now()
        lower = (
            since_moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ") if since_moment else until
        )
        figures = pipeline(store, config, day, lost_reasons=0)
        content = briefing.Brief(
            day=day,
            now=moment,
            agenda=rows,
            agenda_total=(
                team_total
                if team_total is not None
                else agenda_size(store, day, config, losing_ids)
                if len(rows) == top
                else len(rows)
            ),
            response_hours=config.get_int("complaints.response_hours"),
            late_complaints=[
                (f, age)
                for f, age in late_complaints(store, config, moment)
                if mine is None or f.owner == store.user
            ],
            expiring=expiring,
            stale=stale,
            losing_touch=losing,
            occasions=coming[:listed],
            since=since_moment,
            interactions=(
                store.interactions.logged_between(lower, until, happened) if since_moment else []
            ),
            followups_done=(
                store.followups.done_between(lower, until, happened) if since_moment else []
            ),
            quotes_closed=store.quotes.closed_between(lower, until) if since_moment else [],
            pipeline=figures if figures.open_count or figures.year.won_count else None,
            money_format=config.get_str("money.format"),
            expiring_total=expiring_total,
            stale_total=stale_total,
            losing_touch_total=len(losing_ids) if losing_ids is not None else None,
            occasions_total=len(coming),
            interactions_total=(
                store.interactions.count_logged_between(lower, until) if since_moment else 0
            ),
            followups_done_total=(
                store.followups.count_done_between(lower, until) if since_moment else 0
            ),
            since_asked=since is not None,
            day_off=calendar.off_on(day),
            back=back,
        )
        if quiet_if_empty and content.is_empty:
            return
        # Made before the briefing is remembered: a run that fails does not move "since".
        if fmt == "json":
            output = render.json_text(briefing.as_json(content))
        elif fmt == "email":
            output = briefing.email(content, recipient, sender)
        elif fmt == "html":
            output = briefing.html(content)
        elif fmt == "markdown":
            output = briefing.markdown(content)
        else:
            output = briefing.text(content)
        if remember:
            store.briefings.record(until, day, str(fmt), content.calls)
    sys.stdout.write(output)


def _addresses(value: str, source: str) -> list[str]:
    """The recipients of a briefing: one address or several, separated by ',' or ';' (a
    salesperson and their manager); each as ``_address`` checks it."""
    from email.utils import formataddr, getaddresses

    from salesnotes.errors import BadInput

    _no_control(value, source)
    found = [
        _address(formataddr((name, address)) if name else address, source)
        for name, address in getaddresses([value.replace(";", ",")])
        if name or address
    ]
    if not found:
        raise BadInput(
            _("{source}: '{value}' is not an e-mail address; try me@example.nl").format(
                source=source, value=value
            )
        )
    return found


def _no_control(value: str, source: str) -> None:
    from salesnotes.errors import BadInput

    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise BadInput(
            _("{source}: {value!r} holds a line break or control character").format(
                source=source, value=value
            )
        )


def _address(value: str, source: str) -> str:
    """One e-mail address for a mail header ('jan@example.nl' or 'Jan <jan@example.nl>');
    BadInput for anything else, for several (a sender is one), and for a line break (which
    would add a header)."""
    from email.utils import formataddr, getaddresses, parseaddr

    from salesnotes.errors import BadInput
    from salesnotes.fields import normalise_email

    _no_control(value, source)
    if len([p for p in getaddresses([value.replace(";", ",")]) if any(p)]) > 1:
        raise BadInput(
            _("{source}: '{value}' is more than one address; give one").format(
                source=source, value=value
            )
        )
    name, address = parseaddr(value)
    try:
        address = normalise_email(address)
    except BadInput:
        raise BadInput(
            _("{source}: '{value}' is not an e-mail address; try me@example.nl").format(
                source=source, value=value
            )
        ) from None
    return formataddr((name, address)) if name else address


def _calls(
    store: Store,
    day: date,
    config: Config,
    top: int,
    moment: datetime,
    whose: str | None,
    team: bool,
    calendar: Calendar,
) -> tuple[list[AgendaRow], int | None]:
    """The briefing's calls: ``whose`` (a team's book: the user's own; None: everyone's in a
    book of one); with ``team``, each salesperson's first ``top``, every row naming its owner
    (the manager's briefing). The second value is the count to show when it is not the
    book's."""
    from salesnotes.sources import agenda, team_agenda

    if not team:
        rows = agenda(store, day, config, limit=top, now=moment, owner=whose, calendar=calendar)
        return rows, (len(rows) if whose is not None else None)
    rows = team_agenda(store, day, config, top, moment, calendar=calendar)
    return rows, len(rows)
