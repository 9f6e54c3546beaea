"""The SQLite file: open it, set it up, migrate it, and run one command's transaction.

Opening sets the connection up (WAL, foreign keys, a long busy timeout, full sync), creates the
file 0600 in a 0700 folder on first use, and applies pending migrations under
``BEGIN IMMEDIATE``. A command then runs in one transaction: ``with db.write():`` for anything
that changes data (BEGIN IMMEDIATE, so that a read-then-write never fails on a lock),
``with db.read():`` for a consistent snapshot. Everything in this module is SQLite's own
(PRAGMA, the migrations table, WAL); a PostgreSQL backend has its own connection module.
"""

from __future__ import annotations

import os
import sqlite3

from salesnotes import migrations
from salesnotes.errors import DatabaseError
from salesnotes.i18n import _
from salesnotes.store import dialect
from salesnotes.team import Acting

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from types import TracebackType
    from typing import Any

    Params = Sequence[Any] | dict[str, Any]
    StrPath = str | os.PathLike[str]

    from salesnotes.store.postgres import PostgresDatabase

BUSY_TIMEOUT_MS = 30_000


def new_uuid() -> str:
    """A random UUID (version 4) as text, as ``str(uuid.uuid4())`` gives it: made here from
    16 random bytes because an import makes one per contact and organisation, and this is
    ~5x cheaper (and ``uuid`` costs ~7 ms to import)."""
    data = bytearray(os.urandom(16))
    data[6] = data[6] & 0x0F | 0x40  # version 4
    data[8] = data[8] & 0x3F | 0x80  # the RFC 4122 variant
    h = data.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


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


