"""Every kind of bad training input gets a clear message naming the layer or feature."""

from __future__ import annotations

import pytest
import synthdata
from shapely.geometry import Polygon

from orca_huntr.errors import IncompatibleRasterError, InputDataError
from orca_huntr.training import TrainConfig, train_model

QUICK = TrainConfig(max_steps=2, batch_size=2, device="cpu", threads=1, validation_fraction=0.0)


@pytest.fixture
def workspace(tmp_path):
    return synthdata.make_scene_workspace(tmp_path, area_fraction=0.5)


def test_no_training_areas(workspace):
    ws, model, _ = workspace
    synthdata.clear_layer(ws.training_data_path(model.id), "training_areas")
    with pytest.raises(InputDataError, match=r"no training areas.*'training_areas'"):
        train_model(ws, model.id, QUICK)
    assert ws.current_snapshot(model.id) is None  # bad input: nothing was trained, nothing stored


def test_no_scenes(workspace):
    ws, model, _ = workspace
    for scene in ws.list_scenes(model.id):
        ws.remove_scene(model.id, scene.scene_id)
    with pytest.raises(InputDataError, match="no scenes"):
        train_model(ws, model.id, QUICK)


def test_training_area_off_every_scene_is_named(workspace):
    ws, model, scene = workspace
    from shapely.affinity import translate

    far = translate(scene.bounds, 10_000, 0)
    synthdata.write_training_gpkg(ws.training_data_path(model.id), scene.crs, [far])
    with pytest.raises(
        InputDataError, match=r"Training area\(s\) 2 of layer 'training_areas' overlap no scene"
    ):
        train_model(ws, model.id, QUICK)


def test_labels_outside_every_area_are_a_warning_with_their_ids(workspace):
    ws, model, scene = workspace
    right = scene.box(0.55, 0, 1, 1)
    outside = scene.labels(right)
    assert outside
    gpkg = ws.training_data_path(model.id)
    first_new = len(scene.labels(scene.box(0, 0, 0.5, 1))) + 1
    synthdata.write_training_gpkg(gpkg, scene.crs, [], outside)
    result = train_model(ws, model.id, QUICK)
    ids = ", ".join(str(i) for i in range(first_new, first_new + len(outside)))
    assert any(f"Label(s) {ids} lie outside every training area" in w for w in result.warnings)
    assert result.snapshot.metrics["warnings"] == result.warnings


def test_invalid_geometry_is_repaired_and_named(workspace):
    ws, model, scene = workspace
    x0, y0, x1, y1 = scene.box(0.1, 0.1, 0.3, 0.3).bounds
    bowtie = Polygon([(x0, y0), (x1, y1), (x1, y0), (x0, y1)])
    assert not bowtie.is_valid
    synthdata.write_training_gpkg(ws.training_data_path(model.id), scene.crs, [], [(bowtie, 1)])
    n = len(scene.labels(scene.box(0, 0, 0.5, 1))) + 1
    result = train_model(ws, model.id, QUICK)
    assert any(f"Feature {n} of layer 'labels' had an invalid geometry" in w for w in result.warnings)


def test_unrepairable_geometry_is_named(workspace):
    ws, model, scene = workspace
    x0, y0, x1, y1 = scene.box(0.1, 0.1, 0.3, 0.3).bounds
    flat = Polygon([(x0, y0), (x1, y1), (x0, y0), (x1, y1)])  # no area at all
    synthdata.write_training_gpkg(ws.training_data_path(model.id), scene.crs, [flat])
    with pytest.raises(InputDataError, match=r"Feature 2 of layer 'training_areas'.*(invalid|no) geometry"):
        train_model(ws, model.id, QUICK)


def test_unknown_class_is_named(workspace):
    ws, model, scene = workspace
    synthdata.write_training_gpkg(
        ws.training_data_path(model.id), scene.crs, [], [(scene.box(0, 0, 0.1, 0.1), 7)]
    )
    n = len(scene.labels(scene.box(0, 0, 0.5, 1))) + 1
    with pytest.raises(InputDataError, match=rf"Label\(s\) {n} \(class_id 7\).*classes 1 to 2"):
        train_model(ws, model.id, QUICK)


def test_scene_with_other_band_count(tmp_path):
    ws, model, _ = synthdata.make_scene_workspace(tmp_path, bands=3)
    gray = synthdata.write_scene(tmp_path / "gray.tif", 64, bands=1)
    ws.add_scene(model.id, str(gray.path), name="gray")
    with pytest.raises(IncompatibleRasterError, match=r"Scene 'gray' has 1 band.*bands 1, 2, 3"):
        train_model(ws, model.id, QUICK)


