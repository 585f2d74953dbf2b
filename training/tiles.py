"""Reading one tile window of a scene and rasterising its targets with the window's transform."""

from __future__ import annotations

import functools
import math
import threading
from dataclasses import dataclass
from typing import Any

import numpy as np

from ..deps import require
from . import scenecache
from .inputs import SceneInput

IGNORE = 255  # target value of pixels that do not count in the loss


@dataclass
class Tile:
    """One training sample: normalised image, semantic target and boundary target."""

    image: np.ndarray  # (bands, S, S) float32, normalised
    target: np.ndarray  # (S, S) uint8: class id, IGNORE outside areas / on nodata
    boundary: np.ndarray  # (S, S) float32 in 0..1: edge-ness (count mode, see edge_map), 0 otherwise
    weight: np.ndarray  # (S, S) float32: loss weight of each pixel (small objects weigh more)
    # (4, S, S) float32: each pixel's distances to the left, top, right and bottom sides of the
    # box of the label it lies in, in units of box_unit tile pixels (0 outside labels); None: no box head
    box: np.ndarray | None = None


class SceneReader:
    """Reads windows of scenes; keeps one open dataset per scene and thread (GDAL handles are not shared).

    Scenes it was told to :meth:`hold` are read whole once and cut out of memory
    (``scenecache.ScenePixels``: the same pixels and masks, about 10× cheaper a tile).
    """

    def __init__(self) -> None:
        self._local = threading.local()
        self._held: dict[tuple[str, tuple[int, ...]], scenecache.ScenePixels] = {}

    def hold(self, scenes: list[SceneInput], bands: list[int], budget: int | None = None) -> list[SceneInput]:
        """Keep the pixels of ``scenes`` in memory, each read whole the first time a window of it
        is read, as long as they fit in ``budget`` bytes together (default
        ``scenecache.PIXEL_BUDGET``), in the order given; the others are read window by window.
        Returns the held scenes."""
        budget = scenecache.PIXEL_BUDGET if budget is None else budget
        used, held = 0, []
        for scene in scenes:
            key = (scene.path, tuple(bands))
            if key in self._held:
                held.append(scene)
                continue
            need = scenecache.pixel_bytes(scene.path, bands)
            if used + need > budget:
                continue
            used += need
            self._held[key] = scenecache.ScenePixels(scene, bands)
            held.append(scene)
        return held

    def holds(self, scene: SceneInput, bands: list[int]) -> bool:
        """Whether windows of ``scene`` come from memory."""
        return (scene.path, tuple(bands)) in self._held

    def _dataset(self, path: str) -> Any:
        rasterio = require("rasterio")
        cache = getattr(self._local, "datasets", None)
        if cache is None:
            cache = self._local.datasets = {}
        if path not in cache:
            cache[path] = rasterio.open(path)
        return cache[path]

    def read(
        self, scene: SceneInput, bands: list[int], row: int, col: int, size: int, width: int | None = None
    ) -> tuple[np.ndarray, np.ndarray]:
        """Pixels of the window at (row, col), ``size`` high and ``width`` (default ``size``) wide.

        Zero-padded beyond the scene. Returns ``(image float32 (bands, h, w), valid bool
        (h, w))``; pixels beyond the scene, nodata and masked pixels are not valid.
        """
        height, width = size, size if width is None else width
        held = self._held.get((scene.path, tuple(bands)))
        if held is not None:
            return held.window(row, col, height, width)
        from rasterio.windows import Window

        image = np.zeros((len(bands), height, width), dtype=np.float32)
        valid = np.zeros((height, width), dtype=bool)
        r0, c0 = max(row, 0), max(col, 0)
        r1, c1 = min(row + height, scene.height), min(col + width, scene.width)
        if r1 <= r0 or c1 <= c0:
            return image, valid
        ds = self._dataset(scene.path)
        window = Window(c0, r0, c1 - c0, r1 - r0)
        data = ds.read(bands, window=window)
        mask = ds.read_masks(bands, window=window).min(axis=0) > 0
        if scene.nodata is not None:
            mask &= ~np.all(data == scene.nodata, axis=0)
        image[:, r0 - row : r1 - row, c0 - col : c1 - col] = data
        valid[r0 - row : r1 - row, c0 - col : c1 - col] = mask
        return image, valid


def window_transform(scene: SceneInput, row: int, col: int) -> Any:
    """The affine transform of the window whose upper-left pixel is (row, col)."""
    return scene.transform * scene.transform.translation(col, row)


