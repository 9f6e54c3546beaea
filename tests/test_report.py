"""The team's week in figures (issue 28): ``report`` per person and for the team, against the
span before, the same on SQLite and PostgreSQL and equal to figures counted from the rows
independently; the manager's briefing's week so far."""

from __future__ import annotations

import json
import os
import sqlite3
import statistics
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

from tests.conftest import Run, RunJson, dump

if TYPE_CHECKING:
    from collections.abc import Callable

TALKS = ("call", "visit", "email", "meeting")


def day_as(monkeypatch: pytest.MonkeyPatch, who: str, moment: str) -> None:
    monkeypatch.setenv("SALESNOTES_USER", who)
    monkeypatch.setenv("SALESNOTES_TODAY", moment)


@pytest.fixture
def two_weeks(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    """pieter and anouk at work over two weeks: last week's Monday to this week's Wednesday."""
    day_as(monkeypatch, "pieter", "2026-11-30T09:00")  # Monday, last week
    run("add", "Jan de Vries", "--status", "customer")
    run("log", "jan", "Belde over hal 3", "--kind", "call")
    run("quote", "add", "jan", "10000", "--title", "Hal 3", "--send")
    run("follow", "jan", "2-12", "Tekening sturen")
    day_as(monkeypatch, "anouk", "2026-12-01T10:00")
    run("add", "Els Bos", "--status", "prospect")
    run("log", "els", "Mail over de offerte", "--kind", "email")
    day_as(monkeypatch, "pieter", "2026-12-07T09:00")  # Monday, this week
    run("log", "jan", "Bezoek hal 3", "--kind", "visit")
    late = run_json_of(run, "followups", "--format", "json")
    run("done", str(next(f["id"] for f in late if f["text"] == "Tekening sturen")))  # late
    run("add", "Kees Smit", "--status", "prospect")
    run("quote", "add", "kees", "5000", "--title", "Dak", "--send")
    run("follow", "kees", "woensdag", "Bellen over het dak")
    run("quote", "won", "1")  # its chase closes with it: nobody did that follow-up
    day_as(monkeypatch, "anouk", "2026-12-08T09:00")
    run("complaint", "els", "Lekkage")
    run("quote", "add", "els", "2000", "--title", "Goot", "--send")
    run("quote", "lost", "3", "--reason", "prijs")
    day_as(monkeypatch, "anouk", "2026-12-08T12:00")
    run("log", "els", "Teruggebeld over de lekkage", "--kind", "call")  # 3 hours after
    day_as(monkeypatch, "pieter", "2026-12-09T10:00")
    due = run_json_of(run, "followups", "--format", "json")
    run("done", str(next(f["id"] for f in due if f["text"] == "Bellen over het dak")))
    run("log", "kees", "Afspraak gemaakt", "--kind", "call")
    day_as(monkeypatch, "anouk", "2026-12-09T15:00")


def run_json_of(run: Run, *args: str) -> Any:
    return json.loads(run(*args).stdout)


def test_the_teams_week_per_person_against_last_week(
    run: Run, run_json: RunJson, two_weeks: None
) -> None:
    report = run_json("report", "--week", "--team")
    assert (report["start"], report["end"]) == ("2026-12-07", "2026-12-09")
    assert (report["before_start"], report["before_end"]) == ("2026-11-30", "2026-12-02")
    people = {p["name"]: p for p in report["people"]}
    assert list(people) == ["anouk", "pieter"]
    pieter, anouk, team = people["pieter"], people["anouk"], report["team"]
    expected_pieter = {
        "conversations": 2, "calls": 1, "visits": 1, "emails": 0, "meetings": 0,
        "new_contacts": 1, "quotes_sent": 1, "quotes_sent_cents": 500000, "quotes_won": 1,
        "quotes_won_cents": 1000000, "quotes_lost": 0, "quotes_lost_cents": 0, "win_rate": 1.0,
        "pipeline_open": 1, "pipeline_open_cents": 500000, "pipeline_weighted_cents": 150000,
        "followups_on_time": 1, "followups_late": 1, "complaints": 0,
        "complaint_answer_hours": None, "complaints_unanswered": 0, "getting_quiet": 0,
        "per_day": [1, 0, 1],
    }  # fmt: skip
    assert pieter["figures"] == expected_pieter
    assert pieter["before"] == {
        "conversations": 1, "calls": 1, "visits": 0, "emails": 0, "meetings": 0,
        "new_contacts": 1, "quotes_sent": 1, "quotes_sent_cents": 1000000, "quotes_won": 0,
        "quotes_won_cents": 0, "quotes_lost": 0, "quotes_lost_cents": 0, "win_rate": None,
        "followups_on_time": 0, "followups_late": 0, "complaints": 0,
        "complaint_answer_hours": None, "complaints_unanswered": 0, "per_day": [1, 0, 0],
    }  # fmt: skip
    assert anouk["figures"]["conversations"] == 1  # the complaint itself is not a conversation
    assert anouk["figures"]["complaints"] == 1
    assert anouk["figures"]["complaint_answer_hours"] == 3.0
    assert anouk["figures"]["win_rate"] == 0.0 and anouk["figures"]["quotes_lost_cents"] == 200000
    assert anouk["before"]["emails"] == 1 and anouk["before"]["new_contacts"] == 1
    assert team["figures"]["conversations"] == 3 and team["before"]["conversations"] == 2
    assert team["figures"]["win_rate"] == 0.5 and team["figures"]["per_day"] == [1, 1, 1]
    assert report["pipeline_by_month"] == [{"month": "2027-01", "count": 1, "value_cents": 500000}]

    table = run("report", "--team").stdout  # the default span is the week
    assert "The team: Mon 7 Dec 2026 – Wed 9 Dec 2026" in table
    assert "against Mon 30 Nov 2026 – Wed 2 Dec 2026" in table
    assert "anouk  ▁█▁" not in table  # a day without conversations draws nothing
    assert "\nanouk    █   1\n" in table and "\npieter  █ █  2\n" in table
    lines = {line.split("│")[0].strip(): line for line in table.splitlines() if "│" in line}
    assert [c.strip() for c in lines["Conversations"].split("│")[1:]] == ["1", "2", "3", "+50%"]
    assert [c.strip() for c in lines["Win rate"].split("│")[1:]] == ["0%", "100%", "50%", ""]
    assert "Jan 2027" in table and "€ 5.000,00 (1)" in table


def test_whose_figures_and_the_other_spans(
    run: Run, run_json: RunJson, two_weeks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    mine = run_json("report")  # a salesperson in a team's book: their own
    assert [p["name"] for p in mine["people"]] == ["anouk"] and mine["team"] is None
    assert [p["name"] for p in run_json("report", "--owner", "pieter")["people"]] == ["pieter"]
    month = run_json("report", "--month", "--team")
    assert (month["start"], month["before_start"], month["before_end"]) == (
        "2026-12-01", "2026-11-01", "2026-11-09"
    )  # fmt: skip
    assert month["team"]["figures"]["conversations"] == 4  # from the 1st: anouk's mail too
    last = run_json("report", "--week", "--last", "--team")
    assert (last["start"], last["end"]) == ("2026-11-30", "2026-12-06")
    assert last["team"]["figures"]["conversations"] == 2
    since = run_json("report", "--since", "30-11", "--team")
    assert (since["start"], since["before_start"], since["before_end"]) == (
        "2026-11-30", "2026-11-20", "2026-11-29"
    )  # fmt: skip
    assert since["team"]["figures"]["quotes_sent"] == 3
    longer = run("report", "--since", "2026-06-01", "--team").stdout  # 192 days: by week
    assert "Conversations per week, Mon 1 Jun to Wed 9 Dec:" in longer
    assert "\npieter  " in longer and longer.count("▁") + longer.count("█") >= 2
    plain = run("report", "--team", "--format", "plain").stdout.splitlines()
    assert "pieter\tquotes_won_cents\t1000000\t0" in plain
    assert "team\twin_rate\t0.5\t" in plain and "pieter\tpipeline_open\t1\t" in plain
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert run("report", "--team", "--format", "plain").stdout.splitlines() == plain
    dutch = run("report", "--team").stdout
    assert "Het team: ma 7 dec 2026 – wo 9 dec 2026" in dutch
    assert "Gesprekken" in dutch and "Scoringspercentage" in dutch and "eerste antwoord" in dutch
    markdown = run("report", "--team", "--format", "markdown").stdout
    assert markdown.startswith("## Het team: ma 7 dec 2026") and "| Gesprekken | 1 | 2 | 3 |" in (
        markdown
    )


def test_the_managers_briefing_has_the_week_so_far(
    run: Run, two_weeks: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    day_as(monkeypatch, "marieke", "2026-12-09T15:00")
    text = " ".join(run("brief", "--team").stdout.split())
    assert "The team's week so far (Mon 7 Dec to Wed 9 Dec)" in text
    assert (
        "- conversations: 3 (calls 2, visits 1, mails 0, meetings 0); by this day last week 2;"
        " new contacts: 1 - quotes: 2 sent (€ 7.000,00), 1 won (€ 10.000,00), 1 lost; open"
        " € 5.000,00 (weighted € 1.500,00) - follow-ups: 1 done on time, 1 late; complaints:"
        " 1 opened, first answer after 3 h (median)"
    ) in text
    html = run("brief", "--team", "--format", "html").stdout
    assert html.count("<svg") == 1 and 'role="img"' in html
    assert "Conversations per person: anouk: 1; pieter: 2" in html  # the text alternative
    mail = run("brief", "--team", "--format", "email", "--to", "marieke@example.nl").stdout
    assert "Content-Type: text/html" in mail and "svg" in mail  # the chart goes in the mail
    monkeypatch.setenv("SALESNOTES_USER", "pieter")
    assert "The team's week so far" not in run("brief").stdout  # a salesperson's own: not


def test_bad_input_for_a_report_is_a_sentence_and_writes_nothing(
    run: Run, two_weeks: None, db_path: Path, tmp_path: Path
) -> None:
    before = dump(db_path)
    told = [
        run("report", "--week", "--month", expect=2).stderr,
        run("report", "--last", "--since", "1-12", expect=2).stderr,
        run("report", "--owner", "pieter", "--team", expect=2).stderr,
        run("report", "--since", "2027-01-01", expect=2).stderr,
        run("report", "--since", "ooit", expect=2).stderr,
        run("report", "--owner", "niemand", expect=3).stderr,
        run("report", "--format", "pdf", expect=2).stderr,
    ]
    assert "give one of --week, --month and --since" in told[0]
    assert "not with --since" in told[1] and "--owner NAME or --team, not both" in told[2]
    assert "--since is a day up to today, not 2027-01-01" in told[3]
    assert told[4].startswith("Error: ") and "Traceback" not in told[4]
    assert "niemand has no part in this book" in told[5] and "anouk, pieter" in told[5]
    out = tmp_path / "team.html"
    run("report", "--team", "--format", "html", "-o", str(out))
    assert oct(out.stat().st_mode & 0o777) == "0o600" and out.read_text().startswith("<!DOCTYPE")
    assert "exists already" in run("report", "-o", str(out), expect=4).stderr
    assert dump(db_path) == before


# Figures counted independently, from the rows themselves -------------------------------


def rows(sql: str) -> list[dict[str, Any]]:
    """Every row a query gives, from the test's book on either backend."""
    book = os.environ["SALESNOTES_DB"]
    if book.startswith("postgresql://"):
        import psycopg
        from psycopg.rows import dict_row

        with psycopg.connect(book, row_factory=dict_row) as server:
            return list(server.execute(sql).fetchall())
    conn = sqlite3.connect(book)
    conn.row_factory = sqlite3.Row
    try:
        return [dict(r) for r in conn.execute(sql)]
    finally:
        conn.close()


def counted(
    start: date, end: date, today: date, rows: Callable[[str], list[dict[str, Any]]] = rows
) -> dict[str, dict[str, Any]]:
    """Each owner's figures over [start, end] as the documentation defines them, counted in
    Python from every row of the book (no SQL aggregates; ``rows``: how to read them)."""
    owner = {r["id"]: r["owner"] for r in rows("SELECT id, owner FROM contacts")}
    figures: dict[str, dict[str, Any]] = {}

    def of(person: str) -> dict[str, Any]:
        return figures.setdefault(person, {
            "conversations": 0, **dict.fromkeys(("calls", "visits", "emails", "meetings"), 0),
            "new_contacts": 0, "quotes_sent": 0, "quotes_sent_cents": 0, "quotes_won": 0,
            "quotes_won_cents": 0, "quotes_lost": 0, "quotes_lost_cents": 0,
            "followups_on_time": 0, "followups_late": 0, "complaints": 0, "hours": [],
            "pipeline_open": 0, "pipeline_open_cents": 0,
        })  # fmt: skip

    inside = {(start + timedelta(days=n)).isoformat() for n in range((end - start).days + 1)}
    names = {"call": "calls", "visit": "visits", "email": "emails", "meeting": "meetings"}
    talks = rows("SELECT contact_id, kind, happened_on, logged_at FROM interactions")
    by_contact: dict[int, list[dict[str, Any]]] = {}
    for r in talks:
        by_contact.setdefault(r["contact_id"], []).append(r)
        if r["kind"] in TALKS and r["happened_on"] in inside:
            f = of(owner[r["contact_id"]])
            f["conversations"] += 1
            f[names[r["kind"]]] += 1
    for r in rows("SELECT owner, created_at, merged_into FROM contacts"):
        if r["created_at"][:10] in inside and r["merged_into"] is None:
            of(r["owner"])["new_contacts"] += 1
    for q in rows("SELECT * FROM quotes WHERE currency = 'EUR'"):
        f = of(owner[q["contact_id"]])
        if q["sent_on"] in inside:
            f["quotes_sent"] += 1
            f["quotes_sent_cents"] += q["amount_cents"]
        if q["status"] in ("won", "lost") and q["closed_on"] in inside:
            f[f"quotes_{q['status']}"] += 1
            f[f"quotes_{q['status']}_cents"] += q["amount_cents"]
        expired = q["valid_until"] is not None and q["valid_until"] < today.isoformat()
        if q["status"] in ("draft", "sent", "negotiating") and not expired:
            f["pipeline_open"] += 1
            f["pipeline_open_cents"] += q["amount_cents"]
    for r in rows("SELECT * FROM followups"):
        whose = r["owner"] or owner[r["contact_id"]]
        if r["reason"] == "complaint" and r["created_on"] in inside:
            f = of(whose)
            f["complaints"] += 1
            answers = [r["done_at"]] if r["done_at"] else []
            answers += [
                t["logged_at"] for t in by_contact.get(r["contact_id"], [])
                if t["kind"] in TALKS
                and t["happened_on"] >= r["created_on"] and t["logged_at"] > r["created_at"]
            ]  # fmt: skip
            if answers:
                opened = datetime.fromisoformat(r["created_at"].replace("Z", "+00:00"))
                first = min(datetime.fromisoformat(a.replace("Z", "+00:00")) for a in answers)
                f["hours"].append((first - opened).total_seconds() / 3600)
        elif (
            r["status"] == "done" and r["done_on"] in inside and not r["closed_with_quote"]
            and r["reason"] != "complaint"
        ):  # fmt: skip
            of(whose)["followups_on_time" if r["done_on"] <= r["due_on"] else "followups_late"] += 1
    return figures


@pytest.mark.slow
def test_figures_equal_an_independent_count_of_a_generated_team_book(run: Run) -> None:
    """A generated book of years, shared out over three people: every figure of every person
    in three spans is what counting the rows gives (in the PostgreSQL pass: on the server)."""
    run("demo", "--size", "400", "--seed", "7")
    statement = (
        "UPDATE contacts SET owner = CASE WHEN id % 3 = 0 THEN 'anouk' WHEN id % 3 = 1"
        " THEN 'pieter' ELSE 'marieke' END"
    )
    book = os.environ["SALESNOTES_DB"]
    if book.startswith("postgresql://"):
        import psycopg

        with psycopg.connect(book) as conn:
            conn.execute(statement)
    else:
        with sqlite3.connect(book) as conn:
            conn.execute(statement)
    today = date.fromisoformat(os.environ["SALESNOTES_TODAY"][:10])
    checked = 0
    for args in (("--month",), ("--since", "2026-06-01"), ("--week", "--last")):
        report = json.loads(run("report", *args, "--team", "--format", "json").stdout)
        for span, key in (("", "figures"), ("before_", "before")):
            start = date.fromisoformat(report[f"{span}start"])
            end = date.fromisoformat(report[f"{span}end"])
            expected = counted(start, end, today)
            for person in report["people"]:
                shown, mine = person[key], expected.get(person["name"])
                assert mine is not None, person["name"]
                hours = mine.pop("hours")
                opened = [k for k in mine if not k.startswith("pipeline") or key == "figures"]
                assert {k: shown[k] for k in opened} == {k: mine[k] for k in opened}
                median = statistics.median(hours) if hours else None
                assert shown["complaint_answer_hours"] == (
                    None if median is None else round(median, 4)
                )
                checked += sum(1 for k in opened if mine[k])
    assert checked > 100  # the spans hold real work, not zeros compared with zeros


def test_the_html_report_draws_its_bars_in_a_real_browser(
    run: Run, two_weeks: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """Drawn by chromium and read back from the picture: one bar per person in the table's
    order, as long as their conversations, then one per month of the open pipeline."""
    from salesnotes.render.charts import BAR_COLOUR
    from tests.browser import bars, screenshot

    day_as(monkeypatch, "marieke", "2026-12-09T16:00")
    run("add", "Mila Mol", "--status", "customer")
    for text in ("Eerste", "Tweede", "Derde", "Vierde"):
        run("log", "mila", text, "--kind", "call")
    page = tmp_path / "team.html"
    run("report", "--team", "--format", "html", "-o", str(page))
    html = page.read_text()
    assert "<script" not in html and "http" not in html.replace(
        'xmlns="http://www.w3.org/2000/svg"', ""
    )  # nothing to fetch, nothing to run: a mail client shows it
    assert "Conversations per person: anouk: 1; marieke: 4; pieter: 2" in html
    drawn = bars(screenshot(page, tmp_path / "team.png"), BAR_COLOUR)
    assert len(drawn) == 3 + 1, drawn  # three people, one month of open quotes
    people = drawn[:3]
    assert [top for top, _, _ in people] == sorted(top for top, _, _ in people)
    widths = [wide for _, _, wide in people]
    assert widths[1] > widths[2] > widths[0]  # marieke 4, pieter 2, anouk 1: in table order
    assert abs(widths[2] / widths[1] - 2 / 4) < 0.03 and abs(widths[0] / widths[1] - 1 / 4) < 0.03
    month = drawn[3]
    assert month[2] == widths[1]  # the only month: the full length

    brief = tmp_path / "brief.html"
    brief.write_text(run("brief", "--team", "--format", "html").stdout)
    drawn = bars(screenshot(brief, tmp_path / "brief.png"), BAR_COLOUR)
    assert len(drawn) == 3 and drawn[1][2] > drawn[2][2] > drawn[0][2]


@pytest.mark.parametrize("language", ["C.UTF-8", "nl_NL.UTF-8"])
def test_the_tour_of_the_teams_week_runs_as_written(
    run: Run, two_weeks: None, language: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """docs/team.md's tour, copied as it is, by the manager, in English and in Dutch."""
    from tests.test_readme import ROOT, tour_commands

    text = (ROOT / "docs" / "team.md").read_text(encoding="utf-8")
    section = text[text.index("## The team's week in figures") :]
    commands = tour_commands(section[: section.index("\n## ", 5)])
    assert [c[:2] for c in commands] == [
        ["report", "--week"],
        ["report", "--month"],
        ["brief", "--team"],
    ]
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", language)
    day_as(monkeypatch, "marieke", "2026-12-09T16:00")  # the manager: no contact of her own
    said = [run(*args).stdout for args in commands]
    dutch = language.startswith("nl")
    assert ("Het team: ma 7 dec 2026" if dutch else "The team: Mon 7 Dec 2026") in said[0]
    assert ("Gesprekken per dag" if dutch else "Conversations per day") in said[0]
    page = (tmp_path / "team.html").read_text(encoding="utf-8")
    assert (
        page.count("<svg") >= 3
        and ("Gesprekken per persoon" if dutch else "Conversations per person") in page
    )
    assert ("De week van het team tot nu toe" if dutch else "The team's week so far") in said[2]


def test_a_book_with_nobody_in_it_reports_zeros(run: Run, run_json: RunJson) -> None:
    run("add", "Jan de Vries")
    run("forget", "jan", "--yes")
    report = run_json("report")
    assert [p["name"] for p in report["people"]] == ["anouk"]
    assert report["people"][0]["figures"]["conversations"] == 0
    assert "none to answer" in run("brief", "--team").stdout
