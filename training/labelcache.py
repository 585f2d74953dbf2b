"""Labels rasterised once per scene, in chunks, and cut out for every training tile.

Rasterising a tile's labels with its window's transform (``tiles.rasterize_targets``) costs
as much again for every tile drawn, and training draws the same places over and over. A
:class:`LabelRasters` rasterises the labels and training areas of a scene once per chunk of
``CHUNK``² pixels of the scene's own grid (pixel centres, as GDAL burns them: the same
pixels a window's rasterisation burns) the first time a tile touches it, keeps it, and
cuts each tile's window out of the chunks it overlaps.

Each chunk holds the instance raster (the scene's label number + 1, labels burnt in the
scene's label order, so overlapping labels resolve as in a window; ``int16`` while the
scene has fewer than 32,767 labels, else ``int32``) and the training-area mask; a chunk
with no label, or wholly inside or outside the areas, holds a constant instead (a
read-only broadcast: no memory, nothing to fetch when a tile is cut from it). A tile gets
its class ids from a lookup, and instances renumbered 1..n in label order, as
``rasterize_targets`` numbers them (nothing downstream depends on the numbers but their
being distinct); ``labels`` maps them back to the scene's labels.

With a ``centre_spread``, a chunk also holds the centre target of its pixels
(``tiles.centre_map`` of the chunk, computed in float64 and rounded once to float32): a
tile's centre target is then cut out like its labels instead of summing a Gaussian per
nearby label for every tile (about ten times cheaper). It differs from a window's own
float32 map by that map's rounding (at most 3e-6, ``tests/test_loader_equality.py``).

Chunks are made by whichever loader thread needs one first (a lock guards only the
dictionary), and at most ``max_chunks`` are kept (least recently used go first), which
bounds the memory: 3 bytes a pixel (0.8 MB a chunk; 5 with ``int32`` instances), 4 more
with the centre target; by default as many chunks as fit in :data:`MAX_BYTES`.
"""

from __future__ import annotations

import threading
import warnings
from collections import OrderedDict
from typing import Any

import numpy as np

from .inputs import SceneInput
from .tiles import centre_map, window_bounds, window_transform

CHUNK = 512
# 320 MiB: 426 chunks of labels (a training area of about 10,000 × 10,000 pixels stays whole),
# 182 with the centre target (about 7,000 × 7,000)
MAX_BYTES = 320 * 2**20

Chunk = tuple[np.ndarray, np.ndarray, np.ndarray | None]  # instances, in_area, centre target


