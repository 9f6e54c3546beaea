"""The store: the only package that writes SQL (besides ``migrations/``). It returns models.

``open(path)`` gives a ``Store``: one open book and one object per aggregate, each in its own
module (``store.contacts``, ``store.followups``, ``store.quotes``, ...). What the rest of
salesnotes may rely on is ``store/interface.py``, the typed interface a second backend
(PostgreSQL) implements too; the contract tests in ``tests/test_store_contract.py`` hold any
backend to it. A command runs in one transaction: ``with store.write():`` or
``with store.read():``.
"""

from __future__ import annotations

from salesnotes.store.briefings import Briefings
from salesnotes.store.bulk import Bulk
from salesnotes.store.connection import Database
from salesnotes.store.contacts import Contacts
from salesnotes.store.days_off import DaysOff
from salesnotes.store.followups import FollowUps
from salesnotes.store.interactions import Interactions
from salesnotes.store.organisations import Organisations
from salesnotes.store.privacy import Privacy
from salesnotes.store.quotes import Quotes
from salesnotes.store.rhythms import Rhythms
from salesnotes.store.search import Search
from salesnotes.team import is_url

TYPE_CHECKING = False
if TYPE_CHECKING:
    import os

    from salesnotes.models import Recorded, Undone
    from salesnotes.store.audit import Audit
    from salesnotes.store.calls import Calls
    from salesnotes.store.coaching import Coaching
    from salesnotes.store.database import Database as AnyDatabase
    from salesnotes.store.interface import Transaction
    from salesnotes.store.mails import Mails
    from salesnotes.store.members import Members
    from salesnotes.store.reports import Reports
    from salesnotes.store.sync_state import SyncState
    from salesnotes.team import Seat


class Book:
    """A salesnotes book: one SQLite file, or a team's PostgreSQL database (the same store
    modules on either; ``store/database.py`` is what they ask of it)."""

    __slots__ = (
        "_audit",
        "_calls",
        "_coaching",
        "_mails",
        "_members",
        "_reports",
        "_sync",
        "briefings",
        "bulk",
        "contacts",
        "days_off",
        "db",
        "followups",
        "interactions",
        "orgs",
        "privacy",
        "quotes",
        "rhythms",
        "search",
    )

    def __init__(self, db: AnyDatabase) -> None:
        self.db = db
        self.orgs = Organisations(db)
        self.contacts = Contacts(db, self.orgs)
        self.interactions = Interactions(db)
        self.followups = FollowUps(db)
        self.quotes = Quotes(db)
        self.rhythms = Rhythms(db)
        self.search = Search(db, self.contacts)
        self.briefings = Briefings(db)
        self.bulk = Bulk(db, self.contacts)
        self.privacy = Privacy(db)
        self.days_off = DaysOff(db)
        self._audit: Audit | None = None  # made on first use: few commands read them
        self._members: Members | None = None
        self._sync: SyncState | None = None
        self._calls: Calls | None = None
        self._coaching: Coaching | None = None
        self._mails: Mails | None = None
        self._reports: Reports | None = None

    @property
    def audit(self) -> Audit:
        """The audit trail (``history``)."""
        if self._audit is None:
            from salesnotes.store.audit import Audit

            self._audit = Audit(self.db)
        return self._audit

    @property
    def members(self) -> Members:
        """A team's members on a server (``team``)."""
        if self._members is None:
            from salesnotes.store.members import Members

            self._members = Members(self.db)
        return self._members

    @property
    def sync(self) -> SyncState:
        """What the phone's sync keeps between two syncs (``sync``)."""
        if self._sync is None:
            from salesnotes.store.sync_state import SyncState

            self._sync = SyncState(self.db)
        return self._sync

    @property
    def coaching(self) -> Coaching:
        """The manager's coaching notes (``coach``)."""
        if self._coaching is None:
            from salesnotes.store.coaching import Coaching

            self._coaching = Coaching(self.db)
        return self._coaching

    @property
    def reports(self) -> Reports:
        """The team's figures over a span (``report``, ``brief --team``)."""
        if self._reports is None:
            from salesnotes.store.reports import Reports

            self._reports = Reports(self.db)
        return self._reports

    @property
    def calls(self) -> Calls:
        """The calls imported from a phone's log (``calls``)."""
        if self._calls is None:
            from salesnotes.store.calls import Calls

            self._calls = Calls(self.db)
        return self._calls

    @property
    def mails(self) -> Mails:
        """The mails imported or synced (``mail``)."""
        if self._mails is None:
            from salesnotes.store.mails import Mails

            self._mails = Mails(self.db)
        return self._mails

    def write(self, *, journal: str = "rows", note: str = "") -> Transaction:
        """One command's changes, all or nothing, holding the write lock from the start;
        recorded for ``undo`` (see ``record_as``): ``journal`` 'rows', 'step' (a command
        undo cannot take back: ``note`` says how) or 'none'."""
        return self.db.write(journal=journal, note=note)

    @property
    def user(self) -> str:
        """Who is writing: the owner of what they add (``team.me``)."""
        return self.db.user

    @user.setter
    def user(self, name: str) -> None:
        self.db.user = name

    @property
    def upgraded(self) -> list[str]:
        """The schema's steps opening the book applied (none: it was up to date)."""
        return self.db.upgraded

    @property
    def seat(self) -> Seat | None:
        """Who the server says the user is (None: a file, which has no team)."""
        return self.db.seat

    def record_as(self, label: str, now: str) -> None:
        """Record the writes that follow for ``undo``, as the command ``label`` at ``now``."""
        self.db.label, self.db.now = label, now

    def undo(self, now: str) -> Undone:
        """Put back what the last recorded command changed (see ``journal``), and the
        search rows of the contacts it touched."""
        from salesnotes.store import journal

        undone = journal.undo_last(self.db, now)
        for contact_id in sorted(undone.contacts):
            self.contacts.reindex(contact_id)
        return undone

    def history(self) -> list[Recorded]:
        """The commands ``undo`` can take back, newest first."""
        from salesnotes.store import journal

        return journal.history(self.db)

    def read(self) -> Transaction:
        """A consistent snapshot for a command that only reads."""
        return self.db.read()

    def rollback(self) -> None:
        """Undo the open write now (a dry run); its ``with`` block then ends quietly."""
        self.db.rollback()

    def is_empty(self) -> bool:
        """True when the book holds no contacts and no organisations."""
        return not self.db.one("SELECT 1 FROM contacts UNION ALL SELECT 1 FROM organisations")

    def close(self) -> None:
        """Close the book."""
        self.db.close()


