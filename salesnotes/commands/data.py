"""``import`` and ``export``: the book in and out, as other programs write and read it."""

from __future__ import annotations

import os
from contextlib import contextmanager

from salesnotes.commands.files import bad_rows, check_target, emit, mapping_of
from salesnotes.errors import BadInput
from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator
    from typing import TypeVar

    from salesnotes.env import Env
    from salesnotes.imported import NewContact, Unreadable
    from salesnotes.render.reports import ImportSummary
    from salesnotes.store.interface import Store

    T = TypeVar("T")

EXPORT_FORMATS = ("vcard", "ics", "csv", "json")
# A progress bar for files bigger than this many records (and only on a terminal).
PROGRESS_FROM = 2000


def import_file(
    env: Env, *, path: str, dry_run: bool, skip_bad: bool, mapping: list[str] | None
) -> None:
    """Import contacts from a vCard or CSV file, or a whole book from salesnotes' JSON: all
    or nothing (``skip_bad``: all but the unreadable records, listed)."""
    from salesnotes.formats import book
    from salesnotes.formats import decoding as files

    name = os.path.basename(path) or path
    content, encoding = files.read(path)
    if book.looks_like(content) or path.lower().endswith(".json"):
        if mapping:
            raise BadInput(_("--map is for CSV files; a salesnotes book names its own columns"))
        _import_book(env, content, name, dry_run)
        return
    summary = _import_contacts(env, content, name, encoding, dry_run, skip_bad, mapping or [])
    from salesnotes.render import reports

    reports.import_summary(summary)


def _import_contacts(
    env: Env,
    content: str,
    name: str,
    encoding: str,
    dry_run: bool,
    skip_bad: bool,
    mapping: list[str],
) -> ImportSummary:
    import re

    from salesnotes.formats import csv_contacts, vcard
    from salesnotes.render import progress
    from salesnotes.render.reports import ImportSummary

    region = env.config().get_str("phone.region")
    summary = ImportSummary(name=name, dry_run=dry_run)
    rows: Iterable[NewContact | Unreadable]
    if re.match(r"(?:\ufeff)?\s*BEGIN:VCARD", content, re.IGNORECASE) or name.lower().endswith(
        (".vcf", ".vcard")
    ):
        if mapping:
            raise BadInput(_("--map is for CSV files; a vCard names its own fields"))
        card_report = vcard.Report()
        summary.vcard = card_report
        summary.encoding = encoding
        rows, total = vcard.read(content, name, region, card_report), vcard.count(content)
    else:
        csv_report = csv_contacts.Report()
        summary.csv = csv_report
        summary.encoding = encoding
        rows = csv_contacts.read(content, name, region, csv_report, mapping_of(mapping))
        total = csv_contacts.count(content)
    checked = _checked(rows, summary)
    if total >= PROGRESS_FROM:
        checked = progress.track(checked, total, _("Importing {name}").format(name=name))
    with _book(env, dry_run) as store:
        how, safety = _before_import(env, store, dry_run)
        with _kept_if_written(safety), store.write(journal="step", note=how):
            # row by row (for undo) an import took twice as long: a safety copy instead
            summary.result = store.bulk.import_contacts(checked, now=env.now(), today=env.today())
            if summary.skipped and not skip_bad:  # every bad row at once, nothing written
                raise bad_rows(name, summary.skipped)
            if dry_run:
                store.rollback()
    return summary


@contextmanager
def _book(env: Env, dry_run: bool) -> Iterator[Store]:
    """The book to import into. A dry run into a book that does not exist yet runs on a
    temporary one, removed after: a dry run writes nothing, not even an empty book. A new
    book that an import failed to fill is removed again."""
    from salesnotes.team import is_url

    path = env.db_path
    exists = is_url(path) or os.path.exists(path)
    if dry_run and not exists:
        import tempfile

        from salesnotes.store import open_store
        from salesnotes.team import me
        from salesnotes.temporary import temporary as unfinished

        with unfinished(tempfile.gettempdir(), "dry-run", directory=True) as folder:
            temporary = open_store(os.path.join(folder, "book.db"))
            temporary.user = me(env.config())
            try:
                yield temporary
            finally:
                temporary.close()
        return
    store = env.store(create=True)
    try:
        yield store
    except BaseException:
        if not exists:
            env.close()
            for suffix in ("", "-wal", "-shm"):
                if os.path.exists(path + suffix):
                    os.remove(path + suffix)
        raise


