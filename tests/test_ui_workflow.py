"""The panel driven as an analyst would: create a model, draw, train, stop, save, rename,
detect, branch a new model, revert. Real store, real training and detection tasks.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import synthdata
from qgis.core import Qgis, QgsFeature, QgsGeometry, QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QInputDialog, QMessageBox
from ui_helpers import DialogAnswer, click_ok, open_dock

SCENE_SIZE = 64


@pytest.fixture
def project_with_scene(tmp_path, qgis_new_project):
    """A saved project (so its workspace lives beside it) with one synthetic scene layer."""
    scene = synthdata.write_scene(tmp_path / "scene.tif", SCENE_SIZE, resolution=1.0, seed=3)
    layer = QgsRasterLayer(str(scene.path), "Orthophoto 2023")  # not the file's name (scene.tif)
    assert layer.isValid()
    project = QgsProject.instance()
    project.addMapLayer(layer)
    assert project.write(str(tmp_path / "site.qgz"))
    yield project, scene, layer
    project.clear()


@pytest.fixture
def dock(qgis_iface, qtbot, project_with_scene):
    panel = open_dock(qgis_iface, qtbot)
    yield panel
    panel.shutdown()


def _add_features(layer, geometries, values=None) -> None:
    """Draw features into ``layer`` as the digitising tools do (edit buffer, not committed)."""
    if not layer.isEditable():
        assert layer.startEditing()
    for geom in geometries:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromWkt(geom.wkt))
        for name, value in (values or {}).items():
            feature.setAttribute(name, value)
        assert layer.addFeature(feature)


def _create_model(qtbot, dock, name="Trees", classes=("disc", "square")):
    from orca_huntr.ui.new_model_dialog import NewModelDialog

    def fill(dialog):
        ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
        assert not ok.isEnabled()  # no name yet
        qtbot.keyClicks(dialog.name_edit, name)
        dialog.classes.set_name(0, classes[0])
        for extra in classes[1:]:
            qtbot.mouseClick(dialog.classes.add_button, Qt.MouseButton.LeftButton)
            dialog.classes.set_name(dialog.classes.table.rowCount() - 1, extra)
        dialog.advanced.setCollapsed(False)
        dialog.tile_spin.setValue(32)
        dialog.width_spin.setValue(8)
        click_ok(dialog)

    answer = DialogAnswer(NewModelDialog, fill)
    qtbot.mouseClick(dock.model_panel.new_button, Qt.MouseButton.LeftButton)
    answer.check()
    return dock.model_panel.current_model()


def _train(qtbot, dock, steps: int, stop_early: bool = False):
    from orca_huntr.tasks import registry
    from orca_huntr.tasks.train_task import TrainTask

    panel = dock.training_panel
    panel.steps_spin.setValue(steps)
    panel.device_combo.setCurrentIndex(panel.device_combo.findData("cpu"))
    assert panel.start_button.isEnabled()
    with qtbot.waitSignal(panel.trainingFinished, timeout=240_000) as finished:
        qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
        # a run is going on: no second one, no switching models, Stop available
        assert panel.is_running()
        assert not panel.start_button.isEnabled()
        assert panel.stop_button.isEnabled()
        assert not dock.model_panel.model_combo.isEnabled()
        assert not dock.model_panel.new_button.isEnabled()
        panel.start()  # even a programmatic second start does nothing
        assert [t for t in registry.running() if isinstance(t, TrainTask)] == [panel.task]
        if stop_early:
            # the live loss shows up, then the user stops the run
            qtbot.waitUntil(lambda: "loss" in panel.loss_label.text(), timeout=120_000)
            assert panel.loss_label.text().startswith("step ")
            qtbot.mouseClick(panel.stop_button, Qt.MouseButton.LeftButton)
    _model_id, result, error = finished.args
    assert error is None, error
    return result


def _labels_count(dock, model_id) -> int:
    from orca_huntr.ui.training_layers import LABELS, find_training_layers

    return find_training_layers(model_id)[LABELS].featureCount()


def test_full_panel_workflow(qgis_iface, qtbot, dock, project_with_scene, monkeypatch):
    from orca_huntr.ui.detect_dialog import DetectDialog
    from orca_huntr.ui.revert_dialog import RevertDialog
    from orca_huntr.ui.snapshot_model_dialog import SnapshotModelDialog
    from orca_huntr.ui.training_layers import AREAS, LABELS, find_training_layers

    project, scene, raster = project_with_scene
    ws = dock.workspace
    assert Path(str(ws.root)) == Path(project.fileName()).with_suffix(".huntr")

    # -- create a model: it is selected, its layers are in a group named after it
    model = _create_model(qtbot, dock)
    assert model is not None and model.name == "Trees"
    assert [c.name for c in model.classes] == ["disc", "square"]
    assert dock.model_panel.scene_list.count() == 1
    layers = find_training_layers(model.id)
    assert set(layers) == {AREAS, LABELS}
    group = project.layerTreeRoot().findGroup("Trees")
    assert group is not None and {n.layer() for n in group.findLayers()} == set(layers.values())
    assert layers[LABELS].renderer().type() == "categorizedSymbol"
    assert layers[LABELS].editorWidgetSetup(layers[LABELS].fields().indexOf("class_id")).type() == "ValueMap"
    assert dock.timeline.entries() == []
    assert not dock.detect_button.isEnabled()  # nothing to detect with yet

    # -- draw a training area and labels with the edit buffer (as the digitising tools do)
    _add_features(layers[AREAS], [scene.bounds], {"purpose": "train"})
    for class_id in (1, 2):
        _add_features(layers[LABELS], scene.polygons(class_id), {"class_id": class_id})
    n_labels = len(scene.objects)

    # -- a long run, stopped by the user: the snapshot appears as the current state
    result = _train(qtbot, dock, steps=100_000, stop_early=True)
    assert result.stop_reason == "user"
    assert not layers[LABELS].isModified()  # edits were saved before training read them
    entries = dock.timeline.entries()
    assert len(entries) == 1
    first = entries[0]
    assert first.badge.text() == "Current state"
    assert "1 training area" in first.counts_label.text()
    assert f"{n_labels} labels" in first.counts_label.text()
    assert "1 scene" in first.counts_label.text()
    assert dock.detect_button.isEnabled()
    assert dock.training_panel.start_button.text() == "Resume training"
    assert dock.training_panel.loss_label.text().startswith("Stopped by you · step ")
    assert dock.model_panel.model_combo.isEnabled()
    first_id = first.snapshot_id

    # -- resume for a few steps: the first snapshot becomes temporary
    _train(qtbot, dock, steps=2)
    entries = dock.timeline.entries()
    assert [e.badge.text().split(" ·")[0] for e in entries] == ["Current state", "Temporary"]
    assert "expires in" in entries[1].badge.text()
    assert entries[1].snapshot_id == first_id
    # the training curve: both runs' losses, a mark per snapshot at its step (issue #14)
    curve = dock.training_panel.curve
    steps = [e.snapshot.progress["steps"] for e in reversed(entries)]
    assert [m.step for m in curve.data.markers] == steps and steps[1] == steps[0] + 2
    loss_steps = [s for s, _ in curve.data.loss]
    assert loss_steps == sorted(set(loss_steps)) and steps[0] in loss_steps and loss_steps[-1] == steps[1]
    assert entries[0].progress_label.text().startswith(f"{steps[1]} steps · ")
    assert not entries[0].action("delete").isEnabled()  # never the current state

    # -- save and rename it
    entries[1].action("save").trigger()
    saved = dock.timeline.entry(first_id)
    assert saved.badge.text() == "Saved"
    assert not saved.action("save").isEnabled()
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Best so far", True))
    saved.action("rename").trigger()
    assert dock.timeline.entry(first_id).name_label.text() == "Best so far"
    assert ws.get_snapshot(model.id, first_id).name == "Best so far"

    # -- run detection from it: the layer appears in the project
    def detect(dialog):
        assert dialog.snapshot_combo.currentData() == first_id  # preselected
        assert dialog.advanced.isCollapsed()
        assert dialog.raster() is raster
        dialog.set_area("raster")
        click_ok(dialog)

    with qtbot.waitSignal(dock.detectionFinished, timeout=240_000) as detected:
        answer = DialogAnswer(DetectDialog, detect)
        dock.timeline.entry(first_id).action("detect").trigger()
        answer.check()
        assert dock.detect_progress.isVisible()  # it runs in the background
    det_result, det_error = detected.args
    assert not dock.detect_progress.isVisible()
    assert det_error is None, det_error
    names = [layer.name() for layer in project.mapLayers().values()]
    assert any("Best so far" in name for name in names), names
    det_layer = next(layer for layer in project.mapLayers().values() if "Best so far" in layer.name())
    assert det_layer.name() == "Trees · Best so far · Orthophoto 2023"  # issue #14: the layer's name
    assert det_layer.featureCount() == det_result.feature_count
    assert {f.name() for f in det_layer.fields()} >= {
        "class_name",
        "class_id",
        "score",
        "area",
        "snapshot_id",
    }

    # -- a new model from the snapshot, without its training data
    def branch(name, reuse):
        def fill(dialog):
            assert dialog.classes.table.rowCount() == 2  # fixed to the snapshot's
            assert not dialog.classes.add_button.isVisible()
            dialog.name_edit.setText(name)
            dialog.classes.set_name(1, "box")
            dialog.reuse_check.setChecked(reuse)
            click_ok(dialog)

        answer = DialogAnswer(SnapshotModelDialog, fill)
        dock.timeline.entry(first_id).action("new_model").trigger()
        answer.check()
        return dock.model_panel.current_model()

    empty = branch("Trees fresh", reuse=False)
    assert empty.name == "Trees fresh" and empty.id != model.id
    assert [c.name for c in empty.classes] == ["disc", "box"]
    assert dock.model_panel.model_combo.currentText() == "Trees fresh"
    assert _labels_count(dock, empty.id) == 0
    # scenes are training data: copied only with it, as Processing and the console do (issue #15)
    assert dock.model_panel.scene_list.count() == 0
    (start,) = dock.timeline.entries()  # its starting point: the snapshot's weights
    assert start.badge.text() == "Current state"
    assert start.counts_label.text().startswith("0 training areas · 0 labels")
    assert dock.training_panel.start_button.text() == "Resume training"

    # -- and with it: the labels come along
    dock.model_panel.select_model(model.id)
    reused = branch("Trees reused", reuse=True)
    assert reused.name == "Trees reused"
    assert _labels_count(dock, reused.id) == n_labels
    assert dock.model_panel.scene_list.count() == 1
    assert dock.timeline.entries()[0].counts_label.text().startswith(f"1 training area · {n_labels} labels")

    # -- revert the original model: later snapshots and later labels go away
    dock.model_panel.select_model(model.id)
    assert len(dock.timeline.entries()) == 2
    labels = find_training_layers(model.id)[LABELS]
    _add_features(labels, [scene.box(0.45, 0.45, 0.55, 0.55)], {"class_id": 1})
    assert labels.commitChanges()
    assert labels.featureCount() == n_labels + 1

    def cancel(dialog):
        dialog.reject()

    answer = DialogAnswer(RevertDialog, cancel)
    dock.timeline.entry(first_id).action("revert").trigger()
    answer.check()
    assert len(dock.timeline.entries()) == 2  # nothing happened

    def confirm(dialog):
        text = dialog.text()
        assert "1 later snapshot will leave the timeline." in text
        assert "1 label added since will be taken back." in text
        assert "can be restored with Undo until" in text
        assert not dialog.ok_button.isEnabled()  # needs the explicit confirmation
        dialog.confirm_check.setChecked(True)
        click_ok(dialog)

    answer = DialogAnswer(RevertDialog, confirm)
    dock.timeline.entry(first_id).action("revert").trigger()
    answer.check()
    entries = dock.timeline.entries()
    assert [e.snapshot_id for e in entries] == [first_id]
    assert entries[0].badge.text() == "Current state"
    assert find_training_layers(model.id)[LABELS].featureCount() == n_labels
    assert [s.id for s in ws.list_snapshots(model.id)] == [first_id]

    # -- undo it from the folded row under the current state: the snapshot and the label come back
    [(text, undo)] = dock.timeline.reverted_rows()
    assert text.startswith("1 reverted snapshot · undo until")
    undo.click()
    assert len(dock.timeline.entries()) == 2 and dock.timeline.reverted_rows() == []
    assert find_training_layers(model.id)[LABELS].featureCount() == n_labels + 1


def test_delete_snapshot_asks_first(qgis_iface, qtbot, dock, project_with_scene, monkeypatch):
    """Delete is refused on No and done on Yes; the current state cannot be deleted."""
    import numpy as np

    _project, _scene, _raster = project_with_scene
    model = _create_model(qtbot, dock, name="Quick", classes=("disc",))
    ws = dock.workspace
    for _ in range(2):
        ws.create_snapshot(
            model.id, {"w": np.zeros(2, dtype=np.float32)}, None, None, {"loss": 0.5}, {"steps": 1}, {}, None
        )
    dock.refresh_timeline()
    older = dock.timeline.entries()[1]
    assert not dock.timeline.entries()[0].action("delete").isEnabled()
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    older.action("delete").trigger()
    assert len(dock.timeline.entries()) == 2
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    dock.timeline.entries()[1].action("delete").trigger()
    assert len(dock.timeline.entries()) == 1
    assert len(ws.list_snapshots(model.id)) == 1


def test_shutdown_stops_a_running_training_which_still_snapshots(
    qgis_iface, qtbot, tmp_path, qgis_new_project
):
    """Closing the panel (plugin unload) mid-run: the run stops and its snapshot is kept."""
    from orca_huntr.tasks import registry
    from orca_huntr.ui.dock import HuntrDock

    ws, model, _scene = synthdata.make_workspace(tmp_path, classes=1, size=48, tile_size=32)
    project = QgsProject.instance()
    assert project.write(str(tmp_path / "site.qgz"))
    panel = HuntrDock(qgis_iface, None)
    qtbot.addWidget(panel)
    try:
        assert panel.current_model_id() == model.id
        training = panel.training_panel
        training.steps_spin.setValue(100_000)
        training.device_combo.setCurrentIndex(training.device_combo.findData("cpu"))
        qtbot.mouseClick(training.start_button, Qt.MouseButton.LeftButton)
        task = training.task
        qtbot.waitUntil(lambda: "loss" in training.loss_label.text(), timeout=120_000)
    finally:
        panel.shutdown()
    assert training.task is None
    assert task.waitForFinished(60_000)
    qtbot.waitUntil(lambda: task not in registry.running(), timeout=10_000)
    (snapshot,) = ws.list_snapshots(model.id)
    assert snapshot.kind == "current"
    project.clear()


def test_training_without_areas_says_why_in_the_message_bar(qgis_iface, qtbot, dock):
    """An engine error (no training areas) reaches the message bar in plain words; nothing is made."""
    model = _create_model(qtbot, dock, name="Empty", classes=("disc",))
    panel = dock.training_panel
    panel.steps_spin.setValue(5)
    qgis_iface.messageBar().clear_messages()
    with qtbot.waitSignal(panel.trainingFinished, timeout=120_000) as finished:
        qtbot.mouseClick(panel.start_button, Qt.MouseButton.LeftButton)
    _model_id, result, error = finished.args
    assert result is None and error is not None
    warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
    assert len(warnings) == 1 and "training area" in warnings[0].lower(), warnings
    assert "Training could not start: " in warnings[0], warnings  # not "stopped with an error"
    assert "Traceback" not in warnings[0]
    assert panel.start_button.isEnabled() and not panel.stop_button.isEnabled()
    assert panel.progress_bar.format() == "Not started"
    assert dock.timeline.entries() == [] and dock.workspace.list_snapshots(model.id) == []
    # the panel keeps the error, short, with the whole text behind its Details… link (issue #14)
    from qgis.PyQt.QtWidgets import QMessageBox

    assert panel.error_label.isVisibleTo(panel) and "Details…" in panel.error_label.text()
    seen = {}

    def read(box):
        seen["text"] = box.text()
        box.accept()

    answer = DialogAnswer(QMessageBox, read)
    panel.error_label.linkActivated.emit("details")
    answer.check()
    assert seen["text"] == f"Training could not start: {error}"


def test_revert_then_undo_from_the_timeline(qgis_iface, qtbot, dock, project_with_scene):
    """Revert from a card, then Undo from the row folded under the current state: the later
    snapshot and the labels drawn since come back (no training: snapshots written directly)."""
    import numpy as np

    from orca_huntr.ui.revert_dialog import RevertDialog
    from orca_huntr.ui.training_layers import LABELS, find_training_layers

    _project, scene, _raster = project_with_scene
    model = _create_model(qtbot, dock, name="Quick", classes=("disc",))
    ws = dock.workspace
    labels = find_training_layers(model.id)[LABELS]
    ids = []
    for k in range(2):
        _add_features(labels, [scene.box(0.1 * k, 0.1, 0.1 * k + 0.05, 0.15)], {"class_id": 1})
        assert labels.commitChanges()
        weights = {"w": np.full(2, k, dtype=np.float32)}
        ids.append(
            ws.create_snapshot(model.id, weights, None, None, {"loss": 0.5}, {"steps": k}, {}, None).id
        )
    dock.refresh_timeline()
    assert dock.timeline.reverted_rows() == [] and labels.featureCount() == 2

    def confirm(dialog):
        assert "1 later snapshot will leave the timeline." in dialog.text()
        assert "can be restored with Undo until" in dialog.text()
        dialog.confirm_check.setChecked(True)
        click_ok(dialog)

    answer = DialogAnswer(RevertDialog, confirm)
    dock.timeline.entry(ids[0]).action("revert").trigger()
    answer.check()
    assert [e.snapshot_id for e in dock.timeline.entries()] == [ids[0]]
    assert find_training_layers(model.id)[LABELS].featureCount() == 1
    [(text, undo)] = dock.timeline.reverted_rows()
    assert text.startswith("1 reverted snapshot · undo until")

    undo.click()
    assert [e.snapshot_id for e in dock.timeline.entries()] == [ids[1], ids[0]]
    assert dock.timeline.reverted_rows() == []
    assert find_training_layers(model.id)[LABELS].featureCount() == 2
