"""One object, one box (issue #12): of two head boxes overlapping more than two labels do, the
lower-scored is dropped, by validation as by detection, with a limit taken from the labels."""

from __future__ import annotations

import numpy as np
import pytest
import synthdata

from orca_huntr.detection import DetectOptions, detect
from orca_huntr.detection.suppress import BoxSuppressor, largest_overlap, overlap_limit, suppress_boxes
from orca_huntr.detection.vectorize import Detection
from orca_huntr.training.metrics import OBJECT_IOU, box_iou


def _brute_force(boxes, scores, max_iou, classes):
    """Greedy NMS as textbooks write it: every kept box compared with every candidate."""
    keep = np.zeros(len(boxes), bool)
    for i in np.argsort(-scores, kind="stable"):
        kept = np.flatnonzero(keep & (classes == classes[i]))
        if kept.size and box_iou(boxes[i : i + 1], boxes[kept]).max() > max_iou:
            continue
        keep[i] = True
    return keep


def _random_boxes(rng, n, extent=400.0):
    x0, y0 = rng.uniform(0, extent, n), rng.uniform(0, extent, n)
    w = rng.lognormal(3.0, 0.6, n)  # most 10-40 px, a few far larger (boxes over many cells)
    h = w * rng.uniform(0.6, 1.6, n)
    return np.stack([x0, y0, x0 + w, y0 + h], 1)


def test_the_lower_scored_of_two_boxes_overlapping_too_much_is_dropped():
    boxes = np.array([(0, 0, 10, 10), (1, 0, 11, 10), (30, 30, 40, 40), (31, 30, 41, 40)], float)
    scores = np.array([0.6, 0.9, 0.8, 0.7])
    assert suppress_boxes(boxes, scores, 0.5).tolist() == [False, True, True, False]
    # another class is another object, and a limit of 1 drops none
    assert suppress_boxes(boxes, scores, 0.5, np.array([1, 2, 1, 1])).tolist() == [True, True, True, False]
    assert suppress_boxes(boxes, scores, 1.0).all()
    # an IoU equal to the limit is allowed: (0,0,10,10) and (5,0,15,10) share a third
    pair = np.array([(0, 0, 10, 10), (5, 0, 15, 10)], float)
    assert suppress_boxes(pair, np.array([0.9, 0.8]), 1 / 3).tolist() == [True, True]
    assert suppress_boxes(pair, np.array([0.9, 0.8]), 0.33).tolist() == [True, False]


def test_suppression_is_greedy_a_dropped_box_drops_nothing():
    """A > B > C in score, A overlaps B and B overlaps C, A does not overlap C: B goes, C stays
    (the textbook greedy rule, which the held-back figures were measured with)."""
    boxes = np.array([(0, 0, 10, 10), (4, 0, 14, 10), (8, 0, 18, 10)], float)
    assert suppress_boxes(boxes, np.array([0.9, 0.8, 0.7]), 0.3).tolist() == [True, False, True]


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_grid_gives_what_comparing_every_pair_gives(seed):
    rng = np.random.default_rng(seed)
    boxes = _random_boxes(rng, 600)
    scores = rng.uniform(size=600).round(2)  # ties too: the earlier box goes first in both
    classes = rng.integers(1, 3, 600)
    for limit in (0.1, 0.4, 0.7):
        assert np.array_equal(
            suppress_boxes(boxes, scores, limit, classes), _brute_force(boxes, scores, limit, classes)
        )
    iou = box_iou(boxes, boxes)
    same = (classes[:, None] == classes[None, :]) & ~np.eye(600, dtype=bool)
    assert largest_overlap(boxes, classes) == pytest.approx(iou[same].max())


