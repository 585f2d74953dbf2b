"""Build the zip that QGIS's "Plugins > Install from ZIP" accepts.

Only committed files go in (``git archive HEAD``), under a top folder ``orca_huntr``, and
only those the allowlist below names: the plugin's code, icons, translations and docs.
Development files (tests, benchmarks, scripts, CI, tool configs) and hidden folders stay out. The
translations' ``.ts`` files are compiled to ``.qm`` with ``lrelease`` into the zip.

    python scripts/package.py --output dist/orca_huntr.zip [--ref HEAD]
"""

from __future__ import annotations

import argparse
import io
import shutil
import subprocess
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PLUGIN = "orca_huntr"
# What the plugin zip holds: an allowlist, so that nothing new (a settings folder, a
# database, a notebook) ships by accident. Hidden names (".qgis-settings/"...) never do.
INCLUDED_DIRS = (
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
INCLUDED_FILES = {
    "__init__.py",
    "__main__.py",
    "plugin.py",
    "api.py",
    "deps.py",
    "installer.py",
    "errors.py",
    "qgis_log.py",
    "metadata.txt",
    "LICENSE",
    "README.md",
    "CHANGELOG.md",
    "ARCHITECTURE.md",
    "requirements.txt",
    "constraints.txt",
}
INCLUDED_SUFFIXES = (".py", ".ts", ".svg", ".png", ".txt", ".md", ".ui", ".qml")


def included(path: str) -> bool:
    """Whether a committed path belongs in the plugin zip (see the allowlist above)."""
    parts = path.split("/")
    if any(part.startswith(".") or part == "__pycache__" for part in parts):
        return False
    if len(parts) == 1:
        return path in INCLUDED_FILES
    return path.startswith(INCLUDED_DIRS) and path.endswith(INCLUDED_SUFFIXES)


def compile_translation(ts_bytes: bytes) -> bytes | None:
    """The .qm for a .ts file's content, or None when lrelease is not installed."""
    lrelease = shutil.which("lrelease") or shutil.which("lrelease-qt5")
    if lrelease is None:
        return None
    with tempfile.TemporaryDirectory() as tmp:
        ts = Path(tmp) / "t.ts"
        ts.write_bytes(ts_bytes)
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)
        return ts.with_suffix(".qm").read_bytes()


def build(output: Path, ref: str = "HEAD") -> list[str]:
    """Write the zip to ``output``; return the archive names written."""
    tar_bytes = subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", ref], check=True, capture_output=True
    ).stdout
    names: list[str] = []
    output.parent.mkdir(parents=True, exist_ok=True)
    with (
        tarfile.open(fileobj=io.BytesIO(tar_bytes)) as tar,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as zf,
    ):
        for member in tar.getmembers():
            if not member.isfile() or not included(member.name):
                continue
            data = tar.extractfile(member).read()  # type: ignore[union-attr]
            arcname = f"{PLUGIN}/{member.name}"
            zf.writestr(arcname, data)
            names.append(arcname)
            if member.name.startswith("i18n/") and member.name.endswith(".ts"):
                qm = compile_translation(data)
                if qm is not None:
                    qm_name = arcname[:-3] + ".qm"
                    zf.writestr(qm_name, qm)
                    names.append(qm_name)
    return names


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--output", type=Path, default=ROOT / "dist" / f"{PLUGIN}.zip")
    parser.add_argument("--ref", default="HEAD", help="git revision to package (default HEAD)")
    args = parser.parse_args()
    names = build(args.output, args.ref)
    print(f"{args.output}: {len(names)} files")


if __name__ == "__main__":
    main()
