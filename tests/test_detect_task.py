"""The QGIS side of detection: ``DetectTask`` in the task manager and the styled result layer."""

from __future__ import annotations

import pytest
import synthdata
from qgis.core import QgsProject, QgsVectorLayer
from qgis.PyQt.QtCore import Qt
from qgis.PyQt.QtGui import QColor

from orca_huntr.adapters import detection_layer
from orca_huntr.errors import CancelledError
from orca_huntr.tasks import registry
from orca_huntr.tasks.detect_task import DetectTask

FIELDS = ["class_name", "class_id", "score", "area", "snapshot_id"]


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    import torch

    torch.set_num_threads(1)
    tmp = tmp_path_factory.mktemp("task")
    ws, info, scene = synthdata.make_scene_workspace(tmp, size=64, mode="count", touching=False)
    snap = synthdata.train_quick(ws, info.id, steps=80).snapshot
    big = synthdata.write_scene(tmp / "big.tif", 640, seed=9)  # long enough to cancel mid-run
    return ws, info, scene, snap, big


def _files(ws):
    return set(ws.detections_dir.iterdir()) if ws.detections_dir.exists() else set()


def test_task_adds_a_named_styled_layer(qgis_app, qgis_new_project, qtbot, trained):
    ws, info, scene, snap, _big = trained
    task = DetectTask(str(ws.root), info.id, snap.id, str(scene.path), options={"scene_name": "Scene 1"})
    progress = []
    task.progressed.connect(progress.append)
    with qtbot.waitSignal(task.done, timeout=120_000) as signal:
        registry.start(task)
    result, error = signal.args
    assert error is None, error
    assert result.feature_count > 0
    layers = QgsProject.instance().mapLayersByName(f"synthetic · {snap.name} · Scene 1")
    assert len(layers) == 1 and layers[0] is task.layer
    layer: QgsVectorLayer = layers[0]
    assert layer.isValid() and layer.featureCount() == result.feature_count
    assert [f.name() for f in layer.fields()][1:] == FIELDS  # after the GeoPackage's fid
    assert layer.crs().authid() == "EPSG:32612"
    renderer = layer.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "class_id"
    cats = {c.value(): c for c in renderer.categories()}
    assert set(cats) == {1, 2}
    for class_id in (1, 2):
        assert cats[class_id].label() == synthdata.CLASS_NAMES[class_id]
        # issue #14: an outline, dashed in the class colour over a white halo, never a fill (labels
        # are hatched fills in the same colours)
        halo, dashed = cats[class_id].symbol().symbolLayers()
        assert dashed.strokeColor() == QColor(synthdata.CLASS_HEX[class_id])
        assert dashed.strokeStyle() == Qt.PenStyle.DashLine and halo.strokeColor() == QColor("#ffffff")
        assert dashed.brushStyle() == halo.brushStyle() == Qt.BrushStyle.NoBrush
    snapshot_ids = {f["snapshot_id"] for f in layer.getFeatures()}
    assert snapshot_ids == {snap.id}
    assert progress and progress[-1].fraction == 1.0
    # the dock adds the same result again when it hears ``done``: still one layer
    assert detection_layer.add_detection_layer(result) is layer
    assert len(QgsProject.instance().mapLayersByName(layer.name())) == 1


def test_cancel_mid_run_adds_nothing(qgis_app, qgis_new_project, qtbot, trained):
    ws, info, _scene, snap, big = trained
    before_files, before_layers = _files(ws), set(QgsProject.instance().mapLayers())
    task = DetectTask(
        str(ws.root), info.id, snap.id, str(big.path), options={"batch_size": 1, "block_size": 64}
    )
    seen = []

    def first_progress(p):
        seen.append(p)
        if len(seen) == 1:
            task.cancel()

    task.progressed.connect(first_progress)
    with qtbot.waitSignal(task.done, timeout=120_000) as signal:
        registry.start(task)
    result, error = signal.args
    assert result is None and isinstance(error, CancelledError)
    assert seen and seen[-1].tiles_done < seen[-1].tiles_total  # it was stopped mid-run
    assert _files(ws) == before_files
    assert set(QgsProject.instance().mapLayers()) == before_layers
    assert task.layer is None


def test_cancel_right_after_start_adds_nothing(qgis_app, qgis_new_project, qtbot, trained):
    ws, info, scene, snap, _big = trained
    before_files = _files(ws)
    task = DetectTask(str(ws.root), info.id, snap.id, str(scene.path))
    with qtbot.waitSignal(task.done, timeout=60_000) as signal:
        registry.start(task)
        task.cancel()  # queued or just started: either way nothing may come of it
    result, error = signal.args
    assert result is None and isinstance(error, CancelledError)
    assert _files(ws) == before_files and not QgsProject.instance().mapLayers()


def test_gate_error_reaches_done(qgis_app, qgis_new_project, qtbot, trained, tmp_path):
    ws, info, _scene, snap, _big = trained
    one_band = synthdata.write_scene(tmp_path / "gray.tif", 64, bands=1)
    task = DetectTask(str(ws.root), info.id, snap.id, str(one_band.path))
    with qtbot.waitSignal(task.done, timeout=60_000) as signal:
        registry.start(task)
    result, error = signal.args
    assert result is None and "Band count" in str(error)
    assert not QgsProject.instance().mapLayers()


def test_apply_style_accepts_model_classes(qgis_app, trained, tmp_path):
    ws, info, scene, snap, _big = trained
    from orca_huntr.detection import detect

    result = detect(ws, info.id, snap.id, scene.path)
    layer = QgsVectorLayer(result.uri, "x", "ogr")
    detection_layer.apply_style(layer, info.classes)  # ClassSpec objects, as Processing passes them
    labels = [c.label() for c in layer.renderer().categories()]
    assert labels == ["disc", "square"]
