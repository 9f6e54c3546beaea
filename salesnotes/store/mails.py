"""The mails an import or a sync read (m021): which are known, whose an address is, who
wrote that is nobody's yet, and where a sync of each IMAP folder stopped."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.store.database import Database


class Mails:
    """The ``mails``, ``mail_strangers`` and ``sync_mail_places`` tables."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def known(self, key: str) -> bool:
        """Whether the mail with this key was logged already (with anyone)."""
        return bool(self.db.one("SELECT 1 FROM mails WHERE key = ? LIMIT 1", (key,)))

    def add(
        self, key: str, owner: str, at: str, direction: str, contact_id: int,
        interaction_id: int, *, followup_id: int | None = None, complaint_id: int | None = None,
    ) -> int:  # fmt: skip
        """Keep a mail as logged with one contact; its id."""
        return self.db.insert(
            "INSERT INTO mails (key, owner, at, direction, contact_id, interaction_id,"
            " followup_id, complaint_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (key, owner, at, direction, contact_id, interaction_id, followup_id, complaint_id),
        )

    def open_quotes(self, contact_id: int) -> list[tuple[int, str]]:
        """(id, title) of the contact's open quotes, newest first."""
        from salesnotes.store.quotes import OPEN

        rows = self.db.tuples(
            f"SELECT q.id, q.title FROM quotes q WHERE q.contact_id = ? AND {OPEN}"
            " ORDER BY q.id DESC",
            (contact_id,),
        )
        return [(int(r[0]), str(r[1])) for r in rows]

    def quote_of(self, quote_id: int, contact_id: int) -> int | None:
        """The quote ``quote_id`` when it is the contact's (a mail names only its own)."""
        row = self.db.one(
            "SELECT id FROM quotes WHERE id = ? AND contact_id = ?", (quote_id, contact_id)
        )
        return int(row[0]) if row else None

    def open_complaint(self, contact_id: int, at: str) -> int | None:
        """The contact's complaint (its follow-up) that was open at ``at`` and still is, the
        oldest, if any."""
        row = self.db.one(
            "SELECT id FROM followups WHERE contact_id = ? AND reason = 'complaint'"
            " AND status = 'open' AND created_at <= ? ORDER BY id LIMIT 1",
            (contact_id, at),
        )
        return int(row[0]) if row else None

    def on_complaints(self, contact_id: int) -> list[tuple[int, int, str]]:
        """(complaint's follow-up id, how many mails, the last one's moment) of the mails
        noted on the contact's open complaints."""
        rows = self.db.tuples(
            "SELECT m.complaint_id, count(*), max(m.at) FROM mails m"
            " JOIN followups f ON f.id = m.complaint_id"
            " WHERE m.contact_id = ? AND f.status = 'open' GROUP BY m.complaint_id",
            (contact_id,),
        )
        return [(int(r[0]), int(r[1]), str(r[2])) for r in rows]

    def stranger(self, key: str, address: str, name: str, at: str, owner: str) -> None:
        """Remember who wrote a mail that is nobody's in the book (once per mail)."""
        self.db.execute(
            self.db.sql.insert_ignore(
                "mail_strangers (key, address, name, at, owner) VALUES (?, ?, ?, ?, ?)"
            ),
            (key, address, name, at, owner),
        )

    def strangers(self, limit: int) -> list[tuple[str, str, int, str]]:
        """(address, a name they wrote under, how many mails, the last one's moment) of the
        senders that are still nobody's, most mails first."""
        rows = self.db.tuples(
            "SELECT s.address, max(s.name), count(*), max(s.at) FROM mail_strangers s"
            " WHERE NOT EXISTS (SELECT 1 FROM contact_emails e WHERE e.email = s.address)"
            " GROUP BY s.address ORDER BY count(*) DESC, max(s.at) DESC, s.address LIMIT ?",
            (limit,),
        )
        return [(str(r[0]), str(r[1]), int(r[2]), str(r[3])) for r in rows]

    def place(self, person: str, place: str) -> tuple[str, int]:
        """(UIDVALIDITY, last UID read) of a person's IMAP folder; ('', 0) before a sync."""
        row = self.db.one(
            "SELECT validity, last_uid FROM sync_mail_places WHERE person = ? AND place = ?",
            (person, place),
        )
        return (str(row[0]), int(row[1])) if row else ("", 0)

    def read_to(self, person: str, place: str, validity: str, last_uid: int) -> None:
        """Where a sync of the folder stopped."""
        self.db.execute(
            "DELETE FROM sync_mail_places WHERE person = ? AND place = ?", (person, place)
        )
        self.db.execute(
            "INSERT INTO sync_mail_places (person, place, validity, last_uid) VALUES (?, ?, ?, ?)",
            (person, place, validity, last_uid),
        )
