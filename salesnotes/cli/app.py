"""The typer app, built from the table of commands (``salesnotes.commands.table``).

Each ``Command`` of the table becomes a typer command whose parameters are the table's
``Param``s; running it calls ``commands.run`` with the command's function and the values
typer read, exactly as the fast entry path does. Help and usage errors speak the language
spoken through click's own extension points: the context this app's commands make
(``SpokenContext``) formats help with ``SpokenFormatter``, which translates each help text,
heading, placeholder and typer's '[default: ...]' before it is wrapped; the errors click
raises are written by ``salesnotes.cli.main``. Nothing of typer or click is replaced.
"""

from __future__ import annotations

import enum
import inspect
import re
from typing import Annotated, Any

import typer
from typer.core import TyperCommand, TyperGroup

from salesnotes.commands.table import BY_NAME, COMMANDS, GROUPS, ROOT, Command, Param
from salesnotes.env import Env
from salesnotes.errors import SalesnotesError
from salesnotes.i18n import N_, _

EXIT_CODES_HELP = N_(
    "Exit codes: 0 ok, 1 error, 2 bad input, 3 not found, 4 ambiguous or conflict."
)
HELP = (
    "Record a conversation in one command; every morning, a ranked list of who to call "
    f"and why. {EXIT_CODES_HELP}"
)
VERSION_HELP = "Print the version and exit."


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


# What the placeholders of arguments and option values are called, in the language spoken
# ('WIE WANNEER [TEKST]' in Dutch): in usage lines, help and errors alike.
PLACEHOLDERS = {
    "AMOUNT": N_("AMOUNT"), "FROM": N_("FROM"), "ID": N_("ID"), "INTO": N_("INTO"),
    "NAME": N_("NAME"), "OWNER": N_("OWNER"), "PATH": N_("PATH"), "PERIOD": N_("PERIOD"),
    "SOURCE": N_("SOURCE"), "TARGET": N_("TARGET"), "TEXT": N_("TEXT"), "WHAT": N_("WHAT"),
    "WHEN": N_("WHEN"), "WHO": N_("WHO"), "FILE": N_("FILE"), "N": "N",
}  # fmt: skip
# How help writes an option's value, by the parameter's kind.
VALUE_PLACEHOLDERS = {"text": "TEXT", "int": "N"}
_WORD = re.compile(r"(?<![\w-])[A-Z][A-Z_]*\b")


def placeholders(text: str) -> str:
    """``text`` with each placeholder ('WHO', '[TEXT]', '{WHEN}', 'FILE') in the language
    spoken; typer's braces around a required argument ('{WHO}') dropped, as most command
    lines write a usage line."""
    text = re.sub(r"\{([A-Z_]+(?:\.\.\.)?)\}", r"\1", text)
    return _WORD.sub(lambda m: _(PLACEHOLDERS[m[0]]) if m[0] in PLACEHOLDERS else m[0], text)


def _extra(facts: str) -> str:
    """typer's '[default: 10; 1<=x<=1000000]' or '[required]' in the language spoken."""
    said = []
    for fact in facts.split("; "):
        if fact == "required":
            fact = _("required")
        elif fact.startswith("default: "):
            fact = _("default: {default}").format(default=fact.removeprefix("default: "))
        said.append(fact)
    return "; ".join(said)


# The words of click's usage errors, in the language spoken (click writes them in English).
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
    (r"No such command '(?P<name>[^']*)'\.", N_("No such command {name!r}.")),
    (r"Missing command\.$", N_("Missing command.")),
)


def _named(match: re.Match[str]) -> dict[str, str]:
    """The words a click message names, a placeholder ('WHO' in "Missing argument 'WHO'")
    in the language spoken."""
    return {key: placeholders(value) if key == "name" else value
            for key, value in match.groupdict().items()}  # fmt: skip


def click_words(text: str) -> str:
    """``text`` (a help page or an error from click) with click's fixed words translated."""
    from salesnotes.i18n import language

    if language() == "en":
        return text
    lines = []
    for line in text.split("\n"):
        for pattern, message in CLICK_WORDS:
            said = _(message)
            line = re.sub(pattern, lambda m, said=said: said.format(**_named(m)), line)  # type: ignore[misc]
        lines.append(line)
    return "\n".join(lines)


_Formatter: Any = typer.Context.formatter_class  # click's HelpFormatter, as click documents


