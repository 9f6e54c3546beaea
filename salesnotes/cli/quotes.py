"""Quotes: ``quote add|send|revise|won|lost|expire|renew|edit|show``, ``quotes``, ``pipeline``."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Annotated

import typer

from salesnotes.cli import Env, app, env
from salesnotes.cli.common import Format, FormatOption, complete_from, record_id
from salesnotes.models import QUOTE_STATUSES

if TYPE_CHECKING:
    from salesnotes.models import Quote
    from salesnotes.store import Store

quote_app = typer.Typer(
    help="Add and move quotes: add, send, revise, won, lost, expire, renew, edit, show.",
    no_args_is_help=True,
)
app.add_typer(quote_app, name="quote")

ID_HINT = "'salesnotes quotes --all' lists them with their ids"
AMOUNT_HELP = "12500, 12.500, 12.500,00, '€ 12.500,50', 12,500.50 or 12,5k."
VALID_HELP = "A period from the quote's date (30d, 6w, 3m) or a date (31-12, 2027-01-31)."


def _lost_reasons(incomplete: str) -> list[str]:
    """Completion: the reasons used most in this book, then the common ones."""
    from salesnotes.quotes import COMMON_LOST_REASONS

    used: list[str] = []
    try:
        store = Env().store()
        try:
            used = [reason for reason, _ in store.lost_reasons()]
        finally:
            store.close()
    except Exception:  # noqa: BLE001, S110 - completion must never fail loudly
        pass
    choices = list(dict.fromkeys([*used, *COMMON_LOST_REASONS]))
    return [c for c in choices if c.startswith(incomplete)]


def _valid_until(text: str, quoted_on: date, today: date) -> date:
    from salesnotes.dates import parse_period, parse_when
    from salesnotes.errors import BadInput

    try:
        return parse_period(text).after(quoted_on)
    except BadInput:
        return parse_when(text, today)


def _amount(cents: int, currency: str, e: Env) -> str:
    from salesnotes.money import format_amount

    return format_amount(cents, currency, e.config().get_str("money.format"))


def _chase(store: Store, quote: Quote, e: Env) -> str:
    """Schedule the follow-up that chases a sent quote, unless one is open already."""
    from salesnotes.dates import add_working_days, describe

    if store.quote_has_open_followup(quote.id):
        return "a follow-up already chases it"
    days = e.config().get_int("quotes.chase_after_working_days")
    followup = store.follow(
        quote.contact_id,
        add_working_days(e.today(), days),
        f"Chase quote #{quote.id} {quote.title} ({_amount(quote.amount_cents, quote.currency, e)})",
        reason="quote",
        today=e.today(),
        now=e.now(),
        quote_id=quote.id,
    )
    return f"chase follow-up #{followup.id} on {describe(followup.due_on)}"


def _log(store: Store, quote: Quote, text: str, e: Env) -> None:
    store.log(quote.contact_id, text, kind="note", on=e.today(), now=e.now())


@quote_app.command("add")
def quote_add(
    ctx: typer.Context,
    who: Annotated[str, typer.Argument(help="Id, e-mail or part of the name.", show_default=False)],
    amount: Annotated[str, typer.Argument(help=AMOUNT_HELP, show_default=False)],
    title: Annotated[str | None, typer.Option("--title", "-t", help="What is offered.")] = None,
    valid: Annotated[str | None, typer.Option("--valid", help=VALID_HELP)] = None,
    send: Annotated[bool, typer.Option("--send", help="It is sent: schedule the chase.")] = False,
    probability: Annotated[
        int | None, typer.Option("--probability", help="Win chance in %, else per status.")
    ] = None,
    currency: Annotated[
        str | None, typer.Option("--currency", help="Default from the configuration (EUR).")
    ] = None,
    on: Annotated[
        str | None, typer.Option("--on", help="The quote's date (default today).")
    ] = None,
) -> None:
    """Add a quote for a contact (a draft, or sent with --send)."""
    from salesnotes import render
    from salesnotes.dates import describe, parse_when
    from salesnotes.errors import BadInput
    from salesnotes.money import parse_amount

    e = env(ctx)
    today = e.today()
    cents = parse_amount(amount)
    quoted_on = parse_when(on, today, past=True) if on is not None else today
    if quoted_on > today:
        raise BadInput(
            f"'{on}' is {describe(quoted_on)}, in the future; a quote is dated when made"
        )
    days = e.config().get_int("quotes.valid_days")
    valid_until = _valid_until(valid if valid is not None else f"{days}d", quoted_on, today)
    code = (currency or e.config().get_str("money.currency")).strip().upper()
    if len(code) != 3 or not code.isalpha():
        raise BadInput(f"'{currency}' is not a currency code; try EUR, USD or GBP")
    store = e.store()
    with store.write():
        contact = store.resolve(who)
        quote = store.add_quote(
            contact.id,
            title if title is not None else f"Quote for {contact.organisation or contact.name}",
            cents,
            currency=code,
            quoted_on=quoted_on,
            valid_until=valid_until,
            probability=probability,
            now=e.now(),
        )
        chased = None
        if send:
            quote = store.send_quote(quote.id, today)
            _log(
                store, quote, f"Sent quote #{quote.id} {quote.title}: {_amount(cents, code, e)}", e
            )
            chased = _chase(store, quote, e)
    render.echo(
        f"Quote #{quote.id}: {_amount(quote.amount_cents, quote.currency, e)} for {contact.label}, "
        f"{quote.title}, valid until {describe(valid_until)} ({quote.status})"
    )
    if chased:
        render.echo(f"Sent; {chased}")


def _quote_id(value: str) -> int:
    return record_id(value, "quote", ID_HINT)


@quote_app.command("send")
def quote_send(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
) -> None:
    """Mark a quote sent and schedule a follow-up to chase it."""
    from salesnotes import render

    e = env(ctx)
    store = e.store()
    with store.write():
        quote = store.send_quote(_quote_id(quote_id), e.today())
        _log(
            store,
            quote,
            f"Sent quote #{quote.id} {quote.title}: "
            f"{_amount(quote.amount_cents, quote.currency, e)}",
            e,
        )
        chased = _chase(store, quote, e)
    render.echo(f"Quote #{quote.id} sent to {quote.contact_name}; {chased}")


@quote_app.command("revise")
def quote_revise(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
    amount: Annotated[str, typer.Argument(help=AMOUNT_HELP, show_default=False)],
    note: Annotated[str, typer.Option("--note", "-n", help="Why the amount changed.")] = "",
) -> None:
    """Record a new amount; the history is kept and a sent quote moves to negotiating."""
    from salesnotes import render
    from salesnotes.money import parse_amount

    e = env(ctx)
    cents = parse_amount(amount)
    store = e.store()
    with store.write():
        before = store.quote(_quote_id(quote_id))
        quote = store.revise_quote(before.id, cents, note=note, on=e.today(), now=e.now())
        text = (
            f"Quote #{quote.id} revised from {_amount(before.amount_cents, quote.currency, e)} "
            f"to {_amount(cents, quote.currency, e)}"
        )
        _log(store, quote, f"{text}: {note}" if note else text, e)
    render.echo(f"{text} (revision {len(quote.revisions)}, {quote.status})")


@quote_app.command("won")
def quote_won(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
    note: Annotated[str, typer.Option("--note", "-n", help="Anything to remember.")] = "",
) -> None:
    """Close a quote as won; a lead or prospect becomes a customer."""
    from salesnotes import render

    e = env(ctx)
    store = e.store()
    with store.write():
        quote = store.close_quote(_quote_id(quote_id), "won", on=e.today(), now=e.now())
        amount = _amount(quote.amount_cents, quote.currency, e)
        _log(
            store,
            quote,
            f"Quote #{quote.id} won: {quote.title}, {amount}" + (f". {note}" if note else ""),
            e,
        )
        contact = store.contact(quote.contact_id)
        promoted = contact.status in ("lead", "prospect")
        if promoted:
            store.edit_contact(contact.id, now=e.now(), status="customer")
    render.echo(f"Quote #{quote.id} won: {amount} from {contact.label}")
    if promoted:
        render.echo(f"{contact.name} is now a customer (was {contact.status})")


@quote_app.command("lost")
def quote_lost(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
    reason: Annotated[
        str,
        typer.Option(
            "--reason",
            "-r",
            help="Why: price, competitor, timing, no budget, no response, ... (free text).",
            autocompletion=_lost_reasons,
        ),
    ] = "",
    note: Annotated[str, typer.Option("--note", "-n", help="Anything to remember.")] = "",
) -> None:
    """Close a quote as lost, with the reason."""
    from salesnotes import render

    e = env(ctx)
    store = e.store()
    with store.write():
        quote = store.close_quote(
            _quote_id(quote_id), "lost", on=e.today(), now=e.now(), reason=reason
        )
        why = f" ({quote.lost_reason})" if quote.lost_reason else ""
        _log(
            store,
            quote,
            f"Quote #{quote.id} lost{why}: {quote.title}" + (f". {note}" if note else ""),
            e,
        )
    render.echo(f"Quote #{quote.id} lost{why}: {_amount(quote.amount_cents, quote.currency, e)}")


@quote_app.command("expire")
def quote_expire(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
) -> None:
    """Close a quote as expired (no answer in time); it leaves the tray."""
    from salesnotes import render

    e = env(ctx)
    store = e.store()
    with store.write():
        quote = store.close_quote(_quote_id(quote_id), "expired", on=e.today(), now=e.now())
    render.echo(f"Quote #{quote.id} closed as expired")


@quote_app.command("renew")
def quote_renew(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
    valid: Annotated[
        str | None, typer.Option("--valid", help="From today: 30d, 6w, or a date. Default 30 days.")
    ] = None,
) -> None:
    """Extend an open quote's validity (recorded in its history)."""
    from salesnotes import render
    from salesnotes.dates import describe

    e = env(ctx)
    today = e.today()
    days = e.config().get_int("quotes.valid_days")
    until = _valid_until(valid if valid is not None else f"{days}d", today, today)
    store = e.store()
    with store.write():
        quote = store.renew_quote(_quote_id(quote_id), until, on=today, now=e.now())
    render.echo(f"Quote #{quote.id} valid until {describe(until)}")


