"""``mail import``: a Maildir, an mbox file or .eml files into the book; ``mail sync``: what is
new in the IMAP folders of [mail]; ``mail unknown``: who wrote that is nobody's yet."""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.env import Env


def mail_import(env: Env, *, path: str, dry_run: bool) -> None:
    """Every mail at ``path`` from or to a contact, logged with them (each mail once)."""
    import os

    from salesnotes.formats.mail import messages
    from salesnotes.render.mail import imported
    from salesnotes.usecases.mail import import_mail, remember_strangers, settings

    me, keep = settings(env.config())
    found = messages(os.path.expanduser(path))
    store = env.store()
    with store.write():
        tally = import_mail(store, found, me=me, keep=keep, now=env.now())
        remember_strangers(store, tally)
        if dry_run:
            store.rollback()
    imported(tally.result(), os.path.basename(path.rstrip("/")) or path, dry_run=dry_run)


def mail_sync(env: Env, *, dry_run: bool, quiet: bool) -> None:
    """What is new in the IMAP folders of [mail], logged as ``mail import`` does."""
    import sys

    from salesnotes.render.mail import imported
    from salesnotes.usecases.mail import sync_mail

    store = env.store()
    with store.write():
        tally = sync_mail(store, env.config(), now=env.now(), ask=sys.stdin.isatty() and not quiet)
        if dry_run:
            store.rollback()
    imported(tally.result(), env.config().get_str("mail.server"), dry_run=dry_run, quiet=quiet)


def mail_unknown(env: Env, *, limit: int, fmt: str) -> None:
    """The addresses that wrote most and are nobody's in the book, with the command that
    adds one."""
    from salesnotes.render.mail import strangers

    store = env.store()
    with store.read():
        found = store.mails.strangers(limit or 1_000_000)
    strangers(found, fmt)
