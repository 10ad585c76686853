"""The package's layers hold (ARCHITECTURE.md): every module imports only modules of lower layers or of its
own package, at module level, with no import cycle. Read from the source with ``ast``: nothing is run."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1] / "src" / "alignmem"

# Lowest first; a top-level module or package of alignmem may import from lower layers and from itself.
LAYERS: tuple[tuple[str, ...], ...] = (
    ("__init__", "model", "errors"),
    ("langs", "signature", "io"),
    ("text",),
    ("read", "segment", "anchors"),
    ("score",),
    ("align",),
    ("join", "glossary"),
    ("export",),
    ("check", "tm"),
    ("pipeline",),
    ("cli",),
    ("__main__",),
)
LAYER = {name: level for level, names in enumerate(LAYERS) for name in names}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(ROOT.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


MODULES = {module_name(path): path for path in sorted(ROOT.rglob("*.py"))}


def top(module: str) -> str:
    """The top-level room of a module: alignmem.export.tmx -> export; alignmem -> __init__."""
    parts = module.split(".")
    return parts[1] if len(parts) > 1 else "__init__"


def resolve(node: ast.ImportFrom | ast.Import) -> list[str]:
    """Our modules an import statement loads (``from alignmem.x import y``: alignmem.x.y when that is a
    module, else alignmem.x)."""
    found = []
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    else:
        base = node.module or ""
        names = [f"{base}.{alias.name}" if f"{base}.{alias.name}" in MODULES else base for alias in node.names]
    for name in names:
        while name and name not in MODULES:
            name = name.rpartition(".")[0]
        if name.startswith("alignmem"):
            found.append(name)
    return found


def imports(path: Path) -> list[tuple[str, int, bool]]:
    """(module, line, inside a function) for every import of our own modules in ``path``."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            inside.update(id(child) for child in ast.walk(node) if child is not node)
    out = []
    for node in ast.walk(tree):
        if isinstance(node, (ast.Import, ast.ImportFrom)) and not getattr(node, "level", 0):
            for name in resolve(node):
                out.append((name, node.lineno, id(node) in inside))
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called in ("import_module", "__import__"):
                out.append(("<dynamic import>", node.lineno, True))
    return out


GRAPH = {name: imports(path) for name, path in MODULES.items()}


def test_every_room_has_a_layer() -> None:
    rooms = {top(name) for name in MODULES}
    assert rooms <= set(LAYER), f"modules outside every layer: {sorted(rooms - set(LAYER))}"


def test_no_function_local_or_dynamic_import_of_our_modules() -> None:
    hidden = [f"{MODULES[name].relative_to(ROOT.parent)}:{line} imports {target}"
              for name, found in GRAPH.items() for target, line, local in found if local]
    assert hidden == []


def test_no_import_runs_back_up_a_layer() -> None:
    upward = []
    for name, found in GRAPH.items():
        for target, line, _ in found:
            if target.startswith("alignmem") and top(target) != top(name) and LAYER[top(target)] >= LAYER[top(name)]:
                upward.append(f"{MODULES[name].relative_to(ROOT.parent)}:{line} ({top(name)}, layer "
                              f"{LAYER[top(name)]}) imports {target} (layer {LAYER[top(target)]})")
    assert upward == []


def edges() -> dict[str, set[str]]:
    """Import edges, with the package __init__ files that importing across packages runs first."""
    out: dict[str, set[str]] = {name: set() for name in MODULES}
    for name, found in GRAPH.items():
        own = {name.rsplit(".", k)[0] for k in range(name.count(".") + 1)}
        for target, _, _ in found:
            if not target.startswith("alignmem"):
                continue
            out[name].add(target)
            parent = target
            while "." in parent:
                parent = parent.rpartition(".")[0]
                if parent not in own and parent in MODULES:
                    out[name].add(parent)
    return out


def test_no_import_cycle() -> None:
    graph = edges()
    state: dict[str, int] = {}
    cycles: list[list[str]] = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        stack.append(node)
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                cycles.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = 2

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    assert cycles == []


@pytest.mark.parametrize("source", [
    "def f():\n    from alignmem.model import TU\n",
    "import importlib\nimportlib.import_module('alignmem.model')\n",
])
def test_the_checks_see_hidden_imports(tmp_path: Path, source: str) -> None:
    path = tmp_path / "probe.py"
    path.write_text(source, encoding="utf-8")
    assert any(local for _, _, local in imports(path))
