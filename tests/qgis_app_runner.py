"""Run a script inside the real QGIS desktop application under xvfb-run.

Used by the smoke tests: ``run_in_qgis(profiles, script)`` starts
``qgis --profiles-path PROFILES --code SCRIPT`` on a virtual screen and returns the
finished process. The script must quit QGIS itself (``iface.actionExit().trigger()``).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import subprocess
import traceback
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _profile_module():
    spec = importlib.util.spec_from_file_location("qgis_profile", ROOT / "scripts" / "qgis_profile.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    spec.loader.exec_module(module)
    return module


def make_profile(profiles: Path, source: Path = ROOT, copy: bool = False) -> Path:
    """A QGIS profile folder with ORCA HUNTR from ``source`` installed and enabled."""
    return _profile_module().make_profile(profiles, source, copy=copy)


def prepare_qgis(
    tmp_path: Path, script_text: str, name: str, source: Path = ROOT, copy: bool = False
) -> tuple[Path, Path]:
    """A profile folder ``tmp_path/profiles`` with ORCA HUNTR from ``source`` installed, and
    ``script_text`` written to ``tmp_path/name``; returns ``(profiles, script)``."""
    profiles = tmp_path / "profiles"
    make_profile(profiles, source, copy=copy)
    script = tmp_path / name
    script.write_text(script_text)
    return profiles, script


def guard(finish: Callable[[str], object]) -> Callable[[Callable[..., object]], Callable[..., None]]:
    """For the scripts run inside QGIS: ``guarded = guard(finish)`` wraps a callback so that an
    exception in it ends the run through ``finish(traceback)`` instead of leaving QGIS open."""

    def wrap(fn: Callable[..., object]) -> Callable[..., None]:
        def run(*args: object) -> None:
            try:
                fn(*args)
            except Exception:
                finish(traceback.format_exc())

        return run

    return wrap


def run_in_qgis(profiles: Path, script: Path, env: dict[str, str] | None = None, timeout: int = 240):
    """Start the real QGIS with ``script``; return the CompletedProcess (text output)."""
    if shutil.which("xvfb-run") is None or shutil.which("qgis") is None:
        raise RuntimeError("xvfb-run and qgis must be installed (make setup installs them)")
    full_env = dict(os.environ)
    full_env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen, not offscreen
    full_env.update(env or {})
    cmd = [
        "xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
        "qgis", "--profiles-path", str(profiles), "--nologo", "--noversioncheck", "--code", str(script),
    ]  # fmt: skip
    return subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=full_env)
