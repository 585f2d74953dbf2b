"""The detection engine: sliding-window inference from any snapshot, over rasters of any size.

Plain Python + torch + rasterio + geopandas, no ``qgis``. Importing this package is
cheap: the public names are loaded on first use, so QGIS start-up does not pay for torch.

Public API: :func:`detect`, :class:`DetectOptions`, :class:`DetectProgress`,
:class:`DetectResult`, :class:`AreaOfInterest`.
"""

from __future__ import annotations

from ..deps import lazy_exports

__all__ = ["AreaOfInterest", "DetectOptions", "DetectProgress", "DetectResult", "detect"]

_LAZY = {
    "DetectOptions": ".options",
    "DetectProgress": ".options",
    "DetectResult": ".result",
    "AreaOfInterest": ".aoi",
    "detect": ".engine",
}


__getattr__ = lazy_exports(__name__, _LAZY)
