"""Loading many rows at once: a generated book (``demo --size``) and imported contacts.

Both write in the caller's transaction, so a load is all or nothing. What the two databases do
differently around a load (SQLite sets its search trigger aside and rebuilds the index at the
end; PostgreSQL refreshes its planner's statistics) is the database's: ``index_later`` and
``index_now``.
"""

from __future__ import annotations

from salesnotes.errors import BadInput, Conflict
from salesnotes.i18n import _
from salesnotes.imported import ImportResult
from salesnotes.models import Address
from salesnotes.store.connection import new_uuid
from salesnotes.store.contacts import FTS_COLUMNS, fts_row
from salesnotes.store.dialect import ACTIVE
from salesnotes.store.privacy import Privacy
from salesnotes.text import fold

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


# What an import knows of a contact: the loader's columns but for archiving.
IMPORTED = (
    *(c for c in LOAD_COLUMNS["contacts"] if c != "archived_at"),
    "job_title",
    "city",
    "owner",
    "department",
)
IMPORTED_PHONES = ("contact_id", "phone", "position", "e164", "mobile", "kind")
IMPORTED_ADDRESSES = (
    "contact_id", "kind", "street", "postcode", "city", "region", "country", "position"
)  # fmt: skip


def _insert(table: str, columns: Sequence[str], sql: SqliteSql | None = None) -> str:
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
        empty book, ids included; return the number of contacts."""
        aside = self.db.index_later()
        contacts = 0
        for batch in batches:
            for table, columns in LOAD_COLUMNS.items():
                self.db.executemany(_insert(table, columns), batch.get(table, ()))
            contacts += len(batch.get("contacts", ()))
        self.db.execute(f"INSERT INTO contacts_fts ({FTS_COLUMNS}) {fts_row(self.db.sql)}")
        self.db.index_now(aside)
        own(self.db)
        for table in LOAD_COLUMNS:
            self.db.reset_ids(table)
        return contacts

    def import_contacts(self, rows: Iterable[NewContact], *, now: str, today: date) -> ImportResult:
        """Add or update contacts from a file, in the caller's transaction.

        A row is the contact it matches (``_Index.match``): the one with its UUID (the
        file's own, as vCards and salesnotes' JSON carry), else one of its e-mail addresses,
        else one of its phone numbers (with the same name whatever the e-mail; a person's
        own number with another name unless e-mail addresses differ; never a switchboard's
        with another name), else the same name in the same organisation (earlier rows of
        the file count too). A match takes what the file says more precisely (``_update``:
        never a birthday without its year over one with it, nor a shorter name, nor a city
        over a whole address), gains the e-mail addresses, phone numbers, addresses and tags
        it lacks, and the note lines it does not hold yet (in any language). A card of an
        organisation itself gives the organisation its phone number and e-mail address.
        Everything else is new, and added in bulk; ids go on above every id the book ever
        gave."""
        index = _Index(self.db)
        next_org = self.db.next_id("organisations")
        next_contact = self.db.next_id("contacts")
        first_new = next_contact
        added = unchanged = new_orgs = org_cards = 0
        updated: list[tuple[int, str, tuple[str, ...]]] = []
        pending: set[int] = set()
        batch: dict[str, list[tuple[Any, ...]]] = {
            table: [] for table in ("organisations", "contacts", "contact_emails",
                                    "contact_phones", "contact_tags", "contact_addresses")
        }  # fmt: skip
        sql = {
            "organisations": _insert("organisations", LOAD_COLUMNS["organisations"]),
            "contacts": _insert("contacts", IMPORTED),
            "contact_emails": _insert("contact_emails", LOAD_COLUMNS["contact_emails"]),
            "contact_phones": _insert("contact_phones", IMPORTED_PHONES, self.db.sql),
            "contact_tags": _insert("contact_tags", LOAD_COLUMNS["contact_tags"], self.db.sql),
            "contact_addresses": _insert("contact_addresses", IMPORTED_ADDRESSES),
        }

        def flush() -> None:
            for table, statement in sql.items():
                self.db.executemany(statement, batch[table])
                batch[table].clear()
            pending.clear()

        erased = 0
        user = self.db.user  # whoever imports owns the new contacts
        privacy = Privacy(self.db)
        forgotten = bool(self.db.one("SELECT 1 FROM erasures"))
        for row in rows:
            if forgotten and row.uuid and privacy.erased([row.uuid]):
                erased += 1  # erased with 'forget': a file made before must not bring them back
                continue
            org_id = None
            if row.organisation:
                key = fold(row.organisation)
                org_id = index.orgs.get(key)
                if org_id is None:
                    org_id = index.orgs[key] = next_org
                    next_org += 1
                    new_orgs += 1
                    batch["organisations"].append((org_id, new_uuid(), row.organisation, key, now))
            if row.organisation_card and org_id is not None:
                flush()  # the organisation must exist to be given its number
                org_cards += _reach(self.db, org_id, row)
                continue
            person = (fold(row.name), org_id)
            found = index.match(row, person)
            if found is None:
                cid = next_contact
                next_contact += 1
                added += 1
                pending.add(cid)
                uuid = row.uuid if row.uuid and row.uuid not in index.uuids else new_uuid()
                index.remember(cid, uuid, row, person)
                last = row.last_contact if row.last_contact else today.isoformat()
                batch["contacts"].append(
                    (
                        cid,
                        uuid,
                        row.name,
                        person[0],
                        org_id,
                        row.status or "lead",
                        _new_note(row),
                        now,
                        now,
                        row.every,
                        min(last, today.isoformat()),
                        row.birthday,
                        row.customer_since,
                        row.job_title,
                        row.city,
                        user,
                        row.department,
                    )
                )
                batch["contact_emails"] += [
                    (cid, e, n) for n, e in enumerate(dict.fromkeys(row.emails), start=1)
                ]
                batch["contact_phones"] += [
                    (cid, p.typed, n, p.e164, int(p.mobile), p.kind)
                    for n, p in enumerate(row.phones, start=1)
                ]
                batch["contact_tags"] += [(cid, t) for t in row.tags]
                batch["contact_addresses"] += [
                    (cid, a.kind, a.street, a.postcode, a.city, a.region, a.country, n)
                    for n, a in enumerate(_distinct(row.addresses), start=1)
                ]
                if len(batch["contacts"]) >= 5000:
                    flush()
                continue
            if found in pending or batch["organisations"]:
                flush()  # the contact (or its new organisation) must exist to be changed
            changed = _update(self.contacts, found, row, now)
            index.remember(found, None, row, person)
            if changed:
                updated.append((found, row.name, tuple(changed)))
            else:
                unchanged += 1
        flush()
        # New contacts get their search rows now, in one go (one that a later row of the
        # file updated has had its row made already).
        self.db.execute("DELETE FROM contacts_fts WHERE rowid >= ?", (first_new,))
        self.db.execute(
            f"INSERT INTO contacts_fts ({FTS_COLUMNS}) {fts_row(self.db.sql)} WHERE c.id >= ?",
            (first_new,),
        )
        self.db.reset_ids("organisations")
        self.db.reset_ids("contacts")
        return ImportResult(added, tuple(updated), unchanged, new_orgs, erased, org_cards)

    def dump(self) -> Iterator[tuple[str, tuple[str, ...], Iterator[tuple[Any, ...]]]]:
        """Every table of the book, its columns and its rows (see ``dump``)."""
        return dump(self.db)

    def copy_in(self, tables: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]) -> None:
        """Load a whole book, streamed as ``dump`` gives it, into this empty book in the
        caller's transaction: every row with its id (SQLite: executemany; PostgreSQL:
        COPY), then the search rows, and every reference checked at the end."""
        self.db.defer_foreign_keys()
        aside = self.db.index_later()
        for table, columns, rows in tables:
            if table not in BOOK:
                raise BookError(_("no such part of a book: {unknown}").format(unknown=table))
            known = columns_of(self.db, table)
            strange = [c for c in columns if c not in known]
            if strange:
                raise BookError(
                    _("{table}: no such column: {strange}").format(
                        table=table, strange=", ".join(strange)
                    )
                )
            self.db.load_rows(table, columns, rows)
        broken = self.db.broken_reference()
        if broken:
            table, parent = broken
            raise BookError(
                _("a row of {table} refers to a {parent} row that is not in the file").format(
                    table=table, parent=parent
                )
            )
        own(self.db)
        for table in BOOK:
            self.db.reset_ids(table)
        self.db.execute("DELETE FROM contacts_fts")
        self.db.execute(f"INSERT INTO contacts_fts ({FTS_COLUMNS}) {fts_row(self.db.sql)}")
        self.db.index_now(aside)

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


class _Index:
    """What an import matches rows against: the book's contacts, and the file's so far."""

    def __init__(self, db: Database) -> None:
        rows = db.tuples("SELECT id, uuid, merged_into, name_key, organisation_id FROM contacts")
        self.uuids: dict[str, int] = {uuid: merged or cid for cid, uuid, merged, _, _ in rows}
        self.names: dict[tuple[str, int | None], int] = {
            (key, org): cid for cid, _, merged, key, org in rows if merged is None
        }
        self.keys: dict[int, str] = {cid: key for cid, _, merged, key, _ in rows if not merged}
        self.emails: dict[str, int] = dict(
            db.tuples(f"SELECT email, contact_id FROM contact_emails WHERE contact_id {ACTIVE}")
        )
        self.phones: dict[str, int] = dict(
            db.tuples(
                "SELECT e164, contact_id FROM contact_phones"
                f" WHERE e164 IS NOT NULL AND contact_id {ACTIVE}"
            )
        )
        self.orgs = {key: oid for oid, key in db.tuples("SELECT id, name_key FROM organisations")}
        self.with_email = set(self.emails.values())

    def match(self, row: NewContact, key: tuple[str, int | None]) -> int | None:
        """The contact ``row`` is (see ``import_contacts``); ``key``: its folded name and
        its organisation's id."""
        if row.uuid and row.uuid in self.uuids:
            return self.uuids[row.uuid]
        if row.book_id is not None and _same_name(self.keys.get(row.book_id, ""), key[0]):
            return row.book_id  # this book's own export: its id, and the same name
        for email in row.emails:
            if email in self.emails:
                return self.emails[email]
        for phone in row.phones:
            found = self.phones.get(phone.e164) if phone.e164 else None
            if found is None:
                continue
            if _same_name(self.keys.get(found, ""), key[0]):
                return found  # a number and the name: the same person, whatever the e-mail
            # Another name: a person's own number may still be theirs (a nickname), unless
            # their e-mail addresses say otherwise; a switchboard is many people's.
            if phone.personal and not (row.emails and found in self.with_email):
                return found
        # The same name in the same organisation, when e-mail addresses do not say otherwise.
        found = self.names.get(key)
        if found is not None and not (row.emails and found in self.with_email):
            return found
        return None

    def remember(
        self, cid: int, uuid: str | None, row: NewContact, key: tuple[str, int | None]
    ) -> None:
        """Rows later in the file match this one too."""
        if uuid:
            self.uuids[uuid] = cid
        for email in row.emails:
            self.emails.setdefault(email, cid)
            self.with_email.add(cid)
        for phone in row.phones:
            if phone.e164:
                self.phones.setdefault(phone.e164, cid)
        self.names.setdefault(key, cid)
        self.keys.setdefault(cid, key[0])


