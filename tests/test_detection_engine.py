"""``detection.detect`` end to end: a model trained quickly on a synthetic scene, through the store.

The truth is known (synthdata): detections must match it in count, class and position,
objects across tile and block borders must come out once, the AOI must restrict the
output, the output CRS must be the raster's, and every gate error must be raised
before any work with a message naming the difference.
"""

from __future__ import annotations

import numpy as np
import pytest
import synthdata
from osgeo import gdal, ogr, osr

from orca_huntr.detection import AreaOfInterest, DetectOptions, detect
from orca_huntr.detection.output import read_run_metadata
from orca_huntr.detection.tiling import TileGrid
from orca_huntr.errors import CancelledError, IncompatibleRasterError

pytestmark = pytest.mark.slow

FIELDS = ["class_name", "class_id", "score", "area", "snapshot_id"]
SMALL_BLOCKS = {"block_size": 48}  # 96-px scene, 32-px tiles: several blocks with objects across them


@pytest.fixture(scope="module")
def trained(tmp_path_factory):
    """A count-mode model with an older snapshot (60 steps) and a current one (200 steps)."""
    import torch

    torch.set_num_threads(1)
    tmp = tmp_path_factory.mktemp("engine")
    # 20-px cells: objects sit across the 48-px block borders and the 24/48/64-px tile borders
    ws, info, scene = synthdata.make_scene_workspace(tmp, size=96, mode="count", touching=True, cell=20)
    # these tests check the engine's mechanics (tiling, joins, AOI, CRS, threads) on a model that
    # finds the synthetic objects after a few steps: the thin-rim target, no colour augmentation
    quick = {"boundary_target": "rim", "photometric": False}
    older = synthdata.train_quick(ws, info.id, steps=60, **quick).snapshot
    current = synthdata.train_quick(ws, info.id, steps=140, **quick).snapshot
    assert ws.current_snapshot(info.id).id == current.id != older.id
    return ws, info, scene, older, current


def _read(path, layer="detections"):
    ds = ogr.Open(str(path))
    lyr = ds.GetLayerByName(layer)
    fields = [lyr.GetLayerDefn().GetFieldDefn(i).GetName() for i in range(lyr.GetLayerDefn().GetFieldCount())]
    srs = lyr.GetSpatialRef()
    rows = []
    for f in lyr:
        from shapely import wkb

        rows.append(
            {
                **{k: f.GetField(k) for k in fields},
                "geometry": wkb.loads(bytes(f.GetGeometryRef().ExportToWkb())),
            }
        )
    ds = None
    return fields, srs, rows


def _matches(rows, scene, objects=None):
    objects = scene.objects if objects is None else objects
    return [
        [r for r in rows if r["class_id"] == o.class_id and o.geometry.contains(r["geometry"].centroid)]
        for o in objects
    ]


def test_detections_match_the_truth_and_cross_tile_and_block_borders_once(trained):
    ws, info, scene, _older, current = trained
    result = detect(ws, info.id, current.id, scene.path, options=SMALL_BLOCKS)
    assert result.stats["blocks"] >= 4 and result.stats["tiles_total"] >= 16
    fields, _srs, rows = _read(result.path)
    assert fields == FIELDS
    assert result.feature_count == len(rows) == len(scene.objects)
    matches = _matches(rows, scene)
    assert all(len(m) == 1 for m in matches)
    for obj, (row,) in zip(scene.objects, matches, strict=True):
        assert row["geometry"].centroid.distance(obj.geometry.centroid) < 1.0  # metres = pixels here
        assert row["class_name"] == synthdata.CLASS_NAMES[obj.class_id]
        assert row["snapshot_id"] == current.id
        assert 0.5 <= row["score"] <= 1.0
        assert row["area"] == pytest.approx(obj.geometry.area, rel=0.35)
    # objects straddling the borders of blocks and of tiles
    grid = TileGrid(96, 96, 32, DetectOptions().overlap_pixels(32), 48)
    block_lines = {cb.start for cb in grid.col_blocks()} - {0}
    tile_lines = set(grid.cols) - {0}
    inv = ~scene.transform

    def crosses(obj, lines):
        (c0, r0), (c1, r1) = inv * obj.geometry.bounds[:2], inv * obj.geometry.bounds[2:]
        return any(min(c0, c1) < v < max(c0, c1) or min(r0, r1) < v < max(r0, r1) for v in lines)

    across_blocks = [o for o in scene.objects if crosses(o, block_lines)]
    across_tiles = [o for o in scene.objects if crosses(o, tile_lines)]
    assert len(across_blocks) >= 4 and len(across_tiles) >= 6
    assert all(len(m) == 1 for m in _matches(rows, scene, across_blocks + across_tiles))


