"""Keeping the book clean: ``duplicates`` lists who is probably one person, ``merge`` makes
them one."""

from __future__ import annotations

from salesnotes.commands import contact_named
from salesnotes.errors import BadInput, Conflict
from salesnotes.i18n import _

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
    from salesnotes.domain.merging import plan
    from salesnotes.render.reports import merge_report

    store = env.store()
    with store.write():
        old = contact_named(env, store, source, follow=False)
        new = contact_named(env, store, into)
        if old.id == new.id:
            raise BadInput(
                _("#{id} {label} is one contact already; name two").format(
                    id=old.id, label=old.label
                )
            )
        if old.merged_into is not None:
            raise Conflict(
                _("#{id} {label} was merged into #{merged_into} already").format(
                    id=old.id, label=old.label, merged_into=old.merged_into
                )
            )
        if new.archived:
            raise Conflict(
                _(
                    "#{id} {label} is archived; bring it back first (salesnotes archive {id} "
                    "--undo) or merge the other way round"
                ).format(id=new.id, label=new.label)
            )
        steps = plan(old, new, env.today())
        moved = store.contacts.absorb(old.id, new.id, steps.changes, env.now())
        if dry_run:
            store.rollback()
    merge_report(old, new, moved, steps, dry_run=dry_run)
