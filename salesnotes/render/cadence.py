"""What ``rhythm WHO`` says: a contact's learned rhythm in words a salesperson reads."""

from __future__ import annotations

from salesnotes.i18n import _, n_
from salesnotes.render import echo, print_json

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.results import RhythmShown


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
                _("Few of their own yet: it leans on {n} customers like them ({share}% their own).")
                .format(n=shown.segment.customers, share=round(100 * learned.own_weight))
            )  # fmt: skip
        if shown.intervals:
            last_ones = ", ".join(str(d) for d in shown.intervals[-10:])
            echo(_("Days between contacts (the last 10): {days}").format(days=last_ones))
        if shown.since is not None:
            echo(
                _("Getting quiet after {days} days without contact; the last was {since} "
                  "days ago.").format(days=round(learned.p90), since=shown.since)
            )  # fmt: skip
        if shown.quiet_days:
            echo(_("Getting quiet: {n} days past it.").format(n=shown.quiet_days))
        if shown.proposal is not None:
            echo(_("Next, by their rhythm: around {day}.").format(day=describe(shown.proposal)))
    if shown.set_rhythm and shown.set_rhythm != "off":
        said = rhythm_words(shown.set_rhythm)
        if shown.set_for_them:
            echo(_("Set for them: {rhythm} (a set rhythm always wins).").format(rhythm=said))
        else:
            echo(_("Their status's rhythm: {rhythm}.").format(rhythm=said))
