"""Quotes: the tray, one quote with its history, and the pipeline."""

from __future__ import annotations

from salesnotes.domain.days import describe, short
from salesnotes.domain.money import format_amount
from salesnotes.i18n import N_, _, for_scripts, n_, term
from salesnotes.render import plain_lines, print_json
from salesnotes.render.shapes import pipeline_json, quote_json
from salesnotes.render.tables import CELL_TEXT, Column, console, fitted_table, listing
from salesnotes.text import clean, excerpt, one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from datetime import date

    from salesnotes.config import Config
    from salesnotes.domain.quote_life import Pipeline
    from salesnotes.models import Quote
    from salesnotes.results import Added, Closed, Revised, Sent


def quotes(
    items: Sequence[Quote], fmt: str, today: date, config: Config, *, detail: bool = False
) -> None:
    """``quotes``: id, status, contact, organisation, title, amount, validity, idle days, %."""
    with for_scripts(fmt):
        from salesnotes.domain.quote_life import is_stale, probability

        style = config.get_str("money.format")

        def amount(q: Quote) -> str:
            return format_amount(q.amount_cents, q.currency, style)

        def idle(q: Quote) -> str:
            return str(q.idle_days(today)) if q.is_open else ""

        columns = [
            Column("Id", lambda q: str(q.id), justify="right", keep=True),
            # Kept at any width once a closed quote is listed: it tells won from lost.
            Column(
                "Status",
                lambda q: term(q.shown_status(today)),
                keep=True,
                optional=all(q.is_open for q in items),
            ),
            Column("Contact id", lambda q: str(q.contact_id)),
            Column("Contact", lambda q: q.contact_name, style="bold"),
            Column("Organisation", lambda q: q.organisation or ""),
            Column("Title", lambda q: q.title),
            Column("Amount", amount, justify="right", keep=True),
            Column("Cents", lambda q: str(q.amount_cents)),
            Column("Currency", lambda q: q.currency),
            Column("Valid until", lambda q: q.valid_until.isoformat() if q.valid_until else ""),
            Column("Idle days", idle, justify="right"),
            Column("%", lambda q: str(probability(q, config)), justify="right"),
        ]
        if fmt == "table" and detail and items:
            _detail(items[0], today, config)
            return
        if fmt == "json" and detail and items:
            print_json(quote_json(items[0], today, config))
            return
        listing(
            items,
            fmt,
            columns,
            lambda q: quote_json(q, today, config),
            empty=_("No quotes."),
            table_columns=[
                *(columns[i] for i in (0, 1, 3, 5, 6)),
                Column(
                    "Valid",
                    lambda q: short(q.valid_until, today) if q.valid_until else "",
                    keep=True,
                    # Every quote listed (won, lost): the status matters more than the validity.
                    optional=not all(q.is_open for q in items),
                    tint=lambda q: "red" if q.shown_status(today) == "expired" else "",
                ),
                Column(
                    "Idle",
                    idle,
                    justify="right",
                    keep=True,
                    optional=True,
                    tint=lambda q: "dim" if q.is_open and is_stale(q, today, config) else "",
                ),
                Column("%", columns[11].value, justify="right", keep=True, optional=True),
            ],
        )


def period_words(label: str) -> str:
    """'2026-11' -> 'Nov 2026' (a year stays as it is): the pages' date style."""
    from salesnotes.domain.days import month_abbr

    year, __, month = label.partition("-")
    return f"{month_abbr(int(month))} {year}" if month.isdigit() else label


