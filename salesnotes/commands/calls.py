"""``calls``: the phone's conversations that have no note yet; ``calls import``: a phone's
call log into the book; ``calls note``: what was said, and the next step."""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def calls(env: Env, *, since: str | None, fmt: str, everyone: bool) -> None:
    """The answered calls since ``since`` (default: yesterday) that have no note yet."""
    from salesnotes.domain.plans import day_it_happened
    from salesnotes.render.calls import calls as said
    from salesnotes.usecases.calls import since_day

    today = env.today()
    day = day_it_happened(since, today) if since else None
    store = env.store()
    with store.read():
        found = store.calls.unnoted(None if everyone else store.user, since_day(day, today))
    said(found, fmt)


def calls_import(
    env: Env, *, path: str, dry_run: bool, skip_bad: bool, mapping: list[str] | None
) -> None:
    """A phone's call log (Android backup XML, or CSV) into the book: all or nothing."""
    from salesnotes.commands.files import bad_rows, mapping_of
    from salesnotes.formats import call_log
    from salesnotes.formats import decoding as files
    from salesnotes.render.calls import imported
    from salesnotes.usecases.calls import import_calls, readable

    name = os.path.basename(path) or path
    content, _encoding = files.read(path)
    good, bad = readable(call_log.read(content, name, mapping_of(mapping or [])))
    if bad and not skip_bad:
        raise bad_rows(name, bad)
    store = env.store()
    with store.write():
        result = import_calls(
            store, good, region=env.config().get_str("phone.region"), now=env.now(), bad=len(bad)
        )
        if dry_run:
            store.rollback()
    imported(result, name, dry_run=dry_run)


def calls_note(
    env: Env,
    *,
    call_id: str,
    text: str,
    next_when: str | None,
    about: str | None,
    explain: bool = False,
) -> None:
    """What was said in a call from the phone's log, and the next step, in one command
    (without one: when the next contact would be by their rhythm)."""
    from salesnotes.commands import plan, propose, spread
    from salesnotes.domain.fields import record_id
    from salesnotes.i18n import N_
    from salesnotes.render.calls import noted
    from salesnotes.usecases.calls import note_call

    cid = record_id(call_id, N_("call"), N_("'salesnotes calls' lists them"))
    today = env.today()
    store = env.store()
    with store.write():
        calendar = planned = None
        if next_when is not None:
            calendar = env.calendar(store)
            planned = spread(env, store, plan(env, next_when, today, calendar), None, today,
                             calendar)  # fmt: skip
        done = note_call(store, cid, text, today=today, now=env.now(), planned=planned, about=about)
        proposal = None
        if planned is None and env.config().get_bool("rhythm.learn"):
            calendar = env.calendar(store)
            proposal = propose(env, store, done.call.contact_id, today, calendar)
    noted(done, planned, today, calendar)
    if proposal is not None:
        from salesnotes.render.cadence import proposed

        proposed(proposal, today, calendar, explain)
