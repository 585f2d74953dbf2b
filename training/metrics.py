"""Accuracy measures: per-class IoU and object-level precision/recall/F1 (IoU ≥ 0.4 matching)."""

from __future__ import annotations

import numpy as np

from ..deps import require

OBJECT_IOU = 0.4


def confusion(pred: np.ndarray, truth: np.ndarray, valid: np.ndarray, n: int) -> np.ndarray:
    """``n``×``n`` confusion matrix (rows truth, columns prediction) over ``valid`` pixels."""
    t = truth[valid].astype(np.int64)
    p = pred[valid].astype(np.int64)
    return np.bincount(t * n + p, minlength=n * n).reshape(n, n)


def class_iou(conf: np.ndarray) -> dict[int, float | None]:
    """IoU of every class ``1..n-1`` (None when the class is neither present nor predicted)."""
    out: dict[int, float | None] = {}
    for k in range(1, conf.shape[0]):
        inter = conf[k, k]
        union = conf[k, :].sum() + conf[:, k].sum() - inter
        out[k] = float(inter / union) if union else None
    return out


def split_instances(semantic: np.ndarray, boundary: np.ndarray | None, class_id: int) -> np.ndarray:
    """Instances of ``class_id``: connected parts once boundary pixels are removed, grown back.

    Without a boundary map (segmentation mode) the instances are the connected parts.
    Returns int32 labels (0 = none).
    """
    ndimage = require("scipy.ndimage")
    mask = semantic == class_id
    if not mask.any():
        return np.zeros(mask.shape, dtype=np.int32)
    core = mask & ~boundary.astype(bool) if boundary is not None else mask
    labels, n = ndimage.label(core)
    if n == 0:  # only rim pixels: keep the connected parts
        return ndimage.label(mask)[0].astype(np.int32)
    if boundary is None:
        return labels.astype(np.int32)
    # give each rim pixel of the class to its nearest core
    _, (iy, ix) = ndimage.distance_transform_edt(labels == 0, return_indices=True)
    grown = labels[iy, ix]
    return np.where(mask, grown, 0).astype(np.int32)


def instance_iou(truth: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """Pixel IoU matrix (truth × prediction) of two instance maps, over their ids > 0 in
    ascending order (absent ids have no row or column)."""
    t_ids = np.unique(truth[truth > 0])
    p_ids = np.unique(pred[pred > 0])
    if len(t_ids) == 0 or len(p_ids) == 0:
        return np.zeros((len(t_ids), len(p_ids)))
    t_index = np.zeros(truth.max() + 1, dtype=np.int64)
    t_index[t_ids] = np.arange(1, len(t_ids) + 1)
    p_index = np.zeros(pred.max() + 1, dtype=np.int64)
    p_index[p_ids] = np.arange(1, len(p_ids) + 1)
    ti, pi = t_index[truth], p_index[pred]
    nt, npr = len(t_ids) + 1, len(p_ids) + 1
    inter = np.bincount((ti * npr + pi).ravel(), minlength=nt * npr).reshape(nt, npr)
    t_area = inter.sum(axis=1)
    p_area = inter.sum(axis=0)
    inter = inter[1:, 1:]
    union = t_area[1:, None] + p_area[None, 1:] - inter
    return np.where(union > 0, inter / np.maximum(union, 1), 0.0)


def greedy_matches(iou: np.ndarray, threshold: float) -> np.ndarray:
    """The IoUs of the pairs matched one to one from a (truth × prediction) IoU matrix, best
    IoU first, keeping pairs at IoU ≥ ``threshold`` (ties in row-major order)."""
    pairs = np.argwhere(iou >= threshold)
    order = np.argsort(-iou[pairs[:, 0], pairs[:, 1]], kind="stable")
    used_t: set[int] = set()
    used_p: set[int] = set()
    matched = []
    for k in order:
        a, b = int(pairs[k, 0]), int(pairs[k, 1])
        if a in used_t or b in used_p:
            continue
        used_t.add(a)
        used_p.add(b)
        matched.append(iou[a, b])
    return np.asarray(matched, dtype=np.float64)


def greedy_match_count(iou: np.ndarray, threshold: float) -> int:
    """How many pairs :func:`greedy_matches` matches."""
    return len(greedy_matches(iou, threshold))


def match_instances(
    truth: np.ndarray, pred: np.ndarray, threshold: float = OBJECT_IOU
) -> tuple[int, int, int]:
    """Greedy one-to-one matching of instance maps at IoU ≥ ``threshold``: (tp, fp, fn)."""
    iou = instance_iou(truth, pred)
    tp = greedy_match_count(iou, threshold)
    return tp, iou.shape[1] - tp, iou.shape[0] - tp


def precision_recall_f1(tp: int, fp: int, fn: int) -> dict[str, float]:
    """Object precision, recall and F1 from match counts (0 when undefined)."""
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f1 = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": p, "recall": r, "f1": f1, "tp": tp, "fp": fp, "fn": fn}


def box_iou(truth: np.ndarray, found: np.ndarray) -> np.ndarray:
    """IoU matrix (truth × found) of two arrays of axis-aligned boxes ``(minx, miny, maxx, maxy)``."""
    t, f = truth[:, None, :], found[None, :, :]
    w = np.clip(np.minimum(t[..., 2], f[..., 2]) - np.maximum(t[..., 0], f[..., 0]), 0, None)
    h = np.clip(np.minimum(t[..., 3], f[..., 3]) - np.maximum(t[..., 1], f[..., 1]), 0, None)
    inter = w * h

    def area(b: np.ndarray) -> np.ndarray:
        return (b[..., 2] - b[..., 0]) * (b[..., 3] - b[..., 1])

    return inter / np.maximum(area(t) + area(f) - inter, 1e-12)


def match_boxes(truth: list, found: list, threshold: float = OBJECT_IOU) -> tuple[int, int, int]:
    """Greedy one-to-one matching of the bounding boxes of two lists of shapely geometries at
    IoU ≥ ``threshold`` (how DeepForest scores crowns): ``(tp, fp, fn)``."""
    if not truth or not found:
        return 0, len(found), len(truth)
    iou = box_iou(np.array([g.bounds for g in truth]), np.array([g.bounds for g in found]))
    tp = greedy_match_count(iou, threshold)
    return tp, len(found) - tp, len(truth) - tp


def instance_boxes(labels: np.ndarray) -> np.ndarray:
    """Pixel bounding boxes ``(col0, row0, col1, row1)`` of the instances of a label map, in
    the order of their ids (0 = none; absent ids have no row)."""
    ndimage = require("scipy.ndimage")
    slices = ndimage.find_objects(labels)
    rows = [(s[1].start, s[0].start, s[1].stop, s[0].stop) for s in slices if s is not None]
    return np.array(rows, dtype=np.float64).reshape(-1, 4)


def instance_box_iou(truth: np.ndarray, pred: np.ndarray) -> np.ndarray:
    """:func:`instance_iou` of the instance maps' bounding boxes: how objects are compared with
    box labels (as :func:`match_boxes` scores detections against boxes)."""
    return box_iou(instance_boxes(truth), instance_boxes(pred))
