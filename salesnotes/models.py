"""The records salesnotes keeps, as frozen dataclasses. Store returns these; render prints them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

STATUSES = ("lead", "prospect", "customer", "ambassador", "former")
KINDS = ("call", "email", "meeting", "visit", "note")
REASONS = ("callback", "complaint", "question", "quote", "checkin", "other")
PRIORITIES = ("high", "normal", "low")


@dataclass(frozen=True)
class Organisation:
    """A company; contacts belong to at most one."""

    id: int
    uuid: str
    name: str
    contact_count: int = 0


@dataclass(frozen=True)
class Contact:
    """A person, with how to reach them and where they stand."""

    id: int
    uuid: str
    name: str
    organisation: str | None
    organisation_id: int | None
    status: str
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    note: str = ""
    archived: bool = False
    created_at: str = ""
    last_contact: date | None = None
    every: str | None = None

    @property
    def label(self) -> str:
        """'Jan de Vries (Pluimers Isolatie)' for messages."""
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


@dataclass(frozen=True)
class Interaction:
    """Something that happened with a contact: a call, a mail, a visit, a note."""

    id: int
    uuid: str
    contact_id: int
    contact_name: str
    kind: str
    text: str
    happened_on: date
    logged_at: str


@dataclass(frozen=True)
class FollowUp:
    """A promise to get back to someone on a given day."""

    id: int
    uuid: str
    contact_id: int
    contact_name: str
    organisation: str | None
    due_on: date
    text: str
    reason: str
    priority: str
    status: str
    created_on: date
    created_at: str
    done_on: date | None = None
    done_note: str = ""
    snoozed_from: date | None = None

    @property
    def is_open(self) -> bool:
        """Still to be done."""
        return self.status == "open"


@dataclass(frozen=True)
class ScoreTerm:
    """One named part of an agenda row's score: ('callback', 500)."""

    name: str
    value: float


@dataclass(frozen=True)
class Candidate:
    """What one agenda source says about one contact: why to call, and how urgent."""

    contact_id: int
    reason: str
    terms: tuple[ScoreTerm, ...]
    since: date
    followup_ids: tuple[int, ...] = ()

    @property
    def score(self) -> float:
        """The sum of this candidate's terms."""
        return sum(term.value for term in self.terms)


@dataclass(frozen=True)
class ContactCard:
    """The few contact details an agenda row shows."""

    contact_id: int
    name: str
    organisation: str | None
    phone: str | None
    email: str | None


@dataclass(frozen=True)
class AgendaRow:
    """One person to call, the score that placed them, and why in words."""

    contact_id: int
    name: str
    organisation: str | None
    phone: str | None
    email: str | None
    score: float
    reasons: tuple[str, ...]
    followup_ids: tuple[int, ...]
    terms: tuple[ScoreTerm, ...] = field(default=())
    since: date | None = None
