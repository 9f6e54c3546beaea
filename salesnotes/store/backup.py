"""Copies of the book: made while others write, checked before they are trusted, and a
health check of the file. All SQLite-specific (the backup API, ``PRAGMA integrity_check``,
``foreign_key_check``, FTS5's ``integrity-check``); a PostgreSQL book is backed up with
``pg_dump``.
"""

from __future__ import annotations

import os
import sqlite3

from salesnotes import migrations
from salesnotes.errors import DatabaseError
from salesnotes.i18n import _
from salesnotes.store.connection import Database
from salesnotes.store.sqlite_file import migrate

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.imported import BookFile

SQLITE_HEADER = b"SQLite format 3\x00"


def copy(db: Database, target: str) -> None:
    """A consistent copy of the book at ``target`` (mode 0600), checked, then renamed into
    place: a half-made or broken copy never has the target's name."""
    from salesnotes.temporary import temporary as unfinished

    folder = os.path.dirname(os.path.abspath(target))
    with unfinished(folder, "backup", ".db") as temporary:
        out = sqlite3.connect(temporary, isolation_level=None)
        try:
            db.conn.backup(out)  # page by page, from one snapshot, while others write
            out.execute("PRAGMA journal_mode = DELETE")  # one self-contained file
            problem = out.execute("PRAGMA integrity_check").fetchone()[0]
        finally:
            out.close()
        if problem != "ok":
            raise DatabaseError(
                _("the copy did not pass SQLite's integrity check: {problem}").format(
                    problem=problem
                )
            )
        os.chmod(temporary, 0o600)
        try:
            os.replace(temporary, target)
        except OSError as exc:
            raise DatabaseError(
                _("cannot write the copy to {target}: {strerror}").format(
                    target=target, strerror=exc.strerror
                )
            ) from None


def check(path: str) -> BookFile:
    """What the file at ``path`` is, if it is a salesnotes book this salesnotes can open;
    DatabaseError saying what it is otherwise. Opened read-only: nothing is written."""
    from urllib.parse import quote

    from salesnotes.imported import BookFile

    try:
        with open(path, "rb") as handle:
            header = handle.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise DatabaseError(_("{path} does not exist").format(path=path)) from None
    except IsADirectoryError:
        raise DatabaseError(_("{path} is a folder; give a backup file").format(path=path)) from None
    except OSError as exc:
        raise DatabaseError(
            _("{path} cannot be read: {strerror}").format(path=path, strerror=exc.strerror)
        ) from None
    if header != SQLITE_HEADER:
        raise DatabaseError(
            _("{path} is not a SQLite database, so not a salesnotes book").format(path=path)
        )
    try:
        conn = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro", uri=True)
    except sqlite3.Error as exc:
        raise DatabaseError(
            _("{path} cannot be opened: {exc}").format(path=path, exc=exc)
        ) from None
    try:
        problem = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if problem != "ok":
            raise DatabaseError(
                _("{path} is damaged (SQLite's integrity check: {problem})").format(
                    path=path, problem=problem
                )
            )
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        if migrations.MIGRATIONS_TABLE not in tables or "contacts" not in tables:
            raise DatabaseError(
                _("{path} is a SQLite database, but not a salesnotes book").format(path=path)
            )
        done = {
            r[0]
            for r in conn.execute(
                f"SELECT name FROM {migrations.MIGRATIONS_TABLE} WHERE migration_set = ?",
                (migrations.MIGRATION_SET,),
            )
        }
        newer = sorted(done - set(migrations.NAMES))
        if newer:
            raise DatabaseError(
                _(
                    "{path} was written by a newer salesnotes (schema {newer}); upgrade "
                    "salesnotes to restore it"
                ).format(path=path, newer=", ".join(newer))
            )
        broken = conn.execute("PRAGMA foreign_key_check").fetchall()
        if broken:
            raise DatabaseError(
                _(
                    "{path} has {broken} rows that refer to rows it does not have (first: "
                    "{table} row {row})"
                ).format(path=path, broken=len(broken), table=broken[0][0], row=broken[0][1])
            )
        contacts = conn.execute("SELECT count(*) FROM contacts").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(
            _("{path} cannot be read as a salesnotes book: {exc}").format(path=path, exc=exc)
        ) from None
    finally:
        conn.close()
    latest = [name for name in migrations.NAMES if name in done]
    return BookFile(
        path=path,
        schema=latest[-1] if latest else "",
        current=len(latest) == len(migrations.NAMES),
        contacts=int(contacts),
        size=os.path.getsize(path),
    )


def replace(db: Database, source: str) -> None:
    """Make the open book a copy of the (checked) book at ``source``, in place: the backup
    API writes it page by page under the write lock, so other processes see the old book
    or the new one. An older schema is migrated after."""
    from urllib.parse import quote

    src = sqlite3.connect(f"file:{quote(os.path.abspath(source))}?mode=ro", uri=True)
    try:
        src.backup(db.conn)
    except sqlite3.Error as exc:
        raise DatabaseError(
            _("{source} could not be restored: {exc}").format(source=source, exc=exc)
        ) from None
    finally:
        src.close()
    if db.conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
        db.conn.execute("PRAGMA journal_mode = WAL")
    migrate(db.conn, db.path)