def _detail(q: Quote, today: date, config: Config) -> None:
    from rich.table import Table
    from rich.text import Text

    from salesnotes.domain.quote_life import probability

    style = config.get_str("money.format")
    out = console()
    out.print(
        Text(
            _("Quote #{id} {title}").format(id=q.id, title=clean(excerpt(q.title, CELL_TEXT))),
            style="bold",
        )
    )
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="dim")
    grid.add_column()
    who = q.contact_name + (f" ({q.organisation})" if q.organisation else "")
    rows = [
        (N_("for"), f"{who} #{q.contact_id}"),
        (N_("amount"), format_amount(q.amount_cents, q.currency, style)),
        (
            N_("status"),
            term(q.shown_status(today)) + (f" ({q.lost_reason})" if q.lost_reason else ""),
        ),
        (N_("quoted"), describe(q.quoted_on)),
        (N_("sent"), describe(q.sent_on) if q.sent_on else ""),
        (N_("valid until"), describe(q.valid_until) if q.valid_until else ""),
        (N_("closed"), describe(q.closed_on) if q.closed_on else ""),
        (N_("probability"), f"{probability(q, config)}%"),
        (N_("idle"), _("{n} days").format(n=q.idle_days(today)) if q.is_open else ""),
    ]
    for key, value in rows:
        if value:
            grid.add_row(_(key), Text(clean(excerpt(value, CELL_TEXT * 4))))
    out.print(grid)
    out.print(Text("\n" + _("Revisions"), style="bold"))
    for r in q.revisions:
        amount = format_amount(r.amount_cents, q.currency, style)
        line = f"  {r.number}. {describe(r.revised_on)}  {amount}"
        out.print(Text(line + (f"  {one_line(excerpt(r.note, CELL_TEXT))}" if r.note else "")))


def pipeline(p: Pipeline, fmt: str, config: Config) -> None:
    """``pipeline``: open by status with bars, weighted value, expiring, month and year."""
    with for_scripts(fmt):
        if fmt == "json":
            print_json(pipeline_json(p))
        elif fmt == "plain":
            plain_lines(_pipeline_lines(p))
        else:
            _pipeline_table(p, config.get_str("money.format"))


