"""Every test gets its own temporary database and a pinned day; nobody reads the clock or ~."""

from __future__ import annotations

import json
import os
import sqlite3
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from salesnotes.cli import main
from tests import pg

TODAY = "2026-11-25"  # a Wednesday


def invoke(
    args: list[str],
    *,
    input: str | None = None,
    env: dict[str, str] | None = None,
    catch_exceptions: bool = False,
) -> Result:
    """Run the full command line (``salesnotes.cli.main``, what a process runs when the fast
    path hands over) in this process, with its own stdin, stdout and stderr (typer's
    CliRunner isolation). ``main`` builds each command's click command once per run."""
    runner = CliRunner()
    exception: BaseException | None = None
    with runner.isolation(input=input, env=env) as (out, err, both):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 1
            exception = exc if code else None
        except Exception as exc:
            if not catch_exceptions:
                raise
            code, exception = 1, exc
        finally:
            sys.stdout.flush()
            sys.stderr.flush()
        seen = (out.getvalue(), err.getvalue(), both.getvalue())
    return Result(runner, *seen, return_value=None, exit_code=code, exception=exception)


@pytest.fixture(scope="session")
def pg_server() -> Iterator[pg.Server | None]:
    """A throwaway PostgreSQL server for the whole run (tests/pg.py), or None; at its end,
    every statement the run gave PostgreSQL is checked (``pg.check_every_statement``): its
    placeholders turned into psycopg's, and nothing of SQLite's text in it."""
    yield from pg.server()
    from salesnotes.store.dialect import POSTGRES

    wrong = pg.check_every_statement(POSTGRES.seen())
    assert not wrong, "\n".join(wrong[:20])


def postgres_book(request: pytest.FixtureRequest) -> str:
    """The URL of a new, empty PostgreSQL database, dropped when the test is done; the test is
    skipped, saying why, when there is no server."""
    server = request.getfixturevalue("pg_server")
    if server is None:
        if os.environ.get("SALESNOTES_POSTGRES") == "required":  # CI: never skipped there
            pytest.fail(f"no PostgreSQL, and SALESNOTES_POSTGRES=required: {pg.SKIP_REASON[0]}")
        pytest.skip(f"no PostgreSQL for this test: {pg.SKIP_REASON[0]}")
    name: str
    url: str
    name, url = server.new_database()
    request.addfinalizer(lambda: server.drop_database(name))
    return url


BACKEND = os.environ.get("SALESNOTES_TEST_BACKEND", "sqlite")
"""The book the CLI tests run on: 'sqlite' (a file), or 'postgres' (a new database per test on
the throwaway server; ``.ci/run`` runs the CLI tests both ways)."""


@pytest.fixture(scope="session")
def shared_cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the run (the public holidays worked out once, not per test)."""
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated(
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    request: pytest.FixtureRequest,
    shared_cache: Path,
) -> Iterator[Path]:
    """SALESNOTES_DB in a temporary folder, SALESNOTES_TODAY pinned, HOME and XDG folders fake."""
    db = tmp_path / "book.db"
    home = tmp_path / "home"
    home.mkdir()
    if BACKEND == "postgres" and "sqlite_only" not in request.keywords:
        monkeypatch.setenv("SALESNOTES_DB", postgres_book(request))
    else:
        monkeypatch.setenv("SALESNOTES_DB", str(db))
    monkeypatch.setenv("SALESNOTES_TODAY", TODAY)
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / ".local" / "share"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(shared_cache))
    monkeypatch.setenv("TMPDIR", str(tmp_path))
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.setenv("COLUMNS", "200")
    monkeypatch.setenv("TZ", "UTC")
    monkeypatch.setenv("LOGNAME", "anouk")  # the user, whoever runs the tests
    for variable in ("SALESNOTES_USER", "USER", "USERNAME"):
        monkeypatch.delenv(variable, raising=False)
    monkeypatch.delenv("SALESNOTES_CONFIG", raising=False)
    monkeypatch.setenv("LANG", "C.UTF-8")  # English unless a test says otherwise
    for variable in ("LC_ALL", "LC_MESSAGES", "LANGUAGE"):
        monkeypatch.delenv(variable, raising=False)
    from salesnotes import i18n

    i18n.speak(None)  # a test that calls a function directly speaks what its locale says
    yield db


@pytest.fixture
def db_path(isolated: Path) -> Path:
    """The test's database file."""
    return isolated


