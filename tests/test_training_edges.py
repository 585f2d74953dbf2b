"""The count-mode boundary target: soft edge-ness (distance to the object's edge) and overlap splitting."""

from __future__ import annotations

import numpy as np
from scipy import ndimage

from orca_huntr.detection.vectorize import grow_steps_for, label_block
from orca_huntr.training.tiles import boundary_target, edge_map


def _rasterize(geoms):
    from rasterio.features import rasterize
    from rasterio.transform import from_origin

    transform = from_origin(0, 0, 1, 1)
    inst = rasterize(
        zip(geoms, range(1, len(geoms) + 1), strict=True), out_shape=(20, 32), transform=transform
    )
    return inst.astype(np.int32), transform, rasterize


def test_overlapping_boxes_each_keep_a_core():
    from shapely.geometry import box

    boxes = [box(2, -18, 14, -2), box(10, -16, 24, -3)]  # heavy overlap: columns 10..13
    inst, _, _ = _rasterize(boxes)
    edges = edge_map(inst)
    assert edges.dtype == np.float32 and edges.min() >= 0 and edges.max() <= 1
    assert (edges[inst == 0] == 1).all()
    for k in (1, 2):  # every object has a centre of 0 that lies deep inside it
        centre = np.argwhere((inst == k) & (edges == 0))
        assert len(centre) and ndimage.distance_transform_edt(inst == k)[tuple(centre[0])] >= 3
    cores = (inst > 0) & (edges < 0.5)
    assert ndimage.label(cores)[1] == 2
    assert ndimage.label(inst > 0)[1] == 1  # one blob without the target


def test_edge_map_rises_towards_where_objects_touch_and_not_at_the_tile_edge():
    from shapely.geometry import Point

    discs = [Point(10, -10).buffer(5), Point(20, -10).buffer(5)]
    inst, _, _ = _rasterize(discs)
    edges = edge_map(inst)
    assert edges[10, 15] > 0.7 and edges[10, 10] < 0.3 and edges[10, 20] < 0.3
    cut = edge_map(inst[:, 10:])  # the left disc cut through its centre by the tile edge
    assert cut[10, 0] < 0.3
    rim = boundary_target(inst, "rim", 1)
    assert rim.dtype == np.float32 and set(np.unique(rim)) == {0.0, 1.0}


def test_wide_boundary_zone_grows_back_onto_the_cores():
    """Detection with a soft boundary: two cores, and every class pixel joins one of them."""
    from shapely.geometry import Point

    discs = [Point(10, -10).buffer(6), Point(21, -10).buffer(6)]
    inst, _, _ = _rasterize(discs)
    edges = edge_map(inst)
    h, w = inst.shape
    sums = np.zeros((2, h, w), np.float32)  # the class, then the boundary (no background)
    sums[0] = inst > 0
    sums[1] = edges
    ones = np.ones((h, w), np.float32)
    block = label_block(sums, ones, ones > 0, 1, "count", 0.5, 0.5, grow_steps_for("distance"))
    assert block.n_core == 2 and block.n_rim == 0
    assert np.array_equal(block.labels > 0, inst > 0)  # nothing left unassigned
    owner = [np.bincount(block.labels[inst == k]).argmax() for k in (1, 2)]
    assert owner[0] != owner[1]
    for k, label in zip((1, 2), owner, strict=True):  # each disc is (almost) all one instance
        assert (block.labels[inst == k] == label).mean() > 0.9


def test_a_count_model_learns_the_distance_target(tmp_path):
    """TrainConfig.boundary_target "distance": trains, validates and records its target."""
    import synthdata
    import torch

    torch.set_num_threads(1)
    ws, info, _ = synthdata.make_scene_workspace(tmp_path, mode="count", touching=True)
    result = synthdata.train_quick(ws, info.id, steps=4, boundary_target="distance", validation_fraction=0.25)
    config = ws.current_snapshot(info.id).config
    assert config["boundary_target"] == "distance" and config["train"]["boundary_target"] == "distance"
    assert np.isfinite(result.metrics["val_loss"]) and result.metrics["val_loss"] >= 0
