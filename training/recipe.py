"""The network and tile size a model gets, derived from its labels (as nnU-Net configures itself).

The labels' typical size in pixels (the median of ``sqrt(area)``, at the scenes'
resolution) sets:

* the **depth** of the UNet: the smallest (2 to 5) whose receptive field covers at least
  twice that size, so the network sees an object and its surroundings whole;
* the **tile size**: at least three objects across and the receptive field, rounded up
  to a multiple of 32 (and of ``2**depth``), 64 to 512 pixels;
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

DEFAULT_WIDTH = 16
MIN_DEPTH, MAX_DEPTH = 2, 5
MIN_TILE, MAX_TILE = 64, 512
FALLBACK_OBJECT_PX = 32.0  # when there are no labels yet


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
        if not self.labels:
            return (
                f"no labels yet: a {self.object_px:.0f}-pixel object assumed; tile {self.tile_size} px, "
                f"depth {self.network['depth']}"
            )
        return (
            f"{self.labels} label(s), typical size {self.object_px:.0f} px: depth {self.network['depth']} "
            f"(sees {self.receptive_field} px), tile {self.tile_size} px"
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "tile_size": self.tile_size,
            "network": dict(self.network),
            "object_px": round(self.object_px, 2),
            "labels": self.labels,
            "receptive_field": self.receptive_field,
        }


def recipe_for_size(object_px: float, labels: int = 0, width: int = DEFAULT_WIDTH) -> Recipe:
    """The recipe for objects about ``object_px`` pixels across."""
    size = max(float(object_px), 1.0)
    depth = next((d for d in range(MIN_DEPTH, MAX_DEPTH + 1) if receptive_field(d) >= 2 * size), MAX_DEPTH)
    step = max(32, 2**depth)
    tile = max(3 * size, receptive_field(depth), MIN_TILE)
    tile = min(int(math.ceil(tile / step) * step), MAX_TILE)
    return Recipe(tile, {"width": int(width), "depth": depth}, size, labels, receptive_field(depth))


def recipe_for(labels: Iterable[Any], resolution: float | None, width: int = DEFAULT_WIDTH) -> Recipe:
    """The recipe for label geometries (shapely, in a CRS whose unit is that of ``resolution``)."""
    areas = [g.area for g in labels if g is not None and not g.is_empty]
    if not areas or not resolution:
        return recipe_for_size(FALLBACK_OBJECT_PX, 0, width)
    sides = sorted(math.sqrt(a) / float(resolution) for a in areas)
    return recipe_for_size(sides[len(sides) // 2], len(sides), width)


DEFAULT_TARGET = "centre"  # count mode's boundary target for a new model (tiles.BOUNDARY_TARGETS)
PLACEHOLDER_TILE = 256  # what a model sized from its labels records until its first training


def model_network(
    width: int | None = None,
    depth: int | None = None,
    tile_size: int | None = None,
    boundary_target: str | None = None,
) -> tuple[dict[str, Any], int]:
    """``(network, tile_size)`` to create a model with, the one rule of the panel, Processing
    and the console: with neither ``depth`` nor ``tile_size`` given (or 0), the model is
    sized from its labels at its first training (``network["auto"]``); ``boundary_target``
    (count mode: "centre", "distance" or "rim") is stored with the model."""
    auto = not depth and not tile_size
    network: dict[str, Any] = {"width": int(width or DEFAULT_WIDTH), "depth": int(depth or 3)}
    if auto:
        network["auto"] = True
    if boundary_target:
        if boundary_target not in ("centre", "distance", "rim"):
            raise ValueError(
                f"unknown boundary target {boundary_target!r}; expected 'centre', 'distance' or 'rim'"
            )
        network["boundary_target"] = boundary_target
    return network, int(tile_size or PLACEHOLDER_TILE)
