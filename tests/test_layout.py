"""The house drawn from the imports: dependencies point one way, and nothing imports in a circle.

cli -> commands -> (usecases, env) -> (store, render, formats, domain) -> (models, errors,
...), generators beside commands (demo) and the benchmarks.
Lazy imports inside functions count as dependencies too; imports for type checking only
count for the direction (a command may name the store's interface) but not for cycles.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "salesnotes"

# module prefix -> prefixes it must never import
FORBIDDEN = {
    "salesnotes.store": (
        "salesnotes.cli",
        "salesnotes.commands",
        "salesnotes.render",
        "salesnotes.usecases",
        "salesnotes.env",
        "salesnotes.formats",
        "salesnotes.domain.ranking",
        "salesnotes.domain.quote_life",
        "salesnotes.domain.rhythms",
        "salesnotes.config",
        "salesnotes.generators",
    ),
    "salesnotes.render": (
        "salesnotes.cli",
        "salesnotes.commands",
        "salesnotes.store",
        "salesnotes.usecases",
        "salesnotes.env",
    ),
    "salesnotes.commands": ("salesnotes.cli",),
    # A use case returns a result record: it never prints, parses what was typed, or calls
    # a command.
    "salesnotes.usecases": ("salesnotes.cli", "salesnotes.commands", "salesnotes.render"),
    "salesnotes.env": ("salesnotes.cli", "salesnotes.commands", "salesnotes.render"),
}
PURE = (
    "salesnotes.domain",
    "salesnotes.config",
    "salesnotes.errors",
    "salesnotes.formats",
    "salesnotes.models",
    "salesnotes.results",
    "salesnotes.imported",
    "salesnotes.record",
    "salesnotes.text",
)
for _pure in PURE:
    FORBIDDEN[_pure] = (
        "salesnotes.cli",
        "salesnotes.commands",
        "salesnotes.store",
        "salesnotes.render",
        "salesnotes.usecases",
        "salesnotes.env",
        "salesnotes.generators",
    )


def _module(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module(p): p for p in PACKAGE.rglob("*.py")}


def _imports(path: Path) -> list[tuple[str, bool, bool]]:
    """(imported module, at module level, for type checking only) for each import."""
    found: list[tuple[str, bool, bool]] = []

    def visit(node: ast.AST, top: bool, typing_only: bool) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.If) and "TYPE_CHECKING" in ast.unparse(child.test):
                for inner in child.body:
                    visit_one(inner, top, True)
                for inner in child.orelse:
                    visit_one(inner, top, typing_only)
                continue
            visit_one(child, top, typing_only)

    def visit_one(node: ast.AST, top: bool, typing_only: bool) -> None:
        if isinstance(node, ast.Import):
            found.extend((a.name, top, typing_only) for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                full = f"{node.module}.{alias.name}"
                found.append((full if full in MODULES else node.module, top, typing_only))
        else:
            inner_top = top and not isinstance(
                node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)
            )
            visit(node, inner_top, typing_only)

    visit(ast.parse(path.read_text(encoding="utf-8")), True, False)
    return [(name, top, t) for name, top, t in found if name.startswith("salesnotes")]


@pytest.mark.parametrize("module", sorted(MODULES))
def test_dependencies_point_one_way(module: str) -> None:
    rules = [bad for prefix, bad in FORBIDDEN.items() if module.startswith(prefix)]
    for imported, _, _ in _imports(MODULES[module]):
        for bad in (b for rule in rules for b in rule):
            assert not imported.startswith(bad), f"{module} imports {imported}"


SHARED_BY_COMMANDS = ("salesnotes.commands", "salesnotes.commands.files")
"""What command modules share: the package's helpers and the files one; never each other."""


@pytest.mark.parametrize(
    "module", sorted(m for m in MODULES if m.startswith("salesnotes.commands."))
)
def test_a_command_module_never_calls_into_another(module: str) -> None:
    """What two commands share is a use case, a parser, a render function or a shared helper:
    a command reaching into another command's module is how rules got spread over them."""
    for imported, _, _ in _imports(MODULES[module]):
        if imported.startswith("salesnotes.commands") and imported != module:
            if module.startswith("salesnotes.commands.table"):  # the table's own parts
                assert imported.startswith("salesnotes.commands.table"), imported
                continue
            assert imported in SHARED_BY_COMMANDS, f"{module} imports {imported}"


