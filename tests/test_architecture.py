"""The structure the README's architecture notes promise: no import cycle, rules that only declare."""

from __future__ import annotations

import ast
import inspect
from pathlib import Path

import site_rules.base
from site_rules import all_rules

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("cleaner", "site_rules")


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _runtime_imports(tree: ast.Module) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement, at module level or inside functions, except ``if TYPE_CHECKING:`` blocks."""
    found: list[ast.Import | ast.ImportFrom] = []

    def visit(node: ast.AST) -> None:
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            for child in node.orelse:
                visit(child)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.append(node)
        for child in ast.iter_child_nodes(node):
            visit(child)

    visit(tree)
    return found


def import_graph() -> dict[str, set[str]]:
    """Module → the project modules it imports (lazy imports included)."""
    paths = {_module_name(p): p for package in PACKAGES for p in (ROOT / package).rglob("*.py")}
    graph: dict[str, set[str]] = {name: set() for name in paths}
    for name, path in paths.items():
        package = name if path.name == "__init__.py" else name.rpartition(".")[0]
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            else:
                base = node.module or ""
                if node.level:
                    anchor = package.split(".")
                    anchor = anchor[: len(anchor) - (node.level - 1)]
                    base = ".".join([*anchor, base] if base else anchor)
                targets = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in paths else base for alias in node.names]
            graph[name].update(t for t in targets if t in paths and t != name)
    return graph


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def connect(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in graph[node]:
            if target not in index:
                connect(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in graph:
        if node not in index:
            connect(node)
    return found


def test_the_graph_sees_lazy_imports() -> None:
    graph = import_graph()
    assert "cleaner.engine" in graph["cleaner"]  # cleaner/__init__ imports it inside __getattr__
    assert "site_rules" in graph["cleaner.detect"]


def test_no_import_cycle_among_the_projects_modules() -> None:
    assert cycles(import_graph()) == []


def test_the_cycle_finder_finds_one() -> None:
    assert cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": set()}) == [["a", "b", "c"]]


def test_site_rules_depend_only_on_the_leaf_modules_of_cleaner() -> None:
    """Rules see the Draft and the small helpers, never the engine that runs them."""
    graph = import_graph()
    allowed = {"cleaner.article", "cleaner.draft", "cleaner.dates", "cleaner.names", "cleaner.text"}
    for module, targets in graph.items():
        if module.startswith("site_rules"):
            assert {t for t in targets if t.startswith("cleaner")} <= allowed, module
    for module in allowed:
        assert not {t for t in graph[module] if t.startswith("site_rules")}, module


def test_the_rule_base_holds_declarations_and_hook_signatures_only() -> None:
    methods = {name for name, value in vars(site_rules.base.SiteRule).items() if inspect.isfunction(value)}
    assert methods == {"header_line", "body_line", "read_html_fields"}
    for rule in all_rules():
        overridden = {name for name, value in vars(type(rule)).items() if inspect.isfunction(value)}
        assert overridden <= methods, f"{rule.name} overrides more than the hooks: {overridden - methods}"
