"""The window grid: where tiles go over the processed area and how they group into blocks.

Coordinates are pixels relative to the processed window (the raster or the AOI's
bounding window). Tiles lie on one global grid, whatever the block size, so the
blended result of a pixel does not depend on how the area is cut into blocks. The last
tile of a row or column is moved back to end exactly on the area's edge (no padding
unless the area is smaller than a tile).

A block owns the tiles whose indices fall in its range. Its *rect* is the part of the
area it finalises: from its first tile's origin to the next block's first tile's
origin. Its *buffer* is the union of its tiles, which spills right and down into the
next blocks' rects (never further, see :func:`block_ranges`).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from dataclasses import dataclass


def axis_origins(length: int, tile: int, stride: int) -> list[int]:
    """Tile origins along an axis of ``length`` pixels; the last tile ends on the edge."""
    if length <= tile:
        return [0]
    origins = list(range(0, length - tile, stride))
    origins.append(length - tile)
    return origins


@dataclass(frozen=True)
class AxisBlock:
    """One block along an axis: tile indices ``[first, last)``, rect and buffer extents."""

    first: int
    last: int
    start: int  # rect start = buffer start
    end: int  # rect end (exclusive)
    buffer_end: int  # end of the union of the block's tiles


def block_ranges(length: int, tile: int, stride: int, block: int) -> list[AxisBlock]:
    """Group the tiles of an axis into blocks of about ``block`` pixels.

    Every block but the last spans at least one tile, so what a block spills beyond its
    rect (at most ``tile - stride`` pixels, or up to a tile before a short last block)
    lands in the next block only.
    """
    origins = axis_origins(length, tile, stride)
    per_block = max(math.ceil(tile / stride), block // stride, 1)
    out: list[AxisBlock] = []
    n = len(origins)
    for first in range(0, n, per_block):
        last = min(first + per_block, n)
        start = origins[first]
        end = origins[last] if last < n else length
        buffer_end = origins[last - 1] + tile
        out.append(AxisBlock(first, last, start, end, buffer_end))
    return out


@dataclass(frozen=True)
class TileGrid:
    """The tiles over a ``height`` × ``width`` area and their blocks."""

    height: int
    width: int
    tile: int
    overlap: int
    block: int

    @property
    def stride(self) -> int:
        return self.tile - self.overlap

    @property
    def rows(self) -> list[int]:
        return axis_origins(self.height, self.tile, self.stride)

    @property
    def cols(self) -> list[int]:
        return axis_origins(self.width, self.tile, self.stride)

    @property
    def tile_count(self) -> int:
        return len(self.rows) * len(self.cols)

    def row_blocks(self) -> list[AxisBlock]:
        return block_ranges(self.height, self.tile, self.stride, self.block)

    def col_blocks(self) -> list[AxisBlock]:
        return block_ranges(self.width, self.tile, self.stride, self.block)

    def blocks(self) -> Iterator[tuple[int, int, AxisBlock, AxisBlock]]:
        """``(i, j, row_block, col_block)`` in raster order (rows of blocks, left to right)."""
        cols = self.col_blocks()
        for i, rb in enumerate(self.row_blocks()):
            for j, cb in enumerate(cols):
                yield i, j, rb, cb

    def tiles_in(self, rb: AxisBlock, cb: AxisBlock) -> list[tuple[int, int]]:
        """Origins ``(row, col)`` of a block's tiles, relative to the area."""
        rows, cols = self.rows, self.cols
        return [(rows[r], cols[c]) for r in range(rb.first, rb.last) for c in range(cb.first, cb.last)]
