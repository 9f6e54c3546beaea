"""What a command that changes much did (or would do): said in lines, for people."""

from __future__ import annotations

from dataclasses import dataclass, field

from salesnotes.i18n import N_, Nn_, _, grouped, n_
from salesnotes.render import echo, note

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections import Counter
    from datetime import date

    from salesnotes.domain.merging import Plan
    from salesnotes.formats import csv_contacts, vcard
    from salesnotes.imported import ImportResult, Unreadable, Unused
    from salesnotes.models import Contact


def merge_report(
    old: Contact, new: Contact, moved: dict[str, int], plan: Plan, *, dry_run: bool
) -> None:
    """What a merge moved (or would move), what the kept contact took, and what differed."""
    names = (
        ("interactions", n_("{n} conversation", "{n} conversations", moved["interactions"])),
        ("followups", n_("{n} follow-up", "{n} follow-ups", moved["followups"])),
        ("quotes", n_("{n} quote", "{n} quotes", moved["quotes"])),
        ("revisions", n_("{n} quote revision", "{n} quote revisions", moved["revisions"])),
        (
            "contact_emails",
            n_("{n} e-mail address", "{n} e-mail addresses", moved["contact_emails"]),
        ),
        ("contact_phones", n_("{n} phone number", "{n} phone numbers", moved["contact_phones"])),
        ("contact_tags", n_("{n} tag", "{n} tags", moved["contact_tags"])),
    )
    parts = ", ".join(words.format(n=moved[k]) for k, words in names if moved[k]) or _("nothing")
    pair = {"id": old.id, "label": old.label, "id2": new.id, "label2": new.label}
    if dry_run:
        echo(_("Would merge #{id} {label} into #{id2} {label2}").format(**pair))
        echo(_("Would move: {parts}").format(parts=parts))
    else:
        echo(_("Merged #{id} {label} into #{id2} {label2}").format(**pair))
        echo(_("Moved: {parts}").format(parts=parts))
    for taken in plan.taken:
        said = _("#{id2} would take #{id}'s {what}") if dry_run else _("#{id2} took #{id}'s {what}")
        echo(said.format(id2=new.id, id=old.id, what=_(taken)))
    for conflict in plan.conflicts:
        echo(
            _("Different {conflict} (written into #{id}'s note)").format(
                conflict=_(conflict), id=new.id
            )
        )
    if dry_run:
        note(_("Nothing was written (--dry-run)."))
    else:
        echo(
            _("#{id} is archived; its id and name find #{id2} from now on").format(
                id=old.id, id2=new.id
            )
        )


@dataclass
class ImportSummary:
    """What an import of contacts read, did and left out, gathered for its summary."""

    name: str
    dry_run: bool
    encoding: str = ""
    result: ImportResult | None = None
    skipped: list[Unreadable] = field(default_factory=list)
    unread_phones: int = 0
    unused: list[Unused] = field(default_factory=list)
    cut: list[tuple[str, int]] = field(default_factory=list)  # (where, characters kept)
    csv: csv_contacts.Report | None = None
    vcard: vcard.Report | None = None


# How many updated or skipped records the summary names one by one.
SHOWN = 20

FIELD_WORDS = {
    "name": N_("name"), "organisation": N_("organisation"), "job_title": N_("job title"),
    "department": N_("department"), "city": N_("city"), "status": N_("status"),
    "every": N_("rhythm"), "birthday": N_("birthday"), "customer_since": N_("customer since"),
    "note": N_("note"), "email": N_("e-mail"), "phone": N_("phone"),
    "phone_kind": N_("kind of phone number"), "tags": N_("tags"), "address": N_("address"),
    "last_contact": N_("last contact"),
}  # fmt: skip
"""What an import changed, as the summary names it."""

NOT_A = {
    "phone": N_("not a phone number"), "email": N_("not an e-mail address"),
    "birthday": N_("not a birthday"), "every": N_("not a rhythm"),
    "customer_since": N_("not a date (customer since)"),
    "last_contact": N_("not a date (last contact)"),
}  # fmt: skip
CSV_KINDS = {
    "spreadsheet": N_("spreadsheet"),
    "Outlook": "Outlook",
    "Google Contacts": "Google Contacts",
}


def file_kind(summary: ImportSummary) -> str:
    """'vCard, UTF-8', 'Outlook CSV, Windows-1252, ';' between columns'."""
    if summary.csv is None:
        return _("vCard, {encoding}").format(encoding=summary.encoding)
    sep = {"\t": _("tab"), ",": "','", ";": "';'"}.get(summary.csv.separator, "")
    return _("{kind} CSV, {encoding}, {sep} between columns").format(
        kind=_(CSV_KINDS.get(summary.csv.kind, summary.csv.kind)),
        encoding=summary.encoding,
        sep=sep,
    )


