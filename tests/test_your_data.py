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


# Temporaries: none outlives its command ---------------------------------------------------


def leftovers(*folders: Path) -> list[str]:
    """Files salesnotes made for a moment, still there (a copy of the book on its way)."""
    return sorted(p.name for f in folders if f.is_dir() for p in f.iterdir()
                  if p.name.startswith(".salesnotes"))  # fmt: skip


def unfinished(db_path: Path) -> Path:
    return db_path.parent / "home" / ".local" / "share" / "salesnotes" / "unfinished"


def weighty(db_path: Path) -> None:
    """Make the book heavy enough (40 MB) that a backup takes a moment to kill it in."""
    conn = sqlite3.connect(db_path)
    conn.execute("CREATE TABLE ballast (b BLOB)")
    conn.executemany("INSERT INTO ballast VALUES (randomblob(1000000))", [()] * 40)
    conn.commit()
    conn.close()


def backup_caught(env: dict[str, str], folder: Path, target: list[str]) -> subprocess.Popen[bytes]:
    """A ``backup`` running, caught with its temporary copy made."""
    import time

    for _ in range(20):
        process = subprocess.Popen(
            [sys.executable, "-m", "salesnotes", "backup", *target],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 30
        while process.poll() is None and time.monotonic() < deadline:
            if leftovers(folder):
                return process
            time.sleep(0.001)
        process.wait()
    raise AssertionError("every backup finished before it could be caught")


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
@pytest.mark.slow
def test_a_killed_backup_leaves_no_copy_of_the_book(
    run: Run, jan: None, db_path: Path, tmp_path: Path
) -> None:
    import signal
    import time

    weighty(db_path)
    env = dict(os.environ)
    folder = backups_folder(db_path)
    folder.mkdir(parents=True)
    killed_with_a_copy = 0
    for wait in (0, 0.01, 0.03, 0.06, 0.1, 0.2):
        process = backup_caught(env, folder, [])
        time.sleep(wait)
        process.send_signal(signal.SIGKILL)
        process.wait()
        left = leftovers(folder)
        killed_with_a_copy += bool(left)
        # The next command that looks after copies removes it, and says so.
        for name in ("backups", "doctor", "backup"):
            err = run(name).stderr
            if left:
                assert f"Removed {folder / left[0]}: left unfinished by a salesnotes" in err
                left = []
            assert leftovers(folder, db_path.parent) == [], name
            assert not any(unfinished(db_path).iterdir())
    assert killed_with_a_copy >= 3  # the kills did land while the copy was being made
    for copy in backup_files(folder):  # what is left is whole, checked copies
        conn = sqlite3.connect(folder / copy)
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        conn.close()


def backup_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if not p.name.startswith("."))


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
@pytest.mark.slow
def test_a_backup_stopped_by_sigterm_or_sighup_removes_its_copy_itself(
    jan: None, db_path: Path, tmp_path: Path
) -> None:
    import signal

    weighty(db_path)
    usb = tmp_path / "usb"
    usb.mkdir()
    for number in (signal.SIGTERM, signal.SIGHUP):
        process = backup_caught(dict(os.environ), usb, [str(usb / "copy.db")])
        process.send_signal(number)
        assert process.wait() == 128 + number or (usb / "copy.db").exists()
        assert leftovers(usb) == []
        assert not any(unfinished(db_path).iterdir())


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
@pytest.mark.slow
def test_forget_removes_a_killed_backups_copy_and_names_the_backups_that_hold_them(
    run: Run, jan: None, db_path: Path, tmp_path: Path
) -> None:
    import signal

    run("backup")
    folder = backups_folder(db_path)
    [held] = backup_files(folder)
    weighty(db_path)
    process = backup_caught(dict(os.environ), folder, [])
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert leftovers(folder)  # a copy of the book, on its way, killed
    result = run("forget", "jan", "--yes")
    assert leftovers(folder, db_path.parent) == []
    assert f"1 backup in {folder} still holds them:\n  {held}\n" in result.stderr
    assert "A restore of one erases them again. Delete each you no longer need" in result.stderr
    # Every file salesnotes left anywhere, but the backup it named: not a byte of Jan.
    for path in tmp_path.rglob("*"):
        if path.is_file() and path.name != held and path.suffix != ".toml":
            data = path.read_bytes().lower()
            assert not any(w.lower().encode() in data for w in SECRETS), path
    run("backup")
    again = run("forget", "anna", "--yes").stderr
    assert "2 backups in" in again  # both hold Anna
    run("add", "Nieuw")
    assert f"No backup in {folder} holds them." in run("forget", "nieuw", "--yes").stderr


@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
def test_a_leftover_of_an_older_salesnotes_is_removed_once_surely_stale(
    run: Run, jan: None, db_path: Path
) -> None:
    import time

    folder = backups_folder(db_path)
    folder.mkdir(parents=True)
    stale, fresh = (
        folder / ".salesnotes-backup-k2j4_x9a.db",
        folder / ".salesnotes-backup-abcd1234.db",
    )
    stale.write_bytes(b"SQLite format 3\x00")
    fresh.write_bytes(b"SQLite format 3\x00")
    old = time.time() - 3600
    os.utime(stale, (old, old))
    run("backups")
    assert leftovers(folder) == [fresh.name]  # it may be a running older salesnotes' copy


@pytest.mark.sqlite_only  # doctor checks a SQLite file
def test_a_temporary_of_a_command_that_no_longer_runs_is_found_anywhere(
    run: Run, jan: None, db_path: Path, tmp_path: Path
) -> None:
    # An export to a file, or a note in the editor, killed: listed in 'unfinished', so found
    # wherever it was written. One of a command still running is left alone.
    gone = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    listed = unfinished(db_path)
    listed.mkdir(parents=True)
    made = {}
    for pid in (gone, str(os.getpid())):
        name = f".salesnotes-export-{pid}-0123456789ab.tmp"
        (elsewhere / name).write_text("Jan de Vries,jan@pluimers.nl\n", encoding="utf-8")
        (listed / name).write_text(f"{elsewhere / name}\n", encoding="utf-8")
        made[pid] = name
    # An entry that names another file than its own is not followed.
    (tmp_path / "precious.txt").write_text("mine", encoding="utf-8")
    (listed / f".salesnotes-note-{gone}-ba9876543210.txt").write_text(
        f"{tmp_path / 'precious.txt'}\n", encoding="utf-8"
    )
    err = run("doctor").stderr
    assert f"Removed {elsewhere / made[gone]}: left unfinished" in err
    assert leftovers(elsewhere) == [made[str(os.getpid())]]
    assert sorted(p.name for p in listed.iterdir()) == [made[str(os.getpid())]]
    assert (tmp_path / "precious.txt").read_text(encoding="utf-8") == "mine"
