"""``search``: find what was said, to whom, across the whole book."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def search(env: Env, *, text: str, limit: int, fmt: str) -> None:
    """Search contacts, conversations (newest first), open follow-ups and quotes."""
    from salesnotes.render.listings import hits

    store = env.store()
    with store.read():
        found = store.search.find(text, limit)
    hits(found, fmt)
