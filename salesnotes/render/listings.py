"""Listings of records: contacts, organisations, follow-ups, losing touch, search hits, settings."""

from __future__ import annotations

from salesnotes.domain.days import describe, relative, short
from salesnotes.i18n import _, for_scripts, term
from salesnotes.render import first, note, plain_lines, print_json
from salesnotes.render.shapes import (
    contact_json,
    followup_json,
    hit_json,
    losing_touch_json,
    organisation_json,
)
from salesnotes.render.tables import Column, console, listing

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from salesnotes.config import Config
    from salesnotes.domain.days import DayOff
    from salesnotes.models import (
        Contact,
        ContactCard,
        FollowUp,
        Hit,
        LosingTouch,
        Organisation,
        Pair,
    )
    from salesnotes.results import Found


def _day(value: date | None) -> str:
    return value.isoformat() if value else ""


CONTACT_COLUMNS = [
    Column("Id", lambda c: str(c.id), justify="right", keep=True),
    Column("Name", lambda c: c.name, style="bold"),
    Column("Organisation", lambda c: c.organisation or ""),
    Column("Status", lambda c: term(c.status), optional=True),
    Column("E-mail", lambda c: first(c.emails), optional=True),
    Column("Phone", lambda c: first(c.phones), keep=True, optional=True),
    Column("Tags", lambda c: ",".join(c.tags), optional=True),
    Column(
        "Last contact",
        lambda c: _day(c.last_contact),
        keep=True,
        optional=True,
        shown=lambda c: _shown_day(c.last_contact),
    ),
]


def _shown_day(value: date | None) -> str:
    """A day as the tables for people show it: 'Mon 23 Nov 2026' (plain keeps ISO)."""
    return describe(value) if value else ""


def contacts(items: Sequence[Contact], fmt: str) -> None:
    """``contacts``: id, name, organisation, status, e-mail, phone, tags, last contact."""
    listing(
        items,
        fmt,
        CONTACT_COLUMNS,
        contact_json,
        empty=_("No contacts match."),
        table_columns=[CONTACT_COLUMNS[i] for i in (0, 1, 2, 3, 5, 7)],
    )


def organisations(items: Sequence[Organisation], fmt: str) -> None:
    """``orgs``: id, name, number of active contacts."""
    listing(
        items,
        fmt,
        [
            Column("Id", lambda o: str(o.id), justify="right", keep=True),
            Column("Organisation", lambda o: o.name, style="bold"),
            Column("Contacts", lambda o: str(o.contact_count), justify="right", keep=True),
            Column("Phone", lambda o: o.phone, keep=True, optional=True),
            Column("E-mail", lambda o: o.email, optional=True),
        ],
        lambda o: {**organisation_json(o), "contacts": o.contact_count},
        empty=_("No organisations yet."),
    )


def organisation_card(org: Organisation, fmt: str) -> None:
    """``org``: one organisation, with its own phone number and e-mail address."""
    with for_scripts(fmt):
        if fmt == "json":
            print_json({**organisation_json(org), "contacts": org.contact_count})
            return
        if fmt == "plain":
            plain_lines([["organisation", str(org.id), org.name, org.phone, org.email]])
            return
        from salesnotes.render import echo

        reach = ", ".join(x for x in (org.phone, org.email) if x) or _("no phone number or e-mail")
        echo(_("Organisation #{id} {name}: {reach}").format(id=org.id, name=org.name, reach=reach))


def days_off(items: Sequence[DayOff], fmt: str, today: date) -> None:
    """``off``: the user's own days off: id, first and last day, how many days, note."""
    with for_scripts(fmt):
        listing(
            items,
            fmt,
            [
                Column("Id", lambda d: str(d.id), justify="right", keep=True),
                Column(
                    "From",
                    lambda d: d.first.isoformat(),
                    keep=True,
                    shown=lambda d: short(d.first, today),
                ),
                Column(
                    "To",
                    lambda d: d.last.isoformat(),
                    keep=True,
                    shown=lambda d: short(d.last, today),
                ),
                Column(
                    "Days", lambda d: str((d.last - d.first).days + 1), justify="right", keep=True
                ),
                Column("Note", lambda d: d.name),
            ],
            lambda d: {"id": d.id, "first_day": d.first, "last_day": d.last, "note": d.name},
            empty=_("No days off; 'salesnotes off 2026-12-24..2027-01-03' adds some."),
        )


