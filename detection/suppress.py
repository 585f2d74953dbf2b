"""One object, one box: the suppression of boxes that overlap more than two objects' boxes do.

A count model with a box head writes, for each instance, the box its core pixels predict
(:attr:`~.vectorize.Detection.box`). Where the instance step cut one crown in two, both
pieces' cores predict much the same box (the head learnt the crown's whole box from every
core pixel), and the two boxes overlap far more than the boxes of two neighbouring objects
ever do. Greedy non-maximum suppression (as DeepForest's RetinaNet and every box detector
ends) keeps the better-scored of such a pair.

The limit comes from the labels (:func:`overlap_limit`): two detections may overlap as
much as two labels of the training data do, and at least by :data:`OBJECT_IOU` (the IoU at
which an object counts as found: two boxes overlapping more than that could both be
matched to one object). Validation scores the boxes after the same suppression
(:func:`suppress_boxes`), so the snapshot's card predicts what detection writes.

Both functions index boxes in a grid of cells about one box wide, so their cost grows with
the number of boxes, not its square: about 50 µs an object on this project's 2-core machine
(``benchmarks/bench_suppress.py``), a minute for a million crowns, next to the hours the
network takes over a raster that holds them.
"""

from __future__ import annotations

from array import array
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import numpy as np

from ..training.metrics import OBJECT_IOU, box_iou


class _Grid:
    """Boxes of one array registered in cells about one box wide, per class: what
    :meth:`overlap` compares a box with is only the registered boxes of its class that share
    a cell with it, so the cost grows with the number of boxes, not its square."""

    def __init__(self, boxes: np.ndarray, classes: np.ndarray | None) -> None:
        self.boxes = np.asarray(boxes, np.float64).reshape(-1, 4)
        n = len(self.boxes)
        self.classes = np.zeros(n, np.int64) if classes is None else np.asarray(classes, np.int64)
        sides = np.maximum(self.boxes[:, 2] - self.boxes[:, 0], self.boxes[:, 3] - self.boxes[:, 1])
        self.cell = max(float(np.median(sides)) if n else 1.0, 1.0)
        self._cells: dict[tuple[int, int, int], list[int]] = defaultdict(list)

    def _keys(self, i: int) -> Iterator[tuple[int, int, int]]:
        x0, y0, x1, y1 = (int(v // self.cell) for v in self.boxes[i])
        k = int(self.classes[i])
        for cx in range(x0, x1 + 1):
            for cy in range(y0, y1 + 1):
                yield k, cx, cy

    def overlap(self, i: int) -> float:
        """The largest IoU of box ``i`` with a registered box of its class (0: none)."""
        near = {j for key in self._keys(i) for j in self._cells.get(key, ())}
        if not near:
            return 0.0
        return float(box_iou(self.boxes[i : i + 1], self.boxes[sorted(near)]).max())

    def add(self, i: int) -> None:
        for key in self._keys(i):
            self._cells[key].append(i)


def suppress_boxes(
    boxes: np.ndarray, scores: np.ndarray, max_iou: float, classes: np.ndarray | None = None
) -> np.ndarray:
    """Greedy non-maximum suppression: a boolean mask of the boxes kept.

    ``boxes`` ``(n, 4)`` as ``(x0, y0, x1, y1)``; in order of falling ``scores`` (ties: the
    earlier box first), a box is dropped when its IoU with a box already kept of the same
    class (``classes``; None: one class) exceeds ``max_iou``. ``max_iou`` ≥ 1 keeps all.
    """
    grid = _Grid(boxes, classes)
    keep = np.ones(len(grid.boxes), bool)
    if len(keep) < 2 or max_iou >= 1.0:
        return keep
    for i in np.argsort(-np.asarray(scores, np.float64), kind="stable").tolist():
        if grid.overlap(i) > max_iou:
            keep[i] = False
        else:
            grid.add(i)
    return keep


def largest_overlap(boxes: np.ndarray, classes: np.ndarray | None = None) -> float:
    """The largest IoU between two of ``boxes`` of the same class (0 for fewer than two)."""
    grid = _Grid(boxes, classes)
    best = 0.0
    for i in range(len(grid.boxes)):
        best = max(best, grid.overlap(i))  # with every earlier box
        grid.add(i)
    return best


def overlap_limit(labelled: list[tuple[np.ndarray, np.ndarray]]) -> float:
    """The IoU above which two detected boxes are one object: the largest overlap of two
    labels' boxes (of one scene and one class), at least :data:`OBJECT_IOU`.
    ``labelled``: each scene's label boxes ``(n, 4)`` and classes ``(n,)``. Rounded up to
    0.01 so that the labels' own pair is kept."""
    largest = max((largest_overlap(b, c) for b, c in labelled), default=0.0)
    return round(max(OBJECT_IOU, float(np.ceil(largest * 100.0 - 1e-9) / 100.0)), 2)


class BoxSuppressor:
    """Detections held until the end of a run, then :func:`suppress_boxes` over all of them.

    Only what a boxed feature needs is held (class, pixels, score, box: 56 bytes an object),
    so a raster of a million crowns holds about 60 MB. A detection without a box is boxed by
    its outline's bounds."""

    def __init__(self, max_iou: float) -> None:
        self.max_iou = float(max_iou)
        self._rows = array("d")  # 7 doubles an object: class, pixels, score, box

    def add(self, det: Any) -> None:
        x0, y0, x1, y1 = det.box if det.box is not None else det.geometry.bounds
        self._rows.extend((det.class_id, det.pixels, det.score, x0, y0, x1, y1))

    def __len__(self) -> int:
        return len(self._rows) // 7

    def kept(self) -> Iterator[Any]:
        """The detections kept, in the order they were added (then forgotten)."""
        from .vectorize import Detection

        rows = np.frombuffer(self._rows, np.float64).reshape(-1, 7).copy()
        self._rows = array("d")
        keep = suppress_boxes(rows[:, 3:], rows[:, 2], self.max_iou, rows[:, 0])
        for row in rows[keep]:
            box = (float(row[3]), float(row[4]), float(row[5]), float(row[6]))
            yield Detection(int(row[0]), int(row[1]), float(row[2]), box=box)
