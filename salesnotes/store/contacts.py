"""Contacts: people with their e-mails, phones and tags; finding one from what was typed (WHO)."""

from __future__ import annotations

from datetime import date
from functools import cache

from salesnotes.errors import NotFound
from salesnotes.i18n import _
from salesnotes.models import Address, Contact
from salesnotes.store.cadence import keep_learned, relearn
from salesnotes.store.connection import new_uuid
from salesnotes.store.contact_reads import ADDRESS_COLUMNS, FROM, ContactReads
from salesnotes.store.dialect import id_list
from salesnotes.text import clean, fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence
    from typing import Any

    from salesnotes.models import PhoneNumber
    from salesnotes.store.database import Database
    from salesnotes.store.dialect import SqliteSql
    from salesnotes.store.organisations import Organisations


# A contact's row of the search index (contacts_fts, migration m006).
FTS_COLUMNS = "rowid, name, organisation, emails, tags, job_title, city"


@cache
def fts_row(sql: SqliteSql) -> str:
    """The rows of ``contacts_fts`` (``FTS_COLUMNS``), read from the contacts."""
    emails = sql.join_text("email", " ")
    tags = sql.join_text("tag", " ")
    return f"""
    SELECT c.id, c.name, coalesce(o.name, ''),
        coalesce((SELECT {emails} FROM contact_emails WHERE contact_id = c.id), ''),
        coalesce((SELECT {tags} FROM contact_tags WHERE contact_id = c.id), ''),
        c.job_title, c.city
    {FROM}
"""


def touch(db: Database, contact_id: int, on: date) -> None:
    """Anything that happens with a contact restarts their keep-in-touch clock and the
    staleness clock of their open quotes (the columns that keep both reads indexed)."""
    day = on.isoformat()
    later = db.sql.later
    touched = later("coalesce(last_touch_on, '')", "?")
    db.execute(f"UPDATE contacts SET last_touch_on = {touched} WHERE id = ?", (day, contact_id))
    db.execute(
        f"UPDATE quotes SET last_activity_on = {later('last_activity_on', '?')}"
        " WHERE contact_id = ? AND status IN ('draft', 'sent', 'negotiating')",
        (day, contact_id),
    )


def retouch(db: Database, contact_id: int) -> None:
    """Count a contact's keep-in-touch clock again from what is left (after a conversation or
    a follow-up was deleted or moved): the latest of being added, a conversation, a follow-up
    done."""
    later = db.sql.later
    latest = later(
        later(
            "substr(created_at, 1, 10)",
            "coalesce((SELECT max(happened_on) FROM interactions WHERE contact_id = ?), '')",
        ),
        "coalesce((SELECT max(done_on) FROM followups WHERE contact_id = ? AND status = 'done'),"
        " '')",
    )
    db.execute(
        f"UPDATE contacts SET last_touch_on = {latest} WHERE id = ?",
        (contact_id, contact_id, contact_id),
    )


