"""Who is who in a team's book, what each may change, and an audit trail that keeps who did
what (issue 24).

``team_members`` maps a login role the server authenticated to a salesperson's short name and
a role ('sales', 'manager', 'read'); ``salesnotes team add`` writes it, and a salesperson's
own login then acts as that name only. ``audit_trail`` keeps, row by row, who created,
assigned, merged, archived, edited or deleted a contact, planned, completed, snoozed or
re-assigned a follow-up, created, revised or closed a quote, and logged a conversation: when
(the command's moment), as whom, from which login (PostgreSQL: the server's ``current_user``),
by which command (its name only: a command line can hold a customer's words, and the trail
is never erased). It holds ids and staff names, no customer's data, so ``forget`` leaves it.
Triggers write it, not the program: on PostgreSQL the roles may only append to it.

On PostgreSQL ``salesnotes_guard`` keeps a salesperson (a login in ``team_members`` with role
'sales') from changing a colleague's accounts, whatever client they use (psql included): a
contact, its e-mails, phones, tags, addresses and quotes are changed by their owner; a
follow-up by whoever it is for (either of two) or the contact's owner; a conversation is
logged by anyone with anyone (an account team covers for each other) but only as oneself;
days off are one's own. Moving only the clocks of a colleague's contact and quotes (a
conversation restarts them) is no change of their account. A manager may do everything, the
read role nothing. It is a ``BEFORE`` trigger rather than a row-level-security policy because
a policy skips a row it does not allow without a word (a refused ``assign`` would say it
assigned), and cannot tell a clock that moved from an edit; its refusal names the account's
owner (SQLSTATE 42SN1, an access rule violation of salesnotes' own; ``DETAIL``: what, id,
name and owner as JSON, which the program words). Until the
owner adds a first member (``team add``) it lets every login do everything, as before.
"""

from __future__ import annotations

from salesnotes.migrations.parts import run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database

# What the trail records: per table, (event, action, condition, old value, new value), the
# condition and values over OLD/NEW, written once for both databases (``IS DISTINCT FROM``
# is spelled per database by ``_differs``).
CONTACT_FIELDS = (
    "name", "status", "note", "every", "birthday", "job_title", "city", "department",
    "organisation_id",
)  # fmt: skip
AUDITED: dict[str, tuple[tuple[str, str, str, str, str], ...]] = {
    "contacts": (
        ("INSERT", "created", "", "''", "NEW.owner"),
        ("UPDATE", "assigned", "{owner}", "OLD.owner", "NEW.owner"),
        ("UPDATE", "merged", "NEW.merged_into IS NOT NULL AND OLD.merged_into IS NULL", "''",
         "CAST(NEW.merged_into AS TEXT)"),
        ("UPDATE", "archived",
         "NEW.archived_at IS NOT NULL AND OLD.archived_at IS NULL AND NEW.merged_into IS NULL",
         "''", "''"),
        ("UPDATE", "unarchived", "NEW.archived_at IS NULL AND OLD.archived_at IS NOT NULL", "''",
         "''"),
        ("UPDATE", "edited", "{fields}", "''", "''"),
        ("DELETE", "deleted", "", "OLD.owner", "''"),
    ),
    "followups": (
        ("INSERT", "planned", "", "''", "NEW.due_on"),
        ("UPDATE", "completed", "NEW.status = 'done' AND OLD.status <> 'done'", "''",
         "coalesce(NEW.done_on, '')"),
        ("UPDATE", "reopened", "NEW.status = 'open' AND OLD.status <> 'open'", "''", "''"),
        ("UPDATE", "snoozed", "NEW.status = 'open' AND {due}", "OLD.due_on", "NEW.due_on"),
        ("UPDATE", "assigned", "{owner}", "OLD.owner", "NEW.owner"),
        ("DELETE", "deleted", "", "''", "''"),
    ),
    "quotes": (
        ("INSERT", "created", "", "''", "CAST(NEW.amount_cents AS TEXT)"),
        ("UPDATE", "moved", "{status}", "OLD.status", "NEW.status"),
        ("UPDATE", "revised", "{amount}", "CAST(OLD.amount_cents AS TEXT)",
         "CAST(NEW.amount_cents AS TEXT)"),
        ("DELETE", "deleted", "", "''", "''"),
    ),
    "interactions": (
        ("INSERT", "logged", "", "''", "NEW.kind"),
        ("UPDATE", "edited", "{interaction}", "''", "''"),
        ("DELETE", "deleted", "", "''", "''"),
    ),
}  # fmt: skip


