"""Loading many rows at once: a generated book (``demo --size``) and imported contacts.

Both write in the caller's transaction, so a load is all or nothing. The trigger juggling and
``INSERT OR IGNORE`` are SQLite's own.
"""

from __future__ import annotations

from salesnotes.store.connection import new_uuid
from salesnotes.store.contacts import FTS_ROW
from salesnotes.store.dialect import INSERT_IGNORE
from salesnotes.text import fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping, Sequence
    from datetime import date
    from typing import Any

    from salesnotes.models import NewContact
    from salesnotes.store.connection import Database

    Rows = Mapping[str, Sequence[tuple[Any, ...]]]

# What ``load`` takes per table: the columns of each row, in order.
LOAD_COLUMNS = {
    "organisations": ("id", "uuid", "name", "name_key", "created_at"),
    "contacts": (
        "id",
        "uuid",
        "name",
        "name_key",
        "organisation_id",
        "status",
        "note",
        "archived_at",
        "created_at",
        "updated_at",
        "every",
        "last_touch_on",
        "birthday",
        "customer_since",
    ),
    "contact_emails": ("contact_id", "email", "position"),
    "contact_phones": ("contact_id", "phone", "position", "e164", "mobile"),
    "contact_tags": ("contact_id", "tag"),
    "interactions": ("id", "uuid", "contact_id", "kind", "text", "happened_on", "logged_at"),
    "followups": (
        "id",
        "uuid",
        "contact_id",
        "due_on",
        "text",
        "reason",
        "priority",
        "status",
        "created_on",
        "created_at",
        "done_on",
        "done_at",
        "quote_id",
    ),
    "quotes": (
        "id",
        "uuid",
        "contact_id",
        "title",
        "amount_cents",
        "currency",
        "status",
        "quoted_on",
        "valid_until",
        "probability",
        "sent_on",
        "closed_on",
        "lost_reason",
        "last_activity_on",
        "created_at",
        "closed_at",
    ),
    "quote_revisions": (
        "id",
        "quote_id",
        "number",
        "amount_cents",
        "revised_on",
        "note",
        "created_at",
    ),
}


# What an import knows of a contact: the loader's columns but for archiving, rhythm and dates.
IMPORTED = tuple(
    c
    for c in LOAD_COLUMNS["contacts"]
    if c not in ("archived_at", "every", "birthday", "customer_since")
)


def _insert(table: str, columns: Sequence[str], verb: str = "INSERT") -> str:
    return f"{verb} INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"


class Bulk:
    """Many rows in one go."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def load(self, batches: Iterable[Rows]) -> int:
        """Insert batches of plain rows (table -> rows in ``LOAD_COLUMNS`` order) into an
        empty book, ids included; return the number of contacts."""
        # Indexing each row as it comes costs the full-text index a lot more than one rebuild
        # at the end: the trigger is set aside and put back in this same transaction.
        trigger = self.db.one(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'interactions_ai'"
        )
        if trigger:
            self.db.execute("DROP TRIGGER interactions_ai")
        self.db.execute("PRAGMA cache_size = -65536")  # 64 MB while loading
        contacts = 0
        for batch in batches:
            for table, columns in LOAD_COLUMNS.items():
                self.db.executemany(_insert(table, columns), batch.get(table, ()))
            contacts += len(batch.get("contacts", ()))
        if trigger:
            self.db.execute("INSERT INTO interactions_fts(interactions_fts) VALUES ('rebuild')")
            self.db.execute(trigger["sql"])
        self.db.execute(
            f"INSERT INTO contacts_fts (rowid, name, organisation, emails, tags) {FTS_ROW}"
        )
        self.db.execute("PRAGMA cache_size = -2000")
        return contacts

    def import_contacts(
        self, rows: Iterable[NewContact], *, now: str, today: date
    ) -> tuple[int, int, int]:
        """Add contacts in the caller's transaction, in bulk; return (added, duplicates,
        new organisations). A row is a duplicate when one of its e-mail addresses is known
        already (in the book or earlier in the file), or, without an e-mail address, when a
        contact of the same name exists in the same organisation."""
        emails = {r[0] for r in self.db.tuples("SELECT email FROM contact_emails")}
        orgs = {key: oid for oid, key in self.db.tuples("SELECT id, name_key FROM organisations")}
        people = set(self.db.tuples("SELECT name_key, organisation_id FROM contacts"))
        next_contact = first = (self.db.tuples("SELECT max(id) FROM contacts")[0][0] or 0) + 1
        next_org = (self.db.tuples("SELECT max(id) FROM organisations")[0][0] or 0) + 1
        added = duplicates = new_orgs = 0
        batch: dict[str, list[tuple[Any, ...]]] = {table: [] for table in LOAD_COLUMNS}
        sql = {
            "organisations": _insert("organisations", LOAD_COLUMNS["organisations"]),
            "contacts": _insert("contacts", IMPORTED),
            "contact_emails": _insert("contact_emails", LOAD_COLUMNS["contact_emails"]),
            "contact_phones": _insert(
                "contact_phones", LOAD_COLUMNS["contact_phones"], INSERT_IGNORE
            ),
            "contact_tags": _insert("contact_tags", LOAD_COLUMNS["contact_tags"]),
        }

        def flush() -> None:
            for table, statement in sql.items():
                self.db.executemany(statement, batch[table])
                batch[table].clear()

        for row in rows:
            org_id = None
            if row.organisation:
                key = fold(row.organisation)
                org_id = orgs.get(key)
                if org_id is None:
                    org_id = orgs[key] = next_org
                    next_org += 1
                    new_orgs += 1
                    batch["organisations"].append((org_id, new_uuid(), row.organisation, key, now))
            name_key = fold(row.name)
            if any(e in emails for e in row.emails) or (
                not row.emails and (name_key, org_id) in people
            ):
                duplicates += 1
                continue
            cid = next_contact
            next_contact += 1
            added += 1
            emails.update(row.emails)
            people.add((name_key, org_id))
            batch["contacts"].append(
                (
                    cid,
                    new_uuid(),
                    row.name,
                    name_key,
                    org_id,
                    row.status,
                    row.note,
                    now,
                    now,
                    today.isoformat(),
                )
            )
            batch["contact_emails"] += [(cid, e, n) for n, e in enumerate(row.emails, start=1)]
            batch["contact_phones"] += [
                (cid, p.typed, n, p.e164, int(p.mobile)) for n, p in enumerate(row.phones, start=1)
            ]
            batch["contact_tags"] += [(cid, t) for t in row.tags]
            if len(batch["contacts"]) >= 5000:
                flush()
        flush()
        self.db.execute(
            f"INSERT INTO contacts_fts (rowid, name, organisation, emails, tags) {FTS_ROW}"
            " WHERE c.id >= ?",
            (first,),
        )
        return added, duplicates, new_orgs
