"""The panel's snapshot tools of issue #16: "Compare with…", "Export package…", importing a
package, the checkpoint setting and the offer to resume an interrupted run."""

from __future__ import annotations

import pytest
import synthdata
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QMessageBox
from ui_helpers import open_dock

from orca_huntr.snapshots import Workspace
from orca_huntr.snapshots import package as pkg

pytestmark = pytest.mark.usefixtures("one_torch_thread")


@pytest.fixture
def trained(tmp_path, qgis_new_project):
    """A saved project beside a workspace whose model has two trained snapshots."""
    ws, model, scene = synthdata.make_workspace(tmp_path, classes=1, size=64)
    first = synthdata.train_quick(ws, model.id, steps=1).snapshot
    second = synthdata.train_quick(ws, model.id, steps=1).snapshot
    layer = QgsRasterLayer(str(scene), "scene")
    project = QgsProject.instance()
    project.addMapLayer(layer)
    assert project.write(str(tmp_path / "site.qgz"))
    yield ws, model, first, second, layer
    project.clear()


@pytest.fixture
def dock(qgis_iface, qtbot, trained):
    panel = open_dock(qgis_iface, qtbot)
    ws, model, *_ = trained
    qtbot.waitUntil(lambda: panel.workspace is not None and panel.workspace.root == ws.root, timeout=5000)
    panel.model_panel.refresh(select=model.id)
    yield panel
    panel.shutdown()


def test_cards_offer_compare_and_export(dock, trained):
    *_, second, _layer = trained
    entry = dock.timeline.entry(second.id)
    assert entry.action("compare").isEnabled() and entry.action("export").isEnabled()
    assert entry.action("compare").text() == "Compare with…"


def test_export_then_import_in_another_project(dock, trained, tmp_path, qtbot):
    _ws, _model, first, _second, _layer = trained
    path = tmp_path / "out.huntrpkg"
    info = dock.export_snapshot(first.id, path=str(path), with_training=True)
    assert info is not None and path.is_file() and pkg.read_package(path).has_training_data
    # another project: a fresh workspace, then "Import snapshot package…" of the model panel
    other = tmp_path / "other"
    other.mkdir()
    assert QgsProject.instance().write(str(other / "b.qgz"))
    qtbot.waitUntil(lambda: dock.workspace.root == other / "b.huntr", timeout=5000)
    assert dock.model_panel.import_action.isEnabled()
    result = dock.model_panel.import_package(str(path))
    assert result is not None and result.new_model
    assert dock.current_model_id() == result.model.id
    assert [e.snapshot_id for e in dock.timeline.entries()] == [result.snapshot.id]
    # the same classes: asked whether to import into the shown model; "Into …" is chosen here
    again = dock.model_panel.import_package(str(path), into_current=True)
    assert again.model.id == result.model.id and not again.new_model
    assert len(Workspace.open(other / "b.huntr").list_snapshots(result.model.id)) == 2


def test_compare_adds_one_group_with_both_detections_and_the_changes(dock, trained, qtbot):
    _ws, _model, first, second, layer = trained
    comparison = dock.compare_with(second.id, other_id=first.id, raster=layer)
    assert comparison.a.id == first.id and comparison.b.id == second.id  # older first
    table = dock.metrics_dialog.table
    assert table.rowCount() == len(comparison.metrics) > 0
    assert table.horizontalHeaderItem(2).text() == first.name
    qtbot.waitUntil(lambda: not dock.compare_tasks, timeout=240_000)
    group = QgsProject.instance().layerTreeRoot().findGroup(f"Compare {first.name} ↔ {second.name}")
    layers = [node.layer() for node in group.findLayers()]
    providers = sorted(lyr.providerType() for lyr in layers)
    assert providers == ["memory", "ogr", "ogr"]
    outlines = [
        lyr.renderer().symbol().symbolLayer(0).strokeColor().name()
        for lyr in layers
        if lyr.providerType() == "ogr"
    ]
    assert sorted(outlines) == ["#1a5fb4", "#e66100"]  # told apart


def test_compare_from_the_card_asks_for_the_other_snapshot(dock, trained):
    """The card's *Compare with…* opens its dialog (it failed on QGIS 3.22: no
    ``QgsMapLayerComboBox.setProject`` there); without a raster only metrics and changes come."""
    from ui_helpers import DialogAnswer, click_ok

    from orca_huntr.ui.compare_dialog import CompareDialog

    _ws, _model, first, second, layer = trained

    def choose(dialog):
        assert dialog.other_id() == first.id  # the only other snapshot
        dialog.raster_combo.setLayer(layer)  # the project's rasters are offered
        assert dialog.raster() is layer
        dialog.raster_combo.setLayer(None)
        click_ok(dialog)

    answer = DialogAnswer(CompareDialog, choose)
    dock.timeline.entry(second.id).action("compare").trigger()
    answer.check()
    assert dock.metrics_dialog is not None and dock.metrics_dialog.isVisible()
    assert dock.metrics_dialog.table.horizontalHeaderItem(2).text() == first.name
    assert not dock.compare_tasks  # no raster: no detection runs


def test_checkpoint_setting_and_resume_offer(dock, trained, qtbot, monkeypatch):
    ws, model, _first, second, _layer = trained
    panel = dock.training_panel
    assert panel.checkpoint_spin.value() == 10 and panel.config().checkpoint_minutes == 10.0
    # the current state is a checkpoint: the last run did not end
    loaded = ws.load_snapshot(model.id, second.id)
    ws.create_snapshot(
        model.id, loaded.weights, loaded.optimizer, loaded.optimizer_meta, {},
        {**second.progress, "steps": 7}, {**loaded.config, "checkpoint": {"step": 7}},
    )  # fmt: skip
    dock.refresh_timeline()
    assert dock.timeline.entries()[0].badge.text().startswith("Checkpoint")
    asked = []

    def answer(button):
        def click():
            box = panel.resume_question
            asked.append(box.text())
            if button == "cancel":
                box.button(QMessageBox.StandardButton.Cancel).click()
            else:
                next(b for b in box.buttons() if b.text() == "Resume from the checkpoint").click()

        QTimer.singleShot(200, click)

    answer("cancel")
    panel.start()
    assert asked and "step 7" in asked[0] and second.name in asked[0]
    assert not panel.is_running()
    monkeypatch.setattr(panel, "config", lambda: synthdata_config())
    answer("resume")
    panel.start()
    assert len(asked) == 2 and panel.is_running()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=240_000)
    assert ws.current_snapshot(model.id).progress["steps"] == 8


def synthdata_config():
    from orca_huntr.training import TrainConfig

    return TrainConfig(
        max_steps=1, batch_size=2, device="cpu", threads=1, num_workers=0, checkpoint_minutes=0
    )
