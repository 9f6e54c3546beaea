"""Store: the only module that writes SQL (besides migrations.py). It returns models.

Opening a store sets the connection up (WAL, foreign keys, a long busy timeout, full sync),
creates the file 0600 in a 0700 folder on first use, and applies pending migrations under
``BEGIN IMMEDIATE``. A command then runs in one transaction: ``with store.write():`` for
anything that changes data (BEGIN IMMEDIATE, so that a read-then-write never fails on a lock),
``with store.read():`` for a consistent snapshot.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesnotes import migrations
from salesnotes.errors import BadInput, Conflict, DatabaseError, NotFound
from salesnotes.fields import normalise_email, normalise_every, normalise_phone, normalise_tag
from salesnotes.models import (
    INTERACTION_KINDS,
    PRIORITIES,
    REASONS,
    STATUSES,
    Contact,
    ContactCard,
    FollowUp,
    Hit,
    Interaction,
    LosingTouch,
    Occasion,
    Organisation,
    Quote,
    QuoteRevision,
)
from salesnotes.text import clean, fold

if TYPE_CHECKING:
    from salesnotes.bigbook import Batch
    from salesnotes.formats.csv_contacts import Row as ImportRow

BUSY_TIMEOUT_MS = 30_000
_SEP = "\x1f"  # unit separator: clean() strips it from all stored text, so it never collides
_ID = re.compile(r"^#?(\d+)$")


def new_uuid() -> str:
    """A random UUID (version 4) as text."""
    import uuid  # ~7 ms; only writes need one

    return str(uuid.uuid4())


def _ensure_file(path: Path) -> None:
    """Create the database file 0600 (and a missing folder 0700) before SQLite opens it."""
    if path.is_dir():
        raise DatabaseError(f"{path} is a folder; give a database file, e.g. {path / 'book.db'}")
    if path.exists():
        return
    folder = path.parent
    if not folder.exists():
        try:
            folder.mkdir(parents=True, mode=0o700)
            folder.chmod(0o700)
        except FileExistsError:
            pass
        except OSError as exc:
            raise DatabaseError(f"cannot create the folder {folder}: {exc.strerror}") from exc
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        return
    except OSError as exc:
        raise DatabaseError(f"cannot create the database {path}: {exc.strerror}") from exc
    os.close(fd)


def connect(path: Path) -> sqlite3.Connection:
    """Open (creating if needed) the database with the settings every command relies on."""
    _ensure_file(path)
    try:
        conn = sqlite3.connect(str(path), timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA synchronous = FULL")
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            conn.execute("PRAGMA journal_mode = WAL")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is not a salesnotes database ({exc})") from exc
    return conn


def _applied(conn: sqlite3.Connection) -> set[str]:
    exists = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?",
        (migrations.MIGRATIONS_TABLE,),
    ).fetchone()
    if not exists:
        return set()
    rows = conn.execute(
        f"SELECT name FROM {migrations.MIGRATIONS_TABLE} WHERE migration_set = ?",
        (migrations.MIGRATION_SET,),
    )
    return {row[0] for row in rows}


def migrate(conn: sqlite3.Connection, path: Path) -> int:
    """Apply pending migrations in one IMMEDIATE transaction; return how many were applied.

    A database that has migrations this code does not know was written by a newer
    salesnotes: it is refused, and nothing is written.
    """

    def check(applied: set[str]) -> list[str]:
        unknown = applied - set(migrations.NAMES)
        if unknown:
            raise DatabaseError(
                f"{path} was written by a newer salesnotes (schema {', '.join(sorted(unknown))}); "
                "upgrade salesnotes to use it"
            )
        return [name for name in migrations.NAMES if name not in applied]

    try:
        if not check(_applied(conn)):
            return 0
        conn.execute("BEGIN IMMEDIATE")
    except sqlite3.DatabaseError as exc:
        raise DatabaseError(f"{path} is not a salesnotes database ({exc})") from exc
    try:
        pending = check(_applied(conn))  # another process may have migrated while we waited
        if pending:
            from sqlite_utils import Database

            migrations.build().apply(Database(conn, execute_plugins=False))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return len(pending)


_LEVELS: tuple[Callable[[str, str], bool], ...] = (
    lambda name, key: name == key,
    lambda name, key: re.search(rf"(^| ){re.escape(key)}( |$)", name) is not None,
    lambda name, key: re.search(rf"(^| ){re.escape(key)}", name) is not None,
    lambda name, key: True,
)
"""How well a folded name matches a folded query, best first: the whole name, a whole word,
the start of a word, anywhere. The first level with any match decides."""


# The unary + keeps SQLite from sorting every match by amount: it walks the amount index
# from the top and stops after ``limit`` matches instead.
QUOTE_READS = {
    "expired": "q.status = ? AND +q.valid_until < ?",
    "expires on": "q.valid_until = ?",
    "idle since": "q.status = ? AND +q.last_activity_on < ?",
}


def _id_list(ids: Iterable[int]) -> str:
    """A literal list of integer ids for IN (...): ints only, so nothing to escape."""
    return ",".join(str(int(i)) for i in ids) or "NULL"


def _like(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return f"%{escaped}%"


def _date(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _split(value: str | None) -> tuple[str, ...]:
    return tuple(value.split(_SEP)) if value else ()


def _require_text(value: str, what: str) -> str:
    cleaned = clean(value)
    if not cleaned:
        raise BadInput(f"{what} cannot be empty")
    return cleaned


def _choice(value: str, allowed: Sequence[str], what: str) -> str:
    folded = value.strip().lower()
    if folded not in allowed:
        raise BadInput(f"'{value}' is not a {what}; use one of: {', '.join(allowed)}")
    return folded


_CONTACT_COLUMNS = f"""
    c.id, c.uuid, c.name, o.name AS organisation, c.organisation_id, c.status, c.note,
    c.archived_at, c.created_at,
    (SELECT group_concat(email, '{_SEP}') FROM
        (SELECT email FROM contact_emails WHERE contact_id = c.id ORDER BY position)) AS emails,
    (SELECT group_concat(phone, '{_SEP}') FROM
        (SELECT phone FROM contact_phones WHERE contact_id = c.id ORDER BY position)) AS phones,
    (SELECT group_concat(tag, '{_SEP}') FROM
        (SELECT tag FROM contact_tags WHERE contact_id = c.id ORDER BY tag)) AS tags,
    (SELECT max(happened_on) FROM interactions WHERE contact_id = c.id) AS last_contact,
    c.every, c.birthday, c.customer_since, c.last_touch_on
"""

_FOLLOWUP_COLUMNS = """
    f.id, f.uuid, f.contact_id, c.name AS contact_name, o.name AS organisation, f.due_on,
    f.text, f.reason, f.priority, f.status, f.created_on, f.created_at, f.done_on, f.done_note,
    f.snoozed_from
