"""Instance separation (issue #12): touching and overlapping objects counted exactly, no slivers,
validation through detection's own steps, and the snapshot's calibrated settings used by detection."""

from __future__ import annotations

import numpy as np
import pytest
import synthdata

from orca_huntr.detection import DetectOptions, detect, vectorize
from orca_huntr.detection.engine import run_pipeline
from orca_huntr.detection.vectorize import grow_steps_for, kept_objects, label_block
from orca_huntr.training.tiles import edge_map

RAW = ([0.0] * 4, [1.0] * 4)


def instance_map(probs, valid, num_classes, mode, score, boundary, grow, min_pixels=0):
    """The objects detection writes from one block of probabilities (distance-target model)."""
    weight = np.ones(valid.shape, np.float32)
    block = label_block(probs, weight, valid, num_classes, mode, score, boundary, grow)
    return kept_objects(block, min_pixels)


def _rasterise(shapes, size):
    from rasterio.features import rasterize
    from rasterio.transform import Affine

    return rasterize(
        [(g, i + 1) for i, g in enumerate(shapes)], out_shape=(size, size), transform=Affine.identity(),
        dtype="int32",
    )  # fmt: skip


def _ideal_probs(instances):
    """What a perfectly trained count network gives: class 1 on objects, the distance target."""
    cls = np.where(instances > 0, 0.95, 0.02).astype(np.float32)
    return np.stack([cls, edge_map(instances)])


def _touching_scene(kind: str):
    from shapely.geometry import Point, box

    shapes = []
    if kind == "discs":  # a 4×4 grid of discs of radius 10 touching their neighbours
        shapes = [Point(12 + 20 * i, 12 + 20 * j).buffer(10.0) for i in range(4) for j in range(4)]
    elif kind == "boxes":  # crown boxes overlapping their neighbours by a quarter of their side
        shapes = [box(4 + 24 * i, 4 + 24 * j, 36 + 24 * i, 36 + 24 * j) for i in range(3) for j in range(3)]
    elif kind == "sizes":  # small and large objects side by side
        shapes = [box(2, 2, 14, 14), box(14, 2, 60, 48), box(60, 10, 70, 20), box(2, 48, 40, 80)]
    return shapes


@pytest.mark.parametrize("kind", ["discs", "boxes", "sizes"])
def test_touching_and_overlapping_objects_are_counted_exactly(kind):
    shapes = _touching_scene(kind)
    instances = _rasterise(shapes, 96)
    assert len(np.unique(instances[instances > 0])) == len(shapes)
    probs = _ideal_probs(instances)
    valid = np.ones(instances.shape, bool)
    labels, _ = instance_map(probs, valid, 1, "count", 0.5, 0.5, grow_steps_for("distance"))
    assert len(np.unique(labels[labels > 0])) == len(shapes)
    # and each object is found where it is (most of its pixels carry one label)
    for k in np.unique(instances[instances > 0]):
        found = labels[instances == k]
        assert np.bincount(found[found > 0]).max() >= 0.6 * (instances == k).sum()


def _scene_of(shapes, size):
    """A SceneInput whose labels are ``shapes`` in pixel coordinates (x = column, y = row)."""
    from rasterio.transform import Affine
    from shapely.geometry import box

    from orca_huntr.training.inputs import SceneInput

    return SceneInput(
        "s", "s", "", None, Affine.identity(), size, size, 3, None,
        labels=list(shapes), label_bounds=np.array([g.bounds for g in shapes]).reshape(-1, 4),
        train_areas=[box(0, 0, size, size)],
    )  # fmt: skip


@pytest.mark.parametrize("kind", ["discs", "boxes", "sizes"])
def test_centre_target_counts_touching_and_overlapping_objects_exactly(kind):
    """The centre target (one Gaussian low point per label) separates what the distance target does."""
    from orca_huntr.training.tiles import centre_map

    shapes = _touching_scene(kind)
    size = 96
    instances = _rasterise(shapes, size)
    centre = centre_map(_scene_of(shapes, size), 0, 0, size, size)
    assert centre.shape == (size, size) and 0.0 <= centre.min() < 0.05 and centre.max() == 1.0
    cls = np.where(instances > 0, 0.95, 0.02).astype(np.float32)
    probs = np.stack([cls, centre])
    labels, _ = instance_map(
        probs, np.ones((size, size), bool), 1, "count", 0.5, 0.5, grow_steps_for("centre")
    )
    assert len(np.unique(labels[labels > 0])) == len(shapes)
    for k in np.unique(instances[instances > 0]):
        found = labels[instances == k]
        assert np.bincount(found[found > 0]).max() >= 0.6 * (instances == k).sum()


