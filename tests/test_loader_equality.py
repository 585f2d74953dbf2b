"""The fast training loader makes the tiles the plain one made (tests/loader_reference.py).

Scenes held in memory (training/scenecache.py), centre targets cut from per-scene chunks
(training/labelcache.py) and the in-place arithmetic of tiles.make_tile and
augment.photometric must give the same Tile arrays as a rasterio window read, a centre map
and two resamplings per tile: bit for bit, but for the centre target (CENTRE_ATOL below).
Scenes: bytes with nodata columns (tiles across them, beyond the scene's edges, zoomed
both ways), 16-bit pixels with another resolution, and bytes with an internal mask.
"""

from __future__ import annotations

import dataclasses

import loader_reference as ref
import numpy as np
import pytest
import synthdata

from orca_huntr.training import scenecache
from orca_huntr.training.config import TrainConfig
from orca_huntr.training.inputs import load_inputs
from orca_huntr.training.labelcache import LabelRasters
from orca_huntr.training.loop import ModelSetup, _label_weights, batch_maker
from orca_huntr.training.tiles import SceneReader, centre_map, linear_zoom, make_tile

# The centre target is the one array that is not bit for bit the same. The plain loader
# computes each window's map in float32 with the label centres in *window* coordinates, so
# the same scene pixel gets values that differ by float32 rounding from one window to the
# next; the fast loader computes it once per scene chunk in float64 and rounds once (the
# same value for a pixel whatever the window). The difference is the plain map's own
# rounding: a centre's row and column, up to ~256 px into a window (160 px read + the
# Gaussian's reach), are each rounded by up to half a float32 ulp there (2**-17 px =
# 7.6e-6 px; √2 × that as a distance), times the Gaussian's steepest slope, 1 / (σ √e) with
# σ ≥ 2.5 px (tiles.CENTRE_MIN_SIGMA): 2.6e-6, plus a few ulps of 1 from exp and the
# subtraction; the resampling's weights sum to 1 and do not add to it. Measured over 150
# random 100–160 px windows of a 512² synthetic scene of σ = 2.5 px labels: at most 2.56e-6,
# 1e-7 on average; on the demo scene (larger crowns, gentler slopes) at most 1.2e-7. Every
# other array is compared exactly.
CENTRE_ATOL = 3e-6

# (scene, row, col, zoom): inside, beyond every edge, across the nodata columns, zoomed both
# ways (odd read sizes), wholly outside the scene
WINDOWS = [
    (0, 20, 20, 1.0),
    (0, -10, -6, 1.0),
    (0, 60, 60, 1.0),
    (0, 30, 50, 0.8),
    (0, 10, 40, 1.25),
    (0, -20, 70, 0.83),
    (0, 70, -12, 1.17),
    (0, 100, 100, 1.1),
    (1, 5, 5, 0.9),
    (1, 40, 40, 1.2),
    (1, -7, 30, 1.0),
    (2, 8, 8, 0.85),
    (2, -4, 20, 1.0),
]
KINDS = [("centre", 1), ("distance", 1), ("rim", 2), ("none", 0)]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    import rasterio

    tmp = tmp_path_factory.mktemp("loader")
    common = {"crs": "EPSG:32612", "touching": True, "cell": 16}
    a = synthdata.write_scene(
        tmp / "a.tif", 96, resolution=0.1, nodata=0, nodata_columns=12, seed=5, **common
    )
    b = synthdata.write_scene(
        tmp / "b.tif", 72, resolution=0.3, origin=(528100.0, 4979000.0), dtype="uint16", seed=6, **common
    )
    c = synthdata.write_scene(
        tmp / "c.tif", 56, resolution=0.2, origin=(528200.0, 4979000.0), seed=7, **common
    )
    with rasterio.open(c.path, "r+") as ds:  # an internal mask: a triangle of masked pixels
        rows, cols = np.mgrid[: c.height, : c.width]
        ds.write_mask(np.where(rows > cols + 20, 0, 255).astype(np.uint8))
    areas = [a.box(0.05, 0.0, 0.95, 0.9), b.bounds, c.box(0.0, 0.1, 1.0, 1.0)]
    labels = a.labels() + b.labels() + c.labels()
    gpkg = synthdata.write_training_gpkg(tmp / "t.gpkg", a.crs, areas, labels)
    scenes = [("a", str(a.path), "a"), ("b", str(b.path), "b"), ("c", str(c.path), "c")]
    loaded = load_inputs(gpkg, scenes, 2, [1, 2, 3], a.crs, 0.0)
    assert [s.scene_id for s in loaded.scenes] == ["a", "b", "c"]
    return loaded


