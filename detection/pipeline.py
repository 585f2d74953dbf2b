"""The block pipeline of detection: read → predict → blend → vectorise → write, as named stages.

:class:`BlockPipeline` walks the blocks of one global tile grid in raster order. Each
stage is a method, and everything the stages share is an attribute of the pipeline:

* **read** (:meth:`BlockPipeline.read`) — a block's normalised data and valid mask, and
  its tiles split into those to run and those skipped (no valid pixel). With
  ``background`` the next block is read on a thread of its own (:attr:`prefetch`) while
  this one is predicted.
* **predict** (:meth:`BlockPipeline.predict`) — starts a batch of tiles (views into the
  block) on the predictor; the result is an :class:`InFlight` in :attr:`queue`.
* **blend** (:meth:`BlockPipeline.blend`) — waits for the oldest batch and adds its
  weighted probabilities into the block's buffer (:attr:`stitcher`). The queue keeps
  one batch predicting while the previous one is blended (:meth:`drain`).
* **finish** (:meth:`BlockPipeline.finish_block`) — when every batch of a block is
  blended (its :class:`BlockEnd` reaches the head of the queue), the block's sums are
  complete and go to …
* **vectorise** (:meth:`BlockPipeline.vectorise`) — labels and traces the block and
  joins objects across block borders (:attr:`vectoriser`), on the ordered background
  worker (:attr:`post`) or inline; each finished object goes to …
* **write** (:meth:`BlockPipeline.write`) — the caller's ``sink`` (the GeoPackage writer).

Where a block goes next is therefore always: :attr:`queue` (predicting/blending) →
:attr:`post` (vectorising) → ``sink``. :attr:`timing` and :attr:`counts` are the
run's statistics.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..deps import require
from ..errors import CancelledError
from .buffers import ArrayPool
from .options import DetectOptions, DetectProgress

ProgressFn = Callable[[DetectProgress], None]
StopFn = Callable[[], bool]


@dataclass
class PipelineJob:
    """What one pipeline run works on: the raster part, the network, the settings."""

    raster_path: str
    bands: list[int]
    mean: list[float]
    std: list[float]
    predictor: Callable[[np.ndarray], np.ndarray]
    num_classes: int
    mode: str
    tile: int
    options: DetectOptions
    window: tuple[int, int, int, int]  # row, col, height, width of the raster part
    aoi_px: Any | None = None  # polygon in raster pixel coordinates, or None
    boundary_target: str | None = None


@dataclass
class PipelineOutput:
    """What the pipeline found, in raster pixel coordinates, and how long it took."""

    detections: list[Any]
    stats: dict[str, Any]


@dataclass
class Block:
    """A block as read: its position in the grid, its data and which tiles to run."""

    i: int
    j: int
    rows: Any  # tiling.Span
    cols: Any
    data: np.ndarray  # (bands, h, w) normalised, from the pipeline's pool
    valid: np.ndarray  # (h, w) bool
    keep: list[tuple[int, int]]  # tile origins (block-grid pixels) to predict
    skipped: list[tuple[int, int]]  # tile origins without a valid pixel


@dataclass
class InFlight:
    """A batch of tiles being predicted for a block's buffer."""

    buf: Any  # stitch block buffer
    tiles: list[tuple[int, int]]
    started: Any  # infer.Pending, or the probabilities themselves


@dataclass
class BlockEnd:
    """Queue marker: every batch of the block before it is blended, so the block can finish."""

    buf: Any
    block: Block


@dataclass
class Counts:
    done: int = 0  # tiles predicted or skipped
    run: int = 0  # tiles predicted
    blocks: int = 0  # blocks finished (handed to vectorising)