def test_centre_target_peaks_at_each_labels_centre_also_outside_the_window():
    from shapely.geometry import Point, box

    from orca_huntr.training.tiles import CENTRE_MIN_SIGMA, CENTRE_SIGMA, centre_map

    shapes = [box(10, 20, 30, 40), Point(70, 30).buffer(8.0)]
    full = centre_map(_scene_of(shapes, 96), 0, 0, 96, 96)
    assert np.unravel_index(full.argmin(), full.shape) in {(29, 19), (29, 20), (30, 19), (30, 20)}
    assert full[30, 70] < 0.1 and full[80, 80] == 1.0
    # a window whose left edge cuts the box: the same values where the windows overlap
    window = centre_map(_scene_of(shapes, 96), 0, 15, 96, 81)
    assert np.allclose(window, full[:, 15:])
    # the spread follows the label's size (20 px: sigma = max(CENTRE_SIGMA * 20, CENTRE_MIN_SIGMA)):
    # along the centre row (pixel centres at y 29.5 and 30.5, half a pixel off the centre's y 30)
    sigma = max(CENTRE_SIGMA * 20.0, CENTRE_MIN_SIGMA)
    for col in (22, 24, 26):
        d2 = (col + 0.5 - 20.0) ** 2 + 0.25
        assert abs(full[29, col] - (1 - np.exp(-d2 / (2 * sigma**2)))) < 1e-5


def test_touching_objects_counted_exactly_through_the_whole_detection_pipeline(tmp_path):
    """A 4-band raster whose 4th band is the ideal boundary target; an oracle reads it."""
    import rasterio
    from rasterio.transform import from_origin

    shapes = _touching_scene("discs")
    size = 96
    instances = _rasterise(shapes, size)
    rgb = np.where(instances > 0, 200, 40).astype(np.uint8)
    # 1..255, never 0: GDAL reads a 4th uint8 band as alpha, and 0 would mask the pixel
    boundary = (1 + np.rint(edge_map(instances) * 254)).astype(np.uint8)
    path = tmp_path / "touching.tif"
    profile = {
        "driver": "GTiff", "width": size, "height": size, "count": 4, "dtype": "uint8",
        "crs": "EPSG:32612", "transform": from_origin(0, size, 1, 1),
    }  # fmt: skip
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(np.stack([rgb, rgb, rgb, boundary]))

    def oracle(batch):
        cls = np.where(batch[:, 0] > 120, 0.95, 0.02).astype(np.float32)
        return np.stack([1 - cls, cls, (batch[:, 3] - 1) / 254.0], axis=1).astype(np.float32)

    for block in (4096, 40):  # one block, and block borders cutting through the discs
        options = DetectOptions(block_size=block, min_pixels=1, simplify=0, overlap=0.25)
        out = run_pipeline(str(path), [1, 2, 3, 4], *RAW, oracle, 1, "count", 32, options, (0, 0, size, size),
                           boundary_target="distance")  # fmt: skip
        assert len(out.detections) == len(shapes), block


def test_noise_never_turns_into_slivers():
    """An under-trained network: noisy class and boundary maps, stripes included."""
    rng = np.random.default_rng(0)
    size = 128
    cls = np.clip(0.5 + 0.3 * rng.standard_normal((size, size)), 0, 1).astype(np.float32)
    boundary = np.clip(0.5 + 0.3 * rng.standard_normal((size, size)), 0, 1).astype(np.float32)
    boundary[:, ::4] = 0.0  # 1-px stripes of "core" (the ConvTranspose pattern seen in the field)
    probs = np.stack([cls, boundary])
    labels, _ = instance_map(
        probs, np.ones((size, size), bool), 1, "count", 0.5, 0.5, grow_steps_for("distance")
    )
    from scipy import ndimage

    for k in np.unique(labels[labels > 0]):
        eroded = ndimage.binary_erosion(labels == k, structure=np.ones((3, 3)), border_value=1)
        assert eroded.any(), f"object {k} is thinner than 3 px everywhere"


