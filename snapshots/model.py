"""The store's plain values: models, classes, scenes, snapshots (dataclasses with JSON forms).

Every dataclass has ``to_dict()`` (JSON-ready: datetimes as ISO 8601 UTC strings) and
``from_dict()``. Timestamps are timezone-aware UTC :class:`datetime` objects.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

# Snapshot kinds, as shown on the timeline.
KIND_CURRENT = "current"  # the newest snapshot of a model: exactly one per trained model
KIND_TEMPORARY = "temporary"  # superseded and unsaved: deleted once ``expires_at`` has passed
KIND_SAVED = "saved"  # kept until the user deletes it
KINDS = (KIND_CURRENT, KIND_TEMPORARY, KIND_SAVED)
KIND_REVERTED = "reverted"  # moved out of the timeline by a revert; restorable until it expires

MODES = ("count", "segmentation")
TRAINING_PURPOSES = ("train", "validation")

# On-disk JSON schema understood by this version of the store; a newer workspace opens read-only.
SCHEMA_VERSION = 1

_HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")


def utc_now() -> datetime:
    """The current time as a timezone-aware UTC datetime."""
    return datetime.now(UTC)


def to_utc(value: datetime) -> datetime:
    """``value`` as an aware UTC datetime (naive datetimes are taken to be UTC)."""
    if value.tzinfo is None:
        return value.replace(tzinfo=UTC)
    return value.astimezone(UTC)


def named(items: Sequence[Any], id_or_name: str) -> list[Any]:
    """The models or snapshots ``id_or_name`` means: the one with this id, else those with this exact
    name, else those with this name in any case (empty: none). The one lookup rule of the store."""
    text = str(id_or_name)
    for match in (
        lambda item: item.id == text,
        lambda item: item.name == text,
        lambda item: item.name.casefold() == text.casefold(),
    ):
        found = [item for item in items if match(item)]
        if found:
            return found
    return []


def format_time(value: datetime | None) -> str | None:
    """ISO 8601 text of an aware datetime (``None`` stays ``None``)."""
    return None if value is None else to_utc(value).isoformat()


def parse_time(value: str | datetime | None) -> datetime | None:
    """Parse :func:`format_time` output back into an aware UTC datetime."""
    if value is None or isinstance(value, datetime):
        return None if value is None else to_utc(value)
    return to_utc(datetime.fromisoformat(value))


@dataclass(frozen=True)
class ClassSpec:
    """One class of a model: its display name and its colour (``#rrggbb``)."""

    name: str
    color: str = "#ff0000"

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "color": self.color}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ClassSpec:
        return cls(name=str(data["name"]), color=str(data.get("color", "#ff0000")))

    @staticmethod
    def valid_color(color: str) -> bool:
        """Whether ``color`` is a ``#rrggbb`` hex colour."""
        return bool(_HEX_COLOUR.match(color or ""))


@dataclass(frozen=True)
class InputSpec:
    """What rasters a model reads: band numbers (1-based, in order), dtype, CRS, ground resolution."""

    bands: list[int] = field(default_factory=lambda: [1, 2, 3])
    dtype: str = "uint8"
    crs: str | None = None
    resolution: float | None = None
    normalization: dict[str, Any] | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "bands": [int(b) for b in self.bands],
            "dtype": self.dtype,
            "crs": self.crs,
            "resolution": self.resolution,
            "normalization": self.normalization,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> InputSpec:
        res = data.get("resolution")
        return cls(
            bands=[int(b) for b in data.get("bands", [1, 2, 3])],
            dtype=str(data.get("dtype", "uint8")),
            crs=data.get("crs"),
            resolution=None if res is None else float(res),
            normalization=data.get("normalization"),
        )


