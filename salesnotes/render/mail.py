"""What ``mail import``, ``mail sync`` and ``mail unknown`` print."""

from __future__ import annotations

from salesnotes.i18n import Nn_, _, n_
from salesnotes.render import echo, note
from salesnotes.render.calls import counted
from salesnotes.render.tables import Column, listing

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from salesnotes.results import MailImported


ABOUT_A_QUOTE = Nn_("{n} about a quote", "{n} about a quote")
KNOWN = Nn_("{n} mail was logged before", "{n} mails were logged before")
STRANGERS = Nn_(
    "{n} mail with nobody in the book (salesnotes mail unknown)",
    "{n} mails with nobody in the book (salesnotes mail unknown)",
)
MACHINE = Nn_(
    "{n} newsletter, auto-reply or bounce left out",
    "{n} newsletters, auto-replies and bounces left out",
)


def imported(result: MailImported, name: str, *, dry_run: bool, quiet: bool = False) -> None:
    """What an import or a sync logged, what it asks, and what it left out."""
    from collections import Counter

    from salesnotes.text import shown

    asks = [
        "- " + _("{name} replied to quote #{quote}: '{words}'; won? (salesnotes quote won "
                 "{quote})").format(name=who, quote=quote, words=words)
        for who, quote, words in result.questions
    ] + [
        "- " + n_("a mail from {name} on open complaint #{id}",
                  "{n} mails from {name} on open complaint #{id}", n).format(
            n=n, name=who, id=complaint)
        for (who, complaint), n in Counter(result.complaints).items()
    ]  # fmt: skip
    if quiet:
        for line in asks:
            echo(line)
        return
    head = _("Dry run, nothing written: ") if dry_run else ""
    echo(
        head
        + _("{name}: {mails}, {conversations}").format(
            name=name,
            mails=n_("{n} mail logged", "{n} mails logged", result.logged).format(n=result.logged),
            conversations=n_("{n} conversation", "{n} conversations", result.conversations).format(
                n=result.conversations
            ),
        )
    )
    for folder, count in result.folders:
        echo(
            "  "
            + n_("{folder}: {n} new", "{folder}: {n} new", count).format(folder=folder, n=count)
        )
    for line in asks:
        echo(line)
    counted(
        (result.quotes, ABOUT_A_QUOTE),
        (result.known, KNOWN),
        (result.strangers, STRANGERS),
        (result.machine, MACHINE),
    )
    for bad in result.unreadable[:20]:
        note(
            _("Not logged: {where}: {reason}").format(
                where=bad.where, reason=shown(bad.reason, 200)
            )
        )


def _stranger_json(row: tuple[str, str, int, str]) -> dict[str, Any]:
    address, name, count, at = row
    return {"address": address, "name": name, "mails": count, "last": at}


def strangers(rows: list[tuple[str, str, int, str]], fmt: str) -> None:
    """``mail unknown``: who wrote most, and the command that adds them."""
    from salesnotes.render.calls import when

    listing(
        rows,
        fmt,
        [
            Column("Address", lambda r: r[0], style="bold"),
            Column("Name", lambda r: r[1]),
            Column("Mails", lambda r: str(r[2]), justify="right", keep=True),
            Column("Last", lambda r: r[3], keep=True, shown=lambda r: when(r[3])),
        ],
        _stranger_json,
        empty=_("Nobody unknown has written. (salesnotes mail import PATH, or mail sync)"),
    )
    if fmt == "table" and rows:
        address, name = rows[0][0], rows[0][1] or rows[0][0].split("@")[0]
        note(
            _('Add one: salesnotes add "{name}" --email {address}').format(
                name=name, address=address
            )
        )
