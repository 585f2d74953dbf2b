"""Issue #13: nothing lost, nothing silent. Bad files, links and journal entries in the store.

Each test fails on the store before the fix: a corrupt ``states.json`` that made saved
snapshots temporary (and purgeable), an unreadable newest manifest that hid the current
state, links that made writes escape the workspace, a crafted journal entry that renamed
an existing model away, and two trainings of one model at once.
"""

from __future__ import annotations

import json
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from store_helpers import FakeClock, add_label, new_workspace, snap

from orca_huntr.errors import (
    CorruptSnapshotError,
    HuntrError,
    ModelBusyError,
    ReadOnlyWorkspaceError,
    WorkspaceError,
)
from orca_huntr.snapshots import KIND_CURRENT, KIND_SAVED, Workspace

HERE = Path(__file__).resolve().parent


@pytest.fixture
def timeline(tmp_path):
    """A model with a saved (a), a temporary (b) and a current (c) snapshot."""
    clock = FakeClock()
    ws, model = new_workspace(tmp_path / "site.huntr", clock)
    live = ws.training_data_path(model.id)
    add_label(live, 1)
    a = snap(ws, model.id, 0)
    ws.save_snapshot(model.id, a.id, "kept")
    clock.advance(days=1)
    b = snap(ws, model.id, 1)
    clock.advance(days=1)
    c = snap(ws, model.id, 2)
    return ws, model, clock, a, b, c


def _far(clock):
    return clock.now.replace(year=clock.now.year + 1)


# ---------------------------------------------------------------- 2. corrupt states.json


def test_corrupt_states_keep_saved_snapshot_and_refuse_purge(timeline):
    ws, model, clock, a, b, c = timeline
    (ws.root / "models" / model.id / "states.json").write_text("{ not json", encoding="utf-8")
    ws = Workspace.open(ws.root, clock=clock)
    kinds = {s.id: (s.kind, s.saved, s.state_known) for s in ws.list_snapshots(model.id)}
    assert kinds[a.id] == (KIND_SAVED, True, True)  # the saved mark lives apart from states.json
    assert kinds[b.id] == ("temporary", False, False)  # unknown, and said so
    assert ws.get_snapshot(model.id, b.id).expires_at is None  # unknown never expires
    with pytest.raises(WorkspaceError, match=r"cannot be read.*no snapshot is purged"):
        ws.purge_expired(now=_far(clock))
    assert {s.id for s in ws.list_snapshots(model.id)} == {a.id, b.id, c.id}
    with pytest.raises(WorkspaceError, match="cannot be read"):
        ws.save_snapshot(model.id, b.id)  # rewriting states.json would erase what it held
    assert (ws.root / "models" / model.id / "states.json").read_text(encoding="utf-8") == "{ not json"


def test_corrupt_states_of_an_older_workspace_refuse_purge(timeline):
    """Saved marks only in states.json (an older workspace): the saved snapshot is unknown, not temporary."""
    ws, model, clock, a, b, _c = timeline
    marks = ws.root / "models" / model.id / "saved"
    for mark in marks.iterdir():
        mark.unlink()
    marks.rmdir()
    assert ws.get_snapshot(model.id, a.id).saved  # states.json still says so
    (ws.root / "models" / model.id / "states.json").write_bytes(b"\0\0\0")
    info = ws.get_snapshot(model.id, a.id)
    assert (info.saved, info.state_known, info.expires_at) == (False, False, None)
    with pytest.raises(WorkspaceError, match="cannot be read"):
        ws.purge_expired(now=_far(clock))
    assert ws.get_snapshot(model.id, a.id).id == a.id
    (ws.root / "models" / model.id / "states.json").unlink()  # the user decides: purge may go on
    assert {s.id for s in ws.purge_expired(now=_far(clock))} == {a.id, b.id}


def test_saving_one_snapshot_keeps_the_other_saved_marks(timeline):
    ws, model, clock, a, b, c = timeline
    ws.save_snapshot(model.id, b.id, "second")
    ws.rename_snapshot(model.id, a.id, "first")
    ws.save_snapshot(model.id, c.id)
    clock.advance(days=1)
    snap(ws, model.id, 3)
    saved = {s.id: s.saved for s in ws.list_snapshots(model.id)}
    assert saved == {
        a.id: True,
        b.id: True,
        c.id: True,
        **{k: v for k, v in saved.items() if k not in (a.id, b.id, c.id)},
    }
    assert ws.purge_expired(now=_far(clock)) == []


# ---------------------------------------------------------------- 3. unreadable newest manifest


@pytest.mark.parametrize(
    "damage",
    [
        lambda m: "{ broken",
        lambda m: json.dumps({**m, "files": {"../../escape": {"sha256": "0", "size": 1}}}),
        lambda m: json.dumps({**m, "files": {"/etc/passwd": {"sha256": "0", "size": 1}}}),
    ],
    ids=["invalid-json", "dotdot", "absolute"],
)
def test_unreadable_newest_manifest_is_shown_and_blocks_training(timeline, damage):
    ws, model, clock, a, b, c = timeline
    manifest = ws.root / "models" / model.id / "snapshots" / c.id / "manifest.json"
    manifest.write_text(damage(json.loads(manifest.read_text(encoding="utf-8"))), encoding="utf-8")
    ws = Workspace.open(ws.root, clock=clock)
    damaged = ws.damaged_snapshots(model.id)
    assert [d.id for d in damaged] == [c.id]
    assert c.id not in {s.id for s in ws.list_snapshots(model.id)}
    with pytest.raises(CorruptSnapshotError, match=rf"{c.id}.*cannot be read.*older snapshot"):
        snap(ws, model.id, 5)  # would write on top of the older snapshot b
    with pytest.raises(CorruptSnapshotError, match=c.id):
        ws.check_timeline_readable(model.id)
    from orca_huntr.training import train_model

    with pytest.raises(CorruptSnapshotError, match=c.id):
        train_model(ws, model.id)
    assert [s.id for s in ws.list_snapshots(model.id)] == [b.id, a.id]
    # the user decides: delete moves it to the quarantine, training may go on
    ws.delete_snapshot(model.id, c.id)
    assert ws.damaged_snapshots(model.id) == []
    assert any(c.id in p.name for p in (ws.root / ".quarantine").iterdir())
    assert snap(ws, model.id, 6).kind == KIND_CURRENT


