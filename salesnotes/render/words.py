"""Words salesnotes writes into the book itself, in the language spoken when it writes them:
the labels of the lines an import adds to a contact's note. Each line is also known in every
other language, so that a line the book holds in one is not added again in another."""

from __future__ import annotations

from salesnotes.i18n import LANGUAGES, N_, _, said_in

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.imported import NoteLine

LABELS = {
    "website": N_("Website"),
    "nickname": N_("Nickname"),
    "role": N_("Role"),
    "anniversary": N_("Anniversary"),
    "manager": N_("Manager"),
    "assistant": N_("Assistant"),
    "partner": N_("Partner"),
    "related": N_("Related"),
    "chat": N_("Chat"),
    "skype": N_("Skype"),
    "date": N_("Date"),
    "email": N_("E-mail"),
    "phone": N_("Phone"),
    "birthday": N_("Birthday"),
    "organisation": N_("Organisation"),
    "job_title": N_("Job title"),
    "every": N_("Keep in touch"),
    "customer_since": N_("Customer since"),
    "last_contact": N_("Last contact"),
}
"""A note line's label, by its key (``NoteLine.label``)."""


def note_line(line: NoteLine) -> tuple[str, tuple[str, ...]]:
    """The line as written now ('Verjaardag: 31-02'), and as it reads in every language."""
    if line.own or line.label not in LABELS:  # a file's own column: its own name
        text = f"{line.label}: {line.value}"
        return text, (text,)
    label = LABELS[line.label]
    variants = tuple(dict.fromkeys(f"{said_in(label, s)}: {line.value}" for s in LANGUAGES))
    return f"{_(label)}: {line.value}", variants
