"""Training data: windows, rasterising, CRS handling, sampling, nodata, normalisation."""

from __future__ import annotations

import numpy as np
import pytest
import synthdata
from scipy import ndimage

from orca_huntr.training.inputs import load_inputs
from orca_huntr.training.normalize import band_statistics
from orca_huntr.training.sampler import TileSampler
from orca_huntr.training.tiles import IGNORE, SceneReader, boundary_map, make_tile, rasterize_targets


def _inputs(tmp_path, scene, areas, labels, gpkg_crs=None, name="t.gpkg", fraction=0.0):
    crs = gpkg_crs or scene.crs
    path = synthdata.write_training_gpkg(tmp_path / name, crs, areas, labels, geometry_crs=scene.crs)
    return load_inputs(path, [("s1", str(scene.path), "scene")], 2, [1, 2, 3], crs, fraction)


def test_window_rasterising_uses_the_window_transform(tmp_path):
    scene = synthdata.write_scene(tmp_path / "a.tif", 64)
    inputs = _inputs(tmp_path, scene, [scene.bounds], scene.labels())
    classes, instances, in_area = rasterize_targets(inputs.scenes[0], [scene.bounds], 10, 7, 32, 40)
    assert np.array_equal(classes, scene.class_map[10:42, 7:47])
    assert in_area.all()
    assert instances.max() > 0 and set(np.unique(instances[classes == 0])) == {0}


@pytest.mark.parametrize("gpkg_crs", ["EPSG:4326", "EPSG:3857"])
def test_labels_in_another_crs_give_the_same_masks(tmp_path, gpkg_crs):
    scene = synthdata.write_scene(tmp_path / "a.tif", 64)
    area = scene.box(0, 0, 0.75, 1)
    same = _inputs(tmp_path, scene, [area], scene.labels(area), name="same.gpkg")
    other = _inputs(tmp_path, scene, [area], scene.labels(area), gpkg_crs=gpkg_crs, name="other.gpkg")
    s_same, s_other = same.scenes[0], other.scenes[0]
    a = rasterize_targets(s_same, s_same.train_areas, 0, 0, 64, 64)
    b = rasterize_targets(s_other, s_other.train_areas, 0, 0, 64, 64)
    assert (a[0] != b[0]).sum() <= 2  # class masks: at most a couple of edge pixels differ
    assert (a[2] != b[2]).sum() <= 2  # training-area masks
    assert a[0].sum() > 0 and a[2].sum() == 48 * 64


def test_pixels_outside_areas_and_nodata_are_ignored(tmp_path):
    scene = synthdata.write_scene(tmp_path / "a.tif", 64, nodata=0, nodata_columns=8)
    area = scene.box(0, 0, 0.5, 1)
    inputs = _inputs(tmp_path, scene, [area], scene.labels(area))
    mean, std = np.zeros(3, np.float32), np.ones(3, np.float32)
    tile = make_tile(SceneReader(), inputs.scenes[0], [1, 2, 3], 0, 0, 64, mean, std)
    assert (tile.target[:, 32:] == IGNORE).all()  # outside the training area
    assert (tile.target[:, :32] != IGNORE).all()
    scene2 = synthdata.write_scene(tmp_path / "b.tif", 64, nodata=0, nodata_columns=8)
    inputs2 = _inputs(tmp_path, scene2, [scene2.bounds], scene2.labels(), name="b.gpkg")
    tile2 = make_tile(SceneReader(), inputs2.scenes[0], [1, 2, 3], 0, 0, 64, mean, std)
    assert (tile2.target[:, 56:] == IGNORE).all()  # nodata columns
    assert (tile2.target[:, :56] != IGNORE).all()
    assert (tile2.image[:, :, 56:] == 0).all()


def test_tiles_beyond_a_small_scene_are_padded_and_ignored(tmp_path):
    scene = synthdata.write_scene(tmp_path / "a.tif", 24, cell=12)
    inputs = _inputs(tmp_path, scene, [scene.bounds], scene.labels())
    mean, std = np.zeros(3, np.float32), np.ones(3, np.float32)
    tile = make_tile(SceneReader(), inputs.scenes[0], [1, 2, 3], 0, 0, 32, mean, std)
    assert tile.image.shape == (3, 32, 32)
    assert (tile.target[24:, :] == IGNORE).all() and (tile.target[:, 24:] == IGNORE).all()
    assert np.array_equal(tile.target[:24, :24], scene.class_map)


