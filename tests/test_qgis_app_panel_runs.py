"""In the real QGIS: a raster that does not fit is refused in the detection dialog, and
File > New while training runs asks whether to stop or keep the run, which then stays
in the panel with the project and workspace it belongs to.
"""

from __future__ import annotations

import json

import pytest
from qgis_app_runner import ROOT, prepare_qgis, run_in_qgis

SCRIPT = r"""
import json, os, sys, time, traceback
sys.path.insert(0, os.environ["RUN_TESTS"])
from qgis_app_runner import guard
from qgis.utils import iface, plugins
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QMessageBox

OUT, WORK = os.environ["RUN_OUT"], os.environ["RUN_WORK"]
report = {"steps": [], "dialogs": []}
state = {}


def finish(error=None):
    if error:
        report["error"] = error
    with open(OUT + ".json", "w") as fh:
        json.dump(report, fh, indent=1)
    state["done"] = True
    QgsProject.instance().setDirty(False)
    iface.actionExit().trigger()


guarded = guard(finish)


def answer_qgis():
    # the files live under /tmp, so QGIS asks before closing a project with "temporary" layers
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible() and widget.windowTitle() == "Close Project":
            report["dialogs"].append(widget.windowTitle())
            widget.button(QMessageBox.Yes).click()
        elif state.get("done") and isinstance(widget, QMessageBox) and widget.isVisible():
            for answer in (QMessageBox.Yes, QMessageBox.Discard):
                if widget.button(answer) is not None:
                    widget.button(answer).click()
                    break
    QTimer.singleShot(200, answer_qgis)


def wait_for(condition, then, timeout=180.0):
    start = time.time()

    def poll():
        try:
            value = condition()
        except Exception:
            value = None
        if value:
            guarded(then)(value)
        elif time.time() - start > timeout:
            finish("timed out waiting for %s" % then.__name__)
        else:
            QTimer.singleShot(200, poll)

    QTimer.singleShot(200, poll)


@guarded
def setup():
    from orca_huntr.ui.detect_dialog import DetectDialog
    from orca_huntr.ui.new_model_dialog import NewModelRequest
    from orca_huntr.ui.training_layers import reload_training_layers
    import synthdata

    project = QgsProject.instance()
    assert project.write(os.path.join(WORK, "site.qgz"))
    plugin = plugins["orca_huntr"]
    plugin.action.trigger()
    dock = state["dock"] = plugin.dock
    scene = synthdata.write_scene(os.path.join(WORK, "scene.tif"), 48, resolution=1.0, seed=3)
    gray = synthdata.write_scene(os.path.join(WORK, "gray.tif"), 48, resolution=1.0, seed=4, bands=1)
    raster = QgsRasterLayer(str(scene.path), "scene")
    gray_layer = state["gray"] = QgsRasterLayer(str(gray.path), "gray")
    project.addMapLayers([raster, gray_layer])
    model = state["model"] = dock.model_panel.create_model(
        NewModelRequest("Trees", [("disc", "#ff0000"), ("square", "#0000ff")], "count", [raster], 32, 8)
    )
    synthdata.write_training_gpkg(
        dock.workspace.training_data_path(model.id), "EPSG:32612", [scene.bounds], scene.labels(scene.bounds)
    )
    reload_training_layers(model.id)
    synthdata.train_quick(dock.workspace, model.id, steps=2)
    dock.refresh_timeline()
    report["workspace"] = str(dock.workspace.root)
    # the detection dialog, as "Run detection…" opens it, with the 1-band raster chosen
    dialog = state["dialog"] = DetectDialog(
        model, dock.workspace.list_snapshots(model.id), None, dock, project, iface.mapCanvas()
    )
    dialog.show()
    dialog.scene_combo.setCurrentIndex(dialog.scene_combo.findData(gray_layer.id()))
    QTimer.singleShot(800, detect_dialog_seen)


@guarded
def detect_dialog_seen():
    dialog = state["dialog"]
    dialog.grab().save(OUT + "_detect_dialog.png")
    report["detect_ok_enabled"] = dialog.buttons.button(dialog.buttons.StandardButton.Ok).isEnabled()
    report["detect_problem"] = dialog.problem_label.text()
    dialog.reject()
    report["steps"].append("detect dialog")
    panel = state["dock"].training_panel
    panel.steps_spin.setValue(100000)
    panel.device_combo.setCurrentIndex(panel.device_combo.findData("cpu"))
    panel.start_button.click()
    wait_for(lambda: "loss" in panel.loss_label.text(), training)


@guarded
def training(_value):
    panel = state["dock"].training_panel
    report["owner_running"] = panel.run_label.text()
    report["steps"].append("training")
    panel.trainingFinished.connect(finished)
    QTimer.singleShot(0, lambda: iface.newProject(False))  # File > New while the run goes on
    wait_for(question_box, question)


def question_box():
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QMessageBox) and widget.isVisible():
            if widget.windowTitle() == "Training Still Running":
                return widget
    return None


@guarded
def question(box):
    box.grab().save(OUT + "_close_question.png")
    report["question"] = box.text()
    report["steps"].append("asked")
    next(b for b in box.buttons() if b.text() == "Keep training").click()
    QTimer.singleShot(1500, kept)


@guarded
def kept():
    dock = state["dock"]
    panel = dock.training_panel
    report["project_after_new"] = QgsProject.instance().fileName()
    report["models_after_new"] = dock.model_panel.model_combo.count()
    report["running_after_new"] = panel.is_running()
    report["owner_after_new"] = panel.run_label.text()
    report["owner_tooltip"] = panel.run_label.toolTip()
    report["stop_enabled_after_new"] = panel.stop_button.isEnabled()
    iface.mainWindow().grab().save(OUT + "_background_run.png")
    report["steps"].append("kept")
    panel.stop_button.click()
    report["stopping"] = panel.loss_label.text()


@guarded
def finished(model_id, result, error):
    panel = state["dock"].training_panel
    report["finished_error"] = str(error) if error else None
    report["stop_reason"] = getattr(result, "stop_reason", None)
    report["bar_after"] = panel.progress_bar.format()
    report["steps"].append("finished")
    QTimer.singleShot(500, lambda: (iface.mainWindow().grab().save(OUT + "_after_run.png"), finish()))


QTimer.singleShot(200, answer_qgis)
QTimer.singleShot(1500, setup)
"""


