"""The one lazy-import loader: heavy packages imported when needed, with a clear message when missing.

QGIS start-up never imports torch, rasterio or geopandas: code that needs them
calls :func:`require` at the moment it needs them, and the engine packages export
their public names through :func:`lazy_exports` so that importing them is cheap.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable
from types import ModuleType
from typing import Any

from .errors import MissingDependencyError

# package import name -> how to install it (Debian packages share QGIS's GDAL).
INSTALL_HINTS: dict[str, str] = {
    "torch": "the Install button of the ORCA HUNTR panel, or pip install torch (in the Python "
    "that runs QGIS; the README says how on each system), or run `make setup`",
    "safetensors": "the Install button of the ORCA HUNTR panel, or pip install safetensors, "
    "or run `make setup`",
    "onnxruntime": "pip install onnxruntime (optional: faster CPU detection), or run `make setup`",
    "onnx": "pip install onnx (needed to export a snapshot to ONNX), or run `make setup`",
    "rasterio": "sudo apt-get install python3-rasterio (not the PyPI wheel: it bundles another GDAL)",
    "geopandas": "sudo apt-get install python3-geopandas python3-rtree",
    "shapely": "sudo apt-get install python3-shapely",
    "pyproj": "sudo apt-get install python3-pyproj",
    "scipy": "sudo apt-get install python3-scipy",
    "osgeo": "sudo apt-get install python3-gdal",
    "fiona": "sudo apt-get install python3-fiona",
    "dask": "sudo apt-get install python3-distributed (Debian's matches its numpy)",
    "distributed": "sudo apt-get install python3-distributed (Debian's matches its numpy)",
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


def lazy_exports(package: str, exports: dict[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``exports[name]`` names the submodule (relative,
    such as ``".engine"``) that defines ``name``; it is imported on first use and kept in the
    package's namespace, so that later look-ups do not come here again."""

    def attribute(name: str) -> Any:
        if name not in exports:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(exports[name], package), name)
        setattr(sys.modules[package], name, value)
        return value

    return attribute
