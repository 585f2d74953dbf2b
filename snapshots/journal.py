"""The intent journal of multi-step operations (revert, purge, new model from a snapshot).

An operation first prepares everything that is invisible (staged files), then writes
one journal entry atomically: that is its commit point. It then applies the visible
steps and removes the entry. On the next open, every entry still present is applied
again (each step is idempotent), so a crash at any moment leaves either the state
before the operation (no entry yet) or the state after it (entry rolled forward).
"""

from __future__ import annotations

import contextlib
import logging
import os
from pathlib import Path
from typing import Any

from . import atomic

log = logging.getLogger(__name__)
JOURNAL_DIR = ".journal"


def journal_dir(root: Path) -> Path:
    return root / JOURNAL_DIR


def write(root: Path, op_id: str, entry: dict[str, Any]) -> Path:
    """Record ``entry`` (with ``op`` and its arguments) durably as operation ``op_id``."""
    folder = journal_dir(root)
    if not folder.is_dir():
        atomic.make_dir(folder)
        atomic.fsync_dir(root)
    path = folder / f"{op_id}.json"
    atomic.write_json_atomic(path, {"id": op_id, **entry})
    return path


def remove(path: Path) -> None:
    """Drop a finished operation's entry (the operation is then complete for good)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    with contextlib.suppress(OSError):
        atomic.fsync_dir(path.parent)


def pending(root: Path) -> list[tuple[Path, dict[str, Any] | None]]:
    """Entries left by operations that did not finish, oldest first (``None`` when unreadable)."""
    folder = journal_dir(root)
    if not folder.is_dir():
        return []
    out: list[tuple[Path, dict[str, Any] | None]] = []
    for path in sorted(folder.iterdir(), key=lambda p: (p.stat().st_mtime_ns, p.name)):
        if atomic.is_hidden(path.name) or path.suffix != ".json":
            continue
        try:
            data = atomic.read_json(path)
        except (OSError, ValueError) as exc:
            log.warning("unreadable journal entry %s: %s", path, exc)
            data = None
        out.append((path, data if isinstance(data, dict) else None))
    return out
