"""Copy training areas and labels from any QGIS vector source into a model's live GeoPackage.

QGIS side: features are read from a ``QgsFeatureSource`` (a layer, a selection, a
Processing input), reprojected to the model's CRS and appended to the contract's
``training_areas`` (``purpose``) and ``labels`` (``class_id``) layers.

Two steps, so that creating a model with its training data is all or nothing:
:func:`prepare_training_areas` / :func:`prepare_labels` read, check and repair everything
in memory (invalid polygons are made valid with a warning, zero-area ones are dropped
with a warning, bad classes are errors) before anything is written; :func:`write_prepared`
then appends. The source is read once into copies of its features, and no reference to
it outlives the call: a Processing feature source must not outlive its context (it
points into the context's layers; freeing it later corrupted memory and crashed QGIS).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFeedback,
    QgsFields,
    QgsGeometry,
    QgsProcessingFeatureSource,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..errors import InputDataError
from ..snapshots.gpkg import AREAS, LABELS

PURPOSES = ("train", "validation")


def _tr(text: str) -> str:
    return QCoreApplication.translate("TrainingImport", text)


def _layer(gpkg: Path, name: str) -> QgsVectorLayer:
    layer = QgsVectorLayer(f"{gpkg}|layername={name}", name, "ogr")
    if not layer.isValid():
        raise InputDataError(
            _tr("The training GeoPackage {path} has no valid layer “{name}”.").format(path=gpkg, name=name)
        )
    return layer


def _fit(geometry: QgsGeometry, wkb_type: int) -> list[QgsGeometry]:
    """``geometry`` as one or more geometries the target layer's type accepts."""
    if geometry.isNull() or geometry.isEmpty():
        return []
    if QgsWkbTypes.isMultiType(wkb_type):
        geometry.convertToMultiType()
        return [geometry]
    if geometry.isMultipart():
        return [QgsGeometry(part.clone()) for part in geometry.constParts()]
    return [geometry]


@dataclass
class Prepared:
    """Polygons checked and repaired in memory, in the model's CRS, ready for :func:`write_prepared`."""

    layer: str  # AREAS or LABELS
    features: list[tuple[QgsGeometry, dict]] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)


def _read(source: QgsFeatureSource) -> tuple[list[QgsFeature], QgsCoordinateReferenceSystem, QgsFields]:
    """Copies of every feature of ``source`` (geometry validity is checked by us, not by the
    iterator, which would stop at the first invalid polygon), its CRS and fields."""
    if isinstance(source, QgsProcessingFeatureSource):
        iterator = source.getFeatures(
            QgsFeatureRequest(), QgsProcessingFeatureSource.FlagSkipGeometryValidityChecks
        )
    else:
        iterator = source.getFeatures(
            QgsFeatureRequest().setInvalidGeometryCheck(QgsFeatureRequest.GeometryNoCheck)
        )
    features = [QgsFeature(f) for f in iterator]
    iterator.close()
    return features, QgsCoordinateReferenceSystem(source.sourceCrs()), QgsFields(source.fields())


def _repair(geometry: QgsGeometry, fid: int, what: str, warnings: list[str]) -> QgsGeometry | None:
    """``geometry`` made valid (polygonal parts only), or None (with a warning) when nothing is left."""
    if not geometry.isGeosValid():
        repaired = geometry.makeValid()
        if QgsWkbTypes.geometryType(repaired.wkbType()) != QgsWkbTypes.PolygonGeometry:
            repaired = repaired.convertToType(QgsWkbTypes.PolygonGeometry, True) or QgsGeometry()
        if not repaired.isNull() and not repaired.isEmpty() and repaired.area() > 0:
            warnings.append(
                _tr("{what} {fid} was an invalid polygon (self-intersecting?); it was repaired.").format(
                    what=what, fid=fid
                )
            )
            return repaired
        geometry = QgsGeometry()
    if geometry.isNull() or geometry.isEmpty() or geometry.area() <= 0:
        warnings.append(
            _tr("{what} {fid} has no area (empty or degenerate polygon); it was left out.").format(
                what=what, fid=fid
            )
        )
        return None
    return geometry


