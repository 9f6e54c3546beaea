"""The records salesnotes keeps (see ``record``: frozen, cheap to import). The store returns
these; the domain and render take them."""

from __future__ import annotations

from datetime import date

from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any


STATUSES = ("lead", "prospect", "customer", "ambassador", "former")
KINDS = ("call", "email", "meeting", "visit", "note")
INTERACTION_KINDS = (*KINDS, "complaint")  # a complaint is logged by the complaint command
REASONS = ("callback", "complaint", "question", "quote", "checkin", "other")
VISIT_ROLES = ("lead", "equal", "second")  # of who joins a visit: leads, an equal, watches
PRIORITIES = ("high", "normal", "low")


@record
class Organisation:
    """A company; contacts belong to at most one. Its own phone number and e-mail address
    (a switchboard, info@...) are what to call when nobody there has one of their own."""

    id: int
    uuid: str
    name: str
    contact_count: int = 0
    phone: str = ""
    email: str = ""


PHONE_KINDS = ("mobile", "work", "home", "assistant", "fax", "main", "pager", "other")
"""What a phone number is (from a vCard's TYPE or a CSV's column); '' when nobody said."""
CALL_ORDER = ("mobile", "work", "", "home", "other", "main", "assistant", "pager")
"""Which of a person's numbers to call first (a fax never): their own mobile, their work
number, ... their assistant's (store/contacts.py's CALL_FIRST is the same order in SQL)."""
ADDRESS_KINDS = ("work", "home", "other")


@record
class Address:
    """A postal address, whole, with its kind (work, home, other; '' when not said)."""

    kind: str = ""
    street: str = ""
    postcode: str = ""
    city: str = ""
    region: str = ""
    country: str = ""

    def parts(self) -> tuple[str, ...]:
        """The address in the order people write it (street; postcode and city; region;
        country), without the empty parts."""
        place = " ".join(p for p in (self.postcode, self.city) if p)
        return tuple(
            p for p in (self.street.replace("\n", ", "), place, self.region, self.country) if p
        )

    def covers(self, other: Address) -> bool:
        """True when this address says all that ``other`` says (a bare city is covered by
        a whole address in that city): the less precise never adds to the more precise."""
        from salesnotes.text import fold

        def same(text: str) -> str:  # 'Silicon Alley 5,' is 'silicon alley 5'
            return "".join(ch for ch in fold(text) if ch.isalnum())

        pairs = (
            (self.street, other.street),
            (self.postcode, other.postcode),
            (self.city, other.city),
            (self.region, other.region),
            (self.country, other.country),
        )
        return all(not same(theirs) or same(ours) == same(theirs) for ours, theirs in pairs)


@record
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
    birthday: str | None = None
    customer_since: date | None = None
    last_touch: date | None = None
    merged_into: int | None = None
    job_title: str = ""
    city: str = ""
    owner: str = ""  # whose account (a salesperson's short name)
    department: str = ""
    phone_kinds: tuple[str, ...] = ()  # each phone's kind (PHONE_KINDS or ''), as phones
    addresses: tuple[Address, ...] = ()

    @property
    def label(self) -> str:
        """'Jan de Vries (Pluimers Isolatie)' for messages."""
        return f"{self.name} ({self.organisation})" if self.organisation else self.name


@record
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
    logged_by: str = ""  # who logged it (a salesperson's short name)
    quote_id: int | None = None  # the quote a note salesnotes wrote is about


@record
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
    due_time: str | None = None  # 'HH:MM' when planned at a time of day
    quote_id: int | None = None  # the quote this follow-up chases
    quote_amount_cents: int | None = None  # that quote's amount now
    owner: str = ""  # who is to do it
    with_owner: str = ""  # who does it with them (a visit the manager joins): on both agendas
    proposed: bool = False  # planned by the contact's rhythm ([rhythm] plan_next), not a person
    role: str = ""  # a joint visit: the second person's role (VISIT_ROLES); '' for others

    @property
    def is_open(self) -> bool:
        """Still to be done."""
        return self.status == "open"

    def is_for(self, person: str) -> bool:
        """On ``person``'s agenda: theirs to do, or to do with them."""
        return person in (self.owner, self.with_owner)


