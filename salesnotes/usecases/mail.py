"""The mailbox into the book (issue 26): a mail from or to a contact is a conversation with
each contact it was with, at its moment, with its subject and the first lines of its new
text; it counts as contact on a quote it names, is noted on an open complaint, and a reply
that reads as accepting a quote puts the question on the agenda (a person decides). Each
mail once, by its key, whichever way it came (Maildir, mbox, .eml, IMAP)."""

from __future__ import annotations

from datetime import datetime

from salesnotes.i18n import _
from salesnotes.results import MailImported

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable
    from datetime import date

    from salesnotes.config import Config
    from salesnotes.formats.mail import Mail
    from salesnotes.imported import Unreadable
    from salesnotes.store.interface import Store


class Tally:
    """What an import counts as it goes (a sync adds its folders' to one)."""

    def __init__(self) -> None:
        self.logged = self.conversations = self.quotes = 0
        self.known = self.machine = self.strangers = 0
        self.questions: list[tuple[str, int, str]] = []
        self.complaints: list[tuple[str, int]] = []
        self.unreadable: list[Unreadable] = []
        self.folders: list[tuple[str, int]] = []
        self.seen: list[tuple[str, str, str, str]] = []  # strangers' (address, key, name, at)

    def result(self) -> MailImported:
        return MailImported(
            self.logged, self.conversations, self.quotes, self.questions, self.complaints,
            self.known, self.machine, self.strangers, self.unreadable, self.folders,
        )  # fmt: skip


def import_mail(
    store: Store, mails: Iterable[Mail | Unreadable], *, me: frozenset[str], keep: str,
    now: str, tally: Tally | None = None,
) -> Tally:  # fmt: skip
    """Log every mail that is a contact's and not logged yet (see the module); remember who
    wrote the ones that are nobody's (never added as contacts), and leave out lists,
    auto-replies and bounces."""
    from salesnotes.imported import Unreadable

    tally = tally or Tally()
    whose: dict[str, int | None] = {}
    store.contacts.learn_later()  # each contact's rhythm once, with every mail in
    for mail in mails:
        if isinstance(mail, Unreadable):
            tally.unreadable.append(mail)
            continue
        log_one(store, mail, me=me, keep=keep, now=now, tally=tally, whose=whose)
    store.contacts.learn_now()
    return tally


def log_one(
    store: Store, mail: Mail, *, me: frozenset[str], keep: str, now: str, tally: Tally,
    whose: dict[str, int | None],
) -> None:  # fmt: skip
    """One mail into the book (see ``import_mail``)."""
    from salesnotes.usecases.calls import instant

    if mail.machine:
        tally.machine += 1
        return
    if store.mails.known(mail.key):
        tally.known += 1
        return

    def contact_of(address: str) -> int | None:
        if address not in whose:
            found = store.contacts.with_email(address, active_only=True)
            whose[address] = found[0] if found else store.orgs.spoken_to_last("email", address)
        return whose[address]

    sender = mail.sender[0]
    from_contact = contact_of(sender) if sender and sender not in me else None
    contacts: list[int] = []
    for address, __ in (mail.sender, *mail.to):
        found = contact_of(address) if address and address not in me else None
        if found is not None and found not in contacts:
            contacts.append(found)
    # Without [mail] me: a mail from a contact was received, one to a contact sent.
    outbound = sender in me if me else from_contact is None and bool(contacts)
    moment = mail.at or datetime.fromisoformat(now.replace("Z", "+00:00"))
    at = instant(moment)
    if not outbound and from_contact is None and sender and sender not in me:
        tally.seen.append((sender, mail.key, mail.sender[1], at))
    if not contacts:
        tally.strangers += 1
        return
    text = mail_text(mail, keep, outbound)
    day = moment.astimezone().date()
    tally.logged += 1
    for contact_id in contacts:
        replied = not outbound and contact_id == from_contact
        _log_with(store, mail, contact_id, text, day=day, at=at, now=now, tally=tally,
                  outbound=outbound, replied=replied)  # fmt: skip


def _log_with(
    store: Store, mail: Mail, contact_id: int, text: str, *, day: date, at: str, now: str,
    tally: Tally, outbound: bool, replied: bool,
) -> None:  # fmt: skip
    from salesnotes.domain import mail as rules
    from salesnotes.usecases.followups import note_conversation

    quote_id = _named_quote(store, mail, contact_id)
    interaction = note_conversation(
        store, contact_id, text, kind="email", on=day, now=now, quote_id=quote_id
    )
    tally.conversations += 1
    tally.quotes += quote_id is not None
    followup_id = complaint_id = None
    if replied:
        complaint_id = store.mails.open_complaint(contact_id, at)
        words = rules.accepting_words(mail.text) if quote_id is not None else ""
        name = store.contacts.get(contact_id).name
        if complaint_id is not None:
            tally.complaints.append((name, complaint_id))
        if words and quote_id is not None:
            followup_id = store.followups.add(
                contact_id, day,
                _("{name} replied to quote #{quote}: '{words}'; won?").format(
                    name=name, quote=quote_id, words=words
                ),
                reason="quote", priority="high", today=day, now=now,
                source_interaction_id=interaction.id, quote_id=quote_id, owner=store.user,
            ).id  # fmt: skip
            tally.questions.append((name, quote_id, words))
    store.mails.add(
        mail.key, store.user, at, "out" if outbound else "in",
        contact_id, interaction.id, followup_id=followup_id, complaint_id=complaint_id,
    )  # fmt: skip


