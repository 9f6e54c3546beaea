"""What ``undo`` says: what it put back, and the list of what it can take back."""

from __future__ import annotations

from salesnotes.i18n import N_, Nn_, _, n_
from salesnotes.render import echo

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.models import Recorded, Undone

NAMES = {
    "organisations": Nn_("{n} organisation", "{n} organisations"),
    "contacts": Nn_("{n} contact", "{n} contacts"),
    "contact_emails": Nn_("{n} e-mail address", "{n} e-mail addresses"),
    "contact_phones": Nn_("{n} phone number", "{n} phone numbers"),
    "contact_tags": Nn_("{n} tag", "{n} tags"),
    "interactions": Nn_("{n} conversation", "{n} conversations"),
    "followups": Nn_("{n} follow-up", "{n} follow-ups"),
    "quotes": Nn_("{n} quote", "{n} quotes"),
    "quote_revisions": Nn_("{n} quote revision", "{n} quote revisions"),
    "contact_addresses": Nn_("{n} address", "{n} addresses"),
    "days_off": Nn_("{n} day off", "{n} days off"),
    "calls": Nn_("{n} call from the phone's log", "{n} calls from the phone's log"),
    "mails": Nn_("{n} mail", "{n} mails"),
    "mail_strangers": Nn_("{n} unknown sender", "{n} unknown senders"),
}
DONE = {"put back": N_("put back"), "restored": N_("restored"), "removed": N_("removed")}


def undone(result: Undone) -> None:
    """'Undid 'salesnotes log jan ...' (Wed 25 Nov 12:00)' and what it put back, restored or
    removed, table by table."""
    parts = []
    for table, counts in result.counts.items():
        one, many = NAMES.get(table, ("{n} " + table, "{n} " + table))
        for what, n in counts.items():
            parts.append(
                _("{things} {done}").format(
                    things=n_(one, many, n).format(n=n), done=_(DONE.get(what, what))
                )
            )
    echo(
        _("Undid 'salesnotes {command}' ({at})").format(
            command=result.command.command, at=moment(result.command.at)
        )
    )
    echo("  " + ", ".join(parts))


def moment(at: str) -> str:

    from salesnotes.domain.days import moment_words

    try:
        from salesnotes.book_values import book_moment

        return moment_words(book_moment(at))
    except ValueError:
        return at


def listing_of(recorded: list[Recorded], fmt: str) -> None:
    from salesnotes.render.tables import Column, listing

    listing(
        recorded,
        fmt,
        [
            Column("Id", lambda r: str(r.id), justify="right"),
            Column("When", lambda r: moment(r.at)),
            Column("Command", lambda r: _("salesnotes {command}").format(command=r.command)),
            Column("Rows", lambda r: str(r.changes), justify="right"),
            Column("Undone", lambda r: moment(r.undone_at) if r.undone_at else ""),
        ],
        lambda r: {
            "id": r.id,
            "at": r.at,
            "command": r.command,
            "rows": r.changes,
            "undone_at": r.undone_at,
        },
        empty=_("Nothing to undo."),
    )