def test_result_names_and_records_the_run(trained):
    ws, info, scene, _older, current = trained
    result = detect(ws, info.id, None, scene.path, options={"scene_name": "Scene A"})
    assert result.path.parent == ws.detections_dir and result.path.suffix == ".gpkg"
    assert result.display_name == f"synthetic · {current.name} · Scene A"
    assert result.snapshot_id == current.id and result.layer_name == "detections"
    assert [c["color"] for c in result.classes] == [synthdata.CLASS_HEX[1], synthdata.CLASS_HEX[2]]
    meta = read_run_metadata(result.path)
    assert meta["model_id"] == info.id and meta["snapshot_id"] == current.id and meta["scene"] == "Scene A"
    assert meta["raster"] == str(scene.path) and meta["created_at"]
    assert meta["classes"][0]["name"] == "disc"
    assert not [p for p in ws.detections_dir.iterdir() if "partial" in p.name]


def test_output_crs_is_the_rasters(trained, tmp_path):
    ws, info, _scene, _older, current = trained
    other = synthdata.write_scene(
        tmp_path / "utm33.tif", 64, crs="EPSG:32633", origin=(400000.0, 5000000.0), seed=3
    )
    # fixed settings: this checks the CRS, not the calibration (made on a 14-px validation strip
    # here); min_pixels 1 so that objects cut by this small raster's edge count too
    fixed = {"min_pixels": 1, "score_threshold": 0.5, "boundary_threshold": 0.5, "marker_window": 0}
    result = detect(ws, info.id, current.id, other.path, options=fixed)
    _fields, srs, rows = _read(result.path)
    expected = osr.SpatialReference()
    expected.ImportFromEPSG(32633)
    assert srs.IsSame(expected) and result.crs == "EPSG:32633"
    assert rows and all(other.bounds.contains(r["geometry"]) for r in rows)
    assert len(rows) == len(other.objects)


def test_aoi_restricts_the_output(trained):
    ws, info, scene, _older, current = trained
    area = scene.box(0.0, 0.0, 0.6, 0.55)  # upper-left part, scene CRS
    lonlat = synthdata.reproject_geometry(area, scene.crs, "EPSG:4326")
    result = detect(ws, info.id, current.id, scene.path, aoi=AreaOfInterest([lonlat.wkt], "EPSG:4326"))
    _f, _srs, rows = _read(result.path)
    assert rows
    assert all(area.buffer(0.5).contains(r["geometry"]) for r in rows)
    inside = scene.objects_within(area)
    assert len(inside) >= 4
    assert all(len(m) == 1 for m in _matches(rows, scene, inside))
    assert len(rows) < len(scene.objects)
    x0, y0, x1, y1 = area.bounds
    by_extent = detect(ws, info.id, current.id, scene.path, aoi=AreaOfInterest.from_extent(x0, y0, x1, y1))
    assert by_extent.feature_count == result.feature_count


def test_older_and_current_snapshots_differ_and_each_is_reproducible(trained):
    ws, info, scene, older, current = trained

    def run(snapshot_id):
        result = detect(ws, info.id, snapshot_id, scene.path)
        _f, _s, rows = _read(result.path)
        return [(r["class_id"], r["score"], r["area"], r["geometry"].wkt, r["snapshot_id"]) for r in rows]

    old_a, old_b = run(older.id), run(older.id)
    cur_a, cur_b = run(current.id), run(current.id)
    assert old_a == old_b and cur_a == cur_b
    assert old_a != cur_a
    assert {r[4] for r in old_a} == {older.id} and {r[4] for r in cur_a} == {current.id}


