"""``detect``: from a snapshot and a raster to a detection GeoPackage, block by block.

The run: load the snapshot → inspect the raster and pass the compatibility gate →
build the network → for each block (in raster order): read its window, predict its
tiles in batches, blend them, label and vectorise the finished part → join objects
across blocks → filter, simplify → write the GeoPackage under a temporary name and
rename it. Memory is bounded by the block, tile and batch sizes, not by the raster's.
"""

from __future__ import annotations

import logging
import math
import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from ..deps import require
from ..errors import (
    CancelledError,
    CorruptSnapshotError,
    InputDataError,
    ReadOnlyWorkspaceError,
)
from ..training.recipe import tile_multiple
from .aoi import coerce_aoi
from .buffers import ArrayPool
from .features import FeatureMaker
from .gate import InputRequirements, RasterInfo, check_aoi, check_raster, inspect_raster
from .options import DetectOptions, DetectProgress
from .pipeline import BlockPipeline, PipelineJob, PipelineOutput
from .result import DetectResult
from .suppress import BoxSuppressor

log = logging.getLogger(__name__)

ProgressFn = Callable[[DetectProgress], None]
StopFn = Callable[[], bool]


@dataclass
class SnapshotSpec:
    """Everything detection needs from a loaded snapshot, as plain values."""

    model_id: str
    model_name: str
    snapshot_id: str
    snapshot_name: str
    snapshot_kind: str
    mode: str
    classes: list[dict[str, Any]]  # {"id", "name", "color"}
    bands: list[int]
    dtype: str
    crs: str | None
    resolution: float | None
    tile_size: int
    network: dict[str, Any]
    mean: list[float]
    std: list[float]
    weights: dict[str, np.ndarray] = field(repr=False, default_factory=dict)
    boundary_target: str | None = None  # count mode: what the boundary channel learnt (None: rims)
    normalization: dict[str, Any] = field(default_factory=dict)  # as recorded (method, …)
    detection: dict[str, Any] = field(default_factory=dict)  # settings the snapshot calibrated

    def scale_for(self, raster_path: str, nodata: float | None = None) -> tuple[list[float], list[float]]:
        """``(mean, std)`` for a raster: its own percentiles for per-scene normalisation,
        else the snapshot's fixed values."""
        from ..training.normalize import PERCENTILE, method_of, statistics_for

        if method_of(self.normalization) == PERCENTILE:
            return statistics_for(self.normalization, raster_path, self.bands, nodata)
        return self.mean, self.std

    @property
    def num_classes(self) -> int:
        return len(self.classes)

    def run_record(self, display_name: str) -> dict[str, Any]:
        """The model and snapshot part of a detection file's ``huntr_run`` record."""
        return {
            "display_name": display_name,
            "model_id": self.model_id,
            "model_name": self.model_name,
            "snapshot_id": self.snapshot_id,
            "snapshot_name": self.snapshot_name,
            "snapshot_kind": self.snapshot_kind,
            "mode": self.mode,
            "classes": self.classes,
        }

    @property
    def requirements(self) -> InputRequirements:
        return InputRequirements(self.bands, self.dtype, self.crs, self.resolution)


def _normalization(config: dict, spec: Any, bands: int, dtype: str) -> tuple[list[float], list[float]]:
    """The fixed ``(mean, std)`` of a snapshot (per-scene normalisation: placeholders, see
    :meth:`SnapshotSpec.scale_for`)."""
    norm = config.get("normalization") or getattr(spec, "normalization", None) or {}
    mean, std = norm.get("mean"), norm.get("std")
    if mean is None or std is None:
        scale = float(np.iinfo(dtype).max) if np.issubdtype(np.dtype(dtype), np.integer) else 1.0
        mean, std = [0.0] * bands, [scale] * bands
    mean = [float(v) for v in (mean if isinstance(mean, list | tuple) else [mean] * bands)]
    std = [max(float(v), 1e-6) for v in (std if isinstance(std, list | tuple) else [std] * bands)]
    if len(mean) != bands or len(std) != bands:
        raise InputDataError(
            f"The snapshot's normalisation has {len(mean)} values for {bands} bands; "
            "the snapshot is inconsistent."
        )
    return mean, std


