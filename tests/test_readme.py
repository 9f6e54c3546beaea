"""The README's and the manual's tours, copied as they are, work: every salesnotes command in
them exits 0, run in the order a reader meets them, in one book (the Dutch "Snel beginnen"
in a book of its own, as a new Dutch user starts). The manual's pages are linked from the
README, and every link between them leads to a page that is there."""

from __future__ import annotations

import os
import re
import shlex
from pathlib import Path

import pytest

from tests.conftest import Run

ROOT = Path(__file__).parent.parent
README = ROOT / "README.md"
# The pages whose tours run in one book, in the order the README's table lists them (the
# team's runs on its own server, in tests/test_team.py; "Your data" ends with forget jan).
PAGES = ["commands", "dates", "import-export", "briefing-and-cron", "configuration", "your-data"]
DUTCH = "Snel beginnen"

CARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jan de Vries\r\nORG:Pluimers Isolatie\r\n"
    "TEL;TYPE=CELL:06 1234 5678\r\nEMAIL;TYPE=HOME:jan.devries@gmail.com\r\nEND:VCARD\r\n"
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Anna Bakker\r\nORG:Bakker Bouw\r\n"
    "TEL;TYPE=WORK:0523 68 11 22\r\nEND:VCARD\r\n"
)


def sections(path: Path) -> list[tuple[str, str]]:
    """(heading, text) of each '## ' section of a page (the part before the first: '')."""
    parts = re.split(r"^## (.*)$", path.read_text(encoding="utf-8"), flags=re.M)
    return [("", parts[0]), *zip(parts[1::2], parts[2::2], strict=True)]


def tour_commands(text: str) -> list[list[str]]:
    """Every line of every ```sh block made only of salesnotes commands, in order."""
    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        lines = [shlex.split(line, comments=True) for line in block.splitlines()]
        lines = [words for words in lines if words]
        if lines and all(words[0] == "salesnotes" for words in lines):
            commands += [words[1:] for words in lines]
    return commands


def the_tour() -> list[list[str]]:
    """The README's tours but the Dutch one, then each page's, in order."""
    commands = [c for h, text in sections(README) if h != DUTCH for c in tour_commands(text)]
    for page in PAGES:
        commands += tour_commands((ROOT / "docs" / f"{page}.md").read_text(encoding="utf-8"))
    return commands


def files_the_tours_name(folder: Path, home: Path) -> None:
    """The files a reader has at hand: the phone's export the tours import."""
    (folder / "contacts.vcf").write_text(CARD, encoding="utf-8", newline="")
    (home / "Downloads").mkdir(parents=True, exist_ok=True)
    (home / "Downloads" / "contacten.vcf").write_text(CARD, encoding="utf-8", newline="")


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
@pytest.mark.slow
def test_the_tours_run_as_written(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # what a tour writes by a relative name lands here
    files_the_tours_name(tmp_path, tmp_path / "home")
    commands = the_tour()
    assert len(commands) >= 50
    for args in commands:
        run(*(os.path.expanduser(a) for a in args))
    assert "Anna Bakker" not in run("contacts").stdout


def test_the_dutch_quick_start_runs_as_written(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'Snel beginnen' from an empty book, in Dutch, as a new Dutch user types it."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    files_the_tours_name(tmp_path, tmp_path / "home")
    [text] = [text for heading, text in sections(README) if heading == DUTCH]
    commands = tour_commands(text)
    assert len(commands) >= 6
    for args in commands:
        run(*(os.path.expanduser(a) for a in args))
    planned = run("followups").stdout
    assert "Jan de Vries" in planned and "Anna Bakker" in planned


def test_the_readme_is_the_front_door() -> None:
    """The README stays short (what it is, the two commands, a day, a Dutch quick start and
    the way into the manual), and every page of the manual is reached from it."""
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 250
    assert "pip install . && salesnotes demo" in text
    assert "pip install -e '.[test]' && pytest" in text
    pages = sorted(p.name for p in (ROOT / "docs").glob("*.md"))
    # the team's tour runs with its own logins (test_team_roles), the phone's against real
    # DAV servers (test_phone_sync)
    # the phone's against real DAV servers (test_phone_sync), calls and mail's with the
    # fixtures and a real Dovecot (test_mail)
    assert pages == sorted(
        f"{p}.md" for p in [*PAGES, "team", "development", "phone", "calls-and-mail"]
    )
    for page in pages:
        assert f"(docs/{page})" in text, page


def test_every_link_leads_somewhere() -> None:
    for path in [README, *(ROOT / "docs").glob("*.md"), ROOT / "benchmarks" / "RESULTS.md"]:
        for target in re.findall(r"\]\(([^)#:]+)(?:#[^)]*)?\)", path.read_text(encoding="utf-8")):
            assert (path.parent / target).exists(), (path.name, target)
