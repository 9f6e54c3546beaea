"""Quotes: ``quote add|send|revise|won|lost|expire|renew|edit|show``, ``quotes``, ``pipeline``;
and the rules they share (sending schedules a chase, closing closes it, won makes a customer)."""

from __future__ import annotations

from salesnotes.commands import contact_named
from salesnotes.errors import BadInput, Conflict
from salesnotes.i18n import N_, _, term
from salesnotes.models import QUOTE_STATUSES

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.config import Config
    from salesnotes.domain.days import Calendar
    from salesnotes.env import Env
    from salesnotes.models import Contact, Quote
    from salesnotes.store.interface import Store

ID_HINT = N_("'salesnotes quotes --all' lists them with their ids")


def to_quote_id(value: str) -> int:
    """A quote's id as typed ('4', '#4')."""
    from salesnotes.commands.followups import record_id

    return record_id(value, N_("quote"), ID_HINT)


def money(cents: int, currency: str, config: Config) -> str:
    """'€ 12.500,00' in the configured style."""
    from salesnotes.domain.money import format_amount

    return format_amount(cents, currency, config.get_str("money.format"))


def valid_until(text: str, quoted_on: date, today: date) -> date:
    """A validity: a period from the quote's date ('30d') or a date ('31-12')."""
    from salesnotes.domain.dates import parse_period, parse_when
    from salesnotes.domain.days import FIRST_DAY, LAST_DAY, RANGE_WORDS

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


def chase_text(quote: Quote, config: Config) -> str:
    """What a chase follow-up says: 'Chase quote #1 Hal 3 (€ 12.500,00)', at the quote's
    current amount (a revision rewrites it)."""
    amount = money(quote.amount_cents, quote.currency, config)
    return _("Chase quote #{id} {title} ({amount})").format(
        id=quote.id, title=quote.title, amount=amount
    )


def send_quote(
    store: Store,
    quote: Quote,
    *,
    today: date,
    now: str,
    config: Config,
    on: date | None = None,
    calendar: Calendar | None = None,
) -> tuple[Quote, str]:
    """Mark a quote sent ``on`` that day (default today), log it, and schedule the follow-up
    that chases it, counted in working days from the sending day (``calendar``: no holiday,
    no day off), unless one is open already; return the quote and what was scheduled, in
    words. A quote sent before is not sent again."""
    from salesnotes.domain.days import add_working_days, describe

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
    sent = store.quotes.send(quote.id, on)
    store.interactions.add(
        sent.contact_id,
        _("Sent quote #{id} {title}: {amount}").format(
            id=sent.id,
            title=sent.title,
            amount=money(sent.amount_cents, sent.currency, config),
        ),
        kind="note",
        on=on,
        now=now,
        quote_id=sent.id,
    )
    if store.followups.chasing(sent.id):
        return sent, _("a follow-up already chases it")
    days = config.get_int("quotes.chase_after_working_days")
    followup = store.followups.add(
        sent.contact_id,
        add_working_days(on, days, calendar or config.working_days()),
        chase_text(sent, config),
        reason="quote",
        today=today,
        now=now,
        quote_id=sent.id,
        generated=True,
    )
    return sent, _("chase follow-up #{id} on {due_on}").format(
        id=followup.id, due_on=describe(followup.due_on)
    )


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
) -> tuple[Quote, Contact | None]:
    """Close a quote as won, lost or expired: its chase follow-ups close with it, won and lost
    are logged, and a won quote makes a lead or prospect a customer (returned: who was
    promoted, as they were before)."""
    quote = store.quotes.close(quote_id, status, on=today, now=now, reason=reason)
    store.followups.close_chases(
        quote.id,
        on=today,
        now=now,
        note=_("quote #{id} {status}").format(id=quote.id, status=term(status)),
    )
    if status == "expired":
        return quote, None
    if status == "won":
        text = _("Quote #{id} won: {title}, ").format(id=quote.id, title=quote.title)
        text += money(quote.amount_cents, quote.currency, config)
    else:
        why = f" ({quote.lost_reason})" if quote.lost_reason else ""
        text = _("Quote #{id} lost{why}: {title}").format(id=quote.id, why=why, title=quote.title)
    store.interactions.add(
        quote.contact_id,
        text + (f". {note}" if note else ""),
        kind="note",
        on=today,
        now=now,
        quote_id=quote.id,
    )
    if status != "won":
        return quote, None
    contact = store.contacts.get(quote.contact_id)
    if contact.status not in ("lead", "prospect"):
        return quote, None
    store.contacts.edit(contact.id, now=now, status="customer")
    return quote, contact


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
    from salesnotes import render
    from salesnotes.domain.dates import parse_when
    from salesnotes.domain.days import describe
    from salesnotes.domain.money import parse_amount

    today = env.today()
    config = env.config()
    cents = parse_amount(amount)
    quoted_on = parse_when(on, today, past=True) if on is not None else today
    if quoted_on > today:
        raise BadInput(
            _("'{on}' is {quoted_on}, in the future; a quote is dated when made").format(
                on=on, quoted_on=describe(quoted_on)
            )
        )
    days = config.get_int("quotes.valid_days")
    until = valid_until(valid if valid is not None else f"{days}d", quoted_on, today)
    code = (currency or config.get_str("money.currency")).strip().upper()
    if len(code) != 3 or not code.isalpha() or not code.isascii():
        raise BadInput(
            _("'{currency}' is not a currency code; try EUR, USD or GBP").format(currency=currency)
        )
    store = env.store()
    with store.write():
        contact = contact_named(env, store, who)
        quote = store.quotes.add(
            contact.id,
            title
            if title is not None
            else _("Quote for {value}").format(value=contact.organisation or contact.name),
            cents,
            currency=code,
            quoted_on=quoted_on,
            valid_until=until,
            probability=probability,
            now=env.now(),
        )
        chased = None
        if send:
            quote, chased = send_quote(
                store,
                quote,
                today=today,
                now=env.now(),
                config=config,
                on=quoted_on,
                calendar=env.calendar(store),
            )
    render.echo(
        _("Quote #{id}: {amount} for {label}, {title}, valid until {until} ({status})").format(
            id=quote.id,
            amount=money(quote.amount_cents, quote.currency, config),
            label=contact.label,
            title=quote.title,
            until=describe(until),
            status=term(quote.status),
        )
    )
    if chased:
        render.echo(_("Sent; {chased}").format(chased=chased))