def import_summary(summary: ImportSummary) -> None:
    """The counts on one line, then a line for each thing changed, skipped or left out."""
    from salesnotes.text import shown

    result = summary.result
    if result is None:
        return
    counts = _(
        "{added} new, {updated} updated, {unchanged} unchanged, {skipped} "
        "skipped; {new_organisations}"
    ).format(
        added=result.added,
        updated=len(result.updated),
        unchanged=result.unchanged,
        skipped=len(summary.skipped),
        new_organisations=n_(
            "{n} new organisation", "{n} new organisations", result.new_organisations
        ).format(n=result.new_organisations),
    )
    said = (
        _("Would import {name} ({kind}): {counts}")
        if summary.dry_run
        else _("Imported {name} ({kind}): {counts}")
    )
    echo(said.format(name=summary.name, kind=file_kind(summary), counts=counts))
    updated = [
        f"#{cid} {name}: " + ", ".join(_(FIELD_WORDS.get(what, what)) for what in changed)
        for cid, name, changed in result.updated
    ]
    _some(_("- updated {line}"), _("- ... and {n} more updated"), updated)
    if result.organisation_cards:
        echo(
            n_(
                "- {n} organisation's own phone number or e-mail address (a card of the "
                "organisation itself)",
                "- {n} organisations' own phone numbers or e-mail addresses (cards of the "
                "organisations themselves)",
                result.organisation_cards,
            ).format(n=result.organisation_cards)
        )
    _some(
        _("- skipped {line}"),
        _("- ... and {n} more skipped"),
        [f"{row.where}: {row.reason}" for row in summary.skipped],
    )
    _some(
        _("- {where}: '{value}' is {what}: kept in the note"),
        _("- ... and {n} more values kept in the note"),
        [
            {"where": u.where, "value": shown(u.value, 60), "what": _(NOT_A.get(u.what, u.what))}
            for u in summary.unused
        ],
    )
    _some(
        _(
            "- {where}: the note was longer than salesnotes keeps; its first {kept} "
            "characters are kept"
        ),
        _("- ... and {n} more notes cut"),
        [{"where": where, "kept": grouped(kept)} for where, kept in summary.cut],
    )
    _left_out(summary, result.erased)
    if summary.dry_run:
        note(_("Nothing was written (--dry-run)."))


def _left_out(summary: ImportSummary, erased: int) -> None:
    """The lines on what the import left out or kept differently: erased people, what
    reading a CSV or vCard put into the note, numbers not read as the phone region's."""
    if erased:
        people = n_("{n} person", "{n} people", erased).format(n=erased)
        echo(
            _(
                "- left out: {people} erased with 'salesnotes forget' (the file is "
                "older; they stay erased)"
            ).format(people=people)
        )
    if summary.csv is not None:
        _csv_report(summary.csv)
    if summary.vcard is not None:
        _vcard_report(summary.vcard)
    if summary.unread_phones:
        echo(
            _(
                "- {unread_phones} not read as a number of the phone region (see "
                "'salesnotes config'): kept as written"
            ).format(
                unread_phones=n_(
                    "{n} phone number", "{n} phone numbers", summary.unread_phones
                ).format(n=summary.unread_phones)
            )
        )


def _csv_report(report: csv_contacts.Report) -> None:
    """What reading a CSV put into the note or left out."""
    if report.noted:
        echo(_("- into the note, as 'column: value': {noted}").format(noted=_columns(report.noted)))
    if report.ignored:
        echo(
            _("- left out (nothing a salesperson uses): {ignored}").format(
                ignored=_columns(report.ignored)
            )
        )
    if report.exchange_addresses:
        echo(
            _("- left out: {exchange_addresses} ('/o=...'), which cannot receive e-mail").format(
                exchange_addresses=n_(
                    "{n} Exchange-internal address",
                    "{n} Exchange-internal addresses",
                    report.exchange_addresses,
                ).format(n=report.exchange_addresses)
            )
        )


def _vcard_report(cards: vcard.Report) -> None:
    """What reading vCards put into the note or left out."""
    if cards.noted:
        echo(_("- into the note: {noted}").format(noted=_properties(cards.noted)))
    if cards.pictures:
        echo(
            _("- left out: {pictures} (photos and logos)").format(
                pictures=n_("{n} picture", "{n} pictures", cards.pictures).format(n=cards.pictures)
            )
        )
    if cards.unreadable:
        lines = ", ".join(str(n) for n in cards.unreadable[:5])
        more = ", ..." if len(cards.unreadable) > 5 else ""
        echo(
            n_(
                "- left out: {n} line that is not a vCard property (line {lines}{more})",
                "- left out: {n} lines that are not a vCard property (line {lines}{more})",
                len(cards.unreadable),
            ).format(n=len(cards.unreadable), lines=lines, more=more)
        )
    if cards.left_out:
        echo(
            _("- left out (nothing a salesperson uses): {left_out}").format(
                left_out=_properties(cards.left_out)
            )
        )


