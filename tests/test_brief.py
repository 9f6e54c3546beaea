"""The morning briefing: sections, "since last" bookkeeping, quiet runs, mail and config."""

from __future__ import annotations

import email
import email.policy
import json
from pathlib import Path

import pytest

from tests.conftest import Run, RunJson


def at(monkeypatch: pytest.MonkeyPatch, moment: str) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", moment)


@pytest.fixture
def demo(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    at(monkeypatch, "2026-11-25T07:30")
    run("demo")


def test_sections_in_order_plain_and_within_78_columns(run: Run, demo: None) -> None:
    out = run("brief").stdout
    titles = [
        "Briefing for Wed 25 Nov 2026",
        "Who to call today (8)",
        "Quotes expiring this week, and stale quotes",
        "Losing touch",
        "Birthdays and anniversaries this week",
        "Since the last briefing: this is the first briefing for this book",
        "Pipeline: 4 open quotes, € 166.150,00 (weighted € 38.320,00)",
    ]
    positions = [out.index(t) for t in titles]
    assert positions == sorted(positions)
    assert all(len(line) <= 78 for line in out.splitlines())
    assert "\x1b" not in out and "┃" not in out and "│" not in out
    assert " 1. Thomas Jansen #7, Jansen & Zn Aannemers, 0523 68 11 22" in out
    assert "Sat 28 Nov: birthday of Kees de Groot (De Groot Dakwerken), turns 58" in out
    assert "Mon 30 Nov: Jan de Vries (Pluimers Isolatie), 3 years a customer" in out
    assert "Fatima El Amrani (Visser Energie): last contact Wed 28 Oct 2026, rhythm 2w" in out


def test_late_complaints_are_flagged(run: Run, demo: None, monkeypatch: pytest.MonkeyPatch) -> None:
    assert "Complaints past the response time" not in run("brief", "--since", "today").stdout
    at(monkeypatch, "2026-11-25T10:00")  # the demo's complaint was opened yesterday 09:00 UTC
    out = run("brief").stdout
    assert "Complaints past the response time (24 hours)" in out
    assert " - #1 Thomas Jansen: open 25 hours: Leak after insulation work in hall 2" in out


def test_since_the_previous_briefing(
    run: Run, run_json: RunJson, demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    first = run_json("brief", "--format", "json", "--record")
    assert first["first_briefing"] is True
    assert first["happened"]["interactions"] == []
    at(monkeypatch, "2026-11-25T10:00")
    run("log", "jan", "Planned the job", "--kind", "call")
    run("done", "5", "--note", "Planned")
    run("quote", "won", "2")
    at(monkeypatch, "2026-11-25T10:05")
    second = run_json("brief", "--format", "json", "--record")
    assert second["since"] == "2026-11-25T07:30:00+00:00"
    happened = second["happened"]
    # Each event once: the won quote is listed as a quote, not again as its note, and the
    # chase it closed is not a follow-up somebody did (issue 14).
    assert [i["text"] for i in happened["interactions"]] == ["Planned the job", "Planned"]
    assert [f["id"] for f in happened["followups_done"]] == [5]
    assert [q["id"] for q in happened["quotes_closed"]] == [2]
    at(monkeypatch, "2026-11-25T10:10")
    third = run_json("brief", "--format", "json", "--record")
    assert third["happened"] == {"interactions": [], "followups_done": [], "quotes_closed": []}
    since = run_json("brief", "--format", "json", "--since", "gisteren")
    assert len(since["happened"]["interactions"]) == 3  # yesterday's complaint call too
    text = run("brief").stdout
    assert "Since the last briefing (Wed 25 Nov 10:10)" in text


def test_only_a_delivered_briefing_moves_the_mark(
    run: Run, run_json: RunJson, demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("brief")  # the morning text (or mail): delivered, so it moves the mark
    at(monkeypatch, "2026-11-25T10:00")
    run("log", "jan", "Planned the job", "--kind", "call")
    at(monkeypatch, "2026-11-25T10:05")
    for fmt in ("json", "markdown", "html"):  # a look in between uses nothing up
        run("brief", "--format", fmt)
    assert [i["text"] for i in run_json("brief")["happened"]["interactions"]] == ["Planned the job"]
    text = run("brief", "--since", "maandag").stdout
    assert "Since Mon 23 Nov 2026" in text and "Since the last briefing" not in text
    err = run("brief", "--since", "maandag", "--record", expect=2).stderr
    assert "never moves 'since the last briefing'" in err
    delivered = run("brief").stdout  # --since did not move the mark either
    assert "Planned the job" in delivered


def test_quiet_if_empty_prints_nothing_and_remembers_nothing(
    run: Run, run_json: RunJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-11-25T07:30")
    run("add", "Lead Lotte")
    result = run("brief", "--quiet-if-empty")
    assert (result.stdout, result.stderr) == ("", "")
    assert run_json("brief", "--format", "json")["first_briefing"] is True
    run("follow", "lotte", "today", "call")
    assert "Lead Lotte" in run("brief", "--quiet-if-empty").stdout


def test_email_is_a_complete_mime_message(run: Run, demo: None) -> None:
    raw = run("brief", "--format", "email", "--to", "me@example.nl").stdout
    message = email.message_from_string(raw, policy=email.policy.default)
    assert message["To"] == "me@example.nl"
    assert message["From"] == "me@example.nl"
    assert message["Subject"] == "Briefing Wed 25 Nov 2026: 8 calls"
    assert message["Date"]
    assert message.get_content_type() == "multipart/alternative"
    parts = {part.get_content_type(): part for part in message.iter_parts()}
    assert set(parts) == {"text/plain", "text/html"}
    plain = parts["text/plain"].get_content()
    assert "Who to call today (8)" in plain
    page = parts["text/html"].get_content()
    assert page.startswith("<!DOCTYPE html>")
    assert "<style" not in page and 'style="' in page  # inline styles only
    assert "Thomas Jansen" in page


def test_email_recipient_from_configuration(
    run: Run, demo: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert "needs a recipient" in run("brief", "--format", "email", expect=2).stderr
    config = tmp_path / "config.toml"
    config.write_text('[brief]\nto = "verkoop@example.nl"\nfrom = "salesnotes@example.nl"\n')
    monkeypatch.setenv("SALESNOTES_CONFIG", str(config))
    message = email.message_from_string(run("brief", "-f", "email").stdout)
    assert (message["To"], message["From"]) == ("verkoop@example.nl", "salesnotes@example.nl")
    assert "not an e-mail address" in run("brief", "-f", "email", "--to", "nope", expect=2).stderr


def test_html_and_markdown_escape_what_they_print(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    at(monkeypatch, "2026-11-25T07:30")
    run("add", "<script>alert(1)</script> *bold*")
    run("follow", "script", "today", "<b>hi</b> [link](x)")
    page = run("brief", "--format", "html").stdout
    assert "<script>" not in page and "&lt;script&gt;" in page
    md = run("brief", "--format", "markdown").stdout
    assert "\\*bold\\*" in md and "\\[link\\](x)" in md


def test_json_has_stable_keys(run: Run, demo: None) -> None:
    data = json.loads(run("brief", "--format", "json").stdout)
    assert list(data) == [
        "date",
        "produced_at",
        "calls",
        "agenda",
        "late_complaints",
        "quotes_expiring",
        "quotes_stale",
        "losing_touch",
        "occasions",
        "since",
        "first_briefing",
        "happened",
        "pipeline",
    ]
    assert data["calls"] == 8


def test_top_n_comes_from_the_configuration(
    run: Run, demo: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[brief]\ntop = 3\n")
    monkeypatch.setenv("SALESNOTES_CONFIG", str(config))
    out = run("brief").stdout
    assert "Who to call today (3 of 8)" in out
    assert " 4. " not in out.split("Quotes expiring")[0]
