"""``salesnotes sync``, both ways, against two real DAV servers (tests/dav.py: Radicale over
HTTP, Xandikos over HTTPS), with "the phone" played by plain HTTP requests that write what
phones write: an iPhone's vCard 3.0 (``item1.TEL`` with ``X-ABLabel``), Android's (DAVx5)
vCard, and Reminders' and Tasks.org's VTODOs."""

from __future__ import annotations

import json
import os
import re
import signal
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests import dav
from tests.conftest import Run, dump

pytestmark = pytest.mark.sqlite_only  # one person's file; the team's server: test_team_roles

httpx = pytest.importorskip("httpx")


@pytest.fixture(scope="module", params=["radicale", "xandikos"])
def server(request: pytest.FixtureRequest) -> Iterator[dav.Server]:
    yield from dav.server_or_skip(request.param)


class Phone:
    """The phone's side: what its apps read from and write to the server."""

    def __init__(self, server: dav.Server, config: dict[str, str]) -> None:
        import ssl

        trust = ssl.create_default_context(cafile=server.ca_file) if server.ca_file else True
        self.client = httpx.Client(auth=(server.user, server.password), verify=trust, timeout=20)
        self.cards, self.tasks = config["addressbook"], config["tasks"]
        self.calendar = config["calendar"]

    def hrefs(self, collection: str) -> dict[str, str]:
        body = '<d:propfind xmlns:d="DAV:"><d:prop><d:getetag/></d:prop></d:propfind>'
        answer = self.client.request(
            "PROPFIND",
            collection,
            content=body,
            headers={"Depth": "1", "Content-Type": "application/xml"},
        ).text
        import re

        found = {}
        for response in re.findall(r"<(?:\w+:)?response>(.*?)</(?:\w+:)?response>", answer, re.S):
            href = re.search(r"<(?:\w+:)?href>([^<]*)<", response)
            etag = re.search(r"<(?:\w+:)?getetag>([^<]*)<", response)
            if href and etag and not href.group(1).endswith("/"):
                found[str(httpx.URL(collection).join(href.group(1)))] = etag.group(1)
        return found

    def read(self, collection: str) -> dict[str, str]:
        """Every object's text, by address (its long lines unfolded, RFC 6350 3.2)."""
        return {
            h: self.client.get(h).text.replace("\r\n ", "").replace("\r\n\t", "")
            for h in self.hrefs(collection)
        }

    def find(self, collection: str, text: str) -> tuple[str, str]:
        found = [(h, t) for h, t in self.read(collection).items() if text in t]
        assert len(found) == 1, (text, found)
        return found[0]

    def put(self, href: str, text: str, media: str) -> None:
        answer = self.client.put(
            href, content=text.replace("\n", "\r\n").encode(),
            headers={"Content-Type": f"{media}; charset=utf-8"},
        )  # fmt: skip
        assert answer.status_code in (201, 204), answer.text

    def delete(self, href: str) -> None:
        assert self.client.delete(href).status_code in (200, 204)


def _set_up(run: Run, server: dav.Server, isolated: Path, name: str) -> dict[str, str]:
    args = ["sync", "setup", server.url, "--user", server.user, "--addressbook", name,
            "--tasks", name, "--calendar", name]  # fmt: skip
    if server.ca_file:
        args += ["--ca-file", server.ca_file]
    run(*args)
    import tomllib

    home = isolated.parent / "home" / ".config" / "salesnotes" / "config.toml"
    return dict(tomllib.loads(home.read_text())["sync"])


