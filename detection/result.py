"""What a detection run returns: plain values, enough for the QGIS side to load and style it."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class DetectResult:
    """The written GeoPackage and what is needed to show it.

    ``classes`` lists ``{"id", "name", "color"}`` for every class of the model (for the
    categorised style); ``stats`` holds counts and timings of the run; ``settings`` the
    score/boundary thresholds and minimum size used and where each came from
    (``{"from": {"score_threshold": "snapshot" | "user" | "default", …}}``).
    """

    path: Path
    layer_name: str
    feature_count: int
    crs: str
    warnings: list[str] = field(default_factory=list)
    display_name: str = ""
    model_id: str = ""
    model_name: str = ""
    snapshot_id: str = ""
    snapshot_name: str = ""
    scene: str = ""
    mode: str = ""
    classes: list[dict[str, Any]] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    settings: dict[str, Any] = field(default_factory=dict)  # thresholds and min size used, and their source

    @property
    def uri(self) -> str:
        """The OGR data source string of the layer (``path|layername=...``)."""
        return f"{self.path}|layername={self.layer_name}"
