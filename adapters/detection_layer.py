"""Detection results as styled layers of the project: the one rule for their names and looks.

A :class:`~orca_huntr.detection.DetectResult` (or anything with its ``path``,
``layer_name``, ``display_name`` and ``classes``) becomes a ``QgsVectorLayer`` named
"<model> · <snapshot> · <scene>", where the scene is the raster's name in the project
(:func:`scene_name`, passed to the engine by :func:`name_options`), with a categorised
renderer on ``class_id``: dashed outlines in the class colours over a white halo and no
fill, so that detections are never taken for the hatched labels drawn in the same colours.
Used by the ``DetectTask``, the dock, Processing and the console (``api.py``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsMapLayer,
    QgsMapLayerType,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtGui import QColor

from .inputs import raster_path

RESULT_KEY = "orca_huntr/detection"  # custom property: the layer's source, marks our layers
SNAPSHOT_KEY = "orca_huntr/snapshot_id"
MODEL_KEY = "orca_huntr/model_id"
HALO_COLOUR = "#ffffff"


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrDetectionLayer", text)


def _classes(classes: Any) -> list[tuple[int, str, str]]:
    """``(id, name, colour)`` from ``{"id", "name", "color"}`` dicts or a model's ``ClassSpec`` list."""
    out = []
    for index, cls in enumerate(classes or [], start=1):
        if isinstance(cls, dict):
            out.append(
                (int(cls.get("id", index)), str(cls.get("name", index)), str(cls.get("color", "#ff0000")))
            )
        else:
            out.append((index, str(getattr(cls, "name", index)), str(getattr(cls, "color", "#ff0000"))))
    return out


def scene_name(raster: Any, project: QgsProject | None = None) -> str:
    """The scene part of a detection layer's name: the raster layer's name in the project.

    ``raster`` is a raster layer, or a file path: then the name of a raster layer of the
    project reading that file, else the file's name without its extension.
    """
    if isinstance(raster, QgsMapLayer):
        return raster.name() or Path(raster_path(raster)).stem
    path = str(raster)
    project = project or QgsProject.instance()
    resolved = Path(path).resolve()
    for layer in project.mapLayers().values():
        if layer.type() == QgsMapLayerType.RasterLayer and Path(raster_path(layer)).resolve() == resolved:
            return layer.name()
    return Path(path).stem


def name_options(options: Any, raster: Any, project: QgsProject | None = None) -> Any:
    """``options`` (a ``DetectOptions``) naming the result after :func:`scene_name` (unless set)."""
    if not getattr(options, "scene_name", None):
        options.scene_name = scene_name(raster, project)
    return options


def category_symbol(colour: str) -> QgsFillSymbol:
    """No fill; a dashed outline of ``colour`` over a white halo (readable on dark and light imagery).

    Labels are hatched in the same colours: a detection is an outline, never a fill.
    """
    symbol = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": HALO_COLOUR, "outline_width": "0.9", "outline_style": "solid"}
    )
    dashed = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": QColor(colour).name(), "outline_width": "0.5"}
    )
    dashed.symbolLayer(0).setStrokeStyle(Qt.PenStyle.DashLine)
    symbol.appendSymbolLayer(dashed.symbolLayer(0).clone())  # the symbol owns the clone
    symbol.symbolLayer(0).setStrokeColor(QColor(HALO_COLOUR))
    symbol.symbolLayer(1).setStrokeColor(QColor(colour))
    return symbol


def apply_style(layer: QgsVectorLayer, classes: Any) -> QgsVectorLayer:
    """Style ``layer`` with one category per class on ``class_id`` (labelled with the class name)."""
    categories = [
        QgsRendererCategory(class_id, category_symbol(colour), name)
        for class_id, name, colour in _classes(classes)
    ]
    layer.setRenderer(QgsCategorizedSymbolRenderer("class_id", categories))
    layer.triggerRepaint()
    return layer


def load_detection_layer(result: Any) -> QgsVectorLayer:
    """The result's layer, named ``result.display_name`` and styled (not added to a project)."""
    uri = f"{result.path}|layername={result.layer_name}"
    layer = QgsVectorLayer(uri, result.display_name, "ogr")
    if not layer.isValid():
        raise RuntimeError(tr("Cannot open the detection layer {uri}.").format(uri=uri))
    mark(layer, uri, getattr(result, "model_id", ""), getattr(result, "snapshot_id", ""))
    apply_style(layer, getattr(result, "classes", None))
    return layer


def mark(layer: QgsMapLayer, uri: str, model_id: str, snapshot_id: str) -> None:
    """Mark ``layer`` as the detection layer of ``uri`` (:func:`find_detection_layer` finds it by this)."""
    layer.setCustomProperty(RESULT_KEY, uri)
    layer.setCustomProperty(SNAPSHOT_KEY, snapshot_id)
    layer.setCustomProperty(MODEL_KEY, model_id)


def find_detection_layer(result: Any, project: QgsProject | None = None) -> QgsVectorLayer | None:
    """The project's layer already showing ``result``, if any."""
    project = project or QgsProject.instance()
    uri = f"{result.path}|layername={result.layer_name}"
    for layer in project.mapLayers().values():
        if layer.customProperty(RESULT_KEY) == uri:
            return layer
    return None


def add_detection_layer(result: Any, project: QgsProject | None = None) -> QgsVectorLayer:
    """Add the result's styled layer at the top of the layer tree (once: an added one is returned)."""
    project = project or QgsProject.instance()
    existing = find_detection_layer(result, project)
    if existing is not None:
        return existing
    layer = load_detection_layer(result)
    project.addMapLayer(layer, False)
    project.layerTreeRoot().insertLayer(0, layer)
    return layer
