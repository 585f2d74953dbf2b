"""The training GeoPackage: create it, copy it consistently, count and fingerprint its content.

Layers (the contract in ARCHITECTURE.md): ``training_areas`` (polygons, ``purpose``
``train``/``validation``), ``labels`` (polygons, ``class_id`` 1…C) and the attribute
table ``scenes``. Creation goes through OGR (``osgeo``, imported when needed); copies
use SQLite's online backup API, so a copy taken while QGIS edits the file is a
consistent database, and a restore into the live file is one SQLite transaction that
connections QGIS keeps open see at once.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from . import atomic

# the layer names of the training GeoPackage, defined here only (training/, ui/, adapters/ import them)
AREAS = "training_areas"
LABELS = "labels"
SCENES = "scenes"
SCENE_FIELDS = ("scene_id", "source", "name", "fingerprint", "added_at")
_BUSY_MS = 5000


class GeoPackageError(Exception):
    """A SQLite-level failure on a training GeoPackage (the store turns it into a HuntrError)."""


@contextlib.contextmanager
def connect(path: str | os.PathLike[str], readonly: bool = True) -> Iterator[sqlite3.Connection]:
    """A short-lived SQLite connection to a GeoPackage (closed on exit)."""
    mode = "ro" if readonly else "rw"
    uri = Path(path).absolute().as_uri() + f"?mode={mode}"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=_BUSY_MS / 1000, isolation_level=None)
    except sqlite3.Error as exc:
        raise GeoPackageError(f"cannot open {path}: {exc}") from exc
    try:
        yield conn
    except sqlite3.Error as exc:
        raise GeoPackageError(f"{path}: {exc}") from exc
    finally:
        conn.close()


class _BusyError(Exception):
    pass


def _backup(source: sqlite3.Connection, target: sqlite3.Connection) -> None:
    """``source.backup(target)`` that gives up after the busy timeout.

    Python's ``Connection.backup`` retries forever while the other database is locked
    (an edit session in QGIS holding its write lock): the progress callback raising is
    the only way out, and it aborts the backup without changing the target.
    """
    deadline = time.monotonic() + _BUSY_MS / 1000

    def progress(status: int, remaining: int, total: int) -> None:
        if status in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED) and time.monotonic() > deadline:
            raise _BusyError()

    try:
        source.backup(target, progress=progress)
    except _BusyError:
        raise sqlite3.OperationalError("database is locked") from None


def create_empty(path: str | os.PathLike[str], crs: str | None) -> None:
    """Create the training GeoPackage with its empty layers in ``crs`` and fsync it."""
    from ..deps import require

    require("osgeo")
    from osgeo import gdal, ogr, osr

    gdal.UseExceptions()
    atomic.hooks("write", path)
    srs = None
    if crs:
        srs = osr.SpatialReference()
        srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
        try:
            srs.SetFromUserInput(str(crs))
        except RuntimeError as exc:
            raise GeoPackageError(f"unknown CRS {crs!r}: {exc}") from exc
    driver = ogr.GetDriverByName("GPKG")
    ds = driver.CreateDataSource(str(path))
    if ds is None:
        raise GeoPackageError(f"cannot create {path}")
    try:
        areas = ds.CreateLayer(AREAS, srs, ogr.wkbMultiPolygon, ["GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"])
        purpose = ogr.FieldDefn("purpose", ogr.OFTString)
        purpose.SetDefault("'train'")
        areas.CreateField(purpose)
        labels = ds.CreateLayer(LABELS, srs, ogr.wkbMultiPolygon, ["GEOMETRY_NAME=geom", "SPATIAL_INDEX=YES"])
        labels.CreateField(ogr.FieldDefn("class_id", ogr.OFTInteger))
        scenes = ds.CreateLayer(SCENES, None, ogr.wkbNone, ["ASPATIAL_VARIANT=GPKG_ATTRIBUTES"])
        for name in SCENE_FIELDS:
            scenes.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    finally:
        ds = None  # closes and flushes
    atomic.fsync_file(path)


def backup(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    """Copy GeoPackage ``src`` to the new file ``dst`` with SQLite's backup API, then fsync it.

    The copy is a self-contained file (rollback-journal mode, no ``-wal`` companion).
    """
    atomic.hooks("write", dst)
    if os.path.exists(dst):
        raise GeoPackageError(f"{dst} already exists")
    try:
        with connect(src) as source:
            target = sqlite3.connect(os.fspath(dst), isolation_level=None)
            try:
                # the copy is fsynced once below; SQLite's own syncs of a staging file buy nothing
                target.execute("PRAGMA synchronous=OFF")
                _backup(source, target)
                target.execute("PRAGMA journal_mode=DELETE")
            finally:
                target.close()
    except (sqlite3.Error, GeoPackageError) as exc:
        with contextlib.suppress(OSError):
            os.unlink(dst)
        raise GeoPackageError(f"cannot copy {src}: {exc}") from exc
    atomic.fsync_file(dst)


def restore(src: str | os.PathLike[str], live: str | os.PathLike[str]) -> None:
    """Overwrite the live GeoPackage's content with ``src``'s, in one SQLite transaction.

    Done with the backup API *into* the live database (not a file rename) so that a crash
    leaves SQLite's journal to roll it back and QGIS's open connections see the new data.
    """
    atomic.hooks("write", live)
    try:
        with connect(src) as source, connect(live, readonly=False) as target:
            _backup(source, target)
    except (sqlite3.Error, GeoPackageError) as exc:
        raise GeoPackageError(
            f"cannot restore the training data {live}: {exc}. If it is being edited in QGIS, "
            "save or discard the edits and try again."
        ) from exc


def counts(path: str | os.PathLike[str]) -> dict[str, Any]:
    """``{training_areas, labels_per_class {class_id: n}, scenes}`` of a training GeoPackage."""
    with connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        areas = conn.execute(f'SELECT count(*) FROM "{AREAS}"').fetchone()[0] if AREAS in tables else 0
        per_class: dict[int, int] = {}
        if LABELS in tables:
            for cls, n in conn.execute(f'SELECT class_id, count(*) FROM "{LABELS}" GROUP BY class_id'):
                if cls is not None:
                    per_class[int(cls)] = int(n)
        scenes = conn.execute(f'SELECT count(*) FROM "{SCENES}"').fetchone()[0] if SCENES in tables else 0
    return {"training_areas": int(areas), "labels_per_class": per_class, "scenes": int(scenes)}


def content_digest(path: str | os.PathLike[str]) -> str:
    """sha256 of the rows of the three training tables (independent of file layout and page order)."""
    digest = hashlib.sha256()
    with connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        for table in (AREAS, LABELS, SCENES):
            digest.update(table.encode() + b"\0")
            if table not in tables:
                continue
            for row in conn.execute(f'SELECT * FROM "{table}" ORDER BY 1'):
                digest.update(repr(row).encode() + b"\n")
    return digest.hexdigest()


def list_scenes(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Rows of the ``scenes`` table as dicts, in insertion order."""
    cols = ", ".join(f'"{c}"' for c in SCENE_FIELDS)
    with connect(path) as conn:
        rows = conn.execute(f'SELECT {cols} FROM "{SCENES}" ORDER BY rowid').fetchall()
    return [dict(zip(SCENE_FIELDS, row, strict=True)) for row in rows]


def insert_scene(path: str | os.PathLike[str], row: dict[str, Any]) -> None:
    """Append one row to the ``scenes`` table (one SQLite transaction)."""
    atomic.hooks("write", path)
    cols = ", ".join(f'"{c}"' for c in SCENE_FIELDS)
    marks = ", ".join("?" for _ in SCENE_FIELDS)
    with connect(path, readonly=False) as conn:
        conn.execute(f'INSERT INTO "{SCENES}" ({cols}) VALUES ({marks})', [row[c] for c in SCENE_FIELDS])


def delete_scene(path: str | os.PathLike[str], scene_id: str) -> int:
    """Delete the scene row(s) with ``scene_id``; returns how many were deleted."""
    atomic.hooks("write", path)
    with connect(path, readonly=False) as conn:
        return conn.execute(f'DELETE FROM "{SCENES}" WHERE scene_id = ?', (scene_id,)).rowcount
