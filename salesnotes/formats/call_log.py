"""A phone's call log as plain records: the Android backup's XML ("SMS Backup & Restore":
``<calls><call number date duration type .../></calls>``) and the CSV files call-log apps
and spreadsheets write (a date, a number, a duration, a direction; Dutch or English column
names, ``--map COLUMN=FIELD`` for others).

No store and no rules here: a call is its number as written, its moment, its length and its
direction in the log's own words made one of ``DIRECTIONS``; whose number it is, and what a
missed call asks for, are the import's (``usecases/calls.py``, ``domain/calls.py``).
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from typing import cast

from salesnotes.errors import BadInput
from salesnotes.i18n import _
from salesnotes.imported import Unreadable
from salesnotes.record import record
from salesnotes.text import fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

DIRECTIONS = ("in", "out", "missed", "voicemail", "rejected", "blocked")
"""What a call was, whatever the log calls it."""

ANDROID_TYPES = {
    "1": "in",
    "2": "out",
    "3": "missed",
    "4": "voicemail",
    "5": "rejected",
    "6": "blocked",
    "7": "in",  # answered on another device
}
"""The ``type`` attribute of the Android call log (CallLog.Calls.TYPE)."""

DIRECTION_WORDS = {
    **ANDROID_TYPES,
    "incoming": "in",
    "inkomend": "in",
    "binnenkomend": "in",
    "ontvangen": "in",
    "received": "in",
    "answered": "in",
    "beantwoord": "in",
    "in": "in",
    "outgoing": "out",
    "uitgaand": "out",
    "gebeld": "out",
    "dialed": "out",
    "dialled": "out",
    "out": "out",
    "missed": "missed",
    "gemist": "missed",
    "gemiste oproep": "missed",
    "missed call": "missed",
    "voicemail": "voicemail",
    "rejected": "rejected",
    "geweigerd": "rejected",
    "declined": "rejected",
    "afgewezen": "rejected",
    "blocked": "blocked",
    "geblokkeerd": "blocked",
}
"""A direction as call logs write it (folded: lower case, no accents)."""

COLUMNS = {
    "number": (
        "number",
        "phone",
        "phone number",
        "nummer",
        "telefoonnummer",
        "telefoon",
        "tel",
        "call number",
        "caller",
        "beller",
    ),
    "date": (
        "date",
        "datum",
        "date time",
        "datetime",
        "datum tijd",
        "datum en tijd",
        "start",
        "start time",
        "starttijd",
        "call date",
        "timestamp",
        "begin",
        "tijdstip",
    ),
    "time": ("time", "tijd", "uur"),
    "duration": (
        "duration",
        "duur",
        "gespreksduur",
        "seconds",
        "seconden",
        "duration (s)",
        "duration s",
        "length",
        "lengte",
        "call duration",
    ),
    "direction": (
        "direction",
        "richting",
        "type",
        "call type",
        "soort",
        "oproeptype",
        "kind",
        "status",
    ),
}
"""The columns a call log's CSV has, by what each is called (folded)."""

FIELDS = (*COLUMNS, "ignore")
ALIASES = {alias: key for key, names in COLUMNS.items() for alias in names}

LONGEST_LINE = 64 * 1024
"""A call log's line is short; a longer one is not a call log."""


@record
class Call:
    """One call from a log: the number as written, when (aware), how long, which way, and
    where in the file."""

    number: str
    at: datetime
    seconds: int
    direction: str
    where: str


def looks_like_xml(text: str) -> bool:
    """Whether a call log is the Android backup's XML (else: a CSV)."""
    head = text.lstrip("\ufeff \t\r\n")[:200]
    return head.startswith(("<?xml", "<calls", "<!--"))


def read(
    text: str, name: str, mapping: Mapping[str, str] | None = None
) -> Iterator[Call | Unreadable]:
    """Every call of a log, or Unreadable with its place and why."""
    if looks_like_xml(text):
        if mapping:
            raise BadInput(_("--map is for CSV files; the Android backup names its own fields"))
        return _xml(text, name)
    return _csv(text, name, mapping or {})


