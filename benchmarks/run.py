"""salesnotes benchmarks: whole commands, as a person runs them, against budgets.

    python benchmarks/run.py                 # everything (about 10 minutes on 2 cores)
    python benchmarks/run.py --quick         # small books, few runs: a smoke test

Every timing is the median of several runs of a whole process after a warm-up. All the
commands are timed in one interleaved loop (each round runs every command once, in turn), so a
budget that divides one timing by another, `python -c pass` and Taskwarrior's `task next`
included, compares medians taken side by side over the same minutes: a slow or a fast moment
of this shared machine falls on both. Each ratio is printed with the two medians behind it.
Results go to benchmarks/results/latest.json and a Markdown table to latest.md.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
TODAY = "2026-11-25"


@dataclass
class Budget:
    """One budget: what, the measured ratio or value, the limit, met or not; for a ratio, the
    two medians it divides (ms)."""

    name: str
    value: float
    limit: float
    unit: str
    note: str = ""
    medians: tuple[float, float] | None = None
    at_least: bool = False  # a floor (messages a second), not a ceiling

    @property
    def met(self) -> bool:
        return self.value >= self.limit if self.at_least else self.value <= self.limit


@dataclass
class Report:
    """Everything measured in one run."""

    machine: dict[str, Any]
    timings: dict[str, float] = field(default_factory=dict)
    memory: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    budgets: list[Budget] = field(default_factory=list)
    # (command, the SQLite book's timing, the PostgreSQL book's): the team tier, side by side
    backends: list[tuple[str, str, str]] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def machine() -> dict[str, Any]:
    """What this ran on."""
    return {
        "date": datetime.now().isoformat(timespec="seconds"),
        "python": platform.python_version(),
        "platform": platform.platform(),
        "processor": platform.processor() or platform.machine(),
        "cores": os.cpu_count(),
        "sqlite": __import__("sqlite3").sqlite_version,
    }


def salesnotes_bin() -> str:
    """The salesnotes of this interpreter's environment."""
    candidate = Path(sys.executable).with_name("salesnotes")
    found = str(candidate) if candidate.exists() else shutil.which("salesnotes")
    if not found:
        sys.exit("salesnotes is not installed in this environment: pip install . first")
    return found


