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
from collections.abc import Callable, Sequence
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from ..errors import CorruptSnapshotError, NotFoundError, WorkspaceError
from . import atomic, gpkg, journal, manifest, modelfile, policy, retention, usage
from .errors import ProtectedSnapshotError
from .layout import Layout
from .model import (
    SCHEMA_VERSION,
    ClassSpec,
    DamagedSnapshot,
    ModelInfo,
    RevertedSet,
    RevertImpact,
    SnapshotInfo,
    format_time,
    to_utc,
)
from .paths import (
    ID_PATTERN,
    MODEL_FILE,
    REVERT_RECORD,
    SNAPSHOTS,
    TRAINING_FILE,
    WEIGHTS,
    new_id,
    validate_id,
)
from .timeline import Timelines, default_snapshot_name, get, unknown_states_message

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


def _rollback(entry: Path, moved: Moves) -> bool:
    """Undo the visible steps of a journaled operation that failed in this process (True: undone)."""
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
    return ok


# ---------------------------------------------------------------------- purge


def apply_purge(
    timelines: Timelines,
    op: str,
    entry: Path,
    items: list[tuple[str, str]],
    *,
    recovering: bool,
    sets: Sequence[tuple[str, str]] = (),
) -> None:
    """Remove the snapshot folders ``items`` and reverted sets ``sets`` (``(model id, id)``) of ``op``."""
    moved: Moves = []
    try:
        move_to_trash(timelines, op, items, moved)
        for model_id, set_id in sets:
            src = timelines.layout.reverted_set_dir(model_id, set_id)
            if src.is_dir():
                dst = timelines.layout.reverted_dir(model_id) / f"{atomic.TRASH_PREFIX}{op}-{set_id}"
                atomic.replace(src, dst)
                moved.append((src, dst))
                atomic.fsync_dir(dst.parent)
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


def plan_purge(
    timelines: Timelines,
    model_ids: list[str],
    when: datetime,
    trial: dict[str, policy.RetentionPolicy] | None = None,
) -> retention.PurgePlan:
    """What a purge at ``when`` removes under each model's retention policy, and why
    (``retention.plan``): the preview of every front end and the store's purge both call this.

    Refused while a model's saved marks or its own policy cannot be read; no expiry is trusted
    when the clock went backwards. ``trial``: model id → a policy to preview instead of the
    stored one (a policy being edited; never used by a purge).
    """
    snapshots = {m: timelines.read(m) for m in model_ids}
    policies: dict[str, policy.RetentionPolicy] = {}
    for model_id, one in snapshots.items():
        if any(not s.state_known for s in one):
            error = timelines.read_states(model_id)[1] or "unreadable"
            raise WorkspaceError(unknown_states_message(model_id, error))
        found, unreadable = timelines.policy_of(model_id)
        if trial and model_id in trial:
            found, unreadable = trial[model_id], None
        policy.refuse_unreadable(model_id, unreadable)
        policies[model_id] = found
    sets = [r for m in model_ids for r in timelines.reverted(m)]
    disk = usage.workspace_usage(timelines.layout, [(m, [s.id for s in one]) for m, one in snapshots.items()])
    sizes = {(m, sid): n for m, u in disk.models.items() for sid, n in u.snapshots.items()}
    set_sizes = {(m, rid): n for m, u in disk.models.items() for rid, n in u.reverted.items()}
    found_plan = retention.plan(snapshots, policies, when, sizes, sets, set_sizes)
    if found_plan.clock_backwards:
        log.warning("purge: the clock (%s) is earlier than a snapshot's creation; nothing expires", when)
    return found_plan


def revert_impact(timelines: Timelines, model_id: str, snapshot_id: str, now: datetime) -> RevertImpact:
    """What a revert of ``model_id`` to ``snapshot_id`` at ``now`` would take back (nothing changes).

    What it takes back goes to a reverted set, restorable until ``undo_until`` (``None``:
    until undone, because it holds a saved snapshot).
    """
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
        undo_until=None
        if any(s.saved for s in later)
        else now + timedelta(days=timelines.temporary_days(model_id)),
    )


