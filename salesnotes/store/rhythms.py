"""Keep-in-touch clocks and yearly dates: who is past a rhythm, whose birthday is coming."""

from __future__ import annotations

from datetime import date
from typing import Any

from salesnotes.book_values import book_day
from salesnotes.domain.cadence import LEFT_ALONE
from salesnotes.models import Clock, Dates, Touch
from salesnotes.store.dialect import id_list

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from salesnotes.domain.cadence import History, Segment, Sums
    from salesnotes.models import Kept
    from salesnotes.store.database import Database

_LEARNING = (
    "c.archived_at IS NULL AND c.every IS NULL"
    f" AND c.status NOT IN ({', '.join(repr(s) for s in LEFT_ALONE)})"
)
"""The contacts a learned rhythm is for: active, on no rhythm set for them, not left alone."""

_LEARNED = (
    " AND NOT EXISTS (SELECT 1 FROM contact_cadence k WHERE k.contact_id = c.id"
    " AND k.quiet_after IS NOT NULL)"
)
"""... and, for the status's rhythms read beside it, the contacts a learned one is not for."""

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
        learned = f" AND (c.every IS NOT NULL OR {_LEARNED[5:]})" if learning else ""
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
        """The segment a contact leans on (see ``segment_of``)."""
        return segment_of(self.db, contact_id, counted)

    def kept(self, contact_id: int) -> Kept | None:
        """What the agenda reads of a contact's learned rhythm (m023; None: fewer than
        ``LEARN_FROM`` intervals of their own)."""

        row = self.db.one(
            "SELECT contact_id, intervals, last_on, typical_days, every_days, quiet_after"
            " FROM contact_cadence WHERE contact_id = ? AND quiet_after IS NOT NULL",
            (contact_id,),
        )
        return None if row is None else _kept(row)

    def learned_rhythms(self) -> list[int]:
        """The rounded learned rhythms (days) in the book, each once (a loose scan of their
        index, m023: one probe per rhythm, however many contacts)."""
        rows = self.db.tuples(
            "WITH RECURSIVE r(days) AS (SELECT min(every_days) FROM contact_cadence"
            " UNION ALL SELECT (SELECT min(every_days) FROM contact_cadence"
            " WHERE every_days > r.days) FROM r WHERE r.days IS NOT NULL)"
            " SELECT days FROM r WHERE days IS NOT NULL"
        )
        return [int(r[0]) for r in rows]

    def quiet_heads(
        self, reads: Sequence[tuple[int, date]], limit: int, offset: int = 0,
        owner: str | None = None,
    ) -> list[list[Kept]]:  # fmt: skip
        """Per read ``(rhythm in days, today)``: the active contacts on no rhythm of their
        own, not of a status left alone, with that learned rhythm who are getting quiet,
        quiet longest first, rows ``offset`` to ``offset + limit``, in one statement."""
        mine = " AND c.owner = ?" if owner is not None else ""
        whose = (owner,) if owner is not None else ()
        parts = []
        for every, today in reads:
            select = (
                "SELECT k.contact_id, k.intervals, k.last_on, k.typical_days, k.every_days,"
                " k.quiet_after FROM contact_cadence k JOIN contacts c ON c.id = k.contact_id"
                f" WHERE k.every_days = ? AND k.quiet_after < ? AND {_LEARNING}{mine}"
                " ORDER BY k.quiet_after, k.contact_id LIMIT ? OFFSET ?"
            )
            parts.append((select, (every, today.isoformat(), *whose, limit, offset)))
        return [[_kept(r) for r in group] for group in self.db.heads(parts)]

    def quiet(
        self, today: date, contact_ids: Sequence[int] | None = None
    ) -> list[tuple[Touch, Kept]]:
        """The active contacts (``contact_ids``: of these) getting quiet on ``today`` by
        their learned rhythm (see ``quiet_heads``), with their clocks."""
        among = "" if contact_ids is None else f" AND k.contact_id IN ({id_list(contact_ids)})"
        rows = self.db.tuples(
            "SELECT k.contact_id, k.intervals, k.last_on, k.typical_days, k.every_days,"
            " k.quiet_after, c.name, o.name, c.status, c.last_touch_on"
            " FROM contact_cadence k JOIN contacts c ON c.id = k.contact_id"
            " LEFT JOIN organisations o ON o.id = c.organisation_id"
            f" WHERE k.quiet_after < ? AND {_LEARNING}{among}",
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


_SUMS = (
    "SELECT count(*), sum(k.log_mean), sum(k.log_mean * k.log_mean), sum(k.log_squares),"
    " sum(k.intervals), sum(1.0 / k.intervals) FROM contact_cadence k"
    " JOIN contacts c ON c.id = k.contact_id WHERE c.archived_at IS NULL"
)
_WHERE = {
    "book": "",
    "status": " AND c.status = ?",
    "tag": " AND k.contact_id IN (SELECT contact_id FROM contact_tags WHERE tag = ?)",
    "organisation": " AND c.organisation_id = ?",
}


def _sums(db: Database, kind: str, value: Any = None) -> Sums:
    """A segment's sums, added up by the database over one row per customer."""
    from salesnotes.domain.cadence import Sums

    row = db.one(_SUMS + _WHERE[kind], () if kind == "book" else (value,))
    if row is None or not row[0]:
        return Sums()
    return Sums(int(row[0]), float(row[1]), float(row[2]), float(row[3]), int(row[4]),
                float(row[5]))  # fmt: skip


def _counted(db: Database, kind: str, value: str = "", write: bool = True) -> Sums:
    """A wide segment's sums (the book, a status, a tag: an aggregate over many rows) as
    counted once a day (``cache_cadence_segments``): what the book's writes lean on, so
    logging a conversation in a book of 100,000 does not add them all up again. The first
    write of a day counts afresh (without a command's day, a store used directly: always);
    a read takes the last count there is (none yet: adds up now, keeping nothing)."""
    from salesnotes.domain.cadence import Sums

    day = (db.now or "")[:10] if write else ""
    key = f"{kind}:{value}"
    if day or not write:
        row = db.one(
            "SELECT customers, means, squared_means, squares, intervals, inverse_counts"
            " FROM cache_cadence_segments WHERE segment = ?"
            + (" AND counted_on = ?" if write else ""),
            (key, day) if write else (key,),
        )
        if row is not None:
            return Sums(int(row[0]), float(row[1]), float(row[2]), float(row[3]),
                        int(row[4]), float(row[5]))  # fmt: skip
    sums = _sums(db, kind, value or None)
    if day:
        db.execute("DELETE FROM cache_cadence_segments WHERE segment = ?", (key,))
        db.execute(
            "INSERT INTO cache_cadence_segments (segment, counted_on, customers, means,"
            " squared_means, squares, intervals, inverse_counts) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, day, sums.customers, sums.means, sums.squared_means, sums.squares,
             sums.intervals, sums.inverse_counts),
        )  # fmt: skip
    return sums


