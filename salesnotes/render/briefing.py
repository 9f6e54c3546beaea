"""The morning briefing as text, Markdown, HTML, JSON or a MIME mail.

``Brief`` (``models.py``, what ``usecases/briefing.py`` assembles) holds the content; ``text``,
``markdown``, ``html``, ``as_json`` and ``email`` turn it into what cron mails, purely;
``render`` is the command's one call (it says on stderr when the last briefing's time could not
be read). The sections, in order: the agenda (top N), complaints past their response time,
quotes expiring soon and stale quotes, contacts losing touch, birthdays and anniversaries in the
coming week, what happened since the previous briefing, a pipeline line.
"""

from __future__ import annotations

from salesnotes.domain.days import describe
from salesnotes.i18n import _, for_scripts, language, n_
from salesnotes.render.briefing_sections import (
    WIDTH,
    pipeline_line,
    sections,
)
from salesnotes.render.changes import day_off_name

TYPE_CHECKING = False
if TYPE_CHECKING:
    from typing import Any

    from salesnotes.results import Brief


def subject(brief: Brief) -> str:
    """'Briefing Wed 25 Nov 2026: 7 calls'."""
    return n_("Briefing {day}: {calls} call", "Briefing {day}: {calls} calls", brief.calls).format(
        day=describe(brief.day), calls=brief.calls
    )


def title(brief: Brief) -> str:
    """'Briefing for Wed 25 Nov 2026'."""
    return _("Briefing for {day}").format(day=describe(brief.day))


def text(brief: Brief) -> str:
    """Plain text for a cron mail: no colour, no box drawing, wrapped at 78 columns."""
    import textwrap

    heading = title(brief)
    lines = [heading, "=" * len(heading)]
    for section in sections(brief):
        lines += ["", section.title, "-" * min(len(section.title), WIDTH)]
        if section.note:
            lines += textwrap.wrap(section.note, WIDTH)
        if not section.items and section.empty:
            lines.append(section.empty)
        numbered = section.numbered
        for n, (first, details) in enumerate(section.items, start=1):
            bullet = f"{n:>2}. " if numbered else " - "
            for k, piece in enumerate(first.split("\n")):  # an item's own lines stay lines
                lines += textwrap.wrap(
                    piece,
                    WIDTH,
                    initial_indent=" " * len(bullet) if k else bullet,
                    subsequent_indent=" " * len(bullet),
                )
            for detail in details:
                lines += textwrap.wrap(
                    detail,
                    WIDTH,
                    initial_indent=" " * len(bullet) + "- ",
                    subsequent_indent=" " * (len(bullet) + 2),
                )
    line = pipeline_line(brief)
    if line:
        lines += ["", *textwrap.wrap(line, WIDTH)]
    return "\n".join(lines) + "\n"


def markdown(brief: Brief) -> str:
    """Markdown: the same content, for notes apps and chat."""

    def md(value: str) -> str:
        return "".join("\\" + ch if ch in "\\`*_[]<>#|" else ch for ch in value)

    lines = [f"# {md(title(brief))}"]
    for section in sections(brief):
        lines += ["", f"## {md(section.title)}", ""]
        if section.note:
            lines += [md(section.note), ""]
        if not section.items and section.empty:
            lines.append(md(section.empty))
        numbered = section.numbered
        for n, (first, details) in enumerate(section.items, start=1):
            shown = md(first).replace("\n", "  \n    ")  # a hard break, within the item
            lines.append(f"{n}. {shown}" if numbered else f"- {shown}")
            lines += [f"    - {md(d)}" for d in details]
    line = pipeline_line(brief)
    if line:
        lines += ["", md(line)]
    return "\n".join(lines) + "\n"


_STYLE = {
    "body": "font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;"
    "max-width:680px;margin:0 auto;padding:16px;",
    "h1": "font-size:20px;margin:0 0 12px 0;",
    "h2": "font-size:16px;margin:20px 0 6px 0;padding-bottom:3px;border-bottom:1px solid #ddd;",
    "li": "margin:0 0 6px 0;",
    "reason": "color:#555;",
    "muted": "color:#777;",
}


def html(brief: Brief) -> str:
    """A self-contained page with inline styles (mail clients drop style sheets)."""
    import html as htmllib

    e = htmllib.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="{language()}"><head><meta charset="utf-8">',
        f"<title>{e(subject(brief))}</title></head>",
        f'<body style="{_STYLE["body"]}">',
        f'<h1 style="{_STYLE["h1"]}">{e(title(brief))}</h1>',
    ]
    for section in sections(brief):
        parts.append(f'<h2 style="{_STYLE["h2"]}">{e(section.title)}</h2>')
        if section.note:
            parts.append(f'<p style="{_STYLE["muted"]}">{e(section.note)}</p>')
        if not section.items and section.empty:
            parts.append(f'<p style="{_STYLE["muted"]}">{e(section.empty)}</p>')
        if section.items:
            tag = "ol" if section.numbered else "ul"
            parts.append(f'<{tag} style="padding-left:22px;margin:0;">')
            for first, details in section.items:
                extra = "".join(
                    f'<br><span style="{_STYLE["reason"]}">&#8226; {e(d)}</span>' for d in details
                )
                shown = "<br>".join(e(piece) for piece in first.split("\n"))
                parts.append(f'<li style="{_STYLE["li"]}">{shown}{extra}</li>')
            parts.append(f"</{tag}>")
        if section.chart:
            parts.append(section.chart)
    line = pipeline_line(brief)
    if line:
        parts.append(f'<p style="margin-top:20px;">{e(line)}</p>')
    parts += ["</body></html>", ""]
    return "\n".join(parts)


