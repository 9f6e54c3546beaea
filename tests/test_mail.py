"""The mailbox into the book (``mail import``, ``mail sync``, ``mail unknown``): every mail of
the fixtures lands where a person would put it by hand, each mail once whichever way it
came (.eml, Maildir, mbox, IMAP), and an IMAP sync against a real Dovecot reads only what is
new, survives a changed UIDVALIDITY, a wrong password, a server that goes away and a kill."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import imap
from tests.conftest import Run, RunJson, dump

MAIL = Path(__file__).parent / "data" / "mail"
FIXTURES = sorted(MAIL.glob("*.eml"))


@pytest.fixture
def people(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-01T12:00")
    run("add", "Jan de Vries", "--email", "jan@pluimers.nl", "--org", "Pluimers Isolatie")
    run("add", "Petra Bakker", "--email", "petra@bakkerbouw.nl")
    run("add", "Thomas Jansen", "--email", "thomas@jansenzn.nl")
    run("add", "José García", "--email", "jose@pluimers.nl")
    run("quote", "add", "jan", "12500", "--title", "Dakisolatie hal 3", "--send")
    run("complaint", "petra", "Tekening klopt niet")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-10T17:00")
    configure('[mail]\nme = "anouk@verkoop.nl"\n')


def configure(text: str) -> None:
    path = Path(os.environ["XDG_CONFIG_HOME"]) / "salesnotes" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def said(run_json: RunJson, who: str) -> list[tuple[str, str, str]]:
    return [
        (i["kind"], i["happened_on"], i["text"])
        for i in run_json("show", who)["interactions"]
        if i["kind"] == "email"
    ]


def test_every_mail_of_the_fixtures_lands_where_a_person_puts_it(
    run: Run, run_json: RunJson, people: None
) -> None:
    out = run("mail", "import", str(MAIL)).stdout
    assert "mail: 7 mails logged, 9 conversations" in out
    assert (
        "- Jan de Vries replied to quote #1: 'We gaan akkoord'; won? (salesnotes quote won 1)"
        in out
    )
    assert "- 2 mails from Petra Bakker on open complaint #2" in out
    assert "1 mail with nobody in the book (salesnotes mail unknown)" in out
    assert "3 newsletters, auto-replies and bounces left out" in out
    invitation = (
        "Sent: Uitnodiging klantendag 14 januari\nBeste relaties,\nGraag nodig ik jullie uit "
        "voor onze klantendag op 14 januari.\nAnouk\nAttachments: uitnodiging.pdf"
    )
    assert said(run_json, "jan") == [
        ("email", "2026-12-10",
         "Received: Fwd: klacht over lekkage\nNa de isolatie lekt het dak bij de dakkapel."),
        ("email", "2026-12-09", invitation),
        ("email", "2026-12-04", "Received: Re: Offerte #1 dakisolatie hal 3\nHoi Anouk,\nWe gaan "
         "akkoord met de offerte, de planning in januari past ons goed.\nKun je de "
         "opdrachtbevestiging sturen?"),
    ]  # fmt: skip
    assert said(run_json, "petra") == [  # RFC 2047 in ISO-8859-1 written as Windows-1252
        ("email", "2026-12-10", "Received: foto's van de bouwplaats\nHierbij de foto's van de "
         "bouwplaats.\nAttachments: bouwplaats hal 3.jpg"),  # a broken MIME structure, read
        ("email", "2026-12-09", invitation),
        ("email", "2026-12-07", "Received: Tekening ontvangen – vragen\nBeste Anouk,\nWij "
         "hebben de tekening bekeken. Kunnen we dinsdag bellen over de planning?"),
    ]  # fmt: skip
    assert said(run_json, "thomas")[1] == (  # Outlook's HTML only, quoted-printable cp1252
        "email", "2026-12-08", "Received: Prijs extra isolatie – 40 m²\nGoedemorgen Anouk,\nGraag "
        "ontvang ik een prijs voor 40 m² extra isolatie – liefst deze week.",
    )  # fmt: skip
    assert said(run_json, "jose") == [
        ("email", "2026-12-08", "Received: Re: visit next week\nThursday at 10:00 works for me.")
    ]
    agenda = run_json("agenda")
    jan = next(row for row in agenda if row["name"] == "Jan de Vries")
    assert "Jan de Vries replied to quote #1: 'We gaan akkoord'; won?" in " ".join(jan["reasons"])
    assert run_json("quote", "show", "1")["status"] == "sent"  # a person decides
    # The complaint shows what the customer wrote on it since.
    assert run_json("show", "petra")["complaint_mails"] == [
        {"followup_id": 2, "mails": 2, "last": "2026-12-10T12:00:00Z"}
    ]
    shown = run("show", "petra").stdout
    assert "complaint, high priority: Tekening klopt niet" in shown
    assert "2 mails from them since, the last Thu 10 Dec 12:00" in shown
    unknown = run_json("mail", "unknown")
    assert unknown == [
        {"address": "karin@nieuwbouw.nl", "name": "Karin de Wit", "mails": 1,
         "last": "2026-12-10T10:00:00Z"}
    ]  # fmt: skip
    second = FIXTURES[8].read_bytes().replace(b"stranger-9@", b"stranger-9b@")
    (Path(os.environ["HOME"]) / "tweede.eml").write_bytes(second)
    run("mail", "import", str(Path(os.environ["HOME"]) / "tweede.eml"))
    assert [(u["address"], u["mails"]) for u in run_json("mail", "unknown")] == [
        ("karin@nieuwbouw.nl", 2)
    ]
    note = run("mail", "unknown").stderr
    assert 'salesnotes add "Karin de Wit" --email karin@nieuwbouw.nl' in note
    again = run("mail", "import", str(MAIL)).stdout
    assert "0 mails logged, 0 conversations" in again and "7 mails were logged before" in again


def test_maildir_mbox_and_eml_of_the_same_mails_add_nothing(
    run: Run, run_json: RunJson, people: None, tmp_path: Path
) -> None:
    maildir = tmp_path / "Maildir"
    for part in ("cur", "new", "tmp"):
        (maildir / part).mkdir(parents=True)
    for n, path in enumerate(FIXTURES):
        shutil.copy(path, maildir / ("cur" if n % 2 else "new") / f"{n}.host:2,S")
    mbox = tmp_path / "archief.mbox"
    with mbox.open("wb") as box:
        for path in FIXTURES:
            box.write(b"From someone@example.nl Thu Dec 10 12:00:00 2026\n")
            for line in path.read_bytes().replace(b"\r\n", b"\n").splitlines(keepends=True):
                box.write(b">" + line if line.startswith(b"From ") else line)
            box.write(b"\n")
    assert "7 mails logged" in run("mail", "import", str(maildir)).stdout
    count = len(run_json("show", "jan")["interactions"])
    out = run("mail", "import", str(mbox)).stdout
    assert "0 mails logged" in out and "7 mails were logged before" in out
    out = run("mail", "import", str(FIXTURES[0])).stdout
    assert "0 mails logged" in out and "1 mail was logged before" in out
    assert len(run_json("show", "jan")["interactions"]) == count


def test_keep_subject_keeps_only_the_subject(run: Run, run_json: RunJson, people: None) -> None:
    configure('[mail]\nme = "anouk@verkoop.nl"\nkeep = "subject"\n')
    run("mail", "import", str(FIXTURES[0]))
    assert said(run_json, "jan") == [
        ("email", "2026-12-04", "Received: Re: Offerte #1 dakisolatie hal 3")
    ]


def test_a_20_mb_attachment_is_logged_by_name_and_never_read_into_memory(
    run: Run, run_json: RunJson, people: None, tmp_path: Path
) -> None:
    import tracemalloc

    mbox = tmp_path / "groot.mbox"
    line = b"QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFB\n"
    with mbox.open("wb") as handle:
        handle.write(b"From jan@pluimers.nl Thu Dec 10 12:00:00 2026\n")
        handle.write(
            b"Message-ID: <groot@pluimers.nl>\nDate: Thu, 10 Dec 2026 12:00:00 +0100\n"
            b"From: jan@pluimers.nl\nTo: anouk@verkoop.nl\nSubject: Tekeningen\n"
            b'Content-Type: multipart/mixed; boundary="g"\n\n--g\nContent-Type: text/plain\n\n'
            b"Hierbij de tekeningen.\n--g\nContent-Type: application/pdf\n"
            b'Content-Disposition: attachment; filename="tekeningen.pdf"\n'
            b"Content-Transfer-Encoding: base64\n\n"
        )
        for _ in range(20 * 1024 * 1024 // len(line)):
            handle.write(line)
        handle.write(b"--g--\n\n")
    tracemalloc.start()
    said_out = run("mail", "import", str(mbox)).stdout
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert "1 mail logged" in said_out
    assert said(run_json, "jan")[0][2] == (
        "Received: Tekeningen\nHierbij de tekeningen.\nAttachments: tekeningen.pdf"
    )
    assert peak < 8 * 1024 * 1024, peak  # the file is 20 MB


def test_an_erased_person_is_skipped_ever_after_and_export_person_has_their_mail(
    run: Run, run_json: RunJson, people: None, tmp_path: Path
) -> None:
    run("mail", "import", str(MAIL))
    out = tmp_path / "petra.json"
    run("export-person", "petra", "-o", str(out))
    assert '"mails"' in out.read_text() and "Tekening ontvangen" in out.read_text()
    run("forget", "petra", "--yes")
    again = run("mail", "import", str(MAIL)).stdout
    assert "0 mails logged" in again
    assert [u["address"] for u in run_json("mail", "unknown")] == ["karin@nieuwbouw.nl"]
    assert "petra" not in json.dumps(run_json("contacts"))


def test_mail_in_dutch_and_bad_input(
    run: Run, people: None, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_path: Path
) -> None:
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    out = run("mail", "import", str(MAIL)).stdout
    assert "mail: 7 mails vastgelegd, 9 gesprekken" in out
    assert "Jan de Vries antwoordde op offerte #1: 'We gaan akkoord'; gewonnen?" in out
    before = dump(db_path)
    assert run("mail", "import", str(tmp_path / "nergens"), expect=2).stderr.startswith("Fout: ")
    (tmp_path / "leeg").mkdir()
    told = run("mail", "import", str(tmp_path / "leeg"), expect=2).stderr
    assert "geen mail" in told and "Traceback" not in told
    told = run("mail", "sync", expect=2).stderr
    assert told.startswith("Fout: 'mail sync'") and len(told.splitlines()) == 1
    assert dump(db_path) == before


# IMAP, against a real Dovecot.


@pytest.fixture(scope="module")
def dovecot() -> Iterator[imap.Server]:
    yield from imap.server_or_skip()


@pytest.fixture
def mailbox(dovecot: imap.Server, people: None, monkeypatch: pytest.MonkeyPatch) -> imap.Server:
    folder = f"CRM{time.monotonic_ns()}"
    configure(
        f'[mail]\nme = "anouk@verkoop.nl"\nserver = "{dovecot.url}"\nuser = "{imap.USER}"\n'
        f'folders = "{folder}"\nca_file = "{dovecot.ca_file}"\n'
    )
    monkeypatch.setenv("SALESNOTES_MAIL_PASSWORD", imap.PASSWORD)
    dovecot.deliver(folder, [path.read_bytes() for path in FIXTURES[:5]])
    dovecot.folder_name = folder
    return dovecot


@pytest.mark.slow
@pytest.mark.sqlite_only  # one server for the module; the book's side runs on both above
def test_mail_sync_reads_only_what_is_new(
    run: Run, run_json: RunJson, mailbox: imap.Server
) -> None:
    folder = mailbox.folder_name
    out = run("mail", "sync").stdout
    assert "5 mails logged, 7 conversations" in out and f"{folder}: 5 new" in out
    out = run("mail", "sync").stdout
    assert "0 mails logged" in out and f"{folder}: 0 new" in out
    mailbox.deliver(folder, [FIXTURES[8].read_bytes(), FIXTURES[9].read_bytes()])
    out = run("mail", "sync").stdout
    assert "1 mail logged, 1 conversation" in out and f"{folder}: 2 new" in out
    assert run_json("mail", "unknown")[0]["address"] == "karin@nieuwbouw.nl"
    # The folder made anew: other UIDs for the same mails; read again, nothing doubled.
    mailbox.remake(folder)
    mailbox.deliver(folder, [path.read_bytes() for path in FIXTURES])
    out = run("mail", "sync").stdout
    assert (
        f"{folder}: 11 new" in out
        and "1 mail logged" in out
        and "6 mails were logged before" in out
    )
    assert "0 mails logged" in run("mail", "sync").stdout


@pytest.mark.slow
@pytest.mark.sqlite_only  # one server for the module; the book's side runs on both above
def test_mail_sync_failures_are_one_sentence_and_write_nothing(
    run: Run, mailbox: imap.Server, monkeypatch: pytest.MonkeyPatch, db_path: Path
) -> None:
    before = dump(db_path)
    monkeypatch.setenv("SALESNOTES_MAIL_PASSWORD", "fout")
    told = run("mail", "sync", expect=1).stderr
    assert told.startswith("Error: the IMAP server 127.0.0.1:") and "refused anouk" in told
    assert len(told.splitlines()) == 1 and imap.PASSWORD not in told
    monkeypatch.setenv("SALESNOTES_MAIL_PASSWORD", imap.PASSWORD)
    configure(
        f'[mail]\nserver = "imaps://127.0.0.1:1"\nuser = "anouk"\nca_file = "{mailbox.ca_file}"\n'
    )
    told = run("mail", "sync", expect=1).stderr
    assert "cannot be reached" in told and len(told.splitlines()) == 1
    configure(f'[mail]\nserver = "{mailbox.url}"\nuser = "anouk"\nfolders = "Nergens"\n'
              f'ca_file = "{mailbox.ca_file}"\n')  # fmt: skip
    assert "has no folder 'Nergens'" in run("mail", "sync", expect=1).stderr
    configure(f'[mail]\nserver = "{mailbox.url}"\nuser = "anouk"\n')  # not our CA: refused
    assert "certificate" in run("mail", "sync", expect=1).stderr
    assert dump(db_path) == before


@pytest.mark.slow
@pytest.mark.sqlite_only  # reads the SQLite file itself
def test_a_mail_sync_killed_or_cut_off_half_way_writes_nothing_and_goes_on_without_doubles(
    run: Run, run_json: RunJson, mailbox: imap.Server, isolated: Path
) -> None:
    folder = mailbox.folder_name
    many = []
    for n in range(1500):
        text = (
            FIXTURES[1].read_bytes().replace(b"<alt-0002@bakkerbouw.nl>", f"<m{n}@b.nl>".encode())
        )
        many.append(text)
    mailbox.deliver(folder, many)
    before = isolated.read_bytes()
    env = {**os.environ, "SALESNOTES_DB": str(isolated)}
    process = subprocess.Popen(
        [sys.executable, "-m", "salesnotes", "mail", "sync"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    time.sleep(1.0)
    process.send_signal(signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the sync ended before it was killed"
    assert isolated.read_bytes() == before
    out = run("mail", "sync").stdout
    assert "1505 mails logged" in out
    assert "0 mails logged" in run("mail", "sync").stdout
    import sqlite3

    with sqlite3.connect(isolated) as conn:
        assert conn.execute("SELECT count(*), count(DISTINCT key) FROM mails").fetchone() == (
            1507,
            1505,
        )


@pytest.mark.slow
@pytest.mark.sqlite_only
@pytest.mark.parametrize("language", ["C.UTF-8", "nl_NL.UTF-8"])
def test_the_calls_and_mail_tour_runs_as_written(
    run: Run, mailbox: imap.Server, language: str, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:  # fmt: skip
    """docs/calls-and-mail.md's tour, copied as it is, in English and in Dutch: with the
    fixtures as the files it names and the test's Dovecot as the server in [mail]."""
    from tests.test_readme import ROOT, tour_commands

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("LANG", language)
    shutil.copy(Path(__file__).parent / "data" / "calls" / "calls-20261207.xml", tmp_path)
    shutil.copy(Path(__file__).parent / "data" / "calls" / "oproepen.csv", tmp_path)
    klanten = Path(os.environ["HOME"]) / "Maildir" / "Klanten"
    for part in ("cur", "new", "tmp"):
        (klanten / part).mkdir(parents=True)
    for n, path in enumerate(FIXTURES):
        shutil.copy(path, klanten / "cur" / f"{n}.host:2,S")
    run("edit", "jan", "--phone", "06 12345678")
    run("edit", "petra", "--phone", "+31687654321")
    commands = tour_commands((ROOT / "docs" / "calls-and-mail.md").read_text(encoding="utf-8"))
    assert [c[:2] for c in commands][:3] == [["calls", "import"], ["calls", "import"], ["calls"]]
    outputs = [run(*(os.path.expanduser(a) for a in args)).stdout for args in commands]
    joined = "\n".join(outputs)
    if language.startswith("nl"):
        assert "gemiste oproep van Petra Bakker" in joined and "mails vastgelegd" in joined
    else:
        assert "missed call from Petra Bakker" in joined and "mails logged" in joined


