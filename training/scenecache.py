"""Scenes read whole once and kept in memory, cut out for every training tile.

A tile read through rasterio (a window of the GeoTIFF and of its masks, decompressed
block by block) costs about 0.15 ms of a core for a 128² tile, and training reads the
same places over and over. A :class:`ScenePixels` reads the whole scene the first time a
tile needs it (in strips, so the read itself never holds more than a strip twice), keeps
its pixels in their own data type and the valid mask, and cuts each window out of memory:
the same float32 values and mask as a window read (``tiles.SceneReader.read``), zero-padded
beyond the scene, nodata and masked pixels not valid.

Memory: ``bands × itemsize + 1`` bytes a pixel (4 for RGB bytes: an 8,000 × 8,000 scene
takes 256 MB). ``tiles.SceneReader.hold`` keeps the scenes that fit in :data:`PIXEL_BUDGET`
together, in the order given; the others are read window by window as before, so a scene
of many GB costs no more memory than it did.
"""

from __future__ import annotations

import threading
from typing import Any

import numpy as np

from ..deps import require

PIXEL_BUDGET = 256 * 2**20  # bytes of scene pixels held in memory by one reader (all scenes together)
STRIP_BYTES = 32 * 2**20  # a whole-scene read goes in strips of about this many bytes of pixels


def pixel_bytes(path: str, bands: list[int]) -> int:
    """Bytes :class:`ScenePixels` holds for ``bands`` of the raster at ``path``."""
    rasterio = require("rasterio")
    with rasterio.open(path) as ds:
        itemsize = max(np.dtype(ds.dtypes[b - 1]).itemsize for b in bands)
        return ds.width * ds.height * (len(bands) * itemsize + 1)


class ScenePixels:
    """The pixels of ``bands`` of one scene and its valid mask, read whole on first use."""

    def __init__(self, scene: Any, bands: list[int]) -> None:
        self.scene = scene
        self.bands = list(bands)
        self.pixels: np.ndarray | None = None  # (bands, height, width), the raster's data type
        self.valid: np.ndarray | None = None  # (height, width) bool
        self._lock = threading.Lock()

    def load(self) -> None:
        """Read the scene (once; a second thread waits for the first one's read)."""
        with self._lock:
            if self.pixels is not None:
                return
            rasterio = require("rasterio")
            from rasterio.windows import Window

            scene = self.scene
            with rasterio.open(scene.path) as ds:
                itemsize = max(np.dtype(ds.dtypes[b - 1]).itemsize for b in self.bands)
                strip = max(1, STRIP_BYTES // max(scene.width * len(self.bands) * itemsize, 1))
                pixels, valid = None, np.empty((scene.height, scene.width), dtype=bool)
                for r0 in range(0, scene.height, strip):
                    r1 = min(r0 + strip, scene.height)
                    window = Window(0, r0, scene.width, r1 - r0)
                    # exactly what a window read does, per pixel (tiles.SceneReader.read)
                    data = ds.read(self.bands, window=window)
                    mask = ds.read_masks(self.bands, window=window).min(axis=0) > 0
                    if scene.nodata is not None:
                        mask &= ~np.all(data == scene.nodata, axis=0)
                    if pixels is None:
                        pixels = np.empty((len(self.bands), scene.height, scene.width), dtype=data.dtype)
                    pixels[:, r0:r1] = data
                    valid[r0:r1] = mask
            self.valid, self.pixels = valid, pixels

    def window(self, row: int, col: int, height: int, width: int) -> tuple[np.ndarray, np.ndarray]:
        """``(image float32 (bands, height, width), valid bool (height, width))`` of the window at
        (row, col): what ``SceneReader.read`` reads there."""
        if self.pixels is None:
            self.load()
        pixels, valid = self.pixels, self.valid
        assert pixels is not None and valid is not None
        r0, c0 = max(row, 0), max(col, 0)
        r1, c1 = min(row + height, self.scene.height), min(col + width, self.scene.width)
        if (r0, c0, r1, c1) == (row, col, row + height, col + width):  # inside the scene: no padding
            return pixels[:, r0:r1, c0:c1].astype(np.float32), valid[r0:r1, c0:c1].copy()
        image = np.zeros((len(self.bands), height, width), dtype=np.float32)
        mask = np.zeros((height, width), dtype=bool)
        if r1 > r0 and c1 > c0:
            image[:, r0 - row : r1 - row, c0 - col : c1 - col] = pixels[:, r0:r1, c0:c1]
            mask[r0 - row : r1 - row, c0 - col : c1 - col] = valid[r0:r1, c0:c1]
        return image, mask
