"""The panel's parts one by one: timeline cards, dialogs, messages, the workspace binding."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import numpy as np
import pytest
import synthdata
from qgis.core import Qgis, QgsApplication, QgsRasterLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtWidgets import QInputDialog
from ui_helpers import DialogAnswer, click_ok

NOW = datetime(2026, 1, 10, 12, 0, tzinfo=UTC)


def _snapshot(kind, name, *, expires=None, counts=None, metrics=None, sid=None):
    from orca_huntr.snapshots import SnapshotInfo

    return SnapshotInfo(
        id=sid or f"s-{name.lower().replace(' ', '-')}",
        model_id="m-1",
        kind=kind,
        name=name,
        created_at=NOW - timedelta(hours=1),
        expires_at=expires,
        counts=counts or {"training_areas": 2, "labels_per_class": {1: 5, 2: 1}, "scenes": 1},
        metrics=metrics or {},
        progress={},
        parent_id=None,
        config={"mode": "count"},
    )


def test_timeline_cards_show_kind_name_counts_and_metric(qtbot):
    from orca_huntr.ui.timeline import TimelineWidget, badge_text

    now = datetime.now(UTC)
    snaps = [
        _snapshot("current", "Run 3", metrics={"f1": 0.8123, "mean_iou": 0.7, "loss": 0.2}),
        _snapshot("temporary", "Run 2", expires=now + timedelta(days=3) - timedelta(minutes=5)),
        _snapshot("temporary", "Run 1b", expires=now + timedelta(hours=20)),
        _snapshot("saved", "Baseline", metrics={"loss": 0.51234}),
    ]
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.set_snapshots(snaps)
    entries = timeline.entries()
    assert [e.name_label.text() for e in entries] == ["Run 3", "Run 2", "Run 1b", "Baseline"]
    assert [e.badge.text() for e in entries] == [
        "Current state",
        "Temporary · expires in 3 days",
        "Temporary · expires in 1 day",
        "Saved",
    ]
    assert entries[0].metric_label.text() == "F1 0.81 · IoU 0.70"
    assert "Object F1: 0.812" in entries[0].metric_label.toolTip()
    assert entries[3].metric_label.text() == "loss 0.512"
    assert entries[0].counts_label.text() == "2 training areas · 6 labels · 1 scene"
    assert entries[0].time_label.text()  # local time shown
    assert (
        badge_text(_snapshot("temporary", "x", expires=NOW - timedelta(days=1)))
        == "Temporary · expires today"
    )

    # what the action menu allows for each kind
    current, temporary, saved = entries[0], entries[1], entries[3]
    assert not current.action("save").isEnabled() and temporary.action("save").isEnabled()
    assert not saved.action("save").isEnabled()
    assert not current.action("delete").isEnabled() and saved.action("delete").isEnabled()
    assert not current.action("revert").isEnabled() and temporary.action("revert").isEnabled()
    assert all(e.action("detect").isEnabled() and e.action("new_model").isEnabled() for e in entries)
    assert [a.text() for a in temporary.menu.actions() if not a.isSeparator()] == [
        "Save",
        "Rename…",
        "Run detection…",
        "Compare with…",
        "AI Model from Snapshot…",
        "Export package…",
        "Revert to…",
        "Delete",
    ]

    # picking an action tells which snapshot
    with qtbot.waitSignal(timeline.actionRequested) as picked:
        temporary.action("revert").trigger()
    assert picked.args == ["revert", "s-run-2"]

    # while training runs nothing can be reverted or deleted
    timeline.set_busy(True)
    assert not temporary.action("revert").isEnabled() and not saved.action("delete").isEnabled()
    assert not saved.action("new_model").isEnabled()
    assert saved.action("detect").isEnabled() and temporary.action("save").isEnabled()
    timeline.set_snapshots([])
    assert timeline.entries() == []


def test_revert_dialog_states_exactly_what_is_lost(qtbot):
    from orca_huntr.snapshots import RevertImpact
    from orca_huntr.ui.revert_dialog import RevertDialog

    target = _snapshot("temporary", "Good one")
    later = [_snapshot("current", "Newest"), _snapshot("saved", "Kept", sid="s-kept")]
    impact = RevertImpact(
        target=target,
        discarded_snapshots=later,
        saved_discarded=[later[1]],
        live_counts={"training_areas": 3, "labels_per_class": {1: 9, 2: 4}, "scenes": 1},
        target_counts={"training_areas": 1, "labels_per_class": {1: 5, 2: 1}, "scenes": 1},
        training_data_changed=True,
        undo_until=None,  # it takes back a saved snapshot: kept until undone
    )
    dialog = RevertDialog(target, impact)
    qtbot.addWidget(dialog)
    assert dialog.text().splitlines() == [
        "2 later snapshots will leave the timeline.",
        "Among them 1 saved snapshot.",
        "2 training areas added since will be taken back.",
        "7 labels added since will be taken back.",
        "What the revert takes back can be restored with Undo at any time (it holds a saved snapshot).",
    ]
    assert dialog.confirm_check.text() == "I understand what the revert takes back"
    assert not dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.confirm_check, Qt.MouseButton.LeftButton)
    assert dialog.ok_button.isEnabled()

    unchanged = RevertImpact(target, [], [], target.counts, target.counts, False)
    text = RevertDialog(target, unchanged).text()
    assert "No later snapshot will leave the timeline." in text
    assert "The training data have not changed since then." in text
    assert "Undo" not in text  # nothing is taken back, nothing to undo

    from datetime import UTC, datetime

    until = datetime(2026, 1, 8, 12, 0, tzinfo=UTC)
    one = RevertImpact(target, later[:1], [], impact.live_counts, impact.target_counts, True, until)
    lines = RevertDialog(target, one).text().splitlines()
    assert lines[0] == "1 later snapshot will leave the timeline."
    assert lines[-1].startswith("What the revert takes back can be restored with Undo until 2026-01-0")


def test_timeline_folds_reverted_sets_under_the_current_state(qtbot):
    from datetime import UTC, datetime

    from orca_huntr.snapshots.model import RevertedSet
    from orca_huntr.ui.timeline import TimelineWidget

    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.set_snapshots([_snapshot("current", "Now"), _snapshot("temporary", "Before", sid="s-before")])
    when = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)
    sets = [
        RevertedSet(
            "j-two",
            "m1",
            when,
            datetime(2026, 1, 8, 12, 0, tzinfo=UTC),
            "s1",
            [_snapshot("reverted", "A", sid="s-a"), _snapshot("reverted", "B", sid="s-b")],
        ),
        RevertedSet("j-kept", "m1", when, None, "s1", [_snapshot("reverted", "C", sid="s-c")]),
        RevertedSet("j-data", "m1", when, datetime(2026, 1, 8, 12, 0, tzinfo=UTC), "s1", []),
    ]
    timeline.set_reverted(sets)
    rows = timeline.reverted_rows()
    assert [text.split(" · ")[0] for text, _ in rows] == [
        "2 reverted snapshots",
        "1 reverted snapshot",
        "Reverted training data",
    ]
    assert rows[0][0].split(" · ")[1].startswith("undo until 2026-01-0") and rows[1][0].endswith(
        "undo at any time"
    )
    column = timeline.widget().layout()
    assert (
        column.indexOf(timeline.reverted_box) == column.indexOf(timeline.entries()[0]) + 1
    )  # folded under it
    with qtbot.waitSignal(timeline.undoRequested) as signal:
        qtbot.mouseClick(rows[1][1], Qt.MouseButton.LeftButton)
    assert signal.args == ["j-kept"]
    timeline.set_busy(True)
    assert not any(button.isEnabled() for _, button in timeline.reverted_rows())
    timeline.set_reverted([])
    assert timeline.reverted_rows() == [] and timeline.reverted_box.isHidden()


def test_new_model_dialog_needs_name_classes_and_scene(qtbot, tmp_path, fresh_project):
    from orca_huntr.ui.new_model_dialog import NewModelDialog

    dialog = NewModelDialog(None, fresh_project, taken_names=["Trees"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    qtbot.keyClicks(dialog.name_edit, "Roofs")
    assert not ok.isEnabled() and "raster layer" in dialog.problem()

    scene = synthdata.write_scene(tmp_path / "a.tif", 32)
    layer = QgsRasterLayer(str(scene.path), "a")
    fresh_project.addMapLayer(layer)
    dialog = NewModelDialog(None, fresh_project, taken_names=["Trees"])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(dialog.buttons.StandardButton.Ok)
    assert dialog.selected_layers() == [layer]  # the only scene comes ticked
    qtbot.keyClicks(dialog.name_edit, "trees")
    assert not ok.isEnabled() and dialog.problem() == "A model with this name already exists."
    dialog.name_edit.setText("Roofs")
    assert ok.isEnabled()
    qtbot.mouseClick(dialog.classes.add_button, Qt.MouseButton.LeftButton)
    dialog.classes.set_name(1, "object")
    assert dialog.problem() == "Two classes have the same name."
    dialog.classes.set_name(1, "shadow")
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("segmentation"))
    request = dialog.request()
    assert request.name == "Roofs" and request.mode == "segmentation"
    assert [name for name, _ in request.classes] == ["Object", "shadow"]
    assert request.scale == 0  # the working scale comes from the labels unless chosen
    dialog.scale_combo.setCurrentIndex(dialog.scale_combo.findData(2))
    assert dialog.request().scale == 2
    assert all(colour.startswith("#") and len(colour) == 7 for _, colour in request.classes)
    # count mode's settings apply to count mode only; the box head to the object-centre target
    assert not dialog.target_combo.isEnabled() and not dialog.boxes_check.isEnabled()
    dialog.mode_combo.setCurrentIndex(dialog.mode_combo.findData("count"))
    assert dialog.target_combo.isEnabled() and dialog.boxes_check.isEnabled()
    assert dialog.request().boxes is True  # on by default
    dialog.boxes_check.setChecked(False)
    assert dialog.request().boxes is False
    dialog.target_combo.setCurrentIndex(dialog.target_combo.findData("distance"))
    assert not dialog.boxes_check.isEnabled()


def test_messages_plain_words_for_huntr_errors_and_traceback_for_bugs(qgis_iface):
    from orca_huntr.errors import InputDataError
    from orca_huntr.ui import messages

    bar = qgis_iface.messageBar()
    bar.clear_messages()
    logged = []

    def keep(message, tag, level):
        logged.append((message, tag))

    QgsApplication.messageLog().messageReceived.connect(keep)
    try:
        messages.show_error(
            qgis_iface, InputDataError("The raster has 4 bands; the model needs 3."), "Detection"
        )
        try:
            raise ZeroDivisionError("boom")
        except ZeroDivisionError as exc:
            messages.show_error(qgis_iface, exc, "Training")
    finally:
        QgsApplication.messageLog().messageReceived.disconnect(keep)
    assert bar.get_messages(Qgis.Warning) == [
        "ORCA HUNTR:Detection: The raster has 4 bands; the model needs 3."
    ]
    critical = bar.get_messages(Qgis.Critical)
    assert len(critical) == 1 and "ZeroDivisionError" in critical[0] and "log panel" in critical[0]
    tracebacks = [m for m, tag in logged if tag == "ORCA HUNTR" and "Traceback" in m]
    assert tracebacks and "boom" in tracebacks[0]


def test_binding_purges_expired_snapshots_when_it_opens_a_workspace(qgis_iface, tmp_path, fresh_project):
    from orca_huntr.snapshots import ClassSpec, InputSpec, Workspace
    from orca_huntr.ui.workspace_binding import WorkspaceBinding

    project_file = tmp_path / "old.qgz"
    past = datetime.now(UTC) - timedelta(days=30)
    ws = Workspace.open(tmp_path / "old.huntr", clock=lambda: past)
    model = ws.create_model(
        "m", [ClassSpec("a", "#ff0000")], "segmentation", InputSpec(crs="EPSG:32612"), {}, 32
    )
    for _ in range(3):  # two superseded temporary snapshots, both long expired
        ws.create_snapshot(model.id, {"w": np.zeros(1, np.float32)}, None, None, {}, {}, {}, None)
    assert fresh_project.write(str(project_file))
    qgis_iface.messageBar().clear_messages()
    binding = WorkspaceBinding(qgis_iface, fresh_project)
    try:
        opened = binding.workspace
        assert opened.root == ws.root
        assert [s.kind for s in opened.list_snapshots(model.id)] == ["current"]
        assert len(binding.last_purged) == 2
        assert (
            "ORCA HUNTR:2 expired temporary snapshots were removed."
            in qgis_iface.messageBar().get_messages(Qgis.Info)
        )
    finally:
        binding.disconnect_project()


def test_unsaved_project_workspace_moves_beside_project_on_save(qgis_iface, qtbot, tmp_path, fresh_project):
    from orca_huntr.ui.dock import HuntrDock
    from orca_huntr.ui.training_layers import LABELS, find_training_layers

    scene = synthdata.write_scene(tmp_path / "s.tif", 32)
    fresh_project.addMapLayer(QgsRasterLayer(str(scene.path), "s"))
    dock = HuntrDock(qgis_iface, None)
    qtbot.addWidget(dock)
    try:
        assert dock.workspace.is_temporary
        assert "Unsaved project" in dock.workspace_label.text()
        request_dialog = DialogAnswer(
            __import__("orca_huntr.ui.new_model_dialog", fromlist=["NewModelDialog"]).NewModelDialog,
            lambda d: (d.name_edit.setText("Early"), click_ok(d)),
        )
        qtbot.mouseClick(dock.model_panel.new_button, Qt.MouseButton.LeftButton)
        request_dialog.check()
        model_id = dock.current_model_id()
        temp_root = dock.workspace.root
        assert fresh_project.write(str(tmp_path / "later.qgz"))
        assert dock.workspace.root == tmp_path / "later.huntr"
        assert not temp_root.exists()
        assert dock.model_panel.model_combo.currentText() == "Early"
        labels = find_training_layers(model_id)[LABELS]
        assert str(tmp_path / "later.huntr") in labels.source() and labels.isValid()
        assert "Workspace:" in dock.workspace_label.text()

        def saved_sources() -> str:
            import zipfile

            with zipfile.ZipFile(tmp_path / "later.qgz") as zf:
                return zf.read(next(n for n in zf.namelist() if n.endswith(".qgs"))).decode()

        # the project is written again so that it names the new folder
        qtbot.waitUntil(lambda: "orca_huntr-unsaved" not in saved_sources(), timeout=5000)
        assert "later.huntr/models" in saved_sources()
    finally:
        dock.shutdown()


def test_rename_model_error_goes_to_message_bar(qgis_iface, qtbot, tmp_path, fresh_project, monkeypatch):
    from orca_huntr.ui.model_panel import ModelPanel
    from orca_huntr.ui.workspace_binding import WorkspaceBinding

    assert fresh_project.write(str(tmp_path / "p.qgz"))
    scene = synthdata.write_scene(tmp_path / "s.tif", 32)
    layer = QgsRasterLayer(str(scene.path), "s")
    fresh_project.addMapLayer(layer)
    binding = WorkspaceBinding(qgis_iface, fresh_project)
    panel = ModelPanel(qgis_iface, binding, None, fresh_project)
    qtbot.addWidget(panel)
    try:
        from orca_huntr.ui.new_model_dialog import NewModelRequest

        model = panel.create_model(NewModelRequest("Cars", [("car", "#ff0000")], "count", [layer], 32, 8))
        assert panel.model_combo.currentText() == "Cars"
        assert model.input_spec.crs == "EPSG:32612" and model.input_spec.bands == [1, 2, 3]
        qgis_iface.messageBar().clear_messages()
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("../evil", True))
        panel.rename_action.trigger()
        warnings = qgis_iface.messageBar().get_messages(Qgis.Warning)
        assert len(warnings) == 1 and "path separator" in warnings[0]
        monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("Vehicles", True))
        panel.rename_action.trigger()
        assert panel.model_combo.currentText() == "Vehicles"
        assert fresh_project.layerTreeRoot().findGroup("Vehicles") is not None
    finally:
        binding.disconnect_project()


def test_scenes_add_remove_and_model_delete(qgis_iface, qtbot, tmp_path, fresh_project, monkeypatch):
    from qgis.PyQt.QtWidgets import QMessageBox

    from orca_huntr.ui.model_panel import ModelPanel
    from orca_huntr.ui.new_model_dialog import NewModelRequest
    from orca_huntr.ui.training_layers import find_training_layers
    from orca_huntr.ui.workspace_binding import WorkspaceBinding

    assert fresh_project.write(str(tmp_path / "p.qgz"))
    first = QgsRasterLayer(str(synthdata.write_scene(tmp_path / "a.tif", 32).path), "north")
    second = QgsRasterLayer(str(synthdata.write_scene(tmp_path / "b.tif", 32, seed=1).path), "south")
    fresh_project.addMapLayers([first, second])
    binding = WorkspaceBinding(qgis_iface, fresh_project)
    panel = ModelPanel(qgis_iface, binding, None, fresh_project)
    qtbot.addWidget(panel)
    try:
        model = panel.create_model(NewModelRequest("Cars", [("car", "#ff0000")], "count", [first], 32, 8))
        assert [panel.scene_list.item(i).text() for i in range(panel.scene_list.count())] == ["north"]
        assert not panel.remove_scene_button.isEnabled()  # nothing selected
        # the Add scene menu offers the project's rasters not in use yet
        panel.add_scene_menu.aboutToShow.emit()
        offered = [a for a in panel.add_scene_menu.actions() if a.isEnabled()]
        assert [a.text() for a in offered] == ["south"]
        offered[0].trigger()
        assert [s.name for s in binding.workspace.list_scenes(model.id)] == ["north", "south"]
        panel.scene_list.item(0).setSelected(True)
        assert panel.remove_scene_button.isEnabled()
        qtbot.mouseClick(panel.remove_scene_button, Qt.MouseButton.LeftButton)
        assert [s.name for s in binding.workspace.list_scenes(model.id)] == ["south"]

        # delete: No keeps it, Yes removes it with its layers and group
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
        panel.delete_action.trigger()
        assert panel.model_combo.count() == 1
        monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
        panel.delete_action.trigger()
        assert panel.model_combo.count() == 0 and panel.current_model_id() is None
        assert find_training_layers(model.id) == {}
        assert fresh_project.layerTreeRoot().findGroup("Cars") is None
        assert binding.workspace.list_models() == []
        assert not panel.layers_button.isEnabled() and not panel.add_scene_button.isEnabled()
    finally:
        binding.disconnect_project()


def test_detection_area_from_canvas_extent_and_selected_polygons(qtbot, tmp_path, fresh_project):
    from qgis.core import QgsCoordinateReferenceSystem, QgsFeature, QgsGeometry, QgsRectangle, QgsVectorLayer
    from qgis.gui import QgsMapCanvas

    from orca_huntr.errors import InputDataError
    from orca_huntr.ui.detect_dialog import CANVAS_EXTENT, SELECTED_FEATURES, DetectDialog, DetectRequest
    from orca_huntr.ui.detection_run import area_of_interest

    scene = synthdata.write_scene(tmp_path / "a.tif", 64)
    raster = QgsRasterLayer(str(scene.path), "a")
    fresh_project.addMapLayer(raster)
    # polygons drawn in WGS 84: the AOI comes back in the raster's CRS (UTM 12N)
    polygons = QgsVectorLayer("Polygon?crs=EPSG:4326", "zones", "memory")
    box = scene.box(0.25, 0.25, 0.5, 0.5)
    wgs84 = synthdata.reproject_geometry(box, scene.crs, "EPSG:4326")
    feature = QgsFeature()
    feature.setGeometry(QgsGeometry.fromWkt(wgs84.wkt))
    polygons.dataProvider().addFeatures([feature, QgsFeature(feature)])
    fresh_project.addMapLayer(polygons)

    from orca_huntr.snapshots import InputSpec

    # the dialog runs detection's compatibility gate on the chosen scene: a model the scenes fit
    model = type(
        "M",
        (),
        {
            "id": "m-1",
            "name": "Cars",
            "mode": "count",
            "classes": [],
            "tile_size": 32,
            "network": {},
            "input_spec": InputSpec(
                bands=[1, 2, 3], dtype="uint8", crs=scene.crs, resolution=scene.resolution
            ),
        },
    )()
    snap = _snapshot("current", "Now")
    other = QgsRasterLayer(str(synthdata.write_scene(tmp_path / "b.tif", 32, seed=2).path), "b")
    fresh_project.addMapLayer(other)
    # the scene the model was trained on comes preselected
    dialog = DetectDialog(
        model, [snap], snap.id, None, fresh_project, None, scene_sources=[str(other.source())]
    )
    qtbot.addWidget(dialog)
    assert dialog.raster() is other
    dialog = DetectDialog(
        model, [snap], snap.id, None, fresh_project, canvas=None, scene_sources=[str(scene.path)]
    )
    qtbot.addWidget(dialog)
    dialog.set_area(SELECTED_FEATURES)
    dialog.polygon_combo.setLayer(polygons)
    assert "none selected" in dialog.problem()
    polygons.selectByIds([next(polygons.getFeatures()).id()])
    dialog._validate()
    assert dialog.problem() is None
    request = dialog.request()
    assert request.area == SELECTED_FEATURES and request.raster is raster
    aoi = area_of_interest(request, None, fresh_project)
    assert abs(aoi.area - box.area) / box.area < 0.01
    assert aoi.centroid.distance(box.centroid) < 0.5
    # selected features without a polygon are refused, as Processing and the console refuse them,
    # instead of detecting on the whole raster
    empty = QgsVectorLayer("Polygon?crs=EPSG:32612", "empty", "memory")
    empty.dataProvider().addFeatures([QgsFeature(empty.fields())])
    empty.selectAll()
    with pytest.raises(InputDataError, match="has no polygon"):
        area_of_interest(DetectRequest(snap.id, raster, SELECTED_FEATURES, empty), None, fresh_project)

    canvas = QgsMapCanvas()
    canvas.setDestinationCrs(QgsCoordinateReferenceSystem("EPSG:32612"))
    extent = scene.box(0, 0, 0.5, 0.5).bounds
    canvas.setExtent(QgsRectangle(*extent))
    aoi = area_of_interest(DetectRequest(snap.id, raster, CANVAS_EXTENT), canvas, fresh_project)
    assert aoi.contains(scene.box(0.1, 0.1, 0.4, 0.4))
    assert area_of_interest(DetectRequest(snap.id, raster), canvas, fresh_project) is None


def test_save_as_follows_the_project_and_says_so(qgis_iface, tmp_path, fresh_project):
    from orca_huntr.ui.workspace_binding import WorkspaceBinding

    assert fresh_project.write(str(tmp_path / "first.qgz"))
    binding = WorkspaceBinding(qgis_iface, fresh_project)
    seen = []
    binding.workspaceChanged.connect(seen.append)
    try:
        assert binding.workspace.root == tmp_path / "first.huntr"
        qgis_iface.messageBar().clear_messages()
        assert fresh_project.write(str(tmp_path / "second.qgz"))
        assert binding.workspace.root == tmp_path / "second.huntr"
        assert seen[-1] is binding.workspace
        assert (tmp_path / "first.huntr").is_dir()  # left where it was
        infos = qgis_iface.messageBar().get_messages(Qgis.Info)
        assert any("saved under a new name" in m and "second.huntr" in m for m in infos), infos
    finally:
        binding.disconnect_project()


def test_panel_follows_project_clear_and_read(qgis_iface, qtbot, tmp_path, fresh_project):
    from orca_huntr.ui.dock import HuntrDock
    from orca_huntr.ui.new_model_dialog import NewModelRequest

    scene = synthdata.write_scene(tmp_path / "s.tif", 32)
    layer = QgsRasterLayer(str(scene.path), "s")
    fresh_project.addMapLayer(layer)
    assert fresh_project.write(str(tmp_path / "site.qgz"))
    dock = HuntrDock(qgis_iface, None)
    qtbot.addWidget(dock)
    try:
        dock.model_panel.create_model(
            NewModelRequest("Boats", [("boat", "#0000ff")], "count", [layer], 32, 8)
        )
        assert fresh_project.write()
        fresh_project.clear()  # File > New
        qtbot.waitUntil(lambda: dock.workspace is not None and dock.workspace.is_temporary, timeout=5000)
        assert dock.model_panel.model_combo.count() == 0
        assert "Unsaved project" in dock.workspace_label.text()
        assert fresh_project.read(str(tmp_path / "site.qgz"))  # File > Open
        qtbot.waitUntil(lambda: dock.model_panel.model_combo.currentText() == "Boats", timeout=5000)
        assert dock.workspace.root == tmp_path / "site.huntr"
    finally:
        dock.shutdown()


def test_timeline_says_unknown_states_and_damaged_snapshots(qtbot):
    """Issue #13: an unreadable states.json or manifest is shown, not hidden."""
    from dataclasses import replace

    from orca_huntr.snapshots import DamagedSnapshot
    from orca_huntr.ui.timeline import TimelineWidget, badge_text

    unknown = replace(_snapshot("temporary", "Run 1"), state_known=False)
    assert badge_text(unknown) == "Saved? · state unknown, never purged"
    timeline = TimelineWidget()
    qtbot.addWidget(timeline)
    timeline.set_snapshots([_snapshot("current", "Run 2"), unknown])
    assert not timeline.damaged_label.isVisibleTo(timeline)
    damaged = DamagedSnapshot("s20260101t120000-abcd", "m-1", "its manifest is unreadable (x)", "/p")
    timeline.set_damaged([damaged])
    assert timeline.damaged_label.isVisibleTo(timeline)
    assert "s20260101t120000-abcd cannot be read" in timeline.damaged_label.text()
    assert "Training this model is blocked" in timeline.damaged_label.text()
    with qtbot.waitSignal(timeline.quarantineRequested) as blocker:
        timeline.damaged_button.click()
    assert blocker.args == ["s20260101t120000-abcd"]
    assert [e.name_label.text() for e in timeline.entries()] == ["Run 2", "Run 1"]
    timeline.set_damaged([])
    assert not timeline.damaged_label.isVisibleTo(timeline)


def test_card_tooltip_says_when_detection_writes_boxes():
    from orca_huntr.ui.timeline import metrics_tooltip

    calibrated = {"score_threshold": 0.6, "boundary_threshold": 0.7, "min_pixels": 23}
    boxed = metrics_tooltip({"f1": 0.6}, {"detection": {**calibrated, "geometry": "box"}})
    outlined = metrics_tooltip({"f1": 0.6}, {"detection": {**calibrated, "geometry": "outline"}})
    assert "as a box" in boxed and "as a box" not in outlined
    assert "score ≥ 0.6" in boxed and "score ≥ 0.6" in outlined
    limited = {**calibrated, "geometry": "box", "max_box_overlap": 0.4}
    suppressing = metrics_tooltip({"f1": 0.6}, {"detection": limited})
    assert "IoU 0.40" in suppressing and "IoU" not in boxed  # older snapshots suppress none: not said
