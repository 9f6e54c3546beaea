"""Agenda sources: each reads what it needs from the store and yields scored candidates.

A new kind of reason to call (quotes, keep-in-touch rhythms) is a new function in SOURCES;
the ranking in agenda.py does not change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date, timedelta

from salesnotes.agenda import Weights, followup_candidate, quote_candidates, rank
from salesnotes.config import Config, defaults
from salesnotes.models import OPEN_QUOTE_STATUSES, AgendaRow, Candidate
from salesnotes.store import Store

Source = Callable[[Store, date, Config, Weights], Iterable[Candidate]]


def followups_source(
    store: Store, today: date, config: Config, weights: Weights
) -> Iterable[Candidate]:
    """Open follow-ups due today or earlier (snoozed ones only once their new day comes)."""
    return [followup_candidate(f, today, weights) for f in store.due_followups(today)]


def quotes_source(
    store: Store, today: date, config: Config, weights: Weights
) -> Iterable[Candidate]:
    """Open quotes that expired, expire soon, or have gone stale."""
    window = timedelta(days=config.get_int("quotes.expiring_within_days"))
    stale_before = {
        status: today - timedelta(days=config.get_int(f"quotes.stale_after_days.{status}"))
        for status in OPEN_QUOTE_STATUSES
    }
    quotes = store.quotes_needing_attention(today, today + window, stale_before)
    return [c for q in quotes for c in quote_candidates(q, today, weights, config)]


SOURCES: list[Source] = [followups_source, quotes_source]


def agenda(
    store: Store, today: date, config: Config | None = None, limit: int | None = None
) -> list[AgendaRow]:
    """The ranked agenda for ``today``: every source's candidates, one row per contact."""
    config = config or defaults()
    weights = Weights.from_config(config)
    candidates = [c for source in SOURCES for c in source(store, today, config, weights)]
    cards = store.cards(c.contact_id for c in candidates)
    return rank(candidates, cards, weights, limit)
