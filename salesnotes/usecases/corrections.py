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
    not edited: a complaint is opened with 'complaint' and closed with 'resolve'. The
    contact's keep-in-touch clock is counted again."""
    from salesnotes.domain.records import conversation_kind, conversation_text

    before = store.interactions.get(interaction_id)
    text = conversation_text(text) if text is not None else None
    kind = conversation_kind(kind) if kind is not None else None
    if kind == "complaint" or before.kind == "complaint" and kind not in (None, "complaint"):
        raise BadInput(
            _(
                "a complaint is opened with 'salesnotes complaint' and closed with 'resolve';"
                " its kind cannot be edited"
            )
        )
    after = store.interactions.edit(interaction_id, text=text, kind=kind, on=on)
    store.contacts.recount_clocks(before.contact_id)
    return after


def to_delete(store: Store, what: str, number: int) -> FollowUp | Interaction | Quote:
    """The record ``delete`` is asked for; a quote that is no draft any more is refused
    (with why, and what to do instead)."""
    if what == "followup":
        return store.followups.get(number)
    if what == "interaction":
        return store.interactions.get(number)
    from salesnotes.domain.quote_life import draft_to_delete

    return draft_to_delete(store.quotes.get(number))


def delete_record(store: Store, what: str, number: int) -> None:
    """Delete it (a conversation or a done follow-up: the contact's keep-in-touch clock is
    counted again without it)."""
    if what == "followup":
        gone = store.followups.delete(number)
        if not gone.is_open:
            store.contacts.recount_clocks(gone.contact_id)
    elif what == "interaction":
        store.contacts.recount_clocks(store.interactions.delete(number).contact_id)
    else:
        from salesnotes.domain.quote_life import draft_to_delete

        store.quotes.delete(draft_to_delete(store.quotes.get(number)).id)
