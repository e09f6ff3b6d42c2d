"""The layer rule of DESIGN.md: every package imports only lower layers, with no package cycles.

Lowest first: domain (config.py counted as domain) ← io ← rules ← solver ← plan ← succession,
privacy ← report ← store ← workflow ← cli, ui. synth imports only domain and io. The root
module api.py (and the package's ``__init__``: the public API) is the workflow layer;
``__main__`` is cli. A small AST scan, no import is executed: imports inside functions count too
(they are dependencies all the same) and are listed apart from the module-level ones.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "placement"

LAYERS: tuple[tuple[str, ...], ...] = (
    ("domain",),
    ("io",),
    ("rules",),
    ("solver",),
    ("plan",),
    ("succession", "privacy"),
    ("report",),
    ("store",),
    ("workflow",),
    ("cli", "ui"),
)
RANK: dict[str, int] = {name: i for i, layer in enumerate(LAYERS) for name in layer}
SYNTH_IMPORTS = frozenset({"domain", "io"})  # synth imports only these ...
SYNTH_IMPORTERS = frozenset({"workflow", "cli", "ui"})  # ... and only these import synth
SIDEWAYS = frozenset({("cli", "ui")})  # the `placement ui` command starts the web UI
ROOT_MODULES: dict[str, str] = {"config": "domain", "api": "workflow", "__main__": "cli"}


@dataclass(frozen=True, slots=True)
class Import:
    """One import of a placement module by another."""

    module: str  # importing module, e.g. placement.plan.solved
    imported: str  # imported module, e.g. placement.report.outputs
    line: int
    in_function: bool

    @property
    def edge(self) -> tuple[str, str]:
        return layer_of(self.module), layer_of(self.imported)

    def __str__(self) -> str:
        where = "inside a function" if self.in_function else "module level"
        low, high = self.edge
        return f"{self.module}:{self.line} imports {self.imported} ({low} → {high}, {where})"


def layer_of(module: str) -> str:
    """The layer of a placement module: its top-level package, root modules as mapped."""
    parts = module.split(".")
    if len(parts) == 1:
        return "workflow"  # the package's __init__: the public entry point
    return ROOT_MODULES.get(parts[1], parts[1])


def allowed(importer: str, imported: str) -> bool:
    """Whether a module of layer ``importer`` may import one of layer ``imported``."""
    if importer == imported or (importer, imported) in SIDEWAYS:
        return True
    if importer == "synth":
        return imported in SYNTH_IMPORTS
    if imported == "synth":
        return importer in SYNTH_IMPORTERS
    return RANK[importer] > RANK[imported]


@cache
def _is_module(name: str) -> bool:
    path = PACKAGE.parent.joinpath(*name.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def _imported(node: ast.Import | ast.ImportFrom, package: str) -> list[str]:
    """Modules an import statement names (``from placement.x import y``: placement.x.y when
    that is a module, else placement.x)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    base = node.module or ""
    if node.level:
        parts = package.split(".")
        anchor = parts[: len(parts) - node.level + 1]
        base = ".".join([*anchor, base] if base else anchor)
    subs = [f"{base}.{alias.name}" for alias in node.names]
    return [s for s in subs if _is_module(s)] or [base]


def imports_in(module: str, source: str, *, is_package: bool = False) -> list[Import]:
    """Imports of placement modules in one module's source."""
    package = module if is_package else module.rpartition(".")[0]
    found: list[Import] = []

    def visit(node: ast.AST, in_function: bool) -> None:
        if isinstance(node, ast.Import | ast.ImportFrom):
            for name in _imported(node, package):
                if name == "placement" or name.startswith("placement."):
                    found.append(Import(module, name, node.lineno, in_function))
            return
        inner = in_function or isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt | ast.ExceptHandler | ast.match_case):
                visit(child, inner)

    visit(ast.parse(source), False)
    return found


