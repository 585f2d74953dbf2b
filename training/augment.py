"""Augmentations of one training tile (numpy, seeded by the caller) that simulate another flight.

Geometric: the 8 rotations/flips, applied identically to the image and every target
(resampling ±25 % is done when the tile is read, see ``tiles.make_tile``). Photometric,
on the normalised image only: brightness, contrast, gamma, a per-band gain (colour
cast), saturation, blur and noise. The ranges cover what a per-scene normalisation
does not take away (gamma, blur, non-linear light) and a margin beyond it.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass

import numpy as np

from ..deps import require
from .tiles import Tile


@dataclass(frozen=True)
class PhotometricRanges:
    """How far each photometric change goes (factors are drawn log-uniformly)."""

    brightness: tuple[float, float] = (0.7, 1.3)
    contrast: tuple[float, float] = (0.75, 1.3)
    gamma: tuple[float, float] = (0.65, 1.5)
    band_gain: float = 0.15  # ± per band
    saturation: tuple[float, float] = (0.6, 1.4)
    blur_probability: float = 0.25
    blur_sigma: tuple[float, float] = (0.4, 1.3)  # pixels
    noise_probability: float = 0.5
    noise_sigma: float = 0.04  # in normalised units (the 1–99 % range spans 2)


PHOTOMETRIC = PhotometricRanges()


@functools.cache
def _noise(shape: tuple[int, ...], count: int = 8) -> np.ndarray:
    """A small bank of unit Gaussian noise images, drawn once: cheaper than fresh noise per tile."""
    return np.random.default_rng(12345).standard_normal(size=(count, *shape), dtype=np.float32)


def _log_uniform(rng: np.random.Generator, lo: float, hi: float) -> float:
    return float(np.exp(rng.uniform(np.log(lo), np.log(hi))))


def _blur(image: np.ndarray, rng: np.random.Generator, ranges: PhotometricRanges) -> np.ndarray:
    """``image`` ``(bands, h, w)`` blurred by a Gaussian of a random σ with the probability
    ``ranges.blur_probability``; otherwise ``image`` itself."""
    if rng.random() < ranges.blur_probability:
        ndimage = require("scipy.ndimage")
        sigma = rng.uniform(*ranges.blur_sigma)
        return ndimage.gaussian_filter(image, sigma=(0, sigma, sigma), mode="nearest")
    return image


def photometric(
    image: np.ndarray, rng: np.random.Generator, ranges: PhotometricRanges = PHOTOMETRIC
) -> np.ndarray:
    """A photometrically changed copy of a normalised image ``(bands, h, w)``.

    The changes act on ``u = (x + 1) / 2``, which puts the scene's 1st–99th percentiles
    at 0..1 (the per-scene normalisation), so that gamma and brightness mean what they
    mean on a photograph. ``image`` may be a view in any memory order (a rotated tile): the
    copy is C-ordered, and every step runs in place on it, in float32, one operation after
    the other as written (the same values as a new array for each step).
    """
    bands = image.shape[0]
    u = np.array(image, dtype=np.float32, order="C")  # a copy; from a rotated view, a fast one
    u += 1.0
    u *= 0.5
    u *= _log_uniform(rng, *ranges.brightness)
    mean = u.mean()
    u -= mean
    u *= _log_uniform(rng, *ranges.contrast)
    u += mean
    # gamma on |u| with its sign: the pixels darker than the 1st percentile keep their detail
    # (with block percentiles, training/normalize.py, they are a few per cent of a scene)
    gamma = np.float32(_log_uniform(rng, *ranges.gamma))
    magnitude = np.abs(u)
    np.power(magnitude, gamma, out=magnitude)
    # np.copysign(magnitude, u) is magnitude with u's sign bit: the same bits, 3× faster here
    bits = u.view(np.uint32)
    np.bitwise_and(bits, np.uint32(0x80000000), out=bits)
    np.bitwise_or(bits, magnitude.view(np.uint32), out=bits)
    u *= rng.uniform(1 - ranges.band_gain, 1 + ranges.band_gain, size=(bands, 1, 1)).astype(np.float32)
    if bands >= 3:
        colour = u[:3]
        grey = colour.mean(axis=0, keepdims=True)
        colour -= grey
        colour *= np.float32(_log_uniform(rng, *ranges.saturation))
        colour += grey
    u = _blur(u, rng, ranges)
    u *= 2.0
    u -= 1.0
    if rng.random() < ranges.noise_probability:
        bank = _noise(u.shape)
        noise = np.roll(bank[rng.integers(len(bank))], tuple(rng.integers(0, 64, size=2)), axis=(1, 2))
        noise *= np.float32(rng.uniform(0.0, ranges.noise_sigma))
        u += noise
    return u


@functools.cache
def _grid(h: int, w: int) -> tuple[np.ndarray, np.ndarray]:
    """Pixel-centre coordinates ``(y, x)`` of an ``h`` × ``w`` tile, centred on the tile."""
    y = np.arange(h, dtype=np.float32)[:, None] - np.float32((h - 1) / 2)
    x = np.arange(w, dtype=np.float32)[None, :] - np.float32((w - 1) / 2)
    return y, x


def grey_surface(image: np.ndarray, target: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """``image`` (normalised, C-ordered ``(bands, h, w)``, changed in place and returned) with a
    synthetic bright, grey, smooth surface painted on its background: a road (a band across
    the tile, slightly curved, sometimes with a centre or edge line) or a patch of bare
    ground (an ellipse). Only pixels whose ``target`` is background (0) are painted: the
    objects stay as they are, the surface passes under them, and no target changes.

    Labels of grey objects (dead crowns) teach a network that grey means object; on another
    flight the roads, bare ground and deadwood it never saw become false positives. These
    surfaces are what the training areas of one scene may lack: smooth (little texture),
    of low saturation, from mid-grey to brighter than anything in the scene. In ``u = (x +
    1) / 2`` (the scene's 1st–99th percentiles at 0..1) their level is drawn in 0.45–1.2,
    each band within ±0.06 of it.
    """
    bands, h, w = image.shape
    y, x = _grid(h, w)
    size = float(max(h, w))
    angle = rng.uniform(0.0, np.pi)
    cos, sin = np.float32(np.cos(angle)), np.float32(np.sin(angle))
    across = x * cos + y * sin  # distance along the surface's normal
    along = y * cos - x * sin
    road = rng.random() < 0.7
    if road:
        across = across - np.float32(rng.uniform(-0.4, 0.4) * size)
        across = across + np.float32(rng.uniform(-1.0, 1.0) / size) * along * along  # a gentle curve
        half = rng.uniform(0.08, 0.3) * size
        inside = np.float32(half) - np.abs(across)
    else:
        cy, cx = rng.uniform(-0.4, 0.4, size=2) * size
        ry, rx = rng.uniform(0.12, 0.35, size=2) * size
        dy = (y - np.float32(cy)) * cos - (x - np.float32(cx)) * sin
        dx = (x - np.float32(cx)) * cos + (y - np.float32(cy)) * sin
        inside = np.float32(min(ry, rx)) * (
            1.0 - np.sqrt((dy / np.float32(ry)) ** 2 + (dx / np.float32(rx)) ** 2)
        )
    alpha = np.clip(inside / np.float32(1.5) + np.float32(0.5), 0.0, 1.0)  # a soft edge, about 1.5 px
    alpha *= target == 0
    if not alpha.any():
        return image
    level = rng.uniform(0.45, 1.2)
    u = np.empty((bands, h, w), np.float32)
    u[:] = (level + rng.uniform(-0.06, 0.06, size=bands)).astype(np.float32)[:, None, None]
    u += np.float32(rng.uniform(-0.15, 0.15) / size) * along  # light falling off along it
    bank = _noise((1, h, w))
    u += bank[rng.integers(len(bank))] * np.float32(rng.uniform(0.005, 0.04))  # fine grain
    if road and rng.random() < 0.5:  # a painted line: at the centre (yellow or white), or both edges
        width = np.float32(rng.uniform(0.6, 1.5))
        line = (
            np.abs(across) < width
            if rng.random() < 0.6
            else np.abs(np.abs(across) - np.float32(half * 0.9)) < width
        )
        paint = np.full(bands, 1.2, np.float32)  # white; yellow: less blue
        paint[:3] = (1.3, 1.2, 0.7 if rng.random() < 0.5 else 1.25)[:bands]
        u[:, line] = paint[:, None]
    surface = u * 2.0 - 1.0
    image *= 1.0 - alpha
    image += surface * alpha
    return image


def _turned(a: np.ndarray, k: int, flip: bool) -> np.ndarray:
    """``np.rot90(a, k, axes=(-2, -1))``, then mirrored left-right when ``flip``: the same view
    by slicing (np.rot90's generic axis handling costs more than the copy that follows)."""
    if k == 1:
        a = a[..., ::-1].swapaxes(-2, -1)
    elif k == 2:
        a = a[..., ::-1, ::-1]
    elif k == 3:
        a = a.swapaxes(-2, -1)[..., ::-1]
    return a[..., ::-1] if flip else a


def _box_order(k: int, flip: bool) -> list[int]:
    """The box target's channels (distances left, top, right, bottom) after :func:`_turned`:
    new channel ``i`` is old channel ``order[i]`` (a quarter turn anticlockwise brings the old
    top side to the left, the old right side to the top; a mirror swaps left and right)."""
    order = [(i + k) % 4 for i in range(4)]
    return [order[2], order[1], order[0], order[3]] if flip else order


def augment(
    tile: Tile, rng: np.random.Generator, colour: bool = True, blur: bool = False, surface_share: float = 0.0
) -> Tile:
    """A randomly rotated/flipped tile, photometrically changed when ``colour``.

    A share ``surface_share`` of the tiles gets a synthetic grey surface on its background
    (:func:`grey_surface`) before any photometric change, so that the surface takes the
    tile's light and colour.

    Geometric changes are applied identically to the image and every target (the box
    target's channels reordered to the turned sides, :func:`_box_order`); the
    photometric ones act on the normalised image only. With ``blur``, a tile left in its
    colours (``colour`` false) is still blurred as often as a changed one: a softer image
    (another camera, focus or resampling) is learnt from every tile, not only from those
    whose light and colour were changed. The image comes back C-ordered, the targets as
    rotated views of the tile's (the batch copies them once, ``np.stack``).
    """
    k = int(rng.integers(4))
    flip = bool(rng.integers(2))
    image, target, boundary, weight = (
        _turned(a, k, flip) for a in (tile.image, tile.target, tile.boundary, tile.weight)
    )
    if surface_share > 0.0 and rng.random() < surface_share:
        image = grey_surface(np.array(image, dtype=np.float32, order="C"), np.asarray(target), rng)
    # photometric() copies the rotated view itself (C-ordered, as the copy here would be)
    if colour:
        image = photometric(image, rng)
    else:
        image = np.ascontiguousarray(image, dtype=np.float32)
        if blur:
            image = _blur(image, rng, PHOTOMETRIC)
    box = None if tile.box is None else _turned(tile.box, k, flip)[_box_order(k, flip)]
    return Tile(image, target, boundary, weight, box)
