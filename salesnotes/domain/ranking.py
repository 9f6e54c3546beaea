"""The agenda: who to call today and why. Pure: data and ``today`` in, ranked rows out.

Every source (follow-ups here; quotes and keep-in-touch rhythms plug in beside it) turns what
it knows into ``Candidate`` rows: one contact, one reason in words, and named score terms.
``rank`` knows nothing of sources. It gives each contact one row, listing every reason, whose
score is their most urgent candidate's score, and orders rows by score, then the oldest date,
then name: the same book and day always give the same list.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta

from salesnotes.config import defaults
from salesnotes.domain.days import (
    WORKWEEK,
    working_days_between,
)
from salesnotes.record import changed, record
from salesnotes.text import fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from salesnotes.config import Config
    from salesnotes.domain.days import Calendar
    from salesnotes.models import ContactCard, FollowUp, LosingTouch, Quote


@record
class ScoreTerm:
    """One part of an agenda row's score, as data: ``kind`` (the follow-up's 'reason', its
    'priority', 'overdue', 'complaint_late', 'quote_value', 'quote_expired',
    'quote_expiring', 'quote_stale', 'past_rhythm', 'rhythms_late'), its value, and what its
    words are made of (``render/reasons.term_words``: 'callback 500', 'overdue 3 days')."""

    kind: str
    value: float
    word: str = ""  # a follow-up's reason or priority, a rhythm
    count: float = 0  # days overdue or idle, hours to answer, rhythms late
    day: date | None = None  # the day a quote expires
    on: date | None = None  # the day the agenda is for


@record
class Reason:
    """Why to call someone, as data: ``kind`` (REASON_KINDS) and the facts the words are made
    from, as of the day ``on``. ``render/reasons.py`` words it in the language spoken and
    picks its colour by kind; the rules never write the sentence."""

    kind: str
    on: date  # the day the agenda is for
    subject: str = ""  # a follow-up's reason (callback, complaint, quote, ...)
    text: str = ""  # the follow-up's own text, the quote's title
    priority: str = ""  # a follow-up's priority
    due_on: date | None = None  # a follow-up's day
    created_on: date | None = None  # the day a follow-up was made
    at: str | None = None  # the time of day of a follow-up due ``on``
    age: timedelta | None = None  # how long a complaint has been open (the clock known)
    overdue_days: int = 0  # working days a follow-up is overdue
    late_hours: int | None = None  # a complaint past this response time
    quote_id: int | None = None
    amount_cents: int = 0
    currency: str = ""
    money_format: str = ""  # how the user writes amounts (money.format)
    status: str = ""  # a quote's status
    valid_until: date | None = None
    idle_days: int = 0  # days nobody touched a quote
    rhythm: str = ""  # a keep-in-touch rhythm ('2w')
    days: int = 0  # days without contact (rhythm)
    never: bool = False  # no contact since being added (rhythm)
    contacts: int = 0  # contact days a learned rhythm is learned from (quiet)
    proposed: bool = False  # a follow-up planned by the contact's rhythm, not by a person
    visit_with: str = ""  # a joint visit: who joins (its role in ``role``)
    role: str = ""


@record
class Candidate:
    """What one agenda source says about one contact: why to call, and how urgent."""

    contact_id: int
    reason: Reason
    terms: tuple[ScoreTerm, ...]
    since: date
    followup_ids: tuple[int, ...] = ()
    at: str | None = None  # a follow-up due today at this time of day

    @property
    def kind(self) -> str:
        """What kind of reason (REASON_KINDS): what a colour is chosen by."""
        return self.reason.kind

    @property
    def score(self) -> float:
        """The sum of this candidate's terms."""
        return sum(term.value for term in self.terms)


@record
class AgendaRow:
    """One person to call, the score that placed them, and why (``reasons``, as data)."""

    contact_id: int
    name: str
    organisation: str | None
    phone: str | None
    email: str | None
    score: float
    reasons: tuple[Reason, ...]
    followup_ids: tuple[int, ...]
    terms: tuple[ScoreTerm, ...] = ()
    since: date | None = None
    at: str | None = None  # the earliest time of day of a follow-up due today
    last_on: date | None = None  # the last conversation, to prepare the call from the row
    last_kind: str = ""
    last_text: str = ""
    owner: str = ""  # whose agenda the row is in (agenda --owner / --team)

    @property
    def kinds(self) -> tuple[str, ...]:
        """Each reason's kind (REASON_KINDS), in the order of the reasons."""
        return tuple(reason.kind for reason in self.reasons)