def test_validation_finds_objects_with_detections_own_steps(tmp_path, monkeypatch):
    """The snapshot's object F1 comes from vectorize.label_block, the function detection uses."""
    ws, info, _ = synthdata.make_workspace(tmp_path, classes=1, size=64)
    calls = []
    real = vectorize.label_block

    def spy(*args, **kwargs):
        calls.append(args[5] if len(args) > 5 else kwargs.get("threshold"))
        return real(*args, **kwargs)

    monkeypatch.setattr(vectorize, "label_block", spy)
    import orca_huntr.training.validate as validate_module

    monkeypatch.setattr(validate_module, "label_block", spy)
    result = synthdata.train_quick(ws, info.id, steps=2, validation_fraction=0.3)
    assert calls, "validation did not go through label_block"
    # the final validation calibrated: every score threshold of the grid was tried
    assert set(validate_module.SCORE_THRESHOLDS) <= set(calls)
    # and if label_block finds nothing, the snapshot's F1 says so
    monkeypatch.setattr(validate_module, "label_block", lambda *a, **k: _empty_block(real, *a, **k))
    again = synthdata.train_quick(ws, info.id, steps=1, validation_fraction=0.3)
    assert again.metrics["tp"] == 0 and again.metrics["f1"] == 0.0
    assert result.metrics["validation_pixels"] > 0


def _empty_block(real, sums, weight, valid, *rest, **kw):
    return real(sums, weight, np.zeros_like(valid), *rest, **kw)


def test_detection_uses_the_snapshots_calibrated_settings_unless_overridden(tmp_path):
    ws, info, scene = synthdata.make_workspace(tmp_path, classes=1, size=64)
    snap = synthdata.train_quick(ws, info.id, steps=3, validation_fraction=0.3).snapshot
    calibrated = snap.config["detection"]
    assert calibrated["calibrated_on"] == "validation+training" and calibrated["candidates"] > 1
    assert {"score_threshold", "boundary_threshold", "min_pixels"} <= set(calibrated)
    result = detect(ws, info.id, snap.id, scene, options={"device": "cpu"})
    for key in ("score_threshold", "boundary_threshold", "min_pixels", "marker_window"):
        assert result.settings[key] == calibrated[key] and result.settings["from"][key] == "snapshot"
    mine = detect(
        ws, info.id, snap.id, scene, options={"device": "cpu", "score_threshold": 0.9, "min_pixels": 2}
    )
    assert mine.settings["score_threshold"] == 0.9 and mine.settings["from"]["score_threshold"] == "user"
    assert mine.settings["boundary_threshold"] == calibrated["boundary_threshold"]
    # validated with flip averaging (training's default), so detection averages the mirror images
    assert calibrated["flip_tta"] is True
    assert result.settings["flip_tta"] is True and result.settings["from"]["flip_tta"] == "snapshot"
    assert mine.settings["flip_tta"] is True  # only what the user set is theirs
    plain = detect(ws, info.id, snap.id, scene, options={"device": "cpu", "flip_tta": False})
    assert plain.settings["flip_tta"] is False and plain.settings["from"]["flip_tta"] == "user"


def test_validation_averages_the_mirror_images_with_detections_function_when_told(tmp_path, monkeypatch):
    """``TrainConfig.flip_tta`` (the default) validates and calibrates through
    ``detection.infer.mirror_average``, the function detection's flip averaging runs, and the
    snapshot records it; without it no mirror image is predicted and detection follows."""
    import orca_huntr.training.validate as validate_module
    from orca_huntr.detection import infer

    calls = []

    def spy(run, x, boxes=0):
        calls.append(boxes)
        return infer.mirror_average(run, x, boxes)

    monkeypatch.setattr(validate_module, "mirror_average", spy)
    ws, info, scene = synthdata.make_workspace(tmp_path, classes=1, size=64)
    flipped = synthdata.train_quick(ws, info.id, steps=2, validation_fraction=0.3).snapshot
    assert calls and flipped.config["detection"]["flip_tta"] is True
    # the validations during a run (for the chart and early stopping) predict each tile once:
    # validating after every step flips no more tiles than validating at the end alone
    final_only = len(calls)
    calls.clear()
    every = synthdata.train_quick(ws, info.id, steps=3, validation_fraction=0.3, validate_every=1)
    assert len(every.metrics["history"]["validation"]) >= 3 and len(calls) == final_only
    calls.clear()
    plain = synthdata.train_quick(ws, info.id, steps=1, validation_fraction=0.3, flip_tta=False).snapshot
    assert not calls and plain.config["detection"]["flip_tta"] is False
    found = detect(ws, info.id, plain.id, scene, options={"device": "cpu"})
    assert found.settings["flip_tta"] is False and found.settings["from"]["flip_tta"] == "snapshot"


