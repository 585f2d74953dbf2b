"""A snapshot folder's manifest: build it (in one place), read and check it, commit the folder.

``manifest.json`` is written last, after every file of the folder was written and fsynced;
it holds ``seq``, the name, counts, metrics, progress, config, ``optimizer_meta`` and the
sha256 and size of every file. It never changes afterwards, so a parsed manifest is cached
(:class:`ManifestCache`) for as long as the folder exists.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import CorruptSnapshotError, InputDataError
from . import atomic, gpkg
from .layout import Layout
from .model import SCHEMA_VERSION, format_time, normalize_counts, parse_time
from .paths import MANIFEST, OPTIMIZER, SNAPSHOT_FILES, TRAINING_FILE, WEIGHTS

log = logging.getLogger(__name__)

Key = tuple[str, str]  # (model id, snapshot id)


def safetensors_numpy() -> Any:
    from ..deps import require

    return require("safetensors.numpy")


class ManifestCache:
    """Parsed manifests by ``(model id, snapshot id)``, and why a folder's manifest was refused."""

    def __init__(self) -> None:
        self.entries: dict[Key, dict[str, Any]] = {}
        self.errors: dict[Key, str] = {}

    def clear(self) -> None:
        self.entries.clear()

    def get(self, key: Key) -> dict[str, Any] | None:
        return self.entries.get(key)

    def forget(self, model_id: str, snapshot_id: str | None = None) -> None:
        """Drop one snapshot (or, without ``snapshot_id``, every snapshot of the model)."""
        if snapshot_id is not None:
            self.entries.pop((model_id, snapshot_id), None)
            return
        for key in [k for k in self.entries if k[0] == model_id]:
            del self.entries[key]

    def keep_only(self, model_id: str, live: set[str]) -> None:
        """Drop the cached manifests of ``model_id``'s snapshots that are no longer on disk."""
        for key in [k for k in self.entries if k[0] == model_id and k[1] not in live]:
            del self.entries[key]


# ---------------------------------------------------------------------- building


def counts_json(counts: Mapping[str, Any]) -> dict[str, Any]:
    """Training-data counts as stored in a manifest (class ids as strings)."""
    norm = normalize_counts(dict(counts))
    norm["labels_per_class"] = {str(k): v for k, v in norm["labels_per_class"].items()}
    return norm


def build(
    *,
    snapshot_id: str,
    model_id: str,
    seq: int,
    created_at: datetime,
    name: str,
    parent_id: str | None,
    parent_model_id: str | None = None,
    metrics: Mapping[str, Any] | None = None,
    progress: Mapping[str, Any] | None = None,
    config: Mapping[str, Any] | None = None,
    optimizer_meta: Mapping[str, Any] | None = None,
    origin: Mapping[str, Any] | None = None,
) -> dict[str, Any]:
    """The manifest of a new snapshot; ``counts`` and ``files`` are filled in while its folder is written."""
    manifest: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "id": snapshot_id,
        "model_id": model_id,
        "seq": int(seq),
        "created_at": format_time(created_at),
        "name": name,
        "parent_id": parent_id,
        "parent_model_id": parent_model_id if parent_id is not None else None,
    }
    if origin is not None:
        manifest["origin"] = dict(origin)
    manifest.update(
        {
            "counts": None,
            "metrics": dict(metrics or {}),
            "progress": dict(progress or {}),
            "config": dict(config or {}),
            "optimizer_meta": None if optimizer_meta is None else dict(optimizer_meta),
            "files": {},
        }
    )
    return manifest


def write_blob(manifest: dict[str, Any], folder: Path, name: str, blob: bytes) -> None:
    """Write a new file of the snapshot folder and record its checksum."""
    atomic.write_new_file(folder / name, blob)
    manifest["files"][name] = {"sha256": atomic.sha256_bytes(blob), "size": len(blob)}


def record_file(manifest: dict[str, Any], folder: Path, name: str) -> None:
    """Record the checksum of a file already written into the snapshot folder."""
    path = folder / name
    manifest["files"][name] = {"sha256": atomic.sha256_file(path), "size": path.stat().st_size}


def write(folder: Path, manifest: dict[str, Any]) -> None:
    """Write the manifest (last, after every file) and fsync the folder."""
    atomic.write_new_file(folder / MANIFEST, atomic.json_bytes(manifest))
    atomic.fsync_dir(folder)


def commit(
    layout: Layout, model_id: str, snapshot_id: str, manifest: dict[str, Any], fill: Callable[[Path], None]
) -> None:
    """Stage a snapshot folder (``fill`` writes the files), write the manifest last, rename it in."""
    parent = layout.snapshots_dir(model_id)
    staging = layout.staged_snapshot_dir(model_id, snapshot_id)
    target = layout.snapshot_dir(model_id, snapshot_id)
    try:
        atomic.make_dir(staging)
        fill(staging)
        write(staging, manifest)
        atomic.replace(staging, target)
    except BaseException:
        atomic.remove_tree(staging)
        raise
    try:
        atomic.fsync_dir(parent)
    except BaseException:
        with contextlib.suppress(OSError):
            atomic.discard(target, parent)
        raise


def commit_with_training_data(
    layout: Layout,
    record: dict[str, Any],
    blobs: Mapping[str, bytes],
    live: Path,
    counts: Mapping[str, Any] | None = None,
) -> None:
    """Commit snapshot ``record`` holding ``blobs`` and a frozen copy of the training data ``live``.

    ``counts`` default to those of the frozen copy.
    """

    def fill(staging: Path) -> None:
        for file_name, blob in blobs.items():
            write_blob(record, staging, file_name, blob)
        gpkg.backup(live, staging / TRAINING_FILE)
        record_file(record, staging, TRAINING_FILE)
        record["counts"] = counts_json(counts if counts is not None else gpkg.counts(staging / TRAINING_FILE))

    commit(layout, record["model_id"], record["id"], record, fill)


