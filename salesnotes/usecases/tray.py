"""What the briefing and the pipeline read beside the agenda: complaints past their response
time, the quotes to mention (expiring, stale), the pipeline's figures."""

from __future__ import annotations

from datetime import timedelta

from salesnotes.domain.ranking import complaint_age
from salesnotes.usecases.sources import _stale_cutoffs

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date, datetime

    from salesnotes.config import Config
    from salesnotes.domain.quote_life import Pipeline
    from salesnotes.models import FollowUp, Quote
    from salesnotes.store.interface import Store


def late_complaints(
    store: Store, config: Config, now: datetime
) -> list[tuple[FollowUp, timedelta]]:
    """Open complaints past their response time, with their age, oldest first."""
    response = timedelta(hours=config.get_int("complaints.response_hours"))
    aged = [(f, complaint_age(f.created_at, now)) for f in store.followups.open_complaints()]
    return [(f, age) for f, age in aged if age > response]


def quotes_to_mention(
    store: Store, config: Config, day: date, limit: int | None = None
) -> tuple[list[Quote], int, list[Quote], int]:
    """Open quotes expiring within the window (soonest first) and stale ones (most idle
    first), each with how many there are (``limit``: list only the first so many); a quote
    already past its date is the agenda's "offer to renew", and one expiring is listed as
    expiring, not also as stale."""
    until = day + timedelta(days=config.get_int("quotes.expiring_within_days"))
    expiring, expiring_total = store.quotes.expiring(day, until, limit)
    stale, stale_total = store.quotes.stale(_stale_cutoffs(config, day), until, limit)
    return expiring, expiring_total, stale, stale_total


def pipeline(store: Store, config: Config, day: date, lost_reasons: int = 5) -> Pipeline:
    """The pipeline's figures on ``day``, in the configured currency."""
    currency = config.get_str("money.currency")
    from salesnotes.domain.quote_life import pipeline as assemble_pipeline
    from salesnotes.domain.quote_life import probabilities

    rows = store.quotes.pipeline_figures(
        day,
        currency,
        probabilities(config),
        day.replace(month=1, day=1),
        day + timedelta(days=config.get_int("quotes.expiring_within_days")),
    )
    reasons = store.quotes.lost_reasons(lost_reasons) if lost_reasons else []
    return assemble_pipeline(rows, reasons, day, currency)
