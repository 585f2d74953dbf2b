"""The whole ORCA HUNTR job, end to end, through the plugin's own Processing algorithms.

    python scripts/demo.py --output demo_output        # what ``make demo`` runs

1. fetches the NEON demo scene (deepforest==2.1.0 wheel; ``scripts/demo_data.py``) and
   writes it as a georeferenced GeoTIFF with a GeoPackage of tree-crown boxes;
2. builds a QGIS project beside it (``demo.qgz``; its workspace is ``demo.huntr/``) with
   the scene, training areas (train + validation) and the tree labels;
3. ``orcahuntr:createmodel`` — a count-mode model “Trees”;
4. ``orcahuntr:trainmodel`` twice — two sessions, two snapshots on the timeline;
5. ``orcahuntr:savesnapshot`` + ``orcahuntr:renamesnapshot`` — the first session's
   snapshot is kept for good under a name;
6. ``orcahuntr:detect`` from that earlier snapshot and from the current state;
7. ``orcahuntr:listsnapshots`` — the timeline as a table;

and writes the project, the detection GeoPackages (``demo.huntr/detections/``), a PNG
map rendered by QGIS of both detections over the scene, ``summary.json``, and prints a
summary with the object F1 on the held-back eastern 30 % of the scene (neither trained nor
calibrated on). Runs headless (no display needed) in about 12 CPU minutes.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import time
from pathlib import Path
from types import SimpleNamespace

sys.path.insert(0, str(Path(__file__).resolve().parent))
from checkout_path import ROOT, use_checkout


def start_qgis():
    """A headless QgsApplication with Processing and the plugin's provider."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import orca_huntr

    plugin = orca_huntr.classFactory(None)  # what qgis_process does: Processing only, no GUI
    plugin.initProcessing()
    return app, plugin


# ------------------------------------------------------------------------------ data
def demo_files(data) -> tuple[Path, Path, str]:
    """``(raster, labels GeoPackage, labels layer name)`` of ``prepare_demo_scene``'s ``DemoScene``."""
    return Path(data.scene), Path(data.trees), str(data.layer)


TRAIN_SHARE, VALIDATION_SHARE = 0.6, 0.1  # of the scene's width, from the west; the rest is held back


def training_areas_layer(
    raster, validation_share: float = VALIDATION_SHARE, train_share: float = TRAIN_SHARE
):
    """A memory layer with two areas: the western ``train_share`` of the scene for training,
    the next ``validation_share`` for validation (where each snapshot calibrates its detection
    settings). The eastern rest is held back: neither trained nor calibrated on."""
    from qgis.core import QgsFeature, QgsField, QgsGeometry, QgsRectangle, QgsVectorLayer
    from qgis.PyQt.QtCore import QVariant

    extent = raster.extent()
    split = extent.xMinimum() + extent.width() * train_share
    end = split + extent.width() * validation_share
    layer = QgsVectorLayer(f"Polygon?crs={raster.crs().authid()}", "training areas", "memory")
    layer.dataProvider().addAttributes([QgsField("purpose", QVariant.String)])
    layer.updateFields()
    boxes = (
        (QgsRectangle(extent.xMinimum(), extent.yMinimum(), split, extent.yMaximum()), "train"),
        (QgsRectangle(split, extent.yMinimum(), end, extent.yMaximum()), "validation"),
    )
    features = []
    for rect, purpose in boxes:
        feature = QgsFeature(layer.fields())
        feature.setGeometry(QgsGeometry.fromRect(rect))
        feature.setAttribute("purpose", purpose)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return layer


# ---------------------------------------------------------------------------- render
def render_map(layers, extent, crs, width: int):
    """``layers`` (top first) rendered by QGIS over ``extent`` as a QImage ``width`` pixels wide."""
    from qgis.core import QgsMapRendererParallelJob, QgsMapSettings
    from qgis.PyQt.QtCore import QSize
    from qgis.PyQt.QtGui import QColor

    settings = QgsMapSettings()
    settings.setLayers(layers)
    settings.setDestinationCrs(crs)
    settings.setExtent(extent)
    height = max(1, round(width * extent.height() / extent.width()))
    settings.setOutputSize(QSize(width, height))
    settings.setBackgroundColor(QColor("white"))
    job = QgsMapRendererParallelJob(settings)
    job.start()
    job.waitForFinished()
    return job.renderedImage()