@pytest.fixture
def phone(run: Run, server: dav.Server, isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Phone:
    """A small book (today is Wednesday 25 November 2026) and the phone's server set up for
    it, in places of this test's own."""
    monkeypatch.setenv("SALESNOTES_SYNC_PASSWORD", server.password)
    run("add", "Jan de Vries", "--org", "Bakker Bouw", "--phone", "06 12345678",
        "--email", "jan@bakkerbouw.nl", "--note", "Koffie zwart")  # fmt: skip
    run("add", "Sanne Visser", "--phone", "+31 20 555 0101")
    run("add", "Eva Smit", "--email", "eva@smit.nl")
    run("quote", "add", "jan", "12500", "--title", "Hal 3")
    run("log", "sanne", "Lekkage na de installatie", "--kind", "complaint")
    run("follow", "jan", "2026-11-23", "Prijs nabellen", "--reason", "callback")
    run("follow", "eva", "vrijdag", "Offerte bespreken")
    name = f"t{uuid.uuid4().hex[:8]}"
    return Phone(server, _set_up(run, server, isolated, name))


def _book(rows: list[tuple[Any, ...]]) -> list[tuple[Any, ...]]:
    """Every row but when the last sync ran and the server's sync tokens (each sync's own)."""
    return [r for r in rows if r[0] not in ("sync_runs", "sync_places")]


def _contact(run: Run, who: str) -> dict[str, Any]:
    return dict(json.loads(run("show", who, "--format", "json").stdout)["contact"])


def test_a_first_sync_puts_contacts_and_tasks_on_the_phone_and_a_second_changes_nothing(
    run: Run, phone: Phone, isolated: Path
) -> None:
    said = run("sync").stdout
    assert "3 contacts put on the phone" in said and "follow-ups put on the phone" in said
    cards = phone.read(phone.cards)
    assert len(cards) == 3
    jan = _contact(run, "jan")
    href, card = phone.find(phone.cards, "FN:Jan de Vries")
    assert f"UID:{jan['uuid']}" in card and "06 12345678" in card and "ORG:Bakker Bouw" in card
    # What to know when Jan calls, on the first line of the note, then his own note
    assert (
        "NOTE:[salesnotes] call back since 23-11 · quote #1 € 12.500\\,00 open\\nKoffie zwart"
        in card
    )
    _, sanne = phone.find(phone.cards, "FN:Sanne Visser")
    assert "complaint open since 25-11" in sanne
    tasks = phone.read(phone.tasks)
    _, call = phone.find(phone.tasks, "Prijs nabellen")
    assert "DUE;VALUE=DATE:20261123" in call and "STATUS:NEEDS-ACTION" in call
    assert "URL:tel:+31612345678" in call  # the number to call, as a link the phone dials
    # today's agenda in its order for a phone that sorts by priority: the complaint, Jan,
    # then what is not due yet
    _, complaint = phone.find(phone.tasks, "Sanne Visser")
    _, later = phone.find(phone.tasks, "Offerte bespreken")
    assert "PRIORITY:1" in complaint and "PRIORITY:3" in call and "PRIORITY:5" in later
    etags = {**phone.hrefs(phone.cards), **phone.hrefs(phone.tasks)}
    book = dump(isolated)
    again = run("sync").stdout
    assert "nothing changed on either side" in again
    assert {**phone.hrefs(phone.cards), **phone.hrefs(phone.tasks)} == etags  # not rewritten
    quiet = run("sync", "--quiet")  # cron's: nothing to say when nothing needs a person
    assert quiet.stdout == "" and quiet.stderr == ""
    assert len(tasks) == len(phone.read(phone.tasks))
    assert _book(dump(isolated)) == _book(book)


IPHONE_EDIT = """BEGIN:VCARD
VERSION:3.0
PRODID:-//Apple Inc.//iPhone OS 17.1//EN
N:de Vries;Jan;;;
FN:Jan de Vries
ORG:Bakker Bouw;
TITLE:Inkoper
EMAIL;type=INTERNET;type=WORK;type=pref:jan@bakkerbouw.nl
TEL;type=CELL;type=VOICE;type=pref:06 12345678
item1.TEL:+31 6 98765432
item1.X-ABLabel:_$!<Other>!$_
NOTE:[salesnotes] quote #1 € 12.500\\,00 open · call back since 23-11\\nKoffie zwart\\, geen suiker
UID:{uid}
END:VCARD
"""

NEW_ANDROID_CARD = """BEGIN:VCARD
VERSION:4.0
PRODID:DAVx5/4.3.9-gplay ez-vcard/0.11.3
UID:{uid}
FN:Ruud Meijer
N:Meijer;Ruud;;;
ORG:Meijer Installaties
TEL;TYPE=cell:+31 6 11122233
EMAIL;TYPE=work:ruud@meijer.nl
REV:20261125T081500Z
END:VCARD
"""

TASK = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:-//Apple Inc.//iOS 17.1//EN
BEGIN:VTODO
UID:{uid}
DTSTAMP:20261125T090000Z
SUMMARY:{summary}
DUE;VALUE=DATE:{due}
STATUS:NEEDS-ACTION
END:VTODO
END:VCALENDAR
"""


def test_what_the_phone_changed_comes_into_the_book(run: Run, phone: Phone, isolated: Path) -> None:
    run("sync")
    jan = _contact(run, "jan")
    href, _card = phone.find(phone.cards, "FN:Jan de Vries")
    phone.put(href, IPHONE_EDIT.format(uid=jan["uuid"]), "text/vcard")  # a number, a title
    call_href, call = phone.find(phone.tasks, "Prijs nabellen")  # ticked off
    ticked = call.replace("STATUS:NEEDS-ACTION", "STATUS:COMPLETED\r\nCOMPLETED:20261125T100000Z")
    phone.put(call_href, ticked.replace("\r\n", "\n"), "text/calendar")
    eva_href, eva = phone.find(phone.tasks, "Offerte bespreken")  # moved to next Tuesday
    moved = eva.replace("DUE;VALUE=DATE:20261127", "DUE;VALUE=DATE:20261201")
    phone.put(eva_href, moved.replace("\r\n", "\n"), "text/calendar")
    sanne_href, _sanne = phone.find(phone.cards, "FN:Sanne Visser")
    phone.delete(sanne_href)  # deleted on the phone
    phone.put(f"{phone.cards}ruud.vcf", NEW_ANDROID_CARD.format(uid=uuid.uuid4()), "text/vcard")
    for n, (summary, due) in enumerate(
        [("Eva Smit: demo plannen", "20261203"), ("Boodschappen", "20261126")]
    ):
        task = TASK.format(uid=uuid.uuid4(), summary=summary, due=due)
        phone.put(f"{phone.tasks}new{n}.ics", task, "text/calendar")

    said = run("sync").stdout
    assert "1 contact changed from the phone" in said
    assert "1 contact added from the phone" in said
    assert "1 follow-up ticked off on the phone: done" in said
    assert "1 follow-up moved on the phone: moved" in said
    assert "1 follow-up added from the phone's tasks" in said
    assert "new task 'Boodschappen' on the phone" in said
    jan = _contact(run, "jan")
    assert jan["job_title"] == "Inkoper"
    assert sorted(jan["phones"]) == ["+31 6 98765432", "06 12345678"]
    assert jan["note"] == "Koffie zwart, geen suiker"  # the context stays salesnotes' own
    shown = json.loads(run("show", "jan", "--format", "json").stdout)
    assert any(i["text"].startswith("done on the phone") for i in shown["interactions"])
    assert not any(f["text"] == "Prijs nabellen" for f in shown["followups"])
    eva = json.loads(run("show", "eva", "--format", "json").stdout)
    assert {(f["text"], f["due_on"]) for f in eva["followups"]} == {
        ("Offerte bespreken", "2026-12-01"), ("demo plannen", "2026-12-03")
    }  # fmt: skip
    ruud = _contact(run, "ruud")
    assert ruud["organisation"] == "Meijer Installaties" and ruud["emails"] == ["ruud@meijer.nl"]
    assert _contact(run, "sanne")["name"] == "Sanne Visser"  # a delete there deletes nothing here
    status = run("sync", "status").stdout
    assert "Sanne Visser" in status and "salesnotes archive" in status
    assert "Boodschappen" in status

    book = _book(dump(isolated))
    again = run("sync").stdout
    assert "nothing changed on either side" in again, again
    assert _book(dump(isolated)) == book
    assert not any("FN:Sanne Visser" in t for t in phone.read(phone.cards).values())  # not back
    run("sync", "--put-back")
    assert any("FN:Sanne Visser" in t for t in phone.read(phone.cards).values())

    run("undo")  # the sync's changes to the book, taken back as one step
    assert _contact(run, "jan")["job_title"] == ""


def test_a_field_both_sides_changed_keeps_both_numbers_and_the_books_title(
    run: Run, phone: Phone
) -> None:
    run("sync")
    jan = _contact(run, "jan")
    run("edit", "jan", "--job-title", "Directeur", "--phone", "010 1234567")
    href, _card = phone.find(phone.cards, "FN:Jan de Vries")
    phone.put(href, IPHONE_EDIT.format(uid=jan["uuid"]), "text/vcard")
    said = run("sync").stdout
    assert "the job title changed both here and on the phone" in said
    jan = _contact(run, "jan")
    assert jan["job_title"] == "Directeur"
    assert sorted(jan["phones"]) == ["+31 6 98765432", "010 1234567", "06 12345678"]
    timeline = run("show", "jan").stdout
    assert "job title was changed to: Inkoper" in timeline
    _href, card = phone.find(phone.cards, "FN:Jan de Vries")
    assert "TITLE:Directeur" in card and "010 1234567" in card and "98765432" in card
    assert "nothing changed" in run("sync").stdout


def test_what_the_book_changed_goes_to_the_phone(run: Run, phone: Phone) -> None:
    run("sync")
    run("done", "2", "--note", "Gebeld")  # Jan's call
    run("snooze", "3", "2026-12-02")  # Eva's
    run("quote", "add", "sanne", "950", "--title", "Onderhoud")
    said = run("sync").stdout
    assert "2 tasks brought up to date on the phone" in said
    _, done = phone.find(phone.tasks, "Prijs nabellen")
    assert "STATUS:COMPLETED" in done
    _, moved = phone.find(phone.tasks, "Offerte bespreken")
    assert "DUE;VALUE=DATE:20261202" in moved
    _, sanne = phone.find(phone.cards, "FN:Sanne Visser")
    assert "quote #2 € 950\\,00 open" in sanne
    run("archive", "eva")
    said = run("sync").stdout
    assert "1 card taken off the phone" in said and "1 task taken off the phone" in said
    assert not any("Offerte bespreken" in t for t in phone.read(phone.tasks).values())
    assert not any("FN:Eva Smit" in t for t in phone.read(phone.cards).values())
    assert "nothing changed" in run("sync").stdout


def test_a_sync_killed_half_way_goes_on_without_doubles(
    run: Run, phone: Phone, isolated: Path
) -> None:
    for n in range(60):
        run("add", f"Klant {n:02d}", "--phone", f"06 2000{n:04d}")
    before = isolated.read_bytes()
    env = {**os.environ, "SALESNOTES_DB": str(isolated), "SALESNOTES_TODAY": "2026-11-25"}
    process = subprocess.Popen(
        [sys.executable, "-m", "salesnotes", "sync"], env=env,
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    deadline = time.monotonic() + 30
    while len(phone.hrefs(phone.cards)) < 10 and time.monotonic() < deadline:
        time.sleep(0.02)
    process.send_signal(signal.SIGKILL)
    process.wait()
    written = len(phone.hrefs(phone.cards))
    assert written >= 10
    assert isolated.read_bytes() == before or process.returncode == 0
    said = run("sync").stdout
    assert "contacts added from the phone" not in said  # its own cards, taken as agreed
    assert len(phone.hrefs(phone.cards)) == 63
    assert len(json.loads(run("contacts", "--format", "json").stdout)) == 63
    assert "nothing changed" in run("sync").stdout


def test_failures_are_one_sentence_and_change_nothing(
    run: Run, phone: Phone, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    book = dump(isolated)
    monkeypatch.setenv("SALESNOTES_SYNC_PASSWORD", "fout")
    told = run("sync", expect=1).stderr
    assert told.startswith("Error: ") and "(401)" in told and len(told.splitlines()) == 1
    assert dump(isolated) == book and phone.hrefs(phone.cards) == {}
    config = isolated.parent / "home" / ".config" / "salesnotes" / "config.toml"
    config.write_text("")
    told = run("sync", expect=2).stderr
    assert "not set up: salesnotes sync setup URL --user NAME" in told


def test_a_dry_run_says_what_would_go_where_and_changes_nothing(
    run: Run, phone: Phone, isolated: Path
) -> None:
    book = dump(isolated)
    said = run("sync", "--dry-run").stdout
    assert "Dry run" in said and "to the phone: Jan de Vries" in said
    assert dump(isolated) == book and phone.hrefs(phone.cards) == {}


def test_two_syncs_at_once_do_not_interleave(run: Run, phone: Phone, isolated: Path) -> None:
    import fcntl
    import hashlib
    import tempfile

    me = _contact(run, "jan")["owner"]
    key = hashlib.sha256(f"{isolated}\0{me}".encode()).hexdigest()[:16]
    path = os.path.join(tempfile.gettempdir(), f"salesnotes-sync-{os.getuid()}-{key}")
    with open(path, "w") as held:
        fcntl.flock(held, fcntl.LOCK_EX)
        told = run("sync", expect=4).stderr
        assert "another sync of this book is running" in told
        quiet = run("sync", "--quiet")
        assert quiet.stdout == "" and quiet.stderr == ""
    assert phone.hrefs(phone.cards) == {}
    run("sync")
    assert len(phone.hrefs(phone.cards)) == 3


def _tour(text: str, server: dav.Server) -> list[list[str]]:
    """A tour's command lines (a cron line's command too), the server's address and user in
    place of the example's."""
    import re
    import shlex

    commands = []
    for block in re.findall(r"```sh\n(.*?)```", text, re.S):
        for line in block.splitlines():
            words = shlex.split(line.split("salesnotes", 1)[-1], comments=True)
            if "salesnotes" not in line or not words:
                continue
            words = [server.url if w.startswith("https://cloud.example") else w for w in words]
            if words[:2] == ["sync", "setup"] and server.ca_file:
                words += ["--ca-file", server.ca_file]
            commands.append(words)
    return commands


