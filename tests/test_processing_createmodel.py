"""Issue #13 item 5: Processing ``createmodel`` with invalid training areas is all or nothing,
and does not crash the Python process. The scenarios run in a child pytest
(``processing_createmodel_child.py``): the crash was a segfault, which would end this run."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def test_createmodel_with_invalid_areas_in_a_child_process(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    proc = subprocess.run(
        [
            sys.executable, "-X", "faulthandler", "-m", "pytest", "-q", "-p", "no:cacheprovider",
            "--basetemp", str(tmp_path / "child"), str(HERE / "processing_createmodel_child.py"),
        ],
        cwd=HERE.parent, env=env, capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    tail = (proc.stdout + proc.stderr)[-4000:]
    assert proc.returncode == 0, f"child exited with {proc.returncode} (-11: segfault):\n{tail}"
    assert "2 passed" in proc.stdout, tail
