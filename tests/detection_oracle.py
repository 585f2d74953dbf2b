"""Test helpers for the detection engine: scenes whose truth a pointwise "oracle" can read.

The oracle stands in for a perfectly trained network so that tiling, blending, block
joins and vectorisation can be tested exactly: it classifies each pixel by its colour
(the colours of :mod:`synthdata`), and in count mode reads each object's rim from a 4th
band written from the truth. Pure black (the nodata value) reads as class 1, so a
missing nodata mask shows up as a large false detection.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import synthdata

COLOURS = np.array([synthdata.BACKGROUND, synthdata.CLASS_COLOURS[1], synthdata.CLASS_COLOURS[2]], np.float32)


def rim_of(instances: np.ndarray) -> np.ndarray:
    """Pixels of an object whose 4-neighbour (or the image edge) belongs to another instance."""
    rim = np.zeros(instances.shape, bool)
    pad = np.pad(instances, 1, mode="edge")
    centre = pad[1:-1, 1:-1]
    for dy, dx in ((0, 1), (2, 1), (1, 0), (1, 2)):
        rim |= pad[dy : dy + instances.shape[0], dx : dx + instances.shape[1]] != centre
    return rim & (instances > 0)


def write_oracle_scene(path: Path, size: int = 160, **scene_options) -> synthdata.SyntheticScene:
    """A synthdata scene plus a 4th band holding 255 on every object's rim."""
    import rasterio
    from rasterio.features import rasterize

    scene = synthdata.write_scene(Path(path).with_suffix(".rgb.tif"), size, **scene_options)
    instances = rasterize(
        [(o.geometry, o.id) for o in scene.objects],
        out_shape=(size, size),
        transform=scene.transform,
        dtype="int32",
    )
    with rasterio.open(scene.path) as src:
        profile = src.profile
        rgb = src.read()
    rim = (rim_of(instances) * 200 + 1).astype(np.uint8)[None]
    profile.update(count=4)
    with rasterio.open(path, "w", **profile) as dst:
        dst.write(np.concatenate([rgb, rim]))
    scene.path = Path(path)
    scene.bands = 4
    return scene


def oracle(batch: np.ndarray, mode: str = "count") -> np.ndarray:
    """Probabilities for a batch of raw (un-normalised) tiles: ``(B, 3|4, t, t)`` → ``(B, K, t, t)``."""
    rgb = batch[:, :3]
    dist = ((rgb[:, None] - COLOURS[None, :, :, None, None]) ** 2).sum(axis=2)  # (B, 3, t, t)
    logits = -dist / 500.0
    black = (rgb.max(axis=1) < 5)[:, None]
    logits = np.where(black, np.array([0.0, 50.0, 0.0], np.float32)[None, :, None, None], logits)
    logits -= logits.max(axis=1, keepdims=True)
    probs = np.exp(logits)
    probs /= probs.sum(axis=1, keepdims=True)
    if mode != "count":
        return probs.astype(np.float32)
    boundary = (batch[:, 3:4] > 100).astype(np.float32)
    return np.concatenate([probs, boundary], axis=1).astype(np.float32)