@pytest.mark.parametrize("page", ["README.md", "docs/phone.md"])
def test_the_phone_tours_run_as_written(
    run: Run, server: dav.Server, monkeypatch: pytest.MonkeyPatch, page: str, isolated: Path
) -> None:
    """The tours' own words, on the demo book, against the server: the places they make
    ('Verkoop') are this test's, and gone after it."""
    monkeypatch.setenv("SALESNOTES_SYNC_PASSWORD", server.password)
    run("demo")
    root = Path(__file__).parent.parent
    text = (root / page).read_text(encoding="utf-8")
    if page == "README.md":  # its section about the phone
        text = text.split("\n## Your phone\n", 1)[1].split("\n## ", 1)[0]
    commands = _tour(text, server)
    assert [c[0] for c in commands].count("sync") >= 3
    try:
        for args in commands:
            run(*args)
        assert "Nothing waits for you." in run("sync", "status").stdout
        phone = Phone(server, _config(isolated))
        assert len(phone.hrefs(phone.cards)) == len(
            json.loads(run("contacts", "--format", "json").stdout)
        )
    finally:
        import contextlib

        with contextlib.suppress(FileNotFoundError, KeyError):
            phone = Phone(server, _config(isolated))
            for place in (phone.cards, phone.tasks, _config(isolated)["calendar"]):
                phone.client.delete(place)


