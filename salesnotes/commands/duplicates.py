"""Keeping the book clean: ``duplicates`` lists who is probably one person, ``merge`` makes
them one."""

from __future__ import annotations

from salesnotes.commands import contact_named

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def duplicates(env: Env, *, limit: int, fmt: str) -> None:
    """Pairs of contacts that are probably one person, most certain first, each with why."""
    from salesnotes.domain.duplicates import find
    from salesnotes.render.listings import duplicates as show

    store = env.store()
    with store.read():
        pairs = find(store.contacts.people(), store.contacts.shared_details())
        shown = pairs if not limit else pairs[:limit]
        cards = store.contacts.cards(i for p in shown for i in (p.first, p.second))
    show(shown, cards, fmt, total=len(pairs))


def merge(env: Env, *, source: str, into: str, dry_run: bool) -> None:
    """Move everything of SOURCE to INTO in one transaction; SOURCE is archived, and its id
    and name find INTO from then on (``dry_run``: say what would move, write nothing)."""
    from salesnotes.render.reports import merge_report
    from salesnotes.usecases.contacts import merge_contacts

    store = env.store()
    with store.write():
        old = contact_named(env, store, source, follow=False)
        new = contact_named(env, store, into)
        moved, steps = merge_contacts(store, old, new, today=env.today(), now=env.now())
        if dry_run:
            store.rollback()
    merge_report(old, new, moved, steps, dry_run=dry_run)
