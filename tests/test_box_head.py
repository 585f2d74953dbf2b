"""The box head of count networks (network.NetworkSpec.boxes): its target, its turns, its loss,
and that training alone asks for it (detection's network is the one it always was)."""

from __future__ import annotations

import numpy as np
import pytest
import synthdata
import torch

from orca_huntr.training.augment import _box_order, _turned, augment
from orca_huntr.training.inputs import load_inputs
from orca_huntr.training.labelcache import LabelRasters
from orca_huntr.training.loss import box_iou_loss
from orca_huntr.training.network import NetworkSpec, build_network, output_channels
from orca_huntr.training.tiles import IGNORE, SceneReader, make_tile


def _distances(mask: np.ndarray) -> np.ndarray:
    """(4, h, w): each pixel's distances to the sides of the bounding box of ``mask`` (0 outside)."""
    rows, cols = np.nonzero(mask)
    h, w = mask.shape
    y = np.arange(h, dtype=np.float32)[:, None] + 0.5
    x = np.arange(w, dtype=np.float32)[None, :] + 0.5
    out = np.stack(
        np.broadcast_arrays(x - cols.min(), y - rows.min(), cols.max() + 1 - x, rows.max() + 1 - y)
    ).astype(np.float32)
    return out * mask


@pytest.mark.parametrize("k", range(4))
@pytest.mark.parametrize("flip", [False, True])
def test_turned_box_targets_are_the_turned_boxes_distances(k, flip):
    mask = np.zeros((16, 20), bool)
    mask[2:7, 3:12] = True  # not square, off centre: every side at another distance
    turned = _turned(_distances(mask), k, flip)[_box_order(k, flip)]
    assert np.array_equal(turned, _distances(_turned(mask, k, flip)))


