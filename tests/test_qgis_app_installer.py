"""In the real QGIS whose Python lacks torch: the panel offers PyTorch, fails offline with the
command to run by hand, then installs FAKE torch/safetensors wheels from a local folder.

The wheels are fakes (``fake_wheels.py``: a few bytes named torch and safetensors, not
PyTorch); QGIS, its Python, pip and the panel's widgets are real, and no network is used.
The scenario lives in ``scripts/install_screenshots.py`` (it also makes the README's
screenshots); its screenshots land in the artifacts folder.
"""

from __future__ import annotations

import importlib.util
import shutil
import subprocess

import pytest
from fake_wheels import FAKE_VERSION
from qgis_app_runner import ROOT


def _scenario():
    spec = importlib.util.spec_from_file_location(
        "install_screenshots", ROOT / "scripts" / "install_screenshots.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
@pytest.mark.qgis_app
def test_real_qgis_without_torch_installs_fake_torch_wheels_offline(tmp_path, artifacts_dir):
    if shutil.which("xvfb-run") is None or shutil.which("qgis") is None:
        pytest.fail("xvfb-run and qgis must be installed (make setup installs them)")
    scenario = _scenario()
    out = artifacts_dir / "installer"
    shutil.rmtree(out, ignore_errors=True)
    report = scenario.run(tmp_path / "work", out)
    assert "done" in report["log"], f"QGIS did not finish (rc={report['qgis_rc']}):\n{report['stderr_tail']}"
    target = report["target"]
    # QGIS's own Python has no torch: the panel offers both packages, PyTorch first
    assert report["torch_importable_before"] is False
    assert sorted(report["missing"]) == ["safetensors", "torch"]
    assert report["offer_visible"] is True
    assert report["button_text"] == "Install PyTorch and safetensors…"
    assert report["target_on_sys_path"] is True  # put there at plugin load
    assert target.endswith("/profiles/default/python/orca_huntr_deps/py3.11")
    # offline: a clear reason and the exact commands, with QGIS's real interpreter (not sys.executable)
    assert report["offline_kind"] == "offline"
    assert "could not be reached" in report["offline_text"]
    lines = report["offline_command"].splitlines()
    assert len(lines) == 2 and report["offline_command_visible"] is True
    python = lines[0].split(" ", 1)[0]
    # sys.executable in QGIS is the PATH's first python3 (here maybe a pyenv shim): not trusted
    probe = subprocess.run(
        [python, "-c", "import sys; print(sys.exec_prefix)"], capture_output=True, text=True
    )
    assert probe.stdout.strip() == report["exec_prefix"]
    assert all(line.startswith(f"{python} -m pip install") and f"--target {target}" in line for line in lines)
    assert lines[1].endswith("--index-url https://download.pytorch.org/whl/cpu torch")
    assert report["clipboard"] == report["offline_command"]
    assert report["retry_text"] == "Try again"
    # from the wheel folder: installed, importable in this QGIS without a restart
    assert report["error"] is None
    assert report["versions"] == {"safetensors": FAKE_VERSION, "torch": FAKE_VERSION}
    assert report["restart"] is False
    assert "no restart is needed" in report["done_text"]
    assert report["torch_fake"] is True
    assert report["torch_file"] == f"{target}/torch/__init__.py"
    assert report["safetensors_file"] == f"{target}/safetensors/__init__.py"
    assert report["pip_log_lines"] >= 4  # pip's output went to the log panel
    assert report["pip_log_success"] is True
    for name in scenario.SHOTS:
        png = out / name
        assert png.exists() and png.stat().st_size > 5_000, name
