"""The console examples of README.md run as written."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import synthdata
from processing_setup import huntr_provider  # noqa: F401 - the fixture
from qgis.core import QgsProject, QgsRasterLayer, QgsVectorLayer

from orca_huntr.errors import HuntrError

ROOT = Path(__file__).resolve().parent.parent
BLOCK = re.compile(r"```python\n(.*?)```", re.DOTALL)


def console_blocks() -> list[tuple[str, str]]:
    """``(where, code)`` of every Python block that uses the console API."""
    blocks = []
    for path in (ROOT / "README.md",):
        if path.exists():
            for i, code in enumerate(BLOCK.findall(path.read_text(encoding="utf-8"))):
                if "from orca_huntr import api" in code:
                    blocks.append((f"{path.name}#{i + 1}", code))
    return blocks


@pytest.fixture
def project(qgis_iface, qgis_new_project, tmp_path):
    """A saved project with the layers the examples name: scene, training areas, trees."""
    scene = synthdata.write_scene(tmp_path / "scene.tif", 64, seed=3)
    gpkg = synthdata.write_training_gpkg(
        tmp_path / "drawn.gpkg",
        scene.crs,
        [scene.box(0, 0, 0.75, 1)],
        [(g, 1) for g in scene.polygons(1) if scene.box(0, 0, 0.75, 1).contains(g)],
    )
    project = QgsProject.instance()
    project.addMapLayer(QgsRasterLayer(str(scene.path), "scene"))
    project.addMapLayer(QgsVectorLayer(f"{gpkg}|layername=training_areas", "training areas", "ogr"))
    project.addMapLayer(QgsVectorLayer(f"{gpkg}|layername=labels", "trees", "ogr"))
    assert project.write(str(tmp_path / "site.qgz"))
    return project


@pytest.mark.parametrize("where, code", console_blocks(), ids=[w for w, _ in console_blocks()])
def test_console_example_runs(project, qgis_iface, tmp_path, where, code):
    from orca_huntr import api

    api.use_project_workspace()
    namespace = {"iface": qgis_iface}
    exec(compile(code, where, "exec"), namespace)

    ws = namespace["ws"]
    assert ws.root == tmp_path / "site.huntr"
    model = ws.find_model("Trees")
    assert model.mode == "count" and model.class_names == ["Tree"]
    labels = QgsVectorLayer(f"{ws.training_data_path(model.id)}|layername=labels", "l", "ogr")
    assert labels.featureCount() == QgsProject.instance().mapLayersByName("trees")[0].featureCount() > 0
    # two sessions, then a revert to the first one
    first, second = namespace["first"], namespace["second"]
    assert first.steps == 20 and second.steps == 40
    timeline = api.snapshots("Trees")
    assert [s.id for s in timeline] == [first.snapshot.id]
    assert timeline[0].name == "baseline" and namespace["current"].id == first.snapshot.id
    # detections from the baseline and the current state, both added to the project
    early, latest = namespace["early"], namespace["latest"]
    assert early.snapshot_id == first.snapshot.id and latest.snapshot_id == second.snapshot.id
    for result in (early, latest):
        layer = QgsVectorLayer(result.uri, "d", "ogr")
        assert layer.featureCount() == result.feature_count
        assert QgsProject.instance().mapLayersByName(result.display_name)
        assert result.display_name.endswith(" · scene")  # the raster's layer name in the project


def test_revert_without_confirmation_changes_nothing(project, tmp_path):
    from orca_huntr import api

    api.use_project_workspace()
    api.create_model(
        "Trees",
        ["Tree"],
        "scene",
        training_areas="training areas",
        labels="trees",
        tile_size=32,
        network={"width": 8, "depth": 2},
    )
    ws = api.workspace()
    info = api.model("trees")
    for step in (1, 2):
        ws.create_snapshot(
            info.id, {"w": __import__("numpy").full(2, step, "float32")}, None, None, {}, {}, {}, None
        )
    oldest = api.snapshots("Trees")[-1]
    with pytest.raises(HuntrError, match="confirm=True"):
        api.revert("Trees", oldest.id)
    assert len(api.snapshots("Trees")) == 2
    rows = api.table("Trees")
    assert [r["kind"] for r in rows] == ["current", "temporary"]
    assert rows[0]["parent_id"] == oldest.id and rows[0]["parent_model_id"] == info.id

    # the revert is undoable from the console; lineage lists both snapshots, parent first
    newest = api.snapshots("Trees")[0]
    api.revert("Trees", oldest.id, confirm=True)
    [kept] = api.reverted("Trees")
    assert [s.id for s in kept.snapshots] == [newest.id] and kept.target_id == oldest.id
    assert api.undo_revert("Trees").id == kept.id
    assert [s.id for s in api.snapshots("Trees")] == [newest.id, oldest.id] and api.reverted("Trees") == []
    assert [(n.snapshot_id, n.parent_id) for n in api.lineage()] == [
        (oldest.id, None),
        (newest.id, oldest.id),
    ]


def test_examples_exist():
    assert console_blocks(), "README.md must hold the console example"


# ---------------------------------------------------------------- issue #13


def _api_model_with_snapshot(tmp_path):
    from orca_huntr import api
    from orca_huntr.training.network import build_network

    api.use_project_workspace()
    info = api.create_model(
        "Trees", ["Tree"], "scene", training_areas="training areas", labels="trees", tile_size=32,
        network={"width": 8, "depth": 2},
    )  # fmt: skip
    ws = api.workspace()
    net = build_network(len(info.input_spec.bands), len(info.classes), info.mode, info.network)
    weights = {k: v.detach().numpy().copy() for k, v in net.state_dict().items()}
    snap = ws.create_snapshot(info.id, weights, config={"mode": info.mode})
    return api, ws, info, snap


@pytest.mark.parametrize("reuse", [True, False])
def test_model_from_snapshot_forwards_reuse_training_data(project, tmp_path, reuse):
    api, ws, _info, snap = _api_model_with_snapshot(tmp_path)
    assert snap.counts["training_areas"] == 1 and snap.counts["labels_per_class"][1] > 0
    copy = api.model_from_snapshot("Trees", snap.id, "Copy", reuse_training_data=reuse)
    counts = ws.training_counts(copy.id)
    if reuse:
        assert counts["training_areas"] == 1
        assert counts["labels_per_class"] == snap.counts["labels_per_class"]
    else:
        assert counts["training_areas"] == 0 and sum(counts["labels_per_class"].values()) == 0


def test_api_detect_writes_nothing_beside_the_users_raster(project, tmp_path):
    import gc

    api, ws, _info, _snap = _api_model_with_snapshot(tmp_path)
    QgsProject.instance().clear()  # the project's own raster layer may leave a .aux.xml: not ours
    gc.collect()
    (tmp_path / "scene.tif.aux.xml").unlink(missing_ok=True)
    before = sorted(p.name for p in tmp_path.iterdir())
    result = api.detect("Trees", str(tmp_path / "scene.tif"), add_to_project=False, ws=ws)
    gc.collect()  # GDAL writes side files when a dataset closes
    assert result.path.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == before


# ---------------------------------------------------------------- issue #17: ONNX export


@pytest.mark.usefixtures("huntr_provider")
def test_console_and_processing_export_the_same_onnx_file(project, tmp_path):
    """``api.export_onnx`` and ``orcahuntr:exportonnx`` call one engine function: same file."""
    import json

    import numpy as np

    ort = pytest.importorskip("onnxruntime")
    pytest.importorskip("onnx")
    from processing_setup import run

    api, ws, _info, snap = _api_model_with_snapshot(tmp_path)
    by_api = api.export_onnx("Trees", tmp_path / "console.onnx", raster="scene")
    by_alg = run(
        "exportonnx",
        {"WORKSPACE": str(ws.root), "MODEL": "Trees", "RASTER": str(tmp_path / "scene.tif"),
         "OUTPUT": str(tmp_path / "toolbox.onnx")},
    )  # fmt: skip
    assert by_alg["OUTPUT"] == str(tmp_path / "toolbox.onnx") and by_alg["SNAPSHOT_ID"] == snap.id
    assert json.loads(by_alg["METADATA"]) == json.loads(json.dumps(by_api.metadata))
    tiles = np.random.default_rng(0).normal(size=(2, 3, 32, 32)).astype(np.float32)
    outputs = []
    for path in (by_api.path, tmp_path / "toolbox.onnx"):
        session = ort.InferenceSession(str(path), providers=["CPUExecutionProvider"])
        meta = session.get_modelmeta().custom_metadata_map
        assert json.loads(meta["model_type"]) == "Segmentor" and json.loads(meta["tile_size"]) == 32
        outputs.append(session.run(None, {"input": tiles}))
    for a, b in zip(*outputs, strict=True):
        np.testing.assert_array_equal(a, b)