def test_the_limit_is_the_labels_largest_overlap_and_at_least_the_scoring_iou():
    apart = np.array([(0, 0, 10, 10), (10, 0, 20, 10), (0, 12, 10, 22)], float)  # touching, not overlapping
    assert largest_overlap(apart) == 0.0
    assert overlap_limit([(apart, np.ones(3, int))]) == OBJECT_IOU
    dense = np.array([(0, 0, 10, 10), (2, 0, 12, 10)], float)  # IoU 8/12: crowns drawn overlapping
    assert overlap_limit([(apart, np.ones(3, int)), (dense, np.ones(2, int))]) == 0.67
    # two classes overlapping are not one object: only pairs of one class set the limit
    assert overlap_limit([(dense, np.array([1, 2]))]) == OBJECT_IOU
    assert overlap_limit([]) == OBJECT_IOU


def test_the_suppressor_keeps_the_boxes_in_order_and_writes_them_whole():
    held = BoxSuppressor(0.4)
    found = [
        Detection(1, 50, 0.7, box=(0.0, 0.0, 10.0, 10.0)),
        Detection(1, 60, 0.9, box=(1.0, 1.0, 11.0, 11.0)),  # the same object, better scored
        Detection(2, 40, 0.5, box=(1.0, 1.0, 11.0, 11.0)),  # another class
        Detection(1, 30, 0.6, box=(20.0, 0.0, 30.0, 8.0)),
    ]
    for det in found:
        held.add(det)
    kept = list(held.kept())
    assert [(d.class_id, d.pixels, d.score, d.box) for d in kept] == [
        (1, 60, 0.9, (1.0, 1.0, 11.0, 11.0)),
        (2, 40, 0.5, (1.0, 1.0, 11.0, 11.0)),
        (1, 30, 0.6, (20.0, 0.0, 30.0, 8.0)),
    ]
    assert kept[0].geometry.bounds == (1.0, 1.0, 11.0, 11.0)  # held without its outline: the box is its shape
    assert len(held) == 0  # forgotten once given back


def test_validation_counts_a_crown_cut_in_two_once_as_detection_writes_it():
    """Two instances whose cores predict the same box (one crown the instance step cut in two):
    one true positive after suppression, a true positive and a false positive without."""
    from orca_huntr.detection.vectorize import label_block
    from orca_huntr.training.tiles import edge_map
    from orca_huntr.training.validate import _blocks, _Region, _score

    size = 40
    instances = np.zeros((size, size), np.int32)
    instances[8:32, 6:19] = 1  # two halves of one 24 × 26 crown, split down the middle
    instances[8:32, 21:32] = 2
    whole = (6.0, 8.0, 32.0, 32.0)
    rows, cols = np.mgrid[0:size, 0:size].astype(np.float64) + 0.5
    inside = instances > 0
    dist = np.stack([cols - whole[0], rows - whole[1], whole[2] - cols, whole[3] - rows])
    cls = np.where(inside, 0.95, 0.02)
    sums = np.concatenate([np.stack([cls, edge_map(instances)]), np.where(inside, dist, 0.0)]).astype(
        np.float32
    )
    truth_instances = np.zeros((size, size), np.int32)
    truth_instances[8:32, 6:32] = 1  # the crown's label: one box
    counted = np.ones((size, size), bool)
    truth = np.array([(0, 0, 0, 0), whole], np.float64)
    region = _Region(sums, counted, truth_instances.astype(np.uint8), truth_instances, True, truth)
    blocks = _blocks([region], 1, "count", 0.5, 0.5, "distance")
    block = label_block(
        sums, np.ones((size, size), np.float32), counted, 1, "count", 0.5, 0.5, 1 << 16, 0, True
    )
    assert block.n_core == 2  # the instance step found two objects
    both = _score([region], blocks, 1, 9)
    one = _score([region], blocks, 1, 9, OBJECT_IOU)
    assert (both["tp"], both["fp"], both["fn"]) == (1, 1, 0)
    assert (one["tp"], one["fp"], one["fn"]) == (1, 0, 0)


