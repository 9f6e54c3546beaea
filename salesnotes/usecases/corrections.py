"""Taking back what was typed: a conversation corrected, a follow-up, a conversation or a
draft quote deleted (the undo journal keeps each for ``salesnotes undo``)."""

from __future__ import annotations

from salesnotes.errors import BadInput
from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.models import FollowUp, Interaction, Quote
    from salesnotes.store.interface import Store

DELETABLE = ("followup", "interaction", "quote")


def correct_conversation(
    store: Store, interaction_id: int, *, text: str | None, kind: str | None, on: date | None
) -> Interaction:
    """A logged conversation with its text, kind or day corrected. A complaint's kind is
    not edited: a complaint is opened with 'complaint' and closed with 'resolve'."""
    before = store.interactions.get(interaction_id)
    if kind == "complaint" or before.kind == "complaint" and kind not in (None, "complaint"):
        raise BadInput(
            _(
                "a complaint is opened with 'salesnotes complaint' and closed with 'resolve';"
                " its kind cannot be edited"
            )
        )
    return store.interactions.edit(interaction_id, text=text, kind=kind, on=on)


def to_delete(store: Store, what: str, number: int) -> FollowUp | Interaction | Quote:
    """The record ``delete`` is asked for; a quote that is no draft any more is refused
    (with why, and what to do instead)."""
    if what == "followup":
        return store.followups.get(number)
    if what == "interaction":
        return store.interactions.get(number)
    quote = store.quotes.get(number)
    if quote.status != "draft" or quote.sent_on is not None:
        store.quotes.delete_draft(number)  # refused: says why
    return quote


def delete_record(store: Store, what: str, number: int) -> None:
    """Delete it."""
    if what == "followup":
        store.followups.delete(number)
    elif what == "interaction":
        store.interactions.delete(number)
    else:
        store.quotes.delete_draft(number)
