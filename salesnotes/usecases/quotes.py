"""A quote's life as a salesperson lives it, one way for every caller (the quote commands,
``log``, the demo): sending schedules its chase, a new amount rewrites the chase and is noted,
closing closes the chase and is noted, and won makes a lead or prospect a customer.

The notes and chase texts these write are the book's own words, in the language spoken when
they are written; they are found again by their link (``quote_id``), never by their words.
"""

from __future__ import annotations

from salesnotes.errors import Conflict
from salesnotes.i18n import N_, _, term
from salesnotes.results import Added, Closed, Revised, Sent
from salesnotes.usecases.followups import note_conversation

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.config import Config
    from salesnotes.domain.days import Calendar
    from salesnotes.domain.quote_life import Terms
    from salesnotes.models import Contact, Quote
    from salesnotes.store.interface import Store


def money(cents: int, currency: str, config: Config) -> str:
    """'€ 12.500,00' in the configured style."""
    from salesnotes.domain.money import format_amount

    return format_amount(cents, currency, config.get_str("money.format"))


def chase_text(quote: Quote, config: Config) -> str:
    """What a chase follow-up says: 'Chase quote #1 Hal 3 (€ 12.500,00)', at the quote's
    current amount (a revision rewrites it)."""
    amount = money(quote.amount_cents, quote.currency, config)
    return _("Chase quote #{id} {title} ({amount})").format(
        id=quote.id, title=quote.title, amount=amount
    )


def add_quote(
    store: Store,
    contact: Contact,
    terms: Terms,
    *,
    title: str | None,
    probability: int | None,
    send: bool,
    today: date,
    now: str,
    config: Config,
    calendar: Calendar | None = None,
) -> Added:
    """A new quote for ``contact`` on ``terms`` (its title: 'Quote for' the organisation,
    else the person), a draft, or sent on its day (``send``: its chase scheduled). Its
    staleness clock starts at its date or the last contact, whichever is later."""
    from salesnotes.domain.quote_life import (
        activity_starts,
        check_probability,
        check_validity,
        quote_title,
    )

    quote = store.quotes.add(
        contact.id,
        quote_title(
            title
            if title is not None
            else _("Quote for {value}").format(value=contact.organisation or contact.name)
        ),
        terms.cents,
        currency=terms.currency,
        quoted_on=terms.quoted_on,
        valid_until=check_validity(terms.valid_until, terms.quoted_on),
        probability=check_probability(probability),
        now=now,
        active_on=activity_starts(terms.quoted_on, store.contacts.last_heard(contact.id)),
    )
    if not send:
        return Added(quote, contact, None)
    sent = send_quote(
        store, quote, today=today, now=now, config=config, on=terms.quoted_on, calendar=calendar
    )
    return Added(sent.quote, contact, sent)


def send_quote(
    store: Store,
    quote: Quote,
    *,
    today: date,
    now: str,
    config: Config,
    on: date | None = None,
    calendar: Calendar | None = None,
) -> Sent:
    """Mark a quote sent ``on`` that day (default today), note it, and schedule the follow-up
    that chases it, counted in working days from the sending day (``calendar``: no holiday,
    no day off), unless one is open already. A quote sent before is not sent again."""
    from salesnotes.domain.days import add_working_days, describe
    from salesnotes.domain.quote_life import sending, still_open

    still_open(quote, N_("sent"))
    if quote.sent_on is not None:
        raise Conflict(
            _(
                "quote #{id} was sent on {sent_on} already ({status}); to chase it: "
                "salesnotes follow {contact_id} WHEN"
            ).format(
                id=quote.id,
                sent_on=describe(quote.sent_on),
                status=term(quote.status),
                contact_id=quote.contact_id,
            )
        )
    on = on or today
    sent = store.quotes.change(quote.id, sending(quote, on))
    note_conversation(
        store,
        sent.contact_id,
        _("Sent quote #{id} {title}: {amount}").format(
            id=sent.id, title=sent.title, amount=money(sent.amount_cents, sent.currency, config)
        ),
        kind="note",
        on=on,
        now=now,
        quote_id=sent.id,
    )
    if store.followups.chasing(sent.id):
        return Sent(sent, None)
    from salesnotes.domain.cadence import answer_days, chase_after

    working = calendar or config.working_days()
    days = config.get_int("quotes.chase_after_working_days")
    usual = None
    if config.get_bool("rhythm.learn"):  # their own answer time, where they have one
        usual = answer_days(store.quotes.answers(sent.contact_id, but=sent.id), working)
        if usual is not None:
            days = chase_after(usual[0])
    chase = store.followups.add(
        sent.contact_id,
        add_working_days(on, days, working),
        chase_text(sent, config),
        reason="quote",
        today=today,
        now=now,
        quote_id=sent.id,
        generated=True,
        owner=store.contacts.get(sent.contact_id).owner,  # the account's owner chases it
    )
    if usual is None:
        return Sent(sent, chase)
    return Sent(sent, chase, usual[0], usual[1])


