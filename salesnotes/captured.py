"""What the phone's call log and the mailbox bring into the book, as the store returns it
(see ``models``: the same kind of records, kept apart so neither module grows past reading)."""

from __future__ import annotations

from salesnotes.record import record


@record
class Call:
    """A call of a known contact's number, as an import read it from a phone's log (m021):
    its moment (``at``, a UTC instant 'YYYY-MM-DDTHH:MM:SSZ'), which way, how long, the
    conversation it is (an answered call), the call-back it asked for (a missed one), and
    when what was said was added (``noted_at``; None: not yet)."""

    id: int
    owner: str
    number: str
    at: str
    direction: str
    seconds: int
    contact_id: int
    contact_name: str
    interaction_id: int | None
    followup_id: int | None
    noted_at: str | None
    text: str = ""  # the conversation's text (an answered call)
