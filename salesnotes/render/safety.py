"""What the commands that keep the book safe say: a size, the list of backups, the doctor's
checks."""

from __future__ import annotations

from salesnotes.i18n import _, n_
from salesnotes.render import echo, note

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence


def size_words(size: int) -> str:
    """'12 KB', '3.4 MB'."""
    if size < 1024 * 1024:
        return _("{value} KB").format(value=max(1, size // 1024))
    return _("{size:.1f} MB").format(size=size / 1024 / 1024)


def backup_list(folder: str, found: Sequence[tuple[str, int]], fmt: str) -> None:
    """``backups``: the files (name, bytes) in the backup folder, newest first."""
    import os
    import sys

    from salesnotes.render import print_json

    if fmt == "json":
        print_json(
            {
                "folder": folder,
                "backups": [{"file": os.path.join(folder, n), "size": s} for n, s in found],
            }
        )
        return
    if not found:
        note(_("No backups in {folder} yet; 'salesnotes backup' makes one.").format(folder=folder))
        return
    if fmt == "plain":
        for name, size in found:
            sys.stdout.write(f"{os.path.join(folder, name)}\t{size}\n")
        return
    echo(_("Backups in {folder}, newest first:").format(folder=folder))
    for name, size in found:
        echo(f"  {name}  {size_words(size)}")


def checked(found: Sequence[tuple[bool, str, str]]) -> int:
    """``doctor``: each check, ok or its problem; how many problems."""
    wrong = 0
    for passed, what, problem in found:
        if passed:
            echo(_("ok       {what}").format(what=what))
        else:
            wrong += 1
            echo(_("PROBLEM  {what}: {problem}").format(what=what, problem=problem))
    return wrong


def backed_up(contacts: int, target: str, size: int, removed: int, keep: int) -> None:
    """What ``backup`` wrote, and how many older backups it removed (keeping ``keep``)."""
    echo(
        _("Backed up {contacts} contacts to {target} ({size}, checked)").format(
            contacts=contacts, target=target, size=size_words(size)
        )
    )
    if removed:
        echo(
            n_(
                "Removed {removed} older backup; kept the newest {keep}",
                "Removed {removed} older backups; kept the newest {keep}",
                removed,
            ).format(removed=removed, keep=keep)
        )


def restored(path: str, contacts: int, schema: str | None, safety: str | None, again: int) -> None:
    """What ``restore`` put back (``schema``: the backup's, when it was brought up to
    date), where the book as it was is kept, and who was erased again."""
    brought = (
        "" if schema is None else _(" (schema {schema}, brought up to date)").format(schema=schema)
    )
    echo(_("Restored {path}: {contacts} contacts{note}").format(
        path=path, contacts=contacts, note=brought))  # fmt: skip
    if safety:
        echo(_("The book as it was is kept in {safety}").format(safety=safety))
    if again:
        from salesnotes.render import reports

        reports.erased_again(again)
