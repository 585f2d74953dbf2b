"""Compare two snapshots of a model: their metrics side by side, and what changed in the
training data between them (plain values; no ``qgis``).

* :func:`metric_rows` — every metric either snapshot has, overall and per class, with
  ``b − a`` (``None`` where one side lacks it).
* :func:`training_data_diff` — training areas and labels present in one snapshot's frozen
  training data and not in the other's: ``added`` (only in ``b``) or ``removed`` (only in
  ``a``). Features are matched on their geometry (WKB) and attribute, as a multiset, so an
  edited feature shows as one removed and one added.
* :func:`compare_snapshots` — both, for two snapshots of one workspace model.

The detections of both snapshots on one raster are the detection package's part
(``detection/reuse.py``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputDataError, WorkspaceError
from . import gpkg

ADDED, REMOVED = "added", "removed"
# overall metrics shown first, in this order; any other numeric metric follows by name
OVERALL = ("f1", "precision", "recall", "mean_iou", "val_loss", "loss", "tp", "fp", "fn")
PER_CLASS_OBJECT = ("f1", "precision", "recall")
SKIPPED = {"iou", "objects", "warnings", "validation_pixels"}


@dataclass(frozen=True)
class MetricRow:
    """One metric of both snapshots; ``class_id`` None for an overall metric."""

    metric: str
    class_id: int | None
    class_name: str
    a: float | None
    b: float | None

    @property
    def diff(self) -> float | None:
        return None if self.a is None or self.b is None else self.b - self.a

    def to_dict(self) -> dict[str, Any]:
        return {
            "metric": self.metric,
            "class_id": self.class_id,
            "class_name": self.class_name,
            "a": self.a,
            "b": self.b,
            "diff": self.diff,
        }


@dataclass(frozen=True)
class DiffFeature:
    """A training area or label present in only one of the two snapshots."""

    layer: str  # "training_areas" | "labels"
    change: str  # "added" (only in b) | "removed" (only in a)
    wkb: bytes
    class_id: int | None = None  # labels
    purpose: str | None = None  # training areas


@dataclass
class Comparison:
    """What :func:`compare_snapshots` found; ``a`` and ``b`` are ``SnapshotInfo``."""

    a: Any
    b: Any
    metrics: list[MetricRow]
    changes: list[DiffFeature]
    crs: str | None
    counts: dict[str, dict[str, int]] = field(default_factory=dict)
    detections: list[Any] = field(default_factory=list)  # filled by adapters that also detect

    def summary(self) -> dict[str, dict[str, int]]:
        """``{layer: {"added": n, "removed": n}}``."""
        out: dict[str, dict[str, int]] = {
            gpkg.AREAS: {ADDED: 0, REMOVED: 0},
            gpkg.LABELS: {ADDED: 0, REMOVED: 0},
        }
        for change in self.changes:
            out[change.layer][change.change] += 1
        return out


def _number(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, int | float):
        return None
    return float(value)


def metric_rows(a: dict[str, Any], b: dict[str, Any], class_names: list[str]) -> list[MetricRow]:
    """The metrics of two snapshots side by side: overall ones, then per class (IoU, object F1…)."""
    a, b = dict(a or {}), dict(b or {})
    rows = []
    names = [m for m in OVERALL if m in a or m in b]
    names += sorted(
        k for k in set(a) | set(b) if k not in OVERALL and k not in SKIPPED and (_number(a.get(k)) is not None
        or _number(b.get(k)) is not None)
    )  # fmt: skip
    for name in names:
        va, vb = _number(a.get(name)), _number(b.get(name))
        if va is not None or vb is not None:
            rows.append(MetricRow(name, None, "", va, vb))
    ids = sorted(
        {int(k) for k in (a.get("iou") or {}) | (b.get("iou") or {}) if str(k).isdigit()}
        | {int(k) for k in (a.get("objects") or {}) | (b.get("objects") or {}) if str(k).isdigit()}
        | set(range(1, len(class_names) + 1))
    )
    for class_id in ids:
        label = class_names[class_id - 1] if 0 < class_id <= len(class_names) else str(class_id)
        key = str(class_id)
        ia, ib = (_number((m.get("iou") or {}).get(key)) for m in (a, b))
        if ia is not None or ib is not None:
            rows.append(MetricRow("iou", class_id, label, ia, ib))
        for name in PER_CLASS_OBJECT:
            oa, ob = (_number(((m.get("objects") or {}).get(key) or {}).get(name)) for m in (a, b))
            if oa is not None or ob is not None:
                rows.append(MetricRow(name, class_id, label, oa, ob))
    return rows


def _features(path: Path) -> tuple[Counter, str | None]:
    """Multiset of ``(layer, wkb, class_id, purpose)`` of a training GeoPackage, and its CRS."""
    from ..deps import require

    ogr = require("osgeo.ogr")
    ds = ogr.Open(str(path))
    if ds is None:
        raise WorkspaceError(f"Cannot open the training data {path}.")
    found: Counter = Counter()
    crs = None
    try:
        for name in (gpkg.AREAS, gpkg.LABELS):
            layer = ds.GetLayerByName(name)
            if layer is None:
                continue
            srs = layer.GetSpatialRef()
            if srs is not None and crs is None:
                code = srs.GetAuthorityCode(None)
                crs = f"{srs.GetAuthorityName(None)}:{code}" if code else srs.ExportToWkt()
            defn = layer.GetLayerDefn()
            has_class = defn.GetFieldIndex("class_id") >= 0
            has_purpose = defn.GetFieldIndex("purpose") >= 0
            for feature in layer:
                geom = feature.GetGeometryRef()
                wkb = bytes(geom.ExportToIsoWkb()) if geom is not None else b""
                class_id = feature.GetField("class_id") if has_class else None
                purpose = (feature.GetField("purpose") or "train") if has_purpose else None
                found[(name, wkb, None if class_id is None else int(class_id), purpose)] += 1
    finally:
        ds = None
    return found, crs


def training_data_diff(a_path: str | Path, b_path: str | Path) -> tuple[list[DiffFeature], str | None]:
    """Training areas and labels only in ``a_path`` (removed) or only in ``b_path`` (added)."""
    fa, crs_a = _features(Path(a_path))
    fb, crs_b = _features(Path(b_path))
    out: list[DiffFeature] = []
    for change, only in ((REMOVED, fa - fb), (ADDED, fb - fa)):
        for (layer, wkb, class_id, purpose), n in sorted(only.items(), key=lambda kv: (kv[0][0], kv[0][1])):
            out.extend(DiffFeature(layer, change, wkb, class_id, purpose) for _ in range(n))
    return out, crs_b or crs_a


def compare_snapshots(ws: Any, model_id: str, a_id: str, b_id: str) -> Comparison:
    """Metrics side by side and the training-data difference of snapshots ``a_id`` → ``b_id``."""
    if a_id == b_id:
        raise InputDataError("Choose two different snapshots to compare.")
    model = ws.get_model(model_id)
    a, b = ws.get_snapshot(model_id, a_id), ws.get_snapshot(model_id, b_id)
    rows = metric_rows(a.metrics, b.metrics, model.class_names)
    try:
        changes, crs = training_data_diff(
            ws.snapshot_training_data_path(model_id, a.id), ws.snapshot_training_data_path(model_id, b.id)
        )
    except gpkg.GeoPackageError as exc:
        raise WorkspaceError(f"Cannot read the training data of the snapshots: {exc}") from exc
    counts = {
        "a": {"training_areas": int(a.counts.get("training_areas", 0)), "labels": _labels(a.counts)},
        "b": {"training_areas": int(b.counts.get("training_areas", 0)), "labels": _labels(b.counts)},
    }
    return Comparison(a, b, rows, changes, crs or model.input_spec.crs, counts)


def _labels(counts: dict[str, Any]) -> int:
    return int(sum((counts.get("labels_per_class") or {}).values()))
