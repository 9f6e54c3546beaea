"""What ``sync`` says."""

from __future__ import annotations

from salesnotes.i18n import N_, _
from salesnotes.render import echo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.results import Chosen

WHAT = {
    "addressbook": N_("contacts   -> address book"),
    "tasks": N_("follow-ups -> task list"),
    "calendar": N_("visits     -> calendar"),
}


def set_up(chosen: list[Chosen], path: str) -> None:
    """Each place chosen (or made) on the server, and where [sync] was written."""
    for place in chosen:
        how = _("made now") if place.made else _("found")
        echo(f"{_(WHAT[place.what])} '{place.collection.name}' ({how}): {place.collection.href}")
    echo(_("Written to [sync] in {path} (no password: it stays where you keep it)").format(
        path=path))  # fmt: skip
