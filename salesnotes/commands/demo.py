"""``demo``: a small realistic sales book to try salesnotes on, and its agenda."""

from __future__ import annotations

from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.domain.days import Calendar
    from salesnotes.env import Env


def demo(env: Env, *, size: int | None, seed: int) -> None:
    """Write a demo book (``size``: a generated one of that many contacts) into an empty
    database, or (no --db, no SALESNOTES_DB) into demo.db in the user data folder, made
    anew each time beside the real book and never in it (no folder left behind in the
    temporary folder), and print its agenda."""
    import os

    from salesnotes import render
    from salesnotes.errors import Conflict
    from salesnotes.generators import demo_book as book
    from salesnotes.render.agenda import agenda as show
    from salesnotes.usecases.sources import agenda

    temporary = not env.db_is_explicit
    if temporary:
        from salesnotes.config import user_folder
        from salesnotes.store.sqlite_file import ensure_folder

        folder = user_folder("data")
        ensure_folder(folder)
        env.db = os.path.join(folder, "demo.db")
        for suffix in ("", "-wal", "-shm"):  # the last demo's: made anew
            if os.path.exists(env.db + suffix):
                os.remove(env.db + suffix)
    store = env.store(create=True)
    config = env.config()
    calendar = env.calendar()
    today = _working_day(env.today(), calendar)
    with store.write(journal="step", note="it made a new demo book"):
        if not store.is_empty():
            raise Conflict(
                _(
                    "{db_path} already holds contacts; the demo fills only an empty database "
                    "(leave out --db and SALESNOTES_DB to get a temporary one)"
                ).format(db_path=_shown(env.db_path))
            )
        if size is None:
            count = book.fill(store, today, env.now(), config, env.calendar(store))
        else:
            from salesnotes.generators.big_book import generate

            count = store.bulk.load(generate(size, today, seed))
    limit = config.get_int("agenda.limit")
    with store.read():
        rows = agenda(store, today, config, limit=limit or None, calendar=calendar)
    render.note(
        _("Demo book with {count} contacts written to {db_path}").format(
            count=count, db_path=_shown(env.db_path)
        )
    )
    if temporary:
        render.note(_("Try it:  export SALESNOTES_DB={db_path}").format(db_path=env.db_path))
    if today != env.today():
        from salesnotes.domain.days import describe

        render.note(
            _("{day} is not a working day: the demo shows {shown}").format(
                day=describe(env.today()), shown=describe(today)
            )
        )
    show(rows, "table", today)


def _working_day(day: date, working: Calendar) -> date:
    from salesnotes.domain.days import next_working_day

    return next_working_day(day, working)


def _shown(path: str) -> str:
    """The book's name as printed: a PostgreSQL URL without its password."""
    from salesnotes.store.postgres import shown

    return shown(path)
