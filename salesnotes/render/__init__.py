"""Output: the one place that turns stored text into what a terminal or a script sees.

Three formats for every listing:
- ``table``: for people; rich, colour only on a terminal and never with NO_COLOR.
- ``plain``: one record per line, tab-separated, fixed columns, no truncation (for cron, grep).
- ``json``: a list of objects with stable keys and ISO dates (a contract; see the README and
  ``render/shapes.py``).
Stored text is data: control characters are stripped again here, and rich only ever gets
``Text`` objects, so "[red]" or an escape sequence in a name prints as the characters it is.

This module is what every command may use: echoes, messages, errors, JSON and plain lines,
none of which imports rich. The views (``render.agenda``, ``render.dossier``, ...) import rich
only for a table.
"""

from __future__ import annotations

import sys
from datetime import date

from salesnotes.text import clean, one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any


def safe(value: Any) -> Any:
    """A value ready for JSON: text cleaned, dates ISO, tuples as lists."""
    if isinstance(value, str):
        return clean(value)
    if isinstance(value, dict):
        return {key: safe(item) for key, item in value.items()}
    if isinstance(value, (list, tuple)):
        return [safe(item) for item in value]
    if isinstance(value, date):
        return value.isoformat()
    return value


def print_json(data: Any) -> None:
    """Stable, readable JSON on stdout (UTF-8, two-space indent)."""
    sys.stdout.write(json_text(data))


def json_text(data: Any) -> str:
    """What ``print_json`` prints."""
    import json

    return json.dumps(safe(data), ensure_ascii=False, indent=2) + "\n"


def echo(message: str) -> None:
    """A confirmation line on stdout ("Follow-up #7 on Fri 27 Nov 2026")."""
    sys.stdout.write(one_line(message) + "\n")


def note(message: str) -> None:
    """A message for the person, not data: stderr."""
    sys.stderr.write(clean(message) + "\n")


def error(message: str, details: Iterable[str] = ()) -> None:
    """``Error: ...`` on stderr, as plain text: errors must print even when all else fails.
    The message is one line and each detail one more, whatever value they echo (a line feed
    in a value is written as \\n, a 100 KB value cut: ``text.readable``)."""
    from salesnotes.i18n import _
    from salesnotes.text import readable

    sys.stderr.write(_("Error: {message}").format(message=readable(message)) + "\n")
    for line in details:
        sys.stderr.write(f"  {readable(line)}\n")


def first(values: tuple[str, ...]) -> str:
    """The first of a contact's e-mails or phones, or ''."""
    return values[0] if values else ""


def plain_lines(lines: Iterable[Sequence[str]]) -> None:
    """Tab-separated lines, each field on one line (the ``plain`` format)."""
    write = sys.stdout.write
    for fields in lines:
        write("\t".join(one_line(field) for field in fields) + "\n")
