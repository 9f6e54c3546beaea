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
    assert "Fatima El Amrani (Visser Energie): last contact Wed 28 Oct 2026, every 2 weeks" in (
        " ".join(out.split())
    )


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


def test_a_quote_closed_in_dutch_is_listed_once(
    run: Run, run_json: RunJson, demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The note 'Offerte #2 gewonnen' belongs to quote #2 by a link, not by its words: the
    Dutch briefing lists the won quote once, and counts one conversation, not two."""
    run("brief", "--record")
    at(monkeypatch, "2026-11-25T10:00")
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    run("log", "jan", "Klus ingepland", "--kind", "call")
    run("quote", "won", "2")
    run("quote", "lost", "3", "--reason", "te duur")
    at(monkeypatch, "2026-11-25T10:05")
    happened = run_json("brief")["happened"]
    assert [i["text"] for i in happened["interactions"]] == ["Klus ingepland"]
    assert [q["id"] for q in happened["quotes_closed"]] == [2, 3]
    text = run("brief").stdout
    assert text.count("#2 ") == 1, text
    assert "1 gesprek" in text or "Klus ingepland" in text


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


def test_quiet_only_when_nothing_at_all_is_in_it(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """Nobody to call, but nine things happened since yesterday's briefing: not empty."""
    at(monkeypatch, "2026-11-24T07:30")
    run("add", "Lead Lotte")
    run("brief", "--record")
    at(monkeypatch, "2026-11-24T10:00")
    for n in range(9):
        run("log", "lotte", f"Gesprek {n}")
    at(monkeypatch, "2026-11-25T07:30")
    out = run("brief", "--quiet-if-empty").stdout
    assert "9 interactions logged" in out and "Gesprek 8" in out, out


def test_a_look_at_a_terminal_leaves_the_mark_where_it_is(
    run: Run, run_json: RunJson, demo: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """'salesnotes brief' typed at a terminal is a look; cron's run (no terminal) is the
    delivery whose "since the last briefing" must still hold what happened."""
    import os

    from tests.conftest import on_a_terminal

    run("brief")  # cron, 07:30: delivered
    at(monkeypatch, "2026-11-25T10:00")
    run("log", "jan", "Planned the job", "--kind", "call")
    at(monkeypatch, "2026-11-25T10:05")
    seen = on_a_terminal(["brief"], {**os.environ, "PAGER": "cat"})
    assert b"Planned the job" in seen
    assert [i["text"] for i in run_json("brief")["happened"]["interactions"]] == ["Planned the job"]
    assert "Planned the job" in run("brief").stdout  # the next delivery still has it


def test_one_time_zone_for_the_clock_and_a_pinned_today(
    run: Run, run_json: RunJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    """SALESNOTES_TODAY=...T07:30 is local time, as the clock is: under TZ=Europe/Amsterdam
    the 07:30 briefing is reported as 07:30 afterwards, in words and in JSON."""
    import time

    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    try:
        at(monkeypatch, "2026-12-09T07:30")
        run("add", "Lead Lotte")
        run("brief", "--record")
        at(monkeypatch, "2026-12-09T10:30")
        assert (
            "Since the last briefing (Wed 9 Dec 07:30)"
            in run("brief", "--format", "markdown").stdout
        )
        data = run_json("brief")
        assert data["since"] == "2026-12-09T07:30:00+01:00"
        assert data["produced_at"] == "2026-12-09T10:30:00+01:00"
        at(monkeypatch, "2026-07-01T07:30")  # summer time: +02:00
        assert run_json("brief", "--date", "2026-07-02")["produced_at"] == (
            "2026-07-02T07:30:00+02:00"
        )
    finally:
        monkeypatch.setenv("TZ", "UTC")
        time.tzset()


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


def test_a_briefing_mailed_to_several(
    run: Run, demo: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 'a, b' kept only the first address, silently.
    to = 'me@example.nl, "Vries, Jan" <jan@example.nl>; chef@example.nl'
    message = email.message_from_string(run("brief", "-f", "email", "--to", to).stdout)
    assert message["To"] == 'me@example.nl, "Vries, Jan" <jan@example.nl>, chef@example.nl'
    assert message["From"] == "me@example.nl"
    err = run("brief", "-f", "email", "--to", "me@example.nl, nope", expect=2).stderr
    assert err == "Error: --to: 'nope' is not an e-mail address; try me@example.nl\n"
    config = tmp_path / "config.toml"
    config.write_text('[brief]\nto = "verkoop@example.nl; chef@example.nl"\n'
                      'from = "a@example.nl, b@example.nl"\n')  # fmt: skip
    monkeypatch.setenv("SALESNOTES_CONFIG", str(config))
    err = run("brief", "-f", "email", expect=2).stderr  # a sender is one address
    assert "'brief.from' must be an e-mail address, not 'a@example.nl, b@example.nl'" in err
    config.write_text('[brief]\nto = "verkoop@example.nl; chef@example.nl"\n')
    message = email.message_from_string(run("brief", "-f", "email").stdout)
    assert (message["To"], message["From"]) == (
        "verkoop@example.nl, chef@example.nl",
        "verkoop@example.nl",
    )


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
        "day_off",  # added later, at the end
        "back_after_days_off",
        "unnoted_calls",
        "visits",
        "ride_along",
        "week",  # the manager's (brief --team): the team's week so far, as report's JSON
    ]
    assert data["calls"] == 8
    assert (data["day_off"], data["back_after_days_off"]) == (None, None)


def test_top_n_comes_from_the_configuration(
    run: Run, demo: None, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[brief]\ntop = 3\n")
    monkeypatch.setenv("SALESNOTES_CONFIG", str(config))
    out = run("brief").stdout
    assert "Who to call today (3 of 8)" in out
    assert " 4. " not in out.split("Quotes expiring")[0]


def test_a_note_of_several_lines_keeps_its_lines(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """In show and in the briefing, what was logged on three lines is shown on three."""
    at(monkeypatch, "2026-11-25T07:30")
    run("add", "Jan de Vries")
    run("brief", "--record")
    at(monkeypatch, "2026-11-25T10:00")
    run("log", "jan", "Gesprek over hal 3:\n- dak lekt\n- offerte volgende week")
    shown = run("show", "jan").stdout.splitlines()
    at_line = next(n for n, line in enumerate(shown) if "Gesprek over hal 3:" in line)
    assert shown[at_line + 1].strip() == "- dak lekt"
    assert shown[at_line + 2].strip() == "- offerte volgende week"
    text = run("brief").stdout.splitlines()
    at_line = next(n for n, line in enumerate(text) if "Gesprek over hal 3:" in line)
    assert text[at_line + 1 : at_line + 3] == ["   - dak lekt", "   - offerte volgende week"]
