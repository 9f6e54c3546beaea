"""What a command that changes much did (or would do): said in lines, for people."""

from __future__ import annotations

from dataclasses import dataclass, field

from salesnotes.render import echo, note

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections import Counter

    from salesnotes.formats import csv_contacts, vcard
    from salesnotes.merging import Plan
    from salesnotes.models import Contact, ImportResult, Unreadable


def merge_report(
    old: Contact, new: Contact, moved: dict[str, int], plan: Plan, *, dry_run: bool
) -> None:
    """What a merge moved (or would move), what the kept contact took, and what differed."""
    names = (
        ("interactions", "conversation", "conversations"),
        ("followups", "follow-up", "follow-ups"),
        ("quotes", "quote", "quotes"),
        ("revisions", "quote revision", "quote revisions"),
        ("contact_emails", "e-mail address", "e-mail addresses"),
        ("contact_phones", "phone number", "phone numbers"),
        ("contact_tags", "tag", "tags"),
    )
    parts = [f"{moved[k]} {one if moved[k] == 1 else many}" for k, one, many in names if moved[k]]
    verb = "Would merge" if dry_run else "Merged"
    echo(f"{verb} #{old.id} {old.label} into #{new.id} {new.label}")
    echo(f"{'Would move' if dry_run else 'Moved'}: {', '.join(parts) or 'nothing'}")
    for taken in plan.taken:
        echo(f"#{new.id} {'would take' if dry_run else 'took'} #{old.id}'s {taken}")
    for conflict in plan.conflicts:
        echo(f"Different {conflict} (written into #{new.id}'s note)")
    if dry_run:
        note("Nothing was written (--dry-run).")
    else:
        echo(f"#{old.id} is archived; its id and name find #{new.id} from now on")


@dataclass
class ImportSummary:
    """What an import of contacts read, did and left out, gathered for its summary."""

    name: str
    dry_run: bool
    kind: str = ""
    result: ImportResult | None = None
    skipped: list[Unreadable] = field(default_factory=list)
    unread_phones: int = 0
    csv: csv_contacts.Report | None = None
    vcard: vcard.Report | None = None


# How many updated or skipped records the summary names one by one.
SHOWN = 20


def import_summary(summary: ImportSummary) -> None:
    """The counts on one line, then a line for each thing changed, skipped or left out."""
    result = summary.result
    if result is None:
        return
    verb = "Would import" if summary.dry_run else "Imported"
    counts = (
        f"{result.added} new, {len(result.updated)} updated, {result.unchanged} unchanged, "
        f"{len(summary.skipped)} skipped; {_count(result.new_organisations, 'new organisation')}"
    )
    echo(f"{verb} {summary.name} ({summary.kind}): {counts}")
    _some("updated", list(result.updated))
    _some("skipped", [f"{row.where}: {row.reason}" for row in summary.skipped])
    if result.erased:
        people = "1 person" if result.erased == 1 else f"{result.erased} people"
        echo(
            f"- left out: {people} erased with 'salesnotes forget' (the file is older; they"
            " stay erased)"
        )
    report = summary.csv
    if report is not None:
        if report.noted:
            echo(f"- into the note, as 'column: value': {_columns(report.noted, 'row')}")
        if report.ignored:
            echo(f"- left out (nothing a salesperson uses): {_columns(report.ignored, 'row')}")
        if report.exchange_addresses:
            echo(
                f"- left out: {_count(report.exchange_addresses, 'Exchange-internal address')}"
                " ('/o=...'), which cannot receive e-mail"
            )
        if report.unread_dates:
            echo(f"- {_count(report.unread_dates, 'birthday')} not read as a date: in the note")
    cards = summary.vcard
    if cards is not None:
        if cards.noted:
            echo(f"- into the note: {_properties(cards.noted)}")
        if cards.pictures:
            echo(f"- left out: {_count(cards.pictures, 'picture')} (photos and logos)")
        if cards.unreadable:
            lines = ", ".join(str(n) for n in cards.unreadable[:5])
            more = ", ..." if len(cards.unreadable) > 5 else ""
            echo(
                f"- left out: {_count(len(cards.unreadable), 'line')} that"
                f" {'is' if len(cards.unreadable) == 1 else 'are'} not a vCard property"
                f" (line {lines}{more})"
            )
        if cards.left_out:
            echo(f"- left out (nothing a salesperson uses): {_properties(cards.left_out)}")
    if summary.unread_phones:
        echo(
            f"- {_count(summary.unread_phones, 'phone number')} not read as a number of the"
            " phone region (see 'salesnotes config'): kept as written"
        )
    if summary.dry_run:
        note("Nothing was written (--dry-run).")


def _count(n: int, thing: str) -> str:
    return f"{n} {thing}" + ("" if n == 1 else "es" if thing.endswith("ss") else "s")


def _some(label: str, lines: list[str]) -> None:
    for line in lines[:SHOWN]:
        echo(f"- {label} {line}")
    if len(lines) > SHOWN:
        echo(f"- ... and {len(lines) - SHOWN} more {label}")


def _properties(counter: Counter[str]) -> str:
    return ", ".join(name + (f" ({n})" if n > 1 else "") for name, n in sorted(counter.items()))


def _columns(counter: Counter[str], unit: str) -> str:
    return ", ".join(f"{name} ({_count(n, unit)})" for name, n in sorted(counter.items()))


def erased_again(people: int) -> None:
    """After a restore or a book's import: people erased since, erased again."""
    who = "1 person" if people == 1 else f"{people} people"
    echo(f"- erased again: {who} erased with 'salesnotes forget' after this copy was made")


def book_summary(
    name: str, counts: dict[str, tuple[int, int]], *, empty: bool, dry_run: bool
) -> None:
    """What a whole book's import added, and (merging into a book with data) found there."""
    names = (
        ("organisations", "organisations"),
        ("contacts", "contacts"),
        ("interactions", "conversations"),
        ("followups", "follow-ups"),
        ("quotes", "quotes"),
    )
    added = ", ".join(f"{counts.get(t, (0, 0))[0]} {label}" for t, label in names)
    verb = "Would import" if dry_run else "Imported"
    if empty:
        echo(f"{verb} the book {name}: {added}")
    else:
        present = ", ".join(
            f"{counts[t][1]} {label}" for t, label in names if counts.get(t, (0, 0))[1]
        )
        echo(f"{verb} {name} into this book, by UUID: added {added}")
        if present:
            echo(f"  already here (kept as they are): {present}")
    if dry_run:
        note("Nothing was written (--dry-run).")
