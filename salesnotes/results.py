"""What the use cases return: one record per thing a user did (a quote sent, a follow-up
done, a briefing assembled), for render/ to say and a test to check. The book's own records
(a contact, a quote, a follow-up) are in ``salesnotes.models``."""

from __future__ import annotations

from datetime import date, datetime

from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import timedelta
    from typing import Any

    from salesnotes.adapters.dav import Collection
    from salesnotes.captured import Call
    from salesnotes.domain.cadence import Learned, Segment
    from salesnotes.domain.days import Calendar, DayOff
    from salesnotes.domain.plans import Planned
    from salesnotes.domain.quote_life import Pipeline
    from salesnotes.domain.ranking import AgendaRow
    from salesnotes.domain.report import Report
    from salesnotes.imported import Unreadable
    from salesnotes.models import (
        Audited,
        Contact,
        FollowUp,
        Hit,
        Interaction,
        Kept,
        LosingTouch,
        Member,
        Occasion,
        Organisation,
        Quote,
    )
    from salesnotes.team import Coached


@record
class Brief:
    """Everything one briefing says."""

    day: date
    now: datetime
    agenda: Sequence[AgendaRow]
    agenda_total: int
    response_hours: int
    late_complaints: Sequence[tuple[FollowUp, timedelta]]
    expiring: Sequence[Quote]
    stale: Sequence[Quote]
    losing_touch: Sequence[LosingTouch]
    occasions: Sequence[Occasion]
    since: datetime | None
    interactions: Sequence[Interaction]
    followups_done: Sequence[FollowUp]
    quotes_closed: Sequence[Quote]
    pipeline: Pipeline | None
    money_format: str = "nl"
    # How many there are of what the lists above may show only the first few of (None: the
    # list is complete).
    expiring_total: int | None = None
    stale_total: int | None = None
    losing_touch_total: int | None = None
    occasions_total: int | None = None
    interactions_total: int | None = None
    followups_done_total: int | None = None
    since_asked: bool = False  # --since: from that day, not from the last briefing
    day_off: DayOff | None = None  # the day is a public holiday or one of the user's days off
    back: tuple[DayOff, int] | None = None  # first day back: the days off, follow-ups due in them
    # The last briefing's time as the book holds it when it is not a time (another tool
    # wrote it): 'since the last briefing' is left out, and the user is told.
    unreadable_since: str = ""
    # The conversations from the phone's log since the working day before with no note yet.
    unnoted_calls: Sequence[Call] = ()
    # The joint visits of the next working day, each prepared as 'visit prep' does.
    visits: Sequence[VisitPrep] = ()
    # The manager's (brief --team): per salesperson, the day last on the road together
    # (None: never) and the roles of the last times, latest first.
    ride_along: Sequence[tuple[str, date | None, tuple[str, ...]]] = ()
    # The manager's: the team's week so far in figures (``report --week``).
    week: Report | None = None

    @property
    def is_empty(self) -> bool:
        """Nothing in it at all: no one to call, no late complaint, no quote, no occasion,
        and nothing happened since the last briefing."""
        return not (
            self.agenda
            or self.late_complaints
            or self.expiring
            or self.stale
            or self.losing_touch
            or self.occasions
            or self.interactions
            or self.followups_done
            or self.quotes_closed
            or self.unnoted_calls
            or self.visits
            or self.ride_along
        )

    @property
    def calls(self) -> int:
        """How many people the agenda says to call."""
        return self.agenda_total


@record
class DayAgenda:
    """A day's agenda: its rows, the calendar they were planned on, what piled up while the
    user was away, whose it is, and (when nobody by that name owns a contact) the owners
    the book has."""

    rows: Sequence[AgendaRow]
    calendar: Calendar
    piled: tuple[DayOff, int] | None
    whose: str | None
    owners_instead: Sequence[str] | None


