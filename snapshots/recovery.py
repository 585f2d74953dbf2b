"""Recovery when a workspace is opened (and before each write): finish what a dead writer left.

* Journaled operations (revert, its undo, purge, new model from a snapshot) still pending are rolled
  forward: each step is idempotent, so this reaches the state after the operation.
* Staging (``.tmp-*``) and trash (``.trash-*``) leftovers are removed: a staging folder was
  never committed, so removing it restores the state before the operation.
* Folders the store cannot trust (a snapshot folder without a manifest, a model folder
  without ``model.json``, an unreadable journal entry) go to ``.quarantine/``.

Recovery runs only when the workspace lock is free: another live writer's staging
folders are never touched.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import HuntrError, WorkspaceError
from . import atomic, gpkg, journal, operations
from .layout import Layout
from .lock import WorkspaceLock
from .paths import ID_PATTERN, MANIFEST, MODEL_FILE, REVERTED, SNAPSHOTS
from .timeline import Timelines

log = logging.getLogger(__name__)


def recover(timelines: Timelines, lock: WorkspaceLock, clock: Callable[[], datetime]) -> None:
    """Finish interrupted operations and clear staging leftovers (only when no one else writes)."""
    root = timelines.layout.root
    try:
        lock.acquire(0)
    except (WorkspaceError, OSError) as exc:
        log.info("recovery of workspace %s skipped: %s", root, exc)
        return
    try:
        complete_pending(timelines, clock)
        clean(timelines.layout, clock)
    except OSError as exc:
        log.warning("recovery of %s incomplete: %s", root, exc)
    finally:
        lock.release()


def complete_pending(timelines: Timelines, clock: Callable[[], datetime]) -> None:
    """Roll forward every journaled operation left unfinished (the caller holds the lock)."""
    for path, entry in journal.pending(timelines.layout.root):
        roll_forward(timelines, clock, path, entry)


def roll_forward(
    timelines: Timelines, clock: Callable[[], datetime], path: Path, entry: dict[str, Any] | None
) -> None:
    """Apply again every step of one journaled operation (each step is idempotent)."""
    op_name = (entry or {}).get("op")
    op = str((entry or {}).get("id", "recovered"))
    try:
        if op_name == "purge":
            items = [(str(m), str(s)) for m, s in entry["items"]]  # type: ignore[index]
            sets = [(str(m), str(s)) for m, s in entry.get("sets", [])]  # type: ignore[union-attr]
            _check_purge(timelines, items, sets)
            operations.apply_purge(timelines, op, path, items, recovering=True, sets=sets)
        elif op_name in ("revert", "undo_revert"):
            model_id, target = str(entry["model_id"]), str(entry["target"])  # type: ignore[index]
            _check_revert(timelines, model_id, target, [str(s) for s in entry["discard"]])  # type: ignore[index]
            apply = operations.apply_revert if op_name == "revert" else operations.apply_undo
            apply(timelines, op, path, entry, recovering=True)  # type: ignore[arg-type]
        elif op_name == "new_model":
            model_id = str(entry["model_id"])  # type: ignore[index]
            # only the staging folder this operation made: never an existing model's folder
            if str(entry["staged"]) != timelines.layout.staged_model_name(model_id):  # type: ignore[index]
                raise ValueError(f"the staged folder {entry['staged']!r} is not the one of model {model_id}")  # type: ignore[index]
            operations.apply_new_model(timelines, path, model_id, recovering=True)
        else:
            operations.quarantine(timelines.layout, clock, path, "unknown journal entry")
        log.info("completed interrupted operation %s (%s)", op, op_name)
    except (HuntrError, KeyError, TypeError, ValueError, gpkg.GeoPackageError) as exc:
        log.error("cannot complete interrupted operation %s: %s", path, exc)
        operations.quarantine(timelines.layout, clock, path, str(exc))


def _check_purge(timelines: Timelines, items: list[tuple[str, str]], sets: list[tuple[str, str]]) -> None:
    """A purge only ever moved temporary snapshots and reverted sets without a saved snapshot:
    refuse an entry naming a current or saved snapshot, or a set kept for good."""
    for model_id, set_id in sets:
        found = next((r for r in timelines.reverted(model_id) if r.id == set_id), None)
        if found is not None and found.expires_at is None:
            raise ValueError(f"the purge names reverted set {set_id}, which holds a saved snapshot")
    for model_id, snapshot_id in items:
        if not timelines.layout.snapshot_dir(model_id, snapshot_id).exists():
            continue  # already moved by the interrupted run
        info = next((s for s in timelines.read(model_id) if s.id == snapshot_id), None)
        if info is not None and (info.is_current or info.saved or not info.state_known):
            raise ValueError(f"the purge names snapshot {snapshot_id}, which is {info.kind}, not expired")


def _check_revert(timelines: Timelines, model_id: str, target: str, discard: list[str]) -> None:
    """A revert only ever discarded snapshots newer than its target: refuse any other entry."""
    by_id = {s.id: s for s in timelines.read(model_id)}
    if target not in by_id:
        raise ValueError(f"the revert target {target} is not a snapshot of model {model_id}")
    for snapshot_id in discard:
        info = by_id.get(snapshot_id)
        if info is not None and info.seq <= by_id[target].seq:
            raise ValueError(f"the revert names snapshot {snapshot_id}, which is not newer than its target")


def clean(layout: Layout, clock: Callable[[], datetime]) -> None:
    """Remove staging and trash leftovers; quarantine folders that lack a valid manifest."""
    for leftover in layout.root.glob(f"{atomic.TMP_PREFIX}*"):
        atomic.remove_tree(leftover)
    jdir = journal.journal_dir(layout.root)
    if jdir.is_dir():
        for leftover in jdir.glob(f"{atomic.TMP_PREFIX}*"):
            atomic.remove_tree(leftover)
    if not layout.models_dir.is_dir():
        return
    for entry in os.scandir(layout.models_dir):
        if entry.name.startswith((atomic.TMP_PREFIX, atomic.TRASH_PREFIX)):
            atomic.remove_tree(entry.path)
            continue
        if atomic.is_hidden(entry.name) or not entry.is_dir(follow_symlinks=False):
            continue
        model_dir = Path(entry.path)
        if not (model_dir / MODEL_FILE).is_file():
            operations.quarantine(layout, clock, model_dir, "model folder without model.json")
            continue
        for leftover in model_dir.glob(f"{atomic.TMP_PREFIX}*"):
            atomic.remove_tree(leftover)
        for leftover in (model_dir / REVERTED).glob(".*"):  # staging and trash of reverted sets
            atomic.remove_tree(leftover)
        snaps = model_dir / SNAPSHOTS
        if not snaps.is_dir():
            continue
        for sub in os.scandir(snaps):
            if sub.name.startswith((atomic.TMP_PREFIX, atomic.TRASH_PREFIX)):
                atomic.remove_tree(sub.path)
            elif not atomic.is_hidden(sub.name):
                # cheap check (a stat): opening must stay fast with thousands of snapshots;
                # a present but malformed manifest is skipped by listings, never trusted
                valid = (
                    ID_PATTERN.match(sub.name) is not None
                    and not sub.is_symlink()
                    and os.path.isfile(os.path.join(sub.path, MANIFEST))
                )
                if not valid:
                    operations.quarantine(layout, clock, Path(sub.path), "snapshot folder without a manifest")
