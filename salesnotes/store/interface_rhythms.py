"""The store's interface, continued: the keep-in-touch clocks, the learned rhythms and the
yearly dates, as the agenda's rhythm streams, ``rhythm`` and ``show`` read them. ``Store``
(``interface``) names it as its ``rhythms``."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from collections.abc import Sequence
    from datetime import date

    from salesnotes.domain.cadence import History, Segment
    from salesnotes.models import Clock, Dates, Kept, Touch


class RhythmStore(Protocol):
    """Keep-in-touch clocks and yearly dates."""

    def rhythms_in_use(self) -> list[str]: ...
    def learned(self, contact_id: int) -> History: ...
    def segment(self, contact_id: int, counted: bool = False) -> Segment: ...
    def kept(self, contact_id: int) -> Kept | None: ...
    def learned_rhythms(self) -> list[int]: ...
    def quiet_heads(
        self,
        reads: Sequence[tuple[int, date]],
        limit: int,
        offset: int = 0,
        owner: str | None = None,
    ) -> list[list[tuple[int, int, date]]]: ...
    def quiet_ids(self, today: date) -> list[int]: ...
    def quiet(
        self, today: date, contact_ids: Sequence[int] | None = None
    ) -> list[tuple[Touch, Kept]]: ...
    def untouched_since(
        self,
        by_status: dict[str, date],
        by_rhythm: dict[str, date],
        limit: int | None = None,
        learning: bool = False,
    ) -> list[Touch]: ...
    def untouched_contacts(
        self, by_status: dict[str, date], by_rhythm: dict[str, date], learning: bool = False
    ) -> list[int]: ...
    def touches(self, contact_ids: Sequence[int], learning: bool = False) -> list[Touch]: ...
    def heads(
        self,
        reads: Sequence[tuple[str, str, date]],
        limit: int,
        offset: int = 0,
        owner: str | None = None,
        learning: bool = False,
    ) -> list[list[Clock]]: ...
    def yearly_dates(self, month_days: Sequence[str]) -> list[Dates]: ...
