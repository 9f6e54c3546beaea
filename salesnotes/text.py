"""Text hygiene: what goes in and comes out of the database is data, never terminal control."""

from __future__ import annotations

import unicodedata

# C0 and C1 control characters except tab and newline; DEL too. ESC (\x1b) is among them, so
# an escape sequence loses its teeth and what is left ("[31m") prints as harmless text.
# (str.translate rather than a regular expression: ``re`` costs every command ~5 ms to import.)
_CONTROL = dict.fromkeys([*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0)])
_TABS = {ord("\t"): "\n"}


def clean(text: str) -> str:
    """Strip control characters (keeping tab and newline) and surrounding white space."""
    return text.translate(_CONTROL).strip()


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