REASON_KINDS = (
    "complaint",  # an open complaint
    "overdue",  # a follow-up past its day (working days)
    "due_today",  # a follow-up due or asked for today
    "due_earlier",  # due on a day off, nothing missed since
    "quote_expired",  # an open quote past its validity
    "quote_expiring",  # an open quote expiring within the window
    "quote_expires_today",
    "quote_stale",  # an open quote nobody touched for too long
    "rhythm",  # a contact past their keep-in-touch rhythm
    "quiet",  # a contact getting quiet: past where their own learned rhythm expects them
)
"""What an agenda row's reasons are, as data: the words are made in the language spoken,
the colours and the JSON's ``reason_kinds`` are chosen by these."""


class Weights:
    """The agenda's scoring: ``agenda.weights.*`` in the configuration (README: "How the
    agenda ranks"). ``Weights()`` is the documented defaults."""

    __slots__ = ("values", "working")

    def __init__(
        self,
        values: Mapping[str, float] | None = None,
        working: frozenset[int] | Calendar = WORKWEEK,
    ) -> None:
        self.values = values if values is not None else _weights(defaults())
        # The days overdue counts: the working weekdays, less holidays and days off.
        self.working = working

    @classmethod
    def from_config(cls, config: Config, calendar: Calendar | None = None) -> Weights:
        """The weights a configuration sets (defaults where it is silent), counting overdue
        days by ``calendar`` (default: the configured weekdays only)."""
        return cls(_weights(config), calendar or config.working_days())

    def __getitem__(self, name: str) -> float:
        return self.values[name]

    def reason(self, reason: str) -> float:
        """The base weight of a follow-up's reason."""
        return self.values.get(reason, self.values["other"])

    def priority(self, priority: str) -> float:
        """The priority term: high and low move a follow-up, normal does not."""
        return self.values.get(f"priority_{priority}", 0.0)


def _weights(config: Config) -> dict[str, float]:
    prefix = "agenda.weights."
    return {key[len(prefix) :]: float(v) for key, v, _ in config.items() if key.startswith(prefix)}


def complaint_age(created_at: str, now: datetime) -> timedelta:
    """How long a complaint opened at ``created_at`` (a UTC instant) has been open."""
    from salesnotes.book_values import book_moment

    opened = book_moment(created_at)
    return max(now - opened, timedelta(0))


def is_late(reason: str, created_at: str, now: datetime | None, response_hours: int) -> bool:
    """A complaint open longer than its response time."""
    if reason != "complaint" or now is None:
        return False
    return complaint_age(created_at, now) > timedelta(hours=response_hours)


def followup_terms(
    reason: str,
    priority: str,
    due_on: date,
    created_at: str,
    today: date,
    weights: Weights,
    now: datetime | None = None,
    response_hours: int = 24,
    amount_cents: int | None = None,
) -> tuple[ScoreTerm, ...]:
    """The score of an open follow-up due on or before ``today``, term by term.

    A complaint's age counts in hours from the moment it was opened (``now``); past the
    response time it gains the ``complaint_late`` term. Overdue counts working days only
    (a follow-up due on Friday is one day overdue on Monday). A follow-up that chases a quote
    (``amount_cents``: the quote's amount) gains the quote's value term, as the quote does.
    """
    terms = [ScoreTerm("reason", weights.reason(reason), word=reason)]
    if is_late(reason, created_at, now, response_hours):
        terms.append(ScoreTerm("complaint_late", weights["complaint_late"], count=response_hours))
    if amount_cents is not None:
        terms.append(ScoreTerm("quote_value", quote_value(amount_cents, weights)))
    overdue_days = working_days_between(due_on, today, weights.working)
    if overdue_days > 0:
        counted = min(overdue_days, int(weights["overdue_max_days"]))
        terms.append(
            ScoreTerm(
                "overdue",
                weights["overdue"] + weights["overdue_per_day"] * counted,
                count=overdue_days,
            )
        )
    bonus = weights.priority(priority)
    if bonus:
        terms.append(ScoreTerm("priority", bonus, word=priority))
    return tuple(terms)