def _scales(inputs):
    """Per-scene (mean, std) that are not round numbers, as the percentiles give."""
    mean, std = np.array([51.3, 60.7, 44.1], np.float32), np.array([38.9, 41.3, 29.7], np.float32)
    return [(mean * (k + 1), std * (k + 1)) for k in range(len(inputs.scenes))]


def _assert_same(new, old, centre: bool) -> None:
    for name in ("image", "target", "weight"):
        a, b = np.asarray(getattr(new, name) if not isinstance(new, dict) else new[name]), None
        b = np.asarray(getattr(old, name) if not isinstance(old, dict) else old[name])
        assert a.dtype == b.dtype and a.shape == b.shape, name
        assert np.array_equal(a, b), f"{name}: {np.abs(a.astype(float) - b.astype(float)).max()}"
    a = new["boundary"] if isinstance(new, dict) else new.boundary
    b = old["boundary"] if isinstance(old, dict) else old.boundary
    assert a.dtype == b.dtype == np.float32 and a.shape == b.shape
    if centre:
        assert np.abs(a - b).max() <= CENTRE_ATOL
        assert a.min() >= 0.0 and a.max() <= 1.0  # no longer clipped: see the next test
    else:
        assert np.array_equal(a, b)


def test_held_scenes_read_what_window_reads_read(inputs):
    held, plain = SceneReader(), ref.WindowReader()
    assert held.hold(inputs.scenes, [1, 2, 3]) == inputs.scenes
    for scene in inputs.scenes:
        assert held.holds(scene, [1, 2, 3])
        for row, col in [(0, 0), (-5, 3), (20, -9), (40, 40), (scene.height - 3, scene.width - 30), (200, 0)]:
            for size in (1, 17, 48):
                got = held.read(scene, [1, 2, 3], row, col, size)
                want = plain.read(scene, [1, 2, 3], row, col, size)
                assert got[0].dtype == np.float32 and np.array_equal(got[0], want[0])
                assert np.array_equal(got[1], want[1])
    # the scenes' invalid pixels are there to be read: nodata columns, the internal mask
    assert not held.read(inputs.scenes[0], [1, 2, 3], 0, 84, 12)[1].any()
    assert not held.read(inputs.scenes[2], [1, 2, 3], 40, 0, 10)[1].any()
    assert held.read(inputs.scenes[1], [3, 1], 10, 10, 8)[0].shape == (2, 8, 8)  # other bands: a window read


def test_scenes_beyond_the_budget_are_read_window_by_window(inputs, monkeypatch):
    sizes = [scenecache.pixel_bytes(s.path, [1, 2, 3]) for s in inputs.scenes]
    assert sizes[0] == 96 * 96 * 4 and sizes[1] == 72 * 72 * 7  # 16-bit: 2 bytes a band
    reader = SceneReader()
    # in the order given, while they fit together: the third fits beside the first
    held = reader.hold(inputs.scenes, [1, 2, 3], budget=sizes[0] + sizes[2])
    assert held == [inputs.scenes[0], inputs.scenes[2]]
    assert not reader.holds(inputs.scenes[1], [1, 2, 3])
    monkeypatch.setattr(scenecache, "PIXEL_BUDGET", 0)
    assert SceneReader().hold(inputs.scenes, [1, 2, 3]) == []


def test_centre_chunks_are_the_centre_map_rounded_once(inputs):
    one_step = float(np.spacing(np.float32(0.5)))  # a float32 step just below 1
    cores, moved = 0, 0.0
    for scene in inputs.scenes:
        rasters = LabelRasters(scene, chunk=24, centre_spread=0.2)
        for row, col, h, w in [(0, 0, 48, 48), (-13, 30, 40, 33), (30, -20, 60, 60)]:
            got = rasters.cut(row, col, h, w)[2]
            assert got is not None and got.dtype == np.float32
            # the window's map in float64: the same up to where float64 rounding tips a float32 step
            exact = centre_map(scene, row, col, h, w, None, 0.2, dtype=np.float64)
            assert np.abs(got - exact).max() <= one_step
            plain = centre_map(scene, row, col, h, w, None, 0.2)  # the window's float32 map
            assert np.abs(got - plain).max() <= CENTRE_ATOL
            cores += int((got < 0.5).sum())
            moved = max(moved, float(np.abs(got - plain).max()))
    assert cores > 100 and moved > 0  # centres there, and float32 rounding did move some values
    assert LabelRasters(scene, centre_spread=None).cut(0, 0, 8, 8)[2] is None