@record
class ContactCard:
    """The few contact details an agenda row shows."""

    contact_id: int
    name: str
    organisation: str | None
    phone: str | None
    email: str | None
    last_on: date | None = None  # the last conversation: its day, kind and text
    last_kind: str = ""
    last_text: str = ""


QUOTE_STATUSES = ("draft", "sent", "negotiating", "won", "lost", "expired")
OPEN_QUOTE_STATUSES = ("draft", "sent", "negotiating")


@record
class QuoteChange:
    """What a step in a quote's life changes (``domain.quote_life`` decides it, the store
    writes it): each field set is written, None ones are left; ``active_on``: the staleness
    clock counts from that day when it is later; ``probability`` only when
    ``sets_probability`` (None: back to the status's)."""

    status: str | None = None
    amount_cents: int | None = None
    sent_on: date | None = None
    valid_until: date | None = None
    closed_on: date | None = None
    closed_at: str | None = None
    lost_reason: str | None = None
    active_on: date | None = None
    probability: int | None = None
    sets_probability: bool = False


@record
class QuoteRevision:
    """One version of a quote's amount: the first is the original offer."""

    number: int
    amount_cents: int
    revised_on: date
    note: str


@record
class Quote:
    """An offer to a contact, with its history; money in integer cents."""

    id: int
    uuid: str
    contact_id: int
    contact_name: str
    organisation: str | None
    title: str
    amount_cents: int
    currency: str
    status: str
    quoted_on: date
    valid_until: date | None
    probability: int | None
    sent_on: date | None
    closed_on: date | None
    lost_reason: str
    last_activity: date
    revisions: tuple[QuoteRevision, ...] = ()

    @property
    def is_open(self) -> bool:
        """Draft, sent or negotiating: still to be won or lost."""
        return self.status in OPEN_QUOTE_STATUSES

    def shown_status(self, today: date) -> str:
        """The status as shown: an open quote past its validity shows as expired."""
        if self.is_open and self.valid_until is not None and self.valid_until < today:
            return "expired"
        return self.status

    def idle_days(self, today: date) -> int:
        """Days since anything happened with this quote or its contact."""
        return max(0, (today - self.last_activity).days)


@record
class LosingTouch:
    """A contact past their keep-in-touch rhythm."""

    contact_id: int
    name: str
    organisation: str | None
    status: str
    rhythm: str
    last_touch: date
    last_contact: date | None
    overdue_days: int
    rhythm_days: float
    learned: int = 0  # learned from this many contact days (0: a rhythm set or configured)

    @property
    def overdue_ratio(self) -> float:
        """How far past the rhythm, in rhythms: a week late on a weekly rhythm is 1.0."""
        return self.overdue_days / self.rhythm_days if self.rhythm_days else 0.0


@record
class Occasion:
    """A birthday or customer anniversary coming up."""

    contact_id: int
    name: str
    organisation: str | None
    kind: str  # birthday or anniversary
    on: date
    years: int | None


@record
class Hit:
    """One search result: a contact, something said, a follow-up or a quote."""

    kind: str  # contact, interaction, followup, quote
    id: int
    contact_id: int
    contact: str
    on: date | None
    text: str


@record
class PhoneNumber:
    """A phone number as typed (what is shown) and as read: E.164, with ';ext=' and the
    extension if it has one; None when it is not a valid number (it is still kept)."""

    typed: str
    e164: str | None
    mobile: bool = False  # the number plan says it is a mobile number
    kind: str = ""  # what the source says it is (PHONE_KINDS), '' when it does not say

    @property
    def personal(self) -> bool:
        """One person's own number (a mobile, or one a source calls mobile or home), never
        a switchboard, an assistant's or a fax."""
        return self.kind in ("mobile", "home") or (self.mobile and self.kind == "")


