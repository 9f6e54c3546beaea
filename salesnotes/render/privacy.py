"""What the commands for a person's rights say (GDPR): everything stored about them as
JSON, the question before erasing them, and what was erased and what still holds them."""

from __future__ import annotations

import os

from salesnotes.i18n import _, n_
from salesnotes.render import echo, note

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Mapping, Sequence
    from typing import Any

    from salesnotes.models import Contact


def person_json(kind: str, contact: Contact, tables: Mapping[str, Any], now: str) -> bytes:
    """``export-person``: everything stored about them, as one JSON document."""
    import json

    from salesnotes.render import safe

    data = {
        "format": kind,
        "version": 1,
        "exported_at": now,
        "person": {"id": contact.id, "uuid": contact.uuid, "name": contact.name},
        "tables": tables,
    }
    return (json.dumps(safe(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def member_json(kind: str, name: str, tables: Mapping[str, Any], now: str) -> bytes:
    """``export-person --member``: what the book holds about a member of the team."""
    import json

    from salesnotes.render import safe

    data = {"format": kind, "version": 1, "exported_at": now, "member": name, "tables": tables}
    return (json.dumps(safe(data), ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def exported(contact: Contact, tables: Mapping[str, Sequence[Any]], output: str) -> None:
    """``export-person -o FILE``: what was written where."""
    rows = sum(len(rows) for rows in tables.values())
    echo(
        _("Wrote everything stored about #{id} {name} ({rows} rows) to {output}").format(
            id=contact.id, name=contact.name, rows=rows, output=output
        )
    )


def forget_question(contact: Contact, tables: Mapping[str, Sequence[Any]]) -> str:
    """What ``forget`` asks before it erases: who, and how much of them the book holds."""
    held = {t: len(r) for t, r in tables.items() if r and t != "organisations"}
    words = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in held.items())
    return _(
        "Erase #{id} {name} and everything about them ({words})? This cannot be "
        "undone (backups made before still hold them until restored)."
    ).format(id=contact.id, name=contact.name, words=words)


def forgotten(
    contact: Contact,
    deleted: Mapping[str, int],
    *,
    complete: bool,
    folder: str,
    held: Sequence[str],
) -> None:
    """``forget``: what was erased; whether the last traces left the write-ahead log; the
    backups that still hold them and what to do about them."""
    rows = sum(n for t, n in deleted.items())
    echo(
        _("Erased #{id} {name}: {rows} rows, and their words in the search index").format(
            id=contact.id, name=contact.name, rows=rows
        )
    )
    if "organisations" in deleted:
        echo(_("Their organisation had nobody else in it: erased too"))
    if not complete:
        note(
            _(
                "Note: another salesnotes was reading the book; the last traces leave the"
                " write-ahead log when it is done (any next command does it)."
            )
        )
    _backups_holding(folder, held)
    note(_("An import of a file made before leaves them out. The undo history is emptied."))


def _backups_holding(folder: str, held: Sequence[str]) -> None:
    """The copies in the backup folder that still hold the person, as 'backups' lists them,
    and what to do about them."""
    if not held:
        note(_("No backup in {folder} holds them.").format(folder=folder))
        return
    note(
        n_(
            "{n} backup in {folder} still holds them:",
            "{n} backups in {folder} still hold them:",
            len(held),
        ).format(n=len(held), folder=folder)
        + "".join(f"\n  {os.path.basename(path)}" for path in held)
    )
    note(
        _(
            "A restore of one erases them again. Delete each you no longer need (rm, or let"
            " 'backup' rotate them out); copies you made elsewhere (backup PATH, export) are"
            " yours to find."
        )
    )