def window_bounds(
    scene: SceneInput, row: int, col: int, height: int, width: int
) -> tuple[float, float, float, float]:
    """(minx, miny, maxx, maxy) of a window, in the scene's CRS."""
    xs, ys = [], []
    for r, c in ((row, col), (row + height, col + width), (row, col + width), (row + height, col)):
        x, y = scene.transform * (c, r)
        xs.append(x)
        ys.append(y)
    return min(xs), min(ys), max(xs), max(ys)


def rasterize_targets(
    scene: SceneInput, areas: list[Any], row: int, col: int, height: int, width: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Class ids, instance ids and the area mask of a window, rasterised with its exact transform.

    Returns ``(classes uint8, instances int32, in_area bool)``, each ``(height, width)``.
    Instances are numbered 1..n in label order (0 = no object), so touching labels stay apart.
    """
    import warnings

    from rasterio.errors import NotGeoreferencedWarning
    from rasterio.features import rasterize as _rasterize

    def rasterize(*args: Any, **kwargs: Any) -> np.ndarray:
        with warnings.catch_warnings():  # rasterio 1.3 warns spuriously on its in-memory dataset
            warnings.simplefilter("ignore", NotGeoreferencedWarning)
            return _rasterize(*args, **kwargs)

    from shapely.geometry import box

    transform = window_transform(scene, row, col)
    shape = (height, width)
    bounds = window_bounds(scene, row, col, height, width)
    idx = scene.labels_in(bounds)
    instances = np.zeros(shape, dtype=np.int32)
    if idx:
        geoms = [scene.label_shapes[i] for i in idx]
        instances = rasterize(
            zip(geoms, range(1, len(geoms) + 1), strict=True),
            out_shape=shape,
            transform=transform,
            dtype="int32",
        )
    # class of each instance id (0 = background): one rasterisation gives both maps
    lookup = np.concatenate([[0], scene.label_classes[idx]]).astype(np.uint8)
    classes = lookup[instances]
    window = box(*bounds)
    if any(a.contains(window) for a in areas):  # the common case: no need to rasterise the area
        in_area = np.ones(shape, dtype=bool)
    elif areas:
        in_area = rasterize([(a, 1) for a in areas], out_shape=shape, transform=transform, dtype="uint8") > 0
    else:
        in_area = np.zeros(shape, dtype=bool)
    return classes, instances, in_area


def boundary_map(instances: np.ndarray, width: int = 1) -> np.ndarray:
    """Rim pixels of every instance: object pixels within ``width`` px of another id or background.

    Tile edges are not rims (the outside is taken to continue the edge pixel), so an
    object cut by the tile edge has no false rim there.
    """
    rim = np.zeros(instances.shape, dtype=bool)
    current = instances
    for _ in range(max(width, 0)):
        padded = np.pad(current, 1, mode="edge")
        h, w = current.shape
        differs = np.zeros_like(rim)
        for dy in (0, 1, 2):
            for dx in (0, 1, 2):
                if dy == 1 and dx == 1:
                    continue
                differs |= padded[dy : dy + h, dx : dx + w] != current
        new = (current > 0) & differs
        rim |= new
        current = np.where(new, 0, current)
    return rim.astype(np.uint8)


BOUNDARY_TARGETS = ("centre", "distance", "rim")
CENTRE_RAMP = 1.5  # edge_map: 0 on the inner third of every object, rising to 1 at its rim


def edge_map(instances: np.ndarray) -> np.ndarray:
    """Soft boundary target from the normalised distance to the object's edge; 1 outside objects.

    Inside each instance the distance (Euclidean, in pixels) to the nearest pixel of the
    background or of another instance is divided by the instance's largest distance
    (``depth``: 1 at its centre, about 0 on its rim, whatever its size); the target is
    ``clip(1.5 · (1 − depth), 0, 1)``: a plateau of 0 on the inner third of every object,
    a ramp up to 1 at its rim and along the border it shares with a touching object. (The
    plateau gives the network an unambiguous core to learn: on the NEON trees it raised
    the held-back object F1 from 0.27 with the plain ``1 − depth`` target to 0.39.) Thresholding it leaves
    one core per object, and the cores grow back into the class mask. As in
    :func:`boundary_map`, the tile edge is not an edge. Returns float32 ``(h, w)`` in 0..1.
    """
    ndimage = require("scipy.ndimage")
    out = np.ones(instances.shape, dtype=np.float32)
    inside = instances > 0
    if not inside.any():
        return out
    seeds = inside & ~boundary_map(instances, 1).astype(bool)  # drop each object's 1-px rim
    padded = np.pad(seeds, 1, mode="edge")
    if padded.all():  # one object fills the tile: no edge in sight
        return np.zeros(instances.shape, dtype=np.float32)
    distance = ndimage.distance_transform_edt(padded)[1:-1, 1:-1] + inside
    n = int(instances.max())
    peak = ndimage.maximum(distance, labels=instances, index=np.arange(n + 1))
    peak = np.maximum(np.asarray(peak, dtype=np.float64), 1.0)
    depth = distance[inside] / peak[instances[inside]]  # 1 at the object's centre, ~0 on its rim
    out[inside] = np.clip(CENTRE_RAMP * (1.0 - depth), 0.0, 1.0).astype(np.float32)
    return out


# centre_map: a label's Gaussian spreads this share of its size (sqrt(area)) for a new model
# (recorded in its snapshots as ``centre_sigma``; README, *Ablation*, *Centre spread*)
CENTRE_SIGMA = 0.20
LEGACY_CENTRE_SIGMA = 0.10  # what snapshots made before the spread was recorded learnt
CENTRE_MIN_SIGMA = 2.5  # pixels: a small object's low point stays at least 3 px wide at 0.5


def _labels_in_areas(scene: SceneInput, areas: list[Any]) -> np.ndarray:
    """Per label of the scene: whether it covers more than half a pixel of one of ``areas``
    (a label beyond the areas, or only touching one, shapes no target). Cached per list."""
    cache = scene._area_labels
    hit = cache.get(id(areas))
    if hit is None or hit[0] is not areas:
        least = 0.5 * scene.pixel_area  # not a sliver of rounding along a shared edge
        inside = np.array(
            [any(g.intersects(a) and g.intersection(a).area > least for a in areas) for g in scene.labels],
            dtype=bool,
        )
        hit = cache[id(areas)] = (areas, inside)
    return hit[1]


def centre_map(
    scene: SceneInput,
    row: int,
    col: int,
    height: int,
    width: int,
    areas: list[Any] | None = None,
    spread: float = CENTRE_SIGMA,
    dtype: Any = np.float32,
) -> np.ndarray:
    """Centre target of a window: ``1 − max over labels of a Gaussian at the label's centre``.

    Each label of the scene near the window puts a peak (0 in this map) at its centre (see
    :meth:`SceneInput.label_centres`) whose spread σ is ``spread`` × its size (a model's
    recorded ``centre_sigma``; :data:`CENTRE_SIGMA` for a new one), so every object has one
    low point of its own even where labels touch or overlap (σ is at least
    ``CENTRE_MIN_SIGMA`` pixels, so that a small object's core survives the 3-px rule of
    detection, see ``vectorize.thin_cores_for``): with σ = 0.2 × size, two objects whose
    centres lie half a size apart are separated by a ridge of 0.54
    (``1 − exp(−(0.25/0.20)² / 2)``), a low point of its own for each marker; two Gaussians
    only merge into one low point when their centres are closer than 2σ. A label whose centre lies
    outside the window still shapes it. The map is 1 away from every centre, also on the
    background. Only the labels inside ``areas`` (default: the scene's training areas) count:
    a label beyond them shapes no pixel inside them. Returns float32 ``(height, width)`` in 0..1,
    computed in ``dtype``: float32 (what a window's map always was), or float64 for a map cut
    into other windows (``labelcache.LabelRasters``: the pixel offsets from each centre then
    carry no float32 rounding of the window's coordinates, and the map is rounded once).
    """
    out = np.ones((height, width), dtype=dtype)
    if not len(scene.labels):
        return out.astype(np.float32, copy=False)
    t = scene.transform
    res = math.sqrt(abs(t.a * t.e - t.b * t.d))
    centres = scene.label_centres()
    inv = ~window_transform(scene, row, col)
    margin = 3.0 * max(spread * float(centres[:, 2].max()), CENTRE_MIN_SIGMA * res) + res
    minx, miny, maxx, maxy = window_bounds(scene, row, col, height, width)
    near = np.flatnonzero(
        (centres[:, 0] >= minx - margin)
        & (centres[:, 0] <= maxx + margin)
        & (centres[:, 1] >= miny - margin)
        & (centres[:, 1] <= maxy + margin)
    )
    near = near[_labels_in_areas(scene, scene.train_areas if areas is None else areas)[near]]
    for i in near:
        x, y, size = centres[i]
        c, r = inv * (x, y)  # fractional pixel position (pixel corners are integers)
        sigma = max(spread * size / res, CENTRE_MIN_SIGMA)
        reach = 3.0 * sigma
        r0, r1 = max(int(r - reach), 0), min(math.ceil(r + reach) + 1, height)
        c0, c1 = max(int(c - reach), 0), min(math.ceil(c + reach) + 1, width)
        if r0 >= r1 or c0 >= c1:
            continue
        dy = (np.arange(r0, r1, dtype=dtype) + 0.5 - r)[:, None]
        dx = (np.arange(c0, c1, dtype=dtype) + 0.5 - c)[None, :]
        bump = 1.0 - np.exp(-(dx * dx + dy * dy) / out.dtype.type(2.0 * sigma * sigma))
        np.minimum(out[r0:r1, c0:c1], bump, out=out[r0:r1, c0:c1])
    return out.astype(np.float32, copy=False)


def window_boundary(
    scene: SceneInput,
    instances: np.ndarray,
    kind: str,
    width: int,
    row: int,
    col: int,
    areas: list[Any],
    spread: float = CENTRE_SIGMA,
) -> np.ndarray:
    """The count-mode boundary target of the window at (row, col) whose instances (in ``areas``)
    are ``instances`` (``spread``: the centre target's, see :func:`centre_map`)."""
    if kind == "centre":
        h, w = int(instances.shape[0]), int(instances.shape[1])
        return centre_map(scene, row, col, h, w, areas, spread)
    return boundary_target(instances, kind, width)


def boundary_target(instances: np.ndarray, kind: str = "distance", width: int = 1) -> np.ndarray:
    """The count-mode boundary target of a tile: :func:`edge_map` (``"distance"``) or the
    ``width``-pixel rims of :func:`boundary_map` (``"rim"``), as float32 in 0..1 (the
    ``"centre"`` target needs the labels' geometry: :func:`window_boundary`)."""
    if kind == "distance":
        return edge_map(instances)
    if kind == "rim":
        return boundary_map(instances, width).astype(np.float32)
    raise ValueError(f"unknown boundary target {kind!r}; expected one of {BOUNDARY_TARGETS}")


def object_weights(areas_px: np.ndarray, cap: float = 4.0, reference: float | None = None) -> np.ndarray:
    """Loss weight of each label from its area in pixels: ``sqrt(reference / area)``, in 1/cap..cap
    (``reference`` defaults to the median area).

    A small object then counts about as much as a large one in the loss (its pixels are
    fewer but weigh more); the median-sized object weighs 1, background pixels weigh 1.
    """
    areas = np.maximum(np.asarray(areas_px, dtype=np.float64), 1.0)
    if areas.size == 0:
        return np.ones(0, np.float32)
    ref = float(np.median(areas)) if reference is None else float(reference)
    return np.clip(np.sqrt(ref / areas), 1.0 / cap, cap).astype(np.float32)


@functools.lru_cache(maxsize=512)
def _zoom_plan(n: int, size: int) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """:func:`linear_zoom`'s source rows ``lo`` and ``hi`` and their weights ``1 − w`` and ``w``
    (float32 columns) from ``n`` to ``size`` pixels (read-only: shared by every tile)."""
    x = np.clip((np.arange(size) + 0.5) * (n / size) - 0.5, 0.0, n - 1)
    lo = np.floor(x).astype(np.intp)
    hi = np.minimum(lo + 1, n - 1)
    w = (x - lo).astype(np.float32)
    plan = (lo, hi, (1.0 - w)[:, None], w[:, None])
    for a in plan:
        a.flags.writeable = False
    return plan


def linear_zoom(a: np.ndarray, size: int) -> np.ndarray:
    """``a`` (``(..., n, n)``) resampled to ``size × size`` by linear interpolation, pixel areas
    aligned and edges repeated: what ``scipy.ndimage.zoom(a, size / n, order=1, mode="nearest",
    grid_mode=True)`` gives over the last two axes, as gathers and weighted sums (several
    times faster; the training loader resamples every zoomed tile with it).

    The rows are interpolated first, then the columns, each output value as
    ``v[lo] · (1 − w) + v[hi] · w`` in float32 (for float32 input). The column pass runs on the
    rows' transpose (gathering whole rows is several times faster than gathering single
    values) and the result is handed back as a transposed view: the same values, in
    column-major memory order (``np.ascontiguousarray`` it where the order matters).
    """
    lo, hi, w0, w1 = _zoom_plan(a.shape[-1], size)
    dtype = np.result_type(a.dtype, np.float32)
    rows = a.take(lo, axis=-2).astype(dtype, copy=False)
    rows *= w0
    other = a.take(hi, axis=-2).astype(dtype, copy=False)
    other *= w1
    rows += other
    columns = np.ascontiguousarray(np.swapaxes(rows, -1, -2))  # (..., n, size): a column a row
    out = columns.take(lo, axis=-2)
    out *= w0
    other = columns.take(hi, axis=-2)
    other *= w1
    out += other
    return np.swapaxes(out, -1, -2).astype(a.dtype, copy=False)


@functools.lru_cache(maxsize=512)
def _nearest_picks(read: int, size: int) -> np.ndarray:
    """The source row (and column) of each of ``size`` pixels resampled from ``read`` by nearest
    neighbour: what ``scipy.ndimage.zoom(…, order=0, mode="nearest", grid_mode=True)`` picks."""
    ndimage = require("scipy.ndimage")
    pick = ndimage.zoom(
        np.arange(read, dtype=np.float64), size / read, order=0, mode="nearest", grid_mode=True
    )
    picks = pick.astype(np.intp)
    picks.flags.writeable = False
    return picks


def make_tile(
    reader: SceneReader,
    scene: SceneInput,
    bands: list[int],
    row: int,
    col: int,
    size: int,
    mean: np.ndarray,
    std: np.ndarray,
    areas: list[Any] | None = None,
    boundary_width: int = 1,
    boundary_kind: str = "rim",
    zoom: float = 1.0,
    label_weights: np.ndarray | None = None,
    label_rasters: Any = None,
    centre_spread: float = CENTRE_SIGMA,
    box_unit: float | None = None,
) -> Tile:
    """Read, normalise and rasterise one ``size``×``size`` training tile.

    ``areas`` (default: the scene's training areas) decide which pixels count.
    ``boundary_width`` 0 gives no boundary target (segmentation mode); otherwise
    ``boundary_kind`` picks it (see :func:`boundary_target`). ``zoom`` ≠ 1 reads a window
    ``size / zoom`` pixels wide around the same centre and resamples it to ``size``
    (objects look ``zoom`` times larger: another flying height): the image and the centre
    target linearly (:func:`linear_zoom`), the masks and labels by nearest neighbour.
    ``label_weights`` (one per label of the scene, see :func:`object_weights`) gives each
    object's pixels their loss weight; without it every pixel weighs 1. ``label_rasters`` (a
    ``labelcache.LabelRasters`` of the scene and ``areas``) gives the labels rasterised once
    per scene instead of once per tile: the same targets, and the centre target cut from its
    chunks when it was made with this ``centre_spread`` (the centre target's σ as a share of
    each label's size, :func:`centre_map`). ``box_unit`` (pixels of the tile) adds the box
    head's target, :func:`box_distances`.

    The instance numbers and the mask of counted pixels are resampled first, and the classes
    and weights looked up from them (nearest neighbour picks the same pixels whatever the
    array, so that is what resampling the class and weight maps gives); the image is
    normalised in place. Arrays may be views in another memory order (the image and centre
    target come back from :func:`linear_zoom` transposed).
    """
    read = size if abs(zoom - 1.0) < 1e-3 else max(8, round(size / zoom))
    row, col = row + (size - read) // 2, col + (size - read) // 2
    image, valid = reader.read(scene, bands, row, col, read)
    centre_kind = boundary_width > 0 and boundary_kind == "centre"
    numbered = boundary_width > 0 and not centre_kind  # rims and distances need the tile's objects apart
    centre = None
    classes = None  # class of each instance number
    labels: Any = None  # the scene's label of each instance (k − 1); None: instances are label + 1
    if label_rasters is not None and numbered:
        _, instances, in_area, labels = label_rasters.window(row, col, read, read)
    elif label_rasters is not None:
        instances, in_area, cut = label_rasters.cut(row, col, read, read)
        classes = label_rasters.classes
        if centre_kind and label_rasters.centre_spread == centre_spread:
            centre = cut
    else:
        _, instances, in_area = rasterize_targets(
            scene, scene.train_areas if areas is None else areas, row, col, read, read
        )
        labels = scene.labels_in(window_bounds(scene, row, col, read, read))  # as rasterize_targets numbers
    if centre_kind and centre is None:
        centre = centre_map(scene, row, col, read, read, areas, centre_spread)
    all_valid = bool(valid.all())  # the usual case: no pixel to blank out
    counts = valid & in_area
    all_count = bool(counts.all())
    if read != size:
        image = linear_zoom(image, size)
        picks = _nearest_picks(read, size)

        def pick(a: np.ndarray) -> np.ndarray:
            return a.take(picks, axis=0).take(picks, axis=1)

        instances = pick(instances)
        counts = counts if all_count else pick(counts)
        valid = valid if all_valid else pick(valid)
        if centre is not None:
            centre = linear_zoom(centre, size)
    # the class and weight of each pixel: look-ups by instance number (after resampling: fewer pixels)
    if classes is None:
        chosen = scene.label_classes if labels is None else scene.label_classes[labels]
        classes = np.concatenate([[0], chosen]).astype(np.uint8)
    target = classes.take(instances)
    if not all_count:
        target[~counts] = IGNORE
    weight = None
    if label_weights is not None:
        lookup = np.concatenate([[1.0], label_weights if labels is None else label_weights[labels]])
        weight = lookup.astype(np.float32).take(instances)
    shift, scale = mean[:, None, None], std[:, None, None]
    if np.result_type(image, shift, scale) == np.float32:  # float32 statistics (loop.scene_scales)
        image -= shift
        image /= scale
    else:
        image = ((image - shift) / scale).astype(np.float32)
    if not all_valid:
        image[:, ~valid] = 0.0
    if centre is not None:
        # in 0..1 as it is (no clip needed): 1 − a Gaussian, resampled with float32 weights
        # 1 − w and w, which sum to at most 1 + 2**-25, so that a weighted sum rounds to ≤ 1
        boundary = centre
    elif boundary_width > 0:
        boundary = boundary_target(instances, boundary_kind, boundary_width)
    else:
        boundary = np.zeros((size, size), dtype=np.float32)
    if weight is None:
        weight = np.ones((size, size), dtype=np.float32)
    box = None
    if box_unit:
        box = box_distances(scene, instances, labels, row, col, read, size, box_unit)
    return Tile(image, target, boundary, weight, box)


def box_distances(
    scene: SceneInput,
    instances: np.ndarray,
    labels: Any,
    row: int,
    col: int,
    read: int,
    size: int,
    unit: float,
) -> np.ndarray:
    """The box head's target ``(4, size, size)`` float32: for each pixel of a tile inside a
    label, its distances to the left, top, right and bottom sides of that label's bounding box
    (in the scene's pixel frame, where it may reach beyond the tile), in tile pixels divided by
    ``unit``; 0 outside labels. The tile was read as the ``read`` × ``read`` window at
    ``(row, col)`` and resampled to ``size`` (``instances`` is at ``size``, numbered as
    :func:`make_tile` numbers them: label ``k − 1``, or ``labels[k − 1]`` when given)."""
    step = read / size  # scene pixels per tile pixel
    # each side relative to the tile, in tile pixels, a row per instance number: number 0 (no
    # label) gets sides that put every distance below 0, which the clip below makes 0
    sides = scene.label_pixel_boxes() - np.array([col, row, col, row], np.float64)[:, None]
    if labels is not None:
        sides = sides[:, np.asarray(labels, dtype=np.intp)]
    lookup = np.empty((4, sides.shape[1] + 1), np.float32)
    lookup[:, 0] = (np.inf, np.inf, -np.inf, -np.inf)
    lookup[:, 1:] = sides / step
    centres = np.arange(size, dtype=np.float32) + np.float32(0.5)
    out = np.empty((4, size, size), np.float32)
    for k in range(4):
        lookup[k].take(instances, out=out[k])
    out[0] -= centres[None, :]  # x − left, as −(left − x)
    out[1] -= centres[:, None]
    out[2] -= centres[None, :]
    out[3] -= centres[:, None]
    out[0:2] *= np.float32(-1.0 / unit)
    out[2:4] *= np.float32(1.0 / unit)
    np.maximum(out, 0.0, out=out)
    return out
