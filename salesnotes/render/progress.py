"""A progress bar on stderr for work that takes more than a moment: only on a terminal, never
in a pipe or under cron (where it would be noise in a mail)."""

from __future__ import annotations

import sys

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import TypeVar

    T = TypeVar("T")


def wanted() -> bool:
    """Whether a bar would be drawn (to skip counting what it would count)."""
    return sys.stderr.isatty()


def track(items: Iterable[T], total: int, label: str) -> Iterator[T]:
    """``items`` as they come; with a bar that counts to ``total`` when stderr is a terminal."""
    if not sys.stderr.isatty():
        yield from items
        return
    from rich.console import Console
    from rich.progress import track as rich_track

    yield from rich_track(
        items, total=total, description=label, console=Console(stderr=True), transient=True
    )