def due_tint(f: FollowUp, today: date) -> str:
    """Red for a complaint or a follow-up past its day, yellow for one due today."""
    if not f.is_open:
        return "dim"
    if f.reason == "complaint" or f.due_on < today:
        return "red"
    return "yellow" if f.due_on == today else ""


def followups(items: Sequence[FollowUp], fmt: str, today: date) -> None:
    """``followups``: id, due date, contact, reason, priority, status, text."""
    with for_scripts(fmt):

        def due(f: FollowUp) -> str:
            """The day, and under it how far off it is: the text gets the room, not the day."""
            day = short(f.due_on, today) + (f" {f.due_time}" if f.due_time else "")
            return (
                f"{day}\n({relative(f.due_on, today)})"
                if f.is_open
                else _("{day} (done)").format(day=day)
            )

        listing(
            items,
            fmt,
            [
                Column("Id", lambda f: str(f.id), justify="right"),
                Column("Due", lambda f: f.due_on.isoformat()),
                Column("When", lambda f: relative(f.due_on, today) if f.is_open else ""),
                Column("Contact", lambda f: f.contact_name, style="bold"),
                Column("Organisation", lambda f: f.organisation or ""),
                Column("Reason", lambda f: term(f.reason)),
                Column("Priority", lambda f: term(f.priority)),
                Column("Status", lambda f: term(f.status)),
                Column("About", lambda f: f.text),
                Column("At", lambda f: f.due_time or ""),  # last: scripts read columns by place
            ],
            followup_json,
            empty=_("No follow-ups."),
            table_columns=[
                Column("Id", lambda f: str(f.id), justify="right", keep=True),
                Column("Due", due, keep=True, tint=lambda f: due_tint(f, today)),
                Column("Contact", lambda f: f.contact_name, style="bold"),
                Column(
                    "Reason",
                    lambda f: (
                        term(f.reason)
                        if f.priority == "normal"
                        else f"{term(f.reason)}, {term(f.priority)}"
                    ),
                    optional=True,
                ),
                Column("About", lambda f: f.text),
            ],
        )


def losing_touch(items: Sequence[LosingTouch], fmt: str) -> None:
    """``contacts --losing-touch``: who, rhythm, last contact, how far past the rhythm."""
    with for_scripts(fmt):
        listing(
            items,
            fmt,
            [
                Column("Id", lambda i: str(i.contact_id), justify="right", keep=True),
                Column("Name", lambda i: i.name, style="bold"),
                Column("Organisation", lambda i: i.organisation or "", optional=True),
                Column("Status", lambda i: term(i.status), optional=True),
                Column(
                    "Rhythm",
                    lambda i: f"~{i.rhythm} ({i.learned})" if i.learned else i.rhythm,
                    keep=True,
                    optional=True,
                ),
                Column(
                    "Last contact",
                    lambda i: _day(i.last_contact),
                    keep=True,
                    shown=lambda i: _shown_day(i.last_contact),
                ),
                Column("Days late", lambda i: str(i.overdue_days), justify="right", keep=True),
                Column(
                    "Rhythms late",
                    lambda i: f"{i.overdue_ratio:.2f}",
                    justify="right",
                    keep=True,
                    optional=True,
                ),
            ],
            losing_touch_json,
            empty=_("Nobody is past their keep-in-touch rhythm."),
        )


def found(result: Found, fmt: str) -> None:
    """``search``: the hits; in a table for a person, the nearest names when nothing was
    found ('did you mean: Sébastien de Wit (#3)?', as show says)."""
    hits(result.hits, fmt)
    if result.nearest and fmt == "table":
        for line in result.nearest:
            note(line)