def _same_name(ours: str, theirs: str) -> bool:
    """Two folded names of one person: the same, or the same but for tussenvoegsels."""
    from salesnotes.domain.duplicates import words

    return bool(ours) and (ours == theirs or words(ours) == words(theirs))


def _less_precise(theirs: str, ours: str) -> bool:
    """A name that says less than ours: each of its words is one of ours or its initial,
    in order ('Jan Vries', 'J. de Vries' and 'Jan' against 'Jan de Vries')."""
    from salesnotes.domain.duplicates import words

    mine = words(ours)
    position = 0
    for word in words(theirs):
        while position < len(mine) and not mine[position].startswith(word):
            position += 1
        if position == len(mine):
            return False
        position += 1
    return True


def _distinct(addresses: Iterable[Address]) -> list[Address]:
    """Addresses without one that another says all of."""
    kept: list[Address] = []
    for address in addresses:
        if any(other.covers(address) for other in kept):
            continue
        kept = [other for other in kept if not address.covers(other)]
        kept.append(address)
    return kept


def _new_note(row: NewContact) -> str:
    """A new contact's note: the file's own, then the lines the import writes."""
    lines = [row.note] if row.note else []
    lines += [text for text, _ in row.written]
    return "\n".join(dict.fromkeys(lines))


def _update(contacts: Contacts, cid: int, row: NewContact, now: str) -> list[str]:
    """Bring contact ``cid`` up to what ``row`` says, never to less than it knows; return
    the names of what changed."""
    from datetime import date as day

    contact = contacts.get(cid)
    changes: dict[str, Any] = {}
    changed: list[str] = []
    named = row.name not in row.emails and row.name != row.organisation  # not a stand-in
    name = row.name if named and not _less_precise(row.name, contact.name) else ""
    for field, theirs, ours in (
        ("name", name, contact.name),
        ("organisation", row.organisation, contact.organisation),
        ("job_title", row.job_title, contact.job_title),
        ("department", row.department, contact.department),
        ("city", row.city, contact.city),
        ("status", row.status, contact.status),
        ("every", row.every, contact.every),
    ):
        if theirs and fold(theirs) != fold(ours or ""):
            changes[field] = theirs
            changed.append(field)
    birthday = row.birthday
    if birthday and contact.birthday and birthday.startswith("--"):
        birthday = None if contact.birthday.endswith(birthday[2:]) else birthday
    if birthday and birthday != contact.birthday:
        changes["birthday"] = birthday
        changed.append("birthday")
    since = row.customer_since
    if since and since != (contact.customer_since.isoformat() if contact.customer_since else ""):
        changes["customer_since"] = day.fromisoformat(since)
        changed.append("customer_since")
    note = _added_note(contact.note, row)
    if note != contact.note:
        changes["note"] = note
        changed.append("note")
    emails = [e for e in row.emails if e not in contact.emails]
    phones = [
        p
        for p in row.phones
        if p.typed not in contact.phones and not (p.e164 and cid in contacts.with_phone(p.e164))
    ]
    kinds = [p for p in row.phones if p.kind and p not in phones]
    if kinds and contacts.know_kinds(cid, kinds):
        changed.append("phone_kind")
    tags = [t for t in row.tags if t not in contact.tags]
    addresses = [
        a
        for a in _distinct(row.addresses)
        if not any(o.covers(a) for o in contact.addresses)
        and a != Address(city=contact.city or row.city)  # only the city they are in
    ]
    changed += [
        what
        for what, new in (
            ("email", emails), ("phone", phones), ("tags", tags), ("address", addresses)
        )
        if new
    ]  # fmt: skip
    if changes or emails or phones or tags or addresses:
        contacts.edit(
            cid, now=now, emails=emails, phones=phones, tags=tags, addresses=addresses, **changes
        )
    if row.last_contact and contacts.touch(cid, day.fromisoformat(row.last_contact)):
        changed.append("last_contact")
    return changed


