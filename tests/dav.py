"""Throwaway DAV servers for the tests: real ones, never a mock, as tests/pg.py starts
PostgreSQL. Each runs as its own process on loopback with a password, in a temporary folder,
and is stopped and removed at the end:

- **Radicale** (PyPI, in the test extra): plain HTTP, htpasswd (plain) authentication;
- **Xandikos** (PyPI): HTTPS with its own self-signed certificate for ``localhost``
  (``--autocert``; it will not take a password over plain HTTP), htpasswd (bcrypt); the
  certificate is the ``ca_file``.

Without the package, the tests that need a server are skipped, saying why.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass

USER, PASSWORD = "anouk", "geheim-wachtwoord"


@dataclass
class Server:
    """A running DAV server: where it is, who may log in, the CA to trust (None: plain
    HTTP), and how to stop it."""

    kind: str
    url: str
    user: str
    password: str
    ca_file: str | None
    process: subprocess.Popen[bytes]
    folder: str

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait(port: int, process: subprocess.Popen[bytes], folder: str) -> str | None:
    """None when the server listens within 20 s; else why not (its log)."""
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            socket.create_connection(("localhost", port), timeout=1).close()
            return None
        except OSError:
            time.sleep(0.05)
    log = os.path.join(folder, "log")
    with open(log, encoding="utf-8", errors="replace") as f:
        return f.read()[-500:] or "it did not start"


def radicale() -> tuple[Server | None, str]:
    """Radicale on a free port, or None and why."""
    try:
        import radicale as _  # noqa: F401
    except ImportError:
        return None, "radicale is not installed (pip install -e '.[test]')"
    folder = tempfile.mkdtemp(prefix="salesnotes-radicale-")
    users = os.path.join(folder, "users")
    with open(users, "w", encoding="utf-8") as f:
        f.write(f"{USER}:{PASSWORD}\n")
    port = _free_port()
    command = [
        sys.executable, "-m", "radicale", "--server-hosts", f"127.0.0.1:{port}",
        "--storage-filesystem-folder", os.path.join(folder, "collections"),
        "--auth-type", "htpasswd", "--auth-htpasswd-filename", users,
        "--auth-htpasswd-encryption", "plain", "--logging-level", "warning",
    ]  # fmt: skip
    with open(os.path.join(folder, "log"), "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    failed = _wait(port, process, folder)
    server = Server("radicale", f"http://127.0.0.1:{port}/", USER, PASSWORD, None, process, folder)
    if failed:
        server.stop()
        return None, f"radicale did not start: {failed}"
    return server, ""


def xandikos() -> tuple[Server | None, str]:
    """Xandikos on a free port over HTTPS with its own certificate, or None and why."""
    binary = shutil.which("xandikos") or os.path.join(os.path.dirname(sys.executable), "xandikos")
    if not os.path.exists(binary):
        return None, "xandikos is not installed (pip install -e '.[test]')"
    import bcrypt

    folder = tempfile.mkdtemp(prefix="salesnotes-xandikos-")
    users = os.path.join(folder, "users")
    hashed = bcrypt.hashpw(PASSWORD.encode(), bcrypt.gensalt(rounds=4)).decode()
    with open(users, "w", encoding="utf-8") as f:
        f.write(f"{USER}:{hashed}\n")
    port = _free_port()
    state = os.path.join(folder, "state")
    command = [
        binary, "serve", "-d", os.path.join(folder, "dav"), "--autocreate",
        "--current-user-principal", f"/{USER}/", "-l", "localhost", "-p", str(port),
        "--autocert", "--state-dir", state, "--htpasswd", users, "--no-detect-systemd",
    ]  # fmt: skip
    with open(os.path.join(folder, "log"), "wb") as log:
        process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
    failed = _wait(port, process, folder)
    certificates = [
        os.path.join(root, name)
        for root, _, names in os.walk(state)
        for name in names
        if name.endswith((".crt", ".pem")) and "key" not in name
    ]
    server = Server(
        "xandikos", f"https://localhost:{port}/", USER, PASSWORD,
        certificates[0] if certificates else None, process, folder,
    )  # fmt: skip
    if failed or not certificates:
        server.stop()
        return None, f"xandikos did not start: {failed or 'no certificate'}"
    return server, ""


def serve(kind: str) -> Iterator[Server | None]:
    """For a fixture: the server while the tests run, or None (the reason in ``WHY``)."""
    found, reason = radicale() if kind == "radicale" else xandikos()
    WHY[kind] = reason
    try:
        yield found
    finally:
        if found is not None:
            found.stop()


WHY: dict[str, str] = {}


def server_or_skip(kind: str) -> Iterator[Server]:
    """For a fixture: the server while the tests run; the test skipped without it, or failed
    where SALESNOTES_DAV=required (CI: never skipped there)."""
    import pytest

    for found in serve(kind):
        if found is None:
            why = f"no {kind} for this test: {WHY[kind]}"
            if os.environ.get("SALESNOTES_DAV") == "required":
                pytest.fail(why)
            pytest.skip(why)
        yield found
