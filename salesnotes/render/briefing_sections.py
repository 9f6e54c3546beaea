"""What the morning briefing says, section by section, whatever it is written as: the calls
(top N), complaints past their response time, quotes expiring and going stale, who is losing
touch, birthdays and anniversaries, what happened since the last briefing; and the lines
around them (the day's note, the pipeline line). ``render/briefing.py`` writes these as text,
Markdown, HTML, JSON or a mail."""

from __future__ import annotations

from salesnotes.domain.days import describe, duration_words, moment_words, rhythm_words, short
from salesnotes.domain.money import format_amount
from salesnotes.i18n import _, n_, term
from salesnotes.record import record
from salesnotes.render.cadence import every_words
from salesnotes.render.changes import day_off_name
from salesnotes.render.reasons import age_words, reason_words
from salesnotes.text import excerpt
from salesnotes.text import one_line as _one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from salesnotes.models import Occasion
    from salesnotes.results import Brief

WIDTH = 78


def one_line(text: str) -> str:
    """One line of a briefing: long text (another program's) cut to an excerpt."""
    return _one_line(excerpt(text, 300))


NOTE_LINES = 6
"""How many lines of a conversation's text a briefing shows (the rest: '…')."""


def note_lines(text: str) -> list[str]:
    """A text of several lines as a briefing shows it: its lines kept (at most
    ``NOTE_LINES``, each cut to an excerpt), never folded into one."""
    lines = [one_line(line) for line in excerpt(text, 2000).splitlines() if line.strip()]
    lines = lines or [""]
    if len(lines) > NOTE_LINES:
        lines = [*lines[: NOTE_LINES - 1], lines[NOTE_LINES - 1] + " …"]
    return lines


def _money(brief: Brief, cents: int, currency: str = "EUR") -> str:
    return format_amount(cents, currency, brief.money_format)


def _total(shown: Sequence[object], total: int | None) -> int:
    return len(shown) if total is None else total


def _more(shown: Sequence[object], total: int | None, where: str) -> list[tuple[str, list[str]]]:
    """The line saying how many more there are than shown, and where to see them all."""
    left = _total(shown, total) - len(shown)
    return (
        [(_("... and {left} more: {where}").format(left=left, where=where), [])] if left > 0 else []
    )


def day_note(brief: Brief) -> str:
    """'Today is Eerste kerstdag, a public holiday.', or what piled up on the first day
    back after the user's days off; '' on any other day."""
    if brief.back is not None:
        away, due = brief.back
        return n_(
            "Back after your days off ({first} to {last}): {n} follow-up came due meanwhile.",
            "Back after your days off ({first} to {last}): {n} follow-ups came due meanwhile.",
            due,
        ).format(first=short(away.first), last=short(away.last), n=due)
    off = brief.day_off
    if off is None:
        return ""
    if off.kind == "holiday":
        return _("Today is {holiday}, a public holiday.").format(holiday=day_off_name(off))
    return _("Today is one of your days off.")


def since_label(brief: Brief) -> str:
    """'Since the last briefing (Tue 24 Nov 07:30)', or that this is the first."""
    if brief.since is None:
        return _("Since the last briefing: this is the first briefing for this book")
    if brief.since_asked:
        return _("Since {date}").format(date=describe(brief.since.date()))
    return _("Since the last briefing ({since})").format(since=moment_words(brief.since))


def pipeline_line(brief: Brief) -> str:
    """One line: open quotes, weighted value, won this month."""
    p = brief.pipeline
    if p is None:
        return ""
    return n_(
        "Pipeline: {count} open quote, {amount} (weighted {weighted}); "
        "this month won {won_count} ({won}), lost {lost_count}",
        "Pipeline: {count} open quotes, {amount} (weighted {weighted}); "
        "this month won {won_count} ({won}), lost {lost_count}",
        p.open_count,
    ).format(
        count=p.open_count,
        amount=_money(brief, p.open_cents, p.currency),
        weighted=_money(brief, p.weighted_cents, p.currency),
        won_count=p.month.won_count,
        won=_money(brief, p.month.won_cents, p.currency),
        lost_count=p.month.lost_count,
    )


