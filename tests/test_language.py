"""Dutch and English: every command's happy path in both languages, and no sentence of one
language in the other's output; the choice of language; the catalogue's completeness."""

from __future__ import annotations

import gettext
import json
import re
from pathlib import Path

import pytest

from salesnotes.cli import catalogue
from tests.conftest import Run

# Words of English sentences that Dutch output never holds (command names, options, quoted
# values and e-mail addresses are taken out first: they stay as they are in any language).
ENGLISH = re.compile(
    r"\b(the|and|with|to|for|from|not|yet|has|have|were|would|this|that|which|who|why|"
    r"nothing|nobody|due|overdue|follow-ups?|quotes?|logged|added|updated|wrote|since|"
    r"after|before|into|are|been|will|cannot|calls?|today|tomorrow|days?|weeks|"
    r"months?|hours?|open follow-up|last|note|none|every|until|valid|won|lost|sent|"
    r"draft|customer|callback|question|complaint|meeting|visit|priority|high|low|"
    r"Usage|Options|Commands|Arguments|Show|Error)\b"
)
# Words of Dutch sentences that English output never holds.
DUTCH = re.compile(
    r"\b(niet|geen|voor|vandaag|actie|acties|offerte|offertes|gesprek|wie|bel|je|"
    r"niets|niemand|klant|klacht|terugbellen|vastgelegd|toegevoegd|bijgewerkt|geschreven|"
    r"sinds|dagen|weken|uur|laatst|verloopt|verlopen|gewonnen|verloren|verstuurd|"
    r"Gebruik|Opties|Opdrachten|Fout|het|een|van|met|naar|op|zijn|wordt)\b"
)
# What stays as written in any language: command lines, options, quoted words, addresses,
# the book's own names, and the words the test itself typed.
KEPT = [
    r"'[^']*'",
    r'"[^"]*"',
    r"salesnotes(?: [a-z][a-z-]*)*",
    r"--?[a-z][a-z-]*(?:[ =][^\s,;)]+)?",
    r"\S+@\S+",
    r"\$[A-Z_]+",
    r"/[\w./-]+",
    r"\b[A-Z][\w.-]*(?: (?:de|van|van de|der|den|El|&))?(?: [A-Z][\w.&-]*)+",  # a name
    r"^\s*[a-z][a-z-]+\s{2,}",  # a command in help's list of commands
    r"\b[a-z_]+(?:\.[a-z_]+)+\b",  # a setting's name: brief.to, quotes.valid_days
    r"<[^>]*>",  # html's tags
]


# In help, the words a user types stay English: the stored values (kinds, reasons,
# statuses, priorities), the commands' names and the CSV fields.
TYPED = re.compile(
    r"\b(call|email|meeting|visit|note|complaint|callback|question|quote|quotes|checkin|"
    r"other|high|normal|low|customer|draft|sent|won|lost|last|followups|contacts)\b"
)


# Words Dutch and English share, as salesnotes uses them.
SHARED = " Score Status Tags Contact E-mail Tekst Titel Valuta Vastgelegd lead prospect "


def _messages() -> list[tuple[str, str]]:
    """(English, Dutch) for every message and plural form of the catalogue."""
    with open(catalogue.MO, "rb") as file:
        dutch = gettext.GNUTranslations(file)
    pairs = []
    for msgid, context in catalogue.messages():
        if isinstance(msgid, tuple):
            pairs += [(msgid[0], dutch.ngettext(*msgid, 1)), (msgid[1], dutch.ngettext(*msgid, 5))]
        elif context:
            pairs.append((msgid, dutch.pgettext(context, msgid)))
        else:
            pairs.append((msgid, dutch.gettext(msgid)))
    return pairs


