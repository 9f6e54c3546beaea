"""salesnotes benchmarks: whole commands, as a person runs them, against budgets.

    python benchmarks/run.py                 # everything (about 10 minutes on 2 cores)
    python benchmarks/run.py --quick         # small books, few runs: a smoke test

Every timing is the median of several runs of a whole process after a warm-up, and every
budget is a ratio of two timings taken in the same run (these machines are shared and noisy).
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
    """One budget: what, the measured ratio or value, the limit, met or not."""

    name: str
    value: float
    limit: float
    unit: str
    note: str = ""

    @property
    def met(self) -> bool:
        return self.value <= self.limit


@dataclass
class Report:
    """Everything measured in one run."""

    machine: dict[str, Any]
    timings: dict[str, float] = field(default_factory=dict)
    memory: dict[str, float] = field(default_factory=dict)
    counts: dict[str, int] = field(default_factory=dict)
    budgets: list[Budget] = field(default_factory=list)


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


def timed(cmd: list[str], env: dict[str, str], runs: int, warmup: int = 1) -> float:
    """Median wall time in seconds of ``runs`` runs of a whole process, after a warm-up."""
    samples = []
    for n in range(warmup + runs):
        start = time.perf_counter()
        result = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        elapsed = time.perf_counter() - start
        if result.returncode != 0:
            sys.exit(f"{' '.join(cmd)} failed: {result.stderr.decode()}")
        if n >= warmup:
            samples.append(elapsed)
    return statistics.median(samples)


def into_fresh_db(command: Callable[[Path], list[str]], stem: Path, runs: int) -> float:
    """Median time of ``runs`` runs (after a warm-up) of a command that fills a new database."""
    samples = []
    for n in range(runs + 1):
        db = stem.with_name(f"{stem.name}-{n}.db")
        db.unlink(missing_ok=True)
        start = time.perf_counter()
        subprocess.run(command(db), env=run_env(db), check=True, stdout=subprocess.DEVNULL)
        samples.append(time.perf_counter() - start)
    return statistics.median(samples[1:])


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


def build_book(bin_: str, folder: Path, size: int) -> Path:
    db = folder / f"book-{size}.db"
    if not db.exists():
        start = time.perf_counter()
        subprocess.run(
            [bin_, "demo", "--size", str(size)],
            env=run_env(db),
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        print(f"  book of {size:,} contacts generated in {time.perf_counter() - start:.1f} s")
    return db


def count(db: Path, sql: str) -> int:
    import sqlite3

    conn = sqlite3.connect(db)
    try:
        return int(conn.execute(sql).fetchone()[0])
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

    books = {size: build_book(bin_, work, size) for size in sizes}
    for size, db in books.items():
        report.counts[f"open_followups_{size}"] = count(
            db, "SELECT count(*) FROM followups WHERE status = 'open'"
        )
        report.counts[f"interactions_{size}"] = count(db, "SELECT count(*) FROM interactions")

    t = report.timings
    env_mid = run_env(books[middle])
    t["python -c pass"] = timed([sys.executable, "-c", "pass"], env_mid, runs)
    startup = {
        "--help": ["--help"],
        "agenda (table)": ["agenda"],
        "agenda --format plain": ["agenda", "--format", "plain"],
        "log": ["log", "#42", "Called about the roof", "--kind", "call"],
        "show": ["show", "#42"],
    }
    for name, cmd in startup.items():
        t[f"{name} @{middle}"] = timed([bin_, *cmd], env_mid, runs)

    scale = {
        "agenda": ["agenda", "--format", "plain"],
        "search": ["search", "heat pump"],
        "show": ["show", "#42"],
        "pipeline": ["pipeline", "--format", "plain"],
        "log": ["log", "#42", "Called about the heat pump", "--kind", "call"],
    }
    for size, db in books.items():
        for name, cmd in scale.items():
            t[f"{name} @{size}"] = timed([bin_, *cmd], run_env(db), runs)

    if shutil.which("task"):
        for size in (middle, large):
            open_items = report.counts[f"open_followups_{size}"]
            env = task_book(work, open_items)
            t[f"task next @{open_items} items"] = timed(["task", "next"], env, runs)
    else:
        print("  taskwarrior is not installed (apt-get install taskwarrior): peer skipped")

    csv_path = work / f"contacts-{large}.csv"
    if not csv_path.exists():
        write_csv(csv_path, large)
    sqlite_utils = Path(sys.executable).with_name("sqlite-utils")
    import_runs = max(1, runs // 3)
    t[f"import @{large}"] = into_fresh_db(
        lambda db: [bin_, "import", str(csv_path)], work / "import", import_runs
    )
    t[f"sqlite-utils insert @{large}"] = into_fresh_db(
        lambda db: [str(sqlite_utils), "insert", str(db), "contacts", str(csv_path), "--csv"],
        work / "insert",
        import_runs,
    )

    fresh = work / "import-rss.db"
    fresh.unlink(missing_ok=True)
    report.memory[f"import @{large}"] = peak_rss_mb([bin_, "import", str(csv_path)], run_env(fresh))
    report.memory[f"agenda @{large}"] = peak_rss_mb([bin_, "agenda"], run_env(books[large]))

    budgets(report, small, middle, large)
    args.out.mkdir(parents=True, exist_ok=True)
    data = {
        "machine": report.machine,
        "timings_ms": {k: round(v * 1000, 1) for k, v in t.items()},
        "peak_rss_mb": {k: round(v, 1) for k, v in report.memory.items()},
        "counts": report.counts,
        "budgets": [
            {
                "name": b.name,
                "value": round(b.value, 3),
                "limit": b.limit,
                "unit": b.unit,
                "met": b.met,
                "note": b.note,
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
    print(f"{len(report.budgets) - len(missed)} budgets met, {len(missed)} missed")


def budgets(report: Report, small: int, middle: int, large: int) -> None:
    t = report.timings
    base = t["python -c pass"]
    b = report.budgets
    b.append(
        Budget(
            f"agenda --format plain @{middle} / python -c pass",
            t[f"agenda --format plain @{middle}"] / base,
            8,
            "x",
        )
    )
    b.append(
        Budget(
            f"agenda (table) @{middle} / python -c pass",
            t[f"agenda (table) @{middle}"] / base,
            10,
            "x",
        )
    )
    for name in ("agenda", "show", "log"):
        b.append(
            Budget(
                f"{name} @{large} / {name} @{small}",
                t[f"{name} @{large}"] / t[f"{name} @{small}"],
                1.5,
                "x",
            )
        )
    for size, factor in ((middle, 2), (large, 10)):
        items = report.counts[f"open_followups_{size}"]
        key = f"task next @{items} items"
        if key in t:
            b.append(
                Budget(
                    f"agenda @{size} / task next @{items:,} open items",
                    t[f"agenda @{size}"] / t[key],
                    1 / factor,
                    "x",
                    note=f"agenda must be {factor}x faster",
                )
            )
    b.append(Budget(f"search @{large} (whole command)", t[f"search @{large}"] * 1000, 200, "ms"))
    b.append(
        Budget(
            f"import @{large} / sqlite-utils insert",
            t[f"import @{large}"] / t[f"sqlite-utils insert @{large}"],
            3,
            "x",
        )
    )
    b.append(Budget(f"import @{large} peak memory", report.memory[f"import @{large}"], 300, "MB"))


def markdown(report: Report) -> str:
    m = report.machine
    lines = [
        f"Measured {m['date']} on {m['cores']} cores, {m['platform']}, Python {m['python']}, "
        f"SQLite {m['sqlite']}.",
        "",
        "| command | median |",
        "| --- | ---: |",
    ]
    lines += [f"| `{k}` | {v * 1000:.1f} ms |" for k, v in report.timings.items()]
    lines += [f"| peak memory, `{k}` | {v:.0f} MB |" for k, v in report.memory.items()]
    lines += ["", "| budget | measured | limit | |", "| --- | ---: | ---: | --- |"]
    for b in report.budgets:
        value = f"{b.value:.2f} {b.unit}" if b.unit == "x" else f"{b.value:.0f} {b.unit}"
        limit = f"{b.limit:.2f} {b.unit}" if b.unit == "x" else f"{b.limit:.0f} {b.unit}"
        lines.append(f"| {b.name} | {value} | {limit} | {'met' if b.met else 'MISSED'} |")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