def write_png(path: Path, panels: list[tuple[str, object]]) -> Path:
    """Panels side by side, each under its title, saved as a PNG."""
    from qgis.PyQt.QtCore import QRect, Qt
    from qgis.PyQt.QtGui import QColor, QFont, QImage, QPainter

    header, gap = 40, 12
    width = sum(img.width() for _, img in panels) + gap * (len(panels) + 1)
    height = max(img.height() for _, img in panels) + header + gap
    canvas = QImage(width, height, QImage.Format.Format_ARGB32)
    canvas.fill(QColor("white"))
    painter = QPainter(canvas)
    painter.setFont(QFont("Sans", 12))
    x = gap
    for title, img in panels:
        painter.drawText(QRect(x, 0, img.width(), header), Qt.AlignmentFlag.AlignCenter, title)
        painter.drawImage(x, header, img)
        x += img.width() + gap
    painter.end()
    if not canvas.save(str(path), "PNG"):
        raise RuntimeError(f"could not write {path}")
    return path


# ------------------------------------------------------------------------------ main
def run_demo(
    output: Path,
    seconds: tuple[float, float],
    steps: tuple[int, int],
    threads: int,
    tile_size: int,
    width: int,
    min_area: float = 0.0,
) -> dict:
    """Run every step of the demo into ``output``; returns the summary (also in summary.json).

    Each training session stops at ``seconds[i]`` seconds or ``steps[i]`` steps, whichever
    comes first (0: no such limit).
    """
    from demo_data import prepare_demo_scene
    from qgis.core import (
        QgsProcessingContext,
        QgsProcessingFeedback,
        QgsProject,
        QgsRasterLayer,
        QgsVectorLayer,
    )

    import processing
    from orca_huntr.adapters import detection_layer
    from orca_huntr.snapshots import Workspace
    from orca_huntr.ui import training_layers

    output = output.resolve()
    output.mkdir(parents=True, exist_ok=True)
    t0 = time.perf_counter()
    print(f"[1/7] demo data -> {output / 'data'}")
    data = prepare_demo_scene(output / "data")
    raster_path, labels_gpkg, labels_name = demo_files(data)

    print("[2/7] QGIS project with the scene, training areas and tree labels")
    project = QgsProject.instance()
    project.clear()
    for previous in ("demo.huntr", "demo.qgz", "demo_map.png", "summary.json"):  # a re-run starts afresh
        path = output / previous
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    project.setTitle("ORCA HUNTR demo: trees in the NEON YELL scene")
    project_file = output / "demo.qgz"
    scene = QgsRasterLayer(str(raster_path), "NEON scene (YELL, 0.1 m)")
    if not scene.isValid():
        raise RuntimeError(f"cannot open the demo scene {raster_path}")
    project.addMapLayer(scene)
    project.setCrs(scene.crs())
    labels = QgsVectorLayer(f"{labels_gpkg}|layername={labels_name}", "tree crowns", "ogr")
    if not labels.isValid():
        labels = QgsVectorLayer(str(labels_gpkg), "tree crowns", "ogr")
    if not labels.isValid():
        raise RuntimeError(f"cannot open the tree labels in {labels_gpkg}")
    areas = training_areas_layer(scene)
    if not project.write(str(project_file)):
        raise RuntimeError(f"cannot write {project_file}")

    context = QgsProcessingContext()
    context.setProject(project)
    feedback = QgsProcessingFeedback()

    def run(alg: str, params: dict) -> dict:
        return processing.run(f"orcahuntr:{alg}", params, context=context, feedback=feedback)

    print("[3/7] orcahuntr:createmodel  (count mode, one class: Tree)")
    created = run(
        "createmodel",
        {
            "NAME": "Trees",
            "CLASSES": "Tree:#ff7f0e",  # orange: stands out over the green canopy
            "MODE": 0,
            "RASTER": scene,
            "TRAINING_AREAS": areas,
            "PURPOSE_FIELD": "purpose",
            "LABELS": labels,
            "TILE_SIZE": tile_size,  # 0: sized from the labels (training/recipe.py)
            "WIDTH": width,
            "DEPTH": 0,
        },
    )
    ws = Workspace.for_project(project_file)
    model = ws.get_model(created["MODEL_ID"])
    training_layers.add_training_layers(ws, model, project)

    sessions = []
    for i, (budget_s, budget_steps) in enumerate(zip(seconds, steps, strict=True), start=1):
        limits = [f"{budget_s:g} s" if budget_s else "", f"{budget_steps} steps" if budget_steps else ""]
        print(f"[4/7] orcahuntr:trainmodel  session {i}: {' or '.join(x for x in limits if x)}")
        result = run(
            "trainmodel",
            {
                "MODEL": "Trees",
                "MAX_SECONDS": budget_s,
                "MAX_STEPS": budget_steps,
                "BATCH_SIZE": 8,
                "DEVICE": 1,
                "THREADS": threads,
                "SEED": i,
            },
        )
        sessions.append(result)
        print(
            f"      -> snapshot {result['SNAPSHOT_NAME']} ({result['STOP_REASON']}), "
            f"metrics {result['METRICS']}"
        )

    print("[5/7] orcahuntr:savesnapshot + orcahuntr:renamesnapshot  (keep session 1)")
    first = sessions[0]["SNAPSHOT_ID"]
    run("savesnapshot", {"MODEL": "Trees", "SNAPSHOT": first, "NAME": "session 1"})
    run("renamesnapshot", {"MODEL": "Trees", "SNAPSHOT": "session 1", "NEW_NAME": "after session 1"})

    print("[6/7] orcahuntr:detect  from the saved snapshot and from the current state")
    detections = {}
    for label, snapshot in (("after session 1", "after session 1"), ("current state", "")):
        result = run(
            "detect",
            {"MODEL": "Trees", "SNAPSHOT": snapshot, "INPUT": scene, "DEVICE": 1, "MIN_AREA": min_area},
        )
        detections[label] = result
        print(f"      -> {result['FEATURE_COUNT']} trees from {label}: {result['DETECTIONS_FILE']}")

    print("[7/7] orcahuntr:listsnapshots")
    table = run("listsnapshots", {"MODEL": "Trees", "OUTPUT": "memory:"})["OUTPUT"]
    if isinstance(table, str):
        table = context.getMapLayer(table) or QgsVectorLayer(table, "snapshots", "ogr")
    rows = [dict(zip(table.fields().names(), f.attributes(), strict=True)) for f in table.getFeatures()]

    # detection layers into the project, styled in the model's colours, then the map
    layers = {}
    for label, result in detections.items():
        loaded = detection_layer.add_detection_layer(_as_result(model, result), project)
        layers[label] = loaded
    png = write_png(
        output / "demo_map.png",
        [
            (
                f"{label}: {detections[label]['FEATURE_COUNT']} trees",
                render_map([layers[label], scene], scene.extent(), scene.crs(), 700),
            )
            for label in detections
        ],
    )
    if not project.write(str(project_file)):
        raise RuntimeError(f"cannot write {project_file}")

    summary = {
        "project": str(project_file),
        "workspace": str(ws.root),
        "map": str(png),
        "model": {"id": model.id, "name": model.name, "mode": model.mode},
        "snapshots": [
            {
                "kind": r["kind"],
                "name": r["name"],
                "id": r["snapshot_id"],
                "steps": r["steps"],
                "training_areas": r["training_areas"],
                "labels": r["labels"],
                "metrics": json.loads(r["metrics"] or "{}"),
            }
            for r in rows
        ],
        "detections": {
            label: {
                "snapshot_id": r["SNAPSHOT_ID"],
                "count": r["FEATURE_COUNT"],
                "file": r["DETECTIONS_FILE"],
            }
            for label, r in detections.items()
        },
        "validation_f1": json.loads(sessions[-1]["METRICS"]).get("f1"),
        "held_back": held_back_score(data, detections["current state"]["DETECTIONS_FILE"]),
        "seconds": round(time.perf_counter() - t0, 1),
    }
    (output / "summary.json").write_text(json.dumps(summary, indent=2, default=str), encoding="utf-8")
    print_summary(summary)
    return summary


