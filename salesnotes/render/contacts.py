"""What the commands about people say: a contact given to a colleague, an organisation's
own number."""

from __future__ import annotations

from salesnotes.i18n import _, n_
from salesnotes.render import echo, note

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.models import Organisation, PhoneNumber
    from salesnotes.results import Assigned


def assigned(result: Assigned) -> None:
    """``assign``: whose the contact is now, and how many open follow-ups went with it."""
    contact = result.contact
    if result.previous == result.owner:
        echo(_("#{id} {label} is {owner}'s already").format(
            id=contact.id, label=contact.label, owner=result.owner))  # fmt: skip
        return
    echo(
        n_(
            "#{id} {label} is {owner}'s now (was {previous}'s), with {moved} open follow-up",
            "#{id} {label} is {owner}'s now (was {previous}'s), with {moved} open follow-ups",
            result.moved,
        ).format(
            id=contact.id,
            label=contact.label,
            owner=result.owner,
            previous=result.previous or "-",
            moved=result.moved,
        )  # fmt: skip
    )


def organisation(found: Organisation, number: PhoneNumber | None, fmt: str) -> None:
    """``org``: the organisation with its own number and address; a number that could not
    be read as one is said (and kept as typed)."""
    from salesnotes.domain.fields import unread_phones
    from salesnotes.render.listings import organisation_card

    organisation_card(found, fmt)
    for warning in unread_phones([number] if number is not None and number.typed else []):
        note(warning)
