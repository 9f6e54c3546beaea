"""Realistic books of any size, for benchmarks and for trying salesnotes at scale.

``generate(size, today, seed)`` yields batches of plain rows for ``store.bulk.load`` (table
name -> rows in ``store.bulk.LOAD_COLUMNS`` order): Dutch people in
organisations, years of conversations, open and closed follow-ups, quotes in every status.
Deterministic for a seed; streamed in batches, so a 100,000-contact book never sits in memory.
Per contact on average: 10 interactions, about 1 open follow-up, 2 done ones, 0.3 quotes.
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

FIRST = [
    "Jan",
    "Pieter",
    "Kees",
    "Anna",
    "Sanne",
    "Lisa",
    "Eva",
    "Thomas",
    "Daan",
    "Sem",
    "Lucas",
    "Emma",
    "Julia",
    "Sophie",
    "Fleur",
    "Tess",
    "Bram",
    "Ruud",
    "Henk",
    "Ingrid",
    "Marieke",
    "Joost",
    "Niels",
    "Femke",
    "Wouter",
    "Ilse",
    "Maarten",
    "Rianne",
    "Gerrit",
    "Anouk",
    "Mohamed",
    "Fatima",
    "Yusuf",
    "Aylin",
    "Mehmet",
    "Priya",
    "Chen",
    "José",
    "Lotte",
    "Bas",
]
LAST = [
    "de Vries",
    "Jansen",
    "de Jong",
    "Bakker",
    "van Dijk",
    "Visser",
    "Smit",
    "Meijer",
    "de Boer",
    "Mulder",
    "de Groot",
    "Bos",
    "Vos",
    "Peters",
    "Hendriks",
    "van Leeuwen",
    "Dekker",
    "Brouwer",
    "de Wit",
    "Dijkstra",
    "Smits",
    "de Graaf",
    "van der Meer",
    "van der Linden",
    "Kok",
    "Jacobs",
    "de Haan",
    "Vermeulen",
    "van den Berg",
    "van der Heijden",
    "Schouten",
    "Hoekstra",
    "Koster",
    "Prins",
    "Kuipers",
    "Postma",
    "Hoeksema",
    "El Amrani",
    "Yilmaz",
    "García",
]
TRADES = [
    "Bouw",
    "Installatietechniek",
    "Isolatie",
    "Vastgoed",
    "Dakwerken",
    "Energie",
    "Projectontwikkeling",
    "Advies",
    "Techniek",
    "Aannemers",
    "Klimaattechniek",
    "Renovatie",
    "Onderhoud",
    "Zonnetechniek",
    "Bouwadvies",
]
PLACES = [
    "Zwolle",
    "Kampen",
    "Deventer",
    "Apeldoorn",
    "Emmen",
    "Assen",
    "Groningen",
    "Leeuwarden",
    "Meppel",
    "Hardenberg",
    "Almelo",
    "Hengelo",
    "Enschede",
    "Amersfoort",
    "Utrecht",
    "Arnhem",
    "Nijmegen",
    "Heerenveen",
    "Steenwijk",
    "Ommen",
]
SUBJECTS = [
    "roof insulation",
    "heat pump",
    "solar panels",
    "cavity wall insulation",
    "floor insulation",
    "ventilation",
    "service contract",
    "renovation",
    "new-build project",
    "maintenance",
    "inverter",
    "subsidy forms",
    "glass",
    "facade",
    "warehouse roof",
]
SAID = [
    "Called about the {s}; wants a quote",
    "Sent the {s} brochure",
    "Site visit for the {s}",
    "Discussed the planning of the {s}",
    "Asked about the price of the {s}",
    "Happy with the {s}; may need more",
    "Questions about the {s} warranty",
    "Met at the fair; interested in {s}",
    "Follow-up on the {s} offer",
    "Complaint about the {s}, solved on site",
    "Reference visit for the {s}",
]
KINDS = ("call",) * 5 + ("email",) * 3 + ("meeting", "visit", "note")
STATUSES = (
    ("lead",) * 6 + ("prospect",) * 4 + ("customer",) * 7 + ("ambassador", "former", "former")
)
REASONS = ("other",) * 4 + ("question",) * 2 + ("quote",) * 2 + ("checkin",) * 2 + ("callback",)
PRIORITIES = ("normal",) * 6 + ("high", "low")
TAGS = ("dakisolatie", "warmtepomp", "zonnepanelen", "nieuwbouw", "renovatie", "vip", "partner")


class Batch:
    """Rows for one bulk insert, per table, in the column order ``store.bulk.load`` expects."""

    def __init__(self) -> None:
        self.organisations: list[tuple[Any, ...]] = []
        self.contacts: list[tuple[Any, ...]] = []
        self.emails: list[tuple[Any, ...]] = []
        self.phones: list[tuple[Any, ...]] = []
        self.tags: list[tuple[Any, ...]] = []
        self.interactions: list[tuple[Any, ...]] = []
        self.followups: list[tuple[Any, ...]] = []
        self.quotes: list[tuple[Any, ...]] = []
        self.revisions: list[tuple[Any, ...]] = []

    def rows(self) -> dict[str, list[tuple[Any, ...]]]:
        """The rows by table name."""
        return {
            "organisations": self.organisations,
            "contacts": self.contacts,
            "contact_emails": self.emails,
            "contact_phones": self.phones,
            "contact_tags": self.tags,
            "interactions": self.interactions,
            "followups": self.followups,
            "quotes": self.quotes,
            "quote_revisions": self.revisions,
        }


def _fold(text: str) -> str:
    from salesnotes.text import fold

    return fold(text)


def generate(
    size: int, today: date, seed: int = 2026, batch: int = 2000
) -> Iterator[dict[str, list[tuple[Any, ...]]]]:
    """Yield batches of rows for a book of ``size`` contacts."""
    book = _Generator(random.Random(seed), today, max(1, size // 4))  # noqa: S311 - made-up data, reproducible by design
    for contact_id in range(1, size + 1):
        book.person(contact_id)
        if contact_id % batch == 0:
            yield book.current.rows()
            book.current = Batch()
    yield book.current.rows()


class _Generator:
    """One generated book on its way: the random source (every draw in a fixed order, so a
    seed gives the same book), the organisations made so far, the ids given, the batch."""

    def __init__(self, rng: random.Random, today: date, org_count: int) -> None:
        self.rng, self.today, self.org_count = rng, today, org_count
        self.org_names: set[str] = set()
        self.counters = {"interaction": 0, "followup": 0, "quote": 0, "revision": 0}
        self.current = Batch()

    def new_uuid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def stamp(self, day: date) -> str:
        rng = self.rng
        return f"{day.isoformat()}T{rng.randint(7, 17):02d}:{rng.randint(0, 59):02d}:00Z"

    def organisation(self, contact_id: int) -> int:
        """The contact's organisation: each one arrives with its first contact."""
        rng, today = self.rng, self.today
        org_id = rng.randint(1, self.org_count)
        if contact_id <= self.org_count:
            name = f"{rng.choice(LAST).split()[-1]} {rng.choice(TRADES)}"
            if name.casefold() in self.org_names:
                name = f"{name} {rng.choice(PLACES)}"
            while name.casefold() in self.org_names:
                name = f"{name} {contact_id}"
            self.org_names.add(name.casefold())
            self.current.organisations.append(
                (contact_id, self.new_uuid(), name, _fold(name),
                 self.stamp(today - timedelta(days=1900)))
            )  # fmt: skip
            org_id = contact_id
        return org_id

    def person(self, contact_id: int) -> None:
        """One contact with years of history: conversations, follow-ups done and open, maybe
        a quote, and their e-mail address, mobile number and tags."""
        rng, today = self.rng, self.today
        org_id = self.organisation(contact_id)
        first, last = rng.choice(FIRST), rng.choice(LAST)
        name = f"{first} {last}"
        status = rng.choice(STATUSES)
        created = today - timedelta(days=rng.randint(30, 1800))
        last_touch = self.history(contact_id, created)
        if rng.random() < 0.3:
            _quote(rng, self.current, self.counters, contact_id, today, last_touch,
                   self.new_uuid, self.stamp)  # fmt: skip
        every = rng.choice(("4w", "6w", "3m")) if rng.random() < 0.01 else None
        birthday = (
            f"{rng.randint(1955, 1998)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
            if rng.random() < 0.3
            else None
        )
        since = (
            (created + timedelta(days=rng.randint(0, 30))).isoformat()
            if status in ("customer", "ambassador") and rng.random() < 0.5
            else None
        )
        archived = self.stamp(today - timedelta(days=10)) if rng.random() < 0.02 else None
        self.current.contacts.append(
            (contact_id, self.new_uuid(), name, _fold(name), org_id, status, "", archived,
             self.stamp(created), self.stamp(created), every, last_touch.isoformat(), birthday,
             since)
        )  # fmt: skip
        domain = org_names_domain(org_id)
        self.current.emails.append(
            (contact_id, f"{_fold(first)}.{_fold(last).replace(' ', '')}{contact_id}@{domain}", 1)
        )
        mobile = f"{rng.randint(1000, 9999)}{rng.randint(1000, 9999)}"
        self.current.phones.append(
            (contact_id, f"06 {mobile[:4]} {mobile[4:]}", 1, f"+316{mobile}", 1)
        )
        for tag in {rng.choice(TAGS) for _ in range(rng.choice((0, 0, 1, 2)))}:
            self.current.tags.append((contact_id, tag))

    def history(self, contact_id: int, created: date) -> date:
        """A contact's conversations and follow-ups (done and open); the last day touched."""
        rng, today, counters = self.rng, self.today, self.counters
        interactions = sorted(
            created + timedelta(days=rng.randint(0, (today - created).days))
            for _ in range(rng.randint(0, 20))
        )
        last_touch = max([created, *interactions])
        for day in interactions:
            counters["interaction"] += 1
            text = rng.choice(SAID).format(s=rng.choice(SUBJECTS))
            self.current.interactions.append(
                (counters["interaction"], self.new_uuid(), contact_id, rng.choice(KINDS), text,
                 day.isoformat(), self.stamp(day))
            )  # fmt: skip
        for _ in range(rng.choice((0, 1, 2, 3, 4))):
            counters["followup"] += 1
            due = created + timedelta(days=rng.randint(0, max(0, (today - created).days - 1)))
            done_on = min(today - timedelta(days=1), due + timedelta(days=rng.randint(0, 5)))
            last_touch = max(last_touch, done_on)
            self.current.followups.append(
                (counters["followup"], self.new_uuid(), contact_id, due.isoformat(),
                 f"Follow up: {rng.choice(SUBJECTS)}", rng.choice(REASONS),
                 rng.choice(PRIORITIES), "done", (due - timedelta(days=7)).isoformat(),
                 self.stamp(due - timedelta(days=7)), done_on.isoformat(), self.stamp(done_on),
                 None)
            )  # fmt: skip
        for _ in range(rng.choice((0, 1, 1, 2))):
            counters["followup"] += 1
            due = today + timedelta(days=rng.randint(-14, 60))
            created_on = min(today, due) - timedelta(days=rng.randint(0, 20))
            self.current.followups.append(
                (counters["followup"], self.new_uuid(), contact_id, due.isoformat(),
                 f"Call about the {rng.choice(SUBJECTS)}", rng.choice(REASONS),
                 rng.choice(PRIORITIES), "open", created_on.isoformat(),
                 self.stamp(created_on), None, None, None)
            )  # fmt: skip
        return last_touch


