"""The schema's history, append-only: never edit or rename a migration that has shipped.

Each migration is a plain function named ``mNNN_what`` taking a sqlite-utils ``Database``.
They are registered with sqlite-utils' ``Migrations`` only when something is pending
(``build()``), so that a command on an up-to-date database does not pay for importing
sqlite-utils: ``NAMES`` is all a start-up needs to know that nothing is to be done.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    import sqlite3
    from collections.abc import Callable

    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "salesnotes"
MIGRATIONS_TABLE = "_sqlite_migrations"


def m001_core(db: Database) -> None:
    """Contacts in organisations, what was said to them, and the follow-ups promised.

    Enumerations (status, kind, reason, priority) are checked in store.py rather than with
    CHECK constraints, so that a later issue can add a value without rebuilding a table.
    A short integer id is for typing; the uuid is for merges and imports across books.
    """
    _run(
        db,
        """
        CREATE TABLE organisations (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            name_key TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL
        );
        CREATE TABLE contacts (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL CHECK (name <> ''),
            name_key TEXT NOT NULL,
            organisation_id INTEGER REFERENCES organisations(id),
            status TEXT NOT NULL DEFAULT 'lead',
            note TEXT NOT NULL DEFAULT '',
            archived_at TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX contacts_name_key ON contacts(name_key);
        CREATE INDEX contacts_organisation ON contacts(organisation_id);
        CREATE TABLE contact_emails (
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            email TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (contact_id, email)
        );
        CREATE INDEX contact_emails_email ON contact_emails(email);
        CREATE TABLE contact_phones (
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            phone TEXT NOT NULL,
            position INTEGER NOT NULL,
            PRIMARY KEY (contact_id, phone)
        );
        CREATE TABLE contact_tags (
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            tag TEXT NOT NULL,
            PRIMARY KEY (contact_id, tag)
        );
        CREATE INDEX contact_tags_tag ON contact_tags(tag);
        CREATE TABLE interactions (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            kind TEXT NOT NULL,
            text TEXT NOT NULL,
            happened_on TEXT NOT NULL,
            logged_at TEXT NOT NULL
        );
        CREATE INDEX interactions_contact ON interactions(contact_id, happened_on);
        CREATE TABLE followups (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            due_on TEXT NOT NULL,
            text TEXT NOT NULL DEFAULT '',
            reason TEXT NOT NULL DEFAULT 'other',
            priority TEXT NOT NULL DEFAULT 'normal',
            status TEXT NOT NULL DEFAULT 'open',
            created_on TEXT NOT NULL,
            created_at TEXT NOT NULL,
            snoozed_from TEXT,
            done_on TEXT,
            done_at TEXT,
            done_note TEXT NOT NULL DEFAULT '',
            source_interaction_id INTEGER REFERENCES interactions(id),
            done_interaction_id INTEGER REFERENCES interactions(id)
        );
        -- The agenda reads open follow-ups due on or before a day: this index is that read.
        CREATE INDEX followups_open_due ON followups(due_on) WHERE status = 'open';
        CREATE INDEX followups_contact ON followups(contact_id, status);
        """,
    )


def m002_quotes(db: Database) -> None:
    """Quotes with their revision history; follow-ups can chase a quote.

    ``amount_cents`` is the latest revision's amount, kept on the quote so the tray and the
    pipeline need no join. ``last_activity_on`` is the last day anything happened with the quote
    or its contact (store.py keeps it current), so that "stale" is an indexed comparison.
    ``probability`` NULL means the default for the status (configuration).
    """
    _run(
        db,
        """
        CREATE TABLE quotes (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            title TEXT NOT NULL,
            amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
            currency TEXT NOT NULL DEFAULT 'EUR',
            status TEXT NOT NULL DEFAULT 'draft',
            quoted_on TEXT NOT NULL,
            valid_until TEXT,
            probability INTEGER CHECK (probability BETWEEN 0 AND 100),
            sent_on TEXT,
            closed_on TEXT,
            lost_reason TEXT NOT NULL DEFAULT '',
            last_activity_on TEXT NOT NULL,
            created_at TEXT NOT NULL,
            CHECK (valid_until IS NULL OR valid_until >= quoted_on)
        );
        CREATE INDEX quotes_contact ON quotes(contact_id);
        CREATE INDEX quotes_open_validity ON quotes(valid_until)
            WHERE status IN ('draft', 'sent', 'negotiating');
        CREATE INDEX quotes_open_activity ON quotes(status, last_activity_on)
            WHERE status IN ('draft', 'sent', 'negotiating');
        CREATE INDEX quotes_closed ON quotes(status, closed_on);
        CREATE TABLE quote_revisions (
            id INTEGER PRIMARY KEY,
            quote_id INTEGER NOT NULL REFERENCES quotes(id),
            number INTEGER NOT NULL,
            amount_cents INTEGER NOT NULL CHECK (amount_cents > 0),
            revised_on TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            UNIQUE (quote_id, number)
        );
        ALTER TABLE followups ADD COLUMN quote_id INTEGER REFERENCES quotes(id);
        CREATE INDEX followups_quote ON followups(quote_id) WHERE quote_id IS NOT NULL;
        """,
    )


def m003_rhythms_complaints_briefings(db: Database) -> None:
    """Keep-in-touch rhythms, birthdays and anniversaries, and the briefing's memory.

    ``every`` is a contact's own rhythm ('6w'; 'off'; NULL: the default for their status).
    ``last_touch_on`` is the keep-in-touch clock: the day of the last interaction or completed
    follow-up, else the day the contact was added; store.py keeps it current, so that "past
    their rhythm" is an indexed comparison. ``birthday`` is YYYY-MM-DD, or --MM-DD without a
    year (as vCard writes it). ``briefings`` remembers each briefing produced, so the next one
    can say what happened since. ``quotes.closed_at`` is the instant a quote was closed.
    """
    _run(
        db,
        """
        ALTER TABLE contacts ADD COLUMN every TEXT;
        ALTER TABLE contacts ADD COLUMN last_touch_on TEXT;
        ALTER TABLE contacts ADD COLUMN birthday TEXT;
        ALTER TABLE contacts ADD COLUMN customer_since TEXT;
        UPDATE contacts SET last_touch_on = max(
            substr(created_at, 1, 10),
            coalesce((SELECT max(happened_on) FROM interactions i
                      WHERE i.contact_id = contacts.id), ''),
            coalesce((SELECT max(done_on) FROM followups f
                      WHERE f.contact_id = contacts.id AND f.status = 'done'), '')
        );
        CREATE INDEX contacts_touch ON contacts(status, last_touch_on)
            WHERE archived_at IS NULL;
        ALTER TABLE quotes ADD COLUMN closed_at TEXT;
        UPDATE quotes SET closed_at = closed_on || 'T12:00:00Z' WHERE closed_on IS NOT NULL;
        CREATE TABLE briefings (
            id INTEGER PRIMARY KEY,
            produced_at TEXT NOT NULL,
            for_date TEXT NOT NULL,
            format TEXT NOT NULL,
            calls INTEGER NOT NULL
        );
        CREATE INDEX interactions_logged ON interactions(logged_at);
        CREATE INDEX followups_done_at ON followups(done_at) WHERE done_at IS NOT NULL;
        """,
    )


def m004_search_and_agenda_indexes(db: Database) -> None:
    """Full-text search over what was said (sqlite-utils' FTS5 index, kept current by
    triggers; accents folded, so "cafe" finds "café"), and the indexes that let the agenda
    read only the top of each source (sources.py): open follow-ups per reason and priority
    by due date, open quotes by amount, contacts with their own rhythm by last touch; and a
    covering index for finding contacts by a piece of their name."""
    db.table("interactions").enable_fts(
        ["text"], create_triggers=True, tokenize="unicode61 remove_diacritics 2"
    )
    _run(
        db,
        """
        CREATE INDEX contacts_every_touch ON contacts(every, last_touch_on)
            WHERE archived_at IS NULL AND every IS NOT NULL;
        CREATE INDEX followups_open_group ON followups(reason, priority, due_on)
            WHERE status = 'open';
        CREATE INDEX quotes_open_amount ON quotes(status, amount_cents)
            WHERE status IN ('draft', 'sent', 'negotiating');
        CREATE INDEX quotes_open_expiry ON quotes(valid_until, amount_cents)
            WHERE status IN ('draft', 'sent', 'negotiating');
        -- Finding a name is a scan of this small index, not of the contacts table.
        CREATE INDEX contacts_search ON contacts(name_key, archived_at, organisation_id);
        """,
    )


def m005_briefing_indexes(db: Database) -> None:
    """Indexes that let the morning briefing read only what it prints, and count the rest
    from indexes alone, on a large book: the coming week's birthdays and customer
    anniversaries by their day of the year (indexes on ``substr(..., -5)``, the 'MM-DD' of
    'YYYY-MM-DD' and '--MM-DD'); quotes closed since the previous briefing; who is archived
    (few, so "not archived" is checked without reading contacts); and covering versions of
    the indexes on open follow-ups by due date, on contacts' keep-in-touch clocks, on open
    quotes by last activity (stale quotes counted) and on open quotes (the pipeline's
    figures in one pass over the index). SQLite still checks a
    partial index's condition against the row unless its column is in the index, hence
    ``status`` and ``archived_at`` among the columns."""
    _run(
        db,
        """
        CREATE INDEX contacts_birthday_day ON contacts(substr(birthday, -5))
            WHERE archived_at IS NULL AND birthday IS NOT NULL;
        CREATE INDEX contacts_since_day ON contacts(substr(customer_since, -5))
            WHERE archived_at IS NULL AND customer_since IS NOT NULL;
        CREATE INDEX quotes_closed_at ON quotes(closed_at) WHERE closed_at IS NOT NULL;
        CREATE INDEX contacts_archived ON contacts(archived_at) WHERE archived_at IS NOT NULL;
        DROP INDEX followups_open_due;
        CREATE INDEX followups_open_due ON followups(due_on, contact_id, status)
            WHERE status = 'open';
        DROP INDEX contacts_touch;
        CREATE INDEX contacts_touch ON contacts(status, every, last_touch_on, archived_at)
            WHERE archived_at IS NULL;
        DROP INDEX quotes_open_activity;
        CREATE INDEX quotes_open_activity
            ON quotes(status, last_activity_on, valid_until, contact_id)
            WHERE status IN ('draft', 'sent', 'negotiating');
        CREATE INDEX quotes_open_figures ON quotes(
            status, currency, valid_until, amount_cents, probability, contact_id, last_activity_on
        ) WHERE status IN ('draft', 'sent', 'negotiating');
        """,
    )


def m006_phones_merges_and_finding_people(db: Database) -> None:
    """Find anyone from a fragment or a missed call, and merge duplicates.

    ``contact_phones.e164`` is the number normalised to E.164 ('+31612345678'; with an
    extension '+31384217788;ext=12'), NULL when it could not be read as a valid number (it is
    kept as typed); ``mobile`` says whether it is a mobile number (a shared switchboard number
    does not make two people one). Existing books are normalised here with the configured
    region (``phone.region``, default NL). ``contacts.merged_into`` points from a merged
    contact to the one it was merged into. ``contacts_fts`` indexes each contact's name,
    organisation, e-mail addresses and tags for search (kept current by the store, which
    writes every change to those), accents folded, word prefixes.
    """
    from salesnotes.config import load
    from salesnotes.fields import read_phone

    _run(
        db,
        """
        ALTER TABLE contact_phones ADD COLUMN e164 TEXT;
        ALTER TABLE contact_phones ADD COLUMN mobile INTEGER NOT NULL DEFAULT 0;
        ALTER TABLE contacts ADD COLUMN merged_into INTEGER REFERENCES contacts(id);
        CREATE VIRTUAL TABLE contacts_fts USING fts5(
            name, organisation, emails, tags, tokenize = 'unicode61 remove_diacritics 2'
        );
        """,
    )
    region = load().get_str("phone.region")
    rows = list(db.execute("SELECT rowid, phone FROM contact_phones").fetchall())
    for rowid, phone in rows:
        number = read_phone(phone, region)
        db.execute(
            "UPDATE contact_phones SET e164 = ?, mobile = ? WHERE rowid = ?",
            [number.e164, int(number.mobile), rowid],
        )
    _run(
        db,
        """
        CREATE INDEX contact_phones_e164 ON contact_phones(e164) WHERE e164 IS NOT NULL;
        INSERT INTO contacts_fts (rowid, name, organisation, emails, tags)
            SELECT c.id, c.name, coalesce(o.name, ''),
                coalesce((SELECT group_concat(email, ' ') FROM contact_emails
                          WHERE contact_id = c.id), ''),
                coalesce((SELECT group_concat(tag, ' ') FROM contact_tags
                          WHERE contact_id = c.id), '')
            FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id;
        """,
    )


def m007_job_title_and_city(db: Database) -> None:
    """A contact's job title and city: what address books and exports carry that a
    salesperson uses (shown, searchable). The contacts' search index gets them as columns, so
    it is made anew and filled from the contacts."""
    _run(
        db,
        """
        ALTER TABLE contacts ADD COLUMN job_title TEXT NOT NULL DEFAULT '';
        ALTER TABLE contacts ADD COLUMN city TEXT NOT NULL DEFAULT '';
        DROP TABLE contacts_fts;
        CREATE VIRTUAL TABLE contacts_fts USING fts5(
            name, organisation, emails, tags, job_title, city,
            tokenize = 'unicode61 remove_diacritics 2'
        );
        INSERT INTO contacts_fts (rowid, name, organisation, emails, tags, job_title, city)
            SELECT c.id, c.name, coalesce(o.name, ''),
                coalesce((SELECT group_concat(email, ' ') FROM contact_emails
                          WHERE contact_id = c.id), ''),
                coalesce((SELECT group_concat(tag, ' ') FROM contact_tags
                          WHERE contact_id = c.id), ''),
                c.job_title, c.city
            FROM contacts c LEFT JOIN organisations o ON o.id = c.organisation_id;
        """,
    )


def m008_erasures(db: Database) -> None:
    """Who was erased with ``forget``: a salted hash of each erased contact's UUID (never the
    data), so that a restored backup or a re-imported file erases or skips them again. Each
    row has its own salt, so rows from several books merge without a shared secret."""
    _run(
        db,
        """
        CREATE TABLE erasures (
            id INTEGER PRIMARY KEY,
            salt TEXT NOT NULL,
            hash TEXT NOT NULL,
            erased_at TEXT NOT NULL,
            UNIQUE (salt, hash)
        );
        """,
    )


def m009_times_and_chases(db: Database) -> None:
    """A follow-up may be planned at a time of day ('vrijdag 14:00'); untimed stays the
    default (NULL). The open chases of quotes get their own index: the agenda reads them
    whole, because their score grows with the quote's amount as well as with the days
    overdue, so no single order of one index gives them best first."""
    _run(
        db,
        """
        ALTER TABLE followups ADD COLUMN due_time TEXT;
        CREATE INDEX followups_open_chases ON followups(due_on)
            WHERE status = 'open' AND quote_id IS NOT NULL;
        """,
    )


def m010_undo_journal(db: Database) -> None:
    """The undo journal (``store/journal.py``): the last writing commands, each row they
    changed before and after, and which command is being recorded. A command written
    without row records (an import) is kept as a step undo cannot pass (``undoable`` 0,
    ``note`` says how to take it back). Its triggers are made
    from the tables' columns as they are here; a later migration that adds a column to a
    journaled table calls ``create_triggers`` again."""
    _run(
        db,
        """
        CREATE TABLE undo_commands (
            id INTEGER PRIMARY KEY,
            command TEXT NOT NULL,
            at TEXT NOT NULL,
            undone_at TEXT,
            undoable INTEGER NOT NULL DEFAULT 1,
            note TEXT NOT NULL DEFAULT ''
        );
        CREATE TABLE undo_changes (
            id INTEGER PRIMARY KEY,
            command_id INTEGER NOT NULL REFERENCES undo_commands(id),
            tbl TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            before TEXT,
            after TEXT
        );
        CREATE INDEX undo_changes_command ON undo_changes(command_id);
        CREATE INDEX undo_changes_row ON undo_changes(tbl, row_id);
        CREATE TABLE undo_recording (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            command_id INTEGER
        );
        INSERT INTO undo_recording (id, command_id) VALUES (1, NULL);
        """,
    )
    create_undo_triggers(db.conn)


OWNERS_SQL = """
    ALTER TABLE contacts ADD COLUMN owner TEXT NOT NULL DEFAULT '';
    ALTER TABLE followups ADD COLUMN owner TEXT NOT NULL DEFAULT '';
    ALTER TABLE interactions ADD COLUMN logged_by TEXT NOT NULL DEFAULT '';
    CREATE INDEX contacts_owner ON contacts(owner, archived_at);
    CREATE INDEX followups_open_owner ON followups(owner, due_on) WHERE status = 'open';
    ALTER TABLE undo_commands ADD COLUMN given_by TEXT NOT NULL DEFAULT '';