def test_resampled_maps_of_0_to_1_stay_within_0_and_1():
    """make_tile no longer clips the resampled centre target: float32 linear weights 1 − w and w
    sum to at most 1 + 2**-25, so a weighted sum of values ≤ 1 rounds to ≤ 1."""
    rng = np.random.default_rng(4)
    for n in range(96, 170):
        worst = np.ones((n, n), np.float32)  # every weighted sum at its largest
        near = (1.0 - rng.random((n, n)) * 1e-6).astype(np.float32)
        for a in (worst, near, rng.random((n, n)).astype(np.float32)):
            out = linear_zoom(a, 128)
            assert out.min() >= 0.0 and out.max() <= 1.0
        assert (linear_zoom(worst, 128) == 1.0).all()


@pytest.mark.parametrize("held", [True, False], ids=["held", "windows"])
@pytest.mark.parametrize(("kind", "width"), KINDS)
def test_tiles_equal_the_plain_loaders_tiles(inputs, kind, width, held):
    scales = _scales(inputs)
    reader = SceneReader()
    if held:
        reader.hold(inputs.scenes, [1, 2, 3])
    plain = ref.WindowReader()
    for si, row, col, zoom in WINDOWS:
        scene = inputs.scenes[si]
        mean, std = scales[si]
        options = {
            "boundary_width": width,
            "boundary_kind": kind,
            "zoom": zoom,
            "label_weights": _label_weights(scene),
            "centre_spread": 0.2,
        }
        want = ref.make_tile(plain, scene, [1, 2, 3], row, col, 48, mean, std, **options,
                             label_rasters=LabelRasters(scene))  # fmt: skip
        got = make_tile(reader, scene, [1, 2, 3], row, col, 48, mean, std, **options,
                        label_rasters=LabelRasters(scene, chunk=32, centre_spread=0.2))  # fmt: skip
        _assert_same(got, want, kind == "centre")
        bare = make_tile(reader, scene, [1, 2, 3], row, col, 48, mean, std, **options)  # labels rasterised
        _assert_same(bare, want, False)


CONFIGS = {
    "centre": {"boundary_target": "centre"},
    "distance-some-colour": {"boundary_target": "distance", "photometric_share": 0.5, "centre_sigma": 0.1},
    "rim-unweighted": {"boundary_target": "rim", "balance_objects": False, "boundary_width": 2},
    "no-augment": {"boundary_target": "centre", "augment": False, "centre_sigma": 0.3},
}


@pytest.mark.parametrize("budget", [None, 0], ids=["held", "windows"])
@pytest.mark.parametrize("name", [*sorted(CONFIGS), "segmentation"])
def test_batches_equal_the_plain_loaders_batches(inputs, name, budget, monkeypatch):
    if budget is not None:
        monkeypatch.setattr(scenecache, "PIXEL_BUDGET", budget)
    mode = "segmentation" if name == "segmentation" else "count"
    config = TrainConfig(batch_size=6, seed=11, label_focus=0.7, **CONFIGS.get(name, {}))
    config = dataclasses.replace(config, centre_sigma=config.centre_sigma or 0.2)
    setup = ModelSetup(2, mode, [1, 2, 3], 40, {"width": 8, "depth": 2})
    scales = _scales(inputs)
    new = batch_maker(inputs, setup, config, scales)
    old = ref.batch_maker(inputs, setup, config, scales)
    centre = mode == "count" and config.boundary_target == "centre"
    ignored = 0
    # batch 8 holds a tile kept in its colours and blurred (augment(…, blur=True))
    for index in (0, 1, 7, 8, 300):
        a, b = new(index), old(index)
        _assert_same(a, b, centre)
        ignored += int((b["target"] == 255).any(axis=(1, 2)).sum())
    assert ignored  # tiles reach beyond the areas, the scenes, onto nodata