@record
class Touch:
    """A contact's keep-in-touch clock, as the rhythm rules need it."""

    contact_id: int
    name: str
    organisation: str | None
    status: str
    every: str | None
    last_touch: date
    last_contact: date | None


@record
class Dates:
    """A contact's yearly dates: birthday ('YYYY-MM-DD' or '--MM-DD') and customer since."""

    contact_id: int
    name: str
    organisation: str | None
    birthday: str | None
    customer_since: str | None


@record
class Due:
    """An open follow-up as the agenda scores it: no more than the score needs."""

    id: int
    contact_id: int
    due_on: date
    reason: str
    priority: str
    created_at: str
    amount_cents: int | None = None  # a chase: its quote's amount
    owner: str = ""  # who is to do it
    with_owner: str = ""  # who does it with them


@record
class QuoteFacts:
    """An open quote as the agenda scores it."""

    id: int
    contact_id: int
    amount_cents: int
    status: str
    valid_until: date | None
    last_activity: date


@record
class Kept:
    """A contact's learned rhythm as the book keeps it for the agenda (m023): from how many
    intervals, their last contact day, the typical interval, it rounded as said (days), and
    the last day before they are getting quiet."""

    contact_id: int
    intervals: int
    last_on: date
    typical_days: float
    every_days: int
    quiet_after: date


@record
class Clock:
    """A contact's keep-in-touch clock as the agenda scores it (``every`` None: the status's)."""

    contact_id: int
    status: str
    every: str | None
    last_touch: date


@record
class Person:
    """A contact as duplicate detection needs it (salesnotes.domain.duplicates)."""

    id: int
    name: str
    organisation_id: int | None


@record
class Shared:
    """Two contacts with the same detail: 'email', 'mobile' or 'phone' (a landline)."""

    first: int
    second: int
    kind: str
    value: str


@record
class Pair:
    """Two contacts that are probably one person, how sure, and why (in words)."""

    first: int
    second: int
    certain: bool
    why: tuple[str, ...]
    strength: int  # for the order within a level: more and better reasons first


@record
class Recorded:
    """One recorded command: what was typed, when, how many rows it changed, and whether it
    was undone."""

    id: int
    command: str
    at: str
    changes: int
    undone_at: str | None
    undoable: bool = True
    note: str = ""  # a step undo cannot pass: how to take it back instead


@record
class Undone:
    """What ``undo`` put back: the command, and per table how many rows were restored,
    removed or put back as they were."""

    command: Recorded
    counts: dict[str, dict[str, int]]
    contacts: set[int]


@record
class Audited:
    """One line of the audit trail: who (``actor``, as which ``login`` on a server) did what
    (``action`` on the row ``row_id`` of ``table``) to whose record (``contact_id``, its name
    while the contact is there), when, with which command; ``old``/``new``: what moved (an
    owner, a day, a status, an amount in cents)."""

    id: int
    at: str
    actor: str
    login: str
    command: str
    table: str
    row_id: int
    contact_id: int | None
    contact: str | None
    action: str
    old: str
    new: str
    currency: str = "EUR"


@record
class Member:
    """A member of a team's book: the short name they act as, the server's login role, their
    role ('sales', 'manager', 'read'), when they were added, how many active accounts they
    own, and whether the login may log in."""

    name: str
    login: str
    role: str
    added_at: str
    accounts: int = 0
    can_login: bool = True


@record
class Synced:
    """A card or task on the phone's server as the last sync left it (m020): where, its
    UID and ETag, the contact or follow-up it is, the fields both sides agreed on (None:
    none yet), what else was written (``extras``), 'phone' in ``gone`` when deleted there,
    and ``closed`` once done on both sides."""

    id: int
    place: str
    href: str
    uid: str
    etag: str
    contact_id: int | None
    followup_id: int | None
    fields: dict[str, Any] | None
    extras: str = ""
    gone: str = ""
    closed: bool = False
