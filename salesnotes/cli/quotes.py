"""Quotes: ``quote add|send|revise|won|lost|expire|renew|edit|show``, ``quotes``, ``pipeline``."""

from __future__ import annotations

from typing import Annotated

import typer

from salesnotes.cli.app import HelpGroup, app
from salesnotes.cli.common import (
    Format,
    FormatOption,
    WhoArgument,
    complete_from,
    complete_who,
    runs,
)
from salesnotes.models import QUOTE_STATUSES

quote_app = typer.Typer(
    cls=HelpGroup,
    help="Add and move quotes: add, send, revise, won, lost, expire, renew, edit, show.",
    no_args_is_help=True,
)
app.add_typer(quote_app, name="quote")

AMOUNT_HELP = "12500, 12.500, 12.500,00, '€ 12.500,50', 12,500.50 or 12,5k."
VALID_HELP = "A period from the quote's date (30d, 6w, 3m) or a date (31-12, 2027-01-31)."


def _lost_reasons(incomplete: str) -> list[str]:
    """Completion: the reasons used most in this book, then the common ones."""
    from salesnotes.domain.quote_life import COMMON_LOST_REASONS
    from salesnotes.env import Env

    used: list[str] = []
    try:
        store = Env().store()
        try:
            used = [reason for reason, _ in store.quotes.lost_reasons()]
        finally:
            store.close()
    except Exception:  # noqa: BLE001, S110 - completion must never fail loudly
        pass
    choices = list(dict.fromkeys([*used, *COMMON_LOST_REASONS]))
    return [c for c in choices if c.startswith(incomplete)]


@quote_app.command("add")
@runs("salesnotes.commands.quotes:quote_add")
def quote_add(
    ctx: typer.Context,
    who: WhoArgument,
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
    """Add a quote for a contact (a draft, or sent with --send).

    Examples:

    \b
    salesnotes quote add jan 12.500 --title "Dakisolatie hal 3" --send
    salesnotes quote add anna "€ 8.000,00" --valid 6w
    """


@quote_app.command("send")
@runs("salesnotes.commands.quotes:quote_send")
def quote_send(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
) -> None:
    """Mark a quote sent and schedule a follow-up to chase it."""


@quote_app.command("revise")
@runs("salesnotes.commands.quotes:quote_revise")
def quote_revise(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
    amount: Annotated[str, typer.Argument(help=AMOUNT_HELP, show_default=False)],
    note: Annotated[str, typer.Option("--note", "-n", help="Why the amount changed.")] = "",
) -> None:
    """Record a new amount; the history is kept and a sent quote moves to negotiating."""


@quote_app.command("won")
@runs("salesnotes.commands.quotes:quote_won")
def quote_won(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
    note: Annotated[str, typer.Option("--note", "-n", help="Anything to remember.")] = "",
) -> None:
    """Close a quote as won; a lead or prospect becomes a customer."""


@quote_app.command("lost")
@runs("salesnotes.commands.quotes:quote_lost")
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


@quote_app.command("expire")
@runs("salesnotes.commands.quotes:quote_expire")
def quote_expire(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
) -> None:
    """Close a quote as expired (no answer in time); it leaves the tray."""


@quote_app.command("renew")
@runs("salesnotes.commands.quotes:quote_renew")
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


@quote_app.command("edit")
@runs("salesnotes.commands.quotes:quote_edit")
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


@quote_app.command("show")
@runs("salesnotes.commands.quotes:quote_show")
def quote_show(
    ctx: typer.Context,
    quote_id: Annotated[
        str, typer.Argument(metavar="ID", help="The quote's id.", show_default=False)
    ],
    fmt: FormatOption = Format.table,
) -> None:
    """One quote with its revisions."""


@app.command("quotes")
@runs("salesnotes.commands.quotes:quotes")
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
    who: Annotated[
        str | None,
        typer.Option("--who", help="Only this contact's quotes.", shell_complete=complete_who),
    ] = None,
    fmt: FormatOption = Format.table,
) -> None:
    """The tray: open quotes, oldest first (--all: every quote; --stale: the ones going cold).

    Examples:

    \b
    salesnotes quotes
    salesnotes quotes --stale
    """


@app.command()
@runs("salesnotes.commands.quotes:pipeline")
def pipeline(ctx: typer.Context, fmt: FormatOption = Format.table) -> None:
    """What is open, by status and weighted; what expires this week; how the month and year went."""
