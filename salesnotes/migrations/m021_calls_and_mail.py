"""What the phone's call log and the mailbox add to the book (issue 26: capture).

``calls``: one row per call of a known contact's number that an import read, whoever's phone
it was on (``owner``): its number as compared (E.164), its moment (``at``, a UTC instant),
``direction`` (in, out, missed, voicemail, rejected) and length. A call is its owner, number,
moment and direction (UNIQUE): the same or an overlapping export imported again adds nothing.
An answered call is a conversation (``interaction_id``); ``noted_at`` is when what was said
was added (``calls note``); a missed one points at the call-back it asked for
(``followup_id``).

``mails``: one row per mail and contact it was with (a mail to three customers is three
rows), by the mail's ``key`` (its Message-ID, or a hash of its headers): Maildir, mbox and
IMAP of the same mail, and any re-run, add nothing. The conversation it is
(``interaction_id``), the question it raised (``followup_id``: a reply that reads as
accepting a quote), the open complaint it was noted on (``complaint_id``).

``mail_strangers``: the addresses of mails that matched nobody, per mail (so ``mail unknown``
counts each mail once), to list the most frequent with the command that adds one.

``organisations_email``: a mail to an organisation's own address finds it by an index.

``sync_mail_places``: per person and IMAP folder, its UIDVALIDITY and the last UID read, so a
``mail sync`` from cron reads only what is new (the server's state, not book data: a copy of
the book reads its folders anew and the keys keep it from doubling).

References are nullable where the row outlives what it points at: ``delete`` of a
conversation or a follow-up leaves the call or mail known (so it is not imported again).
"""

from __future__ import annotations

from salesnotes.migrations.parts import ID, REF, create_undo_triggers, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(
        db,
        """
        CREATE TABLE calls (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            owner TEXT NOT NULL,
            number TEXT NOT NULL,
            at TEXT NOT NULL,
            direction TEXT NOT NULL,
            seconds INTEGER NOT NULL DEFAULT 0,
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            interaction_id INTEGER REFERENCES interactions(id),
            followup_id INTEGER REFERENCES followups(id),
            noted_at TEXT,
            UNIQUE (owner, number, at, direction)
        );
        CREATE INDEX calls_contact ON calls(contact_id, at);
        CREATE INDEX calls_unnoted ON calls(owner, at)
            WHERE interaction_id IS NOT NULL AND noted_at IS NULL;
        CREATE TABLE mails (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL,
            owner TEXT NOT NULL,
            at TEXT NOT NULL,
            direction TEXT NOT NULL,
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            interaction_id INTEGER REFERENCES interactions(id),
            followup_id INTEGER REFERENCES followups(id),
            complaint_id INTEGER REFERENCES followups(id),
            UNIQUE (key, contact_id)
        );
        CREATE INDEX mails_contact ON mails(contact_id, at);
        CREATE TABLE mail_strangers (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            key TEXT NOT NULL,
            address TEXT NOT NULL,
            name TEXT NOT NULL DEFAULT '',
            at TEXT NOT NULL,
            owner TEXT NOT NULL,
            UNIQUE (key, address)
        );
        CREATE INDEX mail_strangers_address ON mail_strangers(address);
        CREATE INDEX organisations_email ON organisations(email) WHERE email <> '';
        CREATE TABLE sync_mail_places (
            person TEXT NOT NULL,
            place TEXT NOT NULL,
            validity TEXT NOT NULL,
            last_uid INTEGER NOT NULL DEFAULT 0,
            PRIMARY KEY (person, place)
        );
        """,
    )
    create_undo_triggers(db.conn)


POSTGRES = f"""
        CREATE TABLE calls (
            id {ID},
            owner TEXT COLLATE "C" NOT NULL,
            number TEXT COLLATE "C" NOT NULL,
            at TEXT COLLATE "C" NOT NULL,
            direction TEXT COLLATE "C" NOT NULL,
            seconds INTEGER NOT NULL DEFAULT 0,
            contact_id BIGINT NOT NULL REFERENCES contacts(id) {REF},
            interaction_id BIGINT REFERENCES interactions(id) {REF},
            followup_id BIGINT REFERENCES followups(id) {REF},
            noted_at TEXT COLLATE "C",
            UNIQUE (owner, number, at, direction)
        );
        CREATE INDEX calls_contact ON calls(contact_id, at);
        CREATE INDEX calls_unnoted ON calls(owner, at)
            WHERE interaction_id IS NOT NULL AND noted_at IS NULL;
        CREATE TABLE mails (
            id {ID},
            key TEXT COLLATE "C" NOT NULL,
            owner TEXT COLLATE "C" NOT NULL,
            at TEXT COLLATE "C" NOT NULL,
            direction TEXT COLLATE "C" NOT NULL,
            contact_id BIGINT NOT NULL REFERENCES contacts(id) {REF},
            interaction_id BIGINT REFERENCES interactions(id) {REF},
            followup_id BIGINT REFERENCES followups(id) {REF},
            complaint_id BIGINT REFERENCES followups(id) {REF},
            UNIQUE (key, contact_id)
        );
        CREATE INDEX mails_contact ON mails(contact_id, at);
        CREATE TABLE mail_strangers (
            id {ID},
            key TEXT COLLATE "C" NOT NULL,
            address TEXT COLLATE "C" NOT NULL,
            name TEXT COLLATE "C" NOT NULL DEFAULT '',
            at TEXT COLLATE "C" NOT NULL,
            owner TEXT COLLATE "C" NOT NULL,
            UNIQUE (key, address)
        );
        CREATE INDEX mail_strangers_address ON mail_strangers(address);
        CREATE INDEX organisations_email ON organisations(email) WHERE email <> '';
        CREATE TABLE sync_mail_places (
            person TEXT COLLATE "C" NOT NULL,
            place TEXT COLLATE "C" NOT NULL,
            validity TEXT COLLATE "C" NOT NULL,
            last_uid BIGINT NOT NULL DEFAULT 0,
            PRIMARY KEY (person, place)
        );
    """
"""PostgreSQL's step (see ``parts``: ids, references and text columns there)."""

JOURNALED_ON_POSTGRES = ("calls", "mails", "mail_strangers")
"""The journaled tables this step makes: on PostgreSQL they get the journal's trigger here."""