@cache
def package_imports() -> tuple[Import, ...]:
    """Every import of a placement module in the package."""
    found: list[Import] = []
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
        is_package = parts[-1] == "__init__"
        module = ".".join(parts[:-1] if is_package else parts)
        found += imports_in(module, path.read_text(encoding="utf-8"), is_package=is_package)
    return tuple(found)


def upward(imports: Iterable[Import]) -> list[Import]:
    """Imports that break the layer rule."""
    return [i for i in imports if not allowed(*i.edge)]


def cycles(graph: Mapping[str, Iterable[str]]) -> list[list[str]]:
    """Strongly connected groups of more than one node (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    groups: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in on_stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            group: list[str] = []
            while not group or group[-1] != node:
                group.append(stack.pop())
                on_stack.discard(group[-1])
            if len(group) > 1:
                groups.append(sorted(group))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return groups


def _report(imports: Iterable[Import]) -> str:
    items = sorted(imports, key=lambda i: (i.in_function, i.module, i.line))
    top = [f"  {i}" for i in items if not i.in_function]
    deferred = [f"  {i}" for i in items if i.in_function]
    return "\n".join(["module level:", *top, "inside functions:", *deferred])


def test_every_layer_of_the_package_is_known() -> None:
    layers = {layer for i in package_imports() for layer in i.edge}
    assert layers <= {*RANK, "synth"}, layers - {*RANK, "synth"}


def test_no_upward_import() -> None:
    found = upward(package_imports())
    assert not found, "imports against the layer rule (DESIGN.md):\n" + _report(found)


def test_no_package_cycle() -> None:
    graph: dict[str, set[str]] = {}
    for i in package_imports():
        low, high = i.edge
        if low != high:
            graph.setdefault(low, set()).add(high)
    assert cycles(graph) == []


def test_a_planted_upward_import_is_reported() -> None:
    source = "import placement.domain.errors\nimport placement.ui\n"
    found = upward(imports_in("placement.domain.x", source))
    assert [(i.imported, i.edge, i.in_function) for i in found] == [
        ("placement.ui", ("domain", "ui"), False)
    ]


def test_a_planted_import_inside_a_function_is_reported_apart() -> None:
    source = "def f():\n    from placement.plan import explain\n    return explain\n"
    [found] = upward(imports_in("placement.rules.x", source))
    assert found.imported == "placement.plan.explain" and found.in_function
    assert "inside functions:\n  placement.rules.x:2" in _report([found])


@pytest.mark.parametrize(
    ("module", "source", "imported"),
    [
        ("placement.synth.x", "from placement.rules import checks\n", "placement.rules.checks"),
        ("placement.rules.x", "from placement.synth import generate\n", "placement.synth"),
        ("placement.io.x", "from ..plan import audit\n", "placement.plan.audit"),
    ],
)
def test_synth_and_relative_imports_follow_the_rule(
    module: str, source: str, imported: str
) -> None:
    [found] = upward(imports_in(module, source))
    assert found.imported == imported


def test_a_cycle_between_packages_is_found() -> None:
    graph = {"io": {"domain"}, "domain": {"rules"}, "rules": {"io"}, "plan": {"io"}}
    assert cycles(graph) == [["domain", "io", "rules"]]


@pytest.mark.parametrize(
    ("path", "name"),
    [
        ("plan/audit.py", "audit_plan"),
        ("solver/mip.py", "solve_mip"),
        ("ui/pages/rules.py", "_editor"),
        ("cli/solve_cmd.py", "solve_cmd"),
        ("ui/pages/plan/explanation.py", "explanation"),
        ("ui/pages/plan/chains.py", "chain_graph"),
        ("ui/pages/data_import.py", "import_card"),
        ("ui/pages/history.py", "_details"),
        ("ui/pages/succession.py", "succession_page"),
        ("ui/pages/compare.py", "_comparison"),
        ("ui/pages/data.py", "data_page"),
        ("cli/scenario_cmd.py", "compare_cmd"),
        ("report/usulan.py", "build_usulan"),
        ("report/usulan_justifikasi.py", "justification"),
        ("report/usulan_template.py", "build_template"),
        ("report/usulan_ringkasan.py", "summary"),
        ("plan/why_not.py", "why_not"),
        ("succession/readiness.py", "successors"),
        ("succession/future.py", "future_vacancies"),
        ("succession/future.py", "read_sotk"),
    ],
)
def test_the_long_functions_of_issue_23_stay_split(path: str, name: str) -> None:
    """Each is a list of named steps (one per family of findings, MIP phase, card), ≤ 50 lines."""
    tree = ast.parse((PACKAGE / path).read_text(encoding="utf-8"))
    [func] = [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef) and n.name == name]
    assert func.end_lineno is not None and func.end_lineno - func.lineno < 50


def test_one_helper_per_job() -> None:
    """Twins issue 23 folded: one cell-text helper, one month shift, no plan module solving."""
    defined = [
        (path.relative_to(PACKAGE).as_posix(), name)
        for path in sorted(PACKAGE.rglob("*.py"))
        for name in re.findall(r"(?m)^\s*def (_text|_add_months|solve)\(", path.read_text("utf-8"))
    ]
    assert defined == [("workflow/engine.py", "solve")]


def test_the_rencana_page_stays_split_by_job() -> None:
    """Issue 23: the Rencana page is one module per job (table, chains, 9-box, explanation,
    why-not, print view), none over ~400 lines."""
    modules = sorted((PACKAGE / "ui/pages/plan").glob("*.py"))
    assert len(modules) >= 7
    assert all(len(p.read_text("utf-8").splitlines()) < 400 for p in modules)


def test_the_run_store_stays_split_by_job() -> None:
    """Issue 23: the run store is one module per job (schema, connection, queries, recording,
    approval, journal, key), none over ~400 lines; ``RunStore`` composes them in runs.py."""
    modules = sorted((PACKAGE / "store").glob("*.py"))
    assert {"schema.py", "connection.py", "queries.py", "recording.py", "approval.py"} <= {
        p.name for p in modules
    }
    assert all(len(p.read_text("utf-8").splitlines()) < 400 for p in modules)


def test_the_usulan_package_stays_split_by_job() -> None:
    """Issue 23: the usulan package's text is one module per job (records, ringkasan, daftar,
    nota, SK and surat pengantar, justifikasi, the assembly; Word rendering and the Word
    template), none over ~400 lines."""
    jobs = ("", "_model", "_ringkasan", "_daftar", "_nota", "_sk", "_justifikasi", "_docx")
    jobs += ("_template",)
    modules = [PACKAGE / f"report/usulan{job}.py" for job in jobs]
    assert all(len(p.read_text("utf-8").splitlines()) < 400 for p in modules)


def test_the_explain_module_stays_split_by_job() -> None:
    """Issue 23: plan/explain.py keeps the per-move explanation; the forced re-solve, the
    next-best candidates and why-not are sibling modules, none over ~400 lines, and their public
    names stay importable from placement.plan.explain."""
    from placement.plan import explain, forcing, next_best, why_not

    jobs = ("explain.py", "forcing.py", "next_best.py", "why_not.py")
    assert all(len((PACKAGE / "plan" / p).read_text("utf-8").splitlines()) < 400 for p in jobs)
    assert explain.why_not is why_not.why_not and explain.Forced is forcing.Forced
    assert explain.alternatives_table is next_best.alternatives_table


def test_the_succession_lists_stay_under_400_lines() -> None:
    """Issue 23: the talent-pool scan lives beside the succession lists (pool_scan.py), so
    readiness.py stays one job under ~400 lines."""
    for name in ("readiness.py", "pool_scan.py", "future.py"):
        assert len((PACKAGE / "succession" / name).read_text("utf-8").splitlines()) < 410
