"""Quote rules that are not storage: a new quote's terms as typed, validity, probabilities,
staleness, the pipeline's figures, and each step of its life (sending, a new amount, a new
validity, closing: what may happen and what it changes). Pure."""

from __future__ import annotations

from datetime import date

from salesnotes.errors import BadInput, Conflict
from salesnotes.i18n import N_, _
from salesnotes.models import OPEN_QUOTE_STATUSES, QuoteChange
from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from salesnotes.config import Config
    from salesnotes.models import Quote

COMMON_LOST_REASONS = ("price", "competitor", "timing", "no budget", "no response", "scope")


def probabilities(config: Config) -> dict[str, int]:
    """The default win probability (percent) of each open status."""
    return {s: config.get_int(f"quotes.probability.{s}") for s in OPEN_QUOTE_STATUSES}


def probability(quote: Quote, config: Config) -> int:
    """The quote's own probability, else its status's default; closed: 100 won, 0 otherwise."""
    if quote.status == "won":
        return 100
    if not quote.is_open:
        return 0
    if quote.probability is not None:
        return quote.probability
    return probabilities(config)[quote.status]


def stale_threshold(quote: Quote, config: Config) -> int | None:
    """Idle days after which an open quote is stale (None for a closed one)."""
    if not quote.is_open:
        return None
    return config.get_int(f"quotes.stale_after_days.{quote.status}")


def is_stale(quote: Quote, today: date, config: Config) -> bool:
    """Open, and idle for longer than its status allows."""
    threshold = stale_threshold(quote, config)
    return threshold is not None and quote.idle_days(today) > threshold


@record
class StatusFigures:
    """Open quotes of one shown status."""

    status: str
    count: int
    value_cents: int
    weighted_cents: int


@record
class PeriodFigures:
    """Quotes closed in a period."""

    label: str
    won_count: int
    won_cents: int
    lost_count: int
    lost_cents: int

    @property
    def win_rate(self) -> float | None:
        """Won / (won + lost) by count, or None when nothing closed."""
        closed = self.won_count + self.lost_count
        return self.won_count / closed if closed else None


@record
class Pipeline:
    """What is open, weighted, expiring, and how the month and year went."""

    currency: str
    today: date
    by_status: tuple[StatusFigures, ...]
    expiring_count: int
    expiring_cents: int
    month: PeriodFigures
    year: PeriodFigures
    average_days_to_win: float | None
    other_currencies: dict[str, int]
    lost_reasons: tuple[tuple[str, int], ...]

    @property
    def open_count(self) -> int:
        """All open quotes, expired ones included."""
        return sum(s.count for s in self.by_status)

    @property
    def open_cents(self) -> int:
        """The value of all open quotes, expired ones included."""
        return sum(s.value_cents for s in self.by_status)

    @property
    def weighted_cents(self) -> int:
        """Amount x probability over open quotes that have not expired."""
        return sum(s.weighted_cents for s in self.by_status)


def pipeline(
    rows: dict[str, list[dict[str, Any]]],
    lost_reasons: list[tuple[str, int]],
    today: date,
    currency: str,
) -> Pipeline:
    """Assemble the pipeline from the store's aggregates (``store.quotes.pipeline_figures``)."""
    shown_order = ("draft", "sent", "negotiating", "expired")
    found = {r["shown"]: r for r in rows["open"]}
    by_status = tuple(
        StatusFigures(
            status,
            int(found[status]["n"]) if status in found else 0,
            int(found[status]["value"] or 0) if status in found else 0,
            # weighted sums are cents x percent: back to cents, rounding half up
            (int(found[status]["weighted"] or 0) + 50) // 100
            if status in found and status != "expired"
            else 0,
        )
        for status in shown_order
    )
    month_key = today.strftime("%Y-%m")

    def period(label: str, months: set[str] | None) -> PeriodFigures:
        totals: dict[str, list[int]] = {"won": [0, 0], "lost": [0, 0]}
        for r in rows["closed"]:
            if months is None or r["month"] in months:
                totals[r["status"]][0] += int(r["n"])
                totals[r["status"]][1] += int(r["value"] or 0)
        return PeriodFigures(label, *totals["won"], *totals["lost"])

    timed = sum(int(r["timed"]) for r in rows["closed"])
    days = sum(float(r["days_to_win"] or 0) for r in rows["closed"])
    return Pipeline(
        currency=currency,
        today=today,
        by_status=by_status,
        expiring_count=int(rows["expiring"][0]["n"]) if rows["expiring"] else 0,
        expiring_cents=int(rows["expiring"][0]["value"]) if rows["expiring"] else 0,
        month=period(month_key, {month_key}),
        year=period(str(today.year), None),
        average_days_to_win=round(days / timed, 1) if timed else None,
        other_currencies={r["currency"]: int(r["n"]) for r in rows["other"]},
        lost_reasons=tuple(lost_reasons),
    )