def open_store(path: str | os.PathLike[str], *, create: bool = True) -> Book:
    """Open (migrating if needed) the book at ``path``: a SQLite file, or a
    ``postgresql://`` URL (a team's book; ``store/postgres.py``). ``create``: a missing or
    empty file becomes a new book; without it, only a book is opened (a read never writes a
    schema into a file that is not one yet)."""
    text = str(path)
    if is_url(text):
        from salesnotes.store.postgres import PostgresDatabase

        return Book(PostgresDatabase.open_url(text, create=create))
    return Book(Database.open(path, create=create))


def names_for_completion(path: str, typed: str, limit: int = 30) -> list[tuple[str, str]]:
    """(name, organisation) of active contacts whose name starts with ``typed`` (case and
    accents ignored), for shell completion.

    Reads the file as it is and never writes: opened read-only and immutable (no lock, no
    -wal or -shm file made), not migrated. Anything that goes wrong (no file, not a book, an
    older schema) gives no names: completion must never fail loudly.
    """
    import sqlite3
    from urllib.parse import quote

    from salesnotes.text import fold

    key = fold(typed)
    if is_url(path):
        return _names_on_postgres(path, key, limit)
    try:
        conn = sqlite3.connect(f"file:{quote(path)}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return []
    try:
        rows = conn.execute(
            "SELECT c.name, coalesce(o.name, '') FROM contacts c"
            " LEFT JOIN organisations o ON o.id = c.organisation_id"
            " WHERE c.archived_at IS NULL AND c.name_key LIKE ? ESCAPE '\\'"
            " ORDER BY c.name_key LIMIT ?",
            (_starts(key), limit),
        ).fetchall()
    except sqlite3.Error:
        return []
    finally:
        conn.close()
    return [(str(name), str(org)) for name, org in rows]


def _starts(key: str) -> str:
    return key.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def _names_on_postgres(url: str, key: str, limit: int) -> list[tuple[str, str]]:
    try:
        from salesnotes.store.postgres import PostgresDatabase

        db = PostgresDatabase(__import__("psycopg").connect(url, connect_timeout=2), url)
        try:
            rows = db.tuples(
                "SELECT c.name, coalesce(o.name, '') FROM contacts c"
                " LEFT JOIN organisations o ON o.id = c.organisation_id"
                f" WHERE c.archived_at IS NULL AND c.name_key {db.sql.like} ? ESCAPE '\\'"
                " ORDER BY c.name_key LIMIT ?",
                (_starts(key), limit),
            )
        finally:
            db.close()
    except Exception:  # completion must never fail loudly
        return []
    return [(str(name), str(org)) for name, org in rows]
