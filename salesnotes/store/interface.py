"""The store's interface: what commands, sources and render may rely on, whatever the backend.

The SQLite backend (``salesnotes.store``) implements it; a PostgreSQL backend implements the same
and runs the same contract tests (``tests/test_store_contract.py``). Everything crosses it as
models (``salesnotes.models``), dates and plain values: never a database row, never SQL.
Imported for type checking only, so it costs a command nothing at run time.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Mapping, Sequence
    from datetime import date
    from types import TracebackType

    from salesnotes.domain.days import DayOff
    from salesnotes.imported import ImportResult, NewContact
    from salesnotes.models import (
        Address,
        Contact,
        ContactCard,
        Due,
        FollowUp,
        Hit,
        Interaction,
        Organisation,
        Person,
        PhoneNumber,
        Quote,
        QuoteChange,
        QuoteFacts,
        Recorded,
        Shared,
        Undone,
    )
    from salesnotes.store.interface_around import (
        AuditStore,
        CallStore,
        MailStore,
        MemberStore,
        SyncStateStore,
    )
    from salesnotes.store.interface_rhythms import RhythmStore
    from salesnotes.team import Seat


class Transaction(Protocol):
    """One command's transaction: ``with store.write():`` or ``with store.read():``."""

    def __enter__(self) -> None: ...

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        trace: TracebackType | None,
    ) -> None: ...


class OrganisationStore(Protocol):
    """Organisations, found or created by name."""

    def id_for(self, name: str, now: str) -> int: ...
    def get(self, organisation_id: int) -> Organisation: ...
    def resolve(self, text: str) -> Organisation: ...
    def spoken_to_last(self, column: str, value: str) -> int | None: ...
    def all(self) -> list[Organisation]: ...
    def named(self, name: str) -> Organisation | None: ...
    def set_reach(
        self, organisation_id: int, *, phone: PhoneNumber | None = None, email: str | None = None
    ) -> Organisation: ...
    def with_reach(self, organisation: str | None = None) -> list[Organisation]: ...


class ContactStore(Protocol):
    """People, with e-mails, phones and tags; WHO resolution."""

    def get(self, contact_id: int) -> Contact: ...

    def add(
        self,
        name: str,
        *,
        now: str,
        organisation: str | None = None,
        emails: Iterable[str] = (),
        phones: Iterable[PhoneNumber] = (),
        tags: Iterable[str] = (),
        status: str = "lead",
        note: str = "",
        today: date | None = None,
        every: str | None = None,
        birthday: str | None = None,
        customer_since: date | None = None,
        job_title: str = "",
        city: str = "",
        uuid: str | None = None,
        department: str = "",
        addresses: Iterable[Address] = (),
    ) -> Contact: ...

    def edit(
        self,
        contact_id: int,
        *,
        now: str,
        name: str | None = None,
        organisation: str | None = None,
        emails: Iterable[str] = (),
        phones: Iterable[PhoneNumber] = (),
        tags: Iterable[str] = (),
        untags: Iterable[str] = (),
        status: str | None = None,
        note: str | None = None,
        every: str | None = None,
        birthday: str | None = None,
        customer_since: date | None = None,
        job_title: str | None = None,
        city: str | None = None,
        unemails: Iterable[str] = (),
        unphones: Iterable[PhoneNumber] = (),
        department: str | None = None,
        addresses: Iterable[Address] = (),
    ) -> Contact: ...
    def addresses(self, contact_ids: Sequence[int]) -> dict[int, tuple[Address, ...]]: ...
    def know_kinds(self, contact_id: int, phones: Iterable[PhoneNumber]) -> bool: ...
    def touch(self, contact_id: int, on: date) -> bool: ...
    def last_heard(self, contact_id: int) -> date | None: ...
    def learn_later(self) -> None: ...
    def learn_now(self) -> None: ...
    def restart_clocks(self, contact_id: int, on: date) -> None: ...
    def recount_clocks(self, contact_id: int) -> None: ...
    def add_addresses(self, contact_id: int, addresses: Iterable[Address]) -> list[Address]: ...

    def archive(self, contact_id: int, now: str) -> Contact: ...
    def unarchive(self, contact_id: int, now: str) -> Contact: ...
    def namesakes(self, contact: Contact) -> list[Contact]: ...

    def find(
        self,
        *,
        text: str | None = None,
        tag: str | None = None,
        status: str | None = None,
        organisation: str | None = None,
        organisation_id: int | None = None,
        archived: bool = False,
        limit: int | None = None,
    ) -> list[Contact]: ...
    def count(
        self,
        *,
        text: str | None = None,
        tag: str | None = None,
        status: str | None = None,
        organisation: str | None = None,
        archived: bool = False,
    ) -> int: ...

    def with_email(self, email: str, *, active_only: bool = False) -> list[int]: ...
    def with_phone(self, e164: str, *, active_only: bool = False) -> list[int]: ...
    def named(self, key: str) -> list[tuple[int, str, bool]]: ...
    def with_words(
        self, words: Sequence[str], *, in_name: bool = True, limit: int = 200
    ) -> list[tuple[int, bool, int]]: ...
    def suggestions(self, key: str) -> list[str]: ...
    def reindex(self, contact_id: int) -> None: ...
    def people(self) -> list[Person]: ...
    def shared_details(self) -> list[Shared]: ...
    def absorb(
        self, source: int, into: int, changes: dict[str, Any], now: str
    ) -> dict[str, int]: ...
    def cards(self, contact_ids: Iterable[int]) -> dict[int, ContactCard]: ...
    def owned(self, owner: str, among: Sequence[int] | None = None) -> list[int]: ...
    def phone_keys(self, contact_ids: Sequence[int]) -> dict[int, dict[str, str]]: ...
    def owners(self) -> list[str]: ...
    def shared(self, owner: str) -> bool: ...
    def several_owners(self) -> bool: ...
    def accounts_of(
        self, owner: str, *, tag: str | None = None, organisation: str | None = None
    ) -> list[int]: ...
    def assign_many(self, contact_ids: Sequence[int], owner: str, now: str) -> int: ...
    def assign(self, contact_id: int, owner: str, now: str) -> str: ...


