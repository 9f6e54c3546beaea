"""``import``: contacts from a spreadsheet's CSV file, all or nothing."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from pathlib import Path

    from salesnotes.env import Env


def import_contacts(env: Env, *, path: Path, dry_run: bool) -> None:
    """Import contacts from a CSV file: all rows or none (``dry_run``: count, write nothing)."""
    from salesnotes import render
    from salesnotes.errors import BadInput
    from salesnotes.formats.csv_contacts import rows

    if not path.is_file():
        raise BadInput(f"{path} is not a file")
    store = env.store()
    with store.write():
        added, duplicates, orgs = store.bulk.import_contacts(
            rows(path, env.config().get_str("phone.region")), now=env.now(), today=env.today()
        )
        if dry_run:
            store.rollback()
    verb = "Would import" if dry_run else "Imported"
    render.echo(
        f"{verb} {added} contacts ({orgs} new organisations); {duplicates} duplicates skipped"
    )
