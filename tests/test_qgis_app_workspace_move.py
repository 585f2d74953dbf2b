"""In the real QGIS: detect in an unsaved project, save it, reload the layers, reopen it.

Saving moves the temporary workspace beside the project; every layer reading a file
of it must follow, or QGIS loses it at the next reload and asks about it ("Handle
Unavailable Layers") when the project is opened again.
"""

from __future__ import annotations

import json

import pytest
import synthdata
from qgis_app_runner import ROOT, prepare_qgis, run_in_qgis

SCRIPT = r"""
import json, os, sys, traceback
sys.path.insert(0, os.environ["MOVE_TESTS"])
from qgis_app_runner import guard
from qgis.utils import iface, plugins
from qgis.core import QgsProject, QgsRasterLayer
from qgis.PyQt.QtCore import QTimer
from qgis.PyQt.QtWidgets import QApplication, QDialog, QMessageBox

OUT, SCENE, PROJECT = os.environ["MOVE_OUT"], os.environ["MOVE_SCENE"], os.environ["MOVE_PROJECT"]
report = {"dialogs": [], "steps": []}
state = {}


def finish(error=None):
    if error:
        report["error"] = error
    try:
        iface.mainWindow().grab().save(OUT + "_reopened.png")
    except Exception:
        pass
    with open(OUT + ".json", "w") as fh:
        json.dump(report, fh, indent=1)
    state["done"] = True
    QgsProject.instance().setDirty(False)  # no "save the project?" question on exit
    iface.actionExit().trigger()


guarded = guard(finish)


def close_dialogs():
    # any modal dialog QGIS shows (e.g. "Handle Unavailable Layers") is noted and closed
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            if state.get("done"):
                # quitting: the files live under /tmp, so QGIS asks whether to drop "temporary" layers
                for answer in (QMessageBox.Yes, QMessageBox.Discard):
                    if isinstance(widget, QMessageBox) and widget.button(answer) is not None:
                        widget.button(answer).click()
                        break
                continue
            report["dialogs"].append(widget.windowTitle())
            widget.reject()
    QTimer.singleShot(200, close_dialogs)


def layers():
    return {
        layer.id(): {
            "name": layer.name(), "valid": layer.isValid(), "source": layer.source(),
            "count": layer.featureCount() if hasattr(layer, "featureCount") else -1,
        }
        for layer in QgsProject.instance().mapLayers().values()
    }


@guarded
def detect():
    from orca_huntr.ui.detect_dialog import DetectRequest
    from orca_huntr.ui.detection_run import start_detection
    from orca_huntr.ui.new_model_dialog import NewModelRequest
    from orca_huntr.ui.training_layers import reload_training_layers
    import synthdata

    plugin = plugins["orca_huntr"]
    plugin.action.trigger()
    dock = state["dock"] = plugin.dock
    raster = QgsRasterLayer(SCENE, "scene")
    QgsProject.instance().addMapLayer(raster)
    report["temporary"] = str(dock.workspace.root)
    model = dock.model_panel.create_model(
        NewModelRequest("Trees", [("disc", "#ff0000"), ("square", "#0000ff")], "count", [raster], 32, 8)
    )
    truth = os.path.join(os.path.dirname(PROJECT), "truth.tif")
    scene = synthdata.write_scene(truth, 48, resolution=1.0, seed=3)
    synthdata.write_training_gpkg(
        dock.workspace.training_data_path(model.id), "EPSG:32612", [scene.bounds], scene.labels(scene.bounds)
    )
    reload_training_layers(model.id)
    synthdata.train_quick(dock.workspace, model.id, steps=2)
    dock.refresh_timeline()
    snapshot = dock.workspace.current_snapshot(model.id)
    dock.detectionFinished.connect(saved)
    task = start_detection(dock, model, DetectRequest(snapshot.id, raster))
    dock.detect_tasks.append(task)
    report["steps"].append("detecting")


@guarded
def saved(result, error):
    if error is not None:
        raise RuntimeError("detection failed: %s" % error)
    report["before_save"] = layers()
    assert QgsProject.instance().write(PROJECT)  # what File > Save does once a name is chosen
    report["steps"].append("saved")
    QTimer.singleShot(1500, reload_layers)


@guarded
def reload_layers():
    report["workspace"] = str(state["dock"].workspace.root)
    report["temporary_exists"] = os.path.exists(report["temporary"])
    for layer in QgsProject.instance().mapLayers().values():
        layer.dataProvider().reloadData()
        layer.reload()
    report["after_reload"] = layers()
    iface.mainWindow().grab().save(OUT + "_saved.png")
    report["steps"].append("reloaded")
    iface.addProject(PROJECT)  # File > Open
    QTimer.singleShot(3000, reopened)


@guarded
def reopened():
    report["reopened"] = layers()
    report["steps"].append("reopened")
    finish()


QTimer.singleShot(200, close_dialogs)
QTimer.singleShot(1500, detect)
"""


@pytest.mark.qgis_app
def test_real_qgis_saving_an_unsaved_project_keeps_every_layer_available(tmp_path, artifacts_dir):
    scene = synthdata.write_scene(tmp_path / "scene.tif", 48, resolution=1.0, seed=3)
    profiles, script = prepare_qgis(tmp_path, SCRIPT, "move.py")
    out = artifacts_dir / "qgis_workspace_move"
    for suffix in (".json", "_saved.png", "_reopened.png"):
        (artifacts_dir / f"qgis_workspace_move{suffix}").unlink(missing_ok=True)
    project = tmp_path / "site.qgz"
    env = {
        "MOVE_OUT": str(out),
        "MOVE_SCENE": str(scene.path),
        "MOVE_PROJECT": str(project),
        "MOVE_TESTS": str(ROOT / "tests"),
    }
    proc = run_in_qgis(profiles, script, env=env, timeout=420)
    report_file = out.with_suffix(".json")
    assert report_file.exists(), f"QGIS did not run the script (rc={proc.returncode}):\n{proc.stderr[-3000:]}"
    report = json.loads(report_file.read_text())
    assert "error" not in report, report["error"]
    assert report["steps"] == ["detecting", "saved", "reloaded", "reopened"]
    assert report["workspace"] == str(tmp_path / "site.huntr")
    assert not report["temporary_exists"]
    before = report["before_save"]
    names = {layer["name"] for layer in before.values()}
    assert {"scene", "Training areas", "Labels"} <= names and any("Trees ·" in n for n in names), names
    for key in ("after_reload", "reopened"):
        layers = report[key]
        assert set(layers) == set(before), key
        for layer_id, layer in layers.items():
            assert layer["valid"], (key, layer)
            assert layer["name"] == before[layer_id]["name"]
            assert layer["count"] == before[layer_id]["count"], (key, layer)
            assert "orca_huntr-unsaved" not in layer["source"], (key, layer)
    assert not any("Unavailable" in title for title in report["dialogs"]), report["dialogs"]