def hits(items: Sequence[Hit], fmt: str) -> None:
    """``search``: kind, id, date, contact, text. The table spends no width on a column
    that is empty for every hit, nor on a contact's id twice (a contact found is its own
    contact: its name is in the text)."""
    with for_scripts(fmt):
        date_column = Column(
            "Date", lambda h: _day(h.on), keep=True, optional=True, shown=lambda h: _shown_day(h.on)
        )

        def about_a_contact(h: Hit) -> bool:
            return h.kind not in ("contact", "note", "organisation")  # those are the contact

        columns = [
            Column("Kind", lambda h: term(h.kind), keep=True),
            Column("Id", lambda h: str(h.id), justify="right", keep=True),
            date_column,
            Column(
                "Contact id",
                lambda h: str(h.contact_id),
                keep=True,
                optional=True,
                shown=lambda h: str(h.contact_id) if about_a_contact(h) else "",
            ),
            Column(
                "Contact",
                lambda h: h.contact,
                style="bold",
                shown=lambda h: h.contact if about_a_contact(h) else "",
            ),
            Column("Text", lambda h: h.text),
        ]
        table = [columns[0], columns[1]]
        if any(h.on for h in items):
            table.append(date_column)
        if any(about_a_contact(h) for h in items):
            table += [columns[3], columns[4]]
        table.append(columns[5])
        listing(items, fmt, columns, hit_json, empty=_("Nothing found."), table_columns=table)


def settings(config: Config, fmt: str) -> None:
    """``config``: every setting, its effective value, and where it comes from."""
    with for_scripts(fmt):
        import os

        from salesnotes.config import SETTINGS

        rows = list(config.items())
        exists = os.path.exists(config.path)
        if fmt == "json":
            print_json(
                {
                    "file": config.path,
                    "file_exists": exists,
                    "settings": [
                        {"key": k, "value": v, "source": src, "about": SETTINGS[k][2]}
                        for k, v, src in rows
                    ],
                }
            )
            return
        if fmt == "plain":
            plain_lines([key, str(value), source] for key, value, source in rows)
            return
        from rich.text import Text

        out = console()
        state = "" if exists else _(" (not there: all defaults)")
        out.print(
            Text(
                _("Configuration file: {path}{state}").format(path=config.path, state=state),
                style="bold",
            )
        )
        # A key is what people type in the TOML: never cut or wrapped (the explanation wraps;
        # too narrow for that, the settings come one at a time).
        listing(
            rows,
            "table",
            [
                Column("Setting", lambda r: r[0], keep=True),
                Column("Value", lambda r: str(r[1]), keep=True),
                Column(
                    "From",
                    lambda r: _("default") if r[2] == "default" else _("file"),
                    optional=True,
                ),
                Column("About", lambda r: _(SETTINGS[r[0]][2])),
            ],
            lambda r: {},
            empty="",
        )


def duplicates(items: Sequence[Pair], cards: dict[int, ContactCard], fmt: str, total: int) -> None:
    """``duplicates``: how sure, the two contacts, why; and the merge that would make them one
    (the newer into the older, which has the longer history)."""
    with for_scripts(fmt):

        def who(contact_id: int) -> str:
            card = cards.get(contact_id)
            if card is None:
                return f"#{contact_id}"
            org = f" ({card.organisation})" if card.organisation else ""
            return f"#{contact_id} {card.name}{org}"

        listing(
            items,
            fmt,
            [
                Column(
                    "Level", lambda p: "certain" if p.certain else "likely", no_wrap=True
                ),  # plain
                Column("First", lambda p: str(p.first), justify="right"),
                Column("Second", lambda p: str(p.second), justify="right"),
                Column("Why", lambda p: "; ".join(p.why)),
                Column("Contacts", lambda p: f"{who(p.first)} / {who(p.second)}"),
            ],
            lambda p: {
                "certain": p.certain,
                "first": {"id": p.first, "name": cards[p.first].name if p.first in cards else None},
                "second": {
                    "id": p.second,
                    "name": cards[p.second].name if p.second in cards else None,
                },
                "why": list(p.why),
                "merge": _("salesnotes merge {second} {first}").format(
                    second=p.second, first=p.first
                ),
            },
            empty=_("No likely duplicates."),
            table_columns=[
                Column("", lambda p: _("certain") if p.certain else _("likely"), no_wrap=True),
                Column("Contacts", lambda p: f"{who(p.first)}\n{who(p.second)}"),
                Column("Why", lambda p: "\n".join(p.why)),
                Column(
                    "Merge",
                    lambda p: _("merge {second} {first}").format(second=p.second, first=p.first),
                    keep=True,
                ),
            ],
        )
        if fmt == "table" and total > len(items):
            note(_("... and {total} more (--limit 0 lists all)").format(total=total - len(items)))
