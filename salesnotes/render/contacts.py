"""What the commands about people say: a contact given to a colleague, an organisation's
own number."""

from __future__ import annotations

from salesnotes.i18n import _, n_, term
from salesnotes.render import echo, note

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from salesnotes.models import Contact, FollowUp, Organisation, PhoneNumber
    from salesnotes.results import AddedContact, Assigned, AssignedAll


def added(result: AddedContact, numbers: list[PhoneNumber]) -> None:
    """``add``: the new contact's id; a note for each contact of the same name, and for a
    number that could not be read as one of the phone region's (kept as written)."""
    from salesnotes.domain.fields import unread_phones

    contact = result.contact
    echo(
        _("Added #{id} {label}, {status}").format(
            id=contact.id, label=contact.label, status=term(contact.status)
        )
    )
    for other in result.namesakes:
        note(_("Note: #{id} {label} has the same name.").format(id=other.id, label=other.label))
    for warning in unread_phones(numbers):
        note(warning)


def updated(contact: Contact, numbers: list[PhoneNumber]) -> None:
    """``edit``: the contact as it is now; a note for a number that could not be read as
    one of the phone region's (kept as written)."""
    from salesnotes.domain.fields import unread_phones

    echo(
        _("Updated #{id} {label}, {status}").format(
            id=contact.id, label=contact.label, status=term(contact.status)
        )
    )
    for warning in unread_phones(numbers):
        note(warning)


def assigned_all(result: AssignedAll, *, dry_run: bool) -> None:
    """``assign --from --to``: how many accounts and open follow-ups went (would go) to whom."""
    from salesnotes.i18n import grouped

    followups = n_("{n} open follow-up", "{n} open follow-ups", result.followups).format(
        n=grouped(result.followups)
    )
    said = (
        n_(
            "Would move {n} account of {previous} to {owner}, with {followups}",
            "Would move {n} accounts of {previous} to {owner}, with {followups}",
            result.accounts,
        )
        if dry_run
        else n_(
            "Moved {n} account of {previous} to {owner}, with {followups}",
            "Moved {n} accounts of {previous} to {owner}, with {followups}",
            result.accounts,
        )
    )
    echo(said.format(n=grouped(result.accounts), previous=result.previous, owner=result.owner,
                     followups=followups))  # fmt: skip
    if dry_run:
        note(_("Nothing was written (--dry-run)."))


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


def archived(contact: Contact, waiting: Sequence[FollowUp], *, undone: bool) -> None:
    """``archive`` (``--undo``): the contact hidden or back, and what happens to their open
    follow-ups."""
    ids = ", ".join(f"#{f.id}" for f in waiting)
    if undone:
        echo(_("Restored #{id} {label}").format(id=contact.id, label=contact.label))
        if waiting:
            echo(
                _("Their open follow-ups ({ids}) are on the agenda and in the lists again").format(
                    ids=ids
                )
            )
        return
    echo(
        _("Archived #{id} {label}; 'salesnotes contacts --archived' lists it").format(
            id=contact.id, label=contact.label
        )
    )
    if waiting:
        echo(
            n_(
                "{waiting} open follow-up ({ids}) stays open but leaves the agenda and "
                "the lists with them; 'salesnotes done ID' closes it, 'archive --undo' "
                "brings it back",
                "{waiting} open follow-ups ({ids}) stay open but leave the agenda and "
                "the lists with them; 'salesnotes done ID' closes one, 'archive --undo' "
                "brings them back",
                len(waiting),
            ).format(waiting=len(waiting), ids=ids)
        )
