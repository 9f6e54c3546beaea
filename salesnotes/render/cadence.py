"""What ``rhythm WHO`` says: a contact's learned rhythm in words a salesperson reads."""

from __future__ import annotations

from salesnotes.i18n import _, n_
from salesnotes.render import echo, print_json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.domain.days import Calendar
    from salesnotes.results import Proposal, RhythmShown


def every_words(days: float) -> str:
    """'every ~3 weeks' / 'elke ~3 weken': a learned interval, rounded as people say it
    (``cadence.rounded_days``: days, weeks under nine, months)."""
    from salesnotes.domain.cadence import rounded_days

    whole = rounded_days(days)
    if whole >= 60 and whole % 30 == 0:
        months = whole // 30
        return n_("every ~{n} month", "every ~{n} months", months).format(n=months)
    if whole >= 14:
        weeks = whole // 7
        return n_("every ~{n} week", "every ~{n} weeks", weeks).format(n=weeks)
    return n_("every ~{n} day", "every ~{n} days", whole).format(n=whole)


def rhythm(shown: RhythmShown, fmt: str) -> None:
    """The intervals, the learned rhythm and the numbers behind it, the set rhythm, the
    proposal, whether they are getting quiet."""
    from salesnotes.domain.cadence import LEARN_FROM
    from salesnotes.domain.days import describe, rhythm_words

    learned, contact = shown.learned, shown.contact
    if fmt == "json":
        print_json(
            {
                "contact_id": contact.id,
                "intervals": list(shown.intervals),
                "learned": None if learned is None else {
                    "typical_days": round(learned.typical, 1),
                    "middle_half": [round(learned.low, 1), round(learned.high, 1)],
                    "quiet_after_days": round(learned.p90, 1),
                    "own_weight": round(learned.own_weight, 2),
                },
                "segment": {"customers": shown.segment.customers,
                            "intervals": shown.segment.intervals},
                "set": shown.set_rhythm,
                "set_for_them": shown.set_for_them,
                "proposal": shown.proposal.isoformat() if shown.proposal else None,
                "quiet_days": shown.quiet_days,
            }
        )  # fmt: skip
        return
    echo(f"#{contact.id} {contact.name}")
    if learned is None:
        echo(_("No conversation yet: nothing to learn a rhythm from."))
    else:
        count = len(shown.intervals)
        echo(
            _("usually {every} ({contacts}, usually {low}-{high} days apart)").format(
                every=every_words(learned.typical),
                contacts=n_("learned from {n} interval", "learned from {n} intervals", count)
                .format(n=count) if count else _("one contact day: as customers like them"),
                low=round(learned.low), high=round(learned.high),
            )
        )  # fmt: skip
        if count < 5:
            echo(
                _("Few of their own yet: it leans on {n} customers like them ({segment}; "
                  "{share}% their own).")
                .format(n=shown.segment.customers, share=round(100 * learned.own_weight),
                        segment=segment_words(shown.segment.kind, shown.segment.name))
            )  # fmt: skip
        if shown.intervals:
            last_ones = ", ".join(str(d) for d in shown.intervals[-10:])
            echo(_("Days between contacts (the last 10): {days}").format(days=last_ones))
        if shown.since is not None:
            echo(
                _("Getting quiet after {days} days without contact; the last was {since} "
                  "days ago.").format(days=int(learned.p90), since=shown.since)
            )  # fmt: skip
        if shown.quiet_days:
            echo(_("Getting quiet: {n} days past it.").format(n=shown.quiet_days))
        if shown.proposal is not None:
            echo(_("Next, by their rhythm: around {day}.").format(day=describe(shown.proposal)))
    if shown.set_rhythm and shown.set_rhythm != "off":
        said = rhythm_words(shown.set_rhythm)
        if shown.set_for_them:
            echo(_("Set for them: {rhythm} (a set rhythm always wins).").format(rhythm=said))
        elif learned is not None and len(shown.intervals) >= LEARN_FROM:
            echo(
                _("Their status's rhythm ({rhythm}) gives way to the learned one.").format(
                    rhythm=said
                )
            )
        else:
            echo(
                _("Their status's rhythm: {rhythm} (a learned one takes over from {n} "
                  "contacts).").format(rhythm=said, n=LEARN_FROM + 1)
            )  # fmt: skip


