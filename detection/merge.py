"""One GeoPackage from the per-scene GeoPackages of a many-scene run.

Scenes are copied in the order given and, inside a scene, in the order detection wrote
the features, so the merged file depends only on the parts, not on which worker made
them or when. Each feature keeps the detection fields and gains ``scene``. Features of a
scene in another CRS than the first scene's are reprojected into it. The file is written
through :class:`~.output.DetectionWriter` (checked OGR calls, a ``huntr_run`` table, the
reopened file verified) under a temporary name and renamed into place.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..deps import require
from ..errors import OutputError
from . import output

SCENE_FIELD = "scene"


@dataclass(frozen=True)
class ScenePart:
    """One scene's detection GeoPackage: the scene's name and where its layer is."""

    scene: str
    path: Path
    layer_name: str


def _open(part: ScenePart):
    ogr = require("osgeo.ogr")
    ds = ogr.Open(str(part.path))
    layer = ds.GetLayerByName(part.layer_name) if ds is not None else None
    if layer is None:
        raise OutputError(
            f"The detections of scene “{part.scene}” ({part.path}) cannot be read; "
            "run the many-scene detection again."
        )
    return ds, layer


def part_crs_wkt(part: ScenePart) -> str | None:
    """The WKT of a part's layer CRS (None when it has none)."""
    ds, layer = _open(part)
    srs = layer.GetSpatialRef()
    wkt = srs.ExportToWkt() if srs is not None else None
    del srs, layer  # the layer before its data source
    del ds
    return wkt


def read_features(part: ScenePart, target_wkt: str | None) -> Iterator[dict[str, Any]]:
    """The features of one part in file order, as :class:`~.output.DetectionWriter` items
    (``ogr.Geometry`` in ``target_wkt``, the detection fields, ``scene``)."""
    osr = require("osgeo.osr")
    ds, layer = _open(part)
    transform = None
    source = layer.GetSpatialRef()
    if source is not None and target_wkt:
        target = osr.SpatialReference()
        target.ImportFromWkt(target_wkt)
        if not source.IsSame(target):
            source = source.Clone()
            for srs in (source, target):
                srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
            transform = osr.CoordinateTransformation(source, target)
    try:
        layer.ResetReading()
        for feature in layer:
            geometry = feature.GetGeometryRef().Clone()
            if transform is not None and geometry.Transform(transform) != 0:
                raise OutputError(
                    f"A detection of scene “{part.scene}” could not be reprojected into the first "
                    "scene's coordinate reference system; detect scenes of one CRS together."
                )
            item: dict[str, Any] = {key: feature.GetField(key) for key in output.FIELDS}
            item["geometry"] = geometry
            item[SCENE_FIELD] = part.scene
            yield item
    finally:
        del layer  # the layer before its data source
        del ds


def merge_parts(
    parts: Sequence[ScenePart],
    final: Path,
    layer_name: str,
    metadata: dict[str, Any],
    progress: Callable[[int, ScenePart], None] | None = None,
) -> tuple[int, str | None]:
    """Write every part's features, in order, into a new GeoPackage at ``final``.

    ``metadata`` becomes its ``huntr_run`` table. ``progress(i, part)`` is called after
    each part. Returns ``(feature count, the layer's CRS as WKT)``; nothing is left at
    ``final`` or beside it when it fails.
    """
    crs_wkt = next((w for w in (part_crs_wkt(p) for p in parts) if w), None)
    temporary = output.temporary_path(final)
    writer = output.DetectionWriter(
        temporary,
        layer_name,
        crs_wkt,
        f"ORCA HUNTR detections: {metadata.get('display_name', '')}",
        extra_fields=(SCENE_FIELD,),
    )
    closed = False
    try:
        for index, part in enumerate(parts):
            for item in read_features(part, crs_wkt):
                writer.add(item)
            if progress is not None:
                progress(index, part)
        count = writer.close(metadata)
        closed = True
        output.publish(temporary, final)
    except BaseException:
        if not closed:
            writer.abort()
        output.remove_quietly(temporary)
        raise
    return count, crs_wkt