def _some(line_words: str, more_words: str, lines: list[str] | list[dict[str, str]]) -> None:
    for line in lines[:SHOWN]:
        echo(line_words.format(**line) if isinstance(line, dict) else line_words.format(line=line))
    if len(lines) > SHOWN:
        echo(more_words.format(n=len(lines) - SHOWN))


def _properties(counter: Counter[str]) -> str:
    return ", ".join(name + (f" ({n})" if n > 1 else "") for name, n in sorted(counter.items()))


def _columns(counter: Counter[str]) -> str:
    return ", ".join(
        f"{name} ({n_('{n} row', '{n} rows', n).format(n=n)})"
        for name, n in sorted(counter.items())
    )


def erased_again(people: int) -> None:
    """After a restore or a book's import: people erased since, erased again."""
    who = n_("{n} person", "{n} people", people).format(n=people)
    echo(
        _("- erased again: {who} erased with 'salesnotes forget' after this copy was made").format(
            who=who
        )
    )


def book_summary(
    name: str, counts: dict[str, tuple[int, int]], *, empty: bool, dry_run: bool
) -> None:
    """What a whole book's import added, and (merging into a book with data) found there."""
    names = (
        ("organisations", Nn_("{n} organisation", "{n} organisations")),
        ("contacts", Nn_("{n} contact", "{n} contacts")),
        ("interactions", Nn_("{n} conversation", "{n} conversations")),
        ("followups", Nn_("{n} follow-up", "{n} follow-ups")),
        ("quotes", Nn_("{n} quote", "{n} quotes")),
    )

    def said(n: int, words: tuple[str, str]) -> str:
        return n_(*words, n).format(n=n)

    added = ", ".join(said(counts.get(t, (0, 0))[0], words) for t, words in names)
    if empty:
        done = (
            _("Would import the book {name}: {added}")
            if dry_run
            else _("Imported the book {name}: {added}")
        )
        echo(done.format(name=name, added=added))
    else:
        present = ", ".join(
            said(counts[t][1], words) for t, words in names if counts.get(t, (0, 0))[1]
        )
        done = (
            _("Would import {name} into this book, by UUID: added {added}")
            if dry_run
            else _("Imported {name} into this book, by UUID: added {added}")
        )
        echo(done.format(name=name, added=added))
        if present:
            echo(_("  already here (kept as they are): {present}").format(present=present))
    if dry_run:
        note(_("Nothing was written (--dry-run)."))


def copied(source: str, target: str, before: dict[str, int], after: dict[str, int]) -> None:
    """``copy-book``: what was copied, and the rows of each table on both sides."""
    echo(_("Copied the book {source} to {target}").format(source=source, target=target))
    width = max(len(t) for t in before)
    echo(f"  {_('table'):<{width}}  {_('from'):>9}  {_('to'):>9}")
    for table, rows in before.items():
        echo(f"  {table:<{width}}  {rows:>9}  {after.get(table, 0):>9}")


def exported(described: str, count: int, output: str | None) -> None:
    """What ``export`` wrote where (``described``: 'book', 'contacts', 'open-followups', a
    CSV's --what); to stdout, only that there was nothing."""
    words = {
        "book": Nn_("the whole book", "the whole book"),
        "open-followups": Nn_("{n} open follow-up", "{n} open follow-ups"),
        "followups": Nn_("{n} follow-up", "{n} follow-ups"),
        "contacts": Nn_("{n} contact", "{n} contacts"),
        "quotes": Nn_("{n} quote", "{n} quotes"),
        "interactions": Nn_("{n} interaction", "{n} interactions"),
    }.get(described, (described, described))
    if output is not None:
        what_text = n_(*words, count).format(n=count)
        echo(_("Wrote {what_text} to {output}").format(what_text=what_text, output=output))
    elif described != "book" and count == 0:
        note(_("Note: nothing to export."))


def demo_written(
    count: int, where: str, temporary: str | None, asked: date, shown_day: date
) -> None:
    """What ``demo`` wrote where, how to try it (a temporary book: ``temporary``), and, on
    a day off (``asked``), which working day it shows."""
    from salesnotes.domain.days import describe

    note(_("Demo book with {count} contacts written to {db_path}").format(
        count=count, db_path=where))  # fmt: skip
    if temporary is not None:
        note(_("Try it:  export SALESNOTES_DB={db_path}").format(db_path=temporary))
    if shown_day != asked:
        note(_("{day} is not a working day: the demo shows {shown}").format(
            day=describe(asked), shown=describe(shown_day)))  # fmt: skip
