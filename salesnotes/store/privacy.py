"""One person's data: all of it out (right of access), or all of it gone (right to erasure).

SQLite-specific: ``PRAGMA secure_delete`` (freed bytes are overwritten with zeros), FTS5's
``'optimize'`` command (the full-text indexes are rewritten without the deleted words) and
``PRAGMA wal_checkpoint(TRUNCATE)`` (the write-ahead log is emptied). A PostgreSQL backend
erases with DELETE and leaves the rest to VACUUM.
"""

from __future__ import annotations

from salesnotes.store.connection import new_uuid

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from salesnotes.store.database import Database

# The tables that hold a person's rows, in the order they are erased (what refers to a row
# before the row), each with how its rows are found from the person's contact ids.
_BELONGS = (
    ("calls", "contact_id IN ({ids})"),
    ("mails", "contact_id IN ({ids})"),
    ("contact_cadence", "contact_id IN ({ids})"),
    ("quote_revisions", "quote_id IN (SELECT id FROM quotes WHERE contact_id IN ({ids}))"),
    ("followups", "contact_id IN ({ids})"),
    ("interactions", "contact_id IN ({ids})"),
    ("quotes", "contact_id IN ({ids})"),
    ("contact_emails", "contact_id IN ({ids})"),
    ("contact_phones", "contact_id IN ({ids})"),
    ("contact_tags", "contact_id IN ({ids})"),
    ("contact_addresses", "contact_id IN ({ids})"),
    ("contacts", "id IN ({ids})"),
)


def row_ids_aside(row: Any) -> list[tuple[str, Any]]:
    """A row as (column, value) pairs, without PostgreSQL's journal ``rowid``."""
    return [(k, row[k]) for k in row.keys() if k != "rowid"]  # noqa: SIM118 - a Row


def fingerprint(salt: str, uuid: str) -> str:
    """What an erasure keeps of a contact: a salted SHA-256 of its UUID (not reversible)."""
    import hashlib

    return hashlib.sha256(f"{salt}:{uuid}".encode()).hexdigest()


