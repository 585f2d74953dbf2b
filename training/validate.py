"""Validation: predict the validation areas, find objects as detection does, measure, calibrate.

The validation areas are predicted as detection predicts a raster (tiles on its grid with
its overlap, blended with its window, the scene around them as context), and objects are
found with :func:`orca_huntr.detection.vectorize.label_block` and
:func:`~orca_huntr.detection.vectorize.kept_objects`, the very
steps detection runs (thresholds, cores, growing, sliver and size filters), so a
snapshot's object F1 is what detection will give with its settings. The final
validation of a run also *calibrates* those settings: it tries a small grid of score
thresholds, boundary thresholds (count mode) and minimum sizes (derived from the
labels) and keeps the best; the snapshot records them and detection uses them unless
the user overrides them. Where the labels are boxes (``SceneInput.box_labels``: how
DeepForest and NEON draw crowns) objects are compared by their bounding boxes, as
``benchmarks/eval_trees.py`` and DeepForest score them; else by their pixels. A count model
with a box head is then validated with the boxes its head predicts (whole labels' boxes for
the truth: the head predicts an object's whole box, also where the validation area cuts it),
the boxes detection writes for such a model (the snapshot records ``geometry: "box"``).
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from typing import Any

import numpy as np
import torch

from ..detection.infer import mirror_average
from ..detection.options import DetectOptions
from ..detection.stitch import BlockBuffer, Stitcher
from ..detection.suppress import overlap_limit, suppress_boxes
from ..detection.tiling import TileGrid
from ..detection.vectorize import grow_steps_for, kept_objects, label_block, thin_cores_for
from .inputs import SceneInput, TrainingInputs
from .loss import box_pixels, box_unit, segmentation_loss
from .metrics import (
    OBJECT_IOU,
    box_iou,
    class_iou,
    confusion,
    greedy_matches,
    instance_box_iou,
    instance_iou,
    precision_recall_f1,
)
from .network import BOX_CHANNELS
from .tiles import CENTRE_SIGMA, IGNORE, SceneReader, rasterize_targets, window_boundary, window_bounds

DEFAULTS: dict[str, Any] = {
    "score_threshold": 0.5,
    "boundary_threshold": 0.5,
    "min_pixels": 4,
    "marker_window": 0,
}
SCORE_THRESHOLDS = (0.4, 0.5, 0.6)
BOUNDARY_THRESHOLDS = {"centre": (0.3, 0.5, 0.7), "distance": (0.3, 0.5, 0.7), "rim": (0.3, 0.5, 0.7)}
# and the boundary probabilities found at these shares of the class's pixels: a network early in
# training predicts edge-ness in a narrow band (say 0.75-0.9), where fixed steps are too coarse
BOUNDARY_QUANTILES = (0.05, 0.1, 0.15, 0.2, 0.25, 0.3, 0.4, 0.5)
MARKER_SHARES = (0.4, 0.6, 0.8)  # count mode: marker windows, as shares of the labels' median size
MIN_SIZE_SHARES = (0.25, 0.5, 0.75)  # of the smallest label's area (never below a quarter of it)
# count mode: settings whose smoothed score is within this share of the best are as good as it
# (a validation strip holds a few dozen objects); among them the count decides
PLATEAU = 0.03
# count mode: pixels of the training areas (a window about their centre, shared among the
# scenes) predicted and added to the validation areas when the settings are calibrated. 38
# validation trees leave the count to chance: on 11 stored snapshots of the demo scene the
# settings they chose counted 0.85-1.09 of the held-back third's trees, with a window of the
# training areas (165 trees in all) 0.91-1.07, at a held-back F1 of 0.601 against 0.595 (README,
# *Ablation*, *Calibration on the training areas too*). The card's scores stay the validation
# areas' alone.
CALIBRATION_PIXELS = 1_500_000


def _region(
    scene: SceneInput, max_pixels: int, areas: list[Any] | None = None, centred: bool = False
) -> tuple[int, int, int, int]:
    """Pixel window (row, col, height, width) around ``areas`` (the scene's validation areas
    by default), capped at ``max_pixels``: a square at the top-left corner, or with
    ``centred`` the window's own shape shrunk about its centre."""
    areas = scene.val_areas if areas is None else areas
    minx = min(a.bounds[0] for a in areas)
    miny = min(a.bounds[1] for a in areas)
    maxx = max(a.bounds[2] for a in areas)
    maxy = max(a.bounds[3] for a in areas)
    inv = ~scene.transform
    cols, rows = zip(
        *(inv * (x, y) for x, y in ((minx, miny), (maxx, maxy), (minx, maxy), (maxx, miny))), strict=True
    )
    r0, c0 = max(math.floor(min(rows)), 0), max(math.floor(min(cols)), 0)
    r1, c1 = min(math.ceil(max(rows)), scene.height), min(math.ceil(max(cols)), scene.width)
    h, w = max(r1 - r0, 1), max(c1 - c0, 1)
    if h * w > max_pixels and centred:
        shrink = math.sqrt(max_pixels / (h * w))
        nh, nw = max(int(h * shrink), 1), max(int(w * shrink), 1)
        return r0 + (h - nh) // 2, c0 + (w - nw) // 2, nh, nw
    if h * w > max_pixels:
        side = int(math.sqrt(max_pixels))
        h, w = min(h, side), min(w, side)
    return r0, c0, h, w


