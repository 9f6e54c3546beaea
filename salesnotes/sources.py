"""Agenda sources: each reads what it needs from the store and yields scored candidates.

A new kind of reason to call (quotes, keep-in-touch rhythms) is a new function in SOURCES;
the ranking in agenda.py does not change.

A source is called in one of three ways: for everything (``k`` and ``contact_ids`` None), for
its ``k`` most urgent candidates, or for every candidate of some contacts. With ``k`` it also
returns a bound: no candidate it left out scores more. ``agenda`` uses that to read a day's
list from the top of the indexes, however large the book, and still give exactly the rows a
full ranking would (see ``agenda``).
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from salesnotes import rhythms
from salesnotes.agenda import (
    Weights,
    complaint_age,
    followup_candidate,
    quote_candidates,
    quote_value,
    rank,
    rhythm_candidate,
)
from salesnotes.config import defaults
from salesnotes.models import OPEN_QUOTE_STATUSES, PRIORITIES, REASONS
from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from salesnotes.config import Config
    from salesnotes.models import AgendaRow, Candidate, FollowUp, LosingTouch, Occasion, Quote
    from salesnotes.quotes import Pipeline
    from salesnotes.store.interface import Store

    Found = tuple[list[Candidate], float | None]
    Source = Callable[[Store, "Context", Sequence[int] | None, int | None], Found]


@record
class Context:
    """What every source may use: the day, the moment, the settings and the weights."""

    today: date
    now: datetime
    config: Config
    weights: Weights


def followups_source(
    store: Store, ctx: Context, contact_ids: Sequence[int] | None, k: int | None
) -> Found:
    """Open follow-ups due today or earlier (snoozed ones only once their new day comes);
    complaints count their age in hours from when they were opened.

    Read for the top: per reason and priority the score only grows with days overdue, so
    each group is read oldest first; complaints (few, and aged by the hour) are read whole.
    """
    hours = ctx.config.get_int("complaints.response_hours")

    def score(due: list[FollowUp]) -> list[Candidate]:
        return [followup_candidate(f, ctx.today, ctx.weights, ctx.now, hours) for f in due]

    if k is None:
        return score(store.followups.due(ctx.today, contact_ids=contact_ids)), None
    found: list[Candidate] = []
    bounds = []
    for reason in REASONS:
        for priority in PRIORITIES:
            limit = None if reason == "complaint" else k
            group = score(store.followups.due(ctx.today, group=(reason, priority), limit=limit))
            found += group
            if limit is not None and len(group) >= limit:
                bounds.append(group[-1].score)
    return found, max(bounds, default=None)


def losing_touch(
    store: Store,
    day: date,
    config: Config,
    *,
    contact_ids: Sequence[int] | None = None,
    limit: int | None = None,
) -> list[LosingTouch]:
    """Active contacts past their keep-in-touch rhythm on ``day`` (see ``rhythms``); with
    ``limit``, at most that many per rhythm, the longest without contact first."""
    by_status = rhythms.defaults(config)
    statuses, own = rhythms.cutoffs(day, by_status, store.rhythms.rhythms_in_use())
    touches = store.rhythms.untouched_since(statuses, own, contact_ids=contact_ids, limit=limit)
    return rhythms.past_rhythm(touches, day, by_status)


def occasions(store: Store, day: date, days: int = 7) -> list[Occasion]:
    """Birthdays and customer anniversaries from ``day`` up to ``days`` ahead."""
    keys = sorted({d.strftime("%m-%d") for d in rhythms.window(day, days)})
    return rhythms.occasions(store.rhythms.yearly_dates(keys), day, days)


def rhythms_source(
    store: Store, ctx: Context, contact_ids: Sequence[int] | None, k: int | None
) -> Found:
    """Contacts past their keep-in-touch rhythm."""
    items = losing_touch(store, ctx.today, ctx.config, contact_ids=contact_ids, limit=k)
    found = [rhythm_candidate(item, ctx.today, ctx.weights) for item in items]
    bound = None
    if k is not None:
        # Per rhythm, the k-th longest without contact bounds the ones left out.
        by_rhythm: dict[str, list[Candidate]] = {}
        for item, candidate in zip(items, found, strict=True):
            by_rhythm.setdefault(f"{item.status}/{item.rhythm}", []).append(candidate)
        full = [min(c.score for c in group) for group in by_rhythm.values() if len(group) >= k]
        bound = max(full, default=None)
    return found, bound


def quotes_source(
    store: Store, ctx: Context, contact_ids: Sequence[int] | None, k: int | None
) -> Found:
    """Open quotes that expired, expire soon, or have gone stale.

    Read for the top: expired ones per status, expiring ones per day and stale ones per
    status, each largest first, since within each of those the score grows with the amount.
    """
    today, config, weights = ctx.today, ctx.config, ctx.weights
    if k is None:
        quotes = store.quotes.find(open_only=True, contact_ids=contact_ids, history=False)
        return [c for q in quotes for c in quote_candidates(q, today, weights, config)], None
    window = config.get_int("quotes.expiring_within_days")
    reads: list[tuple[str, list[Any], float]] = []
    for status in OPEN_QUOTE_STATUSES:
        reads.append(("expired", [status, today.isoformat()], weights["quote_expired"]))
        threshold = config.get_int(f"quotes.stale_after_days.{status}")
        cutoff = today - timedelta(days=threshold)
        reads.append(("idle since", [status, cutoff.isoformat()], weights["quote_stale"]))
    for days_left in range(window + 1):
        day = today + timedelta(days=days_left)
        base = weights["quote_expiring"] + weights["quote_expiring_per_day"] * (window - days_left)
        reads.append(("expires on", [day.isoformat()], base))
    seen: dict[int, Quote] = {}
    bounds = []
    for condition, params, base in reads:
        quotes = store.quotes.top_by_amount(condition, params, k)
        for quote in quotes:
            seen.setdefault(quote.id, quote)
        if len(quotes) >= k:
            bounds.append(base + quote_value(quotes[-1], weights))
    found = [c for q in seen.values() for c in quote_candidates(q, today, weights, config)]
    return found, max(bounds, default=None)


SOURCES: list[Source] = [followups_source, quotes_source, rhythms_source]


# -- what the briefing and the pipeline read, beside the agenda ----------------------------------


def late_complaints(
    store: Store, config: Config, now: datetime
) -> list[tuple[FollowUp, timedelta]]:
    """Open complaints past their response time, with their age, oldest first."""
    response = timedelta(hours=config.get_int("complaints.response_hours"))
    aged = [(f, complaint_age(f, now)) for f in store.followups.open_complaints()]
    return [(f, age) for f, age in aged if age > response]


def quotes_to_mention(store: Store, config: Config, day: date) -> tuple[list[Quote], list[Quote]]:
    """Open quotes expiring within the window (soonest first) and stale ones (most idle first);
    a quote already past its date is the agenda's "offer to renew", not stale."""
    from salesnotes.quotes import is_stale

    window = day + timedelta(days=config.get_int("quotes.expiring_within_days"))
    cutoffs = {
        status: day - timedelta(days=config.get_int(f"quotes.stale_after_days.{status}"))
        for status in OPEN_QUOTE_STATUSES
    }
    by_validity, idle = store.quotes.needing_attention(window, cutoffs)
    expiring = [q for q in by_validity if q.valid_until and day <= q.valid_until]
    shown = {q.id for q in expiring}
    stale = [
        q
        for q in idle
        if q.id not in shown
        and not (q.valid_until and q.valid_until < day)
        and is_stale(q, day, config)
    ]
    return expiring, sorted(stale, key=lambda q: (-q.idle_days(day), q.id))


