"""``backup``, ``backups``, ``restore`` and ``doctor``: the book kept safe, and checked."""

from __future__ import annotations

import os

from salesnotes.commands.files import (
    backup_files,
    backup_folder,
    confirm,
    free_name,
    rotate,
    safety_copy,
    stamp,
    stem,
    swept,
)
from salesnotes.errors import BadInput, DatabaseError
from salesnotes.i18n import _, n_
from salesnotes.store.sqlite_file import ensure_folder

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env

# Folders whose files a sync program copies behind SQLite's back, and file systems on which
# SQLite's locking cannot be trusted (https://www.sqlite.org/howtocorrupt.html, 2.1).
SYNCED = ("dropbox", "onedrive", "icloud", "mobile documents", "google drive", "googledrive",
          "nextcloud", "owncloud", "pcloud", "box sync", "synologydrive", "mega")  # fmt: skip
NETWORK = ("nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs", "9p", "davfs",
           "fuse.rclone", "afpfs", "ncpfs", "glusterfs", "ceph", "fuse.s3fs")  # fmt: skip


def backup(env: Env, *, path: str | None) -> None:
    """A consistent, checked copy of the book: to ``path``, or dated into the backup folder
    (keeping the newest ``backup.keep``)."""
    _sqlite_only(env, "backup")
    from salesnotes.render.safety import backed_up
    from salesnotes.store.backup import check, copy

    swept(env)
    if not os.path.exists(env.db_path):
        raise DatabaseError(
            _("there is no book at {db_path} to back up").format(db_path=env.db_path)
        )
    target = _backup_target(env, path)
    store = env.store()
    copy(store.db, target)  # type: ignore[attr-defined]  # an SQLite book's file
    info = check(target)
    keep = env.config().get_int("backup.keep")
    removed = rotate(env, keep) if path is None else []
    backed_up(info.contacts, target, info.size, len(removed), keep)


def _backup_target(env: Env, path: str | None) -> str:
    """Where a backup goes: ``path`` (a folder: a dated file in it), else a dated file in
    the backup folder; never the book itself."""
    if path is None:
        folder = backup_folder()
        ensure_folder(folder)
        return free_name(os.path.join(folder, f"{stem(env)}-{stamp(env)}.db"))
    target = os.path.abspath(os.path.expanduser(path))
    if os.path.isdir(target):
        target = free_name(os.path.join(target, f"{stem(env)}-{stamp(env)}.db"))
    elif not os.path.isdir(os.path.dirname(target)):
        raise BadInput(
            _("{target} does not exist; make the folder first").format(
                target=os.path.dirname(target)
            )
        )
    if os.path.exists(target) and os.path.samefile(target, env.db_path):
        raise BadInput(_("{path} is the book itself; give another file").format(path=path))
    return target


def backups(env: Env, *, fmt: str) -> None:
    """The copies in the backup folder, newest first."""
    _sqlite_only(env, "backups")
    from salesnotes.render.safety import backup_list

    swept(env)
    folder = backup_folder()
    found = []
    for name in backup_files(folder):
        full = os.path.join(folder, name)
        found.append((os.path.getmtime(full), name, os.path.getsize(full)))
    found.sort(reverse=True)
    backup_list(folder, [(name, size) for __, name, size in found], fmt)


def restore(env: Env, *, path: str, yes: bool) -> None:
    """Replace the book with a checked backup; the current book is kept as a safety copy."""
    _sqlite_only(env, "restore")
    from salesnotes.render.safety import restored
    from salesnotes.store.backup import check
    from salesnotes.usecases.books import restore_book

    swept(env)
    source = os.path.abspath(os.path.expanduser(path))
    info = check(source)
    if os.path.exists(env.db_path) and os.path.samefile(source, env.db_path):
        raise BadInput(_("{path} is the book itself").format(path=path))
    question = _(
        "Replace the book {db_path} with {path} ({contacts} contacts)? The "
        "current book is kept as a safety copy."
    ).format(db_path=env.db_path, path=path, contacts=info.contacts)
    confirm(question, yes, "restore")
    had_book = os.path.exists(env.db_path)
    store = env.store(create=True)
    safety = safety_copy(env, store, "restore") if had_book else None
    again = restore_book(store, source, safety, now=env.now())
    restored(path, info.contacts, None if info.current else info.schema, safety, again)


