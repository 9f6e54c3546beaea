"""The briefing's memory: when the previous one was produced, so the next says what came since."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.store.database import Database


class Briefings:
    """The ``briefings`` table."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def last(self, person: str, kind: str) -> str | None:
        """When ``person``'s previous briefing of this ``kind`` ('own'; 'team': the manager's)
        was produced (UTC instant), or None for the first (a mark from before marks were
        kept per person counts for everyone)."""
        row = self.db.one(
            "SELECT produced_at FROM briefings WHERE (person = ? AND kind = ?) OR person = ''"
            " ORDER BY id DESC LIMIT 1",
            (person, kind),
        )
        return str(row["produced_at"]) if row else None

    def record(
        self, produced_at: str, for_date: date, fmt: str, calls: int, *, person: str, kind: str
    ) -> None:
        """Remember that ``person``'s briefing of this ``kind`` was produced."""
        self.db.execute(
            "INSERT INTO briefings (produced_at, for_date, format, calls, person, kind)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (produced_at, for_date.isoformat(), fmt, calls, person, kind),
        )
