"""``show``: one contact's dossier, or an organisation's account view.

For people it is lines of text (``render.pages``), not a table: each wrapped line hangs under
its own text. ``plain`` and ``json`` are the machine formats.
"""

from __future__ import annotations

from salesnotes.domain.days import days_phrase, describe, relative, short
from salesnotes.i18n import N_, _, for_scripts, n_, term
from salesnotes.render import first, plain_lines, print_json
from salesnotes.render.pages import Page
from salesnotes.render.shapes import (
    contact_json,
    followup_json,
    interaction_json,
    organisation_json,
    quote_json,
)
from salesnotes.text import one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from datetime import date
    from typing import Any

    from salesnotes.config import Config
    from salesnotes.models import Contact, FollowUp, Kept, Quote
    from salesnotes.results import Account, Dossier


def dossier(shown: Dossier, fmt: str, today: date, config: Config) -> None:
    """``show``: details, open follow-ups, quotes, latest interactions newest first (in a
    team's book: whose account, and who logged each: "Anouk, call: ...")."""
    contact, open_followups, contact_quotes = shown.contact, shown.followups, shown.quotes
    recent, team = shown.recent, shown.team
    with for_scripts(fmt):
        if fmt == "json":
            print_json(
                {
                    "contact": contact_json(contact),
                    "followups": [followup_json(f) for f in open_followups],
                    "quotes": [quote_json(q, today, config) for q in contact_quotes],
                    "interactions": [interaction_json(i) for i in recent],
                    "complaint_mails": [
                        {"followup_id": fid, "mails": n, "last": at}
                        for fid, n, at in shown.complaint_mails
                    ],
                    "rhythm": _rhythm_json(shown, today, config),
                }
            )
            return
        details = _details(contact, plain=fmt == "plain")
        rhythm = _rhythm_line(shown, today, config, plain=fmt == "plain")
        if rhythm:
            details.append((_("rhythm"), rhythm))
        if team:
            details.insert(3, (_("owner"), contact.owner))
        if fmt == "plain":
            lines = [[key, value] for key, value in details]
            lines += [_followup_fields(f) for f in open_followups]
            lines += [_quote_fields(q, today) for q in contact_quotes]
            lines += [
                ["interaction", str(i.id), i.happened_on.isoformat(), i.kind, i.text, i.logged_by]
                for i in recent
            ]
            plain_lines(lines)
            return
        page = Page()
        page.heading(f"#{contact.id} {contact.name}")
        if contact.last_contact is not None:  # for people: the one date style of the pages
            details = [
                (k, describe(contact.last_contact) if k == _("last contact") else v)
                for k, v in details
            ]
        page.pairs([(k, v) for k, v in details[2:] if v])
        _followup_section(
            page,
            open_followups,
            today,
            team=team,
            mails={m[0]: m[1:] for m in shown.complaint_mails},
        )
        _quote_section(page, contact_quotes, today, config)
        page.blank()
        page.heading(_("Latest interactions"))
        if not recent:
            page.line(_("none yet"), indent=2)
        # A timeline in fixed columns: the day (its number right-aligned), the kind, the text.
        kinds = [
            _("{who}, {kind}:").format(who=i.logged_by.capitalize(), kind=term(i.kind))
            if team and i.logged_by
            else term(i.kind)
            for i in recent
        ]
        width = max((len(k) for k in kinds), default=0)
        for i, kind in zip(recent, kinds, strict=True):
            when = f"{_day_column(i.happened_on)}  {kind:<{width}}  "
            first, *rest = [one_line(line) for line in i.text.splitlines() if line.strip()] or [""]
            page.line(when + first, 2, len(when))
            for line in rest:  # a note of several lines keeps them, each under the first
                page.line(line, 2 + len(when))
        page.print()


def _learned(shown: Dossier, today: date, config: Config) -> tuple[Kept, date] | None:
    """The learned rhythm ``show`` tells of (the use case's: None when it is not theirs),
    and the next contact by it."""
    from salesnotes.domain.cadence import next_day

    kept = shown.rhythm
    if kept is None:
        return None
    upcoming = shown.rhythm_next or next_day(
        kept.last_on, kept.typical_days, today, config.working_days()
    )
    return kept, upcoming