def _before_import(env: Env, store: Store, dry_run: bool) -> tuple[str, str | None]:
    """A safety copy of a book that is not empty, before an import writes into it, and how
    to take the import back (undo cannot: it is not recorded row by row)."""
    from salesnotes.commands.files import safety_copy

    if dry_run:
        return "", None
    with store.read():
        empty = store.is_empty()
    if empty:
        return _("the book was empty before it (to start again: a new file with --db)"), None
    from salesnotes.team import is_url

    if is_url(env.db_path):
        return _("a PostgreSQL book is restored from its server's backup (pg_dump)"), None
    safety = safety_copy(env, store, "import")
    return _("restore the copy made before it: salesnotes restore {safety}").format(
        safety=safety
    ), safety


@contextmanager
def _kept_if_written(safety: str | None) -> Iterator[None]:
    """The safety copy stays when the import is written, and goes when nothing was."""
    try:
        yield
    except BaseException:
        if safety is not None:
            os.unlink(safety)
        raise
    if safety is not None:
        from salesnotes import render

        render.note(
            _("The book as it was is kept in {safety} (undo cannot take an import back)").format(
                safety=safety
            )
        )


def _checked(
    rows: Iterable[NewContact | Unreadable], summary: ImportSummary
) -> Iterator[NewContact]:
    """The readable rows, each with its note lines in the language spoken; an unreadable one
    is listed in the summary (the import then writes nothing, or, with --skip-bad, the
    rest)."""
    from salesnotes.domain.import_matching import note_cut, within_limits
    from salesnotes.imported import Unreadable
    from salesnotes.record import changed
    from salesnotes.render.words import note_line

    for row in rows:
        if not isinstance(row, Unreadable):
            row = within_limits(row)
        if isinstance(row, Unreadable):
            summary.skipped.append(row)
            continue
        summary.unread_phones += sum(1 for p in row.phones if p.e164 is None)
        summary.unused += row.unused
        if row.lines:
            row = changed(row, written=tuple(note_line(line) for line in row.lines))
        row, kept = note_cut(row)
        if kept is not None:
            summary.cut.append((row.where, kept))
        yield row


def _import_book(env: Env, content: str, name: str, dry_run: bool) -> None:
    from salesnotes import render
    from salesnotes.formats import book
    from salesnotes.migrations import NAMES

    tables = book.read(content, name, NAMES)
    with _book(env, dry_run) as store:
        how, safety = _before_import(env, store, dry_run)
        with _kept_if_written(safety), store.write(journal="step", note=how):
            empty = store.is_empty()
            counts = store.bulk.restore(tables)
            again = store.privacy.erase_again(env.now())
            if dry_run:
                store.rollback()
        if again and not dry_run:
            store.privacy.flush()
    from salesnotes.render import reports

    reports.book_summary(name, counts, empty=empty, dry_run=dry_run)
    if again:
        reports.erased_again(again)
    if sum(counts.get("contacts", (0, 0))) == 0:
        render.note(_("Note: the file holds no contacts."))


def export(
    env: Env,
    *,
    fmt: str,
    output: str | None,
    force: bool,
    vcard_version: str,
    events: bool,
    excel: bool,
    what: str,
    tag: str | None,
    status: str | None,
    org: str | None,
    team: bool = False,
) -> None:
    """Write contacts (vCard, CSV), open follow-ups (iCalendar), or the whole book (JSON) to
    ``output`` (mode 0600; an existing file only with ``force``) or to stdout. In a team's
    book a vCard or iCalendar export is the user's own (``team``: everyone's), so a
    salesperson's phone is not the whole team's."""
    from salesnotes.render.reports import exported
    from salesnotes.usecases.agenda import agenda_owner

    _check_options(fmt, vcard_version, events, excel, what, tag, status, org, team)
    status, tag = _filters(status, tag)
    if output is not None:
        check_target(output, force)
    store = env.store()
    with store.read():
        whose = None if team or fmt not in ("vcard", "ics") else agenda_owner(store, None)
        if fmt == "json":
            count, described = _json_out(env, store, output, force), "book"
        elif fmt == "ics":
            count = _ics_out(env, store, output, force, events, whose)
            described = "open-followups"
        elif fmt == "vcard":
            count = _vcard_out(env, store, output, force, vcard_version, tag, status, org, whose)
            described = "contacts"
        else:
            text, count = _csv(store, what, excel, tag, status, org)
            emit([text.encode("utf-8")], output, force)
            described = what
    exported(described, count, output)


def _json_out(env: Env, store: Store, output: str | None, force: bool) -> int:
    """The whole book as salesnotes' JSON (a progress bar for a big one)."""
    from salesnotes.formats import book
    from salesnotes.migrations import NAMES
    from salesnotes.render import progress

    tables = list(store.bulk.dump())
    chunks = book.write(tables, schema=NAMES[-1], exported_at=env.now())
    if progress.wanted():
        rows = store.bulk.size()
        if rows >= PROGRESS_FROM:  # a piece per row, two per table, two for the file
            chunks = progress.track(chunks, rows + 2 * len(tables) + 2, _("Exporting"))
    emit((c.encode("utf-8") for c in chunks), output, force)
    return 0


