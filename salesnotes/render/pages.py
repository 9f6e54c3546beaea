"""Text for people without a table: lines wrapped to the terminal, each wrapped line hanging
under its own text, bold and dim only where a terminal shows them.

For views that are lines rather than a grid (``show``'s dossier); tables stay rich's. rich
costs a command ~40 ms to import here, most of ``show``'s time.
"""

from __future__ import annotations

import os
import shutil
import sys

from salesnotes.text import clean, excerpt, one_line

# At most this much of one text on a page (a note, a conversation): a page is read, and
# wrapping megabytes takes seconds.
PAGE_TEXT = 2_000


def styled() -> bool:
    """Bold and dim on a terminal; never with NO_COLOR or TERM=dumb; FORCE_COLOR forces it.
    Not on Windows consoles, which may not understand the escape codes."""
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    if os.name == "nt" or os.environ.get("TERM") == "dumb":
        return False
    return sys.stdout.isatty()


class Page:
    """Lines for stdout, wrapped to the terminal's width."""

    __slots__ = ("lines", "styled", "width")

    def __init__(self) -> None:
        self.width = max(40, shutil.get_terminal_size((80, 24)).columns)
        self.styled = styled()
        self.lines: list[str] = []

    def _style(self, text: str, code: str) -> str:
        return f"\x1b[{code}m{text}\x1b[0m" if self.styled and text else text

    def heading(self, text: str) -> None:
        """A bold line (data in it is made one line)."""
        self.lines.append(self._style(one_line(text), "1"))

    def blank(self) -> None:
        """An empty line."""
        self.lines.append("")

    def line(self, text: str, indent: int = 0, hang: int = 0) -> None:
        """``text`` (made one line) wrapped to the width, ``indent`` spaces in, continuation
        lines ``hang`` spaces further in."""
        text = one_line(excerpt(text, PAGE_TEXT))
        self.lines += _wrap(text, self.width, " " * indent, " " * (indent + hang))

    def pairs(self, rows: list[tuple[str, str]], indent: int = 0) -> None:
        """Dim labels and their values, the values in one column, wrapped under it."""
        if not rows:
            return
        gap = max(len(label) for label, _ in rows) + 2
        pad = " " * (indent + gap)
        for label, value in rows:
            # A value's own lines (a note's) stay lines, each wrapped under the column.
            paragraphs = [one_line(part) for part in clean(excerpt(value, PAGE_TEXT)).split("\n")]
            wrapped = [
                line for part in paragraphs if part for line in _wrap(part, self.width, pad, pad)
            ]
            first = wrapped[0][indent + gap :] if wrapped else ""
            shown = self._style(label, "2") + " " * (gap - len(label))
            self.lines.append(" " * indent + shown + first)
            self.lines += wrapped[1:]

    def print(self) -> None:
        """Write the page to stdout."""
        sys.stdout.write("".join(f"{line}\n" for line in self.lines))


def _wrap(text: str, width: int, first: str, rest: str) -> list[str]:
    import textwrap  # only when a page is printed

    return textwrap.wrap(
        text,
        width,
        initial_indent=first,
        subsequent_indent=rest,
        break_on_hyphens=False,
    ) or [first.rstrip()]
