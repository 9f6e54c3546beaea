"""The undo journal: what each writing command changed, row by row, so ``undo`` can put it
back. SQLite's own: triggers on the book's tables record every row's before and after (as
JSON) while a command is being recorded; a PostgreSQL backend keeps its own journal.

A writing transaction (``Database.write()``) opens a command in ``undo_commands`` and points
``undo_recording`` at it; the triggers add a row to ``undo_changes`` for every insert, update
or delete of a journaled table; at commit the pointer is cleared, a command that changed
nothing is dropped, and only the last ``DEPTH`` commands are kept. The briefing's mark, the
erasure fingerprints and the search indexes are not journaled: a briefing is not a thing to
take back, ``forget`` must not be undoable (it empties the journal, which holds the person's
old rows), and the indexes are rebuilt from the rows.
"""

from __future__ import annotations

from salesnotes.errors import Conflict, NotFound
from salesnotes.i18n import _
from salesnotes.migrations import JOURNALED as TABLES
from salesnotes.models import Recorded, Undone

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from salesnotes.store.database import Database

DEPTH = 20
"""How many writing commands ``undo`` can walk back."""


def columns(db: Database, table: str) -> list[str]:
    """A table's columns, in order."""
    return db.columns(table)


def begin(
    db: Database, label: str, now: str, *, rows: bool = True, note: str = ""
) -> tuple[int, int] | None:
    """Start recording a writing command (inside its transaction); ``rows`` off: only as a
    step undo cannot pass (``note``: how to take it back instead), and then return its id
    and the connection's count of changed rows, for ``end`` to see if it changed any."""
    command_id = db.insert(
        "INSERT INTO undo_commands (command, at, undoable, note, given_by) VALUES (?, ?, ?, ?, ?)",
        (label[:500], now, int(rows), note, db.user),
    )
    if not rows:
        db.pause_journal()  # back at ``end``, or with a rollback
        return command_id, db.changes()
    db.execute("UPDATE undo_recording SET command_id = ? WHERE id = 1", (command_id,))
    return None


def end(db: Database, step: tuple[int, int] | None = None) -> None:
    """Stop recording (still inside the transaction): drop a command that changed nothing
    (``step``: what ``begin`` returned for one), keep the last ``DEPTH``."""
    if step is not None:
        changed = db.changes() != step[1]
        db.resume_journal()
        if not changed:
            db.execute("DELETE FROM undo_commands WHERE id = ?", (step[0],))
            return
    row = db.one("SELECT command_id FROM undo_recording WHERE id = 1")
    if row is not None and row[0] is not None:
        command_id = int(row[0])
        db.execute("UPDATE undo_recording SET command_id = NULL WHERE id = 1")
        if not db.one("SELECT 1 FROM undo_changes WHERE command_id = ?", (command_id,)):
            db.execute("DELETE FROM undo_commands WHERE id = ?", (command_id,))
            return
    user = db.user  # each user's last DEPTH commands are kept
    cut = db.one(
        "SELECT id FROM undo_commands WHERE given_by = ? ORDER BY id DESC LIMIT 1 OFFSET ?",
        (user, DEPTH),
    )
    if cut is not None:
        older = "SELECT id FROM undo_commands WHERE given_by = ? AND id <= ?"
        db.execute(f"DELETE FROM undo_changes WHERE command_id IN ({older})", (user, cut[0]))
        db.execute(f"DELETE FROM undo_commands WHERE id IN ({older})", (user, cut[0]))


