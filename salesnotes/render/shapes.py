"""Every JSON shape salesnotes prints: the contract scripts rely on (see the README).

Keys are stable; dates are ``YYYY-MM-DD``, instants UTC ``...Z``. A quote's ``status`` is the
status as shown (``expired`` once past its date); ``stored_status`` is what is stored.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date
    from typing import Any

    from salesnotes.config import Config
    from salesnotes.domain.quote_life import PeriodFigures, Pipeline
    from salesnotes.domain.ranking import AgendaRow
    from salesnotes.models import (
        Address,
        Contact,
        FollowUp,
        Hit,
        Interaction,
        LosingTouch,
        Occasion,
        Organisation,
        Quote,
    )


def contact_json(contact: Contact) -> dict[str, Any]:
    """A contact."""
    return {
        "id": contact.id,
        "uuid": contact.uuid,
        "name": contact.name,
        "organisation": contact.organisation,
        "organisation_id": contact.organisation_id,
        "job_title": contact.job_title,
        "department": contact.department,
        "city": contact.city,
        "owner": contact.owner,
        "status": contact.status,
        "emails": list(contact.emails),
        "phones": list(contact.phones),
        "phone_kinds": list(contact.phone_kinds),
        "addresses": [address_json(a) for a in contact.addresses],
        "tags": list(contact.tags),
        "note": contact.note,
        "archived": contact.archived,
        "created_at": contact.created_at,
        "last_contact": contact.last_contact,
        "birthday": contact.birthday,
        "every": contact.every,
        "customer_since": contact.customer_since,
    }


def address_json(address: Address) -> dict[str, Any]:
    """A postal address: its kind ('work', 'home', 'other' or '') and its parts."""
    return {
        "kind": address.kind,
        "street": address.street,
        "postcode": address.postcode,
        "city": address.city,
        "region": address.region,
        "country": address.country,
    }


def organisation_json(org: Organisation) -> dict[str, Any]:
    """An organisation, with its own phone number and e-mail address ('' when none; ``orgs``
    adds its number of active contacts)."""
    return {
        "id": org.id,
        "uuid": org.uuid,
        "name": org.name,
        "phone": org.phone,
        "email": org.email,
    }


def followup_json(f: FollowUp) -> dict[str, Any]:
    """A follow-up."""
    return {
        "id": f.id,
        "uuid": f.uuid,
        "contact_id": f.contact_id,
        "contact": f.contact_name,
        "organisation": f.organisation,
        "due_on": f.due_on,
        "due_time": f.due_time,
        "owner": f.owner,
        "with": f.with_owner or None,
        "text": f.text,
        "reason": f.reason,
        "priority": f.priority,
        "status": f.status,
        "created_on": f.created_on,
        "done_on": f.done_on,
        "done_note": f.done_note,
        "snoozed_from": f.snoozed_from,
    }


def interaction_json(i: Interaction) -> dict[str, Any]:
    """An interaction."""
    return {
        "id": i.id,
        "uuid": i.uuid,
        "contact_id": i.contact_id,
        "kind": i.kind,
        "text": i.text,
        "happened_on": i.happened_on,
        "logged_at": i.logged_at,
        "logged_by": i.logged_by,
    }


def agenda_json(row: AgendaRow) -> dict[str, Any]:
    """An agenda row (with ``owner`` in one salesperson's or the team's agenda)."""
    if row.owner:
        return {**_agenda_json(row), "owner": row.owner}
    return _agenda_json(row)


def _agenda_json(row: AgendaRow) -> dict[str, Any]:
    from salesnotes.render.reasons import reason_words, term_words

    return {
        "contact_id": row.contact_id,
        "name": row.name,
        "organisation": row.organisation,
        "phone": row.phone,
        "email": row.email,
        "score": row.score,
        "reasons": [reason_words(reason) for reason in row.reasons],
        "reason_kinds": list(row.kinds),
        "followup_ids": list(row.followup_ids),
        "terms": [{"name": term_words(t), "kind": t.kind, "value": t.value} for t in row.terms],
        "at": row.at,
        "last_conversation": (
            {"on": row.last_on, "kind": row.last_kind, "text": row.last_text}
            if row.last_on is not None
            else None
        ),
    }


def quote_json(q: Quote, today: date, config: Config) -> dict[str, Any]:
    """A quote, with its revisions."""
    from salesnotes.domain.quote_life import is_stale, probability

    return {
        "id": q.id,
        "uuid": q.uuid,
        "contact_id": q.contact_id,
        "contact": q.contact_name,
        "organisation": q.organisation,
        "title": q.title,
        "amount_cents": q.amount_cents,
        "currency": q.currency,
        "status": q.shown_status(today),
        "stored_status": q.status,
        "quoted_on": q.quoted_on,
        "valid_until": q.valid_until,
        "probability": probability(q, config),
        "sent_on": q.sent_on,
        "closed_on": q.closed_on,
        "lost_reason": q.lost_reason,
        "last_activity": q.last_activity,
        "idle_days": q.idle_days(today) if q.is_open else None,
        "stale": is_stale(q, today, config),
        "revisions": [
            {"number": r.number, "amount_cents": r.amount_cents, "on": r.revised_on, "note": r.note}
            for r in q.revisions
        ],
    }


def quote_item_json(q: Quote, today: date) -> dict[str, Any]:
    """A quote as the briefing lists it."""
    return {
        "id": q.id,
        "contact_id": q.contact_id,
        "contact": q.contact_name,
        "title": q.title,
        "amount_cents": q.amount_cents,
        "currency": q.currency,
        "status": q.status,
        "valid_until": q.valid_until,
        "idle_days": q.idle_days(today),
    }


def losing_touch_json(i: LosingTouch) -> dict[str, Any]:
    """A contact past their rhythm (``contacts --losing-touch``)."""
    return {
        "contact_id": i.contact_id,
        "name": i.name,
        "organisation": i.organisation,
        "status": i.status,
        "rhythm": i.rhythm,
        "last_contact": i.last_contact,
        "clock_started": i.last_touch,
        "overdue_days": i.overdue_days,
        "overdue_rhythms": round(i.overdue_ratio, 3),
        "learned_from_contacts": i.learned or None,
    }


def occasion_json(o: Occasion) -> dict[str, Any]:
    """A birthday or anniversary (the briefing)."""
    return {
        "contact_id": o.contact_id,
        "name": o.name,
        "kind": o.kind,
        "on": o.on,
        "years": o.years,
    }


def hit_json(h: Hit) -> dict[str, Any]:
    """A search result."""
    return {
        "kind": h.kind,
        "id": h.id,
        "date": h.on,
        "contact_id": h.contact_id,
        "contact": h.contact,
        "text": h.text,
    }


def pipeline_json(p: Pipeline) -> dict[str, Any]:
    """The JSON contract of ``pipeline``."""

    def period(f: PeriodFigures) -> dict[str, Any]:
        return {
            "period": f.label,
            "won_count": f.won_count,
            "won_cents": f.won_cents,
            "lost_count": f.lost_count,
            "lost_cents": f.lost_cents,
            "win_rate": None if f.win_rate is None else round(f.win_rate, 4),
        }

    return {
        "currency": p.currency,
        "date": p.today.isoformat(),
        "open": [
            {
                "status": s.status,
                "count": s.count,
                "value_cents": s.value_cents,
                "weighted_cents": s.weighted_cents,
            }
            for s in p.by_status
        ],
        "open_count": p.open_count,
        "open_cents": p.open_cents,
        "weighted_cents": p.weighted_cents,
        "expiring_count": p.expiring_count,
        "expiring_cents": p.expiring_cents,
        "month": period(p.month),
        "year": period(p.year),
        "average_days_sent_to_won": p.average_days_to_win,
        "other_currencies": p.other_currencies,
        "lost_reasons": [{"reason": r, "count": n} for r, n in p.lost_reasons],
    }