def proposed(
    proposal: Proposal, today: date, calendar: Calendar | None, explain: bool = False
) -> None:
    """After a conversation with no next moment: 'Next time: usually every ~3 weeks with
    Jan (7 conversations) -> Thu 31 Dec 2026 (in 3 weeks).', and the command that plans it
    (or the follow-up it planned); ``explain``: the numbers behind it."""
    from salesnotes.domain.days import rhythm_words
    from salesnotes.render.changes import when_words

    contact, planned = proposal.contact, proposal.planned
    first = contact.name.split()[0] if contact.name.split() else contact.name
    if proposal.set_rhythm is not None:
        by = _("{rhythm} (set for them)").format(rhythm=rhythm_words(proposal.set_rhythm))
    else:
        learned = proposal.learned
        assert learned is not None
        by = _("usually {every} with {name} ({contacts})").format(
            every=every_words(learned.typical), name=first,
            contacts=n_("{n} contact", "{n} contacts", proposal.contacts)
            .format(n=proposal.contacts),
        )  # fmt: skip
    when = when_words(planned, today, calendar)
    if proposal.followup is not None:
        echo(
            _("Next time: {by} -> {when}: planned as follow-up #{id} (by their rhythm).").format(
                by=by, when=when, id=proposal.followup.id
            )
        )
    else:
        echo(_("Next time: {by} -> {when}.").format(by=by, when=when))
        day = planned.day
        typed = f"{day.day}-{day.month}" if (day - today).days < 300 else day.isoformat()
        echo(
            "  "
            + _("salesnotes follow {id} {day}   (or [rhythm] plan_next = true plans it for you)")
            .format(id=contact.id, day=typed)
        )  # fmt: skip
    if explain:
        for line in explained(proposal):
            echo("  " + line)


def explained(proposal: Proposal) -> list[str]:
    """The numbers behind a proposal, in words a salesperson reads."""
    from salesnotes.domain.days import describe

    learned, segment = proposal.learned, proposal.segment
    if learned is None or segment is None:
        return [_("The rhythm set for them wins over a learned one.")]
    count = len(proposal.intervals)
    lines = [
        _("{contacts}, usually {low}-{high} days apart.").format(
            contacts=n_("{n} contact", "{n} contacts", proposal.contacts).format(
                n=proposal.contacts
            ),
            low=round(learned.low),
            high=round(learned.high),
        )
    ]
    if count:
        lines.append(
            _("The days between them (the last 10): {days}.").format(
                days=", ".join(str(d) for d in proposal.intervals[-10:])
            )
        )
    if segment.customers:
        lines.append(
            _("Their own history weighs {share}%; the rest leans on {n} customers like them "
              "({segment}).").format(
                share=round(100 * learned.own_weight), n=segment.customers,
                segment=segment_words(segment.kind, segment.name),
            )
        )  # fmt: skip
    else:
        lines.append(
            _("Their own history weighs {share}%; the rest is a default of about a month "
              "(no other customer has a history yet).").format(
                share=round(100 * learned.own_weight))
        )  # fmt: skip
    lines.append(
        _("Typical interval {typical} days; getting quiet after {quiet} days without contact.")
        .format(typical=round(learned.typical), quiet=int(learned.p90))
    )  # fmt: skip
    if proposal.planned.spread_from is not None:
        lines.append(
            _("{day} already had {n} follow-ups ([agenda] calls_per_day).").format(
                day=describe(proposal.planned.spread_from), n=proposal.planned.spread_count
            )
        )
    return lines


def segment_words(kind: str, name: str) -> str:
    """Which customers a rhythm leans on: 'colleagues at Bakker BV', 'tagged vip', 'status
    customer', 'the whole book'."""
    from salesnotes.i18n import term

    if kind == "organisation":
        return _("colleagues at {name}").format(name=name)
    if kind == "tag":
        return _("tagged {name}").format(name=name)
    if kind == "status":
        return _("status {status}").format(status=term(name))
    return _("all customers in the book")
