"""Helpers for the snapshot-store tests: a settable clock, tiny weights, label edits, a state digest."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

T0 = datetime(2026, 1, 1, 12, 0, 0, tzinfo=UTC)


class InjectedError(OSError):
    """The failure a test's fault-injection hook raises at a chosen disk step."""


class FakeClock:
    """A clock the test moves by hand (aware UTC datetimes)."""

    def __init__(self, start: datetime = T0) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> datetime:
        self.now = self.now + timedelta(**delta)
        return self.now


def weights(seed: int = 0, size: int = 16) -> dict[str, np.ndarray]:
    """Small deterministic 'network weights'."""
    rng = np.random.default_rng(seed)
    return {
        "down.0.weight": rng.standard_normal((size, 3, 3, 3)).astype(np.float32),
        "down.0.bias": rng.standard_normal(size).astype(np.float32),
        "head.weight": rng.standard_normal((3, size, 1, 1)).astype(np.float32),
    }


def optimizer(seed: int = 0) -> dict[str, np.ndarray]:
    rng = np.random.default_rng(seed + 1000)
    return {"state.0.exp_avg": rng.standard_normal(32).astype(np.float32), "state.0.step": np.array([seed])}


def new_workspace(
    root: Path, clock: FakeClock | None = None, classes: int = 2, name: str = "orcas", **kw: Any
):
    """A workspace at ``root`` with one model; returns ``(ws, model_info)``."""
    from orca_huntr.snapshots import ClassSpec, InputSpec, Workspace

    ws = Workspace.open(root, clock=clock, **kw)
    palette = ["#ff0000", "#00ff00", "#0000ff", "#ffff00"]
    info = ws.create_model(
        name,
        classes=[ClassSpec(f"class{k}", palette[k % 4]) for k in range(classes)],
        mode="count",
        input_spec=InputSpec(bands=[1, 2, 3], dtype="uint8", crs="EPSG:32612", resolution=0.5),
        network={"width": 8, "depth": 2},
        tile_size=32,
    )
    return ws, info


def hourly_snapshots(root: Path, f1s: tuple[float, ...] = (0.2, 0.9, 0.4, 0.5)):
    """A workspace at ``root`` with one model and one snapshot per f1 in ``f1s``, an hour apart,
    oldest first, the first ten hours ago (so nothing has expired at run time); returns
    ``(ws, model_info, snapshots)``."""
    from orca_huntr.snapshots.model import utc_now

    clock = FakeClock(utc_now() - timedelta(hours=10))
    ws, model = new_workspace(root, clock)
    made = []
    for k, f1 in enumerate(f1s):
        made.append(snap(ws, model.id, k, metrics={"f1": f1}))
        clock.advance(hours=1)
    return ws, model, made


def kept_workspace(root: Path):
    """A workspace at ``root`` with one model, one label and its first snapshot saved as "kept";
    returns ``(ws, model_info, clock, training_data_path, kept_snapshot)``."""
    clock = FakeClock()
    ws, model = new_workspace(root, clock)
    live = ws.training_data_path(model.id)
    add_label(live, 1)
    a = snap(ws, model.id, 0)
    ws.save_snapshot(model.id, a.id, "kept")
    return ws, model, clock, live, a


def snap_series(ws, model_id: str, clock: FakeClock, count: int, step: timedelta = timedelta(minutes=1)):
    """``count`` snapshots (seeds 0, 1, …) of ``model_id``, the clock advanced by ``step`` between
    two; returns them oldest first."""
    made = []
    for k in range(count):
        if k:
            clock.advance(seconds=step.total_seconds())
        made.append(snap(ws, model_id, k))
    return made


