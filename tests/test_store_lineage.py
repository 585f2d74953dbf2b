"""Lineage: every snapshot records its parent, across models, through revert and undo."""

from __future__ import annotations

import json

from store_helpers import FakeClock, add_label, new_workspace, snap, snap_series

from orca_huntr.snapshots import lineage


def test_snapshots_record_the_snapshot_they_resumed_from(ws_model, clock):
    ws, model = ws_model
    a = snap(ws, model.id, 0)
    clock.advance(minutes=1)
    b = snap(ws, model.id, 1)
    assert (a.parent_model_id, a.parent_id) == (None, None)
    assert (b.parent_model_id, b.parent_id) == (model.id, a.id)
    manifest = json.loads((ws.root / "models" / model.id / "snapshots" / b.id / "manifest.json").read_text())
    assert (
        manifest["parent_id"] == a.id and manifest["parent_model_id"] == model.id
    )  # travels with the folder


def test_a_model_from_a_snapshot_starts_from_it_and_lineage_survives_revert(ws_model, clock):
    ws, model = ws_model
    a, b = snap_series(ws, model.id, clock, 2)
    clock.advance(minutes=1)
    child = ws.new_model_from_snapshot(model.id, b.id, "child")
    first = ws.current_snapshot(child.id)
    assert (first.parent_model_id, first.parent_id) == (model.id, b.id)
    clock.advance(minutes=1)
    c = snap(ws, child.id, 2)
    assert (c.parent_model_id, c.parent_id) == (child.id, first.id)

    ws.revert(model.id, a.id)  # b leaves the timeline; a revert records what it went back to
    assert ws.reverted(model.id)[0].target_id == a.id
    clock.advance(minutes=1)
    d = snap(ws, model.id, 3)
    assert d.parent_id == a.id  # resumed from the snapshot reverted to
    # the child's lineage is unchanged (manifests never change), its parent is now reverted away
    assert ws.current_snapshot(child.id).parent_id == c.parent_id
    nodes = ws.lineage()
    by_id = {n.snapshot_id: n for n in nodes}
    assert by_id[first.id].depth == 0  # its parent b is no longer in a timeline: a root
    ws.undo_revert(model.id, ws.reverted(model.id)[0].id)  # b comes back, d goes to a reverted set
    nodes = ws.lineage()
    ids = [n.snapshot_id for n in nodes]
    by_id = {n.snapshot_id: n for n in nodes}
    assert ids.index(a.id) < ids.index(b.id) < ids.index(first.id) < ids.index(c.id)
    assert (by_id[a.id].depth, by_id[b.id].depth, by_id[first.id].depth, by_id[c.id].depth) == (0, 0, 1, 1)
    assert by_id[first.id].model_name == "child" and d.id not in by_id
    chain = lineage.ancestors(
        ws.get_snapshot(child.id, c.id), {m.id: ws.list_snapshots(m.id) for m in ws.list_models()}
    )
    assert [s.id for s in chain] == [first.id, b.id, a.id]


def test_manifests_written_before_parent_model_id_still_give_the_lineage(ws_model, clock):
    ws, model = ws_model
    a = snap(ws, model.id, 0)
    clock.advance(minutes=1)
    b = snap(ws, model.id, 1)
    child = ws.new_model_from_snapshot(model.id, b.id, "child")
    first = ws.current_snapshot(child.id)
    for model_id, snapshot_id, old_parent in ((model.id, b.id, a.id), (child.id, first.id, None)):
        path = ws.root / "models" / model_id / "snapshots" / snapshot_id / "manifest.json"
        data = json.loads(path.read_text())
        del data["parent_model_id"]
        data["parent_id"] = old_parent  # the old form: a model's first snapshot named its origin only
        path.write_text(json.dumps(data))
    fresh = type(ws).open(ws.root)
    assert (
        fresh.get_snapshot(model.id, b.id).parent_model_id,
        fresh.get_snapshot(model.id, b.id).parent_id,
    ) == (
        model.id,
        a.id,
    )
    again = fresh.current_snapshot(child.id)
    assert (again.parent_model_id, again.parent_id) == (model.id, b.id)
    add_label(fresh.training_data_path(model.id), 1)  # still writable as before
    assert snap(fresh, model.id, 5).parent_id == b.id


# ------------------------------------------------------------------ the panel's tree (model_tree)


def _rows(items) -> list[tuple[int, str, str]]:
    """``(depth, kind, name or set target)`` of every row, depth first."""
    out = []
    for item in items:
        for depth, row in item.walk():
            label = row.name if row.kind != lineage.REVERTED else f"reverted to {row.reverted.target_id}"
            out.append((depth, row.kind, label))
    return out