def _ics_out(
    env: Env, store: Store, output: str | None, force: bool, events: bool, whose: str | None
) -> int:
    """The open follow-ups (``whose``: the ones that person is to do) as iCalendar tasks
    (``events``: timed ones as events too)."""
    from salesnotes.formats import ics

    followups = [f for f in store.followups.find() if whose is None or f.is_for(whose)]
    cards = store.contacts.cards(f.contact_id for f in followups)
    emit(ics.write(_tracked(followups), cards, now=env.now(), events=events), output, force)
    return len(followups)


def _vcard_out(
    env: Env, store: Store, output: str | None, force: bool, version: str,
    tag: str | None, status: str | None, org: str | None, whose: str | None,
) -> int:  # fmt: skip
    """The contacts (``whose``: that person's) and organisations' own cards as vCards."""
    from salesnotes.formats import vcard_out as vcard
    from salesnotes.usecases.contacts import cards_to_export

    people, orgs = cards_to_export(store, tag=tag, status=status, organisation=org, owner=whose)
    region = env.config().get_str("phone.region")
    cards = vcard.write(_tracked(people), "4.0" if version == "4" else "3.0", orgs, region)
    emit((c.encode("utf-8") for c in cards), output, force)
    return len(people)


def _tracked(items: list[T]) -> Iterable[T]:
    """``items``, with a progress bar on a terminal when there are many."""
    from salesnotes.render import progress

    if len(items) < PROGRESS_FROM:
        return items
    return progress.track(items, len(items), _("Exporting"))


def _filters(status: str | None, tag: str | None) -> tuple[str | None, str | None]:
    """The contact filters as the book keeps them (a Dutch status word, a tag's case)."""
    if status:
        from salesnotes.domain.records import contact_status

        status = contact_status(status)
    if tag:
        from salesnotes.domain.fields import normalise_tag

        tag = normalise_tag(tag)
    return status, tag


def _check_options(
    fmt: str,
    vcard_version: str,
    events: bool,
    excel: bool,
    what: str,
    tag: str | None,
    status: str | None,
    org: str | None,
    team: bool = False,
) -> None:
    """Refuse an option that does nothing with this format, rather than ignore it."""
    if team and fmt not in ("vcard", "ics"):
        raise BadInput(_("--team is for --format vcard or ics; csv and json hold the whole book"))
    if vcard_version != "3" and fmt != "vcard":
        raise BadInput(_("--vcard-version is for --format vcard"))
    if events and fmt != "ics":
        raise BadInput(_("--events is for --format ics"))
    if excel and fmt != "csv":
        raise BadInput(_("--excel is for --format csv"))
    if what != "contacts" and fmt != "csv":
        raise BadInput(_("--what is for --format csv; vCard holds contacts, iCalendar follow-ups"))
    filters = [n for n, v in (("--tag", tag), ("--status", status), ("--org", org)) if v]
    contact_list = fmt == "vcard" or (fmt == "csv" and what == "contacts")
    if filters and not contact_list:
        raise BadInput(
            _("{filters} choose contacts: for --format vcard or csv").format(
                filters=", ".join(filters)
            )
        )


def _csv(
    book: Store, what: str, excel: bool, tag: str | None, status: str | None, org: str | None
) -> tuple[str, int]:
    from salesnotes.formats import csv_export

    if what == "contacts":
        header, rows = csv_export.contacts(
            book.contacts.find(tag=tag, status=status, organisation=org)
        )
    elif what == "followups":
        items = book.followups.find(include_done=True)
        header, rows = csv_export.followups(items, book.contacts.cards(f.contact_id for f in items))
    elif what == "quotes":
        header, rows = csv_export.quotes(book.quotes.find(open_only=False), excel=excel)
    else:
        header, rows = csv_export.interactions(book.interactions.all())
    return csv_export.write(header, rows, excel=excel), len(rows)


def copy_book(env: Env, *, source: str, target: str) -> None:
    """Copy the book ``source`` into the empty book ``target`` (either a SQLite file or a
    PostgreSQL URL), in one transaction on ``target``: every row with its id, then the
    rows of each table counted on both sides; any difference and nothing is kept."""
    from salesnotes.render import reports
    from salesnotes.team import me
    from salesnotes.usecases.books import copy_book as copy

    copied = copy(source, target, user=me(env.config()))
    reports.copied(copied.source, copied.target, copied.before, copied.after)
