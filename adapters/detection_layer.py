"""Detection results as styled layers of the project.

A :class:`~orca_huntr.detection.DetectResult` (or anything with its ``path``,
``layer_name``, ``display_name`` and ``classes``) becomes a ``QgsVectorLayer`` named
"<model> · <snapshot> · <scene>", with a categorised renderer on ``class_id`` in the
model's class colours. Used by the ``DetectTask``, the dock and Processing.
"""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsFillSymbol,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor

RESULT_KEY = "orca_huntr/detection"  # custom property: the layer's source, marks our layers
SNAPSHOT_KEY = "orca_huntr/snapshot_id"
MODEL_KEY = "orca_huntr/model_id"
FILL_ALPHA = 90


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


def category_symbol(colour: str) -> QgsFillSymbol:
    """A translucent fill with a solid outline of ``colour``."""
    fill = QColor(colour)
    fill.setAlpha(FILL_ALPHA)
    symbol = QgsFillSymbol.createSimple(
        {
            "color": fill.name(QColor.NameFormat.HexArgb),
            "outline_color": QColor(colour).name(),
            "outline_width": "0.5",
        }
    )
    layer = symbol.symbolLayer(0)
    layer.setFillColor(fill)
    layer.setStrokeColor(QColor(colour))
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
    layer.setCustomProperty(RESULT_KEY, uri)
    layer.setCustomProperty(SNAPSHOT_KEY, getattr(result, "snapshot_id", ""))
    layer.setCustomProperty(MODEL_KEY, getattr(result, "model_id", ""))
    apply_style(layer, getattr(result, "classes", None))
    return layer


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
