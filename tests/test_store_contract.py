"""The store's contract: what commands, sources and render rely on, through the interface only.

Every test takes ``store`` (salesnotes.store.interface.Store) and nothing backend-specific, so
a second backend joins by adding itself to ``BACKENDS``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path

import pytest

from salesnotes.domain import quote_life, records
from salesnotes.errors import BadInput, Conflict, NotFound
from salesnotes.imported import NewContact
from salesnotes.models import Contact, PhoneNumber
from salesnotes.store import open_store
from salesnotes.store.interface import Store
from salesnotes.usecases.followups import note_conversation
from salesnotes.usecases.who import resolve
from tests.conftest import postgres_book

NOW = "2026-11-25T11:00:00Z"
TODAY = date(2026, 11, 25)


def _sqlite(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    return open_store(tmp_path / "contract.db")


def _postgres(request: pytest.FixtureRequest, tmp_path: Path) -> Store:
    return open_store(postgres_book(request))


BACKENDS: dict[str, Callable[[pytest.FixtureRequest, Path], Store]] = {
    "sqlite": _sqlite,
    "postgres": _postgres,
}


@pytest.fixture(params=sorted(BACKENDS))
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Store]:
    opened = BACKENDS[request.param](request, tmp_path)
    yield opened
    opened.close()


def find(store: Store, who: str) -> Contact:
    """WHO through the store's lookups (salesnotes.usecases.who)."""
    return resolve(store, who, "NL")[0]


def day(text: str) -> date:
    return date.fromisoformat(text)


def _people(store: Store) -> dict[str, int]:
    """Jan and José in Pluimers, Janneke alone, Anna archived."""
    found = {}
    with store.write():
        for name, org, email in (
            ("Jan de Vries", "Pluimers Isolatie", "jan@pluimers.nl"),
            ("José García", "pluimers isolatie", "jose@pluimers.nl"),
            ("Janneke Smit", None, "janneke@smit.nl"),
            ("Anna Bakker", "Bakker Bouw", "anna@bakker.nl"),
        ):
            contact = store.contacts.add(
                name, now=NOW, organisation=org, emails=[email], today=day("2026-10-01")
            )
            found[name] = contact.id
        store.contacts.archive(found["Anna Bakker"], NOW)
    return found


# -- transactions ------------------------------------------------------------------------------


def test_a_failing_write_leaves_nothing(store: Store) -> None:
    with pytest.raises(BadInput), store.write():
        store.contacts.add("Jan", now=NOW)
        store.contacts.add(records.contact_name(""), now=NOW)  # refused: the first is rolled back
    with store.read():
        assert store.is_empty()


def test_a_dry_run_rolls_back_and_the_block_ends_quietly(store: Store) -> None:
    with store.write():
        store.contacts.add("Jan", now=NOW)
        store.rollback()
    with store.read():
        assert store.is_empty()


# -- organisations and contacts ------------------------------------------------------------------


def test_organisations_are_found_case_and_accent_insensitively(store: Store) -> None:
    ids = _people(store)
    with store.read():
        jan, jose = store.contacts.get(ids["Jan de Vries"]), store.contacts.get(ids["José García"])
        assert jan.organisation_id == jose.organisation_id
        assert jan.organisation == "Pluimers Isolatie"  # as first written
        assert [(o.name, o.contact_count) for o in store.orgs.all()] == [
            ("Bakker Bouw", 0),  # its only contact is archived
            ("Pluimers Isolatie", 2),
        ]
        assert store.orgs.resolve("pluimers").name == "Pluimers Isolatie"
        with pytest.raises(NotFound):
            store.orgs.resolve("nobody")
        with pytest.raises(NotFound):
            store.orgs.get(999)


def test_who_resolves_by_id_email_and_the_best_name_match(store: Store) -> None:
    ids = _people(store)
    with store.read():
        assert find(store, f"#{ids['Jan de Vries']}").name == "Jan de Vries"
        assert find(store, "JAN@pluimers.nl").name == "Jan de Vries"
        assert find(store, "jan").name == "Jan de Vries"  # whole word over start
        assert find(store, "jose").name == "José García"
        assert find(store, "anna").archived  # only archived ones match
        with pytest.raises(Conflict) as ambiguous:
            find(store, "j")
        assert len(ambiguous.value.details) == 3
        with pytest.raises(NotFound) as missing:
            find(store, "janeke smit")  # a typo: no name or word starts so
        assert missing.value.details  # "did you mean"
        with pytest.raises(NotFound):
            find(store, "999")