def _added_note(note: str, row: NewContact) -> str:
    """The contact's note with what the row adds: its own note when the contact's does not
    hold it, and each line the import writes that the note holds in no language yet."""
    have = {line.strip() for line in note.splitlines()}
    added: list[str] = []
    if row.note and row.note not in note:
        added.append(row.note)
    for text, variants in row.written:
        if not have.intersection(variants) and text not in added:
            added.append(text)
            have.add(text)
    if not added:
        return note
    return "\n".join([note, *added]) if note else "\n".join(added)


def _reach(db: Database, org_id: int, row: NewContact) -> int:
    """A card of the organisation itself: its phone number (the switchboard before any
    other, never a fax) and e-mail address, where the organisation has none yet; 1 when
    it gained either."""
    numbers = [p for p in row.phones if p.kind != "fax"]
    numbers.sort(key=lambda p: p.kind not in ("main", "work", ""))
    current = db.one("SELECT phone, email FROM organisations WHERE id = ?", (org_id,))
    changes: dict[str, Any] = {}
    if numbers and current is not None and not current[0]:
        changes.update(phone=numbers[0].typed, e164=numbers[0].e164)
    if row.emails and current is not None and not current[1]:
        changes["email"] = row.emails[0]
    if changes:
        assignments = ", ".join(f"{column} = ?" for column in changes)
        db.execute(
            f"UPDATE organisations SET {assignments} WHERE id = ?", (*changes.values(), org_id)
        )
    return 1 if changes else 0


