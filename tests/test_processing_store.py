"""The model and snapshot algorithms, run through ``processing.run`` in QGIS.

These algorithms only need the snapshot store: snapshots are created directly with
small fake weights, so no training is needed here.
"""

from __future__ import annotations

import numpy as np
import pytest
import synthdata
from processing_setup import (
    huntr_provider,  # noqa: F401 - the fixture
    run,
)
from qgis.core import QgsApplication, QgsProcessingException, QgsProject, QgsVectorLayer

pytestmark = pytest.mark.usefixtures("huntr_provider")


def fake_snapshot(ws, model_id: str, step: int, f1: float):
    weights = {"w": np.full((2, 2), step, dtype=np.float32)}
    return ws.create_snapshot(
        model_id,
        weights=weights,
        optimizer=None,
        optimizer_meta=None,
        metrics={"f1": f1, "loss": 1.0 / step},
        progress={"epochs": step / 10, "steps": step, "tiles_seen": step * 4},
        config={"seed": 0},
        counts=None,
    )


@pytest.fixture
def workspace(tmp_path):
    """A workspace with one two-class model and three snapshots (oldest first)."""
    ws, info, scene = synthdata.make_workspace(tmp_path)
    snaps = [fake_snapshot(ws, info.id, step, f1) for step, f1 in ((10, 0.2), (20, 0.5), (30, 0.7))]
    return ws, info, scene, snaps


def test_provider_lists_every_algorithm_with_help():
    provider = QgsApplication.processingRegistry().providerById("orcahuntr")
    ids = sorted(alg.id() for alg in provider.algorithms())
    assert ids == sorted(
        f"orcahuntr:{name}"
        for name in (
            "createmodel",
            "trainmodel",
            "detect",
            "detectmany",
            "listsnapshots",
            "savesnapshot",
            "renamesnapshot",
            "reverttosnapshot",
            "modelfromsnapshot",
            "purgeexpired",
            "setretention",
            "undorevert",
            "exportsnapshot",
            "importsnapshot",
            "comparesnapshots",
            "exportonnx",
        )
    )
    for alg in provider.algorithms():
        assert alg.displayName() and len(alg.shortHelpString()) > 80, alg.id()
        assert alg.flags() & alg.FlagCanCancel
        assert "WORKSPACE" in [p.name() for p in alg.parameterDefinitions()]


def test_create_model_from_raster_and_layers(tmp_path):
    scene = synthdata.write_scene(tmp_path / "scene.tif", 64, resolution=0.5)
    src = synthdata.write_training_gpkg(
        tmp_path / "drawn.gpkg",
        "EPSG:4326",
        [scene.box(0, 0, 0.5, 1), scene.box(0.5, 0, 1, 1)],
        scene.labels(),
        purposes=["train", "validation"],
        geometry_crs=scene.crs,
    )
    result = run(
        "createmodel",
        {
            "WORKSPACE": str(tmp_path / "ws.huntr"),
            "NAME": "Things",
            "CLASSES": "disc:#ff0000, square",
            "MODE": 0,
            "RASTER": str(scene.path),
            "TRAINING_AREAS": f"{src}|layername=training_areas",
            "PURPOSE_FIELD": "purpose",
            "LABELS": f"{src}|layername=labels",
            "CLASS_FIELD": "class_id",
            "TILE_SIZE": 64,
            "WIDTH": 8,
            "DEPTH": 2,
        },
    )
    from orca_huntr.snapshots import Workspace

    ws = Workspace.open(tmp_path / "ws.huntr")
    model = ws.get_model(result["MODEL_ID"])
    assert model.name == "Things" and model.mode == "count"
    assert [c.name for c in model.classes] == ["disc", "square"]
    assert model.classes[0].color == "#ff0000"
    assert model.input_spec.crs == "EPSG:32612"
    assert model.input_spec.resolution == pytest.approx(0.5)
    assert model.input_spec.bands == [1, 2, 3] and model.input_spec.dtype == "uint8"
    # given sizes are kept (no sizing from the labels); count models store their boundary target
    assert model.network == {"width": 8, "depth": 2, "boundary_target": "centre"} and model.tile_size == 64
    assert [s.name for s in ws.list_scenes(model.id)] == ["scene"]
    labels = QgsVectorLayer(f"{result['TRAINING_DATA']}|layername=labels", "l", "ogr")
    areas = QgsVectorLayer(f"{result['TRAINING_DATA']}|layername=training_areas", "a", "ogr")
    assert labels.featureCount() == len(scene.objects)
    assert sorted({f["class_id"] for f in labels.getFeatures()}) == [1, 2]
    by_purpose = {f["purpose"]: f for f in areas.getFeatures()}
    assert areas.featureCount() == 2 and set(by_purpose) == {"train", "validation"}
    # reprojected back from EPSG:4326 into the model's CRS: the train area is the left half
    bbox = by_purpose["train"].geometry().boundingBox()
    expected = scene.box(0, 0, 0.5, 1).bounds
    assert bbox.xMinimum() == pytest.approx(expected[0], abs=0.01)
    assert bbox.xMaximum() == pytest.approx(expected[2], abs=0.01)


