"""``search``: find what was said, to whom, across the whole book."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def search(env: Env, *, text: str, limit: int, fmt: str) -> None:
    """Search contacts (by phone number in any notation, e-mail address, or words across
    name, organisation, e-mail and tags), conversations (newest first), open follow-ups and
    quotes."""
    from salesnotes.render.listings import hits
    from salesnotes.text import fold
    from salesnotes.usecases.who import looks_like_phone

    e164 = None
    if looks_like_phone(text.strip()):
        from salesnotes.domain.fields import read_phone

        e164 = read_phone(text, env.config().get_str("phone.region")).e164
    store = env.store()
    with store.read():
        found = store.search.find(text, limit, e164=e164)
        nearest = [] if found or e164 else store.contacts.suggestions(fold(text))
    hits(found, fmt)
    if nearest and fmt == "table":
        from salesnotes import render

        for line in nearest:  # 'did you mean: Sébastien de Wit (#3)?', as show says
            render.note(line)
