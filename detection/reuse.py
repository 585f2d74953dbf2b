"""Detections already made: find them in the workspace instead of computing them again.

Every detection GeoPackage in the workspace's ``detections/`` folder records its run in the
``huntr_run`` table (model, snapshot, raster, area of interest, where each setting came
from). A run is reused for a snapshot and raster when it used the snapshot's own settings
(no value set by the user) over the whole raster, or over the same area of interest.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..deps import require
from .output import RUN_TABLE, read_run_metadata
from .result import DetectResult

log = logging.getLogger(__name__)
_NO_AOI = object()


@dataclass
class SnapshotDetection:
    """One snapshot's detection on the compared raster; ``reused`` when it was found, not run."""

    snapshot_id: str
    result: DetectResult
    reused: bool


def _same_file(a: str, b: str) -> bool:
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _layer_name(path: Path) -> str | None:
    ogr = require("osgeo.ogr")
    ds = ogr.Open(str(path))
    if ds is None:
        return None
    try:
        for index in range(ds.GetLayerCount()):
            name = ds.GetLayerByIndex(index).GetName()
            if name != RUN_TABLE:
                return str(name)
    finally:
        ds = None
    return None


def _covers(recorded: Any, wanted: str | None) -> bool:
    """Whether a run over ``recorded`` (None: the whole raster) serves a request over ``wanted``."""
    if recorded is _NO_AOI:  # a run from before the area was recorded: unknown
        return False
    if recorded is None:
        return True
    if wanted is None:
        return False
    from shapely import wkt

    try:
        return bool(wkt.loads(str(recorded)).buffer(1e-9).covers(wkt.loads(wanted)))
    except Exception:  # an unreadable record is never trusted
        return False


def find_detection(
    ws: Any, model_id: str, snapshot_id: str, raster_path: str, aoi_wkt: str | None = None
) -> DetectResult | None:
    """The newest detection of ``snapshot_id`` on ``raster_path`` in the workspace that can be
    reused (see the module's docstring), or None. ``aoi_wkt`` is in the raster's CRS."""
    folder = Path(ws.root) / "detections"
    if not folder.is_dir():
        return None
    found: list[tuple[str, Path, dict[str, Any]]] = []
    for path in folder.glob("*.gpkg"):
        if path.name.startswith("."):
            continue
        try:
            meta = read_run_metadata(path)
        except Exception as exc:  # a damaged file is skipped, never reused
            log.info("skipping %s: %s", path, exc)
            continue
        if meta.get("model_id") != model_id or meta.get("snapshot_id") != snapshot_id:
            continue
        if not meta.get("raster") or not _same_file(str(meta["raster"]), str(raster_path)):
            continue
        if any(v == "user" for v in (meta.get("settings_from") or {"?": "user"}).values()):
            continue
        if not _covers(meta.get("aoi", _NO_AOI), aoi_wkt):
            continue
        found.append((str(meta.get("created_at") or ""), path, meta))
    for _created, path, meta in sorted(found, key=lambda item: item[0], reverse=True):
        layer = _layer_name(path)
        if layer is None:
            continue
        raw_stats = meta.get("stats")
        stats: dict[str, Any] = dict(raw_stats) if isinstance(raw_stats, dict) else {}
        return DetectResult(
            path=path,
            layer_name=layer,
            feature_count=_count(path, layer),
            crs=str(meta.get("crs") or ""),
            warnings=list(meta.get("warnings") or []),
            display_name=str(meta.get("display_name") or path.stem),
            model_id=model_id,
            model_name=str(meta.get("model_name") or ""),
            snapshot_id=snapshot_id,
            snapshot_name=str(meta.get("snapshot_name") or ""),
            scene=str(meta.get("scene") or ""),
            mode=str(meta.get("mode") or ""),
            classes=list(meta.get("classes") or []),
            stats=stats,
        )
    return None


def _count(path: Path, layer: str) -> int:
    ogr = require("osgeo.ogr")
    ds = ogr.Open(str(path))
    try:
        return int(ds.GetLayerByName(layer).GetFeatureCount())
    finally:
        ds = None


def detections_for(
    ws: Any,
    model_id: str,
    snapshot_ids: Sequence[str],
    raster_path: str,
    aoi: Any = None,
    aoi_wkt: str | None = None,
    options: Any = None,
    progress: Callable[[Any], None] | None = None,
    should_stop: Callable[[], bool] | None = None,
    reuse: bool = True,
) -> list[SnapshotDetection]:
    """Each snapshot's detection on ``raster_path``: reused when one exists, else run now.

    ``aoi`` is what :func:`detection.detect` accepts; ``aoi_wkt`` the same area as WKT in the
    raster's CRS (to match earlier runs; taken from a shapely ``aoi``; None with another kind
    of ``aoi`` means no run is reused).
    Explicit ``options`` (user settings) always run detection anew.
    """
    from .engine import detect
    from .options import FALLBACK, DetectOptions

    if options is None:
        options = DetectOptions()

    if aoi is not None and aoi_wkt is None and isinstance(getattr(aoi, "wkt", None), str):
        aoi_wkt = aoi.wkt  # a shapely geometry in the raster's CRS
    out = []
    explicit = any(getattr(options, k, None) is not None for k in FALLBACK)
    for index, snapshot_id in enumerate(snapshot_ids):
        found = None
        if reuse and not explicit and (aoi is None or aoi_wkt is not None):
            found = find_detection(ws, model_id, snapshot_id, raster_path, aoi_wkt)
        if found is not None:
            out.append(SnapshotDetection(snapshot_id, found, True))
            continue
        share = 1.0 / max(len(snapshot_ids), 1)

        def scaled(info: Any, index: int = index, share: float = share) -> None:
            if progress is not None:
                fraction = getattr(info, "fraction", 0.0) or 0.0
                progress(_Scaled(index * share + share * float(fraction), getattr(info, "message", "")))

        result = detect(
            ws, model_id, snapshot_id, raster_path, aoi=aoi, options=options,
            progress=scaled, should_stop=should_stop,
        )  # fmt: skip
        out.append(SnapshotDetection(snapshot_id, result, False))
    return out


@dataclass
class _Scaled:
    fraction: float
    message: str = ""
