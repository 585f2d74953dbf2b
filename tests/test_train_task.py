"""The QgsTask adapter of training, in the real QGIS task manager (pytest-qgis)."""

from __future__ import annotations

import synthdata
from qgis.core import QgsApplication, QgsTask

from orca_huntr.errors import InputDataError
from orca_huntr.tasks import registry
from orca_huntr.tasks.train_task import TrainTask
from orca_huntr.training import TrainConfig


def _config(**kw) -> TrainConfig:
    return TrainConfig(batch_size=2, device="cpu", threads=1, validation_fraction=0.0, **kw)


def _workspace(tmp_path):
    ws, model, _ = synthdata.make_scene_workspace(tmp_path, area_fraction=0.75)
    return ws, model


def test_task_reports_progress_and_its_result(qgis_app, qtbot, tmp_path):
    ws, model = _workspace(tmp_path)
    task = TrainTask(str(ws.root), model.id, _config(max_steps=4))
    seen = []
    task.progressed.connect(seen.append)
    with qtbot.waitSignal(task.done, timeout=120_000) as blocker:
        registry.start(task)
        assert task in registry.running()  # kept alive while it runs
    result, error = blocker.args
    assert error is None
    assert result.steps == 4 and result.stop_reason == "max_steps"
    qtbot.waitUntil(lambda: task.status() == QgsTask.TaskStatus.Complete, timeout=10_000)
    assert [p.step for p in seen] == [1, 2, 3, 4]
    assert task.progress() == 100.0
    assert "loss" in task.description()
    assert ws.current_snapshot(model.id).id == result.snapshot.id
    qtbot.waitUntil(lambda: task not in registry.running(), timeout=10_000)


def test_cancel_stops_and_makes_a_snapshot(qgis_app, qtbot, tmp_path):
    ws, model = _workspace(tmp_path)
    task = TrainTask(str(ws.root), model.id, _config(max_steps=100_000))
    seen = []

    def on_progress(progress):
        seen.append(progress.step)
        if progress.step == 2:
            task.cancel()

    task.progressed.connect(on_progress)
    with qtbot.waitSignal(task.done, timeout=120_000) as blocker:
        registry.start(task)
    result, error = blocker.args
    assert error is None
    assert result.stop_reason == "user"
    assert 2 <= result.steps < 100  # the current step is finished, then it stops
    snap = ws.current_snapshot(model.id)
    assert snap.id == result.snapshot.id and snap.progress["steps"] == result.steps
    assert snap.counts["scenes"] == 1 and snap.counts["training_areas"] == 1
    # a cancelled run that made its snapshot completes normally: it is a success
    qtbot.waitUntil(lambda: task.status() == QgsTask.TaskStatus.Complete, timeout=10_000)


def test_bad_input_is_reported_in_done(qgis_app, qtbot, tmp_path):
    ws, model = _workspace(tmp_path)
    synthdata.clear_layer(ws.training_data_path(model.id), "training_areas")
    task = TrainTask(str(ws.root), model.id, _config(max_steps=3))
    with qtbot.waitSignal(task.done, timeout=60_000) as blocker:
        registry.start(task)
    result, error = blocker.args
    assert result is None
    assert isinstance(error, InputDataError) and "no training areas" in str(error)
    qtbot.waitUntil(lambda: task.status() == QgsTask.TaskStatus.Terminated, timeout=10_000)
    assert ws.current_snapshot(model.id) is None


def test_task_copies_its_config(qgis_app, tmp_path):
    config = _config(max_steps=3)
    task = TrainTask(str(tmp_path), "m1", config)
    config.max_steps = 999
    assert task.config.max_steps == 3
    assert task.flags() & QgsTask.Flag.CanCancel
    assert QgsApplication.taskManager() is not None


def test_cancel_right_after_start(qgis_app, qtbot, tmp_path):
    """Cancelled while queued: CancelledError, nothing written; as run() starts: 0 steps, a snapshot."""
    from orca_huntr.errors import CancelledError

    ws, model = _workspace(tmp_path)
    task = TrainTask(str(ws.root), model.id, _config(max_steps=1000))
    with qtbot.waitSignal(task.done, timeout=60_000) as blocker:
        registry.start(task)
        task.cancel()
    result, error = blocker.args
    if error is not None:
        assert isinstance(error, CancelledError) and result is None
        assert ws.current_snapshot(model.id) is None
    else:
        assert result.stop_reason == "user" and result.steps_this_run == 0
        assert ws.current_snapshot(model.id).id == result.snapshot.id
