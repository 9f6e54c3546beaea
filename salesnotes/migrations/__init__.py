"""The schema's history, one module per step (``m001_core.py`` ...), append-only: never edit
or rename a step that has shipped; a change is a new module, and its name added to ``NAMES``.

Each step says why in its docstring and holds its SQLite and its PostgreSQL text side by side
(llm's ``m001_...`` shape): ``sqlite(db)``, a function of a sqlite-utils ``Database``, run
through sqlite-utils' ``Migrations`` (``build``); ``POSTGRES``, the same step in PostgreSQL's
dialect (``apply_postgres``), and ``JOURNALED_ON_POSTGRES`` when it makes tables the undo
journal records. A book of either kind records the names it has had, so books move between
them whole. ``NAMES`` is written out here, so that opening an up-to-date book imports no step
(tests/test_store.py checks it against this folder's modules).
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from types import ModuleType

    from sqlite_utils.migrations import Migrations

    from salesnotes.store.postgres import PostgresDatabase

MIGRATION_SET = "salesnotes"
MIGRATIONS_TABLE = "_sqlite_migrations"

# Append new steps here, in order.
NAMES: tuple[str, ...] = (
    "m001_core",
    "m002_quotes",
    "m003_rhythms_complaints_briefings",
    "m004_search_and_agenda_indexes",
    "m005_briefing_indexes",
    "m006_phones_merges_and_finding_people",
    "m007_job_title_and_city",
    "m008_erasures",
    "m009_times_and_chases",
    "m010_undo_journal",
    "m011_owners",
    "m012_ids_never_reused",
    "m013_links_not_words",
    "m014_kinds_addresses_and_organisations_to_call",
    "m015_days_off",
    "m016_briefing_marks",
    "m017_followups_for_two",
    "m018_team_and_audit",
    "m019_rhythm_order",
    "m020_phone_sync",
    "m021_calls_and_mail",
    "m022_learned_rhythms",
    "m023_rhythms_the_agenda_reads",
    "m024_joint_visits",
    "m025_coaching",
    "m026_the_team_in_figures",
)

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
    "calls",
    "mails",
    "mail_strangers",
    "contact_cadence",
    "coaching",
)
"""The tables the undo journal records: the book's own data, not its indexes, the
briefing's mark or the erasures."""


def step(name: str) -> ModuleType:
    """The module of step ``name``."""
    from importlib import import_module

    return import_module(f"{__name__}.{name}")


def rebuilds_tables(name: str) -> bool:
    """Whether step ``name`` makes SQLite tables anew (foreign keys off around it)."""
    return bool(getattr(step(name), "REBUILDS_TABLES", False))


def build() -> Migrations:
    """The sqlite-utils ``Migrations`` set, every step's ``sqlite`` registered in order."""
    from sqlite_utils.migrations import Migrations

    migrations = Migrations(MIGRATION_SET)
    for name in NAMES:
        migrations(name=name)(step(name).sqlite)
    return migrations


def apply_postgres(db: PostgresDatabase, name: str) -> None:
    """Run step ``name`` on a PostgreSQL book, in the open transaction."""
    from salesnotes.migrations.parts import create_postgres_undo_trigger

    module = step(name)
    db.conn.execute(module.POSTGRES)
    fill = getattr(module, "fill_postgres", None)
    if fill is not None:  # a step whose rows are made by Python on both databases
        fill(db)
    for table in getattr(module, "JOURNALED_ON_POSTGRES", ()):
        create_postgres_undo_trigger(db, table)
