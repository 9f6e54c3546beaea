"""``export-person`` and ``forget``: a person's right of access and right to erasure (GDPR)."""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env

PERSON_FORMAT = "salesnotes-person"
MEMBER_FORMAT = "salesnotes-member"


def export_person(
    env: Env, *, who: str | None, member: str | None, output: str | None, force: bool
) -> None:
    """Everything stored about one person, as JSON (to stdout, or ``output`` 0600): a
    contact (``who``), or a member of the team (``member``)."""
    from salesnotes.commands import contact_named
    from salesnotes.commands.files import check_target, emit
    from salesnotes.render.privacy import exported, member_json, person_json

    if (who is None) == (member is None):
        from salesnotes.errors import BadInput
        from salesnotes.i18n import _

        raise BadInput(_("name a contact, or a member of the team with --member NAME"))
    if output is not None:
        check_target(output, force)
    store = env.store()
    if member is not None:
        from salesnotes.usecases.team import member_data

        with store.read():
            tables = member_data(store, member)
        emit([member_json(MEMBER_FORMAT, member, tables, env.now())], output, force)
        return
    with store.read():
        contact = contact_named(env, store, str(who))
        tables = store.privacy.rows(contact.id)
    emit([person_json(PERSON_FORMAT, contact, tables, env.now())], output, force)
    if output is not None:
        exported(contact, tables, output)


def forget(env: Env, *, who: str, yes: bool) -> None:
    """Erase one person completely: their rows, their words in the search indexes, the
    freed bytes; keep only a salted fingerprint so that restores and imports keep them out."""
    from salesnotes.commands import contact_named
    from salesnotes.commands.files import backup_files, backup_folder, confirm, swept
    from salesnotes.render.privacy import forget_question, forgotten
    from salesnotes.store.backup import holding

    store = env.store()
    swept(env)
    with store.read():
        contact = contact_named(env, store, who)
        tables = store.privacy.rows(contact.id)
    confirm(forget_question(contact, tables), yes, "forget")
    with store.write(journal="none"):  # not undoable: and the journal goes, with their rows
        deleted = store.privacy.erase(contact.id, env.now())
    complete = store.privacy.flush()
    folder = backup_folder()
    uuids = [str(row["uuid"]) for row in tables["contacts"]]
    held = holding([os.path.join(folder, name) for name in backup_files(folder)], uuids)
    forgotten(contact, deleted, complete=complete, folder=folder, held=held)
