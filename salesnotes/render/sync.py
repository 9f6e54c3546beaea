"""What ``sync`` says."""

from __future__ import annotations

from salesnotes.i18n import N_, Nn_, _, n_
from salesnotes.render import echo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from salesnotes.models import Synced
    from salesnotes.results import Chosen, SyncOutcome

WHAT = {
    "addressbook": N_("contacts   -> address book"),
    "tasks": N_("follow-ups -> task list"),
    "calendar": N_("visits     -> calendar"),
}


def set_up(chosen: list[Chosen], path: str) -> None:
    """Each place chosen (or made) on the server, and where [sync] was written."""
    for place in chosen:
        how = _("made now") if place.made else _("found")
        echo(f"{_(WHAT[place.what])} '{place.collection.name}' ({how}): {place.collection.href}")
    echo(_("Written to [sync] in {path} (no password: it stays where you keep it)").format(
        path=path))  # fmt: skip


COUNTED = {
    "cards added": Nn_("{n} contact put on the phone", "{n} contacts put on the phone"),
    "cards written": Nn_(
        "{n} card brought up to date on the phone", "{n} cards brought up to date on the phone"
    ),
    "cards removed from the phone": Nn_(
        "{n} card taken off the phone", "{n} cards taken off the phone"
    ),
    "tasks added": Nn_(
        "{n} follow-up put on the phone as a task", "{n} follow-ups put on the phone as tasks"
    ),
    "tasks written": Nn_(
        "{n} task brought up to date on the phone", "{n} tasks brought up to date on the phone"
    ),
    "tasks removed from the phone": Nn_(
        "{n} task taken off the phone", "{n} tasks taken off the phone"
    ),
    "events added": Nn_(
        "{n} follow-up put in the phone's calendar", "{n} follow-ups put in the phone's calendar"
    ),
    "events written": Nn_(
        "{n} event brought up to date in the phone's calendar",
        "{n} events brought up to date in the phone's calendar",
    ),
    "events removed from the phone": Nn_(
        "{n} event taken out of the phone's calendar",
        "{n} events taken out of the phone's calendar",
    ),
    "contacts changed": Nn_(
        "{n} contact changed from the phone", "{n} contacts changed from the phone"
    ),
    "contacts added": Nn_("{n} contact added from the phone", "{n} contacts added from the phone"),
    "follow-ups done": Nn_(
        "{n} follow-up ticked off on the phone: done",
        "{n} follow-ups ticked off on the phone: done",
    ),
    "follow-ups moved": Nn_(
        "{n} follow-up moved on the phone: moved", "{n} follow-ups moved on the phone: moved"
    ),
    "follow-ups added": Nn_(
        "{n} follow-up added from the phone's tasks", "{n} follow-ups added from the phone's tasks"
    ),
    "deleted on the phone": Nn_(
        "{n} deleted on the phone: kept here (salesnotes sync status)",
        "{n} deleted on the phone: kept here (salesnotes sync status)",
    ),
    "put back": Nn_(
        "{n} deleted on the phone put back there", "{n} deleted on the phone put back there"
    ),
}
"""What a sync did, in the order it is said."""

FIELDS = {
    "name": N_("the name"), "organisation": N_("the organisation"),
    "department": N_("the department"), "job_title": N_("the job title"),
    "birthday": N_("the birthday"), "note": N_("the note"), "emails": N_("an e-mail address"),
    "phones": N_("a phone number"),
}  # fmt: skip


def said_counts(counts: dict[str, int]) -> list[str]:
    """What a sync did, one line per kind of change."""
    return [
        n_(*words, counts[what]).format(n=counts[what])
        for what, words in COUNTED.items()
        if counts.get(what)
    ]