Run = Callable[..., Result]
RunJson = Callable[..., Any]


@pytest.fixture
def run() -> Run:
    """Invoke the CLI: ``run("add", "Jan")``; ``expect=`` asserts the exit code (default 0)."""

    def run_it(*args: str, expect: int | None = 0, input: str | None = None) -> Result:
        result = invoke(list(args), input=input)
        if expect is not None:
            assert result.exit_code == expect, (
                f"exit {result.exit_code}, expected {expect}\nstdout: {result.stdout}\n"
                f"stderr: {result.stderr}"
            )
        return result

    return run_it


@pytest.fixture
def run_json(run: Run) -> RunJson:
    """Invoke with ``--format json`` and return the parsed output."""

    def invoke(*args: str) -> Any:
        return json.loads(run(*args, "--format", "json").stdout)

    return invoke


def dump(db: Path) -> list[tuple[Any, ...]]:
    """Every row of every table (but the migrations log): to prove a command changed nothing.
    In the PostgreSQL pass, the test's book is SALESNOTES_DB, whatever ``db`` names."""
    book = os.environ.get("SALESNOTES_DB", "")
    if BACKEND == "postgres" and book.startswith("postgresql://"):
        return _dump_postgres(book)
    if not db.exists():
        return []
    conn = sqlite3.connect(db)
    try:
        tables = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'"
                " AND name <> '_sqlite_migrations' ORDER BY name"
            )
        ]
        rows: list[tuple[Any, ...]] = []
        for table in tables:
            rows += [(table, *r) for r in conn.execute(f"SELECT * FROM [{table}] ORDER BY 1")]
        return rows
    finally:
        conn.close()


@pytest.fixture
def book(run: Run) -> dict[str, int]:
    """A small book: a few contacts in organisations. Returns name -> id."""
    people = [
        ("Jan de Vries", "Pluimers Isolatie", "jan@pluimers.nl", "customer"),
        ("Anna Bakker", "Bakker Bouw", "anna@bakkerbouw.nl", "prospect"),
        ("José García", "pluimers isolatie", "jose@pluimers.nl", "customer"),
        ("Thomas Jansen", "Jansen & Zn", "thomas@jansenzn.nl", "customer"),
        ("Janneke Smit", "Smit Advies", "janneke@smit.nl", "lead"),
    ]
    ids = {}
    for name, org, email, status in people:
        out = run("add", name, "--org", org, "--email", email, "--status", status).stdout
        ids[name] = int(out.split("#", 1)[1].split()[0])
    return ids


def drain(fd: int) -> bytes:
    """Everything a pseudo-terminal's other end has written, until it is closed."""
    import os

    seen = b""
    while True:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the other end is closed (Linux says EIO)
            break
        if not chunk:
            break
        seen += chunk
    return seen


def on_a_terminal(args: list[str], env: dict[str, str]) -> bytes:
    """What ``python -m salesnotes ARGS`` shows on a pseudo-terminal (stdin and stdout a
    terminal, as a person has them); its exit must be 0."""
    import os
    import pty
    import subprocess
    import sys

    leader, follower = pty.openpty()
    try:
        done = subprocess.run([sys.executable, "-m", "salesnotes", *args], env=env,
                              stdin=follower, stdout=follower, stderr=subprocess.PIPE,
                              timeout=60)  # fmt: skip
        os.close(follower)
        seen = drain(leader)
    finally:
        os.close(leader)
    assert done.returncode == 0, done.stderr
    return seen


def _dump_postgres(url: str) -> list[tuple[Any, ...]]:
    import psycopg

    rows: list[tuple[Any, ...]] = []
    with psycopg.connect(url) as conn:
        tables = [
            str(r[0])
            for r in conn.execute(
                "SELECT table_name FROM information_schema.tables WHERE table_schema ="
                " current_schema() AND table_name <> 'salesnotes_migrations' ORDER BY 1"
            )
        ]
        for table in tables:
            found = conn.execute(f'SELECT * FROM "{table}"').fetchall()
            rows += [(table, *r) for r in sorted(found, key=repr)]
    return rows


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """In the PostgreSQL pass (SALESNOTES_TEST_BACKEND=postgres) the tests of the SQLite file
    itself are left out: they ran in the SQLite pass, where they belong."""
    if BACKEND != "postgres":
        return
    kept = [item for item in items if "sqlite_only" not in item.keywords]
    config.hook.pytest_deselected(items=[i for i in items if i not in kept])
    items[:] = kept
