"""Lineage across models: which snapshot came from which (pure functions over timelines).

Each snapshot records its parent in its manifest (``parent_model_id``, ``parent_id``): the
snapshot training resumed from (the current state when it was written; after a revert, the
snapshot reverted to), or, for the first snapshot of a model made from a snapshot, that
snapshot in the other model. A revert records what it went back to in its reverted set
(``RevertedSet.target_id``). Nothing here touches the disk.

:func:`tree` lists the snapshots in parent order (``Workspace.lineage``, the console);
:func:`model_tree` nests models, snapshots and reverted sets for the panel's lineage view.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .model import ModelInfo, RevertedSet, SnapshotInfo

MODEL, SNAPSHOT, REVERTED = "model", "snapshot", "reverted"  # the kinds of LineageItem
# how a model row came under a snapshot row (LineageItem.origin)
FROM_SNAPSHOT, FROM_PACKAGE, FROM_MISSING = "snapshot", "package", "missing"


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


@dataclass(frozen=True)
class LineageItem:
    """One row of the lineage view: a model, a snapshot, or what one revert took back.

    A model's rows are its snapshots, oldest first; under a snapshot come the models made
    from it (``origin`` ``"snapshot"``, or ``"package"`` for a model imported from an export
    of it) and the reverted sets that went back to it, whose rows are the snapshots they
    hold. A model whose source snapshot is gone hangs under its source model
    (``origin`` ``"missing"``); one with no source in the workspace is a root.
    """

    kind: str  # MODEL, SNAPSHOT or REVERTED
    model_id: str
    name: str  # the model's or the snapshot's name ("" for a reverted set)
    snapshot: SnapshotInfo | None = None
    reverted: RevertedSet | None = None
    origin: str = ""  # model rows only
    children: tuple[LineageItem, ...] = ()

    @property
    def snapshot_id(self) -> str | None:
        return self.snapshot.id if self.snapshot is not None else None

    def walk(self, depth: int = 0) -> Iterator[tuple[int, LineageItem]]:
        """This row and every row below it, depth first, with its depth."""
        yield depth, self
        for child in self.children:
            yield from child.walk(depth + 1)


def _sources(model: ModelInfo, first: SnapshotInfo | None) -> list[tuple[str, str, str]]:
    """``(model id, snapshot id, origin)`` a model may have come from, nearest first.

    A model made from a snapshot names it (in model.json, and as its first snapshot's
    parent); a model imported from a package names the exported snapshot, and that one's
    own import, if it was imported too (``config["imported_from"]``, nested).
    """
    out = []
    if model.parent_model_id and model.parent_snapshot_id:
        out.append((model.parent_model_id, model.parent_snapshot_id, FROM_SNAPSHOT))
    imported = (first.config or {}).get("imported_from") if first is not None else None
    for _ in range(32):  # a package of an import of an import …: bounded, the file may be hostile
        if not isinstance(imported, dict):
            break
        if isinstance(imported.get("model_id"), str) and isinstance(imported.get("snapshot_id"), str):
            out.append((imported["model_id"], imported["snapshot_id"], FROM_PACKAGE))
        imported = imported.get("imported_from")
    if first is not None and first.parent_model_id and first.parent_model_id != model.id and first.parent_id:
        out.append((first.parent_model_id, first.parent_id, FROM_SNAPSHOT))
    return out


def model_tree(
    models: Sequence[ModelInfo],
    timelines: Mapping[str, Sequence[SnapshotInfo]],
    reverted: Mapping[str, Sequence[RevertedSet]] | None = None,
) -> list[LineageItem]:
    """The lineage across models as nested rows (see :class:`LineageItem`).

    ``timelines`` and ``reverted`` as the store lists them (any order: rows are sorted by
    ``seq``). Models keep the order of ``models`` among siblings. A model whose recorded
    source would make a cycle (a damaged model.json) is shown as a root.
    """
    reverted = reverted or {}
    ids = {m.id for m in models}
    snaps = {m.id: sorted(timelines.get(m.id, ()), key=lambda s: (s.seq, s.id)) for m in models}
    sets = {m.id: sorted(reverted.get(m.id, ()), key=lambda r: (r.seq, r.id)) for m in models}
    shown = {(mid, s.id) for mid, timeline in snaps.items() for s in timeline}
    held = {(mid, s.id) for mid, rsets in sets.items() for rs in rsets for s in rs.snapshots}
    under_snapshot: dict[tuple[str, str], list[tuple[ModelInfo, str]]] = {}
    under_model: dict[str, list[ModelInfo]] = {}
    roots: list[ModelInfo] = []
    for m in models:
        sources = [s for s in _sources(m, snaps[m.id][0] if snaps[m.id] else None) if s[0] != m.id]
        found = next((s for s in sources if s[:2] in shown or s[:2] in held), None)
        made_from = next((s for s in sources if s[0] in ids and s[2] == FROM_SNAPSHOT), None)
        if found is not None:
            under_snapshot.setdefault(found[:2], []).append((m, found[2]))
        elif made_from is not None:
            under_model.setdefault(made_from[0], []).append(m)  # its snapshot was deleted or purged
        else:
            roots.append(m)
    built: set[str] = set()

    def snapshot_row(snap: SnapshotInfo) -> LineageItem:
        kids = [model_row(m, origin) for m, origin in under_snapshot.get((snap.model_id, snap.id), ())]
        kids += [set_row(rs) for rs in sets[snap.model_id] if rs.target_id == snap.id]
        return LineageItem(SNAPSHOT, snap.model_id, snap.name, snapshot=snap, children=_kept(kids))

    def set_row(rs: RevertedSet) -> LineageItem:
        rows = [snapshot_row(s) for s in sorted(rs.snapshots, key=lambda s: (s.seq, s.id))]
        return LineageItem(REVERTED, rs.model_id, "", reverted=rs, children=_kept(rows))

    def model_row(m: ModelInfo, origin: str) -> LineageItem | None:
        if m.id in built:  # reached twice: only through a cycle of damaged sources
            return None
        built.add(m.id)
        rows: list[LineageItem | None] = [snapshot_row(s) for s in snaps[m.id]]
        targets = {s.id for s in snaps[m.id]} | {s.id for rs in sets[m.id] for s in rs.snapshots}
        rows += [set_row(rs) for rs in sets[m.id] if rs.target_id not in targets]
        rows += [model_row(child, FROM_MISSING) for child in under_model.get(m.id, ())]
        return LineageItem(MODEL, m.id, m.name, origin=origin, children=_kept(rows))

    out = [model_row(m, "") for m in roots]
    out += [model_row(m, "") for m in models if m.id not in built]  # cycles: never left out
    return list(_kept(out))


def _kept(rows: Sequence[LineageItem | None]) -> tuple[LineageItem, ...]:
    return tuple(r for r in rows if r is not None)
