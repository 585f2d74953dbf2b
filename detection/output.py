"""The detection GeoPackage: one polygon layer plus a table recording the run.

Written under a temporary name and renamed when complete, so a cancelled or failed
run leaves no partial file behind. Every OGR call that can fail is checked (OGR reports
most failures, a full disk among them, by a return value or a ``None``, not an exception),
and the closed file is opened again and checked before it is published: a failure is an
:class:`~orca_huntr.errors.OutputError`, never a "successful" empty or corrupt file.
The file steps go through the store's failure-injection seam (``snapshots.atomic.hooks``).
"""

from __future__ import annotations

import contextlib
import json
import re
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from ..deps import require
from ..errors import OutputError
from ..snapshots import atomic

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


def check_layer_name(name: str) -> None:
    """Refuse a layer name the GeoPackage cannot hold as given (so the reported name is the written one)."""
    from ..errors import InputDataError

    if not isinstance(name, str) or not name.strip():
        raise InputDataError("The detection layer name is empty; give it a name.")
    if name.lower().startswith(("gpkg", "rtree_")) or name.lower() == RUN_TABLE:
        raise InputDataError(
            f"The detection layer name {name!r} is reserved inside a GeoPackage; choose another name."
        )


def _failed(path: Path, what: str, detail: Any = None) -> OutputError:
    gdal = require("osgeo.gdal")
    reason = detail or gdal.GetLastErrorMsg() or "GDAL gave no reason"
    return OutputError(
        f"Could not write the detection GeoPackage {path} ({what}: {reason}). Check free disk space "
        "and that the folder is writable; no detection file was kept, earlier detections are untouched."
    )


def _check(ok: Any, path: Path, what: str) -> Any:
    """``ok`` when an OGR call succeeded: not ``None`` (objects), 0 (OGRERR_NONE) or True."""
    if ok is None or ok is False or (isinstance(ok, int) and not isinstance(ok, bool) and ok != 0):
        raise _failed(path, what)
    return ok


