"""What ``history`` shows: the audit trail's lines in words, as a table, plain lines or JSON
(keys: id, at, actor, login, command, table, row_id, contact_id, contact, action, old, new)."""

from __future__ import annotations

from salesnotes.i18n import N_, _

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.config import Config
    from salesnotes.models import Audited
    from salesnotes.results import Trail

# (table, action) -> what was done, with {row}, {old} and {new} filled in.
WORDS = {
    ("contacts", "created"): N_("added (owner {new})"),
    ("contacts", "assigned"): N_("account moved: {old} -> {new}"),
    ("contacts", "merged"): N_("merged into #{new}"),
    ("contacts", "archived"): N_("archived"),
    ("contacts", "unarchived"): N_("brought back from the archive"),
    ("contacts", "edited"): N_("details changed"),
    ("contacts", "deleted"): N_("deleted (was {old}'s account)"),
    ("followups", "planned"): N_("follow-up #{row} planned for {new}"),
    ("followups", "completed"): N_("follow-up #{row} done"),
    ("followups", "reopened"): N_("follow-up #{row} opened again"),
    ("followups", "snoozed"): N_("follow-up #{row} moved from {old} to {new}"),
    ("followups", "assigned"): N_("follow-up #{row} moved from {old} to {new}"),
    ("followups", "deleted"): N_("follow-up #{row} deleted"),
    ("quotes", "created"): N_("quote #{row} made: {new}"),
    ("quotes", "moved"): N_("quote #{row}: {old} -> {new}"),
    ("quotes", "revised"): N_("quote #{row} revised: {old} -> {new}"),
    ("quotes", "deleted"): N_("quote #{row} deleted"),
    ("interactions", "logged"): N_("{new} #{row} logged"),
    ("interactions", "edited"): N_("conversation #{row} corrected"),
    ("interactions", "deleted"): N_("conversation #{row} deleted"),
}


def what(line: Audited, config: Config) -> str:
    """'follow-up #3 moved from Mon 7 Dec 2026 to Fri 11 Dec 2026' (days and amounts as the
    user reads them)."""
    old, new = _value(line, line.old, config), _value(line, line.new, config)
    words = WORDS.get((line.table, line.action))
    if words is None:  # a later schema's action: said as it is stored
        return f"{line.table} #{line.row_id} {line.action}"
    return _(words).format(row=line.row_id, old=old, new=new)


AMOUNTS = {("quotes", "created"), ("quotes", "revised")}
"""The lines whose values are amounts in cents (m018's AUDITED says what each records)."""
DAYS = {("followups", "planned"), ("followups", "completed"), ("followups", "snoozed")}
"""The lines whose values are days."""


def _value(line: Audited, value: str, config: Config) -> str:
    from datetime import date

    from salesnotes.domain.days import describe

    kind = (line.table, line.action)
    if kind in AMOUNTS and value:
        from salesnotes.render.quotes import amount

        return amount(int(value), line.currency, config)
    if kind in DAYS and value:
        return describe(date.fromisoformat(value))
    return value


def _whose(line: Audited) -> str:
    if line.contact_id is None:
        return ""
    if line.contact is None:
        return _("#{id} (no longer in the book)").format(id=line.contact_id)
    return f"#{line.contact_id} {line.contact}"


def _who(line: Audited) -> str:
    if line.login and line.login != line.actor:
        return _("{actor} (login {login})").format(actor=line.actor, login=line.login)
    return line.actor


def trail_of(found: Trail, fmt: str, config: Config) -> None:
    """The trail, oldest first."""
    from salesnotes.render.tables import Column, listing
    from salesnotes.render.undo import moment

    listing(
        found.lines,
        fmt,
        [
            Column("When", lambda r: moment(r.at)),
            Column("Who", _who),
            Column("Contact", _whose),
            Column("What", lambda r: what(r, config)),
            Column("Command", lambda r: r.command),
        ],
        lambda r: {
            "id": r.id,
            "at": r.at,
            "actor": r.actor,
            "login": r.login,
            "command": r.command,
            "table": r.table,
            "row_id": r.row_id,
            "contact_id": r.contact_id,
            "contact": r.contact,
            "action": r.action,
            "old": r.old,
            "new": r.new,
        },
        empty=_("The trail holds nothing that matches."),
    )
