"""SQL chosen per database: the placeholder tokenizer, and each dialect method on a real book of
each kind (a temporary SQLite file, a throwaway PostgreSQL database)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from salesnotes.store import open_store
from salesnotes.store.dialect import POSTGRES, SQLITE, placeholders
from tests.conftest import postgres_book
from tests.pg import check_every_statement, sqlite_only_text

pytestmark = pytest.mark.sqlite_only  # each test chooses its books itself


@pytest.mark.parametrize(
    ("written", "driven"),
    [
        ("SELECT a FROM t WHERE b = ? AND c = ?", "SELECT a FROM t WHERE b = %s AND c = %s"),
        # A question mark that is not a placeholder stays where it is.
        ("SELECT '?' || ? FROM t", "SELECT '?' || %s FROM t"),
        ("SELECT 'it''s ?' FROM t WHERE a = ?", "SELECT 'it''s ?' FROM t WHERE a = %s"),
        ('SELECT "odd?name" FROM t WHERE a = ?', 'SELECT "odd?name" FROM t WHERE a = %s'),
        ("SELECT a -- why? because\nFROM t WHERE b = ?",
         "SELECT a -- why? because\nFROM t WHERE b = %s"),
        ("SELECT /* a? b? */ a FROM t WHERE b = ?", "SELECT /* a? b? */ a FROM t WHERE b = %s"),
        ("SELECT $$ ? $$, $x$ '? $x$ WHERE a = ?", "SELECT $$ ? $$, $x$ '? $x$ WHERE a = %s"),
        # psycopg reads '%' everywhere in the text, literals too: each is doubled.
        ("SELECT a FROM t WHERE b LIKE '50%' AND c = ?",
         "SELECT a FROM t WHERE b LIKE '50%%' AND c = %s"),
        ("SELECT 100 % 7, ?", "SELECT 100 %% 7, %s"),
        # Words the text holds are never rewritten: LIKE in a literal, a lower-case like.
        ("SELECT 'LIKE ?' WHERE a like ?", "SELECT 'LIKE ?' WHERE a like %s"),
        ("SELECT 'unclosed ?", "SELECT 'unclosed ?"),
    ],
)  # fmt: skip
def test_only_placeholders_change(written: str, driven: str) -> None:
    assert placeholders(written) == driven


def test_the_sqlite_text_is_never_changed() -> None:
    text = "SELECT '?', a FROM t WHERE b LIKE '%x' AND c = ?"
    assert SQLITE.statement(text) is text


@pytest.fixture(params=["sqlite", "postgres"])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Any]:
    book = str(tmp_path / "book.db") if request.param == "sqlite" else postgres_book(request)
    opened = open_store(book)
    yield opened
    opened.close()


def one(store: Any, sql: str, params: tuple[object, ...] = ()) -> object:
    with store.db.read():
        row = store.db.tuples(sql, params)[0]
    return row[0]


def test_each_dialect_method_gives_the_same_answer_on_both(store: Any) -> None:
    sql = store.db.sql
    # The last characters of an expression, not only of a column.
    last = sql.last_characters("coalesce(?, '')", 5)
    assert one(store, f"SELECT {last}", ("1990-04-18",)) == "04-18"
    first, second = "'2026-01-02'", "'2026-01-10'"
    assert one(store, f"SELECT {sql.later(first, second)}") == "2026-01-10"
    assert one(store, f"SELECT {sql.later(second, first)}") == "2026-01-10"
    assert one(store, f"SELECT {sql.days_between(first, second)}") == 8
    # A case-insensitive match, and a question mark and a LIKE inside a literal left alone.
    assert one(store, f"SELECT CASE WHEN 'ABC' {sql.like} ? THEN 'LIKE ?' END", ("a%",)) == (
        "LIKE ?"
    )


def test_an_insert_that_skips_a_duplicate_gives_its_id_or_none(store: Any) -> None:
    """RETURNING comes after PostgreSQL's ON CONFLICT (the old rewrite put it before)."""
    sql = store.db.sql
    with store.db.write(journal="none"):
        first = store.db.insert(
            sql.insert_ignore(
                "organisations (uuid, name, name_key, created_at) VALUES (?, ?, ?, ?)"
            ),
            ("u-1", "Bakker Bouw", "bakker bouw", "2026-11-25T09:00:00Z"),
        )
        again = store.db.insert(
            sql.insert_ignore(
                "organisations (uuid, name, name_key, created_at) VALUES (?, ?, ?, ?)"
            ),
            ("u-1", "Bakker Bouw", "bakker bouw", "2026-11-25T09:00:00Z"),
        )
    assert first > 0
    assert again in (0, first)  # SQLite's lastrowid stays; PostgreSQL returns no row
    with store.db.read():
        assert store.db.tuples("SELECT count(*) FROM organisations")[0][0] == 1


