"""The training loader as it was before the in-memory scenes and centre chunks: a reference.

A straightforward copy of the tile pipeline of issue #12 (``tiles.make_tile`` with a
rasterio window read per tile, ``tiles.centre_map`` per window, ``tiles.linear_zoom`` per
array, ``augment.photometric`` with a new array per step and ``loop.batch_maker``'s
``make_batch``), kept so that ``tests/test_loader_equality.py`` can show the fast loader
makes the same tiles and ``benchmarks/bench_loader.py`` can time both in one run. Nothing
in the plugin imports it. It reuses the engine's pieces whose output did not change (the
sampler, ``LabelRasters.window``, ``rasterize_targets``, ``centre_map``, the boundary targets).
Its ``augment`` has the blur of the tiles kept in their colours (``augment(…, blur=True)``),
which came with ``photometric_share`` 0.5, and the engine's grey surfaces on a share of the
tiles (``surface_share``, ``augment.grey_surface``): the reference makes the tiles the recipe
asks for.
"""

from __future__ import annotations

import functools
import math
import threading
from typing import Any

import numpy as np

from orca_huntr.training.augment import PHOTOMETRIC, PhotometricRanges, grey_surface
from orca_huntr.training.labelcache import LabelRasters
from orca_huntr.training.loop import _label_weights
from orca_huntr.training.recipe import DEFAULT_TARGET
from orca_huntr.training.sampler import TileSampler
from orca_huntr.training.tiles import (
    CENTRE_SIGMA,
    IGNORE,
    Tile,
    boundary_target,
    centre_map,
    rasterize_targets,
    window_bounds,
)


class WindowReader:
    """``SceneReader.read`` as it was: one rasterio window read per tile."""

    def __init__(self) -> None:
        self._local = threading.local()

    def read(
        self, scene: Any, bands: list[int], row: int, col: int, size: int
    ) -> tuple[np.ndarray, np.ndarray]:
        import rasterio
        from rasterio.windows import Window

        cache = getattr(self._local, "datasets", None)
        if cache is None:
            cache = self._local.datasets = {}
        if scene.path not in cache:
            cache[scene.path] = rasterio.open(scene.path)
        image = np.zeros((len(bands), size, size), dtype=np.float32)
        valid = np.zeros((size, size), dtype=bool)
        r0, c0 = max(row, 0), max(col, 0)
        r1, c1 = min(row + size, scene.height), min(col + size, scene.width)
        if r1 <= r0 or c1 <= c0:
            return image, valid
        ds = cache[scene.path]
        window = Window(c0, r0, c1 - c0, r1 - r0)
        data = ds.read(bands, window=window)
        mask = ds.read_masks(bands, window=window).min(axis=0) > 0
        if scene.nodata is not None:
            mask &= ~np.all(data == scene.nodata, axis=0)
        image[:, r0 - row : r1 - row, c0 - col : c1 - col] = data
        valid[r0 - row : r1 - row, c0 - col : c1 - col] = mask
        return image, valid


def linear_zoom(a: np.ndarray, size: int) -> np.ndarray:
    n = a.shape[-1]
    x = np.clip((np.arange(size) + 0.5) * (n / size) - 0.5, 0.0, n - 1)
    lo = np.floor(x).astype(np.intp)
    hi = np.minimum(lo + 1, n - 1)
    w = (x - lo).astype(np.float32)
    rows = a[..., lo, :] * (1.0 - w)[:, None] + a[..., hi, :] * w[:, None]
    return (rows[..., lo] * (1.0 - w) + rows[..., hi] * w).astype(a.dtype, copy=False)


def make_tile(
    reader: WindowReader,
    scene: Any,
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
) -> Tile:
    from scipy import ndimage

    read = size if abs(zoom - 1.0) < 1e-3 else max(8, round(size / zoom))
    row, col = row + (size - read) // 2, col + (size - read) // 2
    image, valid = reader.read(scene, bands, row, col, read)
    present = None
    if label_rasters is not None:
        classes, instances, in_area, present = label_rasters.window(row, col, read, read)
    else:
        classes, instances, in_area = rasterize_targets(
            scene, scene.train_areas if areas is None else areas, row, col, read, read
        )
    centre = None
    if boundary_width > 0 and boundary_kind == "centre":
        centre = centre_map(scene, row, col, read, read, areas, centre_spread)
    if read != size:
        f = size / read
        image = linear_zoom(image, size)
        pick = ndimage.zoom(np.arange(read, dtype=np.float64), f, order=0, mode="nearest", grid_mode=True)
        grid = np.ix_(pick.astype(np.intp), pick.astype(np.intp))
        valid, in_area, classes, instances = (a[grid] for a in (valid, in_area, classes, instances))
        if centre is not None:
            centre = linear_zoom(centre, size)
    image = (image - mean[:, None, None]) / std[:, None, None]
    image[:, ~valid] = 0.0
    target = np.where(valid & in_area, classes, IGNORE).astype(np.uint8)
    if centre is not None:
        boundary = np.clip(centre, 0.0, 1.0).astype(np.float32)
    elif boundary_width > 0:
        boundary = boundary_target(instances, boundary_kind, boundary_width)
    else:
        boundary = np.zeros(classes.shape, dtype=np.float32)
    weight = np.ones(classes.shape, dtype=np.float32)
    if label_weights is not None and instances.any():
        idx = present if present is not None else scene.labels_in(window_bounds(scene, row, col, read, read))
        lookup = np.concatenate([[1.0], label_weights[idx]]).astype(np.float32)
        weight = lookup[instances]
    return Tile(image.astype(np.float32), target, boundary, weight)


