"""Overlap blending of tile predictions into seamless per-block probabilities.

Each tile's probabilities are weighted by a window that fades towards the tile's
edges; a pixel's result is the weighted mean of every tile covering it. The window is
the outer product of one ramp along the rows and one along the columns, and the tiles
lie on one grid, so the sum of the windows over a pixel (its weight) is the product of
two per-axis sums: it is computed, not accumulated tile by tile. (Tiles skipped for
holding no valid pixel are counted in it; that changes the weight of invalid pixels
only, which yield nothing.) A block's buffer is not zeroed: tiles come in raster order,
and each tile *assigns* the part of it that no earlier tile of the block covers (its
fresh part; the fresh parts of a block's tiles partition its buffer) and adds the
rest; a skipped tile's fresh part is set to zero. Blocks are
processed in raster order and every tile is predicted once: what a block's tiles spill
beyond its rect (right and down) is carried to the next blocks, the right spill in
memory and the spills down the rows in memory up to a budget (64 MiB: a raster about
80,000 pixels wide with two classes) and on disk beyond it, so memory stays bounded
whatever the raster's width.
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
    """Weighted sums of one block's tiles: ``sums`` (channels, h, w) over the block's buffer.

    ``row_cuts`` / ``col_cuts`` map a tile origin (area pixels) to where the block's
    earlier tiles stop covering it along that axis: its fresh part starts there."""

    i: int
    j: int
    rows: AxisBlock
    cols: AxisBlock
    sums: np.ndarray
    tile: int
    row_cuts: dict[int, int]
    col_cuts: dict[int, int]
    last: tuple[int, int] | None = None  # the last tile added (tiles come in raster order)

    @property
    def rect_shape(self) -> tuple[int, int]:
        return self.rows.end - self.rows.start, self.cols.end - self.cols.start

    def _fresh(self, row: int, col: int) -> tuple[int, int]:
        """Where the tile at (row, col) stops overlapping the block's earlier tiles, as
        offsets into the tile: rows above ``dr`` and columns left of ``dc`` were written."""
        return self.row_cuts[row] - row, self.col_cuts[col] - col

    def add(self, row: int, col: int, probs: np.ndarray, window: np.ndarray, weighted: bool = False) -> None:
        """Add one tile's probabilities ``probs`` (channels, t, t) at area pixel (row, col).
        Tiles must come in raster order (rows of tiles, left to right). Unless ``weighted``
        (already multiplied by ``window``), ``probs`` is multiplied by ``window`` in place."""
        if self.last is not None and (row, col) <= self.last:
            raise ValueError(f"tiles must be added in raster order: ({row}, {col}) after {self.last}")
        self.last = (row, col)
        r, c = row - self.rows.start, col - self.cols.start
        t = self.tile
        if not weighted:
            probs *= window  # the predictor's own array: weighted in place
        dr, dc = self._fresh(row, col)
        sums = self.sums
        sums[:, r + dr : r + t, c + dc : c + t] = probs[:, dr:, dc:]
        if dr:
            sums[:, r : r + dr, c : c + t] += probs[:, :dr]
        if dc:
            sums[:, r + dr : r + t, c : c + dc] += probs[:, dr:, :dc]

    def skip(self, row: int, col: int) -> None:
        """Mark the tile at (row, col) as not predicted: its fresh part becomes zero.
        Call it before any tile is added (fresh parts do not overlap, later tiles add to it)."""
        if self.last is not None:
            raise ValueError("skipped tiles must be marked before tiles are added")
        r, c = row - self.rows.start, col - self.cols.start
        dr, dc = self._fresh(row, col)
        self.sums[:, r + dr : r + self.tile, c + dc : c + self.tile] = 0.0


def _cuts(origins: list[int], first: int, last: int, tile: int) -> dict[int, int]:
    """For the tiles ``first..last-1`` of an axis: origin → end of the previous tile (or the
    origin itself for the block's first tile)."""
    return {origins[k]: (origins[k - 1] + tile if k > first else origins[k]) for k in range(first, last)}


class _Spills:
    """Spills down the rows, one array per block column: kept in memory up to
    ``memory_budget`` bytes in all, beyond that saved to a private temporary folder."""

    def __init__(self, memory_budget: int = 64 << 20) -> None:
        self.memory_budget = memory_budget
        self._held: dict[int, np.ndarray] = {}
        self._held_bytes = 0
        self._dir: tempfile.TemporaryDirectory | None = None

    def _path(self, j: int) -> Path:
        if self._dir is None:
            self._dir = tempfile.TemporaryDirectory(prefix="huntr-stitch-")
        return Path(self._dir.name) / f"{j}.npy"

    def put(self, j: int, sums: np.ndarray) -> None:
        if self._held_bytes + sums.nbytes <= self.memory_budget:
            self._held[j] = sums.copy()
            self._held_bytes += sums.nbytes
        else:
            np.save(self._path(j), sums)

    def take(self, j: int) -> np.ndarray | None:
        held = self._held.pop(j, None)
        if held is not None:
            self._held_bytes -= held.nbytes
            return held
        if self._dir is None:
            return None
        path = self._path(j)
        if not path.exists():
            return None
        out = np.load(path)
        path.unlink()
        return out

    def close(self) -> None:
        self._held.clear()
        self._held_bytes = 0
        if self._dir is not None:
            self._dir.cleanup()
            self._dir = None


class Stitcher:
    """Hands out a :class:`BlockBuffer` per block and turns it into final probabilities.

    Call :meth:`begin` for every block and :meth:`finish` (or :meth:`finish_sums`) for
    each in the order of :meth:`TileGrid.blocks` (a block may begin before the previous
    one is finished); :meth:`close` removes the temporary spill files.
    """

    def __init__(
        self, grid: TileGrid, channels: int, pool: ArrayPool | None = None, spill_memory: int = 64 << 20
    ) -> None:
        self.grid = grid
        self.channels = channels
        self.pool = pool if pool is not None else ArrayPool(keep=0)  # keep=0: plain allocation
        self.window = blend_window(grid.tile, grid.overlap)
        ramp = blend_ramp(grid.tile, grid.overlap)
        self._rows, self._cols = grid.rows, grid.cols
        self._row_weight = axis_weight(self._rows, ramp).astype(np.float32)
        self._col_weight = axis_weight(self._cols, ramp).astype(np.float32)
        self._right: np.ndarray | None = None
        self._down = _Spills(spill_memory)

    def begin(
        self, i: int, j: int, rows: AxisBlock, cols: AxisBlock, skipped: list[tuple[int, int]] | tuple = ()
    ) -> BlockBuffer:
        """A buffer for block (i, j), its ``skipped`` tiles (origins) marked; what earlier
        blocks spill into it is added by :meth:`finish_sums`, so the next blocks can begin
        before this one is finished."""
        shape = (self.channels, rows.buffer_end - rows.start, cols.buffer_end - cols.start)
        sums = self.pool.empty(shape)
        t = self.grid.tile
        buf = BlockBuffer(
            i, j, rows, cols, sums, t,
            _cuts(self._rows, rows.first, rows.last, t),
            _cuts(self._cols, cols.first, cols.last, t),
        )  # fmt: skip
        for row, col in skipped:
            buf.skip(row, col)
        return buf

    def release(self, buf: BlockBuffer) -> None:
        """Hand a finished block's buffer back for reuse (nothing may use its sums after)."""
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
