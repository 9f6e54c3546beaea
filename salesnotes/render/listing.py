"""Listings: one record per row, as a rich table, tab-separated lines, or a JSON list.

rich is imported only to draw a table; plain and json never load it.
"""

from __future__ import annotations

import sys

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
    if fmt == "json":
        print_json([to_json(item) for item in items])
        return
    if fmt == "plain":
        plain_lines([c.value(item) for c in columns] for item in items)
        return
    if not items:
        note(empty)
        return
    from rich.table import Table
    from rich.text import Text

    table = Table(title=title, title_justify="left", show_edge=False, pad_edge=False)
    shown = table_columns or columns
    for column in shown:
        table.add_column(
            column.header,
            justify=column.justify,  # type: ignore[arg-type]
            style=column.style,
            no_wrap=column.no_wrap,
        )
    for item in items:
        table.add_row(*(Text(clean(excerpt(c.value(item), CELL_TEXT))) for c in shown))
    paged(table, len(items))


def paged(table: Any, rows: int) -> None:
    """Print a table; on a terminal, one longer than the screen goes through $PAGER (less
    by default, keeping the colours), never in a pipe or under cron."""
    import shutil

    out = console()
    if sys.stdout.isatty() and rows + 4 > shutil.get_terminal_size().lines:
        with out.pager(styles=True):
            out.print(table)
        return
    out.print(table)