def test_text_is_joined_in_the_order_asked(store: Any) -> None:
    sql = store.db.sql
    with store.db.write(journal="none"):
        cid = store.db.insert(
            "INSERT INTO contacts (uuid, name, name_key, created_at, updated_at)"
            " VALUES ('c-1', 'Jan', 'jan', '2026-11-25', '2026-11-25')"
        )
        for n, email in enumerate(["b@x.nl", "c@x.nl", "a@x.nl"], start=1):
            store.db.execute(
                "INSERT INTO contact_emails (contact_id, email, position) VALUES (?, ?, ?)",
                (cid, email, n),
            )
    joined = one(store, f"SELECT {sql.joined('email', 'contact_emails', 'position')} FROM"
                        " contacts c WHERE c.id = ?", (cid,))  # fmt: skip
    assert joined == "b@x.nl\x1fc@x.nl\x1fa@x.nl"


def test_the_check_of_every_statement_finds_what_it_should() -> None:
    assert sqlite_only_text("INSERT OR IGNORE INTO t VALUES (?)") == "INSERT OR IGNORE"
    assert sqlite_only_text("SELECT substr(coalesce(a, ''), -5)")
    assert sqlite_only_text("SELECT substr(a, -5) FROM t")
    assert sqlite_only_text("SELECT a FROM t WHERE +a < ?")
    assert sqlite_only_text("SELECT 'group_concat(' FROM t") is None
    assert check_every_statement({"SELECT ? WHERE 'x?'": "SELECT %s WHERE 'x%s'"})
    assert not check_every_statement({"SELECT ? WHERE 'x?'": "SELECT %s WHERE 'x?'"})


def test_every_statement_postgresql_was_given_so_far_is_its_own() -> None:
    """Run last in this module: what the PostgreSQL tests above gave the server (the
    PostgreSQL pass of the whole suite checks every statement at its end: conftest)."""
    assert check_every_statement(POSTGRES.seen()) == []


@pytest.mark.parametrize(
    ("statement", "said"),
    [
        (
            "INSERT INTO organisations (uuid, name, name_key, created_at)"
            " VALUES ('u-1', 'Other', 'other', 'x')",
            "the book already holds a row of organisations with the same uuid; nothing was changed",
        ),
        (
            "INSERT INTO organisations (uuid, name, name_key, created_at)"
            " VALUES (NULL, 'Other', 'other', 'x')",
            "organisations.uuid needs a value; nothing was changed",
        ),
        (
            "INSERT INTO contacts (uuid, name, name_key, created_at, updated_at, organisation_id)"
            " VALUES ('c-9', 'Jan', 'jan', 'x', 'x', 999)",
            "a row would refer to one the book does not hold; nothing was changed",
        ),
        (
            "INSERT INTO contacts (uuid, name, name_key, created_at, updated_at)"
            " VALUES ('c-9', '', '', 'x', 'x')",
            "a value is not one the book allows; nothing was changed",
        ),
    ],
)
def test_a_broken_rule_of_the_book_is_the_same_conflict_on_both(
    store: Any, statement: str, said: str
) -> None:
    """Not SQLite's English nor the server's: one sentence, exit 4 (Conflict), nothing kept."""
    from salesnotes.errors import Conflict

    with store.db.write(journal="none"):
        store.db.execute(
            "INSERT INTO organisations (uuid, name, name_key, created_at)"
            " VALUES ('u-1', 'Bakker', 'bakker', 'x')"
        )
    with pytest.raises(Conflict) as caught, store.db.write(journal="none"):
        store.db.execute(statement)
        store.db.execute("INSERT INTO organisations (uuid, name, name_key, created_at)"
                         " VALUES ('u-2', 'Kept?', 'kept', 'x')")  # fmt: skip
    assert caught.value.message == said
    assert caught.value.exit_code == 4
    with store.db.read():
        assert store.db.tuples("SELECT count(*) FROM organisations")[0][0] == 1