def forget_person(db: Database, contact_ids: set[int], organisation_ids: set[int]) -> int:
    """Take every command that changed one of a person's rows out of the journal, its
    before- and after-images with it (``forget``: they hold the person's old rows, and the
    command line names them); everyone else's history stays, so a colleague can still undo
    their own. A person's row is their contact (and those merged into it), a row with their
    ``contact_id``, a revision of one of their quotes, an organisation erased with them.
    How many commands went."""
    import json

    changes = db.tuples("SELECT command_id, tbl, before, after FROM undo_changes")
    images = [
        (int(command_id), table, json.loads(image))
        for command_id, table, *pair in changes
        for image in pair
        if image is not None
    ]
    quotes = {
        int(row["id"])
        for __, table, row in images
        if table == "quotes" and row.get("contact_id") in contact_ids
    }

    def theirs(table: str, row: dict[str, Any]) -> bool:
        if table == "contacts":
            return row.get("id") in contact_ids or row.get("merged_into") in contact_ids
        if table == "organisations":
            return row.get("id") in organisation_ids
        if table == "quote_revisions":
            return row.get("quote_id") in quotes
        return row.get("contact_id") in contact_ids

    gone = sorted({command_id for command_id, table, row in images if theirs(table, row)})
    for start in range(0, len(gone), 500):
        marks = ", ".join("?" for _ in gone[start : start + 500])
        part = gone[start : start + 500]
        db.execute(
            f"UPDATE undo_recording SET command_id = NULL WHERE command_id IN ({marks})", part
        )
        db.execute(f"DELETE FROM undo_changes WHERE command_id IN ({marks})", part)
        db.execute(f"DELETE FROM undo_commands WHERE id IN ({marks})", part)
    return len(gone)


def history(db: Database) -> list[Recorded]:
    """The user's recorded commands (in a team's book, not the colleagues'), newest first."""
    rows = db.tuples(
        "SELECT c.id, c.command, c.at, (SELECT count(*) FROM undo_changes h"
        " WHERE h.command_id = c.id), c.undone_at, c.undoable, c.note"
        " FROM undo_commands c WHERE c.given_by IN (?, '') ORDER BY c.id DESC",
        (db.user,),
    )
    return [
        Recorded(int(i), str(c), str(a), int(n), u, bool(ok), str(note))
        for i, c, a, n, u, ok, note in rows
    ]


def undo_last(db: Database, now: str) -> Undone:
    """Put back what the last command not undone yet changed (in the caller's transaction,
    not recorded itself), or a Conflict naming what changed the same rows since."""
    import json

    latest = [r for r in history(db) if r.undone_at is None]
    if not latest:
        raise NotFound(
            _(
                "nothing to undo: undo takes back the last {DEPTH} writing commands of "
                "this book, and they are undone already or there were none ('undo "
                "--list' shows them)"
            ).format(DEPTH=DEPTH)
        )
    command = latest[0]
    if not command.undoable:
        raise Conflict(
            _("'salesnotes {command}' cannot be undone: {note}").format(
                command=command.command, note=command.note
            )
        )
    changes = db.tuples(
        "SELECT id, tbl, row_id, before, after FROM undo_changes WHERE command_id = ?"
        " ORDER BY id DESC",
        (command.id,),
    )
    shapes = {table: columns(db, table) for table in TABLES}
    # Per row: did it exist before the command (its oldest before-image), and after it (its
    # newest after-image)? Changes come newest first.
    rows: dict[tuple[str, int], tuple[bool, bool]] = {}
    contacts: set[int] = set()
    for __, table, row_id, before_text, after_text in changes:
        cols = shapes[table]
        current = _current(db, table, cols, int(row_id))
        after = json.loads(after_text) if after_text is not None else None
        if current != after:
            raise Conflict(_changed_since(db, command, table, int(row_id)))
        before = json.loads(before_text) if before_text is not None else None
        _put_back(db, table, cols, int(row_id), before)
        existed_after = rows.get((table, int(row_id)), (False, after is not None))[1]
        rows[(table, int(row_id))] = (before is not None, existed_after)
        contacts.update(_contacts_of(db, table, before, after))
    db.execute("UPDATE undo_commands SET undone_at = ? WHERE id = ?", (now, command.id))
    counts: dict[str, dict[str, int]] = {}
    for (table, __), (existed_before, existed_after) in rows.items():
        if existed_before == existed_after and not existed_before:
            continue  # made and gone within the command
        what = (
            "put back"
            if existed_before and existed_after
            else ("restored" if existed_before else "removed")
        )
        counts.setdefault(table, {}).setdefault(what, 0)
        counts[table][what] += 1
    return Undone(command, counts, contacts)