class DetectionWriter:
    """Streams features into a new GeoPackage layer; :meth:`close` adds the run table.

    Features are committed in transactions of ``batch`` features, so memory does not
    grow with their number. :meth:`abort` closes the file without finishing it (the
    caller removes it).
    """

    def __init__(
        self,
        path: Path,
        layer_name: str,
        crs_wkt: str | None,
        description: str = "",
        batch: int = 5000,
        extra_fields: tuple[str, ...] = (),
    ):
        gdal = require("osgeo.gdal")
        ogr = require("osgeo.ogr")
        osr = require("osgeo.osr")
        gdal.UseExceptions()
        self._ogr = ogr
        check_layer_name(layer_name)
        self.layer_name = layer_name
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            atomic.hooks("write", path)
        except OSError as exc:
            raise _failed(path, "creating the file", exc) from exc
        srs = None
        if crs_wkt:
            srs = osr.SpatialReference()
            srs.ImportFromWkt(crs_wkt)
            srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        self.path = path
        self.count = 0
        self._batch = batch
        gdal.ErrorReset()
        try:
            self._ds = _check(
                ogr.GetDriverByName("GPKG").CreateDataSource(str(path)), path, "creating the file"
            )
            self._layer = _check(
                self._ds.CreateLayer(
                    layer_name, srs, ogr.wkbMultiPolygon, options=["FID=fid", "GEOMETRY_NAME=geom"]
                ),
                path,
                "creating the layer",
            )
        except RuntimeError as exc:  # raised instead when OGR exceptions are on
            raise _failed(path, "creating the file", exc) from exc
        self.layer_name = self._layer.GetName()
        names = FIELDS + tuple(extra_fields)  # extra fields are text (the scene of a merged run)
        types = (ogr.OFTString, ogr.OFTInteger, ogr.OFTReal, ogr.OFTReal, ogr.OFTString)
        types += (ogr.OFTString,) * len(extra_fields)
        for fname, ftype in zip(names, types, strict=True):  # add() sets fields by index
            _check(self._layer.CreateField(ogr.FieldDefn(fname, ftype)), path, "adding a field")
        if description:
            self._layer.SetMetadataItem("DESCRIPTION", description)
        self._defn = self._layer.GetLayerDefn()
        # typed setters: ogr.Feature.SetField finds the type of every value in Python
        setters = {ogr.OFTString: ogr.Feature.SetFieldString, ogr.OFTInteger: ogr.Feature.SetFieldInteger64}
        self._setters = [
            (key, setters.get(ftype, ogr.Feature.SetField)) for key, ftype in zip(names, types, strict=True)
        ]
        _check(self._layer.StartTransaction(), path, "starting a transaction")
        self._pending = 0

    def add(self, item: dict[str, Any]) -> None:
        """Write one feature: a dict with a ``geometry`` (an ``ogr.Geometry`` in the layer's CRS,
        which the writer takes over, or a shapely one), the :data:`FIELDS` and the extra fields."""
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
        _check(self._layer.CreateFeature(feature), self.path, "writing a feature")
        self.count += 1
        self._pending += 1
        if self._pending >= self._batch:
            _check(self._layer.CommitTransaction(), self.path, "committing features")
            _check(self._layer.StartTransaction(), self.path, "starting a transaction")
            self._pending = 0

    def close(self, metadata: dict[str, Any]) -> int:
        """Commit, write the run ``metadata`` (key → JSON-able value) and close; returns the count."""
        ogr = self._ogr
        path = self.path
        _check(self._layer.CommitTransaction(), path, "committing features")
        table = _check(self._ds.CreateLayer(RUN_TABLE, None, ogr.wkbNone), path, "creating the run table")
        _check(table.CreateField(ogr.FieldDefn("key", ogr.OFTString)), path, "adding a field")
        _check(table.CreateField(ogr.FieldDefn("value", ogr.OFTString)), path, "adding a field")
        tdefn = table.GetLayerDefn()
        _check(table.StartTransaction(), path, "starting a transaction")
        for key, value in metadata.items():
            row = ogr.Feature(tdefn)
            row.SetField("key", str(key))
            row.SetField("value", value if isinstance(value, str) else json.dumps(value, default=str))
            _check(table.CreateFeature(row), path, "writing the run table")
        _check(table.CommitTransaction(), path, "committing the run table")
        self._ds.FlushCache()
        table = tdefn = None
        self._layer = self._defn = None
        self._ds = None  # closes and flushes the file
        try:
            atomic.hooks("fsync", path)
            atomic.fsync_file(path)
        except OSError as exc:
            raise _failed(path, "flushing the file", exc) from exc
        verify(path, self.layer_name, self.count)
        return self.count

    def abort(self) -> None:
        """Close without finishing (the file is incomplete: remove it)."""
        self._layer = self._defn = None
        self._ds = None


def verify(path: Path, layer_name: str, count: int) -> None:
    """Open the closed file again: its layer, its ``count`` features and the run table must be there."""
    ogr = require("osgeo.ogr")
    gdal = require("osgeo.gdal")
    gdal.ErrorReset()
    try:
        ds = ogr.Open(str(path))
    except RuntimeError as exc:
        raise _failed(path, "checking the written file", exc) from exc
    if ds is None:
        raise _failed(path, "checking the written file", "it cannot be opened as a GeoPackage")
    try:
        layer = ds.GetLayerByName(layer_name)
        if layer is None or ds.GetLayerByName(RUN_TABLE) is None:
            raise _failed(path, "checking the written file", "its layers are missing")
        found = layer.GetFeatureCount()
        if found != count:
            raise _failed(path, "checking the written file", f"{found} features instead of {count}")
    finally:
        layer = None
        ds = None


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
    try:
        atomic.replace(temporary, final)
    except OSError as exc:
        raise _failed(final, "moving it into place", exc) from exc
