"""The learned rhythm's rules (issue 27, begun): the estimate leans on the customer's own
history as it grows and on their segment while it is short, proposals land on working days,
and the back-test on the seeded synthetic book holds the issue's figures."""

from __future__ import annotations

import math
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks import cadence as backtest
from salesnotes.domain import cadence
from salesnotes.domain.days import WORKWEEK, Calendar, DayOff
from tests.conftest import Run, RunJson

if TYPE_CHECKING:
    from typing import Any


SEGMENT = cadence.Segment(mean=math.log(30), between=0.4, within=0.2, customers=100)


def test_the_back_test_on_the_synthetic_book_holds_the_issues_figures() -> None:
    book = backtest.synthetic(seed=26)
    result = backtest.backtest(
        book, backtest.START + timedelta(days=backtest.DAYS // 2),
        backtest.START + timedelta(days=backtest.DAYS),
    )  # fmt: skip
    assert result.predictions > 5000
    assert result.reduction >= 0.40  # the mean absolute error, against a fixed 30 days
    assert 0.08 <= result.flag_rate <= 0.12  # "getting quiet" for customers who stayed
    assert result.left_flagged >= 0.9 * result.left  # and for nearly all who left


@given(st.floats(min_value=2, max_value=200), st.integers(min_value=40, max_value=120))
@settings(max_examples=50, deadline=None)
def test_with_many_contacts_the_estimate_is_the_customers_own(rhythm: float, n: int) -> None:
    days = [max(1, round(rhythm))] * n
    learned = cadence.learn(days, SEGMENT)
    assert abs(learned.typical - round(rhythm)) / round(rhythm) < 0.06
    assert learned.own_weight > 0.95


@given(st.floats(min_value=-3, max_value=3))
@settings(max_examples=30, deadline=None)
def test_with_no_history_the_estimate_is_the_segments(shift: float) -> None:
    segment = cadence.Segment(mean=math.log(30) + shift / 3, between=0.4, within=0.2)
    learned = cadence.learn([], segment)
    assert math.isclose(learned.typical, math.exp(segment.mean))
    assert learned.own_weight == 0
    assert learned.low < learned.typical < learned.high < learned.p90


def test_the_own_history_weighs_more_with_every_contact() -> None:
    weights = [cadence.learn([12] * n, SEGMENT).own_weight for n in range(0, 21)]
    assert weights == sorted(weights) and weights[0] == 0 and weights[20] > 0.95
    typicals = [cadence.learn([12] * n, SEGMENT).typical for n in range(0, 21)]
    assert typicals == sorted(typicals, reverse=True)  # from the segment's 30 toward 12


@given(
    st.dates(min_value=date(2025, 1, 1), max_value=date(2027, 12, 31)),
    st.integers(min_value=0, max_value=400),
    st.lists(st.integers(min_value=1, max_value=120), max_size=12),
)
@settings(max_examples=100, deadline=None)
def test_a_proposal_never_lands_on_a_day_off(last: date, later: int, days: list[int]) -> None:
    today = last + timedelta(days=later)
    christmas = DayOff(date(today.year, 12, 25), date(today.year, 12, 26), "holiday", "Kerst")
    calendar = Calendar.of(WORKWEEK, (christmas,))
    proposed = cadence.proposal(last, today, cadence.learn(days, SEGMENT), calendar)
    assert calendar.is_working(proposed) and proposed > today


def test_intervals_are_days_between_distinct_days() -> None:
    days = [date(2026, 1, 1), date(2026, 1, 1), date(2026, 1, 15), date(2030, 1, 1)]
    assert cadence.intervals(days) == [14]  # one day once; a gap past three years left out


def test_a_segment_is_learned_from_its_customers() -> None:
    seg = cadence.segment([[10, 11, 9, 10], [40, 42, 38], [20]])
    assert seg.customers == 3 and seg.intervals == 8
    assert 10 < math.exp(seg.mean) < 40
    assert seg.within < cadence.DEFAULT_WITHIN < seg.between  # the own spread, shrunk
    assert cadence.segment([]) == cadence.Segment()


# The command, and what the book keeps.

MEETINGS = ["2026-06-01", "2026-06-22", "2026-07-10", "2026-08-03", "2026-08-24", "2026-09-14",
            "2026-10-05", "2026-10-26", "2026-11-16"]  # fmt: skip


@pytest.fixture
def jan(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-05-01")
    run("add", "Jan de Vries", "--status", "customer")
    run("add", "Anna Bakker", "--status", "customer")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-06T09:00")
    for day in MEETINGS:
        run("log", "jan", "Gesprek", "--on", day)


def test_rhythm_says_what_jans_own_history_says_in_english_and_dutch(
    run: Run, run_json: RunJson, jan: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown = run_json("rhythm", "jan")
    assert shown["intervals"] == [21, 18, 24, 21, 21, 21, 21, 21]
    assert 20 <= shown["learned"]["typical_days"] <= 22
    assert shown["proposal"] == "2026-12-07" and shown["quiet_days"] == 0
    assert shown["set"] == "8w" and shown["set_for_them"] is False
    out = run("rhythm", "jan").stdout
    assert "usually every ~3 weeks (learned from 8 intervals" in out
    assert "Next, by their rhythm: around Mon 7 Dec 2026." in out
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-30T09:00")
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    out = run("rhythm", "jan").stdout
    assert "meestal elke ~3 weken (geleerd uit 8 tussenpozen" in out
    assert "Wordt stil: " in out and "rond do 31 dec 2026" in out
    assert "Nog geen gesprek" in run("rhythm", "anna").stdout
    assert run("rhythm", "niemand", expect=3).stderr.startswith("Fout: ")


def test_the_kept_history_follows_every_change_and_a_fill_from_scratch_keeps_the_same(
    run: Run, run_json: RunJson, jan: None, db_path: Path
) -> None:
    first = run_json("rhythm", "jan")["intervals"]
    last = run_json("show", "jan")["interactions"][0]["id"]
    run("delete", "interaction", str(last), "--yes")
    assert run_json("rhythm", "jan")["intervals"] == first[:-1]
    run("undo")
    assert run_json("rhythm", "jan")["intervals"] == first
    if not str(db_path).endswith(".db") or not db_path.exists():
        return  # the PostgreSQL pass: the same Python fill, run when its books are made
    from salesnotes.store import open_store
    from salesnotes.store.cadence import keep_learned, learn_everyone

    def kept(store: Any) -> list[tuple[Any, ...]]:
        return list(store.db.tuples("SELECT * FROM contact_cadence ORDER BY 1"))

    store = open_store(db_path)
    with store.write():  # what the upgrade (m023) and a generated book do: all at once
        learn_everyone(store.db)
        at_once = kept(store)
        store.db.execute("DELETE FROM cache_cadence_segments")
        keep_learned(store.db, 1)  # what a conversation keeps, by the same segments
        one_by_one = kept(store)
    store.close()
    assert len(at_once) == len(one_by_one) == 1 and at_once[0][4:] == one_by_one[0][4:]
    assert at_once[0][:2] == one_by_one[0][:2] and at_once[0][4] == "2026-11-16"
    for a, b in zip(at_once[0][2:4], one_by_one[0][2:4], strict=True):
        assert abs(a - b) < 1e-9


# The agenda's "getting quiet", the proposal, the load of a day, the quotes.


def configure(run: Run, text: str) -> None:
    path = Path(run("config", "--path").stdout.strip())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_customer_past_their_own_rhythm_is_getting_quiet_and_a_set_rhythm_wins(
    run: Run, run_json: RunJson, jan: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-30T09:00")  # 44 days after the last
    rows = [r for r in run_json("agenda") if r["name"] == "Jan de Vries"]
    assert rows[0]["reason_kinds"] == ["quiet"]
    assert rows[0]["reasons"] == ["getting quiet: usually every ~3 weeks (9 contacts), now 44 days"]
    # ranked as a set rhythm of three weeks missed by as much: 80 + 100 per rhythm late
    late = next(r for r in run_json("contacts", "--losing-touch") if r["contact_id"] == 1)
    assert late["rhythm"] == "3w" and late["learned_from_contacts"] == 9
    assert rows[0]["score"] == 80 + round(100 * late["overdue_days"] / 21)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert "wordt stil: meestal elke ~3 weken (9 contacten), nu 44 dagen" in run("agenda").stdout
    assert "~3w (9)" in run("contacts", "--losing-touch").stdout

    def jans() -> list[str]:
        return [k for r in run_json("agenda") if r["contact_id"] == 1 for k in r["reason_kinds"]]

    run("edit", "jan", "--every", "12w")  # a rhythm set for him always wins
    assert jans() == [] and 1 not in [
        r["contact_id"] for r in run_json("contacts", "--losing-touch")
    ]
    run("edit", "jan", "--every", "default", "--status", "former")  # left alone
    assert jans() == []
    run("edit", "jan", "--status", "customer")
    assert jans() == ["quiet"]
    configure(run, "[rhythm]\nlearn = false\n")  # off: the status's 8 weeks again
    assert jans() == []


def test_a_short_history_keeps_the_status_rhythm_and_a_lead_is_not_chased(
    run: Run, run_json: RunJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-10-01")
    run("add", "Piet Lead", "--status", "lead")
    run("add", "Kees Klant", "--status", "customer")
    for day in ("2026-09-01", "2026-09-15", "2026-10-01"):
        run("log", "kees", "Gesprek", "--on", day)
    out = run("log", "piet", "Eerste kennismaking").stdout
    assert "Next time" not in out  # a lead with one contact: no guess
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-01")  # two intervals: the 8 weeks stay
    assert run_json("agenda")[0]["reason_kinds"] == ["rhythm"]


def test_log_proposes_the_next_contact_and_plan_next_plans_it(
    run: Run, run_json: RunJson, jan: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = run("log", "jan", "Offerte besproken", "--kind", "call", "--explain").stdout.splitlines()
    assert out[1] == (
        "Next time: usually every ~3 weeks with Jan (10 contacts) -> Mon 28 Dec 2026 (in 22 days)."
    )
    assert out[2] == "salesnotes follow 1 28-12   (or [rhythm] plan_next = true plans it for you)"
    assert "10 contacts, usually" in out[3] and out[4].startswith("The days between them")
    assert run_json("followups") == []  # only said
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    configure(run, "[rhythm]\nplan_next = true\n")
    said = run("log", "jan", "Nog even gebeld", "--kind", "call").stdout
    assert "Volgende keer: meestal elke ~3 weken met Jan (10 contacten) -> ma 28 dec 2026" in said
    assert "gepland als opvolging #1 (volgens hun ritme)" in said
    planned = run_json("followups")
    assert [(f["due_on"], f["reason"]) for f in planned] == [("2026-12-28", "checkin")]
    assert "(volgens hun ritme)" in run("show", "jan").stdout
    assert "ritme" in run("show", "jan").stdout
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-28T09:00")
    assert "volgens hun ritme" in run("agenda").stdout
    # With a follow-up open, nothing more is proposed; done without --next proposes again.
    assert "Volgende keer" not in run("log", "jan", "Kort gebeld").stdout
    assert "Volgende keer" in run("done", "1", "--note", "Gebeld").stdout


def test_proposals_never_for_the_archived_and_bad_input_writes_nothing(
    run: Run, jan: None, db_path: Path
) -> None:
    from tests.conftest import dump

    before = dump(db_path)
    assert "--bogus" in run("log", "jan", "x", "--explain", "--bogus", expect=2).stderr
    assert dump(db_path) == before
    run("archive", "jan")
    assert "Next time" not in run("log", "jan", "Nog een keer").stdout


def test_a_full_day_sends_a_relative_day_to_the_next_quieter_one(
    run: Run, run_json: RunJson, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-07")  # a Monday
    run("add", "Jan de Vries")
    configure(run, "[agenda]\ncalls_per_day = 2\n")
    for _ in range(2):
        run("follow", "jan", "2026-12-21", "Bellen")  # a day named as such is kept
    out = run("follow", "jan", "over 2 weken", "Terugbellen").stdout
    assert "on Tue 22 Dec 2026" in out and "Mon 21 Dec already has 2 follow-ups" in out
    assert "on Mon 21 Dec 2026" in run("follow", "jan", "21-12", "Toch maandag").stdout
    assert "on Mon 21 Dec 2026 at 10:00" in run("follow", "jan", "over 2 weken 10:00").stdout


def test_a_quotes_chase_comes_after_the_customers_own_answer_time(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    def on(day: str, *args: str) -> str:
        monkeypatch.setenv("SALESNOTES_TODAY", day)
        return str(run(*args).stdout)

    on("2026-10-01", "add", "Petra Bakker", "--status", "customer")
    assert "Tue 6 Oct 2026\n" in on("2026-10-01", "quote", "add", "petra", "5000", "--title",
                                      "A", "--send")  # fmt: skip
    on("2026-10-09", "quote", "won", "1")  # answered in 6 working days
    on("2026-10-12", "quote", "add", "petra", "3000", "--title", "B", "--send")
    on("2026-10-22", "quote", "revise", "2", "2800", "--note", "korting")  # in 8
    out = on("2026-11-02", "quote", "add", "petra", "7000", "--title", "C", "--send")
    assert (
        "chase follow-up #3 on Thu 12 Nov 2026 (they usually answer within 7 working "
        "days: from 2 quotes)" in out
    )


def test_the_tour_of_a_rhythm_that_learns_runs_as_written(
    run: Run, jan: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/commands.md's tour, copied as it is, in English and in Dutch (Anna, seen every
    four weeks until the end of October, is getting quiet)."""
    from tests.test_readme import ROOT, tour_commands

    for day in ("2026-06-08", "2026-07-06", "2026-08-03", "2026-08-31", "2026-09-28"):
        run("log", "anna", "Gesprek", "--on", day)
    run("log", "anna", "Gesprek", "--on", "2026-10-26")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-07T09:00")  # a Monday

    text = (ROOT / "docs" / "commands.md").read_text(encoding="utf-8")
    section = text[text.index("## A rhythm that learns itself") :]
    commands = tour_commands(section[: section.index("\n## ", 5)])
    assert [c[0] for c in commands] == ["log", "agenda", "show", "rhythm", "contacts", "log"]
    english = "\n".join(run(*args).stdout for args in commands)
    assert "Next time: usually every ~3 weeks with Jan" in english
    assert "getting quiet: usually every ~4 weeks (6 contacts), now 42 days" in english
    assert "usually every ~3 weeks (learned from 10 contacts); next around" in english
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    monkeypatch.setenv("SALESNOTES_TODAY", "2027-01-20T09:00")
    dutch = "\n".join(run(*args).stdout for args in commands)
    assert "wordt stil: meestal elke ~4 weken (6 contacten), nu 86 dagen" in dutch
    assert "Volgende keer: meestal elke ~3 weken met Jan" in dutch
    assert "11 contacten, meestal " in dutch and "dagen ertussen." in dutch
