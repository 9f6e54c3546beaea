"""What a phone added to a card or task that salesnotes does not keep (a contact's photo, a
nickname, a web site, a reminder's alarm, an app's own X- properties) stays when salesnotes
writes that object again: its own lines are put into the phone's version, in place of the
properties it manages, and the rest of the phone's lines are kept as they were (folded
lines, groups and nested components such as VALARM whole)."""

from __future__ import annotations

import re

MANAGED = {
    "VCARD": frozenset({
        "VERSION", "UID", "FN", "N", "ORG", "TITLE", "EMAIL", "TEL", "ADR", "BDAY",
        "CATEGORIES", "NOTE", "PRODID", "REV", "KIND", "X-ABLABEL", "X-ABADR",
    }),
    "VTODO": frozenset({
        "UID", "DTSTAMP", "SUMMARY", "DESCRIPTION", "PRIORITY", "CATEGORIES", "DUE", "DTSTART",
        "STATUS", "PERCENT-COMPLETE", "COMPLETED", "URL",
    }),
    "VEVENT": frozenset({
        "UID", "DTSTAMP", "SUMMARY", "DESCRIPTION", "PRIORITY", "CATEGORIES", "DTSTART", "DTEND",
        "DURATION", "TRANSP", "URL",
    }),
}  # fmt: skip
"""Per component, the properties salesnotes writes: the phone's own of these are replaced."""

_NAME = re.compile(r"^(?:([A-Za-z0-9-]+)\.)?([A-Za-z0-9-]+)[;:]")


def _logical(text: str) -> list[str]:
    """The content lines of an object, each with its continuation lines (as written)."""
    lines: list[str] = []
    for physical in re.split(r"\r\n|\n", text):
        if physical[:1] in (" ", "\t") and lines:
            lines[-1] += "\r\n" + physical
        elif physical:
            lines.append(physical)
    return lines


def kept(ours: str, theirs: str | None, component: str) -> str:
    """``ours`` (one object, as salesnotes writes it) with what the phone's version
    ``theirs`` has beyond what salesnotes manages (see the module)."""
    if not theirs:
        return ours
    managed = MANAGED[component]
    their_lines = _logical(theirs)
    begin, end = f"BEGIN:{component}", f"END:{component}"
    if begin not in (line.upper() for line in their_lines):
        return ours
    extra: list[str] = []
    groups_managed = set()
    inside, depth = False, 0
    for line in their_lines:
        upper = line.upper()
        if upper == begin:
            inside = True
            continue
        if not inside:
            continue
        if upper == end and depth == 0:
            break
        if upper.startswith("BEGIN:"):
            depth += 1
        if depth:
            extra.append(line)  # a nested component (VALARM): kept whole
            if upper.startswith("END:"):
                depth -= 1
            continue
        found = _NAME.match(line)
        if found is None:
            continue
        group, name = (found.group(1) or "").lower(), found.group(2).upper()
        if name in managed and name not in ("X-ABLABEL", "X-ABADR"):
            if group:
                groups_managed.add(group)
            continue
        extra.append(line)
    extra = [
        line
        for line in extra
        if not ((m := _NAME.match(line)) and (m.group(1) or "").lower() in groups_managed)
        and not ((m := _NAME.match(line)) and m.group(2).upper() in ("X-ABLABEL", "X-ABADR")
                 and not m.group(1))
    ]  # fmt: skip
    if not extra:
        return ours
    our_lines = _logical(ours)
    at = next((n for n, line in enumerate(our_lines) if line.upper() == end), len(our_lines))
    return "\r\n".join([*our_lines[:at], *extra, *our_lines[at:]]) + "\r\n"