def _xml(text: str, name: str) -> Iterator[Call | Unreadable]:
    """The Android backup, read as it streams (a year of calls is a few MB). A document
    type (where entities that expand could hide) is refused: the backup has none."""
    import xml.etree.ElementTree as ET

    if "<!DOCTYPE" in text[:4096] or "<!ENTITY" in text[:65536]:
        raise BadInput(
            _("{name}: a call log has no document type; this is another XML file").format(name=name)
        )
    parser: ET.XMLPullParser[ET.Element] = ET.XMLPullParser(events=("start",))
    seen_calls = False
    position = 0
    number = 0
    try:
        while position < len(text):
            parser.feed(text[position : position + 65536])
            position += 65536
            for event in parser.read_events():
                element = cast("ET.Element", event[1])  # type: ignore[misc]
                if element.tag == "calls":
                    seen_calls = True
                    continue
                if element.tag != "call":
                    continue
                number += 1
                yield _android_call(element.attrib, _("call {number}").format(number=number))
        parser.close()
    except ET.ParseError as exc:
        raise BadInput(
            _("{name} is not readable XML: {reason}").format(name=name, reason=exc)
        ) from None
    if not seen_calls:
        raise BadInput(
            _(
                "{name} is XML but not a call log (no <calls>); export the call log as XML from "
                "'SMS Backup & Restore', or as CSV"
            ).format(name=name)
        )


def _android_call(attrib: Mapping[str, str], where: str) -> Call | Unreadable:
    number = attrib.get("number", "").strip()
    if not number:
        return Unreadable(where, _("no number (a hidden caller)"), "number")
    kind = attrib.get("type", "").strip()
    direction = ANDROID_TYPES.get(kind)
    if direction is None:
        return Unreadable(
            where, _("'{value}' is not a call type of the log").format(value=kind), "type", kind
        )
    stamp = attrib.get("date", "").strip()
    if not stamp.isdigit():
        return Unreadable(where, _("'{value}' is not a moment").format(value=stamp), "date", stamp)
    at = datetime.fromtimestamp(int(stamp) / 1000, UTC).astimezone()
    seconds = attrib.get("duration", "0").strip() or "0"
    if not seconds.isdigit():
        return Unreadable(
            where, _("'{value}' is not a duration").format(value=seconds), "duration", seconds
        )
    return Call(number, at, int(seconds), direction, where)


def _csv(text: str, name: str, mapping: Mapping[str, str]) -> Iterator[Call | Unreadable]:
    import csv

    from salesnotes.formats.decoding import lines

    text = text.lstrip("\ufeff")
    first = text[: max(text.find("\n"), 0) or LONGEST_LINE]
    try:
        separator = csv.Sniffer().sniff(first, delimiters=";,\t|").delimiter
    except csv.Error:
        separator = ","
    reader = csv.reader(
        lines(text, ends=True, longest=LONGEST_LINE), delimiter=separator, strict=True
    )
    try:
        header = next(reader)
    except StopIteration:
        raise BadInput(
            _("{name} is empty; a call log's CSV starts with a line of column names").format(
                name=name
            )
        ) from None
    except csv.Error as exc:
        raise BadInput(_("{name}, line 1: {exc}").format(name=name, exc=exc)) from None
    fields = _fields(header, name, mapping)
    try:
        for record_ in reader:
            if not any(cell.strip() for cell in record_):
                continue
            where = _("line {line}").format(line=reader.line_num)
            cells = {fields[i]: cell.strip() for i, cell in enumerate(record_) if i < len(fields)}
            yield _csv_call(cells, where)
    except csv.Error as exc:
        raise BadInput(
            _("{name}, line {line_num}: {exc}").format(name=name, line_num=reader.line_num, exc=exc)
        ) from None


def _fields(header: list[str], name: str, mapping: Mapping[str, str]) -> list[str]:
    """What each column is ('number', 'date', 'time', 'duration', 'direction' or 'ignore');
    a file without a number or a date column is refused, naming its columns."""
    from salesnotes.formats.csv_columns import column_key, mapped_columns

    keys = [column_key(h) for h in header]
    fields = [ALIASES.get(key, "ignore") for key in keys]

    def named(target: str) -> str | None:
        field = ALIASES.get(column_key(target), column_key(target))
        return field if field in FIELDS else None

    for index, field in mapped_columns(header, name, mapping, named, FIELDS).items():
        fields[index] = field
    chosen = [f for f in fields if f != "ignore"]
    for field in set(chosen):
        if chosen.count(field) > 1:  # the first column of a kind is it
            seen = False
            for i, f in enumerate(fields):
                if f == field:
                    if seen:
                        fields[i] = "ignore"
                    seen = True
    missing = [f for f in ("number", "date") if f not in fields]
    if missing:
        raise BadInput(
            _(
                "{name} has no {missing} column; its columns are: {header}. Say which it is: "
                "--map COLUMN={missing}"
            ).format(name=name, missing=missing[0], header=", ".join(header))
        )
    return fields