def held_back_score(data, detections_file: str) -> dict:
    """Object F1 at IoU 0.4 (bounding boxes, as DeepForest scores crowns) of the detections
    whose centre lies in the held-back eastern part, against the tree boxes there."""
    import geopandas as gpd
    import rasterio
    from shapely.geometry import box

    from orca_huntr.training.metrics import match_boxes, precision_recall_f1

    with rasterio.open(data.scene) as src:
        left, bottom, right, top = src.bounds
    held = box(left + (right - left) * (TRAIN_SHARE + VALIDATION_SHARE), bottom, right, top)
    truth = [g for g in gpd.read_file(data.trees, layer=data.layer).geometry if held.contains(g.centroid)]
    found = [g for g in gpd.read_file(detections_file).geometry if held.contains(g.centroid)]
    return {**precision_recall_f1(*match_boxes(truth, found)), "trees": len(truth), "found": len(found)}


def _as_result(model, result: dict) -> SimpleNamespace:
    """What ``adapters.detection_layer`` needs of a DetectResult, from the algorithm's outputs."""
    path, _, layer = result["OUTPUT"].partition("|layername=")
    return SimpleNamespace(
        path=Path(path),
        layer_name=layer,
        display_name=result["DISPLAY_NAME"],
        snapshot_id=result["SNAPSHOT_ID"],
        model_id=model.id,
        classes=model.classes,
    )


