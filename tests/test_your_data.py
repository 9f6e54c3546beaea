"""Your data: backups while others write, restores that check first, a health check, and a
person's rights of access and erasure (GDPR), down to the bytes of the file."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.conftest import Run, RunJson, dump

# Words only Jan's rows hold: after 'forget' none may be left in the file or its log.
SECRETS = ("zebrapaard", "kathedraalschuur", "olifantshal", "jan@pluimers.nl", "Pluimers",
           "0612345678", "Isolatiekoning")  # fmt: skip


@pytest.fixture
def jan(run: Run) -> None:
    run("add", "Jan de Vries", "--org", "Pluimers", "--email", "jan@pluimers.nl",
        "--phone", "06 12345678", "--note", "Geheimwoord zebrapaard", "--tag", "dak",
        "--job-title", "Isolatiekoning")  # fmt: skip
    run("add", "Anna Bakker", "--org", "Bakker Bouw", "--email", "anna@bakker.nl")
    run("log", "jan", "Besprak het dak van de kathedraalschuur", "--next", "vrijdag")
    run("quote", "add", "jan", "12500", "--title", "Dakisolatie olifantshal", "--send")
    run("quote", "revise", "1", "11800")
    run("complaint", "jan", "Lekkage bij de zebrapaard-stal")
    run("log", "anna", "Vroeg naar Jan zijn offerte")  # Anna's row, not Jan's: it stays


def backups_folder(db_path: Path) -> Path:
    return db_path.parent / "home" / ".local" / "share" / "salesnotes" / "backups"


def raw(db_path: Path) -> bytes:
    data = b""
    for suffix in ("", "-wal", "-journal"):
        part = Path(f"{db_path}{suffix}")
        if part.exists():
            data += part.read_bytes()
    return data


# Backups ---------------------------------------------------------------------------------


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_a_dated_backup_is_private_checked_and_rotated(
    run: Run, jan: None, db_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = db_path.parent / "config.toml"
    config.write_text("[backup]\nkeep = 2\n", encoding="utf-8")
    monkeypatch.setenv("SALESNOTES_CONFIG", str(config))
    for _ in range(3):
        out = run("backup").stdout
    assert "Backed up 2 contacts to " in out and "checked" in out
    assert "Removed 1 older backup; kept the newest 2" in out
    folder = backups_folder(db_path)
    files = sorted(folder.iterdir())
    assert [f.name for f in files] == ["book-20261125-120000-2.db", "book-20261125-120000-3.db"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    for copy in files:
        assert stat.S_IMODE(copy.stat().st_mode) == 0o600
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("delete",)
        assert conn.execute("SELECT count(*) FROM contacts").fetchone() == (2,)
        conn.close()
    listed = run("backups", "--format", "plain").stdout.splitlines()
    assert [line.split("\t")[0] for line in listed] == [str(f) for f in reversed(files)]


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_a_backup_to_a_path_and_what_is_refused(run: Run, jan: None, tmp_path: Path) -> None:
    target = tmp_path / "usb" / "book.db"
    assert "does not exist; make the folder first" in run("backup", str(target), expect=2).stderr
    target.parent.mkdir()
    run("backup", str(target))
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    run("backup", str(target.parent))  # a folder: a dated file in it
    assert len(list(target.parent.iterdir())) == 2
    assert "is the book itself" in run("backup", str(tmp_path / "book.db"), expect=2).stderr
    empty = tmp_path / "none.db"
    err = run("--db", str(empty), "backup", str(tmp_path / "x.db"), expect=1).stderr
    assert err == f"Error: there is no book at {empty} to back up\n"
    assert not empty.exists()


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_a_backup_while_another_process_writes(run: Run, jan: None, tmp_path: Path) -> None:
    db = str(tmp_path / "book.db")
    env = {**os.environ, "SALESNOTES_DB": db}
    stop = threading.Event()
    written = []

    def writer() -> None:
        n = 0
        while not stop.is_set():
            subprocess.run([sys.executable, "-m", "salesnotes", "add", f"Writer {n}"],
                           env=env, check=True, capture_output=True)  # fmt: skip
            written.append(n)
            n += 1

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        copies = []
        for n in range(5):
            target = tmp_path / f"copy{n}.db"
            done = subprocess.run([sys.executable, "-m", "salesnotes", "backup", str(target)],
                                  env=env, capture_output=True, text=True)  # fmt: skip
            assert done.returncode == 0, done.stderr
            copies.append(target)
    finally:
        stop.set()
        thread.join()
    counts = []
    for copy in copies:
        conn = sqlite3.connect(copy)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        counts.append(conn.execute("SELECT count(*) FROM contacts").fetchone()[0])
        conn.close()
    assert counts == sorted(counts) and counts[0] >= 2  # each a moment of the book, in order
    assert written  # the writer did write meanwhile


# Restore ---------------------------------------------------------------------------------


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_restore_checks_first_and_keeps_a_safety_copy(
    run: Run, run_json: RunJson, jan: None, db_path: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "before.db"
    run("backup", str(copy))
    run("add", "Later Toegevoegd")
    before = dump(db_path)
    # Refused, and the book untouched: no --yes without a terminal, not a book, damaged.
    assert "add --yes" in run("restore", str(copy), expect=2).stderr
    other = tmp_path / "other.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE klanten (naam TEXT)")
    conn.commit()
    conn.close()
    assert "not a salesnotes book" in run("restore", str(other), "--yes", expect=1).stderr
    (tmp_path / "text.db").write_text("hello", encoding="utf-8")
    assert "is not a SQLite database" in run("restore", str(tmp_path / "text.db"), "--yes",
                                             expect=1).stderr  # fmt: skip
    damaged = tmp_path / "damaged.db"
    data = bytearray(copy.read_bytes())
    for page in range(1, len(data) // 4096):  # every b-tree page header
        data[page * 4096 : page * 4096 + 12] = b"\x0d\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff\xff"
    damaged.write_bytes(bytes(data))
    assert "Error:" in run("restore", str(damaged), "--yes", expect=1).stderr
    newer = tmp_path / "newer.db"
    newer.write_bytes(copy.read_bytes())
    conn = sqlite3.connect(newer)
    conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at)"
                 " VALUES ('salesnotes', 'm999_future', '2030-01-01')")  # fmt: skip
    conn.commit()
    conn.close()
    assert "newer salesnotes" in run("restore", str(newer), "--yes", expect=1).stderr
    assert dump(db_path) == before
    # Restored: the copy's contacts, and the book as it was kept beside the backups.
    out = run("restore", str(copy), "--yes").stdout
    assert f"Restored {copy}: 2 contacts" in out
    assert [c["name"] for c in run_json("contacts")] == ["Anna Bakker", "Jan de Vries"]
    [safety] = backups_folder(db_path).iterdir()
    assert safety.name.startswith("book-before-restore-")
    conn = sqlite3.connect(safety)
    assert ("Later Toegevoegd",) in conn.execute("SELECT name FROM contacts").fetchall()
    conn.close()


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_an_older_backup_is_brought_up_to_date(run: Run, run_json: RunJson, tmp_path: Path) -> None:
    old = tmp_path / "v1.db"
    old.write_bytes((Path(__file__).parent / "data" / "book-v1.db").read_bytes())
    run("add", "Nu")
    out = run("restore", str(old), "--yes").stdout
    assert "brought up to date" in out
    assert run_json("contacts")  # the old book's contacts, readable by this salesnotes


# Doctor ----------------------------------------------------------------------------------


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_doctor_says_what_is_wrong_and_how_to_fix_it(
    run: Run, jan: None, db_path: Path, tmp_path: Path
) -> None:
    run("doctor")
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE followups SET due_on = 'volgende week' WHERE id = 1")
    conn.execute("DELETE FROM contacts_fts WHERE rowid = 2")
    conn.commit()
    conn.close()
    # Every command that meets the row says so, and where to look; none crashes.
    for args in (("followups",), ("show", "jan"), ("export", "--format", "ics")):
        err = run(*args, expect=1).stderr
        assert "the book holds a value salesnotes cannot read" in err, args
        assert "'salesnotes doctor' names the rows to correct" in err
    db_path.chmod(0o644)
    result = run("doctor", expect=1)
    assert (
        "PROBLEM  dates, times and numbers readable: followups row 1: due_on = 'volgende week'"
        in (result.stdout)
    )
    assert "PROBLEM  search indexes in step with their tables: contacts: 1 missing" in result.stdout
    assert f"chmod 600 {db_path}" in result.stdout
    assert result.stderr.endswith("3 problems with " + str(db_path) + "; see above\n")
    run("doctor", "--repair", expect=1)  # the index is rebuilt; the date is the user's to fix
    assert "search indexes in step with their tables\n" in run("doctor", expect=1).stdout
    # A synced folder is a problem whatever else is right.
    synced = tmp_path / "Dropbox" / "book.db"
    synced.parent.mkdir()
    run("--db", str(synced), "add", "X")
    out = run("--db", str(synced), "doctor", expect=1).stdout
    assert "the book is in a synced folder (dropbox)" in out


# Right of access -------------------------------------------------------------------------


def test_export_person_holds_everything_about_them_and_nothing_else(
    run: Run, jan: None, tmp_path: Path
) -> None:
    data = json.loads(run("export-person", "jan").stdout)
    assert data["format"] == "salesnotes-person" and data["person"]["name"] == "Jan de Vries"
    tables = data["tables"]
    assert [c["name"] for c in tables["contacts"]] == ["Jan de Vries"]
    assert [e["email"] for e in tables["contact_emails"]] == ["jan@pluimers.nl"]
    assert len(tables["interactions"]) >= 2  # the call, the complaint, the quote's notes
    assert [q["title"] for q in tables["quotes"]] == ["Dakisolatie olifantshal"]
    assert [r["amount_cents"] for r in tables["quote_revisions"]] == [1250000, 1180000]
    assert {f["contact_id"] for f in tables["followups"]} == {1}
    assert [o["name"] for o in tables["organisations"]] == ["Pluimers"]
    assert "anna" not in json.dumps(data).lower()
    out = tmp_path / "jan.json"
    assert (
        "Wrote everything stored about #1 Jan de Vries"
        in run("export-person", "jan", "-o", str(out)).stdout
    )
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert "no contact matches" in run("export-person", "nobody", expect=3).stderr


# Right to erasure ------------------------------------------------------------------------


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_forget_leaves_no_byte_of_them_in_the_file(
    run: Run, run_json: RunJson, jan: None, db_path: Path
) -> None:
    assert all(word.encode() in raw(db_path) for word in SECRETS[:3])  # before: there
    before = dump(db_path)
    assert "add --yes" in run("forget", "jan", expect=2).stderr
    assert dump(db_path) == before
    out = run("forget", "jan", "--yes").stdout
    assert out.startswith("Erased #1 Jan de Vries: ")
    assert "Their organisation had nobody else in it: erased too" in out
    data = raw(db_path)
    for word in SECRETS:
        assert word.lower().encode() not in data.lower(), word
    assert [c["name"] for c in run_json("contacts")] == ["Anna Bakker"]
    found = run("search", "zebrapaard")
    assert (found.stdout, "Nothing" in found.stderr) == ("", True)
    conn = sqlite3.connect(db_path)
    assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    (salt, digest) = conn.execute("SELECT salt, hash FROM erasures").fetchone()
    conn.close()
    assert len(digest) == 64 and "Jan" not in salt


def test_forget_takes_the_merged_and_keeps_a_shared_organisation(
    run: Run, run_json: RunJson, db_path: Path
) -> None:
    run("add", "Jan de Vries", "--org", "Bakker Bouw", "--email", "jan@bakker.nl")
    run("add", "J. de Vries", "--org", "Bakker Bouw", "--note", "zebrapaard", "--force")
    run("add", "Anna Bakker", "--org", "Bakker Bouw")
    run("merge", "2", "1")
    run("forget", "1", "--yes")
    assert [c["name"] for c in run_json("contacts")] == ["Anna Bakker"]
    assert run_json("contacts", "--archived") == []  # the merged one went with them
    assert [o["name"] for o in run_json("orgs")] == ["Bakker Bouw"]
    assert b"zebrapaard" not in raw(db_path)


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_an_erased_person_stays_erased(
    run: Run, run_json: RunJson, jan: None, db_path: Path, tmp_path: Path
) -> None:
    backup = tmp_path / "before.db"
    run("backup", str(backup))
    card = tmp_path / "jan.vcf"
    run("export", "-o", str(card))
    book = tmp_path / "book.json"
    run("export", "--format", "json", "-o", str(book))
    run("forget", "jan", "--yes")
    # A file made before: left out, and said.
    out = run("import", str(card)).stdout
    assert "- left out: 1 person erased with 'salesnotes forget'" in out
    assert [c["name"] for c in run_json("contacts")] == ["Anna Bakker"]
    # A backup made before: restored, then erased again, and said.
    out = run("restore", str(backup), "--yes").stdout
    assert "- erased again: 1 person erased with 'salesnotes forget'" in out
    assert [c["name"] for c in run_json("contacts")] == ["Anna Bakker"]
    assert b"zebrapaard" not in raw(db_path)
    # The erasure travels with the whole book as JSON: a new book made from an export taken
    # after it erases Jan again when an older export is merged into it.
    after = tmp_path / "after.json"
    run("export", "--format", "json", "-o", str(after))
    fresh = tmp_path / "fresh.db"
    run("--db", str(fresh), "import", str(after))
    out = run("--db", str(fresh), "import", str(book)).stdout
    assert "- erased again: 1 person" in out
    assert [c["name"] for c in run_json("--db", str(fresh), "contacts")] == ["Anna Bakker"]


def test_an_archived_contact_is_forgotten_as_completely(
    run: Run, run_json: RunJson, jan: None, db_path: Path
) -> None:
    run("archive", "jan")
    run("forget", "jan", "--yes")  # an archived contact is found when no active one matches
    assert run_json("contacts", "--archived") == []
    data = raw(db_path)
    for word in SECRETS:
        assert word.lower().encode() not in data.lower(), word


def test_forget_asks_on_a_terminal(run: Run, run_json: RunJson, jan: None, tmp_path: Path) -> None:
    import pty

    env = dict(os.environ)

    def answer(text: str) -> subprocess.CompletedProcess[str]:
        leader, follower = pty.openpty()
        os.write(leader, text.encode())
        try:
            return subprocess.run(
                [sys.executable, "-m", "salesnotes", "forget", "jan"],
                env=env, stdin=follower, capture_output=True, text=True, timeout=60,
            )  # fmt: skip
        finally:
            os.close(leader)
            os.close(follower)

    said_no = answer("n\n")
    assert said_no.returncode == 4
    assert "Erase #1 Jan de Vries and everything about them" in said_no.stderr
    assert said_no.stderr.endswith("Error: nothing was changed\n")
    assert len(run_json("contacts")) == 2
    said_yes = answer("ja\n")
    assert said_yes.returncode == 0, said_yes.stderr
    assert [c["name"] for c in run_json("contacts")] == ["Anna Bakker"]


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_a_backup_the_system_cannot_write_is_a_sentence(
    run: Run, jan: None, tmp_path: Path
) -> None:
    # Found by the fuzz test: a file name longer than the file system allows.
    target = tmp_path / ("a" * 300)
    err = run("backup", str(target), expect=1).stderr
    assert err == f"Error: cannot write the copy to {target}: File name too long\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".salesnotes")] == []
