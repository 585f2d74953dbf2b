"""Make this checkout importable as ``orca_huntr`` from a script or benchmark.

The repository root *is* the plugin folder, whatever the clone's folder is called:
``use_checkout()`` links it as ``.pkg/orca_huntr`` (``tests/conftest.py`` calls it too), puts
``.pkg`` and the given sibling folders (``"tests"``, ``"scripts"``) first on
``sys.path``, and keeps the repository root itself off it (its ``processing/`` folder
would hide QGIS's ``processing`` package). Scripts under ``benchmarks/`` import it after
``sys.path.insert(0, "<repo>/scripts")``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


def use_checkout(*folders: str, qgis_plugins: bool = False) -> Path:
    """Link ``.pkg/orca_huntr`` to the checkout and set ``sys.path``; return the root."""
    pkg = ROOT / ".pkg"
    link = pkg / "orca_huntr"
    if not link.is_symlink() or link.resolve() != ROOT:
        pkg.mkdir(exist_ok=True)
        if link.is_symlink() or link.exists():
            link.unlink()
        link.symlink_to(ROOT, target_is_directory=True)
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]
    for path in (*(str(ROOT / f) for f in reversed(folders)), str(pkg)):
        if path not in sys.path:
            sys.path.insert(0, path)
    if qgis_plugins and QGIS_PLUGINS not in sys.path:
        sys.path.append(QGIS_PLUGINS)
    return ROOT