def _own_words(language: int) -> re.Pattern[str]:
    """The words of the catalogue's messages (0: English, 1: Dutch) that the other language's
    messages never use: any of them in the other language's output is a message (or part of
    one) that was not translated."""
    pairs = _messages()
    # A message the same in both (a header such as 'Status') holds no language's own words;
    # nor does one left untranslated, which is what this looks for.
    theirs = " ".join(pair[1 - language] for pair in pairs if pair[0] != pair[1]) + SHARED
    words = {
        word
        for pair in pairs
        for word in re.findall(r"[A-Za-z][a-z]{3,}", re.sub(r"\{[^{}]*\}", " ", pair[language]))
        if not re.search(rf"\b{word}\b", theirs, re.IGNORECASE)
    }
    return re.compile(r"\b(" + "|".join(sorted(words, key=len, reverse=True)) + r")\b")


def _leftover(text: str, command: str = "") -> str:
    if command.startswith("import "):  # a file's own column names, in its own language
        path = Path(command.split()[1])
        if path.suffix == ".csv":
            header = path.read_bytes().decode("utf-8", "replace").splitlines()[0]
            for name in sorted(re.split(r"[;,]", header.replace('"', "")), key=len, reverse=True):
                if name.strip():
                    text = text.replace(name.strip(), " ")
    for pattern in KEPT:
        text = re.sub(pattern, " ", text)
    if command.endswith("--help"):
        text = TYPED.sub(" ", text)
        text = re.sub(r"\b(telefoon|mail|afspraak|bezoek|notitie|klacht)\b", " ", text)
    return text


def _session(run: Run, tmp_path: Path, say: dict[str, str]) -> list[tuple[str, str]]:
    """Every command's happy path once; (command, what it printed) for each."""
    # The follow-ups the session makes are numbered on from the demo's own.
    made = len(json.loads(run("followups", "--all", "--format", "json").stdout))
    anna_tomorrow, complaint = str(made + 2), str(made + 4)
    csv = tmp_path / "klanten.csv"
    csv.write_text(f"naam;organisatie;telefoon\n{say['person']};Wever BV;06 11112222\n")
    lines = [
        ["add", say["person"], "--org", "Wever BV", "--status", "customer", "--every", "4w"],
        ["edit", say["person"], "--tag", "vip", "--city", "Zwolle"],
        ["log", "jan", say["said"], "--kind", "call", "--next", "vrijdag"],
        ["log", "anna", say["said"], "--kind", "email", "--next", "morgen 14:00"],
        ["follow", "jan", "maandag", say["about"], "--reason", "callback", "--priority", "high"],
        ["complaint", "pieter", say["said"]],
        ["agenda"],
        ["agenda", "--explain"],
        ["agenda", "--date", "zaterdag"],
        ["show", "jan"],
        ["show", "Pluimers", "--org"],
        ["contacts"],
        ["contacts", "--losing-touch"],
        ["orgs"],
        ["followups"],
        ["followups", "--all"],
        ["quotes"],
        ["quotes", "--all"],
        ["quotes", "--stale"],
        ["quote", "show", "1"],
        ["pipeline"],
        ["search", "hal"],
        ["duplicates"],
        ["config"],
        ["brief"],
        ["brief", "--format", "markdown"],
        ["brief", "--format", "html"],
        ["quote", "add", "jan", "12.500", "--title", say["about"], "--send"],
        ["quote", "revise", "7", "11.800", "--note", say["said"]],
        ["quote", "renew", "7"],
        ["quote", "edit", "7", "--probability", "70"],
        ["quote", "won", "7"],
        ["quote", "add", "anna", "8.000", "--title", say["about"]],
        ["quote", "lost", "8", "--reason", say["said"]],
        ["quote", "add", "anna", "900", "--title", say["about"]],
        ["quote", "expire", "9"],
        ["done", "1", "--note", say["said"], "--kind", "call", "--next", "over 2 weken"],
        ["snooze", "2", "volgende week"],
        ["snooze", anna_tomorrow, "morgen", "--earlier"],
        ["resolve", complaint, "--note", say["said"]],
        ["log-edit", "1", "--text", say["said"]],
        ["archive", say["person"]],
        ["archive", say["person"], "--undo"],
        ["undo", "--list"],
        ["undo"],
        ["delete", "followup", "3", "--yes"],
        ["backup", str(tmp_path / "copy.db")],
        ["backups"],
        ["doctor"],
        ["export", "--format", "vcard", "-o", str(tmp_path / "out.vcf")],
        ["import", str(csv), "--dry-run"],
        ["merge", "jose", "jan", "--dry-run"],
        ["export-person", "jan", "-o", str(tmp_path / "jan.json")],
        ["off", "24-12..3-1", "--note", say["about"]],
        ["off"],
        ["follow", "jan", "morgen"],
        ["org", "pluimers", "--phone", "038 421 7788"],
        ["search", "038 421 7788"],
        ["export", "--format", "ics", "-o", str(tmp_path / "out.ics")],
        *[["import", str(path), "--dry-run", "--skip-bad"] for path in FIXTURES],
        ["--help"],
        *[[name, "--help"] for name in COMMANDS],
        ["quote", "add", "--help"],
    ]
    said = []
    for line in lines:
        result = run(*line, expect=None)
        assert result.exit_code in (0, 1), (line, result.stdout, result.stderr)
        if line != ["doctor"]:  # doctor's exit 1 names a rights problem of the test's folder
            assert result.exit_code == 0, (line, result.stdout, result.stderr)
        said.append((" ".join(line), result.stdout + result.stderr))
    # Every choice refused names its choices in the words the user types; and the usage
    # errors of the framework itself.
    workbook = tmp_path / "klanten.xlsx"
    workbook.write_bytes(b"PK\x03\x04 an Excel workbook")
    for line in [
        ["follow", "jan", "vrijdag", "x", "--reason", "blabla"],
        ["follow", "jan", "vrijdag", "x", "--priority", "blabla"],
        ["log", "jan", "x", "--kind", "blabla"],
        ["add", "Piet", "--status", "blabla"],
        ["contacts", "--status", "blabla"],
        ["quotes", "--status", "blabla"],
        ["agenda", "--format", "blabla"],
        ["agenda", "--limt", "3"],
        ["follow", "jan"],
        ["import", str(workbook)],
    ]:
        result = run(*line, expect=None)
        assert result.exit_code in (2, 3), (line, result.stdout, result.stderr)
        said.append((" ".join(line), result.stdout + result.stderr))
    # What export writes for people to read (a calendar's descriptions and name); what a
    # standard defines stays as it is.
    ics = (tmp_path / "out.ics").read_text(encoding="utf-8").replace("\r\n ", "")
    shown = [
        line.split(":", 1)[1]
        for line in ics.splitlines()
        if line.startswith(("SUMMARY:", "DESCRIPTION:", "X-WR-CALNAME:", "CATEGORIES:"))
    ]
    said.append(("export --format ics", "\n".join(shown).replace("\\n", "\n")))
    return said


