"""Copy training areas and labels from any QGIS vector source into a model's live GeoPackage.

QGIS side: features are read from a ``QgsFeatureSource`` (a layer, a selection, a
Processing input), reprojected to the model's CRS and appended to the contract's
``training_areas`` (``purpose``) and ``labels`` (``class_id``) layers.
"""

from __future__ import annotations

from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCoordinateTransformContext,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSource,
    QgsFeedback,
    QgsGeometry,
    QgsVectorLayer,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..errors import InputDataError

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


def _copy(
    source: QgsFeatureSource,
    target: QgsVectorLayer,
    values,
    transform_context: QgsCoordinateTransformContext,
    feedback: QgsFeedback | None,
) -> int:
    """Append every feature of ``source`` to ``target``; ``values(feature)`` gives its attributes."""
    crs_transform = QgsCoordinateTransform(source.sourceCrs(), target.crs(), transform_context)
    fields = target.fields()
    out: list[QgsFeature] = []
    total = max(1, source.featureCount())
    for i, feature in enumerate(source.getFeatures(QgsFeatureRequest())):
        if feedback is not None and feedback.isCanceled():
            break
        geometry = QgsGeometry(feature.geometry())
        if geometry.isNull() or QgsWkbTypes.geometryType(geometry.wkbType()) != QgsWkbTypes.PolygonGeometry:
            continue
        if source.sourceCrs().isValid() and source.sourceCrs() != target.crs():
            geometry.transform(crs_transform)
        attributes = values(feature)
        for part in _fit(geometry, target.wkbType()):
            new = QgsFeature(fields)
            new.setGeometry(part)
            for name, value in attributes.items():
                new.setAttribute(name, value)
            out.append(new)
        if feedback is not None:
            feedback.setProgress(100.0 * (i + 1) / total)
    ok, _ = target.dataProvider().addFeatures(out)
    if not ok:
        raise InputDataError(
            _tr("Could not write to layer “{name}” of the training GeoPackage: {error}").format(
                name=target.name(), error=target.dataProvider().lastError()
            )
        )
    return len(out)


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
    target = _layer(gpkg, "training_areas")
    index = source.fields().lookupField(purpose_field) if purpose_field else -1

    def values(feature: QgsFeature) -> dict:
        value = str(feature.attribute(index) or "").strip().lower() if index >= 0 else ""
        return {"purpose": value if value in PURPOSES else "train"}

    return _copy(source, target, values, transform_context or QgsCoordinateTransformContext(), feedback)


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
    target = _layer(gpkg, "labels")
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

    return _copy(source, target, values, transform_context or QgsCoordinateTransformContext(), feedback)


def crs_string(crs: QgsCoordinateReferenceSystem) -> str:
    """A CRS as the engine wants it: ``EPSG:xxxx`` when known, else WKT."""
    return crs.authid() or crs.toWkt()
