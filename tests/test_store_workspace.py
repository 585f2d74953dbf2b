"""Unit tests of the snapshot store: workspace, models, training data, scenes, paths, schema."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from store_helpers import FakeClock, new_workspace, snap

from orca_huntr.errors import (
    InputDataError,
    InvalidNameError,
    NotFoundError,
    ReadOnlyWorkspaceError,
    WorkspaceError,
)
from orca_huntr.snapshots import (
    ClassSpec,
    InputSpec,
    ModelInfo,
    SnapshotInfo,
    Workspace,
    workspace_dir_for_project,
)
from orca_huntr.snapshots.paths import inside, validate_id, validate_name


def test_workspace_dir_for_project(tmp_path):
    assert workspace_dir_for_project(tmp_path / "site.qgz") == tmp_path / "site.huntr"
    assert workspace_dir_for_project(str(tmp_path / "a.b.QGS")) == tmp_path / "a.b.huntr"
    with pytest.raises(WorkspaceError, match="not been saved"):
        workspace_dir_for_project("")
    with pytest.raises(WorkspaceError, match="not a QGIS project"):
        workspace_dir_for_project(tmp_path / "site.txt")


def test_for_project_opens_beside_the_project(tmp_path):
    ws = Workspace.for_project(tmp_path / "site.qgz")
    assert ws.root == tmp_path / "site.huntr" and not ws.is_temporary
    meta = json.loads((tmp_path / "site.huntr" / "workspace.json").read_text())
    assert meta["schema_version"] == 1 and meta["settings"]["temporary_days"] == 7
    assert ws.detections_dir == tmp_path / "site.huntr" / "detections" and ws.detections_dir.is_dir()


def test_unsaved_project_gets_temporary_workspace_moved_when_saved(tmp_path):
    ws = Workspace.for_project(None, base=tmp_path / "tmp")
    assert ws.is_temporary and ws.root.parent == tmp_path / "tmp"
    assert Workspace.for_project("", base=tmp_path / "tmp").is_temporary  # handled, not an error
    model = ws.create_model("m", classes=[ClassSpec("a", "#112233")])
    s = snap(ws, model.id)
    old = ws.root
    new = ws.move_beside_project(tmp_path / "proj" / "site.qgz")
    assert new == tmp_path / "proj" / "site.huntr" and ws.root == new and not ws.is_temporary
    assert not old.exists()
    assert ws.get_model(model.id).name == "m"
    assert ws.load_snapshot(model.id, s.id).info.id == s.id
    reopened = Workspace.for_project(tmp_path / "proj" / "site.qgz")
    assert [m.id for m in reopened.list_models()] == [model.id]
    other = Workspace.open_temporary(tmp_path / "tmp")
    with pytest.raises(WorkspaceError, match="already exists"):
        other.move_beside_project(tmp_path / "proj" / "site.qgz")


def test_open_rejects_a_file_and_a_malformed_workspace_json(tmp_path):
    (tmp_path / "file.huntr").write_text("x")
    with pytest.raises(WorkspaceError, match="not a folder"):
        Workspace.open(tmp_path / "file.huntr")
    (tmp_path / "bad.huntr").mkdir()
    (tmp_path / "bad.huntr" / "workspace.json").write_text("{not json")
    with pytest.raises(WorkspaceError, match="malformed"):
        Workspace.open(tmp_path / "bad.huntr")


def test_newer_schema_opens_read_only(tmp_path):
    ws, model = new_workspace(tmp_path / "w.huntr")
    s = snap(ws, model.id)
    meta = json.loads((ws.root / "workspace.json").read_text())
    meta["schema_version"] = 99
    (ws.root / "workspace.json").write_text(json.dumps(meta))
    ro = Workspace.open(ws.root)
    assert ro.read_only and "newer" in ro.read_only_reason and "99" in ro.read_only_reason
    assert [m.id for m in ro.list_models()] == [model.id]
    assert ro.load_snapshot(model.id, s.id).info.id == s.id  # reading still works
    for call in (
        lambda: ro.create_model("x", classes=[ClassSpec("a")]),
        lambda: snap(ro, model.id, 1),
        lambda: ro.save_snapshot(model.id, s.id),
        lambda: ro.purge_expired(),
        lambda: ro.revert(model.id, s.id),
        lambda: ro.rename_model(model.id, "y"),
    ):
        with pytest.raises(ReadOnlyWorkspaceError, match="read-only"):
            call()
    assert json.loads((ws.root / "workspace.json").read_text())["schema_version"] == 99


def test_create_model_writes_model_json_and_the_contract_geopackage(tmp_path):
    from osgeo import ogr

    ws, model = new_workspace(tmp_path / "w.huntr", classes=3)
    assert isinstance(model, ModelInfo) and model.num_classes == 3 and model.mode == "count"
    data = json.loads((ws.root / "models" / model.id / "model.json").read_text())
    assert data["name"] == "orcas" and data["input_spec"]["crs"] == "EPSG:32612" and data["tile_size"] == 32
    assert ModelInfo.from_dict(data) == model
    path = ws.training_data_path(model.id)
    assert path == ws.root / "models" / model.id / "training.gpkg"
    ds = ogr.Open(str(path))
    layers = {ds.GetLayer(i).GetName(): ds.GetLayer(i) for i in range(ds.GetLayerCount())}
    assert set(layers) == {"training_areas", "labels", "scenes"}

    def fields(layer):
        d = layer.GetLayerDefn()
        return [d.GetFieldDefn(i).GetName() for i in range(d.GetFieldCount())]

    assert fields(layers["training_areas"]) == ["purpose"]
    assert fields(layers["labels"]) == ["class_id"]
    assert fields(layers["scenes"]) == ["scene_id", "source", "name", "fingerprint", "added_at"]
    assert layers["labels"].GetSpatialRef().GetAuthorityCode(None) == "32612"
    assert layers["scenes"].GetGeomType() == ogr.wkbNone
    assert ws.training_counts(model.id) == {"training_areas": 0, "labels_per_class": {}, "scenes": 0}
    assert [m.id for m in ws.list_models()] == [model.id]
    assert Workspace.open(ws.root).get_model(model.id) == model


@pytest.mark.parametrize(
    "kwargs, error, match",
    [
        ({"classes": []}, InputDataError, "at least one class"),
        ({"classes": [ClassSpec("a", "red")]}, InputDataError, "#rrggbb"),
        ({"classes": [ClassSpec("a"), ClassSpec("A")]}, InputDataError, "same name"),
        ({"classes": [ClassSpec("../a")]}, InvalidNameError, "separator"),
        ({"mode": "panoptic"}, InputDataError, "mode"),
        ({"input_spec": InputSpec(bands=[])}, InputDataError, "band"),
        ({"tile_size": 2}, InputDataError, "tile size"),
    ],
)
def test_create_model_rejects_bad_input(tmp_path, kwargs, error, match):
    ws = Workspace.open(tmp_path / "w.huntr")
    args = {"classes": [ClassSpec("a")], **kwargs}
    with pytest.raises(error, match=match):
        ws.create_model("m", **args)
    assert ws.list_models() == []
    assert [p.name for p in ws.models_dir.iterdir()] == []


@pytest.mark.parametrize(
    "name", ["../x", "/etc/passwd", "a\0b", "", "   ", "CON", "nul.txt", "a\\b", "..", "x" * 200]
)
def test_hostile_model_names_are_rejected(tmp_path, name):
    ws = Workspace.open(tmp_path / "w.huntr")
    with pytest.raises(InvalidNameError):
        ws.create_model(name, classes=[ClassSpec("a")])
    assert ws.list_models() == []


@pytest.mark.parametrize("bad_id", ["../x", "/abs", "m\0", "", "M1", "..", "a/b", "x" * 100, 5])
def test_hostile_ids_never_become_paths(tmp_path, bad_id):
    ws, _ = new_workspace(tmp_path / "w.huntr")
    with pytest.raises(InvalidNameError):
        ws.get_model(bad_id)
    with pytest.raises(InvalidNameError):
        validate_id(bad_id)


def test_path_components_must_stay_inside(tmp_path):
    root = tmp_path / "w"
    root.mkdir()
    (root / "models").mkdir()
    outside = tmp_path / "outside"
    outside.mkdir()
    (root / "models" / "mlinkout").symlink_to(outside)
    with pytest.raises(InvalidNameError, match="outside"):
        inside(root, "models", "mlinkout")
    for part in ("..", "/etc", "a/b", ""):
        with pytest.raises(InvalidNameError):
            inside(root, part)
    assert inside(root, "models") == root / "models"


def test_symlinked_model_folder_is_refused(tmp_path):
    ws, model = new_workspace(tmp_path / "w.huntr")
    outside = tmp_path / "elsewhere"
    outside.mkdir()
    (ws.models_dir / "mevil123").symlink_to(outside)
    with pytest.raises(InvalidNameError, match="outside"):
        ws.get_model("mevil123")
    assert [m.id for m in ws.list_models()] == [model.id]


def test_validate_name_cleans_and_keeps_unicode():
    assert (
        validate_name("  Orcas – Juan de Fuca 2026-01-01 12:00:00 ")
        == "Orcas – Juan de Fuca 2026-01-01 12:00:00"
    )
    with pytest.raises(InvalidNameError):
        validate_name(None)  # type: ignore[arg-type]
    with pytest.raises(InvalidNameError):
        validate_name("tab\there")


def test_model_names_unique_rename_delete_and_not_found(tmp_path):
    ws, model = new_workspace(tmp_path / "w.huntr")
    with pytest.raises(InvalidNameError, match="already exists"):
        ws.create_model("ORCAS", classes=[ClassSpec("a")])
    other = ws.create_model("seals", classes=[ClassSpec("a")])
    with pytest.raises(InvalidNameError, match="already exists"):
        ws.rename_model(other.id, "Orcas")
    renamed = ws.rename_model(other.id, "harbour seals")
    assert renamed.name == "harbour seals" and ws.get_model(other.id).name == "harbour seals"
    assert ws.find_model("HARBOUR SEALS").id == other.id and ws.find_model(model.id).id == model.id
    snap(ws, other.id)
    deleted = ws.delete_model(other.id)
    assert deleted.id == other.id
    assert [m.id for m in ws.list_models()] == [model.id]
    assert not (ws.models_dir / other.id).exists()
    assert [p.name for p in ws.models_dir.iterdir()] == [model.id]
    with pytest.raises(NotFoundError):
        ws.get_model(other.id)
    with pytest.raises(NotFoundError):
        ws.find_model("harbour seals")
    with pytest.raises(NotFoundError):
        ws.training_data_path(other.id)
    with pytest.raises(NotFoundError):
        ws.list_snapshots(other.id)


def test_scenes_add_list_remove(tmp_path):
    clock = FakeClock()
    ws, model = new_workspace(tmp_path / "w.huntr", clock)
    raster = tmp_path / "scene.tif"
    raster.write_bytes(b"fake raster bytes" * 100)
    a = ws.add_scene(model.id, str(raster))
    assert a.name == "scene" and a.fingerprint.startswith("sha256-sampled:") and a.added_at == clock.now
    assert ws.add_scene(model.id, str(raster), name="again") == a  # same source: same scene
    b = ws.add_scene(model.id, "/vsicurl/https://example.com/x.tif", name="remote")
    assert b.fingerprint.startswith("sha256-source:")
    assert ws.list_scenes(model.id) == [a, b]
    assert ws.training_counts(model.id)["scenes"] == 2
    raster.write_bytes(b"other content" * 100)
    ws.remove_scene(model.id, a.scene_id)
    assert ws.list_scenes(model.id) == [b]
    assert ws.add_scene(model.id, str(raster)).fingerprint != a.fingerprint
    with pytest.raises(NotFoundError):
        ws.remove_scene(model.id, "cnothere")
    with pytest.raises(InvalidNameError):
        ws.add_scene(model.id, "a\0b")


def test_dataclasses_round_trip_through_json(tmp_path):
    ws, model = new_workspace(tmp_path / "w.huntr", FakeClock())
    s = snap(ws, model.id, counts={"training_areas": 2, "labels_per_class": {1: 5, 2: 3}, "scenes": 1})
    text = json.dumps(s.to_dict())
    back = SnapshotInfo.from_dict(json.loads(text))
    assert back == s and back.counts["labels_per_class"] == {1: 5, 2: 3}
    assert ModelInfo.from_dict(json.loads(json.dumps(model.to_dict()))) == model
    assert s.created_at.tzinfo is not None and s.created_at.utcoffset().total_seconds() == 0


def test_importing_the_package_does_not_import_torch_or_qgis():
    code = (
        "import sys; import orca_huntr.snapshots as s; s.Workspace; s.SnapshotInfo; "
        "bad=[m for m in sys.modules if m.split('.')[0] in ('torch','qgis','rasterio','geopandas')]; "
        "print(bad); sys.exit(1 if bad else 0)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stdout + out.stderr


def test_setting_temporary_days_persists(tmp_path):
    ws = Workspace.open(tmp_path / "w.huntr")
    ws.set_setting("temporary_days", 2)
    assert Workspace.open(tmp_path / "w.huntr").temporary_days == 2
    with pytest.raises(InputDataError):
        ws.set_setting("temporary_days", -1)
    assert Path(ws.root / "workspace.json").is_file()


def test_unwritable_workspace_opens_read_only(tmp_path, monkeypatch):
    ws, model = new_workspace(tmp_path / "w.huntr")
    s = snap(ws, model.id)
    import orca_huntr.snapshots.store as store_module

    monkeypatch.setattr(store_module.os, "access", lambda path, mode: False)  # as on a read-only medium
    ro = Workspace.open(ws.root)
    assert ro.read_only and "not writable" in ro.read_only_reason
    assert ro.load_snapshot(model.id, s.id).info.id == s.id
    with pytest.raises(ReadOnlyWorkspaceError, match="not writable"):
        snap(ro, model.id, 1)
