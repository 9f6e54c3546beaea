"""Taking back what was typed: ``log edit``, ``delete followup|interaction|quote``."""

from __future__ import annotations

from salesnotes.commands import CONVERSATION_IDS, FOLLOWUP_IDS, QUOTE_IDS
from salesnotes.domain.fields import record_id
from salesnotes.i18n import N_, _, term

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env

WHAT = {"followup": N_("follow-up"), "interaction": N_("interaction"), "quote": N_("quote")}


def log_edit(
    env: Env, *, interaction_id: str, text: str | None, kind: str | None, on: str | None
) -> None:
    """Correct a logged conversation: its text, kind or day."""
    from salesnotes import render
    from salesnotes.domain.days import describe
    from salesnotes.domain.fields import canonical
    from salesnotes.errors import BadInput
    from salesnotes.models import INTERACTION_KINDS

    kind = canonical(kind, INTERACTION_KINDS) if kind is not None else None
    iid = record_id(interaction_id, N_("conversation"), CONVERSATION_IDS)
    if text is None and kind is None and on is None:
        raise BadInput(_("nothing to change; give --text, --kind or --on"))
    today = env.today()
    happened = None
    if on is not None:
        from salesnotes.domain.plans import day_it_happened

        happened = day_it_happened(on, today, hint="")
    store = env.store()
    with store.write():
        before = store.interactions.get(iid)
        if kind == "complaint" or before.kind == "complaint" and kind not in (None, "complaint"):
            raise BadInput(
                _(
                    "a complaint is opened with 'salesnotes complaint' and closed with 'resolve';"
                    " its kind cannot be edited"
                )
            )
        after = store.interactions.edit(iid, text=text, kind=kind, on=happened)
    render.echo(
        _("Edited {kind} #{id} with {contact_name} on {happened_on}: {text}").format(
            kind=term(after.kind),
            id=after.id,
            contact_name=after.contact_name,
            happened_on=describe(after.happened_on),
            text=after.text,
        )
    )


def delete(env: Env, *, what: str, record: str, yes: bool) -> None:
    """Delete a follow-up, a logged conversation or a draft quote, after asking."""
    from salesnotes import render
    from salesnotes.commands.files import confirm
    from salesnotes.domain.days import describe
    from salesnotes.errors import BadInput

    what = {"follow-up": "followup", "conversation": "interaction"}.get(what, what)
    if what not in ("followup", "interaction", "quote"):
        raise BadInput(
            _("'{what}' is not something to delete; say followup, interaction or quote").format(
                what=what
            )
        )
    hint = {"followup": FOLLOWUP_IDS, "interaction": CONVERSATION_IDS, "quote": QUOTE_IDS}[what]
    number = record_id(record, WHAT[what], hint)
    store = env.store()
    with store.read():  # ask outside the write: a question must not hold the book's lock
        if what == "followup":
            f = store.followups.get(number)
            words = _("follow-up #{id} with {contact_name} ({due_on}: {text})").format(
                id=f.id, contact_name=f.contact_name, due_on=describe(f.due_on), text=f.text
            )
        elif what == "interaction":
            i = store.interactions.get(number)
            words = _("{kind} #{id} with {contact_name} ({happened_on}: {text})").format(
                kind=term(i.kind),
                id=i.id,
                contact_name=i.contact_name,
                happened_on=describe(i.happened_on),
                text=i.text,
            )
        else:
            q = store.quotes.get(number)
            words = _("quote #{id} for {contact_name} ({title})").format(
                id=q.id, contact_name=q.contact_name, title=q.title
            )
            if q.status != "draft" or q.sent_on is not None:
                store.quotes.delete_draft(number)  # refused: says why, and what to do instead
    confirm(
        _("Delete {words}?").format(words=words),
        yes,
        "delete",
        _("asks first ('salesnotes undo' takes it back)"),
    )
    with store.write():
        if what == "followup":
            store.followups.delete(number)
        elif what == "interaction":
            store.interactions.delete(number)
        else:
            store.quotes.delete_draft(number)
    render.echo(_("Deleted {words}").format(words=words))
