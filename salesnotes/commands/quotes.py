"""Quotes: ``quote add|send|revise|won|lost|expire|renew|edit|show``, ``quotes``, ``pipeline``.
What sending, revising and closing do is the use case's (``usecases/quotes.py``)."""

from __future__ import annotations

from salesnotes.commands import QUOTE_IDS, contact_named
from salesnotes.i18n import N_
from salesnotes.usecases.quotes import (
    add_quote,
    close_quote,
    renew_quote,
    revise_quote,
    send_quote,
    set_probability,
)

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def to_quote_id(value: str) -> int:
    """A quote's id as typed ('4', '#4')."""
    from salesnotes.domain.fields import record_id

    return record_id(value, N_("quote"), QUOTE_IDS)


def quote_add(
    env: Env,
    *,
    who: str,
    amount: str,
    title: str | None,
    valid: str | None,
    send: bool,
    probability: int | None,
    currency: str | None,
    on: str | None,
) -> None:
    """Add a quote for a contact (a draft, or sent with ``send``)."""
    from salesnotes.domain.quote_life import read_terms
    from salesnotes.render.quotes import added

    config, today = env.config(), env.today()
    terms = read_terms(amount, on, valid, currency, today,
                       valid_days=config.get_int("quotes.valid_days"),
                       default_currency=config.get_str("money.currency"))  # fmt: skip
    store = env.store()
    with store.write():
        result = add_quote(
            store, contact_named(env, store, who), terms, title=title, probability=probability,
            send=send, today=today, now=env.now(), config=config, calendar=env.calendar(store),
        )  # fmt: skip
    added(result, config)


def quote_send(env: Env, *, quote_id: str) -> None:
    """Mark a quote sent and schedule a follow-up to chase it."""
    from salesnotes.render.quotes import sent

    store = env.store()
    with store.write():
        quote = store.quotes.get(to_quote_id(quote_id))
        result = send_quote(store, quote, today=env.today(), now=env.now(), config=env.config(),
                            calendar=env.calendar(store))  # fmt: skip
    sent(result)


def quote_revise(env: Env, *, quote_id: str, amount: str, note: str) -> None:
    """Record a new amount; the history is kept and a sent quote moves to negotiating."""
    from salesnotes.domain.money import parse_amount
    from salesnotes.render.quotes import revised

    cents = parse_amount(amount)
    store = env.store()
    with store.write():
        result = revise_quote(store, to_quote_id(quote_id), cents, note=note, on=env.today(),
                              now=env.now(), config=env.config())  # fmt: skip
    revised(result)


def _close(env: Env, quote_id: str, status: str, *, reason: str = "", note: str = "") -> None:
    """Close a quote as won, lost or expired, and say so."""
    from salesnotes.render.quotes import closed

    store = env.store()
    with store.write():
        result = close_quote(
            store, to_quote_id(quote_id), status, today=env.today(), now=env.now(),
            reason=reason, note=note, config=env.config(),
        )  # fmt: skip
        label = store.contacts.get(result.quote.contact_id).label
    closed(result, label, env.config())


def quote_won(env: Env, *, quote_id: str, note: str) -> None:
    """Close a quote as won; a lead or prospect becomes a customer."""
    _close(env, quote_id, "won", note=note)


def quote_lost(env: Env, *, quote_id: str, reason: str, note: str) -> None:
    """Close a quote as lost, with the reason."""
    _close(env, quote_id, "lost", reason=reason, note=note)


def quote_expire(env: Env, *, quote_id: str) -> None:
    """Close a quote as expired (no answer in time); it leaves the tray."""
    _close(env, quote_id, "expired")


def quote_renew(env: Env, *, quote_id: str, valid: str | None) -> None:
    """Extend an open quote's validity (recorded in its history)."""
    from salesnotes.domain.quote_life import renewed_until
    from salesnotes.render.quotes import renewed

    today = env.today()
    until = renewed_until(valid, today, valid_days=env.config().get_int("quotes.valid_days"))
    store = env.store()
    with store.write():
        quote = renew_quote(store, to_quote_id(quote_id), until, on=today, now=env.now())
    renewed(quote)


def quote_edit(env: Env, *, quote_id: str, probability: str | None) -> None:
    """Change an open quote's win probability ('default': back to its status's)."""
    from salesnotes.domain.quote_life import read_probability
    from salesnotes.render.quotes import probability_set

    value = read_probability(probability)
    store = env.store()
    with store.write():
        quote = set_probability(store, to_quote_id(quote_id), value)
    probability_set(quote, env.config())


def quote_show(env: Env, *, quote_id: str, fmt: str) -> None:
    """One quote with its revisions."""
    from salesnotes.render.quotes import quotes as show

    store = env.store()
    with store.read():
        quote = store.quotes.get(to_quote_id(quote_id))
    show([quote], fmt, env.today(), env.config(), detail=True)


def quotes(
    env: Env,
    *,
    show_all: bool,
    open_only: bool,
    stale: bool,
    status: str | None,
    who: str | None,
    fmt: str,
) -> None:
    """The tray: open quotes, oldest first (``show_all``: every quote; ``stale``: going cold,
    most idle first)."""
    from salesnotes.domain.quote_life import tray_status
    from salesnotes.render.quotes import quotes as show
    from salesnotes.usecases.quotes import the_tray

    shown = tray_status(show_all, open_only, stale, status)
    store = env.store()
    with store.read():
        contact_id = contact_named(env, store, who).id if who is not None else None
        found = the_tray(store, show_all=show_all, stale=stale, status=shown,
                         contact_id=contact_id, today=env.today(), config=env.config())  # fmt: skip
    show(found, fmt, env.today(), env.config())


def pipeline(env: Env, *, fmt: str) -> None:
    """What is open, by status and weighted; what expires this week; the month and the year."""
    from salesnotes.render.quotes import pipeline as show
    from salesnotes.usecases.tray import pipeline as read_pipeline

    store = env.store()
    with store.read():
        figures = read_pipeline(store, env.config(), env.today())
    show(figures, fmt, env.config())
