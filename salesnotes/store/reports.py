"""The team's figures over a span (``report``, ``brief --team``): sums per person, read in
a handful of grouped statements (m026's index on the conversations' day keeps a week's
read small in a book of years)."""

from __future__ import annotations

from salesnotes.domain.report import TALKS
from salesnotes.store.quotes import OPEN
from salesnotes.store.rhythms import LEARNING

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.store.database import Database

# Whose work a follow-up or a complaint is: the one to do it, else the contact's owner
# (looked up only then: the join for every row took 31 ms of a month on the 100,000 team
# book, this 9 ms).
DOER = (
    "CASE WHEN f.owner <> '' THEN f.owner"
    " ELSE (SELECT c.owner FROM contacts c WHERE c.id = f.contact_id) END"
)
_TALKED = ", ".join(f"'{kind}'" for kind in TALKS)


class Reports:
    """Grouped reads over the conversations, contacts, quotes and follow-ups."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def talks(self, start: date, end: date) -> list[tuple[str, str, str, int]]:
        """(owner, day, kind, n): the conversations with each owner's contacts per day."""
        return [
            (r[0], r[1], r[2], int(r[3]))
            for r in self.db.tuples(
                "SELECT c.owner, i.happened_on, i.kind, count(*) FROM interactions i"
                " JOIN contacts c ON c.id = i.contact_id"
                f" WHERE i.happened_on >= ? AND i.happened_on <= ? AND i.kind IN ({_TALKED})"
                " GROUP BY c.owner, i.happened_on, i.kind",
                (start.isoformat(), end.isoformat()),
            )
        ]

    def new_contacts(self, since: str, before: str) -> list[tuple[str, int]]:
        """(owner, n): contacts added from the moment ``since`` to before ``before`` (UTC
        timestamps as the book writes them), not the ones merged into another since."""
        return [
            (r[0], int(r[1]))
            for r in self.db.tuples(
                "SELECT owner, count(*) FROM contacts WHERE created_at >= ? AND created_at < ?"
                " AND merged_into IS NULL GROUP BY owner",
                (since, before),
            )
        ]

    def quotes(self, start: date, end: date, currency: str) -> list[tuple[str, str, int, int]]:
        """(owner, 'sent' | 'won' | 'lost' | 'other', n, cents): the quotes sent and decided
        in the span in ``currency``; 'other': how many in other currencies (no amount)."""
        day, until = start.isoformat(), end.isoformat()
        rows = self.db.tuples(
            "SELECT c.owner, CASE WHEN q.currency = ? THEN 'sent' ELSE 'other' END,"
            " count(*), sum(q.amount_cents) FROM quotes q JOIN contacts c ON c.id = q.contact_id"
            " WHERE q.sent_on >= ? AND q.sent_on <= ? GROUP BY 1, 2"
            " UNION ALL"
            " SELECT c.owner, CASE WHEN q.currency = ? THEN q.status ELSE 'other' END,"
            " count(*), sum(q.amount_cents) FROM quotes q JOIN contacts c ON c.id = q.contact_id"
            " WHERE q.status IN ('won', 'lost') AND q.closed_on >= ? AND q.closed_on <= ?"
            " GROUP BY 1, 2",
            (currency, day, until, currency, day, until),
        )
        return [(r[0], r[1], int(r[2]), int(r[3] or 0)) for r in rows]

    def followups_done(self, start: date, end: date) -> list[tuple[str, int, int]]:
        """(whose, on time, late): follow-ups done in the span (not complaints, nor a
        quote's chases that closed with it), on time when done on or before the day they
        were due."""
        return [
            (r[0], int(r[1] or 0), int(r[2] or 0))
            for r in self.db.tuples(
                f"SELECT {DOER}, sum(CASE WHEN f.done_on <= f.due_on THEN 1 ELSE 0 END),"
                " sum(CASE WHEN f.done_on > f.due_on THEN 1 ELSE 0 END) FROM followups f"
                " WHERE f.status = 'done' AND f.done_on >= ? AND f.done_on <= ?"
                " AND f.reason <> 'complaint' AND f.closed_with_quote = 0 GROUP BY 1",
                (start.isoformat(), end.isoformat()),
            )
        ]

    def complaints(self, start: date, end: date) -> list[tuple[str, str, str | None, str | None]]:
        """(whose, opened at, resolved at, first conversation after it at): the complaints
        opened in the span; the answer is the earlier of the last two."""
        return [
            (r[0], r[1], r[2], r[3])
            for r in self.db.tuples(
                f"SELECT {DOER}, f.created_at, f.done_at,"
                " (SELECT min(i.logged_at) FROM interactions i WHERE i.contact_id = f.contact_id"
                f" AND i.happened_on >= f.created_on AND i.kind IN ({_TALKED})"
                " AND i.logged_at > f.created_at)"
                " FROM followups f"
                " WHERE f.reason = 'complaint' AND f.created_on >= ? AND f.created_on <= ?",
                (start.isoformat(), end.isoformat()),
            )
        ]

    def pipeline(
        self, today: date, currency: str, probabilities: dict[str, int]
    ) -> list[tuple[str, str, int, int, int]]:
        """(owner, month it runs until or '', n, cents, weighted cents): the open quotes in
        ``currency`` not expired on ``today``, per owner and the month they are valid to."""
        case = " ".join(f"WHEN '{s}' THEN {int(p)}" for s, p in probabilities.items())
        rows = self.db.tuples(
            "SELECT c.owner, coalesce(substr(q.valid_until, 1, 7), ''), count(*),"
            " sum(q.amount_cents),"
            f" sum(q.amount_cents * coalesce(q.probability, CASE q.status {case} ELSE 0 END))"
            " FROM quotes q JOIN contacts c ON c.id = q.contact_id"
            f" WHERE {OPEN} AND q.currency = ? AND (q.valid_until IS NULL OR q.valid_until >= ?)"
            " GROUP BY 1, 2",
            (currency, today.isoformat()),
        )
        return [(r[0], r[1], int(r[2]), int(r[3] or 0), int(r[4] or 0) // 100) for r in rows]

    def quiet(self, today: date) -> list[tuple[str, int]]:
        """(owner, n): contacts past where their learned rhythm says they get quiet (the
        agenda's 'getting quiet'; m023's partial index)."""
        owner = self.db.sql.unindexed("c.owner")
        return [
            (r[0], int(r[1]))
            for r in self.db.tuples(
                # The owner unindexed: grouped by the bare column SQLite read the owner
                # index whole (73 ms on the 100,000 team book), this m026's partial index of
                # the quiet ones and their owner (2.4-3.1 ms).
                f"SELECT {owner}, count(*) FROM contacts c WHERE c.quiet_after < ?"
                f" AND {LEARNING} GROUP BY {owner}",
                (today.isoformat(),),
            )
        ]
