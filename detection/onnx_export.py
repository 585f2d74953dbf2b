"""Export a snapshot to an ONNX file that the Deepness plugin (and any ONNX runtime) can load.

The file holds the snapshot's network with its output activations: output
``probabilities`` ``(batch, C + 1, tile, tile)`` is the softmax over background and the
``C`` classes; a count-mode model adds ``boundary`` ``(batch, 1, tile, tile)``, the
sigmoid of its object-boundary channel. The input is ``input`` ``(batch, bands, tile,
tile)`` float32, normalised; the batch is dynamic, the tile size fixed (Deepness takes
its tile size from the input's shape).

Metadata (``metadata_props``, JSON values) under the keys Deepness's ``ModelBase`` reads
(``src/deepness/processing/models/model_base.py``): ``model_type`` ("Segmentor"),
``class_names`` (one ``{id: name}`` a output), ``resolution`` (cm per pixel; only for
a CRS in linear units), ``tile_size``, ``tiles_overlap`` (percent), ``standardization_mean``
/ ``standardization_std`` and ``seg_thresh``; plus ``orca_huntr``, our own record
(model, snapshot, mode, bands, data type, CRS, normalisation and where it came from).

Normalisation: Deepness computes ``(value / 255 − mean) / std`` with one fixed mean/std
for every raster, so our ``(value − m) / s`` is written as ``mean = m / 255`` and
``std = s / 255``: exact for any data type, since both are linear. A ``fixed`` snapshot's
statistics are exact. A ``scene_percentile`` snapshot normalises each raster with its
own 1st/99th percentiles, which Deepness cannot compute: the export takes the statistics
of a raster given to it (exact for that raster, the right choice when the raster to run
in Deepness is known), else the per-band median of the training scenes' statistics
(close for rasters like the training scenes, off for darker or brighter flights).
What Deepness cannot reproduce at all: splitting touching objects into instances (it
draws the ``boundary`` output as a layer of its own), the calibrated boundary and
marker settings, and our minimum sizes (its "remove small segments" is a median filter).
"""

from __future__ import annotations

import json
import os
import statistics
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..deps import require
from ..errors import InputDataError, OutputError
from ..training.recipe import tile_multiple
from .engine import SnapshotSpec, load_snapshot, snapshot_spec
from .onnx_backend import export_graph

PROBABILITIES, BOUNDARY = "probabilities", "boundary"
BOUNDARY_NAME = "object boundary"


@dataclass
class OnnxExport:
    """What :func:`export_onnx` wrote."""

    path: Path
    model_name: str
    snapshot_id: str
    snapshot_name: str
    tile_size: int
    outputs: list[str]
    metadata: dict[str, Any]  # key → value (before JSON encoding)
    normalization: dict[str, Any]  # {"method", "source", "mean", "std"} in raster values
    notes: list[str] = field(default_factory=list)  # what Deepness does differently


def _probability_head(model: Any, num_classes: int, mode: str) -> Any:
    """``model`` followed by its output activations: softmax over the ``C + 1`` semantic
    channels and, in count mode, the boundary's sigmoid as a second output."""
    torch = require("torch")
    semantic = num_classes + 1

    class ProbabilityHead(torch.nn.Module):  # type: ignore[name-defined]
        def __init__(self, inner: Any) -> None:
            super().__init__()
            self.inner = inner

        def forward(self, x: Any) -> Any:
            logits = self.inner(x)
            probs = torch.softmax(logits[:, :semantic], dim=1)
            if mode == "count":
                return probs, torch.sigmoid(logits[:, semantic : semantic + 1])
            return probs

    return ProbabilityHead(model).eval()


def export_normalization(
    spec: SnapshotSpec, raster_path: str | None = None
) -> tuple[list[float], list[float], str]:
    """``(mean, std, source)`` in raster values for a file that applies one normalisation to
    every raster (see the module's docstring for the choice)."""
    from ..training.normalize import PERCENTILE, method_of

    if method_of(spec.normalization) != PERCENTILE:
        return list(spec.mean), list(spec.std), "snapshot"
    if raster_path:
        mean, std = spec.scale_for(str(raster_path))
        return [float(v) for v in mean], [float(v) for v in std], f"raster {Path(raster_path).name}"
    scenes = [s for s in (spec.normalization.get("scenes") or {}).values() if s.get("mean") and s.get("std")]
    if not scenes:
        raise InputDataError(
            "This snapshot normalises every raster with its own statistics and recorded none of its "
            "training scenes: give the raster you will run the exported model on, so that its "
            "statistics are written into the file."
        )
    bands = len(spec.bands)
    mean = [statistics.median(float(s["mean"][b]) for s in scenes) for b in range(bands)]
    std = [statistics.median(float(s["std"][b]) for s in scenes) for b in range(bands)]
    return mean, std, f"median of {len(scenes)} training scene(s)"


def resolution_cm(crs: str | None, resolution: float | None) -> float | None:
    """The model's resolution in centimetres per pixel (what Deepness reads), or None when the
    CRS is unknown or not in linear units (degrees)."""
    if not crs or not resolution:
        return None
    try:
        from pyproj import CRS

        axis = CRS.from_user_input(crs).axis_info
    except Exception:
        return None
    factor = axis[0].unit_conversion_factor if axis else None
    if not axis or axis[0].unit_name.lower() in ("degree", "radian") or not factor:
        return None
    return round(float(resolution) * float(factor) * 100.0, 6)


