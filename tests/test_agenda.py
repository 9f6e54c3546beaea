"""The agenda's ranking rules, on the pure function and through the command."""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given
from hypothesis import strategies as st

from salesnotes.domain.ranking import Weights, followup_candidate, rank
from salesnotes.models import ContactCard, FollowUp
from salesnotes.render.reasons import reason_words, term_words
from tests.conftest import Run, RunJson

TODAY = date(2026, 11, 25)


def followup(
    fid: int,
    contact_id: int,
    due: date,
    reason: str = "other",
    priority: str = "normal",
    text: str = "",
    created: date | None = None,
) -> FollowUp:
    return FollowUp(
        id=fid,
        uuid=f"u{fid}",
        contact_id=contact_id,
        contact_name=f"Person {contact_id}",
        organisation=None,
        due_on=due,
        text=text,
        reason=reason,
        priority=priority,
        status="open",
        created_on=created or due,
        created_at="",
    )


def ranked(*followups: FollowUp) -> list[int]:
    weights = Weights()
    cards = {
        f.contact_id: ContactCard(f.contact_id, f"Person {f.contact_id:03d}", None, None, None)
        for f in followups
    }
    rows = rank([followup_candidate(f, TODAY, weights) for f in followups], cards, weights)
    return [r.contact_id for r in rows]


def days_ago(n: int) -> date:
    return TODAY - timedelta(days=n)


def test_overdue_ranks_above_due_today() -> None:
    assert ranked(followup(1, 1, TODAY), followup(2, 2, days_ago(1))) == [2, 1]


def test_overdue_beats_due_today_even_against_priority() -> None:
    low_overdue = followup(1, 1, days_ago(1), priority="low")
    high_today = followup(2, 2, TODAY, priority="high")
    assert ranked(low_overdue, high_today) == [1, 2]


def test_complaint_ranks_above_everything() -> None:
    complaint = followup(1, 1, TODAY, reason="complaint", priority="low")
    others = [
        followup(2, 2, days_ago(200), reason="callback", priority="high"),
        followup(3, 3, days_ago(90), reason="quote", priority="high"),
        followup(4, 2, days_ago(90), reason="quote", priority="high"),
    ]
    assert ranked(complaint, *others)[0] == 1


def test_callback_ranks_above_ordinary_followups() -> None:
    callback = followup(1, 1, TODAY, reason="callback", priority="low")
    worst_ordinary = [
        followup(10 + n, 2, days_ago(365), reason="quote", priority="high") for n in range(8)
    ]
    assert ranked(callback, *worst_ordinary) == [1, 2]


def test_priority_counts_between_equals() -> None:
    assert ranked(
        followup(1, 1, TODAY, priority="low"),
        followup(2, 2, TODAY),
        followup(3, 3, TODAY, priority="high"),
    ) == [3, 2, 1]


def test_more_overdue_ranks_higher() -> None:
    assert ranked(followup(1, 1, days_ago(2)), followup(2, 2, days_ago(9))) == [2, 1]


def test_ties_break_on_older_due_date_then_name() -> None:
    # Overdue by 70 and 61 days: both past the 60-day cap, so equal scores.
    assert ranked(followup(1, 1, days_ago(61)), followup(2, 2, days_ago(70))) == [2, 1]
    assert ranked(followup(1, 2, TODAY), followup(2, 1, TODAY)) == [1, 2]


def test_reasons_read_as_words() -> None:
    weights = Weights()
    cases = [
        (followup(1, 1, days_ago(3), text="send quote"), "follow-up 2 days overdue: send quote"),
        (
            followup(1, 1, days_ago(2), reason="complaint", created=days_ago(2)),
            "complaint open 2 days",
        ),
        (followup(1, 1, TODAY, reason="callback", created=TODAY), "callback requested today"),
        (followup(1, 1, TODAY, reason="callback", created=days_ago(5)), "callback due today"),
        (
            followup(1, 1, TODAY, reason="question", priority="high"),
            "question due today (high priority)",
        ),
        (followup(1, 1, days_ago(1), reason="quote"), "quote follow-up 1 day overdue"),
    ]
    for f, words in cases:
        assert reason_words(followup_candidate(f, TODAY, weights).reason) == words


def test_one_row_per_contact_with_every_reason() -> None:
    weights = Weights()
    fs = [
        followup(1, 1, TODAY, text="a"),
        followup(2, 1, days_ago(1), reason="callback", text="b"),
        followup(3, 2, days_ago(1), reason="callback", text="c"),
    ]
    cards = {i: ContactCard(i, f"P{i}", None, None, None) for i in (1, 2)}
    rows = rank([followup_candidate(f, TODAY, weights) for f in fs], cards, weights)
    assert [r.contact_id for r in rows] == [1, 2]  # the same score: the same due date, by name
    assert rows[0].followup_ids == (1, 2)
    assert [reason_words(r) for r in rows[0].reasons] == [
        "callback 1 day overdue: b",
        "follow-up due today: a",
    ]
    assert rows[0].kinds == ("overdue", "due_today")  # what the colours are chosen by
    assert rows[0].score == rows[1].score  # the most urgent reason decides
    assert [term_words(t) for t in rows[0].terms] == ["callback", "overdue 1 day"]


