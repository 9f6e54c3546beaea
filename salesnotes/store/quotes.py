"""Quotes: offers with their revision history, and the figures of the pipeline."""

from __future__ import annotations

from datetime import date

from salesnotes.book_values import book_day, book_whole
from salesnotes.errors import NotFound
from salesnotes.i18n import _
from salesnotes.models import Quote, QuoteChange, QuoteFacts, QuoteRevision
from salesnotes.store.connection import new_uuid
from salesnotes.store.dialect import ACTIVE, NO_LIMIT, id_list
from salesnotes.text import clean

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from salesnotes.store.database import Database

OPEN = "q.status IN ('draft', 'sent', 'negotiating')"
SELECT = """
    SELECT q.id, q.uuid, q.contact_id, c.name, o.name, q.title, q.amount_cents, q.currency,
        q.status, q.quoted_on, q.valid_until, q.probability, q.sent_on, q.closed_on,
        q.lost_reason, q.last_activity_on
    FROM quotes q JOIN contacts c ON c.id = q.contact_id
    LEFT JOIN organisations o ON o.id = c.organisation_id
"""

# How the agenda reads the top of each kind of open quote, largest first. The unindexed
# column keeps SQLite from sorting every match by amount: it walks the amount index from the
# top and stops after the limit instead.
TOP_READS = {
    "expired": "q.status = ? AND {unindexed_valid_until} < ?",
    "expires on": "q.valid_until = ?",
    "idle since": "q.status = ? AND {unindexed_last_activity_on} < ?",
}


def _day(value: str | None) -> date | None:
    return book_day(value) if value else None


def quote_from(row: Sequence[Any], revisions: tuple[QuoteRevision, ...] = ()) -> Quote:
    """A Quote from a row of ``SELECT``."""
    return Quote(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        book_whole(row[6]),
        row[7],
        row[8],
        book_day(row[9]),
        _day(row[10]),
        None if row[11] is None else book_whole(row[11]),
        _day(row[12]),
        _day(row[13]),
        row[14],
        book_day(row[15]),
        revisions,
    )