def revise_quote(
    store: Store, quote_id: int, cents: int, *, note: str, on: date, now: str, config: Config
) -> Revised:
    """A new amount ``on`` that day: the history keeps the old one, a sent quote moves to
    negotiating, its chase follow-ups say the new amount, and the change is noted. The same
    amount again is a conflict: nothing to change."""
    from salesnotes.domain.quote_life import revising

    before = store.quotes.get(quote_id)
    change = revising(before, cents, on)
    if cents == before.amount_cents:
        raise Conflict(
            _("quote #{id} is {cents} already; nothing was changed").format(
                id=before.id, cents=money(cents, before.currency, config)
            )
        )
    store.quotes.add_revision(before.id, cents, on, note, now)
    quote = store.quotes.change(before.id, change)
    store.followups.retext_chases(quote.id, chase_text(quote, config))
    text = _("Quote #{id} revised from {old} to {new}").format(
        id=quote.id,
        old=money(before.amount_cents, quote.currency, config),
        new=money(cents, quote.currency, config),
    )
    note_conversation(
        store,
        quote.contact_id,
        f"{text}: {note}" if note else text,
        kind="note",
        on=on,
        now=now,
        quote_id=quote.id,
    )
    return Revised(quote, before.amount_cents, text)


def close_quote(
    store: Store,
    quote_id: int,
    status: str,
    *,
    today: date,
    now: str,
    reason: str = "",
    note: str = "",
    config: Config,
) -> Closed:
    """Close a quote as won, lost or expired ``today``: its chase follow-ups close with it,
    won and lost are noted, and a won quote makes a lead or prospect a customer."""
    from salesnotes.domain.quote_life import closing

    quote = store.quotes.get(quote_id)
    quote = store.quotes.change(quote.id, closing(quote, status, today, now, reason))
    store.followups.close_chases(
        quote.id,
        on=today,
        now=now,
        note=_("quote #{id} {status}").format(id=quote.id, status=term(status)),
    )
    if status == "expired":
        return Closed(quote, None)
    if status == "won":
        text = _("Quote #{id} won: {title}, ").format(id=quote.id, title=quote.title)
        text += money(quote.amount_cents, quote.currency, config)
    else:
        why = f" ({quote.lost_reason})" if quote.lost_reason else ""
        text = _("Quote #{id} lost{why}: {title}").format(id=quote.id, why=why, title=quote.title)
    note_conversation(
        store,
        quote.contact_id,
        text + (f". {note}" if note else ""),
        kind="note",
        on=today,
        now=now,
        quote_id=quote.id,
    )
    if status != "won":
        return Closed(quote, None)
    contact = store.contacts.get(quote.contact_id)
    if contact.status not in ("lead", "prospect"):
        return Closed(quote, None)
    store.contacts.edit(contact.id, now=now, status="customer")
    return Closed(quote, contact)


def renew_quote(store: Store, quote_id: int, until: date, *, on: date, now: str) -> Quote:
    """A new validity for an open quote ``on`` that day, kept in its history as a revision
    at the same amount."""
    from salesnotes.domain.quote_life import renewing

    quote = store.quotes.get(quote_id)
    change = renewing(quote, until, on)
    note = _("valid until {day}").format(day=until.isoformat())
    store.quotes.add_revision(quote.id, quote.amount_cents, on, note, now)
    return store.quotes.change(quote.id, change)


def set_probability(store: Store, quote_id: int, probability: int | None) -> Quote:
    """An open quote's own win probability (None: back to its status's)."""
    from salesnotes.domain.quote_life import with_probability

    quote = store.quotes.get(quote_id)
    return store.quotes.change(quote.id, with_probability(quote, probability))


def the_tray(
    store: Store,
    *,
    show_all: bool,
    stale: bool,
    status: str | None,
    contact_id: int | None,
    today: date,
    config: Config,
) -> list[Quote]:
    """The quotes ``quotes`` lists: the open ones oldest first (``show_all``: every quote;
    ``status``: of that shown status, as ``quote_life.tray_status`` reads it; ``stale``: going
    cold, most idle first)."""
    from salesnotes.domain.quote_life import is_stale

    found = store.quotes.find(open_only=not show_all, contact_id=contact_id)
    if status is not None:
        found = [q for q in found if q.shown_status(today) == status]
    if stale:
        found = [q for q in found if is_stale(q, today, config)]
        found.sort(key=lambda q: (-q.idle_days(today), q.id))
    return list(found)
