"""Agenda sources: each reads what it needs from the store and yields scored candidates.

A new kind of reason to call (quotes, keep-in-touch rhythms) is a source here; the ranking in
agenda.py does not change. A source gives every candidate, in words, of all contacts or of
some (``contact_ids``); and, for a short agenda, its *streams*: reads whose rows come in
order of falling score (the follow-ups of one reason and priority, most overdue first; the
quotes of one kind, largest first; the contacts of one rhythm, longest untouched first).

``agenda(limit=N)`` merges the streams: it scores only the few columns a score needs, takes
the best head of all streams each time, and stops once N contacts are found and no head can
reach the N-th score. A contact's score is their best candidate's, so that is exactly the
list a full ranking gives (a test holds it to that). Each source reads the first page of
all its streams in one statement, and the rare stream that runs dry is read further on its
own. Only the chosen contacts' candidates are then read in full and put in words.
"""

from __future__ import annotations

import heapq
from datetime import UTC, date, datetime, time, timedelta

from salesnotes.config import defaults
from salesnotes.domain import rhythms
from salesnotes.domain.ranking import (
    Weights,
    followup_candidate,
    followup_terms,
    quote_candidates,
    quote_terms,
    rank,
    rhythm_candidate,
    rhythm_terms,
)
from salesnotes.models import OPEN_QUOTE_STATUSES, PRIORITIES, REASONS
from salesnotes.record import changed, record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Callable, Iterator, Sequence
    from typing import Any

    from salesnotes.config import Config
    from salesnotes.domain.days import Calendar
    from salesnotes.domain.ranking import AgendaRow, Candidate
    from salesnotes.models import (
        Clock,
        Due,
        LosingTouch,
        Occasion,
        QuoteFacts,
    )
    from salesnotes.store.interface import Store

    # (score, contact id) pairs in falling score order, read a page at a time
    Stream = Iterator[tuple[float, int]]
    Streams = Callable[[Store, "Context", int], list[Stream]]
    Candidates = Callable[[Store, "Context", Sequence[int] | None], list[Candidate]]

FIRST_PAGE = 8
"""Rows read from the top of each stream at first; a stream that runs dry reads on, doubling."""


@record
class Context:
    """What every source may use: the day, the moment, the settings and the weights."""

    today: date
    now: datetime
    config: Config
    weights: Weights
    owner: str | None = None  # one salesperson's agenda: the follow-ups they are to do,
    own: frozenset[int] | None = None  # and the quotes and rhythms of the contacts they own
    # (the streams ask the store for the owner's rows; ``own``, the owner's contacts among
    # those read in full, is read once the contacts are known)

    @property
    def response_hours(self) -> int:
        """A complaint's response time."""
        return self.config.get_int("complaints.response_hours")


def _paged(
    first: list[Any],
    more: Callable[[int, int], list[Any]],
    score: Callable[[Any], tuple[float, int] | None],
) -> Stream:
    """A stream over rows: ``first`` page, then ``more(limit, offset)`` pages, each scored
    (``score`` None: the row gives no candidate in this stream and is passed over)."""
    rows, offset, size = first, 0, len(first) or FIRST_PAGE
    while rows:
        for row in rows:
            found = score(row)
            if found is not None:
                yield found
        if len(rows) < size:
            return
        offset += len(rows)
        size *= 2
        rows = more(size, offset)


# -- follow-ups -------------------------------------------------------------------------------


def followup_candidates(
    store: Store, ctx: Context, contact_ids: Sequence[int] | None
) -> list[Candidate]:
    """Open follow-ups due today or earlier (snoozed ones only once their new day comes);
    complaints count their age in hours from when they were opened."""
    return [
        followup_candidate(f, ctx.today, ctx.weights, ctx.now, ctx.response_hours)
        for f in store.followups.due(ctx.today, contact_ids=contact_ids, owner=ctx.owner)
    ]


