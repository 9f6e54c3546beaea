"""What every command needs: where the book is, what day it is, and the settings.

Built once per process, from the global options (``--db``, ``--today``) and the environment
(``SALESNOTES_DB``, ``SALESNOTES_TODAY``), by the typer app and by the fast entry path alike.
Paths are plain strings here: ``pathlib`` costs a command ~6 ms to import (it pulls in ``re``).
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time

from salesnotes.errors import BadInput
from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.config import Config
    from salesnotes.domain.days import Calendar
    from salesnotes.store.interface import Store


COMMAND_LINE: list[str] = []
"""The words of the command being run (set by the entry path and the typer app): what
``undo`` names a command by."""


def command_words(args: list[str]) -> str:
    """'log jan "Gebeld over hal 3"': the words of a command line without the global
    options, each with spaces quoted, as one line."""
    words: list[str] = []
    skip = False
    for index, word in enumerate(args):
        if skip:
            skip = False
            continue
        if not words and word in ("--db", "--today"):
            skip = True
            continue
        if not words and word.startswith(("--db=", "--today=")):
            continue
        shown = " ".join(word.split())
        words.append(f'"{shown}"' if (" " in shown or not shown) and index else shown)
    return " ".join(words)


def default_db_path() -> str:
    """The platform's user data folder, e.g. ~/.local/share/salesnotes/salesnotes.db."""
    from salesnotes.config import user_folder

    return os.path.join(user_folder("data"), "salesnotes.db")


def parse_today(value: str, source: str) -> datetime:
    """SALESNOTES_TODAY / --today: YYYY-MM-DD (noon) or YYYY-MM-DDTHH:MM, local time."""
    try:
        if "T" in value or " " in value.strip():
            moment = datetime.fromisoformat(value.strip())
        else:
            moment = datetime.combine(date.fromisoformat(value.strip()), time(12, 0))
    except ValueError:
        raise BadInput(
            _("{source}='{value}' is not a date; use YYYY-MM-DD, e.g. 2026-11-23").format(
                source=source, value=value
            )
        ) from None
    from salesnotes.domain.days import FIRST_DAY, LAST_DAY, RANGE_WORDS

    if not FIRST_DAY <= moment.date() <= LAST_DAY:
        raise BadInput(
            _("{source}='{value}' is out of range: {range}").format(
                source=source, value=value, range=_(RANGE_WORDS)
            )
        )
    return moment if moment.tzinfo else moment.astimezone()


class Env:
    """One invocation's book, day and settings (each opened or read on first use)."""

    __slots__ = ("_config", "_store", "db", "pinned")

    def __init__(self, db: str | None = None, pinned: datetime | None = None) -> None:
        self.db = db
        self.pinned = pinned
        self._store: Store | None = None
        self._config: Config | None = None

    @classmethod
    def from_options(cls, db: str | os.PathLike[str] | None, today: str | None) -> Env:
        """The Env for the global options ``--db`` and ``--today`` (None: not given)."""
        pinned = None
        if today is not None:
            pinned = parse_today(today, "--today")
        elif os.environ.get("SALESNOTES_TODAY"):
            pinned = parse_today(os.environ["SALESNOTES_TODAY"], "SALESNOTES_TODAY")
        return cls(db=os.path.expanduser(db) if db else None, pinned=pinned)

    @property
    def db_path(self) -> str:
        """--db, else SALESNOTES_DB, else the platform's data folder."""
        if self.db is not None:
            return self.db
        env = os.environ.get("SALESNOTES_DB")
        return os.path.expanduser(env) if env else default_db_path()

    @property
    def db_is_explicit(self) -> bool:
        """True when --db or SALESNOTES_DB names the database."""
        return self.db is not None or bool(os.environ.get("SALESNOTES_DB"))

    def moment(self) -> datetime:
        """Now, as an aware local datetime: pinned by --today / SALESNOTES_TODAY, else the clock."""
        if self.pinned is not None:
            return self.pinned
        return datetime.now().astimezone()

    def today(self) -> date:
        """The local date of ``moment``."""
        return self.moment().date()

    def moment_on(self, day: date) -> datetime:
        """``moment`` if ``day`` is today, else the same time of day on ``day``."""
        if day == self.today():
            return self.moment()
        # The local time of day on that day, in that day's offset (summer time or not).
        return datetime.combine(day, self.moment().time()).astimezone()

    def now(self) -> str:
        """``moment`` as a UTC ISO-8601 instant: '2026-11-22T11:00:00Z'."""
        utc = self.moment().astimezone(UTC).replace(microsecond=0, tzinfo=None)
        return utc.isoformat() + "Z"

    def calendar(self, store: Store | None = None) -> Calendar:
        """Which days are worked: the configured weekdays, less the public holidays of
        ``calendar.holidays`` and (with the book open, in its transaction) the user's own
        days off."""
        from salesnotes.domain.days import Calendar
        from salesnotes.publicdays import holidays

        config = self.config()
        year = self.today().year
        off = list(holidays(config.holiday_region(), range(year - 1, year + 2)))
        if store is not None:
            off += store.days_off.of(store.user)
        return Calendar.of(config.working_days(), tuple(off))

    def config(self) -> Config:
        """The effective configuration (read once, on first use)."""
        if self._config is None:
            from salesnotes import config

            self._config = config.load()
        return self._config

    def store(self, *, create: bool = False) -> Store:
        """The open store (opened and migrated on first use). Only a command that starts a
        book (``create``: add, import, demo, restore) makes a new one, and under --db or
        SALESNOTES_DB only in a folder that exists: a mistyped path is an error, never a
        silent empty book."""
        if self._store is None:
            from salesnotes.store import open_store

            self._refuse_a_missing_book(create)
            self._store = open_store(self.db_path, create=create)
            from salesnotes.team import acting, chosen

            store = self._store  # a team's server says who the user is (team.acting)
            store.user = acting(chosen(self.config()), store.seat, lambda: store.members.names())
            if COMMAND_LINE:
                self._store.record_as(command_words(COMMAND_LINE), self.now())
        return self._store

    def _refuse_a_missing_book(self, create: bool) -> None:
        from salesnotes.errors import DatabaseError

        path = self.db_path
        from salesnotes.team import is_url

        if os.path.exists(path) or is_url(path):
            return
        named = "--db" if self.db is not None else "SALESNOTES_DB"
        if not create:
            where = f"{path} ({named})" if self.db_is_explicit else path
            raise DatabaseError(
                _(
                    "there is no book at {where}; 'salesnotes add NAME' or 'salesnotes "
                    "import FILE' starts one there, 'salesnotes demo' shows one"
                ).format(where=where)
            )
        folder = os.path.dirname(os.path.abspath(path))
        if self.db_is_explicit and not os.path.isdir(folder):
            raise DatabaseError(
                _(
                    "the folder {folder} does not exist ({named} names {path}); make it "
                    "first, or check the path for a typo"
                ).format(folder=folder, named=named, path=path)
            )

    def close(self) -> None:
        """Close the store if one was opened."""
        if self._store is not None:
            self._store.close()
            self._store = None
