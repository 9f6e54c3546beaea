"""What the book keeps of the rhythms it learns (issue 27): per contact their intervals
summed up (m022) and what the agenda reads of them (m023), kept when a conversation is
written (``keep_learned``), for many at once (``relearn``, ``learn_everyone``, the upgrade's
``fill_learned``); the segments they lean on, added up by the database and counted once a
day in ``cache_cadence_segments``."""

from __future__ import annotations

from datetime import date
from typing import Any

from salesnotes.book_values import book_day

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Sequence

    from salesnotes.domain.cadence import Segment, Sums
    from salesnotes.store.database import Database

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


ROWS = "rows:"
"""The cache's count of the kept histories (``contact_cadence``'s rows, in ``customers``) and
of their intervals (in ``intervals``), kept as they come and go: how far the book moved
since a segment was counted."""


def _book(db: Database) -> tuple[int, int]:
    """How many contacts have a kept history, and how many intervals they hold (the cache's
    counts; counted once when missing)."""
    row = db.one(
        "SELECT customers, intervals FROM cache_cadence_segments WHERE segment = ?", (ROWS,)
    )
    if row is not None:
        return int(row[0]), int(row[1])
    count, intervals = db.one("SELECT count(*), coalesce(sum(intervals), 0) FROM contact_cadence")
    db.execute(
        "INSERT INTO cache_cadence_segments (segment, counted_on, customers, means,"
        " squared_means, squares, intervals, inverse_counts, book_rows, book_intervals)"
        " VALUES (?, '', ?, 0, 0, 0, ?, 0, 0, 0)",
        (ROWS, int(count), int(intervals)),
    )
    return int(count), int(intervals)


def _moved(then: int, now: int) -> bool:
    """More than a tenth more or fewer (a small book: any change)."""
    return abs(now - then) > then // 10


def _counted(db: Database, kind: str, value: str = "", write: bool = True) -> Sums:
    """A wide segment's sums (the book, a status, a tag: an aggregate over many rows) as
    counted once a day (``cache_cadence_segments``): what the book's writes lean on, so
    logging a conversation in a book of 100,000 does not add them all up again. A write
    counts afresh on the first write of a day, and when the kept histories or their
    intervals grew or shrank by more than a tenth since (a new book's first day: often;
    without a command's day, a store used directly: always); a read takes the last count
    there is (none yet: adds up now, keeping nothing)."""
    from salesnotes.domain.cadence import Sums

    day = (db.now or "")[:10] if write else ""
    key = f"{kind}:{value}"
    rows, intervals = _book(db) if day else (0, 0)
    if day or not write:
        row = db.one(
            "SELECT customers, means, squared_means, squares, intervals, inverse_counts,"
            " counted_on, book_rows, book_intervals FROM cache_cadence_segments"
            " WHERE segment = ?",
            (key,),
        )
        fresh = row is not None and (
            not write
            or (row[6] == day and not _moved(int(row[7]), rows)
                and not _moved(int(row[8]), intervals))
        )  # fmt: skip
        if row is not None and fresh:
            return Sums(int(row[0]), float(row[1]), float(row[2]), float(row[3]),
                        int(row[4]), float(row[5]))  # fmt: skip
    sums = _sums(db, kind, value or None)
    if day:
        db.execute("DELETE FROM cache_cadence_segments WHERE segment = ?", (key,))
        db.execute(
            "INSERT INTO cache_cadence_segments (segment, counted_on, customers, means,"
            " squared_means, squares, intervals, inverse_counts, book_rows, book_intervals)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (key, day, sums.customers, sums.means, sums.squared_means, sums.squares,
             sums.intervals, sums.inverse_counts, rows, intervals),
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


def keep_learned(db: Database, contact_id: int) -> None:
    """Sum up a contact's intervals again from their conversations' days (m022), and what
    the agenda reads of them (m023): their last contact day and, from ``LEARN_FROM``
    intervals, their rhythm rounded as it is said and the last day before they are getting
    quiet; after a conversation was written, corrected, deleted or moved to them."""
    if keep_history(db, contact_id):
        keep_derived(db, contact_id)