def test_contacts_keep_emails_phones_and_tags_in_order(store: Store) -> None:
    with store.write():
        kept = records.contact_fields(
            {"emails": ["b@x.nl", "A@X.nl"], "tags": ["VIP", "#dak isolatie"], "every": "6W"}
        )  # the form the book keeps: the use cases give the store that
        jan = store.contacts.add(
            "Jan",
            now=NOW,
            phones=[PhoneNumber("06 1234 5678", "+31612345678", True)],
            status="customer",
            birthday="--03-12",
            **kept,
        )
        changes = records.contact_fields({"emails": ["c@x.nl"], "untags": ["VIP"]})
        jan = store.contacts.edit(jan.id, now=NOW, note="Likes coffee", **changes)
    assert jan.emails == ("b@x.nl", "a@x.nl", "c@x.nl")
    assert jan.phones == ("06 1234 5678",)
    assert jan.tags == ("dak-isolatie",)
    assert (jan.status, jan.every, jan.birthday, jan.note) == (
        "customer",
        "6w",
        "--03-12",
        "Likes coffee",
    )
    with store.write(), pytest.raises(NotFound):
        store.contacts.edit(jan.id, now=NOW, untags=["nope"])


def test_archived_contacts_leave_lists_and_cards(store: Store) -> None:
    ids = _people(store)
    with store.read():
        assert [c.name for c in store.contacts.find()] == [
            "Jan de Vries",
            "Janneke Smit",
            "José García",
        ]
        assert [c.name for c in store.contacts.find(archived=True)] == ["Anna Bakker"]
        assert [c.name for c in store.contacts.find(text="pluimers")] == [
            "Jan de Vries",
            "José García",
        ]
        assert set(store.contacts.cards(ids.values())) == {
            ids["Jan de Vries"],
            ids["José García"],
            ids["Janneke Smit"],
        }
    with store.write():
        store.contacts.unarchive(ids["Anna Bakker"], NOW)
        with pytest.raises(Conflict):
            records.to_unarchive(store.contacts.get(ids["Anna Bakker"]))


# -- interactions and follow-ups -----------------------------------------------------------------


def test_an_interaction_restarts_the_contact_s_clocks(store: Store) -> None:
    ids = _people(store)
    jan = ids["Jan de Vries"]
    with store.write():
        quote = store.quotes.add(
            jan,
            "Roof",
            1_000_00,
            currency="EUR",
            quoted_on=day("2026-11-01"),
            valid_until=None,
            probability=None,
            now=NOW,
        )
        note_conversation(store, jan, "Called", kind="call", on=day("2026-11-20"), now=NOW)
        note_conversation(store, jan, "Earlier", kind="note", on=day("2026-11-10"), now=NOW)
    with store.read():
        contact = store.contacts.get(jan)
        assert contact.last_touch == day("2026-11-20")
        assert contact.last_contact == day("2026-11-20")
        assert store.quotes.get(quote.id).last_activity == day("2026-11-20")
        assert [i.text for i in store.interactions.latest(jan)] == ["Called", "Earlier"]
        assert store.interactions.count_logged_between("2026-11-25T00:00:00Z", NOW) == 2
        assert len(store.interactions.logged_between("2026-11-25T00:00:00Z", NOW, 1)) == 1
    with store.write(), pytest.raises(BadInput):
        note_conversation(store, jan, "x", kind="telegram", on=TODAY, now=NOW)