def tensor_blobs(weights: Mapping[str, Any], optimizer: Mapping[str, Any] | None) -> dict[str, bytes]:
    """The files of a snapshot's arrays: weights, and the optimizer state when given."""
    blobs = {WEIGHTS: tensor_bytes(weights, "Weight")}
    if optimizer is not None:
        blobs[OPTIMIZER] = tensor_bytes(optimizer, "Optimizer tensor")
    return blobs


def tensor_bytes(tensors: Mapping[str, Any], what: str) -> bytes:
    """Numeric arrays as a safetensors file (no pickle)."""
    import numpy as np

    clean = {}
    for key, value in tensors.items():
        if not isinstance(key, str) or not key:
            raise InputDataError(f"{what} names must be non-empty strings, not {key!r}.")
        array = np.asarray(value)
        if array.dtype == object:
            raise InputDataError(f"{what} '{key}' is not a numeric array.")
        clean[key] = np.ascontiguousarray(array)
    return safetensors_numpy().save(clean)


# ---------------------------------------------------------------------- reading


def read(
    layout: Layout, cache: ManifestCache, model_id: str, snapshot_id: str, folder: str | None = None
) -> dict[str, Any] | None:
    """The parsed, checked manifest of a committed snapshot (cached: it never changes).

    ``folder`` is the snapshot's folder when the caller already checked it (listing).
    ``None`` when the manifest cannot be read or trusted (the reason is kept in ``cache.errors``).
    """
    key = (model_id, snapshot_id)
    cached = cache.entries.get(key)
    if cached is not None:
        return cached
    folder_path = Path(folder) if folder is not None else layout.snapshot_dir(model_id, snapshot_id)
    try:
        data = atomic.read_json(folder_path / MANIFEST)
        ok = (
            isinstance(data, dict)
            and data.get("id") == snapshot_id
            and data.get("model_id") == model_id
            and isinstance(data.get("files"), dict)
            and all(name in SNAPSHOT_FILES for name in data["files"])
            and parse_time(data["created_at"]) is not None
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        log.warning("snapshot folder %s has no valid manifest: %s", folder_path, exc)
        cache.errors[key] = f"its manifest is unreadable ({exc})"
        return None
    if not ok:
        log.warning("snapshot folder %s has a manifest that does not match it", folder_path)
        cache.errors[key] = (
            "its manifest does not match the folder (wrong ids, or files outside the snapshot)"
        )
        return None
    # parsed once: listing a long timeline must not re-parse every manifest
    data["_parsed"] = (parse_time(data["created_at"]), normalize_counts(data.get("counts")))
    cache.entries[key] = data
    return data


def load_arrays(
    layout: Layout, cache: ManifestCache, model_id: str, snapshot_id: str, label: Callable[[], str]
) -> tuple[dict[str, Any], dict[str, Any] | None]:
    """The weights and the optimizer state (``None`` when not stored) of a snapshot, checksums checked."""
    st = safetensors_numpy()
    arrays: dict[str, dict[str, Any] | None] = {}
    for name in (WEIGHTS, OPTIMIZER):
        data = read_verified(layout, cache, model_id, snapshot_id, name, label)
        try:
            arrays[name] = None if data is None else dict(st.load(data))
        except Exception as exc:  # safetensors raises its own error types
            raise CorruptSnapshotError(
                f"Snapshot '{label()}' is damaged: {name} is not a valid safetensors file ({exc})."
            ) from exc
    weights = arrays[WEIGHTS]
    if weights is None:
        raise CorruptSnapshotError(f"Snapshot '{label()}' has no weights.")
    return weights, arrays[OPTIMIZER]


def _damaged(label: str, name: str) -> CorruptSnapshotError:
    return CorruptSnapshotError(
        f"Snapshot '{label}' is damaged: {name} does not match its checksum. Other snapshots are "
        "unaffected; delete this one or revert to another."
    )


def read_verified(
    layout: Layout, cache: ManifestCache, model_id: str, snapshot_id: str, name: str, label: Callable[[], str]
) -> bytes | None:
    """The bytes of one snapshot file after checking them against the manifest (``None``: not listed)."""
    manifest = read(layout, cache, model_id, snapshot_id)
    if manifest is None:
        raise CorruptSnapshotError(f"Snapshot '{snapshot_id}' of model '{model_id}' has no valid manifest.")
    entry = manifest["files"].get(name)
    if entry is None:
        return None
    path = layout.snapshot_file(model_id, snapshot_id, name)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise CorruptSnapshotError(f"Snapshot '{label()}' is damaged: cannot read {name} ({exc}).") from exc
    if len(data) != entry.get("size") or atomic.sha256_bytes(data) != entry.get("sha256"):
        raise _damaged(label(), name)
    return data


def verify(
    layout: Layout, cache: ManifestCache, model_id: str, snapshot_id: str, label: Callable[[], str]
) -> None:
    """Check every file of a snapshot against its manifest; :class:`CorruptSnapshotError` if one differs."""
    manifest = read(layout, cache, model_id, snapshot_id) or {}
    for name, entry in manifest.get("files", {}).items():
        path = layout.snapshot_file(model_id, snapshot_id, name)
        try:
            ok = path.stat().st_size == entry.get("size") and atomic.sha256_file(path) == entry.get("sha256")
        except OSError:
            ok = False
        if not ok:
            raise _damaged(label(), name)
