"""Merging two contacts: which values the one kept gets, and what goes into its note. Pure.

Everything that happened with either (conversations, follow-ups, quotes, e-mail addresses,
phone numbers, tags) ends up with the contact kept (INTO). Of the single values (organisation,
status, keep-in-touch rhythm, birthday, customer since), INTO keeps its own where it has one
and takes the other's where it has none (a status of 'lead', what every new contact starts
as, counts as none); where both differ, INTO's stays and the other is written into INTO's
note, with the other's name and note, so nothing is lost.
"""

from __future__ import annotations

from salesnotes.domain.days import birthday_words
from salesnotes.i18n import _, term
from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from salesnotes.models import Contact


@record
class Plan:
    """What merging FROM into INTO changes on INTO, and how to say so."""

    changes: dict[str, Any]  # column -> new value, for INTO
    taken: tuple[str, ...]  # "birthday 12-03": values INTO takes from FROM
    conflicts: tuple[str, ...]  # "birthday: kept 12-03, #14 had 14-03"
    note: str  # INTO's note afterwards


def _shown(field: str, value: Any) -> str:
    if field == "birthday":
        return birthday_words(str(value))
    if field == "status":
        return term(str(value))
    return value.isoformat() if hasattr(value, "isoformat") else str(value)


def plan(source: Contact, into: Contact, on: date) -> Plan:
    """The plan for merging ``source`` into ``into`` on day ``on``."""
    fields = (
        (_("organisation"), "organisation_id", source.organisation, into.organisation),
        (_("status"), "status", source.status, into.status),
        (_("keep-in-touch rhythm"), "every", source.every, into.every),
        (_("birthday"), "birthday", source.birthday, into.birthday),
        (_("customer since"), "customer_since", source.customer_since, into.customer_since),
    )
    changes: dict[str, Any] = {}
    taken: list[str] = []
    conflicts: list[str] = []
    kept_aside: list[str] = []
    for label, column, theirs, ours in fields:
        if theirs is None or theirs == ours or (column == "status" and theirs == "lead"):
            continue
        if ours is None or (column == "status" and ours == "lead"):
            stored = {
                "organisation_id": source.organisation_id,
                "customer_since": source.customer_since.isoformat()
                if source.customer_since
                else None,
            }
            changes[column] = stored.get(column, theirs)
            taken.append(f"{label} {_shown(column, theirs)}")
        else:
            conflicts.append(
                _("{label}: kept {ours}, #{id} had {theirs}").format(
                    label=label,
                    ours=_shown(column, ours),
                    id=source.id,
                    theirs=_shown(column, theirs),
                )
            )
            kept_aside.append(f"{label} {_shown(column, theirs)}")
    lines = [into.note] if into.note else []
    about = _("Merged from #{id} {name} on {day}").format(
        id=source.id, name=source.name, day=on.isoformat()
    )
    if source.name != into.name or kept_aside or source.note:
        details = "; ".join(kept_aside)
        lines.append(f"{about}{': ' + details if details else ''}.")
        if source.note and source.note != into.note:
            lines.append(source.note)
    note = "\n".join(lines)
    if note != into.note:
        changes["note"] = note
    return Plan(changes, tuple(taken), tuple(conflicts), note)
