"""The agenda: who to call, in rank order, with why."""

from __future__ import annotations

from salesnotes.domain.days import describe, short
from salesnotes.i18n import _, for_scripts, n_, term
from salesnotes.render.reasons import reason_words, term_words
from salesnotes.render.shapes import agenda_json
from salesnotes.render.tables import CELL_TEXT, Column, console, listing, paged
from salesnotes.text import clean, excerpt, first_words, one_line

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date
    from typing import Any

    from salesnotes.domain.days import Calendar, DayOff
    from salesnotes.domain.ranking import AgendaRow
    from salesnotes.results import DayAgenda


TINTS = {
    "complaint": "red",
    "overdue": "red",
    "quote_expired": "red",
    "due_today": "yellow",
    "quote_expires_today": "yellow",
    "quote_stale": "dim",
}
"""Red for a complaint or anything overdue or expired, yellow for due today, dim for a stale
quote (by the reason's kind, in any language): the words say it too, colour only makes it
quicker to see."""


def reason_tint(kind: str) -> str:
    """The colour of a reason of this kind ('' for none)."""
    return TINTS.get(kind, "")


def _score(value: float) -> str:
    return f"{value:g}"


def agenda(rows: Sequence[AgendaRow], fmt: str, day: date, *, explain: bool = False) -> None:
    """``agenda``: rank, score, who, phone, why (every reason), follow-up ids."""
    with for_scripts(fmt):
        if fmt == "table":
            _table(rows, day, explain)
            return
        position = {row.contact_id: n for n, row in enumerate(rows, start=1)}
        columns = [
            Column("#", lambda r: str(position[r.contact_id]), justify="right"),
            Column("Score", lambda r: _score(r.score), justify="right"),
            Column("Id", lambda r: str(r.contact_id), justify="right"),
            Column("Who", lambda r: r.name, style="bold"),
            Column("Organisation", lambda r: r.organisation or ""),
            Column("Phone", lambda r: r.phone or ""),
            Column("Why", lambda r: "; ".join(reason_words(reason) for reason in r.reasons)),
            Column("Follow-ups", lambda r: ",".join(str(i) for i in r.followup_ids)),
        ]
        if explain:
            columns.append(
                Column(
                    "Score terms",
                    lambda r: " + ".join(f"{term_words(t)} {_score(t.value)}" for t in r.terms),
                )
            )
        # Added later, so at the end: scripts read the columns before them by place.
        columns += [
            Column("E-mail", lambda r: r.email or ""),
            Column("Last conversation", lambda r: r.last_on.isoformat() if r.last_on else ""),
            Column("About", lambda r: first_words(r.last_text) if r.last_on else ""),
        ]
        if any(r.owner for r in rows):
            columns.append(Column("Owner", lambda r: r.owner))
        listing(rows, fmt, columns, agenda_json, empty="")


def team(rows: Sequence[AgendaRow], fmt: str, day: date, *, explain: bool = False) -> None:
    """``agenda --team``: each salesperson's agenda in turn, every row naming its owner."""
    with for_scripts(fmt):
        if fmt != "table":
            agenda(rows, fmt, day, explain=explain)
            return
        owners = list(dict.fromkeys(r.owner for r in rows))
        if not owners:
            _table([], day, explain)
        for owner in owners:
            _table([r for r in rows if r.owner == owner], day, explain, owner)


def _table(rows: Sequence[AgendaRow], day: date, explain: bool, owner: str = "") -> None:
    from rich.table import Table
    from rich.text import Text

    out = console()
    owner = owner or (rows[0].owner if rows else "")
    if not rows:
        out.print(Text(_("Nothing to do on {day}: nobody to call.").format(day=describe(day))))
        return
    title = _("Who to call on {day}").format(day=describe(day))
    if owner:
        title = _("{owner} calls on {day}").format(owner=owner.capitalize(), day=describe(day))
    reach_width = max(
        (len(clean(v)) for r in rows for v in (r.phone, r.email, r.name) if v), default=0
    )
    if out.width < NARROW or out.width < min(reach_width, 30) + 2 + 12 + 8 + 9:
        paged(_listed(rows, day, explain, title))
        return
    table = Table(
        title=Text(title, style="bold"),
        title_justify="left",
        show_edge=False,
        pad_edge=False,
        show_lines=False,
    )
    table.add_column("#", justify="right", no_wrap=True)
    # Who, and how to reach them: the phone and e-mail under the name (a column of their
    # own made the table a third longer, and slower to draw). A phone number or an e-mail
    # address is never broken: the column is at least that wide (up to 30).
    reach = max((len(clean(v)) for r in rows for v in (r.phone, r.email) if v), default=0)
    table.add_column(
        _("Who"), style="bold", min_width=max(10, min(reach, 30)), max_width=30, overflow="fold"
    )
    table.add_column(_("Why"), min_width=12)
    table.add_column(_("Score"), justify="right", no_wrap=True)
    for n, row in enumerate(rows, start=1):
        who = Text(clean(row.name), style="bold")
        who.append(f" #{row.contact_id}", style="dim")
        if row.organisation:
            who.append(f"\n{clean(row.organisation)}", style="dim")
        why = Text()
        for k, reason in enumerate(row.reasons):
            line = f"- {one_line(excerpt(reason_words(reason), CELL_TEXT))}"
            why.append(("\n" if k else "") + line, style=reason_tint(reason.kind))
        if row.followup_ids:
            ids = ", ".join(f"#{i}" for i in row.followup_ids)
            why.append("\n" + _("follow-up {ids}").format(ids=ids), style="dim")
        if row.last_on is not None:  # to prepare the call from the row
            why.append(
                _("\nlast: {last_on}, {last_kind}: {last_text}").format(
                    last_on=short(row.last_on, day),
                    last_kind=term(row.last_kind or ""),
                    last_text=first_words(row.last_text, 48),
                ),
                style="dim",
            )
        if explain:
            why.append(
                "\n"
                + " + ".join(f"{one_line(term_words(t))} {_score(t.value)}" for t in row.terms),
                style="dim",
            )
        ways = "\n".join(clean(v) for v in (row.phone, row.email) if v)
        if ways:
            who.append("\n" + ways, style="not bold")
        table.add_row(str(n), who, why, _score(row.score))
    paged(table)


