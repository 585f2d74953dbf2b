"""Plain dataclasses of the detection engine: its settings and its progress reports.

Pure Python (no torch), so the QGIS side can build :class:`DetectOptions` and receive
:class:`DetectProgress` objects without importing the heavy stack.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

FALLBACK: dict[str, Any] = {
    "score_threshold": 0.5,
    "boundary_threshold": 0.5,
    "min_pixels": 4,
    "marker_window": 0,
    "geometry": "outline",
    "max_box_overlap": 1.0,  # snapshots calibrated before it: no box suppressed
    "flip_tta": False,  # snapshots validated without flip averaging (before 2026-12-03's ninth session)
}
GEOMETRIES = ("outline", "box")  # what a detection's feature is: its pixels' outline, or its box


@dataclass
class DetectOptions:
    """How to run detection. Every field has a default that suits most rasters.

    ``tile_size`` None uses the snapshot's training tile size. ``overlap`` is the share of
    a tile's side shared with its neighbour (0..0.5; a value of 1 or more is read as
    pixels). ``block_size`` bounds memory: the raster is processed in blocks of about
    this many pixels a side, whatever its size. ``score_threshold`` is the minimum class
    probability for a pixel to be detected, ``boundary_threshold`` (count mode) the
    boundary probability under which a pixel is an object's core; ``min_area`` drops
    smaller detections (square units of the raster's CRS) and ``min_pixels`` those of
    fewer pixels. The three left at None take the values the snapshot calibrated when it
    was made (:meth:`resolved`), or 0.5 / 0.5 / 4 for snapshots without them.
    ``geometry`` is what each feature is: ``"outline"`` (the object's pixels, traced) or
    ``"box"`` (a rectangle: the box the count model's box head predicts where it has one, else
    the outline's bounding box); None takes the snapshot's choice (``"box"`` where its labels
    were boxes, as DeepForest and NEON draw crowns, else ``"outline"``).
    ``max_box_overlap`` (boxes from a box head only): of two boxes of one class whose IoU
    exceeds it the lower-scored is dropped (non-maximum suppression); None takes the
    snapshot's (the labels' largest overlap, at least 0.4), 1 drops none.
    ``flip_tta`` averages the network over each tile and its three mirror images (flip
    test-time augmentation, 4× the network's work); None takes the snapshot's: on where its
    validation calibrated the settings with it (training's default, ``TrainConfig.flip_tta``),
    off for snapshots made before.
    ``simplify`` is the simplification tolerance in pixels (0 keeps pixel outlines).
    In segmentation mode each connected area is one feature (the default) or, with
    ``dissolve``, every area of a class is merged into one feature. ``backend`` says what
    runs the network on the CPU: ``auto`` uses onnxruntime when it is installed, else torch.
    """

    tile_size: int | None = None
    overlap: float = 0.25
    batch_size: int = 8
    block_size: int = 2048
    score_threshold: float | None = None
    boundary_threshold: float | None = None
    min_area: float = 0.0
    min_pixels: int | None = None
    marker_window: int | None = None  # count mode: one core per this many pixels' square (0: threshold cores)
    # average the network over the tile and its mirror images (4× the network's work); None: the
    # snapshot's (True where it was validated and calibrated so, as training does by default)
    flip_tta: bool | None = None
    geometry: str | None = None  # "outline" | "box"; None: the snapshot's choice
    max_box_overlap: float | None = None  # head boxes: IoU above which the lower-scored is dropped
    simplify: float = 0.5
    dissolve: bool = False  # segmentation mode: True merges the areas of a class into one feature
    device: str = "auto"  # "auto" | "cpu" | "cuda" (or "cuda:N")
    backend: str = "auto"  # CPU network: "auto" (onnxruntime when installed) | "torch" | "onnxruntime"
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
        for name in ("score_threshold", "boundary_threshold"):
            value = getattr(self, name)
            if value is not None and not 0.0 < float(value) < 1.0:
                raise ValueError(f"{name} must lie between 0 and 1")
        if str(self.backend).lower() not in ("auto", "torch", "onnxruntime"):
            raise ValueError("backend must be 'auto', 'torch' or 'onnxruntime'")
        if self.geometry is not None and self.geometry not in GEOMETRIES:
            raise ValueError(f"geometry must be one of {', '.join(GEOMETRIES)} (or None: the snapshot's)")
        if self.max_box_overlap is not None and not 0.0 < float(self.max_box_overlap) <= 1.0:
            raise ValueError("max_box_overlap must lie above 0 and at most 1 (1: no box is suppressed)")
        if self.min_pixels is not None and int(self.min_pixels) < 0:
            raise ValueError("min_pixels must not be negative")

    def resolved(self, calibrated: dict[str, Any] | None) -> DetectOptions:
        """A copy whose unset thresholds and minimum size come from the snapshot's calibrated
        settings (``calibrated``), else from the defaults."""
        from dataclasses import replace

        values = {**FALLBACK, **{k: v for k, v in (calibrated or {}).items() if k in FALLBACK}}
        return replace(
            self, **{k: values[k] if getattr(self, k) is None else getattr(self, k) for k in FALLBACK}
        )

    def sources(self, calibrated: dict[str, Any] | None) -> dict[str, str]:
        """Where each calibratable setting comes from: "user", "snapshot" or "default"."""
        return {
            k: "user"
            if getattr(self, k) is not None
            else ("snapshot" if k in (calibrated or {}) else "default")
            for k in FALLBACK
        }

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