def test_boundary_separates_touching_objects():
    from rasterio.features import rasterize
    from rasterio.transform import from_origin
    from shapely.geometry import Point

    discs = [Point(10, -10).buffer(5), Point(20, -10).buffer(5)]  # touching at x=15
    inst = rasterize(zip(discs, [1, 2], strict=True), out_shape=(20, 32), transform=from_origin(0, 0, 1, 1))
    semantic = inst > 0
    assert ndimage.label(semantic)[1] == 1  # one blob without boundaries
    rim = boundary_map(inst.astype(np.int32), 1).astype(bool)
    assert ndimage.label(semantic & ~rim)[1] == 2
    assert not rim[0].any() and not rim[:, 0].any()  # no false rim on the tile edge


def test_sampler_favours_rare_classes(tmp_path):
    scene = synthdata.write_scene(tmp_path / "a.tif", 128, seed=3)
    counts = np.bincount([o.class_id for o in scene.objects], minlength=3)
    rare = int(np.argmin(counts[1:]) + 1)
    assert counts[rare] * 2 < counts[3 - rare]
    inputs = _inputs(tmp_path, scene, [scene.bounds], scene.labels())
    sampler = TileSampler(inputs.scenes, 16, label_focus=1.0)
    rng = np.random.default_rng(0)
    hits = 0
    for _ in range(300):
        spec = sampler.sample(rng)
        window = scene.class_map[spec.row : spec.row + 16, spec.col : spec.col + 16]
        hits += int((window == rare).any())
        assert 0 <= spec.row <= 112 and 0 <= spec.col <= 112
    assert hits / 300 > 0.4  # about half the tiles are centred on the rare class


def test_band_statistics_leave_out_nodata(tmp_path):
    scene = synthdata.write_scene(tmp_path / "a.tif", 64, nodata=0, nodata_columns=16)
    inputs = _inputs(tmp_path, scene, [scene.bounds], [])
    stats = band_statistics(inputs.scenes, [1, 2, 3])
    import rasterio

    with rasterio.open(scene.path) as ds:
        data = ds.read()[:, :, :48].reshape(3, -1).astype(np.float64)
    assert np.allclose(stats["mean"], data.mean(axis=1), rtol=1e-6)
    assert np.allclose(stats["std"], data.std(axis=1), rtol=1e-6)


def test_validation_strip_is_held_out_of_a_single_area(tmp_path):
    scene = synthdata.write_scene(tmp_path / "a.tif", 64)
    inputs = _inputs(tmp_path, scene, [scene.bounds], scene.labels(), fraction=0.25)
    s = inputs.scenes[0]
    assert len(s.val_areas) == 1
    assert abs(s.val_areas[0].area - 0.25 * 64 * 64) < 1e-6
    assert not s.val_areas[0].intersection(s.train_areas[0]).area
    marked = _inputs(
        tmp_path,
        scene,
        [scene.box(0, 0, 0.5, 1), scene.box(0.5, 0, 1, 1)],
        scene.labels(),
        name="m.gpkg",
        fraction=0.25,
    )
    # with marked validation areas nothing else is held out
    path = synthdata.write_training_gpkg(
        tmp_path / "v.gpkg",
        scene.crs,
        [scene.box(0, 0, 0.5, 1), scene.box(0.5, 0, 1, 1)],
        scene.labels(),
        purposes=["train", "validation"],
    )
    v = load_inputs(path, [("s1", str(scene.path), "scene")], 2, [1, 2, 3], scene.crs, 0.25)
    assert v.scenes[0].train_areas[0].equals(scene.box(0, 0, 0.5, 1))
    assert v.scenes[0].val_areas[0].equals(scene.box(0.5, 0, 1, 1))
    assert len(marked.scenes[0].val_areas) == 2


@pytest.mark.parametrize("n", [97, 102, 128, 160, 171])
def test_linear_zoom_is_scipys_linear_zoom(n):
    from orca_huntr.training.tiles import linear_zoom

    rng = np.random.default_rng(n)
    a = rng.random((3, n, n)).astype(np.float32)
    expected = ndimage.zoom(a, (1, 128 / n, 128 / n), order=1, mode="nearest", grid_mode=True)
    got = linear_zoom(a, 128)
    assert got.shape == expected.shape and got.dtype == np.float32
    assert np.abs(got - expected).max() < 1e-5
    assert np.abs(linear_zoom(a[0], 128) - expected[0]).max() < 1e-5  # 2-D too (the centre map)