"""
"""m011's schema, the same on SQLite and PostgreSQL (``store/pg_schema.py`` runs it too)."""


def m011_owners(db: Database) -> None:
    """Who is whose: every contact has an owner (a salesperson's short name), a follow-up
    the one who is to do it, a conversation who logged it. A team's book on PostgreSQL
    fills them per salesperson; a personal book has one owner, its user (``team.me``,
    ``SALESNOTES_USER``), filled in here, so that books move between backends whole. The
    undo journal records who gave each command: ``undo`` takes back the user's own."""
    from salesnotes.config import load
    from salesnotes.team import me

    _run(db, OWNERS_SQL)
    user = me(load())
    db.execute("UPDATE contacts SET owner = ?", [user])
    db.execute("UPDATE followups SET owner = ?", [user])
    db.execute("UPDATE interactions SET logged_by = ?", [user])
    create_undo_triggers(db.conn)


REBUILT = ("organisations", "contacts", "interactions", "followups", "quotes", "quote_revisions")
"""The tables m012 made anew with AUTOINCREMENT ids."""


def m012_ids_never_reused(db: Database) -> None:
    """An id is never given twice in a book: a briefing mailed last week says "follow-up
    #16", and after a delete or an undo SQLite would give #16 to the next new row (it takes
    the highest id + 1), so the mail would point at someone else. ``AUTOINCREMENT`` keeps
    the highest id ever given (``sqlite_sequence``) and goes on above it. SQLite cannot add
    it to a table, so each table that has ids people type is made anew, its rows, indexes
    and triggers kept (SQLite's "12 steps": ``migrate`` turns foreign keys off around this
    migration and checks every reference before it commits)."""
    conn = db.conn
    conn.execute("PRAGMA legacy_alter_table = ON")  # a rename touches nothing else
    try:
        for table in REBUILT:
            rebuild_with_autoincrement(conn, table)
    finally:
        conn.execute("PRAGMA legacy_alter_table = OFF")
    create_undo_triggers(conn)