class SpokenFormatter(_Formatter):  # type: ignore[misc]
    """click's help formatter, with every text in the language spoken before it is wrapped."""

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        """'Usage: salesnotes log [OPTIONS] WHO [TEXT]' ('Gebruik: ... [OPTIES] WIE [TEKST]')."""
        args = args.replace("[OPTIONS]", _("[OPTIONS]"))
        super().write_usage(prog, placeholders(args), _("Usage: ") if prefix is None else prefix)

    def write_heading(self, heading: str) -> None:
        """'Options', 'Arguments', 'Commands'."""
        super().write_heading(_(heading))

    def write_text(self, text: str) -> None:
        """A command's help text."""
        super().write_text(_(text))

    def write_dl(self, rows: Any, col_max: int = 30, col_spacing: int = 2) -> None:
        """A list of options, arguments or commands: each term's placeholders, each help text
        and the facts typer adds to it ('[default: ...]')."""
        spoken = []
        for term, text in rows:
            facts = re.search(r"  \[([^\[\]]*)\]$", text) or re.fullmatch(r"\[([^\[\]]*)\]", text)
            help_text = text[: facts.start()] if facts else text
            said = _(help_text) if help_text else ""
            if facts:
                said = f"{said}  [{_extra(facts[1])}]" if said else f"[{_extra(facts[1])}]"
            spoken.append((placeholders(term), said))
        super().write_dl(spoken, col_max, col_spacing)


class SpokenContext(typer.Context):
    """The context of salesnotes' commands: help formatted in the language spoken."""

    formatter_class = SpokenFormatter


class SpokenCommand(TyperCommand):
    """A salesnotes command (its help in the language spoken)."""

    context_class = SpokenContext


class HelpGroup(TyperGroup):
    """A group whose command list shows each command's first sentence whole (click cuts a
    summary at the width with '...'), in the language spoken."""

    context_class = SpokenContext

    def format_commands(self, ctx: Any, formatter: Any) -> None:
        """List the commands, each with its whole first sentence."""
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and command.help:
                command.short_help = first_sentence(_(command.help))
        super().format_commands(ctx, formatter)


class SalesnotesGroup(HelpGroup):
    """Turns a failure before a command runs (a bad --today) into ``Error: ...`` on stderr and
    its exit code, never a traceback. Inside a command, ``commands.run`` does the same."""

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


def complete_from(values: tuple[str, ...]) -> Any:
    """Shell completion for a parameter with a fixed set of values."""

    def complete(incomplete: str) -> list[str]:
        return [v for v in values if v.startswith(incomplete.lower())]

    return complete


def complete_who(ctx: typer.Context, incomplete: str) -> list[tuple[str, str]]:
    """Shell completion of a WHO: the names in the book the command line names (--db, else
    $SALESNOTES_DB, else the default) that start with what was typed (case and accents
    ignored), read without writing anything; each with its organisation as the description.

    Each name keeps what was typed and adds the rest ('ja' -> 'jan de Vries'): typer offers
    only values that start with what was typed, and the shell's own prefix matching keeps
    them. For bash the spaces are escaped, so the completed name stays one word (zsh quotes
    by itself).
    """
    import os

    from salesnotes.store import names_for_completion
    from salesnotes.text import fold

    db = ctx.find_root().params.get("db")
    path = Env(db=os.path.expanduser(str(db)) if db else None).db_path
    bash = os.environ.get("_SALESNOTES_COMPLETE", "").endswith("bash")
    found = []
    for name, organisation in names_for_completion(path, incomplete):
        typed = len(incomplete)
        value = incomplete + name[typed:] if fold(name[:typed]) == fold(incomplete) else name
        found.append((value.replace(" ", "\\ ") if bash else value, organisation))
    return found


def complete_lost_reasons(incomplete: str) -> list[str]:
    """Completion: the reasons used most in this book, then the common ones."""
    from salesnotes.domain.quote_life import COMMON_LOST_REASONS

    used: list[str] = []
    try:
        store = Env().store()
        try:
            used = [reason for reason, _count in store.quotes.lost_reasons()]
        finally:
            store.close()
    except Exception:  # noqa: BLE001, S110 - completion must never fail loudly
        pass
    choices = list(dict.fromkeys([*used, *COMMON_LOST_REASONS]))
    return [c for c in choices if c.startswith(incomplete)]


def _completion(param: Param) -> Any:
    if param.complete == "who":
        return complete_who
    if param.complete == "lost_reasons":
        return complete_lost_reasons
    if isinstance(param.complete, tuple):
        return complete_from(param.complete)
    return None


def _choices(param: Param) -> Any:
    """An Enum of the parameter's choices: how typer declares a choice."""
    return enum.Enum(param.name, {c: c for c in param.choices}, type=str)


