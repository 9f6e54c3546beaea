"""The fast entry path reads command lines exactly as typer does, or hands them to typer."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import typing
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesnotes import commands, entry
from salesnotes.cli import build
from salesnotes.commands.table import BY_NAME, COMMANDS, GROUPS, ROOT, Command
from salesnotes.env import Env
from salesnotes.errors import BadInput
from tests.conftest import Run, invoke

EVERYDAY = ("agenda", "log", "show", "follow", "done", "followups", "search", "brief")


def test_typer_declares_what_the_table_says() -> None:
    """The app typer builds has the table's commands, each with the table's parameters in
    its order, under the same names and option names, and nothing else."""
    group = build()
    built = {}
    for name, command in group.commands.items():
        subs = getattr(command, "commands", None)
        if not subs or command.invoke_without_command:  # a group that is a command too
            built[name] = command
        for sub, each in (subs or {}).items():
            built[f"{name} {sub}"] = each
    assert list(built) == [c.name for c in COMMANDS]
    assert tuple(d for p in ROOT for d in p.decls) == entry.GLOBAL_OPTIONS
    assert set(GROUPS) == {n.split(" ")[0] for n in built if " " in n}
    for command in COMMANDS:
        params = [p for p in built[command.name].params if p.name != "help"]
        assert [p.name for p in params] == [p.name for p in command.params], command.name
        for param, declared in zip(params, command.params, strict=True):
            assert list(param.opts) == list(declared.decls) or declared.is_argument
            assert param.required == declared.required, (command.name, param.name)


def test_every_everyday_command_is_on_the_fast_path() -> None:
    assert set(EVERYDAY) <= set(BY_NAME)
    assert not BY_NAME["agenda"].collects_garbage
    assert BY_NAME["demo"].collects_garbage  # generating a big book collects garbage as usual


def test_every_command_the_benchmarks_time_over_a_second_collects_garbage() -> None:
    """A command that runs long and allocates much keeps Python's garbage collector on (its
    table entry says so); the everyday ones run with it off. Long: over 1 s in the last
    benchmark run (benchmarks/RESULTS.md), or made to write a whole file or book."""
    results = Path(__file__).parent.parent / "benchmarks" / "RESULTS.md"
    timed = re.findall(r"^\| `([a-z-]+)[^`]*` \| ([0-9.]+) ms \|$", results.read_text(), re.M)
    slow = {name for name, ms in timed if float(ms) > 1000 and name in BY_NAME}
    assert slow >= {"import", "copy-book", "duplicates"}  # what the benchmarks time so
    collecting = {c.name for c in COMMANDS if c.collects_garbage}
    assert slow <= collecting
    # and the imports of a phone's log or a mailbox: thousands of records read at once
    assert collecting == slow | {"export", "demo", "calls import", "mail import", "mail sync"}


@pytest.mark.parametrize("command", COMMANDS, ids=[c.name for c in COMMANDS])
def test_each_command_matches_the_function_that_does_the_work(command: Command) -> None:
    """Same keyword names and types, so typer and the fast path call it the same way."""
    wanted = typing.get_type_hints(
        commands.target(command.runs), localns={"Env": Env, "Path": Path}
    )
    wanted.pop("env")
    wanted.pop("return")
    assert {p.name for p in command.params} == set(wanted), command.name
    for param in command.params:
        kind = {"text": str, "choice": str, "int": int, "flag": bool}[param.kind]
        if param.many:
            kind = list[str]
        accepted = {kind, kind | None}
        assert wanted[param.name] in accepted, (command.name, param.name, wanted[param.name])


def _typer_call(args: list[str], monkeypatch: pytest.MonkeyPatch) -> tuple[int, Any]:
    """What typer would run for ``args``: (exit code, (db, pinned, target, arguments))."""
    called: list[Any] = []

    def record(env: Env, target: str, arguments: dict[str, Any]) -> int:
        called.append((env.db, env.pinned, target, arguments))
        return 0

    monkeypatch.setattr(commands, "run", record)
    result = invoke(args)
    return result.exit_code, called[0] if called else None


def _fast_call(args: list[str]) -> tuple[int, Any] | None:
    parsed = entry.parse(args)
    if parsed is None:
        return None
    options, command, arguments = parsed
    try:
        env = Env.from_options(options.get("--db"), options.get("--today"))
    except BadInput:
        return 2, None
    return 0, (env.db, env.pinned, command.runs, arguments)


VALUES = st.one_of(
    st.sampled_from(
        [
            "jan",
            "#1",
            "0",
            "7",
            "-1",
            "+3",
            " 5",
            "99999999999999999999",
            "",
            "-",
            "--",
            "-x",
            "-n",
            "table",
            "plain",
            "json",
            "JSON",
            "morgen",
            "1_000",
            "٣",
            "a=b",
            "-5d",
        ]
    ),
    st.text(max_size=6),
)


@st.composite
def command_lines(draw: st.DrawFn) -> list[str]:
    """A command line built from a real command's own option names and hostile values:
    options with a value (a good one, a choice in the wrong case, a number out of range),
    ``--option=value``, lone options and positional values."""
    name = draw(st.sampled_from(sorted(BY_NAME)))
    options = [p for p in BY_NAME[name].params if not p.is_argument]
    words: list[str] = []
    for _ in range(draw(st.integers(0, 5))):
        unit = draw(st.integers(0, 3))
        if unit <= 2 and options:
            option = draw(st.sampled_from(options))
            opt = draw(st.sampled_from(option.decls))
            good = [*option.choices, *(["0", "1", "25"] if option.kind == "int" else [])]
            bad = [c.upper() for c in option.choices]
            if option.kind == "int":
                bad += [str((option.low or 0) - 1), str((option.high or 10**9) + 1), "1.5"]
            value = draw(
                st.one_of(VALUES, st.sampled_from(good or ["x"]), st.sampled_from(bad or ["x"]))
            )
            if unit == 0:
                words += [opt, value]
            elif unit == 1:
                words.append(f"{opt}={value}")
            else:
                words.append(opt)
        else:
            words.append(draw(VALUES))
    front: list[str] = []
    if draw(st.booleans()):
        front += ["--today", draw(st.sampled_from(["2026-11-26", "bad", "2026-02-30"]))]
    if draw(st.booleans()):
        front += [draw(st.sampled_from(["--db", "--db=x.db"]))]
        if front[-1] == "--db":
            front.append("other.db")
    return [*front, *name.split(" "), *words]


@settings(max_examples=600, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(args=command_lines())
@pytest.mark.slow
def test_the_fast_path_reads_a_command_line_as_typer_does(args: list[str]) -> None:
    with pytest.MonkeyPatch.context() as monkeypatch:
        fast = _fast_call(args)
        if fast is None:
            return  # typer gets it unchanged
        assert _typer_call(args, monkeypatch) == fast, args


@pytest.mark.parametrize(
    "args",
    [
        ["agenda"],
        ["agenda", "--format", "plain", "--limit", "10"],
        ["--db", "x.db", "--today", "2026-11-26", "agenda", "-f", "json"],
        ["log", "jan", "Called about the roof", "--kind", "call", "--next", "vrijdag"],
        ["show", "#42", "-n", "3"],
        ["follow", "anna", "morgen", "Call back", "--reason", "callback"],
        ["done", "3", "--note", "Demo booked", "--next", "in 2 weeks"],
        ["followups", "--overdue"],
        ["search", "heat pump", "--limit", "5"],
        ["brief", "--format", "email", "--to", "me@example.nl", "--quiet-if-empty"],
        ["add", "Jan", "--email", "a@b.nl", "--email", "c@d.nl", "--tag", "vip"],
        ["quote", "add", "jan", "500", "--send"],
        ["--db", "postgresql://anouk@db.example.nl/verkoop", "quote", "won", "3"],
    ],
)
def test_everyday_command_lines_take_the_fast_path(
    args: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    fast = _fast_call(args)
    assert fast is not None, args
    assert _typer_call(args, monkeypatch) == fast


@pytest.mark.parametrize(
    "args",
    [
        ["--help"],
        ["agenda", "--help"],
        ["agenda", "-h"],
        ["quote"],
        ["quote", "bogus", "1"],
        ["agenda", "--limit", "-1"],
        ["agenda", "--format", "xml"],
        ["log"],  # no WHO ('log jan' without text is whole now: it reads stdin or $EDITOR)
        ["log", "jan", "x", "--", "y"],
        ["agenda", "-fplain"],
        ["quote", "add", "jan", "-500"],
        ["export", "--format", "xml"],
        ["agendaa"],
        ["--version"],
    ],
)
def test_what_the_fast_path_does_not_fully_accept_goes_to_typer(args: list[str]) -> None:
    assert entry.parse(args) is None


def _salesnotes(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "salesnotes", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        check=False,
    )


@pytest.mark.slow
def test_the_process_gives_what_typer_gives(run: Run, db_path: Path) -> None:
    """Output, messages and exit codes are the same on both paths, errors included."""
    run("add", "Jan de Vries", "--org", "Pluimers")
    run("log", "jan", "Called", "--next", "morgen")
    for args in (
        ["agenda", "--date", "morgen", "-f", "plain"],
        ["show", "jan", "-f", "json"],
        ["show", "999"],  # exit 3
        ["log", "nobody", "x"],  # exit 3, with a suggestion
        ["agenda", "--date", "someday"],  # exit 2
        ["--today", "bad", "agenda"],  # exit 2, before the command
        ["agenda", "--limit", "-1"],  # typer's own message
    ):
        process = _salesnotes(*args)
        expected = run(*args, expect=None)
        assert process.returncode == expected.exit_code, args
        assert process.stdout == expected.stdout, args
        assert process.stderr == expected.stderr, args
        assert "Traceback" not in process.stderr


def test_a_database_error_on_the_fast_path_is_a_sentence(tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("not a database\n" * 100)
    process = _salesnotes("--db", str(notes), "agenda")
    assert process.returncode == 1
    assert process.stderr.startswith("Error: ")
    assert "not a salesnotes database" in process.stderr
    assert "Traceback" not in process.stderr


@pytest.mark.slow
def test_a_reader_that_stops_reading_ends_the_command_quietly(run: Run, db_path: Path) -> None:
    run("demo", "--size", "1500")  # more than a pipe holds (64 KB), a line at a time
    for args in (["contacts", "-f", "plain"], ["agenda", "-n", "0", "-f", "plain"]):
        process = subprocess.Popen(
            [sys.executable, "-m", "salesnotes", *args],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env={**os.environ, "COLUMNS": "80"},
        )
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.readline()  # read one line, then hang up, as head -1 does
        process.stdout.close()
        error = process.stderr.read().decode()
        assert process.wait(timeout=60) == 1, error
        assert error == "", args
