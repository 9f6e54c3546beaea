"""Searching the whole book: by a phone number in any notation, an e-mail address, or words
across names, organisations, conversations, open follow-ups and quotes."""

from __future__ import annotations

from salesnotes.results import Found

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.store.interface import Store


def search_book(store: Store, text: str, limit: int, *, region: str) -> Found:
    """What ``text`` finds (a phone number matched whatever its notation, in ``region``'s
    reading), newest first; when nothing, the names nearest to it (a typo: 'sebastein')."""
    from salesnotes.text import fold
    from salesnotes.usecases.who import looks_like_phone

    e164 = None
    if looks_like_phone(text.strip()):
        from salesnotes.domain.fields import read_phone

        e164 = read_phone(text, region).e164
    hits = store.search.find(text, limit, e164=e164)
    nearest = [] if hits or e164 else store.contacts.suggestions(fold(text))
    return Found(hits, nearest)
