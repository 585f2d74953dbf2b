"""Lineage across models: which snapshot came from which (pure functions over timelines).

Each snapshot records its parent in its manifest (``parent_model_id``, ``parent_id``): the
snapshot training resumed from (the current state when it was written; after a revert, the
snapshot reverted to), or, for the first snapshot of a model made from a snapshot, that
snapshot in the other model. A revert records what it went back to in its reverted set
(``RevertedSet.target_id``). Nothing here touches the disk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .model import ModelInfo, SnapshotInfo


@dataclass(frozen=True)
class LineageNode:
    """One snapshot in the lineage tree.

    ``depth``: how many models it is away from its root's model (+1 for each model made from
    a snapshot); snapshots of one model that follow each other keep the depth.
    """

    model_id: str
    model_name: str
    snapshot_id: str
    snapshot_name: str
    kind: str
    parent_model_id: str | None
    parent_id: str | None
    depth: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def tree(models: Sequence[ModelInfo], timelines: Mapping[str, Sequence[SnapshotInfo]]) -> list[LineageNode]:
    """Every snapshot of ``models``, depth first: children right after their parent.

    Children are ordered by model (oldest model first), then by ``seq``. A snapshot whose
    parent is no longer there (deleted, purged or reverted away) is shown as a root.
    """
    names = {m.id: m.name for m in models}
    order = {m.id: i for i, m in enumerate(models)}
    present = {(s.model_id, s.id): s for m in models for s in timelines.get(m.id, ())}
    children: dict[tuple[str, str] | None, list[SnapshotInfo]] = {}
    for snap in present.values():
        key = (snap.parent_model_id, snap.parent_id) if snap.parent_id and snap.parent_model_id else None
        if key not in present:
            key = None
        children.setdefault(key, []).append(snap)
    for siblings in children.values():
        siblings.sort(key=lambda s: (order[s.model_id], s.seq, s.id))
    out: list[LineageNode] = []
    stack = [(s, 0) for s in reversed(children.get(None, []))]
    while stack:
        snap, depth = stack.pop()
        out.append(
            LineageNode(
                snap.model_id,
                names[snap.model_id],
                snap.id,
                snap.name,
                snap.kind,
                snap.parent_model_id,
                snap.parent_id,
                depth,
            )
        )
        following = reversed(children.get((snap.model_id, snap.id), []))
        stack.extend((c, depth + (c.model_id != snap.model_id)) for c in following)
    return out


def ancestors(node: SnapshotInfo, timelines: Mapping[str, Sequence[SnapshotInfo]]) -> list[SnapshotInfo]:
    """The chain of parents of ``node`` that still exist, nearest first (across models)."""
    present = {(s.model_id, s.id): s for timeline in timelines.values() for s in timeline}
    out, seen = [], set()
    key = (node.parent_model_id, node.parent_id)
    while key in present and key not in seen:
        seen.add(key)
        parent = present[key]  # type: ignore[index]
        out.append(parent)
        key = (parent.parent_model_id, parent.parent_id)
    return out