def followup_streams(store: Store, ctx: Context, page: int) -> list[Stream]:
    """One stream per reason and priority, most overdue first: within one, the score only
    grows with the days overdue. Complaints, few and aged by the hour, are one stream read
    whole and sorted; so are the follow-ups that chase a quote (scored by its amount too)."""
    groups = [(r, p) for r in REASONS if r != "complaint" for p in PRIORITIES]

    def score(due: Due) -> tuple[float, int]:
        terms = followup_terms(
            due.reason,
            due.priority,
            due.due_on,
            due.created_at,
            ctx.today,
            ctx.weights,
            ctx.now,
            ctx.response_hours,
            due.amount_cents,
        )
        return sum(t.value for t in terms), due.contact_id

    owner = ctx.owner
    complaints = store.followups.heads(
        ctx.today, [("complaint", p) for p in PRIORITIES], limit=None, owner=owner
    )
    everything = sorted((score(d) for group in complaints for d in group), reverse=True)
    # A quote's chases score by its amount too: read whole (one per sent quote) and sorted.
    chases = sorted((score(d) for d in store.followups.chases_due(ctx.today, owner)), reverse=True)
    streams = [iter(everything), iter(chases)]
    firsts = store.followups.heads(ctx.today, groups, page, owner=owner)
    for group, first in zip(groups, firsts, strict=True):

        def more(limit: int, offset: int, group: tuple[str, str] = group) -> list[Due]:
            return store.followups.heads(ctx.today, [group], limit, offset, owner)[0]

        streams.append(_paged(first, more, score))
    return streams


# -- quotes -----------------------------------------------------------------------------------


def quote_source_candidates(
    store: Store, ctx: Context, contact_ids: Sequence[int] | None
) -> list[Candidate]:
    """Open quotes that expired, expire soon, or have gone stale."""
    contact_ids = _owned(ctx, contact_ids)
    quotes = store.quotes.find(open_only=True, contact_ids=contact_ids, history=False)
    return [c for q in quotes for c in quote_candidates(q, ctx.today, ctx.weights, ctx.config)]


def quote_streams(store: Store, ctx: Context, page: int) -> list[Stream]:
    """Expired quotes per status, quotes expiring per day and stale ones per status, each
    largest first: within each, the score grows with the amount only."""
    today, config = ctx.today, ctx.config
    reads: list[tuple[str, list[Any], str]] = []
    for status in OPEN_QUOTE_STATUSES:
        reads.append(("expired", [status, today.isoformat()], "expired"))
        threshold = config.get_int(f"quotes.stale_after_days.{status}")
        cutoff = today - timedelta(days=threshold)
        reads.append(("idle since", [status, cutoff.isoformat()], "stale"))
    for days_left in range(config.get_int("quotes.expiring_within_days") + 1):
        day = today + timedelta(days=days_left)
        reads.append(("expires on", [day.isoformat()], "expiring"))

    def scorer(kind: str) -> Callable[[QuoteFacts], tuple[float, int] | None]:
        def score(q: QuoteFacts) -> tuple[float, int] | None:
            found = quote_terms(
                q.amount_cents, q.status, q.valid_until, q.last_activity, today, ctx.weights, config
            )
            for which, terms, __ in found:
                if which == kind:
                    return sum(t.value for t in terms), q.contact_id
            return None  # e.g. an idle quote that expired: "renew it", not "stale"

        return score

    streams = []
    owner = ctx.owner
    firsts = store.quotes.heads([(read, values) for read, values, _ in reads], page, 0, owner)
    for (read, values, kind), first in zip(reads, firsts, strict=True):

        def more(limit: int, offset: int, read: str = read, values: list[Any] = values) -> Any:
            return store.quotes.heads([(read, values)], limit, offset, owner)[0]

        streams.append(_paged(first, more, scorer(kind)))
    return streams


# -- keep in touch ----------------------------------------------------------------------------


def losing_touch(
    store: Store,
    day: date,
    config: Config,
    *,
    contact_ids: Sequence[int] | None = None,
    limit: int | None = None,
) -> list[LosingTouch]:
    """Active contacts (``contact_ids``: of these) past their keep-in-touch rhythm on ``day``
    (see ``rhythms``), most rhythms overdue first; ``limit``: only the first so many (read as
    the first so many of each rhythm, which within one rhythm is the same order)."""
    by_status = rhythms.defaults(config)
    learning = config.get_bool("rhythm.learn")
    if contact_ids is not None:
        touches = store.rhythms.touches(contact_ids, learning)
    else:
        statuses, own = rhythms.cutoffs(day, by_status, store.rhythms.rhythms_in_use())
        touches = store.rhythms.untouched_since(statuses, own, limit, learning)
    found = rhythms.past_rhythm(touches, day, by_status)
    if learning:
        if limit is not None and contact_ids is None:  # the first of each learned rhythm
            reads = [(every, day) for every in store.rhythms.learned_rhythms()]
            heads = [h[0] for group in store.rhythms.quiet_heads(reads, limit) for h in group]
            quiet = store.rhythms.quiet(day, heads) if heads else []
        else:
            quiet = store.rhythms.quiet(day, contact_ids)
        found += rhythms.getting_quiet(quiet, day)
    found = rhythms.most_overdue_first(found)
    return found if limit is None else found[:limit]


