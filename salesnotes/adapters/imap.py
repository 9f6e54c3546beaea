"""The user's IMAP server, read-only, through the standard library's ``imaplib`` (IMAP4rev1
is all ``mail sync`` needs: EXAMINE, UID SEARCH and partial UID FETCH; a client library
would add a dependency for no more than that): TLS on connect (``imaps://``, port 993) or
STARTTLS before the login (``imap://``, port 143), never a password in the clear.

A folder is read from the UID after the last one read; its UIDVALIDITY says whether those
UIDs still mean the same messages (when it changed, the folder is read again from the
start, and the mails' keys keep what was logged from being logged twice). Of each message
only the first ``HEAD_BYTES`` are fetched (``BODY.PEEK[]<0.N>``: nothing is marked read).
"""

from __future__ import annotations

import re

from salesnotes.errors import ServerError
from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    import imaplib
    from collections.abc import Iterator

BATCH = 100
"""Messages fetched per request."""

TIMEOUT = 60
"""Seconds before a server that does not answer is given up."""


class Mailbox:
    """A logged-in connection to the user's IMAP server."""

    def __init__(self, url: str, user: str, password: str, ca_file: str = "") -> None:
        import imaplib
        import ssl
        from urllib.parse import urlsplit

        parts = urlsplit(url)
        self.host = parts.hostname or ""
        secure = parts.scheme == "imaps"
        port = parts.port or (993 if secure else 143)
        context = ssl.create_default_context(cafile=ca_file or None)
        self.label = f"{self.host}:{port}"
        try:
            if secure:
                self.conn: imaplib.IMAP4 = imaplib.IMAP4_SSL(
                    self.host, port, ssl_context=context, timeout=TIMEOUT
                )
            else:
                self.conn = imaplib.IMAP4(self.host, port, timeout=TIMEOUT)
                self.conn.starttls(ssl_context=context)
            self.conn.login(user, password)
        except imaplib.IMAP4.error as exc:
            raise ServerError(
                _("the IMAP server {server} refused {user}: {reason}").format(
                    server=self.label, user=user, reason=_said(exc)
                )
            ) from None
        except (OSError, ssl.SSLError) as exc:
            raise ServerError(
                _("the IMAP server {server} cannot be reached: {reason}").format(
                    server=self.label, reason=exc.strerror or exc
                )
            ) from None

    def close(self) -> None:
        """Log out (a server gone already is no matter)."""
        import contextlib

        with contextlib.suppress(Exception):  # leaving: whatever the server says now
            self.conn.logout()

    def folder(self, name: str) -> tuple[str, list[int]]:
        """Open ``name`` read-only: its UIDVALIDITY and its messages' UIDs, in order."""
        typ, __ = self._ask(self.conn.select, _quoted(name), True)
        if typ != "OK":
            raise ServerError(
                _("the IMAP server {server} has no folder '{folder}'").format(
                    server=self.label, folder=name
                )
            )
        found = self._ask(self.conn.response, "UIDVALIDITY")[1]
        validity = (found[0] or b"").decode() if found and isinstance(found[0], bytes) else ""
        typ, data = self._ask(self.conn.uid, "SEARCH", "ALL")
        words = (data[0] or b"").split() if data and isinstance(data[0], bytes) else []
        return validity, sorted(int(w) for w in words if w.isdigit())

    def heads(self, uids: list[int], size: int) -> Iterator[tuple[int, bytes]]:
        """The first ``size`` bytes of each message, with its UID, in batches."""
        for start in range(0, len(uids), BATCH):
            part = uids[start : start + BATCH]
            wanted = ",".join(str(u) for u in part)
            typ, data = self._ask(self.conn.uid, "FETCH", wanted, f"(UID BODY.PEEK[]<0.{size}>)")
            if typ != "OK":
                raise ServerError(
                    _("the IMAP server {server} did not give the messages: {reason}").format(
                        server=self.label, reason=_said(data)
                    )
                )
            for item in data:
                if not isinstance(item, tuple) or len(item) < 2:
                    continue
                match = re.search(rb"UID (\d+)", item[0])
                if match:
                    yield int(match.group(1)), bytes(item[1])

    def _ask(self, how: object, *args: object) -> tuple[str, list[object]]:
        import imaplib
        import ssl

        try:
            typ, data = how(*args)  # type: ignore[operator]
        except (imaplib.IMAP4.abort, OSError, ssl.SSLError) as exc:
            raise ServerError(
                _("the IMAP server {server} went away: {reason}; nothing was logged").format(
                    server=self.label, reason=_said(exc)
                )
            ) from None
        except imaplib.IMAP4.error as exc:
            return "NO", [str(exc).encode()]
        return str(typ), list(data or [])


def _quoted(name: str) -> str:
    """A folder's name as IMAP wants it in a command: quoted, its quotes and backslashes
    escaped."""
    return '"' + name.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _said(what: object) -> str:
    if isinstance(what, list):
        what = b" ".join(x for x in what if isinstance(x, bytes))
    if isinstance(what, bytes):
        return what.decode("utf-8", "replace")
    text = str(what)
    return text[2:-1] if text.startswith(("b'", 'b"')) else text
