"""Taking back what was typed: ``log edit``, ``delete followup|interaction|quote``."""

from __future__ import annotations

from salesnotes.commands import CONVERSATION_IDS, FOLLOWUP_IDS, QUOTE_IDS
from salesnotes.domain.fields import record_id
from salesnotes.i18n import N_, _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env

WHAT = {"followup": N_("follow-up"), "interaction": N_("interaction"), "quote": N_("quote")}


def log_edit(
    env: Env, *, interaction_id: str, text: str | None, kind: str | None, on: str | None
) -> None:
    """Correct a logged conversation: its text, kind or day."""
    from salesnotes.domain.plans import day_it_happened
    from salesnotes.errors import BadInput
    from salesnotes.render.corrections import edited
    from salesnotes.usecases.corrections import correct_conversation

    iid = record_id(interaction_id, N_("conversation"), CONVERSATION_IDS)
    if text is None and kind is None and on is None:
        raise BadInput(_("nothing to change; give --text, --kind or --on"))
    happened = day_it_happened(on, env.today(), hint="") if on is not None else None
    store = env.store()
    with store.write():
        after = correct_conversation(store, iid, text=text, kind=kind, on=happened)
    edited(after)


def delete(env: Env, *, what: str, record: str, yes: bool) -> None:
    """Delete a follow-up, a logged conversation or a draft quote, after asking."""
    from salesnotes import render
    from salesnotes.commands.files import confirm
    from salesnotes.errors import BadInput
    from salesnotes.render.corrections import record_words
    from salesnotes.usecases.corrections import DELETABLE, delete_record, to_delete

    what = {"follow-up": "followup", "conversation": "interaction"}.get(what, what)
    if what not in DELETABLE:
        raise BadInput(
            _("'{what}' is not something to delete; say followup, interaction or quote").format(
                what=what
            )
        )
    hint = {"followup": FOLLOWUP_IDS, "interaction": CONVERSATION_IDS, "quote": QUOTE_IDS}[what]
    number = record_id(record, WHAT[what], hint)
    store = env.store()
    with store.read():  # ask outside the write: a question must not hold the book's lock
        words = record_words(what, to_delete(store, what, number))
    asked = _("asks first ('salesnotes undo' takes it back)")
    confirm(_("Delete {words}?").format(words=words), yes, "delete", asked)
    with store.write():
        delete_record(store, what, number)
    render.echo(_("Deleted {words}").format(words=words))
