"""What the joint visit's commands say: the visit planned, the page both people prepare it
with, the visit done."""

from __future__ import annotations

from salesnotes.i18n import N_, _, n_, term
from salesnotes.render import echo, print_json
from salesnotes.text import one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.config import Config
    from salesnotes.domain.days import Calendar
    from salesnotes.domain.plans import Planned
    from salesnotes.models import Contact, FollowUp
    from salesnotes.results import Coaching, VisitPrep

ROLE_ADVICE = {
    "lead": N_("{manager} leads the conversation; {owner} fills in."),
    "equal": N_(
        "{owner} and {manager} as equals: agree beforehand who talks and who watches the "
        "customer, and set each other up."
    ),
    "second": N_(
        "{owner} leads the conversation; {manager} watches the customer and listens (the best "
        "place to observe)."
    ),
}
"""What each role means for who talks and who watches, with the two names."""


def advice(visit: FollowUp) -> str:
    """The role's advice with the two names."""
    return _(ROLE_ADVICE[visit.role]).format(owner=visit.owner, manager=visit.with_owner)


def planned(
    visit: FollowUp, contact: Contact, when: Planned, today: date, calendar: Calendar
) -> None:
    """``visit``: 'Visit #12 with Jan de Vries on Fri 11 Dec 2026 at 10:00 (in 5 days):
    goal', who goes in which role, and the command that prepares it."""
    from salesnotes.render.changes import when_words

    echo(
        _("Visit #{id} with {label} on {when}: {goal}").format(
            id=visit.id, label=contact.label, when=when_words(when, today, calendar),
            goal=one_line(visit.text),
        )
    )  # fmt: skip
    echo(advice(visit))
    echo(_("On both agendas; to prepare it: salesnotes visit prep {id}").format(id=visit.id))


def prep(shown: VisitPrep, fmt: str, today: date, config: Config) -> None:
    """``visit prep``: one page for both people."""
    from salesnotes.domain.days import days_phrase, describe
    from salesnotes.domain.money import format_amount
    from salesnotes.render.pages import Page

    visit, contact = shown.visit, shown.contact
    if fmt == "json":
        _prep_json(shown, today)
        return
    page = Page()
    when = describe(visit.due_on) + (
        _(" at {at}").format(at=visit.due_time) if visit.due_time else ""
    )
    page.heading(
        _("Visit #{id}: {label}, {when}").format(id=visit.id, label=contact.label, when=when)
    )
    pairs = _pairs(shown, today)
    page.pairs([(k, v) for k, v in pairs if v])
    page.blank()
    page.heading(_("Last conversations"))
    if not shown.recent:
        page.line(_("none yet"), indent=2)
    for i in shown.recent:
        page.line(f"{describe(i.happened_on)}  {term(i.kind)}: {one_line(i.text)}", 2, 4)
    page.blank()
    page.heading(_("Open quotes"))
    if not shown.quotes:
        page.line(_("none"), indent=2)
    style = config.get_str("money.format")
    for q in shown.quotes:
        age = (today - q.quoted_on).days
        page.line(
            _("#{id} {amount} {status}, {age} old: {title}").format(
                id=q.id, amount=format_amount(q.amount_cents, q.currency, style),
                status=term(q.shown_status(today)), age=days_phrase(age), title=one_line(q.title),
            ),
            2, len(f"#{q.id} "),
        )  # fmt: skip
    page.blank()
    page.heading(_("Complaints"))
    if not shown.open_complaints and not shown.answered_complaints:
        page.line(_("none"), indent=2)
    for f in shown.open_complaints:
        page.line(
            _("#{id} open since {day}: {text}").format(
                id=f.id, day=describe(f.created_on), text=one_line(f.text)
            ),
            2, len(f"#{f.id} "),
        )  # fmt: skip
    for f in shown.answered_complaints:
        how = one_line(f.done_note) or _("no note")
        page.line(
            _("#{id} {text}: answered {day}, {how}").format(
                id=f.id, text=one_line(f.text), day=describe(f.done_on or today), how=how
            ),
            2, len(f"#{f.id} "),
        )  # fmt: skip
    page.print()


