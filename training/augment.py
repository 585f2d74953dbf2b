"""Simple geometric and radiometric augmentations of one tile (numpy, seeded by the caller)."""

from __future__ import annotations

import numpy as np

from .tiles import Tile


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
    gain = rng.uniform(0.9, 1.1) * rng.uniform(0.95, 1.05, size=(bands, 1, 1))
    offset = rng.uniform(-0.1, 0.1, size=(bands, 1, 1))
    image = image * gain + offset
    if rng.random() < 0.5:
        image = image + rng.normal(0.0, 0.03, size=image.shape)
    return Tile(
        np.ascontiguousarray(image, dtype=np.float32),
        np.ascontiguousarray(target),
        np.ascontiguousarray(boundary),
    )