@torch.no_grad()
def predict_region(
    net: torch.nn.Module,
    image: np.ndarray,
    tile: int,
    device: torch.device,
    num_classes: int,
    mode: str,
    batch: int = 4,
    boxes: bool = False,
    flip: bool = False,
) -> tuple[np.ndarray, np.ndarray]:
    """Logits and probabilities of a normalised image ``(bands, H, W)``, predicted as detection
    predicts a raster: tiles on detection's grid (``DetectOptions``' default overlap, the
    last tile moved back onto the edge), blended by detection's ``stitch.Stitcher``. Returns
    ``(logits, probabilities)``: the logits blended the same way (for the loss), the
    probabilities as :func:`probabilities` orders them; with ``boxes`` (a count network with a
    box head) followed by the head's four distances in pixels, as detection blends them.
    With ``flip`` the logits are averaged over each tile and its mirror images, by detection's
    flip averaging (``detection.infer.mirror_average``)."""
    _, h, w = image.shape
    if h < tile or w < tile:  # smaller than one tile: padded, as detection pads a small raster
        padded = np.zeros((image.shape[0], max(h, tile), max(w, tile)), np.float32)
        padded[:, :h, :w] = image
        logits, probs = predict_region(net, padded, tile, device, num_classes, mode, batch, boxes, flip)
        return logits[:, :h, :w], probs[:, :h, :w]
    contract = num_classes + 1 + (mode == "count")  # the logits' channels, box head aside
    unit = box_unit(tile) if boxes else None
    grid = TileGrid(h, w, tile, DetectOptions().overlap_pixels(tile), h + w)
    ((_, _, rows, cols),) = grid.blocks()  # one block: the whole region
    stitched: list[tuple[Stitcher, BlockBuffer]] = []  # logits, then probabilities

    def run(inp: torch.Tensor) -> torch.Tensor:
        return net(inp, boxes=True) if boxes else net(inp)

    positions = [(r, c) for r in grid.rows for c in grid.cols]  # raster order, as the stitcher wants
    for i in range(0, len(positions), batch):
        chunk = positions[i : i + batch]
        x = torch.from_numpy(np.stack([image[:, r : r + tile, c : c + tile] for r, c in chunk])).to(device)
        with torch.autocast(device.type, enabled=device.type == "cuda"):
            out = mirror_average(run, x, BOX_CHANNELS if boxes else 0) if flip else run(x)
            logits = out.float().cpu().numpy()
        if not stitched:
            for channels in (contract, num_classes + (mode == "count") + (BOX_CHANNELS if boxes else 0)):
                stitcher = Stitcher(grid, channels)
                stitched.append((stitcher, stitcher.begin(0, 0, rows, cols)))
        for (r, c), lg in zip(chunk, logits, strict=True):
            # both taken before either is added (add weighs its array in place)
            tiles = (lg[:contract], probabilities(lg, num_classes, mode, unit))
            for values, (stitcher, buf) in zip(tiles, stitched, strict=True):
                buf.add(r, c, values, stitcher.window)
    (logits_out, _), (probs_out, _) = (stitcher.finish(buf) for stitcher, buf in stitched)
    return logits_out, probs_out