def test_the_snapshots_limit_is_what_detection_suppresses_with_unless_told_otherwise(tmp_path):
    """The snapshot records the labels' limit; detection uses it (``from``: snapshot) and writes
    the boxes that remain; 1 asked for suppresses none and writes every box."""
    from osgeo import ogr

    ws, info, scene = synthdata.make_box_label_workspace(tmp_path)
    snap = synthdata.train_quick(ws, info.id, steps=3, validation_fraction=0.3).snapshot
    limit = snap.config["detection"]["max_box_overlap"]
    assert limit >= OBJECT_IOU
    counts, suppressed = {}, {}
    for asked in (1.0, None, 0.05):
        options = {"device": "cpu", "min_pixels": 1, "score_threshold": 0.2, "max_box_overlap": asked}
        reports = []
        result = detect(ws, info.id, snap.id, scene, options=options, progress=reports.append)
        said = [r.message for r in reports if "found twice" in r.message]
        assert said == ([] if asked == 1.0 else [f"dropping boxes found twice among {counts.get(1.0)}"])
        assert result.settings["max_box_overlap"] == (limit if asked is None else asked)
        assert result.settings["from"]["max_box_overlap"] == ("snapshot" if asked is None else "user")
        source = ogr.Open(str(result.path))  # the layer lives as long as its source
        boxes = np.array([f.GetGeometryRef().GetEnvelope() for f in source.GetLayer(result.layer_name)])
        boxes = boxes.reshape(-1, 4)[:, [0, 2, 1, 3]]
        counts[asked] = len(boxes)
        suppressed[asked] = result.stats.get("boxes_suppressed")
        if asked != 1.0:
            assert largest_overlap(boxes) <= (limit if asked is None else asked) + 1e-9
    assert suppressed[1.0] is None  # nothing held back, nothing suppressed
    for asked in (None, 0.05):  # the same objects found, some of their boxes suppressed
        assert suppressed[asked] == counts[1.0] - counts[asked]
    assert counts[1.0] >= counts[None] >= counts[0.05]
    assert counts[1.0] > counts[0.05], "an untrained model's boxes overlap: a tight limit drops some"


def test_max_box_overlap_is_checked():
    with pytest.raises(ValueError, match="max_box_overlap"):
        DetectOptions(max_box_overlap=0.0)
    with pytest.raises(ValueError, match="max_box_overlap"):
        DetectOptions(max_box_overlap=1.5)
    assert DetectOptions(max_box_overlap=1.0).resolved({"max_box_overlap": 0.4}).max_box_overlap == 1.0
    assert DetectOptions().resolved({"max_box_overlap": 0.45}).max_box_overlap == 0.45


def test_every_front_end_asks_for_the_same_box_overlap(qgis_iface, qtbot, tmp_path):
    """Processing's MAX_BOX_OVERLAP, the detect dialog's *Box overlap allowed* and the CLI's
    --max-box-overlap give the same ``DetectOptions.max_box_overlap`` (0 or absent: None, the
    snapshot's)."""
    from qgis.core import QgsProcessingContext

    from orca_huntr.cli.main import build_parser, detect_options
    from orca_huntr.processing.detect import DetectAlgorithm
    from orca_huntr.processing.detect_many import DetectManyAlgorithm
    from orca_huntr.ui.detect_dialog import DetectDialog

    context = QgsProcessingContext()
    algorithms = [DetectAlgorithm(), DetectManyAlgorithm()]
    for algorithm in algorithms:
        algorithm.initAlgorithm()
    ws, info, _ = synthdata.make_workspace(tmp_path, classes=1)
    dialog = DetectDialog(ws.get_model(info.id), [], None)
    qtbot.addWidget(dialog)
    for given, wanted in ((0.0, None), (0.55, 0.55), (1.0, 1.0)):
        for algorithm in algorithms:
            options = algorithm.options({DetectAlgorithm.MAX_BOX_OVERLAP: given}, context)
            assert options.max_box_overlap == wanted
        dialog.box_overlap_spin.setValue(given)
        assert DetectOptions.from_dict(dialog.options()).max_box_overlap == wanted
        argv = ["detect", "-m", "Trees", "scene.tif", "--max-box-overlap", str(given)]
        assert (
            DetectOptions.from_dict(detect_options(build_parser().parse_args(argv))).max_box_overlap == wanted
        )