def org_names_domain(org_id: int) -> str:
    """A made-up mail domain per organisation (.example: never a real address)."""
    return f"org{org_id}.example"


def _quote(
    rng: random.Random,
    current: Batch,
    counters: dict[str, int],
    contact_id: int,
    today: date,
    last_touch: date,
    new_uuid: Any,
    stamp: Any,
) -> None:
    counters["quote"] += 1
    quote_id = counters["quote"]
    status = rng.choice(
        ("won",) * 6
        + ("lost",) * 5
        + ("expired",) * 2
        + ("draft",)
        + ("sent",) * 3
        + ("negotiating",) * 3
    )
    is_open = status in ("draft", "sent", "negotiating")
    quoted = today - timedelta(days=rng.randint(0, 45) if is_open else rng.randint(30, 1500))
    valid_until = quoted + timedelta(days=30)
    amount = rng.randint(10, 2000) * 5000  # € 500 to € 100.000
    sent = quoted + timedelta(days=rng.randint(0, 3)) if status != "draft" else None
    closed = None
    if not is_open:
        closed = min(today, (sent or quoted) + timedelta(days=rng.randint(3, 60)))
    revisions = 1 if status in ("draft", "sent") else rng.randint(1, 3)
    amounts = [amount]
    for _ in range(revisions - 1):
        amounts.append(int(amounts[-1] * rng.uniform(0.85, 0.98)) // 100 * 100)
    for number, cents in enumerate(amounts, start=1):
        counters["revision"] += 1
        on = quoted + timedelta(days=(number - 1) * 5)
        current.revisions.append(
            (
                counters["revision"],
                quote_id,
                number,
                cents,
                min(on, today).isoformat(),
                "" if number == 1 else "Counter-offer",
                stamp(min(on, today)),
            )
        )
    activity = max(last_touch, quoted)
    current.quotes.append(
        (
            quote_id,
            new_uuid(),
            contact_id,
            f"{rng.choice(SUBJECTS).capitalize()} project",
            amounts[-1],
            "EUR",
            status,
            quoted.isoformat(),
            valid_until.isoformat(),
            None,
            sent.isoformat() if sent else None,
            closed.isoformat() if closed else None,
            rng.choice(("price", "competitor", "timing", "no budget")) if status == "lost" else "",
            activity.isoformat(),
            stamp(quoted),
            stamp(closed) if closed else None,
        )
    )
