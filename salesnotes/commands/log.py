"""``log``: record a conversation, and set the next contact moment in the same breath."""

from __future__ import annotations

from salesnotes.commands import contact_named, require_active

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def log(
    env: Env,
    *,
    who: str,
    text: str,
    kind: str,
    on: str | None,
    next_when: str | None,
    about: str | None,
    reason: str,
) -> None:
    """Record a conversation with a contact; ``next_when`` schedules the follow-up too."""
    from salesnotes import render
    from salesnotes.days import describe
    from salesnotes.errors import BadInput

    today = env.today()
    happened = today
    due = None
    if on is not None or next_when is not None:
        from salesnotes.dates import parse_when

        if on is not None:
            happened = parse_when(on, today, past=True)
            if happened > today:
                raise BadInput(
                    f"'{on}' is {describe(happened)}, in the future; log what happened, "
                    "and use --next for what is planned"
                )
        if next_when is not None:
            due = parse_when(next_when, today)
    if due is None and about is not None:
        raise BadInput("--about describes the follow-up; give --next WHEN with it")
    store = env.store()
    with store.write():
        contact = contact_named(env, store, who)
        if due is not None or kind == "complaint":
            require_active(contact, "a complaint" if kind == "complaint" else "the follow-up")
        interaction = store.interactions.add(
            contact.id, text, kind=kind, on=happened, now=env.now()
        )
        followup = complaint = None
        if interaction.kind == "complaint":  # as 'salesnotes complaint' does: one to answer
            from salesnotes.commands.complaints import open_complaint

            complaint = open_complaint(env, store, interaction)
        if due is not None:
            followup = store.followups.add(
                contact.id,
                due,
                about if about is not None else f"after {interaction.kind}: {interaction.text}",
                reason=reason,
                today=today,
                now=env.now(),
                source_interaction_id=interaction.id,
            )
    render.echo(
        f"Logged {interaction.kind} #{interaction.id} with {contact.label} "
        f"on {describe(interaction.happened_on)}"
    )
    if complaint is not None:
        from salesnotes.commands.complaints import opened

        opened(env, contact, complaint)
    if followup is not None:
        render.echo(f"Follow-up #{followup.id} on {describe(followup.due_on)}: {followup.text}")
