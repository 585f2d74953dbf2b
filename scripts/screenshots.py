"""Screenshots of the ORCA HUNTR panel in the real QGIS desktop, for README.md.

    python scripts/screenshots.py --output docs/screenshots

1. Prepares a project folder: the NEON demo scene (``scripts/demo_data.py``; or a
   synthetic one with ``--synthetic``) with training areas and tree labels, a "Trees"
   model trained in four short sessions so that its timeline holds snapshots of every
   kind (current, temporary, saved), and a detection GeoPackage.
2. Starts QGIS under ``xvfb-run`` with a throw-away profile where the plugin is linked
   and enabled (``qgis --profiles-path DIR --code script.py``); the script opens the
   panel, adds the training layers and the detection layer, and grabs PNGs of the
   window, the panel, the action menu and the dialogs; then compares two snapshots on the
   map, makes a model from a snapshot, reverts, and grabs the folded reverted snapshots
   and the lineage view.

Everything runs on the CPU: about four minutes with the demo scene, one with --synthetic.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkout_path import ROOT, use_checkout

sys.path.insert(0, str(ROOT / "tests"))

SCENE_SIZE = 320
# all cores but one, as the panel trains (every core spins in torch's barriers on a busy machine)
THREADS = max(1, (os.cpu_count() or 2) - 1)
CLASSES = (("Round crown", "#2e7d32"), ("Square roof", "#e65100"))


def _finish_timeline(ws, model, scene_path: str, work: Path, live_steps: int, min_area: float) -> dict:
    """Save and rename snapshots so that every kind shows; detect with the current state."""
    from orca_huntr.detection import DetectOptions, detect

    timeline = ws.list_snapshots(model.id)  # newest first: current, then temporary ones
    ws.save_snapshot(model.id, timeline[2].id, name="Baseline, two areas")
    ws.rename_snapshot(model.id, timeline[1].id, "Three areas")
    current = ws.current_snapshot(model.id)
    # named as the panel names it: after the raster's layer in the project ("orthophoto")
    options = DetectOptions(device="cpu", min_area=min_area, scene_name="orthophoto")
    result = detect(ws, model.id, current.id, scene_path, options=options)
    print(f"{result.feature_count} detections", flush=True)
    return {
        "scene": scene_path,
        "model_id": model.id,
        "project": str(work / "site.qgz"),
        "detections": str(result.path),
        "detections_layer": result.layer_name,
        "detections_name": result.display_name,
        "revert_to": timeline[2].id,
        "branch_from": timeline[1].id,
        "live_steps": live_steps,
    }


def prepare_synthetic(work: Path, steps: int) -> dict:
    """A synthetic scene (discs and squares) and a model trained in four short sessions."""
    import synthdata

    from orca_huntr.snapshots import ClassSpec, InputSpec, Workspace
    from orca_huntr.training import TrainConfig, train_model

    scene = synthdata.write_scene(work / "orthophoto.tif", SCENE_SIZE, resolution=0.5, cell=20, seed=7)
    ws = Workspace.open(work / "site.huntr")
    model = ws.create_model(
        "Trees and roofs",
        classes=[ClassSpec(name, colour) for name, colour in CLASSES],
        mode="count",
        input_spec=InputSpec(bands=[1, 2, 3], dtype="uint8", crs=scene.crs, resolution=scene.resolution),
        network={"width": 8, "depth": 2},
        tile_size=64,
    )
    ws.add_scene(model.id, str(scene.path), name="orthophoto")
    gpkg = ws.training_data_path(model.id)
    # the analyst's work grows between sessions: more areas, more labels
    areas = [scene.box(0.0, 0.0, 0.35, 0.5), scene.box(0.0, 0.5, 0.35, 1.0), scene.box(0.35, 0.0, 0.6, 0.5)]
    config = TrainConfig(max_steps=steps, batch_size=4, num_workers=0, device="cpu", seed=0, threads=THREADS)
    for session, area in enumerate(areas, start=1):
        synthdata.write_training_gpkg(gpkg, scene.crs, [area], scene.labels(area))
        train_model(ws, model.id, config)
        print(f"session {session} trained", flush=True)
    train_model(ws, model.id, config)  # once more with the same data: four snapshots
    return _finish_timeline(ws, model, str(scene.path), work, max(steps, 40), 0.0)


def prepare_demo(work: Path, seconds: float) -> dict:
    """The NEON demo scene (trees, 10 cm) and a "Trees" model trained in four sessions."""
    import geopandas as gpd
    import synthdata
    from demo_data import prepare_demo_scene
    from shapely.geometry import box

    from orca_huntr.snapshots import ClassSpec, InputSpec, Workspace
    from orca_huntr.training import TrainConfig, train_model

    demo = prepare_demo_scene(ROOT / "data" / "demo")
    trees = gpd.read_file(demo.trees, layer=demo.layer)
    left, bottom, right, top = trees.total_bounds
    ws = Workspace.open(work / "site.huntr")
    model = ws.create_model(
        "Trees",
        classes=[ClassSpec("Tree", "#33a02c")],
        mode="count",
        input_spec=InputSpec(bands=[1, 2, 3], dtype="uint8", crs=demo.crs, resolution=demo.resolution),
        network={"width": 16, "depth": 3},
        tile_size=128,
    )
    ws.add_scene(model.id, str(demo.scene), name="NEON YELL 2019")
    gpkg = ws.training_data_path(model.id)
    width, height = right - left, top - bottom

    def part(x0: float, y0: float, x1: float, y1: float):
        return box(left + x0 * width, top - y1 * height, left + x1 * width, top - y0 * height)

    # the analyst's work grows between sessions: more areas, more labels
    areas = [part(0.0, 0.0, 0.3, 0.5), part(0.0, 0.5, 0.3, 1.0), part(0.3, 0.0, 0.55, 0.5)]
    config = TrainConfig(
        max_seconds=seconds, batch_size=8, num_workers=1, device="cpu", seed=0, threads=THREADS
    )
    for session, area in enumerate(areas, start=1):
        inside = trees[trees.within(area)]
        synthdata.write_training_gpkg(gpkg, demo.crs, [area], [(g, 1) for g in inside.geometry])
        train_model(ws, model.id, config)
        print(f"session {session} trained ({len(inside)} trees added)", flush=True)
    train_model(ws, model.id, config)  # once more with the same data: four snapshots
    spec = _finish_timeline(ws, model, str(demo.scene), work, 20, 1.0)
    spec["zoom"] = [0.12, 0.0, 0.95, 0.72]
    return spec


QGIS_SCRIPT = r"""
import json, os, sys, traceback
from qgis.core import QgsProject, QgsRasterLayer, QgsRectangle, QgsVectorLayer
from qgis.PyQt.QtCore import QTimer, QPoint
from qgis.PyQt.QtGui import QColor, QPainter
from qgis.PyQt.QtWidgets import QDockWidget
from qgis.utils import iface, plugins

