"""Dutch or English: which language this invocation speaks, and its translations.

Every message is written in English in the code and marked: ``_("Logged {kind} ...")`` for a
message made where it is shown, ``N_("...")`` for one defined ahead (a table of labels, a help
text) and translated where it is shown, ``n_(one, many, n)`` for a count. The Dutch is a
gettext catalogue in the package (``salesnotes/locale/nl/LC_MESSAGES/salesnotes.po``, compiled
to ``.mo``; ``python -m salesnotes.cli.catalogue`` extracts, merges and compiles it), read with
the standard library's ``gettext``.

The language: ``ui.language`` in the configuration (``nl`` or ``en``), else the locale (the
first of ``LC_ALL``, ``LC_MESSAGES``, ``LANG`` that is set: Dutch when it starts with ``nl``),
else English. Output for scripts (``--format json`` or ``plain``) is written in English
whatever the language (``for_scripts``: only while it is written; what is said on stderr stays
in the person's language). English never loads a
catalogue: the message is its own translation, so the English start-up costs nothing.
"""

from __future__ import annotations

import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from gettext import GNUTranslations

LANGUAGES = ("en", "nl")
DOMAIN = "salesnotes"
LOCALE_FOLDER = os.path.join(os.path.dirname(__file__), "locale")

_spoken: str | None = None
_catalogues: dict[str, GNUTranslations] = {}


def language() -> str:
    """'nl' or 'en': what this invocation speaks (chosen once, on first use)."""
    global _spoken
    if _spoken is None:
        _spoken = locale_language()  # what reading the configuration says if it fails
        _spoken = chosen()
    return _spoken


def grouped(number: int) -> str:
    """A whole number with its thousands grouped as the language writes them: '100,000' in
    English, '100.000' in Dutch."""
    text = f"{number:,}"
    return text.replace(",", ".") if language() == "nl" else text


def speak(spoken: str | None) -> None:
    """Speak this language from now on (None: choose again from the settings and locale, as
    each new invocation does)."""
    global _spoken
    _spoken = spoken


def chosen() -> str:
    """The language the settings and the locale choose."""
    setting = _setting()
    if setting in LANGUAGES:
        return setting
    return locale_language()


def locale_language() -> str:
    """'nl' when the locale (LC_ALL, else LC_MESSAGES, else LANG) is Dutch, else 'en'."""
    for variable in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(variable)
        if value:
            return "nl" if value.lower().startswith("nl") else "en"
    return "en"


def _setting() -> str:
    """``ui.language``; a configuration that cannot be read chooses nothing here (the command
    that reads it says what is wrong with it, in the locale's language)."""
    from salesnotes.config import load
    from salesnotes.errors import SalesnotesError

    try:
        return load().get_str("ui.language")
    except SalesnotesError:
        return "auto"


def _catalogue(spoken: str) -> GNUTranslations:
    found = _catalogues.get(spoken)
    if found is None:
        from gettext import GNUTranslations

        path = os.path.join(LOCALE_FOLDER, spoken, "LC_MESSAGES", DOMAIN + ".mo")
        with open(path, "rb") as file:
            found = _catalogues[spoken] = GNUTranslations(file)
    return found


def _(message: str) -> str:
    """``message`` in the language spoken."""
    if not message or language() == "en":
        return message
    return _catalogue(language()).gettext(message)


def n_(singular: str, plural: str, count: int) -> str:
    """The form of a message for ``count`` things, in the language spoken."""
    if language() == "en":
        return singular if count == 1 else plural
    return _catalogue(language()).ngettext(singular, plural, count)


def said_in(message: str, spoken: str) -> str:
    """``message`` in the language ``spoken``, whatever this invocation speaks (to find a
    line salesnotes wrote in another language)."""
    if spoken == "en" or not message:
        return message
    return _catalogue(spoken).gettext(message)


MACHINE_FORMATS = ("json", "plain")
"""Output formats for scripts: their words do not change with the language a person speaks."""


class _Speaking:
    """Speak a language for the time of a with-block (None: no change), then as before."""

    def __init__(self, spoken: str | None) -> None:
        self.spoken = spoken
        self.before: str | None = None

    def __enter__(self) -> None:
        global _spoken
        self.before = _spoken
        if self.spoken:
            _spoken = self.spoken

    def __exit__(self, *exc: object) -> None:
        global _spoken
        _spoken = self.before


def for_scripts(fmt: str) -> _Speaking:
    """English while output scripts read (``fmt`` json or plain) is written: its words never
    change with the language a person speaks. A table or text for a person, and everything
    said on stderr, stay in theirs."""
    return _Speaking("en" if fmt in MACHINE_FORMATS else None)


def N_(message: str) -> str:
    """Mark ``message`` for the catalogue without translating it yet: it is defined ahead
    (a label, a help text) and translated with ``_`` where it is shown."""
    return message


def term(value: str) -> str:
    """A stored word (a kind, reason, status, priority: 'call', 'callback', 'customer') as the
    language spoken says it; the stored word itself does not change."""
    if language() == "en":
        return value
    return _catalogue(language()).pgettext("term", value)


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802  gettext's own naming
    """Mark a message with a plural form, defined ahead; ``n_(*pair, count)`` translates it."""
    return singular, plural