def _differs(columns: tuple[str, ...], distinct: str) -> str:
    return "(" + " OR ".join(f"NEW.{c} {distinct} OLD.{c}" for c in columns) + ")"


def _condition(text: str, distinct: str) -> str:
    return text.format(
        owner=_differs(("owner",), distinct),
        fields=_differs(CONTACT_FIELDS, distinct),
        due=_differs(("due_on", "due_time"), distinct),
        status=_differs(("status",), distinct),
        amount=_differs(("amount_cents",), distinct),
        interaction=_differs(("kind", "text", "happened_on"), distinct),
    )


def _contact(table: str, row: str) -> str:
    return f"{row}.id" if table == "contacts" else f"{row}.contact_id"


def sqlite(db: Database) -> None:
    """SQLite's step: the tables, and one trigger per table, event and action (a SQLite
    trigger cannot branch). They write while a command has named itself in
    ``audit_session`` (every write transaction does; a whole-book copy empties it, as the
    copied book brings its own trail)."""
    run(
        db,
        """
        CREATE TABLE team_members (
            name TEXT PRIMARY KEY,
            login TEXT NOT NULL UNIQUE,
            role TEXT NOT NULL CHECK (role IN ('sales', 'manager', 'read')),
            added_at TEXT NOT NULL
        );
        CREATE TABLE audit_trail (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            at TEXT NOT NULL,
            actor TEXT NOT NULL,
            login TEXT NOT NULL DEFAULT '',
            command TEXT NOT NULL DEFAULT '',
            tbl TEXT NOT NULL,
            row_id INTEGER NOT NULL,
            contact_id INTEGER,
            action TEXT NOT NULL,
            old_value TEXT NOT NULL DEFAULT '',
            new_value TEXT NOT NULL DEFAULT ''
        );
        CREATE INDEX audit_trail_contact ON audit_trail(contact_id, id);
        CREATE INDEX audit_trail_actor ON audit_trail(actor, at);
        CREATE TABLE audit_session (
            id INTEGER PRIMARY KEY CHECK (id = 1),
            at TEXT NOT NULL DEFAULT '',
            actor TEXT NOT NULL DEFAULT '',
            command TEXT NOT NULL DEFAULT ''
        );
        INSERT INTO audit_session (id) VALUES (1);
        """,
    )
    session = "(SELECT {} FROM audit_session WHERE id = 1)"
    for table, actions in AUDITED.items():
        for n, (event, action, condition, old, new) in enumerate(actions):
            row = "OLD" if event == "DELETE" else "NEW"
            when = f"{session.format('at')} <> ''"
            if condition:
                when += " AND " + _condition(condition, "IS NOT")
            db.execute(
                f"CREATE TRIGGER audit_{table}_{n} AFTER {event} ON {table} WHEN {when} BEGIN"
                " INSERT INTO audit_trail (at, actor, command, tbl, row_id, contact_id, action,"
                f" old_value, new_value) VALUES ({session.format('at')},"
                f" {session.format('actor')}, {session.format('command')}, '{table}', {row}.id,"
                f" {_contact(table, row)}, '{action}', coalesce({old}, ''),"
                f" coalesce({new}, '')); END"
            )


def _postgres_audit(table: str) -> str:
    """The audit trigger function of one table (plpgsql: one function, its IFs)."""
    lines = []
    for event, action, condition, old, new in AUDITED[table]:
        row = "OLD" if event == "DELETE" else "NEW"
        test = f"TG_OP = '{event}'"
        if condition:
            test += " AND " + _condition(condition, "IS DISTINCT FROM")
        lines.append(
            f"IF {test} THEN INSERT INTO audit_trail (at, actor, login, command, tbl, row_id,"
            " contact_id, action, old_value, new_value) VALUES (stamp, who, current_user, what,"
            f" '{table}', {row}.id, {_contact(table, row)}, '{action}', coalesce({old}, ''),"
            f" coalesce({new}, '')); END IF;"
        )
    body = "\n            ".join(lines)
    return f"""
        CREATE FUNCTION salesnotes_audit_{table}() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            stamp TEXT := coalesce(nullif(current_setting('salesnotes.at', true), ''),
                to_char(now() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"'));
            who TEXT := coalesce(nullif(current_setting('salesnotes.actor', true), ''),
                current_user);
            what TEXT := coalesce(current_setting('salesnotes.command', true), '');
        BEGIN
            IF salesnotes_loading(TG_RELID) THEN RETURN NULL; END IF;
            {body}
            RETURN NULL;
        END $$;
        CREATE TRIGGER audit_{table} AFTER INSERT OR UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION salesnotes_audit_{table}();
    """


