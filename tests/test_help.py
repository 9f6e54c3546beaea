"""--help for people (issue 13): whole first sentences, usage lines as WHO TEXT, every choice
listed, and examples in the everyday commands."""

from __future__ import annotations

import pytest

from tests.conftest import Run

EVERYDAY = ("agenda", "log", "follow", "followups", "done", "snooze", "add", "edit", "show",
            "search", "contacts", "brief", "quotes")  # fmt: skip


def test_the_command_list_shows_whole_first_sentences(run: Run) -> None:
    out = run("--help").stdout
    assert "..." not in out.split("Commands:", 1)[1]
    flat = " ".join(out.split())
    assert "Who to call today and why, most urgent first (see 'How the agenda ranks' in" in flat
    assert "docs/briefing-and-cron.md)." in flat
    assert "..." not in run("quote", "--help").stdout.split("Commands:", 1)[1]


@pytest.mark.parametrize("command", EVERYDAY)
def test_everyday_help_has_examples_and_a_plain_usage_line(run: Run, command: str) -> None:
    out = run(command, "--help").stdout
    usage = out.splitlines()[0]
    assert "{" not in usage and "}" not in usage, usage
    assert "Examples:" in out
    examples = [line.strip() for line in out.splitlines() if line.strip().startswith("salesnotes ")]
    assert 2 <= len(examples) <= 4, examples
    assert all(len(line) <= 80 for line in out.splitlines()), out


def test_usage_names_arguments_as_the_ecosystem_does(run: Run) -> None:
    assert run("log", "--help").stdout.startswith("Usage: salesnotes log [OPTIONS] WHO [TEXT]")
    assert run("follow", "--help").stdout.startswith(
        "Usage: salesnotes follow [OPTIONS] WHO WHEN [TEXT]"
    )


def test_every_choice_is_listed(run: Run) -> None:
    flat = " ".join(run("log", "--help").stdout.split())
    for value in ("callback", "complaint", "question", "quote", "checkin", "other"):
        assert value in flat.split("--reason", 1)[1], value
    flat = " ".join(run("follow", "--help").stdout.split())
    for value in ("high", "normal", "low"):
        assert value in flat
