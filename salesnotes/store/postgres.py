"""A team's book on PostgreSQL: connect, migrate, and run one command's transaction.

The same store modules run on it as on SQLite: they build each statement with this book's
dialect (``sql``: ``dialect.POSTGRES``, PostgreSQL's text where the two differ), and the only
change made to a statement's text is its ``?`` placeholders as psycopg's ``%s``. Writers take
one lock for the whole book at the start of their transaction (``pg_advisory_xact_lock``), as
SQLite's ``BEGIN IMMEDIATE`` does: a command's read-then-write never meets another's half-way,
so there are no lost updates and no serialization failures to retry; readers see one snapshot
(``REPEATABLE READ READ ONLY``) and are never blocked.

psycopg is imported only here, and this module only when ``--db`` / ``SALESNOTES_DB`` is a
``postgresql://`` URL: the SQLite path never pays for it. The password comes from the URL,
``PGPASSWORD`` or ``~/.pgpass``, as libpq reads them.
"""

from __future__ import annotations

import re

from salesnotes.errors import DatabaseError
from salesnotes.i18n import _
from salesnotes.store import dialect
from salesnotes.store.connection import Transaction
from salesnotes.team import Acting, is_url

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence
    from typing import Any

    import psycopg

    from salesnotes.team import Seat

    Params = Sequence[Any] | dict[str, Any]

BOOK_LOCK = 7_245_871_104
"""The advisory lock a writing command holds (any number no other program of the team's
database uses; salesnotes' own)."""
MIGRATIONS_TABLE = "salesnotes_migrations"
GUARD_REFUSED = "42SN1"
"""The SQLSTATE of a change the server's guard refused (m018): class 42, access rule
violation, with a subclass of salesnotes' own; its DETAIL says what and whose, as JSON."""


def has_password(url: str) -> bool:
    """True when a PostgreSQL URL carries a password (in its user part or its query)."""
    if not is_url(url):
        return False
    head = url.split("?", 1)[0]
    return bool(re.search(r"://[^/@:]*:[^/@]*@", head)) or "password=" in url


def shown(url: str) -> str:
    """The URL without its password, for messages."""
    return re.sub(r"(://[^/@:]*):[^/@]*@", r"\1:***@", url)


class Row(tuple):  # type: ignore[type-arg]
    """A row read by position or by column name, as ``sqlite3.Row`` is."""

    __slots__ = ()
    names: dict[str, int] = {}

    def __getitem__(self, key: Any) -> Any:
        if isinstance(key, str):
            return tuple.__getitem__(self, self.names[key])
        return tuple.__getitem__(self, key)

    def keys(self) -> list[str]:
        return list(self.names)


def _row_factory(cursor: Any) -> Any:
    description = cursor.description or ()
    names = {column.name: n for n, column in enumerate(description)}
    shape = type("Row", (Row,), {"__slots__": (), "names": names})
    return lambda values: shape(values)


def _psycopg() -> Any:
    try:
        import psycopg
    except ImportError:
        raise DatabaseError(
            _("a PostgreSQL book needs the driver: pip install 'salesnotes[postgres]' (psycopg 3)")
        ) from None
    return psycopg


def connect(url: str) -> psycopg.Connection[Any]:
    """Open the database ``url`` names, in autocommit (transactions are begun explicitly)."""
    driver = _psycopg()
    try:
        # Client-side binding: values go into the statement as literals, so that a value
        # with no type of its own (``? IS NULL``) is read as SQLite reads it, not refused.
        conn = driver.connect(
            url, autocommit=True, application_name="salesnotes", cursor_factory=driver.ClientCursor
        )
    except driver.Error as exc:
        lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
        reason = "; ".join(dict.fromkeys(lines)) or type(exc).__name__
        raise DatabaseError(
            _("cannot open the PostgreSQL book {url}: {reason}").format(
                url=shown(url), reason=reason
            )
        ) from None
    _numbers_as_python(conn)
    opened: psycopg.Connection[Any] = conn
    return opened