def snap(ws, model_id: str, seed: int = 0, **kw: Any):
    """Create a snapshot with small weights, optimizer state and plausible metadata."""
    return ws.create_snapshot(
        model_id,
        weights(seed),
        kw.pop("optimizer", optimizer(seed)),
        kw.pop("optimizer_meta", {"lr": 0.001, "seed": seed}),
        kw.pop("metrics", {"loss": 1.0 / (seed + 1)}),
        kw.pop("progress", {"epochs": seed, "steps": 10 * seed, "tiles_seen": 40 * seed}),
        kw.pop("config", {"tile_size": 32, "seed": seed, "normalization": {"mean": [0.5], "std": [0.2]}}),
        kw.pop("counts", None),
        **kw,
    )


def add_label(path: Path, class_id: int, x: float = 0.0, y: float = 0.0, size: float = 1.0) -> None:
    """Append one square label of ``class_id`` to a training GeoPackage (through OGR)."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    ds = ogr.Open(str(path), 1)
    layer = ds.GetLayerByName("labels")
    feat = ogr.Feature(layer.GetLayerDefn())
    wkt = f"MULTIPOLYGON((({x} {y},{x + size} {y},{x + size} {y + size},{x} {y + size},{x} {y})))"
    feat.SetGeometry(ogr.CreateGeometryFromWkt(wkt))
    feat.SetField("class_id", int(class_id))
    layer.CreateFeature(feat)
    ds = None


def add_area(path: Path, purpose: str = "train") -> None:
    """Append one training area (a 10 m square) to a training GeoPackage."""
    from osgeo import gdal, ogr

    gdal.UseExceptions()
    ds = ogr.Open(str(path), 1)
    layer = ds.GetLayerByName("training_areas")
    feat = ogr.Feature(layer.GetLayerDefn())
    feat.SetGeometry(ogr.CreateGeometryFromWkt("MULTIPOLYGON(((0 0,10 0,10 10,0 10,0 0)))"))
    feat.SetField("purpose", purpose)
    layer.CreateFeature(feat)
    ds = None


def store_state(root: Path, verify: bool = True) -> dict[str, Any]:
    """What a user can observe of a workspace, normalised so that random ids do not matter.

    Reopens the workspace (which runs recovery), verifies every listed snapshot, and
    returns per model (keyed by name): classes, parent, live training-data digest, the
    timeline as ``(seq, kind, saved, name, metrics, counts)`` and the reverted sets as
    ``(seq of the target, seqs of the snapshots, expiry, training-data digest)``.
    """
    from orca_huntr.snapshots import Workspace
    from orca_huntr.snapshots import gpkg as gp

    ws = Workspace.open(root)
    out: dict[str, Any] = {}
    for model in ws.list_models():
        timeline = ws.list_snapshots(model.id)
        if verify:
            for s in timeline:
                ws.verify_snapshot(model.id, s.id)
        out[model.name] = {
            "classes": model.class_names,
            "parent": model.parent_snapshot_id,
            "live": gp.content_digest(ws.training_data_path(model.id)),
            "timeline": [
                (
                    s.seq,
                    s.kind,
                    s.saved,
                    s.name,
                    json.dumps(s.metrics, sort_keys=True),
                    json.dumps(s.to_dict()["counts"], sort_keys=True),
                )
                for s in timeline
            ],
            "reverted": [
                (
                    _seq_of(ws, model.id, r.target_id),
                    tuple(s.seq for s in r.snapshots),
                    str(r.expires_at),
                    gp.content_digest(ws.root / "models" / model.id / "reverted" / r.id / "training.gpkg"),
                )
                for r in ws.reverted(model.id)
            ],
        }
    return out


def _seq_of(ws, model_id: str, snapshot_id: str) -> int | None:
    for s in ws.list_snapshots(model_id) + [s for r in ws.reverted(model_id) for s in r.snapshots]:
        if s.id == snapshot_id:
            return s.seq
    return None


def visible_entries(root: Path) -> list[str]:
    """Every path under the workspace whose name starts with ``.tmp-`` or ``.trash-`` (should be none)."""
    return sorted(
        str(p.relative_to(root)) for p in root.rglob("*") if p.name.startswith((".tmp-", ".trash-"))
    )
