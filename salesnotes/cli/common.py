"""Options and small helpers shared by the command modules."""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import StrEnum
from typing import Annotated

import typer

from salesnotes.errors import BadInput


class Format(StrEnum):
    """Output formats of listing commands."""

    table = "table"
    plain = "plain"
    json = "json"


FORMAT_HELP = "table (for people), plain (tab-separated, for scripts and cron) or json."


FormatOption = Annotated[Format, typer.Option("--format", "-f", help=FORMAT_HELP)]


def record_id(value: str, what: str, hint: str) -> int:
    """'12' or '#12' -> 12; anything else is bad input."""
    match = re.fullmatch(r"\s*#?(\d{1,18})\s*", value)
    if not match:
        raise BadInput(f"'{value}' is not a {what} id; {hint}")
    return int(match.group(1))


def complete_from(values: tuple[str, ...]) -> Callable[[str], list[str]]:
    """Shell completion for an option with a fixed set of values."""

    def complete(incomplete: str) -> list[str]:
        return [v for v in values if v.startswith(incomplete.lower())]

    return complete
