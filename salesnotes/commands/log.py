"""``log``: record a conversation, and set the next contact moment in the same breath."""

from __future__ import annotations

from salesnotes.commands import contact_named, next_doer, plan, propose, spread
from salesnotes.i18n import _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def log(
    env: Env,
    *,
    who: str,
    text: str | None,
    kind: str,
    on: str | None,
    next_when: str | None,
    about: str | None,
    reason: str,
    for_owner: str | None = None,
    explain: bool = False,
) -> None:
    """Record a conversation with a contact; ``next_when`` schedules the follow-up too (for
    the user, who held it; ``for_owner``: for a colleague); without it, says when the next
    contact would be by their rhythm (``explain``: with the numbers behind it)."""
    from salesnotes.domain.plans import day_it_happened
    from salesnotes.errors import BadInput
    from salesnotes.render.followups import logged as said
    from salesnotes.usecases.followups import log_conversation

    if next_when is None and about is not None:
        raise BadInput(_("--about describes the follow-up; give --next WHEN with it"))
    doer = next_doer(next_when, for_owner)
    if text is None or text == "-":
        text = _text_from_elsewhere(text)
    today = env.today()
    happened = today if on is None else day_it_happened(on, today)
    store = env.store()
    with store.write():
        calendar = planned = None
        if next_when is not None:  # the calendar is read only for a day to plan
            calendar = env.calendar(store)
            planned = plan(env, next_when, today, calendar)
        contact = contact_named(env, store, who)
        if planned is not None and calendar is not None:
            planned = spread(env, store, planned, doer, today, calendar)
        logged = log_conversation(
            store, contact, text, kind=kind, on=happened, today=today, now=env.now(),
            planned=planned, about=about, reason=reason, owner=doer,
        )  # fmt: skip
        proposal = None
        if planned is None and env.config().get_bool("rhythm.learn"):
            calendar = env.calendar(store)
            proposal = propose(env, store, contact.id, today, calendar)
    hours = env.config().get_int("complaints.response_hours")
    said(logged, contact, planned, today, calendar, hours=hours, moment=env.moment(), doer=doer)
    if proposal is not None:
        from salesnotes.render.cadence import proposed

        proposed(proposal, today, calendar, explain)


def _text_from_elsewhere(text: str | None) -> str:
    """'-': standard input. None: on a terminal, what is written in $VISUAL or $EDITOR (for
    notes longer than a line); from a pipe, standard input."""
    import os
    import sys

    from salesnotes.errors import BadInput

    if text == "-" or not sys.stdin.isatty():
        found = _standard_input()
    else:
        found = _edited(os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi")
    if not found.strip():
        raise BadInput(_("nothing to log: the text is empty"))
    from salesnotes.domain.fields import too_long

    problem = too_long("text", found.strip())
    if problem:
        raise BadInput(_("{problem}; shorten it").format(problem=problem))
    return found.strip()


def _standard_input() -> str:
    """Standard input as UTF-8 text, read no further than a text salesnotes keeps could be;
    BadInput for bytes that are not UTF-8 (they are not the book's fault)."""
    import sys

    from salesnotes.domain.fields import LONGEST_TEXT
    from salesnotes.errors import BadInput

    data = sys.stdin.buffer.read(4 * LONGEST_TEXT + 1)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        if len(data) > 4 * LONGEST_TEXT and exc.start >= len(data) - 3:
            return data[: exc.start].decode("utf-8")  # a character cut by the limit; too long
        raise BadInput(
            _(
                "standard input is not UTF-8 text (byte {byte} at {start}); convert it first, "
                "for example with iconv -f WINDOWS-1252 -t UTF-8"
            ).format(byte=f"0x{data[exc.start]:02x}", start=exc.start)
        ) from None


def _edited(editor: str) -> str:
    import shlex
    import subprocess
    import tempfile

    from salesnotes.errors import BadInput
    from salesnotes.temporary import temporary

    with temporary(tempfile.gettempdir(), "note", ".txt") as path:  # 0600: a customer's words
        try:
            done = subprocess.run([*shlex.split(editor), path], check=False)  # noqa: S603  the user's own editor
        except (FileNotFoundError, ValueError):
            raise BadInput(
                _("the editor '{editor}' was not found; set $EDITOR, or give the text").format(
                    editor=editor
                )
            ) from None
        if done.returncode != 0:
            raise BadInput(
                _("the editor '{editor}' stopped with exit {returncode}: nothing logged").format(
                    editor=editor, returncode=done.returncode
                )
            )
        with open(path, encoding="utf-8", errors="replace") as written:
            return written.read()