@record
class Section:
    """A titled list of items; each item is a first line and optional detail lines."""

    title: str
    items: list[tuple[str, list[str]]]
    empty: str = ""
    note: str = ""
    numbered: bool = False  # the agenda: a ranked list
    chart: str = ""  # an inline SVG figure the HTML form shows after the items


def sections(brief: Brief) -> list[Section]:
    """The briefing's content, in order, independent of the output format: who to call,
    late complaints, quotes, who is losing touch, the week's occasions, what happened since
    the last briefing (the ones with nothing to say left out, but the calls and "since")."""
    parts = (
        _calls(brief),
        _visits(brief),
        _ride_along(brief),
        _week(brief),
        _late_complaints(brief),
        _unnoted_calls(brief),
        _quotes(brief),
        _losing_touch(brief),
        _occasions(brief),
        _since(brief),
    )
    return [part for part in parts if part is not None]


def _visits(brief: Brief) -> Section | None:
    """The joint visits of the next working day, each with what its page says in short."""
    if not brief.visits:
        return None
    from salesnotes.domain.money import format_amount
    from salesnotes.render.visits import advice

    items = []
    for shown in brief.visits:
        visit, contact = shown.visit, shown.contact
        when = describe(visit.due_on) + (f" {visit.due_time}" if visit.due_time else "")
        first = _("{when}: {label}, {owner} with {manager}: {goal}").format(
            when=when, label=one_line(contact.label), goal=one_line(visit.text),
            owner=visit.owner, manager=visit.with_owner,
        )  # fmt: skip
        details = [advice(visit)]
        quotes = ", ".join(
            f"#{q.id} {format_amount(q.amount_cents, q.currency, brief.money_format, short=True)}"
            for q in shown.quotes
        )  # fmt: skip
        if quotes:
            details.append(_("open quotes: {quotes}").format(quotes=quotes))
        if shown.open_complaints:
            details.append(
                n_("{n} open complaint", "{n} open complaints", len(shown.open_complaints))
                .format(n=len(shown.open_complaints))
            )  # fmt: skip
        if shown.recent:
            last = shown.recent[0]
            details.append(
                _("last: {day}, {kind}: {text}").format(
                    day=short(last.happened_on), kind=term(last.kind), text=excerpt(last.text, 60)
                )
            )
        details.append(_("salesnotes visit prep {id}").format(id=visit.id))
        items.append((first, details))
    return Section(_("Visits of the next working day, with a colleague"), items)


def _week(brief: Brief) -> Section | None:
    """The manager's: the team's week so far in three lines (and, in HTML, a chart of the
    conversations per person)."""
    report = brief.week
    if report is None:
        return None
    from salesnotes.render.report_html import conversations_chart

    now, before = report.shown.now, report.shown.before
    talks = now.talks
    lines = [
        _(
            "conversations: {n} (calls {calls}, visits {visits}, mails {mails}, meetings"
            " {meetings}); by this day last week {before}; new contacts: {new}"
        ).format(
            n=now.conversations,
            calls=talks["call"],
            visits=talks["visit"],
            mails=talks["email"],
            meetings=talks["meeting"],
            before=before.conversations,
            new=now.new_contacts,
        ),  # fmt: skip
        _(
            "quotes: {sent} sent ({sent_amount}), {won} won ({won_amount}), {lost} lost; open"
            " {open} (weighted {weighted})"
        ).format(
            sent=now.sent.n,
            sent_amount=_money(brief, now.sent.cents, report.currency),
            won=now.won.n,
            won_amount=_money(brief, now.won.cents, report.currency),
            lost=now.lost.n,
            open=_money(brief, now.open.cents if now.open else 0, report.currency),
            weighted=_money(brief, now.weighted_cents or 0, report.currency),
        ),  # fmt: skip
        _(
            "follow-ups: {on_time} done on time, {late} late; complaints: {complaints} opened,"
            " {answer}"
        ).format(
            on_time=now.on_time,
            late=now.late,
            complaints=now.complaints,
            answer=_answer(now.median_hours, now.unanswered),
        ),  # fmt: skip
    ]
    return Section(
        _("The team's week so far ({start} to {end})").format(
            start=short(report.span.start), end=short(report.span.end)
        ),
        [(line, []) for line in lines],
        chart=conversations_chart(report),
    )