def test_create_model_rejects_a_bad_colour(tmp_path):
    scene = synthdata.write_scene(tmp_path / "scene.tif", 32)
    with pytest.raises(QgsProcessingException, match="#rrggbb"):
        run(
            "createmodel",
            {"WORKSPACE": str(tmp_path / "ws"), "NAME": "x", "CLASSES": "a:red", "RASTER": str(scene.path)},
        )


def test_create_model_takes_a_working_scale_and_refuses_a_wrong_one(tmp_path):
    from orca_huntr.snapshots import Workspace

    scene = synthdata.write_scene(tmp_path / "scene.tif", 32)
    base = {"WORKSPACE": str(tmp_path / "ws.huntr"), "CLASSES": "a", "RASTER": str(scene.path)}
    with pytest.raises(QgsProcessingException, match="working scale must be 1"):
        run("createmodel", {**base, "NAME": "three", "SCALE": 3})
    ws = Workspace.open(tmp_path / "ws.huntr")
    assert ws.list_models() == []  # refused before anything was written
    result = run("createmodel", {**base, "NAME": "full", "SCALE": 1})
    network = ws.get_model(result["MODEL_ID"]).network
    # tile and depth still from the labels, at the scale the user chose
    assert network["scale"] == 1 and network["auto"] is True


def test_workspace_defaults_to_the_one_beside_the_project(qgis_new_project, workspace, tmp_path):
    _, info, _, _ = workspace
    project_file = tmp_path / "site.qgz"
    assert QgsProject.instance().write(str(project_file))
    result = run("listsnapshots", {"MODEL": info.name, "OUTPUT": "memory:"})
    assert result["COUNT"] == 3


def test_list_snapshots_table(workspace):
    ws, info, _, snaps = workspace
    result = run("listsnapshots", {"WORKSPACE": str(ws.root), "MODEL": info.id, "OUTPUT": "memory:"})
    assert result["COUNT"] == 3
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "t", "ogr")
    rows = [f.attributes() for f in layer.getFeatures()]
    names = layer.fields().names()
    table = [dict(zip(names, r, strict=True)) for r in rows]
    assert [r["snapshot_id"] for r in table] == [s.id for s in reversed(snaps)]  # newest first
    assert [r["kind"] for r in table] == ["current", "temporary", "temporary"]
    assert [r["steps"] for r in table] == [30, 20, 10]
    assert table[0]["metric_f1"] == pytest.approx(0.7)
    assert table[0]["labels"] == sum(snaps[-1].counts["labels_per_class"].values()) > 0
    assert table[0]["training_areas"] == 1 and table[0]["scenes"] == 1
    assert table[1]["expires_at"] and not table[0]["expires_at"]


