"""Mail as plain records: a Maildir, an mbox file, .eml files (and IMAP's messages, which
``adapters/imap.py`` hands here as bytes), read with the standard library's ``email``
package (``policy.default``: RFC 2047 names and subjects decoded, ``get_body`` picks the
text of a multipart/alternative).

Only the first ``HEAD_BYTES`` of a message are read: the headers, the text and the
attachments' names come first, and a 20 MB attachment is never held in memory. An mbox is
read line by line, one message at a time. A message whose MIME structure is broken is read
as far as it is readable (the parser records defects rather than raising); what still
cannot be read is an ``Unreadable`` with its place, never a traceback.

No store and no rules: who a mail is with, what it says about a quote, and whether it is a
newsletter are ``domain/mail.py``'s and ``usecases/mail.py``'s.
"""

from __future__ import annotations

import os
import re

from salesnotes.errors import BadInput
from salesnotes.i18n import _
from salesnotes.imported import Unreadable
from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from datetime import datetime
    from email.message import EmailMessage, Message

HEAD_BYTES = 256 * 1024
"""How much of a message is read: past any text a person writes, short of an attachment."""

TEXT_CHARS = 20_000
"""How much of a message's text is looked at for its first lines and what it names."""


@record
class Mail:
    """One message: its key (the Message-ID, or a hash of its headers), when, who from and
    to (addresses lower-cased, with their display names), what it says, and what marks it
    as written by a machine (a list, an auto-reply, a bounce)."""

    key: str
    at: datetime | None
    sender: tuple[str, str]  # (address, name)
    to: tuple[tuple[str, str], ...]  # To and Cc
    subject: str
    text: str  # the text part (HTML made text), at most TEXT_CHARS
    attachments: tuple[str, ...]
    machine: str  # '' or why it is not a person's: 'list', 'auto-reply', 'bounce', 'bulk'
    where: str


def messages(path: str) -> Iterator[Mail | Unreadable]:
    """Every message at ``path``: a Maildir (a folder with cur/ and new/), a folder of .eml
    files, one .eml file, or an mbox file."""
    if os.path.isdir(path):
        if os.path.isdir(os.path.join(path, "cur")) or os.path.isdir(os.path.join(path, "new")):
            return _maildir(path)
        return _emls(path)
    if not os.path.exists(path):
        raise BadInput(_("{path} does not exist").format(path=path))
    with open(path, "rb") as handle:
        head = handle.read(5)
    if head.startswith(b"From "):
        return _mbox(path)
    return _emls(path)


def _head_of(path: str) -> bytes:
    with open(path, "rb") as handle:
        return handle.read(HEAD_BYTES)


def _maildir(path: str) -> Iterator[Mail | Unreadable]:
    for part in ("cur", "new"):
        folder = os.path.join(path, part)
        if not os.path.isdir(folder):
            continue
        for name in sorted(os.listdir(folder)):
            if name.startswith("."):
                continue
            where = f"{part}/{name}"
            try:
                data = _head_of(os.path.join(folder, name))
            except OSError as exc:
                yield Unreadable(where, str(exc.strerror))
                continue
            yield read(data, where)


def _emls(path: str) -> Iterator[Mail | Unreadable]:
    if os.path.isdir(path):
        names = sorted(n for n in os.listdir(path) if n.lower().endswith(".eml"))
        if not names:
            raise BadInput(
                _("{path} holds no mail: give a Maildir (with cur/ and new/), an mbox file, or "
                  ".eml files").format(path=path)
            )  # fmt: skip
        files = [os.path.join(path, n) for n in names]
    else:
        files = [path]
    for file in files:
        try:
            data = _head_of(file)
        except OSError as exc:
            raise BadInput(
                _("{path} cannot be read: {strerror}").format(path=file, strerror=exc.strerror)
            ) from None
        if not re.match(rb"[\x21-\x39\x3b-\x7e]+:", data[:200].lstrip()):
            raise BadInput(
                _("{name} is not a mail: a mail starts with its headers (From:, Subject:, ...)")
                .format(name=os.path.basename(file))
            )  # fmt: skip
        yield read(data, os.path.basename(file))


