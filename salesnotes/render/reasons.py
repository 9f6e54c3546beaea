"""Why to call someone, in words: an agenda row's reasons (``ranking.Reason``, made by the
ranking as data) said in the language spoken, as the agenda, the briefing and the JSON's
``reasons`` show them."""

from __future__ import annotations

from salesnotes.domain.days import days_phrase, duration_words, relative, short
from salesnotes.i18n import N_, _, n_, term
from salesnotes.text import one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import timedelta

    from salesnotes.domain.ranking import Reason, ScoreTerm

REASON_LABELS = {
    "complaint": N_("complaint"),
    "callback": N_("callback"),
    "question": N_("question"),
    "quote": N_("quote follow-up"),
    "checkin": N_("check-in"),
    "other": N_("follow-up"),
}
"""A follow-up's reason as a reason to call says it ('quote follow-up', not 'quote')."""


def age_words(age: timedelta) -> str:
    """'5 hours', '1 day', '3 days': hours while under two days."""
    hours = int(age.total_seconds() // 3600)
    if hours < 1:
        return _("less than an hour")
    if hours < 48:
        return n_("{n} hour", "{n} hours", hours).format(n=hours)
    return days_phrase(age.days)


def reason_words(reason: Reason) -> str:
    """'complaint open 2 days: leak', 'callback 3 days overdue: send quote', 'quote #4
    € 12.500 expires in 2 days: Hal 3', '21 days without contact; rhythm every 2 weeks'."""
    if reason.kind.startswith("quote_"):
        return _quote_words(reason)
    if reason.kind == "rhythm":
        return _rhythm_words(reason)
    if reason.kind == "quiet":
        return _quiet_words(reason)
    return _followup_words(reason)


def _followup_words(reason: Reason) -> str:
    today = reason.on
    label = _(REASON_LABELS.get(reason.subject, reason.subject))
    if reason.role:  # a joint visit
        label = _("visit with {person}").format(person=reason.visit_with)
    if reason.subject == "complaint" and reason.age is not None:
        when = _("open {created_at}").format(created_at=age_words(reason.age))
    elif reason.subject == "complaint":
        age = (today - reason.created_on).days if reason.created_on else 0
        when = _("open since today") if age <= 0 else _("open {age}").format(age=days_phrase(age))
    elif reason.overdue_days > 0:
        when = _("{overdue_days} overdue").format(overdue_days=days_phrase(reason.overdue_days))
    elif reason.due_on is not None and reason.due_on < today:  # on a day off, nothing missed
        when = _("due {due_on}").format(due_on=short(reason.due_on))
    elif reason.subject == "callback" and reason.created_on == today:
        when = _("requested today")
    else:
        when = _("due today")
    if reason.at:
        when += _(" at {due_time}").format(due_time=reason.at)
    words = f"{label} {when}"
    if reason.proposed:
        words += _(" (by their rhythm)")
    if reason.priority == "high":
        words += _(" (high priority)")
    text = one_line(reason.text)
    words = f"{words}: {text}" if text else words
    if reason.late_hours is not None:
        words += _(" (response time of {response_hours} hours passed)").format(
            response_hours=reason.late_hours
        )
    return words


def quote_label(quote_id: int | None, amount_cents: int, currency: str, money_format: str) -> str:
    """'quote #4 € 12.500' for reasons."""
    from salesnotes.domain.money import format_amount

    amount = format_amount(amount_cents, currency, money_format, short=True)
    return _("quote #{id} {amount}").format(id=quote_id, amount=amount)


def _quote_words(reason: Reason) -> str:
    label = quote_label(reason.quote_id, reason.amount_cents, reason.currency, reason.money_format)
    title = one_line(reason.text)
    today = reason.on
    if reason.kind == "quote_expired" and reason.valid_until is not None:
        return _("{label} expired {since}, still open: offer to renew ({title})").format(
            label=label, since=relative(reason.valid_until, today), title=title
        )
    if reason.kind in ("quote_expiring", "quote_expires_today") and reason.valid_until:
        when = relative(reason.valid_until, today)
        return _("{label} expires {when}: {title}").format(label=label, when=when, title=title)
    return _("{label} stale: {status}, no contact for {idle}: {title}").format(
        label=label, status=term(reason.status), idle=days_phrase(reason.idle_days), title=title
    )


def _rhythm_words(reason: Reason) -> str:
    from salesnotes.domain.days import Period

    rhythm = Period(int(reason.rhythm[:-1]), reason.rhythm[-1]).describe()
    if reason.never:
        since = _("no contact since added {days} ago").format(days=duration_words(reason.days))
    else:
        since = _("no contact for {days}").format(days=duration_words(reason.days))
    return _("{since}; rhythm {rhythm}").format(since=since, rhythm=rhythm)


def _quiet_words(reason: Reason) -> str:
    from salesnotes.domain.days import Period
    from salesnotes.render.cadence import every_words

    every = every_words(Period.stored(reason.rhythm).approx_days)  # type: ignore[union-attr]
    contacts = n_("{n} contact", "{n} contacts", reason.contacts).format(n=reason.contacts)
    since = days_phrase(reason.days) if reason.days < 100 else duration_words(reason.days)
    return _("getting quiet: usually {every} ({contacts}), now {since}").format(
        every=every, contacts=contacts, since=since
    )


def term_words(score: ScoreTerm) -> str:
    """A part of a row's score in words ('overdue 3 days', 'priority high'), for --explain
    and the JSON's ``terms``."""
    kind = score.kind
    if kind in ("reason", "priority"):
        word = term(score.word)
        return word if kind == "reason" else _("priority {priority}").format(priority=word)
    if kind == "complaint_late":
        return _("no answer within {response_hours} hours").format(response_hours=int(score.count))
    if kind == "overdue":
        return _("overdue {overdue_days}").format(overdue_days=days_phrase(int(score.count)))
    if kind == "quote_expiring" and score.day is not None and score.on is not None:
        return _("quote expires {valid_until}").format(valid_until=relative(score.day, score.on))
    if kind == "quote_stale":
        return _("quote stale {idle}").format(idle=days_phrase(int(score.count)))
    if kind == "past_rhythm":
        return _("past rhythm {rhythm}").format(rhythm=score.word)
    if kind == "quiet":
        return _("getting quiet, learned rhythm ~{rhythm}").format(rhythm=score.word)
    if kind == "rhythms_late":
        return _("{overdue_ratio:.2f} rhythms late").format(overdue_ratio=score.count)
    return {"quote_value": _("quote value"), "quote_expired": _("quote expired")}.get(kind, kind)
