"""QGIS inputs as the engine's plain values: one rule each for the panel, Processing and the console.

* :func:`raster_path`: a raster layer's file path, decoded with the layer's own provider.
* :func:`input_spec`: the ``InputSpec`` of a new model for a raster layer. Its bands default
  to **every band of the raster except alpha bands**: the analyst chose this raster, so its
  bands are what the model should see (a near-infrared band is often what tells trees from
  grass), while an alpha band only says where the image has data and would make the model
  refuse the same scene without it. Give bands explicitly to use fewer.
* :data:`DTYPES`, :func:`crs_string`: QGIS data types and CRSs as the store writes them.
* :func:`parse_classes`, :func:`parse_bands`, :func:`parse_class_names`: the text a user types for
  classes, bands and a new model's class names.
* :func:`model_network`: the network and tile size of a new model (boundary target by mode).
* :func:`area_of_interest`, :func:`extent_geometry`: an area of interest
  as a shapely geometry in the raster's CRS.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsGeometry,
    QgsProviderRegistry,
    QgsRaster,
    QgsRasterLayer,
    QgsRectangle,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..errors import InputDataError

PALETTE = ("#e6194b", "#3cb44b", "#4363d8", "#f58231", "#911eb4", "#42d4f4", "#f032e6", "#bfef45")
DTYPES = {
    Qgis.DataType.Byte: "uint8",
    Qgis.DataType.UInt16: "uint16",
    Qgis.DataType.Int16: "int16",
    Qgis.DataType.UInt32: "uint32",
    Qgis.DataType.Int32: "int32",
    Qgis.DataType.Float32: "float32",
    Qgis.DataType.Float64: "float64",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("HuntrInputs", text)


# ---------------------------------------------------------------------------- rasters
def raster_path(layer: QgsRasterLayer) -> str:
    """The file path of a raster layer: its source decoded by its own provider (options dropped)."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType() or "gdal", layer.source())
    return str(parts.get("path") or layer.source())


def crs_string(crs: QgsCoordinateReferenceSystem) -> str:
    """A CRS as the engine wants it: ``EPSG:xxxx`` when known, else WKT."""
    return crs.authid() or crs.toWkt()


def default_bands(layer: QgsRasterLayer) -> list[int]:
    """Every band of the raster except alpha bands (all of them when every band is alpha)."""
    provider = layer.dataProvider()
    every = list(range(1, layer.bandCount() + 1))
    kept = [b for b in every if provider.colorInterpretation(b) != QgsRaster.AlphaBand]
    return kept or every


def parse_bands(text: str | Sequence[int] | None) -> list[int] | None:
    """``"1,2,3"`` (or ``[1, 2, 3]``) → ``[1, 2, 3]``; empty → None (the raster's default bands)."""
    if text is None:
        return None
    if not isinstance(text, str):
        return [int(b) for b in text] or None
    if not text.strip():
        return None
    try:
        return [int(b) for b in text.replace(";", ",").split(",") if b.strip()]
    except ValueError as exc:
        raise InputDataError(
            _tr("Bands must be numbers separated by commas, not “{text}”.").format(text=text)
        ) from exc


def input_spec(layer: QgsRasterLayer, bands: str | Sequence[int] | None = None):
    """The ``InputSpec`` of a model for ``layer``: bands (default: :func:`default_bands`), data
    type of the first of them, CRS and pixel size."""
    from ..snapshots import InputSpec

    count = layer.bandCount()
    chosen = parse_bands(bands)
    if chosen is None:
        chosen = default_bands(layer)
    elif any(not 1 <= b <= count for b in chosen):
        text = bands if isinstance(bands, str) else ",".join(str(b) for b in bands or ())
        raise InputDataError(
            _tr("The raster has bands 1…{n}; “{text}” is not a valid choice.").format(n=count, text=text)
        )
    return InputSpec(
        bands=chosen,
        dtype=DTYPES.get(layer.dataProvider().dataType(chosen[0]), "float32"),
        crs=crs_string(layer.crs()),
        resolution=float(layer.rasterUnitsPerPixelX()),
    )


