"""Lazy access to heavy optional packages, with a clear message when one is missing.

QGIS start-up never imports torch, rasterio or geopandas: code that needs them
calls :func:`require` at the moment it needs them.
"""

from __future__ import annotations

import importlib
from types import ModuleType

from .errors import MissingDependencyError

# package import name -> how to install it (Debian packages share QGIS's GDAL).
INSTALL_HINTS: dict[str, str] = {
    "torch": "pip install torch (in the Python that runs QGIS), or run `make setup`",
    "safetensors": "pip install safetensors, or run `make setup`",
    "onnxruntime": "pip install onnxruntime (optional: faster CPU detection), or run `make setup`",
    "onnx": "pip install onnx (needed to export a snapshot to ONNX), or run `make setup`",
    "rasterio": "sudo apt-get install python3-rasterio (not the PyPI wheel: it bundles another GDAL)",
    "geopandas": "sudo apt-get install python3-geopandas python3-rtree",
    "shapely": "sudo apt-get install python3-shapely",
    "pyproj": "sudo apt-get install python3-pyproj",
    "scipy": "sudo apt-get install python3-scipy",
    "osgeo": "sudo apt-get install python3-gdal",
    "fiona": "sudo apt-get install python3-fiona",
}


def require(name: str) -> ModuleType:
    """Import and return module ``name`` or raise :class:`MissingDependencyError`."""
    try:
        return importlib.import_module(name)
    except ImportError as exc:
        top = name.split(".")[0]
        hint = INSTALL_HINTS.get(top, f"pip install {top}")
        raise MissingDependencyError(
            f"ORCA HUNTR needs the Python package '{top}', which is not installed "
            f"in the Python that runs QGIS ({exc}). Install it with: {hint}."
        ) from exc
