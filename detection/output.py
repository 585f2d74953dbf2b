"""The detection GeoPackage: one polygon layer plus a table recording the run.

Written under a temporary name and renamed when complete, so a cancelled or failed
run leaves no partial file behind.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import uuid
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..deps import require

RUN_TABLE = "huntr_run"
FIELDS = ("class_name", "class_id", "score", "area", "snapshot_id")


def slug(text: str, limit: int = 40) -> str:
    """A file-name-safe short form of ``text``."""
    out = re.sub(r"[^\w.-]+", "_", str(text), flags=re.UNICODE).strip("._")
    return (out or "x")[:limit]


def output_path(directory: Path, model: str, snapshot: str, scene: str, now: datetime | None = None) -> Path:
    """A new file name ``<model>_<snapshot>_<scene>_<time>.gpkg`` in ``directory``."""
    now = now or datetime.now(UTC)
    stem = f"{slug(model)}_{slug(snapshot)}_{slug(scene)}_{now.strftime('%Y%m%dT%H%M%S')}"
    path = directory / f"{stem}.gpkg"
    n = 1
    while path.exists():
        n += 1
        path = directory / f"{stem}_{n}.gpkg"
    return path


def temporary_path(final: Path) -> Path:
    """Where the file is written before it is renamed to ``final`` (same folder, hidden)."""
    return final.with_name(f".{final.stem}.{uuid.uuid4().hex[:8]}.partial.gpkg")


def remove_quietly(path: Path) -> None:
    """Remove ``path`` and SQLite's side files, ignoring missing ones."""
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm"), Path(f"{path}-journal")):
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def write_geopackage(
    path: Path,
    layer_name: str,
    crs_wkt: str | None,
    features: Iterable[dict[str, Any]],
    metadata: dict[str, Any],
) -> int:
    """Write ``features`` (dicts with a shapely ``geometry`` and the :data:`FIELDS`) and the run
    ``metadata`` (key → JSON-able value) to a new GeoPackage at ``path``; returns the feature count."""
    gdal = require("osgeo.gdal")
    ogr = require("osgeo.ogr")
    osr = require("osgeo.osr")
    gdal.UseExceptions()
    path.parent.mkdir(parents=True, exist_ok=True)
    srs = None
    if crs_wkt:
        srs = osr.SpatialReference()
        srs.ImportFromWkt(crs_wkt)
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(str(path))
    count = 0
    try:
        layer = ds.CreateLayer(
            layer_name, srs, ogr.wkbMultiPolygon, options=["FID=fid", "GEOMETRY_NAME=geom"]
        )
        for fname, ftype in (
            ("class_name", ogr.OFTString),
            ("class_id", ogr.OFTInteger),
            ("score", ogr.OFTReal),
            ("area", ogr.OFTReal),
            ("snapshot_id", ogr.OFTString),
        ):
            layer.CreateField(ogr.FieldDefn(fname, ftype))
        layer.SetMetadataItem("DESCRIPTION", f"ORCA HUNTR detections: {metadata.get('display_name', '')}")
        defn = layer.GetLayerDefn()
        layer.StartTransaction()
        for item in features:
            feature = ogr.Feature(defn)
            geom = ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(bytes(item["geometry"].wkb)))
            feature.SetGeometry(geom)
            for key in FIELDS:
                feature.SetField(key, item[key])
            layer.CreateFeature(feature)
            count += 1
        layer.CommitTransaction()
        table = ds.CreateLayer(RUN_TABLE, None, ogr.wkbNone)
        table.CreateField(ogr.FieldDefn("key", ogr.OFTString))
        table.CreateField(ogr.FieldDefn("value", ogr.OFTString))
        tdefn = table.GetLayerDefn()
        table.StartTransaction()
        for key, value in metadata.items():
            row = ogr.Feature(tdefn)
            row.SetField("key", str(key))
            row.SetField("value", value if isinstance(value, str) else json.dumps(value, default=str))
            table.CreateFeature(row)
        table.CommitTransaction()
    finally:
        ds = None  # closes and flushes the file
    return count


def read_run_metadata(path: str | Path) -> dict[str, Any]:
    """The ``huntr_run`` table of a detection GeoPackage as a dict (JSON values decoded)."""
    ogr = require("osgeo.ogr")
    ds = ogr.Open(str(path))
    out: dict[str, Any] = {}
    try:
        table = ds.GetLayerByName(RUN_TABLE)
        if table is None:
            return out
        for row in table:
            value = row.GetField("value")
            try:
                out[row.GetField("key")] = json.loads(value)
            except (TypeError, ValueError):
                out[row.GetField("key")] = value
    finally:
        ds = None
    return out


def publish(temporary: Path, final: Path) -> None:
    """Move the complete file into place (atomic on one file system)."""
    os.replace(temporary, final)