def test_older_snapshot_detects_with_its_own_weights(trained):
    """Issue #13 (mutation gap): detection from an older snapshot equals a run whose network
    is built from ``ws.load_snapshot(model, older).weights``, row for row, and not the current's."""
    ws, info, scene, older, current = trained
    loaded = ws.load_snapshot(info.id, older.id)
    reference = ws.create_model(
        f"reference {older.id}", classes=list(info.classes), mode=info.mode, input_spec=info.input_spec,
        network=info.network, tile_size=info.tile_size,
    )  # fmt: skip
    ws.create_snapshot(reference.id, loaded.weights, config=loaded.config)

    def rows(model_id, snapshot_id):
        result = detect(ws, model_id, snapshot_id, scene.path)
        _f, _s, found = _read(result.path)
        return sorted((r["class_id"], r["score"], r["area"], r["geometry"].wkt) for r in found)

    from_older, expected = rows(info.id, older.id), rows(reference.id, None)
    assert expected, "the reference run found nothing: the comparison would prove nothing"
    assert from_older == expected
    assert rows(info.id, current.id) != expected


def test_results_do_not_depend_on_worker_threads(trained):
    """One torch thread in this thread, or two worker threads of one torch thread each
    (the CPU scheme when several cores are used): the same features, to the last bit."""
    import torch

    ws, info, scene, _older, current = trained
    before = torch.get_num_threads()

    def run(threads):
        result = detect(ws, info.id, current.id, scene.path, options=dict(SMALL_BLOCKS, threads=threads))
        _f, _s, rows = _read(result.path)
        return [(r["class_id"], r["score"], r["area"], r["geometry"].wkt) for r in rows]

    one, two = run(1), run(2)
    assert one and one == two
    assert torch.get_num_threads() == before  # the run restored torch's thread count


def test_an_error_while_writing_stops_the_run_and_leaves_no_file(trained, monkeypatch):
    from orca_huntr.detection import output

    ws, info, scene, _older, current = trained
    before = set(ws.detections_dir.iterdir()) if ws.detections_dir.exists() else set()

    def broken(self, item):
        raise OSError("disk full (simulated)")

    monkeypatch.setattr(output.DetectionWriter, "add", broken)
    with pytest.raises(OSError, match="disk full"):
        detect(ws, info.id, current.id, scene.path, options=dict(SMALL_BLOCKS, threads=2))
    assert set(ws.detections_dir.iterdir()) == before


def test_progress_and_cancel_leave_no_file(trained):
    ws, info, scene, _older, current = trained
    before = set(ws.detections_dir.iterdir()) if ws.detections_dir.exists() else set()
    seen = []
    result = detect(ws, info.id, current.id, scene.path, options=SMALL_BLOCKS, progress=seen.append)
    fractions = [p.fraction for p in seen]
    assert fractions == sorted(fractions) and fractions[-1] == 1.0
    assert {p.tiles_total for p in seen} == {result.stats["tiles_total"]}
    assert len([p for p in seen if p.stage == "inference"]) >= result.stats["blocks"]
    before.add(result.path)

    calls = []

    def stop():
        calls.append(1)
        return len(calls) > 3

    with pytest.raises(CancelledError):
        detect(ws, info.id, current.id, scene.path, options=SMALL_BLOCKS, should_stop=stop)
    assert set(ws.detections_dir.iterdir()) == before


def test_nodata_columns_give_no_detection(trained, tmp_path):
    ws, info, _scene, _older, current = trained
    scene = synthdata.write_scene(tmp_path / "nd.tif", 96, seed=5, nodata=0, nodata_columns=32)
    result = detect(ws, info.id, current.id, scene.path)
    _f, _s, rows = _read(result.path)
    edge = scene.transform.c + 64
    assert rows and all(r["geometry"].bounds[2] <= edge for r in rows)