SPEC = json.loads(os.environ["HUNTR_SHOTS"])
OUT = SPEC["output"]
steps = []


def log(text):
    with open(SPEC["log"], "a") as fh:
        fh.write(text + "\n")


def later(ms, fn):
    def run():
        try:
            fn()
        except Exception:
            log(traceback.format_exc())
            finish()
    QTimer.singleShot(ms, run)


def save(widget, name):
    path = os.path.join(OUT, name)
    widget.grab().save(path)
    log("wrote " + path)


def setup():
    window = iface.mainWindow()
    window.resize(1600, 1000)
    window.showMaximized()
    project = QgsProject.instance()
    raster = QgsRasterLayer(SPEC["scene"], "orthophoto")
    project.addMapLayer(raster)
    project.write(SPEC["project"])
    plugin = plugins["orca_huntr"]
    plugin.toggle_dock(True)
    global dock
    dock = plugin.dock
    dock.model_panel.select_model(SPEC["model_id"])
    dock.model_panel.add_training_layers()
    uri = SPEC["detections"] + "|layername=" + SPEC["detections_layer"]
    det = QgsVectorLayer(uri, SPEC["detections_name"], "ogr")
    model = dock.workspace.get_model(SPEC["model_id"])
    try:
        from orca_huntr.adapters import detection_layer
        detection_layer.apply_style(det, model.classes)
    except Exception:
        log("detection style: " + traceback.format_exc())
    project.addMapLayer(det, False)
    project.layerTreeRoot().insertLayer(0, det)
    iface.setActiveLayer(det)
    for node in project.layerTreeRoot().findLayers():  # the legends: training areas, labels, detections
        node.setExpanded(node.layer() is not raster)
    for group in project.layerTreeRoot().findGroups():
        group.setExpanded(True)
    global raster_layer
    raster_layer = raster
    for other in window.findChildren(QDockWidget):
        if other is not dock and other.objectName() in ("Browser", "Browser2"):
            other.hide()
    later(1500, zoom)


