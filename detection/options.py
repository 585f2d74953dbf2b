"""Plain dataclasses of the detection engine: its settings and its progress reports.

Pure Python (no torch), so the QGIS side can build :class:`DetectOptions` and receive
:class:`DetectProgress` objects without importing the heavy stack.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any


@dataclass
class DetectOptions:
    """How to run detection. Every field has a default that suits most rasters.

    ``tile_size`` None uses the snapshot's training tile size. ``overlap`` is the share of
    a tile's side shared with its neighbour (0..0.5; a value of 1 or more is read as
    pixels). ``block_size`` bounds memory: the raster is processed in blocks of about
    this many pixels a side, whatever its size. ``score_threshold`` is the minimum class
    probability for a pixel to be detected; ``min_area`` drops smaller detections
    (square units of the raster's CRS) and ``min_pixels`` those of fewer pixels.
    ``simplify`` is the simplification tolerance in pixels (0 keeps pixel outlines).
    In segmentation mode ``dissolve`` merges every area of a class into one feature;
    otherwise each connected area is one feature.
    """

    tile_size: int | None = None
    overlap: float = 0.25
    batch_size: int = 8
    block_size: int = 2048
    score_threshold: float = 0.5
    boundary_threshold: float = 0.5
    min_area: float = 0.0
    min_pixels: int = 4
    simplify: float = 0.5
    dissolve: bool = True
    device: str = "auto"  # "auto" | "cpu" | "cuda" (or "cuda:N")
    threads: int | None = None  # torch CPU threads; None = torch's default
    resolution_tolerance: float = 2.0  # error beyond this ratio to the training resolution
    resolution_warning: float = 1.25  # warning beyond this ratio
    allow_resolution_mismatch: bool = False  # turn the resolution error into a warning
    layer_name: str = "detections"
    scene_name: str | None = None  # shown in the layer name; default: the raster file's name
    output_path: str | None = None  # default: a new file in the workspace's detections/

    def __post_init__(self) -> None:
        if self.tile_size is not None and int(self.tile_size) <= 0:
            self.tile_size = None
        if self.overlap < 0:
            raise ValueError("overlap must not be negative")
        if self.batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        if not 0.0 < self.score_threshold < 1.0:
            raise ValueError("score_threshold must lie between 0 and 1")

    def overlap_pixels(self, tile_size: int) -> int:
        """The overlap in pixels for tiles of ``tile_size`` (always below half a tile)."""
        px = round(self.overlap) if self.overlap >= 1 else round(self.overlap * tile_size)
        return max(0, min(px, tile_size // 2 - 1)) if tile_size > 2 else 0

    def to_dict(self) -> dict[str, Any]:
        """The settings as a JSON-ready dict (recorded in the output's metadata)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any] | None) -> DetectOptions:
        """Build from a dict, ignoring unknown keys (e.g. the detection dialog's options)."""
        known = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in (data or {}).items() if k in known})


@dataclass
class DetectProgress:
    """One progress report: sent after every batch of tiles and at each stage change."""

    fraction: float  # 0..1 of the whole run
    tiles_done: int
    tiles_total: int
    stage: str  # "inference" | "vectorise" | "write"
    message: str = ""
