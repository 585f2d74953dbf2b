"""Overlap blending of tile predictions into seamless per-block probabilities.

Each tile's probabilities are weighted by a window that fades towards the tile's
edges; a pixel's result is the weighted mean of every tile covering it. The window is
the outer product of one ramp along the rows and one along the columns, and the tiles
lie on one grid, so the sum of the windows over a pixel (its weight) is the product of
two per-axis sums: it is computed, not accumulated tile by tile. (Tiles skipped for
holding no valid pixel are counted in it; that changes the weight of invalid pixels
only, which yield nothing.) Blocks are
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

from .buffers import ArrayPool
from .tiling import AxisBlock, TileGrid


def blend_ramp(tile: int, overlap: int) -> np.ndarray:
    """The window's profile along one axis: 1 inside, a linear ramp over ``overlap`` pixels
    towards each edge, never zero (a pixel covered by one tile only keeps its value)."""
    idx = np.arange(tile, dtype=np.float32)
    dist = np.minimum(idx, tile - 1 - idx)
    if overlap <= 0:
        return np.ones(tile, np.float32)
    return np.clip((dist + 1.0) / (overlap + 1.0), 1e-3, 1.0).astype(np.float32)


def blend_window(tile: int, overlap: int) -> np.ndarray:
    """A ``tile`` × ``tile`` weight window: the outer product of two :func:`blend_ramp`."""
    ramp = blend_ramp(tile, overlap)
    return np.outer(ramp, ramp).astype(np.float32)


def axis_weight(origins: list[int], ramp: np.ndarray) -> np.ndarray:
    """The sum of the ramps of tiles starting at ``origins`` along one axis."""
    tile = ramp.size
    out = np.zeros(max(origins) + tile, np.float64)
    for o in origins:
        out[o : o + tile] += ramp
    return out


@dataclass
class BlockBuffer:
    """Weighted sums of one block's tiles: ``sums`` (channels, h, w) over the block's buffer."""

    i: int
    j: int
    rows: AxisBlock
    cols: AxisBlock
    sums: np.ndarray

    @property
    def rect_shape(self) -> tuple[int, int]:
        return self.rows.end - self.rows.start, self.cols.end - self.cols.start

    def add(self, row: int, col: int, probs: np.ndarray, window: np.ndarray, weighted: bool = False) -> None:
        """Add one tile's probabilities ``probs`` (channels, t, t) at area pixel (row, col).
        Unless ``weighted`` (already multiplied by ``window``), ``probs`` is multiplied by
        ``window`` in place."""
        r, c = row - self.rows.start, col - self.cols.start
        t = probs.shape[-1]
        if not weighted:
            probs *= window  # the predictor's own array: weighted in place
        self.sums[:, r : r + t, c : c + t] += probs


class _DiskSpills:
    """Spills down the rows, one file per block column, in a private temporary folder."""

    def __init__(self) -> None:
        self._dir: tempfile.TemporaryDirectory | None = None

    def _path(self, j: int) -> Path:
        if self._dir is None:
            self._dir = tempfile.TemporaryDirectory(prefix="huntr-stitch-")
        return Path(self._dir.name) / f"{j}.npy"

    def put(self, j: int, sums: np.ndarray) -> None:
        np.save(self._path(j), sums)

    def take(self, j: int) -> np.ndarray | None:
        path = self._path(j)
        if not path.exists():
            return None
        out = np.load(path)
        path.unlink()
        return out

    def close(self) -> None:
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None


class Stitcher:
    """Hands out a :class:`BlockBuffer` per block and turns it into final probabilities.

    Call :meth:`begin` for every block and :meth:`finish` (or :meth:`finish_sums`) for
    each in the order of :meth:`TileGrid.blocks` (a block may begin before the previous
    one is finished); :meth:`close` removes the temporary spill files.
    """

    def __init__(self, grid: TileGrid, channels: int, pool: ArrayPool | None = None) -> None:
        self.grid = grid
        self.channels = channels
        self.pool = pool
        self.window = blend_window(grid.tile, grid.overlap)
        ramp = blend_ramp(grid.tile, grid.overlap)
        self._row_weight = axis_weight(grid.rows, ramp).astype(np.float32)
        self._col_weight = axis_weight(grid.cols, ramp).astype(np.float32)
        self._right: np.ndarray | None = None
        self._down = _DiskSpills()

    def begin(self, i: int, j: int, rows: AxisBlock, cols: AxisBlock) -> BlockBuffer:
        """An empty buffer for block (i, j); what earlier blocks spill into it is added by
        :meth:`finish_sums`, so the next blocks can begin before this one is finished."""
        shape = (self.channels, rows.buffer_end - rows.start, cols.buffer_end - cols.start)
        sums = self.pool.zeros(shape) if self.pool is not None else np.zeros(shape, np.float32)
        return BlockBuffer(i, j, rows, cols, sums)

    def release(self, buf: BlockBuffer) -> None:
        """Hand a finished block's buffer back for reuse (nothing may use its sums after)."""
        if self.pool is not None:
            self.pool.give_back(buf.sums)

    def _take_spills(self, buf: BlockBuffer) -> None:
        """Add what the blocks to the left and above spilled into ``buf``."""
        if buf.j > 0 and self._right is not None:
            buf.sums[:, :, : self._right.shape[2]] += self._right  # same rows: same block row
        self._right = None
        if buf.i > 0:
            down = self._down.take(buf.j)
            if down is not None:
                buf.sums[:, : down.shape[1], : down.shape[2]] += down

    def weight(self, rows: AxisBlock, cols: AxisBlock) -> np.ndarray:
        """The blending weight (sum of the windows) over a block's rect."""
        wr = self._row_weight[rows.start : rows.end]
        wc = self._col_weight[cols.start : cols.end]
        return np.outer(wr, wc)

    def finish(self, buf: BlockBuffer) -> tuple[np.ndarray, np.ndarray]:
        """The block rect's blended probabilities (channels, h, w) and its coverage weight."""
        sums, weight = self.finish_sums(buf)
        probs = np.divide(sums, weight, out=np.zeros_like(sums), where=weight > 0)
        return probs, weight

    def finish_sums(self, buf: BlockBuffer) -> tuple[np.ndarray, np.ndarray]:
        """The block rect's weighted sums (a view) and weight; probabilities = sums / weight.

        Blocks must be finished in the order of :meth:`TileGrid.blocks`."""
        self._take_spills(buf)
        rh, rw = buf.rect_shape
        last_row = buf.rows.end >= self.grid.height
        last_col = buf.cols.end >= self.grid.width
        if not last_col and buf.sums.shape[2] > rw:
            self._right = buf.sums[:, :, rw:].copy()
        if not last_row and buf.sums.shape[1] > rh:
            self._down.put(buf.j, buf.sums[:, rh:, :rw])
        return buf.sums[:, :rh, :rw], self.weight(buf.rows, buf.cols)

    def close(self) -> None:
        self._down.close()