def zoom():
    # after QGIS's own zoom to the first layer: set the view the screenshots show
    raster = raster_layer
    canvas = iface.mapCanvas()
    full = raster.extent()
    if SPEC.get("zoom"):  # a closer look: training areas, labels and detections side by side
        x0, y0, x1, y1 = SPEC["zoom"]
        w, h = full.width(), full.height()
        extent = QgsRectangle(full.xMinimum() + x0 * w, full.yMaximum() - y1 * h,
                              full.xMinimum() + x1 * w, full.yMaximum() - y0 * h)
    else:
        extent = full
        extent.scale(1.05)
    canvas.setExtent(extent)
    canvas.refreshAllLayers()
    later(4000, shots)


def shots():
    save(iface.mainWindow(), "qgis_window.png")
    save(dock, "panel.png")
    menu_shot()
    later(300, dialogs)


def menu_shot():
    # the panel with the action menu of the second card open, drawn onto the panel image
    entry = dock.timeline.entries()[1]
    menu = entry.menu
    menu.ensurePolished()
    menu.adjustSize()
    menu_image = menu.grab()
    corner = entry.button.mapTo(dock, QPoint(entry.button.width(), entry.button.height()))
    panel = dock.grab()
    x = max(0, min(corner.x() - menu_image.width(), panel.width() - menu_image.width()))
    y = min(corner.y(), panel.height() - menu_image.height())
    painter = QPainter(panel)
    painter.drawPixmap(x, y, menu_image)
    painter.setPen(QColor("#888888"))
    painter.drawRect(x, y, menu_image.width() - 1, menu_image.height() - 1)
    painter.end()
    path = os.path.join(OUT, "timeline_menu.png")
    panel.save(path)
    log("wrote " + path)


def dialogs():
    from orca_huntr.ui.detect_dialog import DetectDialog
    from orca_huntr.ui.new_model_dialog import NewModelDialog
    from orca_huntr.ui.revert_dialog import RevertDialog
    from orca_huntr.ui.snapshot_model_dialog import SnapshotModelDialog

    ws = dock.workspace
    model = ws.get_model(SPEC["model_id"])
    target = ws.get_snapshot(model.id, SPEC["revert_to"])
    shown = []

    def show(dialog, name):
        dialog.show()
        dialog.adjustSize()
        shown.append((dialog, name))

    show(RevertDialog(target, ws.revert_impact(model.id, target.id), dock), "revert_dialog.png")
    branch = ws.get_snapshot(model.id, SPEC["branch_from"])
    show(SnapshotModelDialog(model, branch, dock), "model_from_snapshot.png")
    snaps = ws.list_snapshots(model.id)
    detect = DetectDialog(model, snaps, branch.id, dock, QgsProject.instance(), iface.mapCanvas())
    show(detect, "detect_dialog.png")
    new = NewModelDialog(dock, QgsProject.instance(), taken_names=[model.name])
    new.name_edit.setText("Solar panels")
    new.classes.set_name(0, "Panel")
    show(new, "new_model_dialog.png")
    retention_view(show)

    def grab_all():
        for dialog, name in shown:
            save(dialog, name)
            dialog.close()
        later(300, training)

    later(800, grab_all)


def retention_view(show):
    # the retention view with a model policy being edited (not applied: the workspace stays as
    # it is): keep the last temporary snapshot and a disk budget that takes one more
    from orca_huntr.ui.retention_dialog import RetentionDialog

    ws = dock.workspace
    model_id = SPEC["model_id"]
    sizes = ws.disk_usage().models[model_id].snapshots
    newest = ws.list_snapshots(model_id)  # current, temporary, saved, temporary
    budget = sizes[newest[0].id] + sizes[newest[2].id] + sizes[newest[1].id] / 2
    dialog = RetentionDialog(ws, model_id, iface, dock)
    dialog.resize(820, 760)
    dialog.own_check.setChecked(True)
    dialog.keep_last_check.setChecked(True)
    dialog.keep_last_spin.setValue(1)
    dialog.budget_check.setChecked(True)
    dialog.budget_spin.setValue(int(budget / 1e5) / 10)
    show(dialog, "retention.png")
    dialog.resize(820, 760)


def training():
    # a real run started from the panel: grab it half-way, then wait for its snapshot
    panel = dock.training_panel
    panel.steps_spin.setValue(SPEC["live_steps"])
    panel.device_combo.setCurrentIndex(panel.device_combo.findData("cpu"))
    panel.trainingFinished.connect(lambda *args: later(500, trained))
    panel.start_button.click()
    waited = [0]

    def poll():
        waited[0] += 1
        if panel.progress_bar.value() >= 40 and "loss" in panel.loss_label.text():
            save(dock, "training.png")
        elif waited[0] < 600 and panel.is_running():
            QTimer.singleShot(100, poll)
        else:
            log("training shot missed: " + panel.loss_label.text())

    QTimer.singleShot(100, poll)


