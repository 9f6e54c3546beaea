"""Organisations: found or created by name, resolved from a piece of their name."""

from __future__ import annotations

from salesnotes.domain import matching
from salesnotes.errors import BadInput, Conflict, NotFound
from salesnotes.i18n import _
from salesnotes.models import Organisation
from salesnotes.store.connection import new_uuid
from salesnotes.store.dialect import like
from salesnotes.text import clean, fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.models import PhoneNumber
    from salesnotes.store.database import Database


class Organisations:
    """The ``organisations`` table."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def id_for(self, name: str, now: str) -> int:
        """The id of the organisation with this name (case-insensitive), created if new (the
        name as ``domain.records`` keeps it)."""
        display = name
        key = fold(display)
        row = self.db.one("SELECT id FROM organisations WHERE name_key = ?", (key,))
        if row:
            return int(row["id"])
        return self.db.insert(
            "INSERT INTO organisations (uuid, name, name_key, created_at) VALUES (?, ?, ?, ?)",
            (new_uuid(), display, key, now),
        )

    def get(self, organisation_id: int) -> Organisation:
        """One organisation by id, with its number of active contacts."""
        for org in self._read(organisation_id):
            return org
        raise NotFound(
            _("there is no organisation #{organisation_id}").format(organisation_id=organisation_id)
        )

    def resolve(self, text: str) -> Organisation:
        """An organisation by (a piece of) its name: exact, whole word, word start, anywhere."""
        key = fold(clean(text))
        if not key:
            raise BadInput(_("say which organisation: a piece of its name"))
        rows = self.db.tuples(
            "SELECT id, name_key FROM organisations"
            f" WHERE name_key {self.db.sql.like} ? ESCAPE '\\'",
            (like(key),),
        )
        hits = matching.best(rows, key)
        if len(hits) == 1:
            return self.get(hits[0])
        if hits:
            raise Conflict(
                _("'{text}' matches {hits} organisations; say more of the name:").format(
                    text=text, hits=len(hits)
                ),
                details=[self.get(h).name for h in hits[:20]],
            )
        raise NotFound(_("no organisation matches '{text}'").format(text=text))

    def spoken_to_last(self, column: str, value: str) -> int | None:
        """The active person of the organisation whose ``column`` ('e164', 'email') is
        ``value`` whom the user spoke to last: who a call to its switchboard or a mail to its
        own address was with. The organisation first (an index), then its people (another):
        one statement joining both was planned as a walk over every contact (13 ms a stranger
        at 10,000)."""
        orgs = self.db.tuples(f"SELECT id FROM organisations WHERE {column} = ?", (value,))
        if not orgs:
            return None
        found = self.db.tuples(
            "SELECT id FROM contacts WHERE organisation_id = ? AND archived_at IS NULL"
            " ORDER BY last_touch_on IS NULL, last_touch_on DESC, id LIMIT 1",
            (orgs[0][0],),
        )
        return int(found[0][0]) if found else None

    def all(self) -> list[Organisation]:
        """Every organisation with how many active contacts it has, by name."""
        return self._read(None)

    def named(self, name: str) -> Organisation | None:
        """The organisation with exactly this name (case and accents ignored), or None."""
        row = self.db.one(
            "SELECT id FROM organisations WHERE name_key = ?", (fold(" ".join(name.split())),)
        )
        return self.get(int(row[0])) if row else None

    def set_reach(
        self, organisation_id: int, *, phone: PhoneNumber | None = None, email: str | None = None
    ) -> Organisation:
        """Give the organisation its own phone number and/or e-mail address ('' forgets
        one)."""
        if phone is not None:
            self.db.execute(
                "UPDATE organisations SET phone = ?, e164 = ? WHERE id = ?",
                (phone.typed, phone.e164, organisation_id),
            )
        if email is not None:
            self.db.execute(
                "UPDATE organisations SET email = ? WHERE id = ?",
                (email, organisation_id),
            )
        return self.get(organisation_id)

    def with_reach(self, organisation: str | None = None) -> list[Organisation]:
        """The organisations with a phone number or e-mail address of their own (whose
        name holds ``organisation``), by name: what an address book gets as company cards."""
        where = "(o.phone <> '' OR o.email <> '')"
        params: list[str] = []
        if organisation:
            where += f" AND o.name_key {self.db.sql.like} ? ESCAPE '\\'"
            params.append(like(fold(organisation)))
        rows = self.db.tuples(f"SELECT o.id FROM organisations o WHERE {where}", params)
        return [self.get(int(r[0])) for r in rows]

    def _read(self, organisation_id: int | None) -> list[Organisation]:
        rows = self.db.tuples(
            """
            SELECT o.id, o.uuid, o.name,
                (SELECT count(*) FROM contacts c
                 WHERE c.organisation_id = o.id AND c.archived_at IS NULL) AS contact_count,
                o.phone, o.email
            FROM organisations o WHERE (? IS NULL OR o.id = ?) ORDER BY o.name_key
            """,
            (organisation_id, organisation_id),
        )
        return [Organisation(*r) for r in rows]
