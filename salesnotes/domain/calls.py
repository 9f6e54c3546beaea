"""What a call in the phone's log means, as data: which calls were conversations, which
ask for a call-back, which are left out."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from datetime import date

TALKED = frozenset({"in", "out"})
"""Directions of a call that was a conversation, when it lasted (a call not answered is
logged as outgoing with no length)."""

CALLED_US = frozenset({"missed", "voicemail", "rejected"})
"""An incoming call nobody took: the customer waits for a call-back."""

LEFT_OUT = frozenset({"blocked"})
"""Calls that are not a customer's: a blocked number is not kept."""


def talked(direction: str, seconds: int) -> bool:
    """Whether the call was a conversation (it restarts the clocks and wants a note)."""
    return direction in TALKED and seconds > 0


def asks_callback(direction: str) -> bool:
    """Whether the call was a customer's that nobody answered."""
    return direction in CALLED_US


def callback_due(
    missed_at: str, talks: list[str], missed_on: date, last_conversation: date | None
) -> bool:
    """Whether a missed call (``missed_at``, a UTC instant, on the day ``missed_on``) still
    wants a call-back: not when a call with that person came after it (``talks``: their
    answered calls' instants), nor any conversation logged on a later day (``log`` keeps a
    day, not a moment)."""
    if last_conversation is not None and last_conversation > missed_on:
        return False
    return not any(at > missed_at for at in talks)
