"""Configuration: documented defaults, a checked TOML file, and `salesnotes config`."""

from __future__ import annotations

from pathlib import Path

import pytest

from salesnotes.config import SETTINGS, load
from tests.conftest import Run, RunJson


@pytest.fixture
def config_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "config.toml"
    path.write_text("", encoding="utf-8")  # a file SALESNOTES_CONFIG names must exist
    monkeypatch.setenv("SALESNOTES_CONFIG", str(path))
    return path


def test_defaults_without_a_file(run_json: RunJson, config_file: Path) -> None:
    config_file.unlink()
    data = run_json("config")
    assert data["file"] == str(config_file)
    assert data["file_exists"] is False
    values = {s["key"]: (s["value"], s["source"]) for s in data["settings"]}
    assert values["agenda.weights.callback"] == (500, "default")
    assert values["rhythm.customer"] == ("8w", "default")
    assert values["complaints.response_hours"] == (24, "default")
    assert len(values) == len(SETTINGS)


def test_the_file_overrides_and_says_so(run: Run, run_json: RunJson, config_file: Path) -> None:
    config_file.write_text('[agenda.weights]\ncallback = 400\n\n[rhythm]\ncustomer = "6w"\n')
    values = {s["key"]: (s["value"], s["source"]) for s in run_json("config")["settings"]}
    assert values["agenda.weights.callback"] == (400, str(config_file))
    assert values["rhythm.customer"] == ("6w", str(config_file))
    assert values["agenda.weights.complaint"] == (1000, "default")
    plain = run("config", "--format", "plain").stdout.splitlines()
    assert f"agenda.weights.callback\t400\t{config_file}" in plain
    assert run("config", "--path").stdout == f"{config_file}\n"


def test_weights_change_the_ranking(
    run: Run, run_json: RunJson, config_file: Path, book: dict[str, int]
) -> None:
    run("follow", "anna", "today", "demo", "--reason", "callback")
    run("follow", "jan", "today", "question", "--reason", "question")
    assert [r["name"] for r in run_json("agenda")] == ["Anna Bakker", "Jan de Vries"]
    config_file.write_text("[agenda.weights]\nquestion = 900\n")
    rows = run_json("agenda")
    assert [(r["name"], r["score"]) for r in rows] == [("Jan de Vries", 900), ("Anna Bakker", 500)]


def test_explain_shows_each_term(run: Run, book: dict[str, int]) -> None:
    run("follow", "anna", "2026-11-20", "demo", "--reason", "callback", "--priority", "high")
    run("follow", "anna", "today", "second thing")
    out = run("agenda", "--explain", "--format", "plain").stdout
    assert out.rstrip("\n").split("\t")[8] == (
        "callback 500 + overdue 3 days 106 + priority high 50"
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[agenda.weights]\ncallback = 'lots'\n", "'agenda.weights.callback' must be a number"),
        ("[agenda]\nweights.callbak = 3\n", "unknown setting 'agenda.weights.callbak'"),
        ("[rhythm]\ncustomer = '8 weken'\n", None),
        ("[rhythm]\ncustomer = 'sometimes'\n", "'rhythm.customer' must be a period"),
        ("[money]\nformat = 'de'\n", "'money.format' must be one of nl, en"),
        ("[quotes.probability]\nsent = 130\n", "must be between 0 and 100"),
        ("[brief]\ntop = 2.5\n", "'brief.top' must be a whole number"),
        ("[brief]\nto = 'nobody'\n", "'brief.to' must be one e-mail address or several"),
        ("this is = not [toml\n", "is not valid TOML"),
    ],
)
def test_a_bad_file_names_the_file_the_key_and_the_problem(
    run: Run, config_file: Path, book: dict[str, int], content: str, message: str | None
) -> None:
    config_file.write_text(content)
    if message is None:
        load(config_file)  # Dutch period words are fine
        return
    result = run("agenda", expect=2)
    assert result.stderr.startswith(f"Error: {config_file}")
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_unreadable_file(run: Run, config_file: Path) -> None:
    config_file.write_bytes(b"\xff\xfe not utf-8")
    assert "cannot be read" in run("config", expect=2).stderr


@pytest.mark.slow
def test_only_a_regular_file_of_a_sane_size_is_read(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os
    import subprocess
    import sys

    fifo = tmp_path / "config.fifo"
    os.mkfifo(fifo)
    big = tmp_path / "big.toml"
    big.write_text("# " + "x" * (1024 * 1024) + "\n", encoding="utf-8")
    for named, said in (
        ("/dev/zero", "/dev/zero is not a regular file, so not a configuration"),
        (str(fifo), f"{fifo} is not a regular file"),
        (str(big), f"{big} is over 1024 KB, too big to be a configuration"),
    ):
        # In a process of its own: /dev/zero was read until the system killed it (~24 GB),
        # a FIFO waited for ever.
        done = subprocess.run(
            [sys.executable, "-m", "salesnotes", "agenda"],
            env={**os.environ, "SALESNOTES_CONFIG": named},
            capture_output=True,
            text=True,
            timeout=30,
        )
        assert done.returncode == 2 and done.stderr.startswith(f"Error: {said}"), done.stderr