def followup_candidate(
    followup: FollowUp,
    today: date,
    weights: Weights,
    now: datetime | None = None,
    response_hours: int = 24,
) -> Candidate:
    """Score one open follow-up that is due on or before ``today`` and say why in words."""
    f = followup
    terms = followup_terms(
        f.reason,
        f.priority,
        f.due_on,
        f.created_at,
        today,
        weights,
        now,
        response_hours,
        f.quote_amount_cents,
    )
    reason = followup_reason(followup, today, now, weights.working)
    if is_late(f.reason, f.created_at, now, response_hours):
        reason = changed(reason, late_hours=response_hours)
    return Candidate(
        contact_id=followup.contact_id,
        reason=reason,
        terms=terms,
        since=followup.due_on,
        followup_ids=(followup.id,),
        at=followup.due_time if followup.due_on == today else None,
    )


def followup_reason(
    followup: FollowUp,
    today: date,
    now: datetime | None = None,
    working: frozenset[int] | Calendar = WORKWEEK,
) -> Reason:
    """Why an open follow-up due on or before ``today`` is on the agenda: an open complaint
    (its age, when the clock is known), overdue (in working days), due on an earlier day off
    with nothing missed since, or due today (at its time)."""
    overdue_days = working_days_between(followup.due_on, today, working)
    if followup.reason == "complaint":
        kind = "complaint"
    elif overdue_days > 0:
        kind = "overdue"
    elif followup.due_on < today:
        kind = "due_earlier"
    else:
        kind = "due_today"
    return Reason(
        kind=kind,
        on=today,
        subject=followup.reason,
        text=followup.text,
        priority=followup.priority,
        due_on=followup.due_on,
        created_on=followup.created_on,
        at=followup.due_time if followup.due_on == today else None,
        age=complaint_age(followup.created_at, now)
        if followup.reason == "complaint" and now is not None
        else None,
        overdue_days=overdue_days,
        proposed=followup.proposed,
        visit_with=followup.with_owner if followup.role else "",
        role=followup.role,
    )


def rank(
    candidates: Iterable[Candidate],
    cards: Mapping[int, ContactCard],
    weights: Weights,
    limit: int | None = None,
) -> list[AgendaRow]:
    """One row per contact, most urgent first; ties by oldest date, then name, then id."""
    by_contact: dict[int, list[Candidate]] = {}
    for candidate in candidates:
        if candidate.contact_id in cards:
            by_contact.setdefault(candidate.contact_id, []).append(candidate)
    rows = []
    for contact_id, found in by_contact.items():
        found.sort(key=lambda c: (-c.score, c.since))
        best = found[0]
        terms = list(best.terms)
        card = cards[contact_id]
        followup_ids = sorted({fid for c in found for fid in c.followup_ids})
        rows.append(
            AgendaRow(
                contact_id=contact_id,
                name=card.name,
                organisation=card.organisation,
                phone=card.phone,
                email=card.email,
                score=round(sum(t.value for t in terms), 2),
                reasons=tuple(c.reason for c in found),
                followup_ids=tuple(followup_ids),
                terms=tuple(terms),
                since=min(c.since for c in found),
                at=min((c.at for c in found if c.at), default=None),
                last_on=card.last_on,
                last_kind=card.last_kind,
                last_text=card.last_text,
            )
        )
    # Within one score, the day's timed calls in the order of their times, before untimed.
    rows.sort(
        key=lambda r: (-r.score, r.at or "~", r.since or date.max, fold(r.name), r.contact_id)
    )
    return rows if limit is None else rows[:limit]


def quote_value(amount_cents: int, weights: Weights) -> float:
    """The value term: per whole thousand of the amount (so scores stay whole), capped."""
    thousands = amount_cents // 100_000
    return min(thousands * weights["quote_value_per_1000"], weights["quote_value_max"])