@pytest.mark.qgis_app
def test_real_qgis_refuses_unfit_raster_and_asks_when_the_training_project_closes(tmp_path, artifacts_dir):
    profiles, script = prepare_qgis(tmp_path, SCRIPT, "runs.py")
    work = tmp_path / "work"
    work.mkdir()
    out = artifacts_dir / "qgis_panel"
    for stale in artifacts_dir.glob("qgis_panel*"):
        stale.unlink()
    env = {"RUN_OUT": str(out), "RUN_WORK": str(work), "RUN_TESTS": str(ROOT / "tests")}
    proc = run_in_qgis(profiles, script, env=env, timeout=480)
    report_file = out.with_suffix(".json")
    assert report_file.exists(), f"QGIS did not run the script (rc={proc.returncode}):\n{proc.stderr[-3000:]}"
    report = json.loads(report_file.read_text())
    assert "error" not in report, report["error"]
    assert report["steps"] == ["detect dialog", "training", "asked", "kept", "finished"]
    # 4: the 1-band raster is refused before anything runs, with detection's reason
    assert report["detect_ok_enabled"] is False
    assert report["detect_problem"].startswith("Band count: the raster gray.tif has 1 band(s)")
    # 2: the run says whose it is, File > New asks, the kept run stays stoppable
    workspace = report["workspace"]
    assert workspace == str(work / "site.huntr")
    assert report["owner_running"] == "Training Trees (workspace site.huntr)"
    assert str(work / "site.qgz") in report["question"] and workspace in report["question"]
    assert report["project_after_new"] == "" and report["models_after_new"] == 0
    assert report["running_after_new"] and report["stop_enabled_after_new"]
    owner = report["owner_after_new"]
    assert owner.startswith("Still training Trees of site.qgz in the background (workspace site.huntr)"), (
        owner
    )
    assert workspace in report["owner_tooltip"]
    assert report["stopping"] == "Stopping… (finishing the current step and writing the snapshot)"
    assert report["finished_error"] is None and report["stop_reason"] == "user"
    assert report["bar_after"] == "Not running"
    for name in ("detect_dialog", "close_question", "background_run", "after_run"):
        assert (artifacts_dir / f"qgis_panel_{name}.png").stat().st_size > 5_000, name
    snapshots = list((work / "site.huntr" / "models").glob("*/snapshots/*/manifest.json"))
    assert len(snapshots) == 2  # the quick one and the one the kept run wrote when stopped