def _rhythm_line(shown: Dossier, today: date, config: Config, plain: bool) -> str:
    """'usually every ~3 weeks (learned from 7 contacts); next around Thu 31 Dec', and
    whether they are getting quiet."""
    from salesnotes.render.cadence import every_words

    found = _learned(shown, today, config)
    if found is None:
        return ""
    kept, upcoming = found
    contacts = kept.intervals + 1
    words = _("usually {every} (learned from {contacts}); next around {day}").format(
        every=every_words(kept.typical_days),
        contacts=n_("{n} contact", "{n} contacts", contacts).format(n=contacts),
        day=upcoming.isoformat() if plain else short(upcoming),
    )
    if kept.quiet_after < today:
        words += _("; getting quiet for {days}").format(
            days=days_phrase((today - kept.quiet_after).days)
        )
    return words


def _rhythm_json(shown: Dossier, today: date, config: Config) -> dict[str, Any] | None:
    found = _learned(shown, today, config)
    if found is None:
        return None
    kept, upcoming = found
    return {
        "typical_days": round(kept.typical_days, 1),
        "learned_from_contacts": kept.intervals + 1,
        "next": upcoming.isoformat(),
        "quiet_after": kept.quiet_after.isoformat(),
        "quiet_days": max(0, (today - kept.quiet_after).days),
    }


def _day_column(day: date) -> str:
    """'Wed  4 Nov 2026', 'Wed 25 Nov 2026': a day in a column of days, all as wide."""
    from salesnotes.domain.days import day_abbr, month_abbr

    return f"{day_abbr(day.weekday())} {day.day:>2} {month_abbr(day.month)} {day.year}"


def account(whole: Account, fmt: str, today: date, config: Config) -> None:
    """``show`` of an organisation: its contacts, open follow-ups and all its quotes."""
    organisation, members = whole.organisation, whole.members
    open_followups, org_quotes = whole.followups, whole.quotes
    with for_scripts(fmt):
        if fmt == "json":
            print_json(
                {
                    "organisation": organisation_json(organisation),
                    "contacts": [contact_json(c) for c in members],
                    "followups": [followup_json(f) for f in open_followups],
                    "quotes": [quote_json(q, today, config) for q in org_quotes],
                }
            )
            return
        if fmt == "plain":
            lines = [
                [
                    "organisation",
                    str(organisation.id),
                    organisation.name,
                    organisation.phone,
                    organisation.email,
                ]
            ]
            lines += [
                ["contact", str(c.id), c.name, c.status, first(c.emails), first(c.phones)]
                for c in members
            ]
            lines += [_followup_fields(f) for f in open_followups]
            lines += [_quote_fields(q, today) for q in org_quotes]
            plain_lines(lines)
            return
        page = Page()
        page.heading(
            _("{name} (organisation #{id})").format(name=organisation.name, id=organisation.id)
        )
        page.pairs(
            [
                (label, value)
                for label, value in (
                    (_("phone"), organisation.phone),
                    (_("email"), organisation.email),
                )
                if value
            ]
        )
        page.blank()
        page.heading(_("Contacts"))
        if not members:
            page.line("none", indent=2)
        for c in members:
            reach = ", ".join(x for x in (first(c.phones), first(c.emails)) if x)
            last = (
                _(", last contact {last_contact}").format(last_contact=describe(c.last_contact))
                if c.last_contact
                else ""
            )
            page.line(f"#{c.id} {one_line(c.name)} ({term(c.status)}) {reach}{last}", 2, 4)
        _followup_section(page, open_followups, today, with_contact=True)
        _quote_section(page, org_quotes, today, config, with_contact=True)
        page.print()


def _followup_fields(f: FollowUp) -> list[str]:
    return [
        "followup",
        str(f.id),
        f.due_on.isoformat(),
        term(f.reason),
        term(f.priority),
        f.text,
        str(f.contact_id),
    ]


def _quote_fields(q: Quote, today: date) -> list[str]:
    return [
        "quote",
        str(q.id),
        q.shown_status(today),
        str(q.amount_cents),
        q.currency,
        q.valid_until.isoformat() if q.valid_until else "",
        q.title,
        str(q.contact_id),
    ]


