"""The calls an import read from a phone's log (m021): what is known, and what waits for a
note."""

from __future__ import annotations

from salesnotes.captured import Call
from salesnotes.errors import NotFound
from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from salesnotes.store.database import Database

_SELECT = (
    "SELECT k.id, k.owner, k.number, k.at, k.direction, k.seconds, k.contact_id, c.name,"
    " k.interaction_id, k.followup_id, k.noted_at, coalesce(i.text, '')"
    " FROM calls k JOIN contacts c ON c.id = k.contact_id"
    " LEFT JOIN interactions i ON i.id = k.interaction_id"
)


def _call(row: Sequence[Any]) -> Call:
    i, owner, number, at, direction, seconds, contact_id, name, talk, callback, noted, text = row
    return Call(
        int(i), str(owner), str(number), str(at), str(direction), int(seconds), int(contact_id),
        str(name), talk, callback, noted, str(text),
    )  # fmt: skip


class Calls:
    """The ``calls`` table."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def known(self, owner: str, number: str, at: str, direction: str) -> bool:
        """Whether this call of ``owner``'s log is in the book already."""
        return bool(
            self.db.one(
                "SELECT 1 FROM calls WHERE owner = ? AND number = ? AND at = ? AND direction = ?",
                (owner, number, at, direction),
            )
        )

    def missed_before(self, followup_id: int, at: str) -> bool:
        """Whether the call-back ``followup_id`` was asked by a call missed before ``at``."""
        return bool(
            self.db.one("SELECT 1 FROM calls WHERE followup_id = ? AND at < ?", (followup_id, at))
        )

    def add(
        self, owner: str, number: str, at: str, direction: str, seconds: int, contact_id: int,
        *, interaction_id: int | None = None, followup_id: int | None = None,
    ) -> int:  # fmt: skip
        """Keep a call; its id."""
        return self.db.insert(
            "INSERT INTO calls (owner, number, at, direction, seconds, contact_id,"
            " interaction_id, followup_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (owner, number, at, direction, seconds, contact_id, interaction_id, followup_id),
        )

    def get(self, call_id: int) -> Call:
        """One call by id."""
        rows = self.db.tuples(f"{_SELECT} WHERE k.id = ?", (call_id,))
        if not rows:
            raise NotFound(
                _("there is no call #{call_id}; 'salesnotes calls' lists them").format(
                    call_id=call_id
                )
            )
        return _call(rows[0])

    def last_talk(self, contact_id: int) -> str | None:
        """The moment of the contact's latest answered call (a conversation), if any."""
        row = self.db.one(
            "SELECT max(at) FROM calls WHERE contact_id = ? AND interaction_id IS NOT NULL",
            (contact_id,),
        )
        return str(row[0]) if row and row[0] else None

    def open_callback(self, contact_id: int) -> int | None:
        """The open call-back a missed call of the contact asked for, if one is open."""
        row = self.db.one(
            "SELECT f.id FROM calls k JOIN followups f ON f.id = k.followup_id"
            " WHERE k.contact_id = ? AND f.status = 'open' ORDER BY f.id DESC LIMIT 1",
            (contact_id,),
        )
        return int(row[0]) if row else None

    def unnoted(self, owner: str | None, since: str) -> list[Call]:
        """The answered calls from ``since`` (a UTC instant) whose conversation has no note
        yet, oldest first (``owner`` None: everyone's)."""
        mine = "" if owner is None else " AND k.owner = ?"
        rows = self.db.tuples(
            f"{_SELECT} WHERE k.interaction_id IS NOT NULL AND k.noted_at IS NULL"
            f" AND k.at >= ?{mine} ORDER BY k.at, k.id",
            (since,) if owner is None else (since, owner),
        )
        return [_call(r) for r in rows]

    def noted(self, call_id: int, now: str) -> None:
        """What was said in the call has been added."""
        self.db.execute("UPDATE calls SET noted_at = ? WHERE id = ?", (now, call_id))