def _current(db: Database, table: str, cols: list[str], row_id: int) -> Any:
    import json

    key = db.sql.journal_key(table)
    image = db.sql.row_image(cols)
    row = db.one(f"SELECT {image} FROM {table} t WHERE {key} = ?", (row_id,))
    return None if row is None else json.loads(row[0])


def _put_back(
    db: Database, table: str, cols: list[str], row_id: int, before: dict[str, Any] | None
) -> None:
    key = db.sql.journal_key(table)
    if before is None:
        db.execute(f"DELETE FROM {table} WHERE {key} = ?", (row_id,))
        return
    values = [before.get(c) for c in cols]
    if db.one(f"SELECT 1 FROM {table} WHERE {key} = ?", (row_id,)):
        assignments = ", ".join(f'"{c}" = ?' for c in cols)
        db.execute(f"UPDATE {table} SET {assignments} WHERE {key} = ?", (*values, row_id))
    elif key in cols:
        names = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join("?" for _ in cols)
        db.execute(f"INSERT INTO {table} ({names}) VALUES ({marks})", values)
    else:
        names = ", ".join(f'"{c}"' for c in cols)
        marks = ", ".join("?" for _ in cols)
        db.execute(f"INSERT INTO {table} (rowid, {names}) VALUES (?, {marks})", (row_id, *values))


def _contacts_of(
    db: Database, table: str, before: dict[str, Any] | None, after: dict[str, Any] | None
) -> set[int]:
    """The contacts whose search row a change touches."""
    found: set[int] = set()
    for image in (before, after):
        if image is None:
            continue
        if table == "contacts":
            found.add(int(image["id"]))
        elif table in ("contact_emails", "contact_phones", "contact_tags"):
            found.add(int(image["contact_id"]))
        elif table == "organisations":
            rows = db.tuples("SELECT id FROM contacts WHERE organisation_id = ?", (image["id"],))
            found.update(int(r[0]) for r in rows)
    return found


def _changed_since(db: Database, command: Recorded, table: str, row_id: int) -> str:
    """Why ``command`` cannot be undone: who changed the row since, and with what (a
    colleague's command, or a colleague's undo of one of theirs)."""
    later = db.one(
        "SELECT c.command, c.given_by FROM undo_changes h"
        " JOIN undo_commands c ON c.id = h.command_id"
        " WHERE h.tbl = ? AND h.row_id = ? AND h.command_id > ? AND c.undone_at IS NULL"
        " ORDER BY h.id DESC LIMIT 1",
        (table, row_id, command.id),
    )
    if later is not None and later[1] in (db.user, ""):
        return _(
            "cannot undo '{command}': {by} changed the same {table} row since; undo "
            "that first, or correct it by hand"
        ).format(command=command.command, by=f"'{later[0]}'", table=table)
    if later is None:
        undone = db.one(
            "SELECT c.command, c.given_by FROM undo_changes h"
            " JOIN undo_commands c ON c.id = h.command_id"
            " WHERE h.tbl = ? AND h.row_id = ? AND c.id <> ? AND c.undone_at >= ?"
            " ORDER BY c.undone_at DESC, c.id DESC LIMIT 1",
            (table, row_id, command.id, command.at),
        )
        if undone is None:
            return _(
                "cannot undo '{command}': {by} changed the same {table} row since; undo "
                "that first, or correct it by hand"
            ).format(command=command.command, by=_("a change undo does not record"), table=table)
        by = _("{user}'s undo of '{other}'").format(user=undone[1] or "?", other=undone[0])
    else:
        by = _("{user}'s '{other}'").format(user=later[1], other=later[0])
    return _(
        "cannot undo '{command}': {by} changed the same {table} row since; correct it by "
        "hand, or ask them"
    ).format(command=command.command, by=by, table=table)
