"""``report``: the team's figures over a span, as a table with sparklines and bars, tab-
separated lines, JSON, Markdown or an HTML page with inline SVG charts."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from salesnotes.i18n import N_, _
from salesnotes.render.charts import bar, sparkline

if TYPE_CHECKING:
    from collections.abc import Callable
    from datetime import date

    from salesnotes.config import Config
    from salesnotes.domain.report import Figures, Person, Report

# (stable key, words, the figure, what it is: count | money | rate | hours; a state of the
# day of the report rather than of the span: no figure before to compare with)
Row = tuple[str, str, "Callable[[Figures], float | int | None]", str, bool]
ROWS: tuple[Row, ...] = (
    ("conversations", N_("Conversations"), lambda f: f.conversations, "count", False),
    ("calls", N_("  calls"), lambda f: f.talks["call"], "count", False),
    ("visits", N_("  visits"), lambda f: f.talks["visit"], "count", False),
    ("emails", N_("  mails"), lambda f: f.talks["email"], "count", False),
    ("meetings", N_("  meetings"), lambda f: f.talks["meeting"], "count", False),
    ("new_contacts", N_("New contacts"), lambda f: f.new_contacts, "count", False),
    ("quotes_sent", N_("Quotes sent"), lambda f: f.sent.n, "count", False),
    ("quotes_sent_cents", N_("  worth"), lambda f: f.sent.cents, "money", False),
    ("quotes_won", N_("Quotes won"), lambda f: f.won.n, "count", False),
    ("quotes_won_cents", N_("  worth"), lambda f: f.won.cents, "money", False),
    ("quotes_lost", N_("Quotes lost"), lambda f: f.lost.n, "count", False),
    ("quotes_lost_cents", N_("  worth"), lambda f: f.lost.cents, "money", False),
    ("win_rate", N_("Win rate"), lambda f: f.win_rate, "rate", False),
    ("pipeline_open", N_("Open quotes (now)"), lambda f: f.open_count, "count", True),
    ("pipeline_open_cents", N_("  worth"), lambda f: f.open_cents, "money", True),
    ("pipeline_weighted_cents", N_("  weighted"), lambda f: f.weighted_cents, "money", True),
    ("followups_on_time", N_("Follow-ups done on time"), lambda f: f.on_time, "count", False),
    ("followups_late", N_("Follow-ups done late"), lambda f: f.late, "count", False),
    ("complaints", N_("Complaints opened"), lambda f: f.complaints, "count", False),
    ("complaint_answer_hours", N_("  first answer (median)"), lambda f: f.median_hours, "hours",
     False),
    ("complaints_unanswered", N_("  not answered yet"), lambda f: f.unanswered, "count", False),
    ("getting_quiet", N_("Getting quiet (now)"), lambda f: f.quiet, "count", True),
)  # fmt: skip


PER = {
    "day": (N_("Conversations per day"), N_("Conversations per day, {start} to {end}:")),
    "week": (N_("Conversations per week"), N_("Conversations per week, {start} to {end}:")),
    "month": (N_("Conversations per month"), N_("Conversations per month, {start} to {end}:")),
}
"""The sparklines' words by what a character counts (``domain.report.binned``): a label, and
the terminal's heading."""


def render(report: Report, fmt: str, config: Config) -> str:
    """The report in ``fmt``: table (for a terminal), plain, json, markdown or html."""
    if fmt == "json":
        from salesnotes.render import json_text

        return json_text(as_json(report))
    if fmt == "plain":
        return plain(report)
    if fmt == "markdown":
        return markdown(report, config)
    if fmt == "html":
        from salesnotes.render.report_html import html

        return html(report, config)
    return ""