def apply_revert(
    timelines: Timelines, op: str, entry: Path, record: dict[str, Any], *, recovering: bool
) -> None:
    """Apply revert ``op`` (``record``: its journal entry): move the snapshots ``discard`` into
    reverted set ``new_set`` (staged by :func:`begin_taking_back`; without one they are
    deleted) and restore the live training data from ``target``'s frozen copy.

    When recovering, a target whose frozen copy is gone (damaged since) still has the
    discarded snapshots moved; in this process a missing copy fails the revert.
    """
    model_id, target = str(record["model_id"]), str(record["target"])
    discard, set_id = [str(s) for s in record["discard"]], set_id_of(record.get("new_set"))
    layout = timelines.layout
    kept: Moves = []  # renames into the reverted set: undone on failure, kept on success
    moved: Moves = []  # renames to trash (no set): removed on success
    try:
        if set_id is not None and _open_set(timelines, model_id, set_id, kept):
            _move_into_set(timelines, model_id, set_id, discard, kept)
        else:
            move_to_trash(timelines, op, [(model_id, s) for s in discard], moved)
        frozen = layout.snapshot_file(model_id, target, TRAINING_FILE)
        if not recovering or frozen.exists():
            gpkg.restore(frozen, layout.training_file(model_id))
    except BaseException:
        if not recovering and _rollback(entry, kept + moved) and set_id is not None:
            atomic.remove_tree(layout.staged_set_dir(model_id, set_id))
        raise
    _finish(entry, moved)


# ---------------------------------------------------------------------- reverted sets (undo)


def stage_set(
    timelines: Timelines, model_id: str, set_id: str, target: str, snapshot_ids: list[str], now: datetime
) -> None:
    """Prepare, invisibly, the reverted set a revert (or an undo) moves what it replaces to.

    It holds a copy of the live training data and ``revert.json`` (when, back to which
    snapshot, which snapshots); the snapshot folders follow after the commit point.
    """
    layout = timelines.layout
    staging = layout.staged_set_dir(model_id, set_id)
    record = {
        "schema_version": SCHEMA_VERSION,
        "id": set_id,
        "model_id": model_id,
        "reverted_at": format_time(now),
        "target": target,
        "snapshots": list(snapshot_ids),
        "seq": 1 + max((r.seq for r in timelines.reverted(model_id)), default=0),
    }
    try:
        atomic.make_dir(staging)
        atomic.make_dir(staging / SNAPSHOTS)
        gpkg.backup(layout.training_file(model_id), staging / TRAINING_FILE)
        atomic.write_new_file(staging / REVERT_RECORD, atomic.json_bytes(record))
        atomic.fsync_dir(staging / SNAPSHOTS)
        atomic.fsync_dir(staging)
    except BaseException:
        atomic.remove_tree(staging)
        raise


def begin_taking_back(
    timelines: Timelines, op: str, record: dict[str, Any], now: datetime
) -> tuple[Path, dict[str, Any]]:
    """The commit point of a revert or an undo: ``record`` is its journal entry (``model_id``,
    ``target``, ``discard``: the snapshots it takes back).

    When it takes anything back (snapshots, or live training data that differ from the
    target's), reverted set ``op`` is staged first and named in the entry as ``new_set``; a
    failed journal write removes it. Returns the entry's path and the entry.
    """
    model_id, target, taken = str(record["model_id"]), str(record["target"]), list(record["discard"])
    keep = bool(taken) or training_changed(timelines, model_id, target)
    if keep:
        stage_set(timelines, model_id, op, target, taken, now)
    record = {**record, "new_set": op if keep else None}
    try:
        return journal.write(timelines.layout.root, op, record), record
    except BaseException:
        if keep:
            atomic.remove_tree(timelines.layout.staged_set_dir(model_id, op))
        raise


def set_id_of(value: Any) -> str | None:
    """A reverted set's id from a journal entry (``None``: no set); :class:`ValueError` when malformed."""
    if value is None:
        return None
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise ValueError(f"the journal entry names a malformed reverted set {value!r}")
    return value


def training_changed(timelines: Timelines, model_id: str, snapshot_id: str) -> bool:
    """Whether the live training data differ from a snapshot's frozen copy."""
    live = timelines.layout.training_file(model_id)
    frozen = timelines.layout.snapshot_file(model_id, snapshot_id, TRAINING_FILE)
    try:
        return gpkg.content_digest(live) != gpkg.content_digest(frozen)
    except gpkg.GeoPackageError as exc:
        raise WorkspaceError(
            f"Cannot compare the training data with snapshot '{snapshot_id}': {exc}"
        ) from exc


