"""Amounts as people type them: exact cents, one rule for ambiguous separators."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesnotes.domain.money import MAX_CENTS, format_amount, parse_amount
from salesnotes.errors import BadInput


@pytest.mark.parametrize(
    ("text", "cents"),
    [
        ("12500", 1_250_000),
        ("12.500", 1_250_000),
        ("12.500,00", 1_250_000),
        ("€ 12.500,50", 1_250_050),
        ("€12.500,50", 1_250_050),
        ("12500.50", 1_250_050),
        ("12,500.50", 1_250_050),
        ("EUR 12 500", 1_250_000),
        ("12500 euro", 1_250_000),
        ("1.234.567,89", 123_456_789),
        ("1,234,567.89", 123_456_789),
        ("1,234", 123_400),  # the documented rule: three digits after one separator group
        ("1.234", 123_400),
        ("12,5", 1_250),
        ("12.5", 1_250),
        ("0,99", 99),
        ("12.500,-", 1_250_000),
        ("12,5k", 1_250_000),
        ("12K", 1_200_000),
        ("\u20ac\u00a012.500", 1_250_000),
    ],
)
def test_reads_amounts_as_typed(text: str, cents: int) -> None:
    assert parse_amount(text) == cents


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("-500", "negative"),
        ("0", "zero"),
        ("0,00", "zero"),
        ("twelve", "not an amount"),
        ("", "not an amount"),
        ("12.5000", "not an amount"),
        ("1,234,56", "not an amount"),
        ("12.500.5", "not an amount"),
        ("1e6", "not an amount"),
        ("200.000.000", "is that a typo"),
        (".5", "not an amount"),
    ],
)
def test_refuses_what_is_not_an_amount(text: str, message: str) -> None:
    with pytest.raises(BadInput, match=message):
        parse_amount(text)


def test_formats_dutch_by_default() -> None:
    assert format_amount(1_250_000) == "€ 12.500,00"
    assert format_amount(1_250_050, style="en") == "€ 12,500.50"
    assert format_amount(1_250_000, short=True) == "€ 12.500"
    assert format_amount(1_250_050, short=True) == "€ 12.500,50"
    assert format_amount(5, "USD") == "$ 0,05"
    assert format_amount(100, "CHF") == "CHF 1,00"


amounts = st.integers(min_value=1, max_value=MAX_CENTS)


@given(cents=amounts, style=st.sampled_from(["nl", "en"]), currency=st.sampled_from(["EUR", "USD"]))
def test_format_then_parse_gives_the_same_amount(cents: int, style: str, currency: str) -> None:
    assert parse_amount(format_amount(cents, currency, style)) == cents
    short = format_amount(cents, currency, style, short=True)
    assert parse_amount(short) == cents


@given(euros=st.integers(min_value=1, max_value=999_999))
def test_plain_and_grouped_integers_agree(euros: int) -> None:
    grouped_nl = f"{euros:,}".replace(",", ".")
    assert parse_amount(str(euros)) == parse_amount(grouped_nl) == euros * 100
    assert parse_amount(f"{euros:,}") == euros * 100
