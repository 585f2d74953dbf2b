"""The model recipe of issue #12: sizing from labels, per-scene normalisation, augmentation,
weight averaging, the learning-rate schedule, budgets and settings that travel with the model."""

from __future__ import annotations

import math
import os

import numpy as np
import pytest
import synthdata
import torch

from orca_huntr.training import TrainConfig
from orca_huntr.training.augment import augment, photometric
from orca_huntr.training.loop import Budget, TrainStep, configure_threads
from orca_huntr.training.network import NetworkSpec, build_network
from orca_huntr.training.normalize import PERCENTILE, percentile_statistics, statistics_for
from orca_huntr.training.recipe import (
    receptive_field,
    recipe_for,
    recipe_for_size,
    tile_multiple,
    working_scale,
)
from orca_huntr.training.state import WeightAverage
from orca_huntr.training.tiles import Tile, object_weights


def _measured_receptive_field(depth: int) -> int:
    """The extent of input pixels that reach the centre output pixel (gradient ≠ 0)."""
    torch.manual_seed(0)
    net = build_network(1, 1, "segmentation", {"width": 2, "depth": depth}).eval()
    size = receptive_field(depth) + 2 ** (depth + 2)
    size += (-size) % (2**depth)
    x = torch.randn(1, 1, size, size, requires_grad=True)
    out = net(x)
    out[0, 1, size // 2, size // 2].backward()
    rows = torch.nonzero(x.grad[0, 0].abs().sum(dim=1)).flatten()
    return int(rows.max() - rows.min() + 1)


@pytest.mark.parametrize("depth", [2, 3])
def test_receptive_field_formula_matches_the_network(depth):
    # the gradient can only reach the formula's extent; it reaches at least 90 % of it
    measured = _measured_receptive_field(depth)
    assert receptive_field(depth) * 0.9 <= measured <= receptive_field(depth)


def test_recipe_follows_the_object_size():
    small, crowns, large = recipe_for_size(10), recipe_for_size(41), recipe_for_size(100)
    assert small.network == {"width": 16, "depth": 2} and small.tile_size == 64
    # the NEON crowns (median box side ~41 px at 10 cm): the network works at 1/2 resolution
    # (crowns of 20 of its pixels); depth 3 sees 96 of its pixels (192 of the raster's, 4.7
    # crowns); tiles of 128 raster pixels
    assert crowns.network == {"width": 16, "depth": 3, "scale": 2}
    assert crowns.tile_size == 128 and crowns.receptive_field == 192
    assert "1/2 resolution" in crowns.reason
    # 100 px: 1/4 resolution (25 px), depth 4
    assert large.network["scale"] == 4 and large.network["depth"] == 4 and large.receptive_field == 800
    for r in (small, crowns, large):
        assert r.receptive_field >= 4 * r.object_px or r.network["depth"] == 5
        assert r.tile_size >= 3 * r.object_px and r.tile_size % tile_multiple(r.network) == 0
        assert "px" in r.reason
    # a scale chosen by the user is kept: at full resolution the 41-px crowns need depth 4
    full = recipe_for_size(41, scale=1)
    assert full.network == {"width": 16, "depth": 4} and full.tile_size == 128 and full.receptive_field == 200


def test_working_scale_keeps_objects_16_pixels_across():
    assert [working_scale(px) for px in (8, 31, 32, 63, 64, 500)] == [1, 1, 2, 2, 4, 4]
    assert tile_multiple({"depth": 3}) == 8 and tile_multiple({"depth": 2, "scale": 2}) == 8
    assert tile_multiple({"depth": 3, "scale": 4}) == 32


def test_a_scaled_network_takes_and_gives_full_resolution_tiles():
    torch.manual_seed(0)
    plain = build_network(3, 1, "count", {"width": 4, "depth": 2})
    scaled = build_network(3, 1, "count", {"width": 4, "depth": 2, "scale": 2})
    # the same weights (the scale adds none): a snapshot's weights fit either
    assert plain.state_dict().keys() == scaled.state_dict().keys()
    scaled.load_state_dict(plain.state_dict())
    plain.eval(), scaled.eval()
    x = torch.rand(1, 3, 64, 64)
    out = scaled(x)
    assert out.shape == (1, 3, 64, 64)
    # it is the plain network on the 2x2-averaged input, resampled back
    low = plain(torch.nn.functional.avg_pool2d(x, 2))
    back = torch.nn.functional.interpolate(low, scale_factor=2, mode="bilinear", align_corners=False)
    assert torch.allclose(out, back, atol=1e-6)
    assert NetworkSpec.from_dict({"width": 4, "depth": 2}).to_dict() == {"width": 4, "depth": 2}


def test_recipe_reads_label_geometries_in_map_units():
    from shapely.geometry import box

    labels = [box(0, 0, 2.0, 2.0), box(5, 5, 9.0, 9.0), box(10, 10, 14.0, 14.0)]  # sides 2, 4, 4 m
    recipe = recipe_for(labels, resolution=0.1)  # 40 px median side
    assert recipe.object_px == pytest.approx(40.0) and recipe.labels == 3
    assert recipe_for([], 0.1).labels == 0  # no labels yet: a fallback size


def test_first_training_sizes_the_network_from_the_labels_and_resume_keeps_it(tmp_path):
    ws, info, _ = synthdata.make_workspace(
        tmp_path, classes=1, size=96, network={"width": 4, "depth": 2, "auto": True}, tile_size=256
    )
    first = synthdata.train_quick(ws, info.id, steps=2)
    cfg = first.snapshot.config
    # synthetic discs of ~7 px: depth 2, tile 64, recorded with the figures behind them
    assert cfg["recipe"]["network"]["depth"] == cfg["network"]["depth"] == 2
    assert cfg["tile_size"] == cfg["recipe"]["tile_size"] == 64
    assert cfg["network"]["width"] == 4
    second = synthdata.train_quick(ws, info.id, steps=1)
    assert second.snapshot.config["tile_size"] == 64 and second.snapshot.config["recipe"] is None


def test_a_model_at_half_resolution_trains_detects_and_exports_at_full_resolution(tmp_path):
    import geopandas as gpd

    from orca_huntr.detection import DetectOptions, detect
    from orca_huntr.detection.onnx_export import export_onnx

    # the user's choice (1/2) is kept while tile and depth still come from the labels
    ws, info, scene = synthdata.make_workspace(
        tmp_path, classes=1, size=96, network={"width": 4, "depth": 2, "auto": True, "scale": 2}
    )
    result = synthdata.train_quick(ws, info.id, steps=2)
    cfg = result.snapshot.config
    assert cfg["network"]["scale"] == 2 and cfg["recipe"]["network"]["scale"] == 2
    assert cfg["tile_size"] % tile_multiple(cfg["network"]) == 0
    out = detect(ws, info.id, result.snapshot.id, scene, options=DetectOptions(backend="torch"))
    frame = gpd.read_file(out.path, layer=out.layer_name)
    assert out.feature_count == len(frame)  # vectorised at the raster's own resolution, whatever it found
    with pytest.raises(Exception, match="multiple of"):
        detect(ws, info.id, result.snapshot.id, scene, options=DetectOptions(tile_size=cfg["tile_size"] + 4))
    exported = export_onnx(ws, info.id, result.snapshot.id, tmp_path / "m.onnx")
    import onnxruntime

    session = onnxruntime.InferenceSession(str(exported.path), providers=["CPUExecutionProvider"])
    tile = exported.tile_size
    outputs = session.run(None, {session.get_inputs()[0].name: np.zeros((1, 3, tile, tile), np.float32)})
    assert all(o.shape[-2:] == (tile, tile) for o in outputs)  # Deepness gets full-resolution maps


def _write(path, data, crs="EPSG:32612", nodata=None):
    import rasterio
    from rasterio.transform import from_origin

    profile = {
        "driver": "GTiff", "width": data.shape[2], "height": data.shape[1], "count": data.shape[0],
        "dtype": "uint8", "crs": crs, "transform": from_origin(500000, 4000000, 0.1, 0.1), "nodata": nodata,
    }  # fmt: skip
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(data)
    return str(path)


@pytest.mark.parametrize("block", [None, 4])  # None: as recorded before blocks (single pixels)
def test_percentile_normalisation_cancels_brightness_and_colour_casts(tmp_path, block):
    rng = np.random.default_rng(0)
    # multiples of 10, so that the darker copy below is exact in uint8 (no rounding)
    base = 10.0 * rng.integers(2, 17, size=(3, 120, 120))
    a = _write(tmp_path / "a.tif", np.rint(base).astype(np.uint8))
    # another flight: darker overall and tinted per band
    gains = np.array([0.7, 0.8, 0.9])[:, None, None]
    b = _write(tmp_path / "b.tif", np.rint(base * gains).astype(np.uint8))
    norm = {"method": PERCENTILE, "low": 1.0, "high": 99.0, **({"block": block} if block else {})}
    ma, sa = map(np.asarray, statistics_for(norm, a, [1, 2, 3]))
    mb, sb = map(np.asarray, statistics_for(norm, b, [1, 2, 3]))
    xa = (np.rint(base) - ma[:, None, None]) / sa[:, None, None]
    xb = (np.rint(base * gains) - mb[:, None, None]) / sb[:, None, None]
    # percentiles (and block means) scale with the values: the network sees the same input
    assert np.abs(xa - xb).max() < 1e-9
    stats = percentile_statistics(a, [1, 2, 3], block=block or 1)
    values = np.rint(base)
    if block:
        values = values.reshape(3, 120 // block, block, 120 // block, block).mean(axis=(2, 4))
    lo, hi = np.percentile(values.reshape(3, -1), [1, 99], axis=1)
    assert np.allclose(stats["mean"], (lo + hi) / 2) and np.allclose(stats["std"], (hi - lo) / 2)


def test_block_statistics_barely_move_under_a_slight_blur(tmp_path):
    """Another camera or focus softens an image: the extremes of single pixels (glints, dark
    specks) go, the range of block means stays (see training/normalize.py)."""
    from scipy import ndimage

    rng = np.random.default_rng(1)
    # crowns of 8-24 px with a texture of single-pixel glints and specks on top
    smooth = ndimage.gaussian_filter(rng.uniform(0, 1, (3, 256, 256)), sigma=(0, 6, 6))
    smooth = 60 + 100 * (smooth - smooth.min()) / np.ptp(smooth)
    speckle = rng.choice([-45.0, 0.0, 45.0], p=[0.05, 0.9, 0.05], size=smooth.shape)
    sharp = np.clip(smooth + speckle, 0, 255)
    soft = ndimage.gaussian_filter(sharp, sigma=(0, 1.0, 1.0))
    a = _write(tmp_path / "sharp.tif", np.rint(sharp).astype(np.uint8))
    b = _write(tmp_path / "soft.tif", np.rint(soft).astype(np.uint8))
    change = {}
    for block in (1, 4):
        sa = np.asarray(percentile_statistics(a, [1, 2, 3], block=block)["std"])
        sb = np.asarray(percentile_statistics(b, [1, 2, 3], block=block)["std"])
        change[block] = float(np.max(np.abs(sb / sa - 1)))
    assert change[1] > 0.2  # single pixels: the blurred copy's contrast would be stretched by a fifth
    assert change[4] < 0.06


def test_block_statistics_of_a_large_raster_come_from_windows_of_the_same_blocks(tmp_path):
    from orca_huntr.training import normalize

    # a one-pixel checkerboard (0 / 200) on a ramp that rises by 2 every 4 px to the east:
    # every 4×4 block's mean is 100 + its ramp, single pixels span 0..200+ramp
    cols = np.arange(1024)
    ramp = 2 * (cols // 4) % 50
    checker = (np.add.outer(np.arange(64), cols) % 2) * 200
    band = np.clip(checker + ramp[None, :], 0, 255)
    path = _write(tmp_path / "wide.tif", np.repeat(band[None], 3, axis=0).astype(np.uint8))
    whole = normalize.percentile_statistics(path, [1], block=4, low=0, high=100)
    # at most 32 blocks a side: read in windows of SAMPLE_BLOCKS (here 16) blocks spread over it
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(normalize, "SAMPLE_BLOCKS", 16)
        windowed = normalize.percentile_statistics(path, [1], block=4, low=0, high=100, max_side=32)
    means = 100 + np.unique(ramp)
    assert whole == {"mean": [(means.min() + means.max()) / 2], "std": [(means.max() - means.min()) / 2]}
    lo, hi = np.asarray(windowed["mean"]) + np.array([-1, 1]) * np.asarray(windowed["std"])
    assert means.min() <= lo and hi <= means.max() and hi - lo > 40  # block means, spread over the raster


def test_block_statistics_leave_nodata_out(tmp_path):
    data = np.full((3, 64, 64), 0, np.uint8)
    data[:, :, 32:] = np.arange(32, dtype=np.uint8)[None, None, :] * 4 + 50  # east half: 50..174
    path = _write(tmp_path / "half.tif", data, nodata=0)
    stats = percentile_statistics(path, [1, 2, 3], block=4, low=0, high=100)
    means = np.arange(32).reshape(8, 4).mean(axis=1) * 4 + 50  # the east half's block means
    assert np.allclose(stats["mean"], (means.min() + means.max()) / 2)
    assert np.allclose(stats["std"], (means.max() - means.min()) / 2)


def test_new_models_record_block_statistics():
    from orca_huntr.training.normalize import DEFAULT_BLOCK, default_normalization

    assert DEFAULT_BLOCK > 1 and default_normalization()["block"] == DEFAULT_BLOCK


def test_fixed_normalisation_is_kept_for_older_snapshots(tmp_path):
    path = _write(tmp_path / "a.tif", np.full((3, 8, 8), 7, np.uint8))
    assert statistics_for({"mean": [1, 2, 3], "std": [4, 5, 6]}, path, [1, 2, 3]) == ([1, 2, 3], [4, 5, 6])


def test_photometric_augmentation_changes_colour_but_not_geometry():
    rng = np.random.default_rng(3)
    image = np.linspace(-1, 1, 3 * 32 * 32, dtype=np.float32).reshape(3, 32, 32)
    changed = [photometric(image.copy(), np.random.default_rng(s)) for s in range(20)]
    assert all(c.shape == image.shape and c.dtype == np.float32 and np.isfinite(c).all() for c in changed)
    means = np.array([c.mean() for c in changed])
    assert means.std() > 0.05  # the images do differ in brightness
    # a tile's targets turn with its image
    target = np.zeros((32, 32), np.uint8)
    target[0, 5] = 1
    tile = Tile(image, target, target.astype(np.float32), np.ones((32, 32), np.float32))
    for s in range(8):
        out = augment(tile, np.random.default_rng(s), colour=False)
        ((r, c),) = np.argwhere(out.target == 1)
        assert out.boundary[r, c] == 1.0 and out.image[:, r, c] == pytest.approx(image[:, 0, 5])
    assert rng is not None


def test_tiles_left_in_their_colours_are_still_blurred_as_often():
    """With ``blur``, a tile that keeps its light and colour (the share that
    ``photometric_share`` leaves) is blurred as often as a changed one, and nothing else
    about it changes: its mean stays, its targets turn with it."""
    from orca_huntr.training.augment import PHOTOMETRIC

    image = np.zeros((3, 32, 32), np.float32)
    image[:, ::2, :] = 1.0  # stripes: a blur of σ ≥ 0.4 px softens them
    target = np.zeros((32, 32), np.uint8)
    tile = Tile(image, target, target.astype(np.float32), np.ones((32, 32), np.float32))
    runs = 400
    blurred = 0
    for s in range(runs):
        out = augment(tile, np.random.default_rng(s), colour=False, blur=True)
        assert out.image.dtype == np.float32 and out.image.mean() == pytest.approx(0.5, abs=1e-5)
        assert set(np.unique(out.target)) == {0}
        blurred += int(out.image.max() < 0.99)
        plain = augment(tile, np.random.default_rng(s), colour=False)
        assert set(np.unique(plain.image)) == {0.0, 1.0}  # without blur: the pixels as they were
    share = blurred / runs
    # binomial spread of 400 draws at p = 0.25: σ ≈ 0.022; 4σ either way
    assert abs(share - PHOTOMETRIC.blur_probability) < 0.09


def test_photometric_augmentation_keeps_the_detail_below_the_1st_percentile():
    """Pixels darker than the scene's 1st percentile (shadows between crowns; a few per cent of a
    scene with block percentiles) keep their order under every change, gamma included."""
    from orca_huntr.training.augment import PhotometricRanges

    ranges = PhotometricRanges(blur_probability=0.0, noise_probability=0.0, saturation=(1.0, 1.0))
    ramp = np.linspace(-2.0, 1.5, 64, dtype=np.float32)  # normalised: -1 is the 1st percentile
    image = np.repeat(ramp[None, None, :], 8, axis=1).repeat(3, axis=0)
    for seed in range(20):
        out = photometric(image.copy(), np.random.default_rng(seed), ranges)
        assert (np.diff(out[:, 0, :], axis=1) > 0).all(), seed  # nothing flattened to one value


def test_zoomed_tiles_keep_labels_on_their_objects(tmp_path):
    from orca_huntr.training.inputs import load_inputs
    from orca_huntr.training.tiles import SceneReader, make_tile

    ws, info, scene = synthdata.make_scene_workspace(tmp_path, classes=1, size=96, touching=False)
    inputs = load_inputs(ws.training_data_path(info.id), [("s", str(scene.path), "s")], 1, [1, 2, 3])
    mean, std = np.zeros(3, np.float32), np.full(3, 255.0, np.float32)
    for zoom in (0.8, 1.0, 1.25):
        tile = make_tile(SceneReader(), inputs.scenes[0], [1, 2, 3], 16, 16, 48, mean, std, zoom=zoom)
        assert tile.image.shape == (3, 48, 48) and tile.target.shape == (48, 48)
        red = tile.image[0] * 255 > 150  # the discs are red (220), the background 45
        labelled = tile.target == 1
        # labels sit on the red pixels whatever the zoom (edges may differ by resampling)
        assert (red & labelled).sum() >= 0.8 * labelled.sum() > 0


def test_object_weights_balance_small_objects():
    w = object_weights(np.array([100.0, 400.0, 400.0, 1600.0]))
    assert w[0] == pytest.approx(2.0) and w[1] == pytest.approx(1.0) and w[3] == pytest.approx(0.5)
    # per object, weight × area grows like sqrt(area): a small object is not drowned by a large one
    assert (w * [100, 400, 400, 1600])[3] / (w * [100, 400, 400, 1600])[0] == pytest.approx(4.0)


def test_weight_average_follows_the_weights_with_its_decay():
    net = torch.nn.Linear(2, 1, bias=False)
    with torch.no_grad():
        net.weight.fill_(0.0)
    avg = WeightAverage(net, decay=0.9)
    with torch.no_grad():
        net.weight.fill_(1.0)
    for _ in range(200):
        avg.update()
    assert float(avg.model.weight[0, 0]) == pytest.approx(1.0, abs=1e-6)
    avg2 = WeightAverage(net, decay=0.9)
    with torch.no_grad():
        net.weight.fill_(2.0)
    avg2.update()  # first update: d = min(0.9, 2/11)
    d = 2 / 11
    assert float(avg2.model.weight[0, 0]) == pytest.approx(d * 1.0 + (1 - d) * 2.0)


def test_learning_rate_warms_up_then_decays_over_the_budget():
    from orca_huntr.training.loop import ModelSetup

    net = torch.nn.Linear(1, 1)
    config = TrainConfig(lr=1e-3, warmup_steps=10, lr_floor=0.05)
    step = TrainStep(net, ModelSetup(1, "count", [1], 32, {}), config, torch.device("cpu"))
    assert step.lr_at(0, 0.0) == pytest.approx(1e-4)
    assert step.lr_at(9, 0.0) == pytest.approx(1e-3)
    assert step.lr_at(50, 0.5) == pytest.approx(1e-3 * (0.05 + 0.95 * 0.5))
    assert step.lr_at(99, 1.0) == pytest.approx(5e-5)


def test_a_time_budget_alone_trains_for_that_time():
    budget = Budget(TrainConfig(max_seconds=900), start=0, steps_per_epoch=10)
    assert budget.max_steps is None and budget.stop_reason(10_000, None) == ""
    assert Budget(TrainConfig(), start=0, steps_per_epoch=10).max_steps == 500


def test_engine_uses_every_core_unless_told_otherwise():
    before = torch.get_num_threads()
    try:
        configure_threads(None)
        assert torch.get_num_threads() == (os.cpu_count() or 1)
        configure_threads(1)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


def test_boundary_target_travels_with_the_model(tmp_path):
    ws, info, _ = synthdata.make_workspace(tmp_path, classes=1, size=64)
    first = synthdata.train_quick(ws, info.id, steps=1, boundary_target="rim", validation_fraction=0.25)
    assert first.snapshot.config["boundary_target"] == "rim"
    # a resume that does not name a target keeps the model's (it used to switch silently)
    second = synthdata.train_quick(ws, info.id, steps=1, validation_fraction=0.25)
    assert second.snapshot.config["boundary_target"] == "rim"
    ws2, info2, _ = synthdata.make_workspace(tmp_path / "new", classes=1, size=64)
    assert synthdata.train_quick(ws2, info2.id, steps=1).snapshot.config["boundary_target"] == "centre"


def test_the_centre_targets_spread_travels_with_the_model(tmp_path, monkeypatch):
    """A new model learns tiles.CENTRE_SIGMA and records it; a resume keeps the recorded spread
    (a model made before it was recorded keeps the 0.10 it learnt), and the batches and the
    validation loss use the resolved one."""
    import orca_huntr.training.loop as loop_module
    from orca_huntr.training.tiles import CENTRE_SIGMA, LEGACY_CENTRE_SIGMA

    spreads = []
    real = loop_module.make_tile
    monkeypatch.setattr(
        loop_module, "make_tile", lambda *a, **k: spreads.append(k["centre_spread"]) or real(*a, **k)
    )
    ws, info, _ = synthdata.make_workspace(tmp_path, classes=1, size=64)
    first = synthdata.train_quick(ws, info.id, steps=1, validation_fraction=0.25)
    assert first.snapshot.config["centre_sigma"] == CENTRE_SIGMA and set(spreads) == {CENTRE_SIGMA}
    spreads.clear()
    second = synthdata.train_quick(ws, info.id, steps=1, centre_sigma=0.3, validation_fraction=0.25)
    assert second.snapshot.config["centre_sigma"] == 0.3 and set(spreads) == {0.3}
    third = synthdata.train_quick(ws, info.id, steps=1, validation_fraction=0.25)
    assert third.snapshot.config["centre_sigma"] == 0.3  # not switched back silently
    # a snapshot from before the spread was recorded: it learnt the legacy spread
    assert loop_module.recorded_spread({"boundary_target": "centre"}) == LEGACY_CENTRE_SIGMA
    assert loop_module.recorded_spread({"boundary_target": "distance"}) is None
    legacy = loop_module.Resume(weights={}, boundary_target="centre", centre_sigma=LEGACY_CENTRE_SIGMA)
    assert loop_module._with_target(TrainConfig(), legacy).centre_sigma == LEGACY_CENTRE_SIGMA
    assert loop_module._with_target(TrainConfig(boundary_target="centre"), None).centre_sigma == CENTRE_SIGMA
    # another target does not hand its (absent) spread on; a rim model has none recorded
    rim = synthdata.train_quick(ws, info.id, steps=1, boundary_target="rim", validation_fraction=0.25)
    assert rim.snapshot.config["centre_sigma"] is None


def test_snapshot_records_normalisation_method_and_scene_statistics(tmp_path):
    ws, info, _ = synthdata.make_workspace(tmp_path, classes=1, size=64)
    snap = synthdata.train_quick(ws, info.id, steps=2, validation_fraction=0.25).snapshot
    norm = snap.config["normalization"]
    assert norm["method"] == PERCENTILE and (norm["low"], norm["high"]) == (1.0, 99.0)
    (stats,) = norm["scenes"].values()
    assert len(stats["mean"]) == 3 and all(s > 0 for s in stats["std"])
    assert snap.config["weights_average"] == {"decay": 0.99}
    assert math.isfinite(snap.metrics["val_loss"])


def test_detections_survive_a_brighter_or_darker_flight(tmp_path):
    """Per-scene normalisation: the same scene ×0.8 (darker) gives the same detections.

    Tolerance: the darker copy is rounded to uint8 again, which moves each normalised value
    by up to 1/(0.8 × spread) ≈ 0.01 (spread ~150 grey levels), so a few edge pixels may flip:
    the object count must match within one and the detected area within 5 %. The inputs differ
    as little with block percentiles (at most 0.019 here) as with single pixels (0.025), but a
    model of 60 steps still split objects where such a change moves the split (21 objects for
    19): it trains 100 steps (then 11 and 12).
    """
    import rasterio

    from orca_huntr.detection import detect

    ws, info, scene = synthdata.make_workspace(tmp_path, classes=1, size=64)
    synthdata.train_quick(ws, info.id, steps=100, validation_fraction=0.25)
    with rasterio.open(scene) as src:
        profile, data = src.profile, src.read().astype(np.float64)
    darker = tmp_path / "darker.tif"
    with rasterio.open(darker, "w", **profile) as dst:
        dst.write(np.clip(np.rint(data * 0.8), 0, 255).astype(np.uint8))
    options = {"device": "cpu", "score_threshold": 0.5, "boundary_threshold": 0.5, "min_pixels": 4}
    a = detect(ws, info.id, None, scene, options=options)
    b = detect(ws, info.id, None, darker, options=options)
    assert a.feature_count > 0
    assert abs(a.feature_count - b.feature_count) <= 1
    import geopandas as gpd

    area_a = gpd.read_file(a.path).area.sum()
    area_b = gpd.read_file(b.path).area.sum()
    assert abs(area_a - area_b) <= 0.05 * area_a


def test_grey_surfaces_are_painted_on_the_background_only():
    """``grey_surface`` paints a bright, grey, smooth road or patch on the tile's background:
    objects and pixels outside the areas keep their values, the targets are not touched, and
    the painted pixels are of low saturation and little texture."""
    from orca_huntr.training.augment import grey_surface

    rng = np.random.default_rng(0)
    h = w = 96
    texture = rng.normal(0.0, 0.5, size=(3, h, w)).astype(np.float32)  # a busy scene
    target = np.zeros((h, w), np.uint8)
    target[20:50, 30:60] = 1  # an object
    target[:, :10] = 255  # outside the training areas
    painted_tiles = 0
    for seed in range(60):
        image = texture.copy()
        out = grey_surface(image, target.copy(), np.random.default_rng(seed))
        changed = (out != texture).any(axis=0)
        assert not changed[target != 0].any(), seed  # objects and ignored pixels as they were
        full = changed & (np.abs(out - texture).max(axis=0) > 0.2)
        if full.sum() < 200:
            continue
        painted_tiles += 1
        u = (out[:, full] + 1.0) / 2.0
        assert u.mean() > 0.35  # bright: at or above the scene's usual range
        # grey: the bands stay close to each other (painted lines aside), and smooth
        assert np.median(u.max(axis=0) - u.min(axis=0)) < 0.15, seed
        assert np.median(np.abs(np.diff(out, axis=2))[:, full[:, 1:] & full[:, :-1]]) < 0.1, seed
    assert painted_tiles > 40


def test_a_share_of_the_tiles_gets_a_grey_surface_and_none_without_the_share():
    """``augment(…, surface_share=s)`` paints a surface on about a share ``s`` of the tiles
    (the targets turn as always and are never changed); with 0 it draws nothing more from the
    generator, so the tiles are those of a recipe without surfaces."""
    image = np.zeros((3, 32, 32), np.float32)
    target = np.zeros((32, 32), np.uint8)
    tile = Tile(image, target, target.astype(np.float32), np.ones((32, 32), np.float32))
    runs, painted = 400, 0
    for s in range(runs):
        out = augment(tile, np.random.default_rng(s), colour=False, surface_share=0.25)
        assert set(np.unique(out.target)) == {0}
        painted += int(np.abs(out.image).max() > 0.05)
        plain = augment(tile, np.random.default_rng(s), colour=False, surface_share=0.0)
        assert not plain.image.any()
    # binomial spread of 400 draws at p = 0.25: σ ≈ 0.022; a surface may miss a tile's corner
    assert abs(painted / runs - 0.25) < 0.09
