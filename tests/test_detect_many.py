"""Many-scene detection on Dask (``detection.many``, ``detect-many``, ``orcahuntr:detectmany``).

One snapshot over several synthetic scenes: the merged GeoPackage holds every scene's
detections once, exactly as ``detect`` gives them for that scene alone, with the scene on
each feature; a LocalCluster of 2 worker processes gives the same file as one process;
a worker killed (SIGKILL) while it writes a scene does not lose or duplicate anything.
"""

from __future__ import annotations

import io
import json
import os
import signal
import threading
import time
from pathlib import Path

import pytest
import synthdata
from osgeo import gdal, ogr

from orca_huntr.cli import exit_codes
from orca_huntr.cli.main import main
from orca_huntr.detection import detect
from orca_huntr.detection.many import detect_many, find_rasters, scene_names
from orca_huntr.detection.output import read_run_metadata
from orca_huntr.errors import IncompatibleRasterError, InputDataError, OutputError

OPTIONS = {"device": "cpu", "block_size": 64}  # several blocks a scene
FIELDS = ("scene", "class_id", "class_name", "score", "area", "snapshot_id")


def features(path: Path) -> list[tuple]:
    """Every feature of the detections layer in file order: its fields and its geometry's WKB."""
    ds = ogr.Open(str(path))
    layer = ds.GetLayerByName("detections")
    names = [
        layer.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(layer.GetLayerDefn().GetFieldCount())
    ]
    rows = [
        (
            tuple(f.GetField(k) if k in names else None for k in FIELDS),
            bytes(f.GetGeometryRef().ExportToWkb()),
        )
        for f in layer
    ]
    del layer
    del ds
    return rows


# ------------------------------------------------------------------ inputs (no model needed)
def test_rasters_from_files_folders_and_patterns(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for folder in (a, b):
        folder.mkdir()
        for name in ("x.tif", "y.tif"):
            synthdata.write_scene(folder / name, 16)
    (a / "notes.txt").write_text("not a raster")
    assert find_rasters([str(a)]) == [a / "x.tif", a / "y.tif"]
    assert find_rasters([str(tmp_path / "*" / "y.tif"), str(a / "x.tif"), str(a)]) == [
        a / "y.tif",
        b / "y.tif",
        a / "x.tif",
    ]  # in the order given, each raster once
    assert scene_names([a / "x.tif", a / "y.tif"]) == ["x", "y"]
    assert scene_names([a / "x.tif", b / "x.tif"]) == ["a/x", "b/x"]  # same file name twice
    with pytest.raises(InputDataError, match="does not exist"):
        find_rasters([str(tmp_path / "missing.tif")])
    with pytest.raises(InputDataError, match="No file matches"):
        find_rasters([str(tmp_path / "*.jp2")])
    with pytest.raises(InputDataError, match="holds no raster"):
        find_rasters([str(tmp_path)])


# ------------------------------------------------------------------ with a trained snapshot
@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A count model trained for 60 steps (it finds the synthetic objects), and four 160² px scenes."""
    import torch

    torch.set_num_threads(1)
    tmp = tmp_path_factory.mktemp("many")
    ws, info, _ = synthdata.make_scene_workspace(tmp, size=96, mode="count", touching=True, cell=20)
    snap = synthdata.train_quick(ws, info.id, steps=60, boundary_target="rim", photometric=False).snapshot
    folder = tmp / "scenes"
    folder.mkdir()
    scenes = [
        synthdata.write_scene(folder / f"tile_{k}.tif", 160, seed=10 + k, cell=20).path for k in range(4)
    ]
    return ws, info, snap, scenes


@pytest.fixture(scope="module")
def reference(trained, tmp_path_factory):
    """The single-process run (no Dask): the scenes one after another in this process."""
    ws, info, snap, scenes = trained
    out = tmp_path_factory.mktemp("reference") / "merged.gpkg"
    return detect_many(ws, info.id, snap.id, [str(scenes[0].parent)], out, OPTIONS, workers=0, threads=1)


@pytest.mark.slow
def test_merged_output_holds_each_scene_once_as_detect_gives_it(trained, reference, tmp_path):
    ws, info, snap, scenes = trained
    merged = features(reference.path)
    assert reference.feature_count == len(merged) > 0
    assert [d.scene for d in reference.scenes] == [p.stem for p in scenes]
    offset = 0
    for path in scenes:
        alone = detect(
            ws,
            info.id,
            snap.id,
            path,
            options={**OPTIONS, "threads": 1, "output_path": str(tmp_path / f"{path.stem}.gpkg")},
        )
        rows = features(alone.path)
        assert len(rows) > 0
        part = merged[offset : offset + len(rows)]
        # same features in the same order, each now naming its scene
        assert [(f[1:], g) for (f, g) in part] == [(f[1:], g) for (f, g) in rows]
        assert {f[0] for f, _ in part} == {path.stem}
        offset += len(rows)
    assert offset == len(merged)
    meta = read_run_metadata(reference.path)
    assert meta["snapshot_id"] == snap.id
    assert [(s["scene"], s["features"]) for s in meta["scenes"]] == [
        (d.scene, d.feature_count) for d in reference.scenes
    ]
    # the parts folder beside the output is gone
    assert sorted(p.name for p in reference.path.parent.iterdir()) == ["merged.gpkg"]


@pytest.mark.slow
def test_two_worker_processes_give_the_single_process_output(trained, reference, tmp_path):
    ws, info, snap, scenes = trained
    out = tmp_path / "dask.gpkg"
    result = detect_many(ws, info.id, snap.id, [str(p) for p in scenes], out, OPTIONS, workers=2, threads=1)
    assert result.scheduler == "LocalCluster of 2 worker(s)"
    assert features(out) == features(reference.path)
    assert {d.worker.rsplit(":", 1)[1] for d in result.scenes} != {str(os.getpid())}  # not this process
    with pytest.raises(OutputError, match="already exists"):
        detect_many(ws, info.id, snap.id, [str(p) for p in scenes], out, OPTIONS, workers=0)


def _partial_writer(parts: Path):
    """(pid, path) of a child process that has a scene's temporary GeoPackage open, or None."""
    import psutil

    for proc in psutil.Process().children(recursive=True):
        try:
            files = proc.open_files()
        except psutil.Error:
            continue
        for f in files:
            if f.path.startswith(str(parts)) and f.path.endswith(".partial.gpkg"):
                return proc.pid, Path(f.path)
    return None


@pytest.mark.slow
def test_a_worker_killed_mid_scene_reruns_the_scene(trained, reference, tmp_path):
    from distributed import LocalCluster

    ws, info, snap, scenes = trained
    out, parts = tmp_path / "killed.gpkg", tmp_path / "parts"
    box: dict = {}
    with LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=50
    ) as cluster:

        def run() -> None:
            try:
                box["result"] = detect_many(
                    ws, info.id, snap.id, [str(p) for p in scenes], out, OPTIONS,
                    scheduler=cluster.scheduler_address, threads=1, work_dir=parts,
                )  # fmt: skip
            except BaseException as exc:
                box["error"] = exc

        thread = threading.Thread(target=run)
        thread.start()
        killed = None
        deadline = time.monotonic() + 600
        while killed is None and thread.is_alive() and time.monotonic() < deadline:
            killed = _partial_writer(parts)
            if killed is not None:
                os.kill(killed[0], signal.SIGKILL)  # the worker dies while it writes a scene
            time.sleep(0.005)
        thread.join(900)
    assert killed is not None, "no worker was caught writing a scene"
    assert "error" not in box, box.get("error")
    result = box["result"]
    pid, partial = killed
    assert partial.exists()  # the dead attempt's unfinished file, never merged
    stem = partial.name[1:].split(".")[0]  # ".<part stem>.<random>.partial.gpkg"
    rerun = [d for d in result.scenes if Path(d.part).stem == stem]
    assert len(rerun) == 1 and rerun[0].worker.rsplit(":", 1)[1] != str(pid)  # done again, elsewhere
    assert features(out) == features(reference.path)  # nothing missing, nothing twice