def losing_touch_ids(store: Store, day: date, config: Config) -> set[int]:
    """The active contacts past their keep-in-touch rhythm on ``day``, or getting quiet by
    their learned one (counted, not read)."""
    by_status = rhythms.defaults(config)
    learning = config.get_bool("rhythm.learn")
    statuses, own = rhythms.cutoffs(day, by_status, store.rhythms.rhythms_in_use())
    found = set(store.rhythms.untouched_contacts(statuses, own, learning))
    if learning:
        found |= set(store.rhythms.quiet_ids(day))
    return found


def occasions(store: Store, day: date, days: int = 7) -> list[Occasion]:
    """Birthdays and customer anniversaries from ``day`` up to ``days`` ahead."""
    return rhythms.occasions(store.rhythms.yearly_dates(rhythms.yearly_keys(day, days)), day, days)


def rhythm_source_candidates(
    store: Store, ctx: Context, contact_ids: Sequence[int] | None
) -> list[Candidate]:
    """Contacts past their keep-in-touch rhythm."""
    contact_ids = _owned(ctx, contact_ids)
    items = losing_touch(store, ctx.today, ctx.config, contact_ids=contact_ids)
    return [rhythm_candidate(item, ctx.today, ctx.weights) for item in items]


def rhythm_streams(store: Store, ctx: Context, page: int) -> list[Stream]:
    """Per status's rhythm and per own rhythm, the contacts untouched longest first: within
    one rhythm, the score grows with the time since the last contact. With learning on, per
    learned rhythm (rounded as said) the contacts quiet longest first, and the status's
    rhythms only for the contacts who have no learned one."""
    learning = ctx.config.get_bool("rhythm.learn")
    streams = quiet_streams(store, ctx, page) if learning else []
    by_status = rhythms.defaults(ctx.config)
    statuses, own = rhythms.cutoffs(ctx.today, by_status, store.rhythms.rhythms_in_use())
    reads = [("status", s, day) for s, day in statuses.items()]
    reads += [("every", every, day) for every, day in own.items()]

    def score(clock: Clock) -> tuple[float, int] | None:
        late = rhythms.lateness(clock.every or by_status[clock.status], clock.last_touch, ctx.today)
        if late is None:
            return None
        period, overdue_days = late
        terms = rhythm_terms(str(period), overdue_days / period.approx_days, ctx.weights)
        return sum(t.value for t in terms), clock.contact_id

    owner = ctx.owner
    heads = store.rhythms.heads(reads, page, 0, owner, learning)
    for read, first in zip(reads, heads, strict=True):

        def more(limit: int, offset: int, read: tuple[str, str, date] = read) -> list[Clock]:
            return store.rhythms.heads([read], limit, offset, owner, learning)[0]

        streams.append(_paged(first, more, score))
    return streams


def quiet_streams(store: Store, ctx: Context, page: int) -> list[Stream]:
    """Per learned rhythm (rounded as said, so one score rule per stream), the contacts
    getting quiet, quiet longest first."""
    from salesnotes.domain.cadence import rhythm_word
    from salesnotes.domain.ranking import quiet_terms

    def score(head: tuple[int, int, date]) -> tuple[float, int] | None:
        contact_id, every, quiet_after = head
        late = (ctx.today - quiet_after).days
        if late <= 0:
            return None
        terms = quiet_terms(rhythm_word(every), late / every, ctx.weights)
        return sum(t.value for t in terms), contact_id

    reads = [(every, ctx.today) for every in store.rhythms.learned_rhythms()]
    if not reads:
        return []
    owner, streams = ctx.owner, []
    for read, first in zip(reads, store.rhythms.quiet_heads(reads, page, 0, owner), strict=True):

        def more(
            limit: int, offset: int, read: tuple[int, date] = read
        ) -> list[tuple[int, int, date]]:
            return store.rhythms.quiet_heads([read], limit, offset, owner)[0]

        streams.append(_paged(first, more, score))
    return streams


def _owned(ctx: Context, contact_ids: Sequence[int] | None) -> Sequence[int] | None:
    """``contact_ids`` (None: all) narrowed to the contacts of the agenda's owner."""
    if ctx.own is None:
        return contact_ids
    if contact_ids is None:
        return sorted(ctx.own)
    return [i for i in contact_ids if i in ctx.own]


SOURCES: list[tuple[Candidates, Streams]] = [
    (followup_candidates, followup_streams),
    (quote_source_candidates, quote_streams),
    (rhythm_source_candidates, rhythm_streams),
]


# -- what the briefing and the pipeline read, beside the agenda ----------------------------------