def doctor(env: Env, *, repair: bool) -> None:
    """Check the book and where it lives; say what is wrong and how to fix it."""
    _sqlite_only(env, "doctor")
    from salesnotes import render
    from salesnotes.render.safety import checked
    from salesnotes.store import backup as checks

    swept(env)
    path = env.db_path
    if not os.path.exists(path):
        raise DatabaseError(
            _("{path} does not exist: no book there yet ('salesnotes add' makes one)").format(
                path=path
            )
        )
    store = env.store()
    if repair:
        with store.write():
            checks.repair(store.db)  # type: ignore[attr-defined]
        render.echo(_("Rebuilt the search indexes."))
    with store.read():
        found = checks.health(store.db)  # type: ignore[attr-defined]
    wrong = checked([*found, *_places(path)])
    if wrong:
        raise DatabaseError(
            n_(
                "{wrong} problem with {path}; see above",
                "{wrong} problems with {path}; see above",
                wrong,
            ).format(wrong=wrong, path=path)
        )


def _places(path: str) -> list[tuple[bool, str, str]]:
    """The file's and folder's rights, and whether the folder is shared or synced."""
    import stat

    found = []
    real = os.path.realpath(path)
    files = [f for f in (real, real + "-wal", real + "-shm") if os.path.exists(f)]
    shared = [f for f in files if stat.S_IMODE(os.stat(f).st_mode) & 0o077]
    mode = stat.S_IMODE(os.stat(real).st_mode)
    found.append(
        (
            not shared,
            _("file {real} only yours ({mode:o})").format(real=real, mode=mode),
            _("others can read it (mode {mode:o}); chmod 600 {shared}").format(
                mode=mode, shared=" ".join(shared)
            ),
        )
    )
    folder = os.path.dirname(real)
    mode = stat.S_IMODE(os.stat(folder).st_mode)
    found.append(
        (
            not mode & 0o022,
            _("folder {folder} writable only by you ({mode:o})").format(folder=folder, mode=mode),
            _(
                "others can replace or delete the book in it (mode {mode:o}); chmod 700 {folder}"
            ).format(mode=mode, folder=folder),
        )
    )
    lowered = real.lower()
    synced = [name for name in SYNCED if f"/{name}" in lowered or f"{name}/" in lowered]
    kind = _file_system(real)
    found.append(
        (
            not synced and kind not in NETWORK,
            _("a local folder ({value})").format(value=kind or 'unknown file system'),
            (_("the book is in a synced folder ({synced})").format(synced=synced[0]) if synced else
             _("the book is on a network file system ({kind})").format(kind=kind))
            + _("; SQLite's locking is unreliable there: keep the book on a local disk"
            " (--db or SALESNOTES_DB), and put backups in the synced folder"),
        )
    )  # fmt: skip
    return found


def _file_system(path: str) -> str:
    """The type of the file system ``path`` is on, from /proc/mounts (Linux), else ''."""
    try:
        with open("/proc/mounts", encoding="utf-8") as mounts:
            rows = [line.split() for line in mounts]
    except OSError:
        return ""
    best, kind = "", ""
    for row in rows:
        if len(row) < 3:
            continue
        point = row[1].replace("\\040", " ")
        inside = path == point or path.startswith(point.rstrip("/") + "/")
        if inside and len(point) > len(best):
            best, kind = point, row[2]
    return kind


def _sqlite_only(env: Env, command: str) -> None:
    """backup, backups, restore and doctor work on a SQLite file; a team's PostgreSQL book is
    the server's to back up and check."""
    from salesnotes.team import is_url

    if is_url(env.db_path):
        from salesnotes.errors import BadInput

        raise BadInput(
            _(
                "'{command}' works on a SQLite book; a PostgreSQL book is backed up and "
                "checked on its server (pg_dump, or 'salesnotes copy-book' into a file)"
            ).format(command=command)
        )
