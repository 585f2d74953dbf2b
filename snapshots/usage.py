"""Disk use of a workspace: per model, per snapshot, per reverted set (read-only, no lock needed).

Every file is counted once, by its inode: a file reachable under two names (a hard link)
counts for the first folder it is met in (snapshots in timeline order first). Snapshots
share no file today (each one holds its own weights, optimizer state and frozen training
data), so a snapshot's size is what deleting it frees; the inode count keeps the totals
right if they ever do. Sizes are file sizes in bytes (``st_size``); links are not followed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from . import atomic
from .layout import Layout
from .paths import DETECTIONS, ID_PATTERN


@dataclass(frozen=True)
class ModelUsage:
    """Bytes one model takes: ``snapshots`` (timeline snapshot id → bytes), ``reverted`` (reverted
    set id → bytes), the live ``training_data`` and ``other`` (states, marks, leftovers)."""

    model_id: str
    snapshots: dict[str, int] = field(default_factory=dict)
    reverted: dict[str, int] = field(default_factory=dict)
    training_data: int = 0
    other: int = 0

    @property
    def snapshots_total(self) -> int:
        return sum(self.snapshots.values())

    @property
    def total(self) -> int:
        return self.snapshots_total + sum(self.reverted.values()) + self.training_data + self.other


@dataclass(frozen=True)
class WorkspaceUsage:
    """Bytes of the whole workspace: per model, the detections folder and the rest."""

    models: dict[str, ModelUsage]
    detections: int = 0
    other: int = 0

    @property
    def total(self) -> int:
        return sum(m.total for m in self.models.values()) + self.detections + self.other

    def snapshot_bytes(self, model_id: str, snapshot_id: str) -> int:
        model = self.models.get(model_id)
        return 0 if model is None else model.snapshots.get(snapshot_id, 0)


class _Counter:
    """Sums file sizes under folders, each inode once across every call."""

    def __init__(self) -> None:
        self.seen: set[tuple[int, int]] = set()

    def file(self, path: str) -> int:
        try:
            st = os.lstat(path)
        except OSError:
            return 0
        key = (st.st_dev, st.st_ino)
        if key in self.seen or not os.path.isfile(path) or os.path.islink(path):
            return 0
        self.seen.add(key)
        return int(st.st_size)

    def tree(self, path: str | Path) -> int:
        total = 0
        for folder, dirs, files in os.walk(path, followlinks=False):
            dirs.sort()
            for name in sorted(files):
                total += self.file(os.path.join(folder, name))
        return total


def _visible_ids(folder: Path) -> list[str]:
    try:
        return sorted(
            e.name
            for e in os.scandir(folder)
            if not atomic.is_hidden(e.name) and ID_PATTERN.match(e.name) and e.is_dir(follow_symlinks=False)
        )
    except FileNotFoundError:
        return []


def model_usage(
    layout: Layout, model_id: str, order: Sequence[str] = (), counter: _Counter | None = None
) -> ModelUsage:
    """Disk use of one model; ``order``: its timeline's snapshot ids, oldest first (counted first)."""
    counter = counter or _Counter()
    folder = layout.snapshots_dir(model_id)
    ids = list(order) + [i for i in _visible_ids(folder) if i not in set(order)]
    snapshots = {i: counter.tree(folder / i) for i in ids if (folder / i).is_dir()}
    reverted = {
        i: counter.tree(layout.reverted_dir(model_id) / i)
        for i in _visible_ids(layout.reverted_dir(model_id))
    }
    live = layout.training_file(model_id)
    training = sum(counter.file(str(live) + suffix) for suffix in ("", "-wal", "-shm", "-journal"))
    other = counter.tree(layout.model_dir(model_id))  # everything not counted above
    return ModelUsage(model_id, snapshots, reverted, training, other)


def workspace_usage(layout: Layout, timelines: Iterable[tuple[str, Sequence[str]]]) -> WorkspaceUsage:
    """Disk use of the workspace; ``timelines``: ``(model id, snapshot ids oldest first)`` per model."""
    counter = _Counter()
    models = {m: model_usage(layout, m, order, counter) for m, order in timelines}
    detections = counter.tree(layout.root / DETECTIONS) if (layout.root / DETECTIONS).is_dir() else 0
    return WorkspaceUsage(models, detections, counter.tree(layout.root))


def format_bytes(n: int) -> str:
    """``512 B``, ``3.4 kB``, ``12.0 MB``, ``1.20 GB`` (decimal units, as the budget)."""
    if n < 1000:
        return f"{n} B"
    for unit, size in (("kB", 1e3), ("MB", 1e6), ("GB", 1e9)):
        if n < size * 1000 or unit == "GB":
            value = n / size
            return f"{value:.2f} {unit}" if unit == "GB" else f"{value:.1f} {unit}"
    return f"{n} B"  # pragma: no cover
