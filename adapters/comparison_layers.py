"""Two snapshots compared on the map: both detection layers and the training-data changes in one group.

Shared by the panel's "Compare with…", Processing ``comparesnapshots`` and ``api.compare``.
The two detection layers are outlines without fill, one solid orange, the other dashed
blue, so that both can be seen over the raster and told apart; the changes layer is a
temporary (memory) layer with a ``change`` field, green for added and red for removed.
"""

from __future__ import annotations

from typing import Any

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayerTreeGroup,
    QgsProject,
    QgsRendererCategory,
    QgsSingleSymbolRenderer,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QVariant

SNAPSHOT_COLOURS = ("#e66100", "#1a5fb4")  # first, second snapshot
CHANGE_COLOURS = {"added": "#26a269", "removed": "#c01c28"}


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrComparison", text)


def group_title(a_name: str, b_name: str) -> str:
    return tr("Compare {a} ↔ {b}").format(a=a_name, b=b_name)


def style_detections(layer: QgsVectorLayer, index: int) -> QgsVectorLayer:
    """Outline-only style of the ``index``-th (0 or 1) snapshot of a comparison."""
    symbol = QgsFillSymbol.createSimple(
        {
            "style": "no",
            "outline_color": SNAPSHOT_COLOURS[index % 2],
            "outline_width": "0.7",
            "outline_style": "solid" if index % 2 == 0 else "dash",
        }
    )
    layer.setRenderer(QgsSingleSymbolRenderer(symbol))
    layer.triggerRepaint()
    return layer


def change_fields() -> QgsFields:
    fields = QgsFields()
    fields.append(QgsField("change", QVariant.String))
    fields.append(QgsField("layer", QVariant.String))
    fields.append(QgsField("class_id", QVariant.Int))
    fields.append(QgsField("class_name", QVariant.String))
    fields.append(QgsField("purpose", QVariant.String))
    return fields


def change_features(
    comparison: Any, class_names: list[str], fields: QgsFields | None = None
) -> list[QgsFeature]:
    """The comparison's training-data changes as features of :func:`change_fields`."""
    fields = fields or change_fields()
    out = []
    for change in comparison.changes:
        feature = QgsFeature(fields)
        geometry = QgsGeometry()
        geometry.fromWkb(change.wkb)
        feature.setGeometry(geometry)
        cid = change.class_id
        name = class_names[cid - 1] if cid is not None and 0 < cid <= len(class_names) else None
        feature.setAttributes([change.change, change.layer, cid, name, change.purpose])
        out.append(feature)
    return out


def style_changes(layer: QgsVectorLayer) -> QgsVectorLayer:
    categories = []
    for value, label in (("added", tr("added")), ("removed", tr("removed"))):
        symbol = QgsFillSymbol.createSimple(
            {
                "color": CHANGE_COLOURS[value] + "55",
                "outline_color": CHANGE_COLOURS[value],
                "outline_width": "0.6",
            }
        )
        categories.append(QgsRendererCategory(value, symbol, label))
    layer.setRenderer(QgsCategorizedSymbolRenderer("change", categories))
    return layer


def changes_layer(comparison: Any, class_names: list[str], name: str | None = None) -> QgsVectorLayer:
    """A temporary (memory) layer of the training-data changes, styled by ``change``."""
    crs = QgsCoordinateReferenceSystem(comparison.crs or "")
    uri = "MultiPolygon?crs=" + (crs.authid() or crs.toWkt()) if crs.isValid() else "MultiPolygon"
    layer = QgsVectorLayer(uri, name or tr("Training data changes"), "memory")
    provider = layer.dataProvider()
    provider.addAttributes(list(change_fields()))
    layer.updateFields()
    provider.addFeatures(change_features(comparison, class_names, layer.fields()))
    layer.updateExtents()
    return style_changes(layer)


def move_into_group(layer: Any, group: QgsLayerTreeGroup, project: QgsProject) -> None:
    """Put ``layer`` (already in ``project``) into ``group``, wherever it was."""
    root = project.layerTreeRoot()
    node = root.findLayer(layer.id())
    if node is not None and node.parent() is group:
        return
    if node is not None:
        clone = node.clone()
        group.addChildNode(clone)
        node.parent().removeChildNode(node)
    else:
        group.addLayer(layer)


def comparison_group(project: QgsProject, title: str) -> QgsLayerTreeGroup:
    """The group ``title`` at the top of the layer tree (made when missing)."""
    root = project.layerTreeRoot()
    group = root.findGroup(title)
    return group if group is not None else root.insertGroup(0, title)


def add_comparison(
    project: QgsProject,
    title: str,
    detections: list[Any],
    changes: QgsVectorLayer | None = None,
) -> QgsLayerTreeGroup:
    """Add both snapshots' detection layers (``DetectResult``\\ s, first then second) and the
    changes layer to one group; returns the group."""
    from .detection_layer import load_detection_layer

    group = comparison_group(project, title)
    for index, result in enumerate(detections):
        layer = load_detection_layer(result)  # a layer of its own: the user's styled one stays as it is
        style_detections(layer, index)
        project.addMapLayer(layer, False)
        group.addLayer(layer)
    if changes is not None:
        project.addMapLayer(changes, False)
        group.insertLayer(0, changes)
    return group