def _open_set(timelines: Timelines, model_id: str, set_id: str, moved: Moves) -> bool:
    """Rename a staged set into ``reverted/`` (idempotent); whether the set's folder is there."""
    layout = timelines.layout
    staged = layout.staged_set_dir(model_id, set_id)
    parent = layout.reverted_dir(model_id)
    final = layout.reverted_set_dir(model_id, set_id)
    if staged.is_dir() and not staged.is_symlink() and not final.exists():
        if not parent.is_dir():
            atomic.make_dir(parent)
            atomic.fsync_dir(parent.parent)
        atomic.replace(staged, final)
        moved.append((staged, final))
        atomic.fsync_dir(parent)
    return final.is_dir()


def _move_into_set(
    timelines: Timelines, model_id: str, set_id: str, snapshot_ids: list[str], moved: Moves
) -> None:
    layout = timelines.layout
    done = False
    for snapshot_id in snapshot_ids:
        src = layout.snapshot_dir(model_id, snapshot_id)
        dst = layout.reverted_snapshot_dir(model_id, set_id, snapshot_id)
        if src.is_dir() and not dst.exists():
            atomic.replace(src, dst)
            moved.append((src, dst))
            done = True
        timelines.manifests.forget(model_id, snapshot_id)
    if done:
        atomic.fsync_dir(layout.snapshots_dir(model_id))
        atomic.fsync_dir(layout.reverted_set_dir(model_id, set_id) / SNAPSHOTS)


def plan_undo(
    timelines: Timelines, model_id: str, set_id: str | None, now: datetime
) -> tuple[RevertedSet, list[str]]:
    """The set to restore (``None``: the newest) and the snapshots newer than its target that
    the undo takes back."""
    sets = timelines.reverted(model_id)
    found = next((r for r in sets if r.id == set_id), None) if set_id else next(iter(sets), None)
    if found is None:
        raise NotFoundError(
            f"No revert of model '{model_id}' to undo ({set_id or 'none left'}): undone or expired."
        )
    if found.expires_at is not None and found.expires_at <= now:
        raise WorkspaceError(
            f"The revert of {format_time(found.reverted_at)} can no longer be undone: it expired on "
            f"{format_time(found.expires_at)}."
        )
    timeline = timelines.read(model_id)
    target = next((s for s in timeline if s.id == found.target_id), None)
    if target is None:
        raise WorkspaceError(
            f"The snapshot that revert went back to ({found.target_id}) is no longer in the timeline; "
            "undo the later revert first."
        )
    return found, [s.id for s in timeline if s.seq > target.seq]


def apply_undo(
    timelines: Timelines, op: str, entry: Path, record: dict[str, Any], *, recovering: bool
) -> None:
    """Apply undo ``op`` (``record``: its journal entry): put reverted set ``set``'s snapshots
    ``restore`` back, and its training data.

    What the undo replaces (snapshots ``discard``, edited training data) goes to reverted set
    ``new_set`` (staged by :func:`begin_taking_back`), so an undo can itself be undone.
    """
    model_id, set_id = str(record["model_id"]), str(set_id_of(record["set"]))
    restore, discard = [str(s) for s in record["restore"]], [str(s) for s in record["discard"]]
    new_set = set_id_of(record.get("new_set"))
    layout = timelines.layout
    set_dir = layout.reverted_set_dir(model_id, set_id)
    kept: Moves = []
    moved: Moves = []
    try:
        if new_set is not None and _open_set(timelines, model_id, new_set, kept):
            _move_into_set(timelines, model_id, new_set, discard, kept)
        else:
            move_to_trash(timelines, op, [(model_id, s) for s in discard], moved)
        for snapshot_id in restore:
            src = layout.reverted_snapshot_dir(model_id, set_id, snapshot_id)
            dst = layout.snapshot_dir(model_id, snapshot_id)
            if src.is_dir() and not dst.exists():
                atomic.replace(src, dst)
                kept.append((src, dst))
        atomic.fsync_dir(layout.snapshots_dir(model_id))
        if set_dir.is_dir() and (set_dir / TRAINING_FILE).is_file():
            gpkg.restore(set_dir / TRAINING_FILE, layout.training_file(model_id))
    except BaseException:
        if not recovering and _rollback(entry, kept + moved) and new_set is not None:
            atomic.remove_tree(layout.staged_set_dir(model_id, new_set))
        raise
    try:
        if set_dir.is_dir():  # emptied: its snapshots and training data are back
            atomic.discard(set_dir, layout.reverted_dir(model_id))
    except OSError as exc:
        if recovering:
            raise
        # past the point of no return: the next write (or open) completes the undo
        log.warning("the emptied reverted set %s stays until the undo is completed: %s", set_dir, exc)
        return
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
        name=default_snapshot_name(1, source=model.name),
        parent_id=source.id,
        parent_model_id=source.model_id,
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
