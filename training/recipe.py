"""The network and tile size a model gets, derived from its labels (as nnU-Net configures itself).

The labels' typical size in pixels (the median of ``sqrt(area)``, at the scenes'
resolution) sets:

* the **working scale**: the network works at 1/2 or 1/4 of the resolution where a typical
  object stays at least 16 of its pixels across (its input is averaged, its output
  resampled back: at 1/2 a network costs about a quarter of the compute per tile; on the
  41-px NEON crowns a CPU minute trains 2.6 times the tiles, the reading, augmenting and
  loss staying at full resolution); in the network's working pixels:
* the **depth** of the UNet: the smallest (2 to 5) whose receptive field covers at least
  four times that size, so the network sees an object, its neighbours and what lies
  between them (on the NEON crowns at 1/2 resolution, same training time, seeds 0 / 1:
  depth 3, seeing 4.7 crowns, 0.481 / 0.456 held-back F1; depth 2, seeing 2.1, 0.437 / 0.411);
* the **tile size**: at least three objects across, rounded up to a multiple of 32 (and of
  ``2**depth``), 64 to 512 working pixels (times the scale in the raster's pixels); a
  receptive field wider than the tile is fine (the UNet pads);
* the **width** stays 16 on a CPU budget (a wider network learns more per step but costs
  more per tile; a user with a GPU may raise it).

The new-model dialog, Processing and the console show the recipe and its reason and let
the user override it; the model records what was chosen.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from ..errors import InputDataError

DEFAULT_WIDTH = 16
MIN_DEPTH, MAX_DEPTH = 2, 5
MIN_TILE, MAX_TILE = 64, 512
FALLBACK_OBJECT_PX = 32.0  # when there are no labels yet
WORKING_OBJECT_PX = 16.0  # objects at least this many of the network's pixels across
SEEN_OBJECTS = 4.0  # the receptive field spans this many typical objects
SCALES = (1, 2, 4)  # the working scales (the recipe picks one; a user may choose one)


def receptive_field(depth: int) -> int:
    """Receptive field (pixels) of :class:`~.network.UNet` of ``depth``: two 3×3 convolutions
    per level on the way down and up, 2×2 pooling: ``13·2**depth − 8``."""
    return 13 * 2**depth - 8


@dataclass(frozen=True)
class Recipe:
    """What the labels suggest: tile size and network, with the figures behind them."""

    tile_size: int
    network: dict[str, Any] = field(default_factory=dict)
    object_px: float = FALLBACK_OBJECT_PX  # typical label size, pixels
    labels: int = 0
    receptive_field: int = 0

    @property
    def reason(self) -> str:
        """One line for the user."""
        scale = int(self.network.get("scale") or 1)
        works = f", works at 1/{scale} resolution" if scale > 1 else ""
        if not self.labels:
            return (
                f"no labels yet: a {self.object_px:.0f}-pixel object assumed; tile {self.tile_size} px, "
                f"depth {self.network['depth']}{works}"
            )
        return (
            f"{self.labels} label(s), typical size {self.object_px:.0f} px: depth {self.network['depth']} "
            f"(sees {self.receptive_field} px){works}, tile {self.tile_size} px"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "tile_size": self.tile_size,
            "network": dict(self.network),
            "object_px": round(self.object_px, 2),
            "labels": self.labels,
            "receptive_field": self.receptive_field,
        }


def working_scale(object_px: float) -> int:
    """The factor the network works below the raster's resolution: the largest of 1, 2, 4
    that leaves a typical object at least :data:`WORKING_OBJECT_PX` pixels across."""
    return max(s for s in SCALES if s == 1 or object_px / s >= WORKING_OBJECT_PX)


def recipe_for_size(
    object_px: float, labels: int = 0, width: int = DEFAULT_WIDTH, scale: int | None = None
) -> Recipe:
    """The recipe for objects about ``object_px`` pixels across (``scale`` None: chosen by
    :func:`working_scale`; depth and tile are sized in the network's working pixels)."""
    size = max(float(object_px), 1.0)
    scale = working_scale(size) if scale is None else max(int(scale), 1)
    working = size / scale
    seen = SEEN_OBJECTS * working
    depth = next((d for d in range(MIN_DEPTH, MAX_DEPTH + 1) if receptive_field(d) >= seen), MAX_DEPTH)
    step = max(32, 2**depth)
    tile = max(3 * working, MIN_TILE)
    tile = min(int(math.ceil(tile / step) * step), MAX_TILE)
    network = {"width": int(width), "depth": depth}
    if scale > 1:
        network["scale"] = scale
    return Recipe(tile * scale, network, size, labels, receptive_field(depth) * scale)


def recipe_for(
    labels: Iterable[Any], resolution: float | None, width: int = DEFAULT_WIDTH, scale: int | None = None
) -> Recipe:
    """The recipe for label geometries (shapely, in a CRS whose unit is that of ``resolution``)."""
    areas = [g.area for g in labels if g is not None and not g.is_empty]
    if not areas or not resolution:
        return recipe_for_size(FALLBACK_OBJECT_PX, 0, width, scale)
    sides = sorted(math.sqrt(a) / float(resolution) for a in areas)
    return recipe_for_size(sides[len(sides) // 2], len(sides), width, scale)


def tile_multiple(network: dict[str, Any] | None) -> int:
    """Tiles of a network (its settings as recorded) must be a multiple of this many pixels:
    ``scale · 2**depth`` (the one rule of training, detection and ONNX export)."""
    network = network or {}
    return int(network.get("scale") or 1) * 2 ** int(network.get("depth", 3))


DEFAULT_TARGET = "centre"  # count mode's boundary target for a new model (tiles.BOUNDARY_TARGETS)
PLACEHOLDER_TILE = 256  # what a model sized from its labels records until its first training


def model_network(
    width: int | None = None,
    depth: int | None = None,
    tile_size: int | None = None,
    boundary_target: str | None = None,
    scale: int | None = None,
    boxes: bool | None = None,
) -> tuple[dict[str, Any], int]:
    """``(network, tile_size)`` to create a model with, the one rule of the panel, Processing
    and the console: with neither ``depth`` nor ``tile_size`` given (or 0), the model is
    sized from its labels at its first training (``network["auto"]``); ``boundary_target``
    (count mode: "centre", "distance" or "rim") is stored with the model. ``scale`` (1, 2 or
    4; None or 0: from the labels when sized from them, else 1) is the network's working
    scale (:func:`working_scale`). ``boxes`` (count mode; None: the default, a box head with the
    centre target, ``network.NetworkSpec.boxes``) is stored when given."""
    auto = not depth and not tile_size
    network: dict[str, Any] = {"width": int(width or DEFAULT_WIDTH), "depth": int(depth or 3)}
    if auto:
        network["auto"] = True
    if scale:
        if int(scale) not in SCALES:
            raise InputDataError(
                f"The network's working scale must be 1 (full resolution), 2 (half) or 4 (a quarter), "
                f"or 0 to derive it from the labels; got {scale}."
            )
        network["scale"] = int(scale)
    if boundary_target:
        if boundary_target not in ("centre", "distance", "rim"):
            raise ValueError(
                f"unknown boundary target {boundary_target!r}; expected 'centre', 'distance' or 'rim'"
            )
        network["boundary_target"] = boundary_target
    if boxes is not None:
        network["boxes"] = bool(boxes)
    return network, int(tile_size or PLACEHOLDER_TILE)
