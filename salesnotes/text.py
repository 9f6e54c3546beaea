"""Text hygiene: what goes in and comes out of the database is data, never terminal control."""

from __future__ import annotations

import unicodedata

from salesnotes.i18n import _

# C0 and C1 control characters except tab and newline; DEL too. ESC (\x1b) is among them, so
# an escape sequence loses its teeth and what is left ("[31m") prints as harmless text.
# (str.translate rather than a regular expression: ``re`` costs every command ~5 ms to import.)
# The bidirectional controls go too (U+200E/F, U+061C, U+202A-U+202E, U+2066-U+2069): they can
# make a name display as something else ("Trojan Source").
_CONTROL = dict.fromkeys(
    [*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0), 0x061C, 0x200E, 0x200F,
     *range(0x202A, 0x202F), *range(0x2066, 0x206A)]
)  # fmt: skip
_TABS = {ord("\t"): "\n"}


def clean(text: str) -> str:
    """Strip control characters (keeping tab and newline) and surrounding white space."""
    return text.translate(_CONTROL).strip()


def excerpt(text: str, limit: int) -> str:
    """``text``, or its first ``limit`` characters and how many more there are: what a table
    or a page for people shows of long text (another program may have stored megabytes;
    plain and json give it whole)."""
    if len(text) <= limit:
        return text
    from salesnotes.i18n import grouped

    return _("{start} … [{more} more characters]").format(
        start=text[:limit].rstrip(), more=grouped(len(text) - limit)
    )


_ESCAPED = {code: ("\\n" if code == 10 else "\\t" if code == 9 else f"\\x{code:02x}")
            for code in (*range(0x20), 0x7F)}  # fmt: skip
_ESCAPED_ALL = {**_ESCAPED, 13: "\\r", **{code: f"\\x{code:02x}" for code in range(0x80, 0xA0)}}


LONGEST_WORD = 1000
"""The most of one word (a run without spaces: a path, an echoed value) an error shows."""
LONGEST_MESSAGE = 2000
"""The most of an error message shown: what is past it is an echoed value, not news."""


def readable(message: str) -> str:
    """An error message on one line, whatever values it echoes: every control character
    written as an escape (\\r\\n, \\x1b), bidirectional controls dropped, each word past
    ``LONGEST_WORD`` cut with '…', and a message past ``LONGEST_MESSAGE`` cut in the middle
    (its end says what to do). Linear in the length: a 100 KB value is cut, not searched."""
    text = clean(message.translate(_ESCAPED_ALL))
    if len(text) > LONGEST_WORD:
        words = text.split(" ")
        text = " ".join(w if len(w) <= LONGEST_WORD else w[:LONGEST_WORD] + "…" for w in words)
    if len(text) > LONGEST_MESSAGE:
        end = LONGEST_MESSAGE // 4
        text = f"{text[: LONGEST_MESSAGE - end].rstrip()} … {text[-end:].lstrip()}"
    return text


def shown(text: str, limit: int = 80) -> str:
    """A value as a message echoes it: on one line (a line feed, an escape or any other
    control character written as \\n, \\x1b), and cut at ``limit`` characters with '…'
    (a 100 KB value is not an error message)."""
    cut = text[:limit]
    return cut.translate(_ESCAPED) + ("…" if len(text) > limit else "")


def first_words(text: str, limit: int = 60) -> str:
    """The start of ``text`` on one line, cut at a word before ``limit`` characters with '…':
    what a row shows of a conversation."""
    line = one_line(text)
    if len(line) <= limit:
        return line
    cut = line[:limit].rsplit(" ", 1)[0] if " " in line[:limit] else line[:limit]
    return cut.rstrip(" ,;:.-€$£") + "…"  # never a currency sign without its amount


def one_line(text: str) -> str:
    """``clean`` and fold each run of tabs and newlines to one space: for tab-separated output."""
    return " ".join(part for part in clean(text).translate(_TABS).split("\n") if part)


def fold(text: str) -> str:
    """Case- and accent-insensitive key: "José Müller" -> "jose muller"."""
    if text.isascii():  # no accents to take off (most names: ~10x cheaper, for imports)
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())


def words(text: str) -> list[str]:
    """The words of a text (letters, digits and underscores), in order."""
    import re

    return re.findall(r"\w+", text)
