"""A SQLite book open (``sqlite_file.py`` opens, sets up and migrates the file), and one
command's transaction on it: ``with db.write():`` for anything that changes data (BEGIN
IMMEDIATE, so that a read-then-write never fails on a lock), ``with db.read():`` for a
consistent snapshot. A PostgreSQL backend has its own (store/postgres.py).
"""

from __future__ import annotations

import os
import sqlite3

from salesnotes.store import dialect
from salesnotes.store.sqlite_file import connect, migrate
from salesnotes.team import Acting

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from types import TracebackType
    from typing import Any

    Params = Sequence[Any] | dict[str, Any]
    StrPath = str | os.PathLike[str]

    from salesnotes.store.postgres import PostgresDatabase
    from salesnotes.team import Seat


def new_uuid() -> str:
    """A random UUID (version 4) as text, as ``str(uuid.uuid4())`` gives it: made here from
    16 random bytes because an import makes one per contact and organisation, and this is
    ~5x cheaper (and ``uuid`` costs ~7 ms to import)."""
    data = bytearray(os.urandom(16))
    data[6] = data[6] & 0x0F | 0x40  # version 4
    data[8] = data[8] & 0x3F | 0x80  # the RFC 4122 variant
    h = data.hex()
    return f"{h[:8]}-{h[8:12]}-{h[12:16]}-{h[16:20]}-{h[20:]}"


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
    __slots__ = ("conn", "label", "now", "path", "seat", "upgraded", "writing")

    def __init__(self, conn: sqlite3.Connection, path: str) -> None:
        self.conn = conn
        self.writing = False  # the open transaction writes (its commit ends the trail's session)
        self.seat: Seat | None = None  # a file has no team: no server says who the user is
        self.upgraded: list[str] = []  # the schema's steps opening the book applied
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
            steps = migrate(conn, path)
        except BaseException:
            conn.close()
            raise
        db = cls(conn, path)
        db.upgraded = steps
        return db

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
        """Begin a transaction: a write takes the write lock at once, and names who writes
        and with which command for the audit trail's triggers (m018)."""
        self.conn.execute("BEGIN IMMEDIATE" if writing else "BEGIN")
        self.writing = writing
        if writing:
            self.conn.execute(
                "UPDATE audit_session SET at = coalesce(nullif(?, ''),"
                " strftime('%Y-%m-%dT%H:%M:%SZ', 'now')), actor = ?, command = ? WHERE id = 1",
                self.audit_values(),
            )

    def in_transaction(self) -> bool:
        """True while a transaction is open."""
        return self.conn.in_transaction

    def commit(self) -> None:
        """Commit the open transaction (with the audit trail's session emptied again: a
        command that changed nothing leaves the file as it was)."""
        if self.writing:
            self.writing = False
            self.conn.execute(
                "UPDATE audit_session SET at = '', actor = '', command = '' WHERE id = 1"
            )
        self.conn.execute("COMMIT")

    def rollback(self) -> None:
        """Undo the open transaction now (a dry run); its ``with`` block then ends quietly."""
        self.writing = False
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

    def pause_trail(self) -> tuple[str, str, str] | None:
        """The audit trail's row triggers off for a batch of new contacts (the session as it
        was, for ``resume_trail``)."""
        row = self.conn.execute("SELECT at, actor, command FROM audit_session").fetchone()
        self.conn.execute("UPDATE audit_session SET at = '' WHERE id = 1")
        return (str(row[0]), str(row[1]), str(row[2])) if row and row[0] else None

    def resume_trail(self, paused: tuple[str, str, str] | None, added: Sequence[int]) -> None:
        """The batch's new contacts in the trail, in one statement, and its triggers on
        again (as they were: off when they were off)."""
        if paused is None:
            return
        for start in range(0, len(added), 500):
            part = ", ".join(str(int(i)) for i in added[start : start + 500])
            self.conn.execute(
                "INSERT INTO audit_trail (at, actor, command, tbl, row_id, contact_id, action,"
                " new_value) SELECT ?, ?, ?, 'contacts', id, id, 'created', owner FROM contacts"
                f" WHERE id IN ({part}) ORDER BY id",
                paused,
            )
        self.conn.execute(
            "UPDATE audit_session SET at = ?, actor = ?, command = ? WHERE id = 1", paused
        )

    def without_trail(self) -> None:
        """The rest of this transaction writes no audit trail (a whole book copied in
        brings its own)."""
        self.conn.execute("UPDATE audit_session SET at = '' WHERE id = 1")

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