@functools.cache
def _noise(shape: tuple[int, ...], count: int = 8) -> np.ndarray:
    return np.random.default_rng(12345).standard_normal(size=(count, *shape), dtype=np.float32)


def _log_uniform(rng: np.random.Generator, lo: float, hi: float) -> float:
    return float(np.exp(rng.uniform(np.log(lo), np.log(hi))))


def photometric(
    image: np.ndarray, rng: np.random.Generator, ranges: PhotometricRanges = PHOTOMETRIC
) -> np.ndarray:
    from scipy import ndimage

    bands = image.shape[0]
    u = (image + 1.0) * 0.5
    u = u * _log_uniform(rng, *ranges.brightness)
    mean = u.mean()
    u = mean + (u - mean) * _log_uniform(rng, *ranges.contrast)
    u = np.copysign(np.abs(u) ** np.float32(_log_uniform(rng, *ranges.gamma)), u)
    u = u * rng.uniform(1 - ranges.band_gain, 1 + ranges.band_gain, size=(bands, 1, 1)).astype(np.float32)
    if bands >= 3:
        grey = u[:3].mean(axis=0, keepdims=True)
        u[:3] = grey + (u[:3] - grey) * np.float32(_log_uniform(rng, *ranges.saturation))
    if rng.random() < ranges.blur_probability:
        sigma = rng.uniform(*ranges.blur_sigma)
        u = ndimage.gaussian_filter(u, sigma=(0, sigma, sigma), mode="nearest")
    image = u * 2.0 - 1.0
    if rng.random() < ranges.noise_probability:
        bank = _noise(image.shape)
        noise = np.roll(bank[rng.integers(len(bank))], tuple(rng.integers(0, 64, size=2)), axis=(1, 2))
        image = image + noise * np.float32(rng.uniform(0.0, ranges.noise_sigma))
    return image.astype(np.float32, copy=False)


def augment(
    tile: Tile, rng: np.random.Generator, colour: bool = True, blur: bool = False, surface_share: float = 0.0
) -> Tile:
    from scipy import ndimage

    k = int(rng.integers(4))
    flip = bool(rng.integers(2))
    arrays = [tile.image, tile.target, tile.boundary, tile.weight]
    if k:
        arrays = [np.rot90(a, k, axes=(-2, -1)) for a in arrays]
    if flip:
        arrays = [a[..., ::-1] for a in arrays]
    image, target, boundary, weight = arrays
    image = np.ascontiguousarray(image, dtype=np.float32)
    if surface_share > 0.0 and rng.random() < surface_share:
        image = grey_surface(image.copy(), np.asarray(target), rng)
    if colour:
        image = photometric(image, rng)
    elif blur and rng.random() < PHOTOMETRIC.blur_probability:  # tiles kept in their colours
        sigma = rng.uniform(*PHOTOMETRIC.blur_sigma)
        image = ndimage.gaussian_filter(image, sigma=(0, sigma, sigma), mode="nearest")
    return Tile(
        image,
        np.ascontiguousarray(target),
        np.ascontiguousarray(boundary),
        np.ascontiguousarray(weight),
    )


def batch_maker(inputs: Any, setup: Any, config: Any, scales: list[tuple[np.ndarray, np.ndarray]]) -> Any:
    """``loop.batch_maker`` as it was (every tile of the batch)."""
    import rasterio

    sampler = TileSampler(inputs.scenes, setup.tile_size, config.label_focus)
    reader = WindowReader()
    rim_width = config.boundary_width if setup.mode == "count" else 0
    weights = [_label_weights(s) if config.balance_objects else None for s in inputs.scenes]
    rasters = [LabelRasters(s) for s in inputs.scenes]
    zoom_lo, zoom_hi = (1 / (1 + config.scale_jitter), 1 + config.scale_jitter) if config.augment else (1, 1)
    target = config.boundary_target or DEFAULT_TARGET
    spread = config.centre_sigma or CENTRE_SIGMA

    def make_batch(index: int) -> dict[str, np.ndarray]:
        tiles = []
        with rasterio.Env():
            for k in range(config.batch_size):
                rng = np.random.default_rng([config.seed, index, k])
                spec = sampler.sample(rng)
                zoom = math.exp(rng.uniform(math.log(zoom_lo), math.log(zoom_hi))) if zoom_hi > 1 else 1.0
                mean, std = scales[spec.scene]
                tile = make_tile(
                    reader, inputs.scenes[spec.scene], inputs.bands, spec.row, spec.col, setup.tile_size,
                    mean, std, boundary_width=rim_width, boundary_kind=target, zoom=zoom,
                    label_weights=weights[spec.scene], label_rasters=rasters[spec.scene],
                    centre_spread=spread,
                )  # fmt: skip
                colour = config.photometric and (
                    config.photometric_share >= 1.0 or rng.random() < config.photometric_share
                )
                if config.augment:
                    tile = augment(
                        tile, rng, colour=colour, blur=config.photometric, surface_share=config.surface_share
                    )
                tiles.append(tile)
        return {
            "image": np.stack([t.image for t in tiles]),
            "target": np.stack([t.target for t in tiles]),
            "boundary": np.stack([t.boundary for t in tiles]),
            "weight": np.stack([t.weight for t in tiles]),
        }

    return make_batch
