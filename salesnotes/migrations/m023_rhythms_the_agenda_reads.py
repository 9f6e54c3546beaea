"""What the agenda reads of a learned rhythm (issue 27), kept when a conversation is written
so "getting quiet" is read from an index, not worked out per agenda. Beside a contact's
history (m022): their last contact day and their typical interval (``contact_cadence``);
on the contact, the interval rounded as the words say it (``learned_every``: days, weeks,
months) and the last day before they are getting quiet (``quiet_after``: past where nine in
ten of their next contacts fall), from ``LEARN_FROM`` intervals of their own (below that
both are empty, and the status's rhythm is theirs). On the contact, because the agenda's
reads of them (per rhythm, the quiet longest first; how many are quiet; the status's
rhythms of the others) are then each one partial index of ``contacts`` alone.

These are figures made from the history by the model of the day (``domain.cadence``), not
data: the fill below uses that model as it is, as the book's writes do (``keep_learned``).

``followups.proposed``: a follow-up salesnotes planned by a contact's rhythm (``[rhythm]
plan_next``), not one a person set, so the agenda and ``show`` can tell.

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
        CREATE INDEX contacts_quiet ON contacts(learned_every, quiet_after)
            WHERE archived_at IS NULL AND every IS NULL AND learned_every IS NOT NULL
            AND status <> 'former';
        CREATE INDEX contacts_quiet_day ON contacts(quiet_after)
            WHERE archived_at IS NULL AND every IS NULL AND learned_every IS NOT NULL
            AND status <> 'former';
        CREATE INDEX contacts_touch_unlearned ON contacts(status, every, last_touch_on)
            WHERE archived_at IS NULL AND learned_every IS NULL;
"""


def sqlite(db: Database) -> None:
    """SQLite's step."""
    from salesnotes.store.cadence import fill_learned

    run(
        db,
        """
        ALTER TABLE contact_cadence ADD COLUMN last_on TEXT;
        ALTER TABLE contact_cadence ADD COLUMN typical_days REAL;
        ALTER TABLE contacts ADD COLUMN learned_every INTEGER;
        ALTER TABLE contacts ADD COLUMN quiet_after TEXT;
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
        ALTER TABLE contacts ADD COLUMN learned_every INTEGER;
        ALTER TABLE contacts ADD COLUMN quiet_after TEXT COLLATE "C";
        ALTER TABLE followups ADD COLUMN proposed INTEGER NOT NULL DEFAULT 0;
""" + _CACHE.format(real="DOUBLE PRECISION").replace(" TEXT", ' TEXT COLLATE "C"')
"""PostgreSQL's step (see ``parts``); the rows filled by ``fill_postgres``."""


def fill_postgres(db: PostgresDatabase) -> None:
    """PostgreSQL's fill: the same Python as SQLite's."""
    from salesnotes.store.cadence import fill_learned

    fill_learned(db.tuples, db.executemany)