def test_the_tree_nests_models_under_the_snapshot_they_came_from_and_shows_reverts(ws_model, clock):
    ws, model = ws_model
    a = snap(ws, model.id, 0, name="a")
    clock.advance(minutes=1)
    b = snap(ws, model.id, 1, name="b")
    clock.advance(minutes=1)
    child = ws.new_model_from_snapshot(model.id, b.id, "child")
    first = ws.current_snapshot(child.id)
    clock.advance(minutes=1)
    c = snap(ws, model.id, 2, name="c")
    clock.advance(minutes=1)
    other, _ = new_workspace(ws.root, clock, name="unrelated")[0], None
    unrelated = other.find_model("unrelated")

    tree = ws.lineage_tree()
    assert [(r.kind, r.model_id) for r in tree] == [("model", model.id), ("model", unrelated.id)]
    assert _rows(tree) == [
        (0, "model", "orcas"),
        (1, "snapshot", "a"),
        (1, "snapshot", "b"),
        (2, "model", "child"),  # made from b: shown under b
        (3, "snapshot", first.name),
        (1, "snapshot", "c"),
        (0, "model", "unrelated"),
    ]
    assert tree[0].children[1].children[0].origin == lineage.FROM_SNAPSHOT

    ws.revert(model.id, a.id)  # b and c go to a reverted set under a; the child model stays under b
    tree = ws.lineage_tree()
    assert _rows(tree)[:6] == [
        (0, "model", "orcas"),
        (1, "snapshot", "a"),
        (2, "reverted", f"reverted to {a.id}"),
        (3, "snapshot", "b"),
        (4, "model", "child"),
        (5, "snapshot", first.name),
    ]
    held = tree[0].children[0].children[0]
    assert held.reverted is not None and [s.id for s in held.reverted.snapshots] == [c.id, b.id]
    assert [r.snapshot_id for r in held.children] == [b.id, c.id]  # oldest first, like every row

    clock.advance(minutes=1)
    d = snap(ws, model.id, 3, name="d")
    ws.undo_revert(model.id)  # b and c come back; d goes to a reverted set, again newer than a
    assert ws.reverted(model.id)[0].target_id == a.id
    assert _rows(ws.lineage_tree()) == [
        (0, "model", "orcas"),
        (1, "snapshot", "a"),
        (2, "reverted", f"reverted to {a.id}"),
        (3, "snapshot", "d"),
        (1, "snapshot", "b"),
        (2, "model", "child"),
        (3, "snapshot", first.name),
        (1, "snapshot", "c"),
        (0, "model", "unrelated"),
    ]
    # every snapshot of every model is in the tree exactly once
    shown = [r.snapshot_id for item in ws.lineage_tree() for _, r in item.walk() if r.kind == "snapshot"]
    assert sorted(shown) == sorted([a.id, b.id, c.id, d.id, first.id])


def test_a_model_whose_snapshot_is_gone_hangs_under_its_model_and_cycles_never_hide_one(ws_model, clock):
    from dataclasses import replace

    ws, model = ws_model
    a = snap(ws, model.id, 0, name="a")
    clock.advance(minutes=1)
    b = snap(ws, model.id, 1, name="b")
    child = ws.new_model_from_snapshot(model.id, a.id, "child")
    ws.delete_snapshot(model.id, a.id)  # a temporary snapshot: deleted, the child keeps its record
    rows = _rows(ws.lineage_tree())
    assert rows == [
        (0, "model", "orcas"),
        (1, "snapshot", "b"),
        (1, "model", "child"),
        (2, "snapshot", ws.current_snapshot(child.id).name),
    ]
    assert ws.lineage_tree()[0].children[1].origin == lineage.FROM_MISSING

    # damaged model.json files that name each other's snapshots: both shown, each once, no recursion
    models = ws.list_models()
    timelines = {m.id: ws.list_snapshots(m.id) for m in models}
    first = timelines[child.id][0]
    looped = [
        replace(models[0], parent_model_id=child.id, parent_snapshot_id=first.id),
        replace(models[1], parent_model_id=model.id, parent_snapshot_id=b.id),
    ]
    tree = lineage.model_tree(looped, timelines)
    ids = [row.model_id for item in tree for _, row in item.walk() if row.kind == "model"]
    assert sorted(ids) == sorted([model.id, child.id])


def test_lineage_survives_export_and_import(ws_model, clock, tmp_path):
    from orca_huntr.snapshots import package

    ws, model = ws_model
    a = snap(ws, model.id, 0, name="a")
    clock.advance(minutes=1)
    b = snap(ws, model.id, 1, name="b")
    path = tmp_path / "b.huntrpkg"
    package.export_snapshot(ws, model.id, b.id, path)

    # into another workspace: a root there, its origin kept in the imported snapshot
    elsewhere, _ = new_workspace(tmp_path / "other.huntr", FakeClock(), name="theirs")
    moved = package.import_package(elsewhere, path)
    origin = moved.snapshot.config["imported_from"]
    assert (origin["model_id"], origin["snapshot_id"], origin["parent_id"]) == (model.id, b.id, a.id)
    tree = elsewhere.lineage_tree()
    assert sorted((r.name, r.origin) for r in tree) == sorted([("theirs", ""), (moved.model.name, "")])

    # exported again from there and imported back: shown under b, where it came from
    again = tmp_path / "again.huntrpkg"
    package.export_snapshot(elsewhere, moved.model.id, moved.snapshot.id, again)
    clock.advance(minutes=1)
    back = package.import_package(ws, again, name="round trip")
    clock.advance(minutes=1)
    copy = package.import_package(ws, path, name="copy")
    rows = _rows(ws.lineage_tree())
    assert rows == [
        (0, "model", "orcas"),
        (1, "snapshot", "a"),
        (1, "snapshot", "b"),
        (2, "model", "round trip"),  # through its package's own import record
        (3, "snapshot", back.snapshot.name),
        (2, "model", "copy"),
        (3, "snapshot", copy.snapshot.name),
    ]
    under_b = ws.lineage_tree()[0].children[1].children
    assert [m.origin for m in under_b] == [lineage.FROM_PACKAGE, lineage.FROM_PACKAGE]
    # the console's flat lineage keeps the parent links the manifests record
    flat = {n.snapshot_id: n for n in ws.lineage()}
    assert (flat[b.id].parent_model_id, flat[b.id].parent_id) == (model.id, a.id)
