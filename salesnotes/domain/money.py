"""Amounts as people type them, kept exact in integer cents. Pure.

The one rule for separators: a '.' or ',' followed by exactly three digits (and used as such
everywhere in the number) groups thousands; one followed by one or two digits at the end is the
decimal separator. When both appear, the last one is the decimal separator. So
``12500``, ``12.500``, ``12.500,00``, ``€ 12.500,50``, ``12500.50``, ``12,500.50`` all read as
expected, ``1,234`` and ``1.234`` are both one thousand two hundred and thirty-four, and
``12,5`` is twelve and a half. ``12.500,-`` (Dutch for "no cents") and ``12,5k`` work too.
"""

from __future__ import annotations

from salesnotes.errors import BadInput
from salesnotes.i18n import _

MAX_CENTS = 100_000_000_00  # one hundred million: anything above is a typo, not a quote
SYMBOLS = {"EUR": "€", "GBP": "£", "USD": "$"}
# Patterns for reading amounts; ``re`` is imported only when an amount is read (formatting one,
# which every agenda with a quote does, needs none).
_CURRENCY_WORDS = r"(?i)\s*(€|euros|euro|eur|\$|usd|£|gbp)\s*"
_GROUPED = r"^\d{1,3}([.,])\d{3}(\1\d{3})*$"


def parse_amount(text: str) -> int:
    """'€ 12.500,50' -> 1250050 cents. Refuses negative, zero, absurd and unreadable amounts."""
    import re

    original = text
    cleaned = text.strip().replace("\u00a0", " ").replace("\u202f", " ").replace("'", "")
    cleaned = re.sub(_CURRENCY_WORDS, "", cleaned).replace(" ", "")
    if cleaned.startswith("-"):
        raise BadInput(
            _("'{original}' is negative; an amount is more than zero").format(original=original)
        )
    multiplier = 1
    if cleaned[-1:] in ("k", "K"):
        cleaned, multiplier = cleaned[:-1], 1000
    cleaned = re.sub(r"[.,]-{1,2}$", "", cleaned)  # "12.500,-"
    # Past any amount, and past the digits Python turns into a number (4,300): said at once.
    cents = MAX_CENTS + 1 if len(cleaned) > 30 and re.fullmatch(r"[\d.,]+", cleaned) else None
    cents = cents or _cents(cleaned)
    if cents is None:
        raise BadInput(
            _("'{original}' is not an amount; try 12500, 12.500,00 or '€ 12.500'").format(
                original=original
            )
        )
    cents *= multiplier
    if cents <= 0:
        raise BadInput(
            _("'{original}' is zero; an amount is more than zero").format(original=original)
        )
    if cents > MAX_CENTS:
        raise BadInput(
            _("'{original}' is more than {MAX_CENTS}; is that a typo?").format(
                original=original, MAX_CENTS=format_amount(MAX_CENTS)
            )
        )
    return cents


def _cents(text: str) -> int | None:
    import re

    if not text or not re.fullmatch(r"[\d.,]+", text) or not text[0].isdigit():
        return None
    if text.isdigit():
        return int(text) * 100
    if re.match(_GROUPED, text):  # 12.500, 1,234, 1.234.567
        return int(re.sub(r"[.,]", "", text)) * 100
    last = max(text.rfind("."), text.rfind(","))
    whole, decimals = text[:last], text[last + 1 :]
    if not 1 <= len(decimals) <= 2 or not decimals.isdigit():
        return None
    decimal_sep = text[last]
    if decimal_sep in whole:
        return None  # "1,234,56": the decimal separator used as a group separator too
    if not whole.isdigit() and not re.match(_GROUPED, whole):
        return None
    return int(re.sub(r"[.,]", "", whole)) * 100 + int(decimals.ljust(2, "0"))


def format_amount(
    cents: int, currency: str = "EUR", style: str = "nl", *, short: bool = False
) -> str:
    """1250050 -> '€ 12.500,50' (nl) or '€ 12,500.50' (en); ``short`` drops ',00'."""
    thousands, decimal = (".", ",") if style == "nl" else (",", ".")
    sign = "-" if cents < 0 else ""
    whole, rest = divmod(abs(cents), 100)
    grouped = f"{whole:,}".replace(",", thousands)
    number = grouped if short and rest == 0 else f"{grouped}{decimal}{rest:02d}"
    symbol = SYMBOLS.get(currency.upper(), currency.upper())
    return f"{sign}{symbol} {number}"
