"""Quotes: the tray, the status rules, staleness, the agenda's quote reasons and the pipeline."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from tests.conftest import Run, RunJson, dump


def quote(run_json: RunJson, quote_id: int) -> dict[str, Any]:
    data = run_json("quote", "show", str(quote_id))
    assert isinstance(data, dict)
    return data


def test_add_send_revise_keeps_history(run: Run, run_json: RunJson, book: dict[str, int]) -> None:
    out = run(
        "quote",
        "add",
        "jan",
        "€ 12.500",
        "--title",
        "Dakisolatie hal 3",
        "--valid",
        "30d",
        "--send",
    ).stdout.splitlines()
    assert out == [
        "Quote #1: € 12.500,00 for Jan de Vries (Pluimers Isolatie), Dakisolatie hal 3, "
        "valid until Fri 25 Dec 2026 (sent)",
        "Sent; chase follow-up #1 on Mon 30 Nov 2026",  # three working days after Wednesday
    ]
    revised = run("quote", "revise", "1", "11800", "--note", "Counter-offer; director approved")
    assert revised.stdout == (
        "Quote #1 revised from € 12.500,00 to € 11.800,00 (revision 2, negotiating)\n"
    )
    q = quote(run_json, 1)
    assert set(q) >= {
        "id",
        "contact_id",
        "title",
        "amount_cents",
        "currency",
        "status",
        "valid_until",
        "probability",
        "revisions",
    }
    assert (q["amount_cents"], q["currency"], q["status"], q["probability"]) == (
        1_180_000,
        "EUR",
        "negotiating",
        60,
    )
    assert [(r["number"], r["amount_cents"], r["note"]) for r in q["revisions"]] == [
        (1, 1_250_000, ""),
        (2, 1_180_000, "Counter-offer; director approved"),
    ]
    [chase] = run_json("followups")
    assert (chase["reason"], chase["due_on"]) == ("quote", "2026-11-30")
    assert chase["text"] == "Chase quote #1 Dakisolatie hal 3 (€ 11.800,00)"  # follows the amount


def test_send_does_not_chase_twice(
    run: Run, run_json: RunJson, book: dict[str, int], db_path: Path
) -> None:
    run("quote", "add", "anna", "5000")
    assert "chase follow-up #1" in run("quote", "send", "1").stdout
    before = dump(db_path)
    # Sent is sent: a second send (also once negotiating) logs no second "Sent" (issue 14).
    err = run("quote", "send", "#1", expect=4).stderr
    assert err.startswith("Error: quote #1 was sent on Wed 25 Nov 2026 already (sent)")
    run("quote", "revise", "1", "4500")
    assert "already (negotiating)" in run("quote", "send", "1", expect=4).stderr
    assert len(run_json("followups")) == 1
    assert [r for r in dump(db_path) if r[0] == "interactions" and "Sent quote" in str(r)] == [
        r for r in before if r[0] == "interactions" and "Sent quote" in str(r)
    ]


def test_quotes_refuse_nonsense(
    run: Run, run_json: RunJson, book: dict[str, int], db_path: Path
) -> None:
    run("quote", "add", "anna", "12500", "--send")
    before = dump(db_path)
    err = run("quote", "renew", "1", "--valid", "gisteren", expect=2).stderr
    assert "in the past; a renewed quote is valid from today on" in err
    err = run("quote", "revise", "1", "12.500", expect=4).stderr
    assert err == "Error: quote #1 is € 12.500,00 already; nothing was changed\n"
    assert dump(db_path) == before
    [quote] = run_json("quotes")
    assert quote["status"] == "sent"


def test_a_quote_sent_on_an_earlier_day_is_chased_from_that_day(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    run("quote", "add", "anna", "5000", "--send", "--on", "maandag")  # Mon 23 Nov 2026
    [quote] = run_json("quotes")
    assert (quote["quoted_on"], quote["sent_on"]) == ("2026-11-23", "2026-11-23")
    [chase] = run_json("followups")
    assert chase["due_on"] == "2026-11-26"  # 3 working days after Monday, not after today
    sent = [i for i in run_json("show", "anna")["interactions"] if "Sent quote" in i["text"]]
    assert [i["happened_on"] for i in sent] == ["2026-11-23"]


def test_won_closes_the_quote_its_chase_and_makes_a_customer(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    run("quote", "add", "anna", "48.000", "--title", "Woningen", "--send")
    out = run("quote", "won", "1").stdout.splitlines()
    assert out == [
        "Quote #1 won: € 48.000,00 from Anna Bakker (Bakker Bouw)",
        "Anna Bakker is now a customer (was prospect)",
    ]
    assert run_json("followups") == []
    assert run_json("quotes") == []
    assert [q["status"] for q in run_json("quotes", "--all")] == ["won"]
    shown = run_json("show", "anna")
    assert shown["contact"]["status"] == "customer"
    assert shown["quotes"][0]["closed_on"] == "2026-11-25"
    assert shown["interactions"][0]["text"] == "Quote #1 won: Woningen, € 48.000,00"


def test_lost_takes_a_reason(run: Run, run_json: RunJson, book: dict[str, int]) -> None:
    run("quote", "add", "anna", "1000")
    assert run("quote", "lost", "1", "--reason", "price").stdout == (
        "Quote #1 lost (price): € 1.000,00\n"
    )
    assert quote(run_json, 1)["lost_reason"] == "price"


@pytest.mark.parametrize(
    ("args", "code", "message"),
    [
        (["quote", "add", "jan", "--", "-500"], 2, "negative"),
        (["quote", "add", "jan", "€ -500"], 2, "negative"),
        (["quote", "add", "jan", "veel"], 2, "'veel' is not an amount"),
        (["quote", "add", "jan", "999.999.999"], 2, "is that a typo"),
        (["quote", "add", "jan", "100", "--valid", "2026-11-01"], 2, "before the quote's date"),
        (["quote", "add", "jan", "100", "--valid", "someday"], 2, "'someday' is not a date"),
        (["quote", "add", "jan", "100", "--probability", "150"], 2, "0 to 100"),
        (["quote", "add", "jan", "100", "--currency", "euro"], 2, "not a currency code"),
        (["quote", "add", "nobody", "100"], 3, "no contact matches"),
        (["quote", "add", "jan", "100", "--title", " "], 2, "title cannot be empty"),
        (["quote", "won", "9"], 3, "there is no quote #9"),
        (["quote", "won", "q9"], 2, "'q9' is not a quote id"),
        (["quote", "won", "2"], 4, "quote #2 was lost on Wed 25 Nov 2026; it cannot be marked won"),
        (["quote", "revise", "2", "500"], 4, "it cannot be revised"),
        (["quote", "revise", "1", "abc"], 2, "not an amount"),
        (["quote", "send", "2"], 4, "cannot be sent"),
        (["quote", "renew", "2"], 4, "cannot be renewed"),
        (["quote", "edit", "1", "--probability", "lots"], 2, "not a percentage"),
        (["quotes", "--status", "pending"], 2, "not a quote status"),
        (["quotes", "--all", "--stale"], 2, "--all lists every quote"),
    ],
)
def test_bad_input_changes_nothing(
    run: Run, db_path: Path, book: dict[str, int], args: list[str], code: int, message: str
) -> None:
    run("quote", "add", "jan", "100")
    run("quote", "add", "anna", "200")
    run("quote", "lost", "2")
    before = dump(db_path)
    result = run(*args, expect=code)
    assert result.stderr.startswith("Error: ")
    assert message in result.stderr
    assert dump(db_path) == before


def test_expired_is_shown_not_stored(
    run: Run, run_json: RunJson, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    run("quote", "add", "jan", "100", "--valid", "7d")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-12-10")
    q = quote(run_json, 1)
    assert (q["status"], q["stored_status"]) == ("expired", "draft")
    assert [x["id"] for x in run_json("quotes", "--status", "expired")] == [1]
    run("quote", "renew", "1", "--valid", "14d")
    q = quote(run_json, 1)
    assert (q["status"], q["valid_until"]) == ("draft", "2026-12-24")
    assert q["revisions"][-1]["note"] == "valid until 2026-12-24"
    run("quote", "expire", "1")
    assert quote(run_json, 1)["status"] == "expired"
    assert run_json("quotes") == []


def test_staleness_and_what_resets_it(
    run: Run, run_json: RunJson, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-02")
    run("quote", "add", "jan", "12.500", "--title", "Roof", "--send", "--valid", "60d")
    run("quote", "add", "anna", "3000", "--title", "Demo kit", "--valid", "60d")
    run("quote", "add", "thomas", "4000", "--valid", "60d", "--send")
    run("quote", "revise", "3", "3800")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-10")  # 8 days later
    stale = run_json("quotes", "--stale")
    # sent: stale after 7 days; negotiating after 5; a draft only after 14
    assert [(q["id"], q["idle_days"]) for q in stale] == [(1, 8), (3, 8)]
    run("log", "jan", "Talked about the roof")
    assert [q["id"] for q in run_json("quotes", "--stale")] == [3]
    run("follow", "thomas", "today", "chase")
    assert [q["id"] for q in run_json("quotes", "--stale")] == [3]  # scheduling is not contact
    run("done", "3")  # the chase follow-up of quote 1 is #1, thomas's #2, this one #3
    assert run_json("quotes", "--stale") == []
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-17")  # jan: 7 days idle is not yet stale
    assert [q["id"] for q in run_json("quotes", "--stale")] == [2, 3]
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-18")
    assert [q["id"] for q in run_json("quotes", "--stale")] == [2, 1, 3]  # most idle first
    plain = run("quotes", "--stale", "--format", "plain").stdout.splitlines()
    assert plain[0].split("\t")[:2] == ["2", "draft"]
    assert plain[0].split("\t")[10] == "16"


def test_agenda_gains_quote_reasons(
    run: Run, run_json: RunJson, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-01")
    run("quote", "add", "jan", "12.500", "--valid", "26d")  # valid until 27 Nov
    run("quote", "add", "anna", "8000", "--valid", "20d", "--title", "Kit")  # until 21 Nov
    run("quote", "add", "thomas", "2000", "--valid", "60d", "--send", "--title", "Small job")
    run("quote", "add", "jose", "2000", "--valid", "60d", "--title", "Closed one")
    run("quote", "won", "4")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-25")
    rows = {r["name"]: r["reasons"] for r in run_json("agenda")}
    assert (
        rows["Jan de Vries"][0]
        == "quote #1 € 12.500 expires in 2 days: Quote for Pluimers Isolatie"
    )
    assert rows["Anna Bakker"] == [
        "quote #2 € 8.000 expired 4 days ago, still open: offer to renew (Kit)"
    ]
    assert rows["Thomas Jansen"] == [
        "quote follow-up 15 days overdue: Chase quote #3 Small job (€ 2.000,00)",
        "quote #3 € 2.000 stale: sent, no contact for 24 days: Small job",
    ]
    assert "José García" not in rows  # a won quote drops out
    run("quote", "lost", "3")
    rows = {r["name"]: r["reasons"] for r in run_json("agenda")}
    assert "Thomas Jansen" not in rows  # and so does a lost one, with its chase


def test_pipeline_figures_on_a_known_book(
    run: Run, run_json: RunJson, book: dict[str, int], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-03-02")
    run("quote", "add", "jan", "10000", "--send", "--valid", "1y")  # won in March after 23 days
    run("quote", "add", "anna", "5000", "--send", "--valid", "1y")  # lost in March
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-02")
    run("quote", "add", "thomas", "20000", "--send", "--valid", "1y")  # won in November, 10 days
    run("quote", "add", "jose", "4000", "--send", "--valid", "1y")  # lost in November
    run("quote", "add", "janneke", "1000", "--valid", "1y")  # draft
    run("quote", "add", "janneke", "2000", "--valid", "1y", "--send")  # sent
    run("quote", "add", "anna", "3000", "--valid", "1y", "--send")  # negotiating, 50%
    run("quote", "revise", "7", "3500")
    run("quote", "edit", "7", "--probability", "50")
    run("quote", "add", "jan", "7000", "--valid", "27d")  # draft, expires 29 Nov
    run("quote", "add", "jan", "9000", "--valid", "3d")  # draft, expired on 5 Nov
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-03-25")
    run("quote", "won", "1")
    run("quote", "lost", "2", "--reason", "price")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-12")
    run("quote", "won", "3")
    run("quote", "lost", "4", "--reason", "price")
    monkeypatch.setenv("SALESNOTES_TODAY", "2026-11-25")
    p = run_json("pipeline")
    assert p["open"] == [
        {"status": "draft", "count": 2, "value_cents": 800000, "weighted_cents": 80000},
        {"status": "sent", "count": 1, "value_cents": 200000, "weighted_cents": 60000},
        {"status": "negotiating", "count": 1, "value_cents": 350000, "weighted_cents": 175000},
        {"status": "expired", "count": 1, "value_cents": 900000, "weighted_cents": 0},
    ]
    assert (p["open_count"], p["open_cents"], p["weighted_cents"]) == (5, 2250000, 315000)
    assert (p["expiring_count"], p["expiring_cents"]) == (1, 700000)
    assert p["month"] == {
        "period": "2026-11",
        "won_count": 1,
        "won_cents": 2000000,
        "lost_count": 1,
        "lost_cents": 400000,
        "win_rate": 0.5,
    }
    assert p["year"] == {
        "period": "2026",
        "won_count": 2,
        "won_cents": 3000000,
        "lost_count": 2,
        "lost_cents": 900000,
        "win_rate": 0.5,
    }
    assert p["average_days_sent_to_won"] == 16.5  # (23 + 10) / 2
    assert p["lost_reasons"] == [{"reason": "price", "count": 2}]
    table = run("pipeline").stdout
    assert "Pipeline on Wed 25 Nov 2026 (EUR)" in table
    assert "█" in table
    plain = run("pipeline", "--format", "plain").stdout.splitlines()
    assert "total\topen\t5\t2250000\t315000" in plain


def test_show_includes_quotes_and_an_organisation_is_an_account(
    run: Run, run_json: RunJson, book: dict[str, int]
) -> None:
    run("quote", "add", "jan", "12.500", "--title", "Roof")
    run("quote", "add", "jose", "800", "--title", "Forms")
    run("follow", "jose", "morgen", "send forms")
    assert [q["title"] for q in run_json("show", "jan")["quotes"]] == ["Roof"]
    account = run_json("show", "pluimers")
    assert account["organisation"]["name"] == "Pluimers Isolatie"
    assert [c["name"] for c in account["contacts"]] == ["Jan de Vries", "José García"]
    assert [q["title"] for q in account["quotes"]] == ["Roof", "Forms"]
    assert [f["text"] for f in account["followups"]] == ["send forms"]
    assert "Quotes" in run("show", "--org", "pluimers").stdout
    assert "no organisation matches" in run("show", "--org", "nothing", expect=3).stderr
    assert "no contact matches 'nothing'" in run("show", "nothing", expect=3).stderr


def test_money_format_setting(
    run: Run, book: dict[str, int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    config = tmp_path / "config.toml"
    config.write_text('[money]\nformat = "en"\ncurrency = "USD"\n')
    monkeypatch.setenv("SALESNOTES_CONFIG", str(config))
    out = run("quote", "add", "jan", "12,500.50").stdout
    assert out.startswith("Quote #1: $ 12,500.50 for Jan de Vries")


def test_a_bad_tray_filter_is_said_before_the_book_is_looked_for(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What was typed wrong is said first (exit 2), also where there is no book yet."""
    monkeypatch.setenv("SALESNOTES_DB", str(tmp_path / "nothing-here.db"))
    said = run("quotes", "--status", "xx", expect=2).stderr
    assert said.startswith("Error: 'xx' is not a quote status; use one of: draft, sent")
    said = run("quotes", "--all", "--stale", expect=2).stderr
    assert "--all lists every quote" in said
    assert not (tmp_path / "nothing-here.db").exists()
