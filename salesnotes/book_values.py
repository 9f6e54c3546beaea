"""Values as the book holds them, read into what the code works with: the one place where a
row another program wrote (a due date 'volgende week', an amount 'veel') is met, and said.

The book is plain SQLite and other tools are welcome, so such a value is not a crash and not
a bug: ``UnreadableValue`` says so, and where to look (``doctor`` names the rows).
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from salesnotes.errors import DatabaseError
from salesnotes.i18n import N_, _


class UnreadableValue(DatabaseError):
    """A value in the book that is not what its column holds (exit 1)."""

    def __init__(self, value: Any, what: str) -> None:
        super().__init__(
            _(
                "the book holds a value salesnotes cannot read ({value} where {what} belongs);"
                " 'salesnotes doctor' names the rows to correct"
            ).format(value=repr(value)[:80], what=_(what))
        )


def book_day(value: Any) -> date:
    """A date column's value ('2026-11-25')."""
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(value)
    except (TypeError, ValueError):
        raise UnreadableValue(value, N_("a date")) from None


def book_moment(value: Any) -> datetime:
    """A moment column's value ('2026-11-25T09:00:00Z'), aware."""
    if isinstance(value, datetime):
        return value
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except (TypeError, ValueError):
        raise UnreadableValue(value, N_("a moment")) from None


def book_whole(value: Any) -> int:
    """A whole-number column's value (an amount in cents, a probability)."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise UnreadableValue(value, N_("a whole number"))
