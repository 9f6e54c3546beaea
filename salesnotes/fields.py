"""Contact fields as they are stored: checked and normalised, or refused with a sentence."""

from __future__ import annotations

from salesnotes.errors import BadInput
from salesnotes.text import clean, fold

# Read only when a value is written (``re`` costs every command ~5 ms to import).
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def normalise_email(value: str) -> str:
    """Trimmed and lower-cased; refused when it does not look like an address."""
    import re

    email = clean(value).lower()
    if not re.match(_EMAIL, email):
        raise BadInput(f"'{value}' is not an e-mail address; try jan@example.nl")
    return email


def normalise_phone(value: str) -> str:
    """Kept as typed (people write numbers their own way), but it must contain digits."""
    import re

    phone = " ".join(clean(value).split())
    if sum(ch.isdigit() for ch in phone) < 3 or re.search(r"[^\d\s+()./-]", phone):
        raise BadInput(f"'{value}' is not a phone number; try '06 1234 5678' or +31612345678")
    return phone


def normalise_every(value: str) -> str:
    """A keep-in-touch rhythm as stored: '6w', '30d', '3m', or 'off'."""
    from salesnotes.dates import parse_period

    text = value.strip().lower()
    if text in ("off", "never", "nooit", "none"):
        return "off"
    try:
        return str(parse_period(text))
    except BadInput:
        raise BadInput(f"'{value}' is not a rhythm; try 30d, 6w, 3m, 'off' or 'default'") from None


def normalise_tag(value: str) -> str:
    """Lower case, no leading '#', no spaces."""
    tag = fold(clean(value)).lstrip("#").replace(" ", "-")
    if not tag:
        raise BadInput(f"'{value}' is not a tag; try dakisolatie or vip")
    return tag


def require_text(value: str, what: str) -> str:
    """Cleaned text that must not be empty ("a contact's name cannot be empty")."""
    cleaned = clean(value)
    if not cleaned:
        raise BadInput(f"{what} cannot be empty")
    return cleaned


def one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    """A value from a fixed set, case-insensitive; anything else names the choices."""
    folded = value.strip().lower()
    if folded not in allowed:
        raise BadInput(f"'{value}' is not a {what}; use one of: {', '.join(allowed)}")
    return folded
