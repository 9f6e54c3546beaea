"""Small things that cost trust (issue 13): a mistyped book path is an error, not an empty day."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run


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