"""


class Store:
    """All reads and writes of one salesnotes database."""

    def __init__(self, conn: sqlite3.Connection, path: Path) -> None:
        self.conn = conn
        self.path = path

    @classmethod
    def open(cls, path: Path) -> Store:
        """Connect and bring the schema up to date."""
        conn = connect(path)
        migrate(conn, path)
        return cls(conn, path)

    def close(self) -> None:
        """Close the connection."""
        self.conn.close()

    @contextmanager
    def write(self) -> Iterator[Store]:
        """One command's changes, all or nothing, holding the write lock from the start."""
        self.conn.execute("BEGIN IMMEDIATE")
        try:
            yield self
        except BaseException:
            if self.conn.in_transaction:
                self.conn.execute("ROLLBACK")
            raise
        if self.conn.in_transaction:  # a dry run rolls back itself
            self.conn.execute("COMMIT")

    @contextmanager
    def read(self) -> Iterator[Store]:
        """A consistent snapshot for a command that only reads."""
        self.conn.execute("BEGIN")
        try:
            yield self
        finally:
            if self.conn.in_transaction:
                self.conn.execute("COMMIT")

    def _one(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> sqlite3.Row | None:
        cursor = self.conn.execute(sql, params)
        cursor.row_factory = sqlite3.Row
        row: sqlite3.Row | None = cursor.fetchone()
        return row

    def _all(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> list[sqlite3.Row]:
        cursor = self.conn.execute(sql, params)
        cursor.row_factory = sqlite3.Row
        return cursor.fetchall()

    def is_empty(self) -> bool:
        """True when the book holds no contacts and no organisations."""
        return not self._one("SELECT 1 FROM contacts UNION ALL SELECT 1 FROM organisations")

    # -- organisations ----------------------------------------------------------------------

    def organisation_id(self, name: str, now: str) -> int:
        """The id of the organisation with this name (case-insensitive), created if new."""
        display = " ".join(_require_text(name, "an organisation's name").split())
        key = fold(display)
        row = self._one("SELECT id FROM organisations WHERE name_key = ?", (key,))
        if row:
            return int(row["id"])
        cursor = self.conn.execute(
            "INSERT INTO organisations (uuid, name, name_key, created_at) VALUES (?, ?, ?, ?)",
            (new_uuid(), display, key, now),
        )
        return int(cursor.lastrowid or 0)

    def organisation(self, organisation_id: int) -> Organisation:
        """One organisation by id, with its number of active contacts."""
        for org in self.organisations(organisation_id):
            return org
        raise NotFound(f"there is no organisation #{organisation_id}")

    def resolve_organisation(self, text: str) -> Organisation:
        """An organisation by (a piece of) its name: exact, whole word, word start, anywhere."""
        key = fold(clean(text))
        if not key:
            raise BadInput("say which organisation: a piece of its name")
        rows = self._all(
            "SELECT id, name_key FROM organisations WHERE name_key LIKE ? ESCAPE '\\'",
            (_like(key),),
        )
        for level in _LEVELS:
            hits = [r["id"] for r in rows if level(r["name_key"], key)]
            if len(hits) == 1:
                return self.organisation(hits[0])
            if hits:
                names = [f"{o.name}" for o in (self.organisation(h) for h in hits[:20])]
                raise Conflict(
                    f"'{text}' matches {len(hits)} organisations; say more of the name:",
                    details=names,
                )
        raise NotFound(f"no organisation matches '{text}'")

    def organisations(self, organisation_id: int | None = None) -> list[Organisation]:
        """Every organisation with how many active contacts it has, by name."""
        rows = self._all(
            """
            SELECT o.id, o.uuid, o.name,
                (SELECT count(*) FROM contacts c
                 WHERE c.organisation_id = o.id AND c.archived_at IS NULL) AS contact_count
            FROM organisations o WHERE (? IS NULL OR o.id = ?) ORDER BY o.name_key
            """,
            (organisation_id, organisation_id),
        )
        return [Organisation(r["id"], r["uuid"], r["name"], r["contact_count"]) for r in rows]

    # -- contacts ---------------------------------------------------------------------------

    def _contact(self, row: sqlite3.Row) -> Contact:
        return Contact(
            id=row["id"],
            uuid=row["uuid"],
            name=row["name"],
            organisation=row["organisation"],
            organisation_id=row["organisation_id"],
            status=row["status"],
            emails=_split(row["emails"]),
            phones=_split(row["phones"]),
            tags=_split(row["tags"]),
            note=row["note"],
            archived=row["archived_at"] is not None,
            created_at=row["created_at"],
            last_contact=_date(row["last_contact"]),
            every=row["every"],
            birthday=row["birthday"],
            customer_since=_date(row["customer_since"]),
            last_touch=_date(row["last_touch_on"]),
        )

    def contact(self, contact_id: int) -> Contact:
        """One contact by id (archived ones too)."""
        row = self._one(
            f"SELECT {_CONTACT_COLUMNS} FROM contacts c "
            "LEFT JOIN organisations o ON o.id = c.organisation_id WHERE c.id = ?",
            (contact_id,),
        )
        if row is None:
            raise NotFound(f"there is no contact #{contact_id}")
        return self._contact(row)

    def add_contact(
        self,
        name: str,
        *,
        now: str,
        organisation: str | None = None,
        emails: Iterable[str] = (),
        phones: Iterable[str] = (),
        tags: Iterable[str] = (),
        status: str = "lead",
        note: str = "",
        today: date | None = None,
        every: str | None = None,
        birthday: str | None = None,
        customer_since: date | None = None,
    ) -> Contact:
        """Create a contact; its organisation is found or created by name.

        ``every``: a keep-in-touch rhythm ('6w', 'off'); ``birthday``: 'YYYY-MM-DD' or '--MM-DD'.
        The keep-in-touch clock starts on ``today`` (default: the day of ``now``).
        """
        display = " ".join(_require_text(name, "a contact's name").split())
        status = _choice(status, STATUSES, "status")
        org_id = self.organisation_id(organisation, now) if organisation is not None else None
        cursor = self.conn.execute(
            "INSERT INTO contacts (uuid, name, name_key, organisation_id, status, note,"
            " created_at, updated_at, every, birthday, customer_since, last_touch_on)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (
                new_uuid(),
                display,
                fold(display),
                org_id,
                status,
                clean(note),
                now,
                now,
                normalise_every(every) if every is not None else None,
                birthday,
                customer_since.isoformat() if customer_since else None,
                (today.isoformat() if today else now[:10]),
            ),
        )
        contact_id = int(cursor.lastrowid or 0)
        self._add_details(contact_id, emails, phones, tags)
        return self.contact(contact_id)

    def _add_details(
        self, contact_id: int, emails: Iterable[str], phones: Iterable[str], tags: Iterable[str]
    ) -> None:
        for table, column, values in (
            ("contact_emails", "email", [normalise_email(e) for e in emails]),
            ("contact_phones", "phone", [normalise_phone(p) for p in phones]),
        ):
            start = self._one(
                f"SELECT coalesce(max(position), 0) AS n FROM {table} WHERE contact_id = ?",
                (contact_id,),
            )
            position = int(start["n"]) if start else 0
            for value in values:
                position += 1
                self.conn.execute(
                    f"INSERT OR IGNORE INTO {table} (contact_id, {column}, position)"
                    " VALUES (?, ?, ?)",
                    (contact_id, value, position),
                )
        for tag in {normalise_tag(t) for t in tags}:
            self.conn.execute(
                "INSERT OR IGNORE INTO contact_tags (contact_id, tag) VALUES (?, ?)",
                (contact_id, tag),
            )

    def edit_contact(
        self,
        contact_id: int,
        *,
        now: str,
        name: str | None = None,
        organisation: str | None = None,
        emails: Iterable[str] = (),
        phones: Iterable[str] = (),
        tags: Iterable[str] = (),
        untags: Iterable[str] = (),
        status: str | None = None,
        note: str | None = None,
        every: str | None = None,
        birthday: str | None = None,
        customer_since: date | None = None,
    ) -> Contact:
        """Change a contact: new values replace, e-mails, phones and tags are added.

        ``every='default'`` returns to the status's rhythm; ``birthday=''`` forgets it.
        """
        changes: dict[str, Any] = {}
        if every is not None:
            changes["every"] = None if every == "default" else normalise_every(every)
        if birthday is not None:
            changes["birthday"] = birthday or None
        if customer_since is not None:
            changes["customer_since"] = customer_since.isoformat()
        if name is not None:
            display = " ".join(_require_text(name, "a contact's name").split())
            changes.update(name=display, name_key=fold(display))
        if organisation is not None:
            changes["organisation_id"] = (
                self.organisation_id(organisation, now) if organisation.strip() else None
            )
        if status is not None:
            changes["status"] = _choice(status, STATUSES, "status")
        if note is not None:
            changes["note"] = clean(note)
        changes["updated_at"] = now
        assignments = ", ".join(f"{column} = ?" for column in changes)
        self.conn.execute(
            f"UPDATE contacts SET {assignments} WHERE id = ?", (*changes.values(), contact_id)
        )
        self._add_details(contact_id, emails, phones, tags)
        for tag in untags:
            removed = self.conn.execute(
                "DELETE FROM contact_tags WHERE contact_id = ? AND tag = ?",
                (contact_id, normalise_tag(tag)),
            )
            if removed.rowcount == 0:
                raise NotFound(f"contact #{contact_id} has no tag '{tag}'")
        return self.contact(contact_id)

    def archive_contact(self, contact_id: int, now: str) -> Contact:
        """Hide a contact from lists and the agenda; nothing is deleted."""
        contact = self.contact(contact_id)
        if contact.archived:
            raise Conflict(f"#{contact_id} {contact.name} is archived already")
        self.conn.execute(
            "UPDATE contacts SET archived_at = ?, updated_at = ? WHERE id = ?",
            (now, now, contact_id),
        )
        return self.contact(contact_id)

    def unarchive_contact(self, contact_id: int, now: str) -> Contact:
        """Bring an archived contact back into lists and the agenda."""
        contact = self.contact(contact_id)
        if not contact.archived:
            raise Conflict(f"#{contact_id} {contact.name} is not archived")
        self.conn.execute(
            "UPDATE contacts SET archived_at = NULL, updated_at = ? WHERE id = ?", (now, contact_id)
        )
        return self.contact(contact_id)

    def namesakes(self, contact: Contact) -> list[Contact]:
        """Other contacts with exactly the same name (case- and accent-insensitive)."""
        rows = self._all(
            "SELECT id FROM contacts WHERE name_key = ? AND id <> ? ORDER BY id",
            (fold(contact.name), contact.id),
        )
        return [self.contact(row["id"]) for row in rows]

    def contacts(
        self,
        *,
        text: str | None = None,
        tag: str | None = None,
        status: str | None = None,
        organisation: str | None = None,
        organisation_id: int | None = None,
        archived: bool = False,
    ) -> list[Contact]:
        """Contacts by name, filtered; archived ones only when asked for."""
        where = ["c.archived_at IS NOT NULL" if archived else "c.archived_at IS NULL"]
        params: list[Any] = []
        if organisation_id is not None:
            where.append("c.organisation_id = ?")
            params.append(organisation_id)
        if text:
            key = _like(fold(text))
            where.append(
                "(c.name_key LIKE ? ESCAPE '\\' OR o.name_key LIKE ? ESCAPE '\\' OR c.id IN"
                " (SELECT contact_id FROM contact_emails WHERE email LIKE ? ESCAPE '\\'))"
            )
            params += [key, key, key]
        if tag:
            where.append("c.id IN (SELECT contact_id FROM contact_tags WHERE tag = ?)")
            params.append(normalise_tag(tag))
        if status:
            where.append("c.status = ?")
            params.append(_choice(status, STATUSES, "status"))
        if organisation:
            where.append("o.name_key LIKE ? ESCAPE '\\'")
            params.append(_like(fold(organisation)))
        rows = self._all(
            f"SELECT {_CONTACT_COLUMNS} FROM contacts c "
            "LEFT JOIN organisations o ON o.id = c.organisation_id "
            f"WHERE {' AND '.join(where)} ORDER BY c.name_key, c.id",
            params,
        )
        return [self._contact(row) for row in rows]

    def resolve(self, who: str) -> Contact:
        """WHO -> one contact: an id ('12', '#12'), an e-mail address, or a piece of a name.

        Names match case- and accent-insensitively. When several contain the text, an exact
        name wins, then a whole-word match, then a word that starts with it; more than one at
        the best level is ambiguous (Conflict, exit 4). Active contacts are preferred; an
        archived one is found only when no active one matches.
        """
        raw = clean(who)
        if not raw:
            raise BadInput("say who: an id like 12, an e-mail address or a name")
        id_match = _ID.match(raw)
        if id_match:
            return self.contact(int(id_match.group(1)))
        if "@" in raw:
            rows = self._all(
                "SELECT DISTINCT contact_id FROM contact_emails WHERE email = ?", (raw.lower(),)
            )
            if not rows:
                raise NotFound(f"no contact has the e-mail address {raw}")
            return self._pick([self.contact(r["contact_id"]) for r in rows], raw)
        key = fold(raw)
        rows = self._all(
            "SELECT c.id, c.name_key, c.archived_at IS NOT NULL AS archived FROM contacts c"
            " WHERE c.name_key LIKE ? ESCAPE '\\'",
            (_like(key),),
        )
        for archived in (0, 1):
            pool = [(r["id"], r["name_key"]) for r in rows if r["archived"] == archived]
            if not pool:
                continue
            for level in _LEVELS:
                hits = [cid for cid, name in pool if level(name, key)]
                if hits:
                    return self._pick([self.contact(cid) for cid in hits[:20]], raw, len(hits))
        raise NotFound(f"no contact matches '{raw}'", details=self._suggest(key))

    def _pick(self, found: list[Contact], who: str, total: int | None = None) -> Contact:
        if len(found) == 1:
            return found[0]
        total = total or len(found)
        lines = [f"#{c.id}  {c.label}" for c in found]
        if total > len(found):
            lines.append(f"... and {total - len(found)} more")
        raise Conflict(
            f"'{who}' matches {total} contacts; say which by id (e.g. #{found[0].id}):",
            details=lines,
        )

    def _suggest(self, key: str) -> list[str]:
        import difflib  # only on the error path

        rows = self._all("SELECT id, name, name_key FROM contacts WHERE archived_at IS NULL")
        by_word: dict[str, list[sqlite3.Row]] = {}
        for row in rows:
            for word in {row["name_key"], *row["name_key"].split()}:
                by_word.setdefault(word, []).append(row)
        seen: dict[int, str] = {}
        for word in difflib.get_close_matches(key, by_word, n=5, cutoff=0.6):
            for row in by_word[word]:
                seen.setdefault(row["id"], row["name"])
        if not seen:
            return []
        names = ", ".join(f"{name} (#{cid})" for cid, name in list(seen.items())[:5])
        return [f"did you mean: {names}?"]

    def cards(self, contact_ids: Iterable[int]) -> dict[int, ContactCard]:
        """Name, organisation, first phone and first e-mail of these active contacts.

        Archived contacts are left out, so no agenda source can bring one back.
        """
        ids = list(dict.fromkeys(contact_ids))
        if not ids:
            return {}
        cards: dict[int, ContactCard] = {}
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            rows = self._all(
                f"""
                SELECT c.id, c.name, o.name AS organisation,
                    (SELECT phone FROM contact_phones WHERE contact_id = c.id
                     ORDER BY position LIMIT 1) AS phone,
                    (SELECT email FROM contact_emails WHERE contact_id = c.id
                     ORDER BY position LIMIT 1) AS email
                FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id
                WHERE c.id IN ({",".join("?" * len(chunk))}) AND c.archived_at IS NULL
                """,
                chunk,
            )
            for r in rows:
                cards[r["id"]] = ContactCard(
                    r["id"], r["name"], r["organisation"], r["phone"], r["email"]
                )
        return cards

    # -- interactions -----------------------------------------------------------------------

    def log(self, contact_id: int, text: str, *, kind: str, on: date, now: str) -> Interaction:
        """Record something that happened with a contact."""
        body = _require_text(text, "what was said")
        kind = _choice(kind, INTERACTION_KINDS, "kind of conversation")
        cursor = self.conn.execute(
            "INSERT INTO interactions (uuid, contact_id, kind, text, happened_on, logged_at)"
            " VALUES (?, ?, ?, ?, ?, ?)",
            (new_uuid(), contact_id, kind, body, on.isoformat(), now),
        )
        self._touch(contact_id, on)
        return self.interaction(int(cursor.lastrowid or 0))

    def _touch(self, contact_id: int, on: date) -> None:
        """Anything that happens with a contact restarts their keep-in-touch clock and the
        staleness clock of their open quotes."""
        self.conn.execute(
            "UPDATE contacts SET last_touch_on = max(coalesce(last_touch_on, ''), ?) WHERE id = ?",
            (on.isoformat(), contact_id),
        )
        self.conn.execute(
            "UPDATE quotes SET last_activity_on = max(last_activity_on, ?)"
            " WHERE contact_id = ? AND status IN ('draft', 'sent', 'negotiating')",
            (on.isoformat(), contact_id),
        )

    def interaction(self, interaction_id: int) -> Interaction:
        """One interaction by id."""
        row = self._one(
            "SELECT i.*, c.name AS contact_name FROM interactions i"
            " JOIN contacts c ON c.id = i.contact_id WHERE i.id = ?",
            (interaction_id,),
        )
        if row is None:
            raise NotFound(f"there is no interaction #{interaction_id}")
        return self._interaction(row)

    @staticmethod
    def _interaction(row: sqlite3.Row) -> Interaction:
        return Interaction(
            id=row["id"],
            uuid=row["uuid"],
            contact_id=row["contact_id"],
            contact_name=row["contact_name"],
            kind=row["kind"],
            text=row["text"],
            happened_on=date.fromisoformat(row["happened_on"]),
            logged_at=row["logged_at"],
        )

    def interactions(self, contact_id: int, limit: int = 10) -> list[Interaction]:
        """A contact's latest interactions, newest first."""
        rows = self._all(
            "SELECT i.*, c.name AS contact_name FROM interactions i"
            " JOIN contacts c ON c.id = i.contact_id WHERE i.contact_id = ?"
            " ORDER BY i.happened_on DESC, i.id DESC LIMIT ?",
            (contact_id, limit),
        )
        return [self._interaction(row) for row in rows]

    # -- follow-ups -------------------------------------------------------------------------

    def _followups(
        self, where: str, params: Sequence[Any] = (), order: str = "f.due_on, f.id"
    ) -> list[FollowUp]:
        """Follow-ups with their contact's name and organisation, by a WHERE clause."""
        rows = self._all(
            f"SELECT {_FOLLOWUP_COLUMNS} FROM followups f JOIN contacts c ON c.id = f.contact_id"
            " LEFT JOIN organisations o ON o.id = c.organisation_id"
            f" WHERE {where} ORDER BY {order}",
            params,
        )
        return [self._followup(row) for row in rows]

    @staticmethod
    def _followup(row: sqlite3.Row) -> FollowUp:
        return FollowUp(
            id=row["id"],
            uuid=row["uuid"],
            contact_id=row["contact_id"],
            contact_name=row["contact_name"],
            organisation=row["organisation"],
            due_on=date.fromisoformat(row["due_on"]),
            text=row["text"],
            reason=row["reason"],
            priority=row["priority"],
            status=row["status"],
            created_on=date.fromisoformat(row["created_on"]),
            created_at=row["created_at"],
            done_on=_date(row["done_on"]),
            done_note=row["done_note"],
            snoozed_from=_date(row["snoozed_from"]),
        )

    def follow(
        self,
        contact_id: int,
        due: date,
        text: str = "",
        *,
        reason: str = "other",
        priority: str = "normal",
        today: date,
        now: str,
        source_interaction_id: int | None = None,
        quote_id: int | None = None,
    ) -> FollowUp:
        """Schedule a follow-up with a contact (``quote_id``: it chases that quote)."""
        reason = _choice(reason, REASONS, "reason")
        priority = _choice(priority, PRIORITIES, "priority")
        cursor = self.conn.execute(
            "INSERT INTO followups (uuid, contact_id, due_on, text, reason, priority, status,"
            " created_on, created_at, source_interaction_id, quote_id)"
            " VALUES (?, ?, ?, ?, ?, ?, 'open', ?, ?, ?, ?)",
            (
                new_uuid(),
                contact_id,
                due.isoformat(),
                clean(text),
                reason,
                priority,
                today.isoformat(),
                now,
                source_interaction_id,
                quote_id,
            ),
        )
        return self.followup(int(cursor.lastrowid or 0))

    def followup(self, followup_id: int) -> FollowUp:
        """One follow-up by id."""
        found = self._followups("f.id = ?", (followup_id,))
        if not found:
            raise NotFound(
                f"there is no follow-up #{followup_id}; 'salesnotes followups' lists them"
            )
        return found[0]

    def followups(
        self,
        *,
        include_done: bool = False,
        due_before: date | None = None,
        contact_id: int | None = None,
        organisation_id: int | None = None,
    ) -> list[FollowUp]:
        """Follow-ups by due date: open ones, or all; only those due before a day if asked."""
        where = ["c.archived_at IS NULL"] if contact_id is None else ["f.contact_id = ?"]
        params: list[Any] = [] if contact_id is None else [contact_id]
        if organisation_id is not None:
            where.append("c.organisation_id = ?")
            params.append(organisation_id)
        if not include_done:
            where.append("f.status = 'open'")
        if due_before is not None:
            where.append("f.due_on < ?")
            params.append(due_before.isoformat())
        return self._followups(" AND ".join(where), params)

    def due_followups(
        self,
        on_or_before: date,
        *,
        contact_ids: Sequence[int] | None = None,
        group: tuple[str, str] | None = None,
        limit: int | None = None,
    ) -> list[FollowUp]:
        """Open follow-ups due on or before a day, of active contacts (the agenda's read),
        oldest first. ``contact_ids``: only theirs; ``group``: only this (reason, priority);
        ``limit``: only the first so many (within a group, the most overdue)."""
        where = "f.status = 'open' AND f.due_on <= ? AND c.archived_at IS NULL"
        params: list[Any] = [on_or_before.isoformat()]
        if contact_ids is not None:
            where += f" AND f.contact_id IN ({_id_list(contact_ids)})"
        if group is not None:
            where += " AND f.reason = ? AND f.priority = ?"
            params += list(group)
        cap = f" LIMIT {int(limit)}" if limit is not None else ""
        return self._followups(where, params, f"f.due_on, f.id{cap}")

    def open_complaints(self) -> list[FollowUp]:
        """Open complaints of active contacts, oldest first."""
        return self._followups(
            "f.status = 'open' AND f.reason = 'complaint' AND c.archived_at IS NULL",
            order="f.created_at, f.id",
        )

    def _open_followup(self, followup_id: int) -> FollowUp:
        followup = self.followup(followup_id)
        if not followup.is_open:
            raise Conflict(
                f"follow-up #{followup_id} was done on {followup.done_on}; nothing to change"
            )
        return followup

    def complete(
        self,
        followup_id: int,
        *,
        note: str | None,
        today: date,
        now: str,
        kind: str = "note",
    ) -> tuple[FollowUp, Interaction | None]:
        """Close a follow-up; a note is logged as an interaction with its contact."""
        followup = self._open_followup(followup_id)
        interaction = None
        if note is not None:
            interaction = self.log(followup.contact_id, note, kind=kind, on=today, now=now)
        self.conn.execute(
            "UPDATE followups SET status = 'done', done_on = ?, done_at = ?, done_note = ?,"
            " done_interaction_id = ? WHERE id = ?",
            (
                today.isoformat(),
                now,
                interaction.text if interaction else "",
                interaction.id if interaction else None,
                followup_id,
            ),
        )
        self._touch(followup.contact_id, today)
        return self.followup(followup_id), interaction

    def snooze(self, followup_id: int, due: date) -> FollowUp:
        """Move an open follow-up to another day, remembering the day it was first due."""
        followup = self._open_followup(followup_id)
        self.conn.execute(
            "UPDATE followups SET due_on = ?, snoozed_from = coalesce(snoozed_from, ?)"
            " WHERE id = ?",
            (due.isoformat(), followup.due_on.isoformat(), followup_id),
        )
        return self.followup(followup_id)

    # -- quotes -----------------------------------------------------------------------------

    _QUOTE_SELECT = """
        SELECT q.*, c.name AS contact_name, o.name AS organisation
        FROM quotes q JOIN contacts c ON c.id = q.contact_id
        LEFT JOIN organisations o ON o.id = c.organisation_id
    """

    def _quotes(
        self, where: str, params: Sequence[Any], order: str, *, history: bool = True
    ) -> list[Quote]:
        rows = self._all(f"{self._QUOTE_SELECT} WHERE {where} ORDER BY {order}", params)
        revisions: dict[int, list[QuoteRevision]] = {}
        ids = [row["id"] for row in rows] if history else []
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for r in self._all(
                "SELECT quote_id, number, amount_cents, revised_on, note FROM quote_revisions"
                f" WHERE quote_id IN ({','.join('?' * len(chunk))}) ORDER BY quote_id, number",
                chunk,
            ):
                revisions.setdefault(r["quote_id"], []).append(
                    QuoteRevision(
                        r["number"],
                        r["amount_cents"],
                        date.fromisoformat(r["revised_on"]),
                        r["note"],
                    )
                )
        return [
            Quote(
                id=row["id"],
                uuid=row["uuid"],
                contact_id=row["contact_id"],
                contact_name=row["contact_name"],
                organisation=row["organisation"],
                title=row["title"],
                amount_cents=row["amount_cents"],
                currency=row["currency"],
                status=row["status"],
                quoted_on=date.fromisoformat(row["quoted_on"]),
                valid_until=_date(row["valid_until"]),
                probability=row["probability"],
                sent_on=_date(row["sent_on"]),
                closed_on=_date(row["closed_on"]),
                lost_reason=row["lost_reason"],
                last_activity=date.fromisoformat(row["last_activity_on"]),
                revisions=tuple(revisions.get(row["id"], ())),
            )
            for row in rows
        ]

    def quote(self, quote_id: int) -> Quote:
        """One quote by id, with its revisions."""
        found = self._quotes("q.id = ?", (quote_id,), "q.id")
        if not found:
            raise NotFound(f"there is no quote #{quote_id}; 'salesnotes quotes --all' lists them")
        return found[0]

    def quotes(
        self,
        *,
        open_only: bool = True,
        contact_id: int | None = None,
        organisation_id: int | None = None,
        contact_ids: Sequence[int] | None = None,
        history: bool = True,
    ) -> list[Quote]:
        """Quotes of active contacts (or of one contact / organisation), oldest first;
        ``history=False`` leaves out their revisions (the agenda does not need them)."""
        where = ["1 = 1"]
        params: list[Any] = []
        if open_only:
            where.append("q.status IN ('draft', 'sent', 'negotiating')")
        if contact_ids is not None:
            where.append(f"q.contact_id IN ({_id_list(contact_ids)})")
        if contact_id is not None:
            where.append("q.contact_id = ?")
            params.append(contact_id)
        elif organisation_id is not None:
            where.append("c.organisation_id = ?")
            params.append(organisation_id)
        else:
            where.append("c.archived_at IS NULL")
        return self._quotes(" AND ".join(where), params, "q.quoted_on, q.id", history=history)

    def add_quote(
        self,
        contact_id: int,
        title: str,
        amount_cents: int,
        *,
        currency: str,
        quoted_on: date,
        valid_until: date | None,
        probability: int | None,
        now: str,
    ) -> Quote:
        """A new draft quote; its amount is revision 1."""
        heading = " ".join(_require_text(title, "a quote's title").split())
        if valid_until is not None and valid_until < quoted_on:
            raise BadInput(
                f"valid until {valid_until.isoformat()} is before the quote's date "
                f"{quoted_on.isoformat()}"
            )
        _check_probability(probability)
        # The staleness clock starts at the quote's date or the last contact, whichever is later.
        last = self._one(
            "SELECT max(coalesce((SELECT max(happened_on) FROM interactions WHERE contact_id = ?),"
            " ''), coalesce((SELECT max(done_on) FROM followups WHERE contact_id = ?"
            " AND status = 'done'), ''), ?) AS last",
            (contact_id, contact_id, quoted_on.isoformat()),
        )
        last_activity = last["last"] if last else quoted_on.isoformat()
        cursor = self.conn.execute(
            "INSERT INTO quotes (uuid, contact_id, title, amount_cents, currency, status,"
            " quoted_on, valid_until, probability, last_activity_on, created_at)"
            " VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?)",
            (
                new_uuid(),
                contact_id,
                heading,
                amount_cents,
                currency.upper(),
                quoted_on.isoformat(),
                valid_until.isoformat() if valid_until else None,
                probability,
                last_activity,
                now,
            ),
        )
        quote_id = int(cursor.lastrowid or 0)
        self._add_revision(quote_id, amount_cents, quoted_on, "", now)
        return self.quote(quote_id)

    def _add_revision(
        self, quote_id: int, amount_cents: int, on: date, note: str, now: str
    ) -> None:
        self.conn.execute(
            "INSERT INTO quote_revisions (quote_id, number, amount_cents, revised_on, note,"
            " created_at) VALUES (?, (SELECT coalesce(max(number), 0) + 1 FROM quote_revisions"
            " WHERE quote_id = ?), ?, ?, ?, ?)",
            (quote_id, quote_id, amount_cents, on.isoformat(), clean(note), now),
        )

    def _open_quote(self, quote_id: int, action: str) -> Quote:
        quote = self.quote(quote_id)
        if not quote.is_open:
            when = f" on {quote.closed_on.isoformat()}" if quote.closed_on else ""
            raise Conflict(f"quote #{quote_id} was {quote.status}{when}; it cannot be {action}")
        return quote

    def send_quote(self, quote_id: int, on: date) -> Quote:
        """Mark a quote sent (a draft becomes sent; the first sending day is kept)."""
        quote = self._open_quote(quote_id, "sent")
        self.conn.execute(
            "UPDATE quotes SET status = CASE status WHEN 'draft' THEN 'sent' ELSE status END,"
            " sent_on = coalesce(sent_on, ?), last_activity_on = max(last_activity_on, ?)"
            " WHERE id = ?",
            (on.isoformat(), on.isoformat(), quote.id),
        )
        return self.quote(quote_id)

    def revise_quote(
        self, quote_id: int, amount_cents: int, *, note: str, on: date, now: str
    ) -> Quote:
        """A new amount; history is kept; a sent quote moves to negotiating."""
        quote = self._open_quote(quote_id, "revised")
        self._add_revision(quote_id, amount_cents, on, note, now)
        self.conn.execute(
            "UPDATE quotes SET amount_cents = ?,"
            " status = CASE status WHEN 'sent' THEN 'negotiating' ELSE status END,"
            " last_activity_on = max(last_activity_on, ?) WHERE id = ?",
            (amount_cents, on.isoformat(), quote.id),
        )
        return self.quote(quote_id)

    def renew_quote(self, quote_id: int, valid_until: date, *, on: date, now: str) -> Quote:
        """A new validity date, recorded as a revision with the same amount."""
        quote = self._open_quote(quote_id, "renewed")
        if valid_until < quote.quoted_on:
            raise BadInput(
                f"valid until {valid_until.isoformat()} is before the quote's date "
                f"{quote.quoted_on.isoformat()}"
            )
        self._add_revision(
            quote_id, quote.amount_cents, on, f"valid until {valid_until.isoformat()}", now
        )
        self.conn.execute(
            "UPDATE quotes SET valid_until = ?, last_activity_on = max(last_activity_on, ?)"
            " WHERE id = ?",
            (valid_until.isoformat(), on.isoformat(), quote_id),
        )
        return self.quote(quote_id)

    def set_probability(self, quote_id: int, probability: int | None) -> Quote:
        """Override (or with None reset) the win probability of an open quote."""
        self._open_quote(quote_id, "changed")
        _check_probability(probability)
        self.conn.execute("UPDATE quotes SET probability = ? WHERE id = ?", (probability, quote_id))
        return self.quote(quote_id)

    def close_quote(
        self, quote_id: int, status: str, *, on: date, now: str, reason: str = ""
    ) -> Quote:
        """Won, lost or expired: the quote leaves the tray; its chase follow-ups are closed."""
        self._open_quote(quote_id, f"marked {status}")
        self.conn.execute(
            "UPDATE quotes SET status = ?, closed_on = ?, closed_at = ?, lost_reason = ?"
            " WHERE id = ?",
            (status, on.isoformat(), now, clean(reason), quote_id),
        )
        self.conn.execute(
            "UPDATE followups SET status = 'done', done_on = ?, done_at = ?, done_note = ?"
            " WHERE quote_id = ? AND status = 'open'",
            (on.isoformat(), now, f"quote #{quote_id} {status}", quote_id),
        )
        return self.quote(quote_id)

    def quote_has_open_followup(self, quote_id: int) -> bool:
        """True when an open follow-up already chases this quote."""
        return bool(
            self._one("SELECT 1 FROM followups WHERE quote_id = ? AND status = 'open'", (quote_id,))
        )

    def lost_reasons(self, limit: int = 10) -> list[tuple[str, int]]:
        """The most used reasons for lost quotes, most used first."""
        rows = self._all(
            "SELECT lost_reason, count(*) AS n FROM quotes WHERE status = 'lost'"
            " AND lost_reason <> '' GROUP BY lost_reason ORDER BY n DESC, lost_reason LIMIT ?",
            (limit,),
        )
        return [(r["lost_reason"], r["n"]) for r in rows]

    def quotes_needing_attention(
        self,
        today: date,
        expiring_until: date,
        stale_before: dict[str, date],
        *,
        contact_ids: Sequence[int] | None = None,
        limit: int | None = None,
    ) -> tuple[list[Quote], list[Quote]]:
        """Open quotes of active contacts that expire by ``expiring_until`` (or have expired),
        and those whose last activity is before their status's staleness cut-off.

        Returns (by validity, soonest first; stale, longest idle first). With ``limit``, at most
        that many of each query: the most urgent ones, read in index order.
        """
        extra = f" AND q.contact_id IN ({_id_list(contact_ids)})" if contact_ids is not None else ""
        cap = f" LIMIT {int(limit)}" if limit is not None else ""
        by_validity = self._quotes(
            "q.status IN ('draft', 'sent', 'negotiating') AND q.valid_until <= ?"
            f" AND c.archived_at IS NULL{extra}",
            (expiring_until.isoformat(),),
            f"q.valid_until, q.id{cap}",
        )
        stale: list[Quote] = []
        for status, cutoff in stale_before.items():
            stale += self._quotes(
                "q.status IN ('draft', 'sent', 'negotiating') AND q.status = ?"
                f" AND q.last_activity_on < ? AND c.archived_at IS NULL{extra}",
                (status, cutoff.isoformat()),
                f"q.last_activity_on, q.id{cap}",
            )
        return by_validity, stale

    def open_quotes_by_amount(
        self, condition: str, params: Sequence[Any], limit: int
    ) -> list[Quote]:
        """The largest open quotes of active contacts meeting a fixed ``condition`` (one of
        QUOTE_READS), largest first: how the agenda reads the top of each kind of quote."""
        if condition not in QUOTE_READS:
            raise ValueError(condition)
        return self._quotes(
            f"q.status IN ('draft', 'sent', 'negotiating') AND {QUOTE_READS[condition]}"
            " AND c.archived_at IS NULL",
            params,
            f"q.amount_cents DESC, q.id LIMIT {int(limit)}",
            history=False,
        )

    def pipeline_rows(
        self,
        today: date,
        currency: str,
        probabilities: dict[str, int],
        since: date,
        expiring_until: date,
    ) -> dict[str, list[sqlite3.Row]]:
        """Aggregates for the pipeline, in one currency (see quotes.pipeline)."""
        case = " ".join(f"WHEN '{s}' THEN {int(p)}" for s, p in probabilities.items())
        open_rows = self._all(
            f"""
            SELECT CASE WHEN valid_until < :today THEN 'expired' ELSE status END AS shown,
                count(*) AS n, sum(amount_cents) AS value,
                sum(amount_cents * coalesce(probability, CASE status {case} ELSE 0 END)) AS weighted
            FROM quotes
            WHERE status IN ('draft', 'sent', 'negotiating') AND currency = :currency
            GROUP BY shown
            """,
            {"today": today.isoformat(), "currency": currency},
        )
        closed_rows = self._all(
            """
            SELECT status, substr(closed_on, 1, 7) AS month, count(*) AS n,
                sum(amount_cents) AS value,
                sum(CASE WHEN status = 'won' AND sent_on IS NOT NULL
                    THEN julianday(closed_on) - julianday(sent_on) END) AS days_to_win,
                sum(CASE WHEN status = 'won' AND sent_on IS NOT NULL THEN 1 ELSE 0 END) AS timed
            FROM quotes
            WHERE status IN ('won', 'lost') AND currency = :currency
                AND closed_on >= :since AND closed_on <= :today
            GROUP BY status, month
            """,
            {"today": today.isoformat(), "currency": currency, "since": since.isoformat()},
        )
        expiring_row = self._one(
            "SELECT count(*) AS n, coalesce(sum(amount_cents), 0) AS value FROM quotes"
            " WHERE status IN ('draft', 'sent', 'negotiating') AND currency = ?"
            " AND valid_until >= ? AND valid_until <= ?",
            (currency, today.isoformat(), expiring_until.isoformat()),
        )
        other_rows = self._all(
            "SELECT currency, count(*) AS n FROM quotes WHERE currency <> ?"
            " AND status IN ('draft', 'sent', 'negotiating') GROUP BY currency",
            (currency,),
        )
        return {
            "open": open_rows,
            "closed": closed_rows,
            "other": other_rows,
            "expiring": [expiring_row] if expiring_row else [],
        }

    # -- keep in touch, occasions, briefings --------------------------------------------------

    def losing_touch(
        self,
        today: date,
        defaults: dict[str, str],
        *,
        contact_ids: Sequence[int] | None = None,
        limit: int | None = None,
    ) -> list[LosingTouch]:
        """Active contacts past their rhythm (their own, else their status's default).

        With ``limit``: at most that many per rhythm, the longest without contact first (for
        one rhythm, that is the most overdue), read in index order.
        """
        from salesnotes.dates import parse_period, shift

        found: list[LosingTouch] = []
        base = (
            "SELECT c.id, c.name, o.name AS organisation, c.status, c.every, c.last_touch_on,"
            " (SELECT max(happened_on) FROM interactions WHERE contact_id = c.id) AS last_contact"
            " FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id"
            " WHERE c.archived_at IS NULL AND "
        )
        queries: list[tuple[str, Sequence[Any]]] = []
        for status, rhythm in defaults.items():
            if rhythm in ("", "off", "none"):
                continue
            period = parse_period(rhythm)
            cutoff = shift(today, -period.count, period.unit)
            queries.append(
                (
                    base + "c.status = ? AND c.every IS NULL AND c.last_touch_on < ?",
                    (status, cutoff.isoformat()),
                )
            )
        for row in self._all(
            "SELECT DISTINCT every FROM contacts WHERE archived_at IS NULL"
            " AND every IS NOT NULL AND every <> 'off'"
        ):
            period = parse_period(row["every"])
            cutoff = shift(today, -period.count, period.unit)
            queries.append(
                (
                    base + "c.every = ? AND c.last_touch_on < ?",
                    (row["every"], cutoff.isoformat()),
                )
            )
        extra = f" AND c.id IN ({_id_list(contact_ids)})" if contact_ids is not None else ""
        cap = f" ORDER BY c.last_touch_on, c.id LIMIT {int(limit)}" if limit is not None else ""
        for sql, params in queries:
            sql = sql + extra + cap
            for r in self._all(sql, params):
                period = parse_period(r["every"] or defaults[r["status"]])
                touched = date.fromisoformat(r["last_touch_on"])
                due = period.after(touched)
                if due >= today:
                    continue
                found.append(
                    LosingTouch(
                        contact_id=r["id"],
                        name=r["name"],
                        organisation=r["organisation"],
                        status=r["status"],
                        rhythm=str(period),
                        last_touch=touched,
                        last_contact=_date(r["last_contact"]),
                        overdue_days=(today - due).days,
                        rhythm_days=period.approx_days,
                    )
                )
        return found

    def occasions(self, today: date, days: int) -> list[Occasion]:
        """Birthdays and customer anniversaries from today up to ``days`` ahead."""
        from datetime import timedelta

        window = [(today + timedelta(days=n)) for n in range(days + 1)]
        keys = sorted({d.strftime("%m-%d") for d in window})
        marks = ",".join("?" * len(keys))
        rows = self._all(
            "SELECT c.id, c.name, o.name AS organisation, c.birthday, c.customer_since"
            " FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id"
            f" WHERE c.archived_at IS NULL AND (substr(c.birthday, -5) IN ({marks})"
            f" OR substr(c.customer_since, -5) IN ({marks}))",
            [*keys, *keys],
        )
        found = []
        for r in rows:
            for kind, value in (("birthday", r["birthday"]), ("anniversary", r["customer_since"])):
                if not value:
                    continue
                month, day = int(value[-5:-3]), int(value[-2:])
                for d in window:
                    if (d.month, d.day) == (month, day):
                        year = int(value[:4]) if value[:4].isdigit() else None
                        years = d.year - year if year else None
                        if kind == "anniversary" and not years:
                            continue  # the day itself is not an anniversary yet
                        found.append(
                            Occasion(r["id"], r["name"], r["organisation"], kind, d, years)
                        )
        return sorted(found, key=lambda o: (o.on, fold(o.name)))

    def bulk_load(self, batches: Iterable[Batch]) -> int:
        """Insert generated rows (salesnotes.bigbook) in the caller's transaction; return the
        number of contacts. Rows carry their own ids, so the book must be empty."""
        statements = (
            (
                "organisations",
                "INSERT INTO organisations (id, uuid, name, name_key, created_at)"
                " VALUES (?, ?, ?, ?, ?)",
            ),
            (
                "contacts",
                "INSERT INTO contacts (id, uuid, name, name_key, organisation_id,"
                " status, note, archived_at, created_at, updated_at, every, last_touch_on,"
                " birthday, customer_since) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ),
            ("emails", "INSERT INTO contact_emails (contact_id, email, position) VALUES (?, ?, ?)"),
            ("phones", "INSERT INTO contact_phones (contact_id, phone, position) VALUES (?, ?, ?)"),
            ("tags", "INSERT INTO contact_tags (contact_id, tag) VALUES (?, ?)"),
            (
                "interactions",
                "INSERT INTO interactions (id, uuid, contact_id, kind, text,"
                " happened_on, logged_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ),
            (
                "followups",
                "INSERT INTO followups (id, uuid, contact_id, due_on, text, reason,"
                " priority, status, created_on, created_at, done_on, done_at, quote_id)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ),
            (
                "quotes",
                "INSERT INTO quotes (id, uuid, contact_id, title, amount_cents, currency,"
                " status, quoted_on, valid_until, probability, sent_on, closed_on, lost_reason,"
                " last_activity_on, created_at, closed_at)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            ),
            (
                "revisions",
                "INSERT INTO quote_revisions (id, quote_id, number, amount_cents,"
                " revised_on, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ),
        )
        # Indexing each row as it comes costs the full-text index a lot more than one rebuild
        # at the end: the trigger is set aside and put back in this same transaction.
        trigger = self._one(
            "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'interactions_ai'"
        )
        if trigger:
            self.conn.execute("DROP TRIGGER interactions_ai")
        self.conn.execute("PRAGMA cache_size = -65536")  # 64 MB while loading
        contacts = 0
        for batch in batches:
            for attribute, sql in statements:
                self.conn.executemany(sql, getattr(batch, attribute))
            contacts += len(batch.contacts)
        if trigger:
            self.conn.execute("INSERT INTO interactions_fts(interactions_fts) VALUES ('rebuild')")
            self.conn.execute(trigger["sql"])
        self.conn.execute("PRAGMA cache_size = -2000")
        return contacts

    def import_contacts(
        self, rows: Iterable[ImportRow], *, now: str, today: date
    ) -> tuple[int, int, int]:
        """Add contacts in the caller's transaction, in bulk; return (added, duplicates,
        new organisations). A row is a duplicate when one of its e-mail addresses is known
        already (in the book or earlier in the file), or, without an e-mail address, when a
        contact of the same name exists in the same organisation."""
        emails = {r[0] for r in self.conn.execute("SELECT email FROM contact_emails")}
        orgs = {
            key: oid for oid, key in self.conn.execute("SELECT id, name_key FROM organisations")
        }
        people = set(self.conn.execute("SELECT name_key, organisation_id FROM contacts"))
        next_contact = (self.conn.execute("SELECT max(id) FROM contacts").fetchone()[0] or 0) + 1
        next_org = (self.conn.execute("SELECT max(id) FROM organisations").fetchone()[0] or 0) + 1
        added = duplicates = new_orgs = 0
        batch: dict[str, list[tuple[Any, ...]]] = {
            "organisations": [],
            "contacts": [],
            "emails": [],
            "phones": [],
            "tags": [],
        }
        sql = {
            "organisations": "INSERT INTO organisations (id, uuid, name, name_key, created_at)"
            " VALUES (?, ?, ?, ?, ?)",
            "contacts": "INSERT INTO contacts (id, uuid, name, name_key, organisation_id, status,"
            " note, created_at, updated_at, last_touch_on) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            "emails": "INSERT INTO contact_emails (contact_id, email, position) VALUES (?, ?, ?)",
            "phones": "INSERT OR IGNORE INTO contact_phones (contact_id, phone, position)"
            " VALUES (?, ?, ?)",
            "tags": "INSERT INTO contact_tags (contact_id, tag) VALUES (?, ?)",
        }

        def flush() -> None:
            for table, values in batch.items():
                self.conn.executemany(sql[table], values)
                values.clear()

        for row in rows:
            org_id = None
            if row.organisation:
                key = fold(row.organisation)
                org_id = orgs.get(key)
                if org_id is None:
                    org_id = orgs[key] = next_org
                    next_org += 1
                    new_orgs += 1
                    batch["organisations"].append((org_id, new_uuid(), row.organisation, key, now))
            name_key = fold(row.name)
            if any(e in emails for e in row.emails) or (
                not row.emails and (name_key, org_id) in people
            ):
                duplicates += 1
                continue
            cid = next_contact
            next_contact += 1
            added += 1
            emails.update(row.emails)
            people.add((name_key, org_id))
            batch["contacts"].append(
                (
                    cid,
                    new_uuid(),
                    row.name,
                    name_key,
                    org_id,
                    row.status,
                    row.note,
                    now,
                    now,
                    today.isoformat(),
                )
            )
            batch["emails"] += [(cid, e, n) for n, e in enumerate(row.emails, start=1)]
            batch["phones"] += [(cid, p, n) for n, p in enumerate(row.phones, start=1)]
            batch["tags"] += [(cid, t) for t in row.tags]
            if len(batch["contacts"]) >= 5000:
                flush()
        flush()
        return added, duplicates, new_orgs

    def search(self, text: str, limit: int = 20) -> list[Hit]:
        """Contacts, interactions, follow-ups and quotes that mention all words of ``text``.

        Interactions go through the full-text index (accent-insensitive, word prefixes), newest
        first; the others match the folded text anywhere. At most ``limit`` of each kind.
        """
        words = re.findall(r"\w+", fold(text))
        if not words:
            raise BadInput(f"'{text}' has no words to search for; try a name or a word")
        hits: list[Hit] = []
        key = fold(clean(text))
        found_ids = [
            r["id"]
            for r in self._all(
                "SELECT id FROM contacts WHERE archived_at IS NULL AND name_key LIKE ?"
                " ESCAPE '\\' ORDER BY name_key LIMIT ?",
                (_like(key), limit),
            )
        ]
        org_ids = [
            r["id"]
            for r in self._all(
                "SELECT id FROM organisations WHERE name_key LIKE ? ESCAPE '\\' LIMIT ?",
                (_like(key), limit),
            )
        ]
        if org_ids and len(found_ids) < limit:
            found_ids += [
                r["id"]
                for r in self._all(
                    "SELECT id FROM contacts WHERE archived_at IS NULL AND organisation_id IN"
                    f" ({_id_list(org_ids)}) AND id NOT IN ({_id_list(found_ids)}) LIMIT ?",
                    (limit - len(found_ids),),
                )
            ]
        for card in self.cards(found_ids).values():
            org = f" ({card.organisation})" if card.organisation else ""
            hits.append(
                Hit("contact", card.contact_id, card.contact_id, card.name, None, card.name + org)
            )
        query = " ".join(f'"{word}"*' for word in words)
        for r in self._all(
            "SELECT i.id, i.contact_id, c.name, i.happened_on, i.text"
            " FROM (SELECT rowid FROM interactions_fts WHERE interactions_fts MATCH ?"
            "       ORDER BY rowid DESC LIMIT ?) AS m"
            " JOIN interactions i ON i.id = m.rowid JOIN contacts c ON c.id = i.contact_id",
            (query, limit),
        ):
            hits.append(
                Hit(
                    "interaction",
                    r["id"],
                    r["contact_id"],
                    r["name"],
                    date.fromisoformat(r["happened_on"]),
                    r["text"],
                )
            )
        params = [_like(word) for word in words]
        for kind, column, sql in (
            (
                "followup",
                "x.text",
                "SELECT x.id, x.contact_id, c.name, x.due_on AS day, x.text FROM followups x"
                " JOIN contacts c ON c.id = x.contact_id WHERE x.status = 'open'",
            ),
            (
                "quote",
                "x.title",
                "SELECT x.id, x.contact_id, c.name, x.quoted_on AS day, x.title AS text"
                " FROM quotes x JOIN contacts c ON c.id = x.contact_id WHERE 1 = 1",
            ),
        ):
            like = "".join(f" AND lower({column}) LIKE ? ESCAPE '\\'" for _ in words)
            for r in self._all(f"{sql}{like} ORDER BY x.id DESC LIMIT ?", [*params, limit]):
                hits.append(
                    Hit(kind, r["id"], r["contact_id"], r["name"], _date(r["day"]), r["text"])
                )
        return hits

    def last_briefing(self) -> str | None:
        """When the previous briefing was produced (UTC instant), or None for the first."""
        row = self._one("SELECT produced_at FROM briefings ORDER BY id DESC LIMIT 1")
        return str(row["produced_at"]) if row else None

    def record_briefing(self, produced_at: str, for_date: date, fmt: str, calls: int) -> None:
        """Remember that a briefing was produced, so the next one can say what came since."""
        self.conn.execute(
            "INSERT INTO briefings (produced_at, for_date, format, calls) VALUES (?, ?, ?, ?)",
            (produced_at, for_date.isoformat(), fmt, calls),
        )

    def interactions_since(self, since: str, until: str) -> list[Interaction]:
        """Interactions logged after ``since`` up to ``until`` (UTC instants), oldest first."""
        rows = self._all(
            "SELECT i.*, c.name AS contact_name FROM interactions i"
            " JOIN contacts c ON c.id = i.contact_id"
            " WHERE i.logged_at > ? AND i.logged_at <= ? ORDER BY i.logged_at, i.id",
            (since, until),
        )
        return [self._interaction(row) for row in rows]

    def followups_done_since(self, since: str, until: str) -> list[FollowUp]:
        """Follow-ups completed after ``since`` up to ``until``, oldest first."""
        return self._followups(
            "f.done_at > ? AND f.done_at <= ?", (since, until), "f.done_at, f.id"
        )

    def quotes_closed_since(self, since: str, until: str) -> list[Quote]:
        """Quotes won, lost or expired after ``since`` up to ``until``."""
        return self._quotes(
            "q.closed_at > ? AND q.closed_at <= ?", (since, until), "q.closed_at, q.id"
        )


def _check_probability(probability: int | None) -> None:
    if probability is not None and not 0 <= probability <= 100:
        raise BadInput(f"a probability is a percentage from 0 to 100, not {probability}")
