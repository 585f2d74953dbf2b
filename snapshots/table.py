"""The timeline as table rows: one plain dict per snapshot.

One rule for every front end: the Processing algorithm *List snapshots*, the console's
``api.table`` and the headless ``python -m orca_huntr snapshots`` all build their rows here.
"""

from __future__ import annotations

import json
import re
from typing import Any


def to_json(value: Any) -> str:
    """``value`` as compact JSON (for metrics and counts in string outputs and tables)."""
    return json.dumps(value, sort_keys=True, default=str, ensure_ascii=False)


def _number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def metric_field(key: str) -> str:
    """A metric's column name: ``metric_`` + the key with anything odd replaced by ``_``."""
    return "metric_" + re.sub(r"[^0-9A-Za-z_]+", "_", str(key)).strip("_").lower()


def snapshot_row(model: Any, snap: Any) -> dict[str, Any]:
    """The table row of one snapshot of ``model`` (plain values)."""
    counts = dict(snap.counts or {})
    per_class = {str(k): int(v) for k, v in dict(counts.get("labels_per_class") or {}).items()}
    progress = dict(snap.progress or {})
    metrics = dict(snap.metrics or {})
    row: dict[str, Any] = {
        "model_id": model.id,
        "model_name": model.name,
        "snapshot_id": snap.id,
        "kind": snap.kind,
        "name": snap.name or "",
        "created_at": str(snap.created_at or ""),
        "expires_at": str(snap.expires_at or ""),
        "parent_id": snap.parent_id or "",
        "parent_model_id": getattr(snap, "parent_model_id", None) or "",
        "training_areas": int(counts.get("training_areas") or 0),
        "labels": sum(per_class.values()),
        "labels_per_class": to_json(per_class),
        "scenes": int(counts.get("scenes") or 0),
        "epochs": int(progress.get("epochs") or 0),
        "steps": int(progress.get("steps") or 0),
        "tiles_seen": int(progress.get("tiles_seen") or 0),
        "metrics": to_json(metrics),
    }
    for key, value in metrics.items():
        if _number(value):
            row[metric_field(key)] = float(value)
    return row
