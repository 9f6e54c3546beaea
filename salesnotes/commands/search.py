"""``search``: find what was said, to whom, across the whole book."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def search(env: Env, *, text: str, limit: int, fmt: str) -> None:
    """Search contacts (by phone number in any notation, e-mail address, or words across
    name, organisation, e-mail and tags), conversations (newest first), open follow-ups and
    quotes."""
    from salesnotes.render.listings import found
    from salesnotes.usecases.search import search_book

    store = env.store()
    with store.read():
        result = search_book(store, text, limit, region=env.config().get_str("phone.region"))
    found(result, fmt)
