"""The store: the only package that writes SQL (besides ``migrations.py``). It returns models.

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
from salesnotes.store.followups import FollowUps
from salesnotes.store.interactions import Interactions
from salesnotes.store.organisations import Organisations
from salesnotes.store.quotes import Quotes
from salesnotes.store.rhythms import Rhythms
from salesnotes.store.search import Search

TYPE_CHECKING = False
if TYPE_CHECKING:
    import os

    from salesnotes.store.connection import Transaction


class SQLiteStore:
    """A salesnotes book in one SQLite file."""

    __slots__ = (
        "briefings",
        "bulk",
        "contacts",
        "db",
        "followups",
        "interactions",
        "orgs",
        "quotes",
        "rhythms",
        "search",
    )

    def __init__(self, db: Database) -> None:
        self.db = db
        self.orgs = Organisations(db)
        self.contacts = Contacts(db, self.orgs)
        self.interactions = Interactions(db)
        self.followups = FollowUps(db)
        self.quotes = Quotes(db)
        self.rhythms = Rhythms(db)
        self.search = Search(db, self.contacts)
        self.briefings = Briefings(db)
        self.bulk = Bulk(db)

    @property
    def location(self) -> str:
        """Where the book is, for messages: the file's path."""
        return self.db.path

    def write(self) -> Transaction:
        """One command's changes, all or nothing, holding the write lock from the start."""
        return self.db.write()

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


def open_store(path: str | os.PathLike[str]) -> SQLiteStore:
    """Open (creating and migrating if needed) the book at ``path``."""
    return SQLiteStore(Database.open(path))