@dataclass(frozen=True)
class ModelInfo:
    """A model of the workspace (``models/<id>/model.json``)."""

    id: str
    name: str
    classes: list[ClassSpec]
    mode: str
    input_spec: InputSpec
    network: dict[str, Any]
    tile_size: int
    created_at: datetime
    parent_model_id: str | None = None
    parent_snapshot_id: str | None = None

    @property
    def num_classes(self) -> int:
        """Number of classes, background excluded (fixed for the model's life)."""
        return len(self.classes)

    @property
    def class_names(self) -> list[str]:
        return [c.name for c in self.classes]

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.name,
            "classes": [c.to_dict() for c in self.classes],
            "mode": self.mode,
            "input_spec": self.input_spec.to_dict(),
            "network": dict(self.network),
            "tile_size": int(self.tile_size),
            "created_at": format_time(self.created_at),
            "parent_model_id": self.parent_model_id,
            "parent_snapshot_id": self.parent_snapshot_id,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ModelInfo:
        return cls(
            id=str(data["id"]),
            name=str(data["name"]),
            classes=[ClassSpec.from_dict(c) for c in data["classes"]],
            mode=str(data.get("mode", "segmentation")),
            input_spec=InputSpec.from_dict(data.get("input_spec") or {}),
            network=dict(data.get("network") or {}),
            tile_size=int(data.get("tile_size", 256)),
            created_at=parse_time(data["created_at"]),  # type: ignore[arg-type]
            parent_model_id=data.get("parent_model_id"),
            parent_snapshot_id=data.get("parent_snapshot_id"),
        )


@dataclass(frozen=True)
class SceneRef:
    """A raster scene in a model's training data (a row of the ``scenes`` table)."""

    scene_id: str
    source: str
    name: str
    fingerprint: str
    added_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "scene_id": self.scene_id,
            "source": self.source,
            "name": self.name,
            "fingerprint": self.fingerprint,
            "added_at": format_time(self.added_at),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SceneRef:
        return cls(
            scene_id=str(data["scene_id"]),
            source=str(data["source"]),
            name=str(data.get("name") or ""),
            fingerprint=str(data.get("fingerprint") or ""),
            added_at=parse_time(data.get("added_at")),
        )


def normalize_counts(counts: dict[str, Any] | None) -> dict[str, Any]:
    """Counts with integer class ids: ``{training_areas, labels_per_class {id: n}, scenes}``."""
    counts = dict(counts or {})
    per_class = counts.get("labels_per_class") or {}
    counts["labels_per_class"] = {int(k): int(v) for k, v in dict(per_class).items()}
    counts["training_areas"] = int(counts.get("training_areas", 0) or 0)
    counts["scenes"] = int(counts.get("scenes", 0) or 0)
    return counts


