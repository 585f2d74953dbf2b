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


class DetectionWriter:
    """Streams features into a new GeoPackage layer; :meth:`close` adds the run table.

    Features are committed in transactions of ``batch`` features, so memory does not
    grow with their number. :meth:`abort` closes the file without finishing it (the
    caller removes it).
    """

    def __init__(
        self, path: Path, layer_name: str, crs_wkt: str | None, description: str = "", batch: int = 5000
    ):
        gdal = require("osgeo.gdal")
        ogr = require("osgeo.ogr")
        osr = require("osgeo.osr")
        gdal.UseExceptions()
        self._ogr = ogr
        path.parent.mkdir(parents=True, exist_ok=True)
        srs = None
        if crs_wkt:
            srs = osr.SpatialReference()
            srs.ImportFromWkt(crs_wkt)
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        self.path = path
        self.count = 0
        self._batch = batch
        self._ds = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
        self._layer = self._ds.CreateLayer(
            layer_name, srs, ogr.wkbMultiPolygon, options=["FID=fid", "GEOMETRY_NAME=geom"]
        )
        types = (ogr.OFTString, ogr.OFTInteger, ogr.OFTReal, ogr.OFTReal, ogr.OFTString)
        for fname, ftype in zip(FIELDS, types, strict=True):  # add() sets fields by index
            self._layer.CreateField(ogr.FieldDefn(fname, ftype))
        if description:
            self._layer.SetMetadataItem("DESCRIPTION", description)
        self._defn = self._layer.GetLayerDefn()
        # typed setters: ogr.Feature.SetField finds the type of every value in Python
        setters = {ogr.OFTString: ogr.Feature.SetFieldString, ogr.OFTInteger: ogr.Feature.SetFieldInteger64}
        self._setters = [
            (key, setters.get(ftype, ogr.Feature.SetField)) for key, ftype in zip(FIELDS, types, strict=True)
        ]
        self._layer.StartTransaction()
        self._pending = 0

    def add(self, item: dict[str, Any]) -> None:
        """Write one feature: a dict with a ``geometry`` (an ``ogr.Geometry`` in the layer's CRS,
        which the writer takes over, or a shapely one) and the :data:`FIELDS`."""
        ogr = self._ogr
        geometry = item["geometry"]
        if not isinstance(geometry, ogr.Geometry):
            geometry = ogr.CreateGeometryFromWkb(bytes(geometry.wkb))
        if geometry.GetGeometryType() != ogr.wkbMultiPolygon:
            geometry = ogr.ForceToMultiPolygon(geometry)
        feature = ogr.Feature(self._defn)
        feature.SetGeometryDirectly(geometry)
        for index, (key, setter) in enumerate(self._setters):
            value = item[key]
            if value is None:
                feature.SetFieldNull(index)
            else:
                setter(feature, index, value)
        self._layer.CreateFeature(feature)
        self.count += 1
        self._pending += 1
        if self._pending >= self._batch:
            self._layer.CommitTransaction()
            self._layer.StartTransaction()
            self._pending = 0

    def close(self, metadata: dict[str, Any]) -> int:
        """Commit, write the run ``metadata`` (key → JSON-able value) and close; returns the count."""
        ogr = self._ogr
        self._layer.CommitTransaction()
        table = self._ds.CreateLayer(RUN_TABLE, None, ogr.wkbNone)
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
        self._layer = self._defn = None
        self._ds = None  # closes and flushes the file
        return self.count

    def abort(self) -> None:
        """Close without finishing (the file is incomplete: remove it)."""
        self._layer = self._defn = None
        self._ds = None


def write_geopackage(
    path: Path,
    layer_name: str,
    crs_wkt: str | None,
    features: Iterable[dict[str, Any]],
    metadata: dict[str, Any],
) -> int:
    """Write ``features`` and the run ``metadata`` to a new GeoPackage at ``path``; returns the count."""
    writer = DetectionWriter(
        path, layer_name, crs_wkt, f"ORCA HUNTR detections: {metadata.get('display_name', '')}"
    )
    try:
        for item in features:
            writer.add(item)
    except BaseException:
        writer.abort()
        raise
    return writer.close(metadata)


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
