"""A small, realistic Dutch sales book, dated relative to ``today`` so its agenda is always live."""

from __future__ import annotations

from datetime import date, timedelta

from salesnotes.domain.fields import read_phone
from salesnotes.i18n import N_, _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from salesnotes.config import Config
    from salesnotes.domain.days import Calendar
    from salesnotes.store.interface import Store

# name, organisation, e-mail, phone, status, tags
PEOPLE = [
    (
        "Jan de Vries",
        "Pluimers Isolatie",
        "jan@pluimers.nl",
        "06 1234 5678",
        "customer",
        ["dakisolatie"],
    ),
    (
        "Anna Bakker",
        "Bakker Bouw B.V.",
        "anna@bakkerbouw.nl",
        "06 2345 6789",
        "prospect",
        ["nieuwbouw"],
    ),
    (
        "Pieter van Dijk",
        "Van Dijk Installatietechniek",
        "p.vandijk@vandijk-it.nl",
        "038 421 7788",
        "customer",
        ["warmtepomp"],
    ),
    (
        "Sanne Hoeksema",
        "Hoeksema Vastgoed",
        "sanne@hoeksemavastgoed.nl",
        "06 3456 7890",
        "lead",
        ["vastgoed"],
    ),
    (
        "Kees de Groot",
        "De Groot Dakwerken",
        "kees@degrootdak.nl",
        "0570 61 23 45",
        "ambassador",
        ["dakisolatie", "partner"],
    ),
    (
        "Fatima El Amrani",
        "Visser Energie",
        "f.elamrani@visserenergie.nl",
        "06 4567 8901",
        "prospect",
        ["zonnepanelen"],
    ),
    (
        "Thomas Jansen",
        "Jansen & Zn Aannemers",
        "thomas@jansenzn.nl",
        "0523 68 11 22",
        "customer",
        ["dakisolatie"],
    ),
    ("Lisa Mulder", "Mulder Projectontwikkeling", "lisa@mulderpo.nl", "06 5678 9012", "lead", []),
    (
        "Mohamed Yilmaz",
        "Visser Energie",
        "m.yilmaz@visserenergie.nl",
        "06 6789 0123",
        "prospect",
        ["zonnepanelen"],
    ),
    (
        "Eva Smit",
        "Smit Bouwadvies",
        "eva@smitbouwadvies.nl",
        "06 7890 1234",
        "customer",
        ["advies"],
    ),
    (
        "José García",
        "Pluimers Isolatie",
        "jose@pluimers.nl",
        "06 8901 2345",
        "customer",
        ["dakisolatie"],
    ),
    (
        "Ruud Meijer",
        "Meijer Installaties",
        "ruud@meijerinstallaties.nl",
        "0591 33 44 55",
        "former",
        [],
    ),
]

# days ago, who, kind, text
CONVERSATIONS = [
    (41, "Jan de Vries", "visit", N_("Site visit hall 3; roof 1,200 m2, old mineral wool")),
    (38, "Kees de Groot", "call", N_("Referred Visser Energie; wants to hear how it goes")),
    (35, "Pieter van Dijk", "meeting", N_("Heat pump project: wants a quote for 4 units")),
    (30, "Thomas Jansen", "visit", N_("Insulation of hall 2 finished; customer happy")),
    (28, "Fatima El Amrani", "call", N_("Intro via Kees; interested in solar on 3 warehouses")),
    (21, "Eva Smit", "email", N_("Sent the advice report for the school project")),
    (17, "Anna Bakker", "meeting", N_("New-build project Kampen: 24 homes, insulation package")),
    (14, "Pieter van Dijk", "email", N_("Sent quote: 4 heat pumps, EUR 48.000")),
    (12, "Mohamed Yilmaz", "call", N_("Technical questions about the inverter warranty")),
    (10, "Jan de Vries", "call", N_("Wants the hall 3 job done before the winter")),
    (8, "Sanne Hoeksema", "email", N_("Asked for references in office buildings")),
    (6, "Pieter van Dijk", "call", N_("Counter-offer: price too high, asks for 10% off")),
    (4, "José García", "call", N_("Happy with the insulation; asked about the subsidy forms")),
    (3, "Lisa Mulder", "note", N_("Met at the Bouwbeurs; call after the holidays")),
    (2, "Anna Bakker", "call", N_("Asked for a demo of the insulation system")),
    (
        1,
        "Thomas Jansen",
        "call",
        N_("Leak after the insulation work in hall 2; water on the floor"),
    ),
]

# due in days (negative: overdue), who, reason, priority, text, created days ago
FOLLOW_UPS = [
    (-1, "Thomas Jansen", "complaint", "high", N_("Leak after insulation work in hall 2"), 1),
    (0, "Anna Bakker", "callback", "normal", N_("Call back: asked for a demo"), 0),
    (-3, "Pieter van Dijk", "quote", "high", N_("Send the revised quote (10% off?)"), 6),
    (-1, "Sanne Hoeksema", "question", "normal", N_("Send three office references"), 8),
    (0, "Jan de Vries", "other", "normal", N_("Plan the hall 3 job before the winter"), 10),
    (0, "José García", "question", "low", N_("Send the subsidy forms"), 4),
    (3, "Fatima El Amrani", "quote", "normal", N_("Quote for solar on warehouse 1"), 28),
    (
        7,
        "Kees de Groot",
        "checkin",
        "normal",
        N_("Thank him for the referral, ask how things are"),
        38,
    ),
    (14, "Eva Smit", "checkin", "normal", N_("How did the school project land?"), 21),
    (21, "Lisa Mulder", "other", "normal", N_("Call after the holidays"), 3),
]