@record
class Dossier:
    """What ``show`` shows of a contact (``team``: say whose, and who logged each)."""

    contact: Contact
    followups: Sequence[FollowUp]
    quotes: Sequence[Quote]
    recent: Sequence[Interaction]
    team: bool = False
    # The mails the contact wrote on each open complaint since it was opened: (the
    # complaint's follow-up id, how many, the last one's moment).
    complaint_mails: Sequence[tuple[int, int, str]] = ()
    rhythm: Kept | None = None  # their learned rhythm, as the agenda reads it (m023)
    rhythm_next: date | None = None  # the next contact by it, on a working day


@record
class Account:
    """What ``show`` shows of an organisation."""

    organisation: Organisation
    members: Sequence[Contact]
    followups: Sequence[FollowUp]
    quotes: Sequence[Quote]


@record
class Sent:
    """A quote sent: the quote, and the follow-up that chases it (None when one already
    did)."""

    quote: Quote
    chase: FollowUp | None
    answers_in: int | None = None  # the customer's usual answer (working days), when known
    answered: int = 0  # ... from this many earlier quotes


@record
class Added:
    """A new quote for a contact; ``sent``: what sending it did, when it was sent at once."""

    quote: Quote
    contact: Contact
    sent: Sent | None


@record
class Revised:
    """A quote with a new amount, and its amount before."""

    quote: Quote
    before_cents: int
    note: str


@record
class Closed:
    """A quote closed as won, lost or expired; ``promoted``: the contact a won quote made a
    customer, as they were before (None: nobody was promoted)."""

    quote: Quote
    promoted: Contact | None


@record
class Logged:
    """A conversation logged, the follow-up planned with it and the complaint it opened
    (None when not)."""

    interaction: Interaction
    followup: FollowUp | None
    complaint: FollowUp | None


@record
class Found:
    """What a search found, and the names nearest to what was typed when nothing was."""

    hits: Sequence[Hit]
    nearest: Sequence[str]


@record
class AddedContact:
    """A contact added, and the contacts who have the same name (a note, not a refusal)."""

    contact: Contact
    namesakes: Sequence[Contact]


@record
class AssignedAll:
    """All of one salesperson's accounts (of a tag or organisation when asked) given to
    another, with the open follow-ups the first was to do with them."""

    previous: str
    owner: str
    accounts: int
    followups: int


@record
class Assigned:
    """A contact given to a colleague: who had it, who has it now, and how many open
    follow-ups went with it (``previous == owner``: it was theirs already)."""

    contact: Contact
    previous: str
    owner: str
    moved: int


@record
class Snoozed:
    """A follow-up moved: as it was, as it is, the day it was moved to, and whether that is
    sooner than it was (``before is followup``: it was on that day already)."""

    before: FollowUp
    followup: FollowUp
    planned: Planned
    sooner: bool


@record
class Done:
    """A follow-up completed, the note logged with it and the next one planned (None when
    not)."""

    followup: FollowUp
    interaction: Interaction | None
    following: FollowUp | None


@record
class Trail:
    """What ``history`` found: the lines of the audit trail about ``contact`` or by
    ``actor`` (either may be None), from ``since`` on."""

    contact: Contact | None
    actor: str | None
    since: date | None
    lines: Sequence[Audited]


@record
class Joined:
    """A member added to the team (or changed), and whether their login role was made."""

    member: Member
    made_login: bool


@record
class Chosen:
    """A place on the phone's server (``what``: 'addressbook', 'tasks', 'calendar'): the
    collection, and whether ``sync setup`` made it now."""

    what: str
    collection: Collection
    made: bool