def test_validations_flip_averaging_is_detections():
    """A region predicted with ``flip`` gives the logits of the network wrapped by detection's
    ``flip_averaged``, tile by tile (one tile here: the region is a tile)."""
    import torch

    from orca_huntr.detection.infer import flip_averaged
    from orca_huntr.training.validate import predict_region

    torch.manual_seed(0)
    net = torch.nn.Conv2d(3, 3, 3, padding=1)  # sees its neighbours: mirroring changes its output
    image = np.random.default_rng(0).normal(size=(3, 32, 32)).astype(np.float32)
    with torch.no_grad():
        plain, _ = predict_region(net, image, 32, torch.device("cpu"), 1, "count")
        flipped, _ = predict_region(net, image, 32, torch.device("cpu"), 1, "count", flip=True)
        wanted = flip_averaged(net)(torch.from_numpy(image[None]))[0].numpy()
    assert np.allclose(flipped, wanted, atol=1e-5)
    assert not np.allclose(plain, wanted, atol=1e-3)


def test_old_snapshots_without_calibration_fall_back_to_the_defaults():
    options = DetectOptions().resolved({})
    assert (options.score_threshold, options.boundary_threshold, options.min_pixels) == (0.5, 0.5, 4)
    assert options.marker_window == 0  # cores by threshold, as before markers existed
    assert options.geometry == "outline"  # pixel outlines, as before boxes could be written
    assert options.max_box_overlap == 1.0  # no box suppressed, as before suppression existed
    assert options.flip_tta is False  # no flip averaging: they were validated without
    assert DetectOptions().sources({}) == dict.fromkeys(
        (
            "score_threshold",
            "boundary_threshold",
            "min_pixels",
            "marker_window",
            "geometry",
            "max_box_overlap",
            "flip_tta",
        ),
        "default",
    )


def test_flip_tta_averages_mirrored_predictions():
    import torch

    from orca_huntr.detection.infer import flip_averaged

    class LeftEdge(torch.nn.Module):  # "sees" only the left edge: not mirror-symmetric
        def forward(self, x):
            out = torch.zeros_like(x)
            out[..., 0] = 1.0
            return out

    out = flip_averaged(LeftEdge())(torch.zeros(1, 1, 4, 4))
    assert out[0, 0, 0, 0] == pytest.approx(0.5) and out[0, 0, 0, 3] == pytest.approx(0.5)
    assert out[0, 0, 0, 1] == 0.0


def test_validation_predicts_a_region_on_detections_grid_with_its_blending():
    """Overlapping tiles on detection's grid, blended with its window: a network that sees one
    pixel at a time gives its own probabilities everywhere (the blend weights sum to 1), for a
    region of any size, smaller than a tile too."""
    import torch

    from orca_huntr.detection.tiling import TileGrid
    from orca_huntr.training.validate import predict_region, probabilities

    torch.manual_seed(0)
    net = torch.nn.Conv2d(3, 3, 1)  # background, class and boundary logits of each pixel alone
    seen = []
    net.register_forward_hook(lambda _m, inp, _out: seen.append(inp[0].shape[0]))
    rng = np.random.default_rng(0)
    for h, w in ((64, 64), (100, 70), (20, 40)):
        image = rng.normal(size=(3, h, w)).astype(np.float32)
        seen.clear()
        with torch.no_grad():
            logits, probs = predict_region(net, image, 32, torch.device("cpu"), 1, "count")
            direct = net(torch.from_numpy(image[None]))[0].numpy()
        assert logits.shape == (3, h, w) and probs.shape == (2, h, w)
        assert np.allclose(logits, direct, atol=1e-5)
        assert np.allclose(probs, probabilities(direct, 1, "count"), atol=1e-5)
        grid = TileGrid(max(h, 32), max(w, 32), 32, DetectOptions().overlap_pixels(32), 4096)
        assert sum(seen[:-1]) == grid.tile_count  # the last call is the direct one above


def test_box_labels_are_told_from_outlines():
    from shapely.affinity import rotate
    from shapely.geometry import Point, box

    assert _scene_of([box(0, 0, 10, 8), box(20, 20, 24, 30)], 64).box_labels
    assert not _scene_of([box(0, 0, 10, 8), Point(30, 30).buffer(5)], 64).box_labels
    assert not _scene_of([rotate(box(10, 10, 30, 20), 30)], 64).box_labels
    assert not _scene_of([], 64).box_labels


