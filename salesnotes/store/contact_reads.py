"""Finding and listing contacts: by name, e-mail, phone number or words; the people duplicate
detection compares; a colleague's accounts; the cards that tell namesakes apart. Read only:
``Contacts`` (store/contacts.py) writes."""

from __future__ import annotations

from datetime import date
from functools import cache

from salesnotes.book_values import book_day
from salesnotes.domain import matching
from salesnotes.errors import NotFound
from salesnotes.i18n import _
from salesnotes.models import Address, Contact, ContactCard, Person, Shared
from salesnotes.store.dialect import ACTIVE, NO_LIMIT, id_list, like, split
from salesnotes.text import fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Iterable, Sequence
    from typing import Any

    from salesnotes.store.database import Database
    from salesnotes.store.dialect import SqliteSql


ADDRESS_COLUMNS = "kind, street, postcode, city, region, country"
FROM = "FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id"

# Which of a person's numbers to call first: their own mobile, then work (or one nobody said
# the kind of), home, other, then the switchboard, their assistant, a pager.
CALL_FIRST = (
    "CASE WHEN kind = 'mobile' OR (kind = '' AND mobile = 1) THEN 0"
    " WHEN kind IN ('work', '') THEN 1 WHEN kind = 'home' THEN 2 WHEN kind = 'other' THEN 3"
    " WHEN kind = 'main' THEN 4 WHEN kind = 'assistant' THEN 5 ELSE 6 END"
)


@cache
def columns(sql: SqliteSql) -> str:
    """What a ``Contact`` is read from, in the book's dialect (``contact_from``)."""
    return f"""
    c.id, c.uuid, c.name, o.name AS organisation, c.organisation_id, c.status, c.note,
    c.archived_at, c.created_at,
    {sql.joined("email", "contact_emails", "position")} AS emails,
    {sql.joined("phone", "contact_phones", "position")} AS phones,
    {sql.joined("tag", "contact_tags", "tag")} AS tags,
    (SELECT max(happened_on) FROM interactions WHERE contact_id = c.id) AS last_contact,
    c.every, c.birthday, c.customer_since, c.last_touch_on, c.merged_into, c.job_title, c.city,
    c.owner, c.department,
    {sql.joined("kind", "contact_phones", "position")} AS phone_kinds
"""


def _date(value: str | None) -> date | None:
    return book_day(value) if value else None


def contact_from(row: sqlite3.Row, addresses: tuple[Address, ...] = ()) -> Contact:
    """A Contact from a row of ``columns`` (and its addresses)."""
    phones = split(row["phones"])
    kinds = split(row["phone_kinds"])  # one number of no kind is '': no kinds at all
    kinds += ("",) * (len(phones) - len(kinds))
    return Contact(
        id=row["id"],
        uuid=row["uuid"],
        name=row["name"],
        organisation=row["organisation"],
        organisation_id=row["organisation_id"],
        status=row["status"],
        emails=split(row["emails"]),
        phones=phones,
        tags=split(row["tags"]),
        note=row["note"],
        archived=row["archived_at"] is not None,
        created_at=row["created_at"],
        last_contact=_date(row["last_contact"]),
        every=row["every"],
        birthday=row["birthday"],
        customer_since=_date(row["customer_since"]),
        last_touch=_date(row["last_touch_on"]),
        merged_into=row["merged_into"],
        job_title=row["job_title"],
        city=row["city"],
        owner=row["owner"],
        department=row["department"],
        phone_kinds=tuple(kinds[: len(phones)]) if phones else (),
        addresses=addresses,
    )


