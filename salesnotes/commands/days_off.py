"""``off``: a salesperson's own days off, listed, added or removed."""

from __future__ import annotations

from salesnotes.errors import BadInput
from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def off(env: Env, *, period: str | None, note: str, remove: int | None, fmt: str) -> None:
    """List your days off (none given), add ``period`` (with a ``note``), or ``remove`` one:
    no relative date lands in them, overdue counts skip them, and the first working day
    after them says what piled up."""
    from salesnotes.domain.plans import days_of
    from salesnotes.render import listings
    from salesnotes.render.changes import days_off_added, days_off_removed

    if period is not None and remove is not None:
        raise BadInput(_("give the days off to add, or --remove ID, not both"))
    if note and period is None:
        raise BadInput(_("--note describes days off you add: give the days with it"))
    store = env.store()
    with store.read() if period is None and remove is None else store.write():
        if remove is not None:
            return days_off_removed(remove, store.days_off.remove(remove))
        if period is None:
            return listings.days_off(store.days_off.of(store.user), fmt, env.today())
        first, last = days_of(period, env.today())
        added = store.days_off.add(first, last, note, env.now())
        planned = store.followups.due(last, owner=store.user)
    days_off_added(added, [f for f in planned if first <= f.due_on <= last])