# who, title, amount in cents, quoted days ago, valid for days, then what happened:
# ("sent", days ago) / ("revise", days ago, cents, note) / ("won"|"lost", days ago, reason)
QUOTES: list[tuple[str, str, int, int, int, list[tuple[Any, ...]]]] = [
    (
        "Pieter van Dijk",
        N_("4 heat pumps, installed"),
        48_000_00,
        14,
        30,
        [("sent", 14), ("revise", 6, 43_200_00, N_("Counter-offer: 10% off"))],
    ),
    ("Jan de Vries", N_("Roof insulation hall 3"), 12_500_00, 27, 30, [("sent", 10)]),
    ("Fatima El Amrani", N_("Solar panels warehouse 1"), 86_500_00, 5, 30, []),
    ("Mohamed Yilmaz", N_("Inverters and monitoring"), 23_950_00, 35, 30, [("sent", 35)]),
    (
        "Eva Smit",
        N_("Advice report school project"),
        7_800_00,
        40,
        30,
        [("sent", 38), ("won", 20, "")],
    ),
    (
        "Ruud Meijer",
        N_("Service contract 2027"),
        15_000_00,
        60,
        30,
        [("sent", 58), ("lost", 40, N_("competitor"))],
    ),
]


def at(day: date, hour: int = 9) -> str:
    """A UTC instant on ``day``: the demo's history is stamped when it happened, not now."""
    return f"{day.isoformat()}T{hour:02d}:00:00Z"


def fill(store: Store, today: date, now: str, config: Config, calendar: Calendar) -> int:
    """Write the demo book into an empty store (in the caller's transaction); return contacts.
    Quotes are sent, revised and closed as a salesperson's commands do it (the use cases):
    a sent quote has its chase, a won one made its contact a customer."""
    from salesnotes.domain.quote_life import Terms
    from salesnotes.usecases.contacts import add_contact
    from salesnotes.usecases.followups import note_conversation
    from salesnotes.usecases.quotes import add_quote, close_quote, revise_quote, send_quote

    ids: dict[str, int] = {}
    start = today - timedelta(days=60)
    for name, org, email, phone, status, tags in PEOPLE:
        added = add_contact(
            store,
            name,
            force=True,
            now=at(start),
            today=start,
            organisation=org,
            emails=[email],
            phones=[read_phone(phone, "NL")],
            tags=tags,
            status=status,
        )
        ids[name] = added.contact.id
    # Occasions in the coming week: a birthday and a customer anniversary.
    birthday = today + timedelta(days=3)
    store.contacts.edit(ids["Kees de Groot"], now=at(start), birthday=f"1968-{birthday:%m-%d}")
    since = today + timedelta(days=5)
    store.contacts.edit(
        ids["Jan de Vries"],
        now=at(start),
        customer_since=date(
            since.year - 3, since.month, 28 if (since.month, since.day) == (2, 29) else since.day
        ),
    )
    for days_ago, who, kind, text in CONVERSATIONS:
        day = today - timedelta(days=days_ago)
        note_conversation(store, ids[who], _(text), kind=kind, on=day, now=at(day))
    for due_in, who, reason, priority, text, created_ago in FOLLOW_UPS:
        store.followups.add(
            ids[who],
            today + timedelta(days=due_in),
            _(text),
            reason=reason,
            priority=priority,
            today=today - timedelta(days=created_ago),
            now=at(today - timedelta(days=created_ago)),
            owner=store.user,  # the demo's contacts are the user's
        )
    for who, title, cents, quoted_ago, valid_days, steps in QUOTES:
        quoted_on = today - timedelta(days=quoted_ago)
        terms = Terms(cents, quoted_on, quoted_on + timedelta(days=valid_days), "EUR")
        quote = add_quote(
            store, store.contacts.get(ids[who]), terms, title=_(title), probability=None,
            send=False, today=quoted_on, now=at(quoted_on), config=config,
        ).quote  # fmt: skip
        for step in steps:
            on = today - timedelta(days=step[1])
            if step[0] == "sent":
                send_quote(
                    store, quote, today=on, now=at(on), config=config, on=on, calendar=calendar
                )
            elif step[0] == "revise":
                revise_quote(
                    store, quote.id, step[2], note=_(step[3]), on=on, now=at(on), config=config
                )
            else:
                close_quote(
                    store, quote.id, step[0], today=on, now=at(on), config=config,
                    reason=_(step[2]) if step[2] else step[2],
                )  # fmt: skip
    return len(ids)


def write_demo(
    store: Store, size: int | None, seed: int, today: date, now: str, config: Config,
    calendar: Calendar, *, where: str,
) -> int:  # fmt: skip
    """The demo book written into an empty store (``size``: a generated book of that many
    contacts, from ``seed``), in the caller's transaction; how many contacts. A store that
    holds contacts is a Conflict (``where``: the book as named in it)."""
    from salesnotes.errors import Conflict

    if not store.is_empty():
        raise Conflict(
            _(
                "{db_path} already holds contacts; the demo fills only an empty database "
                "(leave out --db and SALESNOTES_DB to get a temporary one)"
            ).format(db_path=where)
        )
    if size is None:
        return fill(store, today, now, config, calendar)
    from salesnotes.generators.big_book import generate

    return store.bulk.load(generate(size, today, seed))