def _annotation(param: Param) -> tuple[Any, Any]:
    """(the annotation typer reads the parameter from, its default)."""
    default = param.default
    if param.kind == "flag":
        kind: Any = bool
    elif param.kind == "choice":
        kind = _choices(param)
        default = None if default is None else kind(default)
    elif param.many:
        kind = list[str]
    else:
        kind = {"text": str, "int": int}[param.kind]
    if default is None and param.kind != "flag":
        kind = kind | None
    facts: dict[str, Any] = {"help": param.help}
    completion = _completion(param)
    if completion is not None:
        facts["autocompletion"] = completion
    if not param.show_default:
        facts["show_default"] = False
    if param.low is not None:
        facts["min"] = param.low
    if param.high is not None:
        facts["max"] = param.high
    if param.is_argument:
        facts["metavar"] = param.metavar or param.name.upper()
        info: Any = typer.Argument(**facts)
    else:
        if param.metavar or param.kind in VALUE_PLACEHOLDERS:
            facts["metavar"] = param.metavar or VALUE_PLACEHOLDERS[param.kind]
        info = typer.Option(*param.decls, **facts)
    return Annotated[kind, info], inspect.Parameter.empty if param.required else default


def _signature(params: tuple[Param, ...], function: Any, *more: inspect.Parameter) -> Any:
    """``function`` declared to typer with these parameters (after the context)."""
    declared = [
        inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)
    ]
    for param in params:
        annotation, default = _annotation(param)
        declared.append(
            inspect.Parameter(
                param.name, inspect.Parameter.KEYWORD_ONLY, default=default, annotation=annotation
            )
        )
    declared += more
    function.__signature__ = inspect.Signature(declared)
    function.__annotations__ = {p.name: p.annotation for p in declared}
    return function


def _plain(value: Any, param: Param) -> Any:
    """A value as the fast path passes it: a choice as its text, no list for no values."""
    if isinstance(value, enum.Enum):
        return value.value
    if param.many and not value:
        return param.default
    if isinstance(value, tuple):
        return list(value)
    return value


def _declaration(command: Command) -> Any:
    """The function typer declares ``command`` with: it runs the command's function through
    ``commands.run``, as the fast path does."""
    params = {param.name: param for param in command.params}

    def declared(ctx: typer.Context, **values: Any) -> None:
        if ctx.invoked_subcommand is not None:
            return  # a group's own command ('sync'), and one of its commands was named
        from salesnotes.commands import run

        arguments = {name: _plain(value, params[name]) for name, value in values.items()}
        code = run(env(ctx), command.runs, arguments)
        if code:
            raise typer.Exit(code)

    declared.__name__ = command.name.replace(" ", "_").replace("-", "_")
    declared.__doc__ = command.help
    return _signature(command.params, declared)


def _version(value: bool) -> None:
    if value:
        from salesnotes import __version__

        typer.echo(_("salesnotes {version}").format(version=__version__))
        raise typer.Exit()


def _root() -> Any:
    """The app's callback: the global options (the table's ``ROOT``, and --version)."""

    def root(ctx: typer.Context, **options: Any) -> None:
        ctx.obj = Env.from_options(options["db"], options["today"])

    version = typer.Option("--version", callback=_version, is_eager=True, help=VERSION_HELP)
    return _signature(
        ROOT,
        root,
        inspect.Parameter(
            "version",
            inspect.Parameter.KEYWORD_ONLY,
            default=False,
            annotation=Annotated[bool, version],
        ),
    )


def build(only: str | None = None) -> Any:
    """The click group typer makes of the table: every command, or only the command (or
    group) named ``only`` (typer turns each registered command into a click command before
    running any: ~1 ms each)."""
    app = typer.Typer(
        name="salesnotes",
        cls=SalesnotesGroup,
        help=HELP,
        no_args_is_help=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        pretty_exceptions_show_locals=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    app.callback()(_root())
    groups: dict[str, typer.Typer] = {}
    for command in COMMANDS:
        head, _space, sub = command.name.partition(" ")
        if only is not None and head != only:
            continue
        if not sub and head not in GROUPS:
            app.command(head, cls=SpokenCommand)(_declaration(command))
            continue
        if head not in groups:
            own = BY_NAME.get(head)  # a group that is a command too ('sync', 'sync status')
            groups[head] = typer.Typer(
                cls=HelpGroup,
                help=own.help if own else GROUPS[head],
                no_args_is_help=own is None,
                invoke_without_command=own is not None,
            )
            if own is not None:
                groups[head].callback()(_declaration(own))
            app.add_typer(groups[head], name=head)
        if sub:
            groups[head].command(sub, cls=SpokenCommand)(_declaration(command))
    return typer.main.get_command(app)