# ---------------------------------------------------------------------------- network
def model_network(
    mode: str,
    width: int | None = None,
    depth: int | None = None,
    tile_size: int | None = None,
    boundary_target: str | None = None,
    scale: int | None = None,
    boxes: bool | None = None,
) -> tuple[dict[str, Any], int]:
    """``(network, tile_size)`` of a new model (``training.recipe.model_network``): a count model
    stores its boundary target (``recipe.DEFAULT_TARGET``, "centre", unless another is asked
    for), a segmentation model none; ``boxes`` False keeps a count model without the box head
    (None: the default, a head with the centre target)."""
    from ..training.recipe import DEFAULT_TARGET
    from ..training.recipe import model_network as sized

    target = (boundary_target or DEFAULT_TARGET) if mode == "count" else None
    return sized(width, depth, tile_size, target, scale, boxes if mode == "count" else None)


# ---------------------------------------------------------------------------- classes
def parse_classes(text: str | Sequence[str] | None) -> list[tuple[str, str]]:
    """``"Tree, Shrub:#ff7f0e"`` (or a list of such items) → ``[("Tree", "#e6194b"), ("Shrub", "#ff7f0e")]``.

    A class without a colour gets the next colour of :data:`PALETTE` (the panel's class table
    uses the same palette). A new model needs at least one class: empty text is an error.
    """
    if text is not None and not isinstance(text, str):
        text = ",".join(text)
    classes = []
    for i, item in enumerate(p.strip() for p in (text or "").replace(";", ",").split(",")):
        if not item:
            continue
        name, _, colour = item.partition(":")
        colour = colour.strip() or PALETTE[i % len(PALETTE)]
        if not (len(colour) == 7 and colour.startswith("#")):
            raise InputDataError(
                _tr("“{colour}” is not a #rrggbb colour (class “{name}”).").format(
                    colour=colour, name=name.strip()
                )
            )
        classes.append((name.strip(), colour.lower()))
    if not classes:
        raise InputDataError(_tr("Give at least one class name."))
    return classes


def parse_class_names(text: str | Sequence[str] | None, model: Any) -> list[str] | None:
    """New names for ``model``'s classes (a new model from its snapshot): ``"Adult, Calf"`` (or a
    list) → ``["Adult", "Calf"]``, as many as the model has classes; empty → None (keep them)."""
    if text is not None and not isinstance(text, str):
        text = ",".join(str(name) for name in text)
    names = [n.strip() for n in (text or "").replace(";", ",").split(",") if n.strip()]
    if not names:
        return None
    if len(names) != len(model.classes):
        raise InputDataError(
            _tr("Model “{model}” has {n} classes; give exactly {n} class names or none.").format(
                model=model.name, n=len(model.classes)
            )
        )
    return names


# ------------------------------------------------------------------ area of interest
def _to_shapely(geometry: QgsGeometry) -> Any:
    from shapely import wkb

    return wkb.loads(bytes(geometry.asWkb()))


def _into(
    geometry: QgsGeometry,
    source_crs: QgsCoordinateReferenceSystem,
    target_crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext,
) -> QgsGeometry:
    if source_crs.isValid() and target_crs.isValid() and source_crs != target_crs:
        geometry.transform(QgsCoordinateTransform(source_crs, target_crs, context))
    return geometry


def area_of_interest(
    features: Iterable[Any],
    source_crs: QgsCoordinateReferenceSystem,
    target_crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext | None = None,
    feedback: Any = None,
) -> Any:
    """The area of interest the user chose as ``features`` (a layer's, or its selected ones): the
    union of their polygons, moved from ``source_crs`` to ``target_crs``, as a shapely geometry;
    :class:`InputDataError` when they hold no polygon (never the whole raster by mistake). The
    panel, Processing and the console use it."""
    parts = []
    for feature in features:
        if feedback is not None and feedback.isCanceled():
            break
        geometry = QgsGeometry(feature.geometry())
        if not geometry.isNull() and not geometry.isEmpty():
            parts.append(geometry)
    if not parts:
        raise InputDataError(_tr("The area of interest has no polygon."))
    union = QgsGeometry.unaryUnion(parts)
    return _to_shapely(_into(union, source_crs, target_crs, context or QgsCoordinateTransformContext()))


def extent_geometry(
    extent: QgsRectangle,
    source_crs: QgsCoordinateReferenceSystem,
    target_crs: QgsCoordinateReferenceSystem,
    context: QgsCoordinateTransformContext | None = None,
) -> Any:
    """A rectangle (such as the map canvas's extent) in ``target_crs``, as a shapely polygon."""
    geometry = QgsGeometry.fromRect(extent)
    return _to_shapely(_into(geometry, source_crs, target_crs, context or QgsCoordinateTransformContext()))
