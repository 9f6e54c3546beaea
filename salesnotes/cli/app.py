"""The typer app: global options, and the group that turns failures into exit codes."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated, Any

import typer
import typer.core
from typer.core import TyperArgument, TyperGroup, TyperOption

from salesnotes import __version__
from salesnotes.env import Env
from salesnotes.errors import SalesnotesError
from salesnotes.i18n import N_, _, speak

EXIT_CODES_HELP = N_(
    "Exit codes: 0 ok, 1 error, 2 bad input, 3 not found, 4 ambiguous or conflict."
)


def env(ctx: typer.Context) -> Env:
    """The Env of this invocation (set up by the app's callback)."""
    obj = ctx.find_root().obj
    if not isinstance(obj, Env):
        obj = Env()
        ctx.find_root().obj = obj
    return obj


def first_sentence(text: str) -> str:
    """The first sentence of a help text, whole: what a command list shows of it (a '. '
    or '; ' inside brackets does not end it)."""
    flat = " ".join(text.split("\n\n")[0].split())
    depth = 0
    for n, ch in enumerate(flat):
        depth += {"(": 1, ")": -1}.get(ch, 0)
        if depth == 0 and flat[n : n + 2] in (". ", "; "):
            flat = flat[:n]
            break
    return flat.rstrip(".") + "."


class HelpGroup(TyperGroup):
    """A group whose command list shows each command's first sentence whole (click cuts a
    summary at the width with '...')."""

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """List the commands, each with its whole first sentence."""
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and command.help:
                command.short_help = first_sentence(command.help)
        super().format_commands(ctx, formatter)


def speak_help(command: Any) -> None:
    """Every help text under ``command`` in the language spoken: each is translated from the
    English it is written in (kept aside the first time), so a process that changes language
    (the tests) shows each language right."""
    english = command.__dict__.get("_english")
    if english is None:
        english = (command.help, [getattr(p, "help", None) for p in command.params])
        command.__dict__["_english"] = english
    command.help = _(english[0]) if english[0] else english[0]
    for param, text in zip(command.params, english[1], strict=False):
        if text:
            param.help = _(text)
    for sub in getattr(command, "commands", {}).values():
        speak_help(sub)


_ClickContext: Any = typer.Context.__mro__[1]  # the click context typer builds on
_get_help = _ClickContext.get_help

# The words typer's own click writes as they are (no gettext there), in the language spoken.
CLICK_WORDS = (
    (r"^Usage: ", N_("Usage: ")),
    (r"\[OPTIONS\]", N_("[OPTIONS]")),
    (r"\(Possible options: (?P<names>[^)]*)\)", N_("(Possible options: {names})")),
    (r"^Error: ", N_("Error: ")),
    (r"^Try '(?P<command>[^']*)' for help\.", N_("Try '{command}' for help.")),
    (r"Show this message and exit\.", N_("Show this message and exit.")),
    (r"No such option: (?P<option>\S+)", N_("No such option: {option}")),
    (r"Missing argument '(?P<name>[^']*)'\.", N_("Missing argument '{name}'.")),
    (r"Missing option '(?P<name>[^']*)'\.", N_("Missing option '{name}'.")),
    (
        r"Got unexpected extra arguments?(?:\(s\))? \((?P<words>.*)\)$",
        N_("Got unexpected extra arguments ({words})"),
    ),
    (
        r"(?P<value>\S+) is not in the range (?P<range>\S+)\.$",
        N_("{value} is not in the range {range}."),
    ),
    (
        r"(?P<value>'[^']*') is not a valid int(?:eger)?(?: range)?\.$",
        N_("{value} is not a whole number."),
    ),
    (r"Invalid value for (?P<name>.+?): ", N_("Invalid value for {name}: ")),
    (
        r"Option '(?P<name>[^']*)' requires an argument\.",
        N_("Option '{name}' requires an argument."),
    ),
    (
        r"(?P<value>'[^']*') is not one of (?P<choices>.*)\.$",
        N_("{value} is not one of {choices}."),
    ),
    (r"Did you mean (?P<names>.*)\?$", N_("Did you mean {names}?")),
)


def click_words(text: str) -> str:
    """``text`` (a help page or an error from click) with click's fixed words translated."""
    from salesnotes.i18n import language

    if language() == "en":
        return text
    import re

    lines = []
    for line in text.split("\n"):
        for pattern, message in CLICK_WORDS:
            said = _(message)
            line = re.sub(pattern, lambda m, said=said: said.format(**m.groupdict()), line)  # type: ignore[misc]
        lines.append(line)
    return "\n".join(lines)


def _spoken_help(ctx: Any) -> str:
    speak_help(ctx.find_root().command)
    return click_words(_get_help(ctx))


_ClickContext.get_help = _spoken_help
_ClickCommand: Any = sys.modules[_ClickContext.__module__].Command
_short_help = _ClickCommand.get_short_help_str


def _spoken_short_help(self: Any, limit: int = 45) -> str:
    """A command's summary where click shows one outside help (shell completion's
    descriptions), in the language spoken."""
    speak_help(self)
    return str(_short_help(self, limit))


_ClickCommand.get_short_help_str = _spoken_short_help
_ShellComplete: Any = sys.modules[
    _ClickContext.__module__.replace(".core", ".shell_completion")
].ShellComplete
_completions = _ShellComplete.get_completions


def _spoken_completions(self: Any, args: list[str], incomplete: str) -> Any:
    """Shell completion's descriptions of commands and options in the language spoken."""
    speak_help(self.cli)
    return _completions(self, args, incomplete)


_ShellComplete.get_completions = _spoken_completions
_exceptions: Any = sys.modules[_ClickContext.__module__.replace(".core", ".exceptions")]
_echo = _exceptions.echo


def _spoken_echo(message: Any = None, *args: Any, **kwargs: Any) -> None:
    """click's echo, for its usage errors: with click's words in the language spoken, and its
    'Error: ...' line one readable line whatever value it echoes (cut first, so that the
    translation never searches 100 KB)."""
    if isinstance(message, str):
        if message.startswith("Error: "):
            from salesnotes.text import readable

            message = readable(message)
        message = click_words(message)
    _echo(message, *args, **kwargs)


_exceptions.echo = _spoken_echo
typer.core._ = _  # type: ignore[attr-defined]  # "Options", "[default: ...]": typer's gettext


# What the placeholders of arguments and option values are called, in the language spoken
# ('WIE WANNEER [TEKST]' in Dutch): in usage lines, help and errors alike.
PLACEHOLDERS = {
    "AMOUNT": N_("AMOUNT"), "FROM": N_("FROM"), "ID": N_("ID"), "INTO": N_("INTO"),
    "NAME": N_("NAME"), "OWNER": N_("OWNER"), "PATH": N_("PATH"), "PERIOD": N_("PERIOD"),
    "SOURCE": N_("SOURCE"), "TARGET": N_("TARGET"), "TEXT": N_("TEXT"), "WHAT": N_("WHAT"),
    "WHEN": N_("WHEN"), "WHO": N_("WHO"), "FILE": N_("FILE"), "N": "N",
}  # fmt: skip
_VALUE_TYPES = {"str": "TEXT", "path": "FILE", "int": "N", "integer": "N", "int range": "N"}


def placeholder(word: str) -> str:
    """An argument's or option value's placeholder in the language spoken."""
    return _(PLACEHOLDERS.get(word, word))


def _metavar(self: TyperArgument, ctx: Any, *, usage: bool = False) -> str:
    """'WHO [TEXT]' as click and most command lines write a usage line (in Dutch 'WIE
    [TEKST]'), not typer's '{WHO} [text]'."""
    var = placeholder((self.metavar or self.name or "").upper())
    if self.nargs != 1:
        var += "..."
    return f"[{var}]" if usage and not self.required else var


def _error_hint(self: TyperArgument, ctx: Any) -> str:
    """How an error names an argument: its placeholder, as the usage line writes it
    (click names one with a metavar by it and one without by its lower-case name)."""
    return f"'{_metavar(self, ctx)}'"


def _option_metavar(self: TyperOption, ctx: Any) -> str:
    """An option's value as help writes it: 'TEXT', 'FILE', 'N' (in Dutch 'TEKST', ...), not
    typer's '<str>'; a choice stays its list of choices."""
    if self.metavar is not None:
        return str(self.metavar)
    shown = _option_metavar_before(self, ctx)
    inner = shown.strip("<>").removesuffix("...")
    if inner in _VALUE_TYPES:
        shown = placeholder(_VALUE_TYPES[inner]) + ("..." if shown.endswith("...") else "")
    return str(shown)


TyperArgument.make_metavar = _metavar  # type: ignore[method-assign]
TyperArgument.get_error_hint = _error_hint  # type: ignore[method-assign]
_option_metavar_before = TyperOption.make_metavar
TyperOption.make_metavar = _option_metavar  # type: ignore[method-assign]


class SalesnotesGroup(HelpGroup):
    """Turns a failure before a command runs (a bad --today) into ``Error: ...`` on stderr and
    its exit code, never a traceback. Inside a command, ``commands.run`` does the same."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        """Read 'log edit ID' as 'log-edit ID', and a word such as '-500' or '-3d' where a
        value is due as that value (``values_not_options``), before click parses."""
        from salesnotes.cli import values_not_options
        from salesnotes.entry import spelled_out

        speak(None)  # each invocation chooses its language (settings, locale)
        if not ctx.resilient_parsing:  # completion sees the words as typed
            from salesnotes import env as environment

            environment.COMMAND_LINE[:] = spelled_out(args)
            args = values_not_options(self, spelled_out(args))
        result: list[str] = super().parse_args(ctx, args)
        return result

    def invoke(self, ctx: Any) -> Any:
        """Run the command; map SalesnotesError to its exit code."""
        from salesnotes import render

        try:
            return super().invoke(ctx)
        except SalesnotesError as exc:
            render.error(exc.message, exc.details)
            ctx.exit(exc.exit_code)
        finally:
            env(ctx).close()


app = typer.Typer(
    name="salesnotes",
    cls=SalesnotesGroup,
    help=(
        "Record a conversation in one command; every morning, a ranked list of who to call "
        f"and why. {EXIT_CODES_HELP}"
    ),
    no_args_is_help=True,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    pretty_exceptions_show_locals=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(_("salesnotes {version}").format(version=__version__))
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="The database file. Default: $SALESNOTES_DB, else the user data folder.",
            show_default=False,
        ),
    ] = None,
    today: Annotated[
        str | None,
        typer.Option(
            "--today",
            help="Pretend today is this date (YYYY-MM-DD); also $SALESNOTES_TODAY.",
            show_default=False,
        ),
    ] = None,
    version: Annotated[
        bool,
        typer.Option(
            "--version", callback=_version, is_eager=True, help="Print the version and exit."
        ),
    ] = False,
) -> None:
    """Global options."""
    ctx.obj = Env.from_options(db, today)
