"""Follow-ups: promises to get back to someone on a given day, and how they were closed."""

from __future__ import annotations

from datetime import date

from salesnotes.book_values import book_day
from salesnotes.errors import NotFound
from salesnotes.i18n import _
from salesnotes.models import Due, FollowUp
from salesnotes.store.connection import new_uuid
from salesnotes.store.dialect import ACTIVE, NO_LIMIT, id_list
from salesnotes.text import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from salesnotes.models import Interaction
    from salesnotes.store.database import Database

SELECT = """
    SELECT f.id, f.uuid, f.contact_id, c.name, o.name, f.due_on, f.text, f.reason, f.priority,
        f.status, f.created_on, f.created_at, f.done_on, f.done_note, f.snoozed_from,
        f.due_time, f.quote_id, q.amount_cents, f.owner, f.with_owner, f.proposed, f.role
    FROM followups f JOIN contacts c ON c.id = f.contact_id
    LEFT JOIN organisations o ON o.id = c.organisation_id
    LEFT JOIN quotes q ON q.id = f.quote_id
"""


def followup_from(row: Sequence[Any]) -> FollowUp:
    """A FollowUp from a row of ``SELECT``."""
    return FollowUp(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        book_day(row[5]),
        row[6],
        row[7],
        row[8],
        row[9],
        book_day(row[10]),
        row[11],
        book_day(row[12]) if row[12] else None,
        row[13],
        book_day(row[14]) if row[14] else None,
        row[15],
        row[16],
        row[17],
        row[18],
        row[19],
        bool(row[20]),
        row[21],
    )


# A chase closed by its quote's closing (same instant) was not done by anyone: a briefing
# counts the quote, not the chase.
NOT_CLOSED_WITH_QUOTE = (
    "NOT (f.quote_id IS NOT NULL AND f.done_at ="
    " (SELECT q.closed_at FROM quotes q WHERE q.id = f.quote_id))"
)