DATA = Path(__file__).parent / "data"
FIXTURES = sorted((DATA / "import").glob("*.csv")) + sorted((DATA / "vcards").glob("*.vcf"))


COMMANDS = [
    "agenda", "brief", "complaint", "resolve", "add", "edit", "archive", "contacts", "orgs",
    "show", "import", "export", "demo", "duplicates", "merge", "backup", "backups", "restore",
    "doctor", "export-person", "forget", "log-edit", "delete", "undo", "follow", "followups",
    "done", "snooze", "log", "quotes", "pipeline", "search", "config", "quote",
]  # fmt: skip

DUTCH_WORDS = {"person": "Wim Wever", "said": "Gebeld over hal 3", "about": "Offerte nabellen"}
ENGLISH_WORDS = {"person": "Will Weaver", "said": "Called about hall 3", "about": "Chase it"}


def _demo(run: Run) -> None:
    run("demo")


@pytest.mark.parametrize(
    ("locale", "typed", "other_language"),
    [("nl_NL.UTF-8", DUTCH_WORDS, ENGLISH), ("en_GB.UTF-8", ENGLISH_WORDS, DUTCH)],
    ids=["dutch output has no english", "english output has no dutch"],
)
@pytest.mark.sqlite_only  # reads or writes the SQLite file itself
@pytest.mark.slow
def test_no_sentence_of_the_other_language(
    run: Run,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    locale: str,
    typed: dict[str, str],
    other_language: re.Pattern[str],
) -> None:
    monkeypatch.setenv("LANG", locale)
    _demo(run)
    messages = _own_words(0 if locale.startswith("nl") else 1)  # the other language's own
    leaks = []
    for command, out in _session(run, tmp_path, typed):
        for line in out.splitlines():
            kept = _leftover(line, command)
            found = other_language.findall(kept) + messages.findall(kept)
            if found:
                leaks.append(f"{command}: {line.strip()}  [{', '.join(found)}]")
    assert not leaks, "\n".join(leaks)


