"""Accuracy measures: IoU per class, instance splitting, object matching at IoU 0.4."""

from __future__ import annotations

import numpy as np

from orca_huntr.training.metrics import (
    class_iou,
    confusion,
    greedy_matches,
    instance_box_iou,
    instance_iou,
    match_boxes,
    match_instances,
    precision_recall_f1,
    split_instances,
)


def test_class_iou_counts_only_valid_pixels():
    truth = np.array([[0, 1, 1, 2]])
    pred = np.array([[1, 1, 0, 2]])
    valid = np.array([[True, True, True, False]])
    ious = class_iou(confusion(pred, truth, valid, 3))
    assert ious[1] == 1 / 3  # 1 shared pixel, union of 3
    assert ious[2] is None  # class 2 only on an ignored pixel


def test_object_matching_needs_iou_04_and_is_one_to_one():
    truth = np.zeros((10, 10), np.int32)
    truth[0:4, 0:4] = 1  # 16 px
    truth[6:10, 6:10] = 2
    pred = np.zeros_like(truth)
    pred[0:4, 0:2] = 7  # IoU 0.5 with object 1
    pred[0:4, 2:4] = 8  # IoU 0.5 too, but object 1 is taken
    pred[6:7, 6:10] = 9  # IoU 0.25 with object 2: no match
    tp, fp, fn = match_instances(truth, pred)
    assert (tp, fp, fn) == (1, 2, 1)
    scores = precision_recall_f1(tp, fp, fn)
    assert scores["precision"] == 1 / 3 and scores["recall"] == 0.5
    assert abs(scores["f1"] - 0.4) < 1e-9


def test_box_matching_compares_bounding_boxes_where_pixel_matching_compares_masks():
    """A crown drawn as a box and found as a ring inside it: the same object by its extent
    (box IoU 1), not by its pixels (the ring covers under 0.4 of the box)."""
    truth = np.zeros((20, 20), np.int32)
    truth[2:12, 2:12] = 1  # a 10 × 10 box label
    truth[14:18, 14:18] = 2
    pred = np.zeros_like(truth)
    pred[2:12, 2:12] = 5
    pred[3:11, 3:11] = 0  # a 1-px ring along the box's edge: 36 of its 100 pixels
    assert instance_iou(truth, pred)[0, 0] == 0.36
    boxes = instance_box_iou(truth, pred)
    assert boxes.shape == (2, 1) and boxes[0, 0] == 1.0 and boxes[1, 0] == 0.0
    assert list(greedy_matches(boxes, 0.4)) == [1.0]
    assert match_instances(truth, pred) == (0, 1, 2)
    # pixel boxes compare as match_boxes compares the boxes of geometries
    from shapely.geometry import box

    assert match_boxes([box(2, 2, 12, 12), box(14, 14, 18, 18)], [box(2, 2, 12, 12)]) == (1, 0, 1)


def test_greedy_matches_gives_the_ious_of_the_pairs_it_keeps():
    iou = np.array([[0.9, 0.5], [0.6, 0.45], [0.1, 0.2]])
    # 0.9 pairs truth 0 with prediction 0; truth 1 then takes prediction 1 (0.45); truth 2 none
    assert list(greedy_matches(iou, 0.4)) == [0.9, 0.45]
    assert len(greedy_matches(iou, 0.95)) == 0


def test_boundary_splits_touching_instances_and_grows_them_back():
    semantic = np.zeros((6, 12), np.int64)
    semantic[1:5, 1:11] = 1  # two 4x5 objects side by side, touching
    rim = np.zeros((6, 12), bool)
    rim[1:5, 5:7] = True  # the predicted boundary between them
    inst = split_instances(semantic, rim, 1)
    assert len(np.unique(inst[inst > 0])) == 2
    assert ((inst > 0) == (semantic == 1)).all()  # rim pixels given back to the objects
    assert len(np.unique(split_instances(semantic, None, 1))) == 2  # without a boundary: one blob (+0)
