"""The phone's server (issue 25, begun): ``sync setup`` against two real DAV servers
(tests/dav.py: Radicale over HTTP, Xandikos over HTTPS with its own certificate), each with a
password, as a salesperson's Nextcloud or Fastmail would be."""

from __future__ import annotations

import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import dav
from tests.conftest import Run

pytestmark = pytest.mark.sqlite_only  # the book is not what these are about


@pytest.fixture(scope="session", params=["radicale", "xandikos"])
def server(request: pytest.FixtureRequest) -> Iterator[dav.Server]:
    yield from dav.server_or_skip(request.param)


@pytest.fixture
def config_file(isolated: Path) -> Path:
    return isolated.parent / "home" / ".config" / "salesnotes" / "config.toml"


def _setup(run: Run, server: dav.Server, *extra: str, expect: int = 0) -> str:
    args = ["sync", "setup", server.url, "--user", server.user, *extra]
    if server.ca_file:
        args += ["--ca-file", server.ca_file]
    result = run(*args, expect=expect)
    return str(result.stdout if expect == 0 else result.stderr)


def test_setup_makes_the_places_on_the_server_and_writes_sync(
    run: Run, server: dav.Server, config_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_SYNC_PASSWORD", server.password)
    config_file.parent.mkdir(parents=True)
    config_file.write_text('[brief]\ntop = 5\n\n[sync]\nurl = "https://old.example/"\n')
    said = _setup(run, server, "--tasks", "Bellen")
    assert said.count("(made now)") == 3 and "Bellen" in said
    written = tomllib.loads(config_file.read_text())
    assert written["brief"] == {"top": 5}  # the rest of the file as it was
    sync = written["sync"]
    assert sync["url"] == server.url and sync["user"] == server.user
    assert {key for key in sync if key in ("addressbook", "tasks", "calendar")} == {
        "addressbook", "tasks", "calendar"
    }  # fmt: skip
    assert "password" not in config_file.read_text().lower().replace("password_command", "")
    again = _setup(run, server, "--tasks", "Bellen")
    assert again.count("(found)") == 3
    assert tomllib.loads(config_file.read_text())["sync"] == sync
    assert "sync.tasks" in run("config").stdout


def test_a_server_that_refuses_is_one_sentence_and_changes_nothing(
    run: Run, server: dav.Server, config_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_SYNC_PASSWORD", "not-the-password")
    told = _setup(run, server, expect=1)
    assert told.startswith("Error: ") and "refused the user name or password (401)" in told
    assert len(told.strip().splitlines()) == 1 and not config_file.exists()
    monkeypatch.setenv("SALESNOTES_SYNC_PASSWORD", server.password)
    if server.ca_file:  # the server's own certificate, not trusted without it
        untrusted = run("sync", "setup", server.url, "--user", server.user, expect=1).stderr
        assert "is not trusted" in untrusted and "ca_file" in untrusted
    nowhere = run("sync", "setup", "ftp://x", "--user", "a", expect=1).stderr
    assert "is not a server's address" in nowhere
    no_ca = run("sync", "setup", server.url, "--user", "a", "--ca-file", "/nope.pem", expect=1)
    assert "ca_file /nope.pem cannot be used" in no_ca.stderr
    assert not config_file.exists()


def test_the_password_comes_from_where_the_user_keeps_it(
    run: Run, server: dav.Server, config_file: Path, isolated: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    monkeypatch.delenv("SALESNOTES_SYNC_PASSWORD", raising=False)
    missing = _setup(run, server, expect=2)  # no terminal to ask on
    assert "no password for anouk at" in missing and "password_command" in missing
    netrc = isolated.parent / "home" / ".netrc"
    netrc.write_text(f"machine localhost login anouk password {server.password}\n"
                     f"machine 127.0.0.1 login anouk password {server.password}\n")  # fmt: skip
    netrc.chmod(0o600)
    assert "(made now)" in _setup(run, server)
    netrc.unlink()
    secret = isolated.parent / "secret.txt"
    secret.write_text(server.password + "\n")
    config_file.write_text(
        config_file.read_text() + f'password_command = "cat {secret}"\n'
    )  # as the user writes it, under [sync]
    assert "(found)" in _setup(run, server)
    assert tomllib.loads(config_file.read_text())["sync"]["password_command"] == f"cat {secret}"


def test_without_the_sync_part_installed_setup_says_how_to_get_it(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    import sys

    monkeypatch.setitem(sys.modules, "defusedxml", None)  # as a plain 'pip install salesnotes'
    monkeypatch.setenv("SALESNOTES_SYNC_PASSWORD", "x")
    told = run("sync", "setup", "https://dav.example", "--user", "a", expect=1).stderr
    assert told.strip() == "Error: the phone's sync needs its part: pip install 'salesnotes[sync]'"
