"""From blended probabilities to polygons: instances in count mode, areas in segmentation mode.

Blocks are vectorised one at a time, in pixel coordinates of the raster (integers, so
pieces of one object cut by a block border share their edges exactly). Labels are
numbered across the whole run; after each block, the labels on both sides of its left
and top borders that touch are joined (union-find), so an object straddling blocks
becomes one feature at the end, as if the raster had been labelled in one piece.

Count mode: a pixel is an object *core* when its class wins and the boundary channel (the
object's edge-ness: high on its rim, falling towards its centre) is low; cores connected
(4-neighbourhood) make one instance; the rest of the class (boundary pixels of the same
class) is then grown back onto the neighbouring cores. Blocks are only
joined through cores, so touching objects split by a boundary stay apart.
Segmentation mode: connected pixels of a class make one area.

Boxes: where the blended sums carry a count model's four box distances after the boundary
(``infer.with_boxes``), each object's box is the mean over its core pixels of the pixel's
position less (left, top) and plus (right, bottom) the distances it predicts. The sums and
the number of core pixels are kept per label, so pieces of one object in several blocks add
up to the box one block would give (:attr:`Detection.box`).
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
    polygons: list[bytearray] = field(default_factory=list)  # little-endian WKB, raster pixel coordinates
    thick: bool = True  # some pixel of it is 3 px from its edge (see :func:`_interior`)
    box_sum: tuple[float, float, float, float] | None = None  # its cores' box sides, summed (raster px)
    box_pixels: int = 0  # the core pixels summed in ``box_sum``


class Detection:
    """One output feature in raster pixel coordinates (x = column, y = row).

    Its outline is a shapely (Multi)Polygon (:attr:`geometry`) or its little-endian WKB
    (:attr:`wkb`), each made from the other on first use: most objects go from the
    polygoniser's WKB to the output without a shapely object. A detection written as its box
    alone (:class:`~.suppress.BoxSuppressor` holds no outline) has the box as its outline."""

    __slots__ = ("_geometry", "_wkb", "box", "class_id", "pixels", "score")

    def __init__(
        self,
        class_id: int,
        pixels: int,
        score: float,
        geometry: Any = None,
        *,
        wkb: bytes | bytearray | None = None,
        box: tuple[float, float, float, float] | None = None,
    ) -> None:
        if geometry is None and wkb is None and box is None:
            raise ValueError("a detection needs a geometry, its WKB or a box")
        self.box = box  # (col0, row0, col1, row1) from the box head, raster pixels; None: none
        self.class_id = class_id
        self.pixels = pixels
        self.score = score
        self._geometry = geometry
        self._wkb = wkb

    @property
    def geometry(self) -> Any:
        """The outline as a shapely (Multi)Polygon."""
        if self._geometry is None and self._wkb is not None:
            from shapely import wkb

            self._geometry = wkb.loads(bytes(self._wkb))
        elif self._geometry is None:  # a box alone: the box is the outline
            from shapely.geometry import box

            assert self.box is not None
            self._geometry = box(*self.box)
        return self._geometry

    @property
    def wkb(self) -> bytes | bytearray:
        """The outline as little-endian WKB."""
        if self._wkb is None:
            self._wkb = self.geometry.wkb
        return self._wkb

    def __repr__(self) -> str:
        return f"Detection(class_id={self.class_id}, pixels={self.pixels}, score={self.score:.4f})"


@dataclass
class BlockLabels:
    """One labelled block: labels ``1..n_core`` grew from a core (count) or are connected
    areas (segmentation); ``n_core+1..n_core+n_rim`` are rim pieces without a core in this
    block (their core may lie across a border). Arrays indexed by label have ``n+1`` entries."""

    labels: np.ndarray  # (h, w) int32, 0 = nothing
    cores: np.ndarray  # (h, w) bool: pixels through which instances join across borders
    label_class: np.ndarray
    counts: np.ndarray
    prob_sums: np.ndarray
    n_core: int
    n_rim: int
    thick: np.ndarray | None = None  # per label: has an interior pixel (count mode; None: all are)
    # with box distances in the sums: per label, its core pixels' box sides summed, (n+1, 4)
    # as (col0, row0, col1, row1) in the block's pixels, and how many core pixels that is
    box_sums: np.ndarray | None = None
    box_pixels: np.ndarray | None = None

    def boxes(self, ids: np.ndarray, labels: np.ndarray | None = None) -> np.ndarray:
        """``(len(ids), 4)`` boxes (col0, row0, col1, row1, block pixels) of the labels ``ids``:
        the box head's (:func:`head_boxes`) where the sums carried it and the label has a core
        pixel, else the bounding box of the label's pixels in ``labels`` (default: the block's)."""
        from ..training.metrics import instance_boxes

        ids = np.asarray(ids, np.int64)
        lab = self.labels if labels is None else labels
        outline = np.zeros((ids.size, 4), np.float64)
        if ids.size:
            present = np.zeros(int(max(ids.max(), lab.max())) + 1, bool)
            present[np.unique(lab[lab > 0])] = True
            at = np.cumsum(present) - 1
            found = instance_boxes(lab)
            outline[present[ids]] = found[at[ids[present[ids]]]]
        if self.box_sums is None or self.box_pixels is None:
            return outline
        return head_boxes(self.box_sums[ids], self.box_pixels[ids], outline)


_STRIP = 32  # rows a strip in block-wide passes (32 × 2,048 float32: 256 KiB)
BOX_CHANNELS = 4  # the box head's distances after the boundary: left, top, right, bottom
# pixels: a head box narrower than this is widened about its centre (no detection is thinner
# than 3 px, the rule outlines keep by the thick-pixel test)
MIN_BOX_SIDE = 3.0


def head_boxes(sums: np.ndarray, pixels: np.ndarray, fallback: np.ndarray) -> np.ndarray:
    """Boxes ``(n, 4)`` from summed box sides ``sums`` over ``pixels`` core pixels each: their
    mean, each side at least :data:`MIN_BOX_SIDE` wide; ``fallback`` where no pixel was summed."""
    sums, pixels = np.asarray(sums, np.float64).reshape(-1, 4), np.asarray(pixels).reshape(-1)
    out = np.asarray(fallback, np.float64).reshape(-1, 4).copy()
    has = pixels > 0
    if has.any():
        mean = sums[has] / pixels[has, None]
        for lo, hi in ((0, 2), (1, 3)):
            centre = 0.5 * (mean[:, lo] + mean[:, hi])
            half = np.maximum(0.5 * (mean[:, hi] - mean[:, lo]), 0.5 * MIN_BOX_SIDE)
            mean[:, lo], mean[:, hi] = centre - half, centre + half
        out[has] = mean
    return out


def classify(
    sums: np.ndarray, weight: np.ndarray, valid: np.ndarray, num_classes: int, threshold: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """The detected pixels of a block from its blended sums: ``(flat index, class, probability, 1/weight)``.

    ``sums[k - 1]`` holds class ``k`` (1..C; the background is not blended). A pixel gets
    class ``k`` when ``k`` has the highest probability among the classes and at least
    ``threshold``; invalid pixels (nodata, outside the AOI) get none. Only pixels where
    some class reaches the threshold are looked at, so the work follows the detections,
    not the block's area.
    """
    # a hair below the threshold (one comparison a class): the per-pixel test below
    # decides, with its own rounding; in strips of rows, so that the temporaries stay
    # small and in the cache
    factor = np.float32(threshold * (1.0 - 1e-6))
    candidates = np.empty(weight.shape, bool)
    for r in range(0, weight.shape[0], _STRIP):
        rows = slice(r, r + _STRIP)
        limit = weight[rows] * factor
        out = candidates[rows]
        np.greater_equal(sums[0, rows], limit, out=out)
        for k in range(1, num_classes):
            out |= sums[k, rows] >= limit
        out &= valid[rows]
    idx = np.flatnonzero(candidates)
    w = _gather(weight, idx)
    covered = w > 0
    if not covered.all():
        idx, w = idx[covered], w[covered]
    inv = 1.0 / w
    planes = [_flat_view(sums[k]) for k in range(num_classes)]  # the same pitch for every class
    at = _flat_index(idx, weight.shape[1], planes[0][1])
    best_prob = np.take(planes[0][0], at) * inv
    best = np.ones(idx.size, np.int16)
    for k in range(2, num_classes + 1):
        p = np.take(planes[k - 1][0], at) * inv
        better = p > best_prob
        best[better] = k
        best_prob[better] = p[better]
    keep = best_prob >= threshold
    return idx[keep], best[keep], best_prob[keep], inv[keep]


def _flat_view(plane: np.ndarray) -> tuple[np.ndarray, int]:
    """``(1-D view, row pitch)`` of a 2-D array whose rows are contiguous (a block's view
    into its wider buffer): element (r, c) is ``view[r * pitch + c]``. Gathering from it
    with ``np.take`` is several times faster than 2-D fancy indexing, and copies nothing."""
    item = plane.itemsize
    if plane.ndim != 2 or plane.strides[1] != item or plane.strides[0] % item or plane.strides[0] < 0:
        plane = np.ascontiguousarray(plane)
    pitch = plane.strides[0] // item if plane.shape[0] > 1 else plane.shape[1]
    length = (plane.shape[0] - 1) * pitch + plane.shape[1] if plane.size else 0
    return np.lib.stride_tricks.as_strided(plane, shape=(length,), strides=(item,), writeable=False), pitch


def _flat_index(idx: np.ndarray, width: int, pitch: int) -> np.ndarray:
    """Flat indices of an array ``width`` wide, as indices into a :func:`_flat_view` of row ``pitch``."""
    if pitch == width:
        return idx
    rr, cc = np.divmod(idx, width)
    return rr * pitch + cc


def _gather(plane: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """``plane.ravel()[idx]`` without copying a strided ``plane``."""
    view, pitch = _flat_view(plane)
    return np.take(view, _flat_index(idx, plane.shape[1], pitch))


def _components(idx: np.ndarray, classes: np.ndarray, shape: tuple[int, int], num_classes: int):
    """4-connected components of the pixels ``idx`` that share a class: ``(labels, n, label_class)``."""
    ndimage = require("scipy.ndimage")
    mask = np.zeros(shape, bool)
    mask.ravel()[idx] = True
    labels, n = ndimage.label(mask)
    labels = labels.astype(np.int32, copy=False)
    label_class = np.zeros(n + 1, np.int16)
    if n == 0:
        return labels, 0, label_class
    lv = labels.ravel()[idx]
    label_class[lv] = classes
    if num_classes > 1:
        counts = np.bincount(lv, minlength=n + 1)
        total = np.bincount(lv, weights=classes, minlength=n + 1)
        if np.any(total != counts * label_class):  # classes touching: label each class apart
            labels[:] = 0
            n = 0
            parts = [0]
            for c in range(1, num_classes + 1):
                sub = np.zeros(shape, bool)
                sub.ravel()[idx[classes == c]] = True
                lab, k = ndimage.label(sub)
                labels[sub] = lab[sub] + n
                parts.extend([c] * k)
                n += k
            label_class = np.asarray(parts, np.int16)
    return labels, n, label_class


def neighbour_label(
    flat: np.ndarray,
    pix: np.ndarray,
    rows: np.ndarray,
    cols: np.ndarray,
    want: np.ndarray,
    label_class: np.ndarray,
    shape: tuple[int, int],
) -> np.ndarray:
    """For the pixels ``pix`` (flat indices at ``rows``, ``cols`` of a raster of ``shape``
    whose labels are ``flat``): the highest label among their 4-neighbours whose class
    (``label_class[label]``) is ``want``, 0 where there is none."""
    h, w = shape
    best = np.zeros(pix.size, np.int32)
    for ok, nb in (
        (rows > 0, pix - w),
        (rows < h - 1, pix + w),
        (cols > 0, pix - 1),
        (cols < w - 1, pix + 1),
    ):
        lab = np.where(ok, flat[np.where(ok, nb, pix)], 0)
        lab[label_class[lab] != want] = 0
        np.maximum(best, lab, out=best)
    return best


def _grow(
    labels: np.ndarray, rim: np.ndarray, rim_class: np.ndarray, label_class: np.ndarray, steps: int
) -> np.ndarray:
    """Give rim pixels (flat indices) the label of a 4-neighbour of the same class, ``steps``
    rings deep (of several such neighbours, the highest label); works on the rim pixels only.
    Returns the mask of rim pixels left unlabelled.

    Every ring is decided from the labels the previous ring left. After the first ring only
    the pixels beside those it labelled are looked at (the frontier): the neighbours of any
    other pixel are as they were when it found none, so the result is that of looking at
    every pixel left at every ring, at a cost that follows the rim's size, not its size
    times its depth."""
    h, w = labels.shape
    flat = labels.ravel()
    # to find a pixel's place in ``rim`` (sorted flat indices, as ``classify`` gives them)
    order = None if rim.size < 2 or bool((rim[1:] > rim[:-1]).all()) else np.argsort(rim)
    keys = rim if order is None else rim[order]
    todo = np.ones(rim.size, bool)
    ii = np.arange(rim.size)
    for _ in range(steps):
        if ii.size == 0:
            break
        pix = rim[ii]
        r, c = pix // w, pix % w
        best = neighbour_label(flat, pix, r, c, rim_class[ii], label_class, (h, w))
        got = best > 0
        if not got.any():
            break
        done = pix[got]
        flat[done] = best[got]  # every pixel of this ring decided from the previous one
        todo[ii[got]] = False
        # the next ring: the unlabelled rim pixels beside this ring's
        r, c = r[got], c[got]
        beside = np.concatenate((done[r > 0] - w, done[r < h - 1] + w, done[c > 0] - 1, done[c < w - 1] + 1))
        at = np.minimum(np.searchsorted(keys, beside), keys.size - 1)
        at = at[keys[at] == beside]
        ii = np.unique(at if order is None else order[at])
        ii = ii[todo[ii]]
    return todo


def _local_minima(values: np.ndarray, idx: np.ndarray, shape: tuple[int, int], window: int) -> np.ndarray:
    """For the pixels ``idx`` with ``values``: whether each is the lowest within a ``window``
    square (pixels outside ``idx`` count as 1, the highest boundary)."""
    ndimage = require("scipy.ndimage")
    full = np.ones(shape, np.float32)
    full.ravel()[idx] = values
    lowest = ndimage.minimum_filter(full, size=window, mode="nearest")
    return values <= lowest.ravel()[idx]


def _grow_by_levels(
    labels: np.ndarray,
    rim: np.ndarray,
    rim_class: np.ndarray,
    level: np.ndarray,
    label_class: np.ndarray,
    steps: int,
    parts: int = 10,
) -> np.ndarray:
    """:func:`_grow` in order of rising ``level`` (the boundary), ``parts`` quantile steps at a
    time, so that touching objects meet where the boundary is highest, as in a watershed.
    Returns the mask of rim pixels left unlabelled."""
    left = np.ones(rim.size, bool)
    cuts = np.unique(np.quantile(level, np.linspace(1.0 / parts, 1.0, parts)))
    for cut in cuts:
        sel = np.flatnonzero(left & (level <= cut))
        if sel.size:
            still = _grow(labels, rim[sel], rim_class[sel], label_class, steps)
            left[sel[~still]] = False
    return left


def polygonize(labels: np.ndarray, col0: int = 0, row0: int = 0) -> list[tuple[int, bytearray]]:
    """``(label, polygon)`` for every 4-connected piece of ``labels`` > 0: GDAL's polygoniser,
    each outline as little-endian WKB in raster pixel coordinates (the labels' top-left
    pixel at column ``col0``, row ``row0``; integer vertices, so pieces of one object in
    neighbouring blocks share their edges exactly). No GeoJSON or shapely objects are made."""
    gdal = require("osgeo.gdal")
    ogr = require("osgeo.ogr")
    gdal_array = require("osgeo.gdal_array")
    values = np.ascontiguousarray(labels, np.int32)
    source = gdal_array.OpenArray(values)  # a MEM dataset on the array's memory
    source.SetGeoTransform((float(col0), 1.0, 0.0, float(row0), 0.0, 1.0))
    mask = gdal_array.OpenArray((values > 0).view(np.uint8))
    store = ogr.GetDriverByName("Memory").CreateDataSource("")
    layer = store.CreateLayer("pieces", None, ogr.wkbPolygon)
    layer.CreateField(ogr.FieldDefn("label", ogr.OFTInteger))
    if gdal.Polygonize(source.GetRasterBand(1), mask.GetRasterBand(1), layer, 0, []) != 0:
        raise RuntimeError(f"GDAL could not polygonise a block: {gdal.GetLastErrorMsg()}")
    return [(f.GetFieldAsInteger(0), f.GetGeometryRef().ExportToWkb(ogr.wkbNDR)) for f in layer]


def _interior(labels: np.ndarray, idx: np.ndarray) -> np.ndarray:
    """For the pixels ``idx`` (flat indices) of ``labels``: whether all 8 neighbours carry the
    same label, i.e. the pixel's 3×3 square lies inside its object (the block's edge counts
    as inside: the object may go on in the next block). An object without such a pixel is
    thinner than 3 px everywhere: a sliver, not an object."""
    h, w = labels.shape
    flat = labels.ravel()
    r, c = np.divmod(idx, w)
    own = flat[idx]
    ok = np.ones(idx.size, bool)
    for dr in (-1, 0, 1):
        rr = np.clip(r + dr, 0, h - 1) * w
        for dc in (-1, 0, 1):
            if dr or dc:
                ok &= flat[rr + np.clip(c + dc, 0, w - 1)] == own
    return ok


def grow_steps_for(boundary_target: str | None) -> int:
    """Rings of boundary pixels grown back onto the cores for a model's boundary target.

    Thin rims (``"rim"``, and snapshots that predate the setting) grow 3 rings: what lies
    further from any core is no object's rim (a stray core of noise gains no area from
    it). The soft ``"distance"`` and ``"centre"`` targets make a boundary zone as wide as
    the objects themselves: they grow until every pixel of the class that connects to a core
    is reached (touching objects meet half-way between their cores).
    """
    return 3 if boundary_target in (None, "rim") else 1 << 16


def thin_cores_for(boundary_target: str | None) -> bool:
    """Whether a core thinner than 3 px seeds nothing (:func:`label_block`): for the distance
    target, whose cores are each object's inner third, and the centre target, whose cores are
    discs at least 3 px wide (``tiles.CENTRE_MIN_SIGMA``); a thin-rim model's cores are its
    objects less a rim, and a small object's may be that thin."""
    return boundary_target in ("centre", "distance")


