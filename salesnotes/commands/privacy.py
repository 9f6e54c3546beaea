"""``export-person`` and ``forget``: a person's right of access and right to erasure (GDPR)."""

from __future__ import annotations

import os

from salesnotes.i18n import _, n_

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env

PERSON_FORMAT = "salesnotes-person"


def export_person(env: Env, *, who: str, output: str | None, force: bool) -> None:
    """Everything stored about one person, as JSON (to stdout, or ``output`` 0600)."""
    import json

    from salesnotes import render
    from salesnotes.commands import contact_named
    from salesnotes.commands.files import check_target, emit

    if output is not None:
        check_target(output, force)
    store = env.store()
    with store.read():
        contact = contact_named(env, store, who)
        tables = store.privacy.rows(contact.id)
    data = {
        "format": PERSON_FORMAT,
        "version": 1,
        "exported_at": env.now(),
        "person": {"id": contact.id, "uuid": contact.uuid, "name": contact.name},
        "tables": tables,
    }
    text = json.dumps(render.safe(data), ensure_ascii=False, indent=2) + "\n"
    emit([text.encode("utf-8")], output, force)
    if output is not None:
        rows = sum(len(rows) for rows in tables.values())
        render.echo(
            _("Wrote everything stored about #{id} {name} ({rows} rows) to {output}").format(
                id=contact.id, name=contact.name, rows=rows, output=output
            )
        )


def forget(env: Env, *, who: str, yes: bool) -> None:
    """Erase one person completely: their rows, their words in the search indexes, the
    freed bytes; keep only a salted fingerprint so that restores and imports keep them out."""
    from salesnotes import render
    from salesnotes.commands import contact_named
    from salesnotes.commands.files import confirm, swept

    store = env.store()
    swept(env)
    with store.read():
        contact = contact_named(env, store, who)
        tables = store.privacy.rows(contact.id)
    uuids = [str(row["uuid"]) for row in tables["contacts"]]
    held = {t: len(r) for t, r in tables.items() if r and t != "organisations"}
    words = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in held.items())
    confirm(
        _(
            "Erase #{id} {name} and everything about them ({words})? This cannot be "
            "undone (backups made before still hold them until restored)."
        ).format(id=contact.id, name=contact.name, words=words),
        yes,
        "forget",
    )
    with store.write(journal="none"):  # not undoable: and the journal goes, with their rows
        deleted = store.privacy.erase(contact.id, env.now())
    complete = store.privacy.flush()
    rows = sum(n for t, n in deleted.items())
    render.echo(
        _("Erased #{id} {name}: {rows} rows, and their words in the search index").format(
            id=contact.id, name=contact.name, rows=rows
        )
    )
    if "organisations" in deleted:
        render.echo(_("Their organisation had nobody else in it: erased too"))
    if not complete:
        render.note(
            _(
                "Note: another salesnotes was reading the book; the last traces leave the"
                " write-ahead log when it is done (any next command does it)."
            )
        )
    _backups_holding(uuids)
    render.note(_("An import of a file made before leaves them out. The undo history is emptied."))


def _backups_holding(uuids: list[str]) -> None:
    """Name the copies in the backup folder that still hold the person, as 'backups' lists
    them, and what to do about them."""
    from salesnotes import render
    from salesnotes.commands.files import backup_files, backup_folder
    from salesnotes.store.backup import holding

    folder = backup_folder()
    held = holding([os.path.join(folder, name) for name in backup_files(folder)], uuids)
    if not held:
        render.note(_("No backup in {folder} holds them.").format(folder=folder))
        return
    render.note(
        n_(
            "{n} backup in {folder} still holds them:",
            "{n} backups in {folder} still hold them:",
            len(held),
        ).format(n=len(held), folder=folder)
        + "".join(f"\n  {os.path.basename(path)}" for path in held)
    )
    render.note(
        _(
            "A restore of one erases them again. Delete each you no longer need (rm, or let"
            " 'backup' rotate them out); copies you made elsewhere (backup PATH, export) are"
            " yours to find."
        )
    )