def quote_terms(
    amount_cents: int,
    status: str,
    valid_until: date | None,
    last_activity: date,
    today: date,
    weights: Weights,
    config: Config,
) -> list[tuple[str, tuple[ScoreTerm, ...], date]]:
    """Why an open quote needs a call, as (kind, terms, since): 'expired' (still open),
    'expiring' (within the window) or 'stale' (idle past its status's threshold; an expired
    quote is never also stale: "renew it" says it all)."""
    value = ScoreTerm("quote_value", quote_value(amount_cents, weights))
    found: list[tuple[str, tuple[ScoreTerm, ...], date]] = []
    window = config.get_int("quotes.expiring_within_days")
    if valid_until is not None:
        days_left = (valid_until - today).days
        if days_left < 0:
            found.append(
                (
                    "expired",
                    (ScoreTerm("quote_expired", weights["quote_expired"]), value),
                    valid_until,
                )
            )
        elif days_left <= window:
            urgency = weights["quote_expiring"] + weights["quote_expiring_per_day"] * (
                window - days_left
            )
            term = ScoreTerm("quote_expiring", urgency, day=valid_until, on=today)
            found.append(("expiring", (term, value), valid_until))
    idle = max(0, (today - last_activity).days)
    expired = valid_until is not None and valid_until < today
    if idle > config.get_int(f"quotes.stale_after_days.{status}") and not expired:
        term = ScoreTerm("quote_stale", weights["quote_stale"], count=idle)
        found.append(("stale", (term, value), last_activity))
    return found


def quote_candidates(
    quote: Quote, today: date, weights: Weights, config: Config
) -> list[Candidate]:
    """Why an open quote needs a call (see ``quote_terms``), as reasons."""
    q = quote
    found = quote_terms(
        q.amount_cents, q.status, q.valid_until, q.last_activity, today, weights, config
    )
    candidates = []
    for kind, terms, since in found:
        shown = "quote_expires_today" if kind == "expiring" and since == today else f"quote_{kind}"
        reason = Reason(
            kind=shown,
            on=today,
            text=quote.title,
            quote_id=quote.id,
            amount_cents=quote.amount_cents,
            currency=quote.currency,
            money_format=config.get_str("money.format"),
            status=quote.status,
            valid_until=quote.valid_until,
            idle_days=quote.idle_days(today),
        )
        candidates.append(Candidate(quote.contact_id, reason, terms, since))
    return candidates


def rhythm_terms(rhythm: str, overdue_ratio: float, weights: Weights) -> tuple[ScoreTerm, ...]:
    """The score of a contact past their rhythm: weighted by how many rhythms late, so a
    weekly rhythm missed by a week ranks above a quarterly one missed by a week."""
    late = min(weights["rhythm_per_rhythm"] * overdue_ratio, weights["rhythm_max"])
    return (
        ScoreTerm("past_rhythm", weights["rhythm"], word=rhythm),
        ScoreTerm("rhythms_late", round(late), count=overdue_ratio),
    )


def rhythm_candidate(item: LosingTouch, today: date, weights: Weights) -> Candidate:
    """A contact past their rhythm (see ``rhythm_terms``), as a reason; one past where their
    learned rhythm expects them is getting quiet (``quiet_terms``)."""
    last = item.last_contact if item.last_contact is not None else item.last_touch
    learned = item.learned > 0
    return Candidate(
        contact_id=item.contact_id,
        reason=Reason(
            kind="quiet" if learned else "rhythm",
            on=today,
            rhythm=item.rhythm,
            days=(today - last).days,
            never=item.last_contact is None,
            contacts=item.learned,
        ),
        terms=(quiet_terms if learned else rhythm_terms)(item.rhythm, item.overdue_ratio, weights),
        since=item.last_touch,
    )


def quiet_terms(rhythm: str, overdue_ratio: float, weights: Weights) -> tuple[ScoreTerm, ...]:
    """The score of a contact getting quiet, as a set rhythm's: the rhythm's weight and, per
    learned rhythm past where nine in ten of their next contacts fall, as many rhythms late
    (a customer seen monthly and quiet for a month more ranks as a monthly rhythm a month
    late)."""
    late = min(weights["rhythm_per_rhythm"] * overdue_ratio, weights["rhythm_max"])
    return (
        ScoreTerm("quiet", weights["rhythm"], word=rhythm),
        ScoreTerm("rhythms_late", round(late), count=overdue_ratio),
    )