def test_followups_due_complete_and_snooze(store: Store) -> None:
    ids = _people(store)
    jan, anna = ids["Jan de Vries"], ids["Anna Bakker"]
    with store.write():
        old = store.followups.add(
            jan, day("2026-11-20"), "old", today=TODAY, now=NOW, owner=store.user
        )
        new = store.followups.add(
            jan,
            day("2026-11-25"),
            "new",
            reason="callback",
            priority="high",
            today=TODAY,
            now=NOW,
            owner=store.user,
        )
        later = store.followups.add(
            jan, day("2026-12-01"), "later", today=TODAY, now=NOW, owner=store.user
        )
        store.followups.add(
            anna, day("2026-11-20"), "archived", today=TODAY, now=NOW, owner=store.user
        )
    with store.read():
        assert [f.text for f in store.followups.due(TODAY)] == ["old", "new"]
        assert store.followups.due_contacts(TODAY) == [jan]
        assert [f.text for f in store.followups.find(due_before=TODAY)] == ["old"]
        heads = store.followups.heads(TODAY, [("other", "normal"), ("callback", "high")], 5)
        assert [[d.id for d in group] for group in heads] == [[old.id], [new.id]]
    with store.write():
        interaction = store.interactions.add(jan, "Done it", kind="call", on=TODAY, now=NOW)
        done = store.followups.complete(old.id, today=TODAY, now=NOW, interaction=interaction)
        moved = store.followups.snooze(later.id, day("2026-12-07"))
    assert (done.status, done.done_on, done.done_note) == ("done", TODAY, "Done it")
    assert (moved.due_on, moved.snoozed_from) == (day("2026-12-07"), day("2026-12-01"))
    with store.read():
        assert store.followups.count_done_between("2026-11-25T00:00:00Z", NOW) == 1
        assert [f.id for f in store.followups.done_between("2026-11-25T00:00:00Z", NOW)] == [old.id]
    with store.read(), pytest.raises(Conflict):
        records.still_open(store.followups.get(old.id))


def test_followup_heads_page_through_a_group_oldest_first(store: Store) -> None:
    ids = _people(store)
    with store.write():
        made = [
            store.followups.add(
                ids["Jan de Vries"], day(f"2026-11-{d:02d}"), today=TODAY, now=NOW, owner=store.user
            )
            for d in (20, 10, 15, 1)
        ]
    with store.read():
        first = store.followups.heads(TODAY, [("other", "normal")], 2)[0]
        rest = store.followups.heads(TODAY, [("other", "normal")], 5, offset=2)[0]
    assert [d.due_on.day for d in first + rest] == [1, 10, 15, 20]
    assert {d.id for d in first + rest} == {f.id for f in made}


# -- quotes ------------------------------------------------------------------------------------


def _quote(store: Store, contact: int, cents: int, quoted: str, valid: str | None) -> int:
    return store.quotes.add(
        contact,
        f"Quote {cents}",
        cents,
        currency="EUR",
        quoted_on=day(quoted),
        valid_until=day(valid) if valid else None,
        probability=None,
        now=NOW,
    ).id


def test_a_quote_moves_through_its_states_with_history(store: Store) -> None:
    jan = _people(store)["Jan de Vries"]
    with store.write():
        q = _quote(store, jan, 12_500_00, "2026-11-01", "2026-12-01")
        sent = store.quotes.change(q, quote_life.sending(store.quotes.get(q), day("2026-11-02")))
        store.quotes.add_revision(q, 11_800_00, TODAY, "discount", NOW)
        revised = store.quotes.change(q, quote_life.revising(sent, 11_800_00, TODAY))
        store.quotes.add_revision(q, 11_800_00, TODAY, "renewed", NOW)
        renewed = store.quotes.change(q, quote_life.renewing(revised, day("2026-12-31"), TODAY))
        change = quote_life.with_probability(renewed, 70)
        assert store.quotes.change(q, change).probability == 70
        won = store.quotes.change(q, quote_life.closing(renewed, "won", TODAY, NOW, ""))
    assert (sent.status, revised.status, revised.amount_cents) == (
        "sent",
        "negotiating",
        11_800_00,
    )
    assert [r.amount_cents for r in renewed.revisions] == [12_500_00, 11_800_00, 11_800_00]
    assert renewed.valid_until == day("2026-12-31")
    assert (won.status, won.closed_on, won.sent_on) == ("won", TODAY, day("2026-11-02"))
    assert (won.last_activity, won.probability) == (TODAY, 70)
    with pytest.raises(Conflict):
        quote_life.revising(won, 1_00, TODAY)
    with pytest.raises(BadInput):
        quote_life.with_probability(sent, 101)