def health(db: Database) -> list[tuple[bool, str, str]]:
    """The book's own checks: (passed, what, the problem and its fix when not)."""
    found: list[tuple[bool, str, str]] = []
    conn = db.conn
    problem = conn.execute("PRAGMA integrity_check").fetchone()[0]
    found.append(
        (
            problem == "ok",
            _("integrity (PRAGMA integrity_check)"),
            _("{problem}; restore the newest backup: salesnotes restore PATH").format(
                problem=problem
            ),
        )
    )
    broken = conn.execute("PRAGMA foreign_key_check").fetchall()
    found.append(
        (
            not broken,
            _("references between rows (PRAGMA foreign_key_check)"),
            _(
                "{broken} rows refer to rows that are gone (first: {table} row "
                "{row}); restore a backup, or delete them"
            ).format(broken=len(broken), table=broken[0][0], row=broken[0][1])
            if broken
            else "",
        )
    )
    # The search indexes hold exactly the rows they index.
    missing = conn.execute(
        "SELECT count(*) FROM contacts c WHERE NOT EXISTS"
        " (SELECT 1 FROM contacts_fts f WHERE f.rowid = c.id)"
    ).fetchone()[0]
    extra = conn.execute(
        "SELECT count(*) FROM contacts_fts f WHERE NOT EXISTS"
        " (SELECT 1 FROM contacts c WHERE c.id = f.rowid)"
    ).fetchone()[0]
    try:
        conn.execute(
            "INSERT INTO interactions_fts (interactions_fts, rank) VALUES ('integrity-check', 1)"
        )
        talks = ""
    except sqlite3.DatabaseError as exc:
        talks = str(exc)
    in_step = not missing and not extra and not talks
    found.append(
        (
            in_step,
            _("search indexes in step with their tables"),
            _(
                "contacts: {missing} missing, {extra} left over; conversations: {value}; "
                "salesnotes doctor --repair rebuilds them"
            ).format(missing=missing, extra=extra, value=talks or "ok"),
        )
    )
    found.append((True, _("schema {name} (current)").format(name=migrations.NAMES[-1]), ""))
    bad = _bad_days(conn)
    found.append(
        (
            not bad,
            _("dates, times and numbers readable"),
            "; ".join(bad) + _(": written by another program? correct them (dates as YYYY-MM-DD)"),
        )
    )
    return found


def _bad_days(conn: sqlite3.Connection) -> list[str]:
    """Date ('..._on') and time ('..._at') columns with a value SQLite cannot read as one, and
    whole-number columns (ids, amounts in cents) that hold something else."""
    from salesnotes.store.whole_book import BOOK

    bad = []
    for table in BOOK:
        columns = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
        for column in columns:
            if column.endswith(("_cents", "_id", "probability", "calls")) or column == "id":
                rows = conn.execute(
                    f"SELECT rowid, {column} FROM {table} WHERE typeof({column})"
                    " NOT IN ('integer', 'null') LIMIT 3"
                ).fetchall()
                bad += [
                    _("{table} row {row}: {column} = {value!r} (not a whole number)").format(
                        table=table, row=r[0], column=column, value=r[1]
                    )
                    for r in rows
                ]
                continue
            if column == "birthday":  # '1980-03-22' or, without a year, '--03-22'
                rows = conn.execute(
                    "SELECT rowid, birthday FROM contacts WHERE birthday IS NOT NULL AND NOT"
                    " (birthday GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'"
                    " OR birthday GLOB '--[0-1][0-9]-[0-3][0-9]') LIMIT 3"
                ).fetchall()
                bad += [
                    _("contacts row {row}: birthday = {value!r}").format(row=r[0], value=r[1])
                    for r in rows
                ]
                continue
            if not column.endswith(("_on", "_at", "_since")):
                continue
            rows = conn.execute(
                f"SELECT rowid, {column} FROM {table} WHERE {column} IS NOT NULL"
                f" AND {column} <> '' AND julianday({column}) IS NULL LIMIT 3"
            ).fetchall()
            bad += [f"{table} row {r[0]}: {column} = {r[1]!r}" for r in rows]
    return bad


def repair(db: Database) -> None:
    """Rebuild both search indexes from their tables."""
    from salesnotes.store.contacts import FTS_COLUMNS, fts_row

    db.execute("DELETE FROM contacts_fts")
    db.execute(f"INSERT INTO contacts_fts ({FTS_COLUMNS}) {fts_row(db.sql)}")
    db.execute("INSERT INTO interactions_fts (interactions_fts) VALUES ('rebuild')")


def holding(paths: list[str], uuids: list[str]) -> list[str]:
    """Which of the books at ``paths`` hold a contact with one of ``uuids``: each opened
    read-only; a file that is not a readable book is left out."""
    from urllib.parse import quote

    marks = ", ".join("?" for _ in uuids)
    found = []
    for path in paths:
        try:
            conn = sqlite3.connect(f"file:{quote(os.path.abspath(path))}?mode=ro", uri=True)
        except sqlite3.Error:
            continue
        try:
            if conn.execute(f"SELECT 1 FROM contacts WHERE uuid IN ({marks})", uuids).fetchone():
                found.append(path)
        except sqlite3.Error:
            pass
        finally:
            conn.close()
    return found
