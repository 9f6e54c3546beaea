"""The contacts on their status's rhythm, in the order the agenda reads them (untouched
longest first), for PostgreSQL: its planner does not take ``every IS NULL`` as fixing that
column of ``contacts_touch`` (m005), so it read every customer untouched since the cut-off
and sorted them (14 ms a stream on a 100,000 book) where eight rows were wanted. A partial
index without ``every`` is read in order and stops at the eighth. SQLite walks
``contacts_touch`` in that order already (an ``IS NULL`` fixes a column there): no step.
"""

from __future__ import annotations

TYPE_CHECKING = False
if TYPE_CHECKING:
    from sqlite_utils import Database


def sqlite(db: Database) -> None:
    """SQLite's step: none (see above)."""


POSTGRES = """
        CREATE INDEX contacts_rhythm_order ON contacts(status, last_touch_on, id)
            WHERE archived_at IS NULL AND every IS NULL;
    """
"""PostgreSQL's step."""