class Contacts(ContactReads):
    """The ``contacts`` table and its ``contact_emails``, ``contact_phones``, ``contact_tags``
    (what reads them to find and list people is ``ContactReads``)."""

    __slots__ = ("later", "orgs")

    def __init__(self, db: Database, orgs: Organisations) -> None:
        self.db = db
        self.orgs = orgs
        self.later: set[int] | None = None  # contacts whose learned rhythm waits (an import)

    def learn_later(self) -> None:
        """From now on, keep the contacts' learned rhythms at ``learn_now`` (an import that
        writes many conversations: each once, by segments counted with all of them)."""
        self.later = set()

    def learn_now(self) -> None:
        """Keep the learned rhythms of the contacts ``learn_later`` held back."""
        waiting, self.later = self.later, None
        if waiting:
            relearn(self.db, sorted(waiting))

    def _learn(self, contact_id: int) -> None:
        if self.later is not None:
            self.later.add(contact_id)
        else:
            keep_learned(self.db, contact_id)

    def add(
        self,
        name: str,
        *,
        now: str,
        organisation: str | None = None,
        emails: Iterable[str] = (),
        phones: Iterable[PhoneNumber] = (),
        tags: Iterable[str] = (),
        status: str = "lead",
        note: str = "",
        today: date | None = None,
        every: str | None = None,
        birthday: str | None = None,
        customer_since: date | None = None,
        job_title: str = "",
        city: str = "",
        uuid: str | None = None,
        department: str = "",
        addresses: Iterable[Address] = (),
    ) -> Contact:
        """Create a contact; its organisation is found or created by name (``uuid``: keep the
        one an import file gave it).

        ``every``: a keep-in-touch rhythm ('6w', 'off'); ``birthday``: 'YYYY-MM-DD' or '--MM-DD'.
        The keep-in-touch clock starts on ``today`` (default: the day of ``now``). The name
        and status are as ``domain.records`` keeps them.
        """
        org_id = self.orgs.id_for(organisation, now) if organisation is not None else None
        contact_id = self.db.insert(
            "INSERT INTO contacts (uuid, name, name_key, organisation_id, status, note,"
            " created_at, updated_at, every, birthday, customer_since, last_touch_on,"
            " job_title, city, owner, department)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                uuid or new_uuid(),
                name,
                fold(name),
                org_id,
                status,
                clean(note),
                now,
                now,
                every,
                birthday,
                customer_since.isoformat() if customer_since else None,
                (today.isoformat() if today else now[:10]),
                " ".join(clean(job_title).split()),
                " ".join(clean(city).split()),
                self.db.user,
                " ".join(clean(department).split()),
            ),
        )
        self._add_details(contact_id, emails, phones, tags, addresses)
        return self.get(contact_id)

    def _add_details(
        self,
        contact_id: int,
        emails: Iterable[str],
        phones: Iterable[PhoneNumber],
        tags: Iterable[str],
        addresses: Iterable[Address] = (),
    ) -> None:
        """Add e-mails, phones and addresses after the contact's own (a value it has
        already is kept where it is; an address another of theirs says all of is not added)
        and tags; then bring the contact's search row up to date."""
        for table, values in (
            ("contact_emails", [(e,) for e in emails]),
            ("contact_phones", [(p.typed, p.e164, int(p.mobile), p.kind) for p in phones]),
        ):
            if not values:
                continue
            start = self.db.one(
                f"SELECT coalesce(max(position), 0) AS n FROM {table} WHERE contact_id = ?",
                (contact_id,),
            )
            position = int(start["n"]) if start else 0
            for value in values:
                position += 1
                if table == "contact_emails":
                    sql = "(contact_id, email, position) VALUES (?, ?, ?)"
                else:
                    sql = (
                        "(contact_id, phone, e164, mobile, kind, position)"
                        " VALUES (?, ?, ?, ?, ?, ?)"
                    )
                self.db.execute(
                    self.db.sql.insert_ignore(f"{table} {sql}"), (contact_id, *value, position)
                )
        for tag in set(tags):
            self.db.execute(
                self.db.sql.insert_ignore("contact_tags (contact_id, tag) VALUES (?, ?)"),
                (contact_id, tag),
            )
        self.add_addresses(contact_id, addresses)
        self.reindex(contact_id)

    def add_addresses(self, contact_id: int, addresses: Iterable[Address]) -> list[Address]:
        """Add the addresses that say more than the contact's own (a bare city is no news
        where a whole address in that city is known; a whole address replaces a bare
        one of its city); return the ones added."""
        known = list(self.addresses([contact_id]).get(contact_id, ()))
        added = []
        for address in addresses:
            if not address.parts() or any(old.covers(address) for old in known):
                continue
            for old in [k for k in known if address.covers(k)]:  # said all over again
                self.db.execute(
                    "DELETE FROM contact_addresses WHERE contact_id = ? AND kind = ?"
                    " AND street = ? AND postcode = ? AND city = ? AND region = ?"
                    " AND country = ?",
                    (contact_id, old.kind, old.street, old.postcode, old.city, old.region,
                     old.country),
                )  # fmt: skip
                known.remove(old)
            row = self.db.one(
                "SELECT coalesce(max(position), 0) FROM contact_addresses WHERE contact_id = ?",
                (contact_id,),
            )
            self.db.execute(
                f"INSERT INTO contact_addresses (contact_id, {ADDRESS_COLUMNS}, position)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (contact_id, address.kind, clean(address.street), clean(address.postcode),
                 clean(address.city), clean(address.region), clean(address.country),
                 int(row[0] if row else 0) + 1),
            )  # fmt: skip
            known.append(address)
            added.append(address)
        return added

    def reindex(self, contact_id: int) -> None:
        """Write the contact's row of the search index anew (name, organisation, e-mail
        addresses and tags): every change to those goes through here."""
        self.db.execute("DELETE FROM contacts_fts WHERE rowid = ?", (contact_id,))
        self.db.execute(
            f"INSERT INTO contacts_fts ({FTS_COLUMNS}) {fts_row(self.db.sql)} WHERE c.id = ?",
            (contact_id,),
        )

    def edit(
        self,
        contact_id: int,
        *,
        now: str,
        name: str | None = None,
        organisation: str | None = None,
        emails: Iterable[str] = (),
        phones: Iterable[PhoneNumber] = (),
        tags: Iterable[str] = (),
        untags: Iterable[str] = (),
        status: str | None = None,
        note: str | None = None,
        every: str | None = None,
        birthday: str | None = None,
        customer_since: date | None = None,
        job_title: str | None = None,
        city: str | None = None,
        unemails: Iterable[str] = (),
        unphones: Iterable[PhoneNumber] = (),
        department: str | None = None,
        addresses: Iterable[Address] = (),
    ) -> Contact:
        """Change a contact: new values replace, e-mails, phones and tags are added, and
        ``unemails``/``unphones``/``untags`` removed (one the contact lacks is NotFound).

        ``every='default'`` returns to the status's rhythm; ``birthday=''`` forgets it.
        """
        changes: dict[str, Any] = {}
        if every is not None:
            changes["every"] = None if every == "default" else every
        if birthday is not None:
            changes["birthday"] = birthday or None
        if customer_since is not None:
            changes["customer_since"] = customer_since.isoformat()
        if name is not None:
            changes.update(name=name, name_key=fold(name))
        if organisation is not None:
            changes["organisation_id"] = (
                self.orgs.id_for(organisation, now) if organisation.strip() else None
            )
        if status is not None:
            changes["status"] = status
        if note is not None:
            changes["note"] = clean(note)
        if job_title is not None:
            changes["job_title"] = " ".join(clean(job_title).split())
        if city is not None:
            changes["city"] = " ".join(clean(city).split())
        if department is not None:
            changes["department"] = " ".join(clean(department).split())
        changes["updated_at"] = now
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.db.execute(
            f"UPDATE contacts SET {assignments} WHERE id = ?", (*changes.values(), contact_id)
        )
        self._add_details(contact_id, emails, phones, tags, addresses)
        self._remove_details(contact_id, untags, unemails, unphones)
        self.reindex(contact_id)
        return self.get(contact_id)

    def _remove_details(
        self,
        contact_id: int,
        tags: Iterable[str],
        emails: Iterable[str],
        phones: Iterable[PhoneNumber],
    ) -> None:
        """Take tags, e-mail addresses and phone numbers off a contact; one the contact does
        not have is NotFound (a typo must not pass for done)."""
        for tag in tags:
            removed = self.db.execute(
                "DELETE FROM contact_tags WHERE contact_id = ? AND tag = ?",
                (contact_id, tag),
            )
            if removed == 0:
                raise NotFound(
                    _("contact #{contact_id} has no tag '{tag}'").format(
                        contact_id=contact_id, tag=tag
                    )
                )
        for email in emails:
            removed = self.db.execute(
                "DELETE FROM contact_emails WHERE contact_id = ? AND lower(email) = lower(?)",
                (contact_id, email),
            )
            if removed == 0:
                raise NotFound(
                    _("contact #{contact_id} has no e-mail address '{email}'").format(
                        contact_id=contact_id, email=email
                    )
                )
        for number in phones:
            removed = self.db.execute(
                "DELETE FROM contact_phones WHERE contact_id = ? AND (phone = ? OR e164 = ?)",
                (contact_id, number.typed, number.e164 or number.typed),
            )
            if removed == 0:
                raise NotFound(
                    _("contact #{contact_id} has no phone number '{typed}'").format(
                        contact_id=contact_id, typed=number.typed
                    )
                )

    def know_kinds(self, contact_id: int, phones: Iterable[PhoneNumber]) -> bool:
        """Give the contact's numbers that have no kind yet the kind a source says; True
        when one gained one."""
        gained = 0
        for number in phones:
            gained += self.db.execute(
                "UPDATE contact_phones SET kind = ? WHERE contact_id = ? AND kind = ''"
                " AND (phone = ? OR e164 = ?)",
                (number.kind, contact_id, number.typed, number.e164 or number.typed),
            )
        return gained > 0

    def touch(self, contact_id: int, on: date) -> bool:
        """Something happened with the contact on ``on`` (an export's "last contact"):
        their clocks restart from it if it is later than what they know; True if so."""
        row = self.db.one("SELECT last_touch_on FROM contacts WHERE id = ?", (contact_id,))
        if row is not None and (row[0] or "") >= on.isoformat():
            return False
        touch(self.db, contact_id, on)
        return True

    def restart_clocks(self, contact_id: int, on: date) -> None:
        """Something happened with the contact on ``on``: their keep-in-touch clock and
        their open quotes' staleness clocks count from it, when it is later."""
        touch(self.db, contact_id, on)
        self._learn(contact_id)

    def recount_clocks(self, contact_id: int) -> None:
        """Count a contact's keep-in-touch clock again from what is left (after a
        conversation or a done follow-up was deleted or moved)."""
        retouch(self.db, contact_id)
        self._learn(contact_id)

    def archive(self, contact_id: int, now: str) -> Contact:
        """Hide a contact from lists and the agenda; nothing is deleted."""
        self.db.execute(
            "UPDATE contacts SET archived_at = ?, updated_at = ? WHERE id = ?",
            (now, now, contact_id),
        )
        return self.get(contact_id)

    def unarchive(self, contact_id: int, now: str) -> Contact:
        """Bring an archived contact back into lists and the agenda."""
        self.db.execute(
            "UPDATE contacts SET archived_at = NULL, updated_at = ? WHERE id = ?", (now, contact_id)
        )
        return self.get(contact_id)

    def absorb(self, source: int, into: int, changes: dict[str, Any], now: str) -> dict[str, int]:
        """Move everything of contact ``source`` to ``into``: conversations, follow-ups,
        quotes, e-mail addresses and phone numbers (after ``into``'s, each once), tags; set
        ``changes`` on ``into``; archive ``source`` with a pointer to ``into``. Returns how
        many of each moved."""
        moved = {
            "revisions": self.db.tuples(
                "SELECT count(*) FROM quote_revisions WHERE quote_id IN"
                " (SELECT id FROM quotes WHERE contact_id = ?)",
                (source,),
            )[0][0]
        }
        for table in ("interactions", "followups", "quotes", "calls", "mails"):
            moved[table] = self.db.execute(
                f"UPDATE {table} SET contact_id = ? WHERE contact_id = ?", (into, source)
            )
        for table, column, same in (
            ("contact_emails", "email", "email = x.email"),
            ("contact_phones", "phone", "phone = x.phone OR e164 = x.e164"),
        ):
            extra = ", e164, mobile, kind" if table == "contact_phones" else ""
            moved[table] = self.db.execute(
                f"INSERT INTO {table} (contact_id, {column}, position{extra})"
                f" SELECT ?, x.{column},"
                f" (SELECT coalesce(max(position), 0) FROM {table} WHERE contact_id = ?)"
                f" + row_number() OVER (ORDER BY x.position){extra.replace(', ', ', x.')}"
                f" FROM {table} x WHERE x.contact_id = ?"
                f" AND NOT EXISTS (SELECT 1 FROM {table} WHERE contact_id = ? AND ({same}))",
                (into, into, source, into),
            )
            self.db.execute(f"DELETE FROM {table} WHERE contact_id = ?", (source,))
        moved["contact_addresses"] = len(
            self.add_addresses(into, self.addresses([source]).get(source, ()))
        )
        self.db.execute("DELETE FROM contact_addresses WHERE contact_id = ?", (source,))
        moved["contact_tags"] = self.db.execute(
            self.db.sql.insert_ignore(
                "contact_tags (contact_id, tag)"
                " SELECT ?, tag FROM contact_tags WHERE contact_id = ?"
            ),
            (into, source),
        )
        self.db.execute("DELETE FROM contact_tags WHERE contact_id = ?", (source,))
        clock = self.get(source).last_touch
        assignments = "".join(f", {column} = ?" for column in changes)
        self.db.execute(
            f"UPDATE contacts SET updated_at = ?{assignments} WHERE id = ?",
            (now, *changes.values(), into),
        )
        if clock is not None:
            touch(self.db, into, clock)
        for moved_from in (source, into):  # their conversations are one person's now
            keep_learned(self.db, moved_from)
        self.db.execute(
            "UPDATE contacts SET archived_at = coalesce(archived_at, ?), merged_into = ?,"
            " updated_at = ? WHERE id = ?",
            (now, into, now, source),
        )
        self.reindex(into)
        self.reindex(source)
        return moved

    def assign_many(self, contact_ids: Sequence[int], owner: str, now: str) -> int:
        """Make ``owner`` the owner of these contacts; return how many."""
        done = 0
        for start in range(0, len(contact_ids), 500):
            part = id_list(contact_ids[start : start + 500])
            done += self.db.execute(
                f"UPDATE contacts SET owner = ?, updated_at = ? WHERE id IN ({part})", (owner, now)
            )
        return done

    def assign(self, contact_id: int, owner: str, now: str) -> str:
        """Make ``owner`` the contact's owner; return who owned it before."""
        row = self.db.one("SELECT owner FROM contacts WHERE id = ?", (contact_id,))
        if row is None:
            raise NotFound(_("there is no contact #{contact_id}").format(contact_id=contact_id))
        self.db.execute(
            "UPDATE contacts SET owner = ?, updated_at = ? WHERE id = ?", (owner, now, contact_id)
        )
        return str(row[0])