def pipeline(store: Store, config: Config, day: date, lost_reasons: int = 5) -> Pipeline:
    """The pipeline's figures on ``day``, in the configured currency."""
    currency = config.get_str("money.currency")
    from salesnotes.quotes import pipeline as assemble_pipeline
    from salesnotes.quotes import probabilities

    rows = store.quotes.pipeline_figures(
        day,
        currency,
        probabilities(config),
        day.replace(month=1, day=1),
        day + timedelta(days=config.get_int("quotes.expiring_within_days")),
    )
    reasons = store.quotes.lost_reasons(lost_reasons) if lost_reasons else []
    return assemble_pipeline(rows, reasons, day, currency)


def agenda(
    store: Store,
    today: date,
    config: Config | None = None,
    limit: int | None = None,
    now: datetime | None = None,
) -> list[AgendaRow]:
    """The ranked agenda for ``today``: every source's candidates, one row per contact.

    ``now`` is the moment complaints are aged against (default: noon of ``today``).
    With a ``limit``, each source gives its ``k`` most urgent candidates and a bound on the
    rest. A contact's score is their best candidate's, so when the ``limit``-th best score
    read is above every bound, nobody unread can make the list; otherwise the sources read
    deeper. Then every candidate of the chosen contacts is read, for all their reasons.
    """
    config = config or defaults()
    weights = Weights.from_config(config)
    if now is None:
        now = datetime.combine(today, time(12, 0), tzinfo=UTC)
    ctx = Context(today, now, config, weights)
    if limit is None:
        candidates = [c for source in SOURCES for c in source(store, ctx, None, None)[0]]
        return rank(candidates, store.contacts.cards(c.contact_id for c in candidates), weights)
    k = limit + 10
    while True:
        results = [source(store, ctx, None, k) for source in SOURCES]
        best: dict[int, float] = {}
        for found, _ in results:
            for c in found:
                best[c.contact_id] = max(best.get(c.contact_id, c.score), c.score)
        bounds = [bound for _, bound in results if bound is not None]
        ranked = sorted(best.values(), reverse=True)
        cut = ranked[limit - 1] if len(ranked) >= limit else None
        if bounds and (cut is None or max(bounds) >= cut):
            k *= 4  # someone not read yet could still make the list: read deeper
            continue
        # A contact's score is their best candidate's, so the list is made of these contacts
        # (ties at the cut included); read all their candidates for the reasons and dates.
        chosen = [cid for cid, score in best.items() if cut is None or score >= cut]
        cards = store.contacts.cards(chosen)
        candidates = [c for source in SOURCES for c in source(store, ctx, list(cards), None)[0]]
        return rank(candidates, cards, weights, limit)