def _answer(hours: float | None, unanswered: int) -> str:
    """'first answer after 3 h (median)', and how many wait for one."""
    from salesnotes.render.report import hours_said

    parts = []
    if hours is not None:
        parts.append(_("first answer after {hours} (median)").format(hours=hours_said(hours)))
    if unanswered:
        parts.append(
            n_("{n} not answered yet", "{n} not answered yet", unanswered).format(n=unanswered)
        )
    return ", ".join(parts) or _("none to answer")


def _ride_along(brief: Brief) -> Section | None:
    """The manager's: with whom they have not been on the road for a while, and in which
    roles they went the last times (always leading: said, kindly)."""
    if not brief.ride_along:
        return None
    from salesnotes.render.visits import ROLE_WORDS

    items = []
    for person, last, roles in brief.ride_along:
        if last:
            first = _("{person}: not on the road together since {day}").format(
                person=person, day=describe(last)
            )
        else:
            first = _("{person}: never on the road together yet").format(person=person)
        details = []
        if roles:
            details.append(_("the last times you went as: {roles}").format(
                roles=", ".join(_(ROLE_WORDS[r]) for r in roles)))  # fmt: skip
        if len(roles) >= 2 and set(roles) == {"lead"}:
            details.append(
                _("You led each time: next time let {person} lead and watch the customer; "
                  "and give a compliment afterwards.").format(person=person)
            )  # fmt: skip
        items.append((first, details))
    return Section(_("On the road with the team"), items)


def _calls(brief: Brief) -> Section:
    shown = len(brief.agenda)
    count = (
        _("{shown} of {agenda_total}").format(shown=shown, agenda_total=brief.agenda_total)
        if brief.agenda_total > shown
        else str(shown)
    )
    return Section(
        _("Who to call today ({count})").format(count=count),
        [
            (
                ", ".join(
                    x
                    for x in (
                        (f"{r.owner.capitalize()}: " if r.owner else "")
                        + f"{one_line(r.name)} #{r.contact_id}",
                        one_line(r.organisation or ""),
                        one_line(r.phone or ""),
                    )
                    if x
                ),
                [one_line(reason_words(reason)) for reason in r.reasons],
            )
            for r in brief.agenda
        ],
        empty=_("Nobody to call today."),
        numbered=True,
        note=day_note(brief),
    )


def _unnoted_calls(brief: Brief) -> Section | None:
    """'2 calls from your phone without a note': who, when, and the command that adds it."""
    from salesnotes.render.calls import length, when

    found = brief.unnoted_calls
    if not found:
        return None
    return Section(
        n_(
            "{n} call from your phone without a note",
            "{n} calls from your phone without a note",
            len(found),
        ).format(n=len(found)),
        [
            (
                f"{one_line(c.contact_name)}, {when(c.at)} ({length(c.seconds)})",
                [_('salesnotes calls note {id} "..."').format(id=c.id)],
            )
            for c in found
        ],
    )


def _late_complaints(brief: Brief) -> Section | None:
    if not brief.late_complaints:
        return None
    return Section(
        _("Complaints past the response time ({response_hours} hours)").format(
            response_hours=brief.response_hours
        ),
        [
            (
                _("#{id} {contact_name}: open {age}: {text}").format(
                    id=f.id,
                    contact_name=one_line(f.contact_name),
                    age=age_words(age),
                    text=one_line(f.text),
                ),
                [],
            )
            for f, age in brief.late_complaints
        ],
    )


def _quotes(brief: Brief) -> Section | None:
    items: list[tuple[str, list[str]]] = []
    for q in brief.expiring:
        items.append(
            (
                _("Expires {valid_until}: #{id} {contact_name}, {brief}: {title}").format(
                    valid_until=short(q.valid_until) if q.valid_until else "",
                    id=q.id,
                    contact_name=one_line(q.contact_name),
                    brief=_money(brief, q.amount_cents, q.currency),
                    title=one_line(q.title),
                ),
                [],
            )
        )
    items += _more(brief.expiring, brief.expiring_total, _("salesnotes quotes"))
    for q in brief.stale:
        items.append(
            (
                _(
                    "Stale, {status} and idle {day} days: #{id} {contact_name}, {brief}: {title}"
                ).format(
                    status=term(q.status),
                    day=q.idle_days(brief.day),
                    id=q.id,
                    contact_name=one_line(q.contact_name),
                    brief=_money(brief, q.amount_cents, q.currency),
                    title=one_line(q.title),
                ),
                [],
            )
        )
    items += _more(brief.stale, brief.stale_total, _("salesnotes quotes --stale"))
    return Section(_("Quotes expiring this week, and stale quotes"), items) if items else None


