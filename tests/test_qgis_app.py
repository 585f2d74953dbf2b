"""Smoke test in the real QGIS desktop: the plugin loads from a profile and shows its dock."""

from __future__ import annotations

import pytest
from qgis_app_runner import prepare_qgis, run_in_qgis

SCRIPT = r"""
import os, sys
from qgis.utils import iface, plugins
from qgis.PyQt.QtCore import QTimer

OUT = os.environ["SMOKE_OUT"]

def report():
    lines = ["loaded=%s" % ("orca_huntr" in plugins)]
    plugin = plugins.get("orca_huntr")
    if plugin is not None:
        plugin.action.trigger()
        lines.append("dock=%s" % plugin.dock.isVisible())
        lines.append("title=%s" % plugin.dock.windowTitle())
        lines.append("torch=%s" % ("torch" in sys.modules))
    with open(OUT + ".txt", "w") as fh:
        fh.write("\n".join(lines) + "\n")
    QTimer.singleShot(1500, shoot)

def shoot():
    iface.mainWindow().grab().save(OUT + ".png")
    iface.actionExit().trigger()

QTimer.singleShot(1500, report)
"""


@pytest.mark.qgis_app
def test_real_qgis_loads_plugin_and_shows_dock(tmp_path, artifacts_dir):
    profiles, script = prepare_qgis(tmp_path, SCRIPT, "smoke.py")
    out = artifacts_dir / "qgis_main_window"
    for stale in (out.with_suffix(".txt"), out.with_suffix(".png")):
        stale.unlink(missing_ok=True)
    proc = run_in_qgis(profiles, script, env={"SMOKE_OUT": str(out)})
    report = out.with_suffix(".txt")
    assert report.exists(), f"QGIS did not run the script (rc={proc.returncode}):\n{proc.stderr[-3000:]}"
    values = dict(line.split("=", 1) for line in report.read_text().splitlines())
    assert values["loaded"] == "True"
    assert values["dock"] == "True"
    assert values["title"] == "ORCA HUNTR"
    assert values["torch"] == "False"
    png = out.with_suffix(".png")
    assert png.exists() and png.stat().st_size > 10_000


@pytest.mark.qgis_app
def test_packaged_zip_loads_in_real_qgis(tmp_path, artifacts_dir):
    """Unzip `make package`'s zip into a fresh profile and load the plugin from there."""
    import subprocess
    import sys
    import zipfile

    from qgis_app_runner import ROOT

    zip_path = tmp_path / "orca_huntr.zip"
    subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "package.py"), "--output", str(zip_path)], check=True
    )
    unpacked = tmp_path / "unpacked"
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(unpacked)
    profiles, script = prepare_qgis(tmp_path, SCRIPT, "smoke.py", source=unpacked / "orca_huntr", copy=True)
    out = tmp_path / "from_zip"
    proc = run_in_qgis(profiles, script, env={"SMOKE_OUT": str(out)})
    report = out.with_suffix(".txt")
    assert report.exists(), f"QGIS did not run the script (rc={proc.returncode}):\n{proc.stderr[-3000:]}"
    values = dict(line.split("=", 1) for line in report.read_text().splitlines())
    assert values == {"loaded": "True", "dock": "True", "title": "ORCA HUNTR", "torch": "False"}
    installed = profiles / "profiles" / "default" / "python" / "plugins" / "orca_huntr"
    assert not installed.is_symlink() and (installed / "metadata.txt").exists()
    assert not (installed / "tests").exists()
