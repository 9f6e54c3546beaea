"""What a command that changes much did (or would do): said in lines, for people."""

from __future__ import annotations

from salesnotes.render import echo, note

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.merging import Plan
    from salesnotes.models import Contact


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