def _rate(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def _pipeline_lines(p: Pipeline) -> list[list[str]]:
    """The pipeline for scripts: one line per figure, amounts in cents."""
    lines = [
        ["open", s.status, str(s.count), str(s.value_cents), str(s.weighted_cents)]
        for s in p.by_status
    ]
    lines.append(["total", "open", str(p.open_count), str(p.open_cents), str(p.weighted_cents)])
    lines.append(["expiring", "7d", str(p.expiring_count), str(p.expiring_cents), ""])
    for f in (p.month, p.year):
        lines.append(["won", f.label, str(f.won_count), str(f.won_cents), _rate(f.win_rate)])
        lines.append(["lost", f.label, str(f.lost_count), str(f.lost_cents), ""])
    days = "" if p.average_days_to_win is None else f"{p.average_days_to_win:g}"
    lines.append(["days_to_win", str(p.today.year), days, "", ""])
    return lines


def _pipeline_table(p: Pipeline, style: str) -> None:
    """The pipeline for a person: a table of the open quotes by status with bars, then the
    lines about what expires, the month and the year."""
    from rich.text import Text

    def money(cents: int) -> str:
        return format_amount(cents, p.currency, style)

    out = console()
    largest = max((s.value_cents for s in p.by_status), default=0) or 1
    columns = [
        Column("Status", lambda row: row[0], keep=True),
        Column("Quotes", lambda row: row[1], justify="right", keep=True),
        Column("Value", lambda row: row[2], justify="right", keep=True),
        Column("Weighted", lambda row: row[3], justify="right", keep=True),
        Column("", lambda row: row[4], keep=True, optional=True),
    ]
    cells = [
        [term(s.status), str(s.count), money(s.value_cents), money(s.weighted_cents),
         "█" * round(24 * s.value_cents / largest) if s.value_cents else ""]
        for s in p.by_status
    ]  # fmt: skip
    cells.append(["open", str(p.open_count), money(p.open_cents), money(p.weighted_cents), ""])
    title = Text(
        _("Pipeline on {day} ({currency})").format(day=describe(p.today), currency=p.currency),
        style="bold",
    )
    table = fitted_table(columns, cells, title)
    if table is not None:
        out.print(table)
    for line in _pipeline_notes(p, money):
        out.print(Text(line))


def _pipeline_notes(p: Pipeline, money: Callable[[int], str]) -> list[str]:
    """The lines under the pipeline's table: expiring, the month and the year, days to win,
    why quotes were lost, quotes in other currencies."""
    lines = [
        _("Expiring within 7 days: {count} ({amount})").format(
            count=p.expiring_count, amount=money(p.expiring_cents)
        )
    ]
    for f in (p.month, p.year):
        lines.append(
            _(
                "{period}: won {won_count} ({won}), lost {lost_count} ({lost}), win rate {rate}"
            ).format(
                period=period_words(f.label),
                won_count=f.won_count,
                won=money(f.won_cents),
                lost_count=f.lost_count,
                lost=money(f.lost_cents),
                rate=_rate(f.win_rate),
            )  # fmt: skip
        )
    if p.average_days_to_win is not None:
        lines.append(
            _("Average days from sent to won ({year}): {days:g}").format(
                year=p.year.label, days=p.average_days_to_win
            )
        )
    if p.lost_reasons:
        reasons = ", ".join(f"{r} ({n})" for r, n in p.lost_reasons)
        lines.append(_("Most common reasons for losing: {reasons}").format(reasons=reasons))
    for currency, count in p.other_currencies.items():
        lines.append(
            n_(
                "Not counted: {count} open quote in {currency}",
                "Not counted: {count} open quotes in {currency}",
                count,
            ).format(count=count, currency=currency)
        )
    return lines


def chased(sent: Sent) -> str:
    """What sending scheduled, in words: 'chase follow-up #3 on Wed 2 Dec 2026'."""
    from salesnotes.domain.days import describe

    if sent.chase is None:
        return _("a follow-up already chases it")
    words = _("chase follow-up #{id} on {due_on}").format(
        id=sent.chase.id, due_on=describe(sent.chase.due_on)
    )
    if sent.answers_in is not None:
        words += _(" (they usually answer within {days}: {quotes})").format(
            days=n_("{n} working day", "{n} working days", sent.answers_in).format(
                n=sent.answers_in
            ),
            quotes=n_("from {n} quote", "from {n} quotes", sent.answered).format(n=sent.answered),
        )
    return words


def amount(cents: int, currency: str, config: Config) -> str:
    """'€ 12.500,00' in the configured style."""
    return format_amount(cents, currency, config.get_str("money.format"))


def added(result: Added, config: Config) -> None:
    """``quote add``: the new quote, and its chase when it was sent at once."""
    from salesnotes.render import echo

    quote = result.quote
    echo(
        _("Quote #{id}: {amount} for {label}, {title}, valid until {until} ({status})").format(
            id=quote.id,
            amount=amount(quote.amount_cents, quote.currency, config),
            label=result.contact.label,
            title=quote.title,
            until=describe(quote.valid_until) if quote.valid_until else "",
            status=term(quote.status),
        )
    )
    if result.sent:
        echo(_("Sent; {chased}").format(chased=chased(result.sent)))


def sent(result: Sent) -> None:
    """``quote send``: the quote sent, and its chase."""
    from salesnotes.render import echo

    echo(
        _("Quote #{id} sent to {contact_name}; {chased}").format(
            id=result.quote.id, contact_name=result.quote.contact_name, chased=chased(result)
        )
    )


def revised(result: Revised) -> None:
    """``quote revise``: the note it made, its revision and status."""
    from salesnotes.render import echo

    echo(
        _("{text} (revision {revisions}, {status})").format(
            text=result.note,
            revisions=len(result.quote.revisions),
            status=term(result.quote.status),
        )
    )


def closed(result: Closed, label: str, config: Config) -> None:
    """``quote won``, ``lost``, ``expire``: the quote closed; who became a customer."""
    from salesnotes.render import echo

    quote = result.quote
    money = amount(quote.amount_cents, quote.currency, config)
    if quote.status == "won":
        echo(_("Quote #{id} won: {amount} from {label}").format(
            id=quote.id, amount=money, label=label
        ))  # fmt: skip
    elif quote.status == "lost":
        why = f" ({quote.lost_reason})" if quote.lost_reason else ""
        echo(_("Quote #{id} lost{why}: {amount}").format(id=quote.id, why=why, amount=money))
    else:
        echo(_("Quote #{id} closed as expired").format(id=quote.id))
    if result.promoted is not None:
        echo(
            _("{name} is now a customer (was {status})").format(
                name=result.promoted.name, status=term(result.promoted.status)
            )
        )


def renewed(quote: Quote) -> None:
    """``quote renew``: its new validity."""
    from salesnotes.render import echo

    until = describe(quote.valid_until) if quote.valid_until else ""
    echo(_("Quote #{id} valid until {until}").format(id=quote.id, until=until))


def probability_set(quote: Quote, config: Config) -> None:
    """``quote edit``: its win probability now."""
    from salesnotes.domain.quote_life import probability
    from salesnotes.render import echo

    echo(
        _("Quote #{id}: probability {quote}%").format(id=quote.id, quote=probability(quote, config))
    )