class Privacy:
    """Access to, and erasure of, one person's rows."""

    def __init__(self, db: Database) -> None:
        self.db = db

    def person_ids(self, contact_id: int) -> list[int]:
        """The contact and every contact merged into it (the same person, archived)."""
        rows = self.db.tuples(
            "WITH RECURSIVE person(id) AS (SELECT CAST(? AS BIGINT) UNION"
            " SELECT c.id FROM contacts c JOIN person p ON c.merged_into = p.id)"
            " SELECT id FROM person ORDER BY id",
            (contact_id,),
        )
        return [int(r[0]) for r in rows]

    def rows(self, contact_id: int) -> dict[str, list[dict[str, Any]]]:
        """Everything stored about the person: table -> rows (column -> value), the
        organisation's row included."""
        ids = self.person_ids(contact_id)
        marks = ", ".join("?" for _ in ids)
        found: dict[str, list[dict[str, Any]]] = {}
        orgs = self.db.tuples(
            f"SELECT DISTINCT organisation_id FROM contacts WHERE id IN ({marks})"
            " AND organisation_id IS NOT NULL",
            ids,
        )
        for table, where in (*reversed(_BELONGS), ("organisations", "")):
            if table == "organisations":
                sql, params = "SELECT * FROM organisations WHERE id IN ({})", [r[0] for r in orgs]
                sql = sql.format(", ".join("?" for _ in params) or "NULL")
            else:
                sql, params = f"SELECT * FROM {table} WHERE {where.format(ids=marks)}", ids
            found[table] = [dict(row_ids_aside(r)) for r in self.db.all(sql, params)]
        return found

    def member_rows(self, name: str) -> dict[str, list[dict[str, Any]]]:
        """What the book holds about a member of the team (a GDPR request of a salesperson
        or manager): their row, the coaching notes they wrote or were written for, the
        joint visits they went on (when, whose, the role: not the customers' words), and
        what the audit trail says they did (when, which command, which row: not the
        customers' values it holds)."""
        return {
            table: [dict(r) for r in self.db.all(sql, params)]
            for table, sql, params in (
                ("team_members", "SELECT * FROM team_members WHERE name = ?", (name,)),
                (
                    "coaching",
                    "SELECT * FROM coaching WHERE manager = ? OR salesperson = ? ORDER BY id",
                    (name, name),
                ),
                (
                    "visits",
                    "SELECT id, due_on, due_time, status, done_on, owner, with_owner, role"
                    " FROM followups WHERE role <> '' AND (owner = ? OR with_owner = ?)"
                    " ORDER BY id",
                    (name, name),
                ),
                (
                    "audit_trail",
                    "SELECT id, at, actor, login, command, tbl, row_id, action FROM audit_trail"
                    " WHERE actor = ? ORDER BY id",
                    (name,),
                ),
            )
        }

    def erase(self, contact_id: int, now: str) -> dict[str, int]:
        """Delete every row of the person (in the caller's transaction), their organisation
        when nobody else belongs to it, their words from the search indexes; remember a
        fingerprint of each UUID. Returns table -> rows deleted."""
        self.db.erase_for_good()
        ids = self.person_ids(contact_id)
        marks = ", ".join("?" for _ in ids)
        uuids = [
            r[0] for r in self.db.tuples(f"SELECT uuid FROM contacts WHERE id IN ({marks})", ids)
        ]
        addresses = [
            str(r[0])
            for r in self.db.tuples(
                f"SELECT DISTINCT email FROM contact_emails WHERE contact_id IN ({marks})", ids
            )
        ]
        orgs = [
            int(r[0])
            for r in self.db.tuples(
                f"SELECT DISTINCT organisation_id FROM contacts WHERE id IN ({marks})"
                " AND organisation_id IS NOT NULL",
                ids,
            )
        ]
        # What others hold of theirs points nowhere now (a follow-up made from their call).
        talks = f"SELECT id FROM interactions WHERE contact_id IN ({marks})"
        for column in ("source_interaction_id", "done_interaction_id"):
            self.db.execute(
                f"UPDATE followups SET {column} = NULL WHERE {column} IN ({talks})", ids
            )
        gone_orgs: set[int] = set()
        deleted: dict[str, int] = {}
        for table, where in _BELONGS:
            deleted[table] = self.db.execute(
                f"DELETE FROM {table} WHERE {where.format(ids=marks)}", ids
            )
        self.db.execute(f"DELETE FROM contacts_fts WHERE rowid IN ({marks})", ids)
        for org in orgs:
            if not self.db.one("SELECT 1 FROM contacts WHERE organisation_id = ?", (org,)):
                self.db.execute("DELETE FROM organisations WHERE id = ?", (org,))
                deleted["organisations"] = deleted.get("organisations", 0) + 1
                gone_orgs.add(org)
        # Their mail is skipped ever after: the addresses are kept as fingerprints too, and
        # what a mail import kept of them as an unknown sender goes.
        for address in addresses:
            self.db.execute("DELETE FROM mail_strangers WHERE address = ?", (address,))
        for uuid in [*uuids, *(f"mail:{a}" for a in addresses)]:
            salt = new_uuid()
            self.db.execute(
                "INSERT INTO erasures (salt, hash, erased_at) VALUES (?, ?, ?)",
                (salt, fingerprint(salt, uuid), now),
            )
        from salesnotes.store import journal

        journal.forget_person(self.db, set(ids), gone_orgs)  # undo's images of their rows
        self.db.rewrite_search_indexes()  # without the person's words
        return deleted

    def erased(self, uuids: list[str]) -> set[str]:
        """Which of ``uuids`` belong to people erased from this book."""
        marks = self.db.tuples("SELECT salt, hash FROM erasures")
        if not marks:
            return set()
        kept = {h for _, h in marks}
        salts = {s for s, _ in marks}
        return {u for u in uuids if any(fingerprint(s, u) in kept for s in salts)}

    def erasures(self) -> list[tuple[str, str, str]]:
        """Every erasure: (salt, hash, when)."""
        return [(str(a), str(b), str(c)) for a, b, c in
                self.db.tuples("SELECT salt, hash, erased_at FROM erasures")]  # fmt: skip

    def keep_erasures(self, rows: list[tuple[str, str, str]]) -> None:
        """Add erasures (from the book a restore replaced) that this book lacks."""
        self.db.executemany(
            self.db.sql.insert_ignore("erasures (salt, hash, erased_at) VALUES (?, ?, ?)"), rows
        )

    def erase_again(self, now: str) -> int:
        """Erase every contact of the book that an erasure names (after a restore or a
        merged book); return how many people."""
        if not self.db.one("SELECT 1 FROM erasures"):
            return 0
        rows = self.db.tuples("SELECT id, uuid, merged_into FROM contacts")
        again = self.erased([str(r[1]) for r in rows])
        into = {int(cid): merged for cid, _, merged in rows}
        people = set()
        for cid, uuid, __ in rows:
            if uuid in again:
                root = int(cid)
                while into.get(root) is not None:  # the person it was merged into
                    root = int(into[root])
                people.add(root)
        for root in sorted(people):
            self.erase(root, now)
        return len(people)

    def flush(self) -> bool:
        """After the erasure is committed: empty the write-ahead log into the file, so no
        old page is left in it. False when another process was reading (it stays until
        the next checkpoint)."""
        return self.db.checkpoint()
