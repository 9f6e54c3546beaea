"""A file's bytes as text, in the encoding it was written in; what kind of file it is.

Spreadsheets and address books write text in whatever their platform likes: Excel in the
Netherlands Windows-1252, "CSV UTF-8" with a byte-order mark, "Unicode text" as UTF-16, phones
and Google UTF-8. A workbook (.xlsx, .xls) or a picture is not text at all, and is named as
what it is rather than read as noise.
"""

from __future__ import annotations

import codecs

from salesnotes.errors import BadInput
from salesnotes.i18n import N_, _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator

# Big enough for any address book a salesperson keeps; a mistake (a disk image) is refused
# before it is read into memory.
MAX_BYTES = 512 * 1024 * 1024
_SIGNATURES = (
    (b"PK\x03\x04", N_("an Excel workbook (.xlsx) or another zip file"), True),
    (b"\xd0\xcf\x11\xe0", N_("an old Excel workbook (.xls) or another Office file"), True),
    (b"%PDF", N_("a PDF document"), False),
    (b"\x89PNG", N_("a picture (PNG)"), False),
    (b"\xff\xd8\xff", N_("a picture (JPEG)"), False),
    (b"SQLite format 3\x00", N_("an SQLite database"), False),
)
_SAVE_AS = N_("save it as CSV first (in Excel: File > Save As > CSV UTF-8) and import that")


def decode(data: bytes | bytearray, name: str) -> tuple[str, str]:
    """The text of a file's ``data`` and the encoding it was in; BadInput for what is not text.

    Order: a byte-order mark (UTF-8, UTF-16) decides; UTF-16 without one is recognised by
    its zero bytes; then UTF-8 when the whole file is valid UTF-8, else Windows-1252 (Excel's
    'CSV' in Western Europe), else ISO-8859-1.
    """
    _refuse_what_is_not_text(bytes(data[:HEAD]), name)
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data, "utf-8-sig", name), "UTF-8"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "UTF-16"
    head = data[:4096]
    even, odd = head[0::2], head[1::2]
    if len(head) >= 4:
        # Latin text in UTF-16 without a byte-order mark: a zero in every other byte, and
        # which ones says which end comes first.
        for zeros, others, encoding in ((odd, even, "utf-16-le"), (even, odd, "utf-16-be")):
            if zeros.count(0) >= 0.9 * len(zeros) and others.count(0) <= 0.1 * len(others):
                return _strict(data, encoding, name), "UTF-16"
    if b"\x00" in data:
        raise BadInput(
            _("{name} is not a text file; import a CSV, vCard or salesnotes JSON file").format(
                name=name
            )
        )
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "ISO-8859-1"


HEAD = 4096
"""What is read of a file first, to know what it is before it is read whole."""


def _refuse_what_is_not_text(head: bytes, name: str) -> None:
    """BadInput when a file's first bytes say it is a workbook, a picture or a database, or
    no text at all (zeros that are not UTF-16's)."""
    for signature, what, workbook in _SIGNATURES:
        if head.startswith(signature):
            hint = _(_SAVE_AS) if workbook else _("import a CSV, vCard or salesnotes JSON file")
            raise BadInput(
                _("{name} is {what}, not a text file; {hint}").format(
                    name=name, what=_(what), hint=hint
                )
            )
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)) or b"\x00" not in head:
        return
    even, odd = head[0::2], head[1::2]
    for zeros, others in ((odd, even), (even, odd)):
        if zeros.count(0) >= 0.9 * len(zeros) and others.count(0) <= 0.1 * len(others):
            return  # Latin text in UTF-16 without a byte-order mark
    raise BadInput(
        _("{name} is not a text file; import a CSV, vCard or salesnotes JSON file").format(
            name=name
        )
    )


def _strict(data: bytes | bytearray, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise BadInput(
            _("{name} is not {encoding} text: {reason} at byte {start}").format(
                name=name, encoding=encoding, reason=exc.reason, start=exc.start
            )
        ) from None


def read(path: str) -> tuple[str, str]:
    """The text of the file at ``path`` (or of a pipe: ``<(...)``) and its encoding;
    BadInput when it cannot be read. What it is and how big is known before it is read
    whole: a 2 GB disk image is refused by its size, a picture by its first bytes."""
    import os
    import stat

    name = os.path.basename(path) or path
    try:
        with open(path, "rb") as handle:
            facts = os.fstat(handle.fileno())
            mode = facts.st_mode
            if stat.S_ISDIR(mode):
                raise BadInput(_("{path} is a folder; give a file").format(path=path))
            if not (stat.S_ISREG(mode) or stat.S_ISFIFO(mode)):
                raise BadInput(_("{path} is a device, not a file").format(path=path))
            if facts.st_size > MAX_BYTES:
                raise _too_big(name)
            head = handle.read(HEAD)
            _refuse_what_is_not_text(head, name)
            data = bytearray(head)  # a pipe in parts, never past the limit
            while len(data) <= MAX_BYTES:
                part = handle.read(min(8 * 1024 * 1024, MAX_BYTES + 1 - len(data)))
                if not part:
                    break
                data += part
    except IsADirectoryError:
        raise BadInput(_("{path} is a folder; give a file").format(path=path)) from None
    except FileNotFoundError:
        raise BadInput(_("{path} does not exist").format(path=path)) from None
    except OSError as exc:
        raise BadInput(
            _("{path} cannot be read: {strerror}").format(path=path, strerror=exc.strerror)
        ) from None
    except ValueError:  # a NUL in the name
        raise BadInput(_("{path!r} is not a file name").format(path=path)) from None
    if len(data) > MAX_BYTES:
        raise _too_big(name)
    return decode(data, name)


def _too_big(name: str) -> BadInput:
    return BadInput(
        _("{name} is over {MAX_BYTES} MB; more than an address book can be").format(
            name=name, MAX_BYTES=MAX_BYTES // 2**20
        )
    )


def lines(text: str, *, ends: bool = False, longest: int | None = None) -> Iterator[str]:
    """The lines of ``text`` one at a time (a line ends in LF, CRLF or a lone CR), without a
    list of them all or a copy of the text: with their line ends (``ends``, as a file opened
    with ``newline=''`` gives them to the csv module), or without and each cut at ``longest``
    (no copy of a line longer than is ever read)."""
    start, size = 0, len(text)
    feed, ret = text.find("\n"), text.find("\r")
    while start < size:
        if 0 <= feed < start:
            feed = text.find("\n", start)
        if 0 <= ret < start:
            ret = text.find("\r", start)
        found = [e for e in (feed, ret) if e >= 0]
        end = min(found) if found else size
        after = end + (2 if end == ret and feed == end + 1 else 1)
        stop = min(after, size) if ends else end
        if longest is not None:
            stop = min(stop, start + longest + 1)
        yield text[start:stop]
        start = after
