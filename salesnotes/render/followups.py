"""What the follow-up commands say: a follow-up planned, done, moved; a complaint resolved."""

from __future__ import annotations

from salesnotes.i18n import _, term
from salesnotes.render import echo
from salesnotes.render.changes import moved_words, when_words

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date, datetime

    from salesnotes.domain.days import Calendar
    from salesnotes.domain.plans import Planned
    from salesnotes.models import Contact, FollowUp
    from salesnotes.results import Done, Logged, Snoozed


def scheduled(
    followup: FollowUp,
    contact: Contact,
    planned: Planned,
    today: date,
    calendar: Calendar,
    doer: str | None,
) -> None:
    """``follow``: 'Follow-up #3 with Jan de Vries on Fri 27 Nov 2026 (in 2 days): ...'."""
    about = f": {followup.text}" if followup.text else ""
    if doer is not None:
        about += _(" (for {owner})").format(owner=doer)
    if followup.with_owner:
        about += _(" (with {person})").format(person=followup.with_owner)
    echo(
        _("Follow-up #{id} with {label} on {planned}{about}").format(
            id=followup.id,
            label=contact.label,
            planned=when_words(planned, today, calendar),
            about=about,
        )
    )


def completed(
    done: Done, due: Planned | None, today: date, calendar: Calendar, doer: str | None = None
) -> None:
    """``done``: the follow-up done, the note logged, the next one planned (``doer``: for
    that colleague)."""
    followup, interaction, following = done.followup, done.interaction, done.following
    echo(
        _("Done: follow-up #{id} with {contact_name}").format(
            id=followup.id, contact_name=followup.contact_name
        )
    )
    if interaction is not None:
        echo(
            _("Logged {kind} #{id}: {text}").format(
                kind=term(interaction.kind), id=interaction.id, text=interaction.text
            )
        )
    if following is not None and due is not None:
        about_text = f": {following.text}" if following.text else ""
        if doer is not None:
            about_text += _(" (for {owner})").format(owner=doer)
        echo(
            _("Follow-up #{id} on {due}{about_text}").format(
                id=following.id, due=when_words(due, today, calendar), about_text=about_text
            )
        )


def snoozed(result: Snoozed, calendar: Calendar) -> None:
    """``snooze``: where the follow-up moved from and to, and why a day moved."""
    from salesnotes.domain.days import describe

    before, followup, planned = result.before, result.followup, result.planned
    at = _(" at {at}").format(at=planned.at) if planned.at else ""
    if result.before is result.followup:
        echo(
            _("Follow-up #{id} with {contact_name} is on {day} already; nothing changed").format(
                id=before.id, contact_name=before.contact_name, day=describe(planned.day) + at
            )
        )
        return
    was = describe(before.due_on) + (
        _(" at {due_time}").format(due_time=before.due_time) if before.due_time else ""
    )
    moved = moved_words(planned, calendar)
    echo(
        _(
            "Follow-up #{id} with {contact_name} moved {value}to {day}{at} (was {was}{moved})"
        ).format(
            id=followup.id,
            contact_name=followup.contact_name,
            value=_("earlier, ") if result.sooner else "",
            day=describe(planned.day),
            at=at,
            was=was,
            moved=f"; {moved}" if moved else "",
        )
    )


def resolved(done: Done) -> None:
    """``resolve``: the complaint closed, and the note logged with the contact."""
    echo(
        _("Resolved: complaint #{id} of {contact_name}").format(
            id=done.followup.id, contact_name=done.followup.contact_name
        )
    )
    if done.interaction is not None:
        echo(
            _("Logged note #{id}: {text}").format(
                id=done.interaction.id, text=done.interaction.text
            )
        )


def planned_line(
    followup: FollowUp, planned: Planned, today: date, calendar: Calendar | None,
    doer: str | None = None,
) -> None:  # fmt: skip
    """'Follow-up #7 on Fri 11 Dec 2026 (in 4 days): ...', and for whom when not the user."""
    echo(
        _("Follow-up #{id} on {due}: {text}").format(
            id=followup.id, due=when_words(planned, today, calendar), text=followup.text
        )
        + (_(" (for {owner})").format(owner=doer) if doer is not None else "")
    )


def logged(
    result: Logged,
    contact: Contact,
    planned: Planned | None,
    today: date,
    calendar: Calendar | None,
    *,
    hours: int,
    moment: datetime,
    doer: str | None = None,
) -> None:
    """``log``: the conversation logged; the complaint it opened, answered within ``hours``
    of ``moment``; the follow-up planned with it (``doer``: for that colleague)."""
    from datetime import timedelta

    from salesnotes.domain.days import describe
    from salesnotes.render.changes import complaint_opened

    interaction = result.interaction
    echo(
        _("Logged {kind} #{id} with {label} on {happened_on}").format(
            kind=term(interaction.kind),
            id=interaction.id,
            label=contact.label,
            happened_on=describe(interaction.happened_on),
        )
    )
    if result.complaint is not None:
        deadline = moment + timedelta(hours=hours)
        echo(complaint_opened(contact, result.complaint, hours, deadline))
    if result.followup is not None and planned is not None:
        planned_line(result.followup, planned, today, calendar, doer)
