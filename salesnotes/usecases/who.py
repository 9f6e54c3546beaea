"""WHO: the person a command line names, from whatever the salesperson has at hand.

In this order: an id (``12``, ``#12``); a number that is no contact's id but reads as a phone
number (a missed call: ``0612345678``); an e-mail address; a phone number in any notation
(``06 12 34 56 78``, ``+31 (0)6 1234 5678``); a piece of a name (``matching``: the whole name,
a whole word, the start of a word, anywhere); words across name and organisation (``jan
pluimers``: a Jan at Pluimers). Active contacts are preferred; an archived one is found only
when no active one matches. A contact merged into another resolves to that one, and says so.
More than one at the best level is ambiguous (exit 4, with the candidates); none is exit 3.
"""

from __future__ import annotations

from salesnotes.domain import matching
from salesnotes.errors import BadInput, Conflict, NotFound
from salesnotes.i18n import _
from salesnotes.text import clean, fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence

    from salesnotes.models import Contact
    from salesnotes.store.interface import Store

PHONE_CHARACTERS = frozenset("0123456789+-() ./")


def looks_like_phone(text: str) -> bool:
    """Only what phone numbers are written with, and at least six digits."""
    return set(text) <= PHONE_CHARACTERS and sum(ch.isdigit() for ch in text) >= 6


def resolve(
    store: Store, who: str, region: str, *, follow: bool = True
) -> tuple[Contact, str | None]:
    """The contact ``who`` names, and a note to show when it was found through a merge
    (``follow=False``: the merged contact itself)."""
    raw = clean(who)
    if not raw:
        raise BadInput(_("say who: an id like 12, a phone number, an e-mail address or a name"))
    from salesnotes.domain.fields import too_long

    problem = too_long("who", raw)
    if problem:  # no name is that long: a paste gone wrong, not someone to look for
        raise BadInput(problem)
    digits = raw[1:] if raw.startswith("#") else raw
    if digits.isdigit() and digits.isascii() and len(digits) <= 18:
        try:
            return _follow(store, store.contacts.get(int(digits)), follow)
        except NotFound:
            if raw.startswith("#") or not looks_like_phone(raw):
                raise
            return _by_phone(
                store,
                raw,
                region,
                _("there is no contact #{digits}, and no contact").format(digits=digits),
                follow,
            )
    if "@" in raw:
        found = store.contacts.with_email(raw)
        if not found:
            raise NotFound(_("no contact has the e-mail address {raw}").format(raw=raw))
        return _pick(store, found, raw, follow)
    if looks_like_phone(raw):
        return _by_phone(store, raw, region, _("no contact"), follow)
    key = fold(raw)
    named = store.contacts.named(key)
    for archived in (False, True):
        hits = matching.best(((cid, name) for cid, name, a in named if a == archived), key)
        if hits:
            return _pick(store, hits, raw, follow)
    if len(key.split()) > 1:
        across = store.contacts.with_words(key.split())
        for archived in (False, True):
            pool = [(cid, level) for cid, a, level in across if a == archived]
            hits = [cid for cid, level in pool if level == min(lv for _, lv in pool)]
            if hits:
                return _pick(store, hits, raw, follow)
    raise NotFound(
        _("no contact matches '{raw}'").format(raw=raw), details=store.contacts.suggestions(key)
    )


def _by_phone(
    store: Store, raw: str, region: str, nobody: str, follow: bool
) -> tuple[Contact, str | None]:
    from salesnotes.domain.fields import read_phone

    number = read_phone(raw, region)
    found = store.contacts.with_phone(number.e164) if number.e164 else []
    if not found:
        raise NotFound(_("{nobody} has the phone number {raw}").format(nobody=nobody, raw=raw))
    return _pick(store, found, raw, follow)


def _pick(store: Store, ids: Sequence[int], who: str, follow: bool) -> tuple[Contact, str | None]:
    """The one contact, or the candidates (at most 20 named) as a Conflict."""
    if len(ids) == 1:
        return _follow(store, store.contacts.get(ids[0]), follow)
    shown = [store.contacts.get(cid) for cid in ids[:20]]
    lines = [told_apart(c) for c in shown]
    if len(ids) > len(shown):
        lines.append(_("... and {ids} more").format(ids=len(ids) - len(shown)))
    raise Conflict(
        _("'{who}' matches {ids} contacts; say which by id (e.g. #{id}):").format(
            who=who, ids=len(ids), id=shown[0].id
        ),
        details=lines,
    )


def told_apart(contact: Contact) -> str:
    """'#3  Jan de Vries (Pluimers) · 06 1234 5678 · jan@pluimers.nl · Zwolle · last
    contact 12 Nov 2026': what tells two of the same name apart."""
    from salesnotes.domain.days import describe

    parts = [f"#{contact.id}  {contact.label}"]
    parts += [x for x in (contact.phones[:1] + contact.emails[:1]) if x]
    if contact.city:
        parts.append(contact.city)
    if contact.last_contact is not None:
        parts.append(_("last contact {day}").format(day=describe(contact.last_contact)))
    elif contact.archived:
        parts.append(_("archived"))
    return " · ".join(parts)


def _follow(store: Store, contact: Contact, follow: bool) -> tuple[Contact, str | None]:
    """A merged contact's successor (along the chain of merges), with a note saying so."""
    if not follow:
        return contact, None
    first = contact
    seen = {contact.id}
    while contact.merged_into is not None and contact.merged_into not in seen:
        seen.add(contact.merged_into)
        contact = store.contacts.get(contact.merged_into)
    if contact is first:
        return contact, None
    return contact, _("Note: #{id} {label} was merged into #{id2} {label2}").format(
        id=first.id, label=first.label, id2=contact.id, label2=contact.label
    )
