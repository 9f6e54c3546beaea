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

    def last(self) -> str | None:
        """When the previous briefing was produced (UTC instant), or None for the first."""
        row = self.db.one("SELECT produced_at FROM briefings ORDER BY id DESC LIMIT 1")
        return str(row["produced_at"]) if row else None

    def record(self, produced_at: str, for_date: date, fmt: str, calls: int) -> None:
        """Remember that a briefing was produced."""
        self.db.execute(
            "INSERT INTO briefings (produced_at, for_date, format, calls) VALUES (?, ?, ?, ?)",
            (produced_at, for_date.isoformat(), fmt, calls),
        )
