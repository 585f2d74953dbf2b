"""Whether a raster layer fits a model (or one of its snapshots), asked when the raster is chosen.

The rules are detection's compatibility gate (``detection/gate.py``: band count, data
type, CRS, orientation, resolution); what a snapshot requires is read the way
detection reads it (``detection.engine.snapshot_spec``: the snapshot's config first,
the model's input spec as fallback). The panel's *Add scene* and the detection dialog
call :func:`check_raster_layer` so that a raster detection would refuse is refused up
front, with the gate's reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from types import SimpleNamespace
from typing import Any


@dataclass
class RasterFit:
    """The gate's verdict: ``problem`` (None when the raster can be used) and its warnings."""

    problem: str | None = None
    warnings: list[str] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return self.problem is None

    @property
    def short_reason(self) -> str:
        """The part the gate names first ("Band count", "Data type", "CRS", …)."""
        head = (self.problem or "").split(":", 1)[0]
        return head if 0 < len(head) <= 24 else ""


def requirements(model: Any, snapshot: Any = None) -> Any:
    """The gate's ``InputRequirements`` for ``snapshot`` of ``model`` (None: the model itself)."""
    from ..detection.engine import snapshot_spec

    info = snapshot if snapshot is not None else SimpleNamespace(id="", name="", kind="")
    config = dict(getattr(snapshot, "config", None) or {})
    loaded = SimpleNamespace(model=model, info=info, config=config, weights={})
    return snapshot_spec(loaded).requirements


def check_raster_path(path: str, model: Any, snapshot: Any = None, options: Any = None) -> RasterFit:
    """Run detection's gate on the raster file ``path``."""
    from ..detection import DetectOptions
    from ..detection.gate import check_raster, inspect_raster
    from ..errors import HuntrError

    if not isinstance(options, DetectOptions):
        options = DetectOptions.from_dict(options or {})
    try:
        warnings = check_raster(inspect_raster(path), requirements(model, snapshot), options)
    except HuntrError as exc:
        return RasterFit(str(exc), [])
    return RasterFit(None, list(warnings))


def check_raster_layer(layer: Any, model: Any, snapshot: Any = None, options: Any = None) -> RasterFit:
    """Run detection's gate on a raster layer of the project."""
    from ..adapters.inputs import raster_path

    return check_raster_path(raster_path(layer), model, snapshot, options)
