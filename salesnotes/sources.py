"""Agenda sources: each reads what it needs from the store and yields scored candidates.

A new kind of reason to call (quotes, keep-in-touch rhythms) is a new function in SOURCES;
the ranking in agenda.py does not change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta

from salesnotes.agenda import (
    Weights,
    followup_candidate,
    quote_candidates,
    rank,
    rhythm_candidate,
)
from salesnotes.config import Config, defaults
from salesnotes.models import OPEN_QUOTE_STATUSES, STATUSES, AgendaRow, Candidate
from salesnotes.store import Store


@dataclass(frozen=True)
class Context:
    """What every source may use: the day, the moment, the settings and the weights."""

    today: date
    now: datetime
    config: Config
    weights: Weights


Source = Callable[[Store, Context], Iterable[Candidate]]


def followups_source(store: Store, ctx: Context) -> Iterable[Candidate]:
    """Open follow-ups due today or earlier (snoozed ones only once their new day comes);
    complaints count their age in hours from when they were opened."""
    hours = ctx.config.get_int("complaints.response_hours")
    return [
        followup_candidate(f, ctx.today, ctx.weights, ctx.now, hours)
        for f in store.due_followups(ctx.today)
    ]


def rhythms_source(store: Store, ctx: Context) -> Iterable[Candidate]:
    """Contacts past their keep-in-touch rhythm."""
    return [
        rhythm_candidate(item, ctx.today, ctx.weights)
        for item in store.losing_touch(ctx.today, rhythm_defaults(ctx.config))
    ]


def rhythm_defaults(config: Config) -> dict[str, str]:
    """The default rhythm of each status ('off' where there is none)."""
    return {status: config.get_str(f"rhythm.{status}") for status in STATUSES}


def quotes_source(store: Store, ctx: Context) -> Iterable[Candidate]:
    """Open quotes that expired, expire soon, or have gone stale."""
    today, config, weights = ctx.today, ctx.config, ctx.weights
    window = timedelta(days=config.get_int("quotes.expiring_within_days"))
    stale_before = {
        status: today - timedelta(days=config.get_int(f"quotes.stale_after_days.{status}"))
        for status in OPEN_QUOTE_STATUSES
    }
    quotes = store.quotes_needing_attention(today, today + window, stale_before)
    return [c for q in quotes for c in quote_candidates(q, today, weights, config)]


SOURCES: list[Source] = [followups_source, quotes_source, rhythms_source]


def agenda(
    store: Store,
    today: date,
    config: Config | None = None,
    limit: int | None = None,
    now: datetime | None = None,
) -> list[AgendaRow]:
    """The ranked agenda for ``today``: every source's candidates, one row per contact.

    ``now`` is the moment complaints are aged against (default: noon of ``today``).
    """
    config = config or defaults()
    weights = Weights.from_config(config)
    if now is None:
        now = datetime.combine(today, time(12, 0), tzinfo=UTC)
    ctx = Context(today, now, config, weights)
    candidates = [c for source in SOURCES for c in source(store, ctx)]
    cards = store.cards(c.contact_id for c in candidates)
    return rank(candidates, cards, weights, limit)
