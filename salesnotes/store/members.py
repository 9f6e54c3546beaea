"""A team's members on a PostgreSQL server: the group roles and their grants (``setup``),
each person's login role in one of them and in ``team_members`` (``add``, ``remove``), and
who is who (``members``). Only a database with roles has a team (``db.sql.roles``); what a
role may change is the server's guard (m018), not this module's.

Role names are the server's, shared by every database on it: ``salesnotes_sales``,
``salesnotes_manager`` and ``salesnotes_read`` are made once and granted rights per book.
Making a role needs CREATEROLE (or a superuser); the rest the book's owner may do.
"""

from __future__ import annotations

from salesnotes.models import Member

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.store.database import Database

GROUPS = {"sales": "salesnotes_sales", "manager": "salesnotes_manager", "read": "salesnotes_read"}
"""Each role's group role on the server."""

WRITERS = "salesnotes_sales, salesnotes_manager"
ALL = "salesnotes_sales, salesnotes_manager, salesnotes_read"


def _ident(db: Database, name: str) -> str:
    """A role's name as an identifier, quoted by the server."""
    return str(db.tuples("SELECT quote_ident(?)", (name,))[0][0])


class Members:
    """The team's members and their roles (PostgreSQL only)."""

    __slots__ = ("db",)

    def __init__(self, db: Database) -> None:
        self.db = db

    @property
    def has_roles(self) -> bool:
        """Whether this book can have a team (a file cannot)."""
        return self.db.sql.roles

    def setup(self) -> list[str]:
        """The three group roles (made when missing) and their rights on this book: the
        writers read and write the rows and append to the trail, the read role reads (and
        keeps its own briefing's mark); what a later migration of the owner makes gets the
        same. Nobody but the owner changes the team or the schema's history. Returns the
        roles it made."""
        db = self.db
        made = []
        for group in GROUPS.values():
            if not db.tuples("SELECT 1 FROM pg_roles WHERE rolname = ?", (group,)):
                db.execute(f"CREATE ROLE {group} NOLOGIN")
                made.append(group)
        schema = _ident(db, str(db.tuples("SELECT current_schema()")[0][0]))
        owner = _ident(
            db,
            str(
                db.tuples(
                    "SELECT pg_get_userbyid(relowner) FROM pg_class"
                    " WHERE oid = 'team_members'::regclass"
                )[0][0]
            ),
        )
        for statement in (
            f"GRANT USAGE ON SCHEMA {schema} TO {ALL}",
            f"GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {WRITERS}",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {WRITERS}",
            f"GRANT SELECT ON ALL TABLES IN SCHEMA {schema} TO salesnotes_read",
            "GRANT INSERT ON briefings TO salesnotes_read",
            f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO salesnotes_read",
            f"REVOKE INSERT, UPDATE, DELETE ON team_members, salesnotes_migrations FROM {WRITERS}",
            f"REVOKE UPDATE, DELETE ON audit_trail FROM {WRITERS}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}"
            f" GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO {WRITERS}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}"
            f" GRANT USAGE, SELECT ON SEQUENCES TO {ALL}",
            f"ALTER DEFAULT PRIVILEGES FOR ROLE {owner} IN SCHEMA {schema}"
            " GRANT SELECT ON TABLES TO salesnotes_read",
        ):
            db.execute(statement)
        return made

    def may_make_roles(self) -> tuple[bool, str]:
        """Whether this login may make roles (CREATEROLE or a superuser), and its name."""
        row = self.db.tuples(
            "SELECT rolcreaterole OR rolsuper, current_user FROM pg_roles"
            " WHERE rolname = current_user"
        )[0]
        return bool(row[0]), str(row[1])

    def is_set_up(self) -> bool:
        """Whether the group roles exist."""
        rows = self.db.tuples(
            "SELECT count(*) FROM pg_roles WHERE rolname IN (?, ?, ?)", tuple(GROUPS.values())
        )
        return int(rows[0][0]) == len(GROUPS)

    def add(self, name: str, login: str, role: str, now: str) -> tuple[Member, bool]:
        """``login`` (made when the server has no such role, without a password) in the
        group of ``role`` only, and in the team as ``name``; whether the login was made."""
        db = self.db
        made = not db.tuples("SELECT 1 FROM pg_roles WHERE rolname = ?", (login,))
        who = _ident(db, login)
        if made:
            db.execute(f"CREATE ROLE {who} LOGIN")
        for other, group in GROUPS.items():
            if other != role and self._in_group(login, group):
                db.execute(f"REVOKE {group} FROM {who}")
        db.execute(f"GRANT {GROUPS[role]} TO {who}")
        db.execute(
            "INSERT INTO team_members (name, login, role, added_at) VALUES (?, ?, ?, ?)"
            " ON CONFLICT (name) DO UPDATE SET login = excluded.login, role = excluded.role",
            (name, login, role, now),
        )
        return self.get(name), made

    def _in_group(self, login: str, group: str) -> bool:
        return bool(
            self.db.tuples(
                "SELECT 1 FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid"
                " JOIN pg_roles r ON r.oid = m.member WHERE g.rolname = ? AND r.rolname = ?",
                (group, login),
            )
        )

    def members(self) -> list[Member]:
        """Every member, by name, with the accounts they own and whether their login may
        log in and is in its role's group."""
        rows = self.db.tuples(
            "SELECT m.name, m.login, m.role, m.added_at,"
            " (SELECT count(*) FROM contacts c WHERE c.owner = m.name"
            " AND c.archived_at IS NULL),"
            " coalesce((SELECT r.rolcanlogin FROM pg_roles r WHERE r.rolname = m.login), false)"
            " FROM team_members m ORDER BY m.name"
        )
        return [
            Member(name, login, role, added, int(accounts), bool(can))
            for name, login, role, added, accounts, can in rows
        ]

    def get(self, name: str) -> Member:
        """One member (NotFound names the team)."""
        for member in self.members():
            if member.name == name:
                return member
        from salesnotes.errors import NotFound
        from salesnotes.i18n import _

        known = ", ".join(m.name for m in self.members()) or "-"
        raise NotFound(_("{name} is not in the team ({known})").format(name=name, known=known))

    def names(self) -> list[str]:
        """The members' names."""
        return [str(r[0]) for r in self.db.tuples("SELECT name FROM team_members ORDER BY name")]

    def remove(self, name: str) -> Member:
        """``name`` out of the team and their login out of its group (the login role itself
        stays: other databases may know it)."""
        member = self.get(name)
        self.db.execute("DELETE FROM team_members WHERE name = ?", (name,))
        if self._in_group(member.login, GROUPS[member.role]):
            self.db.execute(f"REVOKE {GROUPS[member.role]} FROM {_ident(self.db, member.login)}")
        return member
