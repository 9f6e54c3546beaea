"""``report --format html``: one page that a browser or a mail client shows as it is: the
table of figures, a sparkline per person, and the charts as inline SVG, each chart with its
text alternative (the SVG's label and a caption saying its numbers)."""

from __future__ import annotations

from html import escape
from typing import TYPE_CHECKING

from salesnotes.i18n import _, language
from salesnotes.render.charts import svg_bars, svg_spark
from salesnotes.render.report import PER, columns, footnotes, heading, said, table_rows

if TYPE_CHECKING:
    from salesnotes.config import Config
    from salesnotes.domain.report import Report

STYLE = (
    "body{font-family:sans-serif;margin:1.5em;color:#222}"
    "table{border-collapse:collapse;margin:1em 0}"
    "td,th{padding:.2em .7em;border-bottom:1px solid #ddd;text-align:right}"
    "td:first-child,th:first-child{text-align:left;white-space:pre}"
    "figure{margin:1.5em 0}figcaption{color:#555;font-size:.9em}"
)


def conversations_chart(report: Report) -> str:
    """The conversations of each person in the span as bars, in the table's order, with
    its caption: the figure the team (or the manager) looks at first."""
    rows = [(p.name, float(p.now.conversations), str(p.now.conversations)) for p in report.people]
    title = _("Conversations per person")
    caption = "; ".join(f"{name}: {text}" for name, _, text in rows)
    return figure(svg_bars(rows, title), f"{title}: {caption}")


def figure(svg: str, caption: str) -> str:
    """A chart and its words."""
    return f"<figure>{svg}<figcaption>{escape(caption)}</figcaption></figure>"


def html(report: Report, config: Config) -> str:
    """The whole page."""
    from salesnotes.domain.days import month_abbr
    from salesnotes.domain.report import binned

    first, second = heading(report)
    people = columns(report)
    out = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}"><head><meta charset="utf-8">',
        f"<title>{escape(first)}</title><style>{STYLE}</style></head><body>",
        f"<h1>{escape(first)}</h1><p>{escape(second)}</p>",
        "<table><thead><tr><th></th>",
        *(f"<th>{escape(name)}</th>" for name, _person in people),
        f"<th>{escape(_('change'))}</th></tr></thead><tbody>",
    ]
    for cells in table_rows(report, config):
        out.append("<tr>" + "".join(f"<td>{escape(c)}</td>" for c in cells) + "</tr>")
    words = _(PER[binned(report.span, report.shown.now.per_day)[0]][0])
    out.append(
        "<tr><td>" + escape(words) + "</td>"
        + "".join(f"<td>{svg_spark(binned(report.span, p.now.per_day)[1])}</td>"
                  for _name, p in people)
        + "<td></td></tr></tbody></table>"
    )  # fmt: skip
    out.append(conversations_chart(report))
    if report.months:
        rows = [
            (
                f"{month_abbr(int(month[5:]))} {month[:4]}" if month else _("no end date"),
                float(money.cents),
                said(money.cents, "money", report.currency, config),
            )
            for month, money in report.months
        ]
        title = _("Open quotes by the month they run to")
        caption = "; ".join(f"{label}: {text}" for label, _value, text in rows)
        out.append(figure(svg_bars(rows, title), f"{title}: {caption}"))
    out += [f"<p>{escape(line)}</p>" for line in footnotes(report)]
    out += ["</body></html>", ""]
    return "\n".join(out)
