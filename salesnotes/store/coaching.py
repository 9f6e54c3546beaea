"""The manager's coaching notes after a joint visit (m025): written by the one who joined,
for the one whose visit it was; on PostgreSQL the server lets only those two read them."""

from __future__ import annotations

from salesnotes.book_values import book_day
from salesnotes.store.connection import new_uuid
from salesnotes.team import Coached
from salesnotes.text import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.store.database import Database


class Coaching:
    """The ``coaching`` table."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self, followup_id: int, manager: str, salesperson: str, went_well: str, to_try: str,
        *, on: date, now: str,
    ) -> int:  # fmt: skip
        """A note on a visit; its id."""
        return self.db.insert(
            "INSERT INTO coaching (uuid, followup_id, manager, salesperson, went_well, to_try,"
            " noted_on, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (new_uuid(), followup_id, manager, salesperson, clean(went_well), clean(to_try),
             on.isoformat(), now),
        )  # fmt: skip

    def between(self, one: str, other: str) -> list[Coached]:
        """The notes between two people (either way round), with their visits where the
        customer is still known, the latest first."""
        rows = self.db.tuples(
            "SELECT k.id, k.followup_id, k.manager, k.salesperson, k.went_well, k.to_try,"
            " k.noted_on, f.role, f.due_on, c.name FROM coaching k"
            " LEFT JOIN followups f ON f.id = k.followup_id"
            " LEFT JOIN contacts c ON c.id = f.contact_id"
            " WHERE (k.manager = ? AND k.salesperson = ?) OR (k.manager = ? AND k.salesperson = ?)"
            " ORDER BY k.noted_on DESC, k.id DESC",
            (one, other, other, one),
        )
        return [
            Coached(
                r[0],
                r[1],
                r[2],
                r[3],
                r[4],
                r[5],
                book_day(r[6]),
                r[7] or "",
                book_day(r[8]) if r[8] else None,
                r[9] or "",
            )  # fmt: skip
            for r in rows
        ]

    def visits_together(self, one: str, other: str) -> list[tuple[int, date, str, str]]:
        """The joint visits done by these two (either as the one who joined): (id, day,
        role, whose), the latest first."""
        rows = self.db.tuples(
            "SELECT id, done_on, role, owner FROM followups WHERE status = 'done' AND role <> ''"
            " AND ((owner = ? AND with_owner = ?) OR (owner = ? AND with_owner = ?))"
            " ORDER BY done_on DESC, id DESC",
            (one, other, other, one),
        )
        return [(int(i), book_day(d), str(r), str(o)) for i, d, r, o in rows]
