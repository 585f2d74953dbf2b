"""Simple geometric and radiometric augmentations of one tile (numpy, seeded by the caller)."""

from __future__ import annotations

import functools

import numpy as np

from .tiles import Tile


@functools.cache
def _noise(shape: tuple[int, ...], count: int = 8) -> np.ndarray:
    """A small bank of Gaussian noise images (σ 0.03), drawn once: cheaper than fresh noise per tile."""
    return 0.03 * np.random.default_rng(12345).standard_normal(size=(count, *shape), dtype=np.float32)


def augment(tile: Tile, rng: np.random.Generator) -> Tile:
    """A randomly rotated/flipped tile with jittered gain, offset and a little noise.

    Geometric changes are applied identically to the image and both targets; the
    radiometric ones act on the normalised image only.
    """
    k = int(rng.integers(4))
    flip = bool(rng.integers(2))
    image, target, boundary = tile.image, tile.target, tile.boundary
    if k:
        image = np.rot90(image, k, axes=(1, 2))
        target = np.rot90(target, k)
        boundary = np.rot90(boundary, k)
    if flip:
        image = image[:, :, ::-1]
        target = target[:, ::-1]
        boundary = boundary[:, ::-1]
    bands = image.shape[0]
    gain = (rng.uniform(0.9, 1.1) * rng.uniform(0.95, 1.05, size=(bands, 1, 1))).astype(np.float32)
    offset = rng.uniform(-0.1, 0.1, size=(bands, 1, 1)).astype(np.float32)
    image = image * gain + offset
    if rng.random() < 0.5:
        bank = _noise(image.shape)
        image = image + np.roll(
            bank[rng.integers(len(bank))], tuple(rng.integers(0, 64, size=2)), axis=(1, 2)
        )
    return Tile(
        np.ascontiguousarray(image, dtype=np.float32),
        np.ascontiguousarray(target),
        np.ascontiguousarray(boundary),
    )