def run_env(db: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SALESNOTES_")}
    env.update(SALESNOTES_DB=str(db), SALESNOTES_TODAY=TODAY, NO_COLOR="1", COLUMNS="120")
    return env


def timed_together(
    commands: dict[str, tuple[list[str], dict[str, str]]], runs: int, warmup: int = 1
) -> dict[str, float]:
    """Median wall time in seconds of each command, measured in one interleaved loop: each
    round runs every command once, in turn (after ``warmup`` such rounds)."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for n in range(warmup + runs):
        for name, (cmd, env) in commands.items():
            start = time.perf_counter()
            result = subprocess.run(
                cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, check=False
            )
            elapsed = time.perf_counter() - start
            if result.returncode != 0:
                sys.exit(f"{' '.join(cmd)} failed: {result.stderr.decode()}")
            if n >= warmup:
                samples[name].append(elapsed)
    return {name: statistics.median(found) for name, found in samples.items()}


def into_fresh_dbs(
    commands: dict[str, Callable[[Path], list[str]]], stem: Path, runs: int
) -> dict[str, float]:
    """Median time of commands that each fill a new database, interleaved like
    ``timed_together`` (one warm-up round)."""
    samples: dict[str, list[float]] = {name: [] for name in commands}
    for n in range(runs + 1):
        for name, command in commands.items():
            db = stem.with_name(f"{stem.name}-{len(samples[name])}-{n}.db")
            db.unlink(missing_ok=True)
            start = time.perf_counter()
            subprocess.run(command(db), env=run_env(db), check=True, stdout=subprocess.DEVNULL)
            elapsed = time.perf_counter() - start
            db.unlink(missing_ok=True)
            if n:
                samples[name].append(elapsed)
    return {name: statistics.median(found) for name, found in samples.items()}


def peak_rss_mb(cmd: list[str], env: dict[str, str]) -> float:
    """Peak resident memory of one run of ``cmd``, in MB (measured in a fresh parent)."""
    probe = (
        "import resource, subprocess, sys;"
        "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True);"
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run(
        [sys.executable, "-c", probe, *cmd], env=env, capture_output=True, text=True, check=True
    )
    return int(out.stdout.strip()) / 1024


def build_book(bin_: str, folder: Path, size: int, report: Report) -> Path:
    db = folder / f"book-{size}.db"
    if not db.exists():
        start = time.perf_counter()
        report.memory[f"demo --size {size}"] = peak_rss_mb(
            [bin_, "demo", "--size", str(size)], run_env(db)
        )
        print(f"  book of {size:,} contacts generated in {time.perf_counter() - start:.1f} s")
    # Bring an older book's schema up to date now, not inside the first timed command.
    subprocess.run([bin_, "agenda", "-n", "1"], env=run_env(db), check=True, capture_output=True)
    return db


def count(db: Path, sql: str) -> int:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def text(db: Path, sql: str) -> str:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return str(conn.execute(sql).fetchone()[0])
    finally:
        conn.close()


def write_csv(path: Path, size: int) -> None:
    """A contacts CSV like a CRM export: name, organisation, e-mail, phone, tags, status."""
    rng = random.Random(7)
    first = [
        "Jan",
        "Anna",
        "Pieter",
        "Sanne",
        "Kees",
        "Eva",
        "Thomas",
        "Lisa",
        "Bram",
        "Fleur",
        "Henk",
        "Ilse",
    ]
    last = [
        "de Vries",
        "Jansen",
        "Bakker",
        "van Dijk",
        "Visser",
        "Smit",
        "Meijer",
        "de Groot",
        "Mulder",
        "Bos",
    ]
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["name", "organisation", "email", "phone", "tags", "status"])
        for n in range(size):
            name = f"{rng.choice(first)} {rng.choice(last)}"
            writer.writerow(
                [
                    name,
                    f"{rng.choice(last).split()[-1]} Bouw {n % (size // 4 or 1)}",
                    f"contact{n}@example.nl",
                    f"06 {rng.randint(1000, 9999)} {rng.randint(1000, 9999)}",
                    rng.choice(["", "vip", "dakisolatie"]),
                    rng.choice(["lead", "prospect", "customer"]),
                ]
            )


def task_book(folder: Path, open_items: int) -> dict[str, str]:
    """A Taskwarrior data folder with ``open_items`` pending tasks, loaded with task import."""
    data = folder / f"task-{open_items}"
    rc = folder / f"taskrc-{open_items}"
    rc.write_text(f"data.location={data}\nconfirmation=off\n")
    env = {**os.environ, "TASKRC": str(rc)}
    if not (data / "pending.data").exists():
        data.mkdir(parents=True, exist_ok=True)
        rng = random.Random(11)
        today = date.fromisoformat(TODAY)
        tasks = []
        for n in range(open_items):
            due = today + timedelta(days=rng.randint(-14, 60))
            tasks.append(
                {
                    "uuid": f"00000000-0000-4000-8000-{n:012d}",
                    "description": f"Call contact {n} about the heat pump",
                    "status": "pending",
                    "entry": "20261101T090000Z",
                    "due": due.strftime("%Y%m%dT090000Z"),
                    "priority": rng.choice(["H", "M", "L", ""]) or "M",
                    "project": rng.choice(["sales", "service", "quotes"]),
                }
            )
        source = folder / f"tasks-{open_items}.json"
        source.write_text(json.dumps(tasks))
        start = time.perf_counter()
        subprocess.run(
            ["task", "import", str(source)],
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print(f"  {open_items:,} tasks imported in {time.perf_counter() - start:.1f} s")
    return env


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="small books, few runs")
    parser.add_argument("--runs", type=int, default=None, help="timed runs per command")
    parser.add_argument("--work", type=Path, default=None, help="folder for books (kept)")
    parser.add_argument("--out", type=Path, default=HERE / "results")
    args = parser.parse_args()
    sizes = (200, 1_000, 2_000) if args.quick else (1_000, 10_000, 100_000)
    small, middle, large = sizes
    runs = args.runs or (3 if args.quick else 9)
    bin_ = salesnotes_bin()
    work = args.work or Path(tempfile.mkdtemp(prefix="salesnotes-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report = Report(machine())
    print(f"salesnotes benchmarks: books {sizes}, {runs} runs each, in {work}")

    books = {size: build_book(bin_, work, size, report) for size in sizes}
    for size, db in books.items():
        report.counts[f"open_followups_{size}"] = count(
            db, "SELECT count(*) FROM followups WHERE status = 'open'"
        )
        report.counts[f"interactions_{size}"] = count(db, "SELECT count(*) FROM interactions")

    # Everything that a budget divides is timed in one interleaved loop.
    commands: dict[str, tuple[list[str], dict[str, str]]] = {
        "python -c pass": ([sys.executable, "-c", "pass"], run_env(books[middle])),
        f"--help @{middle}": ([bin_, "--help"], run_env(books[middle])),
        f"agenda (table) @{middle}": ([bin_, "agenda"], run_env(books[middle])),
    }
    per_size = {
        "agenda": ["agenda", "--format", "plain"],
        "brief": ["brief"],
        "show": ["show", "#42"],
        "log": ["log", "#42", "Called about the heat pump", "--kind", "call"],
        "search": ["search", "heat pump"],
        "pipeline": ["pipeline", "--format", "plain"],
        "report": ["report", "--month", "--format", "plain"],
        # The two long listings, as a person sees them: a table of the first 50, counted.
        "followups (table)": ["followups"],
        "contacts (table)": ["contacts"],
    }
    for size, db in books.items():
        for name, cmd in per_size.items():
            commands[f"{name} @{size}"] = ([bin_, *cmd], run_env(db))
        phone = text(db, "SELECT phone FROM contact_phones WHERE contact_id = 42")
        commands[f"search by phone @{size}"] = ([bin_, "search", phone], run_env(db))
        commands[f"duplicates @{size}"] = ([bin_, "duplicates"], run_env(db))
        first = text(db, "SELECT substr(name, 1, 3) FROM contacts WHERE id = 42")
        completing = {
            **run_env(db),
            "_SALESNOTES_COMPLETE": "complete_bash",
            "COMP_WORDS": f"salesnotes show {first}",
            "COMP_CWORD": "2",
        }
        commands[f"complete a name @{size}"] = ([bin_], completing)
    if shutil.which("task"):
        for size in (middle, large):
            open_items = report.counts[f"open_followups_{size}"]
            commands[f"task next @{open_items} items"] = (
                ["task", "next"],
                task_book(work, open_items),
            )
    else:
        print("  taskwarrior is not installed (apt-get install taskwarrior): peer skipped")
    server = postgres_beside(bin_, books[large], large, commands, report)
    phone = sync_beside(bin_, books[small], small, commands, report, work)
    print(f"  timing {len(commands)} commands together, {runs} rounds after a warm-up")
    try:
        report.timings.update(timed_together(commands, runs))
        if phone is not None:
            one_change_each_side(bin_, phone, small, report)
    finally:
        if server is not None:
            server.stop()
        if phone is not None:
            phone["server"].stop()

    csv_path = work / f"contacts-{large}.csv"
    if not csv_path.exists():
        write_csv(csv_path, large)
    sqlite_utils = Path(sys.executable).with_name("sqlite-utils")
    report.timings.update(
        into_fresh_dbs(
            {
                f"import @{large}": lambda db: [bin_, "import", str(csv_path)],
                f"sqlite-utils insert @{large}": lambda db: [
                    str(sqlite_utils),
                    "insert",
                    str(db),
                    "contacts",
                    str(csv_path),
                    "--csv",
                ],
            },
            work / "import",
            max(1, runs // 3),
        )
    )

    fresh = work / "import-rss.db"
    fresh.unlink(missing_ok=True)
    report.memory[f"import @{large}"] = peak_rss_mb([bin_, "import", str(csv_path)], run_env(fresh))
    report.memory[f"agenda @{large}"] = peak_rss_mb([bin_, "agenda"], run_env(books[large]))

    captured(bin_, books[middle], middle, report, work, max(1, runs // 3))
    budgets(report, small, middle, large)
    args.out.mkdir(parents=True, exist_ok=True)
    data = {
        "machine": report.machine,
        "timings_ms": {k: round(v * 1000, 1) for k, v in report.timings.items()},
        "peak_rss_mb": {k: round(v, 1) for k, v in report.memory.items()},
        "counts": report.counts,
        "postgresql_beside_sqlite": [
            {
                "command": name,
                "sqlite_ms": round(report.timings[a] * 1000, 1),
                "postgresql_ms": round(report.timings[b] * 1000, 1),
            }
            for name, a, b in report.backends
        ],
        "notes": report.notes,
        "budgets": [
            {
                "name": b.name,
                "value": b.value,  # unrounded: the verdict ("met") is judged on this
                "limit": b.limit,
                "unit": b.unit,
                "met": b.met,
                "note": b.note,
                "medians_ms": [round(m, 1) for m in b.medians] if b.medians else None,
            }
            for b in report.budgets
        ],
    }
    (args.out / "latest.json").write_text(json.dumps(data, indent=2) + "\n")
    table = markdown(report)
    (args.out / "latest.md").write_text(table)
    print()
    print(table)
    missed = [b for b in report.budgets if not b.met]
    print(f"{len(report.budgets) - len(missed)} of {len(report.budgets)} budgets met")
    for b in missed:
        print(f"MISSED: {b.name}: {b.value:.2f} {b.unit} (limit {b.limit:g})")


def same_figures(
    bin_: str, on_sqlite: dict[str, str], on_postgres: dict[str, str], report: Report, size: int
) -> None:
    """Issue 28: the team's figures are the same on SQLite and PostgreSQL, and the same as
    counting the rows of the book in Python (tests/test_report.py's ``counted``), for three
    spans of the large team book: said as a note."""
    import sqlite3

    from tests.test_report import counted

    def rows(sql: str) -> list[dict[str, Any]]:
        conn = sqlite3.connect(on_sqlite["SALESNOTES_DB"])
        conn.row_factory = sqlite3.Row
        try:
            return [dict(r) for r in conn.execute(sql)]
        finally:
            conn.close()

    checked = differ = 0
    for span in (["--month"], ["--week", "--last"], ["--since", "2026-01-01"]):
        args = [bin_, "report", *span, "--team", "--format", "json"]
        said = [
            json.loads(subprocess.run(args, env=e, check=True, capture_output=True).stdout)
            for e in (on_sqlite, on_postgres)
        ]
        if said[0] != said[1]:
            differ += 1
        today = date.fromisoformat(said[0]["date"])
        for part, key in (("", "figures"), ("before_", "before")):
            start, end = (date.fromisoformat(said[0][f"{part}{e}"]) for e in ("start", "end"))
            mine = counted(start, end, today, rows)
            for person in said[0]["people"]:
                theirs = mine.get(person["name"], {})
                hours = theirs.pop("hours", [])
                for figure, value in theirs.items():
                    if figure.startswith("pipeline") and key == "before":
                        continue
                    checked += 1
                    differ += person[key][figure] != value
                median = statistics.median(hours) if hours else None
                shown = person[key]["complaint_answer_hours"]
                differ += (median is None) != (shown is None) or (
                    median is not None and abs(round(median, 4) - shown) > 1e-9
                )
    note = (
        f"report (issue 28): three spans of the team book @{size}"
        f" gave {'the same' if differ == 0 else 'DIFFERENT'} figures on SQLite and PostgreSQL,"
        f" and {checked} figures per person equal to a count of the rows in Python"
        f" ({differ} differences)"
    )
    print(f"  {note}")
    report.notes.append(note)


def postgres_beside(
    bin_: str,
    book: Path,
    size: int,
    commands: dict[str, tuple[list[str], dict[str, str]]],
    report: Report,
) -> Any:
    """The team tier: the large book made a team's (its contacts and follow-ups shared out
    among four salespeople), copied into a throwaway local PostgreSQL (tests/pg.py: Debian's
    initdb and pg_ctl, a unix socket) with ``copy-book``, and the everyday commands of one of
    them (anouk: a quarter of the book) on it added to the interleaved loop, beside the same
    commands of hers on the same team book in SQLite. None (and a note) when there is no
    PostgreSQL or no psycopg here."""
    sys.path.insert(0, str(HERE.parent))
    from tests import pg

    server, reason = pg.start()
    if server is None:
        note = f"PostgreSQL beside SQLite skipped: {reason}"
        print(f"  {note}")
        report.notes.append(note)
        return None
    _, url = server.new_database()
    team = book.with_name(f"team-{book.name}")
    if not team.exists():
        import sqlite3

        source, conn = sqlite3.connect(book), sqlite3.connect(team)
        source.backup(conn)  # the same book, page by page
        source.close()
        with conn:
            conn.execute(
                "UPDATE contacts SET owner = CASE id % 4 WHEN 0 THEN 'anouk'"
                " WHEN 1 THEN 'pieter' WHEN 2 THEN 'jan' ELSE 'els' END"
            )
            conn.execute(
                "UPDATE followups SET owner ="
                " (SELECT owner FROM contacts c WHERE c.id = followups.contact_id)"
            )
        conn.close()
    env = {**run_env(team), "SALESNOTES_USER": "anouk"}
    start = time.perf_counter()
    subprocess.run([bin_, "copy-book", str(team), url], env=env, check=True,
                   stdout=subprocess.DEVNULL)  # fmt: skip
    report.timings[f"copy-book @{size} into PostgreSQL (once)"] = time.perf_counter() - start
    on_postgres = {**env, "SALESNOTES_DB": url}
    everyday = {
        "agenda": ["agenda", "--format", "plain"],
        "agenda (table)": ["agenda"],
        "log": ["log", "#42", "Called about the heat pump", "--kind", "call"],
        "show": ["show", "#42"],
        "search": ["search", "heat pump"],
        "report (team, month)": ["report", "--month", "--team", "--format", "plain"],
    }
    same_figures(bin_, env, on_postgres, report, size)
    for name, cmd in everyday.items():
        sqlite_name = f"{name} @{size} team (anouk)"
        commands[sqlite_name] = ([bin_, *cmd], env)
        commands[f"{name} @{size} team (anouk) on PostgreSQL"] = ([bin_, *cmd], on_postgres)
        report.backends.append((name, sqlite_name, f"{name} @{size} team (anouk) on PostgreSQL"))
    # What the driver's import alone costs, in the same loop (the SQLite path never pays it).
    commands["import psycopg (the driver alone)"] = ([sys.executable, "-c", "import psycopg"], env)
    return server


def sync_beside(
    bin_: str,
    book: Path,
    size: int,
    commands: dict[str, tuple[list[str], dict[str, str]]],
    report: Report,
    work: Path,
) -> dict[str, Any] | None:
    """The phone's sync (issue 25) against Radicale on loopback (tests/dav.py, with a
    password): a copy of the small book set up and synced once (its first sync, timed:
    every contact and open follow-up written), then a sync with nothing changed added to the
    interleaved loop beside the agenda of the same book. None (and a note) without Radicale
    or the ``sync`` extra."""
    sys.path.insert(0, str(HERE.parent))
    from tests import dav

    server, reason = dav.radicale()
    if server is None:
        report.notes.append(f"sync beside agenda skipped: {reason}")
        print(f"  sync skipped: {reason}")
        return None
    copy = work / f"sync-book-{size}.db"
    shutil.copyfile(book, copy)
    home = work / "sync-home"
    shutil.rmtree(home, ignore_errors=True)
    env = {**run_env(copy), "HOME": str(home), "XDG_CONFIG_HOME": str(home / ".config"),
           "SALESNOTES_SYNC_PASSWORD": server.password}  # fmt: skip
    subprocess.run([bin_, "sync", "setup", server.url, "--user", server.user], env=env,
                   check=True, stdout=subprocess.DEVNULL)  # fmt: skip
    start = time.perf_counter()
    subprocess.run([bin_, "sync"], env=env, check=True, stdout=subprocess.DEVNULL)
    report.timings[f"sync @{size}, the first (once)"] = time.perf_counter() - start
    report.counts[f"synced_objects_{size}"] = count(copy, "SELECT count(*) FROM sync_objects")
    commands[f"sync @{size} (nothing changed)"] = ([bin_, "sync"], env)
    return {"server": server, "env": env, "book": copy}


def captured(bin_: str, book: Path, size: int, report: Report, work: Path, runs: int) -> None:
    """Issue 26: a mailbox and a call log into a copy of the middle book, each run into a
    fresh copy. An mbox of 10,000 messages (every other one from a contact of the book, the
    rest from strangers; a few lines of text and a quoted reply each) and one of 1,000 (their
    peak memory compared: it must not grow with the mailbox); a call log CSV of 10,000 calls
    (every other one a contact's number)."""
    import sqlite3

    with sqlite3.connect(book) as conn:
        emails = [r[0] for r in conn.execute("SELECT email FROM contact_emails LIMIT 2000")]
        numbers = [
            r[0] for r in conn.execute(
                "SELECT e164 FROM contact_phones WHERE e164 IS NOT NULL LIMIT 2000"
            )
        ]  # fmt: skip
    boxes = {}
    for messages in (1_000, 10_000):
        mbox = work / f"mail-{messages}.mbox"
        if not mbox.exists():
            with mbox.open("w", encoding="utf-8") as out:
                for n in range(messages):
                    sender = emails[n % len(emails)] if n % 2 else f"iemand{n}@elders.nl"
                    out.write(
                        f"From {sender} Thu Dec 10 12:00:00 2026\nMessage-ID: <m{n}@bench>\n"
                        f"Date: Thu, 10 Dec 2026 12:{n % 60:02d}:00 +0100\nFrom: {sender}\n"
                        f"To: anouk@verkoop.nl\nSubject: Re: offerte {n}\n\nBeste Anouk,\n\n"
                        "Dank voor de offerte; we bespreken hem donderdag.\n\nGroet,\nJan\n\n"
                        "Op 3 dec. 2026 om 10:12 schreef Anouk:\n> Hierbij de offerte.\n\n"
                    )
        boxes[messages] = mbox
    calls = work / "calls-10000.csv"
    if not calls.exists():
        with calls.open("w", encoding="utf-8") as out:
            out.write("date;number;duration;direction\n")
            for n in range(10_000):
                number = numbers[n % len(numbers)] if n % 2 else f"+3161{n:07d}"
                kind = ("incoming", "outgoing", "missed")[n % 3]
                seconds = 0 if kind == "missed" else 30 + n % 600
                day = f"2026-{1 + n % 12:02d}-{1 + n % 28:02d} {n % 24:02d}:{n % 60:02d}"
                out.write(f"{day};{number};{seconds};{kind}\n")

    def on_a_copy(args: list[str]) -> Callable[[Path], list[str]]:
        def command(db: Path) -> list[str]:
            shutil.copyfile(book, db)
            return [bin_, *args]

        return command

    report.timings.update(
        into_fresh_dbs(
            {
                f"mail import of 10000 messages @{size}": on_a_copy(
                    ["mail", "import", str(boxes[10_000])]
                ),
                f"calls import of 10000 calls @{size}": on_a_copy(["calls", "import", str(calls)]),
                f"copy of the book @{size} (the floor)": on_a_copy(["--version"]),
            },
            work / "capture",
            runs,
        )
    )
    for messages, mbox in boxes.items():
        fresh = work / f"capture-rss-{messages}.db"
        shutil.copyfile(book, fresh)
        report.memory[f"mail import of {messages} messages @{size}"] = peak_rss_mb(
            [bin_, "mail", "import", str(mbox)], run_env(fresh)
        )
        fresh.unlink()


def one_change_each_side(bin_: str, phone: dict[str, Any], size: int, report: Report) -> None:
    """A sync after one change on each side, five times: a card's job title edited on the
    phone (a PUT to the server, as the phone does), another contact's in the book."""
    import sqlite3

    import httpx

    server, env = phone["server"], phone["env"]
    rows = (
        sqlite3.connect(phone["book"])
        .execute(
            "SELECT href, contact_id FROM sync_objects WHERE place = 'addressbook'"
            " AND contact_id IS NOT NULL ORDER BY id LIMIT 2"
        )
        .fetchall()
    )
    (href, _), (_, other) = rows
    client = httpx.Client(auth=(server.user, server.password))
    samples = []
    for n in range(5):
        card = client.get(href).text
        card = "\r\n".join(line for line in card.split("\r\n") if not line.startswith("TITLE"))
        card = card.replace("END:VCARD", f"TITLE:Inkoper {n}\r\nEND:VCARD")
        client.put(href, content=card.encode(), headers={"Content-Type": "text/vcard"})
        subprocess.run([bin_, "edit", f"#{other}", "--job-title", f"Directeur {n}"], env=env,
                       check=True, stdout=subprocess.DEVNULL)  # fmt: skip
        start = time.perf_counter()
        subprocess.run([bin_, "sync"], env=env, check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    report.timings[f"sync @{size}, one change on each side"] = statistics.median(samples)


def budgets(report: Report, small: int, middle: int, large: int) -> None:
    t = report.timings
    b = report.budgets

    def ratio(name: str, over: str, under: str, limit: float, note: str = "") -> None:
        if over in t and under in t:
            b.append(
                Budget(
                    name,
                    t[over] / t[under],
                    limit,
                    "x",
                    note,
                    (t[over] * 1000, t[under] * 1000),
                )
            )

    floor = "python -c pass"
    ratio(f"agenda --format plain @{middle} / python -c pass", f"agenda @{middle}", floor, 6)
    ratio(f"agenda (table) @{middle} / python -c pass", f"agenda (table) @{middle}", floor, 9)
    ratio(f"log @{middle} / python -c pass", f"log @{middle}", floor, 5)
    ratio(f"show @{middle} / python -c pass", f"show @{middle}", floor, 5)
    for name in ("agenda", "show", "log"):
        ratio(f"{name} @{large} / {name} @{small}", f"{name} @{large}", f"{name} @{small}", 1.3)
    for size, limit in ((middle, 0.5), (large, 0.1)):
        items = report.counts[f"open_followups_{size}"]
        peer = f"task next @{items} items"
        for name in ("agenda --format plain", "brief"):
            key = "agenda" if name.startswith("agenda") else "brief"
            ratio(
                f"{name} @{size} / task next @{items:,} open items", f"{key} @{size}", peer, limit
            )
        if size == middle:
            ratio(
                f"agenda (table) @{size} / task next @{items:,} open items",
                f"agenda (table) @{size}",
                peer,
                0.8,
            )
    ratio(
        f"agenda --format plain @{large} team: PostgreSQL / SQLite",
        f"agenda @{large} team (anouk) on PostgreSQL",
        f"agenda @{large} team (anouk)",
        2.5,
        "issue 24",
    )
    b.append(Budget(f"search @{large} (whole command)", t[f"search @{large}"] * 1000, 200, "ms"))
    for name in (f"report @{large}", f"report (team, month) @{large} team (anouk) on PostgreSQL"):
        if name in t:
            b.append(Budget(f"{name} (whole command)", t[name] * 1000, 1000, "ms", "issue 28"))
    b.append(
        Budget(
            f"search by phone @{large} (whole command)",
            t[f"search by phone @{large}"] * 1000,
            200,
            "ms",
        )
    )
    ratio(
        f"complete a name @{large} / --help @{middle}",
        f"complete a name @{large}",
        f"--help @{middle}",
        1.2,
        "completion answers within one command's start-up",
    )
    ratio(
        f"import @{large} / sqlite-utils insert",
        f"import @{large}",
        f"sqlite-utils insert @{large}",
        3,
    )
    b.append(Budget(f"import @{large} peak memory", report.memory[f"import @{large}"], 300, "MB"))
    mail = f"mail import of 10000 messages @{middle}"
    floor = f"copy of the book @{middle} (the floor)"
    if mail in t:
        b.append(
            Budget(
                f"mail import @{middle}: messages a second",
                10_000 / (t[mail] - t[floor]),
                300,
                "messages/s",
                "issue 26: at least 300 a second (the floor, copying the book, taken off)",
                at_least=True,
            )
        )
        grown = report.memory[mail] - report.memory[f"mail import of 1000 messages @{middle}"]
        b.append(Budget("mail import: memory 10,000 messages less 1,000", grown, 20, "MB"))
        calls = f"calls import of 10000 calls @{middle}"
        b.append(Budget(f"calls import of 10,000 calls @{middle}", t[calls] - t[floor], 5, "s"))
    quiet = f"sync @{small} (nothing changed)"
    if quiet in t:
        b.append(
            Budget(
                f"sync @{small} with nothing changed, beyond agenda @{small}",
                (t[quiet] - t[f"agenda @{small}"]) * 1000,
                500,
                "ms",
                "issue 25: one request per place",
                (t[quiet] * 1000, t[f"agenda @{small}"] * 1000),
            )
        )


def markdown(report: Report) -> str:
    m = report.machine
    lines = [
        f"Measured {m['date']} on {m['cores']} cores, {m['platform']}, Python {m['python']}, "
        f"SQLite {m['sqlite']}. Medians of interleaved runs.",
        "",
        "| command | median |",
        "| --- | ---: |",
    ]
    lines += [f"| `{k}` | {v * 1000:.1f} ms |" for k, v in report.timings.items()]
    lines += [f"| peak memory, `{k}` | {v:.0f} MB |" for k, v in report.memory.items()]
    lines += [
        "",
        "| budget | medians (ms) | measured | limit | |",
        "| --- | ---: | ---: | ---: | --- |",
    ]
    for b in report.budgets:
        value = f"{b.value:.2f} {b.unit}" if b.unit == "x" else f"{b.value:.0f} {b.unit}"
        limit = f"{b.limit:.2f} {b.unit}" if b.unit == "x" else f"{b.limit:.0f} {b.unit}"
        limit = f"at least {limit}" if b.at_least else limit
        medians = f"{b.medians[0]:.1f} / {b.medians[1]:.1f}" if b.medians else ""
        verdict = "met" if b.met else "MISSED"
        lines.append(f"| {b.name} | {medians} | {value} | {limit} | {verdict} |")
    t = report.timings
    if report.backends:
        lines += [
            "",
            "The team tier (the plain agenda's ratio is a budget above; the rest are"
            " reported): the large book shared out among four"
            " salespeople, one salesperson's commands (a quarter of the book is hers) on a local"
            " PostgreSQL beside the same team book in SQLite, in the same interleaved loop.",
            "",
            "| command | SQLite | PostgreSQL | PostgreSQL / SQLite |",
            "| --- | ---: | ---: | ---: |",
        ]
        for name, on_sqlite, on_postgres in report.backends:
            lite, served = t[on_sqlite], t[on_postgres]
            lines.append(
                f"| `{name}` | {lite * 1000:.1f} ms | {served * 1000:.1f} ms"
                f" | {served / lite:.2f}x |"
            )
        driver = t.get("import psycopg (the driver alone)")
        if driver is not None and "python -c pass" in t:
            alone = driver - t["python -c pass"]
            lines += [
                "",
                f"`import psycopg` alone takes {alone * 1000:.1f} ms more than `python -c pass`"
                " in the same loop; the PostgreSQL lines less that: "
                + ", ".join(
                    f"{name} {(t[on_postgres] - alone) / t[on_sqlite]:.2f}x"
                    for name, on_sqlite, on_postgres in report.backends
                )
                + " the same team book on SQLite.",
            ]
    lines += [f"\n{note}" for note in report.notes]
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
