"""The training engine: learns a model of the snapshot store from its training data.

Plain Python + torch + rasterio + geopandas, no ``qgis``. Importing this package is
cheap: the public names are loaded on first use, so QGIS start-up does not pay for torch.

Public API: :class:`TrainConfig`, :class:`Progress`, :class:`TrainResult`, :func:`train_model`.
"""

from __future__ import annotations

from ..deps import lazy_exports

__all__ = ["Progress", "TrainConfig", "TrainResult", "train_model"]

_LAZY = {
    "TrainConfig": ".config",
    "Progress": ".config",
    "TrainResult": ".config",
    "train_model": ".guard",
}


__getattr__ = lazy_exports(__name__, _LAZY)
