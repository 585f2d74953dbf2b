"""Labels rasterised once per scene (training/labelcache.py) give every tile the targets a
rasterisation of its own window gives (issue #17 part 6)."""

from __future__ import annotations

import threading

import numpy as np
import pytest
import synthdata

from orca_huntr.training.inputs import load_inputs
from orca_huntr.training.labelcache import LabelRasters
from orca_huntr.training.loop import _label_weights
from orca_huntr.training.tiles import SceneReader, make_tile, rasterize_targets

# windows across chunk borders, partly or wholly beyond the scene, of odd sizes
WINDOWS = [
    (0, 0, 32, 32),
    (10, 7, 32, 40),
    (-9, -5, 40, 40),
    (50, 44, 30, 30),
    (70, 70, 20, 20),
    (3, 17, 61, 1),
]


@pytest.fixture(scope="module")
def scene_input(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("labelcache")
    # touching objects: overlapping labels must resolve as in a window (the later label wins)
    scene = synthdata.write_scene(tmp / "a.tif", 72, touching=True, cell=16, seed=3)
    area = scene.box(0.1, 0, 0.8, 1)
    gpkg = synthdata.write_training_gpkg(tmp / "t.gpkg", scene.crs, [area], scene.labels())
    inputs = load_inputs(gpkg, [("s1", str(scene.path), "scene")], 2, [1, 2, 3], scene.crs, 0.0)
    return inputs.scenes[0]


def _same_partition(a: np.ndarray, b: np.ndarray) -> bool:
    """Whether two instance rasters number the same objects (0 the same background)."""
    if not np.array_equal(a > 0, b > 0):
        return False
    pairs = np.unique(np.stack([a.ravel(), b.ravel()]), axis=1)
    return len(np.unique(pairs[0])) == len(np.unique(pairs[1])) == pairs.shape[1]


@pytest.mark.parametrize("chunk", [16, 23, 512])
def test_cut_windows_equal_the_windows_own_rasterisation(scene_input, chunk):
    rasters = LabelRasters(scene_input, chunk=chunk)
    for row, col, h, w in WINDOWS:
        classes, instances, in_area, labels = rasters.window(row, col, h, w)
        want_classes, want_instances, want_area = rasterize_targets(
            scene_input, scene_input.train_areas, row, col, h, w
        )
        assert np.array_equal(classes, want_classes) and np.array_equal(in_area, want_area)
        assert _same_partition(instances, want_instances)
        assert instances.max() == len(labels)  # numbered 1..n
        for k, label in enumerate(labels, start=1):  # labels maps an instance to its scene label
            assert (classes[instances == k] == scene_input.label_classes[label]).all()
    assert any(rasterize_targets(scene_input, scene_input.train_areas, *w)[1].max() > 1 for w in WINDOWS)


@pytest.mark.parametrize("zoom", [1.0, 0.8, 1.25])
@pytest.mark.parametrize("kind", ["centre", "distance", "rim"])
def test_tiles_from_the_cache_are_the_tiles_of_a_window(scene_input, zoom, kind):
    rasters = LabelRasters(scene_input, chunk=20)
    weights = _label_weights(scene_input)
    mean, std = np.zeros(3, np.float32), np.ones(3, np.float32)
    reader = SceneReader()
    for row, col, _h, _w in WINDOWS[:4]:
        args = (reader, scene_input, [1, 2, 3], row, col, 32, mean, std)
        options = {"boundary_width": 1, "boundary_kind": kind, "zoom": zoom, "label_weights": weights}
        plain = make_tile(*args, **options)
        cached = make_tile(*args, **options, label_rasters=rasters)
        for name in ("image", "target", "boundary", "weight"):
            assert np.array_equal(getattr(plain, name), getattr(cached, name)), name


def test_chunks_kept_fit_in_the_memory_budget(scene_input):
    from orca_huntr.training.labelcache import MAX_BYTES

    labels, centres = LabelRasters(scene_input), LabelRasters(scene_input, centre_spread=0.2)
    assert labels.ids == np.int16  # a few labels: 2-byte instance numbers
    assert labels.max_chunks == 426 and centres.max_chunks == 182  # 3 and 7 bytes a pixel
    assert centres.max_chunks * 512**2 * 7 <= MAX_BYTES < (centres.max_chunks + 1) * 512**2 * 7
    # a chunk without labels, or wholly inside the areas, holds a constant (no memory)
    instances, in_area, _ = labels._get(10, 10)  # far beyond the scene
    assert instances.strides == in_area.strides == (0, 0) and not instances.any() and not in_area.any()
    for row, col, h, w in WINDOWS:
        classes, numbered, area, _ = labels.window(row, col, h, w)
        assert numbered.dtype == np.int32 and classes.dtype == np.uint8 and area.dtype == bool


def test_chunks_are_made_once_and_bounded(scene_input):
    rasters = LabelRasters(scene_input, chunk=16, max_chunks=4)
    rasters.window(0, 0, 32, 32)
    assert rasters.made == 4
    rasters.window(4, 4, 20, 20)  # the same four chunks
    assert rasters.made == 4
    rasters.window(40, 40, 20, 20)  # four others: the oldest are dropped
    assert rasters.made == 8 and len(rasters._chunks) == 4
    rasters.window(0, 0, 32, 32)
    assert rasters.made == 12


def test_loader_threads_share_one_cache(scene_input):
    rasters = LabelRasters(scene_input, chunk=16)
    expected = [rasters.window(*w) for w in WINDOWS]
    fresh = LabelRasters(scene_input, chunk=16)
    results: dict[int, list] = {}

    def work(k: int) -> None:
        results[k] = [fresh.window(*w) for w in WINDOWS[k % 2 :] + WINDOWS[: k % 2]]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for k, got in results.items():
        order = WINDOWS[k % 2 :] + WINDOWS[: k % 2]
        for window, parts in zip(order, got, strict=True):
            for a, b in zip(parts, expected[WINDOWS.index(window)], strict=True):
                assert np.array_equal(a, b)
    assert fresh.made == len(fresh._chunks)  # a chunk made twice by racing threads is kept once