def segment_of(db: Database, contact_id: int, counted: bool = True) -> Segment:
    """The segment contact ``contact_id`` leans on (``cadence.choose_segment``): their
    organisation's colleagues, a tag of theirs, their status or the whole book; ``counted``:
    the wide ones as counted today (a write), else as last counted (a read)."""
    from salesnotes.domain.cadence import choose_segment

    def add_up(kind: str, value: str = "") -> Sums:
        return _counted(db, kind, value, write=counted)

    row = db.one(
        "SELECT c.status, c.organisation_id, o.name FROM contacts c"
        " LEFT JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ?",
        (contact_id,),
    )
    status, organisation_id, organisation = row if row is not None else ("customer", None, None)
    tags = [t for (t,) in db.tuples("SELECT tag FROM contact_tags WHERE contact_id = ?",
                                   (contact_id,))]  # fmt: skip
    return choose_segment(
        (status, add_up("status", status)),
        add_up("book"),
        [(tag, add_up("tag", tag)) for tag in sorted(tags)],
        None if organisation_id is None
        else (organisation or "", _sums(db, "organisation", organisation_id)),
    )  # fmt: skip


def _kept(row: Sequence[Any]) -> Kept:
    from salesnotes.models import Kept

    return Kept(int(row[0]), int(row[1]), book_day(row[2]), float(row[3]), int(row[4]),
                book_day(row[5]))  # fmt: skip


def keep_learned(db: Database, contact_id: int) -> None:
    """Sum up a contact's intervals again from their conversations' days (m022), and what
    the agenda reads of them (m023): their last contact day and, from ``LEARN_FROM``
    intervals, their rhythm rounded as it is said and the last day before they are getting
    quiet; after a conversation was written, corrected, deleted or moved to them."""
    from salesnotes.domain import cadence

    days = []
    for (written,) in db.tuples(
        "SELECT DISTINCT substr(happened_on, 1, 10) FROM interactions WHERE contact_id = ?",
        (contact_id,),
    ):
        try:
            days.append(date.fromisoformat(str(written)))
        except ValueError:
            continue
    kept = cadence.history(cadence.intervals(days))
    db.execute("DELETE FROM contact_cadence WHERE contact_id = ?", (contact_id,))
    if not kept.count:
        return
    every = quiet = typical = None
    if kept.count >= cadence.LEARN_FROM:
        learned = cadence.learned(kept, segment_of(db, contact_id))
        typical, every = learned.typical, cadence.rounded_days(learned.typical)
        quiet = cadence.quiet_after(max(days), learned).isoformat()
    db.execute(
        "INSERT INTO contact_cadence (contact_id, intervals, log_mean, log_squares, last_on,"
        " typical_days, every_days, quiet_after) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (contact_id, kept.count, kept.mean, kept.squares, max(days).isoformat(), typical,
         every, quiet),
    )  # fmt: skip


