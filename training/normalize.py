"""Per-band normalisation statistics, computed once per model from decimated reads of its scenes."""

from __future__ import annotations

import numpy as np

from ..deps import require
from .inputs import SceneInput


def band_statistics(
    scenes: list[SceneInput], bands: list[int], max_side: int = 512
) -> dict[str, list[float]]:
    """Mean and standard deviation of each band over every valid pixel of ``scenes``.

    Each scene is read once at a resolution of at most ``max_side`` pixels a side
    (GDAL picks overviews when there are some); nodata and masked pixels are left out.
    """
    rasterio = require("rasterio")
    total = np.zeros(len(bands))
    total_sq = np.zeros(len(bands))
    n = 0
    for scene in scenes:
        scale = max(scene.width, scene.height) / max_side
        h = max(1, round(scene.height / max(scale, 1.0)))
        w = max(1, round(scene.width / max(scale, 1.0)))
        with rasterio.open(scene.path) as ds:
            data = ds.read(bands, out_shape=(len(bands), h, w), masked=True)
        valid = ~np.ma.getmaskarray(data).any(axis=0)
        if scene.nodata is not None:
            valid &= ~np.all(data.data == scene.nodata, axis=0)
        values = data.data[:, valid].astype(np.float64)
        total += values.sum(axis=1)
        total_sq += (values**2).sum(axis=1)
        n += values.shape[1]
    if n == 0:
        return {"mean": [0.0] * len(bands), "std": [1.0] * len(bands)}
    mean = total / n
    std = np.sqrt(np.maximum(total_sq / n - mean**2, 0.0))
    std = np.where(std < 1e-6, 1.0, std)
    return {"mean": mean.tolist(), "std": std.tolist()}
