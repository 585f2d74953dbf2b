"""Tiny stand-in wheels named ``torch`` and ``safetensors``, for testing the installer offline.

They are FAKES: a few bytes of pure Python each (``torch.__version__ == "0.0.1+fake"``,
``torch.FAKE is True``), not PyTorch. A real torch wheel is hundreds of megabytes; what the
installer tests need is pip installing *something named torch* from a local folder
(``pip --no-index --find-links``) into the plugin's folder, and QGIS importing it from there.
"""

from __future__ import annotations

import base64
import hashlib
import os
import zipfile
from pathlib import Path

FAKE_VERSION = "0.0.1+fake"


def build_wheel(folder: Path, name: str, version: str, code: str) -> Path:
    """A valid pure-Python wheel holding package ``name`` whose ``__init__.py`` is ``code``."""
    folder.mkdir(parents=True, exist_ok=True)
    info = f"{name}-{version}.dist-info"
    files = {
        f"{name}/__init__.py": code,
        f"{info}/METADATA": f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n",
        f"{info}/WHEEL": "Wheel-Version: 1.0\nGenerator: orca-huntr-tests\nRoot-Is-Purelib: true\n"
        "Tag: py3-none-any\n",
    }
    record = []
    for path, text in files.items():
        data = text.encode()
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{info}/RECORD,,")
    files[f"{info}/RECORD"] = "\n".join(record) + "\n"
    wheel = folder / f"{name}-{version}-py3-none-any.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for path, text in files.items():
            zf.writestr(path, text)
    return wheel


def fake_wheels(folder: Path) -> Path:
    """``folder`` with the fake ``torch`` and ``safetensors`` wheels."""
    for name in ("torch", "safetensors"):
        code = f'"""A FAKE {name} for the installer tests."""\n__version__ = "{FAKE_VERSION}"\nFAKE = True\n'
        build_wheel(folder, name, FAKE_VERSION, code)
    return folder


def isolated_pip_env(base: dict[str, str] | None = None) -> dict[str, str]:
    """The environment without any pip configuration (no PIP_* variables, no pip.conf)."""
    env = {k: v for k, v in (base if base is not None else os.environ).items() if not k.startswith("PIP_")}
    env["PIP_CONFIG_FILE"] = os.devnull
    return env
