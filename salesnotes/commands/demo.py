"""``demo``: a small realistic sales book to try salesnotes on, and its agenda."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def demo(env: Env, *, size: int | None, seed: int) -> None:
    """Write a demo book (``size``: a generated one of that many contacts) into an empty
    database, or (no --db, no SALESNOTES_DB) into demo.db in the user data folder, made
    anew each time beside the real book and never in it (no folder left behind in the
    temporary folder), and print its agenda."""
    from salesnotes.domain.days import next_working_day
    from salesnotes.generators.demo_book import write_demo
    from salesnotes.render.agenda import agenda as show
    from salesnotes.render.reports import demo_written
    from salesnotes.store.postgres import shown
    from salesnotes.usecases.sources import agenda

    temporary = not env.db_is_explicit
    if temporary:
        env.db = _fresh_demo_file()
    store, config, calendar = env.store(create=True), env.config(), env.calendar()
    today = next_working_day(env.today(), calendar)  # a weekend's demo shows Monday
    with store.write(journal="step", note="it made a new demo book"):
        count = write_demo(store, size, seed, today, env.now(), config, env.calendar(store),
                           where=shown(env.db_path))  # fmt: skip
    with store.read():
        rows = agenda(store, today, config, limit=config.get_int("agenda.limit") or None,
                      calendar=calendar)  # fmt: skip
    demo_written(count, shown(env.db_path), env.db_path if temporary else None, env.today(), today)
    show(rows, "table", today)


def _fresh_demo_file() -> str:
    """demo.db in the user data folder, the last demo's removed: made anew each time."""
    import os

    from salesnotes.config import user_folder
    from salesnotes.store.sqlite_file import ensure_folder

    folder = user_folder("data")
    ensure_folder(folder)
    path = os.path.join(folder, "demo.db")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    return path
