"""The model's training areas and labels as styled, editable layers of the project.

Both layers come from the model's live GeoPackage and go into a layer group named
after the model, ready for QGIS's own digitising tools: training areas are outlined
(validation areas dashed), labels are hatched in their class colour, and the
``class_id`` field edits through a list of class names.
"""

from __future__ import annotations

from qgis.core import (
    QgsCategorizedSymbolRenderer,
    QgsDefaultValue,
    QgsEditorWidgetSetup,
    QgsFillSymbol,
    QgsLayerTreeGroup,
    QgsProject,
    QgsRendererCategory,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QColor

from ..snapshots.gpkg import AREAS, LABELS

ROLE_KEY, MODEL_KEY = "orca_huntr/role", "orca_huntr/model_id"
AREA_COLOUR = "#ffd400"
PURPOSE_EXPRESSION = "CASE WHEN \"purpose\" = 'validation' THEN 'validation' ELSE 'train' END"


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrTrainingLayers", text)


def layer_title(role: str) -> str:
    """The name a training layer gets in the layer tree."""
    return tr("Training areas") if role == AREAS else tr("Labels")


def find_training_layers(model_id: str, project: QgsProject | None = None) -> dict[str, QgsVectorLayer]:
    """The model's training layers already in the project, by role."""
    project = project or QgsProject.instance()
    found: dict[str, QgsVectorLayer] = {}
    for layer in project.mapLayers().values():
        if layer.customProperty(MODEL_KEY) == model_id and layer.customProperty(ROLE_KEY) in (AREAS, LABELS):
            found[layer.customProperty(ROLE_KEY)] = layer
    return found


def _group(project: QgsProject, model) -> QgsLayerTreeGroup:
    root = project.layerTreeRoot()
    for group in root.findGroups():
        if group.customProperty(MODEL_KEY) == model.id:
            if group.name() != model.name:
                group.setName(model.name)
            return group
    group = root.insertGroup(0, model.name)
    group.setCustomProperty(MODEL_KEY, model.id)
    return group


def add_training_layers(workspace, model, project: QgsProject | None = None) -> dict[str, QgsVectorLayer]:
    """Add (or find) the model's ``training_areas`` and ``labels`` layers; returns them by role."""
    project = project or QgsProject.instance()
    layers = find_training_layers(model.id, project)
    gpkg = str(workspace.training_data_path(model.id))
    group = None
    for role in (LABELS, AREAS):
        if role in layers:
            continue
        layer = QgsVectorLayer(f"{gpkg}|layername={role}", layer_title(role), "ogr")
        if not layer.isValid():
            raise RuntimeError(f"cannot open layer {role} of {gpkg}")
        layer.setCustomProperty(MODEL_KEY, model.id)
        layer.setCustomProperty(ROLE_KEY, role)
        style_layer(layer, role, model)
        if group is None:
            group = _group(project, model)
        project.addMapLayer(layer, False)
        group.addLayer(layer)
        layers[role] = layer
    return layers


def style_layer(layer: QgsVectorLayer, role: str, model) -> None:
    """Apply the training style of ``role`` (areas outlined, labels by class colour)."""
    if role == AREAS:
        _style_areas(layer)
    else:
        _style_labels(layer, model)


def _style_areas(layer: QgsVectorLayer) -> None:
    train = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": AREA_COLOUR, "outline_width": "0.8", "outline_style": "solid"}
    )
    validation = QgsFillSymbol.createSimple(
        {"style": "no", "outline_color": "#ff6f00", "outline_width": "0.8", "outline_style": "dash"}
    )
    # training reads every purpose but 'validation' (an empty one too) as 'train': one
    # category each, so that the legend names each kind once
    renderer = QgsCategorizedSymbolRenderer(
        PURPOSE_EXPRESSION,
        [
            QgsRendererCategory("train", train, tr("Training"), True),
            QgsRendererCategory("validation", validation, tr("Validation (accuracy)"), True),
        ],
    )
    layer.setRenderer(renderer)
    index = layer.fields().indexOf("purpose")
    if index >= 0:
        layer.setFieldAlias(index, tr("Purpose"))
        layer.setDefaultValueDefinition(index, QgsDefaultValue("'train'"))
        layer.setEditorWidgetSetup(
            index,
            QgsEditorWidgetSetup(
                "ValueMap", {"map": [{tr("Training"): "train"}, {tr("Validation (accuracy)"): "validation"}]}
            ),
        )


def _style_labels(layer: QgsVectorLayer, model) -> None:
    categories = []
    for class_id, spec in enumerate(model.classes, start=1):
        # hatched in the class colour: drawn labels stay distinct from (solid) detections
        colour = QColor(spec.color)
        symbol = QgsFillSymbol.createSimple(
            {
                "color": colour.name(),
                "style": "f_diagonal",
                "outline_color": colour.name(),
                "outline_width": "0.6",
            }
        )
        categories.append(QgsRendererCategory(class_id, symbol, spec.name, True))
    layer.setRenderer(QgsCategorizedSymbolRenderer("class_id", categories))
    index = layer.fields().indexOf("class_id")
    if index >= 0:
        # the alias first: in QGIS 3.22 setting it drops an editor widget set before
        layer.setFieldAlias(index, tr("Class"))
        layer.setDefaultValueDefinition(index, QgsDefaultValue("1"))
        value_map = [{spec.name: class_id} for class_id, spec in enumerate(model.classes, start=1)]
        layer.setEditorWidgetSetup(index, QgsEditorWidgetSetup("ValueMap", {"map": value_map}))


def commit_training_edits(model_id: str, project: QgsProject | None = None) -> None:
    """Save pending edits of the model's training layers (before training reads the GeoPackage)."""
    for layer in find_training_layers(model_id, project).values():
        if layer.isEditable() and layer.isModified() and not layer.commitChanges(False):
            errors = "; ".join(layer.commitErrors())
            raise RuntimeError(f"cannot save the edits of layer {layer.name()}: {errors}")


def reload_training_layers(model_id: str, project: QgsProject | None = None) -> None:
    """Re-read the model's training layers from disk (after a revert replaced the GeoPackage)."""
    for layer in find_training_layers(model_id, project).values():
        if layer.isEditable():
            layer.rollBack()
        renderer = layer.renderer().clone() if layer.renderer() else None
        layer.setDataSource(layer.source(), layer.name(), "ogr")
        if renderer is not None:
            layer.setRenderer(renderer)
        layer.reload()
        layer.triggerRepaint()


def rename_training_group(model, project: QgsProject | None = None) -> None:
    """Follow a model's new name in the layer tree."""
    project = project or QgsProject.instance()
    for group in project.layerTreeRoot().findGroups():
        if group.customProperty(MODEL_KEY) == model.id:
            group.setName(model.name)


def remove_training_layers(model_id: str, project: QgsProject | None = None) -> None:
    """Remove the model's training layers and their group (before the model is deleted)."""
    project = project or QgsProject.instance()
    layers = find_training_layers(model_id, project)
    for layer in layers.values():
        if layer.isEditable():
            layer.rollBack()
    if layers:
        project.removeMapLayers([layer.id() for layer in layers.values()])
    root = project.layerTreeRoot()
    for group in root.findGroups():
        if group.customProperty(MODEL_KEY) == model_id and not group.children():
            root.removeChildNode(group)
