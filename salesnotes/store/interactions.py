"""Interactions: what happened with a contact (a call, a mail, a visit, a note)."""

from __future__ import annotations

from datetime import date

from salesnotes.book_values import book_day
from salesnotes.errors import NotFound
from salesnotes.i18n import _
from salesnotes.models import Interaction
from salesnotes.store.connection import new_uuid
from salesnotes.store.dialect import NO_LIMIT

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    from salesnotes.store.database import Database

SELECT = (
    "SELECT i.id, i.uuid, i.contact_id, c.name, i.kind, i.text, i.happened_on, i.logged_at,"
    " i.logged_by, i.quote_id"
    " FROM interactions i JOIN contacts c ON c.id = i.contact_id"
)


def interaction_from(row: Sequence[Any]) -> Interaction:
    """An Interaction from a row of ``SELECT``."""
    return Interaction(
        row[0],
        row[1],
        row[2],
        row[3],
        row[4],
        row[5],
        book_day(row[6]),
        row[7],
        row[8],
        row[9],
    )


# The note 'quote won'/'quote lost' is logged about its quote (``quote_id``) at the instant
# the quote was closed: a briefing lists the closed quote itself, so the note is not listed
# again. Found by the link, never by the note's words (they are in the language spoken).
NOT_A_QUOTE_CLOSING = (
    "(i.quote_id IS NULL OR NOT EXISTS (SELECT 1 FROM quotes q WHERE q.id = i.quote_id"
    " AND q.closed_at = i.logged_at))"
)


class Interactions:
    """The ``interactions`` table (its full-text index is kept current by triggers)."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def add(
        self,
        contact_id: int,
        text: str,
        *,
        kind: str,
        on: date,
        now: str,
        quote_id: int | None = None,
    ) -> Interaction:
        """Record something that happened with a contact (``quote_id``: a note about that
        quote), its text and kind as ``domain.records`` keeps them. The contact's clocks are
        the caller's to restart (``contacts.restart_clocks``)."""
        interaction_id = self.db.insert(
            "INSERT INTO interactions (uuid, contact_id, kind, text, happened_on, logged_at,"
            " logged_by, quote_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (new_uuid(), contact_id, kind, text, on.isoformat(), now, self.db.user, quote_id),
        )
        return self.get(interaction_id)

    def get(self, interaction_id: int) -> Interaction:
        """One interaction by id."""
        found = self.db.tuples(f"{SELECT} WHERE i.id = ?", (interaction_id,))
        if not found:
            raise NotFound(
                _("there is no interaction #{interaction_id}").format(interaction_id=interaction_id)
            )
        return interaction_from(found[0])

    def edit(
        self,
        interaction_id: int,
        *,
        text: str | None = None,
        kind: str | None = None,
        on: date | None = None,
    ) -> Interaction:
        """Correct a logged interaction: its text, kind or day (the search index follows by
        trigger; the clock is the caller's to count again: ``contacts.recount_clocks``)."""
        changes: dict[str, Any] = {}
        if text is not None:
            changes["text"] = text
        if kind is not None:
            changes["kind"] = kind
        if on is not None:
            changes["happened_on"] = on.isoformat()
        if changes:
            assignments = ", ".join(f"{column} = ?" for column in changes)
            self.db.execute(
                f"UPDATE interactions SET {assignments} WHERE id = ?",
                (*changes.values(), interaction_id),
            )
        return self.get(interaction_id)

    def delete(self, interaction_id: int) -> Interaction:
        """Remove a logged interaction; follow-ups it started or closed forget the link."""
        gone = self.get(interaction_id)
        self.db.execute(
            "UPDATE followups SET source_interaction_id = NULL WHERE source_interaction_id = ?",
            (interaction_id,),
        )
        self.db.execute(
            "UPDATE followups SET done_interaction_id = NULL WHERE done_interaction_id = ?",
            (interaction_id,),
        )
        for table in ("calls", "mails"):  # the call or mail stays known: not imported again
            self.db.execute(
                f"UPDATE {table} SET interaction_id = NULL WHERE interaction_id = ?",
                (interaction_id,),
            )
        self.db.execute("DELETE FROM interactions WHERE id = ?", (interaction_id,))
        return gone

    def latest(self, contact_id: int, limit: int = 10) -> list[Interaction]:
        """A contact's latest interactions, newest first."""
        rows = self.db.tuples(
            f"{SELECT} WHERE i.contact_id = ? ORDER BY i.happened_on DESC, i.id DESC LIMIT ?",
            (contact_id, limit),
        )
        return [interaction_from(r) for r in rows]

    def days(self, contact_id: int) -> list[date]:
        """The days a contact had a conversation, each once, oldest first."""
        rows = self.db.tuples(
            "SELECT DISTINCT substr(happened_on, 1, 10) FROM interactions WHERE contact_id = ?"
            " ORDER BY 1",
            (contact_id,),
        )
        return [book_day(r[0]) for r in rows]

    def all(self) -> list[Interaction]:
        """Every interaction in the book, oldest first (an export)."""
        rows = self.db.tuples(f"{SELECT} ORDER BY i.happened_on, i.id")
        return [interaction_from(r) for r in rows]

    def logged_between(self, since: str, until: str, limit: int | None = None) -> list[Interaction]:
        """Interactions logged after ``since`` up to ``until`` (UTC instants), oldest first
        (``limit``: the first so many)."""
        rows = self.db.tuples(
            f"{SELECT} WHERE i.logged_at > ? AND i.logged_at <= ? AND {NOT_A_QUOTE_CLOSING}"
            " ORDER BY i.logged_at, i.id LIMIT ?",
            (since, until, NO_LIMIT if limit is None else limit),
        )
        return [interaction_from(r) for r in rows]

    def count_logged_between(self, since: str, until: str) -> int:
        """How many interactions were logged after ``since`` up to ``until``."""
        row = self.db.tuples(
            "SELECT count(*) FROM interactions i WHERE i.logged_at > ? AND i.logged_at <= ?"
            f" AND {NOT_A_QUOTE_CLOSING}",
            (since, until),
        )
        return int(row[0][0])
