"""What an import reads from a file (a vCard, a CSV, a whole book) before it is matched and
written: a contact as the file describes it, the lines that go into its note, what could
not be used and where it went, and what the import did."""

from __future__ import annotations

from salesnotes.record import record

TYPE_CHECKING = False
if TYPE_CHECKING:
    from salesnotes.models import Address, PhoneNumber


@record
class NoteLine:
    """A line an import writes into a contact's note: a known label (``LABELS`` in
    render/words.py: 'website', 'nickname', ...) and its value, written in the language
    spoken; or, with ``own``, a column of the file under its own name."""

    label: str
    value: str
    own: bool = False


@record
class Unused:
    """A value in a file that could not be used as what its place says (a phone number
    Excel turned into 3,16293E+10, an e-mail address without '@'), and where it went."""

    where: str
    what: str  # phone, email, birthday, ...
    value: str
    went: str = "note"  # note, or left out


@record
class NewContact:
    """A contact as a file (CSV, vCard) describes it: checked and normalised by the format
    that read it, matched and written by ``import``. ``where`` is its place in the file
    ('line 12', 'card 3'); ``status`` None means the file says none."""

    name: str
    organisation: str | None
    emails: tuple[str, ...]
    phones: tuple[PhoneNumber, ...]
    tags: tuple[str, ...]
    status: str | None
    note: str
    job_title: str = ""
    city: str = ""
    birthday: str | None = None
    uuid: str | None = None
    where: str = ""
    department: str = ""
    addresses: tuple[Address, ...] = ()
    lines: tuple[NoteLine, ...] = ()  # what else the file says, for the note
    every: str | None = None  # a keep-in-touch rhythm ('6w', 'off')
    customer_since: str | None = None  # YYYY-MM-DD
    last_contact: str | None = None  # YYYY-MM-DD: restarts the keep-in-touch clock
    organisation_card: bool = False  # a card of the organisation itself (KIND:org)
    unused: tuple[Unused, ...] = ()
    book_id: int | None = None  # the id an export of this book wrote (CSV's "id")
    # The note lines as the import writes them: each line's text in the language spoken,
    # and the same line in every language (a line present in any of them is not added).
    written: tuple[tuple[str, tuple[str, ...]], ...] = ()


@record
class ImportResult:
    """What an import did: contacts added, updated (each with what changed), unchanged."""

    added: int
    updated: tuple[tuple[int, str, tuple[str, ...]], ...]  # (id, name, what changed)
    unchanged: int
    new_organisations: int
    erased: int  # rows of people erased with 'forget', skipped
    organisation_cards: int = 0  # organisations that gained a phone number or e-mail address


@record
class BookFile:
    """A salesnotes book in a file (a backup), checked: what it holds."""

    path: str
    schema: str  # the newest migration it has
    current: bool  # False: an older schema, migrated when restored
    contacts: int
    size: int


@record
class Unreadable:
    """A record of a file that cannot be imported, where it is and why (``column`` and
    ``value``: what in it, when one value is to blame)."""

    where: str
    reason: str
    column: str = ""
    value: str = ""
