"""Listings: one record per row, as a rich table, tab-separated lines, or a JSON list.

rich is imported only to draw a table; plain and json never load it.
"""

from __future__ import annotations

import sys

from salesnotes.i18n import _, for_scripts
from salesnotes.record import record
from salesnotes.render import note, plain_lines, print_json
from salesnotes.text import clean, excerpt

# At most this much of one text in a table cell (see ``excerpt``).
CELL_TEXT = 300

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence
    from typing import Any

    from rich.console import Console


def console(stderr: bool = False) -> Console:
    """A rich console that never interprets markup or guesses highlights in data."""
    from rich.console import Console

    return Console(stderr=stderr, highlight=False, markup=False, emoji=False)


@record
class Column:
    """One column of a listing: its header and how to get its text from a record."""

    header: str
    value: Callable[[Any], str]
    justify: str = "left"
    style: str = ""
    no_wrap: bool = False
    keep: bool = False  # never cut or wrapped (an id, an amount, a date)
    optional: bool = False  # left out first when the terminal is narrow
    tint: Callable[[Any], str] | None = None  # a colour that carries meaning, for this record
    shown: Callable[[Any], str] | None = None  # the value for people (a table), if not value's


# The narrowest a column of free text may get before the table gives up columns.
TEXT_MIN = 10
SEPARATOR = 3  # " │ " between two columns


def fit(
    columns: Sequence[Column], cells: Sequence[Sequence[str]], width: int
) -> tuple[list[int], list[int]] | None:
    """Which columns a table of ``width`` shows (their indexes), and the width each needs:
    every kept column as wide as its widest cell; optional columns left out from the right
    until the rest fit; None when even that does not fit (show the records one by one)."""
    need = []
    for n, column in enumerate(columns):  # a cell of several lines is as wide as its widest
        widest = max((len(line) for row in cells for line in row[n].split("\n")), default=0)
        if column.keep:
            need.append(max(widest, len(column.header)))
        else:
            need.append(max(len(column.header), min(widest, TEXT_MIN)))
    shown = list(range(len(columns)))
    optional = [n for n in shown if columns[n].optional]

    def total() -> int:
        return sum(need[n] for n in shown) + SEPARATOR * (len(shown) - 1)

    while total() > width and optional:
        shown.remove(optional.pop())
    if total() > width:
        return None
    return shown, need


def listing(
    items: Sequence[Any],
    fmt: str,
    columns: Sequence[Column],
    to_json: Callable[[Any], dict[str, Any]],
    *,
    empty: str,
    title: str | None = None,
    table_columns: Sequence[Column] | None = None,
) -> None:
    """Print records as a table, tab-separated lines, or a JSON list.

    ``columns`` are the plain format's fixed fields; a table may show fewer
    (``table_columns``) to stay readable in 80 columns.
    """
    with for_scripts(fmt):
        if fmt == "json":
            print_json([to_json(item) for item in items])
            return
        if fmt == "plain":
            plain_lines([c.value(item) for c in columns] for item in items)
            return
        if not items:
            note(empty)
            return

        every = list(table_columns or columns)
        cells = [
            [clean(excerpt((c.shown or c.value)(item), CELL_TEXT)) for c in every] for item in items
        ]
        tints = [[c.tint(item) if c.tint else "" for c in every] for item in items]
        table = fitted_table(every, cells, title, tints)
        if table is not None:
            paged(table)


def fitted_table(
    columns: Sequence[Column],
    cells: Sequence[Sequence[str]],
    title: Any,
    tints: Sequence[Sequence[str]] | None = None,
) -> Any:
    """A rich table of these cells that fits the terminal (see ``fit``), or None when the
    records were shown one by one instead. ``tints``: a style per cell (colour on a
    terminal only, and never with NO_COLOR: rich's own rules)."""
    from rich.table import Table
    from rich.text import Text

    every = [_translated(c) for c in columns]
    fitted = fit(every, cells, console().width)
    if fitted is None:
        one_by_one(every, cells, title)
        return None
    chosen, need = fitted
    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    for n in chosen:
        column = every[n]
        table.add_column(
            column.header,
            justify=column.justify,  # type: ignore[arg-type]
            style=column.style,
            no_wrap=column.no_wrap or column.keep,
            min_width=need[n],  # a header is never cut either
        )
    for r, row in enumerate(cells):
        table.add_row(*(Text(row[n], style=tints[r][n] if tints else "") for n in chosen))
    return table


def _translated(column: Column) -> Column:
    """The column with its header in the language spoken."""
    c = column
    return Column(
        _(c.header), c.value, c.justify, c.style, c.no_wrap, c.keep, c.optional, c.tint, c.shown
    )


def one_by_one(columns: Sequence[Column], cells: Sequence[Sequence[str]], title: Any) -> None:
    """Records as blocks of 'Header: value' lines: what a terminal too narrow for the table
    shows (nothing cut; plain and json for scripts)."""
    from rich.text import Text

    out = console()
    if title is not None:
        out.print(title if not isinstance(title, str) else Text(title, style="bold"))
    out.print(
        Text(
            _(
                "({width} columns is too narrow for a table: one record at a time;"
                " --format plain for scripts)"
            ).format(width=out.width),
            style="dim",
        )
    )
    for n, row in enumerate(cells):
        if n:
            out.print()
        for column, value in zip(columns, row, strict=True):
            if value and column.header:  # a bar without a header is no use on its own
                out.print(Text(f"{_(column.header)}: ", style="dim") + Text(value))


def paged(table: Any) -> None:
    """Print a table (or anything rich draws); on a terminal, one taller than the screen
    goes through $PAGER (less by default, with -R when LESS is not set, so its colours show
    as colours, not as escape codes), never in a pipe or under cron."""
    import os
    import shutil

    out = console()
    if not sys.stdout.isatty():
        out.print(table)
        return
    with out.capture() as captured:
        out.print(table)
    text = captured.get()
    if text.count("\n") + 1 < shutil.get_terminal_size().lines:
        sys.stdout.write(text)
        return
    import pydoc

    os.environ.setdefault("LESS", "-R")
    sys.stdout.flush()
    pydoc.pager(text)
