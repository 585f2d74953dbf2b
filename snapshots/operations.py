"""The multi-step operations of the store, each written once: revert, purge, new model.

Each operation has two halves:

* the *plan*, done by ``Workspace`` under the write lock: check the request, stage every
  invisible file, and write the journal entry (``journal.py``) — the commit point;
* the *apply* step here (:func:`apply_revert`, :func:`apply_purge`, :func:`apply_new_model`):
  the visible, idempotent steps, then the entry's removal.

The store calls ``apply_*`` right after writing the entry (``recovering=False``: a failure
undoes what this process did and removes the entry, so the caller's error means "nothing
changed"); ``recovery.py`` calls the same function to roll an entry forward after a crash
(``recovering=True``: a failure leaves the entry for quarantine).
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..errors import CorruptSnapshotError, NotFoundError, WorkspaceError
from . import atomic, gpkg, journal, manifest, modelfile, retention
from .errors import ProtectedSnapshotError
from .layout import Layout
from .model import ClassSpec, DamagedSnapshot, ModelInfo, RevertImpact, SnapshotInfo, format_time, to_utc
from .paths import MODEL_FILE, SNAPSHOTS, TRAINING_FILE, WEIGHTS, new_id, validate_id
from .timeline import Timelines, get, unknown_states_message

log = logging.getLogger(__name__)

Moves = list[tuple[Path, Path]]  # (original path, trash path) of each rename done


# ---------------------------------------------------------------------- shared steps


def move_to_trash(
    timelines: Timelines, op: str, items: list[tuple[str, str]], moved: Moves | None = None
) -> Moves:
    """Rename snapshot folders to hidden trash names; ``moved`` records each done rename."""
    layout = timelines.layout
    moved = [] if moved is None else moved
    for model_id, snapshot_id in items:
        src = layout.snapshot_dir(model_id, snapshot_id)
        dst = layout.trashed_snapshot_dir(model_id, op, snapshot_id)
        if src.exists():
            atomic.replace(src, dst)
            moved.append((src, dst))
        timelines.manifests.forget(model_id, snapshot_id)
    for parent in {dst.parent for _, dst in moved}:
        atomic.fsync_dir(parent)
    return moved


def _finish(entry: Path, moved: Moves) -> None:
    journal.remove(entry)
    for _, dst in moved:
        atomic.remove_tree(dst)


def _rollback(entry: Path, moved: Moves) -> None:
    """Undo the visible steps of a journaled operation that failed in this process."""
    ok = True
    for src, dst in reversed(moved):
        try:
            os.replace(dst, src)
        except OSError:
            ok = False
    if ok:
        journal.remove(entry)
    else:  # leave the entry: the next open rolls the operation forward
        log.error("could not undo a failed operation; it will be completed on the next open")


# ---------------------------------------------------------------------- purge


def apply_purge(
    timelines: Timelines, op: str, entry: Path, items: list[tuple[str, str]], *, recovering: bool
) -> None:
    """Remove the snapshot folders ``items`` (``(model id, snapshot id)``) of purge ``op``."""
    moved: Moves = []
    try:
        move_to_trash(timelines, op, items, moved)
    except BaseException:
        if not recovering:
            _rollback(entry, moved)
        raise
    _finish(entry, moved)


# ---------------------------------------------------------------------- revert


def delete_model(timelines: Timelines, model_id: str) -> ModelInfo:
    """Delete a model folder (training data and every snapshot) atomically."""
    info = modelfile.read(timelines.layout, model_id)
    atomic.discard(timelines.layout.model_dir(model_id), timelines.layout.models_dir)
    timelines.manifests.forget(model_id)
    return info


def delete_snapshot(
    timelines: Timelines, clock: Callable[[], datetime], model_id: str, snapshot_id: str
) -> SnapshotInfo | DamagedSnapshot:
    """Delete a snapshot that is not the current state; move a damaged one to ``.quarantine/``."""
    layout = timelines.layout
    damaged = next((d for d in timelines.damaged(model_id) if d.id == snapshot_id), None)
    if damaged is not None:
        quarantine(layout, clock, layout.snapshot_dir(model_id, damaged.id), damaged.reason)
        timelines.manifests.errors.pop((model_id, damaged.id), None)
        return damaged
    validate_id(snapshot_id, "snapshot id")
    info = get(timelines.read(model_id), model_id, snapshot_id)
    if info.is_current:
        raise ProtectedSnapshotError(
            f"Snapshot '{info.name}' is the current state of the model and cannot be deleted. "
            "Revert to an earlier snapshot first if you want to discard it."
        )
    atomic.discard(layout.snapshot_dir(model_id, info.id), layout.snapshots_dir(model_id))
    timelines.manifests.forget(model_id, info.id)
    return info


def quarantine(layout: Layout, clock: Callable[[], datetime], path: Path, reason: str) -> None:
    """Move something the store cannot trust to ``.quarantine/`` (kept for inspection, never listed)."""
    folder = layout.quarantine_dir
    folder.mkdir(exist_ok=True)
    dst = folder / f"{format_time(clock()).replace(':', '')}-{secrets.token_hex(3)}-{path.name}"  # type: ignore[union-attr]
    log.warning("quarantining %s -> %s (%s)", path, dst, reason)
    os.replace(path, dst)


def plan_purge(timelines: Timelines, model_ids: list[str], when: datetime) -> list[SnapshotInfo]:
    """The snapshots a purge at ``when`` removes: temporary ones past their expiry.

    Refused while a model's saved marks are unknown; nothing when the clock went backwards.
    """
    snapshots = [timelines.read(m) for m in model_ids]
    for one in snapshots:
        if any(not s.state_known for s in one):
            error = timelines.read_states(one[0].model_id)[1] or "unreadable"
            raise WorkspaceError(unknown_states_message(one[0].model_id, error))
    if retention.clock_went_backwards(when, snapshots):
        log.warning("purge skipped: the clock (%s) is earlier than a snapshot's creation", when)
        return []
    return [s for one in snapshots for s in retention.expired(one, when)]


def revert_impact(timelines: Timelines, model_id: str, snapshot_id: str) -> RevertImpact:
    """Exactly what a revert of ``model_id`` to ``snapshot_id`` would discard (nothing is changed)."""
    timeline = timelines.read(model_id)
    target = next((s for s in timeline if s.id == snapshot_id), None)
    if target is None:
        raise NotFoundError(f"No snapshot '{snapshot_id}' in model '{model_id}'.")
    later = [s for s in timeline if s.seq > target.seq]
    live = timelines.layout.training_file(model_id)
    frozen = timelines.layout.snapshot_file(model_id, target.id, TRAINING_FILE)
    try:
        changed = gpkg.content_digest(live) != gpkg.content_digest(frozen)
        live_counts = gpkg.counts(live)
    except gpkg.GeoPackageError as exc:
        raise WorkspaceError(
            f"Cannot compare the training data with snapshot '{target.name}': {exc}"
        ) from exc
    return RevertImpact(
        target=target,
        discarded_snapshots=list(reversed(later)),
        saved_discarded=[s for s in reversed(later) if s.saved],
        live_counts=live_counts,
        target_counts=target.counts,
        training_data_changed=changed,
    )


def apply_revert(
    timelines: Timelines,
    op: str,
    entry: Path,
    model_id: str,
    target: str,
    discard: list[str],
    *,
    recovering: bool,
) -> None:
    """Remove the snapshots ``discard`` and restore the live training data from ``target``'s frozen copy.

    When recovering, a target whose frozen copy is gone (damaged since) still has the
    discarded snapshots removed; in this process a missing copy fails the revert.
    """
    layout = timelines.layout
    moved: Moves = []
    try:
        move_to_trash(timelines, op, [(model_id, s) for s in discard], moved)
        frozen = layout.snapshot_file(model_id, target, TRAINING_FILE)
        if not recovering or frozen.exists():
            gpkg.restore(frozen, layout.training_file(model_id))
    except BaseException:
        if not recovering:
            _rollback(entry, moved)
        raise
    _finish(entry, moved)


# ---------------------------------------------------------------------- new model


def stage_model(
    timelines: Timelines, info: ModelInfo, fill: Callable[[Path], None], journaled: bool = False
) -> None:
    """Build a model folder in a hidden staging folder (``fill`` adds its files), then rename it in.

    ``journaled``: write a ``new_model`` journal entry before the rename (new model from a
    snapshot), so that a crash after it completes the model on the next open.
    """
    layout = timelines.layout
    staging = layout.staged_model_dir(info.id)
    entry = None
    try:
        atomic.make_dir(staging)
        atomic.make_dir(staging / SNAPSHOTS)
        atomic.write_new_file(staging / MODEL_FILE, atomic.json_bytes(modelfile.to_json(info)))
        fill(staging)
        atomic.fsync_dir(staging / SNAPSHOTS)
        atomic.fsync_dir(staging)
        if journaled:
            entry = journal.write(
                layout.root, new_id("j"), {"op": "new_model", "staged": staging.name, "model_id": info.id}
            )
    except BaseException:
        atomic.remove_tree(staging)
        raise
    apply_new_model(timelines, entry, info.id, recovering=False)


def create_model_from_snapshot(
    timelines: Timelines,
    model: ModelInfo,
    source: SnapshotInfo,
    name: str,
    classes: list[ClassSpec],
    reuse_training_data: bool,
    now: datetime,
) -> ModelInfo:
    """Stage a new model with one snapshot holding ``source``'s weights, then commit it (journaled).

    The model copies ``model``'s mode, input and network and records its origin
    (``parent_model_id``/``parent_snapshot_id``). Its live training data is a copy of
    ``source``'s frozen copy (``reuse_training_data``) or empty; its snapshot has no
    optimizer state and progress from zero.
    """
    timelines.verify(source.model_id, source.id)
    weights_blob = timelines.read_verified(source.model_id, source.id, WEIGHTS)
    if weights_blob is None:
        raise CorruptSnapshotError(f"Snapshot '{source.name}' has no weights.")
    info = ModelInfo(
        id=new_id("m"),
        name=name,
        classes=classes,
        mode=model.mode,
        input_spec=model.input_spec,
        network=dict(model.network),
        tile_size=model.tile_size,
        created_at=now,
        parent_model_id=model.id,
        parent_snapshot_id=source.id,
    )
    layout = timelines.layout
    frozen = layout.snapshot_file(source.model_id, source.id, TRAINING_FILE)
    snapshot_id = new_id("s", to_utc(now))
    record = manifest.build(
        snapshot_id=snapshot_id,
        model_id=info.id,
        seq=1,
        created_at=now,
        name=to_utc(now).strftime("%Y-%m-%d %H:%M:%S"),
        parent_id=None,
        origin={"model_id": source.model_id, "snapshot_id": source.id},
        progress={"epochs": 0, "steps": 0, "tiles_seen": 0},
        config=source.config,
    )

    def fill(staging: Path) -> None:
        live = staging / TRAINING_FILE
        if reuse_training_data:
            gpkg.backup(frozen, live)
        else:
            gpkg.create_empty(live, info.input_spec.crs)
        folder = staging / SNAPSHOTS / snapshot_id
        atomic.make_dir(folder)
        manifest.write_blob(record, folder, WEIGHTS, weights_blob)
        gpkg.backup(live, folder / TRAINING_FILE)
        record["counts"] = manifest.counts_json(gpkg.counts(live))
        manifest.record_file(record, folder, TRAINING_FILE)
        manifest.write(folder, record)

    stage_model(timelines, info, fill, journaled=True)
    return info


def empty_training_data(crs: str | None) -> Callable[[Path], None]:
    """A ``fill`` for :func:`stage_model`: an empty live training GeoPackage in ``crs``."""
    return lambda staging: gpkg.create_empty(staging / TRAINING_FILE, crs)


def apply_new_model(timelines: Timelines, entry: Path | None, model_id: str, *, recovering: bool) -> None:
    """Rename the staged folder of new model ``model_id`` into place (unless a folder is there)."""
    layout = timelines.layout
    staged = layout.staged_model_dir(model_id)
    target = layout.model_dir(model_id)
    renamed = False
    try:
        if staged.is_dir() and not staged.is_symlink() and not target.exists():
            atomic.replace(staged, target)
            renamed = True
            atomic.fsync_dir(layout.models_dir)
    except BaseException:
        if not recovering:
            # Not done or not durable: undo, so that the caller's error means "nothing changed".
            if renamed:
                with contextlib.suppress(OSError):
                    atomic.discard(target, layout.models_dir)
            if entry is not None:
                journal.remove(entry)
            atomic.remove_tree(staged)
        raise
    if entry is not None:
        journal.remove(entry)
