"""Readable at any width (issue 13): a table never cuts an amount, a date or an id, and no
line is wider than the terminal; too narrow for a table, the records come one at a time."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.conftest import Run, on_a_terminal

WIDTHS = (40, 60, 80, 120)
LISTINGS = (
    ("agenda",),
    ("quotes",),
    ("pipeline",),
    ("followups",),
    ("contacts",),
    ("orgs",),
    ("search", "hal"),
    ("contacts", "--losing-touch"),
)


@pytest.fixture
def busy_book(run: Run) -> None:
    run("add", "Jan de Vries", "--org", "Pluimers Isolatie", "--email",
        "jan.de.vries@pluimers-isolatie.nl", "--phone", "+31 6 1234 5678",
        "--status", "customer", "--customer-since", "2020-01-01")  # fmt: skip
    run(
        "add", "Anna Bakker-van den Heuvel", "--org", "Bakker Bouw B.V.", "--phone", "0523 68 11 22"
    )
    run("log", "jan", "Offerte hal 3 besproken, wil korting op isolatie", "--kind", "call",
        "--on", "2026-09-01", "--next", "2026-11-20")  # fmt: skip
    run("quote", "add", "jan", "1.250.000,50", "--title", "Dakisolatie hal 3 en garage", "--send")
    run("quote", "add", "anna", "12.500", "--title", "Kit", "--valid", "2027-01-15")
    run(
        "follow", "anna", "today", "Terugbellen over de levering van de kit", "--reason", "callback"
    )


EXPECTED: dict[str, dict[tuple[str, ...], list[str]]] = {
    "en": {
        ("quotes",): ["€ 1.250.000,50", "€ 12.500,00", "Fri 15 Jan 2027"],
        ("pipeline",): ["€ 1.250.000,50", "€ 1.262.500,50", "€ 375.000,15"],
        ("followups",): ["Wed 25 Nov", "(today)", "Fri 20 Nov", "(5 days ago)"],
        ("agenda",): ["+31 6 1234 5678", "0523 68 11 22"],
        ("narrow",): ["too narrow for a table: one record at a time"],
    },
    "nl": {  # Dutch words are longer: the same guarantees
        ("quotes",): ["€ 1.250.000,50", "€ 12.500,00", "vr 15 jan 2027"],
        ("pipeline",): ["€ 1.250.000,50", "€ 1.262.500,50", "€ 375.000,15"],
        ("followups",): ["wo 25 nov", "(vandaag)", "vr 20 nov", "(5 dagen geleden)"],
        ("agenda",): ["+31 6 1234 5678", "0523 68 11 22"],
        ("narrow",): ["te smal voor een tabel: één record tegelijk"],
    },
}


@pytest.mark.parametrize("language", ["en", "nl"])
@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("args", LISTINGS)
def test_nothing_is_cut_at_any_width(
    run: Run,
    busy_book: None,
    monkeypatch: pytest.MonkeyPatch,
    width: int,
    args: tuple[str, ...],
    language: str,
) -> None:
    monkeypatch.setenv("COLUMNS", str(width))
    monkeypatch.setenv("LANG", "nl_NL.UTF-8" if language == "nl" else "C.UTF-8")
    out = run(*args).stdout
    for line in out.splitlines():
        assert len(line) <= width, (args, width, line)
    assert "…" not in re.sub(r"\w…", "", out), (args, width, out)  # no cut value
    flat = " ".join(out.replace("│", " ").split())
    for value in EXPECTED[language].get(args, []):
        assert value in flat, (args, width, value, out)
    if width == 40 and args in (("quotes",), ("pipeline",)):
        assert EXPECTED[language][("narrow",)][0] in flat


def _on_a_terminal(tmp_path: Path, *args: str, **extra: str) -> bytes:
    import os

    env = {**os.environ, "COLUMNS": "100",
           "LINES": "200", "TERM": "xterm-256color", **extra}  # fmt: skip
    if "NO_COLOR" not in extra:
        env.pop("NO_COLOR", None)
    return on_a_terminal(list(args), env)


RED = b"\x1b[31m"
YELLOW = b"\x1b[33m"


def test_colour_carries_meaning_on_a_terminal_only(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("add", "Jan de Vries")
    run("add", "Anna Bakker")
    run("complaint", "jan", "Lekkage hal 2")
    run("follow", "anna", "today", "bellen")
    seen = _on_a_terminal(tmp_path, "agenda")
    assert RED in seen and YELLOW in seen
    assert b"complaint open" in seen and b"due today" in seen  # the words say it too
    assert RED not in _on_a_terminal(tmp_path, "agenda", NO_COLOR="1")
    assert "\x1b[" not in run("agenda").stdout  # a pipe: no colour at all


def test_colour_carries_meaning_in_dutch_too(run: Run, tmp_path: Path) -> None:
    run("add", "Jan de Vries")
    run("add", "Anna Bakker")
    run("complaint", "jan", "Lekkage hal 2")
    run("follow", "anna", "today", "bellen")
    seen = _on_a_terminal(tmp_path, "agenda", LANG="nl_NL.UTF-8")
    assert b"klacht open" in seen and b"actie vandaag" in seen
    assert RED in seen and YELLOW in seen


def test_the_agenda_goes_through_the_pager_with_colours_shown_as_colours(
    run: Run, busy_book: None, tmp_path: Path
) -> None:
    """A long agenda on a terminal is paged like every long table; less gets -R when LESS
    is not set (colours, not escape codes); a LESS of the user's own is left alone."""
    import os

    for n in range(12):
        run("add", f"Klant {n:02d}")
        run("follow", f"klant {n:02d}", "today", f"Bellen over offerte {n}")
    env = {**os.environ, "LINES": "20", "COLUMNS": "100", "TERM": "xterm-256color",
           "PAGER": 'sh -c "echo LESS=$LESS; sed s/^/PAGED:/"'}  # fmt: skip
    env.pop("LESS", None)
    env.pop("NO_COLOR", None)
    seen = on_a_terminal(["agenda"], env)
    assert b"LESS=-R" in seen and b"PAGED:" in seen and b"Klant 11" in seen
    seen = on_a_terminal(["agenda"], {**env, "LESS": "-FX"})
    assert b"LESS=-FX" in seen
    assert "PAGED:" not in run("agenda").stdout  # a pipe: no pager