def _prepare(
    layer: str,
    source: QgsFeatureSource,
    target_crs: QgsCoordinateReferenceSystem,
    values,
    transform_context: QgsCoordinateTransformContext,
    feedback: QgsFeedback | None,
    what: str,
) -> Prepared:
    """Read ``source`` into memory: polygons only, in ``target_crs``, repaired; ``values(feature)``
    gives the attributes (and raises :class:`InputDataError` for a bad one)."""
    features, source_crs, _fields = _read(source)
    source = None
    prepared = Prepared(layer)
    crs_transform = QgsCoordinateTransform(source_crs, target_crs, transform_context)
    total = max(1, len(features))
    for i, feature in enumerate(features):
        if feedback is not None and feedback.isCanceled():
            break
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.PolygonGeometry:
            continue
        attributes = values(feature)
        if source_crs.isValid() and source_crs != target_crs:
            geometry.transform(crs_transform)
        geometry = _repair(geometry, feature.id(), what, prepared.warnings)
        if geometry is not None:
            prepared.features.append((geometry, attributes))
        if feedback is not None:
            feedback.setProgress(100.0 * (i + 1) / total)
    for message in prepared.warnings:
        if feedback is not None:
            feedback.pushWarning(message)
    return prepared


def write_prepared(gpkg: Path, prepared: Prepared) -> int:
    """Append prepared polygons to their layer of the training GeoPackage; returns how many."""
    target = _layer(gpkg, prepared.layer)
    fields = target.fields()
    out: list[QgsFeature] = []
    for geometry, attributes in prepared.features:
        for part in _fit(QgsGeometry(geometry), target.wkbType()):
            new = QgsFeature(fields)
            new.setGeometry(part)
            for name, value in attributes.items():
                new.setAttribute(name, value)
            out.append(new)
    ok, _ = target.dataProvider().addFeatures(out)
    if not ok:
        raise InputDataError(
            _tr("Could not write to layer “{name}” of the training GeoPackage: {error}").format(
                name=target.name(), error=target.dataProvider().lastError()
            )
        )
    return len(out)


def prepare_training_data(
    target_crs: QgsCoordinateReferenceSystem,
    class_names: list[str],
    areas: QgsFeatureSource | None = None,
    labels: QgsFeatureSource | None = None,
    purpose_field: str = "",
    class_field: str = "",
    transform_context: QgsCoordinateTransformContext | None = None,
    feedback: QgsFeedback | None = None,
) -> list[Prepared]:
    """The training areas and labels a new model is created with (either may be None), read,
    checked and repaired in ``target_crs``, ready for :func:`create_model_with_data`."""
    prepared = []
    if areas is not None:
        prepared.append(prepare_training_areas(areas, target_crs, purpose_field, transform_context, feedback))
    if labels is not None:
        prepared.append(
            prepare_labels(labels, target_crs, class_names, class_field, transform_context, feedback)
        )
    return prepared


def create_model_with_data(
    ws, raster, prepared: list[Prepared], classes: list[tuple[str, str]], **model
) -> tuple[object, list[int]]:
    """Create a model (``ws.create_model(classes=…, **model)``, ``classes`` as ``(name, colour)``),
    record the raster layer as its scene and write the prepared training data: all or nothing,
    a failure deletes the new model so that a retry starts from scratch. Returns
    ``(ModelInfo, polygons written per prepared batch)``; the one rule of Processing's
    *Create model* and ``api.create_model``."""
    from ..snapshots import ClassSpec
    from .inputs import raster_path

    info = ws.create_model(classes=[ClassSpec(n, c) for n, c in classes], **model)
    try:
        ws.add_scene(info.id, raster_path(raster), name=raster.name())
        gpkg = ws.training_data_path(info.id)
        written = [write_prepared(gpkg, batch) for batch in prepared]
    except BaseException:
        ws.delete_model(info.id)
        raise
    return info, written


