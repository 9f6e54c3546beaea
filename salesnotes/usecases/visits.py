"""The joint visit (issue 28, begun): a salesperson's visit a second person (the sales
manager) joins in a chosen role, planned on both agendas, prepared from the whole dossier,
done once and logged with both names."""

from __future__ import annotations

from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

    from salesnotes.domain.plans import Planned
    from salesnotes.models import Contact, FollowUp
    from salesnotes.results import Coaching, Done, VisitPrep
    from salesnotes.store.interface import Store


def plan_visit(
    store: Store,
    contact: Contact,
    planned: Planned,
    goal: str,
    *,
    with_owner: str,
    role: str,
    today: date,
    now: str,
    owner: str | None = None,
) -> FollowUp:
    """A visit at a time of day with a second person in a role (``domain.fields``: lead,
    equal, second, or a Dutch word for one), for the contact's owner (``owner``: another
    salesperson); on both agendas (``with_owner``)."""
    from salesnotes.domain.fields import one_of
    from salesnotes.domain.records import followup_priority, second_person
    from salesnotes.errors import BadInput
    from salesnotes.models import VISIT_ROLES
    from salesnotes.usecases.followups import require_active

    role = one_of(role, VISIT_ROLES, "role")
    if planned.at is None:
        raise BadInput(
            _("a visit is at a time of day: give one, such as 'vrijdag 10:00' or 'morgen om "
              "half 3'")
        )  # fmt: skip
    doer = owner or contact.owner
    second = second_person(doer, with_owner)
    require_active(contact, _("the visit"))
    return store.followups.add(
        contact.id, planned.day, goal or _("visit"), reason="other",
        priority=followup_priority("normal"), today=today, now=now, at=planned.at,
        owner=doer, with_owner=second, role=role,
    )  # fmt: skip


def a_visit(store: Store, followup_id: int) -> FollowUp:
    """The follow-up, when it is a joint visit (else bad input naming what to use)."""
    from salesnotes.errors import BadInput

    followup = store.followups.get(followup_id)
    if not followup.role:
        raise BadInput(
            _("follow-up #{id} is not a joint visit; 'salesnotes visit WHO WHEN --with NAME' "
              "plans one").format(id=followup_id)
        )  # fmt: skip
    return followup


def visit_prep(store: Store, followup_id: int, today: date) -> VisitPrep:
    """One page for both: the visit, the customer and their address, the last
    conversations, open quotes, complaints (open, and the last ones answered, with how), the
    keep-in-touch state (the rhythm set or learned), the goal and the role."""
    from salesnotes.results import VisitPrep

    visit = a_visit(store, followup_id)
    contact = store.contacts.get(visit.contact_id)
    complaints = [
        f for f in store.followups.find(include_done=True, contact_id=contact.id)
        if f.reason == "complaint"
    ]  # fmt: skip
    open_complaints = [f for f in complaints if f.is_open]
    answered = sorted((f for f in complaints if not f.is_open), key=lambda f: f.done_on or today)
    return VisitPrep(
        visit=visit,
        contact=contact,
        recent=store.interactions.latest(contact.id, 5),
        quotes=store.quotes.find(open_only=True, contact_id=contact.id),
        open_complaints=open_complaints,
        answered_complaints=answered[-3:][::-1],
        rhythm=store.rhythms.kept(contact.id),
    )


def visit_done(
    store: Store,
    followup_id: int,
    note: str,
    *,
    today: date,
    now: str,
    planned: Planned | None = None,
    about: str | None = None,
) -> Done:
    """The visit done by either of the two, its note logged as a visit with both names."""
    from salesnotes.usecases.followups import complete_followup, next_step

    visit = a_visit(store, followup_id)
    names = _("with {first} and {second}").format(first=visit.owner, second=visit.with_owner)
    if planned is not None and about is None:  # what is next is about what was said
        about = next_step("visit", note)
    return complete_followup(
        store, followup_id, note=f"{note} ({names})", kind="visit", today=today, now=now,
        planned=planned, about=about,
    )  # fmt: skip


def coach_visit(
    store: Store, followup_id: int, went_well: str, to_try: str, *, today: date, now: str
) -> tuple[FollowUp, int]:
    """The observation of the one who joined a visit (the user): what went well and one
    thing to try, for the one whose visit it was; the visit and the note's id."""
    from salesnotes.errors import BadInput, Conflict

    visit = a_visit(store, followup_id)
    if not (went_well.strip() or to_try.strip()):
        raise BadInput(_("say what went well (--went-well), one thing to try (--try), or both"))
    if store.user != visit.with_owner:
        raise Conflict(
            _("{who} joined visit #{id}: the coaching after it is theirs to write").format(
                who=visit.with_owner, id=visit.id
            )
        )
    return visit, store.coaching.add(
        visit.id, visit.with_owner, visit.owner, went_well, to_try, on=today, now=now
    )


def coaching_with(store: Store, other: str) -> Coaching:
    """The user's coaching history with one other person (either the manager or the
    salesperson of it): the joint visits done together with their roles, and the notes."""
    from salesnotes.results import Coaching

    return Coaching(
        store.user,
        other,
        store.coaching.visits_together(store.user, other),
        store.coaching.between(store.user, other),
    )