m012_ids_never_reused.rebuilds_tables = True  # type: ignore[attr-defined]


def rebuild_with_autoincrement(conn: sqlite3.Connection, table: str) -> None:
    """Make ``table`` anew with ``id INTEGER PRIMARY KEY AUTOINCREMENT``: the same columns
    (its CREATE statement as SQLite keeps it, added columns included), rows, indexes and
    triggers."""
    found = conn.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
    ).fetchone()
    create = str(found[0])
    head, sep, body = create.partition("(")
    marker = "id INTEGER PRIMARY KEY"
    if "AUTOINCREMENT" in body.upper() or marker not in body:
        return
    body = body.replace(marker, marker + " AUTOINCREMENT", 1)
    others = conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger')"
        " AND sql IS NOT NULL",
        (table,),
    ).fetchall()
    conn.execute(f"CREATE TABLE {table}_rebuilt {sep}{body}")
    conn.execute(f"INSERT INTO {table}_rebuilt SELECT * FROM {table}")
    conn.execute(f"DROP TABLE {table}")
    conn.execute(f"ALTER TABLE {table}_rebuilt RENAME TO {table}")
    for (sql,) in others:
        conn.execute(sql)


def m013_links_not_words(db: Database) -> None:
    """What salesnotes wrote itself is found again by a link, never by its words (which
    differ per language: a Dutch briefing listed each closed quote twice because the note
    'Offerte #4 gewonnen' was looked for as 'Quote #4 ...'). ``interactions.quote_id``: the
    quote a note is about (sent, revised, won, lost). ``followups.generated``: 1 when the
    text is salesnotes' own (a quote's chase), so a revision may rewrite it; a text the
    salesperson wrote is never touched. Old books are linked here, once, from the words
    salesnotes wrote in English and Dutch."""
    _run(
        db,
        """
        ALTER TABLE interactions ADD COLUMN quote_id INTEGER REFERENCES quotes(id);
        CREATE INDEX interactions_quote ON interactions(quote_id) WHERE quote_id IS NOT NULL;
        ALTER TABLE followups ADD COLUMN generated INTEGER NOT NULL DEFAULT 0;
        UPDATE interactions SET quote_id = (
            SELECT q.id FROM quotes q WHERE q.contact_id = interactions.contact_id AND (
                interactions.text LIKE 'Quote #' || q.id || ' %'
                OR interactions.text LIKE 'Sent quote #' || q.id || ' %'
                OR interactions.text LIKE 'Offerte #' || q.id || ' %'))
        WHERE kind = 'note';
        UPDATE followups SET generated = 1 WHERE quote_id IS NOT NULL
            AND (text LIKE 'Chase quote #%' OR text LIKE 'Offerte #%');
        """,
    )
    create_undo_triggers(db.conn)


