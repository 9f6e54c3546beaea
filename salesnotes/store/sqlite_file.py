"""The SQLite file: open it and set it up, and migrate it.

Opening sets the connection up (WAL, foreign keys, a long busy timeout, full sync), creates the
file 0600 in a 0700 folder on first use, refuses a file that is not a book (another program's
database, a text file), and applies pending migrations under ``BEGIN IMMEDIATE``. Everything in
this module is SQLite's own (PRAGMA, the migrations table, WAL); ``connection.Database`` runs
the commands' transactions on what it opens.
"""

from __future__ import annotations

import os
import sqlite3

from salesnotes import migrations
from salesnotes.errors import DatabaseError
from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from typing import Any

    Params = Sequence[Any] | dict[str, Any]
    StrPath = str | os.PathLike[str]


BUSY_TIMEOUT_MS = 30_000


def ensure_file(path: StrPath) -> None:
    """Create the database file 0600 (its folder 0700, and missing folders above it never
    world-writable, whatever the umask) before SQLite opens it. A symlink is followed: the
    file it points to is the book. An empty file (made by someone else) becomes private."""
    path = os.path.realpath(path)
    _not_a_folder(path)
    if os.path.exists(path):
        info = os.stat(path)
        if info.st_size == 0 and info.st_uid == os.getuid():
            os.chmod(path, 0o600)
        return
    ensure_folder(os.path.dirname(path))
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise DatabaseError(
            _("cannot create the database {path}: {strerror}").format(
                path=path, strerror=exc.strerror
            )
        ) from exc
    os.fchmod(fd, 0o600)  # the umask may have taken more; never less
    os.close(fd)


def _not_a_folder(path: str) -> None:
    if os.path.isdir(path):
        example = os.path.join(path, "book.db")
        raise DatabaseError(
            _("{path} is a folder; give a database file, e.g. {example}").format(
                path=path, example=example
            )
        )


def ensure_folder(folder: str) -> None:
    """``folder`` 0700 (salesnotes' own) if it is missing, and each missing folder above it
    as the umask says but never writable by others (under umask 000 os.makedirs would make
    them 0777)."""
    missing = []
    parent = folder
    while parent and not os.path.exists(parent):
        missing.append(parent)
        parent = os.path.dirname(parent)
    umask = os.umask(0o077)
    os.umask(umask)
    try:
        for each in reversed(missing):
            own = each == folder
            mode = 0o700 if own else 0o777 & ~umask & ~0o022
            try:
                os.mkdir(each, mode)
            except FileExistsError:
                continue
            os.chmod(each, mode)
    except OSError as exc:
        raise DatabaseError(
            _("cannot create the folder {folder}: {strerror}").format(
                folder=folder, strerror=exc.strerror
            )
        ) from exc