class InteractionStore(Protocol):
    """What happened with whom."""

    def add(
        self,
        contact_id: int,
        text: str,
        *,
        kind: str,
        on: date,
        now: str,
        quote_id: int | None = None,
    ) -> Interaction: ...
    def get(self, interaction_id: int) -> Interaction: ...
    def edit(
        self,
        interaction_id: int,
        *,
        text: str | None = None,
        kind: str | None = None,
        on: date | None = None,
    ) -> Interaction: ...
    def delete(self, interaction_id: int) -> Interaction: ...
    def days(self, contact_id: int) -> list[date]: ...
    def latest(self, contact_id: int, limit: int = 10) -> list[Interaction]: ...
    def all(self) -> list[Interaction]: ...
    def logged_between(
        self, since: str, until: str, limit: int | None = None
    ) -> list[Interaction]: ...
    def count_logged_between(self, since: str, until: str) -> int: ...


class FollowUpStore(Protocol):
    """Promises to get back to someone."""

    def add(
        self,
        contact_id: int,
        due: date,
        text: str = "",
        *,
        reason: str = "other",
        priority: str = "normal",
        today: date,
        now: str,
        source_interaction_id: int | None = None,
        quote_id: int | None = None,
        at: str | None = None,
        owner: str,
        generated: bool = False,
        with_owner: str = "",
        proposed: bool = False,
        role: str = "",
    ) -> FollowUp: ...

    def get(self, followup_id: int) -> FollowUp: ...

    def find(
        self,
        *,
        include_done: bool = False,
        due_before: date | None = None,
        contact_id: int | None = None,
        organisation_id: int | None = None,
        limit: int | None = None,
    ) -> list[FollowUp]: ...
    def count(self, *, include_done: bool = False, due_before: date | None = None) -> int: ...

    def due(
        self,
        on_or_before: date,
        *,
        contact_ids: Sequence[int] | None = None,
        owner: str | None = None,
    ) -> list[FollowUp]: ...
    def open_count(self, contact_id: int) -> int: ...
    def load(self, first: date, last: date, person: str) -> dict[date, int]: ...
    def owners(self) -> list[str]: ...
    def reassign(self, contact_id: int, owner: str, previous: str) -> int: ...
    def reassign_many(self, contact_ids: Sequence[int], owner: str, previous: str) -> int: ...

    def due_contacts(self, on_or_before: date, owner: str | None = None) -> list[int]: ...

    def heads(
        self,
        on_or_before: date,
        groups: Sequence[tuple[str, str]],
        limit: int | None,
        offset: int = 0,
        owner: str | None = None,
    ) -> list[list[Due]]: ...

    def chases_due(self, on_or_before: date, owner: str | None = None) -> list[Due]: ...
    def open_complaints(self) -> list[FollowUp]: ...

    def complete(
        self, followup_id: int, *, today: date, now: str, interaction: Interaction | None = None
    ) -> FollowUp: ...

    def snooze(self, followup_id: int, due: date, at: str | None = None) -> FollowUp: ...
    def done_between(self, since: str, until: str, limit: int | None = None) -> list[FollowUp]: ...
    def count_done_between(self, since: str, until: str) -> int: ...
    def delete(self, followup_id: int) -> FollowUp: ...
    def chasing(self, quote_id: int) -> bool: ...
    def retext_chases(self, quote_id: int, new: str) -> int: ...
    def close_chases(self, quote_id: int, *, on: date, now: str, note: str) -> int: ...


