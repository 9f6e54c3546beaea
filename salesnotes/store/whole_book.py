"""A whole book as rows: its tables in the order they are written and filled (``BOOK``), every
row of them out (``dump``), into an empty book (``copy_in``, ``copy-book``) or merged into
one that has rows (``restore``, ``import`` of a book file), with every reference checked."""

from __future__ import annotations

from salesnotes.errors import BadInput, Conflict
from salesnotes.i18n import _
from salesnotes.store.contacts import FTS_COLUMNS, fts_row

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence
    from typing import Any

    from salesnotes.store.database import Database

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
    "calls": "id",
    "mails": "id",
    "mail_strangers": "id",
    "contact_cadence": "contact_id",
    "coaching": "id",
    "team_members": "name",
    "audit_trail": "id",
}
# What only a whole book brings (copied into an empty book, as it is): merged into a book
# with rows, the trail's ids would name that book's rows wrongly, and its team is its own;
# the merge's own rows are recorded in this book's trail as they are added.
_WHOLE_ONLY = ("team_members", "audit_trail")
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
    "briefings": ("produced_at", "for_date", "format", "person", "kind"),
    "erasures": ("salt", "hash"),
    "contact_addresses": ("contact_id", "kind", "street", "postcode", "city", "country"),
    "days_off": ("owner", "first_day", "last_day"),
    "calls": ("owner", "number", "at", "direction"),
    "mails": ("key", "contact_id"),
    "mail_strangers": ("key", "address"),
    "contact_cadence": ("contact_id",),
    "coaching": ("uuid",),
    "team_members": ("name",),
    "audit_trail": ("at", "actor", "tbl", "row_id", "action"),
}


class BookError(BadInput):
    """A book's rows that cannot go into this database, and where (bad input: exit 2)."""


def book_tables(db: Database) -> list[str]:
    """Every table that holds a book's data: all but SQLite's, the migrations', the
    full-text indexes (which are made from the others), the undo journal (this book's
    recent edits, not data to move: it holds rows as they were), the phone's sync state
    (this book's with one server: a copy syncs again and finds its cards by their UIDs) and
    caches (figures counted from the others)."""
    rows = db.tuples("SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name")
    virtual = [name for name, sql in rows if sql and sql.upper().startswith("CREATE VIRTUAL")]
    return [
        name
        for name, _ in rows
        if not name.startswith(("sqlite_", "_sqlite", "undo_", "audit_session", "sync_", "cache_"))
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
    if empty:
        db.without_trail()  # the book's own trail comes with it
    ids: dict[str, dict[Any, Any]] = {table: {} for table in BOOK}
    counts: dict[str, tuple[int, int]] = {}
    later: list[tuple[int, Any]] = []  # (contact, merged into) once every contact has its id
    changed: set[Any] = set()  # contacts whose search row is to be made (again)
    for table in BOOK:
        rows = tables.get(table, ())
        if not empty and table in _WHOLE_ONLY:
            counts[table] = (0, len(rows))
            continue
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
            new = _insert(db, table, row, with_id="id" in known, number=number)
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
    _restored(db, None if empty else changed)
    return counts


def _insert(db: Database, table: str, row: Mapping[str, Any], *, with_id: bool, number: int) -> Any:
    """One row of a book file into ``table``: its new id (with ``with_id``); a broken rule of
    the schema is a bad row, said alike on both databases."""
    names = list(row)
    sql = f"INSERT INTO {table} DEFAULT VALUES"
    if names:
        sql = f"INSERT INTO {table} ({', '.join(names)}) VALUES ({', '.join('?' * len(names))})"
    values = [row[c] for c in names]
    try:
        return db.insert(sql, values) if with_id else db.execute(sql, values)
    except Conflict as exc:
        raise BookError(
            _("{table} row {number}: {exc}").format(table=table, number=number, exc=exc)
        ) from None


def _restored(db: Database, changed: set[Any] | None) -> None:
    """After the rows: every reference checked, the rows made the user's, ids set to go on
    above the highest, and the search rows of the contacts ``changed`` made (None: all)."""
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
    if changed is None:
        db.execute("DELETE FROM contacts_fts")
        db.execute(f"INSERT INTO contacts_fts ({FTS_COLUMNS}) {fts_row(db.sql)}")
        return
    for contact_id in sorted(changed):
        db.execute("DELETE FROM contacts_fts WHERE rowid = ?", (contact_id,))
        db.execute(
            f"INSERT INTO contacts_fts ({FTS_COLUMNS}) {fts_row(db.sql)} WHERE c.id = ?",
            (contact_id,),
        )


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


def copy_in(
    db: Database, tables: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]
) -> None:
    """Load a whole book, streamed as ``dump`` gives it, into this empty book in the
    caller's transaction: every row with its id (SQLite: executemany; PostgreSQL:
    COPY), then the search rows, and every reference checked at the end."""
    db.defer_foreign_keys()
    db.without_trail()  # the book's own trail comes with it
    aside = db.index_later()
    for table, columns, rows in tables:
        if table not in BOOK:
            raise BookError(_("no such part of a book: {unknown}").format(unknown=table))
        known = columns_of(db, table)
        strange = [c for c in columns if c not in known]
        if strange:
            raise BookError(
                _("{table}: no such column: {strange}").format(
                    table=table, strange=", ".join(strange)
                )
            )
        db.load_rows(table, columns, rows)
    _restored(db, None)
    db.index_now(aside)
