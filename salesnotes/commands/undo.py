"""``undo``: take back the last writing command, and walk back further."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def undo(env: Env, *, show_list: bool, fmt: str) -> None:
    """Put back what the last writing command changed (``show_list``: list what can be)."""
    from salesnotes.render.undo import listing_of, undone

    store = env.store()
    if show_list:
        with store.read():
            recorded = store.history()
        listing_of(recorded, fmt)
        return
    with store.write(journal="none"):
        result = store.undo(env.now())
    undone(result)
