"""From blended probabilities to polygons: instances in count mode, areas in segmentation mode.

Blocks are vectorised one at a time, in pixel coordinates of the raster (integers, so
pieces of one object cut by a block border share their edges exactly). Labels are
numbered across the whole run; after each block, the labels on both sides of its left
and top borders that touch are joined (union-find), so an object straddling blocks
becomes one feature at the end, as if the raster had been labelled in one piece.

Count mode: a pixel is an object *core* when its class wins and the boundary channel is
low; cores connected (4-neighbourhood) make one instance; the object's rim (boundary
pixels of the same class) is then grown back onto the neighbouring core. Blocks are only
joined through cores, so touching objects split by a boundary stay apart.
Segmentation mode: connected pixels of a class make one area.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from ..deps import require


@dataclass
class Piece:
    """The part of one label inside one block."""

    class_id: int
    pixels: int
    prob_sum: float
    polygons: list[Any] = field(default_factory=list)


@dataclass
class Detection:
    """One output feature in raster pixel coordinates (x = column, y = row)."""

    class_id: int
    pixels: int
    score: float
    geometry: Any  # shapely (Multi)Polygon


def classify(
    probs: np.ndarray, valid: np.ndarray, num_classes: int, threshold: float
) -> tuple[np.ndarray, np.ndarray]:
    """Per pixel: the winning class (0 = nothing) and its probability.

    A pixel gets class ``k`` when ``k`` has the highest probability among the classes
    1..C and at least ``threshold``; invalid pixels (nodata, outside the AOI) get 0.
    """
    sem = probs[1 : num_classes + 1]
    best = np.argmax(sem, axis=0)
    best_prob = np.take_along_axis(sem, best[None], axis=0)[0]
    cls = (best + 1).astype(np.int32)
    cls[(best_prob < threshold) | ~valid] = 0
    return cls, best_prob


def _grow(labels: np.ndarray, rim: np.ndarray, cls: np.ndarray, label_class: np.ndarray, steps: int) -> None:
    """Give rim pixels the label of a neighbouring core of the same class, ``steps`` rings deep."""
    ndimage = require("scipy.ndimage")
    todo = rim & (labels == 0)
    for _ in range(steps):
        if not todo.any():
            break
        grown = ndimage.maximum_filter(labels, size=3)
        take = todo & (grown > 0)
        take &= label_class[grown] == cls
        if not take.any():
            break
        labels[take] = grown[take]
        todo &= ~take


def label_block(
    probs: np.ndarray,
    valid: np.ndarray,
    num_classes: int,
    mode: str,
    threshold: float,
    boundary_threshold: float = 0.5,
    grow_steps: int = 3,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, int, int]:
    """Label one block: ``(labels, class_map, class_prob, n_core, n_rim)``.

    Labels ``1..n_core`` are instances grown from a core (count) or connected areas
    (segmentation); labels ``n_core+1..n_core+n_rim`` are rim pieces with no core in
    this block (count mode only): their core may lie across a block border.
    """
    ndimage = require("scipy.ndimage")
    cls, best_prob = classify(probs, valid, num_classes, threshold)
    fg = cls > 0
    if mode == "count" and probs.shape[0] > num_classes + 1:
        cores = fg & (probs[num_classes + 1] < boundary_threshold)
    else:
        cores = fg
    labels = np.zeros(cls.shape, np.int32)

    def number(mask: np.ndarray, start: int) -> int:
        n = start
        for c in range(1, num_classes + 1):
            lab, k = ndimage.label(mask & (cls == c))
            if k:
                hit = lab > 0
                labels[hit] = lab[hit] + n
                n += k
        return n - start

    n_core = number(cores, 0)
    n_rim = 0
    if mode == "count":
        if n_core:
            label_class = np.zeros(n_core + 1, np.int32)
            label_class[labels.ravel()] = cls.ravel()
            _grow(labels, fg & ~cores, cls, label_class, grow_steps)
        n_rim = number(fg & (labels == 0), n_core)
    return labels, cls, best_prob, n_core, n_rim


class Vectoriser:
    """Labels blocks, joins labels across block borders, and hands out each finished feature.

    Across a border, instances join where their cores touch; a rim piece (rim pixels
    whose core lies across the border) joins the one instance it touches, so outlines
    are not notched at block borders, and rims never join two instances. A group of
    labels is finished as soon as none of its labels lies on a border still to be
    processed (the last block's right column, the last block row's bottom rows): it is
    then passed to ``emit`` and forgotten, so memory holds only the groups along the
    processing front, whatever the number of objects in the raster.
    """

    def __init__(
        self,
        num_classes: int,
        mode: str,
        threshold: float,
        boundary_threshold: float = 0.5,
        emit: Callable[[Detection], None] | None = None,
    ) -> None:
        self.num_classes = num_classes
        self.mode = mode
        self.threshold = threshold
        self.boundary_threshold = boundary_threshold
        self.emit = emit
        self.finished: list[Detection] = []  # when no ``emit`` is given
        self.pieces: dict[int, Piece] = {}
        self._instance: set[int] = set()  # labels of pieces grown from a core
        self._parent: dict[int, int] = {}  # union-find links of live labels
        self._members: dict[int, list[int]] = {}  # live group root → its labels
        self._next = 1
        self._right: tuple[np.ndarray, np.ndarray] | None = None  # last block's right column (labels, cores)
        self._bottom: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # j → bottom row of the last block row

    # -- union-find -------------------------------------------------------------------
    def _find(self, a: int) -> int:
        parent = self._parent
        root = a
        while root in parent:
            root = parent[root]
        while a in parent and parent[a] != root:
            parent[a], a = root, parent[a]
        return root

    def _merge(self, keep: int, other: int) -> None:
        self._parent[other] = keep
        self._members[keep].extend(self._members.pop(other))

    # -- blocks ------------------------------------------------------------------------
    def add_block(
        self,
        i: int,
        j: int,
        probs: np.ndarray,
        valid: np.ndarray,
        row0: int,
        col0: int,
        more_right: bool = True,
        more_below: bool = True,
    ) -> int:
        """Vectorise block (i, j) whose rect starts at raster pixel (row0, col0); returns its label count.

        ``more_right``/``more_below`` say whether blocks follow to the right / below.
        """
        features = require("rasterio.features")
        from affine import Affine
        from shapely.geometry import shape

        labels, cls, best_prob, n_core, n_rim = label_block(
            probs, valid, self.num_classes, self.mode, self.threshold, self.boundary_threshold
        )
        n = n_core + n_rim
        offset = self._next - 1
        if n:
            flat = labels.ravel()
            counts = np.bincount(flat, minlength=n + 1)
            sums = np.bincount(flat, weights=best_prob.ravel(), minlength=n + 1)
            classes = np.zeros(n + 1, np.int32)
            classes[flat] = cls.ravel()
            for k in range(1, n + 1):
                if counts[k]:
                    self.pieces[k + offset] = Piece(int(classes[k]), int(counts[k]), float(sums[k]))
                    self._members[k + offset] = [k + offset]
            self._instance.update(range(offset + 1, offset + n_core + 1))
            transform = Affine.translation(col0, row0)
            for geom, value in features.shapes(labels, mask=labels > 0, connectivity=4, transform=transform):
                self.pieces[int(value) + offset].polygons.append(shape(geom))
            self._next += n
            labels = np.where(labels > 0, labels + offset, 0).astype(np.int32)
        is_core = np.zeros(labels.shape, bool)
        if n_core:
            is_core = (labels > offset) & (labels <= offset + n_core)
            if self.mode == "count":
                is_core &= probs[self.num_classes + 1] < self.boundary_threshold
        if j > 0 and self._right is not None:
            self._join(*self._right, labels[:, 0], is_core[:, 0])
        if i > 0 and j in self._bottom:
            self._join(*self._bottom.pop(j), labels[0, :], is_core[0, :])
        self._right = (labels[:, -1].copy(), is_core[:, -1].copy()) if more_right else None
        if more_below:
            self._bottom[j] = labels[-1, :].copy(), is_core[-1, :].copy()
        self._flush()
        return n

    def _join(self, la: np.ndarray, ca: np.ndarray, lb: np.ndarray, cb: np.ndarray) -> None:
        """Join labels facing each other across a border (``a`` before it, ``b`` after it)."""
        both = (la > 0) & (lb > 0)
        if not both.any():
            return
        pairs = sorted(
            set(zip(la[both].tolist(), lb[both].tolist(), ca[both].tolist(), cb[both].tolist(), strict=True))
        )
        for a, b, core_a, core_b in pairs:
            if self.pieces[a].class_id != self.pieces[b].class_id:
                continue
            ra, rb = self._find(a), self._find(b)
            if ra == rb:
                continue
            if a in self._instance and b in self._instance:
                if core_a and core_b:  # only cores join instances: rims of touching objects stay apart
                    self._merge(min(ra, rb), max(ra, rb))
                continue
            ra_inst, rb_inst = ra in self._instance, rb in self._instance
            if ra_inst and rb_inst:
                continue  # a rim never joins two instances
            if ra_inst:
                self._merge(ra, rb)
            elif rb_inst:
                self._merge(rb, ra)
            else:
                self._merge(min(ra, rb), max(ra, rb))

    def _flush(self, final: bool = False) -> None:
        """Finish every group with no label on a border still to be processed."""
        open_roots: set[int] = set()
        if not final:
            strips = [s for s, _ in self._bottom.values()]
            if self._right is not None:
                strips.append(self._right[0])
            for strip in strips:
                open_roots.update(self._find(int(v)) for v in np.unique(strip) if v)
        for root in [r for r in self._members if r not in open_roots]:
            self._finish(root)

    def _finish(self, root: int) -> None:
        from shapely.ops import unary_union

        labels = self._members.pop(root)
        pieces = [self.pieces.pop(k) for k in labels]
        is_instance = root in self._instance
        for k in labels:
            self._parent.pop(k, None)
            self._instance.discard(k)
        if not is_instance:
            return  # rim pieces that reached no core
        polygons = [p for piece in pieces for p in piece.polygons]
        if not polygons:
            return
        geometry = polygons[0] if len(polygons) == 1 else unary_union(polygons)
        pixels = sum(p.pixels for p in pieces)
        prob_sum = sum(p.prob_sum for p in pieces)
        detection = Detection(pieces[0].class_id, pixels, prob_sum / max(pixels, 1), geometry)
        if self.emit is not None:
            self.emit(detection)
        else:
            self.finished.append(detection)

    def finish(self) -> list[Detection]:
        """Finish the remaining groups; returns the kept detections (empty when ``emit`` is set)."""
        self._flush(final=True)
        self._right = None
        self._bottom.clear()
        return self.finished

    @property
    def live_groups(self) -> int:
        """Groups still open along the processing front (memory check)."""
        return len(self._members)


def dissolve_by_class(detections: list[Detection]) -> list[Detection]:
    """One feature per class: the union of its areas, pixel-weighted mean score."""
    from shapely.geometry import MultiPolygon, Polygon
    from shapely.ops import unary_union

    by_class: dict[int, list[Detection]] = defaultdict(list)
    for det in detections:
        by_class[det.class_id].append(det)
    out = []
    for class_id in sorted(by_class):
        dets = by_class[class_id]
        pixels = sum(d.pixels for d in dets)
        score = sum(d.score * d.pixels for d in dets) / max(pixels, 1)
        parts: list[Any] = []
        for d in dets:
            parts.extend(d.geometry.geoms if isinstance(d.geometry, MultiPolygon) else [d.geometry])
        geometry = MultiPolygon([p for p in parts if isinstance(p, Polygon)])
        if not geometry.is_valid:
            geometry = unary_union(parts)
        out.append(Detection(class_id, pixels, score, geometry))
    return out
