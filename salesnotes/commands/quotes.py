"""Quotes: ``quote add|send|revise|won|lost|expire|renew|edit|show``, ``quotes``, ``pipeline``.
What sending, revising and closing do is the use case's (``usecases/quotes.py``)."""

from __future__ import annotations

from salesnotes.commands import QUOTE_IDS, contact_named
from salesnotes.errors import BadInput
from salesnotes.i18n import N_, _, term
from salesnotes.models import QUOTE_STATUSES
from salesnotes.usecases.quotes import close_quote, money, revise_quote, send_quote

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.env import Env


def to_quote_id(value: str) -> int:
    """A quote's id as typed ('4', '#4')."""
    from salesnotes.domain.fields import record_id

    return record_id(value, N_("quote"), QUOTE_IDS)


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
        sent = None
        if send:
            sent = send_quote(
                store,
                quote,
                today=today,
                now=env.now(),
                config=config,
                on=quoted_on,
                calendar=env.calendar(store),
            )
            quote = sent.quote
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
    if sent:
        from salesnotes.render import quotes as render_quotes

        render.echo(_("Sent; {chased}").format(chased=render_quotes.chased(sent)))


def quote_send(env: Env, *, quote_id: str) -> None:
    """Mark a quote sent and schedule a follow-up to chase it."""
    from salesnotes import render
    from salesnotes.render import quotes as render_quotes

    store = env.store()
    with store.write():
        quote = store.quotes.get_open(to_quote_id(quote_id), N_("sent"))
        sent = send_quote(
            store,
            quote,
            today=env.today(),
            now=env.now(),
            config=env.config(),
            calendar=env.calendar(store),
        )
    render.echo(
        _("Quote #{id} sent to {contact_name}; {chased}").format(
            id=sent.quote.id,
            contact_name=sent.quote.contact_name,
            chased=render_quotes.chased(sent),
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
        revised = revise_quote(
            store, to_quote_id(quote_id), cents, note=note, on=env.today(), now=env.now(),
            config=config,
        )  # fmt: skip
    quote = revised.quote
    render.echo(
        _("{text} (revision {revisions}, {status})").format(
            text=revised.note, revisions=len(quote.revisions), status=term(quote.status)
        )
    )


def quote_won(env: Env, *, quote_id: str, note: str) -> None:
    """Close a quote as won; a lead or prospect becomes a customer."""
    from salesnotes import render

    config = env.config()
    store = env.store()
    with store.write():
        closed = close_quote(
            store,
            to_quote_id(quote_id),
            "won",
            today=env.today(),
            now=env.now(),
            note=note,
            config=config,
        )
        quote, promoted = closed.quote, closed.promoted
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
        quote = close_quote(
            store,
            to_quote_id(quote_id),
            "lost",
            today=env.today(),
            now=env.now(),
            reason=reason,
            note=note,
            config=config,
        ).quote
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
        quote = close_quote(
            store,
            to_quote_id(quote_id),
            "expired",
            today=env.today(),
            now=env.now(),
            config=env.config(),
        ).quote
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
