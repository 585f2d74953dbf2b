"""Training and detection through ``processing.run``, and once through the real ``qgis_process``."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest
import synthdata
from processing_setup import (
    huntr_provider,  # noqa: F401 - the fixture
    run,
)
from qgis.core import (
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
    QgsRasterLayer,
    QgsVectorLayer,
)

pytestmark = pytest.mark.usefixtures("huntr_provider")

TRAIN = {"MAX_STEPS": 6, "BATCH_SIZE": 2, "DEVICE": 1, "THREADS": 1, "VALIDATION_FRACTION": 0.2}


@pytest.fixture
def scene_workspace(tmp_path):
    """A one-class count model over a 64×64 synthetic scene, with its training data."""
    ws, info, scene = synthdata.make_scene_workspace(tmp_path, classes=1, tile_size=32)
    return ws, info, scene


class Recorder(QgsProcessingFeedback):
    """Feedback that records progress and can cancel after a number of progress reports."""

    def __init__(self, cancel_after: int | None = None) -> None:
        super().__init__()
        self.values: list[float] = []
        self.cancel_after = cancel_after
        self.progressChanged.connect(self._progress)

    def _progress(self, value: float) -> None:
        self.values.append(value)
        if self.cancel_after is not None and len(self.values) >= self.cancel_after:
            self.cancel()


def run_with(alg: str, params: dict, feedback: QgsProcessingFeedback) -> dict:
    import processing

    return processing.run(f"orcahuntr:{alg}", params, feedback=feedback)


def test_train_twice_then_detect_from_each_snapshot(scene_workspace):
    ws, info, scene = scene_workspace
    feedback = Recorder()
    first = run_with("trainmodel", {"WORKSPACE": str(ws.root), "MODEL": info.name, **TRAIN}, feedback)
    assert first["STOP_REASON"] == "max_steps" and first["STEPS"] == 6
    assert ws.current_snapshot(info.id).id == first["SNAPSHOT_ID"]
    assert feedback.values and max(feedback.values) == pytest.approx(100.0, abs=1.0)
    second = run("trainmodel", {"WORKSPACE": str(ws.root), "MODEL": info.id, **TRAIN})
    assert second["STEPS"] == 12  # resumed from the current state
    assert {"f1", "mean_iou", "val_loss"} <= set(json.loads(second["METRICS"]))
    timeline = ws.list_snapshots(info.id)
    assert [s.id for s in timeline] == [second["SNAPSHOT_ID"], first["SNAPSHOT_ID"]]
    assert [s.kind for s in timeline] == ["current", "temporary"]

    results = {}
    for snap in (first["SNAPSHOT_ID"], ""):
        results[snap] = run(
            "detect",
            {
                "WORKSPACE": str(ws.root),
                "MODEL": info.id,
                "SNAPSHOT": snap,
                "INPUT": str(scene.path),
                "DEVICE": 1,
            },
        )
    old, new = results[first["SNAPSHOT_ID"]], results[""]
    assert old["SNAPSHOT_ID"] == first["SNAPSHOT_ID"] and new["SNAPSHOT_ID"] == second["SNAPSHOT_ID"]
    for result in (old, new):
        path = Path(result["DETECTIONS_FILE"])
        assert path.parent == ws.detections_dir and path.exists()
        layer = QgsVectorLayer(result["OUTPUT"], "d", "ogr")
        assert layer.isValid() and layer.featureCount() == result["FEATURE_COUNT"]
        assert {"class_name", "class_id", "score", "area", "snapshot_id"} <= set(layer.fields().names())
        assert {f["snapshot_id"] for f in layer.getFeatures()} <= {result["SNAPSHOT_ID"]}
    assert old["DETECTIONS_FILE"] != new["DETECTIONS_FILE"]


def test_detect_with_area_of_interest_and_loads_styled_layer(scene_workspace, qgis_new_project, tmp_path):
    from shapely import wkb

    import processing

    ws, info, scene = scene_workspace
    trained = run(
        "trainmodel", {"WORKSPACE": str(ws.root), "MODEL": info.id, **TRAIN, "MAX_STEPS": 30, "BATCH_SIZE": 4}
    )
    quarter = scene.box(0, 0, 0.5, 0.5)
    aoi = synthdata.write_training_gpkg(tmp_path / "aoi.gpkg", "EPSG:4326", [quarter], geometry_crs=scene.crs)
    params = {"WORKSPACE": str(ws.root), "MODEL": info.id, "INPUT": str(scene.path), "DEVICE": 1}
    whole = run("detect", params)
    # issue #14: the layer is named after the raster's layer in the project, not the file
    QgsProject.instance().addMapLayer(QgsRasterLayer(str(scene.path), "Orthophoto 2023"))
    context = QgsProcessingContext()
    context.setProject(QgsProject.instance())
    result = processing.run(
        "orcahuntr:detect",
        {**params, "SNAPSHOT": trained["SNAPSHOT_NAME"], "AOI": f"{aoi}|layername=training_areas"},
        context=context,
    )
    assert 0 < result["FEATURE_COUNT"] < whole["FEATURE_COUNT"]
    layer = QgsVectorLayer(result["OUTPUT"], "d", "ogr")
    inside = quarter.buffer(scene.resolution)  # the AOI went through EPSG:4326 and back
    for feature in layer.getFeatures():
        assert inside.contains(wkb.loads(bytes(feature.geometry().asWkb())))
    # the GUI loads it on completion, under the display name, styled by the post-processor
    assert context.willLoadLayerOnCompletion(result["OUTPUT"])
    details = context.layerToLoadOnCompletionDetails(result["OUTPUT"])
    assert details.name == result["DISPLAY_NAME"] and info.name in details.name
    assert details.name == f"{info.name} · {trained['SNAPSHOT_NAME']} · Orthophoto 2023"
    assert whole["DISPLAY_NAME"].endswith(f" · {scene.path.stem}")  # no layer reads the file
    # issue #13: the reported layer name is the one inside the GeoPackage
    assert result["OUTPUT"].endswith(f"|layername={result['LAYER_NAME']}")
    assert QgsVectorLayer(
        f"{result['DETECTIONS_FILE']}|layername={result['LAYER_NAME']}", "x", "ogr"
    ).isValid()
    assert QgsVectorLayer(result["OUTPUT"], "x", "ogr").featureCount() == result["FEATURE_COUNT"]
    loaded = QgsVectorLayer(result["OUTPUT"], details.name, "ogr")
    details.postProcessor().postProcessLayer(loaded, context, QgsProcessingFeedback())
    renderer = loaded.renderer()
    assert renderer.type() == "categorizedSymbol" and renderer.classAttribute() == "class_id"
    assert [(c.value(), c.label()) for c in renderer.categories()] == [(1, "disc")]
    assert renderer.categories()[0].symbol().symbolLayer(1).strokeColor().name() == synthdata.CLASS_HEX[1]


def test_cancel_stops_training_and_still_makes_a_snapshot(scene_workspace):
    ws, info, _ = scene_workspace
    feedback = Recorder(cancel_after=2)
    result = run_with(
        "trainmodel", {"WORKSPACE": str(ws.root), "MODEL": info.id, **TRAIN, "MAX_STEPS": 500}, feedback
    )
    assert result["STOP_REASON"] == "user"
    assert 0 < result["STEPS"] < 500
    assert ws.current_snapshot(info.id).id == result["SNAPSHOT_ID"]


@pytest.mark.slow
def test_qgis_process_command_line(scene_workspace, tmp_path):
    """The real ``qgis_process`` finds the provider of the installed plugin and runs it."""
    ws, info, _ = scene_workspace
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
    from qgis_profile import make_profile

    profiles = tmp_path / "profiles"
    make_profile(profiles)  # profiles/profiles/default with the plugin linked and enabled
    # qgis_process runs the system Python: give it this interpreter's packages (torch…)
    venv_site = [sysconfig.get_paths()["purelib"]]
    env = {k: v for k, v in os.environ.items() if k != "QGIS_OPTIONS_PATH"}
    env.update(
        HOME=str(tmp_path / "home"),
        QGIS_CUSTOM_CONFIG_PATH=str(profiles),
        QT_QPA_PLATFORM="offscreen",
        PYTHONPATH=os.pathsep.join([*venv_site, os.environ.get("PYTHONPATH", "")]),
    )
    command = [
        "/usr/bin/qgis_process.bin",
        "--json",
        "run",
        "orcahuntr:trainmodel",
        "--",
        f"WORKSPACE={ws.root}",
        f"MODEL={info.name}",
        "MAX_STEPS=3",
        "BATCH_SIZE=2",
        "DEVICE=1",
        "THREADS=1",
    ]
    out = subprocess.run(command, capture_output=True, text=True, env=env, timeout=600)
    assert out.returncode == 0, out.stdout + out.stderr
    payload = json.loads(out.stdout[out.stdout.index("{") :])
    results = payload["results"]
    assert results["STEPS"] == 3 and results["STOP_REASON"] == "max_steps"
    current = ws.current_snapshot(info.id)
    assert current is not None and current.id == results["SNAPSHOT_ID"]
    assert current.progress["steps"] == 3


def test_detect_result_loads_into_the_project_styled(scene_workspace, qgis_new_project, qgis_iface):
    """Run as the toolbox does (``runAndLoadResults``): the layer arrives named, marked and styled."""
    import processing

    ws, info, scene = scene_workspace
    trained = run("trainmodel", {"WORKSPACE": str(ws.root), "MODEL": info.id, **TRAIN, "MAX_STEPS": 2})
    result = processing.runAndLoadResults(
        "orcahuntr:detect",
        {"WORKSPACE": str(ws.root), "MODEL": info.id, "INPUT": str(scene.path), "DEVICE": 1},
    )
    layers = QgsProject.instance().mapLayersByName(result["DISPLAY_NAME"])
    assert len(layers) == 1
    layer = layers[0]
    assert layer.customProperty("orca_huntr/snapshot_id") == trained["SNAPSHOT_ID"]
    assert layer.renderer().type() == "categorizedSymbol"
    assert layer.featureCount() == result["FEATURE_COUNT"]


def test_checkpoint_interval_reaches_the_training_config(scene_workspace):
    from orca_huntr.processing.train_model import TrainModelAlgorithm
    from orca_huntr.training import checkpoints

    alg = TrainModelAlgorithm()
    alg.initAlgorithm()
    context = QgsProcessingContext()
    default = alg.config({**TRAIN}, context)
    assert checkpoints.interval_seconds(default) == 600.0
    off = alg.config({**TRAIN, "CHECKPOINT_MINUTES": 0}, context)
    assert checkpoints.interval_seconds(off) is None
    ws, info, _ = scene_workspace
    out = run("trainmodel", {"WORKSPACE": str(ws.root), "MODEL": info.id, **TRAIN, "CHECKPOINT_MINUTES": 2.5})
    assert ws.get_snapshot(info.id, out["SNAPSHOT_ID"]).config["train"]["checkpoint_minutes"] == 2.5