def _mbox(path: str) -> Iterator[Mail | Unreadable]:
    """An mbox file one message at a time: memory holds one message's head, whatever the
    size of the file (the standard library's ``mailbox.mbox`` keeps a table of every
    message and reads each whole)."""
    number = 0
    current = bytearray()
    kept = True
    blank = True
    with open(path, "rb") as handle:
        for line in handle:
            if line.startswith(b"From ") and blank:
                if number:
                    yield read(bytes(current), _("message {number}").format(number=number))
                number += 1
                current = bytearray()
                kept = True
            elif kept:
                if line.startswith(b">From "):
                    line = line[1:]
                current += line
                kept = len(current) < HEAD_BYTES
            blank = line in (b"\n", b"\r\n")
    if number:
        yield read(bytes(current), _("message {number}").format(number=number))


def read(data: bytes, where: str) -> Mail | Unreadable:
    """One message's (first) bytes as a Mail; Unreadable when not even its headers are."""
    from email import policy
    from email.parser import BytesParser

    try:
        message = BytesParser(policy=policy.default).parsebytes(data)
    except Exception as exc:  # noqa: BLE001  the email package raises many kinds on bad input
        return Unreadable(where, _("not a readable mail: {reason}").format(reason=exc))
    try:
        return _mail(message, data, where)
    except (ValueError, TypeError, LookupError, AttributeError, IndexError) as exc:
        # A header the parser could not make sense of (a broken MIME structure): the
        # message is logged as far as it is readable, never a traceback.
        return Unreadable(where, _("not a readable mail: {reason}").format(reason=exc))


def _mail(message: EmailMessage, data: bytes, where: str) -> Mail:
    from email.utils import parsedate_to_datetime

    sender = _addresses(message, "From")
    to = _addresses(message, "To") + _addresses(message, "Cc")
    date = None
    written = _header(message, "Date")
    if written:
        try:
            date = parsedate_to_datetime(written)
        except (TypeError, ValueError, IndexError):
            date = None
        if date is not None and date.tzinfo is None:
            date = date.astimezone()
    return Mail(
        _key(message, data),
        date,
        sender[0] if sender else ("", ""),
        tuple(to),
        " ".join(_header(message, "Subject").split()),
        _text(message)[:TEXT_CHARS],
        tuple(_attachments(message)),
        _machine(message, sender[0][0] if sender else ""),
        where,
    )


def western(text: str) -> str:
    """Text that said ISO-8859-1 but was written as Windows-1252 (Outlook's en dash and
    quotes, 0x80-0x9F, are control characters in ISO-8859-1): read as mail programs read it
    (the WHATWG encoding standard makes the one the other)."""
    if not any("\x80" <= ch <= "\x9f" for ch in text):
        return text
    try:
        return text.encode("latin-1").decode("cp1252")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return "".join(" " if "\x80" <= ch <= "\x9f" else ch for ch in text)


def _header(message: Message, name: str) -> str:
    """A header's decoded text ('' when absent or unreadable)."""
    try:
        value = message.get(name)
    except (ValueError, TypeError, IndexError, AttributeError):
        value = message.get_all(name, [""])[0] if hasattr(message, "get_all") else ""
    return western(str(value or "")).strip()


def _addresses(message: Message, name: str) -> list[tuple[str, str]]:
    """(address, name) of each address in a header, addresses lower-cased."""
    from email.utils import getaddresses

    found = []
    try:
        header = message.get(name)
        addresses = getattr(header, "addresses", None)
        if addresses is None:
            raise TypeError(name)
        pairs = [(a.display_name, a.addr_spec) for a in addresses]
    except (AttributeError, ValueError, TypeError, IndexError):
        raw = [str(v) for v in message.get_all(name, [])] if hasattr(message, "get_all") else []
        pairs = getaddresses(raw)
    for display, address in pairs:
        address = address.strip().strip("<>").lower()
        if "@" in address:
            found.append((address, " ".join(western(display).split())))
    return found