# ---------------------------------------------------------------- 6. links out of the workspace


def test_revert_does_not_write_through_a_linked_training_file(timeline, tmp_path):
    ws, model, _clock, a, b, c = timeline
    live = ws.root / "models" / model.id / "training.gpkg"
    outside = tmp_path / "outside.gpkg"
    outside.write_bytes(live.read_bytes())
    live.unlink()
    live.symlink_to(outside)
    before = outside.read_bytes()
    with pytest.raises(HuntrError, match="outside the workspace"):
        ws.revert(model.id, a.id)
    assert outside.read_bytes() == before
    assert {s.id for s in ws.list_snapshots(model.id)} == {a.id, b.id, c.id}


def test_verify_does_not_follow_a_linked_weights_file(timeline, tmp_path):
    ws, model, _clock, _a, b, _c = timeline
    weights = ws.root / "models" / model.id / "snapshots" / b.id / "weights.safetensors"
    outside = tmp_path / "weights.safetensors"
    outside.write_bytes(weights.read_bytes())  # identical bytes: the checksum alone would pass
    weights.unlink()
    weights.symlink_to(outside)
    with pytest.raises(HuntrError, match="outside the workspace"):
        ws.verify_snapshot(model.id, b.id)
    with pytest.raises(HuntrError, match="outside the workspace"):
        ws.load_snapshot(model.id, b.id)


def test_linked_detections_folder_is_refused(timeline, tmp_path):
    ws, *_ = timeline
    (ws.root / "detections").rmdir()
    (tmp_path / "elsewhere").mkdir()
    (ws.root / "detections").symlink_to(tmp_path / "elsewhere")
    with pytest.raises(WorkspaceError, match="outside the workspace"):
        ws.detections_dir  # noqa: B018


def test_read_only_workspace_has_no_detections_folder(timeline):
    ws, *_ = timeline
    meta = json.loads((ws.root / "workspace.json").read_text(encoding="utf-8"))
    (ws.root / "workspace.json").write_text(json.dumps({**meta, "schema_version": 999}), encoding="utf-8")
    ro = Workspace.open(ws.root)
    with pytest.raises(ReadOnlyWorkspaceError):
        ro.detections_dir  # noqa: B018


# ---------------------------------------------------------------- 7. crafted journal entries


def _journal(ws, entry):
    folder = ws.root / ".journal"
    folder.mkdir(exist_ok=True)
    (folder / "jcrafted0001.json").write_text(json.dumps({"id": "jcrafted0001", **entry}), encoding="utf-8")


def test_crafted_new_model_entry_cannot_rename_an_existing_model(timeline):
    ws, model, clock, a, b, c = timeline
    _journal(ws, {"op": "new_model", "staged": model.id, "model_id": "mstolen0001"})
    ws = Workspace.open(ws.root, clock=clock)
    assert [m.id for m in ws.list_models()] == [model.id]
    assert {s.id for s in ws.list_snapshots(model.id)} == {a.id, b.id, c.id}
    assert not (ws.root / ".journal" / "jcrafted0001.json").exists()  # quarantined


def test_crafted_purge_and_revert_entries_cannot_remove_kept_snapshots(timeline):
    ws, model, clock, a, b, c = timeline
    _journal(ws, {"op": "purge", "items": [[model.id, a.id], [model.id, c.id]]})
    ws = Workspace.open(ws.root, clock=clock)
    assert {s.id for s in ws.list_snapshots(model.id)} == {a.id, b.id, c.id}
    _journal(ws, {"op": "revert", "model_id": model.id, "target": c.id, "discard": [a.id]})
    ws = Workspace.open(ws.root, clock=clock)
    assert {s.id for s in ws.list_snapshots(model.id)} == {a.id, b.id, c.id}


# ---------------------------------------------------------------- 4. one training of a model at a time


def test_second_training_of_a_model_is_refused_in_process(timeline):
    ws, model, *_ = timeline
    other = Workspace.open(ws.root)
    with ws.training_lock(model.id):
        with (
            pytest.raises(ModelBusyError, match=r"'orcas' is being trained since \d\d:\d\d by "),
            other.training_lock(model.id),
        ):
            pass
        from orca_huntr.training import train_model

        with pytest.raises(ModelBusyError, match="being trained"):
            train_model(other, model.id)
    with other.training_lock(model.id):  # free again
        pass


def test_second_training_of_a_model_is_refused_across_processes(timeline):
    ws, model, *_ = timeline
    code = textwrap.dedent(
        f"""
        import time
        from orca_huntr.snapshots import Workspace
        with Workspace.open({str(ws.root)!r}).training_lock({model.id!r}):
            print("training", flush=True)
            time.sleep(600)
        """
    )
    holder = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "training"
        with (
            pytest.raises(ModelBusyError, match=rf"being trained since \d\d:\d\d by .*process {holder.pid}"),
            ws.training_lock(model.id),
        ):
            pass
    finally:
        holder.kill()
        holder.wait()
    with ws.training_lock(model.id):  # the lock died with its holder
        pass
