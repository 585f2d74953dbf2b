"""Temporary workspaces (of projects never saved) that hold nothing are removed when left.

Every unsaved project gets a temporary workspace (``paths.temporary_workspace_dir``),
created as soon as the panel looks at it. When the project is closed without a model
or a detection made in it, the folder is useless: :func:`discard_if_empty` deletes it.
Anything it does not recognise (a model, a detection, a file the user put there)
keeps the folder.
"""

from __future__ import annotations

import logging
import shutil
from typing import Any

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
