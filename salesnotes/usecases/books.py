"""Whole books: one copied into another (``copy-book``: a SQLite file to a team's PostgreSQL
book and back, every row with its id, counted on both sides), a backup restored (``restore``:
whoever was forgotten stays forgotten)."""

from __future__ import annotations

import os

from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.store.interface import Store


@record
class Copied:
    """A book copied: where from and to (as shown: a URL without its password), and the
    rows of each table on both sides (the same, or nothing was kept)."""

    source: str
    target: str
    before: dict[str, int]
    after: dict[str, int]


def _where(text: str) -> str:
    from salesnotes.team import is_url

    return text if is_url(text) else os.path.abspath(os.path.expanduser(text))


def copy_book(source: str, target: str, *, user: str) -> Copied:
    """Copy the book at ``source`` into the empty book at ``target`` (a SQLite file or a
    PostgreSQL URL; ``user``: who copies) in one transaction on ``target``; a book made for
    the copy is removed again when it fails."""
    from salesnotes.errors import BadInput, DatabaseError
    from salesnotes.i18n import _
    from salesnotes.store import open_store
    from salesnotes.store.postgres import shown
    from salesnotes.team import is_url

    source, target = _where(source), _where(target)
    if source == target:
        raise BadInput(_("FROM and TO are the same book ({source})").format(source=shown(source)))
    if not is_url(source) and not os.path.isfile(source):
        raise DatabaseError(_("there is no book at {path} (FROM)").format(path=source))
    if not is_url(target) and not os.path.isdir(os.path.dirname(target)):
        raise DatabaseError(
            _("the folder {folder} does not exist (TO names {path})").format(
                folder=os.path.dirname(target), path=target
            )
        )
    made = not is_url(target) and not os.path.exists(target)
    origin = open_store(source, create=False)
    try:
        book = open_store(target)
    except BaseException:
        origin.close()
        _remove(target, made)
        raise
    book.user = user
    try:
        before, after = _copy(origin, book, shown(source), shown(target))
    except BaseException:
        book.close()
        origin.close()
        _remove(target, made)
        raise
    book.close()
    origin.close()
    return Copied(shown(source), shown(target), before, after)


def _copy(
    origin: Store, book: Store, source: str, target: str
) -> tuple[dict[str, int], dict[str, int]]:
    """Every row of ``origin`` into the empty ``book``, counted on both sides."""
    from salesnotes.errors import Conflict, DatabaseError
    from salesnotes.i18n import _

    with origin.read(), book.write(journal="none"):
        if not book.is_empty():
            raise Conflict(
                _(
                    "{target} holds a book already; copy-book copies into an empty book "
                    "only ('export --format json' and 'import' merge one into another)"
                ).format(target=target)
            )
        before = origin.bulk.counts()
        book.bulk.copy_in(origin.bulk.dump())
        after = book.bulk.counts()
        if after != before:
            raise DatabaseError(
                _("the copy does not hold what {source} holds; nothing was copied").format(
                    source=source
                )
            )
    return before, after


def _remove(target: str, made: bool) -> None:
    """The book file made for a copy that failed, gone again."""
    if made:
        for suffix in ("", "-wal", "-shm"):
            if os.path.exists(target + suffix):
                os.remove(target + suffix)


def restore_book(store: Store, source: str, safety: str | None, *, now: str) -> int:
    """Replace the book with the checked backup ``source`` (``safety``: the copy of the book
    as it was, kept for taking it back). The people erased with 'forget' stay erased: a
    backup made before must not bring them back (GDPR article 17). How many were erased
    again."""
    from salesnotes.i18n import _
    from salesnotes.store.backup import replace

    with store.read():
        forgotten = store.privacy.erasures()
    replace(store.db, source)  # type: ignore[attr-defined]  # an SQLite book's file
    how = (
        _("restore the copy made before it: salesnotes restore {safety}").format(safety=safety)
        if safety
        else _("the book was empty before it")
    )
    with store.write(journal="step", note=how):
        store.privacy.keep_erasures(forgotten)
        again = store.privacy.erase_again(now)
    store.privacy.flush()
    return again
