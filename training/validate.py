"""Validation: predict the validation areas tile by tile and measure the result."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import torch

from .inputs import SceneInput, TrainingInputs
from .loss import segmentation_loss
from .metrics import class_iou, confusion, match_instances, precision_recall_f1, split_instances
from .tiles import IGNORE, SceneReader, boundary_target, rasterize_targets


def _region(scene: SceneInput, max_pixels: int) -> tuple[int, int, int, int]:
    """Pixel window (row, col, height, width) around the scene's validation areas, capped in size."""
    minx = min(a.bounds[0] for a in scene.val_areas)
    miny = min(a.bounds[1] for a in scene.val_areas)
    maxx = max(a.bounds[2] for a in scene.val_areas)
    maxy = max(a.bounds[3] for a in scene.val_areas)
    inv = ~scene.transform
    cols, rows = zip(
        *(inv * (x, y) for x, y in ((minx, miny), (maxx, maxy), (minx, maxy), (maxx, miny))), strict=True
    )
    r0, c0 = max(math.floor(min(rows)), 0), max(math.floor(min(cols)), 0)
    r1, c1 = min(math.ceil(max(rows)), scene.height), min(math.ceil(max(cols)), scene.width)
    h, w = max(r1 - r0, 1), max(c1 - c0, 1)
    if h * w > max_pixels:
        side = int(math.sqrt(max_pixels))
        h, w = min(h, side), min(w, side)
    return r0, c0, h, w


@torch.no_grad()
def predict_region(
    net: torch.nn.Module, image: np.ndarray, tile: int, device: torch.device, batch: int = 4
) -> np.ndarray:
    """Logits of a normalised image (bands, H, W) whose sides are multiples of ``tile``."""
    _, h, w = image.shape
    out: np.ndarray | None = None
    positions = [(r, c) for r in range(0, h, tile) for c in range(0, w, tile)]
    for i in range(0, len(positions), batch):
        chunk = positions[i : i + batch]
        x = torch.from_numpy(np.stack([image[:, r : r + tile, c : c + tile] for r, c in chunk])).to(device)
        with torch.autocast(device.type, enabled=device.type == "cuda"):
            logits = net(x).float().cpu().numpy()
        if out is None:
            out = np.zeros((logits.shape[1], h, w), dtype=np.float32)
        for (r, c), lg in zip(chunk, logits, strict=True):
            out[:, r : r + tile, c : c + tile] = lg
    assert out is not None
    return out


def validate(
    net: torch.nn.Module,
    inputs: TrainingInputs,
    reader: SceneReader,
    mean: np.ndarray,
    std: np.ndarray,
    tile: int,
    mode: str,
    device: torch.device,
    boundary_width: int = 1,
    max_pixels: int = 4_000_000,
    boundary_kind: str = "rim",
) -> dict[str, Any]:
    """Validation loss, per-class IoU and object precision/recall/F1 over the validation areas."""
    n = inputs.num_classes
    conf = np.zeros((n + 1, n + 1), dtype=np.int64)
    counts = {k: [0, 0, 0] for k in range(1, n + 1)}
    loss_sum, pixels = 0.0, 0
    was_training = net.training
    net.eval()
    try:
        for scene in inputs.scenes:
            if not scene.val_areas:
                continue
            r0, c0, h, w = _region(scene, max_pixels)
            hp, wp = math.ceil(h / tile) * tile, math.ceil(w / tile) * tile
            image, valid = reader.read(scene, inputs.bands, r0, c0, hp, wp)
            image = ((image - mean[:, None, None]) / std[:, None, None]).astype(np.float32)
            image[:, ~valid] = 0.0
            logits = predict_region(net, image, tile, device)[:, :h, :w]
            classes, instances, in_area = rasterize_targets(scene, scene.val_areas, r0, c0, h, w)
            counted = valid[:h, :w] & in_area
            if not counted.any():
                continue
            target = np.where(counted, classes, IGNORE).astype(np.uint8)
            rim = boundary_target(instances, boundary_kind, boundary_width) if mode == "count" else None
            loss = segmentation_loss(
                torch.from_numpy(logits[None]),
                torch.from_numpy(target[None]),
                None if rim is None else torch.from_numpy(rim[None]),
                n,
            )
            loss_sum += float(loss) * int(counted.sum())
            pixels += int(counted.sum())
            semantic = np.where(counted, logits[: n + 1].argmax(axis=0), 0)
            conf += confusion(semantic, classes, counted, n + 1)
            pred_rim = logits[n + 1] > 0 if mode == "count" else None
            truth_inst = np.where(counted, instances, 0)
            for k in range(1, n + 1):
                truth_k = np.where(classes == k, truth_inst, 0)
                pred_k = split_instances(semantic, pred_rim, k)
                tp, fp, fn = match_instances(truth_k, pred_k)
                counts[k][0] += tp
                counts[k][1] += fp
                counts[k][2] += fn
    finally:
        net.train(was_training)
    if pixels == 0:
        return {}
    ious = class_iou(conf)
    present = [v for v in ious.values() if v is not None]
    totals = [sum(c[i] for c in counts.values()) for i in range(3)]
    return {
        "val_loss": loss_sum / pixels,
        "iou": {str(k): v for k, v in ious.items()},
        "mean_iou": float(np.mean(present)) if present else None,
        **precision_recall_f1(*totals),
        "objects": {str(k): precision_recall_f1(*c) for k, c in counts.items()},
        "validation_pixels": pixels,
    }
