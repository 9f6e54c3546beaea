"""What ``calls`` and ``calls import`` and ``calls note`` print."""

from __future__ import annotations

from salesnotes.i18n import Nn_, _, n_
from salesnotes.render import echo, note
from salesnotes.render.tables import Column, listing

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from salesnotes.captured import Call
    from salesnotes.domain.days import Calendar
    from salesnotes.domain.plans import Planned
    from salesnotes.results import CallNoted, CallsImported


def when(at: str) -> str:
    """A call's moment as people read it: 'Mon 7 Dec 14:02', local time."""
    from salesnotes.render.undo import moment

    return moment(at)


def length(seconds: int) -> str:
    """A call's length: '4:05'."""
    minutes, rest = divmod(seconds, 60)
    return f"{minutes}:{rest:02d}"


def direction_word(direction: str) -> str:
    """Which way a call went, in the language spoken."""
    return {
        "in": _("incoming"),
        "out": _("outgoing"),
        "missed": _("missed"),
        "voicemail": _("voicemail"),
        "rejected": _("rejected"),
    }.get(direction, direction)


def call_json(call: Call) -> dict[str, Any]:
    """A call for scripts (docs/json.md)."""
    return {
        "id": call.id,
        "at": call.at,
        "contact_id": call.contact_id,
        "contact": call.contact_name,
        "number": call.number,
        "direction": call.direction,
        "seconds": call.seconds,
        "interaction_id": call.interaction_id,
        "noted": call.noted_at is not None,
    }


def calls(items: list[Call], fmt: str) -> None:
    """``calls``: the conversations from the phone that have no note yet."""
    listing(
        items,
        fmt,
        [
            Column("Id", lambda c: str(c.id), justify="right", keep=True),
            Column("When", lambda c: c.at, keep=True, shown=lambda c: when(c.at)),
            Column("Who", lambda c: c.contact_name, style="bold"),
            Column("Way", lambda c: c.direction, shown=lambda c: direction_word(c.direction)),
            Column(
                "Length", lambda c: str(c.seconds), keep=True, shown=lambda c: length(c.seconds)
            ),
            Column("Number", lambda c: c.number, optional=True),
        ],
        call_json,
        empty=_("No calls without a note. (Import the phone's log: salesnotes calls import FILE)"),
    )
    if fmt == "table" and items:
        note(_('Add what was said: salesnotes calls note ID "TEXT" --next WHEN'))


CLOSED = Nn_("{n} call-back answered by a later call", "{n} call-backs answered by a later call")
KNOWN = Nn_("{n} call was imported before", "{n} calls were imported before")
STRANGERS = Nn_(
    "{n} call of a number that is nobody's in the book (not kept)",
    "{n} calls of numbers that are nobody's in the book (not kept)",
)
UNANSWERED = Nn_(
    "{n} call not answered on the other side", "{n} calls not answered on the other side"
)
LEFT_OUT = Nn_("{n} blocked call left out", "{n} blocked calls left out")
SKIPPED = Nn_("{n} unreadable record skipped", "{n} unreadable records skipped")


def counted(*counts: tuple[int, tuple[str, str]]) -> None:
    """One line for each count that is not zero, in the words given for it."""
    for n, (one, many) in counts:
        if n:
            echo(n_(one, many, n).format(n=n))


def imported(result: CallsImported, name: str, *, dry_run: bool) -> None:
    """``calls import``: what the log added, and what waits."""
    head = _("Dry run, nothing written: ") if dry_run else ""
    parts = [
        n_("{n} conversation", "{n} conversations", result.talks).format(n=result.talks),
        n_("{n} call-back", "{n} call-backs", len(result.callbacks)).format(
            n=len(result.callbacks)
        ),
    ]
    echo(head + _("{name}: {parts}").format(name=name, parts=", ".join(parts)))
    for who, at in result.callbacks:
        echo("- " + _("missed call from {name}, {moment}").format(name=who, moment=when(at)))
    counted(
        (result.closed, CLOSED),
        (result.known, KNOWN),
        (result.strangers, STRANGERS),
        (result.unanswered, UNANSWERED),
        (result.left_out, LEFT_OUT),
        (result.skipped, SKIPPED),
    )
    if result.talks and not dry_run:
        echo(_("Add what was said: salesnotes calls"))


def noted(done: CallNoted, planned: Planned | None, today: date, calendar: Calendar | None) -> None:
    """``calls note``: the call's note added, and the next step."""
    from salesnotes.render.followups import planned_line

    call = done.call
    echo(
        _("Noted call #{id} with {name} ({moment}): {text}").format(
            id=call.id, name=call.contact_name, moment=when(call.at), text=call.text
        )
    )
    if done.followup is not None and planned is not None:
        planned_line(done.followup, planned, today, calendar)
