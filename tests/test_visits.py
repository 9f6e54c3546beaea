"""The joint visit (issue 28, begun): planned for two in a role, on both agendas, prepared on
one page from the whole dossier, done once with both names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import Run, RunJson, dump


@pytest.fixture
def jan(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALESNOTES_USER", "pieter")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-07T09:00")  # a Monday
    run("add", "Jan de Vries", "--org", "Pluimers Isolatie", "--phone", "06 1234 5678",
        "--status", "customer")  # fmt: skip
    run("add", "Marieke Manager", "--status", "customer")  # a contact of her own: in the team
    run("log", "jan", "Offerte hal 3 gestuurd", "--kind", "call")
    run("quote", "add", "jan", "12500", "--title", "Dakisolatie hal 3", "--send")
    run("complaint", "jan", "Lekkage hal 2")
    run("resolve", "2", "--note", "Ter plekke opgelost")


def test_a_visit_for_two_is_on_both_agendas_prepared_on_one_page_and_done_once(
    run: Run, run_json: RunJson, jan: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = run("visit", "jan", "vrijdag 10:00", "Offerte hal 3 bespreken", "--with", "marieke",
              "--role", "second").stdout.splitlines()  # fmt: skip
    assert out[0] == (
        "Visit #3 with Jan de Vries (Pluimers Isolatie) on Fri 11 Dec 2026 at 10:00 (in 4 days): "
        "Offerte hal 3 bespreken"
    )
    assert out[1].startswith("pieter leads the conversation; marieke watches the customer")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-11T08:00")
    for person in ("pieter", "marieke"):
        rows = run_json("agenda", "--owner", person)
        visit = [r for r in rows if 3 in r["followup_ids"]]
        assert visit and "visit with marieke due today at 10:00" in " ".join(visit[0]["reasons"])
    page = run("visit", "prep", "3").stdout
    for expected in (
        "Visit #3: Jan de Vries (Pluimers Isolatie), Fri 11 Dec 2026 at 10:00",
        "pieter with marieke", "goal           Offerte hal 3 bespreken",
        "call: Offerte hal 3 gestuurd", "#1 € 12.500,00 sent, 4 days old: Dakisolatie hal 3",
        "#2 Lekkage hal 2: answered Mon 7 Dec 2026, Ter plekke opgelost",
    ):  # fmt: skip
        assert expected in page, expected
    shown = run_json("visit", "prep", "3")
    assert shown["role"] == "second" and shown["open_quotes"][0]["age_days"] == 4
    assert shown["answered_complaints"][0]["how"] == "Ter plekke opgelost"
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    page = run("visit", "prep", "3").stdout
    assert "pieter voert het gesprek, marieke kijkt mee en luistert" in page
    assert "Laatste gesprekken" in page and "beantwoord ma 7 dec 2026" in page
    monkeypatch.setenv("SALESNOTES_USER", "marieke")  # either of the two does it, once
    done = run("visit", "done", "3", "--note", "Offerte besproken", "--next", "over 1 week")
    assert "Offerte besproken (met pieter en marieke)" in done.stdout
    assert run_json("show", "jan")["interactions"][0]["kind"] == "visit"
    assert "is afgerond op" in run("visit", "done", "3", "--note", "x", expect=4).stderr


def test_bad_input_for_a_visit_is_a_sentence_and_writes_nothing(
    run: Run, jan: None, db_path: Path
) -> None:
    before = dump(db_path)
    told = [
        run("visit", "jan", "vrijdag", "--with", "marieke", expect=2).stderr,
        run(
            "visit", "jan", "vrijdag 10:00", "--with", "marieke", "--role", "boss", expect=2
        ).stderr,
        run("visit", "jan", "vrijdag 10:00", "--with", "pieter", expect=2).stderr,
        run("visit", "prep", "1", expect=2).stderr,
        run("visit", "prep", "99", expect=3).stderr,
        run("visit", "done", "1", "--note", "x", expect=2).stderr,
    ]
    assert "a visit is at a time of day" in told[0]
    assert "'boss' is not a role on a visit; use one of: lead, equal, second" in told[1]
    assert "--with names a second person" in told[2]
    assert "follow-up #1 is not a joint visit" in told[3] and "no follow-up #99" in told[4]
    assert all(t.startswith("Error: ") and "Traceback" not in t for t in told)
    assert dump(db_path) == before


@pytest.mark.parametrize("language", ["C.UTF-8", "nl_NL.UTF-8"])
def test_the_tour_of_a_visit_with_the_manager_runs_as_written(
    run: Run, run_json: RunJson, jan: None, language: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    """docs/team.md's tour, copied as it is, in English and in Dutch."""
    from tests.test_readme import ROOT, tour_commands

    text = (ROOT / "docs" / "team.md").read_text(encoding="utf-8")
    section = text[text.index("## On the road with the manager") :]
    commands = tour_commands(section[: section.index("\n## ", 5)])
    assert [c[:2] for c in commands] == [
        ["visit", "jan"], ["visit", "prep"], ["visit", "done"], ["coach", "3"],
        ["coach", "--with"],
    ]  # fmt: skip
    monkeypatch.setenv("LANG", language)
    said = "\n".join(run(*args).stdout for args in commands[:3])
    monkeypatch.setenv("SALESNOTES_USER", "marieke")  # the coaching: the one who joined
    coached = "\n".join(run(*args).stdout for args in commands[3:])
    assert (
        "alleen voor pieter en jou" if language.startswith("nl") else "for pieter and you only"
    ) in coached
    assert "Eerder naar het budget vragen" in coached
    dutch = language.startswith("nl")
    assert ("Bezoek #3 bij Jan de Vries" if dutch else "Visit #3 with Jan de Vries") in said
    assert ("kijkt mee en luistert" if dutch else "watches the customer and listens") in said
    assert ("(met pieter en marieke)" if dutch else "(with pieter and marieke)") in said
    assert run_json("show", "jan")["interactions"][0]["kind"] == "visit"