def _pairs(shown: VisitPrep, today: date) -> list[tuple[str, str]]:
    """Where, who, the roles, the goal, the customer, the keep-in-touch state."""
    from salesnotes.domain.days import describe, relative

    visit, contact = shown.visit, shown.contact
    place = next((", ".join(a.parts()) for a in contact.addresses), "") or contact.city
    pairs = [
        (_("where"), place or _("no address known")),
        (_("who"), _("{owner} with {manager}").format(owner=visit.owner, manager=visit.with_owner)),
        (_("roles"), advice(visit)),
        (_("goal"), one_line(visit.text)),
        (_("status"), term(contact.status)),
        (_("phone"), ", ".join(contact.phones)),
        (_("email"), ", ".join(contact.emails)),
    ]
    if contact.customer_since:
        pairs.append((_("customer since"), describe(contact.customer_since)))
    last = contact.last_contact
    touch = _("last contact {day} ({ago})").format(day=describe(last), ago=relative(last, today)) \
        if last else _("no contact yet")  # fmt: skip
    if contact.every:
        from salesnotes.domain.days import rhythm_words

        touch += _("; rhythm {rhythm} (set)").format(rhythm=rhythm_words(contact.every))
    elif shown.rhythm is not None:
        from salesnotes.render.cadence import every_words

        touch += _("; usually {every}").format(every=every_words(shown.rhythm.typical_days))
        if shown.rhythm.quiet_after < today:
            touch += _(", getting quiet")
    pairs.append((_("keep in touch"), touch))
    return pairs


def _prep_json(shown: VisitPrep, today: date) -> None:
    from salesnotes.render.shapes import contact_json, followup_json, interaction_json

    visit = shown.visit
    print_json(
        {
            "visit": followup_json(visit),
            "role": visit.role,
            "advice": advice(visit),
            "contact": contact_json(shown.contact),
            "recent": [interaction_json(i) for i in shown.recent],
            "open_quotes": [
                {"id": q.id, "amount_cents": q.amount_cents, "currency": q.currency,
                 "status": q.shown_status(today), "title": q.title,
                 "age_days": (today - q.quoted_on).days}
                for q in shown.quotes
            ],
            "open_complaints": [followup_json(f) for f in shown.open_complaints],
            "answered_complaints": [
                {**followup_json(f), "answered_on": f.done_on, "how": f.done_note}
                for f in shown.answered_complaints
            ],
            "rhythm": None if shown.rhythm is None else {
                "typical_days": round(shown.rhythm.typical_days, 1),
                "quiet_after": shown.rhythm.quiet_after.isoformat(),
            },
        }
    )  # fmt: skip


ROLE_WORDS = {"lead": N_("leading"), "equal": N_("as an equal"), "second": N_("second fiddle")}


def coached(visit: FollowUp, note_id: int) -> None:
    """``coach ID``: the note kept, and for whom."""
    echo(
        _("Coaching note #{id} on visit #{visit} kept: for {salesperson} and you only.").format(
            id=note_id, visit=visit.id, salesperson=visit.owner
        )
    )


def history(shown: Coaching, fmt: str) -> None:
    """``coach --with``: the visits together with their roles, and the notes."""
    from salesnotes.domain.days import describe

    if fmt == "json":
        print_json(
            {
                "with": shown.other,
                "visits": [
                    {"visit_id": i, "day": day, "role": role, "whose": whose}
                    for i, day, role, whose in shown.visits
                ],
                "notes": [
                    {"id": n.id, "visit_id": n.followup_id, "manager": n.manager,
                     "salesperson": n.salesperson, "went_well": n.went_well,
                     "to_try": n.to_try, "day": n.noted_on, "customer": n.customer or None}
                    for n in shown.notes
                ],
            }
        )  # fmt: skip
        return
    count = len(shown.visits)
    echo(_("On the road with {person}: {visits}").format(
        person=shown.other,
        visits=n_("{n} visit together", "{n} visits together", count).format(n=count)))  # fmt: skip
    for i, day, role, whose in shown.visits:
        echo(f"  #{i} {describe(day)}: " + _("{whose}'s visit, {role}").format(
            whose=whose, role=_(ROLE_WORDS.get(role, role))))  # fmt: skip
    for n in shown.notes:
        about = f" ({one_line(n.customer)})" if n.customer else ""
        echo(_("Note #{id}, {day}, {manager} for {salesperson}{about}:").format(
            id=n.id, day=describe(n.noted_on), manager=n.manager, salesperson=n.salesperson,
            about=about))  # fmt: skip
        if n.went_well:
            echo("  " + _("went well: {text}").format(text=one_line(n.went_well)))
        if n.to_try:
            echo("  " + _("to try: {text}").format(text=one_line(n.to_try)))
