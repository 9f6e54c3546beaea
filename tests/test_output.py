"""Hostile text prints inert; every command documents itself; the demo book works."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from salesnotes.cli.app import first_sentence
from salesnotes.commands.table import COMMANDS as TABLE
from salesnotes.commands.table import Command
from tests.conftest import Run, RunJson, dump

HOSTILE = "Evil \x1b[31mRed\x1b[0m [red]markup[/red] [bold]x[/bold] [link=http://x]y[/link]\x07"


def test_hostile_names_are_stored_as_text_and_printed_inert(run: Run, run_json: RunJson) -> None:
    run("add", HOSTILE, "--org", "[/bold]Org\x1b]0;title\x07", "--note", "note \x1b[2J")
    run("log", "evil", "said \x1b[1mthis\x1b[0m [blink]now[/blink]", "--next", "today")
    for args in (
        ("contacts",),
        ("contacts", "-f", "plain"),
        ("agenda",),
        ("agenda", "-f", "plain"),
        ("show", "evil"),
        ("show", "evil", "-f", "plain"),
        ("followups",),
        ("orgs",),
    ):
        out = run(*args).stdout
        assert "\x1b" not in out and "\x07" not in out, args
    table = run("contacts").stdout
    assert "[red]markup[/red]" in table
    assert "[link=http://x]y[/link]" in table
    assert "[blink]now[/blink]" in run("agenda").stdout
    [contact] = run_json("contacts")
    assert (
        contact["name"]
        == "Evil [31mRed[0m [red]markup[/red] [bold]x[/bold] [link=http://x]y[/link]"
    )
    assert contact["organisation"] == "[/bold]Org]0;title"


def test_an_error_is_one_line_whatever_value_it_echoes(run: Run, db_path: Path) -> None:
    run("add", "Jan")
    # A line feed in a value made an error span two lines (a forged 'Bcc:' line in a mail).
    for args, said in (
        (
            ("quote", "lost", "x\r\nBcc: evil@x.nl"),
            "Error: 'x\\r\\nBcc: evil@x.nl' is not a quote id",
        ),
        (("log", "jan", "x", "--next", "morgen\nBcc"), "Error: 'morgen\\nBcc' is not a date"),
        (("agenda", "--limit", "x\r\nBcc\x1b[2J"), "'x\\r\\nBcc\\x1b[2J' is not a valid"),
    ):
        err = run(*args, expect=2).stderr
        assert said in err, err
        [line] = [line for line in err.splitlines() if "Error:" in line]


@pytest.mark.parametrize("language", ["C.UTF-8", "nl_NL.UTF-8"])
@pytest.mark.slow
def test_an_echoed_value_of_100_kb_is_cut_and_said_at_once(run: Run, language: str) -> None:
    import os
    import subprocess
    import sys
    import time

    run("add", "Jan")
    value = "9" * 100_000
    for args in (
        ["agenda", "--limit", f"x{value}"],
        ["show", "jan", value],
        ["quote", "lost", value],
    ):
        started = time.monotonic()
        done = subprocess.run(
            [sys.executable, "-m", "salesnotes", *args],
            capture_output=True,
            text=True,
            timeout=60,
            env={**os.environ, "LANG": language},
        )
        took = time.monotonic() - started  # in Dutch this took 72 s: quadratic
        assert done.returncode == 2 and took < 5, (args, took)
        assert len(done.stderr) < 2_500 and "…" in done.stderr, done.stderr


def test_plain_output_never_breaks_a_line(run: Run) -> None:
    run("add", "Multi\tLine\nName")
    run("follow", "multi", "today", "first line\nsecond line")
    [line] = run("followups", "-f", "plain").stdout.splitlines()
    assert line.split("\t")[8] == "first line second line"


@pytest.mark.parametrize("command", TABLE, ids=[c.name for c in TABLE])
def test_every_command_has_help(run: Run, command: Command) -> None:
    assert command.help, f"{command.name} has no help"
    assert all(param.help for param in command.params), command.name
    out = run(*command.name.split(" "), "--help").stdout
    assert f"Usage: salesnotes {command.name} " in out
    assert first_sentence(command.help).rstrip(".") in " ".join(out.split())


def test_top_level_help_lists_the_daily_commands(run: Run) -> None:
    out = run("--help").stdout
    for name in ("add", "log", "follow", "agenda", "done", "show", "demo"):
        assert f"  {name}" in out
    assert "Exit codes" in out


def test_listing_commands_take_every_format(run: Run, book: dict[str, int]) -> None:
    run("follow", "anna", "today", "x")
    for args in (("contacts",), ("orgs",), ("followups",), ("agenda",), ("show", "anna")):
        for fmt in ("table", "plain", "json"):
            out = run(*args, "--format", fmt).stdout
            if fmt == "json":
                json.loads(out)
            assert out


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_demo_fills_the_named_database_and_prints_its_agenda(
    run: Run, run_json: RunJson, db_path: Path
) -> None:
    result = run("demo")
    assert "Who to call on Wed 25 Nov 2026" in result.stdout
    assert f"written to {db_path}" in result.stderr
    rows = run_json("agenda")
    assert rows[0]["name"] == "Thomas Jansen"
    assert rows[0]["reasons"][0].startswith("complaint open 27 hours (high priority)")
    assert "response time of 24 hours passed" in rows[0]["reasons"][0]
    assert rows[1]["reasons"] == ["callback requested today: Call back: asked for a demo"]
    assert any("overdue" in reason for row in rows for reason in row["reasons"])
    assert run_json("show", "jan")["contact"]["organisation"] == "Pluimers Isolatie"


def test_demo_refuses_a_database_with_data(run: Run, db_path: Path) -> None:
    run("add", "Mine")
    before = dump(db_path)
    assert "already holds contacts" in run("demo", expect=4).stderr
    assert dump(db_path) == before


def test_demo_without_a_database_uses_its_own_file(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Without --db the demo is demo.db in the user data folder (private, made anew each
    time): nothing is left in the temporary folder, and the real book is never touched."""
    monkeypatch.delenv("SALESNOTES_DB")
    monkeypatch.setattr("tempfile.tempdir", str(tmp_path / "tmp"))
    (tmp_path / "tmp").mkdir()
    result = run("demo")
    written = Path(result.stderr.split("written to ", 1)[1].split()[0])
    folder = tmp_path / "home" / ".local" / "share" / "salesnotes"
    assert written == folder / "demo.db" and written.exists()
    assert "export SALESNOTES_DB=" in result.stderr
    assert not (folder / "salesnotes.db").exists()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_show_wraps_to_the_terminal_and_hangs_under_its_own_text(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("add", "Jan de Vries", "--org", "Pluimers", "--note", "roof " * 30)
    run("log", "jan", "Called about the insulation of hall 3 " * 3, "--next", "vrijdag")
    monkeypatch.setenv("COLUMNS", "50")
    lines = run("show", "jan").stdout.splitlines()
    assert all(len(line) <= 50 for line in lines), lines
    note = next(n for n, line in enumerate(lines) if line.startswith("note"))
    column = lines[note].index("roof")
    assert lines[note + 1].startswith(" " * column + "roof")  # under the value, not column 0
    followup = next(n for n, line in enumerate(lines) if line.startswith("  #1 "))
    assert lines[followup + 1].startswith("     ")  # under the text after "#1 "
    assert "\x1b" not in "".join(lines)  # NO_COLOR (and not a terminal)
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    shown = run("show", "jan").stdout
    assert "\x1b[1m#1 Jan de Vries\x1b[0m" in shown
    assert "\x1b[2morganisation\x1b[0m" in shown


@pytest.mark.slow
def test_a_generated_demo_prints_the_normal_agenda_not_every_row(
    run: Run, run_json: RunJson, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def ranks(out: str) -> list[int]:
        cells = [line.split("│")[0].strip() for line in out.splitlines()]
        return [int(cell) for cell in cells if cell.isdigit()]

    assert ranks(run("demo", "--size", "300").stdout) == list(range(1, 26))
    assert len(run_json("agenda", "--limit", "0")) > 25  # there was more to print
    config = tmp_path / "config.toml"
    config.write_text("[agenda]\nlimit = 7\n")
    monkeypatch.setenv("SALESNOTES_CONFIG", str(config))
    other = tmp_path / "other.db"
    assert ranks(run("--db", str(other), "demo", "--size", "300").stdout) == list(range(1, 8))
