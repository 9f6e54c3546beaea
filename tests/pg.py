"""A throwaway PostgreSQL server for the tests: a real one, never a mock.

``SALESNOTES_TEST_POSTGRES`` may name a server to use (a URL whose user may create
databases); otherwise one is started from Debian's ``postgresql`` package (``initdb`` and
``pg_ctl``) in a temporary folder, on a unix socket there (no TCP port), and stopped at the
end. PostgreSQL refuses to run as root: as root the server runs as the ``postgres`` user
(``runuser``). Without either, the tests that need it are skipped, saying why.
"""

from __future__ import annotations

import glob
import itertools
import os
import re
import shutil
import subprocess
import tempfile
from collections.abc import Iterator
from urllib.parse import quote


def _binary(name: str) -> str | None:
    found = sorted(glob.glob(f"/usr/lib/postgresql/*/bin/{name}"), reverse=True)
    return found[0] if found else shutil.which(name)


class Server:
    """A PostgreSQL server the tests may make databases on."""

    def __init__(
        self, base_url: str, stop: list[str] | None = None, folder: str | None = None
    ) -> None:
        self.base_url = base_url
        self.stop_command = stop
        self.folder = folder  # removed with the server
        self.numbers = itertools.count(1)

    def url(self, database: str) -> str:
        head, _, query = self.base_url.partition("?")
        head = head.rsplit("/", 1)[0]
        return f"{head}/{database}" + (f"?{query}" if query else "")

    def new_database(self) -> tuple[str, str]:
        """A new, empty database: its name and URL."""
        import psycopg

        name = f"salesnotes_test_{os.getpid()}_{next(self.numbers)}"
        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'CREATE DATABASE "{name}"')
        return name, self.url(name)

    def drop_database(self, name: str) -> None:
        """Drop a test's database when the test is done (FORCE: a connection the test left
        open is ended), so a run of ~1,000 tests does not leave ~4 GB for the server's stop
        to remove."""
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self.stop_command:
            subprocess.run(self.stop_command, check=False, capture_output=True)
        if self.folder:
            shutil.rmtree(self.folder, ignore_errors=True)


def start() -> tuple[Server | None, str]:
    """A server, or None and the reason there is none."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        return None, "psycopg is not installed (pip install -e '.[postgres,test]')"
    given = os.environ.get("SALESNOTES_TEST_POSTGRES")
    if given:
        return Server(given), ""
    initdb, pg_ctl = _binary("initdb"), _binary("pg_ctl")
    if not initdb or not pg_ctl:
        return None, "PostgreSQL is not installed (apt-get install -y postgresql): no initdb"
    folder = tempfile.mkdtemp(prefix="salesnotes-pg-")
    run_as: list[str] = []
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            return None, "running as root without runuser: PostgreSQL refuses to run as root"
        run_as = ["runuser", "-u", "postgres", "--"]
        shutil.chown(folder, "postgres")
    os.chmod(folder, 0o700)
    data = os.path.join(folder, "data")
    # A Dutch server's text order (ICU, nl-NL), not the C order of SQLite: what compares
    # or sorts text must say so itself (the schema's columns do: COLLATE "C").
    command = [*run_as, initdb, "-D", data, "-A", "trust", "-U", "postgres", "-E", "UTF8",
               "--locale=C.UTF-8", "--no-sync"]  # fmt: skip
    init = subprocess.run(
        [*command, "--locale-provider=icu", "--icu-locale=nl-NL"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if init.returncode != 0:  # a PostgreSQL without ICU
        shutil.rmtree(data, ignore_errors=True)
        init = subprocess.run(command, capture_output=True, text=True, check=False)
    if init.returncode != 0:
        return None, f"initdb failed: {init.stderr.strip()[-300:]}"
    options = f"-k {folder} -c listen_addresses='' -c fsync=off -c synchronous_commit=off"
    started = subprocess.run(
        [*run_as, pg_ctl, "-D", data, "-l", os.path.join(folder, "log"), "-o", options,
         "-w", "start"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if started.returncode != 0:
        return None, f"pg_ctl start failed: {started.stderr.strip()[-300:]}"
    stop = [*run_as, pg_ctl, "-D", data, "-m", "immediate", "stop"]
    url = f"postgresql://postgres@/postgres?host={quote(folder, safe='/')}"
    return Server(url, stop, folder), ""


def server() -> Iterator[Server | None]:
    """For a session fixture: the server while the tests run (None: skipped)."""
    found, reason = start()
    SKIP_REASON[0] = reason
    try:
        yield found
    finally:
        if found is not None:
            found.stop()


SKIP_REASON = [""]


# What a statement given to PostgreSQL must not hold (outside its literals and comments): the
# SQLite text the dialect (salesnotes/store/dialect.py) exists to replace.
SQLITE_ONLY = re.compile(
    r"INSERT\s+OR\s+IGNORE|group_concat\s*\(|julianday\s*\(|INDEXED\s+BY|PRAGMA|json_object\s*\("
    r"|substr\s*\((?:[^()]|\([^()]*\))*,\s*-\d|\bMATCH\b"
    r"|(?:[(,=<>]|\b(?:WHERE|AND|OR|ON|BY|SELECT|NOT))\s*\+\s*[a-z]",
    re.I,
)
LITERALS = re.compile(
    r"'(?:[^']|'')*'|\"(?:[^\"]|\"\")*\"|--[^\n]*|/\*.*?\*/|\$\w*\$.*?\$\w*\$", re.S
)


def sqlite_only_text(sql: str) -> str | None:
    """What in a statement (outside its literals and comments) is SQLite's own, if any."""
    found = SQLITE_ONLY.search(LITERALS.sub("''", sql))
    return found[0] if found else None


def check_every_statement(statements: dict[str, str]) -> list[str]:
    """Every statement PostgreSQL was given: nothing of SQLite's in it, and as many ``%s``
    as the text had placeholders (counted by a scan independent of the tokenizer's)."""
    wrong = []
    for written, driven in statements.items():
        bare = LITERALS.sub("''", written)
        if bare.count("?") != driven.replace("%%", "").count("%s"):
            wrong.append(f"placeholders: {written!r} -> {driven!r}")
        strange = sqlite_only_text(written)
        if strange:
            wrong.append(f"SQLite's {strange!r} on PostgreSQL: {written!r}")
    return wrong


def drop_roles(book_url: str, roles: list[str]) -> None:
    """Drop login and group roles a test made on the server (they are the server's, not the
    book's): what they own and their rights in the book first, then the roles."""
    import psycopg

    head, _, query = book_url.partition("?")
    server_url = f"{head.rsplit('/', 1)[0]}/postgres" + (f"?{query}" if query else "")
    with psycopg.connect(book_url, autocommit=True) as conn:
        for role in roles:
            exists = conn.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,))
            if exists.fetchone():
                conn.execute(f'REASSIGN OWNED BY "{role}" TO CURRENT_USER')  # the database too
                conn.execute(f'DROP OWNED BY "{role}"')
    with psycopg.connect(server_url, autocommit=True) as conn:
        for role in roles:
            conn.execute(f'DROP ROLE IF EXISTS "{role}"')


GROUP_ROLES = ["salesnotes_sales", "salesnotes_manager", "salesnotes_read"]
