"""The README's tour, copied as it is, works: every command in it exits 0."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from tests.conftest import Run

README = Path(__file__).parent.parent / "README.md"


def tour_commands() -> list[list[str]]:
    text = README.read_text()
    section = text.split("## A day with salesnotes", 1)[1]
    block = re.search(r"```sh\n(.*?)```", section, re.S)
    assert block
    commands = []
    for line in block.group(1).splitlines():
        words = shlex.split(line, comments=True)
        if words:
            assert words[0] == "salesnotes"
            commands.append(words[1:])
    return commands


def test_the_tour_runs_as_written(run: Run) -> None:
    commands = tour_commands()
    assert len(commands) >= 10
    for args in commands:
        run(*args)
    assert "Anna Bakker" not in run("contacts").stdout