def _stale_cutoffs(config: Config, day: date) -> dict[str, date]:
    return {
        status: day - timedelta(days=config.get_int(f"quotes.stale_after_days.{status}"))
        for status in OPEN_QUOTE_STATUSES
    }


def agenda_size(
    store: Store,
    day: date,
    config: Config,
    losing_touch: set[int] | None = None,
    owner: str | None = None,
) -> int:
    """How many people the full agenda for ``day`` lists: everyone with a follow-up due, a
    quote needing a call, or a rhythm run out (counted, not ranked; ``losing_touch``: the
    last ones, if read already). With an ``owner``, one salesperson's: the follow-ups they
    are to do, the quotes and rhythms of the contacts they own."""
    until = day + timedelta(days=config.get_int("quotes.expiring_within_days"))
    attention = set(store.quotes.attention_contacts(until, _stale_cutoffs(config, day)))
    losing = losing_touch_ids(store, day, config) if losing_touch is None else losing_touch
    if owner is not None:
        own = set(store.contacts.owned(owner))
        attention, losing = attention & own, losing & own
    return len(set(store.followups.due_contacts(day, owner=owner)) | attention | losing)


def agenda(
    store: Store,
    today: date,
    config: Config | None = None,
    limit: int | None = None,
    now: datetime | None = None,
    owner: str | None = None,
    calendar: Calendar | None = None,
) -> list[AgendaRow]:
    """The ranked agenda for ``today``: every source's candidates, one row per contact
    (overdue counted in working days of ``calendar``: no holiday, no day off).

    ``now`` is the moment complaints are aged against (default: noon of ``today``). With a
    ``limit``, only the contacts that can make the list are read in full (see the module).
    With an ``owner``, one salesperson's day: the follow-ups they are to do, and the quotes
    and rhythms of the contacts they own.
    """
    config = config or defaults()
    weights = Weights.from_config(config, calendar)
    if now is None:
        now = datetime.combine(today, time(12, 0), tzinfo=UTC)
    ctx = Context(today, now, config, weights, owner)
    if limit is None:
        if owner is not None:
            ctx = changed(ctx, own=frozenset(store.contacts.owned(owner)))
        candidates = [c for read, _ in SOURCES for c in read(store, ctx, None)]
        return rank(candidates, store.contacts.cards(c.contact_id for c in candidates), weights)
    cards = store.contacts.cards(top_contacts(store, ctx, limit))
    if owner is not None:  # a colleague's contact with a follow-up of theirs: not their quotes
        ctx = changed(ctx, own=frozenset(store.contacts.owned(owner, among=list(cards))))
    candidates = [c for read, _ in SOURCES for c in read(store, ctx, list(cards))]
    return rank(candidates, cards, weights, limit)


def team_owners(store: Store) -> list[str]:
    """Everyone with an agenda in a team's book: who owns contacts or is to do a follow-up."""
    return sorted(set(store.contacts.owners()) | set(store.followups.owners()))


def team_agenda(
    store: Store,
    today: date,
    config: Config | None = None,
    limit: int | None = None,
    now: datetime | None = None,
    calendar: Calendar | None = None,
) -> list[AgendaRow]:
    """Every salesperson's agenda in turn (by name, each cut at ``limit``), every row naming
    its owner: the manager's view (each one's overdue counted without the public holidays of
    ``calendar`` and their own days off)."""
    from salesnotes.domain.days import Calendar

    owners = team_owners(store)
    base = calendar or Calendar((config or defaults()).working_days())
    holidays = tuple(d for d in base.off if d.kind == "holiday")
    rows = []
    for name in owners:
        theirs = Calendar.of(base.working, (*holidays, *store.days_off.of(name)))
        rows += [
            changed(row, owner=name)
            for row in agenda(store, today, config, limit, now, owner=name, calendar=theirs)
        ]
    return rows


def top_contacts(store: Store, ctx: Context, limit: int) -> list[int]:
    """The contacts whose best score is among the ``limit`` best (ties at the cut included),
    by merging every source's streams, best head first."""
    streams = [s for _, make in SOURCES for s in make(store, ctx, min(limit, FIRST_PAGE))]
    heads: list[tuple[float, int, int]] = []
    for n, stream in enumerate(streams):
        for score, contact_id in stream:
            heads.append((-score, n, contact_id))
            break
    heapq.heapify(heads)
    best: dict[int, float] = {}
    cut = None
    while heads:
        negative, n, contact_id = heapq.heappop(heads)
        if cut is not None and -negative < cut:
            break
        if contact_id not in best:
            best[contact_id] = -negative
            if len(best) == limit:
                cut = -negative
        for score, following in streams[n]:
            heapq.heappush(heads, (-score, n, following))
            break
    return list(best)