def _target_crs(gpkg: Path, layer: str) -> QgsCoordinateReferenceSystem:
    return _layer(gpkg, layer).crs()


def import_training_areas(
    gpkg: Path,
    source: QgsFeatureSource,
    purpose_field: str = "",
    transform_context: QgsCoordinateTransformContext | None = None,
    feedback: QgsFeedback | None = None,
) -> int:
    """Append ``source``'s polygons as training areas; returns how many were written.

    ``purpose_field`` (optional) holds ``train`` or ``validation``; anything else, or no
    field, means ``train``.
    """
    prepared = prepare_training_areas(
        source, _target_crs(gpkg, AREAS), purpose_field, transform_context, feedback
    )
    return write_prepared(gpkg, prepared)


def prepare_training_areas(
    source: QgsFeatureSource,
    target_crs: QgsCoordinateReferenceSystem,
    purpose_field: str = "",
    transform_context: QgsCoordinateTransformContext | None = None,
    feedback: QgsFeedback | None = None,
) -> Prepared:
    """``source``'s polygons as training areas in ``target_crs``, checked and repaired (nothing written)."""
    index = source.fields().lookupField(purpose_field) if purpose_field else -1

    def values(feature: QgsFeature) -> dict:
        value = str(feature.attribute(index) or "").strip().lower() if index >= 0 else ""
        return {"purpose": value if value in PURPOSES else "train"}

    return _prepare(
        AREAS, source, target_crs, values, transform_context or QgsCoordinateTransformContext(),
        feedback, _tr("Training area"),
    )  # fmt: skip


def import_labels(
    gpkg: Path,
    source: QgsFeatureSource,
    class_names: list[str],
    class_field: str = "",
    transform_context: QgsCoordinateTransformContext | None = None,
    feedback: QgsFeedback | None = None,
) -> int:
    """Append ``source``'s polygons as labels; returns how many were written.

    ``class_field`` holds a class id (1…C) or a class name; without it every label is
    class 1, which is only allowed for a one-class model.
    """
    prepared = prepare_labels(
        source, _target_crs(gpkg, LABELS), class_names, class_field, transform_context, feedback
    )
    return write_prepared(gpkg, prepared)


def prepare_labels(
    source: QgsFeatureSource,
    target_crs: QgsCoordinateReferenceSystem,
    class_names: list[str],
    class_field: str = "",
    transform_context: QgsCoordinateTransformContext | None = None,
    feedback: QgsFeedback | None = None,
) -> Prepared:
    """``source``'s polygons as labels in ``target_crs``, checked and repaired (nothing written)."""
    index = source.fields().lookupField(class_field) if class_field else -1
    if class_field and index < 0:
        raise InputDataError(_tr("The labels have no field “{field}”.").format(field=class_field))
    if index < 0 and len(class_names) != 1:
        raise InputDataError(
            _tr(
                "The model has {n} classes: choose the labels' field that holds the class id or name."
            ).format(n=len(class_names))
        )
    by_name = {name.casefold(): i + 1 for i, name in enumerate(class_names)}

    def values(feature: QgsFeature) -> dict:
        if index < 0:
            return {"class_id": 1}
        raw = feature.attribute(index)
        text = str(raw).strip() if raw is not None else ""
        class_id = by_name.get(text.casefold())
        if class_id is None:
            try:
                class_id = int(float(text))
            except ValueError:
                class_id = 0
        if not 1 <= class_id <= len(class_names):
            raise InputDataError(
                _tr(
                    "Label {fid} has class “{value}”, which is not one of the model's classes ({names})."
                ).format(fid=feature.id(), value=text, names=", ".join(class_names))
            )
        return {"class_id": class_id}

    return _prepare(
        LABELS, source, target_crs, values, transform_context or QgsCoordinateTransformContext(),
        feedback, _tr("Label"),
    )  # fmt: skip