def fill_learned(
    tuples: Callable[[str], list[tuple[Any, ...]]],
    executemany: Callable[[str, list[tuple[Any, ...]]], Any],
) -> None:
    """What ``keep_learned`` keeps, for every contact of a book at once (the upgrade to
    m023; statements with ``?``): the segments' sums added up in one pass over the rows."""
    from salesnotes.domain import cadence
    from salesnotes.domain.cadence import Sums

    rows = tuples(
        "SELECT k.contact_id, k.intervals, k.log_mean, k.log_squares, c.status,"
        " c.organisation_id, o.name, c.archived_at FROM contact_cadence k"
        " JOIN contacts c ON c.id = k.contact_id"
        " LEFT JOIN organisations o ON o.id = c.organisation_id"
    )
    tags: dict[int, list[str]] = {}
    for contact_id, tag in tuples("SELECT contact_id, tag FROM contact_tags ORDER BY tag"):
        tags.setdefault(contact_id, []).append(tag)
    last = dict(tuples(
        "SELECT contact_id, max(substr(happened_on, 1, 10)) FROM interactions GROUP BY contact_id"
    ))  # fmt: skip
    sums: dict[tuple[str, Any], list[float]] = {}
    for contact_id, n, mean, squares, status, organisation_id, __, archived in rows:
        if archived is not None:
            continue
        keys = [("book", ""), ("status", status)]
        keys += [("tag", t) for t in tags.get(contact_id, ())]
        keys += [("organisation", organisation_id)] if organisation_id is not None else []
        for key in keys:
            added = sums.setdefault(key, [0, 0.0, 0.0, 0.0, 0, 0.0])
            for i, value in enumerate((1, mean, mean * mean, squares, n, 1.0 / n)):
                added[i] += value

    def of(key: tuple[str, Any]) -> Sums:
        found = sums.get(key)
        return Sums() if found is None else Sums(
            int(found[0]), found[1], found[2], found[3], int(found[4]), found[5])  # fmt: skip

    kept = []
    for contact_id, n, mean, squares, status, organisation_id, organisation, __ in rows:
        day = last.get(contact_id)
        every = quiet = typical = None
        if n >= cadence.LEARN_FROM and day:
            segment = cadence.choose_segment(
                (status, of(("status", status))), of(("book", "")),
                [(t, of(("tag", t))) for t in sorted(tags.get(contact_id, ()))],
                None if organisation_id is None
                else (organisation or "", of(("organisation", organisation_id))),
            )  # fmt: skip
            learned = cadence.learned(cadence.History(int(n), float(mean), float(squares)),
                                      segment)  # fmt: skip
            typical, every = learned.typical, cadence.rounded_days(learned.typical)
            quiet = cadence.quiet_after(date.fromisoformat(str(day)), learned).isoformat()
        kept.append((day, typical, every, quiet, contact_id))
    executemany(
        "UPDATE contact_cadence SET last_on = ?, typical_days = ?, every_days = ?,"
        " quiet_after = ?"
        " WHERE contact_id = ?",
        kept,
    )


def learn_everyone(db: Database) -> None:
    """Every contact's history (m022) and what the agenda reads of it (m023) counted anew
    from all conversations: after rows were loaded in bulk (a generated book)."""
    from salesnotes.domain import cadence

    days: dict[int, list[date]] = {}
    for contact_id, written in db.stream(
        "SELECT DISTINCT contact_id, substr(happened_on, 1, 10) FROM interactions"
    ):
        try:
            days.setdefault(int(contact_id), []).append(date.fromisoformat(str(written)))
        except ValueError:
            continue
    rows = []
    for contact_id, seen in days.items():
        kept = cadence.history(cadence.intervals(seen))
        if kept.count:
            rows.append((contact_id, kept.count, kept.mean, kept.squares))
    db.execute("DELETE FROM contact_cadence")
    db.executemany(
        "INSERT INTO contact_cadence (contact_id, intervals, log_mean, log_squares)"
        " VALUES (?, ?, ?, ?)",
        rows,
    )
    fill_learned(db.tuples, db.executemany)