@record
class Terms:
    """A new quote as typed, read: its amount in cents, its day, how long it is valid and
    its currency code."""

    cents: int
    quoted_on: date
    valid_until: date
    currency: str


def read_terms(
    amount: str,
    on: str | None,
    valid: str | None,
    currency: str | None,
    today: date,
    *,
    valid_days: int,
    default_currency: str,
) -> Terms:
    """A new quote's terms from what was typed: '12.500,00', a day that is not in the
    future (a quote is dated when made), a validity (default ``valid_days`` from its day)
    and a three-letter currency code (default ``default_currency``)."""
    from salesnotes.domain.dates import parse_when
    from salesnotes.domain.days import describe
    from salesnotes.domain.money import parse_amount
    from salesnotes.errors import BadInput
    from salesnotes.i18n import _

    cents = parse_amount(amount)
    quoted_on = parse_when(on, today, past=True) if on is not None else today
    if quoted_on > today:
        raise BadInput(
            _("'{on}' is {quoted_on}, in the future; a quote is dated when made").format(
                on=on, quoted_on=describe(quoted_on)
            )
        )
    until = valid_until(valid if valid is not None else f"{valid_days}d", quoted_on, today)
    code = (currency or default_currency).strip().upper()
    if len(code) != 3 or not code.isalpha() or not code.isascii():
        raise BadInput(
            _("'{currency}' is not a currency code; try EUR, USD or GBP").format(currency=currency)
        )
    return Terms(cents, quoted_on, until, code)


def valid_until(text: str, quoted_on: date, today: date) -> date:
    """A validity: a period from the quote's date ('30d') or a date ('31-12')."""
    from salesnotes.domain.dates import parse_period, parse_when
    from salesnotes.domain.days import FIRST_DAY, LAST_DAY, RANGE_WORDS
    from salesnotes.errors import BadInput
    from salesnotes.i18n import _

    try:
        until = parse_period(text).after(quoted_on)
    except BadInput:
        return parse_when(text, today)
    if not FIRST_DAY <= until <= LAST_DAY:  # '900y' from a quote's day
        raise BadInput(
            _("'{text}' is {day}: {range}").format(
                text=text, day=until.isoformat(), range=_(RANGE_WORDS)
            )
        )
    return until


def renewed_until(valid: str | None, today: date, *, valid_days: int) -> date:
    """The new validity of a renewed quote: from today on (default ``valid_days``)."""
    from salesnotes.domain.days import describe
    from salesnotes.errors import BadInput
    from salesnotes.i18n import _

    until = valid_until(valid if valid is not None else f"{valid_days}d", today, today)
    if until < today:
        raise BadInput(
            _("'{valid}' is {until}, in the past; a renewed quote is valid from today on").format(
                valid=valid, until=describe(until)
            )
        )
    return until


def read_probability(text: str | None) -> int | None:
    """A win probability as typed ('70', '70%'), or None for 'default' (the status's)."""
    from salesnotes.errors import BadInput
    from salesnotes.i18n import _

    if text is None:
        raise BadInput(_("nothing to change; give --probability 70 or --probability default"))
    digits = text.strip().rstrip("%")
    if digits.lower() == "default":
        return None
    if digits.isdigit() and digits.isascii() and len(digits) <= 9:
        return int(digits)
    raise BadInput(
        _("'{probability}' is not a percentage; try 70 or default").format(probability=text)
    )


