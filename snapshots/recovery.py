"""Recovery when a workspace is opened (and before each write): finish what a dead writer left.

* Journaled operations (revert, purge, new model from a snapshot) still pending are rolled
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
import secrets
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import HuntrError, WorkspaceError
from . import atomic, gpkg, journal
from .model import format_time
from .paths import ID_PATTERN, MANIFEST, MODEL_FILE, MODELS, QUARANTINE, SNAPSHOTS, TRAINING_FILE, inside

if TYPE_CHECKING:
    from .store import Workspace

log = logging.getLogger(__name__)


def recover(ws: Workspace) -> None:
    """Finish interrupted operations and clear staging leftovers (only when no one else writes)."""
    try:
        ws._lock.acquire(0)
    except (WorkspaceError, OSError) as exc:
        log.info("recovery of workspace %s skipped: %s", ws.root, exc)
        return
    try:
        complete_pending(ws)
        clean(ws)
    except OSError as exc:
        log.warning("recovery of %s incomplete: %s", ws.root, exc)
    finally:
        ws._lock.release()


def complete_pending(ws: Workspace) -> None:
    """Roll forward every journaled operation left unfinished (the caller holds the lock)."""
    for path, entry in journal.pending(ws.root):
        roll_forward(ws, path, entry)


def roll_forward(ws: Workspace, path: Path, entry: dict[str, Any] | None) -> None:
    """Apply again every step of one journaled operation (each step is idempotent)."""
    op_name = (entry or {}).get("op")
    op = str((entry or {}).get("id", "recovered"))
    try:
        if op_name == "purge":
            items = [(str(m), str(s)) for m, s in entry["items"]]  # type: ignore[index]
            _check_purge(ws, items)
            ws._finish(path, ws._move_to_trash(op, items))
        elif op_name == "revert":
            model_id, target = str(entry["model_id"]), str(entry["target"])  # type: ignore[index]
            discard = [str(s) for s in entry["discard"]]  # type: ignore[index]
            _check_revert(ws, model_id, target, discard)
            moved = ws._move_to_trash(op, [(model_id, s) for s in discard])
            frozen = ws._snapshot_file(model_id, target, TRAINING_FILE)
            if frozen.exists():
                gpkg.restore(frozen, ws._training_file(model_id))
            ws._finish(path, moved)
        elif op_name == "new_model":
            model_id = str(entry["model_id"])  # type: ignore[index]
            target_dir = ws._model_dir(model_id)
            # only the staging folder this operation made: never an existing model's folder
            if str(entry["staged"]) != f"{atomic.TMP_PREFIX}{model_id}":  # type: ignore[index]
                raise ValueError(f"the staged folder {entry['staged']!r} is not the one of model {model_id}")  # type: ignore[index]
            staged = inside(ws.root, MODELS, f"{atomic.TMP_PREFIX}{model_id}")
            if staged.is_dir() and not staged.is_symlink() and not target_dir.exists():
                atomic.replace(staged, target_dir)
                atomic.fsync_dir(ws.models_dir)
            journal.remove(path)
        else:
            quarantine(ws, path, "unknown journal entry")
        log.info("completed interrupted operation %s (%s)", op, op_name)
    except (HuntrError, KeyError, TypeError, ValueError, gpkg.GeoPackageError) as exc:
        log.error("cannot complete interrupted operation %s: %s", path, exc)
        quarantine(ws, path, str(exc))


def _check_purge(ws: Workspace, items: list[tuple[str, str]]) -> None:
    """A purge only ever moved temporary snapshots: refuse an entry naming a current or saved one."""
    for model_id, snapshot_id in items:
        if not ws._snapshot_dir(model_id, snapshot_id).exists():
            continue  # already moved by the interrupted run
        timeline = ws._timeline(model_id)
        info = next((s for s in timeline if s.id == snapshot_id), None)
        if info is not None and (info.is_current or info.saved or not info.state_known):
            raise ValueError(f"the purge names snapshot {snapshot_id}, which is {info.kind}, not expired")


def _check_revert(ws: Workspace, model_id: str, target: str, discard: list[str]) -> None:
    """A revert only ever discarded snapshots newer than its target: refuse any other entry."""
    timeline = ws._timeline(model_id)
    by_id = {s.id: s for s in timeline}
    if target not in by_id:
        raise ValueError(f"the revert target {target} is not a snapshot of model {model_id}")
    for snapshot_id in discard:
        info = by_id.get(snapshot_id)
        if info is not None and info.seq <= by_id[target].seq:
            raise ValueError(f"the revert names snapshot {snapshot_id}, which is not newer than its target")


def quarantine(ws: Workspace, path: Path, reason: str) -> None:
    """Move something the store cannot trust to ``.quarantine/`` (kept for inspection, never listed)."""
    folder = ws.root / QUARANTINE
    folder.mkdir(exist_ok=True)
    dst = folder / f"{format_time(ws.clock()).replace(':', '')}-{secrets.token_hex(3)}-{path.name}"  # type: ignore[union-attr]
    log.warning("quarantining %s -> %s (%s)", path, dst, reason)
    os.replace(path, dst)


def clean(ws: Workspace) -> None:
    """Remove staging and trash leftovers; quarantine folders that lack a valid manifest."""
    for leftover in ws.root.glob(f"{atomic.TMP_PREFIX}*"):
        atomic.remove_tree(leftover)
    jdir = journal.journal_dir(ws.root)
    if jdir.is_dir():
        for leftover in jdir.glob(f"{atomic.TMP_PREFIX}*"):
            atomic.remove_tree(leftover)
    if not ws.models_dir.is_dir():
        return
    for entry in os.scandir(ws.models_dir):
        if entry.name.startswith((atomic.TMP_PREFIX, atomic.TRASH_PREFIX)):
            atomic.remove_tree(entry.path)
            continue
        if atomic.is_hidden(entry.name) or not entry.is_dir(follow_symlinks=False):
            continue
        model_dir = Path(entry.path)
        if not (model_dir / MODEL_FILE).is_file():
            quarantine(ws, model_dir, "model folder without model.json")
            continue
        for leftover in model_dir.glob(f"{atomic.TMP_PREFIX}*"):
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
                    quarantine(ws, Path(sub.path), "snapshot folder without a manifest")