def m014_kinds_addresses_and_organisations_to_call(db: Database) -> None:
    """What a phone's address book knows, kept: each number's kind (mobile, work, home,
    assistant, fax, main, pager, other; '' when the source does not say), so the agenda
    offers the person's own number and not their assistant's or the switchboard; a
    contact's department (vCard's ORG;Department); their postal addresses, whole and with
    their kind, as fields rather than lines in the note (an export gives them back to the
    phone, a re-import does not pile them up); and an organisation's own phone number and
    e-mail address (a municipality's switchboard is the one you call)."""
    _run(
        db,
        """
        ALTER TABLE contact_phones ADD COLUMN kind TEXT NOT NULL DEFAULT '';
        ALTER TABLE contacts ADD COLUMN department TEXT NOT NULL DEFAULT '';
        CREATE TABLE contact_addresses (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            contact_id INTEGER NOT NULL REFERENCES contacts(id),
            kind TEXT NOT NULL DEFAULT '',
            street TEXT NOT NULL DEFAULT '',
            postcode TEXT NOT NULL DEFAULT '',
            city TEXT NOT NULL DEFAULT '',
            region TEXT NOT NULL DEFAULT '',
            country TEXT NOT NULL DEFAULT '',
            position INTEGER NOT NULL
        );
        CREATE INDEX contact_addresses_contact ON contact_addresses(contact_id, position);
        ALTER TABLE organisations ADD COLUMN phone TEXT NOT NULL DEFAULT '';
        ALTER TABLE organisations ADD COLUMN e164 TEXT;
        ALTER TABLE organisations ADD COLUMN email TEXT NOT NULL DEFAULT '';
        CREATE INDEX organisations_e164 ON organisations(e164) WHERE e164 IS NOT NULL;
        """,
    )
    create_undo_triggers(db.conn)


