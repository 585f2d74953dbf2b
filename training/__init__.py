"""The training engine: learns a model of the snapshot store from its training data.

Plain Python + torch + rasterio + geopandas, no ``qgis``. Importing this package is
cheap: the public names are loaded on first use, so QGIS start-up does not pay for torch.

Public API: :class:`TrainConfig`, :class:`Progress`, :class:`TrainResult`, :func:`train_model`.
"""

from __future__ import annotations

from typing import Any

__all__ = ["Progress", "TrainConfig", "TrainResult", "train_model"]

_LAZY = {
    "TrainConfig": ".config",
    "Progress": ".config",
    "TrainResult": ".config",
    "train_model": ".guard",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        module = importlib.import_module(_LAZY[name], __name__)
        return getattr(module, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