def trained():
    log("training finished: " + dock.training_panel.loss_label.text())
    later(1500, long_error)


def long_error():
    # a long error: two lines in the bar with "Show more", the whole text in the log; the
    # training panel keeps it under the bar with a Details… link
    from orca_huntr.errors import InputDataError
    from orca_huntr.ui import messages

    text = (
        "The raster 'scan_2019_gray' does not fit snapshot #4: it has 1 band, the model was trained "
        "on 3 (bands 1, 2, 3 of 'orthophoto'). Choose a raster with the same bands, or train a model "
        "on this one: create a new model with this raster as its scene, draw training areas and "
        "labels on it, and train it."
    )
    messages.show_error(iface, InputDataError(text), "Detection failed")
    dock.training_panel.set_error("Training could not start", InputDataError(text))
    later(800, lambda: (save(iface.mainWindow(), "long_error.png"), snapshot_tools()))


def paint_over(base, widget, corner="bottom-right"):
    # a floating window drawn into a screenshot of the main window (they are separate windows)
    image = widget.grab()
    x = base.width() - image.width() - 24 if corner.endswith("right") else 24
    y = base.height() - image.height() - 48
    painter = QPainter(base)
    painter.drawPixmap(x, y, image)
    painter.setPen(QColor("#888888"))
    painter.drawRect(x, y, image.width() - 1, image.height() - 1)
    painter.end()
    return base


def snapshot_tools():
    # issue #16: "Compare with…" (dialog, then both snapshots' detections in one group on the map
    # and the metrics side by side), the folded reverted snapshots, the lineage view
    from orca_huntr.ui.compare_dialog import CompareDialog

    iface.messageBar().clearWidgets()
    dock.training_panel.set_error("", None)
    ws = dock.workspace
    model = ws.get_model(SPEC["model_id"])
    snaps = ws.list_snapshots(model.id)
    detected = next(s for s in snaps if s.seq == 4)  # the detection GeoPackage's snapshot: reused
    # the saved baseline (two training areas) and #4 (three): both detections and the new area
    dialog = CompareDialog(model, snaps, SPEC["revert_to"], dock, QgsProject.instance())
    dialog.other_combo.setCurrentIndex(dialog.other_combo.findData(detected.id))
    dialog.raster_combo.setLayer(raster_layer)
    dialog.show()
    dialog.adjustSize()

    def compare():
        save(dialog, "compare_dialog.png")
        dialog.close()
        root = QgsProject.instance().layerTreeRoot()
        for node in root.findLayers():  # the map shows the comparison only (and the raster)
            if node.layer() is not raster_layer:
                node.setItemVisibilityChecked(False)
                node.setExpanded(False)
        full = raster_layer.extent()  # closer: the third training area and its neighbours
        w, h = full.width(), full.height()
        iface.mapCanvas().setExtent(QgsRectangle(full.xMinimum() + 0.2 * w, full.yMaximum() - 0.5 * h,
                                                 full.xMinimum() + 0.7 * w, full.yMaximum()))
        dock.compare_with(SPEC["revert_to"], detected.id, raster_layer, True)
        waited = [0]

        def poll():
            waited[0] += 1
            if dock.compare_tasks and waited[0] < 1800:
                QTimer.singleShot(200, poll)
                return
            log("comparison detections done" if not dock.compare_tasks else "comparison timed out")
            later(3000, compared)

        QTimer.singleShot(500, poll)

    later(800, compare)


def compared():
    window = iface.mainWindow().grab()
    metrics = dock.metrics_dialog
    metrics.resize(640, 320)
    path = os.path.join(OUT, "compare.png")
    paint_over(window, metrics).save(path)
    log("wrote " + path)
    metrics.close()
    later(300, revert_and_lineage)


def revert_and_lineage():
    # a model made from "Three areas", then a revert of the first model to the saved baseline
    ws = dock.workspace
    model_id = SPEC["model_id"]
    ws.new_model_from_snapshot(model_id, SPEC["branch_from"], "Trees, from Three areas",
                               reuse_training_data=True)
    ws.revert(model_id, SPEC["revert_to"])
    dock.model_panel.refresh(select=model_id)
    from orca_huntr.ui import training_layers
    training_layers.reload_training_layers(model_id, QgsProject.instance())
    dock.refresh_timeline()
    later(800, reverted_shots)