def m015_days_off(db: Database) -> None:
    """A salesperson's own days off (``salesnotes off``): no relative date lands in them,
    overdue counts skip them, and the first working day after them says what piled up.
    Per owner, so a team's book knows who is away."""
    _run(
        db,
        """
        CREATE TABLE days_off (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            owner TEXT NOT NULL,
            first_day TEXT NOT NULL,
            last_day TEXT NOT NULL,
            note TEXT NOT NULL DEFAULT '',
            created_at TEXT NOT NULL,
            CHECK (last_day >= first_day)
        );
        CREATE INDEX days_off_owner ON days_off(owner, last_day);
        """,
    )
    create_undo_triggers(db.conn)


JOURNALED = (
    "organisations",
    "contacts",
    "contact_emails",
    "contact_phones",
    "contact_tags",
    "interactions",
    "followups",
    "quotes",
    "quote_revisions",
    "contact_addresses",
    "days_off",
)
"""The tables the undo journal records: the book's own data, not its indexes, the
briefing's mark or the erasures."""


def json_of(columns: list[str], prefix: str) -> str:
    """SQL for one row as a JSON object of its columns (``prefix``: 'NEW.', 'OLD.' or '')."""
    pairs = ", ".join(f"'{c}', {prefix}\"{c}\"" for c in columns)
    return f"json_object({pairs})"


