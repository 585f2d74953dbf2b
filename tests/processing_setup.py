"""Helpers for the tests of the Processing algorithms (imported by ``test_processing_*.py``).

``python -m pytest`` puts the current folder first on ``sys.path``; run from the
repository root, the plugin's own ``processing/`` folder would then hide QGIS's
``processing`` package. :func:`qgis_processing_package` undoes that before
pytest-qgis initialises Processing.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
QGIS_PLUGINS = "/usr/share/qgis/python/plugins"


def qgis_processing_package() -> None:
    """Make ``import processing`` find QGIS's Processing framework, not ``<repo>/processing``."""
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != ROOT]
    module = sys.modules.get("processing")
    if module is not None and Path(getattr(module, "__file__", "") or "").resolve().parent.parent == ROOT:
        for name in [n for n in sys.modules if n == "processing" or n.startswith("processing.")]:
            del sys.modules[name]
    if QGIS_PLUGINS not in sys.path and Path(QGIS_PLUGINS).is_dir():
        sys.path.append(QGIS_PLUGINS)


qgis_processing_package()


@pytest.fixture
def huntr_provider(qgis_processing):
    """Processing initialised, with a fresh ORCA HUNTR provider registered."""
    from qgis.core import QgsApplication

    from orca_huntr.processing.provider import HuntrProvider

    registry = QgsApplication.processingRegistry()
    if registry.providerById("orcahuntr") is not None:
        registry.removeProvider("orcahuntr")
    instance = HuntrProvider()
    assert registry.addProvider(instance)
    yield instance
    registry.removeProvider("orcahuntr")


def run(alg: str, params: dict) -> dict:
    """``processing.run("orcahuntr:<alg>", params)``."""
    import processing

    return processing.run(f"orcahuntr:{alg}", params)