def _followup_section(
    page: Page,
    open_followups: Sequence[FollowUp],
    today: date,
    *,
    with_contact: bool = False,
    team: bool = False,
    mails: Mapping[int, tuple[int, str]] | None = None,
) -> None:
    page.blank()
    page.heading(_("Open follow-ups"))
    if not open_followups:
        page.line(_("none"), indent=2)
    for f in open_followups:
        from salesnotes.render.reasons import REASON_LABELS

        label = _(REASON_LABELS.get(f.reason, f.reason))  # 'follow-up', not 'other'
        line = f"#{f.id} {describe(f.due_on)} ({relative(f.due_on, today)}) {label}"
        if with_contact:
            line += _(" with {contact_name}").format(contact_name=one_line(f.contact_name))
        if f.priority != "normal":
            line += _(", {priority} priority").format(priority=term(f.priority))
        if f.text:
            line += f": {one_line(f.text)}"
        if team and f.owner:
            line += _(" (for {owner})").format(owner=f.owner)
        if f.proposed:
            line += _(" (by their rhythm)")
        page.line(line, 2, len(f"#{f.id} "))
        if mails and f.id in mails:  # what the customer wrote on their complaint since
            count, last = mails[f.id]
            from salesnotes.render.calls import when

            page.line(
                n_("{n} mail from them since, the last {moment}",
                   "{n} mails from them since, the last {moment}", count).format(
                    n=count, moment=when(last)),
                2 + len(f"#{f.id} "),
            )  # fmt: skip


def _quote_section(
    page: Page,
    items: Sequence[Quote],
    today: date,
    config: Config,
    *,
    with_contact: bool = False,
) -> None:
    from salesnotes.domain.money import format_amount

    if not items:
        return
    page.blank()
    page.heading(_("Quotes"))
    style = config.get_str("money.format")
    for q in items:
        status = term(q.shown_status(today))
        line = f"#{q.id} {format_amount(q.amount_cents, q.currency, style)} {status}"
        if q.is_open and q.valid_until:
            line += _(", valid until {valid_until}").format(valid_until=describe(q.valid_until))
        if q.closed_on:
            line += _(" on {closed_on}").format(closed_on=describe(q.closed_on))
        if q.lost_reason:
            line += f" ({one_line(q.lost_reason)})"
        line += f": {one_line(q.title)}"
        if with_contact:
            line += f" ({one_line(q.contact_name)})"
        page.line(line, 2, len(f"#{q.id} "))


PHONE_KIND_WORDS = {
    "mobile": N_("mobile"), "work": N_("work"), "home": N_("home"),
    "assistant": N_("assistant"), "fax": N_("fax"), "main": N_("main number"),
    "pager": N_("pager"), "other": N_("other"),
}  # fmt: skip
ADDRESS_KIND_WORDS = {"work": N_("work"), "home": N_("home"), "other": N_("other")}


def phone_words(contact: Contact) -> str:
    """'06 1234 5678 (mobile), 030 123 4567 (work)': each number with its kind."""
    kinds = (*contact.phone_kinds, *("",) * len(contact.phones))
    return ", ".join(
        f"{number} ({_(PHONE_KIND_WORDS[kind])})" if kind in PHONE_KIND_WORDS else number
        for number, kind in zip(contact.phones, kinds, strict=False)
    )


def _details(contact: Contact, plain: bool = False) -> list[tuple[str, str]]:
    from salesnotes.domain.days import birthday_words, rhythm_words

    details = [
        (_("id"), str(contact.id)),
        (_("name"), contact.name),
        (_("organisation"), contact.organisation or ""),
        *([(_("department"), contact.department)] if contact.department else []),
        *([(_("job title"), contact.job_title)] if contact.job_title else []),
        *([(_("city"), contact.city)] if contact.city else []),
        (_("status"), term(contact.status) + (_(" (archived)") if contact.archived else "")),
        (_("email"), ", ".join(contact.emails)),
        (_("phone"), ", ".join(contact.phones) if plain else phone_words(contact)),
    ]
    for address in contact.addresses:
        kind = ADDRESS_KIND_WORDS.get(address.kind)
        label = _("address ({kind})").format(kind=_(kind)) if kind else _("address")
        details.append((label, ", ".join(address.parts())))
    details += [
        (_("tags"), ", ".join(contact.tags)),
        (_("last contact"), contact.last_contact.isoformat() if contact.last_contact else ""),
    ]
    if contact.every:
        every = contact.every if plain else rhythm_words(contact.every)
        details.append((_("keep in touch"), every))
    if contact.customer_since:
        since = contact.customer_since
        details.append((_("customer since"), since.isoformat() if plain else describe(since)))
    if contact.birthday:
        born = contact.birthday if plain else birthday_words(contact.birthday)
        details.append((_("birthday"), born))
    if contact.note:
        details.append((_("note"), contact.note))
    return details
