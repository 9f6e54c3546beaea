"""The database file: creation, settings, migrations, and many writers at once."""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from salesnotes import migrations
from salesnotes.errors import DatabaseError
from salesnotes.store import open_store
from salesnotes.store.sqlite_file import connect, migrate
from tests.conftest import Run, RunJson

DATA = Path(__file__).parent / "data"


pytestmark = pytest.mark.sqlite_only  # the SQLite file itself: settings, migrations, locks


def test_created_on_first_use_0600_in_a_0700_folder(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SALESNOTES_DB")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "new"))
    db = tmp_path / "new" / "salesnotes" / "salesnotes.db"
    run("add", "Jan")
    assert stat.S_IMODE(db.stat().st_mode) == 0o600
    assert stat.S_IMODE(db.parent.stat().st_mode) == 0o700
    # The WAL files exist while salesnotes has the book open and has written; under a
    # permissive umask they still get the book's own mode, never the group's or others' read.
    umask = os.umask(0o000)
    store = open_store(db)
    try:
        with store.db.conn:
            store.db.conn.execute("UPDATE contacts SET name = name")
        for extra in (Path(f"{db}-wal"), Path(f"{db}-shm")):
            assert extra.exists(), extra
            assert stat.S_IMODE(extra.stat().st_mode) == 0o600, extra
    finally:
        store.close()
        os.umask(umask)


def test_default_location_is_the_user_data_folder(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.delenv("SALESNOTES_DB")
    run("add", "Jan")
    expected = tmp_path / "home" / ".local" / "share" / "salesnotes" / "salesnotes.db"
    assert expected.exists()


def test_connection_settings(db_path: Path) -> None:
    store = open_store(db_path)
    try:
        conn = store.db.conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 10_000
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
    finally:
        store.close()


def schema(db: Path) -> list[tuple[str, str]]:
    conn = sqlite3.connect(db)
    try:
        return sorted(
            conn.execute(
                "SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL"
                " AND name NOT LIKE '_sqlite_migrations%'"
            )
        )
    finally:
        conn.close()


def test_migrates_an_empty_database_to_the_latest_schema(db_path: Path) -> None:
    open_store(db_path).close()
    conn = sqlite3.connect(db_path)
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    conn.close()
    assert applied == list(migrations.NAMES)
    tables = {name for name, _ in schema(db_path)}
    assert {"contacts", "organisations", "interactions", "followups"} <= tables


def test_one_schema_history_every_step_with_both_databases_text() -> None:
    """Every module of migrations/ named mNNN_ is a step in NAMES, in order, and each holds
    SQLite's step, PostgreSQL's, and a docstring that says why."""
    import pkgutil

    found = sorted(
        m.name for m in pkgutil.iter_modules(migrations.__path__) if re.match(r"m\d{3}_", m.name)
    )
    assert list(migrations.NAMES) == found
    for name in migrations.NAMES:
        step = migrations.step(name)
        assert callable(step.sqlite), name
        assert isinstance(step.POSTGRES, str) and step.POSTGRES.strip(), name
        assert step.__doc__ and len(step.__doc__) > 80, name


def test_second_open_applies_nothing(db_path: Path) -> None:
    conn = connect(db_path)
    assert migrate(conn, db_path) == list(migrations.NAMES)
    assert migrate(conn, db_path) == []
    conn.close()


def test_upgrades_a_saved_database_of_the_first_version(
    run: Run, run_json: RunJson, tmp_path: Path
) -> None:
    """book-v1.db was written by salesnotes 0.1 at schema m001 and is never regenerated."""
    old = tmp_path / "old.db"
    shutil.copy(DATA / "book-v1.db", old)
    shown = run_json("--db", str(old), "show", "jan")
    assert shown["contact"]["name"] == "Jan de Vries"
    assert shown["interactions"][0]["text"] == "Called about the roof"
    assert [f["due_on"] for f in shown["followups"]] == ["2026-11-27"]
    conn = sqlite3.connect(old)
    applied = [r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    conn.close()
    assert applied == list(migrations.NAMES)
    fresh = tmp_path / "fresh.db"
    open_store(fresh).close()
    assert schema(old) == schema(fresh)


def test_refuses_a_database_from_a_newer_salesnotes(run: Run, db_path: Path) -> None:
    run("add", "Jan")
    conn = sqlite3.connect(db_path)
    conn.execute(
        "INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
        " VALUES ('salesnotes', 'm999_future', 'x')"
    )
    conn.commit()
    conn.close()
    result = run("add", "Anna", expect=1)
    assert "written by a newer salesnotes" in result.stderr
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 1
    conn.close()


def test_refuses_a_file_that_is_not_a_database(run: Run, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("just some text, not a database\n" * 100)
    result = run("--db", str(notes), "contacts", expect=1)
    assert result.stderr.startswith("Error: ")
    assert "not a salesnotes database" in result.stderr
    assert notes.read_text().startswith("just some text")


def test_a_failing_migration_leaves_nothing_behind(
    db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(db: object) -> None:
        raise RuntimeError("boom")

    real = migrations.step

    def step(name: str) -> Any:
        return SimpleNamespace(sqlite=broken) if name == "broken" else real(name)

    monkeypatch.setattr(migrations, "step", step)
    monkeypatch.setattr(migrations, "NAMES", (*migrations.NAMES, "broken"))
    conn = connect(db_path)
    with pytest.raises(RuntimeError):
        migrate(conn, db_path)
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    conn.close()
    assert tables == []  # even m001 was rolled back: one transaction for the lot


def test_one_command_is_one_transaction(run: Run, db_path: Path) -> None:
    """log --next with a bad reason: the interaction is not written without its follow-up."""
    run("add", "Jan")
    run("log", "jan", "hello", "--next", "morgen", "--reason", "nope", expect=2)
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT count(*) FROM interactions").fetchone()[0] == 0
    conn.close()


def _salesnotes(db: Path, *args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "SALESNOTES_DB": str(db)}
    return subprocess.run(
        [sys.executable, "-m", "salesnotes", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_parallel_processes_all_succeed_and_nothing_is_lost(tmp_path: Path) -> None:
    """Cron and the salesperson at once, on a database that does not exist yet."""
    db = tmp_path / "shared.db"
    jobs: list[tuple[str, ...]] = []
    for worker in range(6):
        jobs.append(("add", f"Person {worker}", "--org", "Same Org"))
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda args: _salesnotes(db, *args), jobs))
    for result in results:
        assert result.returncode == 0, result.stderr
    writes: list[tuple[str, ...]] = []
    for worker in range(6):
        for n in range(4):
            writes.append(("log", f"Person {worker}", f"call {n}", "--next", "morgen"))
        writes.append(("agenda", "--format", "plain"))
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(lambda args: _salesnotes(db, *args), writes))
    for result in results:
        assert result.returncode == 0, result.stderr
        assert "locked" not in result.stderr
    conn = sqlite3.connect(db)
    assert conn.execute("SELECT count(*) FROM contacts").fetchone()[0] == 6
    assert conn.execute("SELECT count(*) FROM organisations").fetchone()[0] == 1
    assert conn.execute("SELECT count(*) FROM interactions").fetchone()[0] == 24
    assert conn.execute("SELECT count(*) FROM followups").fetchone()[0] == 24
    conn.close()


def test_a_folder_is_not_a_database(run: Run, tmp_path: Path) -> None:
    result = run("--db", str(tmp_path), "agenda", expect=1)
    assert (
        result.stderr
        == f"Error: {tmp_path} is a folder; give a database file, e.g. {tmp_path / 'book.db'}\n"
    )


def test_a_database_path_that_cannot_be_created_is_an_error(run: Run, tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("x")
    result = run("--db", str(blocker / "book.db"), "add", "Jan", expect=1)
    assert result.stderr.startswith(f"Error: the folder {blocker} does not exist")
    with pytest.raises(DatabaseError):
        connect(blocker / "book.db")


def test_new_uuids_are_random_version_4_as_uuid_writes_them() -> None:
    import uuid

    from salesnotes.store.connection import new_uuid

    made = [new_uuid() for _ in range(1000)]
    assert len(set(made)) == 1000
    for text in made:
        parsed = uuid.UUID(text)
        assert (parsed.version, parsed.variant) == (4, uuid.RFC_4122)
        assert str(parsed) == text  # lower case, dashes where uuid puts them


def test_another_programs_database_is_refused_and_left_as_it_was(run: Run, tmp_path: Path) -> None:
    other = tmp_path / "klanten.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE klanten (naam TEXT)")
    conn.execute("INSERT INTO klanten VALUES ('Jan')")
    conn.commit()
    conn.close()
    before = other.read_bytes()
    for args in (("agenda",), ("add", "Jan"), ("demo",)):
        err = run("--db", str(other), *args, expect=1).stderr
        assert "is another program's SQLite database (tables: klanten)" in err
    assert other.read_bytes() == before
    assert not Path(f"{other}-wal").exists()
    # Another program that keeps its migrations with sqlite-utils, as salesnotes does.
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE _sqlite_migrations (migration_set TEXT, name TEXT, applied_at TEXT)")
    conn.execute("INSERT INTO _sqlite_migrations VALUES ('crm', 'm001', '2026-01-01')")
    conn.commit()
    conn.close()
    assert "another program's" in run("--db", str(other), "agenda", expect=1).stderr


def test_a_read_makes_no_book_of_an_empty_file_nor_of_another_programs_new_database(
    run: Run, tmp_path: Path
) -> None:
    # Another program's database before it has tables: its application id says whose it is.
    theirs = tmp_path / "theirs.db"
    conn = sqlite3.connect(theirs)
    conn.execute("PRAGMA application_id = 1196444487")
    conn.commit()
    conn.close()
    empty = tmp_path / "empty.db"
    empty.touch()
    blank = tmp_path / "blank.db"  # an SQLite database without tables or an id
    sqlite3.connect(blank).execute("VACUUM").connection.close()
    files = {path: path.read_bytes() for path in (theirs, empty, blank)}
    for args in (("agenda",), ("search", "jan"), ("contacts",), ("brief",), ("backup",),
                 ("doctor",), ("export",)):  # fmt: skip
        for path in files:
            err = run("--db", str(path), *args, expect=1).stderr
            assert err.startswith("Error: "), (args, path, err)
            assert path.read_bytes() == files[path], (args, path)
            assert not Path(f"{path}-wal").exists()
    assert "there is no book at" in run("--db", str(empty), "agenda", expect=1).stderr
    err = run("--db", str(blank), "agenda", expect=1).stderr
    assert "is an empty SQLite database, not a salesnotes book yet; 'salesnotes add NAME'" in err
    # Not even a command that makes a book makes one in another program's file.
    err = run("--db", str(theirs), "add", "Jan", expect=1).stderr
    assert "another program's SQLite database (application id 0x47504b47)" in err
    assert theirs.read_bytes() == files[theirs]
    # A command that makes a book makes one in an empty file.
    run("--db", str(empty), "add", "Jan")
    assert run("--db", str(empty), "contacts", "-f", "plain").stdout.startswith("1\tJan")