def _config(isolated: Path) -> dict[str, str]:
    import tomllib

    home = isolated.parent / "home" / ".config" / "salesnotes" / "config.toml"
    return dict(tomllib.loads(home.read_text())["sync"])


@pytest.mark.slow
def test_vdirsyncer_khard_and_todoman_read_what_the_sync_wrote_and_write_back(
    run: Run, phone: Phone, server: dav.Server, tmp_path: Path
) -> None:
    """Independent clients: vdirsyncer copies the server's address book and task list into
    vdirs, khard lists the contacts with their numbers, todoman the tasks with their due days
    and the agenda's priorities; a task todoman ticks off goes back through vdirsyncer, and
    the next ``salesnotes sync`` makes it done in the book."""
    from tests.test_export import need

    run("follow", "eva", "2026-11-27 14:00", "Bezoek op locatie")
    run("sync")
    config, folders = _vdirsyncer(tmp_path, phone, server)
    vdirsyncer = need("vdirsyncer")
    env = {**os.environ, "VDIRSYNCER_CONFIG": str(config)}
    for step in (["discover"], ["sync"]):
        subprocess.run(
            [vdirsyncer, *step], env=env, check=True, capture_output=True, input=b"y\n" * 4
        )
    khard = tmp_path / "khard.conf"
    khard.write_text(f"[addressbooks]\n[[sales]]\npath = {folders['cards']}\n[general]\n"
                     "editor = true\nmerge_editor = true\n", encoding="utf-8")  # fmt: skip
    numbers = subprocess.run(
        [need("khard"), "-c", str(khard), "phone", "--parsable"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "06 12345678\tJan de Vries" in numbers and "+31 20 555 0101\tSanne Visser" in numbers
    khal = tmp_path / "khal.conf"
    khal.write_text(f"[calendars]\n[[sales]]\npath = {folders['calendar']}\n[locale]\n"
                    "timeformat = %H:%M\ndateformat = %Y-%m-%d\nlongdateformat = %Y-%m-%d\n"
                    "datetimeformat = %Y-%m-%d %H:%M\nlongdatetimeformat = %Y-%m-%d %H:%M\n",
                    encoding="utf-8")  # fmt: skip
    visits = subprocess.run(
        [need("khal"), "-c", str(khal), "list", "--format", "{start} {title}",
         "--day-format", "", "2026-11-27", "1d"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    assert "2026-11-27 14:00 Eva Smit: Bezoek op locatie" in visits
    todoman = tmp_path / "todoman.py"
    todoman.write_text(f'path = "{folders["tasks"].parent}/*"\ndate_format = "%Y-%m-%d"\n'
                       'time_format = "%H:%M"\n', encoding="utf-8")  # fmt: skip
    listed = subprocess.run(
        [need("todoman"), "--config", str(todoman), "--porcelain", "list"],
        capture_output=True, text=True, check=True,
    ).stdout  # fmt: skip
    tasks = {t["summary"]: t for t in json.loads(listed)}
    call = tasks["Jan de Vries (Bakker Bouw): Prijs nabellen"]
    assert (
        call["priority"] == 3
        and time.strftime("%Y-%m-%d", time.gmtime(call["due"])) == "2026-11-23"
    )
    subprocess.run([need("todoman"), "--config", str(todoman), "done", str(call["id"])], check=True,
                   capture_output=True)  # fmt: skip
    subprocess.run([vdirsyncer, "sync"], env=env, check=True, capture_output=True)
    assert "1 follow-up ticked off on the phone: done" in run("sync").stdout
    followups = json.loads(run("followups", "--format", "json").stdout)
    assert "Prijs nabellen" not in [f["text"] for f in followups]


def _vdirsyncer(tmp_path: Path, phone: Phone, server: dav.Server) -> tuple[Path, dict[str, Path]]:
    folders = {
        "cards": tmp_path / "vdir" / "cards",
        "tasks": tmp_path / "vdir" / "tasks" / "sales",
        "calendar": tmp_path / "vdir" / "calendar",
    }
    verify = f'verify = "{server.ca_file}"\n' if server.ca_file else ""
    pairs = []
    for name, kind, url in (
        ("cards", "carddav", phone.cards),
        ("tasks", "caldav", phone.tasks),
        ("calendar", "caldav", phone.calendar),
    ):
        folders[name].mkdir(parents=True)
        ext = ".vcf" if kind == "carddav" else ".ics"
        pairs.append(
            f'[pair {name}]\na = "{name}_local"\nb = "{name}_remote"\ncollections = null\n'
            f'conflict_resolution = "b wins"\n\n'
            f'[storage {name}_local]\ntype = "filesystem"\npath = "{folders[name]}"\n'
            f'fileext = "{ext}"\n\n'
            f'[storage {name}_remote]\ntype = "{kind}"\nurl = "{url}"\nusername = "{server.user}"\n'
            f'password = "{server.password}"\n{verify}\n'
        )  # fmt: skip
    config = tmp_path / "vdirsyncer.conf"
    config.write_text(
        f'[general]\nstatus_path = "{tmp_path / "vdirsyncer-status"}"\n\n' + "".join(pairs),
        encoding="utf-8",
    )
    return config, folders


def test_a_forgotten_person_leaves_the_phone_and_nothing_of_them_stays_in_the_sync_state(
    run: Run, phone: Phone, isolated: Path
) -> None:
    run("sync")
    jan = _contact(run, "jan")
    run("forget", "jan", "--yes")
    said = run("sync").stdout
    assert "1 card taken off the phone" in said
    assert not any("Jan de Vries" in t for t in phone.read(phone.cards).values())
    assert not any("Jan de Vries" in t for t in phone.read(phone.tasks).values())
    left = [r for r in dump(isolated) if r[0].startswith("sync_")]
    assert not any(jan["uuid"] in str(r) or "Jan de Vries" in str(r) or "12345678" in str(r)
                   for r in left)  # fmt: skip
    assert "nothing changed" in run("sync").stdout


def test_a_card_the_phone_writes_at_the_same_moment_is_read_again_and_merged(
    run: Run, phone: Phone, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The phone saves Jan's card between the sync's reading and its writing: the sync's
    conditional write is refused (412), and it reads the card again, merges, writes once
    more; nothing of either side is lost."""
    from salesnotes.adapters.dav import Dav

    run("sync")
    jan = _contact(run, "jan")
    run("edit", "jan", "--job-title", "Directeur")  # the book's change, to go to the phone
    href, _ = phone.find(phone.cards, "FN:Jan de Vries")
    put = Dav.put
    written: list[str] = []

    def phone_first(self: Dav, at: str, text: str, kind: str, etag: str | None) -> str:
        if at == href and not written:  # the phone saves its own edit just now
            written.append(at)
            phone.put(href, IPHONE_EDIT.format(uid=jan["uuid"]).replace("TITLE:Inkoper\n", ""),
                      "text/vcard")  # fmt: skip
        return put(self, at, text, kind, etag)

    monkeypatch.setattr(Dav, "put", phone_first)
    run("sync")
    jan = _contact(run, "jan")
    assert jan["job_title"] == "Directeur" and "+31 6 98765432" in jan["phones"]
    _, card = phone.find(phone.cards, "FN:Jan de Vries")
    assert "TITLE:Directeur" in card and "98765432" in card
    monkeypatch.setattr(Dav, "put", put)
    assert "nothing changed" in run("sync").stdout


def test_a_server_that_is_not_there_is_one_sentence(run: Run, phone: Phone, isolated: Path) -> None:
    config = isolated.parent / "home" / ".config" / "salesnotes" / "config.toml"
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    text = config.read_text()
    config.write_text(
        text.replace(text.split('url = "')[1].split('"')[0], f"http://127.0.0.1:{port}/")
    )
    text = config.read_text()
    for key in ("addressbook", "tasks"):
        old = text.split(f'{key} = "')[1].split('"')[0]
        text = text.replace(old, f"http://127.0.0.1:{port}/anouk/{key}/")
    config.write_text(text)
    book = dump(isolated)
    told = run("sync", expect=1).stderr
    assert told.startswith("Error: cannot reach http://127.0.0.1:") and len(told.splitlines()) == 1
    assert dump(isolated) == book


def test_a_visit_at_a_time_is_in_the_phones_calendar_and_moving_it_there_moves_it_here(
    run: Run, phone: Phone, isolated: Path
) -> None:
    run("follow", "eva", "2026-11-27 14:00", "Bezoek op locatie")
    said = run("sync").stdout
    assert "1 follow-up put in the phone's calendar" in said
    href, event = phone.find(phone.calendar, "Bezoek op locatie")
    assert "DTSTART;TZID=UTC:20261127T140000" in event or "DTSTART:20261127T140000Z" in event
    zone, vevent = event.split("BEGIN:VEVENT")  # moved in the phone's calendar
    vevent = re.sub(r"DTSTART[^\r\n]*", "DTSTART:20261130T093000Z", vevent)
    moved = zone + "BEGIN:VEVENT" + re.sub(r"DTEND[^\r\n]*", "DTEND:20261130T100000Z", vevent)
    phone.put(href, moved.replace("\r\n", "\n"), "text/calendar")
    assert "1 follow-up moved on the phone: moved" in run("sync").stdout
    eva = json.loads(run("show", "eva", "--format", "json").stdout)
    visit = [f for f in eva["followups"] if f["text"] == "Bezoek op locatie"][0]
    assert (visit["due_on"], visit["due_time"]) == ("2026-11-30", "09:30")
    assert "1 task brought up to date on the phone" in run("sync").stdout  # then the task
    _, task = phone.find(phone.tasks, "Bezoek op locatie")
    assert "20261130T093000" in task
    run("done", str(visit["id"]))
    assert "1 event taken out of the phone's calendar" in run("sync").stdout
    assert phone.hrefs(phone.calendar) == {}
    assert "nothing changed" in run("sync").stdout


def test_followups_as_events_puts_every_follow_up_in_the_calendar_and_none_in_tasks(
    run: Run, phone: Phone, isolated: Path
) -> None:
    config = isolated.parent / "home" / ".config" / "salesnotes" / "config.toml"
    config.write_text(config.read_text().replace("[sync]\n", '[sync]\nfollowups_as = "events"\n'))
    said = run("sync").stdout
    assert "3 follow-ups put in the phone's calendar" in said and "as tasks" not in said
    assert phone.hrefs(phone.tasks) == {}
    _, call = phone.find(phone.calendar, "Prijs nabellen")
    assert "DTSTART;VALUE=DATE:20261123" in call
    assert "nothing changed" in run("sync").stdout


VCARDS = Path(__file__).parent / "data" / "vcards"  # the shared interop fixtures, copied

TASKS_ORG_ALARM = """BEGIN:VALARM
TRIGGER;RELATED=END:-PT15M
ACTION:DISPLAY
DESCRIPTION:Default Tasks.org description
END:VALARM
X-APPLE-SORT-ORDER:717408000
X-TASKS-ORG-LIST:sales
"""


def test_what_the_phone_keeps_beyond_the_books_fields_stays_when_the_book_writes_again(
    run: Run, phone: Phone
) -> None:
    """An iPhone's own card (photo, nickname, web site) made on the phone becomes a contact;
    when the book changes it later, the card on the phone keeps its photo and the rest. A
    reminder's alarm and Tasks.org's own properties stay on a task the book moves."""
    iphone = (VCARDS / "John_Doe_IPHONE.vcf").read_text(encoding="utf-8")
    iphone = "\n".join(line for line in iphone.splitlines() if line)  # CR CR LF in the file
    iphone = iphone.replace("VERSION:3.0", "VERSION:3.0\nUID:E2C5-iphone-john", 1)  # iOS: one
    run("sync")
    phone.put(f"{phone.cards}john.vcf", iphone.replace("\r\n", "\n"), "text/vcard")
    href, task = phone.find(phone.tasks, "Offerte bespreken")
    with_alarm = task.replace("END:VTODO", TASKS_ORG_ALARM.replace("\n", "\r\n") + "END:VTODO")
    phone.put(href, with_alarm.replace("\r\n", "\n"), "text/calendar")
    assert "1 contact added from the phone" in run("sync").stdout
    john = _contact(run, "john")
    assert (john["organisation"], john["department"], john["job_title"]) == (
        "IBM", "Accounting", "Money Counter"
    )  # fmt: skip
    assert john["emails"] == ["john.doe@ibm.com"] and len(john["phones"]) == 7
    assert "nothing changed" in run("sync").stdout
    run("edit", "john", "--job-title", "Chief Money Counter")
    run("snooze", "3", "2026-12-04")
    said = run("sync").stdout
    assert "1 card brought up to date" in said and "1 task brought up to date" in said
    _, card = phone.find(phone.cards, "Money Counter")
    assert "TITLE:Chief Money Counter" in card
    assert "PHOTO;ENCODING=b;TYPE=JPEG:/9j/4AAQSkZJRgABAQAAAQABAAD" in card
    assert "NICKNAME:Johny" in card and "item5.URL" in card
    assert card.count("TEL") == 7 and card.count("BEGIN:VCARD") == 1
    _, task = phone.find(phone.tasks, "Offerte bespreken")
    assert "DUE;VALUE=DATE:20261204" in task
    assert "TRIGGER;RELATED=END:-PT15M" in task and "X-TASKS-ORG-LIST:sales" in task
    assert task.count("BEGIN:VALARM") == 1
    assert "nothing changed" in run("sync").stdout


def test_a_companys_own_card_made_on_the_phone_waits_and_is_no_person(
    run: Run, phone: Phone
) -> None:
    run("sync")
    company = (
        "BEGIN:VCARD\nVERSION:3.0\nUID:ios-company-1\nN:;;;;\nFN:Gemeente Zwolle\n"
        "ORG:Gemeente Zwolle;\nTEL;type=WORK:038 498 9898\nX-ABShowAs:COMPANY\nEND:VCARD\n"
    )
    phone.put(f"{phone.cards}company.vcf", company, "text/vcard")
    said = run("sync").stdout
    assert (
        "new card 'Gemeente Zwolle' on the phone not added: it is an organisation's own card"
        in said
    )
    assert "Gemeente Zwolle" not in run("contacts").stdout


OPENTASKS = """BEGIN:VCALENDAR
VERSION:2.0
PRODID:+//IDN bitfire.at//ical4android (org.dmfs.tasks)
BEGIN:VTODO
DTSTAMP:20261125T081500Z
UID:{uid}
SEQUENCE:1
CREATED:20261125T081400Z
LAST-MODIFIED:20261125T081500Z
SUMMARY:Sanne Visser: lekkage nabellen
DUE;TZID=Europe/Amsterdam:20261127T100000
STATUS:NEEDS-ACTION
PERCENT-COMPLETE:0
X-MOZ-GENERATION:1
END:VTODO
BEGIN:VTIMEZONE
TZID:Europe/Amsterdam
BEGIN:STANDARD
DTSTART:19701025T030000
RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU
TZOFFSETFROM:+0200
TZOFFSETTO:+0100
TZNAME:CET
END:STANDARD
BEGIN:DAYLIGHT
DTSTART:19700329T020000
RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU
TZOFFSETFROM:+0100
TZOFFSETTO:+0200
TZNAME:CEST
END:DAYLIGHT
END:VTIMEZONE
END:VCALENDAR
"""


def test_a_task_android_writes_through_davx5_at_a_time_becomes_a_follow_up_at_that_time(
    run: Run, phone: Phone, monkeypatch: pytest.MonkeyPatch
) -> None:
    """OpenTasks through DAVx5: a task due at 10:00 in the phone's zone, with its VTIMEZONE
    after the VTODO; the salesperson's zone is Amsterdam too."""
    monkeypatch.setenv("TZ", "Europe/Amsterdam")
    run("sync")
    phone.put(f"{phone.tasks}opentasks-1.ics", OPENTASKS.format(uid=uuid.uuid4()),
              "text/calendar")  # fmt: skip
    assert "1 follow-up added from the phone's tasks" in run("sync").stdout
    sanne = json.loads(run("show", "sanne", "--format", "json").stdout)
    added = [f for f in sanne["followups"] if f["text"] == "lekkage nabellen"]
    assert [(f["due_on"], f["due_time"]) for f in added] == [("2026-11-27", "10:00")]
    # at a time of day: in the phone's calendar too, from the next sync
    assert "1 follow-up put in the phone's calendar" in run("sync").stdout
    assert "nothing changed" in run("sync").stdout


def test_undo_takes_back_what_a_sync_did_here_and_the_next_sync_puts_the_phone_in_line(
    run: Run, phone: Phone
) -> None:
    run("sync")
    href, call = phone.find(phone.tasks, "Prijs nabellen")
    ticked = call.replace("STATUS:NEEDS-ACTION", "STATUS:COMPLETED")
    ticked = ticked.replace("DESCRIPTION:", "DESCRIPTION:Klant akkoord met de prijs\\n")
    phone.put(href, ticked.replace("\r\n", "\n"), "text/calendar")
    assert "1 follow-up ticked off on the phone: done" in run("sync").stdout
    said = json.loads(run("show", "jan", "--format", "json").stdout)["interactions"]
    assert "done on the phone: Klant akkoord met de prijs" in [i["text"] for i in said]
    run("undo")  # the follow-up is open again here
    followups = json.loads(run("followups", "--format", "json").stdout)
    assert "Prijs nabellen" in [f["text"] for f in followups]
    assert "1 task brought up to date on the phone" in run("sync").stdout
    _, call = phone.find(phone.tasks, "Prijs nabellen")
    assert "STATUS:NEEDS-ACTION" in call
    assert "nothing changed" in run("sync").stdout