# ---------------------------------------------------------------------------- the gate


def _raster(path, *, count=3, dtype="uint8", crs="EPSG:32612", res=1.0, rotate=0.0, size=64):
    import rasterio
    from affine import Affine

    transform = Affine.translation(528000.0, 4979000.0) * Affine.rotation(rotate) * Affine.scale(res, -res)
    profile = {
        "driver": "GTiff",
        "width": size,
        "height": size,
        "count": count,
        "dtype": dtype,
        "transform": transform,
    }
    if crs:
        profile["crs"] = crs
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(np.full((count, size, size), 40, dtype=dtype))
    return path


@pytest.mark.parametrize(
    ("kwargs", "words"),
    [
        ({"count": 1}, ["Band count", "1 band", "bands 1, 2, 3"]),
        ({"dtype": "uint16"}, ["Data type", "uint16", "uint8"]),
        ({"crs": None}, ["CRS", "no coordinate reference system"]),
        ({"res": 5.0}, ["Resolution", "5 m", "1 m", "coarser"]),
        ({"res": 0.2}, ["Resolution", "finer"]),
        ({"rotate": 15.0}, ["rotated", "north-up"]),
    ],
)
def test_gate_errors_name_the_difference_and_write_nothing(trained, tmp_path, kwargs, words):
    ws, info, _scene, _older, current = trained
    before = set(ws.detections_dir.iterdir()) if ws.detections_dir.exists() else set()
    path = _raster(tmp_path / "bad.tif", **kwargs)
    with pytest.raises(IncompatibleRasterError) as err:
        detect(ws, info.id, current.id, path)
    for word in words:
        assert word in str(err.value)
    assert set(ws.detections_dir.iterdir()) == before


def test_gate_crs_without_units(trained, tmp_path):
    ws, info, _scene, _older, current = trained
    vrt = tmp_path / "local.vrt"
    gdal.Translate(
        str(vrt),
        str(_raster(tmp_path / "ok.tif")),
        format="VRT",
        outputSRS='LOCAL_CS["site grid",UNIT["unknown",1]]',
    )
    with pytest.raises(IncompatibleRasterError, match="has no units"):
        detect(ws, info.id, current.id, vrt)


def test_gate_aoi_outside_the_raster(trained):
    ws, info, scene, _older, current = trained
    far = AreaOfInterest.from_extent(0.0, 0.0, 10.0, 10.0, "EPSG:32612")
    with pytest.raises(IncompatibleRasterError, match="Area of interest: it lies outside the raster"):
        detect(ws, info.id, current.id, scene.path, aoi=far)


def test_gate_warnings_do_not_stop_detection(trained, tmp_path):
    ws, info, _scene, _older, current = trained
    scene = synthdata.write_scene(tmp_path / "four.tif", 64, bands=4, resolution=1.4, seed=7)
    result = detect(ws, info.id, current.id, scene.path)
    text = " ".join(result.warnings)
    assert "has 4 bands" in text and "Resolution" in text and "1.4" in text
    assert result.feature_count > 0


def test_segmentation_model_gives_separate_areas_or_one_feature_per_class(tmp_path):
    import torch

    torch.set_num_threads(1)
    ws, info, scene = synthdata.make_scene_workspace(tmp_path, size=64, mode="segmentation", seed=2)
    synthdata.train_quick(ws, info.id, steps=150)
    opts = {"block_size": 32, "tile_size": 32, "dissolve": True}
    result = detect(ws, info.id, None, scene.path, options=opts)
    _f, _s, rows = _read(result.path)
    assert sorted(r["class_id"] for r in rows) == [1, 2]  # one feature per class
    for row in rows:
        truth = [o.geometry for o in scene.objects if o.class_id == row["class_id"]]
        from shapely.ops import unary_union

        truth_area = unary_union(truth)
        overlap = row["geometry"].intersection(truth_area).area / row["geometry"].union(truth_area).area
        assert overlap > 0.7
    split = detect(ws, info.id, None, scene.path)  # the default: each connected area its own feature
    assert split.feature_count > len(rows)
