"""Keep-in-touch clocks and yearly dates: who is past a rhythm, whose birthday is coming."""

from __future__ import annotations

from datetime import date
from typing import Any

from salesnotes.book_values import book_day
from salesnotes.models import Clock, Dates, Touch
from salesnotes.store.dialect import id_list

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from salesnotes.domain.cadence import History, Segment
    from salesnotes.models import Kept
    from salesnotes.store.database import Database

LEARNING = (
    "c.archived_at IS NULL AND c.every IS NULL AND c.learned_every IS NOT NULL"
    " AND c.status <> 'former'"
)
"""The contacts a learned rhythm is for: active, on no rhythm set for them, with a learned
one, not a status left alone (``cadence.LEFT_ALONE``; written as m023's partial indexes
are, so they are read through them)."""

_LEARNED = " AND c.learned_every IS NULL"
"""... and, for the status's rhythms read beside it, the contacts a learned one is not for
(m023's ``contacts_touch_unlearned``)."""

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
        by_status: dict[str, date], by_rhythm: dict[str, date], learning: bool
    ) -> list[tuple[str, Sequence[Any]]]:
        """One condition per cut-off: per status for contacts on their status's rhythm
        (``learning``: who have no learned one), per own rhythm for the others."""
        learned = _LEARNED if learning else ""
        reads: list[tuple[str, Sequence[Any]]] = [
            (f"c.status = ? AND c.every IS NULL AND c.last_touch_on < ?{learned}",
             (s, day.isoformat()))
            for s, day in by_status.items()
        ]  # fmt: skip
        reads += [
            ("c.every = ? AND c.last_touch_on < ?", (every, day.isoformat()))
            for every, day in by_rhythm.items()
        ]
        return reads

    def untouched_since(
        self,
        by_status: dict[str, date],
        by_rhythm: dict[str, date],
        limit: int | None = None,
        learning: bool = False,
    ) -> list[Touch]:
        """Active contacts whose clock stopped before a cut-off (per status for those on
        their status's rhythm, per own rhythm for the others); with ``limit``, at most that
        many per cut-off, untouched longest first, then by name."""
        order = (
            "" if limit is None else f" ORDER BY c.last_touch_on, c.name_key, c.id LIMIT {limit}"
        )
        found = []
        for where, params in self._cutoffs(by_status, by_rhythm, learning):
            found += self._touches(where + order, params)
        return found

    def untouched_contacts(
        self, by_status: dict[str, date], by_rhythm: dict[str, date], learning: bool = False
    ) -> list[int]:
        """The ids of the active contacts ``untouched_since`` reads."""
        found: list[int] = []
        for where, params in self._cutoffs(by_status, by_rhythm, learning):
            rows = self.db.tuples(
                f"SELECT c.id FROM contacts c WHERE c.archived_at IS NULL AND {where}", params
            )
            found += [r[0] for r in rows]
        return found

    def touches(self, contact_ids: Sequence[int], learning: bool = False) -> list[Touch]:
        """The clocks of these active contacts (``learning``: on a rhythm set or configured,
        not a learned one)."""
        learned = " AND (c.every IS NOT NULL OR c.learned_every IS NULL)" if learning else ""
        return self._touches(f"c.id IN ({id_list(contact_ids)}){learned}", ())

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
        learning: bool = False,
    ) -> list[list[Clock]]:
        """Per read, ``("status", status, cut-off)`` for contacts on their status's rhythm or
        ``("every", rhythm, cut-off)`` for those with their own: the active contacts whose
        clock stopped before the cut-off, longest ago first, rows ``offset`` to
        ``offset + limit`` of each, in one statement (``owner``: of their contacts only)."""
        mine = " AND c.owner = ?" if owner is not None else ""
        whose = (owner,) if owner is not None else ()
        learned = _LEARNED if learning else ""
        parts = []
        for kind, value, cutoff in reads:
            which = (
                f"c.status = ? AND c.every IS NULL{learned}" if kind == "status" else "c.every = ?"
            )
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

    def segment(self, contact_id: int, counted: bool = False) -> Segment:
        """The segment a contact leans on (see ``store.cadence.segment_of``)."""
        from salesnotes.store.cadence import segment_of

        return segment_of(self.db, contact_id, counted)

    def kept(self, contact_id: int) -> Kept | None:
        """What the agenda reads of a contact's learned rhythm (m023; None: fewer than
        ``LEARN_FROM`` intervals of their own)."""
        row = self.db.one(
            f"SELECT {_KEPT} FROM contacts c JOIN contact_cadence k ON k.contact_id = c.id"
            " WHERE c.id = ? AND c.quiet_after IS NOT NULL",
            (contact_id,),
        )
        return None if row is None else _kept(row)

    def learned_rhythms(self) -> list[int]:
        """The rounded learned rhythms (days) in the book, each once (a loose scan of their
        index, m023: one probe per rhythm, however many contacts)."""
        rows = self.db.tuples(
            f"WITH RECURSIVE r(days) AS (SELECT min(c.learned_every) FROM contacts c"
            f" WHERE {LEARNING} UNION ALL SELECT (SELECT min(c.learned_every)"
            f" FROM contacts c WHERE {LEARNING} AND c.learned_every > r.days)"
            " FROM r WHERE r.days IS NOT NULL)"
            " SELECT days FROM r WHERE days IS NOT NULL"
        )
        return [int(r[0]) for r in rows]

    def quiet_heads(
        self, reads: Sequence[tuple[int, date]], limit: int, offset: int = 0,
        owner: str | None = None,
    ) -> list[list[tuple[int, int, date]]]:  # fmt: skip
        """Per read ``(rhythm in days, today)``: the active contacts on no rhythm of their
        own, not of a status left alone, with that learned rhythm who are getting quiet, as
        (id, rhythm, last day before getting quiet), quiet longest first, rows ``offset`` to
        ``offset + limit``, in one statement."""
        mine = " AND c.owner = ?" if owner is not None else ""
        whose = (owner,) if owner is not None else ()
        parts = []
        for every, today in reads:
            select = (
                "SELECT c.id, c.learned_every, c.quiet_after FROM contacts c"
                f" WHERE c.learned_every = ? AND c.quiet_after < ? AND {LEARNING}{mine}"
                " ORDER BY c.quiet_after, c.id LIMIT ? OFFSET ?"
            )
            parts.append((select, (every, today.isoformat(), *whose, limit, offset)))
        return [
            [(int(i), int(e), book_day(q)) for i, e, q in group] for group in self.db.heads(parts)
        ]

    def quiet_ids(self, today: date) -> list[int]:
        """The ids of the active contacts getting quiet on ``today`` (counted, not read: one
        partial index of the contacts, m023)."""
        rows = self.db.tuples(
            f"SELECT c.id FROM contacts c WHERE c.quiet_after < ? AND {LEARNING}",
            (today.isoformat(),),
        )
        return [int(r[0]) for r in rows]

    def quiet(
        self, today: date, contact_ids: Sequence[int] | None = None
    ) -> list[tuple[Touch, Kept]]:
        """The active contacts (``contact_ids``: of these) getting quiet on ``today`` by
        their learned rhythm (see ``quiet_heads``), with their clocks."""
        among = "" if contact_ids is None else f" AND c.id IN ({id_list(contact_ids)})"
        rows = self.db.tuples(
            f"SELECT {_KEPT}, c.name, o.name, c.status, c.last_touch_on"
            " FROM contacts c JOIN contact_cadence k ON k.contact_id = c.id"
            " LEFT JOIN organisations o ON o.id = c.organisation_id"
            f" WHERE c.quiet_after < ? AND {LEARNING}{among}",
            (today.isoformat(),),
        )
        return [
            (Touch(r[0], r[6], r[7], r[8], None, book_day(r[9]), book_day(r[2])), _kept(r))
            for r in rows
        ]

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


_KEPT = "c.id, k.intervals, k.last_on, k.typical_days, c.learned_every, c.quiet_after"


def _kept(row: Sequence[Any]) -> Kept:
    from salesnotes.models import Kept

    return Kept(int(row[0]), int(row[1]), book_day(row[2]), float(row[3]), int(row[4]),
                book_day(row[5]))  # fmt: skip
