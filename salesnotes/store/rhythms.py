"""Keep-in-touch clocks and yearly dates: who is past a rhythm, whose birthday is coming."""

from __future__ import annotations

from datetime import date

from salesnotes.book_values import book_day
from salesnotes.models import Clock, Dates, Touch
from salesnotes.store.dialect import id_list

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from salesnotes.domain.cadence import History, Segment
    from salesnotes.store.database import Database

_SELECT = (
    "SELECT c.id, c.name, o.name, c.status, c.every, c.last_touch_on,"
    " (SELECT max(happened_on) FROM interactions WHERE contact_id = c.id)"
    " FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id"
    " WHERE c.archived_at IS NULL AND "
)


class Rhythms:
    """Reads of ``contacts.last_touch_on``, ``every``, ``birthday`` and ``customer_since``."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def rhythms_in_use(self) -> list[str]:
        """The contacts' own rhythms ('6w', '3m'; not 'off'), each once."""
        return [
            r[0]
            for r in self.db.tuples(
                "SELECT DISTINCT every FROM contacts WHERE archived_at IS NULL"
                " AND every IS NOT NULL AND every <> 'off' ORDER BY every"
            )
        ]

    @staticmethod
    def _cutoffs(
        by_status: dict[str, date], by_rhythm: dict[str, date]
    ) -> list[tuple[str, Sequence[Any]]]:
        """One condition per cut-off: per status for contacts on their status's rhythm, per
        own rhythm for the others."""
        reads: list[tuple[str, Sequence[Any]]] = [
            ("c.status = ? AND c.every IS NULL AND c.last_touch_on < ?", (s, day.isoformat()))
            for s, day in by_status.items()
        ]
        reads += [
            ("c.every = ? AND c.last_touch_on < ?", (every, day.isoformat()))
            for every, day in by_rhythm.items()
        ]
        return reads

    def untouched_since(
        self, by_status: dict[str, date], by_rhythm: dict[str, date], limit: int | None = None
    ) -> list[Touch]:
        """Active contacts whose clock stopped before a cut-off (per status for those on
        their status's rhythm, per own rhythm for the others); with ``limit``, at most that
        many per cut-off, untouched longest first, then by name."""
        order = (
            "" if limit is None else f" ORDER BY c.last_touch_on, c.name_key, c.id LIMIT {limit}"
        )
        found = []
        for where, params in self._cutoffs(by_status, by_rhythm):
            found += self._touches(where + order, params)
        return found

    def untouched_contacts(
        self, by_status: dict[str, date], by_rhythm: dict[str, date]
    ) -> list[int]:
        """The ids of the active contacts ``untouched_since`` reads."""
        found: list[int] = []
        for where, params in self._cutoffs(by_status, by_rhythm):
            rows = self.db.tuples(
                f"SELECT c.id FROM contacts c WHERE c.archived_at IS NULL AND {where}", params
            )
            found += [r[0] for r in rows]
        return found

    def touches(self, contact_ids: Sequence[int]) -> list[Touch]:
        """The clocks of these active contacts."""
        return self._touches(f"c.id IN ({id_list(contact_ids)})", ())

    def _touches(self, where: str, params: Sequence[Any]) -> list[Touch]:
        found = []
        for r in self.db.tuples(_SELECT + where, params):
            last_contact = book_day(r[6]) if r[6] else None
            found.append(Touch(r[0], r[1], r[2], r[3], r[4], book_day(r[5]), last_contact))
        return found

    def heads(
        self,
        reads: Sequence[tuple[str, str, date]],
        limit: int,
        offset: int = 0,
        owner: str | None = None,
    ) -> list[list[Clock]]:
        """Per read, ``("status", status, cut-off)`` for contacts on their status's rhythm or
        ``("every", rhythm, cut-off)`` for those with their own: the active contacts whose
        clock stopped before the cut-off, longest ago first, rows ``offset`` to
        ``offset + limit`` of each, in one statement (``owner``: of their contacts only)."""
        mine = " AND c.owner = ?" if owner is not None else ""
        whose = (owner,) if owner is not None else ()
        parts = []
        for kind, value, cutoff in reads:
            which = "c.status = ? AND c.every IS NULL" if kind == "status" else "c.every = ?"
            select = (
                "SELECT c.id, c.status, c.every, c.last_touch_on FROM contacts c"
                f" WHERE c.archived_at IS NULL AND {which} AND c.last_touch_on < ?{mine}"
                " ORDER BY c.last_touch_on, c.id LIMIT ? OFFSET ?"
            )
            parts.append((select, (value, cutoff.isoformat(), *whose, limit, offset)))
        return [
            [Clock(i, s, e, book_day(t)) for i, s, e, t in group] for group in self.db.heads(parts)
        ]

    def learned(self, contact_id: int) -> History:
        """What the book keeps of a contact's intervals (m022; none: an empty History)."""
        from salesnotes.domain.cadence import History

        row = self.db.one(
            "SELECT intervals, log_mean, log_squares FROM contact_cadence WHERE contact_id = ?",
            (contact_id,),
        )
        return History(int(row[0]), float(row[1]), float(row[2])) if row else History()

    def segment(self, status: str) -> Segment:
        """The figures of the active contacts of a status, from one aggregate over their
        kept histories (the whole book's for a status with fewer than ``SEGMENT_LEAST``)."""
        from salesnotes.domain.cadence import SEGMENT_LEAST, segment_from_sums

        sums = (
            "SELECT count(*), sum(k.log_mean), sum(k.log_mean * k.log_mean), sum(k.log_squares),"
            " sum(k.intervals), sum(1.0 / k.intervals) FROM contact_cadence k"
            " JOIN contacts c ON c.id = k.contact_id WHERE c.archived_at IS NULL"
        )
        row = self.db.one(f"{sums} AND c.status = ?", (status,))
        if row is None or int(row[0] or 0) < SEGMENT_LEAST:
            row = self.db.one(sums)
        if row is None or not row[0]:
            return segment_from_sums(0, 0.0, 0.0, 0.0, 0, 0.0)
        return segment_from_sums(
            int(row[0]), float(row[1]), float(row[2]), float(row[3]), int(row[4]), float(row[5])
        )

    def yearly_dates(self, month_days: Sequence[str]) -> list[Dates]:
        """Active contacts whose birthday or customer-since falls on one of these 'MM-DD'
        (each read through its expression index, migration m005)."""
        marks = ",".join("?" * len(month_days))
        birthday = self.db.sql.last_characters("birthday", 5)
        customer_since = self.db.sql.last_characters("customer_since", 5)
        rows = self.db.tuples(
            "SELECT c.id, c.name, o.name, c.birthday, c.customer_since"
            " FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id"
            " WHERE c.id IN ("
            "SELECT id FROM contacts WHERE archived_at IS NULL AND birthday IS NOT NULL"
            f" AND {birthday} IN ({marks})"
            " UNION SELECT id FROM contacts WHERE archived_at IS NULL"
            f" AND customer_since IS NOT NULL AND {customer_since} IN ({marks}))",
            [*month_days, *month_days],
        )
        return [Dates(*r) for r in rows]


def keep_learned(db: Database, contact_id: int) -> None:
    """Sum up a contact's intervals again from their conversations' days (m022): after a
    conversation was written, corrected, deleted or moved to them."""
    from salesnotes.domain.cadence import history, intervals

    days = []
    for (written,) in db.tuples(
        "SELECT DISTINCT substr(happened_on, 1, 10) FROM interactions WHERE contact_id = ?",
        (contact_id,),
    ):
        try:
            days.append(date.fromisoformat(str(written)))
        except ValueError:
            continue
    kept = history(intervals(days))
    db.execute("DELETE FROM contact_cadence WHERE contact_id = ?", (contact_id,))
    if kept.count:
        db.execute(
            "INSERT INTO contact_cadence (contact_id, intervals, log_mean, log_squares)"
            " VALUES (?, ?, ?, ?)",
            (contact_id, kept.count, kept.mean, kept.squares),
        )
