"""Domain errors. Each carries the exit code the CLI turns it into.

0 ok, 1 generic, 2 bad input, 3 not found, 4 conflict or ambiguous (documented in the README).
"""

from __future__ import annotations


class SalesnotesError(Exception):
    """Base class: a failure that is the user's to fix, shown as one ``Error: ...`` line."""

    exit_code = 1

    def __init__(self, message: str, *, details: list[str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = details or []


class BadInput(SalesnotesError):
    """Input that cannot be understood: a date, an amount, an empty name (exit 2)."""

    exit_code = 2


class NotFound(SalesnotesError):
    """No contact, follow-up or quote matches (exit 3)."""

    exit_code = 3


class Conflict(SalesnotesError):
    """Ambiguous name, or an action the record's state forbids (exit 4)."""

    exit_code = 4


class DatabaseError(SalesnotesError):
    """The database cannot be used: newer than this code, not a database, not writable (exit 1)."""

    exit_code = 1


class ConfigError(SalesnotesError):
    """The configuration file is unreadable or holds a bad value (exit 2)."""

    exit_code = 2


class ServerError(SalesnotesError):
    """A server the book talks to (the phone's CardDAV/CalDAV) refused or could not be
    reached: the password, the address, TLS, a time-out (exit 1). Nothing was changed."""

    exit_code = 1
