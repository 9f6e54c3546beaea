"""Small things that cost trust (issue 13): a mistyped book path is an error, not an empty day."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, RunJson, dump


@pytest.mark.parametrize(
    "args",
    [
        ("agenda",),
        ("contacts",),
        ("brief",),
        ("followups",),
        ("search", "jan"),
        ("log", "jan", "x"),
        ("follow", "jan", "morgen"),
        ("undo",),
    ],
)
def test_a_mistyped_book_is_an_error_and_nothing_is_made(
    run: Run, tmp_path: Path, args: tuple[str, ...]
) -> None:
    typo = tmp_path / "nonexistent" / "x.db"
    result = run("--db", str(typo), *args, expect=1)
    assert result.stderr == (
        f"Error: there is no book at {typo} (--db); 'salesnotes add NAME' or 'salesnotes"
        " import FILE' starts one there, 'salesnotes demo' shows one\n"
    )
    assert not typo.parent.exists()


def test_a_typo_in_salesnotes_db_is_named(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    typo = tmp_path / "salesnote.db"
    monkeypatch.setenv("SALESNOTES_DB", str(typo))
    assert f"no book at {typo} (SALESNOTES_DB)" in run("agenda", expect=1).stderr
    assert not typo.exists()


def test_a_new_book_only_where_the_folder_exists(run: Run, tmp_path: Path) -> None:
    missing = tmp_path / "typo-folder" / "book.db"
    result = run("--db", str(missing), "add", "Jan", expect=1)
    assert "the folder" in result.stderr and "does not exist" in result.stderr
    assert not missing.parent.exists()
    here = tmp_path / "book.db"
    run("--db", str(here), "add", "Jan")
    assert "Jan" in run("--db", str(here), "contacts", "--format", "plain").stdout


def test_snooze_to_an_earlier_day_asks_for_earlier(
    run: Run, run_json: RunJson, book: dict[str, int], db_path: Path
) -> None:
    run("follow", "jan", "2026-12-07", "offerte")
    before = dump(db_path)
    result = run("snooze", "1", "volgende week", expect=2)
    assert result.stderr == (
        "Error: 'volgende week' is Mon 30 Nov 2026, earlier than follow-up #1's Mon 7 Dec 2026;"
        " snooze moves later: add --earlier to bring it forward\n"
    )
    assert dump(db_path) == before
    out = run("snooze", "1", "volgende week", "--earlier").stdout
    assert out == (
        "Follow-up #1 with Jan de Vries moved earlier, to Mon 30 Nov 2026 (was Mon 7 Dec 2026)\n"
    )
    assert run("snooze", "1", "2026-12-08").stdout.startswith(
        "Follow-up #1 with Jan de Vries moved to Tue 8 Dec 2026"
    )


def test_snooze_earlier_is_said_in_dutch(
    run: Run, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    """'earlier, ' was left out of the catalogue: a Dutch sentence with one English word."""
    run("follow", "jan", "2026-12-07", "offerte")
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    out = run("snooze", "1", "volgende week", "--earlier").stdout
    assert out.startswith("Actie #1 met Jan de Vries naar voren verplaatst naar ma 30 nov 2026"), (
        out
    )


def test_a_chase_says_the_quotes_current_amount(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    run("quote", "add", "jan", "12500", "--title", "Hal 3", "--send")
    run("quote", "revise", "1", "11.800")
    [chase] = run_json("followups")
    assert chase["text"] == "Chase quote #1 Hal 3 (€ 11.800,00)"


def test_a_negative_amount_gets_the_amounts_own_message(run: Run, book: dict[str, int]) -> None:
    result = run("quote", "add", "jan", "-500", expect=2)
    assert result.stderr == "Error: '-500' is negative; an amount is more than zero\n"


def test_done_logs_the_outcome_as_the_kind_given(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    run("follow", "jan", "today", "bellen")
    run("done", "1", "--note", "Gebeld, akkoord", "--kind", "call")
    assert run_json("show", "jan")["interactions"][0]["kind"] == "call"


def test_one_date_style_in_what_people_read(run: Run, book: dict[str, int]) -> None:
    run("log", "jan", "gebeld", "--on", "maandag")
    run("quote", "add", "jan", "500", "--send")
    run("quote", "won", "1")
    assert "last contact  Wed 25 Nov 2026" in run("show", "jan").stdout
    assert "Nov 2026: won 1" in run("pipeline").stdout
    assert "2026-11" not in run("pipeline").stdout
    assert "Wed 25 Nov 2026" in run("contacts").stdout
    assert "2026-11-25" not in run("contacts").stdout
    assert "2026-11-25" in run("contacts", "--format", "plain").stdout  # scripts keep ISO


@pytest.mark.parametrize(
    ("args", "field", "expected"),
    [
        (("log", "jan", "x", "--kind", "telefoon"), "kind", "call"),
        (("log", "jan", "x", "--kind", "Afspraak"), "kind", "meeting"),
        (("log", "jan", "x", "--kind", "bezoek"), "kind", "visit"),
        (("log", "jan", "x", "--kind", "notitie"), "kind", "note"),
        (("log", "jan", "x", "--kind", "mail"), "kind", "email"),
    ],
)
def test_dutch_kinds_are_understood(
    run: Run, run_json: RunJson, book: dict[str, int], args: tuple[str, ...], field: str,
    expected: str,
) -> None:  # fmt: skip
    run(*args)
    assert run_json("show", "jan")["interactions"][0][field] == expected


def test_dutch_reasons_priorities_statuses_and_a_complaint(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    run("follow", "jan", "morgen", "x", "--reason", "terugbellen", "--priority", "hoog")
    [f] = run_json("followups")
    assert (f["reason"], f["priority"]) == ("callback", "high")
    run("edit", "anna", "--status", "klant")
    run("add", "Piet", "--status", "oud-klant")
    statuses = {c["name"]: c["status"] for c in run_json("contacts")}
    assert (statuses["Anna Bakker"], statuses["Piet"]) == ("customer", "former")
    run("log", "thomas", "Lekkage", "--kind", "klacht")  # opens a complaint, as 'complaint'
    assert [f["reason"] for f in run_json("followups")].count("complaint") == 1
    run("follow", "jan", "morgen", "y", "--reason", "vraag")
    assert "is not a reason" in run("follow", "jan", "morgen", "--reason", "ruzie", expect=2).stderr
