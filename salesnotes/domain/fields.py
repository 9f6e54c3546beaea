"""Contact fields as they are stored: checked and normalised, or refused with a sentence."""

from __future__ import annotations

from salesnotes.errors import BadInput
from salesnotes.i18n import N_, _, grouped
from salesnotes.models import PhoneNumber
from salesnotes.text import clean, fold

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterable

# The longest text salesnotes stores (docs/your-data.md), wherever it comes from (typed, an
# import, a book's file): a name or a title is a line, a note or a conversation a few pages.
# Longer is refused (exit 2), or, a note from a file, cut; so a paste gone wrong cannot make
# every table slow, nor a 50 MB field fill the memory.
LONGEST = {"name": 200, "org": 200, "department": 200, "job_title": 200, "city": 200,
           "title": 500, "email": 254, "phone": 100, "tag": 100, "street": 200,
           "postcode": 200, "region": 200, "country": 200, "who": 254}  # fmt: skip
LONGEST_TEXT = 100_000
FIELD_WORDS = {"org": N_("an organisation"), "job_title": N_("a job title"),
               "title": N_("a title"), "email": N_("an e-mail address"),
               "phone": N_("a phone number"), "tag": N_("a tag"), "name": N_("a name"),
               "city": N_("a city"), "note": N_("a note"), "department": N_("a department"),
               "street": N_("a street"), "postcode": N_("a postcode"),
               "region": N_("a region"), "country": N_("a country"),
               "who": N_("a name, e-mail address, phone number or #id")}  # fmt: skip


def too_long(key: str, value: str) -> str:
    """What is wrong with ``value`` as ``key`` when it is longer than salesnotes keeps ('a
    name of 312 characters is longer than salesnotes keeps (200)'), else ''."""
    limit = LONGEST.get(key, LONGEST_TEXT)
    if len(value) <= limit:
        return ""
    return _("{what} of {each} characters is longer than salesnotes keeps ({limit})").format(
        what=_(FIELD_WORDS.get(key, N_("a text"))), each=grouped(len(value)), limit=grouped(limit)
    )


# Read only when a value is written (``re`` costs every command ~5 ms to import).
_EMAIL = r"^[^@\s]+@[^@\s]+\.[^@\s]+$"


def normalise_email(value: str) -> str:
    """Trimmed and lower-cased; refused when it does not look like an address."""
    import re

    email = clean(value).lower()
    if not re.match(_EMAIL, email):
        raise BadInput(
            _("'{value}' is not an e-mail address; try jan@example.nl").format(value=value)
        )
    return email


def record_id(value: str, what: str, hint: str) -> int:
    """'12' or '#12' -> 12; anything else is bad input (``what``: the record's name, ``hint``:
    where to find the ids, both marked for translation)."""
    text = value.strip()
    digits = text[1:] if text.startswith("#") else text
    if not (digits.isdigit() and digits.isascii() and len(digits) <= 18):
        raise BadInput(
            _("'{value}' is not a {what} id; {hint}").format(
                value=value, what=_(what), hint=_(hint)
            )
        )
    return int(digits)


def mail_recipients(value: str, source: str) -> list[str]:
    """The recipients of a mail: one address or several, separated by ',' or ';' (a
    salesperson and their manager); each as ``mail_address`` checks it. ``source`` names
    where the value came from in a message ('--to', 'brief.to in the config')."""
    from email.utils import formataddr, getaddresses

    _no_control(value, source)
    found = [
        mail_address(formataddr((name, address)) if name else address, source)
        for name, address in getaddresses([value.replace(";", ",")])
        if name or address
    ]
    if not found:
        raise BadInput(
            _("{source}: '{value}' is not an e-mail address; try me@example.nl").format(
                source=source, value=value
            )
        )
    return found


def mail_address(value: str, source: str) -> str:
    """One e-mail address for a mail header ('jan@example.nl' or 'Jan <jan@example.nl>');
    BadInput for anything else, for several (a sender is one), and for a line break (which
    would add a header)."""
    from email.utils import formataddr, getaddresses, parseaddr

    _no_control(value, source)
    if len([p for p in getaddresses([value.replace(";", ",")]) if any(p)]) > 1:
        raise BadInput(
            _("{source}: '{value}' is more than one address; give one").format(
                source=source, value=value
            )
        )
    name, address = parseaddr(value)
    try:
        address = normalise_email(address)
    except BadInput:
        raise BadInput(
            _("{source}: '{value}' is not an e-mail address; try me@example.nl").format(
                source=source, value=value
            )
        ) from None
    return formataddr((name, address)) if name else address


def _no_control(value: str, source: str) -> None:
    if any(ord(ch) < 32 or ord(ch) == 127 for ch in value):
        raise BadInput(
            _("{source}: {value!r} holds a line break or control character").format(
                source=source, value=value
            )
        )