@pytest.mark.slow
def test_nothing_but_the_entry_point_reaches_up_into_the_command_line() -> None:
    for module, path in MODULES.items():
        if module.startswith("salesnotes.cli") or module in ("salesnotes.entry",):
            continue
        for imported, _, _ in _imports(path):
            assert not imported.startswith("salesnotes.cli"), f"{module} imports {imported}"


@pytest.mark.slow
def test_no_module_level_import_cycle() -> None:
    graph = {
        module: {name for name, top, typing_only in _imports(path) if top and not typing_only}
        for module, path in MODULES.items()
    }
    state: dict[str, int] = {}  # 1 visiting, 2 done

    def walk(module: str, trail: list[str]) -> None:
        state[module] = 1
        for imported in sorted(graph.get(module, ())):
            if imported not in graph:
                continue
            if state.get(imported) == 1:
                cycle = [*trail[trail.index(imported) :], imported]
                pytest.fail(f"import cycle: {' -> '.join(cycle)}")
            if imported not in state:
                walk(imported, [*trail, imported])
        state[module] = 2

    for module in sorted(graph):
        if module not in state:
            walk(module, [module])


def test_commands_are_short() -> None:
    """A command parses, opens one transaction, calls a use case and a render function: the
    median command body is at most 15 lines (todoman's: 6), so a rule or a sentence grown
    into a command shows here. The table of commands names each command's function."""
    import statistics

    from salesnotes.commands.table import COMMANDS

    lengths = []
    for command in COMMANDS:
        module, function = command.runs.split(":")
        tree = ast.parse((PACKAGE / "commands" / f"{module}.py").read_text(encoding="utf-8"))
        [found] = [n for n in tree.body if isinstance(n, ast.FunctionDef) and n.name == function]
        body = found.body[1:] if ast.get_docstring(found) else found.body
        lengths.append(
            len({line for s in body for line in range(s.lineno, (s.end_lineno or s.lineno) + 1)})
        )
    assert statistics.median(lengths) <= 15, sorted(lengths)


# The store's refusals that are not rules: a lookup that finds several (an organisation's
# name), undo finding a row changed since, a searched text too long or without words.
STORE_REFUSES = {
    "salesnotes.store.organisations": ("Conflict", "BadInput"),
    "salesnotes.store.journal": ("Conflict",),
    "salesnotes.store.search": ("BadInput",),
    "salesnotes.store.dialect": ("BadInput",),
}
CHECKERS = ("one_of", "require_text", "normalise_email", "normalise_every", "normalise_tag",
            "salesnotes.domain.records", "salesnotes.domain.quote_life")  # fmt: skip


@pytest.mark.parametrize("module", sorted(m for m in MODULES if m.startswith("salesnotes.store")))
def test_the_store_keeps_no_rule(module: str) -> None:
    """What a valid record is and which change of state is allowed (a done follow-up is not
    snoozed, a won quote not revised, a conversation restarts the clocks) is decided in
    ``domain/`` and applied by the use cases; the store writes what it is given, so a rule
    cannot hide in it: it neither calls the domain's checks nor refuses with a Conflict or
    BadInput of its own, but for the lookups in ``STORE_REFUSES``."""
    tree = ast.parse(MODULES[module].read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module:
            names = {node.module, *(a.name for a in node.names)}
            assert not names & set(CHECKERS), f"{module} imports {names & set(CHECKERS)}"
        if isinstance(node, ast.Raise) and isinstance(node.exc, ast.Call):
            raised = ast.unparse(node.exc.func)
            if raised in ("Conflict", "BadInput"):
                assert raised in STORE_REFUSES.get(module, ()), f"{module} raises {raised}"


@pytest.mark.parametrize("module", sorted(MODULES))
def test_modules_and_functions_stay_readable(module: str) -> None:
    """A module a newcomer reads is at most 500 lines and a function at most 80: a module
    or function growing past that has two jobs, and is split by them."""
    text = MODULES[module].read_text(encoding="utf-8")
    assert text.count("\n") <= 500, f"{module}: {text.count(chr(10))} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            length = (node.end_lineno or node.lineno) - node.lineno + 1
            assert length <= 80, f"{module}.{node.name}: {length} lines"