class Quotes:
    """The ``quotes`` and ``quote_revisions`` tables."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def answers(self, contact_id: int, but: int | None = None) -> list[tuple[date, date | None]]:
        """A contact's sent quotes (``but``: not that one) with the day of the first answer:
        the first conversation about it after the day it was sent, its first revision (the
        first amount is not one), or
        its day won or lost (None: no answer yet, or it expired)."""
        rows = self.db.tuples(
            "SELECT q.sent_on, CASE WHEN q.status IN ('won', 'lost') THEN q.closed_on END,"
            " (SELECT min(r.revised_on) FROM quote_revisions r WHERE r.quote_id = q.id"
            " AND r.number > 1 AND r.revised_on >= q.sent_on),"
            " (SELECT min(substr(i.happened_on, 1, 10)) FROM interactions i"
            " WHERE i.quote_id = q.id AND substr(i.happened_on, 1, 10) > q.sent_on)"
            " FROM quotes q WHERE q.contact_id = ? AND q.sent_on IS NOT NULL AND q.id <> ?",
            (contact_id, but if but is not None else 0),
        )
        found = []
        for sent, *answers in rows:
            days = [book_day(a) for a in answers if a]
            found.append((book_day(sent), min(days) if days else None))
        return found

    def _read(
        self,
        where: str,
        params: Sequence[Any],
        order: str,
        *,
        history: bool = True,
        index: str | None = None,
    ) -> list[Quote]:
        select = (
            SELECT.replace("FROM quotes q", f"FROM quotes q {self.db.sql.using(index)}")
            if index
            else SELECT
        )
        rows = self.db.tuples(f"{select} WHERE {where} ORDER BY {order}", params)
        revisions: dict[int, list[QuoteRevision]] = {}
        ids = [row[0] for row in rows] if history else []
        for start in range(0, len(ids), 500):
            for quote_id, number, cents, revised_on, note in self.db.tuples(
                "SELECT quote_id, number, amount_cents, revised_on, note FROM quote_revisions"
                f" WHERE quote_id IN ({id_list(ids[start : start + 500])})"
                " ORDER BY quote_id, number"
            ):
                revisions.setdefault(quote_id, []).append(
                    QuoteRevision(number, book_whole(cents), book_day(revised_on), note)
                )
        return [quote_from(row, tuple(revisions.get(row[0], ()))) for row in rows]

    def get(self, quote_id: int) -> Quote:
        """One quote by id, with its revisions."""
        found = self._read("q.id = ?", (quote_id,), "q.id")
        if not found:
            raise NotFound(
                _("there is no quote #{quote_id}; 'salesnotes quotes --all' lists them").format(
                    quote_id=quote_id
                )
            )
        return found[0]

    def delete(self, quote_id: int) -> Quote:
        """Remove a quote (a draft typed by mistake: ``quote_life.draft_to_delete``); the
        follow-ups that chased it forget the link."""
        quote = self.get(quote_id)
        self.db.execute("UPDATE followups SET quote_id = NULL WHERE quote_id = ?", (quote_id,))
        self.db.execute("DELETE FROM quote_revisions WHERE quote_id = ?", (quote_id,))
        self.db.execute("DELETE FROM quotes WHERE id = ?", (quote_id,))
        return quote

    def find(
        self,
        *,
        open_only: bool = True,
        contact_id: int | None = None,
        organisation_id: int | None = None,
        contact_ids: Sequence[int] | None = None,
        history: bool = True,
    ) -> list[Quote]:
        """Quotes of active contacts (or of one contact / organisation), oldest first;
        ``history=False`` leaves out their revisions (the agenda does not need them)."""
        where = ["1 = 1"]
        params: list[Any] = []
        if open_only:
            # For a few contacts, their quotes are found through quotes_contact; the index on
            # open quotes by status would read every open quote of the book.
            few = contact_ids is not None or contact_id is not None
            unindexed = self.db.sql.unindexed("q.status")
            where.append(OPEN.replace("q.status", unindexed) if few else OPEN)
        if contact_ids is not None:
            where.append(f"q.contact_id IN ({id_list(contact_ids)})")
        if contact_id is not None:
            where.append("q.contact_id = ?")
            params.append(contact_id)
        elif organisation_id is not None:
            where.append("c.organisation_id = ?")
            params.append(organisation_id)
        else:
            where.append("c.archived_at IS NULL")
        return self._read(" AND ".join(where), params, "q.quoted_on, q.id", history=history)

    def add(
        self,
        contact_id: int,
        title: str,
        amount_cents: int,
        *,
        currency: str,
        quoted_on: date,
        valid_until: date | None,
        probability: int | None,
        now: str,
        active_on: date | None = None,
    ) -> Quote:
        """A new draft quote; its amount is revision 1 (``active_on``: its staleness clock
        starts there, default its date; the title and terms as ``quote_life`` keeps them)."""
        quote_id = self.db.insert(
            "INSERT INTO quotes (uuid, contact_id, title, amount_cents, currency, status,"
            " quoted_on, valid_until, probability, last_activity_on, created_at)"
            " VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)",
            (
                new_uuid(),
                contact_id,
                title,
                amount_cents,
                currency.upper(),
                quoted_on.isoformat(),
                valid_until.isoformat() if valid_until else None,
                probability,
                (active_on or quoted_on).isoformat(),
                now,
            ),
        )
        self.add_revision(quote_id, amount_cents, quoted_on, "", now)
        return self.get(quote_id)

    def add_revision(self, quote_id: int, amount_cents: int, on: date, note: str, now: str) -> None:
        """One more version in the quote's history (the amount it was offered at ``on``)."""
        self.db.execute(
            "INSERT INTO quote_revisions (quote_id, number, amount_cents, revised_on, note,"
            " created_at) VALUES (?, (SELECT coalesce(max(number), 0) + 1 FROM quote_revisions"
            " WHERE quote_id = ?), ?, ?, ?, ?)",
            (quote_id, quote_id, amount_cents, on.isoformat(), clean(note), now),
        )

    def change(self, quote_id: int, change: QuoteChange) -> Quote:
        """Write what a step in the quote's life changes (``quote_life`` decides it)."""
        day = {d: v.isoformat() if v else None for d, v in (
            ("sent_on", change.sent_on), ("valid_until", change.valid_until),
            ("closed_on", change.closed_on),
        )}  # fmt: skip
        values: dict[str, Any] = {
            "status": change.status,
            "amount_cents": change.amount_cents,
            **day,
            "closed_at": change.closed_at,
            "lost_reason": change.lost_reason,
        }
        sets = [f"{column} = ?" for column, value in values.items() if value is not None]
        params: list[Any] = [value for value in values.values() if value is not None]
        if change.sets_probability:
            sets.append("probability = ?")
            params.append(change.probability)
        if change.active_on is not None:
            sets.append(f"last_activity_on = {self.db.sql.later('last_activity_on', '?')}")
            params.append(change.active_on.isoformat())
        if sets:
            self.db.execute(
                f"UPDATE quotes SET {', '.join(sets)} WHERE id = ?", (*params, quote_id)
            )
        return self.get(quote_id)

    def lost_reasons(self, limit: int = 10) -> list[tuple[str, int]]:
        """The most used reasons for lost quotes, most used first."""
        rows = self.db.tuples(
            "SELECT lost_reason, count(*) AS n FROM quotes WHERE status = 'lost'"
            " AND lost_reason <> '' GROUP BY lost_reason ORDER BY n DESC, lost_reason LIMIT ?",
            (limit,),
        )
        return [(r[0], r[1]) for r in rows]

    def attention_contacts(self, expiring_until: date, stale_before: dict[str, date]) -> list[int]:
        """The active contacts with an open quote that expires by ``expiring_until`` (or has
        expired), or is idle since before its status's cut-off."""
        idle = " OR ".join("(q.status = ? AND q.last_activity_on < ?)" for _ in stale_before)
        rows = self.db.tuples(
            f"SELECT q.contact_id FROM quotes q WHERE {OPEN} AND q.contact_id {ACTIVE}"
            f" AND (q.valid_until <= ?{' OR ' + idle if idle else ''})",
            [
                expiring_until.isoformat(),
                *(v for s, d in stale_before.items() for v in (s, d.isoformat())),
            ],
        )
        return list({r[0] for r in rows})

    def expiring(self, day: date, until: date, limit: int | None) -> tuple[list[Quote], int]:
        """Open quotes of active contacts valid until a day from ``day`` to ``until``, soonest
        first (``limit``: the first so many), and how many there are."""
        where = f"{OPEN} AND q.valid_until >= ? AND q.valid_until <= ? AND q.contact_id {ACTIVE}"
        params = (day.isoformat(), until.isoformat())
        cap = NO_LIMIT if limit is None else int(limit)
        found = self._read(
            where, params, f"q.valid_until, q.id LIMIT {cap}", index="quotes_open_validity"
        )
        return found, self._count(where, params)

    def stale(
        self, stale_before: dict[str, date], valid_after: date, limit: int | None
    ) -> tuple[list[Quote], int]:
        """Open quotes of active contacts idle since before their status's cut-off and valid
        after ``valid_after`` (or open-ended), longest idle first (``limit``: the first so
        many), and how many there are."""
        found: list[Quote] = []
        total = 0
        cap = NO_LIMIT if limit is None else int(limit)
        for status, cutoff in stale_before.items():
            where = (
                f"{OPEN} AND q.status = ? AND q.last_activity_on < ?"
                f" AND (q.valid_until IS NULL OR q.valid_until > ?) AND q.contact_id {ACTIVE}"
            )
            params = (status, cutoff.isoformat(), valid_after.isoformat())
            found += self._read(where, params, f"q.last_activity_on, q.id LIMIT {cap}")
            total += self._count(where, params)
        found.sort(key=lambda q: (q.last_activity, q.id))
        return (found if limit is None else found[:limit]), total

    def _count(self, where: str, params: Sequence[Any]) -> int:
        return int(self.db.tuples(f"SELECT count(*) FROM quotes q WHERE {where}", params)[0][0])

    def heads(
        self,
        reads: Sequence[tuple[str, Sequence[Any]]],
        limit: int,
        offset: int = 0,
        owner: str | None = None,
    ) -> list[list[QuoteFacts]]:
        """Per read (a key of ``TOP_READS`` with its values), the open quotes of active
        contacts, largest first: rows ``offset`` to ``offset + limit`` of each (the agenda
        reads the top of each kind of quote this way, in one statement). ``owner``: only
        the quotes of the contacts this salesperson owns."""
        mine = " AND c.owner = ?" if owner is not None else ""
        whose = (owner,) if owner is not None else ()
        parts = []
        unindexed = {
            "unindexed_valid_until": self.db.sql.unindexed("q.valid_until"),
            "unindexed_last_activity_on": self.db.sql.unindexed("q.last_activity_on"),
        }
        for read, values in reads:
            select = (
                "SELECT q.id, q.contact_id, q.amount_cents, q.status, q.valid_until,"
                " q.last_activity_on FROM quotes q JOIN contacts c ON c.id = q.contact_id"
                f" WHERE {OPEN} AND {TOP_READS[read].format(**unindexed)} AND c.archived_at IS NULL"
                f"{mine} ORDER BY q.amount_cents DESC, q.id LIMIT ? OFFSET ?"
            )
            parts.append((select, (*values, *whose, limit, offset)))
        return [
            [QuoteFacts(i, c, book_whole(a), s, _day(v), book_day(t)) for i, c, a, s, v, t in group]
            for group in self.db.heads(parts)
        ]

    def closed_between(self, since: str, until: str) -> list[Quote]:
        """Quotes won, lost or expired after ``since`` up to ``until`` (UTC instants)."""
        return self._read(
            "q.closed_at > ? AND q.closed_at <= ?", (since, until), "q.closed_at, q.id"
        )

    def pipeline_figures(
        self,
        today: date,
        currency: str,
        probabilities: dict[str, int],
        since: date,
        expiring_until: date,
    ) -> dict[str, list[dict[str, Any]]]:
        """Aggregates for the pipeline in one currency, as plain rows (see quotes.pipeline):
        ``open`` (shown status, n, value, weighted), ``closed`` (status, month, n, value,
        days_to_win, timed), ``expiring`` (n, value), ``other`` (currency, n)."""
        case = " ".join(f"WHEN '{s}' THEN {int(p)}" for s, p in probabilities.items())
        day, until = today.isoformat(), expiring_until.isoformat()
        # One pass over the open quotes (index quotes_open_figures), per currency and shown
        # status: the pipeline counts its own currency and names the others.
        grouped = self.db.all(
            f"""
            SELECT currency, CASE WHEN valid_until < ? THEN 'expired' ELSE status END AS shown,
                count(*) AS n, sum(amount_cents) AS value,
                sum(amount_cents * coalesce(probability, CASE status {case} ELSE 0 END))
                    AS weighted,
                sum(CASE WHEN valid_until >= ? AND valid_until <= ? THEN 1 ELSE 0 END)
                    AS expiring_n,
                sum(CASE WHEN valid_until >= ? AND valid_until <= ? THEN amount_cents ELSE 0 END)
                    AS expiring_value
            FROM quotes q WHERE {OPEN} GROUP BY currency, shown ORDER BY currency, shown
            """,
            (day, day, until, day, until),
        )
        mine = [row for row in grouped if row["currency"] == currency]
        others: dict[str, int] = {}
        for row in grouped:
            if row["currency"] != currency:
                others[row["currency"]] = others.get(row["currency"], 0) + int(row["n"])
        closed = self.db.all(
            f"""
            SELECT status, substr(closed_on, 1, 7) AS month, count(*) AS n,
                sum(amount_cents) AS value,
                sum(CASE WHEN status = 'won' AND sent_on IS NOT NULL
                    THEN {self.db.sql.days_between("sent_on", "closed_on")} END) AS days_to_win,
                sum(CASE WHEN status = 'won' AND sent_on IS NOT NULL THEN 1 ELSE 0 END) AS timed
            FROM quotes
            WHERE status IN ('won', 'lost') AND currency = ?
                AND closed_on >= ? AND closed_on <= ?
            GROUP BY status, month
            """,
            (currency, since.isoformat(), day),
        )
        return {
            "open": [{k: row[k] for k in ("shown", "n", "value", "weighted")} for row in mine],
            "closed": [dict(row) for row in closed],
            "expiring": [
                {
                    "n": sum(int(row["expiring_n"] or 0) for row in mine),
                    "value": sum(int(row["expiring_value"] or 0) for row in mine),
                }
            ],
            "other": [{"currency": c, "n": n} for c, n in sorted(others.items())],
        }
