"""Test set-up shared by every test.

The repository root is the plugin folder, whatever the clone's folder is called:
expose it to Python as the package ``orca_huntr`` through a symlink in ``.pkg/``
(also for subprocesses, through PYTHONPATH).
"""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PKG_DIR = ROOT / ".pkg"
# scripts/checkout_path.py links .pkg/orca_huntr and keeps the repository root off sys.path
# (`python -m pytest` puts it there, where the plugin's own `processing/` folder would hide
# QGIS's `processing` package); loaded from its file so that scripts/ stays off sys.path
_spec = importlib.util.spec_from_file_location("checkout_path", ROOT / "scripts" / "checkout_path.py")
assert _spec is not None and _spec.loader is not None
_checkout_path = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_checkout_path)
_checkout_path.use_checkout("tests")
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


@pytest.fixture
def one_torch_thread():
    """torch on one thread for the test (the machine is shared), the previous count restored after."""
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(1)
    yield
    torch.set_num_threads(before)


@pytest.fixture
def keep_torch_threads():
    """Restores torch's thread count after a test whose training sets it (TrainConfig.threads)."""
    import torch

    before = torch.get_num_threads()
    yield
    torch.set_num_threads(before)


@pytest.fixture
def clock():
    """The store's clock, advanced by hand (store_helpers.FakeClock)."""
    from store_helpers import FakeClock

    return FakeClock()


@pytest.fixture
def ws_model(tmp_path, clock):
    """A new workspace at tmp_path/site.huntr with one model, on the test's clock."""
    from store_helpers import new_workspace

    return new_workspace(tmp_path / "site.huntr", clock)


@pytest.fixture
def fresh_project(qgis_new_project):
    """QGIS's project, cleared after the test."""
    from qgis.core import QgsProject

    yield QgsProject.instance()
    QgsProject.instance().clear()


@pytest.fixture
def reset_atomic_hooks():
    """Removes a fault-injection hook (snapshots.atomic.hooks.before) a test installed."""
    yield
    from orca_huntr.snapshots import atomic

    atomic.hooks.before = None