def migrate(conn: sqlite3.Connection, path: StrPath) -> int:
    """Apply pending migrations in one IMMEDIATE transaction; return how many were applied.

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
            return 0
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
    return len(pending)


class Transaction:
    """``with db.write():`` / ``with db.read():``: one command's transaction, on either
    backend (the database says how it begins, commits and rolls back).

    A write holds the book's write lock from the start (SQLite: BEGIN IMMEDIATE; PostgreSQL:
    an advisory lock), so a read-then-write never fails on a lock or loses an update, and
    commits at the end, or rolls back on any error. A read sees one consistent snapshot.
    """

    __slots__ = ("db", "journal", "note", "step", "writing")

    def __init__(
        self, db: Database | PostgresDatabase, *, writing: bool, journal: str = "none",
        note: str = ""
    ) -> None:  # fmt: skip
        self.db = db
        self.writing = writing
        # rows: recorded row by row; step: recorded as a command undo cannot pass; none
        self.journal = journal if writing and db.label is not None else "none"
        self.note = note
        self.step: tuple[int, int] | None = None

    def __enter__(self) -> None:
        self.db.begin(self.writing)
        if self.journal != "none":
            from salesnotes.store import journal

            rows = self.journal == "rows"
            try:
                self.step = journal.begin(
                    self.db, self.db.label or "", self.db.now, rows=rows, note=self.note
                )
            except BaseException:  # no ``with`` block runs, so no __exit__ would end it
                self.db.rollback()
                raise

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None:
        if not self.db.in_transaction():  # a dry run rolled back itself
            return
        if kind is not None:  # a read too: PostgreSQL has ended it at the error
            self.db.rollback()
            return
        if self.journal != "none":
            from salesnotes.store import journal

            try:
                journal.end(self.db, self.step)
            except BaseException:
                self.db.rollback()
                raise
        self.db.commit()


class Database(Acting):
    """One open SQLite book: its connection and the few ways the store modules use it
    (``store/postgres.py`` has the same for PostgreSQL)."""

    sql = dialect.SQLITE
    __slots__ = ("conn", "label", "now", "path")

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.path = path
        self.label: str | None = None  # the command line ``undo`` names; None: not recorded
        self.now = ""
        self._user: str | None = None

    @classmethod
    def open(cls, path: StrPath, *, create: bool = True) -> Database:
        """Connect and bring the schema up to date (``create``: making a new book in a
        missing or empty file)."""
        path = os.fspath(path)
        conn = connect(path, create=create)
        try:
            migrate(conn, path)
        except BaseException:
            conn.close()
            raise
        return cls(conn, path)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    def write(self, *, journal: str = "rows", note: str = "") -> Transaction:
        """A transaction that changes data, all or nothing; recorded for ``undo`` when the
        book knows which command runs (``label``): ``journal`` 'rows' (row by row), 'step'
        (a step undo cannot pass; ``note`` says how to take it back) or 'none'."""
        return Transaction(self, writing=True, journal=journal, note=note)

    def read(self) -> Transaction:
        """A consistent snapshot for reading."""
        return Transaction(self, writing=False)

    def begin(self, writing: bool) -> None:
        """Begin a transaction: a write takes the write lock at once."""
        self.conn.execute("BEGIN IMMEDIATE" if writing else "BEGIN")

    def in_transaction(self) -> bool:
        """True while a transaction is open."""
        return self.conn.in_transaction

    def commit(self) -> None:
        """Commit the open transaction."""
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        """Undo the open transaction now (a dry run); its ``with`` block then ends quietly."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")

    def one(self, sql: str, params: Params = ()) -> sqlite3.Row | None:
        """The first row of a query, or None."""
        cursor = self.conn.execute(sql, params)
        cursor.row_factory = sqlite3.Row
        row: sqlite3.Row | None = cursor.fetchone()
        return row

    def all(self, sql: str, params: Params = ()) -> list[sqlite3.Row]:
        """Every row of a query."""
        cursor = self.conn.execute(sql, params)
        cursor.row_factory = sqlite3.Row
        return cursor.fetchall()

    def tuples(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        """Every row of a query as plain tuples (the cheapest read, for hot paths)."""
        return self.conn.execute(sql, params).fetchall()

    def heads(self, reads: Sequence[tuple[str, Sequence[Any]]]) -> list[list[tuple[Any, ...]]]:
        """Run several ordered, limited reads as one statement (``UNION ALL`` of subqueries,
        each still walking its own index); return each read's rows, in order."""
        found: list[list[tuple[Any, ...]]] = [[] for _ in reads]
        if not reads:
            return found
        sql = " UNION ALL ".join(
            f"SELECT {n}, * FROM ({select})" for n, (select, _) in enumerate(reads)
        )
        params = [value for _, values in reads for value in values]
        for row in self.conn.execute(sql, params):
            found[row[0]].append(row[1:])
        return found

    def execute(self, sql: str, params: Params = ()) -> int:
        """Run a statement; return the number of rows it changed. A broken rule of the
        schema is a Conflict, said as PostgreSQL's is (store/integrity.py)."""
        try:
            return self.conn.execute(sql, params).rowcount
        except sqlite3.IntegrityError as exc:
            raise _broken(exc) from None

    def insert(self, sql: str, params: Params = ()) -> int:
        """Run an INSERT; return the new row's id."""
        try:
            return int(self.conn.execute(sql, params).lastrowid or 0)
        except sqlite3.IntegrityError as exc:
            raise _broken(exc) from None

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        """Run one statement for many rows."""
        try:
            self.conn.executemany(sql, rows)
        except sqlite3.IntegrityError as exc:
            raise _broken(exc) from None

    def stream(self, sql: str, params: Params = ()) -> Iterator[tuple[Any, ...]]:
        """Rows one by one (a whole table, for copying)."""
        yield from self.conn.execute(sql, params)

    # -- what the store asks of the schema, answered by SQLite's PRAGMAs ---------------------

    def columns(self, table: str) -> list[str]:
        """A table's columns, in the schema's order."""
        return [str(r[1]) for r in self.conn.execute(f"PRAGMA table_info({table})")]

    def parents(self, table: str) -> dict[str, str]:
        """Column -> the table it refers to."""
        return {r[3]: r[2] for r in self.conn.execute(f"PRAGMA foreign_key_list({table})")}

    def changes(self) -> int:
        """Rows changed on this connection so far (compared before and after a step)."""
        return self.conn.total_changes

    def defer_foreign_keys(self) -> None:
        """Check references at the end of the transaction, not row by row."""
        self.conn.execute("PRAGMA defer_foreign_keys = ON")

    def broken_reference(self) -> tuple[str, str] | None:
        """(table, parent) of a row that refers to a missing one, if any."""
        broken = self.conn.execute("PRAGMA foreign_key_check").fetchone()
        return None if broken is None else (str(broken[0]), str(broken[2]))

    def pause_journal(self) -> None:
        """Drop the undo journal's triggers for a step (even idle, they cost a 100k import
        40%); made again by ``resume_journal``, or back with a rollback."""
        from salesnotes.migrations.parts import drop_undo_triggers

        drop_undo_triggers(self.conn)

    def resume_journal(self) -> None:
        """Make the undo journal's triggers again."""
        from salesnotes.migrations.parts import create_undo_triggers

        create_undo_triggers(self.conn)

    def index_later(self) -> str | None:
        """Before loading many rows: the conversations' search trigger set aside (one rebuild
        at the end costs less than indexing row by row) and a 64 MB page cache; what
        ``index_now`` needs to put it back, in this same transaction."""
        row = self.conn.execute(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'interactions_ai'"
        ).fetchone()
        if row is not None:
            self.conn.execute("DROP TRIGGER interactions_ai")
        self.conn.execute("PRAGMA cache_size = -65536")
        return None if row is None else str(row[0])

    def index_now(self, aside: str | None) -> None:
        """After the load: the conversations' search index rebuilt and its trigger back."""
        if aside is not None:
            self.conn.execute("INSERT INTO interactions_fts(interactions_fts) VALUES ('rebuild')")
            self.conn.execute(aside)
        self.conn.execute("PRAGMA cache_size = -2000")

    def erase_for_good(self) -> None:
        """What this connection deletes from now on is overwritten with zeros in the file
        (``forget``), not only unlinked."""
        self.conn.execute("PRAGMA secure_delete = ON")

    def rewrite_search_indexes(self) -> None:
        """Both full-text indexes rewritten whole (FTS5 'optimize'): deleted words leave the
        index's old segments too (``forget``)."""
        for fts in ("contacts_fts", "interactions_fts"):
            self.conn.execute(f"INSERT INTO {fts} ({fts}) VALUES ('optimize')")

    def checkpoint(self) -> bool:
        """After an erasure is committed: the write-ahead log emptied into the file, so no
        old page is left in it. False when another process was reading (it stays until the
        next checkpoint)."""
        busy = self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        return not busy

    def load_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Insert many rows of ``columns`` (ids included) in one go."""
        names = ", ".join(columns)
        marks = ", ".join("?" for _ in columns)
        self.conn.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)

    def next_id(self, table: str) -> int:
        """The id a row added to ``table`` now may take: above every id it has and, for a
        table with AUTOINCREMENT ids (m012), every id it ever gave."""
        row = self.conn.execute(
            f"SELECT max(coalesce((SELECT max(id) FROM {table}), 0),"
            " coalesce((SELECT seq FROM sqlite_sequence WHERE name = ?), 0)) + 1",
            (table,),
        ).fetchone()
        return int(row[0])

    def reset_ids(self, table: str) -> None:
        """After rows were inserted with their ids (SQLite continues above them itself)."""


def _broken(exc: sqlite3.IntegrityError) -> Exception:
    from salesnotes.store.integrity import from_sqlite

    return from_sqlite(exc)
