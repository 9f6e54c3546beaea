"""Which contacts are probably one person. Pure: people and their shared details in, pairs out.

Certain: the same e-mail address or the same mobile number, and names that agree (alike, as
below, or the same surname where the organisations do not differ: 'Kees' is what Cornelis is
called). A shared detail alone makes a pair likely, not certain: a mobile number passes to a
successor, an office shares one address. A landline may be a switchboard that colleagues
share, so it only adds to a pair the names make. Likely: very similar names
(accents and case ignored; tussenvoegsels such as 'van der' ignored; an initial 'J.' matching
'Jan'; one letter apart: 'Anna' / 'Anne', 'Vries' / 'Vreis') in the same organisation, or where
one or both have none. People are compared only within small blocks (the same surname and
initial; or the same first name in the same organisation), never all against all.
"""

from __future__ import annotations

from salesnotes.i18n import N_, _
from salesnotes.models import Pair
from salesnotes.text import fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from salesnotes.models import Person, Shared

# Words between a Dutch (or Flemish, German, ...) first name and surname that are not the
# surname: 'Jan de Vries' and 'Jan Vries' are the same name.
_TUSSENVOEGSELS = "van de der den het ten ter te in t op aan af bij uit voor la le du von zu zur da"
TUSSENVOEGSELS = frozenset(_TUSSENVOEGSELS.split())


SAME = {
    "email": N_("the same e-mail address {value}"),
    "mobile": N_("the same mobile number {value}"),
    "phone": N_("the same phone number {value}"),
}


def words(name: str) -> list[str]:
    """A name's significant words: folded, punctuation gone, tussenvoegsels left out."""
    plain = "".join(ch if ch.isalnum() else " " for ch in fold(name))
    found = [w for w in plain.split() if w not in TUSSENVOEGSELS]
    return found or plain.split()


def distance(a: str, b: str, cap: int = 2) -> int:
    """Edits (insert, delete, replace, swap two neighbours) from ``a`` to ``b``, at most
    ``cap`` (a larger distance reads as ``cap``)."""
    if abs(len(a) - len(b)) >= cap:
        return cap
    previous2: list[int] = []
    previous = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        row = [i]
        for j, cb in enumerate(b, start=1):
            cost = 0 if ca == cb else 1
            best = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                best = min(best, previous2[j - 2] + 1)
            row.append(best)
        if min(row) >= cap:
            return cap
        previous2, previous = previous, row
    return min(previous[-1], cap)


def _first_names(a: str, b: str) -> tuple[str, int] | None:
    """Why two first names may be one: (words, strength), or None."""
    if a == b:
        return "", 3
    if len(a) == 1 or len(b) == 1:
        initial, full = (a, b) if len(a) == 1 else (b, a)
        if full.startswith(initial):
            return _("initial {initial}. for {name}").format(
                initial=initial.upper(), name=full.capitalize()
            ), 2
        return None
    if min(len(a), len(b)) >= 3 and distance(a, b) <= 1:
        return _("{first} / {second} one letter apart").format(
            first=a.capitalize(), second=b.capitalize()
        ), 1
    return None


def _surnames(a: str, b: str) -> tuple[str, int] | None:
    if a == b:
        return "", 3
    if min(len(a), len(b)) >= 4 and distance(a, b) <= 1:
        return _("{first} / {second} one letter apart").format(
            first=a.capitalize(), second=b.capitalize()
        ), 1
    return None


def likely(one: Person, other: Person) -> tuple[tuple[str, ...], int] | None:
    """Why two people's names say they may be one, or None."""
    a, b = words(one.name), words(other.name)
    if not a or not b:
        return None
    if len(a) < 2 or len(b) < 2:
        # one word each (a first name only, or a company as a contact): only the same word
        if len(a) == len(b) == 1 and a == b:
            return (_("the same name"),), 5
        return None
    first = _first_names(a[0], b[0])
    last = _surnames(a[-1], b[-1])
    if first is None or last is None:
        return None
    if first[1] == 3 and last[1] == 3:
        same = fold(one.name) == fold(other.name)
        reasons = [_("the same name") if same else _("the same name but for tussenvoegsels")]
    else:
        reasons = [why for why, _ in (first, last) if why]
    return tuple(reasons), first[1] + last[1]


def _places(one: Person, other: Person) -> str | None:
    """Same organisation, or one or both without: where a similar name counts."""
    if one.organisation_id == other.organisation_id:
        return (
            _("the same organisation") if one.organisation_id is not None else _("no organisation")
        )
    if one.organisation_id is None or other.organisation_id is None:
        return _("one without an organisation")
    return None


def _blocks(people: Sequence[Person]) -> Iterable[list[Person]]:
    """Small groups within which people are compared."""
    by_surname: dict[tuple[str, str], list[Person]] = {}
    by_first: dict[tuple[str, int | None], list[Person]] = {}
    for person in people:
        found = words(person.name)
        if not found:  # a name without a letter or digit ('...'): nothing to compare by
            continue
        by_surname.setdefault((found[-1], found[0][:1]), []).append(person)
        by_first.setdefault((found[0], person.organisation_id), []).append(person)
    yield from by_surname.values()
    yield from by_first.values()


def _same_surname(one: Person, other: Person) -> bool:
    """The same surname of two names of more than one word, where the organisations do not
    differ (the same one, or one or both without)."""
    a, b = words(one.name), words(other.name)
    return len(a) > 1 and len(b) > 1 and a[-1] == b[-1] and _places(one, other) is not None


def find(people: Sequence[Person], shared: Iterable[Shared]) -> list[Pair]:
    """Every pair that is probably one person, most certain first, each with why."""
    details: dict[tuple[int, int], list[Shared]] = {}
    for s in shared:
        key = (min(s.first, s.second), max(s.first, s.second))
        details.setdefault(key, []).append(s)
    found: dict[tuple[int, int], Pair] = {}

    def compare(one: Person, other: Person) -> None:
        key = (min(one.id, other.id), max(one.id, other.id))
        if one.id == other.id or key in found:
            return
        names = likely(one, other)
        place = _places(one, other)
        if names is not None and place is not None:
            found[key] = Pair(*key, False, (*names[0], place), names[1])

    for block in _blocks(people):
        by_org: dict[int | None, list[Person]] = {}
        for person in block:
            by_org.setdefault(person.organisation_id, []).append(person)
        loose = by_org.get(None, [])
        for org, members in by_org.items():
            for i, one in enumerate(members):
                for other in members[i + 1 :]:
                    compare(one, other)
                if org is not None:
                    for other in loose:
                        compare(one, other)
    people_by_id = {p.id: p for p in people}
    for key, same in details.items():
        personal = [s for s in same if s.kind in ("email", "mobile")]
        why = tuple(_(SAME.get(s.kind, SAME["phone"])).format(value=s.value) for s in same)
        if key in found:
            name_pair = found[key]
            found[key] = Pair(
                *key, bool(personal), why + name_pair.why, name_pair.strength + 10 * len(same)
            )
        elif personal:
            first, second = people_by_id.get(key[0]), people_by_id.get(key[1])
            if first is None or second is None:
                continue
            if _same_surname(first, second):
                found[key] = Pair(*key, True, (*why, _("the same surname")), 10 * len(same))
            else:  # one detail, and names that do not agree: for a person to decide
                found[key] = Pair(*key, False, (*why, _("other names")), 5 * len(same))
    return sorted(found.values(), key=lambda p: (not p.certain, -p.strength, p.first, p.second))