class QuoteStore(Protocol):
    """Offers and their history; the pipeline's figures."""

    def answers(
        self, contact_id: int, but: int | None = None
    ) -> list[tuple[date, date | None]]: ...
    def get(self, quote_id: int) -> Quote: ...
    def delete(self, quote_id: int) -> Quote: ...

    def find(
        self,
        *,
        open_only: bool = True,
        contact_id: int | None = None,
        organisation_id: int | None = None,
        contact_ids: Sequence[int] | None = None,
        history: bool = True,
    ) -> list[Quote]: ...

    def add(
        self,
        contact_id: int,
        title: str,
        amount_cents: int,
        *,
        currency: str,
        quoted_on: date,
        valid_until: date | None,
        probability: int | None,
        now: str,
        active_on: date | None = None,
    ) -> Quote: ...

    def add_revision(
        self, quote_id: int, amount_cents: int, on: date, note: str, now: str
    ) -> None: ...
    def change(self, quote_id: int, change: QuoteChange) -> Quote: ...
    def lost_reasons(self, limit: int = 10) -> list[tuple[str, int]]: ...
    def attention_contacts(
        self, expiring_until: date, stale_before: dict[str, date]
    ) -> list[int]: ...
    def expiring(self, day: date, until: date, limit: int | None) -> tuple[list[Quote], int]: ...
    def stale(
        self, stale_before: dict[str, date], valid_after: date, limit: int | None
    ) -> tuple[list[Quote], int]: ...
    def heads(
        self,
        reads: Sequence[tuple[str, Sequence[Any]]],
        limit: int,
        offset: int = 0,
        owner: str | None = None,
    ) -> list[list[QuoteFacts]]: ...
    def closed_between(self, since: str, until: str) -> list[Quote]: ...
    def pipeline_figures(
        self,
        today: date,
        currency: str,
        probabilities: dict[str, int],
        since: date,
        expiring_until: date,
    ) -> dict[str, list[dict[str, Any]]]: ...


class SearchStore(Protocol):
    """Reads across the book."""

    def find(self, text: str, limit: int = 20, *, e164: str | None = None) -> list[Hit]: ...


class BriefingStore(Protocol):
    """When the previous briefing was produced."""

    def last(self, person: str, kind: str) -> str | None: ...
    def record(
        self, produced_at: str, for_date: date, fmt: str, calls: int, *, person: str, kind: str
    ) -> None: ...


class BulkStore(Protocol):
    """Many rows at once, in the caller's transaction."""

    def load(self, batches: Iterable[Mapping[str, Sequence[tuple[Any, ...]]]]) -> int: ...
    def import_contacts(
        self, rows: Iterable[NewContact], *, now: str, today: date
    ) -> ImportResult: ...
    def dump(self) -> Iterator[tuple[str, tuple[str, ...], Iterator[tuple[Any, ...]]]]: ...
    def size(self) -> int: ...
    def counts(self) -> dict[str, int]: ...
    def copy_in(
        self, tables: Iterable[tuple[str, Sequence[str], Iterable[Sequence[Any]]]]
    ) -> None: ...
    def restore(
        self, tables: Mapping[str, Sequence[Mapping[str, Any]]]
    ) -> dict[str, tuple[int, int]]: ...


class PrivacyStore(Protocol):
    """One person's rows: all of them out, or all of them gone (and kept gone)."""

    def rows(self, contact_id: int) -> dict[str, list[dict[str, Any]]]: ...
    def erase(self, contact_id: int, now: str) -> dict[str, int]: ...
    def erased(self, uuids: list[str]) -> set[str]: ...
    def erasures(self) -> list[tuple[str, str, str]]: ...
    def keep_erasures(self, rows: list[tuple[str, str, str]]) -> None: ...
    def erase_again(self, now: str) -> int: ...
    def flush(self) -> bool: ...


class DaysOffStore(Protocol):
    """A salesperson's own days off."""

    def add(self, first: date, last: date, note: str, now: str) -> DayOff: ...
    def of(self, owner: str, since: date | None = None) -> list[DayOff]: ...
    def remove(self, day_off_id: int) -> DayOff: ...


class Store(Protocol):
    """One open salesnotes book."""

    @property
    def orgs(self) -> OrganisationStore: ...
    @property
    def contacts(self) -> ContactStore: ...
    @property
    def interactions(self) -> InteractionStore: ...
    @property
    def followups(self) -> FollowUpStore: ...
    @property
    def quotes(self) -> QuoteStore: ...
    @property
    def rhythms(self) -> RhythmStore: ...
    @property
    def search(self) -> SearchStore: ...
    @property
    def briefings(self) -> BriefingStore: ...
    @property
    def bulk(self) -> BulkStore: ...
    @property
    def privacy(self) -> PrivacyStore: ...
    @property
    def days_off(self) -> DaysOffStore: ...
    @property
    def audit(self) -> AuditStore: ...
    @property
    def members(self) -> MemberStore: ...
    @property
    def sync(self) -> SyncStateStore: ...
    @property
    def calls(self) -> CallStore: ...
    @property
    def mails(self) -> MailStore: ...
    @property
    def seat(self) -> Seat | None: ...
    @property
    def upgraded(self) -> list[str]: ...

    def write(self, *, journal: str = "rows", note: str = "") -> Transaction: ...
    def read(self) -> Transaction: ...
    @property
    def user(self) -> str: ...
    @user.setter
    def user(self, name: str) -> None: ...
    def record_as(self, label: str, now: str) -> None: ...
    def undo(self, now: str) -> Undone: ...
    def history(self) -> list[Recorded]: ...
    def rollback(self) -> None: ...
    def is_empty(self) -> bool: ...
    def close(self) -> None: ...
