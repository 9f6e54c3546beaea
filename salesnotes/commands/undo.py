"""``undo``: take back the last writing command, and walk back further."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env
    from salesnotes.models import Recorded

NAMES = {
    "organisations": ("organisation", "organisations"),
    "contacts": ("contact", "contacts"),
    "contact_emails": ("e-mail address", "e-mail addresses"),
    "contact_phones": ("phone number", "phone numbers"),
    "contact_tags": ("tag", "tags"),
    "interactions": ("conversation", "conversations"),
    "followups": ("follow-up", "follow-ups"),
    "quotes": ("quote", "quotes"),
    "quote_revisions": ("quote revision", "quote revisions"),
}


def undo(env: Env, *, show_list: bool, fmt: str) -> None:
    """Put back what the last writing command changed (``show_list``: list what can be)."""
    from salesnotes import render

    store = env.store()
    if show_list:
        with store.read():
            recorded = store.history()
        _listing(recorded, fmt)
        return
    with store.write(journal="none"):
        undone = store.undo(env.now())
    parts = []
    for table, counts in undone.counts.items():
        one, many = NAMES.get(table, (table, table))
        for what, n in counts.items():
            parts.append(f"{n} {one if n == 1 else many} {what}")
    render.echo(f"Undid 'salesnotes {undone.command.command}' ({_when(undone.command.at)})")
    render.echo("  " + ", ".join(parts))


def _when(at: str) -> str:
    from datetime import datetime

    from salesnotes.days import moment_words

    try:
        return moment_words(datetime.fromisoformat(at.replace("Z", "+00:00")))
    except ValueError:
        return at


def _listing(recorded: list[Recorded], fmt: str) -> None:
    from salesnotes.render.listing import Column, listing

    listing(
        recorded,
        fmt,
        [
            Column("Id", lambda r: str(r.id), justify="right"),
            Column("When", lambda r: _when(r.at)),
            Column("Command", lambda r: f"salesnotes {r.command}"),
            Column("Rows", lambda r: str(r.changes), justify="right"),
            Column("Undone", lambda r: _when(r.undone_at) if r.undone_at else ""),
        ],
        lambda r: {
            "id": r.id,
            "at": r.at,
            "command": r.command,
            "rows": r.changes,
            "undone_at": r.undone_at,
        },
        empty="Nothing to undo.",
    )