@dataclass
class BlockPipeline:
    """One run of the block pipeline over ``job`` (see the module's docstring for the stages).

    ``progress`` receives a :class:`DetectProgress` after every batch; ``should_stop`` is
    polled before every batch (a stop raises :class:`CancelledError`); ``sink`` receives
    each finished detection (raster pixel coordinates) as soon as it is complete — without
    one they are returned in :attr:`PipelineOutput.detections`. With ``background`` the
    next block is read and each finished block vectorised on threads of their own; the
    results do not depend on it.
    """

    job: PipelineJob
    progress: ProgressFn | None = None
    should_stop: StopFn | None = None
    sink: Callable[[Any], None] | None = None
    background: bool = True
    # the run's state, visible to a reader (set up in __post_init__)
    options: DetectOptions = field(init=False)
    grid: Any = field(init=False)  # tiling.TileGrid of the window
    overlap: int = field(init=False)  # tile overlap in pixels
    row_blocks: int = field(init=False)  # blocks down and across the grid
    col_blocks: int = field(init=False)
    channels: int = field(init=False)  # blended: classes 1..C; count mode: the boundary (and box distances)
    first: int = field(init=False)  # the predictor's first channel to blend (1 when it returns background)
    pool: ArrayPool = field(init=False)  # block-sized arrays, reused
    stitcher: Any = field(init=False)  # stitch.Stitcher: the blocks' weighted sums
    vectoriser: Any = field(init=False)  # vectorize.Vectoriser: labels, joins, traces
    reader: Any = field(init=False)  # engine.RasterReader
    submit: Any = field(init=False)  # the predictor's submit (None: called synchronously)
    post: Any = field(init=False)  # background.OrderedWorker vectorising finished blocks, or None
    prefetch: Any = field(init=False)  # one-thread executor reading the next block, or None
    queue: deque = field(init=False)  # InFlight batches and BlockEnd markers, oldest first
    in_flight: int = field(init=False)  # InFlight entries in the queue
    counts: Counts = field(init=False)
    timing: dict[str, float] = field(init=False)

    def __post_init__(self) -> None:
        from concurrent.futures import ThreadPoolExecutor

        from .background import OrderedWorker
        from .engine import RasterReader
        from .stitch import Stitcher
        from .tiling import TileGrid
        from .vectorize import BOX_CHANNELS, Vectoriser, grow_steps_for, thin_cores_for

        job = self.job
        self.options = job.options.resolved(None)  # thresholds left unset: the defaults
        _row0, _col0, height, width = job.window
        self.overlap = self.options.overlap_pixels(job.tile)
        self.grid = TileGrid(
            height, width, job.tile, self.overlap, max(int(self.options.block_size), job.tile)
        )
        self.channels = job.num_classes + (1 if job.mode == "count" else 0)
        if getattr(job.predictor, "box_unit", None):  # the box head's distances
            self.channels += BOX_CHANNELS
        self.first = 1 if getattr(job.predictor, "background", True) else 0
        self.pool = ArrayPool()
        self.stitcher = Stitcher(self.grid, self.channels, self.pool)
        self.timing = dict.fromkeys(("read", "infer", "blend", "vectorise", "sink"), 0.0)
        self.vectoriser = Vectoriser(
            job.num_classes,
            job.mode,
            float(self.options.score_threshold),  # type: ignore[arg-type]  # resolved above
            float(self.options.boundary_threshold),  # type: ignore[arg-type]
            emit=self.write if self.sink is not None else None,
            grow_steps=grow_steps_for(job.boundary_target),
            marker_window=int(self.options.marker_window or 0),
            thin_cores=thin_cores_for(job.boundary_target),
        )
        self.row_blocks, self.col_blocks = len(self.grid.row_blocks()), len(self.grid.col_blocks())
        self.reader = RasterReader(job.raster_path, job.bands, job.mean, job.std)
        self.submit = getattr(job.predictor, "submit", None)
        self.post = OrderedWorker() if self.background else None
        self.prefetch = ThreadPoolExecutor(1, thread_name_prefix="huntr-read") if self.background else None
        self.queue = deque()
        self.in_flight = 0
        self.counts = Counts()
        self._features = require("rasterio.features")

    # -- progress and stop -----------------------------------------------------------
    def report(self, stage: str, fraction: float, message: str = "") -> None:
        if self.progress is not None:
            total = self.grid.tile_count
            self.progress(DetectProgress(min(fraction, 1.0), self.counts.done, total, stage, message))

    def check_stop(self) -> None:
        if self.should_stop is not None and self.should_stop():
            raise CancelledError("Detection was cancelled; nothing was written.")

    # -- stage 1: read ---------------------------------------------------------------
    def read(self, i: int, j: int, rb: Any, cb: Any) -> Block:
        """The block's data, valid mask, the tiles to run and the tiles skipped (no valid pixel)."""
        t0 = time.perf_counter()
        row0, col0 = self.job.window[:2]
        tile, aoi_px = self.job.tile, self.job.aoi_px
        bh, bw = rb.buffer_end - rb.start, cb.buffer_end - cb.start
        data, valid = self.reader.read(row0 + rb.start, col0 + cb.start, bh, bw, self.pool)
        if aoi_px is not None:
            from affine import Affine

            shift = Affine.translation(col0 + cb.start, row0 + rb.start)
            valid &= self._features.geometry_mask([aoi_px], (bh, bw), shift, invert=True)
        keep: list[tuple[int, int]] = []
        skipped: list[tuple[int, int]] = []
        for r, c in self.grid.tiles_in(rb, cb):
            any_valid = valid[r - rb.start : r - rb.start + tile, c - cb.start : c - cb.start + tile].any()
            (keep if any_valid else skipped).append((r, c))
        self.timing["read"] += time.perf_counter() - t0
        return Block(i, j, rb, cb, data, valid, keep, skipped)

    def blocks_read(self):
        """Every block of the grid, read in raster order (the next one read ahead with ``background``)."""
        blocks = list(self.grid.blocks())
        if self.prefetch is None:
            for i, j, rb, cb in blocks:
                self.check_stop()
                yield self.read(i, j, rb, cb)
            return
        ahead = self.prefetch.submit(self.read, *blocks[0]) if blocks else None
        for n in range(len(blocks)):
            self.check_stop()
            block = ahead.result()  # type: ignore[union-attr]
            if n + 1 < len(blocks):
                ahead = self.prefetch.submit(self.read, *blocks[n + 1])
            yield block

    # -- stage 2: predict ------------------------------------------------------------
    def predict(self, block: Block, buf: Any, tiles: list[tuple[int, int]]) -> InFlight:
        """Start a batch of the block's tiles on the predictor (views into the block's data:
        the Predictor copies them once, into the network's layout)."""
        t0 = time.perf_counter()
        size, rb, cb = self.job.tile, block.rows, block.cols
        views = [block.data[:, r - rb.start : r - rb.start + size, c - cb.start : c - cb.start + size]
                 for r, c in tiles]  # fmt: skip
        if self.submit is not None:
            started = self.submit(views, self.stitcher.window)
        else:
            started = self.job.predictor(np.stack(views))
        self.timing["infer"] += time.perf_counter() - t0
        return InFlight(buf, tiles, started)

    # -- stage 3: blend --------------------------------------------------------------
    def blend(self, batch: InFlight) -> None:
        """Wait for a batch's probabilities and add them into its block's buffer."""
        t0 = time.perf_counter()
        started = batch.started
        probs = started.result() if hasattr(started, "result") else started
        t1 = time.perf_counter()
        weighted = self.submit is not None  # a submitting predictor multiplies by the window itself
        for n, (r, c) in enumerate(batch.tiles):
            batch.buf.add(r, c, probs[n][self.first :], self.stitcher.window, weighted=weighted)
        if hasattr(started, "release"):
            started.release()  # the probabilities are in the block's sums: reuse their arrays
        self.timing["infer"] += t1 - t0
        self.timing["blend"] += time.perf_counter() - t1
        self.counts.done += len(batch.tiles)
        self.counts.run += len(batch.tiles)
        self.report("inference", 0.95 * self.counts.done / self.grid.tile_count)

    def drain(self, limit: int) -> None:
        """Blend queued batches until at most ``limit`` are in flight, finishing every block
        whose batches are all blended (blocks finish in raster order)."""
        while self.queue and (self.in_flight > limit or isinstance(self.queue[0], BlockEnd)):
            item = self.queue.popleft()
            if isinstance(item, BlockEnd):
                self.finish_block(item)
            else:
                self.in_flight -= 1
                self.blend(item)

    # -- stage 4: finish a block and vectorise it ----------------------------------------
    def finish_block(self, end: BlockEnd) -> None:
        """The block's sums are complete: hand them to vectorising (in the background or here)."""
        t0 = time.perf_counter()
        buf, block = end.buf, end.block
        sums, weight = self.stitcher.finish_sums(buf)
        rh, rw = weight.shape
        self.timing["blend"] += time.perf_counter() - t0
        self.pool.give_back(block.data)  # every tile of the block has been predicted by now
        row0, col0 = self.job.window[:2]
        args = (buf, sums, weight, block.valid[:rh, :rw], row0 + block.rows.start, col0 + block.cols.start)
        if self.post is not None:
            self.post.put(lambda: self.vectorise(*args))
        else:
            self.vectorise(*args)
        self.counts.blocks += 1

    def vectorise(self, buf: Any, sums: Any, weight: Any, valid: Any, r0: int, c0: int) -> None:
        """Label and trace one finished block; complete objects go to :meth:`write`."""
        t0 = time.perf_counter()
        i, j = buf.i, buf.j
        self.vectoriser.add_block(
            i, j, sums, weight, valid, r0, c0,
            more_right=j < self.col_blocks - 1, more_below=i < self.row_blocks - 1,
        )  # fmt: skip
        self.stitcher.release(buf)
        self.timing["vectorise"] += time.perf_counter() - t0

    # -- stage 5: write ----------------------------------------------------------------
    def write(self, detection: Any) -> None:
        """One finished detection to the caller's sink."""
        t0 = time.perf_counter()
        self.sink(detection)  # type: ignore[misc]
        self.timing["sink"] += time.perf_counter() - t0

    # -- the run -------------------------------------------------------------------------
    def run(self) -> PipelineOutput:
        t_start = time.perf_counter()
        batch_size = self.options.batch_size
        try:
            for block in self.blocks_read():  # stops when asked to, before each block
                self.counts.done += len(block.skipped)
                buf = self.stitcher.begin(block.i, block.j, block.rows, block.cols, block.skipped)
                for k in range(0, len(block.keep), batch_size):
                    self.check_stop()
                    self.queue.append(self.predict(block, buf, block.keep[k : k + batch_size]))
                    self.in_flight += 1
                    self.drain(1)  # one batch predicts while the one before it is blended
                self.queue.append(BlockEnd(buf, block))
                self.drain(1)
                del block, buf
            self.drain(0)
            if self.post is not None:
                self.post.close()
            self.report("vectorise", 0.96, "joining objects across blocks")
            self.check_stop()
            t0 = time.perf_counter()
            detections = self.vectoriser.finish()
            self.timing["vectorise"] += time.perf_counter() - t0
        except BaseException:
            if self.post is not None:
                self.post.abort()
            raise
        finally:
            if self.prefetch is not None:
                self.prefetch.shutdown(wait=True)
            self.stitcher.close()
            self.reader.close()
        return PipelineOutput(detections, self.stats(time.perf_counter() - t_start))

    def stats(self, seconds: float) -> dict[str, Any]:
        timing = self.timing
        _r, _c, height, width = self.job.window
        return {
            "tiles_total": self.grid.tile_count,
            "tiles_run": self.counts.run,
            "blocks": self.counts.blocks,
            "tile_size": self.job.tile,
            "overlap": self.overlap,
            "window": list(self.job.window),
            "megapixels": height * width / 1e6,
            "seconds": {
                **{k: round(v, 4) for k, v in timing.items() if k != "sink"},
                "vectorise": round(timing["vectorise"] - timing["sink"], 4),
                "write": round(timing["sink"], 4),
            },
            "pipeline_seconds": round(seconds, 4),
        }