class LabelRasters:
    """The rasterised labels and ``areas`` (default: the training areas) of one scene, and
    with ``centre_spread`` their centre target (``tiles.centre_map`` with that spread)."""

    def __init__(
        self,
        scene: SceneInput,
        areas: list[Any] | None = None,
        chunk: int = CHUNK,
        max_chunks: int | None = None,
        centre_spread: float | None = None,
    ) -> None:
        self.scene = scene
        self.areas = scene.train_areas if areas is None else areas
        self.chunk = int(chunk)
        self.centre_spread = centre_spread
        # instance numbers (label + 1) in the smallest type that holds them
        self.ids = np.dtype(np.int16 if len(scene.labels) < np.iinfo(np.int16).max else np.int32)
        per_chunk = self.chunk**2 * (self.ids.itemsize + 1 + (4 if centre_spread is not None else 0))
        self.max_chunks = max(1, int(max_chunks if max_chunks is not None else MAX_BYTES // per_chunk))
        self.classes = np.concatenate([[0], scene.label_classes]).astype(np.uint8)  # by instance number
        self._chunks: OrderedDict[tuple[int, int], Chunk] = OrderedDict()
        self._lock = threading.Lock()
        self.made = 0  # chunks rasterised (more than kept when some were dropped)

    def _rasterize(self, shapes: Any, shape: tuple[int, int], transform: Any, dtype: str) -> np.ndarray:
        from rasterio.errors import NotGeoreferencedWarning
        from rasterio.features import rasterize

        with warnings.catch_warnings():  # rasterio 1.3 warns spuriously on its in-memory dataset
            warnings.simplefilter("ignore", NotGeoreferencedWarning)
            return rasterize(shapes, out_shape=shape, transform=transform, dtype=dtype)

    def _make(self, ci: int, cj: int) -> Chunk:
        """``(instances, in_area bool, centre float32 or None)`` of chunk (ci, cj): what
        ``rasterize_targets`` burns, and the chunk's ``centre_map``; constants as broadcasts."""
        from shapely.geometry import box

        scene, n = self.scene, self.chunk
        row, col = ci * n, cj * n
        transform = window_transform(scene, row, col)
        bounds = window_bounds(scene, row, col, n, n)
        idx = scene.labels_in(bounds)
        instances = np.broadcast_to(np.zeros((), self.ids), (n, n))
        if idx:
            shapes = ((scene.label_shapes[i], i + 1) for i in idx)  # in label order: the last one wins
            instances = self._rasterize(shapes, (n, n), transform, self.ids.name)
        window = box(*bounds)
        if any(a.contains(window) for a in self.areas):
            in_area = np.broadcast_to(np.True_, (n, n))
        elif any(a.intersects(window) for a in self.areas):
            in_area = self._rasterize([(a, 1) for a in self.areas], (n, n), transform, "uint8") > 0
        else:
            in_area = np.broadcast_to(np.False_, (n, n))
        centre = None
        if self.centre_spread is not None:
            centre = centre_map(scene, row, col, n, n, self.areas, self.centre_spread, dtype=np.float64)
        return instances, in_area, centre

    def _get(self, ci: int, cj: int) -> Chunk:
        key = (ci, cj)
        with self._lock:
            hit = self._chunks.get(key)
            if hit is not None:
                self._chunks.move_to_end(key)
                return hit
        made = self._make(ci, cj)  # outside the lock: other threads go on cutting tiles
        with self._lock:
            hit = self._chunks.setdefault(key, made)
            self._chunks.move_to_end(key)
            self.made += hit is made
            while len(self._chunks) > self.max_chunks:
                self._chunks.popitem(last=False)
        return hit

    def cut(self, row: int, col: int, height: int, width: int) -> Chunk:
        """``(instances, in_area bool, centre float32 or None)`` of a window, the instances
        numbered as in the scene (label number + 1, in :attr:`ids`; ``classes[instances]`` are
        their classes)."""
        n = self.chunk
        instances = np.empty((height, width), dtype=self.ids)
        in_area = np.empty((height, width), dtype=bool)
        centre = np.empty((height, width), dtype=np.float32) if self.centre_spread is not None else None
        for ci in range(row // n, (row + height - 1) // n + 1):
            r0, r1 = max(row, ci * n), min(row + height, (ci + 1) * n)
            for cj in range(col // n, (col + width - 1) // n + 1):
                c0, c1 = max(col, cj * n), min(col + width, (cj + 1) * n)
                chunk_instances, chunk_area, chunk_centre = self._get(ci, cj)
                src = np.s_[r0 - ci * n : r1 - ci * n, c0 - cj * n : c1 - cj * n]
                dst = np.s_[r0 - row : r1 - row, c0 - col : c1 - col]
                instances[dst] = chunk_instances[src]
                in_area[dst] = chunk_area[src]
                if centre is not None and chunk_centre is not None:
                    centre[dst] = chunk_centre[src]
        return instances, in_area, centre

    def window(
        self, row: int, col: int, height: int, width: int
    ) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
        """``(classes uint8, instances int32 numbered 1..n, in_area bool, labels)`` of a window;
        ``labels[k - 1]`` is the scene's label of instance ``k``."""
        instances, in_area, _ = self.cut(row, col, height, width)
        classes = self.classes[instances]
        present = np.flatnonzero(np.bincount(instances.ravel(), minlength=1)[1:])  # labels here, in order
        if len(present):
            renumber = np.zeros(len(self.classes), dtype=np.int32)
            renumber[present + 1] = np.arange(1, len(present) + 1, dtype=np.int32)
            instances = renumber[instances]
        else:
            instances = instances.astype(np.int32)
        return classes, instances, in_area, present