class ContactReads:
    """The reading half of ``Contacts``."""

    __slots__ = ("db",)
    db: Database

    def get(self, contact_id: int) -> Contact:
        """One contact by id (archived ones too)."""
        row = self.db.one(f"SELECT {columns(self.db.sql)} {FROM} WHERE c.id = ?", (contact_id,))
        if row is None:
            raise NotFound(_("there is no contact #{contact_id}").format(contact_id=contact_id))
        return contact_from(row, self.addresses([contact_id]).get(contact_id, ()))

    def addresses(self, contact_ids: Sequence[int]) -> dict[int, tuple[Address, ...]]:
        """The postal addresses of these contacts, in their order."""
        found: dict[int, list[Address]] = {}
        for start in range(0, len(contact_ids), 500):
            rows = self.db.tuples(
                f"SELECT contact_id, {ADDRESS_COLUMNS} FROM contact_addresses"
                f" WHERE contact_id IN ({id_list(contact_ids[start : start + 500])})"
                " ORDER BY contact_id, position",
            )
            for contact_id, *parts in rows:
                found.setdefault(contact_id, []).append(Address(*parts))
        return {key: tuple(value) for key, value in found.items()}

    def namesakes(self, contact: Contact) -> list[Contact]:
        """Other contacts with exactly the same name (case- and accent-insensitive)."""
        rows = self.db.tuples(
            "SELECT id FROM contacts WHERE name_key = ? AND id <> ? ORDER BY id",
            (fold(contact.name), contact.id),
        )
        return [self.get(r[0]) for r in rows]

    def find(
        self,
        *,
        text: str | None = None,
        tag: str | None = None,
        status: str | None = None,
        organisation: str | None = None,
        organisation_id: int | None = None,
        archived: bool = False,
        limit: int | None = None,
    ) -> list[Contact]:
        """Contacts by name, filtered; archived ones only when asked for (``limit``: the
        first so many)."""
        where, params = self._filters(text, tag, status, organisation, organisation_id, archived)
        cap = NO_LIMIT if limit is None else int(limit)
        rows = self.db.all(
            f"SELECT {columns(self.db.sql)} {FROM} WHERE {where}"
            f" ORDER BY c.name_key, c.id LIMIT {cap}",
            params,
        )
        addresses = self.addresses([row["id"] for row in rows])
        return [contact_from(row, addresses.get(row["id"], ())) for row in rows]

    def count(
        self,
        *,
        text: str | None = None,
        tag: str | None = None,
        status: str | None = None,
        organisation: str | None = None,
        archived: bool = False,
    ) -> int:
        """How many contacts ``find`` gives with these filters."""
        where, params = self._filters(text, tag, status, organisation, None, archived)
        return int(self.db.tuples(f"SELECT count(*) {FROM} WHERE {where}", params)[0][0])

    def _filters(
        self,
        text: str | None,
        tag: str | None,
        status: str | None,
        organisation: str | None,
        organisation_id: int | None,
        archived: bool,
    ) -> tuple[str, list[Any]]:
        where = ["c.archived_at IS NOT NULL" if archived else "c.archived_at IS NULL"]
        params: list[Any] = []
        if organisation_id is not None:
            where.append("c.organisation_id = ?")
            params.append(organisation_id)
        matches = f"{self.db.sql.like} ? ESCAPE '\\'"
        if text:
            key = like(fold(text))
            where.append(
                f"(c.name_key {matches} OR o.name_key {matches} OR c.id IN"
                f" (SELECT contact_id FROM contact_emails WHERE email {matches}))"
            )
            params += [key, key, key]
        if tag:
            where.append("c.id IN (SELECT contact_id FROM contact_tags WHERE tag = ?)")
            params.append(tag)
        if status:
            where.append("c.status = ?")
            params.append(status)
        if organisation:
            where.append(f"o.name_key {matches}")
            params.append(like(fold(organisation)))
        return " AND ".join(where), params

    def accounts_of(
        self, owner: str, *, tag: str | None = None, organisation: str | None = None
    ) -> list[int]:
        """Every contact ``owner`` owns, archived ones too (``tag``, ``organisation``: only
        those with the tag, of an organisation whose name holds this)."""
        where, params = self._filters(None, tag, None, organisation, None, False)
        where = where.replace("c.archived_at IS NULL", "c.owner = ?", 1)
        rows = self.db.tuples(f"SELECT c.id {FROM} WHERE {where} ORDER BY c.id", [owner, *params])
        return [int(r[0]) for r in rows]

    def last_heard(self, contact_id: int) -> date | None:
        """The day of the contact's latest conversation or done follow-up, if any."""
        later = self.db.sql.later
        row = self.db.one(
            "SELECT "
            + later(
                "coalesce((SELECT max(happened_on) FROM interactions WHERE contact_id = ?), '')",
                "coalesce((SELECT max(done_on) FROM followups WHERE contact_id = ?"
                " AND status = 'done'), '')",
            )
            + " AS last",
            (contact_id, contact_id),
        )
        return _date(row["last"]) if row is not None and row["last"] else None

    def with_email(self, email: str, *, active_only: bool = False) -> list[int]:
        """The contacts with this e-mail address (any case), active ones first
        (``active_only``: only those)."""
        rows = self.db.tuples(
            "SELECT DISTINCT e.contact_id, c.archived_at IS NOT NULL FROM contact_emails e"
            " JOIN contacts c ON c.id = e.contact_id WHERE e.email = ? ORDER BY 2, 1",
            (email.lower(),),
        )
        return [r[0] for r in rows if not (active_only and r[1])]

    def with_phone(self, e164: str, *, active_only: bool = False) -> list[int]:
        """The contacts with this phone number (E.164; a number with an extension is found
        by the number alone too), active ones first (``active_only``: only those)."""
        number = e164.split(";", 1)[0]
        rows = self.db.tuples(
            "SELECT DISTINCT p.contact_id, c.archived_at IS NOT NULL FROM contact_phones p"
            " JOIN contacts c ON c.id = p.contact_id WHERE p.e164 = ? OR p.e164 = ?"
            " OR (p.e164 > ? AND p.e164 < ?) ORDER BY 2, 1",
            (e164, number, f"{number};", f"{number}<"),
        )
        return [r[0] for r in rows if not (active_only and r[1])]

    def named(self, key: str) -> list[tuple[int, str, bool]]:
        """(id, folded name, archived) of the contacts whose folded name contains ``key``."""
        rows = self.db.tuples(
            "SELECT c.id, c.name_key, c.archived_at IS NOT NULL FROM contacts c"
            f" WHERE c.name_key {self.db.sql.like} ? ESCAPE '\\' ORDER BY c.name_key, c.id",
            (like(key),),
        )
        return [(r[0], r[1], bool(r[2])) for r in rows]

    def with_words(
        self,
        words: Sequence[str],
        *,
        in_name: bool = True,
        limit: int = 200,
        active_only: bool = False,
    ) -> list[tuple[int, bool, int]]:
        """(id, archived, how well: 1 whole words, 2 word starts) of the contacts where every
        word starts a word of their name, organisation, e-mail addresses or tags (and, with
        ``in_name``, at least one starts a word of their name), best first: whole words
        before word starts, then where the words are (a name counts most:
        ``matching.words_rank``), then by name; at most ``limit`` (``active_only``: archived
        ones left out). The same answer on both databases: each reads the candidates in the
        same order (by name, at most four times ``limit``) and they are ranked here."""
        found: dict[int, tuple[int, bool, tuple[int, int], str]] = {}
        reads = min(max(200, 4 * limit), NO_LIMIT)
        for prefix in (False, True):  # whole words first: "jan" before every "jansen"
            if not any(words) or len(found) >= reads:
                break
            sql, params = self.db.sql.contacts_matching(
                list(words), prefix=prefix, in_name=in_name, limit=reads, active_only=active_only
            )
            for r in self.db.tuples(sql, params):
                if r[0] not in found:
                    rank = matching.words_rank(list(words), [fold(v) for v in r[2:8]])
                    found[r[0]] = (r[0], bool(r[1]), rank, str(r[8]))
        best = sorted(found.values(), key=lambda f: (f[2], f[3], f[0]))[:limit]
        return [(cid, archived, rank[0]) for cid, archived, rank, _ in best]

    def people(self) -> list[Person]:
        """Every active contact, as duplicate detection reads them."""
        rows = self.db.tuples(
            "SELECT id, name, organisation_id FROM contacts WHERE archived_at IS NULL"
        )
        return [Person(*r) for r in rows]

    def shared_details(self) -> list[Shared]:
        """Pairs of active contacts with the same e-mail address or phone number."""
        found = [
            Shared(a, b, "email", email)
            for a, b, email in self.db.tuples(
                "SELECT x.contact_id, y.contact_id, x.email FROM contact_emails x"
                " JOIN contact_emails y ON y.email = x.email AND y.contact_id > x.contact_id"
                f" WHERE x.contact_id {ACTIVE} AND y.contact_id {ACTIVE}"
            )
        ]
        found += [
            Shared(a, b, "mobile" if mobile else "phone", typed)
            for a, b, mobile, typed in self.db.tuples(
                "SELECT x.contact_id, y.contact_id, x.mobile = 1 AND y.mobile = 1, x.phone"
                " FROM contact_phones x JOIN contact_phones y"
                " ON y.e164 = x.e164 AND y.contact_id > x.contact_id"
                f" WHERE x.e164 IS NOT NULL AND x.contact_id {ACTIVE} AND y.contact_id {ACTIVE}"
            )
        ]
        return found

    def suggestions(self, key: str) -> list[str]:
        """'did you mean: ...' for a name that matched nobody."""
        import difflib  # only on the error path

        rows = self.db.tuples("SELECT id, name, name_key FROM contacts WHERE archived_at IS NULL")
        by_word: dict[str, list[tuple[Any, ...]]] = {}
        for row in rows:
            for word in {row[2], *row[2].split()}:
                by_word.setdefault(word, []).append(row)
        seen: dict[int, str] = {}
        for word in difflib.get_close_matches(key, by_word, n=5, cutoff=0.6):
            for row in by_word[word]:
                seen.setdefault(row[0], row[1])
        if not seen:
            return []
        names = ", ".join(f"{name} (#{cid})" for cid, name in list(seen.items())[:5])
        return [_("did you mean: {names}?").format(names=names)]

    def phone_keys(self, contact_ids: Sequence[int]) -> dict[int, dict[str, str]]:
        """Each contact's numbers: as typed -> as compared (E.164 when it reads as one)."""
        found: dict[int, dict[str, str]] = {}
        for start in range(0, len(contact_ids), 500):
            rows = self.db.tuples(
                "SELECT contact_id, phone, e164 FROM contact_phones"
                f" WHERE contact_id IN ({id_list(contact_ids[start : start + 500])})"
            )
            for contact_id, typed, e164 in rows:
                found.setdefault(int(contact_id), {})[str(typed)] = str(e164 or typed)
        return found

    def owned(self, owner: str, among: Sequence[int] | None = None) -> list[int]:
        """The active contacts this salesperson owns (``among``: of these only)."""
        if among is not None:
            ids = list(among)
            return [
                int(r[0])
                for start in range(0, len(ids), 500)
                for r in self.db.tuples(
                    f"SELECT id FROM contacts WHERE id IN ({id_list(ids[start : start + 500])})"
                    " AND owner = ? AND archived_at IS NULL",
                    (owner,),
                )
            ]
        rows = self.db.tuples(
            "SELECT id FROM contacts WHERE owner = ? AND archived_at IS NULL", (owner,)
        )
        return [int(r[0]) for r in rows]

    def owners(self) -> list[str]:
        """Everyone who owns a contact, by name."""
        rows = self.db.tuples("SELECT DISTINCT owner FROM contacts WHERE archived_at IS NULL")
        return sorted(str(r[0]) for r in rows)

    def several_owners(self) -> bool:
        """True when contacts have two or more owners (a team's book): two probes of the
        owner index, never a scan."""
        first = self.db.one("SELECT owner FROM contacts ORDER BY owner LIMIT 1")
        return bool(
            first is not None
            and self.db.one("SELECT 1 FROM contacts WHERE owner > ? LIMIT 1", (first[0],))
        )

    def shared(self, owner: str) -> bool:
        """True when ``owner`` owns a contact and someone else does too (a team's book, in
        which ``owner`` has a part): three probes of the owner index."""
        return bool(
            self.db.one("SELECT 1 FROM contacts WHERE owner = ? LIMIT 1", (owner,))
            and (
                self.db.one("SELECT 1 FROM contacts WHERE owner < ? LIMIT 1", (owner,))
                or self.db.one("SELECT 1 FROM contacts WHERE owner > ? LIMIT 1", (owner,))
            )
        )

    def cards(self, contact_ids: Iterable[int]) -> dict[int, ContactCard]:
        """Name, organisation, the phone number to call and first e-mail of these active
        contacts: their own mobile or work number before a home, main or assistant's one,
        never a fax; without one of their own, their organisation's.

        Archived contacts are left out, so no agenda source can bring one back.
        """
        ids: Sequence[int] = list(dict.fromkeys(contact_ids))
        cards: dict[int, ContactCard] = {}
        for start in range(0, len(ids), 500):
            rows = self.db.tuples(
                f"""
                SELECT c.id, c.name, o.name,
                    coalesce((SELECT phone FROM contact_phones WHERE contact_id = c.id
                              AND kind <> 'fax' ORDER BY {CALL_FIRST}, position LIMIT 1),
                             nullif(o.phone, '')),
                    (SELECT email FROM contact_emails WHERE contact_id = c.id
                     ORDER BY position LIMIT 1),
                    i.happened_on, i.kind, substr(i.text, 1, 200)
                {FROM}
                LEFT JOIN interactions i ON i.id = (
                    SELECT id FROM interactions WHERE contact_id = c.id
                    ORDER BY happened_on DESC, id DESC LIMIT 1)
                WHERE c.id IN ({id_list(ids[start : start + 500])}) AND c.archived_at IS NULL
                """
            )
            for r in rows:
                on = book_day(r[5]) if r[5] else None
                cards[r[0]] = ContactCard(r[0], r[1], r[2], r[3], r[4], on, r[6] or "", r[7] or "")
        return cards
