"""Test set-up shared by every test.

The repository root is the plugin folder, whatever the clone's folder is called:
expose it to Python as the package ``orca_huntr`` through a symlink in ``.pkg/``
(also for subprocesses, through PYTHONPATH).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG_DIR = ROOT / ".pkg"
_link = PKG_DIR / "orca_huntr"
if not _link.is_symlink() or _link.resolve() != ROOT:
    PKG_DIR.mkdir(exist_ok=True)
    if _link.is_symlink() or _link.exists():
        _link.unlink()
    _link.symlink_to(ROOT, target_is_directory=True)
# `python -m pytest` puts the repository root on sys.path, where the plugin's own
# `processing/` folder would hide QGIS's `processing` package: the plugin is reached
# through `.pkg/orca_huntr` only.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]
for p in (str(Path(__file__).resolve().parent), str(PKG_DIR)):
    if p not in sys.path:
        sys.path.insert(0, p)
# Subprocesses (the real QGIS, qgis_process, kill-9 children) embed the system Python:
# give them this package and the venv's site-packages (torch, safetensors).
import sysconfig  # noqa: E402

_paths = [str(PKG_DIR), sysconfig.get_paths()["purelib"]]
os.environ["PYTHONPATH"] = os.pathsep.join(
    dict.fromkeys([*_paths, *filter(None, os.environ.get("PYTHONPATH", "").split(os.pathsep))])
)
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest  # noqa: E402

ARTIFACTS = Path(os.environ.get("ARTIFACTS", ROOT / "artifacts")).resolve()


@pytest.fixture(scope="session")
def artifacts_dir() -> Path:
    """Where a test run keeps files meant to be looked at (screenshots, maps)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    return ARTIFACTS
