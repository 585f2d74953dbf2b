"""Lineage: every snapshot records its parent, across models, through revert and undo."""

from __future__ import annotations

import json

import pytest
from store_helpers import FakeClock, add_label, new_workspace, snap

from orca_huntr.snapshots import lineage


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def ws_model(tmp_path, clock):
    return new_workspace(tmp_path / "site.huntr", clock)


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
    a = snap(ws, model.id, 0)
    clock.advance(minutes=1)
    b = snap(ws, model.id, 1)
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
