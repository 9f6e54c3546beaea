"""Temporary files that hold the book or a customer's words (a backup on its way to its name,
an export being written, a note in the editor, a dry run's book): none outlives its command.

Each is written down before it is made, in the ``unfinished`` folder of the user data folder
(one small file per temporary, named for the process that made it), and removed with its
entry however the command ends: done, an error, Ctrl-C, or SIGTERM or SIGHUP (turned into an
exit while a temporary exists). Only SIGKILL or a power cut leaves one behind, and ``sweep``
(run by ``backup``, ``backups``, ``restore``, ``doctor`` and ``forget``) removes what a process
that no longer runs left.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager, suppress

UNFINISHED = "unfinished"
"""The folder, in the user data folder, that lists the temporaries of running commands."""

PREFIX = ".salesnotes-"
NAMED = re.compile(r"\.salesnotes-[a-z-]+?-(\d+)-[0-9a-f]{12}(?:\.[a-z]+)?(?:-journal|-wal|-shm)?")
"""A temporary's name: ``.salesnotes-<kind>-<pid>-<token><suffix>`` (and SQLite's own files
beside a copy)."""
OLD_STYLE = re.compile(r"\.salesnotes-(?:backup-)?[a-z0-9_]{8}\.(?:db|tmp)(?:-journal)?")
"""The names salesnotes used before the pid was in them (tempfile's eight random letters)."""
OLD_STYLE_AGE = 600
"""Seconds after which such a file is surely no running command's."""
SIDE_FILES = ("-journal", "-wal", "-shm")

_stops = 0
_handlers: dict[int, object] = {}


def registry() -> str:
    from salesnotes.config import user_folder

    return os.path.join(user_folder("data"), UNFINISHED)


@contextmanager
def temporary(
    folder: str, kind: str, suffix: str = "", *, directory: bool = False
) -> Iterator[str]:
    """A new, empty, private file (mode 0600) or folder (0700) in ``folder``, named
    ``.salesnotes-<kind>-<pid>-<token><suffix>``; gone when the block ends, however it ends.
    Renaming it into place inside the block is how it is kept."""
    import secrets

    from salesnotes.store.sqlite_file import ensure_folder

    name = f"{PREFIX}{kind}-{os.getpid()}-{secrets.token_hex(6)}{suffix}"
    path = os.path.join(os.path.abspath(folder), name)
    listed = registry()
    ensure_folder(listed)
    entry = os.path.join(listed, name)
    _write_entry(entry, path)  # listed before it exists: a kill in between leaves nothing unknown
    _stop_on_signals()
    try:
        try:
            if directory:
                os.mkdir(path, 0o700)
            else:
                os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))
        except BaseException:
            os.unlink(entry)
            raise
        yield path
    finally:
        try:
            _remove(path)
            _remove(entry)
        finally:
            _stop_as_before()


def sweep(folders: Iterable[str] = ()) -> list[str]:
    """Remove the temporaries of commands that no longer run: each one listed in the
    ``unfinished`` folder, and any in ``folders`` (the backup folder, the book's folder) that
    carries a gone process's number or is an old-style name untouched for ten minutes.
    Returns the paths removed."""
    import time

    removed: list[str] = []
    listed = registry()
    for name in _names(listed):
        entry = os.path.join(listed, name)
        match = NAMED.fullmatch(name)
        if match and _running(int(match.group(1))):
            continue
        try:
            with open(entry, "rb") as file:
                path = os.fsdecode(file.read(4096).rstrip(b"\n"))
        except OSError:
            continue
        if match and os.path.isabs(path) and os.path.basename(path) == name:
            for each in (path, *(path + side for side in SIDE_FILES)):
                if os.path.lexists(each):
                    _remove(each)
                    removed.append(each)
        _remove(entry)
    now = time.time()
    for folder in dict.fromkeys(os.path.abspath(f) for f in folders):
        for name in _names(folder):
            path = os.path.join(folder, name)
            match = NAMED.fullmatch(name)
            if match:
                gone = not _running(int(match.group(1)))
            else:
                gone = bool(OLD_STYLE.fullmatch(name)) and _age(path, now) > OLD_STYLE_AGE
            if gone and os.path.lexists(path):
                _remove(path)
                removed.append(path)
    return removed


def _names(folder: str) -> list[str]:
    try:
        return sorted(n for n in os.listdir(folder) if n.startswith(PREFIX))
    except OSError:
        return []


def _age(path: str, now: float) -> float:
    try:
        return now - os.lstat(path).st_mtime
    except OSError:
        return 0.0


def _running(pid: int) -> bool:
    """Whether a process with this number runs (someone else's counts: it is not ours to
    remove)."""
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError):
        return True
    except OSError:
        return True
    return True


def _write_entry(entry: str, path: str) -> None:
    fd = os.open(entry, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    try:
        os.write(fd, os.fsencode(path) + b"\n")
    finally:
        os.close(fd)


def _remove(path: str) -> None:
    """Remove a file (and SQLite's files beside it) or a folder; gone already is fine."""
    import shutil

    if os.path.isdir(path) and not os.path.islink(path):
        shutil.rmtree(path, ignore_errors=True)
        return
    for each in (path, *(path + side for side in SIDE_FILES)):
        with suppress(FileNotFoundError):
            os.unlink(each)


def _stop(signum: int, frame: object) -> None:
    raise SystemExit(128 + signum)


def _stop_on_signals() -> None:
    """While a temporary exists, SIGTERM and SIGHUP end the command as an exit does (its
    ``finally`` blocks run) instead of killing it on the spot."""
    global _stops
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():
        return
    if _stops == 0:
        for number in (signal.SIGTERM, getattr(signal, "SIGHUP", None)):
            if number is not None:
                _handlers[number] = signal.signal(number, _stop)
    _stops += 1


def _stop_as_before() -> None:
    global _stops
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread() or _stops == 0:
        return
    _stops -= 1
    if _stops == 0:
        for number, handler in _handlers.items():
            signal.signal(number, handler)  # type: ignore[arg-type]
        _handlers.clear()