def said(value: float | None, what: str, currency: str, config: Config) -> str:
    """A figure as people read it: '12', '€ 12.500,00', '50%', '3.5 h'; '-' for none."""
    from salesnotes.i18n import grouped
    from salesnotes.render.quotes import amount

    if value is None:
        return "-"
    if what == "money":
        return amount(int(value), currency, config)
    if what == "rate":
        return f"{round(value * 100)}%"
    if what == "hours":
        return hours_said(value)
    return grouped(int(value))


def hours_said(value: float) -> str:
    """'3.5 h' ('3,5 u' in Dutch)."""
    return _("{hours} h").format(hours=_decimal(value))


def _decimal(value: float) -> str:
    from salesnotes.i18n import language

    text = f"{value:.1f}".removesuffix(".0")
    return text.replace(".", ",") if language() == "nl" else text


def changed(now: float | None, before: float | None, what: str) -> str:
    """The change against the span before: '+25%', '-3', 'new'; '' when not comparable."""
    from salesnotes.domain.report import change

    if now is None or before is None:
        return ""
    if what in ("rate", "hours"):
        diff = now - before
        if what == "rate":
            return f"{round(diff * 100):+d} pt" if round(diff * 100) else "="
        sign = "+" if diff > 0 else "-"
        return _("{hours} h").format(hours=sign + _decimal(abs(diff))) if round(diff, 1) else "="
    if now == before:
        return "="
    if not before:
        return _("new")
    relative = change(now, before)
    return f"{round((relative or 0) * 100):+d}%"


def heading(report: Report) -> tuple[str, str]:
    """'The team, Mon 30 Nov – Sun 6 Dec 2026' and 'against Mon 23 Nov – Sun 29 Nov 2026'."""
    from salesnotes.domain.days import describe

    whose = _("The team") if report.team is not None else report.people[0].name
    return (
        _("{whose}: {start} – {end}").format(
            whose=whose, start=describe(report.span.start), end=describe(report.span.end)
        ),
        _("against {start} – {end}").format(
            start=describe(report.before.start), end=describe(report.before.end)
        ),
    )


def columns(report: Report) -> list[tuple[str, Person]]:
    """The table's columns: each person, then the team."""
    shown = [(p.name, p) for p in report.people]
    if report.team is not None:
        shown.append((_("team"), report.team))
    return shown


def table_rows(report: Report, config: Config) -> list[list[str]]:
    """The table's cells: a row per figure, a column per person (and the team), the change
    of the team (or the one person) against the span before."""
    rows = []
    for _key, words, get, what, state in ROWS:
        cells = [_(words)]
        cells += [said(get(p.now), what, report.currency, config) for _, p in columns(report)]
        shown = report.shown
        cells.append("" if state else changed(get(shown.now), get(shown.before), what))
        rows.append(cells)
    return rows


def pictures(report: Report, config: Config) -> list[str]:
    """The terminal's pictures, as lines: a sparkline of conversations per day for each
    person, and the open pipeline by the month its quotes run to as bars."""
    from salesnotes.domain.days import month_abbr
    from salesnotes.domain.report import binned

    heading = _(PER[binned(report.span, report.shown.now.per_day)[0]][1])
    lines = [heading.format(start=_day(report.span.start), end=_day(report.span.end))]
    wide = max((len(p.name) for p in report.people), default=0)
    for person in report.people:
        counts = binned(report.span, person.now.per_day)[1]
        lines.append(f"  {person.name:<{wide}}  {sparkline(counts)}  {sum(counts)}")
    if report.months:
        top = max(m.cents for _, m in report.months)
        lines.append(_("Open quotes by the month they run to:"))
        for month, money in report.months:
            label = f"{month_abbr(int(month[5:]))} {month[:4]}" if month else _("no end date")
            amount = said(money.cents, "money", report.currency, config)
            lines.append(f"  {label:<9} {bar(money.cents, top):<20} {amount} ({money.n})")
    return lines


def _day(day: date) -> str:
    from salesnotes.domain.days import short

    return short(day)


