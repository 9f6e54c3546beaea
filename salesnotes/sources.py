"""Agenda sources: each reads what it needs from the store and yields scored candidates.

A new kind of reason to call (quotes, keep-in-touch rhythms) is a new function in SOURCES;
the ranking in agenda.py does not change.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date

from salesnotes.agenda import Weights, followup_candidate, rank
from salesnotes.models import AgendaRow, Candidate
from salesnotes.store import Store

Source = Callable[[Store, date, Weights], Iterable[Candidate]]


def followups_source(store: Store, today: date, weights: Weights) -> Iterable[Candidate]:
    """Open follow-ups due today or earlier (snoozed ones only once their new day comes)."""
    return [followup_candidate(f, today, weights) for f in store.due_followups(today)]


SOURCES: list[Source] = [followups_source]


def agenda(
    store: Store, today: date, weights: Weights | None = None, limit: int | None = None
) -> list[AgendaRow]:
    """The ranked agenda for ``today``: every source's candidates, one row per contact."""
    weights = weights or Weights()
    candidates = [c for source in SOURCES for c in source(store, today, weights)]
    cards = store.cards(c.contact_id for c in candidates)
    return rank(candidates, cards, weights, limit)