@pytest.fixture(scope="module")
def scene_input(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("boxes")
    scene = synthdata.write_scene(tmp / "a.tif", 96, cell=24, seed=5)
    gpkg = synthdata.write_training_gpkg(tmp / "t.gpkg", scene.crs, [scene.box(0, 0, 1, 1)], scene.labels())
    inputs = load_inputs(gpkg, [("s1", str(scene.path), "scene")], 2, [1, 2, 3], scene.crs, 0.0)
    return inputs.scenes[0]


def _label_boxes_px(scene) -> np.ndarray:
    t = scene.transform
    b = scene.label_bounds
    cols = (b[:, [0, 2]] - t.c) / t.a
    rows = (b[:, [3, 1]] - t.f) / t.e
    return np.stack([cols[:, 0], rows[:, 0], cols[:, 1], rows[:, 1]], 1)


@pytest.mark.parametrize("cached", [False, True])
@pytest.mark.parametrize("zoom", [1.0, 0.8, 1.25])
def test_box_target_gives_back_each_labels_box_even_beyond_the_tile(scene_input, cached, zoom):
    """From every pixel of a label, position − (left, top) and position + (right, bottom) is the
    label's box in the scene, also for labels the tile cuts; the distances are in tile pixels."""
    size, unit = 32, 8.0
    rasters = LabelRasters(scene_input, centre_spread=0.2) if cached else None
    mean, std = np.zeros(3, np.float32), np.ones(3, np.float32)
    boxes = _label_boxes_px(scene_input)
    cut_objects = 0
    for row, col in [(0, 0), (20, 33), (50, 41)]:
        tile = make_tile(
            SceneReader(), scene_input, [1, 2, 3], row, col, size, mean, std, boundary_width=1,
            boundary_kind="centre", zoom=zoom, label_rasters=rasters, centre_spread=0.2, box_unit=unit,
        )  # fmt: skip
        assert tile.box is not None and tile.box.shape == (4, size, size) and tile.box.dtype == np.float32
        counted = tile.target != IGNORE
        inside = counted & (tile.target > 0)
        assert np.array_equal((tile.box.sum(axis=0) > 0)[counted], inside[counted])  # 0 outside labels
        read = size if zoom == 1.0 else max(8, round(size / zoom))
        step = read / size
        r0, c0 = row + (size - read) // 2, col + (size - read) // 2
        ys, xs = np.nonzero(inside)
        x = c0 + (xs + 0.5) * step
        y = r0 + (ys + 0.5) * step
        d = tile.box[:, ys, xs] * unit * step  # back to scene pixels
        found = np.stack([x - d[0], y - d[1], x + d[2], y + d[3]], 1)
        # each pixel's box is one of the labels' boxes (to float32's precision); a resampled
        # tile's nearest-neighbour pick may put a label's edge pixel up to half a scene pixel
        # beyond its box, where the distance stops at 0
        err = np.abs(found[:, None, :] - boxes[None, :, :]).max(axis=2).min(axis=1)
        unclamped = (d > 0).all(axis=0)
        assert err[unclamped].max() < 1e-3 and err.max() <= 0.5 + 1e-3
        assert unclamped.mean() > 0.9
        cut_objects += int(((found[:, 0] < c0) | (found[:, 2] > c0 + read)).sum())
    assert cut_objects > 0  # some labels reached beyond their tile


def test_augmented_box_target_turns_with_the_tile(scene_input):
    rasters = LabelRasters(scene_input, centre_spread=0.2)
    mean, std = np.zeros(3, np.float32), np.ones(3, np.float32)
    tile = make_tile(
        SceneReader(), scene_input, [1, 2, 3], 10, 10, 32, mean, std, boundary_width=1,
        boundary_kind="centre", label_rasters=rasters, centre_spread=0.2, box_unit=8.0,
    )  # fmt: skip
    for seed in range(8):
        out = augment(tile, np.random.default_rng(seed))
        again = np.random.default_rng(seed)
        k, flip = int(again.integers(4)), bool(again.integers(2))
        assert np.array_equal(out.box, _turned(tile.box, k, flip)[_box_order(k, flip)])
        counted = out.target != IGNORE
        assert np.array_equal((out.box.sum(axis=0) > 0)[counted], (out.target > 0)[counted])


def _logit(d: torch.Tensor) -> torch.Tensor:
    return torch.log(torch.expm1(d))  # softplus⁻¹


def test_box_loss_is_zero_for_the_true_box_and_grows_with_the_error():
    box = torch.zeros(1, 4, 8, 8)
    box[0, :, 2:6, 2:6] = torch.tensor([1.0, 2.0, 1.5, 0.5])[:, None, None]
    centre = torch.full((1, 8, 8), 0.5)
    target = torch.ones(1, 8, 8, dtype=torch.uint8)
    exact = _logit(box.clamp(min=1e-3))
    assert float(box_iou_loss(exact, box, centre, target)) < 1e-4
    wider = _logit((box * 1.5).clamp(min=1e-3))
    much_wider = _logit((box * 3.0).clamp(min=1e-3))
    small = float(box_iou_loss(wider, box, centre, target))
    large = float(box_iou_loss(much_wider, box, centre, target))
    assert 0.3 < small < large < 1.0  # 1 − 1/1.5² = 0.56, 1 − 1/9 = 0.89
    assert abs(small - (1 - 1 / 1.5**2)) < 1e-3
    raw = wider.clone().requires_grad_(True)
    box_iou_loss(raw, box, centre, target).backward()
    assert raw.grad is not None and float(raw.grad.abs().sum()) > 0
    # pixels outside labels, ignored pixels and the centre weight 0 do not count
    ignored = torch.full_like(target, IGNORE)
    none = box_iou_loss(raw, box, centre, ignored)
    assert float(none) == 0.0 and none.requires_grad


def test_training_alone_asks_for_the_box_channels():
    spec = NetworkSpec(width=4, depth=2, boxes=True)
    assert NetworkSpec.from_dict(spec.to_dict()) == spec
    assert "boxes" not in NetworkSpec(width=4, depth=2).to_dict()  # older records unchanged
    net = build_network(3, 2, "count", spec).eval()
    x = torch.zeros(1, 3, 16, 16)
    assert net(x).shape[1] == output_channels(2, "count")  # what detection and ONNX export see
    assert net(x, boxes=True).shape[1] == output_channels(2, "count") + 4
    assert torch.equal(net(x), net(x, boxes=True)[:, : output_channels(2, "count")])
    plain = build_network(3, 2, "count", NetworkSpec(width=4, depth=2))
    assert plain(x, boxes=True).shape[1] == output_channels(2, "count")  # no head: nothing to add


def test_new_count_models_train_the_box_head_unless_told_not_to(tmp_path):
    """A count model's first training adds the head (centre target; the network recorded in
    the snapshot says so), detection runs from that snapshot with the network it records, a
    model created with ``boxes`` False and a segmentation model train none, and the choice
    travels with the model (``model_network``, the one rule of the front ends)."""
    from orca_huntr.adapters.inputs import model_network
    from orca_huntr.detection import detect

    assert "boxes" not in model_network("count")[0]
    assert model_network("count", boxes=False)[0]["boxes"] is False
    assert "boxes" not in model_network("segmentation", boxes=True)[0]
    recorded = {}
    for name, mode, network in [
        ("default", "count", None),
        ("without", "count", {"width": 8, "depth": 2, "boxes": False}),
        ("segmentation", "segmentation", None),
    ]:
        ws, info, scene = synthdata.make_workspace(tmp_path / name, classes=1, mode=mode, network=network)
        result = synthdata.train_quick(ws, info.id, steps=3)
        loaded = ws.load_snapshot(info.id, result.snapshot.id)
        recorded[name] = NetworkSpec.from_dict(loaded.config["network"]).boxes
        assert (
            set(loaded.weights) >= {"box_head.weight"}
            if recorded[name]
            else not any(k.startswith("box_head") for k in loaded.weights)
        )
        out = detect(ws, info.id, result.snapshot.id, scene, options={"device": "cpu"})
        assert out.path.exists()
        again = synthdata.train_quick(ws, info.id, steps=2)  # a resume keeps the snapshot's network
        resumed = ws.load_snapshot(info.id, again.snapshot.id).config["network"]
        assert NetworkSpec.from_dict(resumed).boxes == recorded[name]
    assert recorded == {"default": True, "without": False, "segmentation": False}
