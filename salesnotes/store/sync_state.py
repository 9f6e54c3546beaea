"""What ``salesnotes sync`` keeps between two syncs (m020): the objects on the phone's server
with the fields both sides last agreed on, and each person's last sync."""

from __future__ import annotations

import json

from salesnotes.models import Synced

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from typing import Any

    from salesnotes.store.database import Database

_COLUMNS = "id, href, uid, etag, contact_id, followup_id, fields, extras, gone, closed"


def _synced(row: tuple[Any, ...], place: str) -> Synced:
    i, href, uid, etag, contact_id, followup_id, fields, extras, gone, closed = row
    return Synced(
        int(i), place, str(href), str(uid), str(etag), contact_id, followup_id,
        json.loads(fields) if fields and fields != "{}" else None, str(extras), str(gone),
        bool(closed),
    )  # fmt: skip


class SyncState:
    """The ``sync_objects`` and ``sync_runs`` tables."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def objects(self, person: str, place: str) -> list[Synced]:
        """The objects of ``person``'s ``place`` ('addressbook', 'tasks') a sync keeps
        reading: not the tasks closed on both sides."""
        rows = self.db.tuples(
            f"SELECT {_COLUMNS} FROM sync_objects WHERE person = ? AND place = ? AND closed = 0",
            (person, place),
        )
        return [_synced(r, place) for r in rows]

    def reopened(self, person: str, followup_ids: Iterable[int]) -> list[Synced]:
        """The tasks closed on both sides whose follow-up is open again (an ``undo``)."""
        ids = list(followup_ids)
        found = []
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            marks = ", ".join("?" * len(part))
            rows = self.db.tuples(
                f"SELECT {_COLUMNS} FROM sync_objects WHERE person = ? AND place = 'tasks'"
                f" AND closed = 1 AND followup_id IN ({marks})",
                (person, *part),
            )
            found += [_synced(r, "tasks") for r in rows]
        return found

    def known(self, hrefs: Iterable[str]) -> set[str]:
        """Which of these objects the book knows already (closed ones too)."""
        wanted = list(hrefs)
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            part = wanted[start : start + 500]
            marks = ", ".join("?" * len(part))
            rows = self.db.tuples(f"SELECT href FROM sync_objects WHERE href IN ({marks})", part)
            found |= {str(r[0]) for r in rows}
        return found

    def keep(self, person: str, item: Synced) -> None:
        """Write one object's state (new, or in place of what was kept for its href)."""
        fields = "{}" if item.fields is None else json.dumps(item.fields, sort_keys=True)
        values = (
            item.uid, item.etag, item.contact_id, item.followup_id, fields, item.extras,
            item.gone, int(item.closed),
        )  # fmt: skip
        updated = self.db.execute(
            "UPDATE sync_objects SET uid = ?, etag = ?, contact_id = ?, followup_id = ?,"
            " fields = ?, extras = ?, gone = ?, closed = ? WHERE href = ?",
            (*values, item.href),
        )
        if not updated:
            self.db.execute(
                "INSERT INTO sync_objects (uid, etag, contact_id, followup_id, fields, extras,"
                " gone, closed, person, place, href) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (*values, person, item.place, item.href),
            )

    def drop(self, href: str) -> None:
        """Forget an object that is gone from both sides."""
        self.db.execute("DELETE FROM sync_objects WHERE href = ?", (href,))

    def put_back(self, person: str) -> int:
        """Every object the person deleted on the phone is to go back there: how many."""
        return self.db.execute(
            "UPDATE sync_objects SET gone = 'back', etag = '', fields = '{}'"
            " WHERE person = ? AND gone = 'phone'",
            (person,),
        )

    def gone(self, person: str) -> list[Synced]:
        """What the person deleted on the phone and the book still has."""
        rows = self.db.tuples(
            f"SELECT {_COLUMNS}, place FROM sync_objects WHERE person = ? AND gone = 'phone'"
            " ORDER BY id",
            (person,),
        )
        return [_synced(r[:-1], str(r[-1])) for r in rows]

    def token(self, person: str, place: str, collection: str) -> str:
        """The server's sync token for the person's place after their last sync ('' none,
        or one of another collection)."""
        row = self.db.one(
            "SELECT token FROM sync_places WHERE person = ? AND place = ? AND collection = ?",
            (person, place, collection),
        )
        return str(row[0]) if row else ""

    def set_token(self, person: str, place: str, collection: str, token: str) -> None:
        """Keep the token a finished sync ended with."""
        if not self.db.execute(
            "UPDATE sync_places SET collection = ?, token = ? WHERE person = ? AND place = ?",
            (collection, token, person, place),
        ):
            self.db.execute(
                "INSERT INTO sync_places (person, place, collection, token) VALUES (?, ?, ?, ?)",
                (person, place, collection, token),
            )

    def last_run(self, person: str) -> tuple[str, dict[str, Any]] | None:
        """When the person last synced, and what that sync reported."""
        row = self.db.one("SELECT at, report FROM sync_runs WHERE person = ?", (person,))
        return None if row is None else (str(row[0]), json.loads(row[1]))

    def ran(self, person: str, at: str, report: dict[str, Any]) -> None:
        """Keep what the person's sync at ``at`` did and left to them."""
        text = json.dumps(report, sort_keys=True)
        if not self.db.execute(
            "UPDATE sync_runs SET at = ?, report = ? WHERE person = ?", (at, text, person)
        ):
            self.db.execute(
                "INSERT INTO sync_runs (person, at, report) VALUES (?, ?, ?)", (person, at, text)
            )