POSTGRES = (
    """
        CREATE TABLE team_members (
            name TEXT COLLATE "C" PRIMARY KEY,
            login TEXT COLLATE "C" NOT NULL UNIQUE,
            role TEXT COLLATE "C" NOT NULL CHECK (role IN ('sales', 'manager', 'read')),
            added_at TEXT COLLATE "C" NOT NULL
        );
        CREATE TABLE audit_trail (
            id BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY,
            at TEXT COLLATE "C" NOT NULL,
            actor TEXT COLLATE "C" NOT NULL,
            login TEXT COLLATE "C" NOT NULL DEFAULT '',
            command TEXT COLLATE "C" NOT NULL DEFAULT '',
            tbl TEXT COLLATE "C" NOT NULL,
            row_id BIGINT NOT NULL,
            contact_id BIGINT,
            action TEXT COLLATE "C" NOT NULL,
            old_value TEXT COLLATE "C" NOT NULL DEFAULT '',
            new_value TEXT COLLATE "C" NOT NULL DEFAULT ''
        );
        CREATE INDEX audit_trail_contact ON audit_trail(contact_id, id);
        CREATE INDEX audit_trail_actor ON audit_trail(actor, at);
        -- Every line says which login wrote it, whatever the writer claims (a line added by
        -- hand, with psql, names its author too); a copied book's lines keep theirs.
        CREATE FUNCTION salesnotes_audit_login() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN
            IF NOT salesnotes_loading(TG_RELID) THEN
                NEW.login := current_user;
            END IF;
            RETURN NEW;
        END $$;
        -- A whole-book copy brings its own trail: its rows are not recorded again, but only
        -- when the book's owner copies (nobody else can switch the trail off).
        CREATE FUNCTION salesnotes_loading(tbl oid) RETURNS boolean LANGUAGE sql STABLE AS $$
            SELECT coalesce(current_setting('salesnotes.loading', true), '') = 'on'
                AND pg_has_role(current_user, (SELECT relowner FROM pg_class WHERE oid = tbl),
                    'MEMBER')
        $$;
        CREATE TRIGGER audit_trail_login BEFORE INSERT ON audit_trail
            FOR EACH ROW EXECUTE FUNCTION salesnotes_audit_login();
        CREATE FUNCTION salesnotes_owner_of(contact BIGINT) RETURNS TEXT LANGUAGE sql STABLE AS $$
            SELECT owner FROM contacts WHERE id = contact
        $$;
        -- Whose account a change touches when it is not the salesperson's own: NULL when it
        -- is theirs to change, else what and whose, as JSON (see the module).
        CREATE FUNCTION salesnotes_not_mine(tbl TEXT, op TEXT, o jsonb, n jsonb, me TEXT)
        RETURNS jsonb LANGUAGE plpgsql STABLE AS $$
        DECLARE
            r jsonb := coalesce(o, n);
            contact BIGINT;
            owner TEXT;
        BEGIN
            IF tbl = 'contacts' THEN
                owner := CASE WHEN op = 'INSERT' THEN n->>'owner' ELSE o->>'owner' END;
                IF owner = me THEN RETURN NULL; END IF;
                RETURN jsonb_build_object('what', 'contact', 'id', r->'id', 'name', r->>'name',
                    'owner', owner);
            ELSIF tbl = 'days_off' THEN
                IF r->>'owner' = me AND coalesce(n->>'owner', me) = me THEN RETURN NULL; END IF;
                RETURN jsonb_build_object('what', 'days_off', 'owner', r->>'owner');
            ELSIF tbl = 'organisations' THEN
                RETURN NULL;  -- shared by the whole team
            ELSIF tbl = 'interactions' THEN
                IF op = 'INSERT' AND n->>'logged_by' = me THEN RETURN NULL; END IF;
                IF op <> 'INSERT' AND o->>'logged_by' = me
                    AND coalesce(n->>'logged_by', me) = me THEN RETURN NULL; END IF;
            ELSIF tbl = 'followups' THEN
                IF me IN (r->>'owner', r->>'with_owner') THEN RETURN NULL; END IF;
            END IF;
            IF tbl = 'quote_revisions' THEN
                SELECT q.contact_id INTO contact FROM quotes q
                    WHERE q.id = (r->>'quote_id')::bigint;
            ELSE
                contact := (r->>'contact_id')::bigint;
            END IF;
            owner := salesnotes_owner_of(contact);
            IF owner = me AND (n IS NULL OR o IS NULL OR n->'contact_id' IS NULL
                    OR salesnotes_owner_of((n->>'contact_id')::bigint) = me) THEN
                RETURN NULL;
            END IF;
            IF owner = me THEN  -- moved onto a colleague's contact (a merge)
                contact := (n->>'contact_id')::bigint;
                owner := salesnotes_owner_of(contact);
            END IF;
            RETURN jsonb_build_object('what', 'contact', 'id', contact,
                'name', (SELECT name FROM contacts WHERE id = contact), 'owner', owner);
        END $$;
        CREATE FUNCTION salesnotes_guard() RETURNS trigger LANGUAGE plpgsql AS $$
        DECLARE
            member team_members;
            o jsonb;
            n jsonb;
            refused jsonb;
            clocks CONSTANT TEXT[] := ARRAY['last_touch_on', 'updated_at', 'last_activity_on'];
        BEGIN
            IF NOT EXISTS (SELECT 1 FROM team_members) OR salesnotes_loading(TG_RELID) THEN
                RETURN coalesce(NEW, OLD);  -- no team yet: every login shares the book
            END IF;
            SELECT * INTO member FROM team_members WHERE login = current_user;
            IF NOT FOUND THEN
                IF pg_has_role(current_user,
                        (SELECT relowner FROM pg_class WHERE oid = TG_RELID), 'MEMBER') THEN
                    RETURN coalesce(NEW, OLD);  -- the book's owner: upgrades, the team's setup
                END IF;
                RAISE EXCEPTION USING ERRCODE = '42SN1',
                    MESSAGE = format('salesnotes refused: the login %s is not in the team',
                        current_user),
                    DETAIL = jsonb_build_object('what', 'not_in_team', 'login', current_user);
            END IF;
            IF member.role = 'manager' THEN
                RETURN coalesce(NEW, OLD);
            END IF;
            IF member.role = 'read' THEN
                RAISE EXCEPTION USING ERRCODE = '42SN1',
                    MESSAGE = format('salesnotes refused: %s may only read this book',
                        member.name),
                    DETAIL = jsonb_build_object('what', 'read_only', 'owner', member.name);
            END IF;
            IF TG_OP <> 'INSERT' THEN o := to_jsonb(OLD); END IF;
            IF TG_OP <> 'DELETE' THEN n := to_jsonb(NEW); END IF;
            IF TG_OP = 'UPDATE' AND (o - clocks) = (n - clocks) THEN
                RETURN NEW;  -- only the clocks moved: a conversation, not a change of account
            END IF;
            refused := salesnotes_not_mine(TG_TABLE_NAME, TG_OP, o, n, member.name);
            IF refused IS NULL THEN
                RETURN coalesce(NEW, OLD);
            END IF;
            RAISE EXCEPTION USING ERRCODE = '42SN1',
                MESSAGE = format('salesnotes refused: %s is %s''s', refused->>'what',
                    refused->>'owner'),
                DETAIL = refused::text;
        END $$;
    """
    + "".join(
        f"""
        CREATE TRIGGER guard_{table} BEFORE INSERT OR UPDATE OR DELETE ON {table}
            FOR EACH ROW EXECUTE FUNCTION salesnotes_guard();"""
        for table in (
            "contacts",
            "contact_emails",
            "contact_phones",
            "contact_tags",
            "contact_addresses",
            "interactions",
            "followups",
            "quotes",
            "quote_revisions",
            "days_off",
        )  # fmt: skip
    )
    + "".join(_postgres_audit(table) for table in AUDITED)
)
"""PostgreSQL's step: the tables, the guard and one audit function per table."""