@quote_app.command("edit")
def quote_edit(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
    probability: Annotated[
        str | None,
        typer.Option("--probability", help="Win chance in %, or 'default' for the status's."),
    ] = None,
) -> None:
    """Change an open quote's win probability."""
    from salesnotes import render
    from salesnotes.errors import BadInput
    from salesnotes.quotes import probability as effective

    if probability is None:
        raise BadInput("nothing to change; give --probability 70 or --probability default")
    value: int | None
    if probability.strip().lower() == "default":
        value = None
    elif probability.strip().rstrip("%").isdigit():
        value = int(probability.strip().rstrip("%"))
    else:
        raise BadInput(f"'{probability}' is not a percentage; try 70 or default")
    e = env(ctx)
    store = e.store()
    with store.write():
        quote = store.set_probability(_quote_id(quote_id), value)
    render.echo(f"Quote #{quote.id}: probability {effective(quote, e.config())}%")


@quote_app.command("show")
def quote_show(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
    fmt: FormatOption = Format.table,
) -> None:
    """One quote with its revisions."""
    from salesnotes import render

    e = env(ctx)
    store = e.store()
    with store.read():
        quote = store.quote(_quote_id(quote_id))
    render.quotes([quote], fmt.value, e.today(), e.config(), detail=True)


@app.command("quotes")
def list_quotes(
    ctx: typer.Context,
    show_all: Annotated[
        bool, typer.Option("--all", help="Won, lost and expired ones too.")
    ] = False,
    open_only: Annotated[bool, typer.Option("--open", help="Open quotes (the default).")] = False,
    stale: Annotated[
        bool, typer.Option("--stale", help="Only stale ones, most idle first.")
    ] = False,
    status: Annotated[
        str | None,
        typer.Option(
            "--status",
            help="Only this (shown) status.",
            autocompletion=complete_from(QUOTE_STATUSES),
        ),
    ] = None,
    who: Annotated[str | None, typer.Option("--who", help="Only this contact's quotes.")] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """The tray: open quotes, oldest first (--all: every quote; --stale: the ones going cold)."""
    from salesnotes import render
    from salesnotes.errors import BadInput
    from salesnotes.quotes import is_stale

    if show_all and (open_only or stale):
        raise BadInput("--all lists every quote; leave out --open and --stale with it")
    if status is not None and status.lower() not in QUOTE_STATUSES:
        raise BadInput(f"'{status}' is not a quote status; use one of: {', '.join(QUOTE_STATUSES)}")
    e = env(ctx)
    today = e.today()
    config = e.config()
    store = e.store()
    with store.read():
        contact_id = store.resolve(who).id if who is not None else None
        found = store.quotes(open_only=not show_all, contact_id=contact_id)
    if status is not None:
        found = [q for q in found if q.shown_status(today) == status.lower()]
    if stale:
        found = [q for q in found if is_stale(q, today, config)]
        found.sort(key=lambda q: (-q.idle_days(today), q.id))
    render.quotes(found, fmt.value, today, config)


@app.command()
def pipeline(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """What is open, by status and weighted; what expires this week; how the month and year went."""
    from salesnotes import render
    from salesnotes.sources import pipeline as read_pipeline

    e = env(ctx)
    store = e.store()
    with store.read():
        figures = read_pipeline(store, e.config(), e.today())
    render.pipeline(figures, fmt.value, e.config())