def test_narrow_screens_keep_what_matters(
    run: Run, busy_book: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Below 80 columns quotes --all keeps its Status (won from lost); at 40 the agenda is a
    list in its order, every phone number and e-mail address whole on its own line; the
    follow-ups table gives the room to the text; config never cuts a key."""
    run("quote", "won", "1")
    monkeypatch.setenv("COLUMNS", "70")
    assert "Status" in run("quotes", "--all").stdout.splitlines()[0]
    monkeypatch.setenv("COLUMNS", "40")
    lines = [line.strip() for line in run("agenda").stdout.splitlines()]
    assert "jan.de.vries@pluimers-isolatie.nl" in lines
    assert "+31 6 1234 5678" in lines and "0523 68 11 22" in lines
    assert [line.split(". ", 1)[0] for line in lines if line[:2] in ("1.", "2.")] == ["1", "2"]
    monkeypatch.setenv("COLUMNS", "80")
    table = run("followups").stdout.splitlines()
    assert table[2].startswith(" 1 │ Fri 20 Nov ") and "(5 days ago)" in table[3]
    for width in ("60", "100"):
        monkeypatch.setenv("COLUMNS", width)
        assert "agenda.weights.quote_expiring_per_day" in run("config").stdout
    helped = " ".join(run("--help").stdout.split())
    assert "(--all: every quote; --stale: the ones going cold)." in helped


@pytest.mark.slow
def test_the_demo_leaves_nothing_in_the_temporary_folder(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SALESNOTES_DB")
    temporary = tmp_path / "tmp"
    temporary.mkdir()
    monkeypatch.setenv("TMPDIR", str(temporary))
    import tempfile

    monkeypatch.setattr(tempfile, "tempdir", None)  # read TMPDIR again
    first = run("demo").stderr
    again = run("demo").stderr  # made anew, not refused as a book with contacts
    assert list(temporary.iterdir()) == []
    assert "demo.db" in first and first == again