def tray_status(show_all: bool, open_only: bool, stale: bool, status: str | None) -> str | None:
    """The filters of ``quotes`` as typed, checked before the book is opened: --all goes
    with neither --open nor --stale; a status is one a quote can show, in English or Dutch
    ('verstuurd' is sent). The status, lower case, or None."""
    from salesnotes.domain.fields import canonical, one_of
    from salesnotes.errors import BadInput
    from salesnotes.i18n import _
    from salesnotes.models import QUOTE_STATUSES

    if show_all and (open_only or stale):
        raise BadInput(_("--all lists every quote; leave out --open and --stale with it"))
    if status is None:
        return None
    status = canonical(status, QUOTE_STATUSES)
    if status.lower() not in QUOTE_STATUSES:
        one_of(status, QUOTE_STATUSES, "quote status")
    return status.lower()


# What each closing is called in "it cannot be ...".
MARKED = {"won": N_("marked won"), "lost": N_("marked lost"), "expired": N_("marked expired")}


def quote_title(title: str) -> str:
    """A quote's title on one line, single-spaced; an empty one is refused."""
    from salesnotes.domain.fields import require_text

    return " ".join(require_text(title, _("a quote's title")).split())


def check_probability(probability: int | None) -> int | None:
    """A probability is a percentage (None: the status's)."""
    if probability is not None and not 0 <= probability <= 100:
        raise BadInput(
            _("a probability is a percentage from 0 to 100, not {probability}").format(
                probability=probability
            )
        )
    return probability


def check_validity(until: date | None, quoted_on: date) -> date | None:
    """A quote is valid until a day on or after its own date."""
    from salesnotes.domain.days import describe

    if until is not None and until < quoted_on:
        raise BadInput(
            _("valid until {until} is before the quote's date {quoted_on}").format(
                until=describe(until), quoted_on=describe(quoted_on)
            )
        )
    return until


def activity_starts(quoted_on: date, last_heard: date | None) -> date:
    """A new quote's staleness clock starts at its date or the last contact, whichever is
    later (a quote made after a long talk is not idle from its date on)."""
    return max(quoted_on, last_heard) if last_heard else quoted_on


def still_open(quote: Quote, action: str) -> Quote:
    """The quote, when it is open: a won, lost or expired one "cannot be ``action``"
    (marked for translation)."""
    from salesnotes.domain.days import describe
    from salesnotes.i18n import term

    if quote.is_open:
        return quote
    when = _(" on {day}").format(day=describe(quote.closed_on)) if quote.closed_on else ""
    raise Conflict(
        _("quote #{quote_id} was {status}{when}; it cannot be {action}").format(
            quote_id=quote.id, status=term(quote.status), when=when, action=_(action)
        )
    )


def draft_to_delete(quote: Quote) -> Quote:
    """The quote, when it is a draft nobody has seen; one the customer has seen is history,
    to be closed instead."""
    if quote.status != "draft" or quote.sent_on is not None:
        raise Conflict(
            _(
                "quote #{quote_id} is {status}, not a draft: the customer has seen it; "
                "close it instead (salesnotes quote lost {quote_id} --reason ...)"
            ).format(quote_id=quote.id, status=quote.status)
        )
    return quote


def sending(quote: Quote, on: date) -> QuoteChange:
    """Sent ``on`` that day: a draft becomes sent, the first sending day is kept."""
    still_open(quote, N_("sent"))
    return QuoteChange(
        status="sent" if quote.status == "draft" else quote.status,
        sent_on=quote.sent_on or on,
        active_on=on,
    )


def revising(quote: Quote, cents: int, on: date) -> QuoteChange:
    """A new amount ``on`` that day: a sent quote moves to negotiating."""
    still_open(quote, N_("revised"))
    return QuoteChange(
        amount_cents=cents,
        status="negotiating" if quote.status == "sent" else quote.status,
        active_on=on,
    )


def renewing(quote: Quote, until: date, on: date) -> QuoteChange:
    """A new validity, given ``on`` that day."""
    still_open(quote, N_("renewed"))
    return QuoteChange(valid_until=check_validity(until, quote.quoted_on), active_on=on)


def closing(quote: Quote, status: str, on: date, now: str, reason: str) -> QuoteChange:
    """Won, lost or expired ``on`` that day (``reason``: why it was lost)."""
    from salesnotes.text import clean

    still_open(quote, MARKED.get(status, status))
    return QuoteChange(status=status, closed_on=on, closed_at=now, lost_reason=clean(reason))


def with_probability(quote: Quote, probability: int | None) -> QuoteChange:
    """The quote's own win probability (None: back to its status's)."""
    still_open(quote, N_("changed"))
    return QuoteChange(probability=check_probability(probability), sets_probability=True)