def footnotes(report: Report) -> list[str]:
    """What the figures leave out, said once."""
    from salesnotes.i18n import n_

    lines = []
    if report.other_currencies:
        lines.append(
            n_(
                "{n} quote in another currency than {currency} is not in these figures.",
                "{n} quotes in other currencies than {currency} are not in these figures.",
                report.other_currencies,
            ).format(n=report.other_currencies, currency=report.currency)
        )
    return lines


def plain(report: Report) -> str:
    """Tab-separated lines for scripts, the same in every language: person (``team`` for
    the totals), figure key, the span's value, the value of the span before (money in
    cents, a rate 0-1, hours with one decimal; empty: none)."""
    out = []
    people = [(p.name, p) for p in report.people]
    if report.team is not None:
        people.append(("team", report.team))
    for name, person in people:
        for key, _words, get, _what, state in ROWS:
            now, before = get(person.now), None if state else get(person.before)
            out.append("\t".join((name, key, _raw(now), _raw(before))))
    return "".join(line + "\n" for line in out)


def _raw(value: float | None) -> str:
    if value is None:
        return ""
    if isinstance(value, int):
        return str(value)
    return f"{value:.4f}".rstrip("0").rstrip(".")


def as_json(report: Report) -> dict[str, Any]:
    """The JSON contract of ``report`` (docs/team.md)."""

    def figures(f: Figures, state: bool = True) -> dict[str, Any]:
        shown: dict[str, Any] = {}
        for key, _words, get, what, is_state in ROWS:
            if state or not is_state:
                value = get(f)
                shown[key] = round(value, 4) if value is not None and what != "count" else value
        shown["per_day"] = list(f.per_day)
        return shown

    def person(p: Person) -> dict[str, Any]:
        return {"name": p.name, "figures": figures(p.now), "before": figures(p.before, False)}

    return {
        "span": report.kind,
        "start": report.span.start.isoformat(),
        "end": report.span.end.isoformat(),
        "before_start": report.before.start.isoformat(),
        "before_end": report.before.end.isoformat(),
        "date": report.today.isoformat(),
        "currency": report.currency,
        "people": [person(p) for p in report.people],
        "team": None if report.team is None else person(report.team) | {"name": None},
        "pipeline_by_month": [
            {"month": month or None, "count": m.n, "value_cents": m.cents}
            for month, m in report.months
        ],
        "other_currencies": report.other_currencies,
    }


def markdown(report: Report, config: Config) -> str:
    """A Markdown table and the pictures in a code block (a chat, a wiki, a mail)."""
    first, second = heading(report)
    names = [name for name, _ in columns(report)]
    out = [f"## {first}", "", f"_{second}_", ""]
    out.append("| | " + " | ".join(_md(n) for n in names) + " | " + _("change") + " |")
    out.append("|---|" + "---:|" * (len(names) + 1))
    for cells in table_rows(report, config):
        out.append("| " + " | ".join(_md(c) for c in cells).replace("  ", "&emsp;") + " |")
    out += ["", "```", *pictures(report, config), "```"]
    out += ["", *footnotes(report)] if report.other_currencies else []
    return "\n".join(out) + "\n"


def _md(text: str) -> str:
    return text.replace("|", "\\|")


def table(report: Report, config: Config) -> None:
    """The report for a terminal: the table, then the pictures."""
    from rich.table import Table
    from rich.text import Text

    from salesnotes.render import echo
    from salesnotes.render.tables import console

    first, second = heading(report)
    grid = Table(title=Text(f"{first}\n{second}"), title_justify="left", show_edge=False)
    grid.add_column("")
    for name, _person in columns(report):
        grid.add_column(Text(name), justify="right", no_wrap=True)
    grid.add_column(_("change"), justify="right", no_wrap=True)
    for cells in table_rows(report, config):
        grid.add_row(*(Text(c) for c in cells))
    console().print(grid)
    for line in pictures(report, config) + footnotes(report):
        echo(line)
