"""Overlap blending of tile predictions into seamless per-block probabilities.

Each tile's probabilities are weighted by a window that fades towards the tile's
edges; a pixel's result is the weighted mean of every tile covering it. Blocks are
processed in raster order and every tile is predicted once: what a block's tiles spill
beyond its rect (right and down) is carried to the next blocks, the right spill in
memory and the spills down the rows on disk, so memory stays bounded by the block and
tile sizes whatever the raster's width.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from .tiling import AxisBlock, TileGrid


def blend_window(tile: int, overlap: int) -> np.ndarray:
    """A ``tile`` × ``tile`` weight window: 1 inside, a linear ramp over ``overlap`` pixels
    towards each edge, never zero (a pixel covered by one tile only keeps its value)."""
    idx = np.arange(tile, dtype=np.float32)
    dist = np.minimum(idx, tile - 1 - idx)
    ramp = np.clip((dist + 1.0) / (overlap + 1.0), 1e-3, 1.0) if overlap > 0 else np.ones(tile, np.float32)
    return np.outer(ramp, ramp).astype(np.float32)


@dataclass
class BlockBuffer:
    """Weighted sums of one block's tiles: ``sums`` (channels, h, w) and ``weight`` (h, w)."""

    i: int
    j: int
    rows: AxisBlock
    cols: AxisBlock
    sums: np.ndarray
    weight: np.ndarray

    @property
    def rect_shape(self) -> tuple[int, int]:
        return self.rows.end - self.rows.start, self.cols.end - self.cols.start

    def add(self, row: int, col: int, probs: np.ndarray, window: np.ndarray) -> None:
        """Add one tile's probabilities ``probs`` (channels, t, t) at area pixel (row, col);
        ``probs`` is overwritten (multiplied by the window)."""
        r, c = row - self.rows.start, col - self.cols.start
        t = probs.shape[-1]
        probs *= window  # the predictor's own array: weighted in place
        self.sums[:, r : r + t, c : c + t] += probs
        self.weight[r : r + t, c : c + t] += window


class _DiskSpills:
    """Spills down the rows, one file per block column, in a private temporary folder."""

    def __init__(self) -> None:
        self._dir: tempfile.TemporaryDirectory | None = None

    def _path(self, j: int) -> Path:
        if self._dir is None:
            self._dir = tempfile.TemporaryDirectory(prefix="huntr-stitch-")
        return Path(self._dir.name) / f"{j}.npz"

    def put(self, j: int, sums: np.ndarray, weight: np.ndarray) -> None:
        np.savez(self._path(j), sums=sums, weight=weight)

    def take(self, j: int) -> tuple[np.ndarray, np.ndarray] | None:
        path = self._path(j)
        if not path.exists():
            return None
        with np.load(path) as data:
            out = data["sums"], data["weight"]
        path.unlink()
        return out

    def close(self) -> None:
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None


class Stitcher:
    """Hands out a :class:`BlockBuffer` per block and turns it into final probabilities.

    Call :meth:`begin` and :meth:`finish` for every block in the order of
    :meth:`TileGrid.blocks`; :meth:`close` removes the temporary spill files.
    """

    def __init__(self, grid: TileGrid, channels: int) -> None:
        self.grid = grid
        self.channels = channels
        self.window = blend_window(grid.tile, grid.overlap)
        self._right: tuple[np.ndarray, np.ndarray] | None = None
        self._down = _DiskSpills()

    def begin(self, i: int, j: int, rows: AxisBlock, cols: AxisBlock) -> BlockBuffer:
        """A buffer for block (i, j) holding what earlier blocks spilled into it."""
        h, w = rows.buffer_end - rows.start, cols.buffer_end - cols.start
        buf = BlockBuffer(
            i, j, rows, cols, np.zeros((self.channels, h, w), np.float32), np.zeros((h, w), np.float32)
        )
        if j > 0 and self._right is not None:
            sums, weight = self._right
            buf.sums[:, :, : sums.shape[2]] += sums
            buf.weight[:, : weight.shape[1]] += weight  # same rows: same block row
        self._right = None
        if i > 0:
            down = self._down.take(j)
            if down is not None:
                sums, weight = down
                buf.sums[:, : sums.shape[1], : sums.shape[2]] += sums
                buf.weight[: weight.shape[0], : weight.shape[1]] += weight
        return buf

    def finish(self, buf: BlockBuffer) -> tuple[np.ndarray, np.ndarray]:
        """The block rect's blended probabilities (channels, h, w) and its coverage weight."""
        sums, weight = self.finish_sums(buf)
        probs = np.divide(sums, weight, out=np.zeros_like(sums), where=weight > 0)
        return probs, weight

    def finish_sums(self, buf: BlockBuffer) -> tuple[np.ndarray, np.ndarray]:
        """The block rect's weighted sums and weight (views; probabilities = sums / weight)."""
        rh, rw = buf.rect_shape
        last_row = buf.rows.end >= self.grid.height
        last_col = buf.cols.end >= self.grid.width
        if not last_col and buf.sums.shape[2] > rw:
            self._right = (buf.sums[:, :, rw:].copy(), buf.weight[:, rw:].copy())
        if not last_row and buf.sums.shape[1] > rh:
            self._down.put(buf.j, buf.sums[:, rh:, :rw], buf.weight[rh:, :rw])
        return buf.sums[:, :rh, :rw], buf.weight[:rh, :rw]

    def close(self) -> None:
        self._down.close()