@pytest.mark.slow
def test_unfit_raster_stops_before_work_or_is_left_out(trained, reference, tmp_path):
    ws, info, snap, scenes = trained
    gray = tmp_path / "gray.tif"
    synthdata.write_scene(gray, 64, bands=1)
    out = tmp_path / "out.gpkg"
    with pytest.raises(IncompatibleRasterError, match=r"gray\.tif"):
        detect_many(ws, info.id, snap.id, [*map(str, scenes), str(gray)], out, OPTIONS, workers=0)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["gray.tif"]  # nothing written
    stdout, stderr = io.StringIO(), io.StringIO()
    code = main(
        ["detect-many", "-w", str(ws.root), "-m", info.name, *map(str, scenes), str(gray), "-o", str(out),
         "--workers", "0", "--threads", "1", "--device", "cpu", "--block-size", "64", "--keep-going",
         "--json"],
        stdout=stdout,
        stderr=stderr,
    )  # fmt: skip
    assert code == exit_codes.PARTIAL
    data = json.loads(stdout.getvalue())
    assert [f["scene"] for f in data["failed"]] == [
        "gray"
    ] and "error: scene gray: Band count" in stderr.getvalue()
    assert features(out) == features(reference.path)


@pytest.mark.slow
def test_processing_algorithm_runs_the_same(trained, tmp_path, qgis_processing):
    from processing_setup import qgis_processing_package
    from qgis.core import QgsApplication

    from orca_huntr.processing.provider import HuntrProvider

    qgis_processing_package()
    import processing

    registry = QgsApplication.processingRegistry()
    if registry.providerById("orcahuntr") is not None:
        registry.removeProvider("orcahuntr")
    assert registry.addProvider(HuntrProvider())
    try:
        ws, info, snap, scenes = trained
        out = tmp_path / "processing.gpkg"
        gdal.UseExceptions()
        result = processing.run(
            "orcahuntr:detectmany",
            {
                "WORKSPACE": str(ws.root),
                "MODEL": info.name,
                "SNAPSHOT": snap.id,
                "FOLDER": str(scenes[0].parent),
                "WORKERS": 2,
                "DEVICE": 1,
                "OUTPUT": str(out),
            },
        )
        assert result["SCENES"] == 4 and json.loads(result["FAILED"]) == []
        # Processing keeps the default block size: compare with one process run with it
        same = detect_many(
            ws, info.id, snap.id, [str(scenes[0].parent)], tmp_path / "ref.gpkg", {"device": "cpu"}, workers=0
        )
        assert result["FEATURE_COUNT"] == same.feature_count
        assert features(out) == features(same.path)
    finally:
        registry.removeProvider("orcahuntr")