def as_json(brief: Brief) -> dict[str, Any]:
    """The JSON contract of ``brief --format json`` (stable keys)."""
    from salesnotes.render.calls import call_json
    from salesnotes.render.shapes import (
        agenda_json,
        followup_json,
        interaction_json,
        occasion_json,
        pipeline_json,
        quote_item_json,
    )

    return {
        "date": brief.day,
        "produced_at": brief.now.isoformat(),
        "calls": brief.calls,
        "agenda": [agenda_json(r) for r in brief.agenda],
        "late_complaints": [
            {**followup_json(f), "age_hours": int(age.total_seconds() // 3600)}
            for f, age in brief.late_complaints
        ],
        "quotes_expiring": [quote_item_json(q, brief.day) for q in brief.expiring],
        "quotes_stale": [quote_item_json(q, brief.day) for q in brief.stale],
        "losing_touch": [
            {
                "contact_id": i.contact_id,
                "name": i.name,
                "rhythm": i.rhythm,
                "last_contact": i.last_contact,
                "overdue_days": i.overdue_days,
            }
            for i in brief.losing_touch
        ],
        "occasions": [occasion_json(o) for o in brief.occasions],
        "since": brief.since.isoformat() if brief.since else None,
        "first_briefing": brief.since is None,
        "happened": {
            "interactions": [interaction_json(i) for i in brief.interactions],
            "followups_done": [followup_json(f) for f in brief.followups_done],
            "quotes_closed": [quote_item_json(q, brief.day) for q in brief.quotes_closed],
        },
        "pipeline": pipeline_json(brief.pipeline) if brief.pipeline else None,
        # The day is a public holiday ({"kind": "holiday", "name": ...}) or one of the user's
        # days off ({"kind": "own", ...}); on the first working day after days off, those
        # days and how many follow-ups came due in them.
        "day_off": (
            {"kind": brief.day_off.kind, "name": day_off_name(brief.day_off)}
            if brief.day_off
            else None
        ),
        "back_after_days_off": (
            {
                "first_day": brief.back[0].first,
                "last_day": brief.back[0].last,
                "followups_due_meanwhile": brief.back[1],
            }
            if brief.back
            else None
        ),
        "unnoted_calls": [call_json(c) for c in brief.unnoted_calls],
        "visits": [
            {
                "visit_id": v.visit.id,
                "contact_id": v.contact.id,
                "day": v.visit.due_on,
                "at": v.visit.due_time,
                "owner": v.visit.owner,
                "with": v.visit.with_owner,
                "role": v.visit.role,
                "goal": v.visit.text,
            }
            for v in brief.visits
        ],
        "ride_along": [
            {"person": person, "last": last, "roles": list(roles)}
            for person, last, roles in brief.ride_along
        ],
        "week": _week_json(brief),
    }


def _week_json(brief: Brief) -> dict[str, Any] | None:
    """The manager's week so far, as ``report --format json`` gives it."""
    if brief.week is None:
        return None
    from salesnotes.render.report import as_json

    return as_json(brief.week)


def email(brief: Brief, to: str, sender: str) -> str:
    """A complete MIME message (text and HTML alternatives) for ``sendmail -t``."""
    from email.message import EmailMessage
    from email.utils import format_datetime, make_msgid

    message = EmailMessage()
    message["Subject"] = subject(brief)
    message["From"] = sender
    message["To"] = to
    message["Date"] = format_datetime(brief.now)
    message["Message-ID"] = make_msgid(idstring="briefing", domain="salesnotes.invalid")
    message["Auto-Submitted"] = "auto-generated"
    message.set_content(text(brief), cte="8bit")  # lines are at most 78 columns
    message.add_alternative(html(brief), subtype="html")
    return message.as_string()


def render(brief: Brief, fmt: str, to: str = "", sender: str = "") -> str:
    """The briefing in ``fmt`` (text, markdown, html, json, or email to ``to`` from
    ``sender``); a last briefing's time another tool wrote is said on stderr first."""
    with for_scripts(fmt):
        if brief.unreadable_since:
            from salesnotes.render import note

            note(
                _(
                    "Note: the last briefing's time '{previous}' in the briefings table is "
                    "not a time (YYYY-MM-DDTHH:MM:SSZ); 'since the last briefing' is left "
                    "out."
                ).format(previous=brief.unreadable_since)
            )
        if fmt == "json":
            from salesnotes.render import json_text

            return json_text(as_json(brief))
        if fmt == "email":
            return email(brief, to, sender)
        return {"html": html, "markdown": markdown}.get(fmt, text)(brief)
