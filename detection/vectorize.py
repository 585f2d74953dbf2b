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


class _UnionFind:
    def __init__(self) -> None:
        self.parent: dict[int, int] = {}

    def find(self, a: int) -> int:
        parent = self.parent
        root = a
        while parent.get(root, root) != root:
            root = parent[root]
        while parent.get(a, a) != root:
            parent[a], a = root, parent[a]
        return root

    def union(self, a: int, b: int) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


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
    """Collects labelled blocks, joins labels across block borders, and returns the features.

    Across a border, instances join where their cores touch; a rim piece (rim pixels
    whose core lies across the border) joins the instance it touches, so outlines are
    not notched at block borders; rim pieces that reach no core are dropped.
    """

    def __init__(
        self, num_classes: int, mode: str, threshold: float, boundary_threshold: float = 0.5
    ) -> None:
        self.num_classes = num_classes
        self.mode = mode
        self.threshold = threshold
        self.boundary_threshold = boundary_threshold
        self.pieces: dict[int, Piece] = {}
        self._core: set[int] = set()  # labels that hold a core
        self._links: list[tuple[int, int]] = []  # (rim piece, instance) touching across a border
        self._uf = _UnionFind()
        self._next = 1
        self._right: tuple[np.ndarray, np.ndarray] | None = None  # last block's right column (labels, cores)
        self._bottom: dict[int, tuple[np.ndarray, np.ndarray]] = {}  # j → bottom row of the last block row

    def add_block(self, i: int, j: int, probs: np.ndarray, valid: np.ndarray, row0: int, col0: int) -> int:
        """Vectorise block (i, j) whose rect starts at raster pixel (row0, col0); returns its label count."""
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
            self._core.update(range(offset + 1, offset + n_core + 1))
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
        self._right = labels[:, -1].copy(), is_core[:, -1].copy()
        self._bottom[j] = labels[-1, :].copy(), is_core[-1, :].copy()
        return n

    def _join(self, la: np.ndarray, ca: np.ndarray, lb: np.ndarray, cb: np.ndarray) -> None:
        """Join labels facing each other across a border (``a`` before it, ``b`` after it)."""
        both = (la > 0) & (lb > 0)
        if not both.any():
            return
        for a, b, core_a, core_b in set(
            zip(la[both].tolist(), lb[both].tolist(), ca[both], cb[both], strict=True)
        ):
            if self.pieces[a].class_id != self.pieces[b].class_id:
                continue
            a_inst, b_inst = a in self._core, b in self._core
            if a_inst and b_inst:
                if core_a and core_b:  # only cores join instances: rims of touching objects stay apart
                    self._uf.union(a, b)
            elif not a_inst and not b_inst:
                self._uf.union(a, b)
            else:
                self._links.append((b, a) if a_inst else (a, b))

    def _attach_rims(self) -> None:
        """Give each group of rim pieces to one instance it touches (the lowest label, for determinism)."""
        targets: dict[int, int] = {}
        for rim, inst in self._links:
            r, t = self._uf.find(rim), self._uf.find(inst)
            targets[r] = min(targets.get(r, t), t)
        for r, t in targets.items():
            self._uf.parent[r] = t  # r is a rim-only root; t an instance root

    def detections(self, dissolve: bool = False) -> list[Detection]:
        """The features: one per joined instance or area (or, with ``dissolve``, one per class)."""
        from shapely.ops import unary_union

        self._attach_rims()
        self._links.clear()
        groups: dict[int, list[int]] = defaultdict(list)
        for label in self.pieces:
            root = self._uf.find(label)
            if root not in self._core:
                continue  # rim pieces that reached no core
            key = self.pieces[root].class_id if dissolve else root
            groups[key].append(label)
        out = []
        for labels in groups.values():
            pieces = [self.pieces[k] for k in labels]
            polygons = [p for piece in pieces for p in piece.polygons]
            if not polygons:
                continue
            geometry = polygons[0] if len(polygons) == 1 else unary_union(polygons)
            pixels = sum(p.pixels for p in pieces)
            prob_sum = sum(p.prob_sum for p in pieces)
            out.append(Detection(pieces[0].class_id, pixels, prob_sum / max(pixels, 1), geometry))
        out.sort(key=lambda d: (d.geometry.bounds[1], d.geometry.bounds[0], d.class_id))
        return out


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
