"""Loading many rows at once: a generated book (``demo --size``) and imported contacts.

Both write in the caller's transaction, so a load is all or nothing. What the two databases do
differently around a load (SQLite sets its search trigger aside and rebuilds the index at the
end; PostgreSQL refreshes its planner's statistics) is the database's: ``index_later`` and
``index_now``.
"""

from __future__ import annotations

from salesnotes.imported import ImportResult
from salesnotes.store.cadence import learn_everyone
from salesnotes.store.contacts import FTS_COLUMNS, fts_row
from salesnotes.store.whole_book import BOOK, copy_in, dump, own, restore

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence
    from datetime import date
    from typing import Any

    from salesnotes.imported import NewContact
    from salesnotes.store.contacts import Contacts
    from salesnotes.store.database import Database
    from salesnotes.store.dialect import SqliteSql

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


def insert_statement(table: str, columns: Sequence[str], sql: SqliteSql | None = None) -> str:
    """An insert of ``columns``; with ``sql`` (the book's dialect), one that skips a row
    breaking a unique key."""
    rest = f"{table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
    return sql.insert_ignore(rest) if sql else f"INSERT INTO {rest}"


class Bulk:
    """Many rows in one go."""

    __slots__ = ("contacts", "db")

    def __init__(self, db: Database, contacts: Contacts) -> None:
        self.db = db
        self.contacts = contacts

    def load(self, batches: Iterable[Rows]) -> int:
        """Insert batches of plain rows (table -> rows in ``LOAD_COLUMNS`` order) into an
        empty book, ids included; return the number of contacts. The audit trail says each
        contact was added, in one statement per 500 (a generated 100,000 book took 81 s with
        the trail's row triggers, 44 s before the trail)."""
        aside = self.db.index_later()
        contacts = 0
        added: list[int] = []
        paused = self.db.pause_trail()
        for batch in batches:
            for table, columns in LOAD_COLUMNS.items():
                self.db.executemany(insert_statement(table, columns), batch.get(table, ()))
            contacts += len(batch.get("contacts", ()))
            added += [row[0] for row in batch.get("contacts", ())]
        self.db.execute(f"INSERT INTO contacts_fts ({FTS_COLUMNS}) {fts_row(self.db.sql)}")
        self.db.index_now(aside)
        own(self.db)
        learn_everyone(self.db)
        self.db.resume_trail(paused, added)
        for table in LOAD_COLUMNS:
            self.db.reset_ids(table)
        return contacts

    def import_contacts(self, rows: Iterable[NewContact], *, now: str, today: date) -> ImportResult:
        """Add or update contacts from a file, in the caller's transaction.

        A row is the contact it matches (``import_matching``): the one with its UUID (the
        file's own, as vCards and salesnotes' JSON carry), else one of its e-mail addresses,
        else one of its phone numbers (with the same name whatever the e-mail; a person's
        own number with another name unless e-mail addresses differ; never a switchboard's
        with another name), else the same name in the same organisation (earlier rows of
        the file count too). A match takes what the file says more precisely (``row_changes``:
        never a birthday without its year over one with it, nor a shorter name, nor a city
        over a whole address), gains the e-mail addresses, phone numbers, addresses and tags
        it lacks, and the note lines it does not hold yet (in any language). A card of an
        organisation itself gives the organisation its phone number and e-mail address.
        Everything else is new, and added in bulk; ids go on above every id the book ever
        gave."""
        from salesnotes.store.importing import Import

        load = Import(self.db, self.contacts, now=now, today=today)
        for row in rows:
            load.take(row)
        return load.finish()

    def dump(self) -> Iterator[tuple[str, tuple[str, ...], Iterator[tuple[Any, ...]]]]:
        """Every table of the book, its columns and its rows (see ``dump``)."""
        return dump(self.db)

    def copy_in(self, tables: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]) -> None:
        """Load a whole book, streamed as ``dump`` gives it, into this empty book (see
        ``whole_book.copy_in``)."""
        copy_in(self.db, tables)

    def counts(self) -> dict[str, int]:
        """Rows per table of the book (``BOOK`` order)."""
        counts = ", ".join(f"(SELECT count(*) FROM {table})" for table in BOOK)
        return dict(zip(BOOK, (int(n) for n in self.db.tuples(f"SELECT {counts}")[0]), strict=True))

    def size(self) -> int:
        """How many rows ``dump`` gives."""
        counts = " + ".join(f"(SELECT count(*) FROM {table})" for table in BOOK)
        total: int = self.db.tuples(f"SELECT {counts}")[0][0]
        return total

    def restore(
        self, tables: Mapping[str, Sequence[Mapping[str, Any]]]
    ) -> dict[str, tuple[int, int]]:
        """A whole book's rows into this one (see ``restore``)."""
        return restore(self.db, tables)