reasons = st.sampled_from(["callback", "complaint", "question", "quote", "checkin", "other"])
priorities = st.sampled_from(["high", "normal", "low"])


@given(
    st.lists(st.tuples(st.integers(1, 6), st.integers(0, 400), reasons, priorities), max_size=25)
)
def test_every_due_followup_appears_exactly_once(items: list[tuple[int, int, str, str]]) -> None:
    weights = Weights()
    fs = [followup(n, c, days_ago(d), r, p) for n, (c, d, r, p) in enumerate(items, start=1)]
    cards = {f.contact_id: ContactCard(f.contact_id, "x", None, None, None) for f in fs}
    rows = rank([followup_candidate(f, TODAY, weights) for f in fs], cards, weights)
    listed = [fid for row in rows for fid in row.followup_ids]
    assert sorted(listed) == [f.id for f in fs]
    assert len({r.contact_id for r in rows}) == len(rows)
    assert [r.score for r in rows] == sorted((r.score for r in rows), reverse=True)
    complaints = {f.contact_id for f in fs if f.reason == "complaint"}
    assert {r.contact_id for r in rows[: len(complaints)]} == complaints


def test_agenda_command_json_contract(run: Run, run_json: RunJson, book: dict[str, int]) -> None:
    run("edit", "anna", "--phone", "06 2345 6789")
    run("follow", "anna", "today", "Asked for a demo", "--reason", "callback")
    run("follow", "jan", "2026-11-22", "send quote")
    run("follow", "thomas", "today", "Leak in hall 2", "--reason", "complaint")
    run("follow", "jose", "tomorrow", "not yet")
    rows = run_json("agenda")
    assert [r["name"] for r in rows] == ["Thomas Jansen", "Anna Bakker", "Jan de Vries"]
    anna = rows[1]
    assert set(anna) >= {
        "contact_id",
        "name",
        "organisation",
        "phone",
        "email",
        "score",
        "reasons",
        "followup_ids",
    }
    assert anna["phone"] == "06 2345 6789"
    assert anna["email"] == "anna@bakkerbouw.nl"
    assert anna["organisation"] == "Bakker Bouw"
    assert anna["reasons"] == ["callback requested today: Asked for a demo"]
    assert rows[2]["reasons"] == ["follow-up 2 days overdue: send quote"]
    assert rows[0]["reasons"] == ["complaint open less than an hour: Leak in hall 2"]
    assert [r["name"] for r in run_json("agenda", "--date", "morgen")][-1] == "José García"
    assert len(run_json("agenda", "--limit", "1")) == 1


def test_agenda_plain_and_table(run: Run, book: dict[str, int]) -> None:
    run("follow", "anna", "today", "Asked for a demo", "--reason", "callback")
    plain = run("agenda", "--format", "plain").stdout
    assert plain == (
        f"1\t500\t{book['Anna Bakker']}\tAnna Bakker\tBakker Bouw\t\t"
        "callback requested today: Asked for a demo\t1\tanna@bakkerbouw.nl\t\t\n"
    )
    table = run("agenda").stdout
    assert "Who to call on Wed 25 Nov 2026" in table
    assert "callback requested today" in table
    assert "Score terms" not in table
    assert "callback 500" in run("agenda", "--explain").stdout


def test_an_agenda_row_has_what_a_call_needs(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    run("log", "jan", "Offerte hal 3 besproken; wil korting op de isolatie", "--kind", "call")
    run("follow", "jan", "today", "bellen")
    [row] = run_json("agenda")
    assert row["email"] == "jan@pluimers.nl"
    assert row["last_conversation"] == {
        "on": "2026-11-25",
        "kind": "call",
        "text": "Offerte hal 3 besproken; wil korting op de isolatie",
    }
    table = run("agenda").stdout
    assert "jan@pluimers.nl" in table
    assert "last: Wed 25 Nov, call:" in table
    fields = run("agenda", "--format", "plain").stdout.rstrip("\n").split("\t")
    assert fields[8:] == [
        "jan@pluimers.nl",
        "2026-11-25",
        "Offerte hal 3 besproken; wil korting op de isolatie",
    ]


def test_empty_agenda_is_fine(run: Run) -> None:
    run("add", "Jan")  # a lead: no rhythm, nothing due
    assert "nobody to call" in run("agenda").stdout
    assert run("agenda", "--format", "plain").stdout == ""
    assert run("agenda", "--format", "json").stdout == "[]\n"
    assert "'someday' is not a date" in run("agenda", "--date", "someday", expect=2).stderr
