"""The agenda: who to call today and why. Pure: data and ``today`` in, ranked rows out.

Every source (follow-ups here; quotes and keep-in-touch rhythms plug in beside it) turns what
it knows into ``Candidate`` rows: one contact, one reason in words, and named score terms.
``rank`` knows nothing of sources. It gives each contact one row whose score is their most
urgent candidate's score plus a small bonus for every further thing to discuss, and orders
rows by score, then the oldest date, then name: the same book and day always give the same list.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

from salesnotes.dates import days_phrase
from salesnotes.models import AgendaRow, Candidate, ContactCard, FollowUp, ScoreTerm
from salesnotes.text import fold, one_line


@dataclass(frozen=True)
class Weights:
    """The agenda's scoring, documented in the README ("How the agenda ranks")."""

    reason: Mapping[str, float] = field(
        default_factory=lambda: {
            "complaint": 1000.0,
            "callback": 500.0,
            "quote": 150.0,
            "question": 100.0,
            "checkin": 60.0,
            "other": 60.0,
        }
    )
    overdue: float = 100.0
    overdue_per_day: float = 2.0
    overdue_max_days: int = 60
    priority: Mapping[str, float] = field(
        default_factory=lambda: {"high": 50.0, "normal": 0.0, "low": -25.0}
    )
    extra_item: float = 10.0
    extra_items_max: float = 50.0


REASON_LABELS = {
    "complaint": "complaint",
    "callback": "callback",
    "question": "question",
    "quote": "quote follow-up",
    "checkin": "check-in",
    "other": "follow-up",
}


def followup_candidate(followup: FollowUp, today: date, weights: Weights) -> Candidate:
    """Score one open follow-up that is due on or before ``today`` and say why in words."""
    terms = [ScoreTerm(f"{followup.reason}", weights.reason.get(followup.reason, 0.0))]
    overdue_days = (today - followup.due_on).days
    if overdue_days > 0:
        counted = min(overdue_days, weights.overdue_max_days)
        terms.append(
            ScoreTerm(
                f"overdue {days_phrase(overdue_days)}",
                weights.overdue + weights.overdue_per_day * counted,
            )
        )
    priority = weights.priority.get(followup.priority, 0.0)
    if priority:
        terms.append(ScoreTerm(f"priority {followup.priority}", priority))
    return Candidate(
        contact_id=followup.contact_id,
        reason=followup_reason(followup, today),
        terms=tuple(terms),
        since=followup.due_on,
        followup_ids=(followup.id,),
    )


def followup_reason(followup: FollowUp, today: date) -> str:
    """'complaint open 2 days: leak', 'follow-up 3 days overdue: send quote', ..."""
    label = REASON_LABELS.get(followup.reason, followup.reason)
    overdue_days = (today - followup.due_on).days
    if followup.reason == "complaint":
        age = (today - followup.created_on).days
        when = "open since today" if age <= 0 else f"open {days_phrase(age)}"
    elif overdue_days > 0:
        when = f"{days_phrase(overdue_days)} overdue"
    elif followup.reason == "callback" and followup.created_on == today:
        when = "requested today"
    else:
        when = "due today"
    words = f"{label} {when}"
    if followup.priority == "high":
        words += " (high priority)"
    text = one_line(followup.text)
    return f"{words}: {text}" if text else words


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
        if len(found) > 1:
            bonus = min(weights.extra_item * (len(found) - 1), weights.extra_items_max)
            terms.append(ScoreTerm(f"{len(found) - 1} more to discuss", bonus))
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
            )
        )
    rows.sort(key=lambda r: (-r.score, r.since or date.max, fold(r.name), r.contact_id))
    return rows if limit is None else rows[:limit]