def snapshot_spec(loaded: Any) -> SnapshotSpec:
    """Read a :class:`LoadedSnapshot` (the snapshot's config first, the model's settings as fallback)."""
    model, info, config = loaded.model, loaded.info, dict(loaded.config or {})
    ispec = model.input_spec
    bands = [int(b) for b in (config.get("bands") or ispec.bands)]
    dtype = str(config.get("dtype") or ispec.dtype)
    mode = str(config.get("mode") or model.mode)
    classes = [{"id": k, "name": c.name, "color": c.color} for k, c in enumerate(model.classes, start=1)]
    mean, std = _normalization(config, ispec, len(bands), dtype)
    return SnapshotSpec(
        model_id=model.id,
        model_name=model.name,
        snapshot_id=info.id,
        snapshot_name=info.name or info.id,
        snapshot_kind=info.kind,
        mode=mode,
        classes=classes,
        bands=bands,
        dtype=dtype,
        crs=config.get("crs") or ispec.crs,
        resolution=config.get("resolution") or ispec.resolution,
        tile_size=int(config.get("tile_size") or model.tile_size),
        network=dict(config.get("network") or model.network or {}),
        mean=mean,
        std=std,
        weights=loaded.weights,
        boundary_target=config.get("boundary_target"),
        normalization=dict(config.get("normalization") or {}),
        detection=dict(config.get("detection") or {}),
    )