def label_block(
    sums: np.ndarray,
    weight: np.ndarray,
    valid: np.ndarray,
    num_classes: int,
    mode: str,
    threshold: float,
    boundary_threshold: float = 0.5,
    grow_steps: int = 3,
    marker_window: int = 0,
    thin_cores: bool = True,
) -> BlockLabels:
    """Label one block from its blended sums (``sums / weight`` are the probabilities):
    ``sums[k - 1]`` class ``k`` (1..C), then in count mode ``sums[C]`` the boundary.

    Count mode: the cores are the class pixels whose boundary is below ``boundary_threshold``
    or, with ``marker_window`` > 0, only those that are also the lowest boundary within a
    ``marker_window``-pixel square (one marker per object even where the network's boundary
    never falls far between touching objects). The non-core pixels of a class grow onto
    the cores ring by ring, up to ``grow_steps`` rings (see :func:`grow_steps_for`); from
    markers they grow in order of rising boundary (a watershed in ten levels). With
    ``thin_cores`` (distance-target models, whose cores are each object's inner third), a
    core thinner than 3 px everywhere seeds nothing; a thin-rim model's cores are its objects
    less a rim, and a small object's may be that thin."""
    shape = (int(weight.shape[0]), int(weight.shape[1]))
    idx, cls, prob, inv = classify(sums, weight, valid, num_classes, threshold)
    count = mode == "count"
    markers = count and marker_window > 1 and sums.shape[0] > num_classes
    edge = None
    if count and sums.shape[0] > num_classes:
        edge = _gather(sums[num_classes], idx) * inv
        core_flag = edge < boundary_threshold
        if markers:
            core_flag &= _local_minima(edge, idx, shape, int(marker_window))
    else:
        core_flag = np.ones(idx.size, bool)
    labels, n_core, label_class = _components(idx[core_flag], cls[core_flag], shape, num_classes)
    if count and n_core and not markers and thin_cores:
        # a core thinner than 3 px everywhere (noise, a stripe) seeds no object: its pixels
        # are grown onto the real cores like any other boundary pixel
        at = np.flatnonzero(core_flag)
        core_idx = idx[at]
        own = labels.ravel()[core_idx]
        seeds = np.bincount(own[_interior(labels, core_idx)], minlength=n_core + 1) > 0
        if not seeds[1:].all():
            core_flag[at[~seeds[own]]] = False
            labels, n_core, label_class = _components(idx[core_flag], cls[core_flag], shape, num_classes)
    cores = np.zeros(shape, bool)
    cores.ravel()[idx[core_flag]] = True
    n_rim = 0
    if not core_flag.all():
        rim, rim_class = idx[~core_flag], cls[~core_flag]
        if not n_core:
            left = np.ones(rim.size, bool)
        elif markers:
            assert edge is not None
            left = _grow_by_levels(labels, rim, rim_class, edge[~core_flag], label_class, grow_steps)
        else:
            left = _grow(labels, rim, rim_class, label_class, grow_steps)
        if left.any():
            rim_labels, n_rim, rim_label_class = _components(rim[left], rim_class[left], shape, num_classes)
            hit = rim[left]
            labels.ravel()[hit] = rim_labels.ravel()[hit] + n_core
            label_class = np.concatenate([label_class, rim_label_class[1:]])
    n = n_core + n_rim
    lv = labels.ravel()[idx]
    sel = lv > 0
    counts = np.bincount(lv[sel], minlength=n + 1)
    prob_sums = np.bincount(lv[sel], weights=prob[sel], minlength=n + 1)
    thick = None
    if count:
        thick = np.bincount(lv[sel & _interior(labels, idx)], minlength=n + 1) > 0
    cores &= labels > 0
    box_sums = box_pixels = None
    if count and sums.shape[0] >= num_classes + 1 + BOX_CHANNELS:
        distances = sums[num_classes + 1 : num_classes + 1 + BOX_CHANNELS]
        box_sums, box_pixels = _box_sums(distances, weight, labels, cores, n)
    return BlockLabels(
        labels, cores, label_class, counts, prob_sums, n_core, n_rim, thick, box_sums, box_pixels
    )  # fmt: skip