def reverted_shots():
    save(dock, "reverted_snapshots.png")
    view = dock.show_lineage()
    view.resize(980, 400)
    child = next(m for m in dock.workspace.list_models() if m.id != SPEC["model_id"])
    view.tree.setCurrentItem(view.find(dock.workspace.current_snapshot(child.id).id))
    later(800, lambda: (save(view, "lineage_view.png"), view.close(), finish()))


def finish():
    QgsProject.instance().setDirty(False)
    log("done")
    QTimer.singleShot(3000, lambda: os._exit(0))  # QGIS sometimes waits on exit under xvfb
    iface.actionExit().trigger()


later(2500, setup)
"""


def run_qgis(work: Path, spec: dict, output: Path, timeout: int) -> int:
    """Run the shooting script in the real QGIS on a virtual screen."""
    from qgis_profile import make_profile

    for tool in ("xvfb-run", "qgis"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} is not installed: run `make setup` (it installs qgis and xvfb)")
    profiles = work / "profiles"
    make_profile(profiles)
    script = work / "shoot.py"
    script.write_text(QGIS_SCRIPT)
    env = dict(os.environ)
    env.pop("QT_QPA_PLATFORM", None)  # a real (virtual) screen, not offscreen
    env["HUNTR_SHOTS"] = json.dumps({**spec, "output": str(output), "log": str(work / "screenshots.log")})
    env["PATH"] = f"{ROOT / '.venv' / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    # QGIS runs the system Python: let it find torch & co. installed in the venv
    venv_site = [p for p in sys.path if p.startswith(str(ROOT / ".venv")) and p.endswith("site-packages")]
    env["PYTHONPATH"] = os.pathsep.join(
        [*venv_site, *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    )
    cmd = [
        "xvfb-run", "-a", "-s", "-screen 0 1600x1000x24",
        "qgis", "--profiles-path", str(profiles), "--nologo", "--noversioncheck", "--code", str(script),
    ]  # fmt: skip
    proc = subprocess.run(cmd, capture_output=True, text=True, timeout=timeout, env=env)
    if proc.returncode != 0:
        sys.stderr.write(proc.stderr[-4000:])
    return proc.returncode


def shrink(png: Path, limit: int = 1_000_000) -> None:
    """Re-save a large screenshot with a 256-colour palette (a quarter of the size, same look)."""
    if png.stat().st_size <= limit:
        return
    try:
        from PIL import Image
    except ImportError:  # Pillow is optional: keep the full-colour file
        return
    image = Image.open(png).convert("RGB")
    image.quantize(colors=256, method=Image.Quantize.FASTOCTREE).save(png, optimize=True)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--output", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--work", type=Path, help="keep the project folder here (default: a temporary one)")
    parser.add_argument("--synthetic", action="store_true", help="a synthetic scene instead of the NEON demo")
    parser.add_argument("--steps", type=int, default=60, help="training steps per session (synthetic)")
    parser.add_argument("--seconds", type=float, default=60.0, help="training seconds per session (demo)")
    parser.add_argument("--reuse", action="store_true", help="with --work: reuse its trained project")
    parser.add_argument("--timeout", type=int, default=300, help="seconds QGIS may run")
    args = parser.parse_args()
    use_checkout("scripts", "tests")
    import torch

    torch.set_num_threads(max(1, (os.cpu_count() or 2) - 1))
    output = args.output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    work = args.work.resolve() if args.work else Path(tempfile.mkdtemp(prefix="huntr-shots-"))
    saved_spec = work / "spec.json"
    if args.reuse and saved_spec.exists():
        spec = json.loads(saved_spec.read_text())
    else:
        if work.exists() and args.work:
            shutil.rmtree(work)
        work.mkdir(parents=True, exist_ok=True)
        spec = prepare_synthetic(work, args.steps) if args.synthetic else prepare_demo(work, args.seconds)
        saved_spec.write_text(json.dumps(spec))
    log_file = work / "screenshots.log"
    log_file.unlink(missing_ok=True)
    rc = run_qgis(work, spec, output, args.timeout)
    log = log_file.read_text() if log_file.exists() else ""
    print(textwrap.indent(log, "  "))
    for png in output.glob("*.png"):
        shrink(png)
    pngs = sorted(p.name for p in output.glob("*.png"))
    print(json.dumps({"screenshots": pngs, "output": str(output), "qgis_rc": rc}))
    if not args.work:
        shutil.rmtree(work, ignore_errors=True)
    if rc != 0 or "done" not in log or len(pngs) < 12:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