def read_phone(value: str, region: str) -> PhoneNumber:
    """A phone number as typed, and read with the phonenumbers library: national numbers in
    ``region`` ('NL': 06 12 34 56 78), others with + or 00 and their country code. A number
    that is not valid is kept as typed, unread (``e164`` None); text without a digit is
    refused."""
    typed = " ".join(clean(value).split())
    if not any(ch.isdigit() for ch in typed):
        raise BadInput(
            _("'{value}' is not a phone number; try '06 1234 5678' or +31612345678").format(
                value=value
            )
        )
    import phonenumbers  # ~25 ms; only where a number is read

    try:
        number = phonenumbers.parse(typed, region)
    except phonenumbers.NumberParseException:
        return PhoneNumber(typed, None)
    kind = phonenumbers.number_type(number)  # UNKNOWN exactly when it is not a valid number
    if kind == phonenumbers.PhoneNumberType.UNKNOWN:
        return PhoneNumber(typed, None)
    e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    if number.extension:
        e164 += f";ext={number.extension}"
    mobile = kind in (
        phonenumbers.PhoneNumberType.MOBILE,
        phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE,
    )
    # A number typed without saying what it is: a mobile by its number plan is one.
    return PhoneNumber(typed, e164, mobile, "mobile" if mobile else "")


def unread_phones(numbers: Iterable[PhoneNumber]) -> list[str]:
    """A warning for each number kept as typed because it could not be read."""
    return [
        _(
            "Note: '{typed}' is not a phone number salesnotes can read; kept as "
            "typed (it will not be found by number)"
        ).format(typed=n.typed)
        for n in numbers
        if n.e164 is None
    ]


def normalise_every(value: str) -> str:
    """A keep-in-touch rhythm as stored: '6w', '30d', '3m', or 'off'."""
    from salesnotes.domain.dates import parse_period

    text = value.strip().lower()
    if text in ("off", "never", "nooit", "none"):
        return "off"
    try:
        return str(parse_period(text))
    except BadInput:
        raise BadInput(
            _("'{value}' is not a rhythm; try 30d, 6w, 3m, 'off' or 'default'").format(value=value)
        ) from None


def normalise_tag(value: str) -> str:
    """Lower case, no leading '#', no spaces."""
    tag = fold(clean(value)).lstrip("#").replace(" ", "-")
    if not tag:
        raise BadInput(_("'{value}' is not a tag; try dakisolatie or vip").format(value=value))
    return tag


def require_text(value: str, what: str) -> str:
    """Cleaned text that must not be empty ("a contact's name cannot be empty")."""
    cleaned = clean(value)
    if not cleaned:
        raise BadInput(_("{what} cannot be empty").format(what=what))
    return cleaned


# The Dutch (and a few other) words salespeople type for the fixed values.
SYNONYMS = {
    # kinds of conversation
    "telefoon": "call", "gebeld": "call", "bellen": "call", "telefonisch": "call",
    "phone": "call", "mail": "email", "e-mail": "email", "gemaild": "email",
    "afspraak": "meeting", "vergadering": "meeting", "overleg": "meeting",
    "bezoek": "visit", "bezocht": "visit", "notitie": "note", "klacht": "complaint",
    # reasons
    "terugbellen": "callback", "call back": "callback", "call-back": "callback",
    "vraag": "question", "offerte": "quote", "check-in": "checkin", "overig": "other",
    "anders": "other",
    # a joint visit's roles
    "leiden": "lead", "leidt": "lead", "gelijk": "equal", "gelijkwaardig": "equal",
    "tweede": "second", "tweede viool": "second",
    # priorities
    "hoog": "high", "normaal": "normal", "laag": "low",
    # statuses
    "klant": "customer", "ambassadeur": "ambassador", "oud-klant": "former",
    "oud klant": "former", "ex-klant": "former", "oud": "former",
    # quote statuses, as the Dutch tables show them
    "concept": "draft", "verstuurd": "sent", "in onderhandeling": "negotiating",
    "onderhandeling": "negotiating", "gewonnen": "won", "verloren": "lost",
    "verlopen": "expired",
}  # fmt: skip


def canonical(value: str, allowed: tuple[str, ...]) -> str:
    """``value`` as salesnotes stores it when it is one of ``allowed`` or a word for one
    (``SYNONYMS``: 'telefoon' is a call, 'hoog' high, 'klant' a customer), else as typed."""
    folded = " ".join(value.strip().lower().split())
    if folded in allowed:
        return folded
    found = SYNONYMS.get(folded)
    return found if found in allowed else value


def choices(allowed: tuple[str, ...]) -> str:
    """The words a choice takes, as the user says them: 'terugbellen, klacht, vraag, ...' for
    a Dutch user (each is accepted: ``SYNONYMS``), the stored words in English."""
    from salesnotes.i18n import term

    return ", ".join(dict.fromkeys(term(value) for value in allowed))


WHAT = {
    "status": N_("status"), "reason": N_("reason"), "priority": N_("priority"),
    "kind": N_("kind of conversation"), "quote status": N_("quote status"),
    "role": N_("role on a visit"),
}  # fmt: skip
"""What each choice is called in messages (translated where shown)."""


def one_of(value: str, allowed: tuple[str, ...], what: str) -> str:
    """A value from a fixed set (or a Dutch word for one), case-insensitive; anything else
    names the choices, in the language spoken (``what``: a key of ``WHAT``)."""
    found = canonical(value, allowed)
    if found not in allowed:
        raise BadInput(
            _("'{value}' is not a {what}; use one of: {allowed}").format(
                value=value, what=_(WHAT.get(what, what)), allowed=choices(allowed)
            )
        )
    return found