@pytest.mark.slow
@pytest.mark.sqlite_only
def test_a_server_that_goes_away_half_way_leaves_nothing_half_written(
    run: Run, people: None, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for server in imap.server_or_skip():  # its own: this test kills it
        configure(
            f'[mail]\nme = "anouk@verkoop.nl"\nserver = "{server.url}"\nuser = "{imap.USER}"\n'
            f'folders = "Weg"\nca_file = "{server.ca_file}"\n'
        )
        monkeypatch.setenv("SALESNOTES_MAIL_PASSWORD", imap.PASSWORD)
        body = FIXTURES[1].read_bytes()
        server.deliver("Weg", [body.replace(b"alt-0002", f"weg{n}".encode()) for n in range(1500)])
        before = isolated.read_bytes()
        process = subprocess.Popen(
            [sys.executable, "-m", "salesnotes", "mail", "sync"], env=dict(os.environ),
            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        )  # fmt: skip
        time.sleep(1.0)
        for pid in server.pids():
            os.kill(pid, signal.SIGKILL)
        _, err = process.communicate(timeout=120)
        assert process.returncode == 1, err
        told = err.decode()
        assert told.startswith("Error: the IMAP server") and "nothing was logged" in told
        assert len(told.splitlines()) == 1
        assert isolated.read_bytes() == before
