"""Taking back what was typed: ``log edit``, ``delete followup|interaction|quote``."""

from __future__ import annotations

from salesnotes.commands.followups import ID_HINT, record_id

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env

INTERACTION_HINT = "'salesnotes show WHO' lists a contact's conversations with their ids"
QUOTE_HINT = "'salesnotes quotes --all' lists them with their ids"


def log_edit(
    env: Env, *, interaction_id: str, text: str | None, kind: str | None, on: str | None
) -> None:
    """Correct a logged conversation: its text, kind or day."""
    from salesnotes import render
    from salesnotes.days import describe
    from salesnotes.errors import BadInput
    from salesnotes.fields import canonical
    from salesnotes.models import INTERACTION_KINDS

    kind = canonical(kind, INTERACTION_KINDS) if kind is not None else None
    iid = record_id(interaction_id, "conversation", INTERACTION_HINT)
    if text is None and kind is None and on is None:
        raise BadInput("nothing to change; give --text, --kind or --on")
    today = env.today()
    happened = None
    if on is not None:
        from salesnotes.commands.log import day_it_happened

        happened = day_it_happened(on, today, hint="")
    store = env.store()
    with store.write():
        before = store.interactions.get(iid)
        if kind == "complaint" or before.kind == "complaint" and kind not in (None, "complaint"):
            raise BadInput(
                "a complaint is opened with 'salesnotes complaint' and closed with 'resolve';"
                " its kind cannot be edited"
            )
        after = store.interactions.edit(iid, text=text, kind=kind, on=happened)
    render.echo(
        f"Edited {after.kind} #{after.id} with {after.contact_name} "
        f"on {describe(after.happened_on)}: {after.text}"
    )


def delete(env: Env, *, what: str, record: str, yes: bool) -> None:
    """Delete a follow-up, a logged conversation or a draft quote, after asking."""
    from salesnotes import render
    from salesnotes.commands.safety import confirm
    from salesnotes.days import describe
    from salesnotes.errors import BadInput

    what = {"follow-up": "followup", "conversation": "interaction"}.get(what, what)
    if what not in ("followup", "interaction", "quote"):
        raise BadInput(f"'{what}' is not something to delete; say followup, interaction or quote")
    hint = {"followup": ID_HINT, "interaction": INTERACTION_HINT, "quote": QUOTE_HINT}[what]
    number = record_id(record, what.replace("followup", "follow-up"), hint)
    store = env.store()
    with store.read():  # ask outside the write: a question must not hold the book's lock
        if what == "followup":
            f = store.followups.get(number)
            words = f"follow-up #{f.id} with {f.contact_name} ({describe(f.due_on)}: {f.text})"
        elif what == "interaction":
            i = store.interactions.get(number)
            words = f"{i.kind} #{i.id} with {i.contact_name} ({describe(i.happened_on)}: {i.text})"
        else:
            q = store.quotes.get(number)
            words = f"quote #{q.id} for {q.contact_name} ({q.title})"
            if q.status != "draft" or q.sent_on is not None:
                store.quotes.delete_draft(number)  # refused: says why, and what to do instead
    confirm(f"Delete {words}?", yes, "delete", "asks first ('salesnotes undo' takes it back)")
    with store.write():
        if what == "followup":
            store.followups.delete(number)
        elif what == "interaction":
            store.interactions.delete(number)
        else:
            store.quotes.delete_draft(number)
    render.echo(f"Deleted {words}")
