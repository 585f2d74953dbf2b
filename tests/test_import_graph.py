"""The import graph points one way (ARCHITECTURE.md): engine ← adapters/ ← tasks/, processing/, api.py ← ui/.

Read from the source with ``ast`` (nothing is imported), so a new upward arrow fails here
before it confuses the next reader.
"""

from __future__ import annotations

import ast
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ENGINE = {"snapshots", "training", "detection", "errors", "deps"}
# what each part may import besides itself (and the engine, which every part may use)
ALLOWED = {
    "engine": set(),
    "adapters": set(),
    "qgis_log": set(),
    "tasks": {"adapters", "qgis_log"},
    "processing": {"adapters", "qgis_log"},
    "api": {"adapters"},
    "ui": {"adapters", "tasks", "qgis_log"},
    "plugin": {"adapters", "tasks", "processing", "ui", "qgis_log", "api"},
}


def _part(name: str) -> str:
    return "engine" if name in ENGINE else name


def _modules() -> list[tuple[Path, str]]:
    out = []
    for folder, dirs, files in os.walk(ROOT):  # links (.pkg/orca_huntr is one) are not followed
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            path = Path(folder) / name
            rel = path.relative_to(ROOT)
            top = rel.parts[0].removesuffix(".py")
            if name.endswith(".py") and _part(top) in ALLOWED:
                out.append((path, top))
    return out


def _imports(path: Path) -> list[tuple[str, int]]:
    """Top-level names of the plugin (and ``qgis``) that ``path`` imports, with the line."""
    package = list(path.relative_to(ROOT).parts[:-1])
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level:
            base = package[: len(package) - (node.level - 1)]
            if node.module:
                found.append(([*base, *node.module.split(".")][0], node.lineno))
            else:
                found += [([*base, alias.name][0], node.lineno) for alias in node.names]
            continue
        names = [node.module] if isinstance(node, ast.ImportFrom) and node.module else []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "qgis":
                found.append(("qgis", node.lineno))
            elif parts[0] == "orca_huntr" and len(parts) > 1:
                found.append((parts[1], node.lineno))
    return found


def test_no_import_runs_upward_and_the_engine_never_imports_qgis():
    wrong = []
    for path, top in _modules():
        part = _part(top)
        for name, line in _imports(path):
            target = _part(name)
            rel = f"{path.relative_to(ROOT)}:{line}"
            if name == "qgis":
                if part == "engine":
                    wrong.append(f"{rel} imports qgis")
            elif target in ALLOWED and target not in ("engine", part) and target not in ALLOWED[part]:
                wrong.append(f"{rel} ({part}) imports {name}")
    assert not wrong, wrong


def test_the_checker_sees_the_imports_it_judges():
    """The rule is not vacuous: it finds the known downward imports."""
    seen = {(top, name) for path, top in _modules() for name, _ in _imports(path) if name != "qgis"}
    assert ("api", "adapters") in seen and ("processing", "adapters") in seen
    assert ("tasks", "adapters") in seen and ("ui", "tasks") in seen and ("ui", "adapters") in seen
    assert ("training", "deps") in seen and ("plugin", "ui") in seen