class RasterReader:
    """Reads normalised windows of the used bands; pixels beyond the raster are padded as invalid.

    The file is opened afresh for every window: closing it drops the blocks GDAL cached
    for it, so the process does not keep up to ``GDAL_CACHEMAX`` (5 % of RAM) of a large
    raster in memory — and the global cache, shared with QGIS, is left alone.
    """

    def __init__(self, path: str, bands: list[int], mean: list[float], std: list[float]) -> None:
        self._rasterio = require("rasterio")
        self.path = path
        self.src = self._rasterio.open(path)
        self.bands = bands
        self.mean = np.asarray(mean, np.float32)[:, None, None]
        self.inv_std = (1.0 / np.asarray(std, np.float32))[:, None, None]

    def read(
        self, row: int, col: int, height: int, width: int, pool: ArrayPool | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """``(data (bands, h, w) float32 normalised, valid (h, w) bool)`` for a raster pixel window;
        ``data`` comes from ``pool`` when given."""
        from rasterio.enums import MaskFlags
        from rasterio.errors import NodataShadowWarning
        from rasterio.windows import Window

        self.src.close()
        self.src = self._rasterio.open(self.path)

        r0, c0 = max(row, 0), max(col, 0)
        r1, c1 = min(row + height, self.src.height), min(col + width, self.src.width)
        inside = (r0, c0, r1, c1) == (row, col, row + height, col + width)
        shape = (len(self.bands), height, width)
        pool = pool if pool is not None else ArrayPool(keep=0)  # keep=0: plain allocation
        # the usual case (inside) is read straight into the result, no padding
        data = pool.empty(shape) if inside else pool.zeros(shape)
        valid = np.zeros((height, width), bool)
        if r1 <= r0 or c1 <= c0:
            return data, valid
        window = Window(c0, r0, c1 - c0, r1 - r0)
        raw = data if inside else np.empty((len(self.bands), r1 - r0, c1 - c0), np.float32)
        self.src.read(self.bands, window=window, out=raw)
        # the training engine's rule: every band valid, and not all bands at the nodata value
        flags = [self.src.mask_flag_enums[b - 1] for b in self.bands]
        if all(f == [MaskFlags.all_valid] for f in flags):
            mask = None
        else:
            with warnings.catch_warnings():  # a 4-band raster with nodata is not an RGBA one
                warnings.simplefilter("ignore", NodataShadowWarning)
                mask = self.src.read_masks(self.bands, window=window).min(axis=0) > 0
            if self.src.nodata is not None:
                mask &= ~np.all(raw == np.float32(self.src.nodata), axis=0)
        raw -= self.mean
        raw *= self.inv_std
        if mask is not None:
            raw[:, ~mask] = 0.0
        if not inside:
            data[:, r0 - row : r1 - row, c0 - col : c1 - col] = raw
        valid[r0 - row : r1 - row, c0 - col : c1 - col] = True if mask is None else mask
        return data, valid

    def close(self) -> None:
        self.src.close()


def processing_window(raster: RasterInfo, aoi_px: Any | None, tile: int) -> tuple[int, int, int, int]:
    """``(row, col, height, width)`` of the raster part to process: the AOI's bounding window,
    widened to a tile where the raster allows (so small areas still see their context)."""
    if aoi_px is None:
        return 0, 0, raster.height, raster.width
    x0, y0, x1, y1 = aoi_px.bounds

    def axis(lo: float, hi: float, size: int) -> tuple[int, int]:
        a, b = max(math.floor(lo), 0), min(math.ceil(hi), size)
        if b - a < tile:
            grow = min(tile, size) - (b - a)
            a = max(0, a - grow // 2)
            b = min(size, a + min(tile, size))
            a = max(0, b - min(tile, size))
        return a, b

    r0, r1 = axis(y0, y1, raster.height)
    c0, c1 = axis(x0, x1, raster.width)
    return r0, c0, r1 - r0, c1 - c0


def run_pipeline(
    raster_path: str,
    bands: list[int],
    mean: list[float],
    std: list[float],
    predictor: Callable[[np.ndarray], np.ndarray],
    num_classes: int,
    mode: str,
    tile: int,
    options: DetectOptions,
    window: tuple[int, int, int, int],
    aoi_px: Any | None = None,
    progress: ProgressFn | None = None,
    should_stop: StopFn | None = None,
    sink: Callable[[Any], None] | None = None,
    boundary_target: str | None = None,
    background: bool = True,
) -> PipelineOutput:
    """Read → predict → blend → vectorise the ``window`` (row, col, height, width) of a raster:
    one :class:`~.pipeline.BlockPipeline` run (its stages are documented there).

    ``predictor`` maps a ``(B, bands, tile, tile)`` float32 batch to ``(B, K, tile, tile)``
    probabilities (the network's contract: background first); one with a ``submit``
    method (:class:`~.infer.Predictor`) predicts the next batch while this thread blends
    the last one, best built with ``background=False`` (only the classes and the
    boundary are blended: the background is one minus the classes' sum). ``aoi_px``
    restricts detections to a polygon in raster pixel coordinates. Each finished
    detection (raster pixel coordinates) goes to ``sink`` as soon as it is complete;
    without a sink they are returned in :attr:`PipelineOutput.detections`.
    ``boundary_target`` (the snapshot's) sets how far boundary pixels grow onto cores.
    """
    job = PipelineJob(
        raster_path,
        bands,
        mean,
        std,
        predictor,
        num_classes,
        mode,
        tile,
        options,
        window,
        aoi_px,
        boundary_target,
    )
    return BlockPipeline(job, progress, should_stop, sink, background).run()


def load_snapshot(ws: Any, model_id: str, snapshot_id: str | None) -> Any:
    """The snapshot through the store (``None`` = the model's current state, see ``find_snapshot``)."""
    if snapshot_id is None:
        snapshot_id = ws.find_snapshot(model_id).id
    loaded = ws.load_snapshot(model_id, snapshot_id)
    bad = sorted(k for k, v in (loaded.weights or {}).items() if not np.isfinite(np.asarray(v)).all())
    if bad:
        raise CorruptSnapshotError(
            f"Snapshot '{loaded.info.name}' is unusable: {len(bad)} weight tensor(s) hold NaN or "
            f"infinite values ({', '.join(bad[:3])}), so it cannot detect anything. Training diverged "
            "before this snapshot; run detection from an earlier snapshot, or revert to one and train "
            "again with a lower learning rate."
        )
    return loaded


def detect(
    ws: Any,
    model_id: str,
    snapshot_id: str | None,
    raster_path: str | Path,
    aoi: Any = None,
    options: DetectOptions | dict | None = None,
    progress: ProgressFn | None = None,
    should_stop: StopFn | None = None,
) -> DetectResult:
    """Run a snapshot of a model over a raster and write the detections to a GeoPackage.

    ``snapshot_id`` None uses the current state. ``aoi`` is an :class:`AreaOfInterest`
    (polygons with their CRS, or an extent), or anything :func:`coerce_aoi` accepts.
    ``progress`` receives a :class:`DetectProgress` after every batch; ``should_stop`` is
    polled before every batch (a stop raises :class:`CancelledError` and writes nothing).
    Raises :class:`IncompatibleRasterError` before any work when the raster does not fit.
    """
    from . import output
    from .infer import Predictor, build_model, flip_averaged, micro_batch_for, resolve_device, with_boxes
    from .onnx_backend import GraphCache, backend_of, cpu_network, graph_key

    t_start = time.perf_counter()
    if not isinstance(options, DetectOptions):
        options = DetectOptions.from_dict(options)
    if not options.output_path and getattr(ws, "read_only", False):
        raise ReadOnlyWorkspaceError(ws.read_only_reason)
    output.check_layer_name(options.layer_name)
    loaded = load_snapshot(ws, model_id, snapshot_id)
    spec = snapshot_spec(loaded)
    sources = options.sources(spec.detection)
    options = options.resolved(spec.detection)
    raster_path = str(raster_path)
    raster = inspect_raster(raster_path)
    notices = check_raster(raster, spec.requirements, options)
    area = coerce_aoi(aoi)
    aoi_px = None
    if area is not None:
        from affine import Affine
        from shapely.affinity import affine_transform

        aoi_map, aoi_warnings = check_aoi(raster, area.geometry(raster.crs_wkt))
        notices += aoi_warnings
        inv = ~Affine(*raster.transform)
        aoi_px = affine_transform(aoi_map, [inv.a, inv.b, inv.d, inv.e, inv.c, inv.f])
    for message in notices:
        log.warning(message)

    tile = int(options.tile_size or spec.tile_size)
    multiple = tile_multiple(spec.network)
    if tile % multiple:
        raise InputDataError(f"The tile size {tile} must be a multiple of {multiple} for this network.")
    scene = options.scene_name or Path(raster_path).stem
    display_name = f"{spec.model_name} · {spec.snapshot_name} · {scene}"
    now = datetime.now(UTC)
    if options.output_path:
        final = Path(options.output_path)
    else:
        final = output.output_path(Path(ws.detections_dir), spec.model_name, spec.snapshot_name, scene, now)

    torch = require("torch")
    threads_before = torch.get_num_threads()
    threads = int(options.threads or threads_before)
    torch.set_num_threads(threads)  # what a single worker uses (one thread each when there are several)
    temporary = output.temporary_path(final)
    writer = predictor = None
    # boxes written as rectangles: read from the box head where the model has one
    boxes = spec.mode == "count" and options.geometry == "box" and bool((spec.network or {}).get("boxes"))
    try:
        device = resolve_device(options.device)
        model = build_model(spec.weights, len(spec.bands), spec.num_classes, spec.mode, spec.network, device)
        box_unit = None
        if boxes:  # the box head's distances, in the units training scaled them by
            from ..training.loss import box_unit as unit_of

            model = with_boxes(model)
            box_unit = unit_of(spec.tile_size)
        if options.flip_tta:
            model = flip_averaged(model)
        if device == "cpu":  # onnxruntime when installed (options.backend "auto"), else torch
            cache = None
            if getattr(ws, "derived", None) is not None and options.backend != "torch":
                variant = "+".join(v for v, on in (("flip", options.flip_tta), ("boxes", boxes)) if on)
                key = graph_key(spec.weights, len(spec.bands), tile, variant)
                cache = GraphCache(ws.derived, spec.model_id, spec.snapshot_id, key)
            model = cpu_network(model, len(spec.bands), tile, options.backend, cache)
        micro = micro_batch_for(int(spec.network.get("width", 16)), tile)
        predictor = Predictor(
            model, spec.num_classes, spec.mode, device, workers=threads, micro_batch=micro, background=False,
            box_unit=box_unit,
        )  # fmt: skip
        window = processing_window(raster, aoi_px, tile)
        names = {cls["id"]: cls["name"] for cls in spec.classes}
        make = FeatureMaker(spec.snapshot_id, names, raster.transform, options)
        writer = out = output.DetectionWriter(
            temporary, options.layer_name, raster.crs_wkt, f"ORCA HUNTR detections: {display_name}"
        )
        dissolve = spec.mode == "segmentation" and options.dissolve
        held: list[Any] = []
        # the head's boxes: of two overlapping more than the labels do, one is kept
        limit = float(options.max_box_overlap or 1.0)  # resolved: the snapshot's, the user's or 1
        suppressor = BoxSuppressor(limit) if boxes and limit < 1 else None

        def sink(det: Any) -> None:
            if make.keep(det):
                if dissolve:
                    held.append(det)
                elif suppressor is not None:
                    suppressor.add(det)
                else:
                    out.add(make(det))

        mean, std = spec.scale_for(raster_path, raster.nodata)
        result = run_pipeline(
            raster_path,
            spec.bands,
            mean,
            std,
            predictor,
            spec.num_classes,
            spec.mode,
            tile,
            options,
            window,
            aoi_px,
            progress,
            should_stop,
            sink,
            spec.boundary_target,
        )
        t0 = time.perf_counter()
        if suppressor is not None:
            found = len(suppressor)
            if progress is not None:  # about 50 µs an object: a minute for a million
                total = result.stats["tiles_total"]
                message = f"dropping boxes found twice among {found}"
                progress(DetectProgress(0.96, total, total, "write", message))
            if should_stop is not None and should_stop():
                raise CancelledError("Detection was cancelled; nothing was written.")
            for det in suppressor.kept():
                out.add(make(det))
            result.stats["boxes_suppressed"] = found - out.count
        if dissolve:
            from .vectorize import dissolve_by_class

            for det in dissolve_by_class(held):
                out.add(make(det))
        if progress is not None:
            total = result.stats["tiles_total"]
            progress(DetectProgress(0.97, total, total, "write", "writing the GeoPackage"))
        if should_stop is not None and should_stop():
            raise CancelledError("Detection was cancelled; nothing was written.")
        metadata = {
            **spec.run_record(display_name),
            "scene": scene,
            "raster": raster_path,
            "aoi": None if aoi_px is None else aoi_map.wkt,  # raster CRS; None: the whole raster
            "crs": raster.crs_name,
            "created_at": now.isoformat(timespec="seconds"),
            "options": options.to_dict(),
            "settings_from": sources,
            "normalization": {"method": spec.normalization.get("method", "fixed"), "mean": mean, "std": std},
            "warnings": notices,
            "stats": result.stats,
        }
        layer_name = writer.layer_name  # the name inside the GeoPackage, as OGR wrote it
        count = writer.close(metadata)
        writer = None
        if should_stop is not None and should_stop():
            raise CancelledError("Detection was cancelled; nothing was written.")
        output.publish(temporary, final)
    except BaseException:
        if writer is not None:
            writer.abort()
        output.remove_quietly(temporary)
        raise
    finally:
        if predictor is not None:
            predictor.close()
        torch.set_num_threads(threads_before)  # the CPU workers set torch's count to one each
    stats = dict(result.stats)
    stats["seconds"] = dict(
        stats["seconds"], write=round(stats["seconds"]["write"] + time.perf_counter() - t0, 4)
    )
    stats["total_seconds"] = round(time.perf_counter() - t_start, 4)
    stats["backend"] = backend_of(predictor.model) if predictor is not None else "torch"
    stats["graph_cached"] = (
        bool(getattr(predictor.model, "cached", False)) if predictor is not None else False
    )
    if progress is not None:
        progress(DetectProgress(1.0, stats["tiles_total"], stats["tiles_total"], "write", "done"))
    log.info("Detection %s: %d feature(s) in %s", display_name, count, final)
    return DetectResult(
        path=final,
        layer_name=layer_name,
        feature_count=count,
        crs=raster.crs_name,
        warnings=notices,
        display_name=display_name,
        model_id=spec.model_id,
        model_name=spec.model_name,
        snapshot_id=spec.snapshot_id,
        snapshot_name=spec.snapshot_name,
        scene=scene,
        mode=spec.mode,
        classes=spec.classes,
        stats=stats,
        settings={
            "score_threshold": options.score_threshold,
            "boundary_threshold": options.boundary_threshold,
            "min_pixels": options.min_pixels,
            "marker_window": options.marker_window,
            "flip_tta": options.flip_tta,
            "geometry": options.geometry,
            "box_head": boxes,  # the boxes written are the network's box head's
            # the IoU above which the lower-scored of two head boxes is dropped (1: none)
            "max_box_overlap": options.max_box_overlap if boxes else None,
            "from": sources,
        },
    )
