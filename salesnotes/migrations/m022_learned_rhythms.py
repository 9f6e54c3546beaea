"""What a rhythm that learns itself needs to read without going through every conversation
(issue 27): per contact, their intervals between two contact days (conversations of any
kind, calls and mails included; several on a day are one; a gap past three years left out)
summed up as ``domain.cadence`` uses them: how many, the mean of their natural logs, and the
sum of the logs' squared deviations from it. Kept up to date when a conversation is
written, corrected or deleted (``contacts.restart_clocks``/``recount_clocks``), so a segment's
figures are one aggregate over one row per contact and a customer's are one row.

Filled here from the conversations a book has: SQLite's in Python (``ln`` is not in every
SQLite), PostgreSQL's in SQL (window functions and ``ln``). A contact without two contact
days has no row.
"""

from __future__ import annotations

import math
from datetime import date

from salesnotes.migrations.parts import REF, create_undo_triggers, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database

LONGEST = 3 * 365  # as domain.cadence.LONGEST, written here: a step never changes


def sqlite(db: Database) -> None:
    """SQLite's step."""
    run(
        db,
        """
        CREATE TABLE contact_cadence (
            contact_id INTEGER PRIMARY KEY REFERENCES contacts(id),
            intervals INTEGER NOT NULL,
            log_mean REAL NOT NULL,
            log_squares REAL NOT NULL
        );
        """,
    )
    rows = db.conn.execute(
        "SELECT DISTINCT contact_id, substr(happened_on, 1, 10) FROM interactions ORDER BY 1, 2"
    )
    current: int | None = None
    last: date | None = None
    logs: list[float] = []
    kept: list[tuple[int, int, float, float]] = []

    def keep() -> None:
        if current is not None and logs:
            centre = sum(logs) / len(logs)
            kept.append((current, len(logs), centre, sum((y - centre) ** 2 for y in logs)))

    for contact_id, written in rows:
        try:
            day = date.fromisoformat(written)
        except (TypeError, ValueError):
            continue
        if contact_id != current:
            keep()
            current, last, logs = contact_id, None, []
        if last is not None and 1 <= (day - last).days <= LONGEST:
            logs.append(math.log((day - last).days))
        last = day
    keep()
    db.conn.executemany(
        "INSERT INTO contact_cadence (contact_id, intervals, log_mean, log_squares)"
        " VALUES (?, ?, ?, ?)",
        kept,
    )
    create_undo_triggers(db.conn)


POSTGRES = f"""
        CREATE TABLE contact_cadence (
            contact_id BIGINT PRIMARY KEY REFERENCES contacts(id) {REF},
            intervals INTEGER NOT NULL,
            log_mean DOUBLE PRECISION NOT NULL,
            log_squares DOUBLE PRECISION NOT NULL
        );
        WITH days AS (
            SELECT DISTINCT contact_id, CAST(substr(happened_on, 1, 10) AS date) AS day
            FROM interactions
        ), gaps AS (
            SELECT contact_id, day - lag(day) OVER (PARTITION BY contact_id ORDER BY day) AS gap
            FROM days
        ), logs AS (
            SELECT contact_id, ln(gap) AS y FROM gaps WHERE gap BETWEEN 1 AND {LONGEST}
        ), centres AS (
            SELECT contact_id, count(*) AS n, avg(y) AS centre FROM logs GROUP BY contact_id
        )
        INSERT INTO contact_cadence (contact_id, intervals, log_mean, log_squares)
        SELECT c.contact_id, c.n, c.centre, sum((l.y - c.centre) * (l.y - c.centre))
        FROM centres c JOIN logs l ON l.contact_id = c.contact_id
        GROUP BY c.contact_id, c.n, c.centre;
    """
"""PostgreSQL's step (see ``parts``)."""

JOURNALED_ON_POSTGRES = ("contact_cadence",)
"""Journaled: ``undo`` of a conversation puts the contact's history back with it."""
