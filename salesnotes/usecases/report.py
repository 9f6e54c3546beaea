"""The team's week (or month) in figures (issue 28): ``report`` and the manager's briefing."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

from salesnotes.domain.report import Figures, Money, Person, Report, Span, spans

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.config import Config
    from salesnotes.store.interface import Store


def whose_report(store: Store, owner: str | None, team: bool) -> list[str] | None:
    """Whose figures: ``owner``'s; everyone's with ``team`` (None); by default a
    salesperson's own in a team's book, and everyone's for a manager, the read role, a
    book of one or a user who owns nothing in it."""
    from salesnotes.team import owner as owner_name

    if owner is not None:
        from salesnotes.usecases.sources import team_owners

        name, people = owner_name(owner), team_owners(store)
        if name not in people:
            from salesnotes.errors import NotFound
            from salesnotes.i18n import _

            raise NotFound(
                _("{name} has no part in this book (no contact, no follow-up); its people: "
                  "{people}").format(name=name, people=", ".join(people) or "-")
            )  # fmt: skip
        return [name]
    seat = store.seat
    if team or (seat is not None and seat.role in ("manager", "read")):
        return None
    from salesnotes.errors import NotFound
    from salesnotes.usecases.agenda import agenda_owner

    try:
        mine = agenda_owner(store, None)
    except NotFound:  # the manager of a book on a file: no contact of their own
        return None
    return None if mine is None else [mine]


def team_report(
    store: Store,
    config: Config,
    today: date,
    kind: str,
    *,
    since: date | None = None,
    last: bool = False,
    whose: list[str] | None = None,
) -> Report:
    """Each person's figures over the span ``kind`` (see ``domain.report.spans``) and the
    one before it; ``whose`` None: everyone with a part in the book, with the totals."""
    from salesnotes.domain.quote_life import probabilities
    from salesnotes.usecases.sources import team_owners

    span, before = spans(kind, today, since, last=last)
    currency = config.get_str("money.currency")
    now, other = _figures(store, span, currency)
    then, _ = _figures(store, before, currency)
    pipeline = store.reports.pipeline(today, currency, probabilities(config))
    for person, _month, n, cents, weighted in pipeline:
        figures = now.setdefault(person, _empty(span))
        figures.open = figures.open or Money()
        figures.open.add(Money(n, cents))
        figures.weighted_cents = (figures.weighted_cents or 0) + weighted
    for person, n in store.reports.quiet(today):
        now.setdefault(person, _empty(span)).quiet = n
    names = whose if whose is not None else sorted(set(team_owners(store)) | set(now))
    names = names or [store.user]  # a new book: the user's own zeros
    people = [
        Person(name, _state(now.get(name) or _empty(span)), then.get(name) or _empty(before))
        for name in names
    ]
    totals = None
    if len(people) > 1:
        totals = Person("", _state(_empty(span)), _empty(before))
        for one in people:
            totals.now.add(one.now)
            totals.before.add(one.before)
    months: dict[str, Money] = {}
    for person, month, n, cents, _weighted in pipeline:
        if person in names:
            months.setdefault(month, Money()).add(Money(n, cents))
    return Report(
        kind, span, before, today, currency, people, totals,
        sorted(months.items(), key=lambda item: item[0] or "9999"),
        sum(n for person, n in other.items() if person in names),
    )  # fmt: skip


def _empty(span: Span) -> Figures:
    return Figures(per_day=[0] * len(span.days))


def _state(figures: Figures) -> Figures:
    """The report day's state said, also when it is nothing: no open quotes is 0."""
    if figures.open is None:
        figures.open, figures.weighted_cents = Money(), 0
    if figures.quiet is None:
        figures.quiet = 0
    return figures


def _figures(store: Store, span: Span, currency: str) -> tuple[dict[str, Figures], dict[str, int]]:
    """Everyone's figures over ``span``, and how many of their quotes were in another
    currency than ``currency``."""
    found: dict[str, Figures] = {}
    days = {day.isoformat(): n for n, day in enumerate(span.days)}

    def of(person: str) -> Figures:
        return found.setdefault(person, _empty(span))

    for person, day, kind, n in store.reports.talks(span.start, span.end):
        figures = of(person)
        figures.talks[kind] += n
        if day in days:  # a day as the book writes it (another tool's text is counted only)
            figures.per_day[days[day]] += n
    for person, n in store.reports.new_contacts(*_instants(span)):
        of(person).new_contacts = n
    other: dict[str, int] = {}
    for person, what, n, cents in store.reports.quotes(span.start, span.end, currency):
        if what == "other":
            other[person] = other.get(person, 0) + n
        else:
            money = getattr(of(person), what)
            money.add(Money(n, cents))
    for person, on_time, late in store.reports.followups_done(span.start, span.end):
        of(person).on_time, of(person).late = on_time, late
    for person, opened, resolved, talked in store.reports.complaints(span.start, span.end):
        figures = of(person)
        figures.complaints += 1
        answers = [_instant(at) for at in (resolved, talked) if at]
        if answers:
            figures.answer_hours.append((min(answers) - _instant(opened)).total_seconds() / 3600)
    return found, other


def _instants(span: Span) -> tuple[str, str]:
    """The span as UTC instants as the book writes them: from its first day's local
    midnight to the one after its last day."""

    def utc(day: date) -> str:
        moment = datetime.combine(day, time(0, 0)).astimezone().astimezone(UTC)
        return moment.replace(tzinfo=None).isoformat() + "Z"

    return utc(span.start), utc(span.end + timedelta(days=1))


def _instant(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00"))