def test_unreadable_raster(workspace, tmp_path):
    ws, model, _ = workspace
    broken = tmp_path / "broken.tif"
    broken.write_bytes(b"not a raster at all")
    ws.add_scene(model.id, str(broken), name="broken")
    with pytest.raises(InputDataError, match="Scene 'broken' cannot be read"):
        train_model(ws, model.id, QUICK)


def test_cuda_requested_without_gpu(workspace, monkeypatch):
    import torch

    from orca_huntr.errors import HuntrError

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    ws, model, _ = workspace
    with pytest.raises(HuntrError, match="'cuda' was requested but this torch sees no CUDA GPU"):
        train_model(ws, model.id, TrainConfig(max_steps=1, device="cuda"))


def test_training_and_detection_pick_and_refuse_a_device_by_one_rule(monkeypatch):
    import torch

    from orca_huntr.detection.infer import resolve_device as detection_device
    from orca_huntr.training.device import resolve_device

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    assert resolve_device("auto") == detection_device(None) == detection_device("AUTO") == "cpu"
    refusals = {"Training": lambda: resolve_device("cuda"), "Detection": lambda: detection_device("cuda:0")}
    for job, call in refusals.items():
        with pytest.raises(InputDataError, match=f"^{job} on 'cuda"):
            call()
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    assert resolve_device("auto") == detection_device("auto") == "cuda"


# ---------------------------------------------------------------- issue #13: nothing silent


def test_no_label_in_any_training_area_is_warned_before_the_first_step(workspace, caplog):
    ws, model, _ = workspace
    synthdata.clear_layer(ws.training_data_path(model.id), "labels")
    seen_at_first_step: list[bool] = []

    def progress(_p):
        if not seen_at_first_step:
            seen_at_first_step.append(
                any("no label inside a training area" in r.message for r in caplog.records)
            )

    with caplog.at_level("WARNING"):
        result = train_model(ws, model.id, QUICK, progress=progress)
    assert seen_at_first_step == [True]
    assert any("will learn that everything is background" in w for w in result.warnings)
    assert result.snapshot.metrics["warnings"] == result.warnings


def test_training_area_without_labels_is_named(workspace):
    ws, model, scene = workspace
    synthdata.write_training_gpkg(ws.training_data_path(model.id), scene.crs, [scene.box(0.55, 0, 1, 1)])
    result = train_model(ws, model.id, QUICK)
    assert any("Training area(s) 2 hold no label" in w for w in result.warnings)


def test_one_pixel_scene_is_refused(workspace, tmp_path):
    import numpy as np
    import rasterio
    from rasterio.transform import from_origin

    ws, model, scene = workspace
    tiny = tmp_path / "tiny.tif"
    minx, _miny, _maxx, maxy = scene.box(0, 0, 0.5, 1).bounds  # one pixel inside the training area
    with rasterio.open(
        tiny, "w", driver="GTiff", width=1, height=1, count=3, dtype="uint8", crs=scene.crs,
        transform=from_origin(minx, maxy, 1, 1),
    ) as dst:  # fmt: skip
        dst.write(np.zeros((3, 1, 1), np.uint8))
    for old in ws.list_scenes(model.id):
        ws.remove_scene(model.id, old.scene_id)
    ws.add_scene(model.id, str(tiny), name="tiny")
    with pytest.raises(InputDataError, match=r"Scene 'tiny' .* is only 1×1 pixels: too small"):
        train_model(ws, model.id, QUICK)
    assert ws.current_snapshot(model.id) is None


def test_training_without_torch_says_how_to_install_it(workspace):
    import json
    import subprocess
    import sys
    import textwrap

    ws, model, _ = workspace
    code = textwrap.dedent(
        f"""
        import json, sys
        sys.modules["torch"] = None  # as if torch were not installed
        from orca_huntr.snapshots import Workspace
        from orca_huntr.training import train_model
        try:
            train_model(Workspace.open({str(ws.root)!r}), {model.id!r})
        except Exception as exc:
            print(json.dumps([type(exc).__name__, str(exc)]))
        """
    )
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    name, message = json.loads(proc.stdout.strip().splitlines()[-1])
    assert name == "MissingDependencyError"
    assert "pip install torch" in message