def quote_send(env: Env, *, quote_id: str) -> None:
    """Mark a quote sent and schedule a follow-up to chase it."""
    from salesnotes import render

    store = env.store()
    with store.write():
        quote = store.quotes.get_open(to_quote_id(quote_id), N_("sent"))
        quote, chased = send_quote(
            store,
            quote,
            today=env.today(),
            now=env.now(),
            config=env.config(),
            calendar=env.calendar(store),
        )
    render.echo(
        _("Quote #{id} sent to {contact_name}; {chased}").format(
            id=quote.id, contact_name=quote.contact_name, chased=chased
        )
    )


def quote_revise(env: Env, *, quote_id: str, amount: str, note: str) -> None:
    """Record a new amount; the history is kept and a sent quote moves to negotiating."""
    from salesnotes import render
    from salesnotes.domain.money import parse_amount

    config = env.config()
    cents = parse_amount(amount)
    store = env.store()
    with store.write():
        before = store.quotes.get(to_quote_id(quote_id))
        if cents == before.amount_cents:
            raise Conflict(
                _("quote #{id} is {cents} already; nothing was changed").format(
                    id=before.id, cents=money(cents, before.currency, config)
                )
            )
        quote = store.quotes.revise(before.id, cents, note=note, on=env.today(), now=env.now())
        store.followups.retext_chases(quote.id, chase_text(quote, config))
        text = _("Quote #{id} revised from {old} to {new}").format(
            id=quote.id,
            old=money(before.amount_cents, quote.currency, config),
            new=money(cents, quote.currency, config),
        )
        store.interactions.add(
            quote.contact_id,
            f"{text}: {note}" if note else text,
            kind="note",
            on=env.today(),
            now=env.now(),
            quote_id=quote.id,
        )
    render.echo(
        _("{text} (revision {revisions}, {status})").format(
            text=text, revisions=len(quote.revisions), status=term(quote.status)
        )
    )


def quote_won(env: Env, *, quote_id: str, note: str) -> None:
    """Close a quote as won; a lead or prospect becomes a customer."""
    from salesnotes import render

    config = env.config()
    store = env.store()
    with store.write():
        quote, promoted = close_quote(
            store,
            to_quote_id(quote_id),
            "won",
            today=env.today(),
            now=env.now(),
            note=note,
            config=config,
        )
        contact = store.contacts.get(quote.contact_id)
    render.echo(
        _("Quote #{id} won: {amount} from {label}").format(
            id=quote.id,
            amount=money(quote.amount_cents, quote.currency, config),
            label=contact.label,
        )
    )
    if promoted is not None:
        render.echo(
            _("{name} is now a customer (was {status})").format(
                name=promoted.name, status=term(promoted.status)
            )
        )