def print_summary(summary: dict) -> None:
    """The summary on stdout: timeline, detections, validation F1."""

    def num(value, digits=3):
        return "-" if value is None else f"{value:.{digits}f}"

    print("\nORCA HUNTR demo — summary")
    print(f"  project   {summary['project']}")
    print(f"  workspace {summary['workspace']}")
    print(f"  map       {summary['map']}")
    print("\n  Training Snapshots Timeline (newest first)")
    print(
        f"  {'kind':<10} {'name':<24} {'steps':>6} {'areas':>6} {'labels':>7} {'val F1':>7} {'mean IoU':>9}"
    )
    for s in summary["snapshots"]:
        m = s["metrics"]
        print(
            f"  {s['kind']:<10} {s['name'][:24]:<24} {s['steps']:>6} {s['training_areas']:>6} "
            f"{s['labels']:>7} {num(m.get('f1')):>7} {num(m.get('mean_iou')):>9}"
        )
    print("\n  Detections")
    for label, d in summary["detections"].items():
        print(f"  {label:<18} {d['count']:>5} trees  {d['file']}")
    print(f"\n  validation F1 (current state): {num(summary['validation_f1'])}")
    held = summary["held_back"]
    print(
        f"  held-back F1 (eastern {1 - TRAIN_SHARE - VALIDATION_SHARE:.0%}, never trained or calibrated on): "
        f"{num(held['f1'])} (P {num(held['precision'])}, R {num(held['recall'])}; "
        f"{held['found']} found, {held['trees']} trees)"
    )
    print(f"  total time: {summary['seconds']} s")
    line = {
        "demo_seconds": summary["seconds"],
        "snapshots": [[s["kind"], s["steps"], s["metrics"].get("f1")] for s in summary["snapshots"]],
        "detections": {label: d["count"] for label, d in summary["detections"].items()},
        "validation_f1": summary["validation_f1"],
        "heldback_f1": summary["held_back"]["f1"],
    }
    print(json.dumps(line))  # the last line: one JSON object, like the benchmarks


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--output", type=Path, default=ROOT / "demo_output")
    parser.add_argument(
        "--seconds",
        type=float,
        nargs=2,
        default=(300.0, 300.0),
        metavar=("FIRST", "SECOND"),
        help="time budget of each training session (0: none)",
    )
    parser.add_argument(
        "--steps",
        type=int,
        nargs=2,
        default=(0, 0),
        metavar=("FIRST", "SECOND"),
        help="step budget of each training session (0: none)",
    )
    parser.add_argument("--threads", type=int, default=0, help="torch CPU threads (0: all cores)")
    parser.add_argument("--tile-size", type=int, default=0, help="0: sized from the labels")
    parser.add_argument("--width", type=int, default=16, help="network width")
    parser.add_argument(
        "--min-area",
        type=float,
        default=0.0,
        help="smallest tree kept, in m² (0: the snapshot's minimum size)",
    )
    args = parser.parse_args()
    use_checkout("scripts", qgis_plugins=True)
    app, plugin = start_qgis()
    try:
        run_demo(
            args.output,
            tuple(args.seconds),
            tuple(args.steps),
            args.threads,
            args.tile_size,
            args.width,
            args.min_area,
        )
    finally:
        plugin.unload()
        app.exitQgis()


if __name__ == "__main__":
    main()