def probabilities(
    logits: np.ndarray, num_classes: int, mode: str, box_unit: float | None = None
) -> np.ndarray:
    """What detection blends, from logits: class 1..C probabilities (softmax), then the
    boundary's (sigmoid) in count mode, then with ``box_unit`` the box head's four distances
    (softplus × ``box_unit`` pixels, as ``detection.infer.Predictor`` gives them)."""
    t = torch.from_numpy(logits)
    classes = torch.softmax(t[: num_classes + 1], dim=0)[1:]
    parts = [classes]
    if mode == "count" and logits.shape[0] > num_classes + 1:
        parts.append(torch.sigmoid(t[num_classes + 1 : num_classes + 2]))
    if box_unit and mode == "count" and logits.shape[0] >= num_classes + 2 + BOX_CHANNELS:
        parts.append(box_pixels(t[num_classes + 2 : num_classes + 2 + BOX_CHANNELS], box_unit))
    return torch.cat(parts).numpy()


def has_box_head(net: torch.nn.Module) -> bool:
    """Whether ``net`` (or the module a DDP wrapper holds) has a box head (``NetworkSpec.boxes``)."""
    inner = getattr(net, "module", net)
    return getattr(inner, "box_head", None) is not None


@dataclass
class _Region:
    """One scene's validation region: probabilities and the truth."""

    probs: np.ndarray
    counted: np.ndarray
    classes: np.ndarray
    instances: np.ndarray
    boxes: bool = False  # the scene's labels are boxes: objects are matched by their bounding boxes
    # with box labels: each truth instance's whole label box (n + 1, 4), region pixels; the truth's
    # boxes where objects are boxed by the box head (which predicts an object's whole box)
    truth_boxes: np.ndarray | None = None


def truth_boxes(scene: SceneInput, window: tuple[int, int, int, int]) -> np.ndarray:
    """``(n + 1, 4)``: the whole box (col0, row0, col1, row1, the window's pixels) of each
    instance :func:`rasterize_targets` numbers in ``window`` (row, col, height, width); row 0
    for no instance."""
    r0, c0, h, w = window
    idx = scene.labels_in(window_bounds(scene, r0, c0, h, w))
    out = np.zeros((len(idx) + 1, 4), np.float64)
    if idx:
        out[1:] = (scene.label_pixel_boxes()[:, idx] - np.array([c0, r0, c0, r0], np.float64)[:, None]).T
    return out


def label_geometry(inputs: TrainingInputs) -> str:
    """What detection writes for a count model trained on ``inputs`` (``DetectOptions.geometry``):
    ``"box"`` where every scene's labels are boxes (``SceneInput.box_labels``), else ``"outline"``
    (segmentation models write their areas: always ``"outline"``)."""
    labelled = [s for s in inputs.scenes if len(s.labels)]
    return "box" if labelled and all(s.box_labels for s in labelled) else "outline"


def _region_of(
    scene: SceneInput, window: tuple[int, int, int, int], probs: np.ndarray, counted: np.ndarray,
    classes: np.ndarray, instances: np.ndarray, written: str,
) -> _Region:  # fmt: skip
    """The region's truth; with ``written`` "box" (what detection writes for the model,
    :func:`label_geometry`) each label's whole box, against which the head's boxes are scored."""
    boxed = scene.box_labels
    whole = truth_boxes(scene, window) if boxed and written == "box" else None
    return _Region(probs, counted, classes, instances, boxed, whole)


def min_size_candidates(inputs: TrainingInputs) -> list[int]:
    """Minimum object sizes (pixels) to try: shares of the smallest label's area, at least 9 (3×3)."""
    areas = [g.area / s.pixel_area for s in inputs.scenes for g in s.labels]
    if not areas:
        return [int(DEFAULTS["min_pixels"])]
    smallest = max(min(areas), 1.0)
    return sorted({max(9, round(share * smallest)) for share in MIN_SIZE_SHARES})