def test_list_snapshots_of_every_model(workspace):
    ws, info, _, snaps = workspace
    other = ws.new_model_from_snapshot(info.id, snaps[0].id, "branch")
    fake_snapshot(ws, other.id, 5, 0.1)
    result = run("listsnapshots", {"WORKSPACE": str(ws.root), "OUTPUT": "memory:"})
    assert len(ws.list_snapshots(other.id)) >= 1
    assert result["COUNT"] == 3 + len(ws.list_snapshots(other.id))
    layer = result["OUTPUT"]
    assert sorted({f["model_name"] for f in layer.getFeatures()}) == ["branch", "synthetic"]


def test_save_and_rename_snapshot(workspace):
    ws, info, _, snaps = workspace
    saved = run("savesnapshot", {"WORKSPACE": str(ws.root), "MODEL": "SYNTHETIC", "SNAPSHOT": snaps[0].id})
    assert saved["SNAPSHOT_ID"] == snaps[0].id
    assert ws.get_snapshot(info.id, snaps[0].id).kind == "saved"
    renamed = run(
        "renamesnapshot",
        {"WORKSPACE": str(ws.root), "MODEL": info.id, "SNAPSHOT": snaps[0].id, "NEW_NAME": "first good"},
    )
    assert renamed["SNAPSHOT_NAME"] == "first good"
    # found again by its new name
    again = run("savesnapshot", {"WORKSPACE": str(ws.root), "MODEL": info.id, "SNAPSHOT": "first good"})
    assert again["SNAPSHOT_ID"] == snaps[0].id
    # empty SNAPSHOT saves the current state, with a name
    current = run("savesnapshot", {"WORKSPACE": str(ws.root), "MODEL": info.id, "NAME": "latest"})
    assert current["SNAPSHOT_ID"] == snaps[-1].id
    assert ws.get_snapshot(info.id, snaps[-1].id).name == "latest"


def test_unknown_model_is_a_clear_error(workspace):
    ws, *_ = workspace
    with pytest.raises(QgsProcessingException, match=r"No model “nope”.*synthetic"):
        run("savesnapshot", {"WORKSPACE": str(ws.root), "MODEL": "nope"})


def test_revert_needs_confirmation(workspace):
    ws, info, _, snaps = workspace
    params = {"WORKSPACE": str(ws.root), "MODEL": info.id, "SNAPSHOT": snaps[0].id}
    with pytest.raises(QgsProcessingException, match=r"take back 2 later snapshots.*Undo revert” until"):
        run("reverttosnapshot", params)
    assert len(ws.list_snapshots(info.id)) == 3  # nothing changed
    result = run("reverttosnapshot", {**params, "CONFIRM": True})
    assert result["DISCARDED"] == 2
    assert ws.current_snapshot(info.id).id == result["SNAPSHOT_ID"]
    assert [s.id for s in ws.list_snapshots(info.id)] == [snaps[0].id]

    undone = run("undorevert", {"WORKSPACE": str(ws.root), "MODEL": info.name})
    assert undone["RESTORED"] == 2 and undone["SNAPSHOT_ID"] == snaps[2].id
    assert [s.id for s in ws.list_snapshots(info.id)] == [s.id for s in reversed(snaps)]
    with pytest.raises(QgsProcessingException, match="to undo"):
        run("undorevert", {"WORKSPACE": str(ws.root), "MODEL": info.id})


def test_list_snapshots_has_the_parent_across_models(workspace):
    ws, info, _, snaps = workspace
    child = ws.new_model_from_snapshot(info.id, snaps[1].id, "child")
    rows = api_rows(ws, child)
    assert [(r["parent_model_id"], r["parent_id"]) for r in rows] == [(info.id, snaps[1].id)]
    rows = {r["snapshot_id"]: r for r in api_rows(ws, info)}
    assert (rows[snaps[1].id]["parent_model_id"], rows[snaps[1].id]["parent_id"]) == (info.id, snaps[0].id)