def _csv_call(cells: dict[str, str], where: str) -> Call | Unreadable:
    number = cells.get("number", "")
    if not number:
        return Unreadable(where, _("no number (a hidden caller)"), "number")
    written = cells.get("date", "")
    if cells.get("time"):
        written = f"{written} {cells['time']}"
    at = moment(written)
    if at is None:
        return Unreadable(
            where,
            _(
                "'{value}' is not a date and time; write 2026-12-07 14:02 or 07-12-2026 14:02"
            ).format(value=written),
            "date",
            written,
        )
    seconds = duration(cells.get("duration", ""))
    if seconds is None:
        value = cells["duration"]
        return Unreadable(
            where,
            _("'{value}' is not a duration; write 125, 2:05 or 2m 5s").format(value=value),
            "duration",
            value,
        )
    said = fold(cells.get("direction", "")).strip()
    direction = DIRECTION_WORDS.get(said) if said else ("in" if seconds else "missed")
    if direction is None:
        return Unreadable(
            where,
            _("'{value}' is not a direction; write incoming, outgoing or missed").format(
                value=cells["direction"]
            ),
            "direction",
            cells["direction"],
        )
    return Call(number, at, seconds, direction, where)


_FORMATS = (
    "%Y-%m-%d %H:%M:%S",
    "%Y-%m-%d %H:%M",
    "%Y-%m-%dT%H:%M:%S",
    "%Y-%m-%dT%H:%M",
    "%d-%m-%Y %H:%M:%S",
    "%d-%m-%Y %H:%M",
    "%d/%m/%Y %H:%M:%S",
    "%d/%m/%Y %H:%M",
    "%d.%m.%Y %H:%M:%S",
    "%d.%m.%Y %H:%M",
    "%d-%m-%y %H:%M",
    "%d/%m/%y %H:%M",
)
"""How call logs write a moment: ISO, or day first (European; a US month-first log is
read with --map and a converted date column)."""


def moment(written: str) -> datetime | None:
    """A moment as a call log writes it, aware (a moment without an offset is local time);
    a number of milliseconds (or seconds) since 1970 too; None when it is none of these."""
    text = " ".join(written.replace(",", " ").split())
    if not text:
        return None
    if text.isdigit():
        value = int(text)
        try:
            return datetime.fromtimestamp(
                value / 1000 if value > 10**11 else value, UTC
            ).astimezone()
        except (OverflowError, OSError, ValueError):
            return None
    try:
        found = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        found = None
        for pattern in _FORMATS:
            try:
                found = datetime.strptime(text, pattern)  # noqa: DTZ007  local, made aware below
                break
            except ValueError:
                continue
    if found is None:
        return None
    return found if found.tzinfo else found.astimezone()


_PARTS = re.compile(
    r"(?:(\d+)\s*(?:h|u|uur|hours?)\s*)?(?:(\d+)\s*(?:m|min|mins|minutes?|minuten?)\s*)?(?:(\d+)\s*(?:s|sec|secs|seconds?|seconden?)?)?"
)


def duration(written: str) -> int | None:
    """A call's length in seconds: '125', '2:05', '00:02:05', '2m 5s', '1 min 5 sec' ('' is 0)."""
    text = written.strip().lower()
    if not text:
        return 0
    if re.fullmatch(r"\d+(?::\d{1,2}){1,2}", text):
        seconds = 0
        for part in text.split(":"):
            seconds = seconds * 60 + int(part)
        return seconds
    match = _PARTS.fullmatch(text)
    if match is None or not any(match.groups()):
        return None
    hours, minutes, seconds = (int(g) if g else 0 for g in match.groups())
    return hours * 3600 + minutes * 60 + seconds
