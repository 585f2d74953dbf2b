"""Undoable revert: what a revert takes back goes to a reverted set, restorable until it expires."""

from __future__ import annotations

import pytest
from store_helpers import add_area, add_label, new_workspace, snap, store_state, visible_entries

from orca_huntr.errors import NotFoundError, WorkspaceError
from orca_huntr.snapshots import KIND_CURRENT


@pytest.fixture
def timeline3(tmp_path, clock):
    """Snapshots a, b, c (c current) with labels added before each, then an unsnapshotted area."""
    ws, model = new_workspace(tmp_path / "site.huntr", clock)
    live = ws.training_data_path(model.id)
    ids = []
    for k in range(3):
        add_label(live, 1 + k % 2, x=3 * k)
        ids.append(snap(ws, model.id, k).id)
        clock.advance(hours=1)
    add_area(live)
    return ws, model, ids


def test_revert_moves_later_snapshots_and_edits_to_a_reverted_set_and_undo_restores_them(timeline3, clock):
    ws, model, (a, b, c) = timeline3
    before = store_state(ws.root)
    impact = ws.revert_impact(model.id, a)
    assert impact.undo_until == clock.now + __import__("datetime").timedelta(days=ws.temporary_days)
    assert "restored until" in impact.summary()

    ws.revert(model.id, a)
    assert [s.id for s in ws.list_snapshots(model.id)] == [a]
    assert ws.training_counts(model.id) == {"training_areas": 0, "labels_per_class": {1: 1}, "scenes": 0}
    [kept] = ws.reverted(model.id)
    assert kept.target_id == a and [s.id for s in kept.snapshots] == [c, b]
    assert all(s.kind == "reverted" for s in kept.snapshots)
    assert kept.reverted_at == clock.now and kept.expires_at == impact.undo_until
    assert visible_entries(ws.root) == [] and list((ws.root / ".journal").iterdir()) == []

    assert ws.undo_revert(model.id).id == kept.id  # the newest revert by default
    current = ws.current_snapshot(model.id)
    assert current.id == c and current.kind == KIND_CURRENT
    assert ws.reverted(model.id) == []  # nothing replaced: the training data were a's, no snapshot since
    assert store_state(ws.root) == before  # exactly the state before the revert, edits included


def test_undo_after_training_keeps_what_it_replaces_as_a_reverted_set(timeline3, clock):
    ws, model, (a, b, c) = timeline3
    ws.revert(model.id, a)
    first = ws.reverted(model.id)[0]
    clock.advance(minutes=5)
    add_label(ws.training_data_path(model.id), 2, x=50)
    d = snap(ws, model.id, 7)
    assert d.parent_id == a and d.seq == 2
    clock.advance(minutes=5)
    ws.undo_revert(model.id, first.id)
    assert [s.id for s in ws.list_snapshots(model.id)] == [c, b, a]
    [second] = ws.reverted(model.id)
    assert second.target_id == a and [s.id for s in second.snapshots] == [d.id]
    # the undo is undoable in turn
    ws.undo_revert(model.id, second.id)
    assert [s.id for s in ws.list_snapshots(model.id)] == [d.id, a]
    assert ws.training_counts(model.id)["labels_per_class"] == {1: 1, 2: 1}
    assert [s.id for s in ws.reverted(model.id)[0].snapshots] == [c, b]


def test_reverted_sets_expire_with_temporary_snapshots_but_never_when_they_hold_a_saved_one(timeline3, clock):
    ws, model, (a, b, c) = timeline3
    ws.revert(model.id, b)  # takes c (temporary)
    clock.advance(days=1)
    ws.save_snapshot(model.id, a, "kept")
    ws.revert(model.id, a)  # takes b
    sets = ws.reverted(model.id)
    assert [[s.id for s in r.snapshots] for r in sets] == [[b], [c]]
    ws.set_setting("temporary_days", 2)
    purged = ws.purge_expired(now=clock.now + __import__("datetime").timedelta(days=1, hours=1))
    assert [s.id for s in purged] == [c]  # the older set expired (2 days after its revert)
    assert [r.id for r in ws.reverted(model.id)] == [sets[0].id]
    with pytest.raises(NotFoundError):
        ws.undo_revert(model.id, sets[1].id)
    with pytest.raises(NotFoundError):
        ws.undo_revert(model.id, "jnothere1")
    later = clock.now + __import__("datetime").timedelta(days=3)
    clock.now = later
    with pytest.raises(WorkspaceError, match="expired"):
        ws.undo_revert(model.id, sets[0].id)
    # a set that holds a saved snapshot never expires
    ws2, m2 = new_workspace(ws.root.parent / "two.huntr", clock)
    x = snap(ws2, m2.id, 0).id
    clock.advance(hours=1)
    y = snap(ws2, m2.id, 1).id
    ws2.save_snapshot(m2.id, y, "mine")
    ws2.revert(m2.id, x)
    assert ws2.reverted(m2.id)[0].expires_at is None and ws2.revert_impact(m2.id, x).nothing_lost
    assert ws2.purge_expired(now=clock.now + __import__("datetime").timedelta(days=400)) == []
    ws2.undo_revert(m2.id, ws2.reverted(m2.id)[0].id)
    assert ws2.current_snapshot(m2.id).id == y and ws2.get_snapshot(m2.id, y).name == "mine"


def test_undo_is_refused_while_a_later_revert_took_its_target(timeline3):
    ws, model, (a, b, c) = timeline3
    ws.revert(model.id, b)
    first = ws.reverted(model.id)[0]
    ws.revert(model.id, a)  # b, the first revert's target, is now in a reverted set itself
    with pytest.raises(WorkspaceError, match="later revert first"):
        ws.undo_revert(model.id, first.id)
    second = ws.reverted(model.id)[0]
    ws.undo_revert(model.id, second.id)
    ws.undo_revert(model.id, first.id)
    assert [s.id for s in ws.list_snapshots(model.id)] == [c, b, a]


def test_a_revert_with_nothing_to_take_back_makes_no_set(timeline3):
    ws, model, (_, _, c) = timeline3
    ws.revert(model.id, c)  # takes the unsnapshotted training area only
    [edits] = ws.reverted(model.id)
    assert edits.snapshots == [] and ws.training_counts(model.id)["training_areas"] == 0
    ws.revert(model.id, c)  # nothing at all to take back
    assert len(ws.reverted(model.id)) == 1
    ws.undo_revert(model.id, edits.id)
    assert ws.training_counts(model.id)["training_areas"] == 1
