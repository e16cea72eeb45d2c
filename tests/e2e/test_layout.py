"""The package's shape stays readable: stages never import each other, the shared vocabulary
(text/) imports nothing above it, imports at load time run at most 8 levels deep, and no
module grows past 300 lines."""

from __future__ import annotations

import ast
from functools import lru_cache

import pytest

from tests.conftest import ROOT

PACKAGE = ROOT / "briefing"
MAX_DEPTH, MAX_LINES = 8, 300


def modules() -> dict[str, object]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        name = ".".join(path.relative_to(ROOT).with_suffix("").parts).removesuffix(".__init__")
        found[name] = path
    return found


def imports(top_level_only: bool) -> dict[str, set[str]]:
    """Module -> the package's modules it imports (at load time only, or anywhere)."""
    mods = modules()
    graph = {}
    for name, path in mods.items():
        tree = ast.parse(path.read_text("utf-8"))
        deps = set()
        for node in tree.body if top_level_only else ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and node.level == 0 and (node.module or "").startswith("briefing"):
                for alias in node.names:
                    deps.add(f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in mods else node.module)
            elif isinstance(node, ast.Import):
                deps.update(a.name for a in node.names if a.name.startswith("briefing"))
        graph[name] = {d for d in deps if d in mods and d != name}
    return graph


def test_no_stage_imports_another_stage():
    sideways = [(m, d) for m, deps in imports(False).items() for d in deps
                if m.startswith("briefing.stages.") and d.startswith("briefing.stages.")]
    assert sideways == []


def test_the_shared_vocabulary_imports_nothing_above_it():
    allowed = ("briefing.text.", "briefing.models", "briefing.errors", "briefing.data")
    upward = [(m, d) for m, deps in imports(False).items() for d in deps
              if m.startswith("briefing.text.") and not d.startswith(allowed)]
    assert upward == []


def test_imports_at_load_time_run_at_most_eight_levels_deep():
    graph = imports(True)

    @lru_cache(maxsize=None)
    def depth(module: str) -> int:
        return 1 + max((depth(d) for d in graph[module]), default=0)

    deepest = max(graph, key=depth)
    assert depth(deepest) <= MAX_DEPTH, f"{deepest} imports {depth(deepest)} levels deep"


@pytest.mark.parametrize("name", sorted(modules()))
def test_no_module_is_over_300_lines(name):
    lines = len(modules()[name].read_text("utf-8").splitlines())
    assert lines <= MAX_LINES, f"{name} has {lines} lines; split it by what its parts do"
