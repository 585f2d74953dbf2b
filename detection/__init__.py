"""The detection engine: sliding-window inference from any snapshot, over rasters of any size.

Plain Python + torch + rasterio + geopandas, no ``qgis``. Importing this package is
cheap: the public names are loaded on first use, so QGIS start-up does not pay for torch.

Public API: :func:`detect`, :class:`DetectOptions`, :class:`DetectProgress`,
:class:`DetectResult`, :class:`AreaOfInterest`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["AreaOfInterest", "DetectOptions", "DetectProgress", "DetectResult", "detect"]

_LAZY = {
    "DetectOptions": ".options",
    "DetectProgress": ".options",
    "DetectResult": ".result",
    "AreaOfInterest": ".aoi",
    "detect": ".engine",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(_LAZY[name], __name__)
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
