"""Search across the book: contacts by name or organisation, what was said (FTS5), open
follow-ups and quotes. The full-text part is SQLite's FTS5 (see migration m004); a PostgreSQL
backend answers the same with a ``tsvector`` index."""

from __future__ import annotations

from datetime import date

from salesnotes.errors import BadInput
from salesnotes.models import Hit
from salesnotes.store.dialect import id_list, like
from salesnotes.text import clean, fold, words

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.store.connection import Database
    from salesnotes.store.contacts import Contacts


class Search:
    """Reads across tables for ``search``."""

    __slots__ = ("contacts", "db")

    def __init__(self, db: Database, contacts: Contacts) -> None:
        self.db = db
        self.contacts = contacts

    def find(self, text: str, limit: int = 20) -> list[Hit]:
        """Contacts, interactions, follow-ups and quotes that mention all words of ``text``.

        Interactions go through the full-text index (accent-insensitive, word prefixes), newest
        first; the others match the folded text anywhere. At most ``limit`` of each kind.
        """
        terms = words(fold(text))
        if not terms:
            raise BadInput(f"'{text}' has no words to search for; try a name or a word")
        hits: list[Hit] = []
        key = like(fold(clean(text)))
        found_ids = [
            r[0]
            for r in self.db.tuples(
                "SELECT id FROM contacts WHERE archived_at IS NULL AND name_key LIKE ?"
                " ESCAPE '\\' ORDER BY name_key LIMIT ?",
                (key, limit),
            )
        ]
        org_ids = [
            r[0]
            for r in self.db.tuples(
                "SELECT id FROM organisations WHERE name_key LIKE ? ESCAPE '\\' LIMIT ?",
                (key, limit),
            )
        ]
        if org_ids and len(found_ids) < limit:
            # (not "NOT IN (NULL)" when no name matched: that is never true)
            others = f" AND id NOT IN ({id_list(found_ids)})" if found_ids else ""
            found_ids += [
                r[0]
                for r in self.db.tuples(
                    "SELECT id FROM contacts WHERE archived_at IS NULL AND organisation_id IN"
                    f" ({id_list(org_ids)}){others} ORDER BY name_key LIMIT ?",
                    (limit - len(found_ids),),
                )
            ]
        for card in self.contacts.cards(found_ids).values():
            org = f" ({card.organisation})" if card.organisation else ""
            hits.append(
                Hit("contact", card.contact_id, card.contact_id, card.name, None, card.name + org)
            )
        query = " ".join(f'"{word}"*' for word in terms)
        for r in self.db.tuples(
            "SELECT i.id, i.contact_id, c.name, i.happened_on, i.text"
            " FROM (SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH ?"
            "       ORDER BY rowid DESC LIMIT ?) AS m"
            " JOIN interactions i ON i.id = m.rowid JOIN contacts c ON c.id = i.contact_id",
            (query, limit),
        ):
            hits.append(Hit("interaction", r[0], r[1], r[2], date.fromisoformat(r[3]), r[4]))
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
            matches = "".join(f" AND lower({column}) LIKE ? ESCAPE '\\'" for _ in terms)
            for r in self.db.tuples(f"{sql}{matches} ORDER BY x.id DESC LIMIT ?", [*params, limit]):
                day = date.fromisoformat(r[3]) if r[3] else None
                hits.append(Hit(kind, r[0], r[1], r[2], day, r[4]))
        return hits