def _numbers_as_python(conn: Any) -> None:
    """``numeric`` (what ``sum`` and ``avg`` of integers give) as int when whole, else float:
    the numbers SQLite gives, so the models need not know the backend."""
    from psycopg.adapt import Loader

    class NumericLoader(Loader):
        def load(self, data: Any) -> Any:
            text = bytes(data).decode()
            if "." in text or "e" in text.lower() or text in ("NaN", "Infinity", "-Infinity"):
                return float(text)
            return int(text)

    conn.adapters.register_loader("numeric", NumericLoader)


class PostgresDatabase(Acting):
    """One open PostgreSQL book: the same few methods the store modules use on SQLite's."""

    sql = dialect.POSTGRES
    __slots__ = ("conn", "label", "now", "open", "path", "seat", "upgraded")

    def __init__(self, conn: psycopg.Connection[Any], url: str) -> None:
        self.conn = conn
        self.path = url
        self.label: str | None = None
        self.now = ""
        self.open = False
        self._user: str | None = None
        self.seat: Seat | None = None  # who the server says the user is (read on opening)
        self.upgraded: list[str] = []  # the schema's steps opening the book applied

    @classmethod
    def open_url(cls, url: str, *, create: bool = True) -> PostgresDatabase:
        """Connect, and bring the schema up to date when it is not (``create``: an empty
        database becomes a new book; without it, only a book is opened)."""
        from salesnotes.store.postgres_schema import up_to_date

        db = cls(connect(url), url)
        try:
            up_to_date(db, url, create)
        except BaseException:
            db.close()
            raise
        return db

    def close(self) -> None:
        self.conn.close()

    def write(self, *, journal: str = "rows", note: str = "") -> Transaction:
        return Transaction(self, writing=True, journal=journal, note=note)

    def read(self) -> Transaction:
        return Transaction(self, writing=False)

    def begin(self, writing: bool) -> None:
        """Begin: a write takes the book's lock first (see the module), a read one snapshot."""
        if writing:
            self.conn.execute("BEGIN ISOLATION LEVEL READ COMMITTED")
            at, actor, command = self.audit_values()
            self.conn.execute(  # the lock, and who writes with which command for the trail
                "SELECT pg_advisory_xact_lock(%s), set_config('salesnotes.at', %s, true),"
                " set_config('salesnotes.actor', %s, true),"
                " set_config('salesnotes.command', %s, true)",
                (BOOK_LOCK, at, actor, command),
            )
        else:
            self.conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        self.open = True

    def in_transaction(self) -> bool:
        return self.open

    def commit(self) -> None:
        self.open = False
        try:
            self.conn.execute("COMMIT")
        except _psycopg().Error as exc:
            raise self.failure(exc) from None

    def rollback(self) -> None:
        if self.open:
            self.open = False
            self.conn.execute("ROLLBACK")

    def failure(self, exc: Exception) -> Exception:
        """A database error as the store's own: a broken constraint is a conflict with what
        the book holds, anything else the database's problem, in words."""
        psycopg = _psycopg()
        if isinstance(exc, psycopg.errors.IntegrityError):
            from salesnotes.store.integrity import from_postgres

            return from_postgres(exc)
        if isinstance(exc, psycopg.Error):
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            if getattr(exc, "sqlstate", None) == GUARD_REFUSED:
                from salesnotes.store.integrity import refusal

                return refusal(str(getattr(exc.diag, "message_detail", "") or "{}"))
            if isinstance(exc, psycopg.errors.InsufficientPrivilege):
                if self.seat is not None and self.seat.role == "read" and self.seat.name:
                    from salesnotes.store.integrity import refusal

                    return refusal(f'{{"what": "read_only", "owner": "{self.seat.name}"}}')
                return DatabaseError(
                    _(
                        "your database role may not do this in the PostgreSQL book {url}: "
                        "{reason} (the book's owner grants what a role may do)"
                    ).format(url=shown(self.path), reason=first)
                )
            return DatabaseError(
                _("the PostgreSQL book {url} failed: {reason}").format(
                    url=shown(self.path), reason=first
                )
            )
        return exc

    def _run(self, sql: str, params: Params, row_factory: Any = None) -> Any:
        cursor = self.conn.cursor(row_factory=row_factory) if row_factory else self.conn.cursor()
        try:
            cursor.execute(self.sql.statement(sql), params)
        except _psycopg().Error as exc:
            raise self.failure(exc) from None
        return cursor

    def one(self, sql: str, params: Params = ()) -> Any:
        row = self._run(sql, params, _row_factory).fetchone()
        return row

    def all(self, sql: str, params: Params = ()) -> list[Any]:
        return list(self._run(sql, params, _row_factory).fetchall())

    def tuples(self, sql: str, params: Params = ()) -> list[tuple[Any, ...]]:
        return list(self._run(sql, params).fetchall())

    def stream(self, sql: str, params: Params = ()) -> Iterator[tuple[Any, ...]]:
        """Rows one by one (a whole table, for copying)."""
        with self.conn.cursor(name="salesnotes_stream") as cursor:
            cursor.execute(self.sql.statement(sql), params)
            yield from cursor

    def heads(self, reads: Sequence[tuple[str, Sequence[Any]]]) -> list[list[tuple[Any, ...]]]:
        """The reads sent together in pipeline mode: one round trip to the server for all of
        them (the agenda's first pages are some forty reads; a team's server is often across a
        network), each still its own statement walking its own index."""
        driver = _psycopg()
        if len(reads) < 2 or not driver.Pipeline.is_supported():
            return [self.tuples(select, values) for select, values in reads]
        try:
            with self.conn.pipeline():
                sent = [
                    self.conn.execute(self.sql.statement(select), values)
                    for select, values in reads
                ]
            return [list(cursor.fetchall()) for cursor in sent]
        except driver.Error as exc:
            raise self.failure(exc) from None

    def execute(self, sql: str, params: Params = ()) -> int:
        return int(self._run(sql, params).rowcount)

    def insert(self, sql: str, params: Params = ()) -> int:
        row = self._run(sql + " RETURNING id", params).fetchone()
        return int(row[0]) if row else 0

    def executemany(self, sql: str, rows: Iterable[Sequence[Any]]) -> None:
        batch = list(rows)
        if batch:
            with self.conn.cursor() as cursor:
                try:
                    cursor.executemany(self.sql.statement(sql), batch)
                except _psycopg().Error as exc:
                    raise self.failure(exc) from None

    # -- what SQLite answers with PRAGMAs --------------------------------------------------

    def columns(self, table: str) -> list[str]:
        rows = self.tuples(
            "SELECT column_name FROM information_schema.columns WHERE table_schema ="
            " current_schema() AND table_name = ? ORDER BY ordinal_position",
            (table,),
        )
        return [str(r[0]) for r in rows]

    def parents(self, table: str) -> dict[str, str]:
        """Column -> the table it refers to."""
        rows = self.tuples(
            "SELECT a.attname, c.confrelid::regclass::text FROM pg_constraint c"
            " JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = ANY (c.conkey)"
            " WHERE c.contype = 'f' AND c.conrelid = ?::regclass",
            (table,),
        )
        return {str(r[0]): str(r[1]) for r in rows}

    def changes(self) -> int:
        """Rows this transaction has inserted, updated or deleted so far."""
        rows = self.tuples(
            "SELECT coalesce(sum(n_tup_ins + n_tup_upd + n_tup_del), 0)"
            " FROM pg_stat_xact_user_tables"
        )
        return int(rows[0][0])

    def defer_foreign_keys(self) -> None:
        self.conn.execute("SET CONSTRAINTS ALL DEFERRED")

    def broken_reference(self) -> tuple[str, str] | None:
        """(table, parent) of a row referring to a missing one, checked now."""
        psycopg = _psycopg()
        try:
            self.conn.execute("SAVEPOINT salesnotes_check")
            self.conn.execute("SET CONSTRAINTS ALL IMMEDIATE")
            self.conn.execute("RELEASE SAVEPOINT salesnotes_check")
        except psycopg.errors.ForeignKeyViolation as exc:
            self.conn.execute("ROLLBACK TO SAVEPOINT salesnotes_check")
            table = getattr(exc.diag, "table_name", None) or "?"
            detail = str(getattr(exc.diag, "message_detail", "") or "")
            parent = re.search(r'table "(\w+)"', detail)
            return table, parent[1] if parent else "?"
        return None

    def pause_trail(self) -> tuple[str, str, str] | None:
        """Nothing: on a server the trail's triggers are the server's, for every writer
        (a row trigger costs little beside the round trips)."""
        return None

    def resume_trail(self, paused: tuple[str, str, str] | None, added: Sequence[int]) -> None:
        """See ``pause_trail``."""

    def without_trail(self) -> None:
        """The rest of this transaction writes no audit trail and meets no guard (a whole
        book copied in brings its own trail); the server allows it the book's owner only."""
        self.conn.execute("SELECT set_config('salesnotes.loading', 'on', true)")

    def pause_journal(self) -> None:
        """Nothing to drop: the journal's trigger records nothing while no command is being
        recorded (``undo_recording`` is empty during a step)."""

    def resume_journal(self) -> None:
        """See ``pause_journal``."""

    def index_later(self) -> str | None:
        """Nothing to set aside before a load: the search index is the table's own GIN."""
        return None

    def index_now(self, aside: str | None) -> None:
        """After a load: the planner's statistics of the new rows, now."""
        self.conn.execute("ANALYZE")

    def erase_for_good(self) -> None:
        """Nothing to switch on: deleted rows are the server's to vacuum (its autovacuum)."""

    def rewrite_search_indexes(self) -> None:
        """Nothing: the GIN indexes drop a deleted row's entries with it (VACUUM)."""

    def checkpoint(self) -> bool:
        """Nothing to empty: the server's write-ahead log is its own."""
        return True

    def load_rows(self, table: str, columns: Sequence[str], rows: Iterable[Sequence[Any]]) -> None:
        """Insert many rows of ``columns`` (ids included) in one go: COPY."""
        names = ", ".join(columns)
        try:
            with self.conn.cursor().copy(f"COPY {table} ({names}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        except _psycopg().Error as exc:
            raise self.failure(exc) from None

    def reset_ids(self, table: str) -> None:
        """After rows were inserted with their ids: new rows continue above them, and never
        below an id the sequence gave before (a deleted row's id is not given again). The
        sequence is moved on by taking the numbers the rows took (``nextval``), not set
        (``setval``): a salesperson's login may use a sequence, not change it."""
        if "id" not in self.columns(table):
            return
        sequence = f"pg_get_serial_sequence('{table}', 'id')"
        self.tuples(
            f"SELECT count(nextval({sequence})) FROM generate_series(1, (SELECT"
            f" coalesce(max(id), 0) FROM {table}) - coalesce(pg_sequence_last_value("
            f"{sequence}::regclass), 0))"
        )

    def next_id(self, table: str) -> int:
        """The id a row added to ``table`` now may take: above every id it has and every
        id its sequence gave."""
        return int(self.tuples(f"SELECT {self._next(table)}")[0][0])

    @staticmethod
    def _next(table: str) -> str:
        given = f"pg_sequence_last_value(pg_get_serial_sequence('{table}', 'id')::regclass)"
        return f"greatest(coalesce((SELECT max(id) FROM {table}), 0), coalesce({given}, 0)) + 1"
