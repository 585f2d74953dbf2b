"""The panel as a GIS analyst lives in it (issue #14): saving an unsaved project, closing a
project while training runs, training without labels, incompatible rasters, progress words.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from types import SimpleNamespace

import pytest
import synthdata
from qgis.core import QgsRasterLayer, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QMessageBox
from ui_helpers import DialogAnswer, click_ok, open_dock


@pytest.fixture
def dock(qgis_iface, qtbot, fresh_project):
    panel = open_dock(qgis_iface, qtbot)
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


def test_saving_an_unsaved_project_repoints_every_workspace_layer(
    qgis_iface, qtbot, tmp_path, dock, fresh_project
):
    from orca_huntr.adapters.detection_layer import RESULT_KEY, find_detection_layer
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
    moved = SimpleNamespace(
        path=new_root / Path(result.path).relative_to(temp_root), layer_name=result.layer_name
    )
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


# -- 2. closing the project while training runs ---------------------------------------------


def _button(box: QMessageBox, text: str):
    return next(b for b in box.buttons() if b.text() == text)


def _start_long_training(qtbot, dock):
    panel = dock.training_panel
    panel.steps_spin.setValue(100_000)
    panel.device_combo.setCurrentIndex(panel.device_combo.findData("cpu"))
    qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    assert panel.is_running()
    qtbot.waitUntil(lambda: "loss" in panel.loss_label.text(), timeout=120_000)
    return panel


@pytest.mark.parametrize("choice", ["Keep training", "Stop and snapshot now"])
def test_closing_the_project_while_training_asks_and_shows_whose_run_it_is(
    qgis_iface, qtbot, tmp_path, dock, fresh_project, choice
):
    from qgis.core import Qgis

    project = fresh_project
    assert project.write(str(tmp_path / "site.qgz"))
    model, _scene, _raster = _model_with_labels(dock, project, tmp_path)
    ws = dock.workspace
    panel = _start_long_training(qtbot, dock)
    owner = panel.run_label.text()
    assert panel.run_label.isVisible() and owner == "Training Trees (workspace site.huntr)", owner
    assert str(ws.root) in panel.run_label.toolTip()

    def answer(box):
        text = box.text()
        assert "site.qgz" in text and "Trees" in text and str(ws.root) in text, text
        _button(box, choice).click()

    question = DialogAnswer(QMessageBox, answer)
    with qtbot.waitSignal(panel.trainingFinished, timeout=240_000) as finished:
        project.clear()  # File > New while the run goes on
        qtbot.waitUntil(lambda: question.seen is not None, timeout=10_000)
        question.check()
        qtbot.waitUntil(lambda: dock.workspace is not None and dock.workspace.is_temporary, timeout=5000)
        assert dock.model_panel.model_combo.count() == 0  # the new, empty project
        if choice == "Keep training":
            assert panel.is_running() and not panel.task.isCanceled()
            text = panel.run_label.text()
            assert text.startswith(
                "Still training Trees of site.qgz in the background (workspace site.huntr)"
            )
            assert str(ws.root) in panel.run_label.toolTip()
            assert panel.stop_button.isEnabled()  # the run can still be stopped from here
            assert dock.model_panel.new_button.isEnabled()  # the new project is not locked by it
            qgis_iface.messageBar().clear_messages()
            qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
        assert panel.task.isCanceled()
        assert panel.loss_label.text() == "Stopping… (finishing the current step and writing the snapshot)"
        assert panel.progress_bar.format().startswith("Stopping…")
    model_id, result, error = finished.args
    assert error is None and model_id == model.id and result.stop_reason == "user"
    # the snapshot went to the run's own workspace, and the message says whose it is
    (snapshot,) = ws.list_snapshots(model.id)
    assert snapshot.kind == "current"
    successes = qgis_iface.messageBar().get_messages(Qgis.Success)
    assert any(f"Training of Trees (site.qgz) stopped: snapshot {snapshot.name}" in m for m in successes), (
        successes
    )
    assert not any("is the current state." in m and "Training of" not in m for m in successes), successes
    assert panel.progress_bar.format() == "Not running" and not panel.run_label.isVisible()
    assert panel.metrics_label.text() == "" and panel.loss_label.text() == ""  # nothing of the other model
    assert not panel.stop_button.isEnabled()
    assert dock.timeline.entries() == []


# -- 3. no labels: say what the model would learn, offer to cancel ---------------------------


def test_training_without_labels_warns_first_and_can_be_cancelled(
    qgis_iface, qtbot, tmp_path, dock, fresh_project
):
    from orca_huntr.ui.training_layers import reload_training_layers

    project = fresh_project
    assert project.write(str(tmp_path / "site.qgz"))
    model, scene, _raster = _model_with_labels(dock, project, tmp_path)
    ws = dock.workspace
    panel = dock.training_panel
    panel.steps_spin.setValue(2)
    panel.device_combo.setCurrentIndex(panel.device_combo.findData("cpu"))

    def start_and_answer(check, choice):
        seen = {}

        def answer(box):
            seen["text"] = box.text()
            check(box.text())
            _button(box, choice).click()

        question = DialogAnswer(QMessageBox, answer)
        qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
        question.check()
        return seen["text"]

    # only discs labelled: squares would be learnt as background
    path = ws.training_data_path(model.id)
    synthdata.clear_layer(path, "labels")
    discs = [(g, c) for g, c in scene.labels(scene.bounds) if c == 1]
    synthdata.write_training_gpkg(path, "EPSG:32612", [], discs)
    reload_training_layers(model.id, project)
    text = start_and_answer(lambda text: None, "Cancel")
    assert "No labels for square" in text and "would not detect them" in text, text
    assert not panel.is_running() and ws.list_snapshots(model.id) == []

    # no labels at all (one area): everything would be background
    synthdata.clear_layer(path, "labels")
    reload_training_layers(model.id, project)
    assert ws.training_counts(model.id)["training_areas"] == 1
    text = start_and_answer(lambda text: None, "Cancel")
    assert "has no labels" in text and "everything inside its training areas is background" in text, text
    assert "detect nothing" in text
    assert not panel.is_running() and ws.list_snapshots(model.id) == []

    # the analyst insists: it trains
    with qtbot.waitSignal(panel.trainingFinished, timeout=240_000) as finished:
        start_and_answer(lambda text: None, "Train anyway")
        assert panel.is_running()
    assert finished.args[2] is None
    assert len(ws.list_snapshots(model.id)) == 1


# -- 6. progress words: stopping, stopped, never started -------------------------------------


def test_stop_says_what_happens_and_the_bar_says_stopped_not_done(
    qgis_iface, qtbot, tmp_path, dock, fresh_project
):
    project = fresh_project
    assert project.write(str(tmp_path / "site.qgz"))
    _model_with_labels(dock, project, tmp_path)
    panel = _start_long_training(qtbot, dock)
    assert panel.run_is_here() and panel.run_label.text().startswith("Training Trees (workspace ")
    with qtbot.waitSignal(panel.trainingFinished, timeout=240_000):
        qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
        assert not panel.stop_button.isEnabled()
        assert panel.loss_label.text() == "Stopping… (finishing the current step and writing the snapshot)"
        assert panel.progress_bar.format() == "Stopping… %p%"
    assert panel.progress_bar.format() == "Stopped · %p% of the budget"
    assert panel.progress_bar.value() < 100
    assert panel.loss_label.text().startswith("Stopped by you · step ")


# -- 4. incompatible rasters are refused when chosen, with detection's reason ----------------


def test_a_raster_that_does_not_fit_cannot_be_added_or_detected_on(
    qgis_iface, qtbot, tmp_path, dock, fresh_project
):
    from qgis.core import Qgis

    from orca_huntr.ui.detect_dialog import DetectDialog

    project = fresh_project
    assert project.write(str(tmp_path / "site.qgz"))
    model, _scene, raster = _model_with_labels(dock, project, tmp_path)  # a 3-band model
    ws = dock.workspace
    gray = synthdata.write_scene(tmp_path / "gray.tif", 48, resolution=1.0, seed=5, bands=1)
    gray_layer = QgsRasterLayer(str(gray.path), "gray")
    colour = synthdata.write_scene(tmp_path / "colour.tif", 48, resolution=1.0, seed=6)
    colour_layer = QgsRasterLayer(str(colour.path), "colour")
    project.addMapLayers([gray_layer, colour_layer])

    # Add scene: the menu shows the 1-band raster disabled, with the gate's reason
    panel = dock.model_panel
    panel.add_scene_menu.aboutToShow.emit()
    actions = {a.text(): a for a in panel.add_scene_menu.actions()}
    assert set(actions) == {"gray — does not fit the model: Band count", "colour"}, list(actions)
    refused = actions["gray — does not fit the model: Band count"]
    assert not refused.isEnabled()
    assert "has 1 band(s) but the model reads bands 1, 2, 3" in refused.toolTip()
    assert actions["colour"].isEnabled()
    # and adding it anyway (a script, a stale menu) is refused in the message bar
    qgis_iface.messageBar().clear_messages()
    panel.add_scene(gray_layer)
    warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert len(warnings) == 1 and "gray cannot be a scene of this model: Band count" in warnings[0], warnings
    assert [s.name for s in ws.list_scenes(model.id)] == ["Trees scene"]
    actions["colour"].trigger()
    assert [s.name for s in ws.list_scenes(model.id)] == ["Trees scene", "colour"]
    assert panel.scene_list.count() == 2

    # the detect dialog: Run is disabled for the 1-band raster, with the same reason
    synthdata.train_quick(ws, model.id, steps=2)
    dock.refresh_timeline()
    seen = {}

    def choose(dialog):
        dialog.scene_combo.setCurrentIndex(dialog.scene_combo.findData(gray_layer.id()))
        seen["gray"] = (
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled(),
            dialog.problem_label.text(),
        )
        dialog.scene_combo.setCurrentIndex(dialog.scene_combo.findData(raster.id()))
        seen["scene"] = (
            dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled(),
            dialog.problem_label.text(),
        )
        dialog.reject()

    answer = DialogAnswer(DetectDialog, choose)
    qtbot.mouseClick(dock.detect_button, Qt.MouseButton.LeftButton)
    answer.check()
    enabled, reason = seen["gray"]
    assert not enabled and reason.startswith("Band count: the raster gray.tif has 1 band(s)"), reason
    assert seen["scene"] == (True, "")


# -- 7. no detections: say what to try -------------------------------------------------------


def test_zero_detections_say_what_to_try(qgis_iface, qtbot, tmp_path, dock, fresh_project):
    from qgis.core import Qgis

    from orca_huntr.ui.detect_dialog import DetectDialog

    project = fresh_project
    assert project.write(str(tmp_path / "site.qgz"))
    model, _scene, raster = _model_with_labels(dock, project, tmp_path)
    synthdata.train_quick(dock.workspace, model.id, steps=2)
    dock.refresh_timeline()
    qgis_iface.messageBar().clear_messages()

    def run(dialog):
        dialog.scene_combo.setCurrentIndex(dialog.scene_combo.findData(raster.id()))
        dialog.advanced.setCollapsed(False)
        dialog.threshold_spin.setValue(0.99)  # nothing an untrained model sees is that sure
        dialog.min_area_spin.setValue(4.0)
        click_ok(dialog)

    from qgis.core import QgsApplication

    logged = []  # the bar shows a long message shortened (Show more); the log has it whole

    def log(message, _tag, _level):
        logged.append(message)

    QgsApplication.messageLog().messageReceived.connect(log)
    try:
        with qtbot.waitSignal(dock.detectionFinished, timeout=240_000) as detected:
            answer = DialogAnswer(DetectDialog, run)
            qtbot.mouseClick(dock.detect_button, Qt.MouseButton.LeftButton)
            answer.check()
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(log)
    result, error = detected.args
    assert error is None and result.feature_count == 0
    warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert [m for m in warnings if "No objects found" in m]
    (text,) = [m for m in logged if "No objects found" in m]
    assert "score threshold (now 0.99" in text and "minimum area (now 4)" in text, text
    assert "train longer" in text
    assert not any("0 detections" in m for m in qgis_iface.messageBar().get_messages(Qgis.Success))


# -- 10. the budget and device belong to the project -----------------------------------------


def test_budget_and_device_are_remembered_per_project(qgis_iface, qtbot, tmp_path, dock, fresh_project):
    import json

    project = fresh_project
    panel = dock.training_panel
    assert (panel.steps_spin.value(), panel.minutes_spin.value(), panel.device_combo.currentData()) == (
        500,
        0,
        "auto",
    )
    assert project.write(str(tmp_path / "site.qgz"))
    qtbot.waitUntil(lambda: dock.workspace.root == tmp_path / "site.huntr", timeout=5000)
    panel.steps_spin.setValue(1234)
    panel.minutes_spin.setValue(7)
    panel.device_combo.setCurrentIndex(panel.device_combo.findData("cpu"))
    panel.checkpoint_spin.setValue(3)
    settings = json.loads((tmp_path / "site.huntr" / "workspace.json").read_text())["settings"]
    assert settings["training_panel"] == {
        "max_steps": 1234,
        "max_minutes": 7,
        "device": "cpu",
        "checkpoint_minutes": 3,
    }
    assert panel.config().checkpoint_minutes == 3.0

    project.clear()  # File > New: a new project starts from the defaults
    qtbot.waitUntil(lambda: dock.workspace is not None and dock.workspace.is_temporary, timeout=5000)
    assert (panel.steps_spin.value(), panel.minutes_spin.value(), panel.device_combo.currentData()) == (
        500,
        0,
        "auto",
    )
    assert project.read(str(tmp_path / "site.qgz"))  # File > Open: its own settings come back
    qtbot.waitUntil(lambda: dock.workspace.root == tmp_path / "site.huntr", timeout=5000)
    assert (panel.steps_spin.value(), panel.minutes_spin.value(), panel.device_combo.currentData()) == (
        1234,
        7,
        "cpu",
    )
    assert panel.config().max_steps == 1234 and panel.config().max_seconds == 420.0


# -- 9. empty temporary workspaces are not left behind -----------------------------------------


def test_empty_temporary_workspaces_are_removed_when_left(qgis_iface, qtbot, tmp_path, fresh_project):
    from orca_huntr.ui.dock import HuntrDock
    from orca_huntr.ui.new_model_dialog import NewModelRequest

    project = fresh_project
    panel = HuntrDock(qgis_iface, None)
    qtbot.addWidget(panel)
    try:
        first = Path(panel.workspace.root)
        assert panel.workspace.is_temporary and first.is_dir()
        project.clear()  # File > New without doing anything: the folder goes
        qtbot.waitUntil(
            lambda: panel.workspace is not None and Path(panel.workspace.root) != first, timeout=5000
        )
        assert not first.exists()
        second = Path(panel.workspace.root)
        # a temporary workspace with a model in it is kept
        scene = synthdata.write_scene(tmp_path / "s.tif", 32)
        layer = QgsRasterLayer(str(scene.path), "s")
        project.addMapLayer(layer)
        assert panel.model_panel.create_model(
            NewModelRequest("Kept", [("a", "#ff0000")], "count", [layer], 32, 8)
        )
        project.clear()
        qtbot.waitUntil(
            lambda: panel.workspace is not None and Path(panel.workspace.root) != second, timeout=5000
        )
        assert (second / "models").is_dir() and any((second / "models").iterdir())
        third = Path(panel.workspace.root)
        # a file the analyst put there keeps the folder too
        (third / "notes.txt").write_text("mine")
        project.clear()
        qtbot.waitUntil(
            lambda: panel.workspace is not None and Path(panel.workspace.root) != third, timeout=5000
        )
        assert (third / "notes.txt").exists()
        last = Path(panel.workspace.root)
    finally:
        panel.shutdown()  # the panel closes (plugin unloaded, QGIS quits)
    assert not last.exists()
    import shutil

    shutil.rmtree(second, ignore_errors=True)
    shutil.rmtree(third, ignore_errors=True)