def api_rows(ws, model):
    result = run("listsnapshots", {"WORKSPACE": str(ws.root), "MODEL": model.id, "OUTPUT": "memory:"})
    layer = result["OUTPUT"]
    if isinstance(layer, str):
        layer = QgsVectorLayer(layer, "t", "ogr")
    return [dict(zip(layer.fields().names(), f.attributes(), strict=True)) for f in layer.getFeatures()]


def test_model_from_snapshot(workspace):
    ws, info, _, snaps = workspace
    result = run(
        "modelfromsnapshot",
        {
            "WORKSPACE": str(ws.root),
            "MODEL": info.id,
            "SNAPSHOT": snaps[1].id,
            "NAME": "branch",
            "CLASS_NAMES": "round, box",
            "REUSE_TRAINING_DATA": True,
        },
    )
    model = ws.get_model(result["MODEL_ID"])
    assert model.name == "branch" and [c.name for c in model.classes] == ["round", "box"]
    assert model.parent_model_id == info.id and model.parent_snapshot_id == snaps[1].id
    labels = QgsVectorLayer(f"{ws.training_data_path(model.id)}|layername=labels", "l", "ogr")
    assert labels.featureCount() == sum(snaps[1].counts["labels_per_class"].values())
    with pytest.raises(QgsProcessingException, match="give exactly 2 class names"):
        run(
            "modelfromsnapshot",
            {"WORKSPACE": str(ws.root), "MODEL": info.id, "NAME": "bad", "CLASS_NAMES": "one"},
        )


def test_purge_expired(workspace):
    ws, info, _, snaps = workspace
    assert run("purgeexpired", {"WORKSPACE": str(ws.root)})["PURGED"] == 0
    assert len(ws.list_snapshots(info.id)) == 3
    # temporary snapshots now expire as soon as they are superseded
    ws.set_setting("temporary_days", 0)
    result = run("purgeexpired", {"WORKSPACE": str(ws.root)})
    assert result["PURGED"] == 2
    assert set(result["SNAPSHOT_IDS"].split(",")) == {snaps[0].id, snaps[1].id}
    assert [s.id for s in ws.list_snapshots(info.id)] == [snaps[-1].id]


def test_every_algorithm_opens_its_toolbox_dialog(qgis_iface, monkeypatch):
    """The Processing GUI builds a dialog (a widget per parameter) for every algorithm."""
    import qgis.utils
    from qgis.gui import QgsBrowserGuiModel

    import processing

    browser = QgsBrowserGuiModel()
    monkeypatch.setattr(qgis.utils.iface, "browserModel", lambda: browser, raising=False)
    provider = QgsApplication.processingRegistry().providerById("orcahuntr")
    for alg in provider.algorithms():
        dialog = processing.createAlgorithmDialog(alg.id())
        assert dialog is not None, alg.id()
        assert dialog.windowTitle() == alg.displayName()
        dialog.close()


def test_the_panel_shows_what_an_algorithm_changed(qgis_iface, qgis_new_project, monkeypatch, tmp_path):
    """After an algorithm changed the workspace the panel shows, the panel is refreshed."""
    import qgis.utils

    import orca_huntr

    ws, info, _ = synthdata.make_workspace(tmp_path)
    assert QgsProject.instance().write(str(tmp_path / "site.qgz"))
    QgsApplication.processingRegistry().removeProvider("orcahuntr")  # the plugin registers its own
    plugin = orca_huntr.classFactory(qgis_iface)
    plugin.initGui()
    monkeypatch.setitem(qgis.utils.plugins, "orca_huntr", plugin)
    try:
        plugin.toggle_dock(True)
        dock = plugin.dock
        assert dock.current_model_id() == info.id and dock.timeline.entries() == []
        snaps = [fake_snapshot(ws, info.id, step, 0.1) for step in (1, 2)]  # behind the panel's back
        assert dock.timeline.entries() == []
        run("savesnapshot", {"MODEL": info.id, "SNAPSHOT": snaps[0].id, "NAME": "kept"})
        assert len(dock.timeline.entries()) == 2
    finally:
        plugin.unload()