NARROW = 60
"""Below this many columns the agenda is a list, not a table: its order, and every phone
number and e-mail address whole on a line of its own."""


def _listed(rows: Sequence[AgendaRow], day: date, explain: bool, title: str) -> Any:
    """The agenda as a numbered list (a narrow terminal): each person, how to reach them,
    why, in rank order; what follows a name hangs under it."""
    from rich.console import Group
    from rich.padding import Padding
    from rich.text import Text

    parts: list[Any] = [Text(title, style="bold")]
    for n, row in enumerate(rows, start=1):
        head = Text(f"{n}. ", style="bold")
        head.append(clean(row.name), style="bold")
        head.append(f" #{row.contact_id}", style="dim")
        head.append(f"  ({_score(row.score)})", style="dim")
        lines: list[Any] = []
        if row.organisation:
            lines.append(Text(clean(row.organisation), style="dim"))
        for value in (row.phone, row.email):  # whole, never broken
            if value:
                lines.append(Text(clean(value), no_wrap=True, overflow="ignore"))
        for reason in row.reasons:
            words = one_line(excerpt(reason_words(reason), CELL_TEXT))
            lines.append(Text(f"- {words}", style=reason_tint(reason.kind)))
        if row.followup_ids:
            ids = ", ".join(f"#{i}" for i in row.followup_ids)
            lines.append(Text(_("follow-up {ids}").format(ids=ids), style="dim"))
        if row.last_on is not None:
            last = _("last: {last_on}, {last_kind}: {last_text}").format(
                last_on=short(row.last_on, day),
                last_kind=term(row.last_kind or ""),
                last_text=first_words(row.last_text, 48),
            )
            lines.append(Text(last, style="dim"))
        if explain:
            terms = " + ".join(f"{one_line(term_words(t))} {_score(t.value)}" for t in row.terms)
            lines.append(Text(terms, style="dim"))
        parts += [Text(""), head, Padding(Group(*lines), (0, 0, 0, 3))]
    return Group(*parts)


def day_agenda(
    result: DayAgenda, fmt: str, day: date, *, explain: bool, by_owner: bool, today: bool
) -> None:
    """``agenda``: the notes about the day (``today``: a day off, what piled up) and about
    an owner nobody is, then the rows (``by_owner``: the team's, grouped by owner)."""
    from salesnotes.render import note

    if today:
        day_off_note(day, result.calendar, result.piled)
    if result.owners_instead is not None:
        note(
            _("nobody called {owner} owns a contact in this book; owners: {owners}").format(
                owner=result.whose, owners=", ".join(result.owners_instead) or "-"
            )
        )
    if by_owner:
        team(result.rows, fmt, day, explain=explain)
    else:
        agenda(result.rows, fmt, day, explain=explain)


def day_off_note(day: date, calendar: Calendar, piled: tuple[DayOff, int] | None) -> None:
    """On a day off (a weekend, a public holiday, the user's own), say so, and how to see
    the next working day's list; on the first working day after the user's days off, what
    piled up meanwhile."""
    from salesnotes.domain.days import day_name, describe, next_working_day, short, working_words
    from salesnotes.render import note
    from salesnotes.render.changes import day_off_name

    if piled is not None:
        away, due = piled
        note(
            n_(
                "Back after your days off ({first} to {last}): {n} follow-up came due "
                "meanwhile; it is on the list",
                "Back after your days off ({first} to {last}): {n} follow-ups came due "
                "meanwhile; they are on the list",
                due,
            ).format(first=short(away.first), last=short(away.last), n=due)
        )
        return
    if calendar.is_working(day):
        return
    following = next_working_day(day, calendar)
    # A weekday names the day within a week; after longer days off, the date does.
    name = (
        day_name(following.weekday()).lower()
        if (following - day).days < 7
        else (following.isoformat())
    )
    off = calendar.off_on(day)
    if off is not None and off.kind == "holiday":
        why = _("{day} is {holiday}, a public holiday").format(
            day=describe(day), holiday=day_off_name(off)
        )
    elif off is not None:
        why = _("{day} is one of your days off").format(day=describe(day))
    else:
        why = _("{day} is not a working day ({working})").format(
            day=describe(day), working=working_words(calendar.working)
        )
    note(
        _("{why}; {weekday}'s list: salesnotes agenda --date {name}").format(
            why=why, weekday=day_name(following.weekday()), name=name
        )
    )
