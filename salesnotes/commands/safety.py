"""``backup``, ``backups``, ``restore`` and ``doctor``: the book kept safe, and checked."""

from __future__ import annotations

import os
import sys

from salesnotes.errors import BadInput, Conflict, DatabaseError
from salesnotes.store.connection import ensure_folder

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env
    from salesnotes.store.interface import Store

# Folders whose files a sync program copies behind SQLite's back, and file systems on which
# SQLite's locking cannot be trusted (https://www.sqlite.org/howtocorrupt.html, 2.1).
SYNCED = ("dropbox", "onedrive", "icloud", "mobile documents", "google drive", "googledrive",
          "nextcloud", "owncloud", "pcloud", "box sync", "synologydrive", "mega")  # fmt: skip
NETWORK = ("nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "fuse.sshfs", "9p", "davfs",
           "fuse.rclone", "afpfs", "ncpfs", "glusterfs", "ceph", "fuse.s3fs")  # fmt: skip


def backup_folder() -> str:
    """Where ``backup`` without a path puts its dated copies."""
    from salesnotes.config import user_folder

    return os.path.join(user_folder("data"), "backups")


def _stem(env: Env) -> str:
    name = os.path.basename(env.db_path)
    return name[:-3] if name.endswith(".db") else name


def backup(env: Env, *, path: str | None) -> None:
    """A consistent, checked copy of the book: to ``path``, or dated into the backup folder
    (keeping the newest ``backup.keep``)."""
    from salesnotes import render
    from salesnotes.store.backup import check, copy

    if not os.path.exists(env.db_path):
        raise DatabaseError(f"there is no book at {env.db_path} to back up")
    if path is not None:
        target = os.path.abspath(os.path.expanduser(path))
        if os.path.isdir(target):
            target = _free(os.path.join(target, f"{_stem(env)}-{_stamp(env)}.db"))
        elif not os.path.isdir(os.path.dirname(target)):
            raise BadInput(f"{os.path.dirname(target)} does not exist; make the folder first")
        if os.path.exists(target) and os.path.samefile(target, env.db_path):
            raise BadInput(f"{path} is the book itself; give another file")
    else:
        folder = backup_folder()
        ensure_folder(folder)
        target = _free(os.path.join(folder, f"{_stem(env)}-{_stamp(env)}.db"))
    store = env.store()
    copy(store.db, target)  # type: ignore[attr-defined]  # an SQLite book's file
    info = check(target)
    render.echo(f"Backed up {info.contacts} contacts to {target} ({_size(info.size)}, checked)")
    if path is None:
        keep = env.config().get_int("backup.keep")
        removed = _rotate(env, keep)
        if removed:
            render.echo(f"Removed {len(removed)} older backup(s); kept the newest {keep}")


def backups(env: Env, *, fmt: str) -> None:
    """The copies in the backup folder, newest first."""
    from salesnotes import render

    folder = backup_folder()
    found = []
    if os.path.isdir(folder):
        for name in os.listdir(folder):
            full = os.path.join(folder, name)
            if name.endswith(".db") and not name.startswith(".") and os.path.isfile(full):
                found.append((os.path.getmtime(full), name, os.path.getsize(full)))
    found.sort(reverse=True)
    if fmt == "json":
        render.print_json(
            {
                "folder": folder,
                "backups": [{"file": os.path.join(folder, n), "size": s} for _, n, s in found],
            }  # fmt: skip
        )
        return
    if not found:
        render.note(f"No backups in {folder} yet; 'salesnotes backup' makes one.")
        return
    if fmt == "plain":
        for _, name, size in found:
            sys.stdout.write(f"{os.path.join(folder, name)}\t{size}\n")
        return
    render.echo(f"Backups in {folder}, newest first:")
    for _, name, size in found:
        render.echo(f"  {name}  {_size(size)}")


def restore(env: Env, *, path: str, yes: bool) -> None:
    """Replace the book with a checked backup; the current book is kept as a safety copy."""
    from salesnotes import render
    from salesnotes.store.backup import check, replace

    source = os.path.abspath(os.path.expanduser(path))
    info = check(source)
    if os.path.exists(env.db_path) and os.path.samefile(source, env.db_path):
        raise BadInput(f"{path} is the book itself")
    question = (
        f"Replace the book {env.db_path} with {path} ({info.contacts} contacts)?"
        " The current book is kept as a safety copy."
    )
    confirm(question, yes, "restore")
    had_book = os.path.exists(env.db_path)
    store = env.store(create=True)
    safety = safety_copy(env, store, "restore") if had_book else None
    with store.read():
        forgotten = store.privacy.erasures()
    replace(store.db, source)  # type: ignore[attr-defined]
    how = f"restore the copy made before it: salesnotes restore {safety}" if safety else ""
    with store.write(journal="step", note=how or "the book was empty before it"):
        store.privacy.keep_erasures(forgotten)
        again = store.privacy.erase_again(env.now())
    store.privacy.flush()
    note = "" if info.current else f" (schema {info.schema}, brought up to date)"
    render.echo(f"Restored {path}: {info.contacts} contacts{note}")
    if safety:
        render.echo(f"The book as it was is kept in {safety}")
    if again:
        from salesnotes.render import reports

        reports.erased_again(again)


