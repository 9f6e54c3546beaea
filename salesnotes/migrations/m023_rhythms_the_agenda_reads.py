"""What the agenda reads of a learned rhythm (issue 27), kept per contact beside their
history (m022) so "getting quiet" is read from an index, not worked out per agenda: their last
contact day, their typical interval, it rounded as the words say it (days, weeks, months) and
the last day before they are getting quiet (past where nine in ten of their next contacts
fall). Kept from ``LEARN_FROM`` intervals of their own; below that the columns are empty.

``followups.proposed``: a follow-up salesnotes planned by a contact's rhythm (``[rhythm]
plan_next``), not one a person set, so the agenda and ``show`` can tell.

These are figures made from the history by the model of the day (``domain.cadence``), not
data: the fill below uses that model as it is, as the book's writes do (``keep_learned``).

``cache_cadence_segments``: the sums over a wide segment (the book, a status, a tag) the writes
lean on, counted once a day (adding up 100,000 rows per logged conversation would not be
fast), with how many contacts had a kept history then and how many intervals they held
(``book_rows``, ``book_intervals``; the row ``rows:`` keeps those counts as they go); a cache,
not part of a book's data (not exported, not journaled).
"""

from __future__ import annotations

from salesnotes.migrations.parts import create_undo_triggers, run

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database

    from salesnotes.store.postgres import PostgresDatabase

_CACHE = """
        CREATE TABLE cache_cadence_segments (
            segment TEXT PRIMARY KEY,
            counted_on TEXT NOT NULL,
            customers INTEGER NOT NULL,
            means {real} NOT NULL,
            squared_means {real} NOT NULL,
            squares {real} NOT NULL,
            intervals INTEGER NOT NULL,
            inverse_counts {real} NOT NULL,
            book_rows INTEGER NOT NULL,
            book_intervals INTEGER NOT NULL
        );
        CREATE INDEX contact_cadence_quiet ON contact_cadence (every_days, quiet_after)
            WHERE quiet_after IS NOT NULL;
"""


def sqlite(db: Database) -> None:
    """SQLite's step."""
    from salesnotes.store.cadence import fill_learned

    run(
        db,
        """
        ALTER TABLE contact_cadence ADD COLUMN last_on TEXT;
        ALTER TABLE contact_cadence ADD COLUMN typical_days REAL;
        ALTER TABLE contact_cadence ADD COLUMN every_days INTEGER;
        ALTER TABLE contact_cadence ADD COLUMN quiet_after TEXT;
        ALTER TABLE followups ADD COLUMN proposed INTEGER NOT NULL DEFAULT 0;
        """
        + _CACHE.format(real="REAL"),
    )
    fill_learned(
        lambda sql: db.conn.execute(sql).fetchall(),
        lambda sql, rows: db.conn.executemany(sql, rows),
    )
    create_undo_triggers(db.conn)


POSTGRES = """
        ALTER TABLE contact_cadence ADD COLUMN last_on TEXT COLLATE "C";
        ALTER TABLE contact_cadence ADD COLUMN typical_days DOUBLE PRECISION;
        ALTER TABLE contact_cadence ADD COLUMN every_days INTEGER;
        ALTER TABLE contact_cadence ADD COLUMN quiet_after TEXT COLLATE "C";
        ALTER TABLE followups ADD COLUMN proposed INTEGER NOT NULL DEFAULT 0;
""" + _CACHE.format(real="DOUBLE PRECISION").replace(" TEXT", ' TEXT COLLATE "C"')
"""PostgreSQL's step (see ``parts``); the rows filled by ``fill_postgres``."""


def fill_postgres(db: PostgresDatabase) -> None:
    """PostgreSQL's fill: the same Python as SQLite's."""
    from salesnotes.store.cadence import fill_learned

    fill_learned(db.tuples, db.executemany)
