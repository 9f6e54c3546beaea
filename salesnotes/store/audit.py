"""The audit trail (m018): read only. Triggers write it, row by row, in the transaction of
the change; nothing in salesnotes updates or deletes it."""

from __future__ import annotations

from salesnotes.models import Audited

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.store.database import Database


class Audit:
    """What the trail says about a contact, or what a person did."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    def trail(
        self, *, contact_id: int | None, actor: str | None, since: str | None, limit: int
    ) -> list[Audited]:
        """The last ``limit`` lines (0: all), oldest first: about ``contact_id`` (and the
        contacts merged into it), by ``actor``, from the instant ``since`` on."""
        where: list[str] = ["1 = 1"]
        values: list[int | str] = []
        if contact_id is not None:
            where.append(
                "a.contact_id IN (SELECT id FROM contacts WHERE id = ? OR merged_into = ?)"
            )
            values += [contact_id, contact_id]
        if actor is not None:
            where.append("a.actor = ?")
            values.append(actor)
        if since is not None:
            where.append("a.at >= ?")
            values.append(since)
        tail = " LIMIT ?" if limit else ""
        rows = self.db.tuples(
            "SELECT a.id, a.at, a.actor, a.login, a.command, a.tbl, a.row_id, a.contact_id,"
            " c.name, a.action, a.old_value, a.new_value, coalesce(q.currency, 'EUR')"
            " FROM audit_trail a LEFT JOIN contacts c ON c.id = a.contact_id"
            " LEFT JOIN quotes q ON a.tbl = 'quotes' AND q.id = a.row_id"
            f" WHERE {' AND '.join(where)} ORDER BY a.id DESC{tail}",
            [*values, limit] if limit else values,
        )
        return [Audited(*row) for row in reversed(rows)]