def keep_history(db: Database, contact_id: int) -> bool:
    """A contact's intervals summed up again (m022) with their last contact day; True when
    they have ``LEARN_FROM`` intervals (what the agenda reads is then ``keep_derived``'s)."""
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
    was = db.one("SELECT intervals FROM contact_cadence WHERE contact_id = ?", (contact_id,))
    before = int(was[0]) if was is not None else 0
    db.execute("DELETE FROM contact_cadence WHERE contact_id = ?", (contact_id,))
    if kept.count != before:  # the cache's counts of them follow
        db.execute(
            "UPDATE cache_cadence_segments SET customers = customers + ?,"
            " intervals = intervals + ? WHERE segment = ?",
            ((1 if kept.count else 0) - (1 if was is not None else 0), kept.count - before, ROWS),
        )
    if kept.count < cadence.LEARN_FROM:  # the status's rhythm is theirs again
        db.execute(
            "UPDATE contacts SET learned_every = NULL, quiet_after = NULL"
            " WHERE id = ? AND learned_every IS NOT NULL",
            (contact_id,),
        )
    if not kept.count:
        return False
    db.execute(
        "INSERT INTO contact_cadence (contact_id, intervals, log_mean, log_squares, last_on)"
        " VALUES (?, ?, ?, ?, ?)",
        (contact_id, kept.count, kept.mean, kept.squares, max(days).isoformat()),
    )
    return kept.count >= cadence.LEARN_FROM


def keep_derived(db: Database, contact_id: int) -> None:
    """What the agenda reads of a kept history (m023), by the segment the contact leans on
    (the wide ones as counted today)."""
    from salesnotes.domain import cadence

    row = db.one(
        "SELECT intervals, log_mean, log_squares, last_on FROM contact_cadence"
        " WHERE contact_id = ?",
        (contact_id,),
    )
    if row is None or int(row[0]) < cadence.LEARN_FROM:
        return
    kept = cadence.History(int(row[0]), float(row[1]), float(row[2]))
    learned = cadence.learned(kept, segment_of(db, contact_id))
    db.execute(
        "UPDATE contact_cadence SET typical_days = ? WHERE contact_id = ?",
        (learned.typical, contact_id),
    )
    db.execute(
        "UPDATE contacts SET learned_every = ?, quiet_after = ? WHERE id = ?",
        (cadence.rounded_days(learned.typical),
         cadence.quiet_after(book_day(row[3]), learned).isoformat(), contact_id),
    )  # fmt: skip


def relearn(db: Database, contact_ids: Sequence[int]) -> None:
    """Many contacts' histories kept again at once (after an import): first every history,
    then the segments counted afresh from them, then what the agenda reads."""
    learned = [contact_id for contact_id in contact_ids if keep_history(db, contact_id)]
    db.execute("DELETE FROM cache_cadence_segments")  # counted afresh, with all of them
    for contact_id in learned:
        keep_derived(db, contact_id)


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

    kept: list[tuple[Any, float | None, int | None, str | None, int]] = []
    for contact_id, n, mean, squares, status, organisation_id, organisation, __ in rows:
        day = last.get(contact_id)
        every: int | None = None
        quiet: str | None = None
        typical: float | None = None
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
        "UPDATE contact_cadence SET last_on = ?, typical_days = ? WHERE contact_id = ?",
        [(day, typical, contact_id) for day, typical, __, ___, contact_id in kept],
    )
    executemany(
        "UPDATE contacts SET learned_every = NULL, quiet_after = NULL"
        " WHERE learned_every IS NOT NULL AND id <> ?",
        [(0,)],
    )
    executemany(
        "UPDATE contacts SET learned_every = ?, quiet_after = ? WHERE id = ?",
        [(every, quiet, contact_id) for __, ___, every, quiet, contact_id in kept if every],
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
    db.execute("DELETE FROM cache_cadence_segments")  # counted afresh
    db.executemany(
        "INSERT INTO contact_cadence (contact_id, intervals, log_mean, log_squares)"
        " VALUES (?, ?, ?, ?)",
        rows,
    )
    fill_learned(db.tuples, db.executemany)
