"""No traceback and no write on any input: each case here once gave a Python traceback (or
wrote while failing) when tried from outside."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run, RunJson, dump


def salesnotes(*args: str | bytes, **env: str) -> subprocess.CompletedProcess[bytes]:
    """The installed command as a terminal runs it (bytes in, bytes out)."""
    return subprocess.run(
        [sys.executable, "-m", "salesnotes", *args],
        env={**os.environ, **env},
        capture_output=True,
    )


def test_numbers_beyond_sqlite_are_refused_by_the_option(run: Run, book: dict[str, int]) -> None:
    huge = "9223372036854775808"
    for args in (("search", "jan", "--limit", huge), ("show", "jan", "--limit", huge)):
        err = run(*args, expect=2).stderr
        assert "is not in the range" in err and "1000000" in err
    assert "is not in the range" in run("agenda", "--limit", huge, expect=2).stderr
    # An id that large is not a contact's: it is tried as a phone number, and said so.
    err = run("show", "99999999999999999999999", expect=3).stderr
    assert err.startswith("Error: no contact has the phone number")


def test_days_out_of_range_are_refused(run: Run, db_path: Path) -> None:
    run("add", "Jan")
    before = dump(db_path)
    for day, command in (("0001-01-01", "followups"), ("9999-12-31", "agenda"),
                         ("0001-01-02", "brief")):  # fmt: skip
        err = run("--today", day, command, expect=2).stderr
        assert (
            err
            == f"Error: --today='{day}' is out of range: salesnotes takes dates from 1900 to 2999\n"
        )
    assert "1900 to 2999" in run("follow", "jan", "31-12-3000", "x", expect=2).stderr
    assert "1900 to 2999" in run("add", "Oud", "--birthday", "1-1-1800", expect=2).stderr
    # A validity counted from the quote's day, past the range, was stored ('3650y').
    err = run("quote", "add", "jan", "1000", "--valid", "3650y", "--send", expect=2).stderr
    assert err == "Error: '3650y' is 5676-11-25: salesnotes takes dates from 1900 to 2999\n"
    assert "1900 to 2999" in run("--today", "2999-06-01", "quote", "add", "jan", "1000",
                                 "--valid", "1y", expect=2).stderr  # fmt: skip
    assert dump(db_path) == before
    run("--today", "2999-12-31", "agenda")


def test_an_argument_that_is_not_utf8(tmp_path: Path) -> None:
    db = str(tmp_path / "book.db")
    done = salesnotes("--db", db, "add", b"Jos\xe9")
    assert done.returncode == 2
    assert done.stderr.startswith(b"Error: the argument 'Jos\xef\xbf\xbd' is not UTF-8 text")
    assert b"Traceback" not in done.stderr
    assert not Path(db).exists()


@pytest.mark.slow
def test_an_output_without_the_euro_sign(tmp_path: Path) -> None:
    db = str(tmp_path / "book.db")
    assert salesnotes("--db", db, "add", "Jan").returncode == 0
    assert salesnotes("--db", db, "quote", "add", "jan", "12500", "--title", "Hal").returncode == 0
    done = salesnotes("--db", db, "pipeline", PYTHONIOENCODING="latin-1")
    assert done.returncode == 0, done.stderr
    assert b"? 12.500,00" in done.stdout


def test_a_mail_header_cannot_be_smuggled_in(run: Run, db_path: Path) -> None:
    run("add", "Jan")
    before = dump(db_path)
    smuggled = "me@x.nl\nBcc: v@evil.example"
    assert "holds a line break" in run("brief", "-f", "email", "--to", smuggled, expect=2).stderr
    err = run("brief", "--format", "email", "--to", "not an address", expect=2).stderr
    assert "is not an e-mail address" in err
    assert dump(db_path) == before  # the failed run did not count as a briefing
    mail = run("brief", "--format", "email", "--to", "Jan de Vries <jan@example.nl>").stdout
    assert "To: Jan de Vries <jan@example.nl>\n" in mail


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_a_briefing_row_written_by_another_tool(run: Run, db_path: Path) -> None:
    run("add", "Jan")
    run("brief")
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE briefings SET produced_at = 'yesterday'")
    conn.commit()
    conn.close()
    result = run("brief")
    assert "the last briefing's time 'yesterday'" in result.stderr
    assert result.stdout.startswith("Briefing for")


def test_configuration_that_cannot_be(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    deep = tmp_path / "deep.toml"
    deep.write_text("a = " + "[" * 5000 + "]" * 5000 + "\n", encoding="utf-8")
    monkeypatch.setenv("SALESNOTES_CONFIG", str(deep))
    assert "nested too deeply" in run("agenda", expect=2).stderr
    missing = tmp_path / "typo.toml"
    monkeypatch.setenv("SALESNOTES_CONFIG", str(missing))
    err = run("agenda", expect=2).stderr
    assert err == f"Error: SALESNOTES_CONFIG names {missing}, which does not exist\n"
    assert run("config", "--path").stdout == f"{missing}\n"  # where to make it


def test_a_page_of_words_to_search(run: Run, book: dict[str, int]) -> None:
    words = " ".join(f"w{n}" for n in range(1000))
    err = run("search", words, expect=2).stderr
    assert err == "Error: that is 1000 words; search takes at most 32 (all must match)\n"
    assert run("search", " ".join(["jan"] * 32)).stdout


# Files: private whatever the umask -----------------------------------------------------------


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.slow
def test_files_are_private_under_any_umask(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    old = os.umask(0)
    try:
        # The default location: missing folders are made (under --db they must exist).
        monkeypatch.delenv("SALESNOTES_DB")
        monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "a" / "b"))
        book = tmp_path / "a" / "b" / "salesnotes" / "salesnotes.db"
        run("add", "Jan")
        # Folders above salesnotes' own: as the umask says, but never writable by others.
        assert (_mode(tmp_path / "a"), _mode(tmp_path / "a" / "b")) == (0o755, 0o755)
        assert _mode(book.parent) == 0o700
        assert _mode(book) == 0o600
        # A symlink that points nowhere yet: the file it names is made, privately.
        target = tmp_path / "real.db"
        (tmp_path / "link.db").symlink_to(target)
        run("--db", str(tmp_path / "link.db"), "add", "Jan")
        assert _mode(target) == 0o600
        # An empty file someone made world-writable becomes the book, and private.
        empty = tmp_path / "empty.db"
        empty.touch()
        empty.chmod(0o666)
        run("--db", str(empty), "add", "Jan")
        assert _mode(empty) == 0o600
    finally:
        os.umask(old)


# Odd text and odd days -------------------------------------------------------------------


def test_bidirectional_controls_are_inert(run: Run, run_json: RunJson) -> None:
    # U+202E turns the rest of a line around: "Jan \u202eeilA" would display as "Jan Alie".
    run("add", "Jan \u202eeilA\u2066 \u200fX")
    [contact] = run_json("contacts")
    assert contact["name"] == "Jan eilA X"
    shown = run("show", "jan").stdout
    assert not any(
        ch in shown for ch in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"
    )


def test_a_29_february_birthday_in_other_years(run: Run, run_json: RunJson) -> None:
    run("add", "Schrikkel Jan", "--birthday", "29-02-1980")
    mid = run_json("--today", "2027-02-26", "brief")["occasions"]
    assert [(o["on"], o["years"]) for o in mid] == [("2027-02-28", 47)]  # on the 28th
    leap = run_json("--today", "2028-02-26", "brief")["occasions"]
    assert [(o["on"], o["years"]) for o in leap] == [("2028-02-29", 48)]  # its own day
    assert run_json("--today", "2027-03-01", "brief")["occasions"] == []  # not twice


def test_text_longer_than_salesnotes_keeps_is_refused(run: Run, db_path: Path) -> None:
    run("add", "Jan")
    before = dump(db_path)
    err = run("add", "x" * 201, expect=2).stderr
    assert (
        err == "Error: a name of 201 characters is longer than salesnotes keeps (200); shorten it\n"
    )
    err = run("log", "jan", "y" * 100_001, expect=2).stderr
    assert "a text of 100,001 characters is longer than salesnotes keeps (100,000)" in err
    assert "a note of" in run("edit", "jan", "--note", "z" * 100_001, expect=2).stderr
    assert dump(db_path) == before
    run("log", "jan", "y" * 100_000)  # the longest there is, kept whole
    [talk] = [i for i in run_json_of(run, "show", "jan")["interactions"] if i["kind"] == "note"]
    assert len(talk["text"]) == 100_000


def run_json_of(run: Run, *args: str) -> Any:
    import json

    return json.loads(run(*args, "--format", "json").stdout)


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
@pytest.mark.slow
def test_megabytes_written_by_another_program_show_as_an_excerpt(run: Run, db_path: Path) -> None:
    run("add", "Jan")
    run("log", "jan", "kort", "--next", "vandaag")
    run("quote", "add", "jan", "1000", "--title", "Hal")
    big = "woord " * 400_000  # 2.4 MB in each text, as a sync tool or a script might leave
    conn = sqlite3.connect(db_path)
    for sql in ("UPDATE contacts SET note = ?", "UPDATE interactions SET text = ?",
                "UPDATE followups SET text = ?", "UPDATE quotes SET title = ?"):  # fmt: skip
        conn.execute(sql, (big,))
    conn.commit()
    conn.close()
    for args in (("show", "jan"), ("search", "woord"), ("quotes",), ("followups",), ("agenda",),
                 ("quote", "show", "1"), ("brief",)):  # fmt: skip
        out = run(*args).stdout
        assert len(out) < 20_000, args  # an excerpt, not megabytes
        words = " ".join(out.replace("│", " ").split())  # a table may wrap the phrase
        assert "more characters]" in words, args
    # The machine formats give it whole.
    assert len(run("show", "jan", "--format", "json").stdout) > len(big)


def test_a_who_longer_than_any_name_is_bad_input_on_either_book(run: Run, db_path: Path) -> None:
    # Was 'database could not be used' (exit 1) on SQLite and exit 3 on PostgreSQL.
    run("add", "Jan")
    before = dump(db_path)
    who = "jan" * 16_666 + "an"  # 50,000 characters
    for args in (("show", who), ("log", who, "Gebeld"), ("merge", who, "jan"),
                 ("follow", who, "morgen"), ("export-person", who), ("forget", who)):  # fmt: skip
        err = run(*args, expect=2).stderr
        assert "of 50,000 characters is longer than salesnotes keeps (254)" in err, args
    assert dump(db_path) == before


def test_a_bug_says_it_is_one_and_shows_where_under_salesnotes_debug(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A TypeError was told as 'the book holds a value salesnotes cannot read': a bug hidden
    # behind a sentence about the user's data.
    from salesnotes.commands import search

    def broken(*args: object, **kwargs: object) -> None:
        raise TypeError("unsupported operand type(s) for +: 'int' and 'str'")

    monkeypatch.setattr(search, "search", broken)
    run("add", "Jan")
    err = run("search", "jan", expect=1).stderr
    assert err == (
        "Error: this is a bug in salesnotes, not something you did (TypeError: unsupported "
        "operand type(s) for +: 'int' and 'str'); run the command again with "
        "SALESNOTES_DEBUG=1 to see where, and please report it\n"
    )
    monkeypatch.setenv("SALESNOTES_DEBUG", "1")
    with pytest.raises(TypeError, match="unsupported operand"):
        run("search", "jan")


def test_numbers_past_what_python_reads_are_bad_input(run: Run, db_path: Path) -> None:
    # Found by the fuzzer: Python reads at most 4,300 digits into a number (a ValueError).
    run("add", "Jan")
    run("quote", "add", "jan", "1000", "--title", "Hal")
    digits = "9" * 100_000
    for args in (("quote", "revise", "1", digits), ("quote", "add", "jan", digits)):
        err = run(*args, expect=2).stderr
        assert err.endswith("… is more than € 100.000.000,00; is that a typo?\n"), err[-200:]
    err = run("follow", "jan", f"in {'9' * 5_000} days", "x", expect=2).stderr
    assert "is not a date" in err


def test_what_is_looked_for_is_at_most_a_thousand_characters(run: Run, db_path: Path) -> None:
    # Found by the fuzzer: SQLite refuses a LIKE pattern past 50,000 bytes ('too complex').
    run("add", "Jan")
    for args in (("contacts", "a" * 100_000), ("search", "a" * 100_000)):
        err = run(*args, expect=2).stderr
        assert "is 100,000 characters; what is looked for is at most 1,000" in err, err
    assert run("contacts", "j" * 1_000, "-f", "plain").stdout == ""
