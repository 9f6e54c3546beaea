"""A PostgreSQL book opened: brought up to date when it is not, in one transaction under the
book's lock, and who the server says the user is (``db.seat``), read with the schema's
history. Opening a book that is up to date takes two reads, no lock and no DDL."""

from __future__ import annotations

from salesnotes.errors import DatabaseError
from salesnotes.i18n import _
from salesnotes.store.postgres import BOOK_LOCK, MIGRATIONS_TABLE, _psycopg, shown

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.store.postgres import PostgresDatabase


def applied(db: PostgresDatabase) -> set[str]:
    """The migrations this database has had."""
    rows = db.tuples(
        "SELECT name FROM " + MIGRATIONS_TABLE + " WHERE migration_set = ?",
        ("salesnotes",),
    )
    return {str(r[0]) for r in rows}


def _refuse_another_programs(db: PostgresDatabase, url: str) -> None:
    """A database (schema) with tables but no salesnotes migrations is another program's:
    refused before anything is written to it, as a SQLite file of another program is."""
    tables = [
        str(r[0])
        for r in db.tuples(
            "SELECT table_name FROM information_schema.tables"
            " WHERE table_schema = current_schema() ORDER BY table_name"
        )
    ]
    if not tables or MIGRATIONS_TABLE in tables:
        return
    listed = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
    raise DatabaseError(
        _(
            "{path} is another program's database (tables: {shown}), not a salesnotes "
            "book; it was left as it is. Give salesnotes an empty database or its own book"
            " (--db)"
        ).format(path=shown(url), shown=listed)
    )


def up_to_date(db: PostgresDatabase, url: str, create: bool) -> None:
    """A book that is up to date is opened with two reads: no lock (a reader never waits
    for a writer) and no DDL (a salesperson's own login role may use a book it may not
    change the schema of). Only a book that needs a migration takes the lock and makes
    tables, and only a command that makes a book (``create``) makes one in an empty
    database. A database error is said in a sentence, with the role it happened as."""
    from salesnotes import migrations

    driver = _psycopg()
    try:
        done = _migrations_done(db)
        if done is not None:
            _refuse_newer(done, url)
            if set(migrations.NAMES) <= done:
                return
            seat = db.seat
            if seat is not None and seat.has_team and not seat.owns_book:
                raise DatabaseError(
                    _(
                        "the book {path} needs a newer schema ({steps}), which its owner "
                        "makes: the owner runs 'salesnotes upgrade' (you log in as {login})"
                    ).format(
                        path=shown(url),
                        steps=", ".join(n for n in migrations.NAMES if n not in done),
                        login=seat.login,
                    )
                )
        elif not create:
            _refuse_another_programs(db, url)
            raise DatabaseError(
                _(
                    "{path} holds no salesnotes book yet (an empty database); 'salesnotes add"
                    " NAME', 'import FILE', 'copy-book FROM TO' or, for a team, 'team setup'"
                    " starts one there"
                ).format(path=shown(url))
            )
        migrate(db, url)
    except driver.Error as exc:
        raise _cannot_open(db, url, exc) from None


def _migrations_done(db: PostgresDatabase) -> set[str] | None:
    """The migrations the book has had; None when the database holds no salesnotes book.
    With them, who the server says the user is (``db.seat``), in the same read: a book of
    this schema or a later one opens in one round trip; a book of before the team (m018),
    or none, is looked at more closely."""
    driver = _psycopg()
    try:  # autocommit: a statement that fails leaves nothing to roll back
        rows = db.conn.execute(db.sql.statement(_SCHEMA_AND_SEAT), ("salesnotes",)).fetchall()
    except driver.errors.UndefinedTable:
        row = db.one("SELECT to_regclass(?) IS NOT NULL", (MIGRATIONS_TABLE,))
        return applied(db) if row is not None and row[0] else None
    from salesnotes.team import Seat

    for name, has_team, login, member, role, owns in rows:
        if name is None:
            db.seat = Seat(bool(has_team), str(login), member, role, bool(owns))
    return {str(r[0]) for r in rows if r[0] is not None}


_SCHEMA_AND_SEAT = (
    f"SELECT name, NULL, NULL, NULL, NULL, NULL FROM {MIGRATIONS_TABLE}"
    " WHERE migration_set = ? UNION ALL"
    " SELECT NULL, (SELECT count(*) > 0 FROM team_members), current_user, m.name, m.role,"
    " pg_has_role(current_user, c.relowner, 'MEMBER') FROM pg_class c"
    " LEFT JOIN team_members m ON m.login = current_user"
    " WHERE c.oid = 'team_members'::regclass"
)
"""The schema's steps and who the server says the user is, in one read (m018 on)."""


def _refuse_newer(done: set[str], url: str) -> None:
    from salesnotes import migrations

    unknown = done - set(migrations.NAMES)
    if unknown:
        raise DatabaseError(
            _(
                "{path} was written by a newer salesnotes (schema {unknown}); upgrade "
                "salesnotes to use it"
            ).format(path=shown(url), unknown=", ".join(sorted(unknown)))
        )


def _cannot_open(db: PostgresDatabase, url: str, exc: Exception) -> DatabaseError:
    """What went wrong opening or bringing the book up to date, as a sentence: the
    server's reason, and who we were (a role without the right to change the schema is
    the usual one: the database's owner brings the book up to date)."""
    lines = [line.strip() for line in str(exc).strip().splitlines() if line.strip()]
    reason = "; ".join(dict.fromkeys(lines)) or type(exc).__name__
    try:
        db.conn.rollback()
        row = db.conn.execute("SELECT current_user").fetchone()
        role = str(row[0]) if row else "?"
    except Exception:  # the connection itself is gone: say what we know
        role = "?"
    return DatabaseError(
        _(
            "cannot open the PostgreSQL book {url} as role {role}: {reason}. A book that "
            "needs a new schema is brought up to date by a role that may change it (the "
            "database's owner runs 'salesnotes upgrade')"
        ).format(url=shown(url), role=role, reason=reason)
    )


def migrate(db: PostgresDatabase, url: str) -> list[str]:
    """Apply pending migrations in one transaction, holding the book's lock; return them."""
    from salesnotes import migrations

    conn = db.conn
    conn.execute("BEGIN")
    try:
        conn.execute("SELECT pg_advisory_xact_lock(%s)", (BOOK_LOCK,))
        _refuse_another_programs(db, url)
        conn.execute(
            f"CREATE TABLE IF NOT EXISTS {MIGRATIONS_TABLE} (migration_set TEXT NOT NULL,"
            " name TEXT NOT NULL, applied_at TEXT NOT NULL, PRIMARY KEY (migration_set, name))"
        )
        done = applied(db)
        _refuse_newer(done, url)
        pending = [name for name in migrations.NAMES if name not in done]
        for name in pending:
            migrations.apply_postgres(db, name)
            db.execute(
                f"INSERT INTO {MIGRATIONS_TABLE} (migration_set, name, applied_at)"
                " VALUES (?, ?, to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI:SS'))",
                ("salesnotes", name),
            )
        conn.execute("COMMIT")
    except BaseException:
        conn.execute("ROLLBACK")
        raise
    db.upgraded = pending
    return pending
