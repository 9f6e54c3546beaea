"""A salesperson's own days off (``salesnotes off``): the periods no relative date lands in."""

from __future__ import annotations

from datetime import date

from salesnotes.book_values import book_day
from salesnotes.domain.days import DayOff
from salesnotes.errors import NotFound
from salesnotes.i18n import _
from salesnotes.text import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.store.database import Database


class DaysOff:
    """The ``days_off`` table."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(self, first: date, last: date, note: str, now: str) -> DayOff:
        """Days off for the user, ``first`` to ``last`` (both included)."""
        new = self.db.insert(
            "INSERT INTO days_off (owner, first_day, last_day, note, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            (self.db.user, first.isoformat(), last.isoformat(), clean(note), now),
        )
        return DayOff(first, last, "own", clean(note), new)

    def of(self, owner: str, since: date | None = None) -> list[DayOff]:
        """The days off of ``owner`` (``since``: only those that end on or after it), by
        their first day."""
        rows = self.db.tuples(
            "SELECT id, first_day, last_day, note FROM days_off WHERE owner = ?"
            " AND last_day >= ? ORDER BY first_day, id",
            (owner, since.isoformat() if since else ""),
        )
        return [DayOff(book_day(a), book_day(b), "own", note, int(i)) for i, a, b, note in rows]

    def remove(self, day_off_id: int) -> DayOff:
        """Remove the user's days off with this id."""
        row = self.db.one(
            "SELECT id, first_day, last_day, note FROM days_off WHERE id = ? AND owner = ?",
            (day_off_id, self.db.user),
        )
        if row is None:
            raise NotFound(
                _("you have no days off #{id}; 'salesnotes off' lists yours").format(id=day_off_id)
            )
        self.db.execute("DELETE FROM days_off WHERE id = ?", (day_off_id,))
        return DayOff(book_day(row[1]), book_day(row[2]), "own", row[3], int(row[0]))