def _losing_touch(brief: Brief) -> Section | None:
    if not brief.losing_touch:
        return None
    shown = len(brief.losing_touch)
    total = _total(brief.losing_touch, brief.losing_touch_total)
    return Section(
        _("Losing touch ({shown} of {total})").format(shown=shown, total=total)
        if total > shown
        else _("Losing touch"),
        [
            (
                f"{one_line(i.name)}"
                + (f" ({one_line(i.organisation)})" if i.organisation else "")
                + ": "
                + (
                    _("last contact {last_contact}").format(last_contact=describe(i.last_contact))
                    if i.last_contact
                    else _("never contacted")
                )
                + (
                    _(", getting quiet: usually {every}, {overdue_days} past it").format(
                        every=every_words(i.rhythm_days),
                        overdue_days=duration_words(i.overdue_days),
                    )
                    if i.learned
                    else _(", {rhythm}, {overdue_days} late").format(
                        rhythm=rhythm_words(i.rhythm), overdue_days=duration_words(i.overdue_days)
                    )
                ),
                [],
            )
            for i in brief.losing_touch
        ],
    )


def _occasions(brief: Brief) -> Section | None:
    if not brief.occasions:
        return None
    return Section(
        _("Birthdays and anniversaries this week"),
        [(_occasion(o), []) for o in brief.occasions]
        + _more(brief.occasions, brief.occasions_total, _("the JSON briefing lists them")),
    )


def _since(brief: Brief) -> Section:
    """What happened since the last briefing (the first few, as read:
    usecases.briefing.MAX_ITEMS), and a line that counts it all."""
    happened: list[tuple[str, list[str]]] = []
    for i in brief.interactions:
        happened.append(
            (
                _("{kind} with {contact_name}: {text}").format(
                    kind=term(i.kind),
                    contact_name=one_line(i.contact_name),
                    text="\n".join(note_lines(i.text)),  # a note's lines stay lines
                ),
                [],
            )
        )
    for f in brief.followups_done:
        happened.append(
            (
                _("done: follow-up #{id} with {contact_name}: {text}").format(
                    id=f.id, contact_name=one_line(f.contact_name), text=one_line(f.text)
                ),
                [],
            )
        )
    for q in brief.quotes_closed:
        happened.append(
            (
                _("quote #{id} {status}: {contact_name}, {brief}").format(
                    id=q.id,
                    status=term(q.status),
                    contact_name=one_line(q.contact_name),
                    brief=_money(brief, q.amount_cents, q.currency),
                ),
                [],
            )
        )
    won = sum(1 for q in brief.quotes_closed if q.status == "won")
    lost = sum(1 for q in brief.quotes_closed if q.status == "lost")
    logged = _total(brief.interactions, brief.interactions_total)
    done = _total(brief.followups_done, brief.followups_done_total)
    summary = _("{logged} logged, {done} done, {won} won, {lost} lost").format(
        logged=n_("{n} interaction", "{n} interactions", logged).format(n=logged),
        done=n_("{n} follow-up", "{n} follow-ups", done).format(n=done),
        won=n_("{n} quote", "{n} quotes", won).format(n=won),
        lost=lost,
    )
    return Section(
        since_label(brief),
        happened if brief.since is not None else [],
        note=summary if brief.since is not None else "",
    )


def _occasion(o: Occasion) -> str:
    who = one_line(o.name) + (f" ({one_line(o.organisation)})" if o.organisation else "")
    if o.kind == "birthday":
        age = _(", turns {years}").format(years=o.years) if o.years else ""
        return _("{on}: birthday of {who}{age}").format(on=short(o.on), who=who, age=age)
    return n_(
        "{on}: {who}, {years} year a customer",
        "{on}: {who}, {years} years a customer",
        o.years or 0,
    ).format(on=short(o.on), who=who, years=o.years)
