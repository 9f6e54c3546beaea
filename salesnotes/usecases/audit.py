"""``history``: what the audit trail says about a contact or a person."""

from __future__ import annotations

from salesnotes.results import Trail

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.store.interface import Store


def trail(
    store: Store,
    *,
    who: str | None,
    region: str,
    person: str | None,
    since: date | None,
    limit: int,
) -> Trail:
    """The trail about ``who`` (a contact, as WHO finds one, and those merged into it), or
    of what ``person`` did, from the local day ``since`` on; the last ``limit`` lines."""
    from datetime import UTC, datetime, time

    from salesnotes.team import owner
    from salesnotes.usecases.who import resolve

    contact = resolve(store, who, region, follow=True)[0] if who is not None else None
    actor = owner(person, "--user") if person is not None else None
    lower = None
    if since is not None:
        midnight = datetime.combine(since, time(0, 0)).astimezone()
        lower = midnight.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    lines = store.audit.trail(
        contact_id=contact.id if contact else None, actor=actor, since=lower, limit=limit
    )
    return Trail(contact, actor, since, lines)