def test_the_language_follows_the_setting_then_the_locale(
    run: Run, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    _demo(run)
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    assert run("agenda").stdout.startswith("Wie bel je op wo 25 nov 2026")
    monkeypatch.setenv("LC_ALL", "en_US.UTF-8")  # LC_ALL before LANG, as POSIX says
    assert run("agenda").stdout.startswith("Who to call on Wed 25 Nov 2026")
    monkeypatch.delenv("LC_ALL")
    config = tmp_path / "config.toml"
    config.write_text('[ui]\nlanguage = "en"\n')
    monkeypatch.setenv("SALESNOTES_CONFIG", str(config))
    assert run("agenda").stdout.startswith("Who to call on")
    config.write_text('[ui]\nlanguage = "nl"\n')
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert run("agenda").stdout.startswith("Wie bel je op")
    config.write_text('[ui]\nlanguage = "fr"\n')
    result = run("agenda", expect=2)
    assert "'ui.language' must be one of auto, nl, en, not 'fr'" in result.stderr


# Every command line with a format for scripts (json, plain), on the demo book.
MACHINE_LINES = [
    ["agenda"], ["agenda", "--explain"], ["agenda", "--team"], ["agenda", "--date", "2026-12-25"],
    ["contacts"], ["contacts", "--losing-touch"], ["orgs"], ["org", "bakker bouw"],
    ["show", "1"], ["show", "bakker bouw", "--org"], ["off"], ["duplicates"],
    ["undo", "--list"], ["followups", "--all"], ["quotes", "--all"], ["pipeline"],
    ["search", "offerte"], ["quote", "show", "1"], ["config"],
]  # fmt: skip


@pytest.mark.slow
def test_scripts_read_the_same_words_in_any_language(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What a script reads (json, plain) is the same whatever language the person speaks:
    every listing, reasons and score terms, statuses, days off and public holidays."""
    _demo(run)
    run("off", "2026-12-24..2026-12-31", "--note", "Kerstvakantie")
    lines = [[*line, "--format", fmt] for line in MACHINE_LINES for fmt in ("json", "plain")]
    lines.append(["brief", "--since", "2026-11-01", "--format", "json"])
    english = [run(*line).stdout for line in lines]
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    dutch = [run(*line).stdout for line in lines]
    for line, said, expected in zip(lines, dutch, english, strict=True):
        assert said == expected, line
    agenda = english[lines.index(["agenda", "--format", "plain"])]
    assert "due today" in agenda
    [first, *_rest] = json.loads(english[0])
    assert first["reasons"][0].startswith("complaint open")


def test_dutch_dates_amounts_and_errors(run: Run, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    run("add", "Jan de Vries")
    out = run("follow", "jan", "vrijdag", "Offerte nabellen").stdout
    assert "vr 27 nov 2026" in out
    out = run("quote", "add", "jan", "12500", "--title", "Dakisolatie").stdout
    assert "€ 12.500,00" in out
    result = run("follow", "jan", "gisteravond", "x", expect=2)
    assert result.stderr.startswith("Fout: 'gisteravond' is geen datum; probeer ")
    help_text = run("follow", "--help").stdout
    assert help_text.startswith("Gebruik: ")
    assert "Plan een actie met een contact" in help_text
    # The examples stay one command line each, as in English.
    assert '\n  salesnotes follow jan vrijdag "Offerte nabellen" --reason quote\n' in help_text


@pytest.mark.slow
def test_every_message_has_a_dutch_translation() -> None:
    with open(catalogue.MO, "rb") as file:
        dutch = gettext.GNUTranslations(file)
    missing = []
    for msgid, context in catalogue.messages():
        if isinstance(msgid, tuple):
            key: object = (msgid[0], 0)
        else:
            key = f"{context}\x04{msgid}" if context else msgid
        if not dutch._catalog.get(key):  # type: ignore[attr-defined]
            missing.append(msgid)
    assert not missing, missing


def test_the_compiled_catalogue_is_the_po_file() -> None:
    """The shipped .mo holds exactly the .po's messages. Compared message by message, as
    gettext reads them, never byte by byte: each Babel release writes its own version into
    the header, and a fresh install pulls whichever is newest."""
    import io

    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    with open(catalogue.PO, "rb") as file:
        po = read_po(file)
    fresh = io.BytesIO()
    write_mo(fresh, po)
    fresh.seek(0)

    def messages(translations: gettext.GNUTranslations) -> dict[object, str]:
        found: dict[object, str] = translations._catalog  # type: ignore[attr-defined]
        return {key: text for key, text in found.items() if key != ""}  # "" is the header

    with open(catalogue.MO, "rb") as file:
        shipped = messages(gettext.GNUTranslations(file))
    assert shipped == messages(gettext.GNUTranslations(fresh)), (
        "run: python -m salesnotes.cli.catalogue"
    )


@pytest.mark.slow
def test_every_translation_keeps_its_placeholders() -> None:
    def holes(text: str) -> list[str]:
        """Its {placeholders}, and click's '\\b' (a paragraph of examples kept as written)."""
        return sorted(set(re.findall(r"\{[^{}]*\}", text))) + ["\b"] * text.count("\b")

    wrong = [(m, t) for m, t in _messages() if holes(m) != holes(t)]
    assert not wrong, wrong


def test_a_chase_made_in_english_follows_a_revision_in_dutch(
    run: Run, monkeypatch: pytest.MonkeyPatch
) -> None:
    run("add", "Jan de Vries")
    run("quote", "add", "jan", "12500", "--title", "Hal 3", "--send")
    monkeypatch.setenv("LANG", "nl_NL.UTF-8")
    run("quote", "revise", "1", "11.800")
    out = run("followups").stdout
    assert "Offerte #1 Hal 3 nabellen (€ 11.800,00)" in out


@pytest.mark.slow
def test_shell_completion_describes_in_the_language_spoken(run: Run) -> None:
    from tests.test_finding import _complete

    run("add", "Jan de Vries")
    assert "Wie je vandaag belt en waarom" in _complete("zsh", "salesnotes ag", LANG="nl_NL.UTF-8")
    assert "(opent er een)" in _complete("zsh", "salesnotes log --k", LANG="nl_NL.UTF-8")
    assert "Who to call today and why" in _complete("zsh", "salesnotes ag", LANG="C.UTF-8")


@pytest.mark.slow
def test_every_message_is_given_exactly_its_placeholders() -> None:
    """`_("... {name} ...").format(name=...)`: each placeholder has its keyword and each keyword
    its placeholder (a missing one is a KeyError on a path no test may walk)."""
    import ast
    import string

    wrong = []
    for path in sorted(Path(catalogue.PACKAGE).rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "format"
                and isinstance(node.func.value, ast.Call)
                and getattr(node.func.value.func, "id", None) in ("_", "n_")
                and node.func.value.args
                and isinstance(node.func.value.args[0], ast.Constant)
            ):
                continue
            if any(k.arg is None for k in node.keywords) or node.args:
                continue  # **fields: checked where they are made
            texts = [
                a.value
                for a in node.func.value.args[:2]
                if isinstance(a, ast.Constant) and isinstance(a.value, str)
            ]
            holes = {
                field.split(".")[0].split("[")[0]
                for text in texts
                for _literal, field, _spec, _conversion in string.Formatter().parse(text)
                if field
            }
            given = {k.arg for k in node.keywords if k.arg is not None}
            if holes != given:
                wrong.append(f"{path.name}:{node.lineno}: {sorted(holes)} vs {sorted(given)}")
    assert not wrong, "\n".join(wrong)