def _key(message: Message, data: bytes) -> str:
    """The Message-ID; without one, a hash of the headers that make a mail that mail."""
    ident = _header(message, "Message-ID").strip().strip("<>").strip()
    if ident and " " not in ident:
        return ident.lower()
    import hashlib

    end = data.find(b"\n\n")
    head = data[: end if end >= 0 else 4096]
    parts = [
        line.strip()
        for line in head.splitlines()
        if line.lower().startswith((b"date:", b"from:", b"to:", b"subject:"))
    ]
    return "sha256:" + hashlib.sha256(b"\n".join(sorted(parts))).hexdigest()


def _text(message: EmailMessage) -> str:
    """The message's text: its plain part, else its HTML made text; a part whose charset is
    unknown or whose bytes are not that charset is read with what can be read."""
    try:
        body = message.get_body(preferencelist=("plain", "html"))
    except (KeyError, ValueError, TypeError, AttributeError, IndexError):
        body = None
    if body is None:
        return ""
    try:
        content = body.get_content()
    except (LookupError, ValueError, TypeError, AttributeError, AssertionError):
        payload = body.get_payload(decode=True)
        content = payload.decode("latin-1") if isinstance(payload, bytes) else str(payload or "")
    if not isinstance(content, str):
        return ""
    if body.get_content_subtype() == "html":
        return html_text(western(content))
    return western(content)


def html_text(html: str) -> str:
    """The text a person reads in an HTML mail: paragraphs and line breaks as lines, no
    style, script or markup."""
    from html.parser import HTMLParser

    class Text(HTMLParser):
        def __init__(self) -> None:
            super().__init__(convert_charrefs=True)
            self.parts: list[str] = []
            self.hidden = 0

        def handle_starttag(self, tag: str, attrs: object) -> None:
            if tag in ("style", "script", "head", "title"):
                self.hidden += 1
            elif tag in ("br", "p", "div", "tr", "li", "blockquote", "hr"):
                self.parts.append("\n")

        def handle_endtag(self, tag: str) -> None:
            if tag in ("style", "script", "head", "title"):
                self.hidden = max(0, self.hidden - 1)
            elif tag in ("p", "div", "tr", "li"):
                self.parts.append("\n")

        def handle_data(self, data: str) -> None:
            if not self.hidden:
                self.parts.append(data)

    reader = Text()
    reader.feed(html[: 4 * TEXT_CHARS])
    reader.close()
    lines = [
        " ".join(line.replace("\xa0", " ").split()) for line in "".join(reader.parts).split("\n")
    ]
    return "\n".join(lines)


def _attachments(message: EmailMessage) -> list[str]:
    names = []
    try:
        for part in message.iter_attachments():
            name = part.get_filename()
            if name:
                names.append(" ".join(str(name).split()))
    except (KeyError, ValueError, TypeError, AttributeError, IndexError):
        pass
    return names


def _machine(message: Message, sender: str) -> str:
    """Why a mail is not a person's: a mailing list or newsletter, an auto-reply, a bounce."""
    if _header(message, "List-Id") or _header(message, "List-Unsubscribe"):
        return "list"
    auto = _header(message, "Auto-Submitted").lower()
    if auto and auto != "no":
        return "auto-reply"
    if _header(message, "X-Autoreply") or _header(message, "X-Autorespond"):
        return "auto-reply"
    if _header(message, "Precedence").lower() in ("bulk", "list", "junk"):
        return "bulk"
    local = sender.split("@", 1)[0]
    if local in ("mailer-daemon", "postmaster") or message.get_content_type() == "multipart/report":
        return "bounce"
    return ""