class SyncOutcome:
    """What a sync did and what it left to a person (``sync status`` shows the last one)."""

    __slots__ = ("conflicts", "counts", "dry_run", "lines", "names", "waiting")

    def __init__(self, dry_run: bool) -> None:
        self.dry_run = dry_run
        self.counts: dict[str, int] = {}
        self.conflicts: list[dict[str, Any]] = []
        self.waiting: list[dict[str, Any]] = []
        self.lines: list[str] = []  # what --dry-run says it would do, in words
        self.names: dict[str, str] = {}  # who the waiting and conflicts mean (``named``)

    def count(self, what: str, said: str = "") -> None:
        self.counts[what] = self.counts.get(what, 0) + 1
        if said and self.dry_run:
            self.lines.append(said)

    def wait(self, what: str, **details: Any) -> None:
        self.waiting.append({"what": what, **details})

    def as_json(self) -> dict[str, Any]:
        return {"counts": self.counts, "conflicts": self.conflicts, "waiting": self.waiting}


@record
class CallsImported:
    """What a call log's import did: conversations added, call-backs asked for (the missed
    calls' contacts and moments) and closed by a later conversation, calls known already,
    calls of numbers that are nobody's, calls left out (blocked), calls not answered on the
    other side (kept, not conversations), and the unreadable records skipped."""

    talks: int
    callbacks: Sequence[tuple[str, str]]  # (name, UTC instant of the missed call)
    closed: int
    known: int
    strangers: int
    left_out: int
    unanswered: int
    skipped: int = 0


@record
class CallNoted:
    """A call's note added: the call, and the follow-up planned with it (None: not)."""

    call: Call
    followup: FollowUp | None


@record
class MailImported:
    """What a mail import or sync did: mails logged and the conversations they became (one
    per contact a mail was with), mails linked to a quote, replies that read as accepting a
    quote (the contact, the quote, the words: the agenda asks), mails noted on an open
    complaint, and what was left out: known already, written by a machine, with nobody in
    the book, unreadable (their places)."""

    logged: int
    conversations: int
    quotes: int
    questions: Sequence[tuple[str, int, str]]
    complaints: Sequence[tuple[str, int]]
    known: int
    machine: int
    strangers: int
    unreadable: Sequence[Unreadable] = ()
    folders: Sequence[tuple[str, int]] = ()  # a sync: each folder, and how many mails it read


@record
class Coaching:
    """``coach --with``: the joint visits two people did together (id, day, role, whose),
    and the coaching notes between them, the latest first."""

    me: str
    other: str
    visits: Sequence[tuple[int, date, str, str]]
    notes: Sequence[Coached]


@record
class VisitPrep:
    """What ``visit prep`` gives both people on a joint visit: the visit, the customer, the
    last conversations, open quotes, open complaints and the last ones answered, and the
    learned rhythm (None: none yet)."""

    visit: FollowUp
    contact: Contact
    recent: Sequence[Interaction]
    quotes: Sequence[Quote]
    open_complaints: Sequence[FollowUp]
    answered_complaints: Sequence[FollowUp]
    rhythm: Kept | None


@record
class Proposal:
    """When the next contact would be by a contact's rhythm, after a conversation with no
    next moment given: the day (a working day, spread where the day was full), by the rhythm
    set for them (``set_rhythm``) or the learned one (``learned``, from ``contacts`` contact
    days, leaning on ``segment``), and the follow-up it planned (``[rhythm] plan_next``)."""

    contact: Contact
    planned: Planned
    learned: Learned | None
    segment: Segment | None
    contacts: int
    set_rhythm: str | None = None
    followup: FollowUp | None = None
    intervals: Sequence[int] = ()


@record
class RhythmShown:
    """What ``rhythm WHO`` says of a contact: their intervals (days, oldest first), the
    rhythm learned from them and their segment (None: no contact day yet), the rhythm set
    by hand or by their status ('6w'; 'off'; None) and whether it was set for them, when the
    next contact would be by the learned rhythm, and how many days they are past its 90th
    percentile (0: not getting quiet)."""

    contact: Contact
    intervals: Sequence[int]
    learned: Learned | None
    segment: Segment
    set_rhythm: str | None
    set_for_them: bool
    proposal: date | None
    quiet_days: int
    since: int | None  # days since the last contact
