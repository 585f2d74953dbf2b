"""Temporary workspaces (of projects never saved): removed when left empty, moved when saved.

Every unsaved project gets a temporary workspace (``paths.temporary_workspace_dir``),
created as soon as the panel looks at it. When the project is closed without a model
or a detection made in it, the folder is useless: :func:`discard_if_empty` deletes it.
Anything it does not recognise (a model, a detection, a file the user put there)
keeps the folder.
"""

from __future__ import annotations

import logging
import secrets
import shutil
from pathlib import Path
from typing import Any

from ..errors import WorkspaceError
from . import atomic
from .paths import DETECTIONS, MODELS, WORKSPACE_FILE

log = logging.getLogger(__name__)

# what an untouched workspace holds: its metadata, empty folders, internal bookkeeping
_EMPTY_FOLDERS = {MODELS, DETECTIONS, ".journal", ".quarantine"}
_INTERNAL_FILES = {WORKSPACE_FILE, ".lock"}


def is_empty(ws: Any) -> bool:
    """Whether the workspace folder holds nothing but what opening it created."""
    root = ws.root
    if not root.is_dir():
        return False
    for entry in root.iterdir():
        if entry.name in _INTERNAL_FILES and entry.is_file():
            continue
        if entry.name in _EMPTY_FOLDERS and entry.is_dir() and not any(entry.iterdir()):
            continue
        return False
    return True


def discard_if_empty(ws: Any) -> bool:
    """Delete ``ws`` when it is a temporary workspace holding nothing; True when it was deleted."""
    if ws is None or not getattr(ws, "is_temporary", False) or getattr(ws, "read_only", False):
        return False
    try:
        if not is_empty(ws):
            return False
        shutil.rmtree(ws.root)
    except OSError as exc:
        log.warning("Could not remove the empty temporary workspace %s: %s", ws.root, exc)
        return False
    return True


def check_move_target(target: Path) -> Path:
    """``target`` when a workspace can be moved there; :class:`WorkspaceError` when one exists."""
    if target.exists():
        raise WorkspaceError(
            f"A workspace already exists at {target}; open it instead, or move it away first."
        )
    return target


def move_folder(old: Path, target: Path) -> None:
    """Move a workspace folder to ``target`` (a rename; across file systems a copy, then a swap).

    The caller holds the workspace lock; staging, trash and the lock file are not copied.
    """
    target.parent.mkdir(parents=True, exist_ok=True)
    try:
        atomic.replace(old, target)
        atomic.fsync_dir(target.parent)
    except OSError as exc:
        if exc.errno != 18:  # EXDEV: another file system -> copy, then swap
            raise
        staging = target.with_name(f"{atomic.TMP_PREFIX}{secrets.token_hex(4)}-{target.name}")
        shutil.copytree(old, staging, ignore=shutil.ignore_patterns(".lock", ".tmp-*", ".trash-*"))
        atomic.fsync_dir(staging)
        atomic.replace(staging, target)
        atomic.fsync_dir(target.parent)
        shutil.rmtree(old, ignore_errors=True)