def deepness_metadata(
    spec: SnapshotSpec,
    tile: int,
    overlap: float,
    mean: list[float],
    std: list[float],
    source: str,
) -> dict[str, Any]:
    """The ``metadata_props`` of the file, as values (each is written JSON-encoded)."""
    names = {0: "background", **{int(c["id"]): str(c["name"]) for c in spec.classes}}
    class_names: Any = names if spec.mode != "count" else [names, {0: BOUNDARY_NAME}]
    overlap_percent = round(overlap * 100) if overlap < 1 else round(100 * overlap / tile)
    detection = {**{"score_threshold": 0.5}, **(spec.detection or {})}
    meta: dict[str, Any] = {
        "model_type": "Segmentor",
        "class_names": class_names,
        "tile_size": int(tile),
        "tiles_overlap": int(overlap_percent),
        "standardization_mean": [float(m) / 255.0 for m in mean],
        "standardization_std": [float(s) / 255.0 for s in std],
        "seg_thresh": float(detection["score_threshold"]),
    }
    cm = resolution_cm(spec.crs, spec.resolution)
    if cm is not None:
        meta["resolution"] = cm
    meta["orca_huntr"] = {
        "model_id": spec.model_id,
        "model_name": spec.model_name,
        "snapshot_id": spec.snapshot_id,
        "snapshot_name": spec.snapshot_name,
        "mode": spec.mode,
        "bands": list(spec.bands),
        "dtype": spec.dtype,
        "crs": spec.crs,
        "resolution": spec.resolution,
        "boundary_target": spec.boundary_target,
        "normalization": {
            "method": spec.normalization.get("method", "fixed"),
            "source": source,
            "mean": [float(v) for v in mean],
            "std": [float(v) for v in std],
        },
        "detection": dict(spec.detection or {}),
    }
    return meta


def export_onnx(
    ws: Any,
    model_id: str,
    snapshot_id: str | None,
    path: str | Path,
    raster_path: str | Path | None = None,
    tile_size: int | None = None,
    overlap: float = 0.25,
) -> OnnxExport:
    """Write the snapshot (``None``: the current state) of a model as an ONNX file at ``path``.

    ``raster_path``, for snapshots normalised per scene: the raster whose statistics are
    written into the file (default: the median of the training scenes'). ``tile_size``
    (default: the snapshot's) is the input's fixed side; ``overlap`` the share of a tile
    Deepness should overlap (0..0.5, or pixels when ≥ 1). The file is written under a
    temporary name and renamed, so a failed export leaves nothing.
    """
    from .infer import build_model

    onnx = require("onnx")
    loaded = load_snapshot(ws, model_id, snapshot_id)
    spec = snapshot_spec(loaded)
    tile = int(tile_size or spec.tile_size)
    multiple = tile_multiple(spec.network)
    if tile <= 0 or tile % multiple:
        raise InputDataError(
            f"The tile size {tile} must be a positive multiple of {multiple} for this network."
        )
    if overlap < 0 or overlap >= (0.5 if overlap < 1 else tile / 2):
        raise InputDataError("The overlap must be at least 0 and less than half a tile.")
    mean, std, source = export_normalization(spec, str(raster_path) if raster_path else None)
    model = build_model(spec.weights, len(spec.bands), spec.num_classes, spec.mode, spec.network, "cpu")
    outputs = (PROBABILITIES, BOUNDARY) if spec.mode == "count" else (PROBABILITIES,)
    head = _probability_head(model, spec.num_classes, spec.mode)
    graph = export_graph(head, len(spec.bands), tile, outputs)
    proto = onnx.load_from_string(graph)
    metadata = deepness_metadata(spec, tile, overlap, mean, std, source)
    for key, value in metadata.items():
        entry = proto.metadata_props.add()
        entry.key, entry.value = key, json.dumps(value)
    proto.producer_name = "ORCA HUNTR"
    proto.doc_string = f"{spec.model_name} · {spec.snapshot_name}"

    final = Path(path)
    if final.suffix.lower() != ".onnx":
        final = final.with_name(final.name + ".onnx")
    temporary = final.with_name(f".{final.name}.tmp-{os.getpid()}")
    try:
        final.parent.mkdir(parents=True, exist_ok=True)
        with open(temporary, "wb") as handle:
            handle.write(proto.SerializeToString())
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(temporary, final)
    except OSError as exc:
        temporary.unlink(missing_ok=True)
        raise OutputError(f"The ONNX file could not be written to {final}: {exc.strerror or exc}.") from exc
    notes = []
    if spec.mode == "count":
        notes.append(
            "Deepness draws the 'boundary' output as a layer of its own and does not split touching "
            "objects into instances."
        )
    if source != "snapshot":
        notes.append(
            "Deepness applies one normalisation to every raster; the file holds the statistics "
            f"of the {source}."
        )
    if "resolution" not in metadata:
        notes.append("The model's CRS is not in linear units: set the resolution in Deepness by hand.")
    return OnnxExport(
        path=final,
        model_name=spec.model_name,
        snapshot_id=spec.snapshot_id,
        snapshot_name=spec.snapshot_name,
        tile_size=tile,
        outputs=list(outputs),
        metadata=metadata,
        normalization=dict(metadata["orca_huntr"]["normalization"]),
        notes=notes,
    )