def test_quotes_that_need_a_call_and_their_counts(store: Store) -> None:
    ids = _people(store)
    jan, jose, anna = ids["Jan de Vries"], ids["José García"], ids["Anna Bakker"]
    with store.write():
        expiring = _quote(store, jan, 5_000_00, "2026-11-20", "2026-11-28")
        expired = _quote(store, jose, 9_000_00, "2026-10-01", "2026-11-01")
        stale = _quote(store, jose, 2_000_00, "2026-10-01", None)
        _quote(store, anna, 1_000_00, "2026-10-01", "2026-11-26")  # archived contact
        store.quotes.change(stale, quote_life.sending(store.quotes.get(stale), day("2026-10-01")))
    cutoffs = {"draft": day("2026-11-11"), "sent": day("2026-11-18"), "negotiating": TODAY}
    with store.read():
        listed, total = store.quotes.expiring(TODAY, day("2026-12-02"), None)
        assert ([q.id for q in listed], total) == ([expiring], 1)
        listed, total = store.quotes.stale(cutoffs, day("2026-12-02"), 5)
        assert ([q.id for q in listed], total) == ([stale], 1)
        assert sorted(store.quotes.attention_contacts(day("2026-12-02"), cutoffs)) == sorted(
            [jan, jose]
        )
        expired_heads = store.quotes.heads([("expired", ["draft", TODAY.isoformat()])], 5)
        assert [q.id for q in expired_heads[0]] == [expired]
        assert [q.id for q in store.quotes.find(contact_ids=[jose])] == [expired, stale]


def test_pipeline_figures_in_one_currency(store: Store) -> None:
    jan = _people(store)["Jan de Vries"]
    with store.write():
        _quote(store, jan, 10_000_00, "2026-11-01", "2026-11-27")
        store.quotes.add(
            jan,
            "Dollars",
            5_000_00,
            currency="USD",
            quoted_on=TODAY,
            valid_until=None,
            probability=None,
            now=NOW,
        )
        lost = _quote(store, jan, 3_000_00, "2026-11-01", None)
        closing = quote_life.closing(store.quotes.get(lost), "lost", TODAY, NOW, "price")
        store.quotes.change(lost, closing)
    with store.read():
        figures = store.quotes.pipeline_figures(
            TODAY,
            "EUR",
            {"draft": 10, "sent": 30, "negotiating": 60},
            day("2026-01-01"),
            day("2026-12-02"),
        )
        assert store.quotes.lost_reasons() == [("price", 1)]
    assert figures["open"] == [
        {"shown": "draft", "n": 1, "value": 10_000_00, "weighted": 10_000_000}
    ]
    assert figures["expiring"] == [{"n": 1, "value": 10_000_00}]
    assert figures["other"] == [{"currency": "USD", "n": 1}]
    assert [(r["status"], r["n"], r["value"]) for r in figures["closed"]] == [("lost", 1, 3_000_00)]


# -- rhythms, occasions, search, briefings, bulk ---------------------------------------------


def test_keep_in_touch_clocks_and_yearly_dates(store: Store) -> None:
    with store.write():
        old = store.contacts.add("Old", now=NOW, status="customer", today=day("2026-01-01"))
        store.contacts.add("Fresh", now=NOW, status="customer", today=day("2026-11-20"))
        own = store.contacts.add("Own", now=NOW, every="4w", today=day("2026-10-01"))
        store.contacts.edit(old.id, now=NOW, birthday="1970-11-27")
        store.contacts.edit(own.id, now=NOW, customer_since=day("2020-11-30"))
    with store.read():
        assert store.rhythms.rhythms_in_use() == ["4w"]
        cutoff = {"customer": day("2026-09-30")}
        touches = store.rhythms.untouched_since(cutoff, {"4w": day("2026-10-28")})
        assert sorted(t.name for t in touches) == ["Old", "Own"]
        assert sorted(store.rhythms.untouched_contacts(cutoff, {})) == [old.id]
        assert [t.name for t in store.rhythms.touches([own.id])] == ["Own"]
        heads = store.rhythms.heads([("status", "customer", day("2026-12-31"))], 5)
        assert [c.contact_id for c in heads[0]] == [old.id, old.id + 1]  # longest untouched first
        dates = store.rhythms.yearly_dates(["11-27", "11-30"])
        assert sorted((d.name, d.birthday, d.customer_since) for d in dates) == [
            ("Old", "1970-11-27", None),
            ("Own", None, "2020-11-30"),
        ]


def test_search_finds_people_words_and_open_items(store: Store) -> None:
    jan = _people(store)["Jan de Vries"]
    with store.write():
        store.interactions.add(jan, "Koffie in het café", kind="call", on=TODAY, now=NOW)
        store.followups.add(
            jan, TODAY, "Offerte café terras", today=TODAY, now=NOW, owner=store.user
        )
    with store.read():
        assert [h.kind for h in store.search.find("cafe")] == ["interaction"]  # accents folded
        assert [h.kind for h in store.search.find("terras")] == ["followup"]
        people = [h.contact for h in store.search.find("pluimers")]
        assert sorted(people) == ["Jan de Vries", "José García"]  # through their organisation
    with store.write():
        store.contacts.add("Piet Pluimers", now=NOW, tags=["vip"])
    with store.read():
        assert store.search.find("pluimers")[0].contact == "Piet Pluimers"  # a name counts most
        assert [h.contact for h in store.search.find("jan pluimers")] == ["Jan de Vries"]
        assert [h.contact for h in store.search.find("vip")] == ["Piet Pluimers"]  # a tag
        assert [h.contact for h in store.search.find("JOSE@pluimers.nl")][0] == "José García"
        with pytest.raises(BadInput):
            store.search.find("?!")


