"""Issue #13: detection never reports success with a missing, empty or corrupt output,
never writes outside the workspace or into a read-only one, and says what is wrong
instead of raising a traceback.

The snapshots hold the weights of a freshly built network (no training: these tests are
about the failure paths, not about what the network finds).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import numpy as np
import pytest
import synthdata
from osgeo import ogr

from orca_huntr.detection import detect
from orca_huntr.detection.gate import InputRequirements, RasterInfo, check_raster
from orca_huntr.errors import (
    CorruptSnapshotError,
    IncompatibleRasterError,
    InputDataError,
    NotFoundError,
    OutputError,
    ReadOnlyWorkspaceError,
)
from orca_huntr.snapshots import Workspace, atomic


def _network_weights(info, seed=0):
    import torch

    from orca_huntr.training.network import build_network

    torch.manual_seed(seed)
    net = build_network(len(info.input_spec.bands), len(info.classes), info.mode, info.network)
    return {k: v.detach().numpy().copy() for k, v in net.state_dict().items()}


@pytest.fixture
def ready(tmp_path):
    """A workspace with an untrained model, a snapshot of a built network and a scene."""
    ws, info, scene = synthdata.make_scene_workspace(tmp_path, size=64)
    untrained = ws.create_model(
        "untrained", classes=list(info.classes), mode=info.mode, input_spec=info.input_spec,
        network=info.network, tile_size=info.tile_size,
    )  # fmt: skip
    snap = ws.create_snapshot(info.id, _network_weights(info), config={"mode": info.mode})
    return ws, info, untrained, snap, scene.path


pytestmark = pytest.mark.usefixtures("reset_atomic_hooks")


def _gpkgs(ws):
    return sorted(p.name for p in Path(ws.root, "detections").iterdir())


# ---------------------------------------------------------------- 1. a full disk


@pytest.mark.parametrize("kind", ["write", "fsync", "rename"])
def test_failing_file_step_is_an_error_and_leaves_no_file(ready, kind):
    ws, info, _u, snap, scene = ready
    earlier = detect(ws, info.id, snap.id, scene)
    before = earlier.path.read_bytes()

    def fail(step, path):
        if step == kind and path.endswith(".gpkg") and "detections" in path:
            raise OSError(28, "No space left on device")

    atomic.hooks.before = fail
    with pytest.raises(OutputError, match=r"No space left on device.*no detection file was kept"):
        detect(ws, info.id, snap.id, scene)
    atomic.hooks.before = None
    assert _gpkgs(ws) == [earlier.path.name]
    assert earlier.path.read_bytes() == before


_CHILD = textwrap.dedent(
    """
    import json, resource, signal, sys
    from orca_huntr.snapshots import Workspace
    from orca_huntr.detection import detect
    root, model, snap, scene, limit = sys.argv[1:6]
    ws = Workspace.open(root)
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # a write past the limit fails with EFBIG
    resource.setrlimit(resource.RLIMIT_FSIZE, (int(limit), resource.RLIM_INFINITY))
    try:
        result = detect(ws, model, snap, scene)
    except Exception as exc:
        print(json.dumps({"error": type(exc).__name__, "message": str(exc)}))
    else:
        print(json.dumps({"path": str(result.path), "count": result.feature_count}))
    """
)


@pytest.mark.parametrize("limit_kb", [0, 4, 16, 48, 64, 80, 96])
def test_full_disk_during_detection_is_an_error(ready, limit_kb):
    """A process that cannot grow a file past ``limit_kb`` (RLIMIT_FSIZE): the disk is full for it."""
    ws, info, _u, snap, scene = ready
    earlier = detect(ws, info.id, snap.id, scene)
    before = earlier.path.read_bytes()
    proc = subprocess.run(
        [sys.executable, "-c", _CHILD, str(ws.root), info.id, snap.id, str(scene), str(limit_kb * 1024)],
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert proc.returncode == 0, proc.stderr[-3000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert earlier.path.read_bytes() == before  # earlier detections untouched
    if "path" in out:  # it fitted: then the file must be complete
        ds = ogr.Open(out["path"])
        assert ds is not None, "success reported for an unreadable file"
        layers = {
            ds.GetLayer(i).GetName(): ds.GetLayer(i).GetFeatureCount() for i in range(ds.GetLayerCount())
        }
        ds = None
        assert layers.get("detections") == out["count"] and "huntr_run" in layers, layers
        assert limit_kb >= 64, f"an empty detection file cannot fit in {limit_kb} KiB"
        return
    assert out.get("error") == "OutputError", out
    assert "Check free disk space" in out["message"]
    assert _gpkgs(ws) == [earlier.path.name]  # nothing left behind


def test_full_disk_on_a_real_small_filesystem(ready, tmp_path):
    """Detections into a 96 KiB tmpfs. Needs the right to mount (root in a privileged container)."""
    ws, info, _u, snap, scene = ready
    small = tmp_path / "small"
    small.mkdir()
    mount = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=96k", "tmpfs", str(small)], capture_output=True, text=True
    )
    if mount.returncode != 0:
        pytest.skip(f"cannot mount a small tmpfs here: {mount.stderr.strip() or mount.returncode}")
    try:
        with pytest.raises(OutputError):
            detect(ws, info.id, snap.id, scene, options={"output_path": str(small / "out.gpkg")})
        assert list(small.iterdir()) == []
    finally:
        subprocess.run(["umount", str(small)], check=False)


def test_read_only_workspace_gets_no_geopackage(ready):
    ws, info, _u, snap, scene = ready
    meta = json.loads((ws.root / "workspace.json").read_text(encoding="utf-8"))
    (ws.root / "workspace.json").write_text(json.dumps({**meta, "schema_version": 999}), encoding="utf-8")
    ro = Workspace.open(ws.root)
    with pytest.raises(ReadOnlyWorkspaceError, match="read-only"):
        detect(ro, info.id, snap.id, scene)
    assert _gpkgs(ws) == []


# ---------------------------------------------------------------- tracebacks become messages


def test_none_means_current_state_and_says_when_there_is_none(ready):
    ws, info, untrained, snap, scene = ready
    assert detect(ws, info.id, None, scene).snapshot_id == snap.id
    with pytest.raises(NotFoundError, match="'untrained' has no snapshot yet: train it first"):
        detect(ws, untrained.id, None, scene)


def test_weights_that_do_not_fit_the_network_are_explained(ready):
    ws, info, _u, _snap, scene = ready
    weights = _network_weights(info)
    name = next(k for k, v in weights.items() if v.ndim == 4)
    weights[name] = np.zeros((3, 3, 1, 1), np.float32)
    bad = ws.create_snapshot(info.id, weights, config={"mode": info.mode})
    with pytest.raises(InputDataError, match=r"weights do not fit its network settings.*size mismatch"):
        detect(ws, info.id, bad.id, scene)
    assert _gpkgs(ws) == []


def test_all_nan_weights_are_an_unusable_snapshot(ready):
    ws, info, _u, _snap, scene = ready
    weights = {
        k: np.full_like(v, np.nan) if v.dtype.kind == "f" else v for k, v in _network_weights(info).items()
    }
    bad = ws.create_snapshot(info.id, weights, config={"mode": info.mode})
    with pytest.raises(CorruptSnapshotError, match=r"is unusable.*NaN"):
        detect(ws, info.id, bad.id, scene)
    assert _gpkgs(ws) == []


# ---------------------------------------------------------------- what is reported is what was written


@pytest.mark.parametrize("layer_name", ["detections", "Trees · run 1"])
def test_reported_layer_name_is_the_one_in_the_geopackage(ready, layer_name):
    ws, info, _u, snap, scene = ready
    result = detect(ws, info.id, snap.id, scene, options={"layer_name": layer_name})
    ds = ogr.Open(str(result.path))
    names = [ds.GetLayer(i).GetName() for i in range(ds.GetLayerCount())]
    ds = None
    assert result.layer_name == layer_name and layer_name in names
    assert result.uri.endswith(f"|layername={layer_name}")


@pytest.mark.parametrize("layer_name", ["", "gpkg_contents", "huntr_run"])
def test_reserved_layer_names_are_refused_before_any_work(ready, layer_name):
    ws, info, _u, snap, scene = ready
    with pytest.raises(InputDataError, match="layer name"):
        detect(ws, info.id, snap.id, scene, options={"layer_name": layer_name})
    assert _gpkgs(ws) == []


def test_detect_writes_nothing_beside_the_users_raster(ready):
    ws, info, _u, snap, scene = ready
    before = sorted(os.listdir(Path(scene).parent))
    detect(ws, info.id, snap.id, scene)
    assert sorted(os.listdir(Path(scene).parent)) == before


# ---------------------------------------------------------------- the band-count gate


@pytest.mark.parametrize("count", [1, 2])
def test_band_gate_refuses_a_raster_missing_bands(count):
    raster = RasterInfo(
        path="/data/two.tif", width=8, height=8, count=count, dtypes=["uint8"] * count, crs_wkt=None,
        crs_name="EPSG:32612", transform=(1.0, 0.0, 0.0, 0.0, -1.0, 8.0), nodata=None,
    )  # fmt: skip
    needs = InputRequirements([1, 2, 3], "uint8", "EPSG:32612", 1.0)
    with pytest.raises(IncompatibleRasterError, match=rf"has {count} band\(s\).*band\(s\) .*3 missing"):
        check_raster(raster, needs, None)
