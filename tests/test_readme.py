"""The README's tours, copied as they are, work: every salesnotes command in them exits 0."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import Run

README = Path(__file__).parent.parent / "README.md"


def tour_commands() -> list[list[str]]:
    """Every line of every ```sh block made only of salesnotes commands, in order."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", README.read_text(), re.S):
        lines = [shlex.split(line, comments=True) for line in block.splitlines()]
        lines = [words for words in lines if words]
        if lines and all(words[0] == "salesnotes" for words in lines):
            commands += [words[1:] for words in lines]
    return commands


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_the_tours_run_as_written(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # what a tour writes by a relative name lands here
    commands = tour_commands()
    assert len(commands) >= 15
    for args in commands:
        run(*args)
    assert "Anna Bakker" not in run("contacts").stdout