def waiting_lines(report: dict[str, Any], names: dict[str, str]) -> list[str]:
    """What a sync left to a person, one sentence each, with what to do."""
    lines = []
    for item in report.get("conflicts", []):
        who = names.get(f"c{item['contact']}", f"#{item['contact']}")
        lines.append(
            _(
                "{who}: {field} changed both here and on the phone; the book's is kept, the "
                "phone's is in the timeline (salesnotes show {id})"
            ).format(who=who, field=_(FIELDS.get(item["field"], item["field"])), id=item["contact"])
        )
    for item in report.get("waiting", []):
        what, reason = item["what"], item.get("reason", "")
        if item.get("contact"):
            who = names.get(f"c{item['contact']}", f"#{item['contact']}")
        elif item.get("followup"):
            who = names.get(f"f{item['followup']}", f"#{item['followup']}")
        else:
            who = item.get("title") or item.get("href", "")
        if what == "not taken":
            lines.append(
                _("{who}: not taken from the phone: {reason}").format(who=who, reason=reason)
            )
        elif what == "new card":
            lines.append(
                _("new card '{who}' on the phone not added: {reason}").format(
                    who=who, reason=reason
                )
            )
        elif what == "new task":
            lines.append(
                _(
                    "new task '{who}' on the phone: {reason}; give it a title 'Name: what', or "
                    "plan it here: salesnotes follow NAME DAY TEXT"
                ).format(who=who, reason=reason)
            )
        elif what == "changed during the sync":
            lines.append(
                _("{who} changed on the phone during the sync: the next sync takes it").format(
                    who=who
                )
            )
        else:
            lines.append(_("{href} on the phone cannot be read").format(href=item.get("href", "")))
    return lines


def synced(outcome: SyncOutcome, *, quiet: bool) -> None:
    """What the sync did (``--dry-run``: would do) and what waits for a person; with
    ``quiet`` only the latter (cron mails what a person must see, nothing else)."""
    report = outcome.as_json()
    waiting = waiting_lines(report, outcome.names)
    if not quiet and outcome.dry_run and not outcome.lines:
        echo(_("Dry run: a sync would change nothing, here or on the phone."))
    elif not quiet and outcome.dry_run:
        echo(_("Dry run: nothing was changed, here or on the phone. A sync would:"))
        for line in outcome.lines:
            echo(f"- {line}")
    elif not quiet:
        done = said_counts(outcome.counts)
        if done:
            echo(_("Synced with the phone: {done}").format(done="; ".join(done)))
        else:
            echo(_("Synced: nothing changed on either side"))
    if waiting:
        echo(_("Waiting for you:"))
        for line in waiting:
            echo(f"- {line}")


def status(
    at: str | None, report: dict[str, Any], gone: list[Synced], names: dict[str, str], fmt: str
) -> None:
    """The last sync, what it did, and what waits: as text, or JSON (``fmt``)."""
    from salesnotes.render import print_json

    waiting = waiting_lines(report, names)
    deleted = []
    for item in gone:  # a contact is archived here, a follow-up done
        key, command = ("c", "archive") if item.contact_id else ("f", "done")
        number = item.contact_id or item.followup_id
        if number is None:  # gone here since (forgotten): nothing to decide
            continue
        deleted.append(
            _(
                "{who} was deleted on the phone: salesnotes {command} {id} does it here too; "
                "salesnotes sync --put-back puts it back on the phone"
            ).format(who=names.get(f"{key}{number}", f"#{number}"), command=command, id=number)
        )
    if fmt == "json":
        print_json(
            {
                "last_sync": at,
                "counts": report.get("counts", {}),
                "waiting": waiting,
                "deleted_on_phone": deleted,
            }
        )
        return
    if at is None:
        echo(_("Not synced yet: salesnotes sync"))
        return
    from salesnotes.render.undo import moment

    done = said_counts(report.get("counts", {}))
    echo(_("Last sync: {at}").format(at=moment(at)))
    echo("; ".join(done) if done else _("Nothing changed on either side."))
    if not waiting and not deleted:
        echo(_("Nothing waits for you."))
    else:
        echo(_("Waiting for you:"))
    for line in [*waiting, *deleted]:
        echo(f"- {line}")