def _named_quote(store: Store, mail: Mail, contact_id: int) -> int | None:
    """The contact's quote a mail names: by its number ('offerte #12'), else by its title."""
    from salesnotes.domain import mail as rules

    for number in rules.quote_numbers(mail.subject, mail.text):
        found = store.mails.quote_of(number, contact_id)
        if found is not None:
            return found
    for quote_id, title in store.mails.open_quotes(contact_id):
        if rules.names_title(mail.subject, mail.text, title):
            return quote_id
    return None


def mail_text(mail: Mail, keep: str, outbound: bool) -> str:
    """What a mail's conversation says: received or sent, its subject, the first lines of
    its new text (``keep`` 'first-lines'), its attachments' names."""
    from salesnotes.domain import mail as rules

    subject = mail.subject or _("(no subject)")
    head = (_("Sent: ") if outbound else _("Received: ")) + subject
    if keep == "subject":
        return head
    parts = [head]
    lines = rules.first_lines(mail.text)
    if lines:
        parts.append(lines)
    if mail.attachments:
        parts.append(_("Attachments: {names}").format(names=", ".join(mail.attachments)))
    return "\n".join(parts)


def remember_strangers(store: Store, tally: Tally) -> None:
    """Keep who wrote the mails that were nobody's, but not a person erased with 'forget'
    (their addresses' fingerprints are kept for this)."""
    addresses = sorted({seen[0] for seen in tally.seen})
    erased = store.privacy.erased([f"mail:{a}" for a in addresses]) if addresses else set()
    for address, key, name, at in tally.seen:
        if f"mail:{address}" not in erased:
            store.mails.stranger(key, address, name, at, store.user)


def settings(config: Config) -> tuple[frozenset[str], str]:
    """The user's own addresses (``[mail] me``) and what a mail's conversation keeps."""
    me = frozenset(
        a.strip().lower()
        for a in config.get_str("mail.me").replace(";", ",").split(",")
        if a.strip()
    )
    return me, config.get_str("mail.keep")


def sync_mail(store: Store, config: Config, *, now: str, ask: bool) -> Tally:
    """Read what is new in the IMAP folders of ``[mail]`` since the last sync (per folder:
    its UIDVALIDITY and the last UID read), log it as ``import_mail`` does, and remember
    where each folder stopped: all in the caller's transaction, so a server that goes away
    half-way leaves nothing half-written, and the next sync reads the same mails again."""
    from urllib.parse import urlsplit

    from salesnotes.adapters.imap import Mailbox
    from salesnotes.errors import ConfigError
    from salesnotes.formats.mail import HEAD_BYTES, read
    from salesnotes.imported import Unreadable
    from salesnotes.secrets import password

    server, user = config.get_str("mail.server"), config.get_str("mail.user")
    if not server or not user:
        raise ConfigError(
            _("'mail sync' reads your IMAP server: put server = \"imaps://mail.example.nl\" "
              "and user in [mail] of the configuration (salesnotes config --path)")
        )  # fmt: skip
    host = urlsplit(server).hostname or server
    secret = password(
        config.get_str("mail.password_command"), host, user, ask=ask,
        variable="SALESNOTES_MAIL_PASSWORD", section="mail",
    )  # fmt: skip
    me, keep = settings(config)
    tally = Tally()
    box = Mailbox(server, user, secret, config.get_str("mail.ca_file"))
    store.contacts.learn_later()
    try:
        for folder in [f.strip() for f in config.get_str("mail.folders").split(",") if f.strip()]:
            place = f"{server.rstrip('/')}/{folder}"
            validity, uids = box.folder(folder)
            was, last = store.mails.place(store.user, place)
            if validity != was:
                last = 0  # the UIDs name other messages now: read it all (the keys dedupe)
            new = [uid for uid in uids if uid > last]
            whose: dict[str, int | None] = {}
            for uid, data in box.heads(new, HEAD_BYTES):
                found = read(data, f"{folder} UID {uid}")
                if isinstance(found, Unreadable):
                    tally.unreadable.append(found)
                else:
                    log_one(store, found, me=me, keep=keep, now=now, tally=tally, whose=whose)
            store.mails.read_to(store.user, place, validity, max([last, *uids]))
            tally.folders.append((folder, len(new)))
    finally:
        box.close()
    store.contacts.learn_now()
    remember_strangers(store, tally)
    return tally
