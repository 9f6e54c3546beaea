"""Back-test of the learned rhythm (issue 27): replay each customer's history and predict
every next contact from the contacts before it, against a fixed 30-day rhythm.

    python benchmarks/cadence.py                  # a seeded synthetic book with known rhythms
    python benchmarks/cadence.py --db BOOK.db     # the same back-test on a real book

The synthetic book (``synthetic``): regular B2B customers (a rhythm of 10-60 days, a little
noise), irregular ones (15-90 days, much noise), seasonal ones (twice as often in spring and
autumn), and customers who left (regular, then silent). The time is split at its middle: the
segment's figures come from the intervals that ended before it, and every contact after it is
predicted from that customer's own intervals before it (``domain.cadence.learn``). Reported:
the mean absolute error of the predicted day (learned, and the fixed rhythm), and how often
the "getting quiet" flag fires (an interval longer than the predicted 90th percentile) for
customers who did not leave, and for those who left, after they left.
"""

from __future__ import annotations

import argparse
import math
import random
import sys
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from salesnotes.domain import cadence  # noqa: E402

FIXED = 30
START = date(2025, 1, 1)
DAYS = 730


@dataclass
class Customer:
    kind: str  # regular, irregular, seasonal, left
    days: list[date]
    left_on: date | None = None


@dataclass
class Result:
    errors: list[float] = field(default_factory=list)
    fixed_errors: list[float] = field(default_factory=list)
    flagged: int = 0
    predictions: int = 0
    left_flagged: int = 0
    left: int = 0
    by_kind: dict[str, tuple[list[float], list[float]]] = field(default_factory=dict)

    @property
    def mae(self) -> float:
        return sum(self.errors) / len(self.errors)

    @property
    def fixed_mae(self) -> float:
        return sum(self.fixed_errors) / len(self.fixed_errors)

    @property
    def reduction(self) -> float:
        return 1 - self.mae / self.fixed_mae

    @property
    def flag_rate(self) -> float:
        return self.flagged / self.predictions


def synthetic(seed: int = 26, customers: int = 600) -> list[Customer]:
    """A book's histories with known rhythms (see the module)."""
    rng = random.Random(seed)
    book = []
    end = START + timedelta(days=DAYS)
    for n in range(customers):
        roll = n % 20
        kind = (
            "regular" if roll < 10 else "irregular" if roll < 15 else "seasonal" if roll < 18
            else "left"
        )  # fmt: skip
        low, high, noise = (15, 90, 0.7) if kind == "irregular" else (10, 60, 0.25)
        rhythm = math.exp(rng.uniform(math.log(low), math.log(high)))
        day = START + timedelta(days=rng.randrange(0, int(rhythm) + 1))
        left_on = START + timedelta(days=rng.randrange(DAYS // 3, DAYS)) if kind == "left" else None
        days = []
        while day < end and (left_on is None or day < left_on):
            days.append(day)
            wanted = rhythm
            if kind == "seasonal" and day.month in (3, 4, 5, 9, 10, 11):
                wanted = rhythm / 2
            gap = max(1, round(wanted * math.exp(rng.gauss(0, noise))))
            day += timedelta(days=gap)
        book.append(Customer(kind, days, left_on))
    return book


def backtest(book: list[Customer], cutoff: date, end: date) -> Result:
    """Every contact after ``cutoff`` predicted from the customer's own before it, the
    segment learned from what ended before ``cutoff`` (see the module)."""
    training = [cadence.intervals(d for d in c.days if d < cutoff) for c in book]
    seg = cadence.segment(training)
    result = Result()
    for customer in book:
        days = sorted(set(customer.days))
        for j in range(1, len(days)):
            if days[j] < cutoff:
                continue
            before = cadence.intervals(days[:j])
            learned = cadence.learn(before, seg)
            gap = (days[j] - days[j - 1]).days
            error = abs(gap - learned.typical)
            fixed = abs(gap - FIXED)
            result.errors.append(error)
            result.fixed_errors.append(fixed)
            mine = result.by_kind.setdefault(customer.kind, ([], []))
            mine[0].append(error)
            mine[1].append(fixed)
            if customer.kind != "left":  # the flag's rate where it should be quiet
                result.predictions += 1
                result.flagged += gap > learned.p90
        if customer.left_on is not None and days and days[-1] >= cutoff - timedelta(days=365):
            learned = cadence.learn(cadence.intervals(days), seg)
            result.left += 1
            result.left_flagged += (end - days[-1]).days > learned.p90
    return result


def from_book(path: Path) -> tuple[list[Customer], date, date]:
    """A real book's contact days (its conversations' days, per contact), the middle of its
    time as the cut-off."""
    import sqlite3

    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    rows = conn.execute(
        "SELECT contact_id, happened_on FROM interactions ORDER BY contact_id, happened_on"
    ).fetchall()
    per: dict[int, list[date]] = {}
    for contact_id, day in rows:
        try:
            per.setdefault(contact_id, []).append(date.fromisoformat(str(day)[:10]))
        except ValueError:
            continue
    book = [Customer("book", days) for days in per.values() if len(days) >= 2]
    every = sorted(d for c in book for d in c.days)
    if not every:
        sys.exit(f"{path}: no contact with two conversations to learn from")
    return book, every[len(every) // 2], every[-1]


def report(result: Result) -> str:
    lines = [
        f"predicted contacts: {result.predictions}",
        f"mean absolute error: learned {result.mae:.1f} days, fixed {FIXED}-day rhythm "
        f"{result.fixed_mae:.1f} days ({100 * result.reduction:.1f}% lower)",
        f"getting-quiet flag on customers who stayed: {100 * result.flag_rate:.1f}% of their "
        "contacts",
    ]
    if result.left:
        lines.append(
            f"customers who left, flagged by the end: {result.left_flagged} of {result.left}"
        )
    for kind, (errors, fixed) in sorted(result.by_kind.items()):
        lines.append(
            f"  {kind}: {len(errors)} contacts, learned {sum(errors) / len(errors):.1f} days,"
            f" fixed {sum(fixed) / len(fixed):.1f} days"
        )
    return "\n".join(lines)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--db", type=Path, help="a salesnotes book (SQLite) to back-test")
    parser.add_argument("--seed", type=int, default=26)
    args = parser.parse_args()
    if args.db:
        book, cutoff, end = from_book(args.db)
    else:
        book = synthetic(args.seed)
        cutoff, end = START + timedelta(days=DAYS // 2), START + timedelta(days=DAYS)
    print(report(backtest(book, cutoff, end)))


if __name__ == "__main__":
    main()
