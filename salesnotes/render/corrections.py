"""What the commands that take back what was typed say: a conversation corrected, a record
about to be deleted and deleted."""

from __future__ import annotations

from salesnotes.i18n import _, term
from salesnotes.render import echo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.models import FollowUp, Interaction, Quote


def edited(after: Interaction) -> None:
    """``log edit``: the conversation as it is now."""
    from salesnotes.domain.days import describe

    echo(
        _("Edited {kind} #{id} with {contact_name} on {happened_on}: {text}").format(
            kind=term(after.kind),
            id=after.id,
            contact_name=after.contact_name,
            happened_on=describe(after.happened_on),
            text=after.text,
        )
    )


def record_words(what: str, record: FollowUp | Interaction | Quote) -> str:
    """A record as ``delete`` names it: 'follow-up #3 with Jan de Vries (Fri 27 Nov 2026:
    Offerte nabellen)'."""
    from salesnotes.domain.days import describe

    if what == "followup":
        f: FollowUp = record  # type: ignore[assignment]
        return _("follow-up #{id} with {contact_name} ({due_on}: {text})").format(
            id=f.id, contact_name=f.contact_name, due_on=describe(f.due_on), text=f.text
        )
    if what == "interaction":
        i: Interaction = record  # type: ignore[assignment]
        return _("{kind} #{id} with {contact_name} ({happened_on}: {text})").format(
            kind=term(i.kind),
            id=i.id,
            contact_name=i.contact_name,
            happened_on=describe(i.happened_on),
            text=i.text,
        )
    q: Quote = record  # type: ignore[assignment]
    return _("quote #{id} for {contact_name} ({title})").format(
        id=q.id, contact_name=q.contact_name, title=q.title
    )