@dataclass(frozen=True)
class SnapshotInfo:
    """One point on a model's timeline.

    ``kind`` is derived: the newest snapshot is ``current``; an older one is ``saved``
    when the user saved it, else ``temporary`` with ``expires_at`` set. ``saved`` tells
    whether the user saved it (a saved current state stays saved once superseded).
    ``seq`` orders the timeline (ties in ``created_at`` cannot reorder it).
    """

    id: str
    model_id: str
    kind: str
    name: str
    created_at: datetime
    expires_at: datetime | None
    counts: dict[str, Any]
    metrics: dict[str, Any]
    progress: dict[str, Any]
    parent_id: str | None
    config: dict[str, Any]
    saved: bool = False
    seq: int = 0
    state_known: bool = True  # False: the model's states.json is unreadable and no saved mark exists
    parent_model_id: str | None = None  # the model of ``parent_id`` (another one for a model's first)

    @property
    def is_current(self) -> bool:
        return self.kind == KIND_CURRENT

    def to_dict(self) -> dict[str, Any]:
        counts = dict(self.counts)
        counts["labels_per_class"] = {str(k): v for k, v in dict(counts.get("labels_per_class", {})).items()}
        return {
            "id": self.id,
            "model_id": self.model_id,
            "kind": self.kind,
            "name": self.name,
            "created_at": format_time(self.created_at),
            "expires_at": format_time(self.expires_at),
            "counts": counts,
            "metrics": self.metrics,
            "progress": self.progress,
            "parent_id": self.parent_id,
            "parent_model_id": self.parent_model_id,
            "config": self.config,
            "saved": self.saved,
            "seq": self.seq,
            "state_known": self.state_known,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> SnapshotInfo:
        return cls(
            id=str(data["id"]),
            model_id=str(data["model_id"]),
            kind=str(data["kind"]),
            name=str(data["name"]),
            created_at=parse_time(data["created_at"]),  # type: ignore[arg-type]
            expires_at=parse_time(data.get("expires_at")),
            counts=normalize_counts(data.get("counts")),
            metrics=dict(data.get("metrics") or {}),
            progress=dict(data.get("progress") or {}),
            parent_id=data.get("parent_id"),
            parent_model_id=data.get("parent_model_id"),
            config=dict(data.get("config") or {}),
            saved=bool(data.get("saved", False)),
            state_known=bool(data.get("state_known", True)),
            seq=int(data.get("seq", 0)),
        )


@dataclass(frozen=True)
class DamagedSnapshot:
    """A snapshot folder whose manifest cannot be read or trusted: never loaded, never listed
    as a snapshot, shown apart until the user deletes it (it then goes to ``.quarantine/``)."""

    id: str
    model_id: str
    reason: str
    path: str


@dataclass(frozen=True)
class LoadedSnapshot:
    """A verified snapshot ready for detection or resuming training (weights as numpy arrays)."""

    info: SnapshotInfo
    model: ModelInfo
    weights: dict[str, Any]
    optimizer: dict[str, Any] | None
    optimizer_meta: dict[str, Any] | None
    config: dict[str, Any]


@dataclass(frozen=True)
class RevertImpact:
    """What reverting to ``target`` would discard (shown by the UI before it asks to confirm)."""

    target: SnapshotInfo
    discarded_snapshots: list[SnapshotInfo]
    saved_discarded: list[SnapshotInfo]
    live_counts: dict[str, Any]
    target_counts: dict[str, Any]
    training_data_changed: bool
    undo_until: datetime | None = None  # until when the revert can be undone (``None``: no expiry)

    @property
    def nothing_lost(self) -> bool:
        """True when a revert would discard neither snapshots nor training data."""
        return not self.discarded_snapshots and not self.training_data_changed

    def summary(self) -> str:
        """One plain-English sentence (the adapters translate their own wording)."""
        parts = [f"{len(self.discarded_snapshots)} later snapshot(s)"]
        if self.saved_discarded:
            parts.append(f"of which {len(self.saved_discarded)} saved")
        lost = "; ".join(parts)
        data = (
            "the training data edited since then"
            if self.training_data_changed
            else "no training data (unchanged since then)"
        )
        if self.nothing_lost:
            kept = ""
        elif self.undo_until is None:
            kept = " They are kept as a reverted set, restorable at any time (it holds a saved snapshot)."
        else:
            kept = (
                f" They are kept as a reverted set that can be restored until {format_time(self.undo_until)}."
            )
        return f"Reverting to '{self.target.name}' takes back {lost} and {data}.{kept}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "target": self.target.to_dict(),
            "discarded_snapshots": [s.to_dict() for s in self.discarded_snapshots],
            "saved_discarded": [s.id for s in self.saved_discarded],
            "live_counts": self.live_counts,
            "target_counts": self.target_counts,
            "training_data_changed": self.training_data_changed,
            "undo_until": format_time(self.undo_until),
        }


@dataclass(frozen=True)
class RevertedSet:
    """What one revert took out of a model's timeline, restorable until ``expires_at``.

    ``snapshots`` (newest first, kind ``reverted``) and the live training data as it was
    before the revert; ``target_id`` is the snapshot the revert went back to.
    """

    id: str
    model_id: str
    reverted_at: datetime
    expires_at: datetime | None
    target_id: str
    snapshots: list[SnapshotInfo]
    seq: int = 0  # orders the sets of a model (newest highest), also when made in the same second

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "model_id": self.model_id,
            "reverted_at": format_time(self.reverted_at),
            "expires_at": format_time(self.expires_at),
            "target_id": self.target_id,
            "snapshots": [s.to_dict() for s in self.snapshots],
            "seq": self.seq,
        }