def doctor(env: Env, *, repair: bool) -> None:
    """Check the book and where it lives; say what is wrong and how to fix it."""
    from salesnotes import render
    from salesnotes.store import backup as checks

    path = env.db_path
    if not os.path.exists(path):
        raise DatabaseError(
            f"{path} does not exist: no book there yet ('salesnotes add' makes one)"
        )
    store = env.store()
    if repair:
        with store.write():
            checks.repair(store.db)  # type: ignore[attr-defined]
        render.echo("Rebuilt the search indexes.")
    with store.read():
        found = checks.health(store.db)  # type: ignore[attr-defined]
    found += _places(path)
    wrong = 0
    for passed, what, problem in found:
        if passed:
            render.echo(f"ok       {what}")
        else:
            wrong += 1
            render.echo(f"PROBLEM  {what}: {problem}")
    if wrong:
        raise DatabaseError(f"{wrong} problem(s) with {path}; see above")


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
            f"file {real} only yours ({mode:o})",
            f"others can read it (mode {mode:o}); chmod 600 {' '.join(shared)}",
        )
    )
    folder = os.path.dirname(real)
    mode = stat.S_IMODE(os.stat(folder).st_mode)
    found.append(
        (
            not mode & 0o022,
            f"folder {folder} writable only by you ({mode:o})",
            f"others can replace or delete the book in it (mode {mode:o}); chmod 700 {folder}",
        )
    )
    lowered = real.lower()
    synced = [name for name in SYNCED if f"/{name}" in lowered or f"{name}/" in lowered]
    kind = _file_system(real)
    found.append(
        (
            not synced and kind not in NETWORK,
            f"a local folder ({kind or 'unknown file system'})",
            (f"the book is in a synced folder ({synced[0]})" if synced else
             f"the book is on a network file system ({kind})")
            + "; SQLite's locking is unreliable there: keep the book on a local disk"
            " (--db or SALESNOTES_DB), and put backups in the synced folder",
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


def confirm(question: str, yes: bool, command: str, why: str = "changes the book for good") -> None:
    """Ask on a terminal; without one, ``--yes`` is the answer (or the command stops,
    saying ``why`` it asks)."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise BadInput(f"{command} {why}: add --yes (no terminal to ask)")
    sys.stderr.write(f"{question} [y/N] ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    if answer not in ("y", "yes", "j", "ja"):
        raise Conflict("nothing was changed")


def safety_copy(env: Env, store: Store, before: str) -> str | None:
    """A checked copy of a book that is not empty, in the backup folder, named for the
    command about to change it wholesale (``before``); its path, or None for an empty book."""
    from salesnotes.store.backup import copy

    if store.is_empty():
        return None
    folder = backup_folder()
    ensure_folder(folder)
    safety = _free(os.path.join(folder, f"{_stem(env)}-before-{before}-{_stamp(env)}.db"))
    copy(store.db, safety)  # type: ignore[attr-defined]  # an SQLite book's file
    if before == "import":  # a weekly import must not fill the disk with whole books
        _rotate(env, env.config().get_int("backup.keep"), before)
    return safety


def _stamp(env: Env) -> str:
    """'20261122-111500' from the command's moment (UTC)."""
    return env.now().replace("-", "").replace(":", "").replace("T", "-").rstrip("Z")


def _free(path: str) -> str:
    """``path``, or with -2, -3 ... when a copy of that second exists already."""
    stem, n = path[:-3], 2
    while os.path.exists(path):
        path, n = f"{stem}-{n}.db", n + 1
    return path


def _rotate(env: Env, keep: int, before: str = "") -> list[str]:
    """Remove all but the newest ``keep`` dated backups of this book (``before``: of the
    safety copies made before that command instead)."""
    import re

    folder = backup_folder()
    kind = re.escape(f"-before-{before}") if before else ""
    pattern = re.compile(re.escape(_stem(env)) + kind + r"-\d{8}-\d{6}(?:-\d+)?\.db")
    dated = sorted(
        (n for n in os.listdir(folder) if pattern.fullmatch(n)),
        key=lambda n: (os.path.getmtime(os.path.join(folder, n)), n),
        reverse=True,
    )
    removed = dated[keep:]
    for name in removed:
        os.unlink(os.path.join(folder, name))
    return removed


def _size(size: int) -> str:
    if size < 1024 * 1024:
        return f"{max(1, size // 1024)} KB"
    return f"{size / 1024 / 1024:.1f} MB"