def drop_undo_triggers(conn: sqlite3.Connection) -> None:
    """Drop the undo journal's triggers (a step such as an import drops them inside its
    transaction and makes them again at its end: even idle, they cost a 100k import 40%)."""
    for table in JOURNALED:
        for suffix in ("ai", "au", "ad"):
            conn.execute(f"DROP TRIGGER IF EXISTS undo_{table}_{suffix}")


def create_undo_triggers(conn: sqlite3.Connection) -> None:
    """(Re)create the undo journal's triggers from each journaled table's columns as they
    are now: a migration that adds a column to one of them calls this again."""
    recording = "(SELECT command_id FROM undo_recording WHERE id = 1)"
    for table in JOURNALED:
        if not conn.execute(
            "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?", (table,)
        ).fetchone():
            continue  # a table a later migration makes
        cols = [str(r[1]) for r in conn.execute(f"PRAGMA table_info({table})")]
        new, old = json_of(cols, "NEW."), json_of(cols, "OLD.")
        bodies = {
            "ai": ("INSERT", "NEW.rowid", "NULL", new),
            "au": ("UPDATE", "NEW.rowid", old, new),
            "ad": ("DELETE", "OLD.rowid", old, "NULL"),
        }
        for suffix, (event, rowid, before, after) in bodies.items():
            name = f"undo_{table}_{suffix}"
            conn.execute(f"DROP TRIGGER IF EXISTS {name}")
            conn.execute(
                f"CREATE TRIGGER {name} AFTER {event} ON {table}"
                f" WHEN {recording} IS NOT NULL BEGIN"
                " INSERT INTO undo_changes (command_id, tbl, row_id, before, after)"
                f" VALUES ({recording}, '{table}', {rowid}, {before}, {after}); END"
            )


def _run(db: Database, script: str) -> None:
    """Run a script inside the migration's transaction (sqlite-utils >= 4.2 splits it into
    statements rather than letting sqlite3's executescript COMMIT half-way)."""
    db.executescript(script)


# Append new migrations here, and to ORDER below.
ORDER: tuple[Callable[[Database], None], ...] = (
    m001_core,
    m002_quotes,
    m003_rhythms_complaints_briefings,
    m004_search_and_agenda_indexes,
    m005_briefing_indexes,
    m006_phones_merges_and_finding_people,
    m007_job_title_and_city,
    m008_erasures,
    m009_times_and_chases,
    m010_undo_journal,
    m011_owners,
    m012_ids_never_reused,
    m013_links_not_words,
    m014_kinds_addresses_and_organisations_to_call,
    m015_days_off,
)
NAMES: tuple[str, ...] = tuple(fn.__name__ for fn in ORDER)
BY_NAME = {fn.__name__: fn for fn in ORDER}


def build() -> Migrations:
    """The sqlite-utils ``Migrations`` set, with every migration registered in order."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for fn in ORDER:
        migrations()(fn)
    return migrations