# The tables of a book as ``dump`` writes them and ``restore`` fills them: parents before
# children, each with the order its rows are written in. (A test checks that every table of
# the schema is here: a table added later must not be left out of the whole-book export.)
BOOK = {
    "organisations": "id",
    "contacts": "id",
    "contact_emails": "contact_id, position, email",
    "contact_phones": "contact_id, position, phone",
    "contact_tags": "contact_id, tag",
    "contact_addresses": "id",
    "interactions": "id",
    "quotes": "id",
    "quote_revisions": "id",
    "followups": "id",
    "briefings": "id",
    "erasures": "id",
    "days_off": "id",
}
# Rows a book has once: matched by these columns when a file is merged into a book.
_SAME = {
    "organisations": ("uuid", "name_key"),
    "contacts": ("uuid",),
    "interactions": ("uuid",),
    "quotes": ("uuid",),
    "followups": ("uuid",),
    "quote_revisions": ("quote_id", "number"),
    "contact_emails": ("contact_id", "email"),
    "contact_phones": ("contact_id", "phone"),
    "contact_tags": ("contact_id", "tag"),
    "briefings": ("produced_at", "for_date", "format"),
    "erasures": ("salt", "hash"),
    "contact_addresses": ("contact_id", "kind", "street", "postcode", "city", "country"),
    "days_off": ("owner", "first_day", "last_day"),
}