def quote_lost(env: Env, *, quote_id: str, reason: str, note: str) -> None:
    """Close a quote as lost, with the reason."""
    from salesnotes import render

    config = env.config()
    store = env.store()
    with store.write():
        quote, __ = close_quote(
            store,
            to_quote_id(quote_id),
            "lost",
            today=env.today(),
            now=env.now(),
            reason=reason,
            note=note,
            config=config,
        )
    why = f" ({quote.lost_reason})" if quote.lost_reason else ""
    render.echo(
        _("Quote #{id} lost{why}: {amount}").format(
            id=quote.id, why=why, amount=money(quote.amount_cents, quote.currency, config)
        )
    )


def quote_expire(env: Env, *, quote_id: str) -> None:
    """Close a quote as expired (no answer in time); it leaves the tray."""
    from salesnotes import render

    store = env.store()
    with store.write():
        quote, __ = close_quote(
            store,
            to_quote_id(quote_id),
            "expired",
            today=env.today(),
            now=env.now(),
            config=env.config(),
        )
    render.echo(_("Quote #{id} closed as expired").format(id=quote.id))


def quote_renew(env: Env, *, quote_id: str, valid: str | None) -> None:
    """Extend an open quote's validity (recorded in its history)."""
    from salesnotes import render
    from salesnotes.domain.days import describe

    today = env.today()
    days = env.config().get_int("quotes.valid_days")
    until = valid_until(valid if valid is not None else f"{days}d", today, today)
    if until < today:
        raise BadInput(
            _("'{valid}' is {until}, in the past; a renewed quote is valid from today on").format(
                valid=valid, until=describe(until)
            )
        )
    store = env.store()
    with store.write():
        quote = store.quotes.renew(to_quote_id(quote_id), until, on=today, now=env.now())
    render.echo(_("Quote #{id} valid until {until}").format(id=quote.id, until=describe(until)))


def quote_edit(env: Env, *, quote_id: str, probability: str | None) -> None:
    """Change an open quote's win probability ('default': back to its status's)."""
    from salesnotes import render
    from salesnotes.domain.quote_life import probability as effective

    if probability is None:
        raise BadInput(_("nothing to change; give --probability 70 or --probability default"))
    value: int | None
    text = probability.strip().rstrip("%")
    if text.lower() == "default":
        value = None
    elif text.isdigit() and text.isascii() and len(text) <= 9:
        value = int(text)
    else:
        raise BadInput(
            _("'{probability}' is not a percentage; try 70 or default").format(
                probability=probability
            )
        )
    store = env.store()
    with store.write():
        quote = store.quotes.set_probability(to_quote_id(quote_id), value)
    render.echo(
        _("Quote #{id}: probability {quote}%").format(
            id=quote.id, quote=effective(quote, env.config())
        )
    )


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
    from salesnotes.domain.quote_life import is_stale
    from salesnotes.render.quotes import quotes as show

    if show_all and (open_only or stale):
        raise BadInput(_("--all lists every quote; leave out --open and --stale with it"))
    if status is not None:
        from salesnotes.domain.fields import canonical

        status = canonical(status, QUOTE_STATUSES)  # 'verstuurd' is sent
    if status is not None and status.lower() not in QUOTE_STATUSES:
        from salesnotes.domain.fields import one_of

        one_of(status, QUOTE_STATUSES, "quote status")
    today = env.today()
    config = env.config()
    store = env.store()
    with store.read():
        contact_id = contact_named(env, store, who).id if who is not None else None
        found = store.quotes.find(open_only=not show_all, contact_id=contact_id)
    if status is not None:
        found = [q for q in found if q.shown_status(today) == status.lower()]
    if stale:
        found = [q for q in found if is_stale(q, today, config)]
        found.sort(key=lambda q: (-q.idle_days(today), q.id))
    show(found, fmt, today, config)


def pipeline(env: Env, *, fmt: str) -> None:
    """What is open, by status and weighted; what expires this week; the month and the year."""
    from salesnotes.render.quotes import pipeline as show
    from salesnotes.usecases.sources import pipeline as read_pipeline

    store = env.store()
    with store.read():
        figures = read_pipeline(store, env.config(), env.today())
    show(figures, fmt, env.config())
