"""Per-band normalisation of the network's input.

Two methods, recorded in every snapshot's ``config["normalization"]``:

* ``"scene_percentile"`` (new models): each raster is normalised with its *own* robust
  statistics, the ``low``/``high`` percentiles of each band over a decimated read of the
  whole raster, mapped to -1 / +1. Training computes them for each scene; detection
  computes them for the raster being detected. A flight that is darker, brighter or
  tinted per band gives the network the same input, so a model travels to other
  flights of the same sensor. Stored as ``{"method", "low", "high"}`` plus the
  statistics of the training scenes (for the record; detection recomputes them).
* ``"fixed"`` (snapshots made before it): one ``mean``/``std`` per band, taken from the
  training scenes, used for every raster.

Both come down to ``(value - mean) / std`` per band, which is what the readers apply:
for percentiles ``mean = (lo + hi) / 2`` and ``std = (hi - lo) / 2``.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from ..deps import require

PERCENTILE = "scene_percentile"
FIXED = "fixed"
DEFAULT_LOW, DEFAULT_HIGH = 1.0, 99.0
MAX_SIDE = 1024  # a raster is read at most this many pixels a side for its statistics


def default_normalization() -> dict[str, Any]:
    """What a new model records: per-scene percentiles."""
    return {"method": PERCENTILE, "low": DEFAULT_LOW, "high": DEFAULT_HIGH}


def method_of(norm: dict[str, Any] | None) -> str:
    """The method of a recorded normalisation (records without one are ``fixed``)."""
    return str((norm or {}).get("method") or FIXED)


def _valid_pixels(path: str, bands: list[int], nodata: float | None, max_side: int) -> np.ndarray:
    """``(bands, n)`` float64 values of the valid pixels of a decimated read of the raster."""
    rasterio = require("rasterio")
    with rasterio.open(path) as ds:
        scale = max(ds.width, ds.height) / max_side
        h = max(1, round(ds.height / max(scale, 1.0)))
        w = max(1, round(ds.width / max(scale, 1.0)))
        data = ds.read(bands, out_shape=(len(bands), h, w), masked=True)
        nodata = ds.nodata if nodata is None else nodata
    valid = ~np.ma.getmaskarray(data).any(axis=0)
    if nodata is not None:
        valid &= ~np.all(data.data == nodata, axis=0)
    return data.data[:, valid].astype(np.float64)


def percentile_statistics(
    path: str,
    bands: list[int],
    nodata: float | None = None,
    low: float = DEFAULT_LOW,
    high: float = DEFAULT_HIGH,
    max_side: int = MAX_SIDE,
) -> dict[str, list[float]]:
    """``{"mean", "std"}`` that map the ``low``/``high`` percentiles of each band to -1/+1.

    Read once at a resolution of at most ``max_side`` pixels a side (GDAL uses overviews
    when there are some); nodata and masked pixels are left out. A flat band (or a raster
    without valid pixels) gets a spread of 1 so that nothing is divided by zero.
    """
    values = _valid_pixels(path, bands, nodata, max_side)
    if values.shape[1] == 0:
        return {"mean": [0.0] * len(bands), "std": [1.0] * len(bands)}
    lo, hi = np.percentile(values, [low, high], axis=1)
    spread = (hi - lo) / 2.0
    spread = np.where(spread < 1e-6, 1.0, spread)
    return {"mean": ((lo + hi) / 2.0).tolist(), "std": spread.tolist()}


def band_statistics(scenes: list[Any], bands: list[int], max_side: int = 512) -> dict[str, list[float]]:
    """Mean and standard deviation of each band over every valid pixel of ``scenes`` (``fixed``)."""
    parts = [_valid_pixels(s.path, bands, s.nodata, max_side) for s in scenes]
    values = np.concatenate(parts, axis=1) if parts else np.zeros((len(bands), 0))
    if values.shape[1] == 0:
        return {"mean": [0.0] * len(bands), "std": [1.0] * len(bands)}
    mean, std = values.mean(axis=1), values.std(axis=1)
    std = np.where(std < 1e-6, 1.0, std)
    return {"mean": mean.tolist(), "std": std.tolist()}


def statistics_for(
    norm: dict[str, Any], path: str, bands: list[int], nodata: float | None = None
) -> tuple[list[float], list[float]]:
    """``(mean, std)`` to normalise the raster at ``path`` under the recorded ``norm``."""
    if method_of(norm) == PERCENTILE:
        stats = percentile_statistics(
            path, bands, nodata, float(norm.get("low", DEFAULT_LOW)), float(norm.get("high", DEFAULT_HIGH))
        )
        return stats["mean"], stats["std"]
    return list(norm["mean"]), list(norm["std"])