class BookError(BadInput):
    """A book's rows that cannot go into this database, and where (bad input: exit 2)."""


def book_tables(db: Database) -> list[str]:
    """Every table that holds a book's data: all but SQLite's, the migrations', the
    full-text indexes (which are made from the others) and the undo journal (this book's
    recent edits, not data to move: it holds rows as they were)."""
    rows = db.tuples("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL")]
    return [
        name
        for name, _ in rows
        if not name.startswith(("sqlite_", "_sqlite", "undo_"))
        and name not in virtual
        and not any(name.startswith(f"{v}_") for v in virtual)
    ]


def columns_of(db: Database, table: str) -> tuple[str, ...]:
    """A table's columns, in the schema's order (PostgreSQL's ``rowid`` of the tables without
    an id is the undo journal's, not the book's)."""
    return tuple(c for c in db.columns(table) if c != "rowid")


def own(db: Database) -> None:
    """Rows that came without an owner (loaded, imported, or from a book of before owners)
    belong to the user; a follow-up to its contact's owner."""
    user = db.user
    db.execute("UPDATE contacts SET owner = ? WHERE owner = ''", (user,))
    db.execute(
        "UPDATE followups SET owner = coalesce((SELECT c.owner FROM contacts c"
        " WHERE c.id = followups.contact_id), ?) WHERE owner = ''",
        (user,),
    )
    db.execute("UPDATE interactions SET logged_by = ? WHERE logged_by = ''", (user,))


def dump(db: Database) -> Iterator[tuple[str, tuple[str, ...], Iterator[tuple[Any, ...]]]]:
    """Every table of the book with its columns and its rows, streamed, in ``BOOK`` order."""
    for table, order in BOOK.items():
        columns = columns_of(db, table)
        names = ", ".join(columns)
        yield table, columns, db.stream(f"SELECT {names} FROM {table} ORDER BY {order}")