def test_the_briefing_prepares_tomorrows_visit_and_tells_the_manager_who_waits(
    run: Run, run_json: RunJson, jan: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Both people's briefing of the day before holds the visit's page in short; the
    manager's team briefing names whom they have not been on the road with for six weeks,
    and, kindly, that they always led."""
    run("add", "Anouk Verkoop", "--status", "customer")
    run("assign", "anouk", "anouk")
    for day, role in (("2026-10-05", "lead"), ("2026-10-12", "lead")):
        monkeypatch.setenv("SALESNOTES_TODAY", f"{day}T08:00")
        said = run("visit", "jan", "vandaag 11:00", "Kennismaking", "--with", "marieke",
                   "--role", role).stdout  # fmt: skip
        run("visit", "done", said.split("#")[1].split()[0], "--note", "Goed gesprek")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-10T07:00")
    run("visit", "jan", "vrijdag 10:00", "Offerte hal 3", "--with", "marieke", "--role", "equal")
    for person in ("pieter", "marieke"):
        monkeypatch.setenv("SALESNOTES_USER", person)
        said = " ".join(run("brief").stdout.split())  # as read, not as wrapped
        assert "Visits of the next working day, with a colleague" in said, person
        assert (
            "Fri 11 Dec 2026 10:00: Jan de Vries (Pluimers Isolatie), pieter with marieke" in said
        )
        assert "pieter and marieke as equals" in said and "salesnotes visit prep" in said
    team = run_json("brief", "--team")
    assert {r["person"]: r["roles"] for r in team["ride_along"]} == {
        "anouk": [],
        "pieter": ["lead", "lead"],
    }
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    said = " ".join(run("brief", "--team").stdout.split())
    assert "anouk: nog nooit samen op pad geweest" in said
    assert "pieter: niet samen op pad geweest sinds ma 12 okt 2026" in said
    assert "Jij leidde elke keer: laat pieter de volgende keer het gesprek voeren" in said


def test_the_coaching_after_a_visit_is_the_one_who_joined_and_survives_forgetting_the_customer(
    run: Run, run_json: RunJson, jan: None, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    run("visit", "jan", "vandaag 11:00", "Offerte hal 3", "--with", "marieke", "--role", "second")
    run("visit", "done", "3", "--note", "Besproken")
    told = run("coach", "3", "--went-well", "x", expect=4).stderr  # pieter did not join
    assert "marieke joined visit #3: the coaching after it is theirs to write" in told
    monkeypatch.setenv("SALESNOTES_USER", "marieke")
    before = dump(db_path)
    assert "or both" in run("coach", "3", expect=2).stderr
    assert "not a joint visit" in run("coach", "1", "--try", "x", expect=2).stderr
    assert "--with NAME" in run("coach", expect=2).stderr
    assert dump(db_path) == before
    said = run("coach", "3", "--went-well", "Goede vragen over de planning",
               "--try", "Eerder naar het budget vragen").stdout  # fmt: skip
    assert said.startswith("Coaching note #1 on visit #3 kept: for pieter and you only.")
    monkeypatch.setenv("SALESNOTES_USER", "pieter")
    history = run_json("coach", "--with", "marieke")
    assert [(v["visit_id"], v["role"]) for v in history["visits"]] == [(3, "second")]
    assert history["notes"][0]["went_well"] == "Goede vragen over de planning"
    assert history["notes"][0]["customer"] == "Jan de Vries"
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    out = run("coach", "--with", "marieke").stdout
    assert "Op pad met marieke: 1 bezoek samen" in out and "bezoek van pieter, tweede viool" in out
    assert "om te proberen: Eerder naar het budget vragen" in out
    run("forget", "jan", "--yes")  # the customer's data gone; the words about pieter stay
    after = run_json("coach", "--with", "marieke")
    assert after["visits"] == [] and after["notes"][0]["visit_id"] is None
    assert after["notes"][0]["customer"] is None
    assert after["notes"][0]["to_try"] == "Eerder naar het budget vragen"
    # pieter's own request for access: the coaching about him, kept after the customer went
    mine = json.loads(run("export-person", "--member", "pieter").stdout)
    assert mine["format"] == "salesnotes-member" and mine["member"] == "pieter"
    assert [n["to_try"] for n in mine["tables"]["coaching"]] == ["Eerder naar het budget vragen"]
    assert mine["tables"]["coaching"][0]["manager"] == "marieke"
    assert mine["tables"]["visits"] == []  # the visit was the customer's: forgotten with them
    told = run("export-person", expect=2).stderr  # still in Dutch
    assert "noem een contact, of iemand van het team met --member NAAM" in told
    told = run("export-person", "--member", "niemand", expect=3).stderr
    assert "niets over een teamlid met de naam niemand" in told


def test_a_members_export_has_the_visits_they_went_on(
    run: Run, jan: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("visit", "jan", "vandaag 11:00", "Offerte hal 3", "--with", "marieke", "--role", "lead")
    data = json.loads(run("export-person", "--member", "marieke").stdout)
    assert [(v["owner"], v["with_owner"], v["role"]) for v in data["tables"]["visits"]] == [
        ("pieter", "marieke", "lead")
    ]
    assert "Offerte hal 3" not in json.dumps(data)  # the customer's words are not hers
    assert (
        "name a contact, or a member"
        in run("export-person", "jan", "--member", "marieke", expect=2).stderr
    )