def _blocks(
    regions: list[_Region],
    n: int,
    mode: str,
    score: float,
    boundary: float,
    target: str | None,
    marker: int = 0,
) -> list[Any]:
    """Each region labelled as detection labels a block of a model with boundary ``target``
    (:func:`label_block`, growth and thin-core rule as in ``detect``)."""
    target = target if mode == "count" else None
    args = (n, mode, score, boundary, grow_steps_for(target), marker, thin_cores_for(target))
    return [
        label_block(reg.probs, np.ones(reg.counted.shape, np.float32), reg.counted, *args) for reg in regions
    ]


def marker_candidates(inputs: TrainingInputs, boundary_kind: str | None = None) -> list[int]:
    """Marker windows to try: odd shares of the labels' median side, and 0 (cores by threshold
    alone) unless the boundary is the centre target. That target puts one low point at every
    label's centre, and how low the network draws it varies from one raster to the next (a
    blur, another flight): a marker (the lowest point of its window) finds it whatever its
    depth, a fixed threshold does not. (On six snapshots of the demo scene the calibration
    picked threshold cores once, and there the held-back F1 was 0.507 against 0.577 with
    markers.)"""
    sides = sorted(math.sqrt(g.area / s.pixel_area) for s in inputs.scenes for g in s.labels)
    if not sides:
        return [0]
    median = sides[len(sides) // 2]
    windows = sorted({max(3, 2 * round(share * median / 2) + 1) for share in MARKER_SHARES})
    return windows if boundary_kind == "centre" else [0, *windows]


def box_overlap_limit(inputs: TrainingInputs) -> float:
    """The snapshot's ``max_box_overlap`` (``DetectOptions``): the IoU above which two of the
    head's boxes are one object, from the labels' own overlaps (:func:`overlap_limit`)."""
    return overlap_limit([(s.label_pixel_boxes().T, s.label_classes) for s in inputs.scenes if len(s.labels)])


def _head_boxes(
    block: Any, labels: np.ndarray, label_class: np.ndarray, max_iou: float
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """``(labels, ids, boxes)``: the kept objects' head boxes (:meth:`BlockLabels.boxes`, once
    per region), less those detection suppresses above ``max_iou`` (:func:`suppress_boxes`, as
    ``detection.suppress.BoxSuppressor`` does over a raster), and ``labels`` without them."""
    ids = np.unique(labels[labels > 0])
    boxes = block.boxes(ids, labels)
    if max_iou >= 1.0 or ids.size < 2:
        return labels, ids, boxes
    scores = block.prob_sums[ids] / np.maximum(block.counts[ids], 1)
    keep = suppress_boxes(boxes, scores, max_iou, label_class[ids])
    if keep.all():
        return labels, ids, boxes
    drop = np.zeros(len(label_class), bool)
    drop[ids[~keep]] = True
    return np.where(drop[labels], 0, labels), ids[keep], boxes[keep]


def _score(
    regions: list[_Region], blocks: list[Any], n: int, min_pixels: int, max_box_overlap: float = 1.0
) -> dict[str, Any]:
    """Object counts and the confusion matrix of the objects detection keeps from ``blocks``
    (where it writes the head's boxes, after their suppression above ``max_box_overlap``)."""
    conf = np.zeros((n + 1, n + 1), dtype=np.int64)
    counts = {k: [0, 0, 0] for k in range(1, n + 1)}
    matched_iou = 0.0
    for reg, block in zip(regions, blocks, strict=True):
        labels, label_class = kept_objects(block, min_pixels)
        # the boxes detection writes for a model with a box head, against whole label boxes
        truth_boxes = reg.truth_boxes if block.box_sums is not None else None
        if truth_boxes is not None:
            labels, ids, boxes = _head_boxes(block, labels, label_class, max_box_overlap)
        semantic = np.where(labels > 0, label_class[labels], 0)
        conf += confusion(semantic, reg.classes, reg.counted, n + 1)
        truth_inst = np.where(reg.counted, reg.instances, 0)
        for k in range(1, n + 1):
            truth_k = np.where(reg.classes == k, truth_inst, 0)
            if truth_boxes is not None:
                truth_ids = np.unique(truth_k[truth_k > 0])
                iou = box_iou(truth_boxes[truth_ids], boxes[label_class[ids] == k])
            else:
                pred_k = np.where(semantic == k, labels, 0)
                iou = (instance_box_iou if reg.boxes else instance_iou)(truth_k, pred_k)
            matched = greedy_matches(iou, OBJECT_IOU)
            matched_iou += float(matched.sum())
            tp = len(matched)
            fp, fn = iou.shape[1] - tp, iou.shape[0] - tp
            for i, v in enumerate((tp, fp, fn)):
                counts[k][i] += v
    ious = class_iou(conf)
    present = [v for v in ious.values() if v is not None]
    totals = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {
        # the mean IoU of the objects matched; times F1, the panoptic quality (Kirillov et al. 2019)
        "matched_iou": matched_iou / totals[0] if totals[0] else 0.0,
        "iou": {str(k): v for k, v in ious.items()},
        "mean_iou": float(np.mean(present)) if present else None,
        **precision_recall_f1(*totals),
        "objects": {str(k): precision_recall_f1(*c) for k, c in counts.items()},
    }


def _count_error(scores: dict[str, Any]) -> float:
    """How far the number of objects found is from the truth's, as a share of the truth's
    (rounded to 0.001: equal counts tie)."""
    found, truth = scores["tp"] + scores["fp"], scores["tp"] + scores["fn"]
    return round(abs(found - truth) / max(truth, 1), 3)


def boundary_candidates(regions: list[_Region], n: int, fixed: tuple[float, ...]) -> tuple[float, ...]:
    """Boundary thresholds to try: the fixed grid and the quantiles :data:`BOUNDARY_QUANTILES` of
    the predicted boundary on the pixels some class wins (rounded to 0.005, within 0.05..0.95)."""
    values = [
        reg.probs[n][reg.counted & (reg.probs[:n].max(axis=0) >= min(SCORE_THRESHOLDS))] for reg in regions
    ]
    pooled = np.concatenate([v.ravel() for v in values]) if values else np.zeros(0)
    found = np.quantile(pooled, BOUNDARY_QUANTILES) if pooled.size else np.zeros(0)
    found = np.clip(np.round(found / 0.005) * 0.005, 0.05, 0.95)
    return tuple(sorted({round(float(v), 3) for v in (*fixed, *found)}))


def calibrate(
    regions: list[_Region],
    n: int,
    mode: str,
    boundary_kind: str | None,
    min_sizes: list[int],
    markers: list[int] | None = None,
    max_box_overlap: float = 1.0,
) -> tuple[dict[str, Any], dict[str, Any], int]:
    """The detection settings that score best on ``regions``: ``(settings, their scores, tried)``.

    Count mode maximises the panoptic quality (object F1 times the mean IoU of the objects
    matched: found, and outlined well; with box labels the IoU of their boxes),
    segmentation mode the mean IoU, each averaged over the
    setting's neighbours on every axis of the grid (so that a lucky spike on few objects
    does not win: a broad plateau does);
    in count mode, of the settings within :data:`PLATEAU` of the best, those whose number of
    objects is nearest the truth's; ties go to the better score itself, then to the better
    pixel IoU of the objects kept, then to a score threshold near 0.5 and the smallest
    minimum size. Every setting is scored after the suppression of the head's boxes above
    ``max_box_overlap`` (fixed: it comes from the labels, :func:`box_overlap_limit`).
    """
    boundaries: tuple[float, ...] = (0.5,)
    if mode == "count":
        boundaries = boundary_candidates(regions, n, BOUNDARY_THRESHOLDS.get(boundary_kind or "rim", (0.5,)))
    windows = (markers or [0]) if mode == "count" else [0]
    results: dict[tuple[float, float, int, int], dict[str, Any]] = {}
    for s, b, w in itertools.product(SCORE_THRESHOLDS, boundaries, windows):
        blocks = _blocks(regions, n, mode, s, b, boundary_kind, w)
        for m in min_sizes:
            results[s, b, w, m] = _score(regions, blocks, n, m, max_box_overlap)

    def gain(key: tuple[float, float, int, int]) -> float:
        scores = results[key]
        if mode == "count":  # the panoptic quality (Kirillov et al. 2019)
            return float(scores["f1"]) * float(scores["matched_iou"])
        return float(scores["mean_iou"] or 0.0)

    axes = (SCORE_THRESHOLDS, boundaries, windows, min_sizes)

    def smoothed(key: tuple[float, float, int, int]) -> float:
        # a validation area holds few objects and the grid has hundreds of settings: prefer a
        # setting whose neighbours on every axis score well too over a lucky spike
        spans: list[list[Any]] = []
        for axis, value in zip(axes, key, strict=True):
            i = list(axis).index(value)
            spans.append(list(axis)[max(i - 1, 0) : i + 2])
        near = list(itertools.product(*spans))
        return sum(gain(k) for k in near) / len(near)

    def overlap(key: tuple[float, float, int, int]) -> float:
        return float(results[key]["mean_iou"] or 0.0)

    near = {k: smoothed(k) for k in results}

    def rank(k: tuple[float, float, int, int]) -> tuple[float, ...]:
        # where no object is matched (a strip too narrow for whole objects) the pixels still
        # tell which settings find the objects: the mean IoU breaks the tie, not the grid's order
        return (round(near[k], 6), round(gain(k), 6), round(overlap(k), 6), -abs(k[0] - 0.5), -k[3])

    candidates = list(results)
    top = max(near.values())
    if mode == "count" and top > 0:
        # the score is flat near its top, and which of those settings wins is chance on a few
        # dozen objects; of the settings within PLATEAU of the best, take the one that counts
        # the validation's objects best (a count is what a user reads off first)
        errors = {k: _count_error(results[k]) for k in candidates if near[k] >= (1.0 - PLATEAU) * top}
        miss = min(errors.values())
        candidates = [k for k, e in errors.items() if e == miss]
    best = max(candidates, key=rank)
    s, b, w, m = best
    settings = {"score_threshold": s, "boundary_threshold": b, "marker_window": w, "min_pixels": m}
    return settings, results[best], len(results)


def _predict_areas(
    net: torch.nn.Module,
    scene: SceneInput,
    areas: list[Any],
    window: tuple[int, int, int, int],
    reader: SceneReader,
    bands: list[int],
    scale: tuple[np.ndarray, np.ndarray],
    tile: int,
    mode: str,
    device: torch.device,
    num_classes: int,
    flip: bool = False,
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray] | None:
    """``(logits, probabilities, counted, classes, instances)`` of ``window`` (row, col,
    height, width) of ``scene``, predicted as detection predicts a raster (the scene around
    the window as context; with the box head's distances where ``net`` has one, in count
    mode); ``counted``: the valid pixels inside ``areas``. None where no pixel is counted."""
    r0, c0, h, w = window
    mean, std = scale
    m = tile // 2
    image, valid = reader.read(scene, bands, r0 - m, c0 - m, h + 2 * m, w + 2 * m)
    image = ((image - mean[:, None, None]) / std[:, None, None]).astype(np.float32)
    image[:, ~valid] = 0.0
    boxes = mode == "count" and has_box_head(net)
    logits, probs = predict_region(net, image, tile, device, num_classes, mode, boxes=boxes, flip=flip)
    logits, probs = logits[:, m : m + h, m : m + w], probs[:, m : m + h, m : m + w]
    classes, instances, in_area = rasterize_targets(scene, areas, r0, c0, h, w)
    counted = valid[m : m + h, m : m + w] & in_area
    if not counted.any():
        return None
    return logits, probs, counted, classes, instances


def validate(
    net: torch.nn.Module,
    inputs: TrainingInputs,
    reader: SceneReader,
    scales: list[tuple[np.ndarray, np.ndarray]],
    tile: int,
    mode: str,
    device: torch.device,
    boundary_width: int = 1,
    max_pixels: int = 4_000_000,
    boundary_kind: str | None = "rim",
    settings: dict[str, Any] | None = None,
    centre_spread: float = CENTRE_SIGMA,
    jaccard_weight: float = 0.0,
    calibration_pixels: int = CALIBRATION_PIXELS,
    flip: bool = False,
) -> dict[str, Any]:
    """Validation loss, per-class IoU and object precision/recall/F1 over the validation areas.

    ``scales`` are each scene's ``(mean, std)``. With ``settings`` (score/boundary
    thresholds, minimum size) the objects are found with them; without, the settings
    are calibrated here and returned under ``"detection"``: in count mode on the validation
    areas and up to ``calibration_pixels`` of the training areas (:data:`CALIBRATION_PIXELS`),
    in segmentation mode on the validation areas. The scores returned are the validation
    areas' alone, with the settings used. ``centre_spread``: the centre
    target's σ (its validation loss is measured against the target the model learns).
    The loss is the training loss (:func:`segmentation_loss` with ``jaccard_weight``, as
    ``loss.jaccard_weight_for`` gives it), with every pixel weighing 1; a region's soft IoU
    is taken over the region as training takes it over a batch. With ``flip`` the network is
    averaged over each tile and its mirror images, as detection's flip test-time augmentation
    averages it; the calibrated settings then record ``flip_tta`` True, and detection follows.
    """
    n = inputs.num_classes
    written = label_geometry(inputs) if mode == "count" else "outline"  # what detection will write
    # the head's boxes overlapping more than the labels do are one object: detection keeps one
    boxed = written == "box" and has_box_head(net)
    limit = box_overlap_limit(inputs) if boxed else 1.0
    loss_sum, pixels = 0.0, 0
    regions: list[_Region] = []
    extra_regions: list[_Region] = []  # of the training areas, for the calibration only
    was_training = net.training
    net.eval()
    try:
        for scene, scale in zip(inputs.scenes, scales, strict=True):
            if not scene.val_areas:
                continue
            window = _region(scene, max_pixels)
            found = _predict_areas(
                net, scene, scene.val_areas, window, reader, inputs.bands, scale, tile, mode, device, n, flip
            )
            if found is None:
                continue
            logits, probs, counted, classes, instances = found
            r0, c0, _, _ = window
            target = np.where(counted, classes, IGNORE).astype(np.uint8)
            rim = (
                window_boundary(
                    scene,
                    instances,
                    boundary_kind or "rim",
                    boundary_width,
                    r0,
                    c0,
                    scene.val_areas,
                    centre_spread,
                )
                if mode == "count"
                else None
            )
            loss = segmentation_loss(
                torch.from_numpy(np.ascontiguousarray(logits)[None]),
                torch.from_numpy(target[None]),
                None if rim is None else torch.from_numpy(rim[None]),
                n,
                jaccard_weight=jaccard_weight,
            )
            loss_sum += float(loss) * int(counted.sum())
            pixels += int(counted.sum())
            regions.append(_region_of(scene, window, probs, counted, classes, instances, written))
        has_truth = any(reg.instances[reg.counted].any() for reg in regions)
        if settings is None and has_truth and mode == "count" and calibration_pixels > 0:
            trained = [(s, sc) for s, sc in zip(inputs.scenes, scales, strict=True) if s.train_areas]
            for scene, scale in trained:
                window = _region(scene, calibration_pixels // len(trained), scene.train_areas, centred=True)
                found = _predict_areas(
                    net, scene, scene.train_areas, window, reader, inputs.bands, scale, tile, mode, device, n,
                    flip,
                )  # fmt: skip
                if found is not None:
                    _, probs, counted, classes, instances = found
                    region = _region_of(scene, window, probs, counted, classes, instances, written)
                    extra_regions.append(region)
    finally:
        net.train(was_training)
    if pixels == 0:
        return {}
    extra: dict[str, Any] = {}
    if settings is None and not has_truth:
        settings = dict(DEFAULTS)  # no object to calibrate on: nothing is recorded, detection keeps its own
    elif settings is None:
        sizes, windows = min_size_candidates(inputs), marker_candidates(inputs, boundary_kind)
        settings, _, tried = calibrate(regions + extra_regions, n, mode, boundary_kind, sizes, windows, limit)
        if boxed:
            settings["max_box_overlap"] = limit
        extra["detection"] = {
            **settings,
            "calibrated_on": "validation+training" if extra_regions else "validation",
            "geometry": written,
            "flip_tta": bool(flip),  # detection averages the mirror images as this validation did
            "candidates": tried,
        }
    marker = int(settings.get("marker_window") or 0)
    blocks = _blocks(
        regions,
        n,
        mode,
        settings["score_threshold"],
        settings["boundary_threshold"],
        boundary_kind,
        marker,
    )
    scores = _score(regions, blocks, n, settings["min_pixels"], float(settings.get("max_box_overlap", limit)))
    return {"val_loss": loss_sum / pixels, **scores, "validation_pixels": pixels, **extra}