def open_failure(path: StrPath, exc: sqlite3.DatabaseError) -> DatabaseError:
    """What went wrong opening ``path``, in words: a locked or read-only book is not a
    broken one."""
    text = str(exc)
    if "locked" in text or "busy" in text:
        return DatabaseError(
            _(
                "{path} is locked by another program (for longer than {BUSY_TIMEOUT_MS} "
                "s); close it and try again"
            ).format(path=path, BUSY_TIMEOUT_MS=BUSY_TIMEOUT_MS // 1000)
        )
    if "readonly" in text or "read-only" in text:
        return DatabaseError(
            _(
                "{path} cannot be written: the file or its folder is read-only (SQLite "
                "writes its -wal and -shm files beside the book)"
            ).format(path=path)
        )
    if "unable to open" in text:
        return DatabaseError(
            _("{path} cannot be opened: check the file's and folder's rights").format(path=path)
        )
    return DatabaseError(
        _("{path} is not a salesnotes database ({exc})").format(path=path, exc=exc)
    )


def connect(path: StrPath, *, create: bool = True) -> sqlite3.Connection:
    """Open the database with the settings every command relies on (``create``: making the
    file when it is missing; without it, a file that is not a salesnotes book yet is
    refused before anything is written to it)."""
    if create:
        ensure_file(path)
    elif not os.path.exists(path):
        raise DatabaseError(_("there is no book at {path}").format(path=path))
    else:
        _not_a_folder(os.path.realpath(path))
    # A new book opened by several processes at once (cron and a salesperson) can meet a
    # lock that SQLite reports at once instead of waiting (switching the new file to WAL
    # while another does the same): tried again, within the busy timeout.
    import time

    deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
    while True:
        conn = None
        try:
            conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA synchronous = FULL")
            _refuse_another_programs(conn, path)
            if not create and not applied(conn):
                conn.close()
                raise _not_a_book_yet(path)
            if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
                conn.execute("PRAGMA journal_mode = WAL")
            return conn
        except sqlite3.OperationalError as exc:
            if conn is not None:
                conn.close()
            busy = "locked" in str(exc) or "busy" in str(exc)
            if not busy or time.monotonic() > deadline:
                raise open_failure(path, exc) from exc
            time.sleep(0.05)
        except sqlite3.DatabaseError as exc:
            if conn is not None:
                conn.close()
            raise open_failure(path, exc) from exc


def _not_a_book_yet(path: StrPath) -> DatabaseError:
    empty = os.path.getsize(path) == 0
    return DatabaseError(
        (
            _("there is no book at {path} yet (the file is empty)")
            if empty
            else _("{path} is an empty SQLite database, not a salesnotes book yet")
        ).format(path=path)
        + _("; 'salesnotes add NAME' or 'salesnotes import FILE' starts one there")
    )


def _refuse_another_programs(conn: sqlite3.Connection, path: StrPath) -> None:
    """A SQLite file with tables but no salesnotes migrations is another program's, and so is
    one that carries another program's application id (set before it has tables): refused
    before anything is written to it (not even the switch to WAL)."""
    tables = {
        str(r[0])
        for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        if not str(r[0]).startswith("sqlite_")
    }
    own = applied(conn)
    program = int(conn.execute("PRAGMA application_id").fetchone()[0])
    if program and not own:
        conn.close()
        raise DatabaseError(
            _(
                "{path} is another program's SQLite database (application id {program}), "
                "not a salesnotes book; it was left as it is. Give salesnotes a new file or "
                "its own book (--db)"
            ).format(path=path, program=f"0x{program & 0xFFFFFFFF:08x}")
        )
    if not tables - {migrations.MIGRATIONS_TABLE} or own:
        return
    conn.close()
    shown = ", ".join(sorted(tables)[:5]) + (", ..." if len(tables) > 5 else "")
    raise DatabaseError(
        _(
            "{path} is another program's SQLite database (tables: {shown}), not a "
            "salesnotes book; it was left as it is. Give salesnotes a new file or "
            "its own book (--db)"
        ).format(path=path, shown=shown)
    )


def applied(conn: sqlite3.Connection) -> set[str]:
    """The names of the migrations this database has had."""
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
        (migrations.MIGRATIONS_TABLE,),
    ).fetchone()
    if not exists:
        return set()
    rows = conn.execute(
        f"SELECT name FROM {migrations.MIGRATIONS_TABLE} WHERE migration_set = ?",
        (migrations.MIGRATION_SET,),
    )
    return {row[0] for row in rows}


def migrate(conn: sqlite3.Connection, path: StrPath) -> list[str]:
    """Apply pending migrations in one IMMEDIATE transaction; return the steps applied.

    A database that has migrations this code does not know was written by a newer
    salesnotes: it is refused, and nothing is written.
    """

    def check(done: set[str]) -> list[str]:
        unknown = done - set(migrations.NAMES)
        if unknown:
            raise DatabaseError(
                _(
                    "{path} was written by a newer salesnotes (schema {unknown}); upgrade "
                    "salesnotes to use it"
                ).format(path=path, unknown=", ".join(sorted(unknown)))
            )
        return [name for name in migrations.NAMES if name not in done]

    try:
        pending = check(applied(conn))
        if not pending:
            return []
        # A migration that makes tables anew (SQLite's "12 steps") runs with foreign keys
        # off, which SQLite allows only outside a transaction; every reference is checked
        # before the commit instead.
        rebuilds = any(migrations.rebuilds_tables(name) for name in pending)
        if rebuilds:
            conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.DatabaseError as exc:
        raise open_failure(path, exc) from exc
    try:
        pending = check(applied(conn))  # another process may have migrated while we waited
        if pending:
            from sqlite_utils import Database as SqliteUtilsDatabase

            migrations.build().apply(SqliteUtilsDatabase(conn, execute_plugins=False))
        if rebuilds:
            broken = conn.execute("PRAGMA foreign_key_check").fetchone()
            if broken is not None:
                raise DatabaseError(
                    _(
                        "{path}: a row of {table} refers to a {parent} row that is not there;"
                        " the book was left as it was"
                    ).format(path=path, table=broken[0], parent=broken[2])
                )
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    finally:
        if rebuilds:
            conn.execute("PRAGMA foreign_keys = ON")
    return pending
