"""Text hygiene: what goes in and comes out of the database is data, never terminal control."""

from __future__ import annotations

import re
import unicodedata

# C0 and C1 control characters except tab and newline; DEL too. ESC (\x1b) is among them, so
# an escape sequence loses its teeth and what is left ("[31m") prints as harmless text.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_ONE_LINE = re.compile(r"[\t\n]+")


def clean(text: str) -> str:
    """Strip control characters (keeping tab and newline) and surrounding white space."""
    return _CONTROL.sub("", text).strip()


def one_line(text: str) -> str:
    """``clean`` and fold tabs and newlines to single spaces: for tab-separated output."""
    return _ONE_LINE.sub(" ", clean(text))


def fold(text: str) -> str:
    """Case- and accent-insensitive key: "José Müller" -> "jose muller"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.split())
