"""Search across the book: contacts by name or organisation, what was said (FTS5), open
follow-ups and quotes. The full-text part is SQLite's FTS5 (see migration m004); a PostgreSQL
backend answers the same with a ``tsvector`` index."""

from __future__ import annotations

from salesnotes.book_values import book_day
from salesnotes.errors import BadInput
from salesnotes.i18n import _
from salesnotes.models import Hit
from salesnotes.store.dialect import like
from salesnotes.text import clean, fold, words

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.store.contacts import Contacts
    from salesnotes.store.database import Database


# Each word is a condition of every query: a whole page of text would make SQLite's
# expression tree too deep (1,000), and a search is a few words anyway.
MAX_WORDS = 32


def _around(text: str, word: str, width: int = 80) -> str:
    """The part of ``text`` around the first place ``word`` is in it, on one line."""
    from salesnotes.text import one_line

    line = one_line(text)
    at = fold(line).find(word)
    if at <= width // 2 or len(line) <= width:
        return line[:width] + ("…" if len(line) > width else "")
    start = at - width // 2
    return "…" + line[start : start + width] + ("…" if start + width < len(line) else "")


class Search:
    """Reads across tables for ``search``."""

    __slots__ = ("contacts", "db")

    def __init__(self, db: Database, contacts: Contacts) -> None:
        self.db = db
        self.contacts = contacts

    def find(self, text: str, limit: int = 20, *, e164: str | None = None) -> list[Hit]:
        """Contacts, interactions, follow-ups and quotes that mention all words of ``text``;
        with ``e164`` (``text`` read as a phone number), the contacts with that number.

        Contacts: by e-mail address, else every word starts a word of their name,
        organisation, e-mail addresses or tags (best first: a name counts most). Interactions
        go through their full-text index (accent-insensitive, word prefixes), newest first;
        follow-ups and quotes match the folded text anywhere. At most ``limit`` of each kind.
        """
        if e164 is not None:
            return self._by_phone(e164, limit)
        terms = words(fold(text))
        if not terms:
            raise BadInput(
                _("'{text}' has no words to search for; try a name or a word").format(text=text)
            )
        if len(terms) > MAX_WORDS:
            raise BadInput(
                _(
                    "that is {terms} words; search takes at most {MAX_WORDS} (all must match)"
                ).format(terms=len(terms), MAX_WORDS=MAX_WORDS)
            )
        raw = clean(text)
        found = self.contacts.with_email(raw)[:limit] if "@" in raw else []
        across = self.contacts.with_words(terms, in_name=False, limit=limit, active_only=True)
        found += [cid for cid, archived, _ in across if not archived and cid not in found]
        hits = self._contacts(found[:limit])
        hits += self._notes(terms, {h.contact_id for h in hits}, limit)
        sql, values = self.db.sql.conversations_matching(terms, limit)
        for r in self.db.tuples(sql, values):
            hits.append(Hit("interaction", r[0], r[1], r[2], book_day(r[3]), r[4]))
        params = [like(word) for word in terms]
        for kind, column, sql in (
            (
                "followup",
                "x.text",
                "SELECT x.id, x.contact_id, c.name, x.due_on AS day, x.text FROM followups x"
                " JOIN contacts c ON c.id = x.contact_id WHERE x.status = 'open'",
            ),
            (
                "quote",
                "x.title",
                "SELECT x.id, x.contact_id, c.name, x.quoted_on AS day, x.title AS text"
                " FROM quotes x JOIN contacts c ON c.id = x.contact_id WHERE 1 = 1",
            ),
        ):
            matches = "".join(
                f" AND lower({column}) {self.db.sql.like} ? ESCAPE '\\'" for _ in terms
            )
            for r in self.db.tuples(f"{sql}{matches} ORDER BY x.id DESC LIMIT ?", [*params, limit]):
                day = book_day(r[3]) if r[3] else None
                hits.append(Hit(kind, r[0], r[1], r[2], day, r[4]))
        return hits

    def _notes(self, terms: list[str], found: set[int], limit: int) -> list[Hit]:
        """Active contacts whose own note holds every word (not found by name already):
        the contact, with the part of the note that matched."""
        matches = "".join(f" AND lower(c.note) {self.db.sql.like} ? ESCAPE '\\'" for _ in terms)
        rows = self.db.tuples(
            f"SELECT c.id, c.name, c.note FROM contacts c WHERE c.archived_at IS NULL{matches}"
            " ORDER BY c.name_key, c.id LIMIT ?",
            [*(like(word) for word in terms), limit],
        )
        return [
            Hit("note", cid, cid, name, None, f"{name}: {_around(note, terms[0])}")
            for cid, name, note in rows
            if cid not in found
        ]

    def _by_phone(self, e164: str, limit: int) -> list[Hit]:
        """The contacts (and organisations) with this number, each with the number as they
        have it and its kind: what matched, to see at a glance which line it was."""
        ids = self.contacts.with_phone(e164)[:limit]
        cards = self.contacts.cards(ids)
        number = e164.split(";", 1)[0]
        hits = []
        for cid in ids:
            card = cards.get(cid)
            if card is None:
                continue
            rows = self.db.tuples(
                "SELECT phone, kind FROM contact_phones WHERE contact_id = ?"
                " AND (e164 = ? OR e164 = ? OR (e164 > ? AND e164 < ?)) ORDER BY position",
                (cid, e164, number, f"{number};", f"{number}<"),
            )
            org = f" ({card.organisation})" if card.organisation else ""
            matched = ", ".join(f"{p} ({k})" if k else p for p, k in rows)
            hits.append(Hit("contact", cid, cid, card.name, None, f"{card.name}{org}: {matched}"))
        for oid, name, phone in self.db.tuples(
            "SELECT id, name, phone FROM organisations WHERE e164 = ? OR e164 = ?",
            (e164, number),
        ):
            hits.append(Hit("organisation", oid, 0, name, None, f"{name}: {phone}"))
        return hits

    def _contacts(self, ids: list[int]) -> list[Hit]:
        cards = self.contacts.cards(ids)
        hits = []
        for cid in ids:
            card = cards.get(cid)
            if card is not None:
                org = f" ({card.organisation})" if card.organisation else ""
                hits.append(Hit("contact", cid, cid, card.name, None, card.name + org))
        return hits
