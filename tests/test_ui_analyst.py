"""The panel as a GIS analyst lives in it (issue #14): saving an unsaved project, closing a
project while training runs, training without labels, incompatible rasters, progress words.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
import synthdata
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QMessageBox
from ui_helpers import DialogAnswer, click_ok


@pytest.fixture
def fresh_project(qgis_new_project):
    yield QgsProject.instance()
    QgsProject.instance().clear()


@pytest.fixture
def dock(qgis_iface, qtbot, fresh_project):
    from orca_huntr.ui.dock import HuntrDock

    qgis_iface.messageBar().clear_messages()
    panel = HuntrDock(qgis_iface, None)
    qtbot.addWidget(panel)
    panel.show()
    yield panel
    panel.shutdown()


def _model_with_labels(dock, project, tmp_path, name="Trees", size=48, bands=3):
    """A scene layer and a model of it whose live training data hold one area and its labels."""
    from orca_huntr.ui.new_model_dialog import NewModelRequest

    scene = synthdata.write_scene(tmp_path / f"{name}.tif", size, resolution=1.0, seed=3, bands=bands)
    layer = QgsRasterLayer(str(scene.path), f"{name} scene")
    assert layer.isValid()
    project.addMapLayer(layer)
    model = dock.model_panel.create_model(
        NewModelRequest(name, [("disc", "#ff0000"), ("square", "#0000ff")], "count", [layer], 32, 8)
    )
    assert model is not None
    labels = [(g, c) for g, c in scene.labels(scene.bounds)]
    synthdata.write_training_gpkg(
        dock.workspace.training_data_path(model.id), "EPSG:32612", [scene.bounds], labels
    )
    from orca_huntr.ui.training_layers import reload_training_layers

    reload_training_layers(model.id, project)
    return model, scene, layer


def _detect(qtbot, dock, raster):
    from orca_huntr.ui.detect_dialog import DetectDialog

    def run(dialog):
        index = dialog.scene_combo.findData(raster.id())
        dialog.scene_combo.setCurrentIndex(index)
        click_ok(dialog)

    with qtbot.waitSignal(dock.detectionFinished, timeout=240_000) as detected:
        answer = DialogAnswer(DetectDialog, run)
        qtbot.mouseClick(dock.detect_button, Qt.MouseButton.LeftButton)
        answer.check()
    result, error = detected.args
    assert error is None, error
    return result


# -- 1. saving an unsaved project: every layer in the workspace follows the move ---------------


def test_saving_an_unsaved_project_repoints_every_workspace_layer(qgis_iface, qtbot, tmp_path, dock, fresh_project):
    from orca_huntr.ui.detection_layer import RESULT_KEY, find_detection_layer
    from orca_huntr.ui.training_layers import AREAS, LABELS, find_training_layers
    from orca_huntr.ui.workspace_layers import layer_path

    project = fresh_project
    assert dock.workspace.is_temporary
    model, _scene, raster = _model_with_labels(dock, project, tmp_path)
    synthdata.train_quick(dock.workspace, model.id, steps=2)
    dock.refresh_timeline()
    result = _detect(qtbot, dock, raster)
    detection = find_detection_layer(result, project)
    assert detection is not None
    # something else the analyst keeps in the workspace folder: a copy of the detections
    temp_root = Path(dock.workspace.root)
    extra_path = temp_root / "my_selection.gpkg"
    extra_path.write_bytes(Path(result.path).read_bytes())
    extra = QgsVectorLayer(f"{extra_path}|layername={result.layer_name}", "my selection", "ogr")
    assert extra.isValid()
    project.addMapLayer(extra)
    training = find_training_layers(model.id, project)
    before = {
        layer.id(): (layer.name(), layer.featureCount(), layer.renderer().type())
        for layer in [detection, extra, *training.values()]
    }

    assert project.write(str(tmp_path / "site.qgz"))  # the first save of the project
    new_root = tmp_path / "site.huntr"
    assert Path(dock.workspace.root) == new_root and not temp_root.exists()
    for layer_id, (name, count, renderer) in before.items():
        layer = project.mapLayer(layer_id)
        path = Path(layer_path(layer))
        assert path.exists() and new_root in path.parents, (name, layer.source())
        layer.dataProvider().reloadData()  # what "reload" does: the file is opened again
        layer.reload()
        assert layer.isValid(), name
        assert (layer.name(), layer.featureCount(), layer.renderer().type()) == (name, count, renderer)
    assert detection.customProperty(RESULT_KEY).startswith(str(new_root))
    moved = SimpleNamespace(path=new_root / Path(result.path).relative_to(temp_root), layer_name=result.layer_name)
    assert find_detection_layer(moved, project) is detection  # "add it again" finds it at its new place
    labels = training[LABELS]
    assert labels.editorWidgetSetup(labels.fields().indexOf("class_id")).type() == "ValueMap"
    assert training[AREAS].isValid()

    def saved_project() -> str:
        with zipfile.ZipFile(tmp_path / "site.qgz") as zf:
            return zf.read(next(n for n in zf.namelist() if n.endswith(".qgs"))).decode()

    qtbot.waitUntil(lambda: "orca_huntr-unsaved" not in saved_project(), timeout=5000)

    # reopen the project: no layer is unavailable
    project.clear()
    assert project.read(str(tmp_path / "site.qgz"))
    for layer_id, (name, count, _renderer) in before.items():
        layer = project.mapLayer(layer_id)
        assert layer is not None and layer.isValid(), name
        assert layer.featureCount() == count
