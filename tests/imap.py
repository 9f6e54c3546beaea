"""A throwaway IMAP server for the tests: Debian's Dovecot, never a mock.

Started in a temporary folder on 127.0.0.1 (a free port, IMAP over TLS only, a self-signed
certificate the tests give salesnotes as ``[mail] ca_file``), with one user and password
and a Maildir; stopped and removed at the end. Dovecot as root would drop to its own users;
here the whole server runs as the ``dovecot`` user (``runuser``), owning its folder, as
PostgreSQL's does in ``pg.py``. Without Dovecot the tests that need it are skipped, saying
why, or fail where ``SALESNOTES_IMAP=required`` (CI).
"""

from __future__ import annotations

import imaplib
import os
import shutil
import socket
import ssl
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

USER = "anouk"
PASSWORD = "geheim-imap"  # noqa: S105  the throwaway server's test user

CONFIG = """\
base_dir = {folder}/run
state_dir = {folder}/state
log_path = {folder}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = required
ssl_cert = <{folder}/cert.pem
ssl_key = <{folder}/key.pem
disable_plaintext_auth = yes
auth_mechanisms = plain
default_internal_user = {user}
default_internal_group = {group}
default_login_user = {user}
mail_location = maildir:{folder}/home/%u/Maildir
first_valid_uid = 0
passdb {{
  driver = passwd-file
  args = scheme=PLAIN {folder}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={folder}/home/%u
}}
service imap-login {{
  inet_listener imap {{
    port = 0
  }}
  inet_listener imaps {{
    port = {port}
    ssl = yes
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
"""


class Server:
    """A running Dovecot: where it listens, its certificate, and a way in as the user."""

    def __init__(self, folder: str, port: int, run_as: list[str]) -> None:
        self.folder = folder
        self.port = port
        self.run_as = run_as
        self.ca_file = os.path.join(folder, "cert.pem")
        self.url = f"imaps://127.0.0.1:{port}"
        self.folder_name = "INBOX"

    def client(self) -> imaplib.IMAP4_SSL:
        """A logged-in IMAP connection as the test user (to put mail in, as a mail
        program would)."""
        context = ssl.create_default_context(cafile=self.ca_file)
        conn = imaplib.IMAP4_SSL("127.0.0.1", self.port, ssl_context=context, timeout=30)
        conn.login(USER, PASSWORD)
        return conn

    def deliver(self, folder: str, messages: list[bytes]) -> None:
        """Put messages into a folder (made when it is not there)."""
        conn = self.client()
        try:
            conn.create(f'"{folder}"')  # NO when it exists: fine
            for message in messages:
                typ, data = conn.append(f'"{folder}"', "", None, message)
                assert typ == "OK", data
        finally:
            conn.logout()

    def remake(self, folder: str) -> None:
        """Delete a folder and make it again: its UIDVALIDITY changes."""
        conn = self.client()
        try:
            conn.delete(f'"{folder}"')
            time.sleep(1.1)  # Dovecot's UIDVALIDITY is the time in seconds
            conn.create(f'"{folder}"')
        finally:
            conn.logout()

    def pids(self) -> list[int]:
        """The server's processes: its master and every process under it (the imap process
        serving a connection among them)."""
        found = subprocess.run(
            ["pgrep", "-f", f"{self.folder}/dovecot.conf"], capture_output=True, text=True
        )
        pids = [int(p) for p in found.stdout.split()]
        for pid in pids:
            under = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True)
            pids += [int(p) for p in under.stdout.split() if int(p) not in pids]
        return pids

    def stop(self) -> None:
        subprocess.run(
            [*self.run_as, "doveadm", "-c", f"{self.folder}/dovecot.conf", "stop"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False,
        )  # fmt: skip
        for _ in range(50):
            if not self.pids():
                break
            time.sleep(0.1)
        shutil.rmtree(self.folder, ignore_errors=True)


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start() -> tuple[Server | None, str]:
    """A server, or None and why there is none."""
    dovecot = shutil.which("dovecot") or (
        "/usr/sbin/dovecot" if os.path.exists("/usr/sbin/dovecot") else None
    )
    if dovecot is None:
        return None, "Dovecot is not installed (apt-get install -y dovecot-imapd)"
    if not shutil.which("openssl"):
        return None, "openssl is not installed (for the server's test certificate)"
    folder = tempfile.mkdtemp(prefix="salesnotes-imap-")
    run_as: list[str] = []
    user, group = "dovecot", "dovecot"
    if os.geteuid() == 0:
        if not shutil.which("runuser"):
            return None, "running as root without runuser"
        run_as = ["runuser", "-u", user, "--"]
    else:
        import grp
        import pwd

        user = pwd.getpwuid(os.getuid()).pw_name
        group = grp.getgrgid(os.getgid()).gr_name
    made = subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
         "-keyout", f"{folder}/key.pem", "-out", f"{folder}/cert.pem", "-subj", "/CN=127.0.0.1",
         "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    if made.returncode != 0:
        return None, f"openssl could not make a certificate: {made.stderr.strip()[-200:]}"
    port = _free_port()
    import grp
    import pwd

    uid, gid = pwd.getpwnam(user).pw_uid, grp.getgrnam(group).gr_gid
    with open(f"{folder}/dovecot.conf", "w") as handle:
        handle.write(
            CONFIG.format(folder=folder, port=port, user=user, group=group, uid=uid, gid=gid)
        )
    with open(f"{folder}/passwd", "w") as handle:
        handle.write(f"{USER}:{PASSWORD}::::::\n")
    for part in ("run", "state", "home"):
        os.makedirs(f"{folder}/{part}", exist_ok=True)
    if run_as:
        for root, dirs, files in os.walk(folder):
            for name in [root, *(os.path.join(root, n) for n in dirs + files)]:
                os.chown(name, uid, gid)
    os.chmod(f"{folder}/key.pem", 0o600)
    # Its output to a file: the daemon's children keep a pipe open, and waiting for its end
    # would wait for the server to stop.
    with open(f"{folder}/start.log", "w") as out:
        started = subprocess.run(
            [*run_as, dovecot, "-c", f"{folder}/dovecot.conf"], stdout=out, stderr=out, check=False
        )
    if started.returncode != 0:
        said = Path(f"{folder}/start.log").read_text().strip()[-300:]
        shutil.rmtree(folder, ignore_errors=True)
        return None, f"dovecot did not start: {said}"
    server = Server(folder, port, run_as)
    for _ in range(100):
        try:
            server.client().logout()
            return server, ""
        except (OSError, imaplib.IMAP4.error):
            time.sleep(0.1)
    log = (
        Path(f"{folder}/dovecot.log").read_text()[-300:]
        if os.path.exists(f"{folder}/dovecot.log")
        else ""
    )
    server.stop()
    return None, f"dovecot did not answer: {log}"


def server_or_skip() -> Iterator[Server]:
    """For a fixture: the server while the tests run; skipped without it (failed where
    SALESNOTES_IMAP=required)."""
    import pytest

    found, why = start()
    if found is None:
        if os.environ.get("SALESNOTES_IMAP") == "required":
            pytest.fail(why)
        pytest.skip(why)
    try:
        yield found
    finally:
        found.stop()