def restore(
    db: Database, tables: Mapping[str, Sequence[Mapping[str, Any]]]
) -> dict[str, tuple[int, int]]:
    """Put a whole book's rows (table -> rows as column -> value) into this one, in the
    caller's transaction; return per table (added, already there).

    Into an empty book every row keeps its id, so the book is the same book. Into a book
    with data the rows are merged: a row whose UUID (an organisation: or name) the book has
    already is that row, kept as the book has it; the others are added under new ids, and
    what refers to them (a contact's organisation, a follow-up's quote) follows.
    """
    empty = not db.one("SELECT 1 FROM contacts UNION ALL SELECT 1 FROM organisations")
    unknown = sorted(set(tables) - set(BOOK))
    if unknown:
        raise BookError(_("no such part of a book: {unknown}").format(unknown=", ".join(unknown)))
    db.defer_foreign_keys()
    ids: dict[str, dict[Any, Any]] = {table: {} for table in BOOK}
    counts: dict[str, tuple[int, int]] = {}
    later: list[tuple[int, Any]] = []  # (contact, merged into) once every contact has its id
    changed: set[Any] = set()  # contacts whose search row is to be made (again)
    for table in BOOK:
        rows = tables.get(table, ())
        known = columns_of(db, table)
        parents = db.parents(table)  # column -> table it refers to
        added = present = 0
        for number, given in enumerate(rows, start=1):
            strange = [c for c in given if c not in known]
            if strange:
                raise BookError(
                    _("{table} row {number}: no such column: {strange}").format(
                        table=table, number=number, strange=", ".join(strange)
                    )
                )
            row = dict(given)
            if not empty:
                for column, parent in parents.items():
                    if row.get(column) is not None and column != "merged_into":
                        row[column] = ids[parent].get(row[column], row[column])
                existing = _existing(db, table, row)
                if existing is not None:
                    if "id" in row:
                        ids[table][row["id"]] = existing
                    present += 1
                    continue
                if table == "contacts" and row.get("merged_into") is not None:
                    later.append((row["id"], row.pop("merged_into")))
                old = row.pop("id", None)
            names = list(row)
            sql = f"INSERT INTO {table} DEFAULT VALUES"
            if names:
                sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES "
                sql += f"({', '.join('?' * len(names))})"
            values = [row[c] for c in names]
            try:
                new = db.insert(sql, values) if "id" in known else db.execute(sql, values)
            except Conflict as exc:  # a broken rule of the schema, said alike on both
                raise BookError(
                    _("{table} row {number}: {exc}").format(table=table, number=number, exc=exc)
                ) from None
            if not empty and old is not None:
                ids[table][old] = new
            if table == "contacts":
                changed.add(new)
            elif table.startswith("contact_"):
                changed.add(row["contact_id"])
            added += 1
        counts[table] = (added, present)
    for contact, target in later:
        db.execute(
            "UPDATE contacts SET merged_into = ? WHERE id = ?",
            (ids["contacts"].get(target, target), ids["contacts"][contact]),
        )
    broken = db.broken_reference()
    if broken:
        table, parent = broken
        raise BookError(
            _("a row of {table} refers to a {parent} row that is not in the file").format(
                table=table, parent=parent
            )
        )
    own(db)
    for table in BOOK:
        db.reset_ids(table)
    if empty:
        db.execute("DELETE FROM contacts_fts")
        db.execute(f"INSERT INTO contacts_fts ({FTS_COLUMNS}) {fts_row(db.sql)}")
    else:
        for contact_id in sorted(changed):
            db.execute("DELETE FROM contacts_fts WHERE rowid = ?", (contact_id,))
            db.execute(
                f"INSERT INTO contacts_fts ({FTS_COLUMNS}) {fts_row(db.sql)} WHERE c.id = ?",
                (contact_id,),
            )
    return counts


def _existing(db: Database, table: str, row: Mapping[str, Any]) -> Any:
    """The id (or, for a table without ids, 1) of the row the book has already that is
    ``row``; None when it has none."""
    keys = _SAME.get(table, ())
    if not keys or any(column not in row for column in keys):
        return None
    if table == "organisations":  # the same UUID, or else the same name
        for column in keys:
            found = db.one(f"SELECT id FROM organisations WHERE {column} = ?", (row[column],))
            if found:
                return found[0]
        return None
    where = " AND ".join(f"{column} = ?" for column in keys)
    what = "id" if "id" in columns_of(db, table) else "1"
    found = db.one(f"SELECT {what} FROM {table} WHERE {where}", [row[c] for c in keys])
    return found[0] if found else None
