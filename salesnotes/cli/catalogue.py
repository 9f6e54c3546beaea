"""The Dutch catalogue: ``python -m salesnotes.cli.catalogue`` finds every message, merges them into
``salesnotes/locale/nl/LC_MESSAGES/salesnotes.po`` (translations kept, new ones empty, gone ones
dropped) and compiles the ``.mo`` beside it. A developer's tool: it needs Babel (the ``test``
and ``dev`` extras), which salesnotes itself never imports.

Messages are found, not listed by hand:
- calls in salesnotes' source: ``_("...")``, ``N_("...")``, ``n_(one, many, n)``,
  ``Nn_(one, many)``, and the headers of ``Column("...")`` and ``add_column("...")``;
- the stored words ``term()`` shows (kinds, reasons, priorities, statuses), in context "term";
- every help text of the typer app, read from the built click commands (the exact strings
  click shows);
- click's and typer's own messages (usage, options, errors), which salesnotes' help and
  errors show in the language spoken (``cli.app`` hands them this catalogue).
"""

from __future__ import annotations

import ast
import os

TYPE_CHECKING = False
if TYPE_CHECKING:
    from collections.abc import Iterator
    from typing import Any

PACKAGE = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PO = os.path.join(PACKAGE, "locale", "nl", "LC_MESSAGES", "salesnotes.po")
MO = PO[:-3] + ".mo"

Message = tuple[str | tuple[str, str], str | None]  # (msgid or (one, many), context)


def _calls(path: str, *, ours: bool) -> Iterator[Message]:
    with open(path, encoding="utf-8") as file:
        tree = ast.parse(file.read())
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        texts = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
        if name in ("_", "N_", "gettext") and texts and isinstance(texts[0], str):
            yield texts[0], None
        elif name in ("n_", "Nn_", "ngettext") and len(texts) >= 2:
            one, many = texts[0], texts[1]
            if isinstance(one, str) and isinstance(many, str):
                yield (one, many), None
        elif ours and name in ("Column", "add_column") and texts and _header(texts[0]):
            yield texts[0], None  # type: ignore[misc]


def _header(text: object) -> bool:
    """A column header with words in it (not '#' or '%')."""
    return isinstance(text, str) and bool(text.strip("#% "))


def source_messages() -> Iterator[Message]:
    """Every message marked in salesnotes' source."""
    for folder, _dirs, files in os.walk(PACKAGE):
        for name in sorted(files):
            if name.endswith(".py"):
                yield from _calls(os.path.join(folder, name), ours=True)


def term_messages() -> Iterator[Message]:
    """The stored words shown through ``term()``."""
    from salesnotes import models

    words = (
        *models.STATUSES,
        *models.INTERACTION_KINDS,
        *models.REASONS,
        *models.PRIORITIES,
        *models.QUOTE_STATUSES,
        "open",
        "done",
        "contact",  # what search found
        "interaction",
        "followup",
        "organisation",
    )
    for word in dict.fromkeys(words):
        yield word, "term"


def help_messages() -> Iterator[Message]:
    """Every help text of the command line, as click holds it."""
    from salesnotes.cli import build

    def walk(command: Any) -> Iterator[Message]:
        if command.help:
            yield command.help, None
        for param in command.params:
            text = getattr(param, "help", None)
            if text:
                yield text, None
        for sub in getattr(command, "commands", {}).values():
            yield from walk(sub)

    yield from walk(build())


def click_messages() -> Iterator[Message]:
    """click's and typer's own messages."""
    import typer

    yield from _calls(os.path.join(os.path.dirname(typer.__file__), "core.py"), ours=False)


def messages() -> dict[tuple[str | tuple[str, str], str | None], None]:
    """Every message the catalogue must translate, once each, in a stable order."""
    found: dict[tuple[str | tuple[str, str], str | None], None] = {}
    for source in (source_messages, term_messages, help_messages, click_messages):
        for message in source():
            found.setdefault(message, None)
    return found


def main() -> None:
    """Merge the messages into the .po (keeping translations) and compile the .mo."""
    try:
        from babel.messages.catalog import Catalog
        from babel.messages.mofile import write_mo
        from babel.messages.pofile import read_po, write_po
    except ImportError:
        raise SystemExit(
            "Error: the catalogue is made with Babel: pip install -e '.[dev]'"
        ) from None

    old = None
    if os.path.exists(PO):
        with open(PO, "rb") as file:
            old = read_po(file)
    from datetime import datetime

    from salesnotes import __version__

    stamp = datetime(2026, 11, 23)  # fixed: running this again changes nothing by itself
    catalog = Catalog(
        locale="nl",
        project="salesnotes",
        version=__version__,
        domain="salesnotes",
        fuzzy=False,
        copyright_holder="the salesnotes developers",
        last_translator="the salesnotes developers",
        language_team="Dutch",
        creation_date=stamp,
        revision_date=stamp,
    )
    for msgid, context in messages():
        known = old.get(msgid if isinstance(msgid, str) else msgid[0], context) if old else None
        catalog.add(
            msgid,
            string=known.string if known else ("", "") if isinstance(msgid, tuple) else "",
            context=context,
        )
    os.makedirs(os.path.dirname(PO), exist_ok=True)
    with open(PO, "wb") as file:
        write_po(file, catalog, width=100, omit_header=False, sort_output=False)
    with open(MO, "wb") as file:
        write_mo(file, catalog)
    missing = [
        m
        for m in catalog
        if m.id and not (m.string if isinstance(m.string, str) else all(m.string or ()))
    ]
    print(f"{len(catalog)} messages, {len(missing)} without a translation: {PO}")


if __name__ == "__main__":
    main()