class FollowUps:
    """The ``followups`` table."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def _read(
        self,
        where: str,
        params: Sequence[Any] = (),
        order: str = "f.due_on, f.due_time IS NULL, f.due_time, f.id",
    ) -> list[FollowUp]:
        rows = self.db.tuples(f"{SELECT} WHERE {where} ORDER BY {order}", params)
        return [followup_from(r) for r in rows]

    def add(
        self,
        contact_id: int,
        due: date,
        text: str = "",
        *,
        reason: str = "other",
        priority: str = "normal",
        today: date,
        now: str,
        source_interaction_id: int | None = None,
        quote_id: int | None = None,
        at: str | None = None,
        owner: str,
        generated: bool = False,
        with_owner: str = "",
        proposed: bool = False,
        role: str = "",
    ) -> FollowUp:
        """Schedule a follow-up with a contact (``quote_id``: it chases that quote; ``at``:
        at that time of day, 'HH:MM'; ``owner``: who is to do it, which the use case
        decides; ``generated``: its text is salesnotes' own, which a revision may rewrite;
        ``proposed``: planned by the contact's rhythm, not by a person; ``role``: a joint
        visit, the second person's role).
        Its reason and priority are as ``domain.records`` keeps them."""
        followup_id = self.db.insert(
            "INSERT INTO followups (uuid, contact_id, due_on, text, reason, priority, status,"
            " created_on, created_at, source_interaction_id, quote_id, due_time, generated,"
            " owner, with_owner, proposed, role)"
            " VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_uuid(),
                contact_id,
                due.isoformat(),
                clean(text),
                reason,
                priority,
                today.isoformat(),
                now,
                source_interaction_id,
                quote_id,
                at,
                int(generated),
                owner,
                with_owner,
                int(proposed),
                role,
            ),
        )
        return self.get(followup_id)

    def get(self, followup_id: int) -> FollowUp:
        """One follow-up by id."""
        found = self._read("f.id = ?", (followup_id,))
        if not found:
            raise NotFound(
                _("there is no follow-up #{followup_id}; 'salesnotes followups' lists them").format(
                    followup_id=followup_id
                )
            )
        return found[0]

    def find(
        self,
        *,
        include_done: bool = False,
        due_before: date | None = None,
        contact_id: int | None = None,
        organisation_id: int | None = None,
        limit: int | None = None,
    ) -> list[FollowUp]:
        """Follow-ups by due date: open ones, or all; only those due before a day if asked.
        Without a contact, only those of active contacts (``limit``: the first so many)."""
        where, params = self._filters(include_done, due_before, contact_id, organisation_id)
        cap = NO_LIMIT if limit is None else int(limit)
        return self._read(
            where, params, f"f.due_on, f.due_time IS NULL, f.due_time, f.id LIMIT {cap}"
        )

    def count(self, *, include_done: bool = False, due_before: date | None = None) -> int:
        """How many follow-ups ``find`` gives (of active contacts)."""
        # Counted from the index of open follow-ups, leaving out the few archived contacts'
        # (joining every row to its contact took 0.16 s at 100k, this 0.03 s).
        where = ["f.contact_id NOT IN (SELECT id FROM contacts WHERE archived_at IS NOT NULL)"]
        params: list[Any] = []
        if not include_done:
            where.append("f.status = 'open'")
        if due_before is not None:
            where.append("f.due_on < ?")
            params.append(due_before.isoformat())
        sql = f"SELECT count(*) FROM followups f WHERE {' AND '.join(where)}"
        return int(self.db.tuples(sql, params)[0][0])

    @staticmethod
    def _filters(
        include_done: bool,
        due_before: date | None,
        contact_id: int | None,
        organisation_id: int | None,
    ) -> tuple[str, list[Any]]:
        where = ["c.archived_at IS NULL"] if contact_id is None else ["f.contact_id = ?"]
        params: list[Any] = [] if contact_id is None else [contact_id]
        if organisation_id is not None:
            where.append("c.organisation_id = ?")
            params.append(organisation_id)
        if not include_done:
            where.append("f.status = 'open'")
        if due_before is not None:
            where.append("f.due_on < ?")
            params.append(due_before.isoformat())
        return " AND ".join(where), params

    def due(
        self,
        on_or_before: date,
        *,
        contact_ids: Sequence[int] | None = None,
        owner: str | None = None,
    ) -> list[FollowUp]:
        """Open follow-ups due on or before a day, of active contacts (``contact_ids``: only
        theirs; ``owner``: only the ones this salesperson is to do), oldest first: what the
        agenda ranks."""
        where = "f.status = 'open' AND f.due_on <= ? AND c.archived_at IS NULL"
        params: list[Any] = [on_or_before.isoformat()]
        if contact_ids is not None:
            where += f" AND f.contact_id IN ({id_list(contact_ids)})"
        if owner is not None:
            where += " AND (f.owner = ? OR f.with_owner = ?)"
            params += [owner, owner]
        return self._read(where, params)

    def visits_on(self, day: date, person: str) -> list[FollowUp]:
        """The open joint visits on ``day`` that ``person`` goes on (theirs, or joined), by
        time."""
        return self._read(
            "f.status = 'open' AND f.role <> '' AND f.due_on = ? AND (f.owner = ? OR"
            " f.with_owner = ?)",
            (day.isoformat(), person, person),
            "f.due_time, f.id",
        )

    def ride_alongs(self, person: str) -> list[tuple[str, date, str]]:
        """The joint visits ``person`` joined and that were done: (whose, the day, the
        role), the latest first."""
        rows = self.db.tuples(
            "SELECT owner, done_on, role FROM followups WHERE status = 'done' AND role <> ''"
            " AND with_owner = ? ORDER BY done_on DESC, id DESC",
            (person,),
        )
        return [(str(o), book_day(d), str(r)) for o, d, r in rows]

    def open_count(self, contact_id: int) -> int:
        """How many open follow-ups a contact has."""
        row = self.db.one(
            "SELECT count(*) FROM followups WHERE contact_id = ? AND status = 'open'",
            (contact_id,),
        )
        return int(row[0]) if row else 0

    def load(self, first: date, last: date, person: str) -> dict[date, int]:
        """Per day from ``first`` to ``last``: the open follow-ups on ``person``'s agenda."""
        rows = self.db.tuples(
            "SELECT due_on, count(*) FROM followups WHERE status = 'open'"
            " AND due_on BETWEEN ? AND ? AND (owner = ? OR with_owner = ?) GROUP BY due_on",
            (first.isoformat(), last.isoformat(), person, person),
        )
        return {book_day(day): int(n) for day, n in rows}

    def owners(self) -> list[str]:
        """Everyone who has an open follow-up."""
        # Two reads of two partial indexes (followups_open_owner, followups_open_with): a
        # UNION of the two columns read every open follow-up's row, 362 ms on the 100,000
        # team book against 10 ms (benchmarks/RESULTS.md, stop 37).
        rows = self.db.tuples("SELECT DISTINCT owner FROM followups WHERE status = 'open'")
        rows += self.db.tuples(
            "SELECT DISTINCT with_owner FROM followups WHERE status = 'open' AND with_owner <> ''"
        )
        return sorted({str(r[0]) for r in rows})

    def reassign(self, contact_id: int, owner: str, previous: str) -> int:
        """Give the contact's open follow-ups that ``previous`` was to do to ``owner``;
        return how many."""
        return self.db.execute(
            "UPDATE followups SET owner = ? WHERE contact_id = ? AND status = 'open' AND owner = ?",
            (owner, contact_id, previous),
        )

    def reassign_many(self, contact_ids: Sequence[int], owner: str, previous: str) -> int:
        """Give the open follow-ups ``previous`` was to do with these contacts to ``owner``;
        return how many."""
        done = 0
        for start in range(0, len(contact_ids), 500):
            part = id_list(contact_ids[start : start + 500])
            done += self.db.execute(
                "UPDATE followups SET owner = ? WHERE status = 'open' AND owner = ?"
                f" AND contact_id IN ({part})",
                (owner, previous),
            )
        return done

    def due_contacts(self, on_or_before: date, owner: str | None = None) -> list[int]:
        """The active contacts with an open follow-up due on or before a day (``owner``:
        one that person is to do)."""
        mine = " AND (owner = ? OR with_owner = ?)" if owner is not None else ""
        rows = self.db.tuples(
            "SELECT contact_id FROM followups"
            f" WHERE status = 'open' AND due_on <= ? AND contact_id {ACTIVE}{mine}",
            (on_or_before.isoformat(), *((owner, owner) if owner is not None else ())),
        )
        return list({r[0] for r in rows})

    def heads(
        self,
        on_or_before: date,
        groups: Sequence[tuple[str, str]],
        limit: int | None,
        offset: int = 0,
        owner: str | None = None,
    ) -> list[list[Due]]:
        """Per (reason, priority) group, the open follow-ups of active contacts due on or
        before a day, most overdue first: rows ``offset`` to ``offset + limit`` of each (the
        agenda reads the top of each group this way, in one statement). ``owner``: only
        those this salesperson is to do (theirs, or theirs with a colleague)."""
        mine = " AND (f.owner = ? OR f.with_owner = ?)" if owner is not None else ""
        select = (
            "SELECT f.id, f.contact_id, f.due_on, f.reason, f.priority, f.created_at, f.owner,"
            " f.with_owner FROM followups f JOIN contacts c ON c.id = f.contact_id"
            " WHERE f.status = 'open' AND f.reason = ? AND f.priority = ? AND f.due_on <= ?"
            f" AND f.quote_id IS NULL AND c.archived_at IS NULL{mine}"
            " ORDER BY f.due_on, f.id LIMIT ? OFFSET ?"
        )
        day = on_or_before.isoformat()
        cap = NO_LIMIT if limit is None else limit
        whose = (owner, owner) if owner is not None else ()
        rows = self.db.heads([(select, (r, p, day, *whose, cap, offset)) for r, p in groups])
        return [
            [Due(i, c, book_day(d), r, p, a, None, o, w) for i, c, d, r, p, a, o, w in group]
            for group in rows
        ]

    def chases_due(self, on_or_before: date, owner: str | None = None) -> list[Due]:
        """The open follow-ups that chase a quote, of active contacts, due on or before a day,
        each with its quote's amount (the agenda reads them whole: see m009); ``owner``: only
        those this salesperson is to do."""
        mine = " AND (f.owner = ? OR f.with_owner = ?)" if owner is not None else ""
        rows = self.db.tuples(
            "SELECT f.id, f.contact_id, f.due_on, f.reason, f.priority, f.created_at,"
            " q.amount_cents, f.owner, f.with_owner FROM followups f"
            " JOIN contacts c ON c.id = f.contact_id"
            " JOIN quotes q ON q.id = f.quote_id"
            " WHERE f.status = 'open' AND f.quote_id IS NOT NULL AND f.due_on <= ?"
            f" AND c.archived_at IS NULL{mine}",
            (on_or_before.isoformat(), *((owner, owner) if owner is not None else ())),
        )
        return [Due(i, c, book_day(d), r, p, a, m, o, w) for i, c, d, r, p, a, m, o, w in rows]

    def open_complaints(self) -> list[FollowUp]:
        """Open complaints of active contacts, oldest first."""
        return self._read(
            "f.status = 'open' AND f.reason = 'complaint' AND c.archived_at IS NULL",
            order="f.created_at, f.id",
        )

    def complete(
        self, followup_id: int, *, today: date, now: str, interaction: Interaction | None = None
    ) -> FollowUp:
        """Close a follow-up (``interaction``: what came of it, logged already); the contact's
        clocks are the caller's to restart (``contacts.restart_clocks``)."""
        self.db.execute(
            "UPDATE followups SET status = 'done', done_on = ?, done_at = ?, done_note = ?,"
            " done_interaction_id = ? WHERE id = ?",
            (
                today.isoformat(),
                now,
                interaction.text if interaction else "",
                interaction.id if interaction else None,
                followup_id,
            ),
        )
        return self.get(followup_id)

    def snooze(self, followup_id: int, due: date, at: str | None = None) -> FollowUp:
        """Move an open follow-up to another day (``at``: and time of day; None: untimed),
        remembering the day it was first due."""
        followup = self.get(followup_id)
        self.db.execute(
            "UPDATE followups SET due_on = ?, due_time = ?,"
            " snoozed_from = coalesce(snoozed_from, ?) WHERE id = ?",
            (due.isoformat(), at, followup.due_on.isoformat(), followup_id),
        )
        return self.get(followup_id)

    def done_between(self, since: str, until: str, limit: int | None = None) -> list[FollowUp]:
        """Follow-ups completed after ``since`` up to ``until`` (UTC instants), oldest first
        (``limit``: the first so many)."""
        cap = NO_LIMIT if limit is None else int(limit)
        return self._read(
            f"f.done_at > ? AND f.done_at <= ? AND {NOT_CLOSED_WITH_QUOTE}",
            (since, until),
            f"f.done_at, f.id LIMIT {cap}",
        )

    def count_done_between(self, since: str, until: str) -> int:
        """How many follow-ups were completed after ``since`` up to ``until``."""
        row = self.db.tuples(
            "SELECT count(*) FROM followups f WHERE f.done_at > ? AND f.done_at <= ?"
            f" AND {NOT_CLOSED_WITH_QUOTE}",
            (since, until),
        )
        return int(row[0][0])

    def delete(self, followup_id: int) -> FollowUp:
        """Remove a follow-up (one made by mistake; a done one's contact's clock is the
        caller's to count again: ``contacts.recount_clocks``)."""
        gone = self.get(followup_id)
        for table, column in (
            ("calls", "followup_id"),
            ("mails", "followup_id"),
            ("mails", "complaint_id"),
        ):
            self.db.execute(
                f"UPDATE {table} SET {column} = NULL WHERE {column} = ?", (followup_id,)
            )
        self.db.execute("DELETE FROM followups WHERE id = ?", (followup_id,))
        return gone

    def chasing(self, quote_id: int) -> bool:
        """True when an open follow-up already chases this quote."""
        return bool(
            self.db.one(
                "SELECT 1 FROM followups WHERE quote_id = ? AND status = 'open'", (quote_id,)
            )
        )

    def retext_chases(self, quote_id: int, new: str) -> int:
        """Give the open follow-ups that chase a quote with salesnotes' own text the text
        ``new`` (one the salesperson wrote is left alone); return how many."""
        return self.db.execute(
            "UPDATE followups SET text = ?"
            " WHERE quote_id = ? AND status = 'open' AND generated = 1",
            (clean(new), quote_id),
        )

    def close_chases(self, quote_id: int, *, on: date, now: str, note: str) -> int:
        """Close the open follow-ups that chase a quote; return how many."""
        return self.db.execute(
            "UPDATE followups SET status = 'done', done_on = ?, done_at = ?, done_note = ?,"
            " closed_with_quote = 1 WHERE quote_id = ? AND status = 'open'",
            (on.isoformat(), now, note, quote_id),
        )