@pytest.mark.parametrize("boxes", [True, False])
def test_validation_scores_objects_by_their_boxes_where_the_labels_are_boxes(boxes):
    """A box label found as a 3-px ring along its edge: one object by its extent, none by its pixels."""
    from orca_huntr.training.validate import _blocks, _Region, _score

    size = 48
    instances = np.zeros((size, size), np.int32)
    instances[8:38, 8:38] = 1  # the 30 × 30 box
    ring = instances > 0
    ring[11:35, 11:35] = False  # 324 of its 900 pixels: pixel IoU 0.36
    probs = np.stack([np.where(ring, 0.95, 0.02), np.where(ring, 0.0, 1.0)]).astype(np.float32)
    region = _Region(probs, np.ones((size, size), bool), instances.astype(np.uint8), instances, boxes)
    blocks = _blocks([region], 1, "count", 0.5, 0.5, "centre")
    scores = _score([region], blocks, 1, 9)
    assert (scores["tp"], scores["fp"], scores["fn"]) == ((1, 0, 0) if boxes else (0, 1, 1))
    assert scores["matched_iou"] == (1.0 if boxes else 0.0)


def test_calibration_takes_the_best_count_among_settings_that_score_alike(monkeypatch):
    """Near its top the smoothed score is flat, and which setting wins there is chance on a few
    dozen objects: of the settings within PLATEAU of the best, the count decides."""
    from orca_huntr.training import validate

    assert validate.PLATEAU == 0.03
    truth = 40
    # boundary threshold -> (object F1, objects found per true object)
    table = {0.3: (0.50, 0.6), 0.4: (0.60, 0.8), 0.5: (0.62, 0.9), 0.6: (0.61, 1.0), 0.7: (0.58, 1.2)}
    monkeypatch.setattr(validate, "boundary_candidates", lambda regions, n, fixed: tuple(table))
    monkeypatch.setattr(validate, "_blocks", lambda regions, n, mode, s, b, target, w=0: b)

    def score(regions, b, n, m, max_box_overlap=1.0):
        f1, ratio = table[b]
        found = round(ratio * truth)
        tp = round(f1 * (found + truth) / 2)
        return {"f1": f1, "matched_iou": 1.0, "mean_iou": 0.5, "tp": tp, "fp": found - tp, "fn": truth - tp}

    monkeypatch.setattr(validate, "_score", score)
    # smoothed over each threshold's neighbours: 0.55, 0.573, 0.61 (best), 0.603, 0.595
    settings, _, _ = validate.calibrate([], 1, "count", "centre", [9], [5])
    assert settings["boundary_threshold"] == 0.6  # within 3 % of 0.5's score, and counts right
    # with the count left out the best score would win: 0.5, which finds 36 objects for 40
    monkeypatch.setattr(validate, "PLATEAU", 0.0)
    settings, _, _ = validate.calibrate([], 1, "count", "centre", [9], [5])
    assert settings["boundary_threshold"] == 0.5


def test_count_calibration_adds_the_training_areas_and_the_card_scores_validation_alone(
    tmp_path, monkeypatch
):
    """A validation strip holds a few dozen objects, too few to set the count: count mode
    calibrates on the validation areas and a window of the training areas. The card's scores
    are the validation areas' alone, with the settings chosen; without the training window
    (``calibration_pixels=0``) the calibration sees the validation areas only."""
    import torch

    from orca_huntr.training import loop, validate
    from orca_huntr.training.network import build_network
    from orca_huntr.training.tiles import SceneReader

    ws, _, _ = synthdata.make_workspace(tmp_path, classes=1, size=96)
    model = ws.list_models()[0]
    setup = loop.ModelSetup.from_model(model)
    inputs = loop.model_inputs(ws, model.id, setup, 0.3)
    setup.size_from(None, inputs)
    torch.manual_seed(0)
    net = build_network(len(setup.bands), 1, "count", setup.network)
    scales = loop.scene_scales(inputs, setup.bands, {"method": "scene_percentile"})
    seen = []
    real = validate.calibrate

    def spy(regions, *args, **kwargs):
        seen.append([int(r.counted.sum()) for r in regions])
        return real(regions, *args, **kwargs)

    monkeypatch.setattr(validate, "calibrate", spy)
    cpu = torch.device("cpu")
    args = (net, inputs, SceneReader(), scales, setup.tile_size, "count", cpu, 1, 4_000_000, "centre")
    pooled = validate.validate(*args)
    alone = validate.validate(*args, calibration_pixels=0)
    (val_pixels, train_pixels), (only_val,) = seen
    assert pooled["detection"]["calibrated_on"] == "validation+training"
    assert alone["detection"]["calibrated_on"] == "validation"
    assert val_pixels == only_val == pooled["validation_pixels"] and train_pixels > val_pixels
    # the card: the validation areas scored with the settings the pooled calibration chose
    settings = {
        k: pooled["detection"][k]
        for k in ("score_threshold", "boundary_threshold", "min_pixels", "marker_window")
    }
    again = validate.validate(*args, settings=settings)
    for key in ("tp", "fp", "fn", "f1", "val_loss"):
        assert again[key] == pooled[key]
