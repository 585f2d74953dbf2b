"""`make package` builds an installable zip from committed files only."""

from __future__ import annotations

import subprocess
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def test_make_package_builds_clean_zip(tmp_path):
    out = tmp_path / "orca_huntr.zip"
    subprocess.run(
        ["python3", str(ROOT / "scripts" / "package.py"), "--output", str(out)], check=True, cwd=ROOT
    )
    with zipfile.ZipFile(out) as zf:
        names = zf.namelist()
        metadata = zf.read("orca_huntr/metadata.txt").decode()
    assert names and all(n.startswith("orca_huntr/") for n in names)
    assert "orca_huntr/__init__.py" in names and "orca_huntr/plugin.py" in names
    assert "name=ORCA HUNTR" in metadata and "qgisMinimumVersion=3.22" in metadata
    forbidden = (
        "/tests/",
        "/.venv/",
        "__pycache__",
        ".pyc",
        "/.git/",
        "/.pkg/",
        "/benchmarks/",
        ".pytest_cache",
    )
    assert [n for n in names if any(f in n for f in forbidden)] == []
    # issue #13: the zip holds only what the allowlist names; no settings, no databases
    allowed_top = {
        "__init__.py", "__main__.py", "plugin.py", "api.py", "deps.py", "installer.py", "errors.py",
        "qgis_log.py", "metadata.txt",
        "LICENSE", "README.md", "CHANGELOG.md", "ARCHITECTURE.md", "requirements.txt",
        "constraints.txt",
    }  # fmt: skip
    allowed_dirs = (
        "snapshots/",
        "training/",
        "detection/",
        "adapters/",
        "ui/",
        "tasks/",
        "processing/",
        "cli/",
        "i18n/",
        "icons/",
    )
    outside = [
        n
        for n in names
        if not (
            n.removeprefix("orca_huntr/") in allowed_top
            or n.removeprefix("orca_huntr/").startswith(allowed_dirs)
        )
    ]
    assert outside == []
    assert [n for n in names if any(part.startswith(".") for part in n.split("/"))] == []
    assert [n for n in names if n.endswith((".db", ".ini", ".sqlite", ".gpkg"))] == []
    tracked = subprocess.run(
        ["git", "-C", str(ROOT), "ls-files", ".qgis-settings"], check=True, capture_output=True, text=True
    ).stdout
    assert tracked == ""  # the QGIS profile (auth database included) is not part of the repository
    icon = next(line.split("=", 1)[1] for line in metadata.splitlines() if line.startswith("icon="))
    assert f"orca_huntr/{icon}" in names