def test_the_briefing_remembers_the_last_one_per_person_and_kind(store: Store) -> None:
    with store.read():
        assert store.briefings.last("anouk", "own") is None
    with store.write():
        early = "2026-11-24T07:30:00Z"
        store.briefings.record(early, day("2026-11-24"), "text", 3, person="anouk", kind="own")
        store.briefings.record(NOW, TODAY, "email", 5, person="anouk", kind="own")
        store.briefings.record(early, TODAY, "text", 9, person="marieke", kind="team")
    with store.read():
        assert store.briefings.last("anouk", "own") == NOW
        assert store.briefings.last("marieke", "team") == early
        assert store.briefings.last("marieke", "own") is None
        assert store.briefings.last("anouk", "team") is None


def test_an_import_adds_in_bulk_and_updates_known_people(store: Store) -> None:
    _people(store)

    def row(name: str, email: str, org: str | None = "Nieuw BV") -> NewContact:
        emails = (email,) if email else ()
        return NewContact(name, org, emails, (), ("vip",), "lead", "")

    with store.write():
        added = store.bulk.import_contacts(
            [row("Jan Again", "jan@pluimers.nl"), row("Piet", "piet@x.nl"), row("Kees", "")],
            now=NOW,
            today=TODAY,
        )
    # Jan is known by his e-mail address: he gains the tag, and (named in the file) his
    # organisation; Piet and Kees are new, in the one new organisation.
    assert (added.added, added.unchanged, added.new_organisations) == (2, 0, 1)
    assert added.updated == ((1, "Jan Again", ("name", "organisation", "tags")),)
    with store.read():
        assert [c.tags for c in store.contacts.find(text="piet")] == [("vip",)]


# -- many writers at once ----------------------------------------------------------------------


@pytest.mark.slow
def test_four_writers_and_a_briefing_loop_lose_no_update(
    store: Store, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """4 writers x 200 read-then-write commands on the same contact (each appends its mark to
    the note it has just read, and logs a conversation) while a reader reads the book in a
    loop: every mark and every conversation is there at the end, and no command failed."""
    import threading

    with store.write():
        target = store.contacts.add("Gedeeld Account", now=NOW).id
    backend = request.node.callspec.params["store"]
    writers, commands = 4, 200
    failures: list[BaseException] = []
    done = threading.Event()

    def writer(number: int) -> None:
        own = BACKENDS[backend](request, tmp_path) if backend == "sqlite" else _reopen(store)
        try:
            for n in range(commands):
                with own.write():
                    note = own.contacts.get(target).note
                    own.contacts.edit(target, now=NOW, note=f"{note} w{number}.{n}".strip())
                    own.interactions.add(target, f"w{number}.{n}", kind="call", on=TODAY, now=NOW)
        except BaseException as exc:  # pragma: no cover - reported below
            failures.append(exc)
        finally:
            own.close()

    def briefing_loop() -> None:
        own = BACKENDS[backend](request, tmp_path) if backend == "sqlite" else _reopen(store)
        try:
            while not done.is_set():
                with own.read():
                    own.interactions.latest(target, 5)
                    own.followups.due(TODAY)
        except BaseException as exc:  # pragma: no cover
            failures.append(exc)
        finally:
            own.close()

    threads = [threading.Thread(target=writer, args=(w,)) for w in range(writers)]
    reader = threading.Thread(target=briefing_loop)
    reader.start()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    done.set()
    reader.join()
    assert not failures, failures
    with store.read():
        marks = store.contacts.get(target).note.split()
        talks = store.interactions.latest(target, writers * commands + 10)
    assert len(marks) == writers * commands == len(set(marks))
    assert len(talks) == writers * commands


def _reopen(store: Store) -> Store:
    """Another connection to the same PostgreSQL book."""
    return open_store(store.db.path)  # type: ignore[attr-defined]