def _box_sums(
    distances: np.ndarray, weight: np.ndarray, labels: np.ndarray, cores: np.ndarray, n: int
) -> tuple[np.ndarray, np.ndarray]:
    """Per label (``n + 1`` rows): the sum over its core pixels of the box each predicts (the
    pixel's centre less the left and top distances, plus the right and bottom ones:
    ``distances`` are blended sums, divided by ``weight`` here), as (col0, row0, col1, row1)
    in the block's pixels, and the number of those pixels."""
    idx = np.flatnonzero(cores)
    ids = labels.ravel()[idx]
    width = labels.shape[1]
    rows, cols = np.divmod(idx, width)
    inv = 1.0 / np.maximum(_gather(weight, idx), 1e-12)
    x, y = cols + 0.5, rows + 0.5
    sides = (
        x - _gather(distances[0], idx) * inv,
        y - _gather(distances[1], idx) * inv,
        x + _gather(distances[2], idx) * inv,
        y + _gather(distances[3], idx) * inv,
    )
    sums = np.stack([np.bincount(ids, weights=side, minlength=n + 1) for side in sides], axis=1)
    return sums, np.bincount(ids, minlength=n + 1)


def kept_objects(block: BlockLabels, min_pixels: int = 0) -> tuple[np.ndarray, np.ndarray]:
    """The objects of a one-block raster that detection writes: ``(labels, label_class)``,
    instances grown from a core, not slivers, of at least ``min_pixels``."""
    keep = np.zeros(block.n_core + block.n_rim + 1, bool)
    keep[1 : block.n_core + 1] = True
    keep &= block.counts >= max(min_pixels, 1)
    if block.thick is not None:
        keep &= block.thick
    return np.where(keep[block.labels], block.labels, 0).astype(np.int32), block.label_class


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
        grow_steps: int = 3,
        marker_window: int = 0,
        thin_cores: bool = True,
    ) -> None:
        self.num_classes = num_classes
        self.mode = mode
        self.threshold = threshold
        self.boundary_threshold = boundary_threshold
        self.grow_steps = grow_steps
        self.marker_window = marker_window
        self.thin_cores = thin_cores
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
        sums: np.ndarray,
        weight: np.ndarray,
        valid: np.ndarray,
        row0: int,
        col0: int,
        more_right: bool = True,
        more_below: bool = True,
    ) -> int:
        """Vectorise block (i, j) from its blended ``sums`` and ``weight`` (probabilities are
        ``sums / weight``); its rect starts at raster pixel (row0, col0). ``more_right`` /
        ``more_below`` say whether blocks follow to the right / below. Returns its label count."""
        block = label_block(
            sums, weight, valid, self.num_classes, self.mode, self.threshold, self.boundary_threshold,
            self.grow_steps, self.marker_window, self.thin_cores,
        )  # fmt: skip
        labels, n_core = block.labels, block.n_core
        n = n_core + block.n_rim
        offset = self._next - 1
        if n:
            for k in np.flatnonzero(block.counts).tolist():
                box_sum, box_pixels = None, 0
                if block.box_sums is not None and block.box_pixels is not None and block.box_pixels[k]:
                    box_pixels = int(block.box_pixels[k])  # the sides summed, moved to raster pixels
                    shift = np.array([col0, row0, col0, row0], np.float64) * box_pixels
                    x0, y0, x1, y1 = (block.box_sums[k] + shift).tolist()
                    box_sum = (x0, y0, x1, y1)
                self.pieces[k + offset] = Piece(
                    int(block.label_class[k]),
                    int(block.counts[k]),
                    float(block.prob_sums[k]),
                    thick=True if block.thick is None else bool(block.thick[k]),
                    box_sum=box_sum,
                    box_pixels=box_pixels,
                )
                self._members[k + offset] = [k + offset]
            self._instance.update(range(offset + 1, offset + n_core + 1))
            for value, outline in polygonize(labels, col0, row0):
                self.pieces[value + offset].polygons.append(outline)
            self._next += n

        def strip(lab: np.ndarray, core: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
            out = lab.astype(np.int64)
            out[lab > 0] += offset
            return out, core & (lab > 0) & (lab <= n_core)

        cores = block.cores
        if j > 0 and self._right is not None:
            self._join(*self._right, *strip(labels[:, 0], cores[:, 0]))
        if i > 0 and j in self._bottom:
            self._join(*self._bottom.pop(j), *strip(labels[0, :], cores[0, :]))
        self._right = strip(labels[:, -1], cores[:, -1]) if more_right else None
        if more_below:
            self._bottom[j] = strip(labels[-1, :], cores[-1, :])
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
        if not any(piece.thick for piece in pieces):
            return  # thinner than 3 px everywhere: a sliver
        polygons = [p for piece in pieces for p in piece.polygons]
        if not polygons:
            return
        pixels = sum(p.pixels for p in pieces)
        score = sum(p.prob_sum for p in pieces) / max(pixels, 1)
        box: tuple[float, float, float, float] | None = None
        summed = [p for p in pieces if p.box_sum is not None and p.box_pixels]
        if summed:  # the head's box: the mean over the cores of every piece
            total = np.array([p.box_sum for p in summed], np.float64).sum(axis=0)
            count = sum(p.box_pixels for p in summed)
            x0, y0, x1, y1 = head_boxes(total, np.array([count]), np.zeros((1, 4)))[0].tolist()
            box = (x0, y0, x1, y1)
        if len(polygons) == 1:  # most objects: the polygoniser's WKB as it is
            detection = Detection(pieces[0].class_id, pixels, score, wkb=polygons[0], box=box)
        else:  # pieces from several blocks
            from shapely import wkb

            geometry = unary_union([wkb.loads(bytes(p)) for p in polygons])
            detection = Detection(pieces[0].class_id, pixels, score, geometry, box=box)
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
