"""What several commands share about files and asking: the backup folder and its copies, what a
stopped salesnotes left behind (``swept``), the safety copy made before a wholesale change, a
file written whole or not at all (``check_target``, ``emit``), and the question asked before
a change for good (``confirm``). Not a command: the command modules import it, never each
other."""

from __future__ import annotations

import os
import sys

from salesnotes.errors import BadInput, Conflict
from salesnotes.i18n import N_, _, n_
from salesnotes.store.sqlite_file import ensure_folder

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

    from salesnotes.env import Env
    from salesnotes.imported import Unreadable
    from salesnotes.store.interface import Store


def backup_folder() -> str:
    """Where ``backup`` without a path puts its dated copies."""
    from salesnotes.config import user_folder

    return os.path.join(user_folder("data"), "backups")


def backup_files(folder: str) -> list[str]:
    """The names of the copies in the backup folder (dated backups and safety copies; not
    a temporary on its way)."""
    try:
        names = os.listdir(folder)
    except OSError:
        return []
    return sorted(
        name
        for name in names
        if name.endswith(".db")
        and not name.startswith(".")
        and os.path.isfile(os.path.join(folder, name))
    )


def swept(env: Env) -> None:
    """Remove what a salesnotes that was stopped (killed) left behind, a temporary copy of
    the book above all, and say so."""
    from salesnotes import render
    from salesnotes.team import is_url
    from salesnotes.temporary import sweep

    folders = [backup_folder()]
    if not is_url(env.db_path):
        folders.append(os.path.dirname(os.path.abspath(env.db_path)))
    for path in sweep(folders):
        render.note(
            _("Removed {path}: left unfinished by a salesnotes that was stopped").format(path=path)
        )


def safety_copy(env: Env, store: Store, before: str) -> str | None:
    """A checked copy of a book that is not empty, in the backup folder, named for the
    command about to change it wholesale (``before``); its path, or None for an empty book."""
    from salesnotes.store.backup import copy

    if store.is_empty():
        return None
    folder = backup_folder()
    ensure_folder(folder)
    safety = free_name(os.path.join(folder, f"{stem(env)}-before-{before}-{stamp(env)}.db"))
    copy(store.db, safety)  # type: ignore[attr-defined]  # an SQLite book's file
    if before == "import":  # a weekly import must not fill the disk with whole books
        rotate(env, env.config().get_int("backup.keep"), before)
    return safety


def confirm(
    question: str, yes: bool, command: str, why: str = N_("changes the book for good")
) -> None:
    """Ask on a terminal; without one, ``--yes`` is the answer (or the command stops,
    saying ``why`` it asks)."""
    if yes:
        return
    if not sys.stdin.isatty():
        raise BadInput(
            _("{command} {why}: add --yes (no terminal to ask)").format(command=command, why=_(why))
        )
    sys.stderr.write(f"{question} {_('[y/N]')} ")
    sys.stderr.flush()
    answer = sys.stdin.readline().strip().lower()
    if answer not in ("y", "yes", "j", "ja"):
        raise Conflict(_("nothing was changed"))


def stem(env: Env) -> str:
    name = os.path.basename(env.db_path)
    return name[:-3] if name.endswith(".db") else name


def stamp(env: Env) -> str:
    """'20261122-111500' from the command's moment (UTC)."""
    return env.now().replace("-", "").replace(":", "").replace("T", "-").rstrip("Z")


def free_name(path: str) -> str:
    """``path``, or with -2, -3 ... when a copy of that second exists already."""
    stem, n = path[:-3], 2
    while os.path.exists(path):
        path, n = f"{stem}-{n}.db", n + 1
    return path


def rotate(env: Env, keep: int, before: str = "") -> list[str]:
    """Remove all but the newest ``keep`` dated backups of this book (``before``: of the
    safety copies made before that command instead)."""
    import re

    folder = backup_folder()
    kind = re.escape(f"-before-{before}") if before else ""
    pattern = re.compile(re.escape(stem(env)) + kind + r"-\d{8}-\d{6}(?:-\d+)?\.db")
    dated = sorted(
        (n for n in os.listdir(folder) if pattern.fullmatch(n)),
        key=lambda n: (os.path.getmtime(os.path.join(folder, n)), n),
        reverse=True,
    )
    removed = dated[keep:]
    for name in removed:
        os.unlink(os.path.join(folder, name))
    return removed


def check_target(output: str, force: bool) -> None:
    if "\x00" in output:
        raise BadInput(_("{output!r} is not a file name").format(output=output))
    folder = os.path.dirname(os.path.abspath(output))
    if os.path.isdir(output):
        raise BadInput(
            _("{output} is a folder; give a file name, e.g. {output}/export.vcf").format(
                output=output
            )
        )
    if not os.path.isdir(folder):
        raise BadInput(_("{folder} does not exist; make the folder first").format(folder=folder))
    if os.path.lexists(output) and not force:
        raise Conflict(_("{output} exists already; --force overwrites it").format(output=output))


def emit(chunks: Iterable[bytes], output: str | None, force: bool) -> None:
    """Write to stdout, or to ``output`` by way of a private temporary file in the same
    folder (mode 0600: customer data), renamed into place only when complete."""
    if output is None:
        sys.stdout.flush()
        out = sys.stdout.buffer
        for chunk in chunks:
            out.write(chunk)
        out.flush()
        return
    from salesnotes.errors import SalesnotesError
    from salesnotes.temporary import temporary as unfinished

    folder = os.path.dirname(os.path.abspath(output))
    made = False
    try:
        with unfinished(folder, "export", ".tmp") as temporary:
            made = True
            with open(temporary, "wb") as out:
                for chunk in chunks:
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            if not force and os.path.lexists(output):
                raise Conflict(
                    _("{output} exists already; --force overwrites it").format(output=output)
                )
            os.replace(temporary, output)
    except OSError as exc:
        words = (
            _("cannot write {output}: {strerror}")
            if made
            else _("cannot write in {folder}: {strerror}")
        )
        raise SalesnotesError(
            words.format(output=output, folder=folder, strerror=exc.strerror)
        ) from None


def bad_rows(name: str, rows: list[Unreadable]) -> BadInput:
    """The error that lists every row that cannot be imported: where, which column, which
    value, and why."""
    from salesnotes.text import shown

    lines = []
    for row in rows[:BAD_ROWS_SHOWN]:
        where = row.where
        if row.column:
            where = _("{where}, column {column}").format(where=where, column=row.column)
        lines.append(f"{where}: {shown(row.reason, 300)}")
    if len(rows) > BAD_ROWS_SHOWN:
        lines.append(_("... and {n} more").format(n=len(rows) - BAD_ROWS_SHOWN))
    return BadInput(
        n_(
            "{name}: {n} record cannot be imported; nothing was imported (correct it, or "
            "--skip-bad imports the rest):",
            "{name}: {n} records cannot be imported; nothing was imported (correct them, or "
            "--skip-bad imports the rest):",
            len(rows),
        ).format(name=name, n=len(rows)),
        details=lines,
    )


BAD_ROWS_SHOWN = 100
"""How many bad records an import's error lists one by one."""


def mapping_of(pairs: list[str]) -> dict[str, str]:
    found: dict[str, str] = {}
    for pair in pairs:
        column, sep, target = pair.partition("=")
        if not sep or not column.strip() or not target.strip():
            raise BadInput(
                _("--map '{pair}' is not COLUMN=FIELD; try --map \"Plaats=city\"").format(pair=pair)
            )
        found[column.strip()] = target.strip()
    return found
