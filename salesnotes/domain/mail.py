"""What a mail says, as data: its new text without the quoted mail below it and the
signature, the quotes it names, and whether a reply reads as accepting one (which a person
then decides: salesnotes never marks a quote won on a mail's words)."""

from __future__ import annotations

import re

FIRST_LINES = 5
"""How many lines of a mail's new text are kept with the conversation."""

LONGEST_LINES = 600
"""At most this many characters of them."""

# Where the new text of a reply ends: the header of the quoted mail (Dutch and English, as
# Outlook, Gmail, Apple Mail and Thunderbird write it), a forwarded mail, a signature.
_QUOTE_HEADERS = (
    re.compile(r"^\s*op .{4,120}(?:schreef|heeft .{1,80} het volgende geschreven)\b.*:\s*$", re.I),
    re.compile(r"^\s*on .{4,160}\bwrote:\s*$", re.I),
    re.compile(
        r"^\s*-{2,}\s*(?:original message|oorspronkelijk bericht|origineel bericht)\s*-{2,}\s*$",
        re.I,
    ),
    re.compile(r"^\s*-{2,}\s*(?:forwarded message|doorgestuurd bericht)\s*-{2,}\s*$", re.I),
    re.compile(r"^\s*(?:begin forwarded message|begin doorgestuurd bericht):\s*$", re.I),
    re.compile(r"^\s*_{10,}\s*$"),
)
_HEADER_BLOCK = re.compile(r"^\s*\*?(?:van|from)\s*:\*?\s+\S", re.I)
_HEADER_NEXT = re.compile(r"^\s*\*?(?:verzonden|sent|datum|date|aan|to)\s*:", re.I)
_SIGNATURES = (
    re.compile(r"^-- ?$"),
    re.compile(
        r"^\s*(?:met )?(?:vriendelijke|hartelijke|beste) groet(?:en)?\b|^\s*groet(?:jes|en)?,?\s*$"
        r"|^\s*(?:kind|best|warm) regards\b|^\s*regards,?\s*$|^\s*mvg,?\s*$|^\s*gr(?:\.|,)?\s*$",
        re.I,
    ),
    re.compile(r"^\s*(?:verstuurd|verzonden) (?:vanaf|met|via) mijn\b|^\s*sent from my\b", re.I),
)

QUOTE_NUMBER = re.compile(
    r"\b(?:offerte|quote|quotation|offer|aanbieding)\s*(?:nr\.?|no\.?|nummer|number)?\s*#\s*(\d{1,9})\b"
    r"|\b(?:offerte|quote|quotation)\s*(?:nr\.?|no\.?|nummer|number)\s*(\d{1,9})\b",
    re.I,
)
"""'offerte #12', 'Offerte nr. 12', 'quote #12': the quote a mail names by its number."""

ACCEPTING = re.compile(
    r"\b(?:akkoord|we gaan akkoord|gaan akkoord|graag opdracht"
    r"|geven (?:u|je|jullie) (?:de )?opdracht|opdracht (?:is )?(?:verstrekt|gegund|bevestigd)"
    r"|gegund|agreed|accepted|we accept"
    r"|go ahead|approved|goedgekeurd)\b",
    re.I,
)
"""Words of a reply that may accept a quote: the agenda asks, a person decides."""

_NOT_ACCEPTING = re.compile(
    r"\bniet (?:akkoord|gegund)\b|\bnot (?:accepted|approved|agreed)\b", re.I
)


_FORWARD_HEADER = re.compile(
    r"^\s*\*?(?:van|from|date|datum|subject|onderwerp|aan|to|cc|verzonden|sent)\s*:", re.I
)


def new_text(text: str, *, forwarded: bool = False) -> str:
    """The part of a mail its writer wrote now: above the quoted mail (a '>' line, "Op ...
    schreef ...:", "-----Original Message-----", an Outlook "Van: ... Verzonden: ..."
    block), without the signature. A mail that is only a forward keeps the forwarded text."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if forwarded:  # the forwarded mail's own header lines are not what it says
        while lines and (not lines[0].strip() or _FORWARD_HEADER.match(lines[0])):
            lines.pop(0)
    kept: list[str] = []
    for n, line in enumerate(lines):
        if line.lstrip().startswith(">"):
            break
        if any(p.match(line) for p in _QUOTE_HEADERS):
            if not any(k.strip() for k in kept):  # only a forward: what it forwards
                return new_text("\n".join(lines[n + 1 :]), forwarded=True)
            break
        if _HEADER_BLOCK.match(line) and any(_HEADER_NEXT.match(x) for x in lines[n + 1 : n + 4]):
            break
        if any(p.match(line) for p in _SIGNATURES):
            break
        kept.append(line.rstrip())
    return "\n".join(kept).strip()


def first_lines(text: str) -> str:
    """The first few lines of a mail's new text, as kept with the conversation."""
    lines = [" ".join(line.split()) for line in new_text(text).split("\n")]
    shown = [line for line in lines if line][:FIRST_LINES]
    joined = "\n".join(shown)
    return joined if len(joined) <= LONGEST_LINES else joined[: LONGEST_LINES - 1].rstrip() + "…"


def quote_numbers(subject: str, text: str) -> list[int]:
    """The quote numbers a mail names ('offerte #12'), subject first, each once."""
    found: list[int] = []
    for match in QUOTE_NUMBER.finditer(f"{subject}\n{new_text(text)}"):
        number = int(match.group(1) or match.group(2))
        if number not in found:
            found.append(number)
    return found


def names_title(subject: str, text: str, title: str) -> bool:
    """Whether a mail names a quote by its title (a title of at least two words or eight
    letters, so 'Offerte' alone names nothing)."""
    wanted = " ".join(title.lower().split())
    if len(wanted) < 8 and " " not in wanted:
        return False
    return wanted in " ".join(f"{subject} {new_text(text)}".lower().split())


def accepting_words(text: str) -> str:
    """The words of a reply that read as accepting a quote ('' when none): the agenda asks."""
    said = new_text(text)
    if _NOT_ACCEPTING.search(said):
        return ""
    match = ACCEPTING.search(said)
    return match.group(0) if match else ""
