"""Unit tests of the snapshot timeline: create, list, find, save, rename, delete, purge, revert,
new model from a snapshot, load, checksums, incomplete folders, locks and pickles."""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import socket
import subprocess
import sys
import threading
from datetime import timedelta
from pathlib import Path

import numpy as np
import pytest
from store_helpers import (
    add_area,
    add_label,
    optimizer,
    snap,
    snap_series,
    visible_entries,
    weights,
)

from orca_huntr.errors import (
    CorruptSnapshotError,
    InputDataError,
    InvalidNameError,
    NotFoundError,
    WorkspaceLockedError,
)
from orca_huntr.snapshots import (
    KIND_CURRENT,
    KIND_SAVED,
    KIND_TEMPORARY,
    ClassCountMismatchError,
    LoadedSnapshot,
    ProtectedSnapshotError,
    RevertImpact,
    Workspace,
)

HERE = Path(__file__).resolve().parent


def test_default_names_are_short_and_unique(ws_model, clock):
    ws, model = ws_model
    first = snap(ws, model.id, 0)  # no step yet
    second = snap(ws, model.id, 1)
    assert (first.name, second.name) == ("#1", "#2 · 10 steps")
    ws.rename_snapshot(model.id, first.id, "#3 · 20 steps")  # the user took the next default name
    third = snap(ws, model.id, 2)
    assert third.seq == 3 and third.name == "#3 · 20 steps (2)"
    branch = ws.new_model_from_snapshot(model.id, second.id, "Copy")
    assert [s.name for s in ws.list_snapshots(branch.id)] == [f"#1 · from {model.name}"]


def test_first_snapshot_is_current_and_files_match_the_manifest(ws_model, clock):
    ws, model = ws_model
    assert ws.current_snapshot(model.id) is None and ws.list_snapshots(model.id) == []
    add_area(ws.training_data_path(model.id))
    add_label(ws.training_data_path(model.id), 1)
    add_label(ws.training_data_path(model.id), 2, x=3)
    add_label(ws.training_data_path(model.id), 2, x=5)
    s = snap(ws, model.id, 3)
    assert s.kind == KIND_CURRENT and s.expires_at is None and s.created_at == clock.now and s.seq == 1
    assert s.name == "#1 · 30 steps" and s.parent_id is None  # place in the timeline, steps
    assert s.counts == {"training_areas": 1, "labels_per_class": {1: 1, 2: 2}, "scenes": 0}
    assert s.metrics == {"loss": 0.25} and s.progress == {"epochs": 3, "steps": 30, "tiles_seen": 120}
    assert s.config["normalization"] == {"mean": [0.5], "std": [0.2]}
    folder = ws.root / "models" / model.id / "snapshots" / s.id
    manifest = json.loads((folder / "manifest.json").read_text())
    assert set(manifest["files"]) == {"weights.safetensors", "optimizer.safetensors", "training.gpkg"}
    for name, entry in manifest["files"].items():
        data = (folder / name).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["size"]
    assert ws.current_snapshot(model.id) == s
    assert visible_entries(ws.root) == []


def test_counts_from_the_trainer_win(ws_model):
    ws, model = ws_model
    add_label(ws.training_data_path(model.id), 1)
    s = snap(ws, model.id, counts={"training_areas": 7, "labels_per_class": {"1": 4}, "scenes": 2})
    assert s.counts == {"training_areas": 7, "labels_per_class": {1: 4}, "scenes": 2}


def test_new_snapshot_supersedes_current_temporary_unless_saved(ws_model, clock):
    ws, model = ws_model
    a, b = snap_series(ws, model.id, clock, 2, timedelta(hours=1))
    a2 = ws.get_snapshot(model.id, a.id)
    assert b.kind == KIND_CURRENT and b.parent_id == a.id and b.seq == 2
    assert a2.kind == KIND_TEMPORARY and a2.expires_at == b.created_at + timedelta(days=7)
    ws.save_snapshot(model.id, b.id, name="good one")
    assert ws.get_snapshot(model.id, b.id).kind == KIND_CURRENT and ws.get_snapshot(model.id, b.id).saved
    clock.advance(hours=1)
    c = snap(ws, model.id, 2)
    b2 = ws.get_snapshot(model.id, b.id)
    assert b2.kind == KIND_SAVED and b2.expires_at is None and b2.name == "good one"
    assert [s.id for s in ws.list_snapshots(model.id)] == [c.id, b.id, a.id]
    assert [s.kind for s in ws.list_snapshots(model.id)] == [KIND_CURRENT, KIND_SAVED, KIND_TEMPORARY]
    assert sum(s.kind == KIND_CURRENT for s in ws.list_snapshots(model.id)) == 1


def test_timeline_order_is_stable_when_timestamps_tie(ws_model):
    ws, model = ws_model  # the clock does not move: every created_at is equal
    ids = [snap(ws, model.id, i).id for i in range(6)]
    listed = ws.list_snapshots(model.id)
    assert [s.id for s in listed] == list(reversed(ids))
    assert len({s.name for s in listed}) == 6  # default names made unique
    assert listed[0].kind == KIND_CURRENT and all(s.kind == KIND_TEMPORARY for s in listed[1:])
    assert [s.id for s in Workspace.open(ws.root).list_snapshots(model.id)] == list(reversed(ids))


def test_find_snapshot_by_id_name_and_current(ws_model, clock):
    ws, model = ws_model
    a, b = snap_series(ws, model.id, clock, 2, timedelta(minutes=5))
    ws.rename_snapshot(model.id, a.id, "Baseline")
    assert ws.find_snapshot(model.id, a.id).id == a.id
    assert ws.find_snapshot(model.id, "Baseline").id == a.id
    assert ws.find_snapshot(model.id, "baseline").id == a.id
    assert ws.find_snapshot(model.id, "current").id == b.id
    with pytest.raises(NotFoundError):
        ws.find_snapshot(model.id, "nope")
    with pytest.raises(NotFoundError):
        ws.get_snapshot(model.id, "snothere1")
    with pytest.raises(InvalidNameError):
        ws.get_snapshot(model.id, "../../etc")


def test_save_and_rename_validate_names(ws_model, clock):
    ws, model = ws_model
    a, b = snap_series(ws, model.id, clock, 2)
    saved = ws.save_snapshot(model.id, a.id)
    assert saved.saved and saved.kind == KIND_SAVED and saved.name == a.name and saved.expires_at is None
    assert ws.rename_snapshot(model.id, a.id, "first").name == "first"
    assert ws.get_snapshot(model.id, a.id).saved  # renaming keeps it saved
    with pytest.raises(InvalidNameError, match="already exists"):
        ws.rename_snapshot(model.id, b.id, "FIRST")
    for bad in ("../x", "/abs", "nul", "a\0b", ""):
        with pytest.raises(InvalidNameError):
            ws.save_snapshot(model.id, b.id, name=bad)
    assert not ws.get_snapshot(model.id, b.id).saved
    with pytest.raises(InvalidNameError):
        snap(ws, model.id, 2, name="first")


def test_delete_never_the_current_state(ws_model, clock):
    ws, model = ws_model
    a = snap(ws, model.id, 0)
    with pytest.raises(ProtectedSnapshotError, match="current state"):
        ws.delete_snapshot(model.id, a.id)
    clock.advance(minutes=1)
    b = snap(ws, model.id, 1)
    ws.save_snapshot(model.id, a.id)
    assert ws.delete_snapshot(model.id, a.id).id == a.id
    assert [s.id for s in ws.list_snapshots(model.id)] == [b.id]
    assert not (ws.root / "models" / model.id / "snapshots" / a.id).exists()
    assert visible_entries(ws.root) == []
    with pytest.raises(NotFoundError):
        ws.delete_snapshot(model.id, a.id)


def test_purge_expired_respects_saved_current_clock_and_is_idempotent(ws_model, clock):
    ws, model = ws_model
    a, b, c = snap_series(ws, model.id, clock, 3, timedelta(hours=1))
    clock.advance(hours=1)
    d = snap(ws, model.id, 3)
    ws.save_snapshot(model.id, b.id)
    assert ws.purge_expired() == []  # nothing expired yet
    week = timedelta(days=7)
    assert ws.purge_expired(now=b.created_at + week - timedelta(seconds=1)) == []  # a expires at b + 7 d
    purged = ws.purge_expired(now=b.created_at + week)
    assert [s.id for s in purged] == [a.id]
    assert ws.purge_expired(now=d.created_at + week - timedelta(seconds=1)) == []
    later = clock.now + timedelta(days=30)
    purged = ws.purge_expired(now=later)
    assert [s.id for s in purged] == [c.id]
    assert [s.id for s in ws.list_snapshots(model.id)] == [d.id, b.id]
    assert ws.purge_expired(now=later) == []  # idempotent
    assert ws.purge_expired(now=later + timedelta(days=365)) == []  # saved and current survive
    assert visible_entries(ws.root) == []


def test_purge_with_a_clock_that_went_backwards_deletes_nothing(ws_model, clock):
    ws, model = ws_model
    a = snap(ws, model.id, 0)
    clock.advance(days=30)
    snap(ws, model.id, 1)
    clock.advance(days=30)
    snap(ws, model.id, 2)
    # 'now' is before the newest snapshot's creation but after a's expiry: the clock moved back.
    assert ws.purge_expired(now=clock.now - timedelta(days=1)) == []
    assert len(ws.list_snapshots(model.id)) == 3
    assert [s.id for s in ws.purge_expired(now=clock.now)] == [a.id]  # a expired at b + 7 days


def test_temporary_days_setting_changes_expiry(ws_model, clock):
    ws, model = ws_model
    a = snap(ws, model.id, 0)
    clock.advance(minutes=1)
    b = snap(ws, model.id, 1)
    ws.set_setting("temporary_days", 1)
    assert ws.get_snapshot(model.id, a.id).expires_at == b.created_at + timedelta(days=1)
    assert [s.id for s in ws.purge_expired(now=clock.now + timedelta(days=1, seconds=1))] == [a.id]


def test_revert_impact_and_revert_restore_training_data(ws_model, clock):
    ws, model = ws_model
    live = ws.training_data_path(model.id)
    add_label(live, 1)
    a = snap(ws, model.id, 0)
    clock.advance(minutes=1)
    add_label(live, 2)
    b = snap(ws, model.id, 1)
    ws.save_snapshot(model.id, b.id, "keep me")
    clock.advance(minutes=1)
    add_label(live, 2)
    c = snap(ws, model.id, 2)
    add_area(live)  # edited after the last snapshot

    impact = ws.revert_impact(model.id, a.id)
    assert isinstance(impact, RevertImpact)
    assert [s.id for s in impact.discarded_snapshots] == [c.id, b.id]
    assert [s.id for s in impact.saved_discarded] == [b.id]
    assert impact.training_data_changed and not impact.nothing_lost
    assert impact.live_counts == {"training_areas": 1, "labels_per_class": {1: 1, 2: 2}, "scenes": 0}
    assert impact.target_counts == {"training_areas": 0, "labels_per_class": {1: 1}, "scenes": 0}
    assert "2 later snapshot(s)" in impact.summary() and "1 saved" in impact.summary()
    assert len(ws.list_snapshots(model.id)) == 3  # reporting changed nothing

    result = ws.revert(model.id, a.id)
    assert result.id == a.id and result.kind == KIND_CURRENT and result.expires_at is None
    assert [s.id for s in ws.list_snapshots(model.id)] == [a.id]
    assert ws.training_counts(model.id) == {"training_areas": 0, "labels_per_class": {1: 1}, "scenes": 0}
    assert ws.revert_impact(model.id, a.id).nothing_lost
    assert visible_entries(ws.root) == [] and list((ws.root / ".journal").iterdir()) == []
    # training again continues from the reverted state
    clock.advance(minutes=1)
    d = snap(ws, model.id, 3)
    assert d.parent_id == a.id and d.seq == 2
    assert ws.get_snapshot(model.id, a.id).kind == KIND_TEMPORARY


def test_revert_to_current_discards_only_training_edits(ws_model):
    ws, model = ws_model
    a = snap(ws, model.id, 0)
    add_label(ws.training_data_path(model.id), 1)
    impact = ws.revert_impact(model.id, a.id)
    assert impact.discarded_snapshots == [] and impact.training_data_changed
    ws.revert(model.id, a.id)
    assert ws.training_counts(model.id)["labels_per_class"] == {}
    with pytest.raises(NotFoundError):
        ws.revert(model.id, "snothere1")


def test_new_model_from_snapshot(ws_model, clock):
    ws, model = ws_model
    add_label(ws.training_data_path(model.id), 1)
    add_area(ws.training_data_path(model.id))
    a = snap(ws, model.id, 5)
    with pytest.raises(ClassCountMismatchError, match="2 classes"):
        ws.new_model_from_snapshot(model.id, a.id, "wrong", class_names=["one"])
    with pytest.raises(InvalidNameError):
        ws.new_model_from_snapshot(model.id, a.id, "../evil")
    with pytest.raises(InvalidNameError, match="already exists"):
        ws.new_model_from_snapshot(model.id, a.id, "orcas")
    assert len(ws.list_models()) == 1

    clock.advance(minutes=1)
    fresh = ws.new_model_from_snapshot(model.id, a.id, "fresh", class_names=["adult", "calf"])
    assert fresh.class_names == ["adult", "calf"] and [c.color for c in fresh.classes] == [
        "#ff0000",
        "#00ff00",
    ]
    assert fresh.parent_model_id == model.id and fresh.parent_snapshot_id == a.id
    assert fresh.input_spec == model.input_spec and fresh.mode == model.mode
    assert ws.training_counts(fresh.id) == {"training_areas": 0, "labels_per_class": {}, "scenes": 0}
    [current] = ws.list_snapshots(fresh.id)
    assert current.kind == KIND_CURRENT and current.progress["steps"] == 0
    loaded = ws.load_snapshot(fresh.id, current.id)
    for key, value in weights(5).items():
        np.testing.assert_array_equal(loaded.weights[key], value)
    assert loaded.optimizer is None and loaded.config["normalization"] == a.config["normalization"]

    reused = ws.new_model_from_snapshot(model.id, a.id, "reused", reuse_training_data=True)
    assert reused.class_names == model.class_names
    assert ws.training_counts(reused.id) == {"training_areas": 1, "labels_per_class": {1: 1}, "scenes": 0}
    assert len(ws.list_models()) == 3 and visible_entries(ws.root) == []
    # the source model is untouched
    assert [s.id for s in ws.list_snapshots(model.id)] == [a.id]


def test_load_snapshot_returns_numpy_weights_and_completed_config(ws_model):
    ws, model = ws_model
    s = snap(ws, model.id, 2)
    loaded = ws.load_snapshot(model.id, s.id)
    assert isinstance(loaded, LoadedSnapshot) and loaded.info == s and loaded.model == model
    for key, value in weights(2).items():
        assert loaded.weights[key].dtype == value.dtype
        np.testing.assert_array_equal(loaded.weights[key], value)
    for key, value in optimizer(2).items():
        np.testing.assert_array_equal(loaded.optimizer[key], value)
    assert loaded.optimizer_meta == {"lr": 0.001, "seed": 2}
    cfg = loaded.config
    assert cfg["tile_size"] == 32 and cfg["seed"] == 2 and cfg["mode"] == "count"
    assert cfg["bands"] == [1, 2, 3] and cfg["crs"] == "EPSG:32612" and cfg["resolution"] == 0.5
    assert cfg["network"] == {"width": 8, "depth": 2}
    assert cfg["normalization"] == {"mean": [0.5], "std": [0.2]}
    no_opt = ws.create_snapshot(model.id, weights(1), None, None, {}, {}, {}, None)
    assert ws.load_snapshot(model.id, no_opt.id).optimizer is None


def test_weights_must_be_numeric_arrays(ws_model):
    ws, model = ws_model
    with pytest.raises(InputDataError):
        ws.create_snapshot(model.id, {"w": np.array([object()])}, None, None, {}, {}, {}, None)
    with pytest.raises(InputDataError):
        ws.create_snapshot(model.id, {3: np.zeros(2)}, None, None, {}, {}, {}, None)
    assert ws.list_snapshots(model.id) == []


@pytest.mark.parametrize("victim", ["weights.safetensors", "optimizer.safetensors", "training.gpkg"])
def test_corrupt_snapshot_is_named_and_others_stay_usable(ws_model, clock, victim):
    ws, model = ws_model
    good = snap(ws, model.id, 0)
    clock.advance(minutes=1)
    bad = snap(ws, model.id, 1)
    path = ws.root / "models" / model.id / "snapshots" / bad.id / victim
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0xFF
    path.write_bytes(bytes(data))
    with pytest.raises(CorruptSnapshotError, match=bad.id) as err:
        ws.load_snapshot(model.id, bad.id)
    assert bad.name in str(err.value) and victim in str(err.value)
    with pytest.raises(CorruptSnapshotError):
        ws.verify_snapshot(model.id, bad.id)
    with pytest.raises(CorruptSnapshotError):
        ws.revert(model.id, bad.id)
    assert [s.id for s in ws.list_snapshots(model.id)] == [bad.id, good.id]  # still listed
    assert ws.load_snapshot(model.id, good.id).info.id == good.id
    ws.revert(model.id, good.id)  # the way out: revert past it
    assert [s.id for s in ws.list_snapshots(model.id)] == [good.id]


def test_missing_file_is_reported_as_corrupt(ws_model):
    ws, model = ws_model
    s = snap(ws, model.id, 0)
    (ws.root / "models" / model.id / "snapshots" / s.id / "weights.safetensors").unlink()
    with pytest.raises(CorruptSnapshotError, match=r"weights\.safetensors"):
        ws.load_snapshot(model.id, s.id)


def test_incomplete_folders_are_cleaned_or_quarantined_on_open(ws_model):
    ws, model = ws_model
    s = snap(ws, model.id, 0)
    snaps = ws.root / "models" / model.id / "snapshots"
    (snaps / ".tmp-s20990101t000000-deadbeef").mkdir()
    (snaps / ".tmp-s20990101t000000-deadbeef" / "weights.safetensors").write_bytes(b"half")
    (snaps / ".trash-jx-s1").mkdir()
    (snaps / "s20990101t000000-cafebabe").mkdir()  # no manifest: never committed by the store
    (snaps / "s20990101t000000-cafebabe" / "weights.safetensors").write_bytes(b"x")
    (ws.models_dir / ".tmp-mhalf").mkdir()
    (ws.models_dir / "mnomodeljson").mkdir()
    assert [x.id for x in ws.list_snapshots(model.id)] == [s.id]  # never listed, even before cleanup
    ws2 = Workspace.open(ws.root)
    assert [x.id for x in ws2.list_snapshots(model.id)] == [s.id]
    assert sorted(p.name for p in snaps.iterdir()) == [s.id]
    assert sorted(p.name for p in ws.models_dir.iterdir()) == [model.id]
    quarantined = list((ws.root / ".quarantine").iterdir())
    assert len(quarantined) == 2
    assert [m.id for m in ws2.list_models()] == [model.id]


def test_snapshot_with_a_foreign_manifest_is_not_listed(ws_model):
    ws, model = ws_model
    s = snap(ws, model.id, 0)
    manifest = ws.root / "models" / model.id / "snapshots" / s.id / "manifest.json"
    data = json.loads(manifest.read_text())
    data["files"]["../../../etc/passwd"] = {"sha256": "0", "size": 1}
    manifest.write_text(json.dumps(data))
    assert Workspace.open(ws.root).list_snapshots(model.id) == []


def test_malicious_pickle_is_never_executed(ws_model, tmp_path):
    ws, model = ws_model
    s = snap(ws, model.id, 0)
    marker = tmp_path / "PWNED"

    class Evil:
        def __reduce__(self):
            return (Path.touch, (marker,))

    payload = pickle.dumps(Evil())
    folder = ws.root / "models" / model.id / "snapshots" / s.id
    (folder / "weights.pt").write_bytes(payload)
    (folder / "optimizer.pt").write_bytes(payload)
    ws.load_snapshot(model.id, s.id)  # extra files are ignored, never read
    # a pickle in place of the weights, with a manifest rewritten to match its checksum
    (folder / "weights.safetensors").write_bytes(payload)
    manifest = json.loads((folder / "manifest.json").read_text())
    manifest["files"]["weights.safetensors"] = {
        "sha256": hashlib.sha256(payload).hexdigest(),
        "size": len(payload),
    }
    (folder / "manifest.json").write_text(json.dumps(manifest))
    ws2 = Workspace.open(ws.root)
    with pytest.raises(CorruptSnapshotError, match="safetensors"):
        ws2.load_snapshot(model.id, s.id)
    ws2.list_snapshots(model.id)
    ws2.verify_snapshot(model.id, s.id)
    ws2.purge_expired()
    ws2.new_model_from_snapshot(model.id, s.id, "copy")
    assert not marker.exists()
    assert not any(p.suffix == ".pkl" for p in ws.root.rglob("*"))


def test_lock_held_by_another_process_names_it(ws_model):
    ws, model = ws_model
    holder = subprocess.Popen(
        [sys.executable, str(HERE / "store_lockholder.py"), str(ws.root)], stdout=subprocess.PIPE, text=True
    )
    try:
        assert holder.stdout.readline().strip() == "locked"
        ws.lock_timeout = 0.3
        with pytest.raises(WorkspaceLockedError, match=rf"in use by {socket.gethostname()}/{holder.pid}"):
            snap(ws, model.id, 0)
        with pytest.raises(WorkspaceLockedError):
            ws.rename_model(model.id, "other")
        assert ws.is_locked_elsewhere()
        assert [m.name for m in ws.list_models()] == ["orcas"]  # reads need no lock
        assert ws.list_snapshots(model.id) == []
    finally:
        holder.kill()
        holder.wait()
    assert snap(ws, model.id, 0).kind == KIND_CURRENT  # the lock died with its holder


def test_lock_keeps_threads_apart(ws_model):
    ws, model = ws_model
    other = Workspace.open(ws.root, lock_timeout=0.2)
    entered, leave = threading.Event(), threading.Event()

    def hold():
        with ws._lock.hold():
            entered.set()
            leave.wait(10)

    t = threading.Thread(target=hold)
    t.start()
    try:
        assert entered.wait(10)
        with pytest.raises(WorkspaceLockedError, match=f"in use by {socket.gethostname()}/{os.getpid()}"):
            snap(other, model.id, 0)
    finally:
        leave.set()
        t.join()
    assert snap(other, model.id, 0).kind == KIND_CURRENT


def test_concurrent_writers_never_interleave(ws_model):
    ws, model = ws_model
    errors = []

    def worker(seed):
        w = Workspace.open(ws.root, lock_timeout=30)
        try:
            for i in range(3):
                snap(w, model.id, seed * 10 + i)
        except Exception as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker, args=(k,)) for k in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    timeline = ws.list_snapshots(model.id)
    assert len(timeline) == 9 and sorted(s.seq for s in timeline) == list(range(1, 10))
    assert sum(s.kind == KIND_CURRENT for s in timeline) == 1
    for s in timeline:
        ws.verify_snapshot(model.id, s.id)


def test_two_processes_writing_at_once_never_interleave(ws_model):
    ws, model = ws_model
    children = []
    for seed in (1, 2):
        pid = os.fork()
        if pid == 0:  # child: its own Workspace object, as a second QGIS window would have
            code = 0
            try:
                w = Workspace.open(ws.root, lock_timeout=60)
                for i in range(4):
                    snap(w, model.id, seed * 10 + i)
            except BaseException:
                code = 1
            os._exit(code)
        children.append(pid)
    for pid in children:
        _, status = os.waitpid(pid, 0)
        assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    timeline = Workspace.open(ws.root).list_snapshots(model.id)
    assert sorted(s.seq for s in timeline) == list(range(1, 9))
    assert sorted(s.metrics["loss"] for s in timeline) == sorted(
        1.0 / (s + 1) for s in (10, 11, 12, 13, 20, 21, 22, 23)
    )
    assert sum(s.kind == KIND_CURRENT for s in timeline) == 1
    for s in timeline:
        ws.verify_snapshot(model.id, s.id)
    # each snapshot's parent is the snapshot before it: no two writers saw the same current state
    by_seq = sorted(timeline, key=lambda s: s.seq)
    assert [s.parent_id for s in by_seq] == [None] + [s.id for s in by_seq[:-1]]


def test_revert_while_qgis_holds_the_live_geopackage_open_in_wal_mode(ws_model, clock):
    """QGIS edits GeoPackages in WAL mode and keeps a connection open: the revert restores
    into the live database (SQLite backup API), so that connection sees the restored rows."""
    import sqlite3

    ws, model = ws_model
    live = ws.training_data_path(model.id)
    add_label(live, 1)
    a = snap(ws, model.id, 0)
    qgis = sqlite3.connect(live, isolation_level=None)
    try:
        assert qgis.execute("PRAGMA journal_mode=WAL").fetchone()[0] == "wal"
        add_label(live, 2)
        add_label(live, 2, x=5)
        assert qgis.execute("SELECT count(*) FROM labels").fetchone()[0] == 3
        clock.advance(minutes=1)
        b = snap(ws, model.id, 1)  # copy taken from a WAL database: includes the WAL's rows
        assert b.counts["labels_per_class"] == {1: 1, 2: 2}
        assert ws.revert_impact(model.id, a.id).training_data_changed
        ws.revert(model.id, a.id)
        assert qgis.execute("SELECT class_id FROM labels").fetchall() == [(1,)]
        assert qgis.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    finally:
        qgis.close()
    assert ws.training_counts(model.id) == {"training_areas": 0, "labels_per_class": {1: 1}, "scenes": 0}
    frozen = ws.snapshot_training_data_path(model.id, a.id)
    assert not Path(f"{frozen}-wal").exists()  # snapshot copies are self-contained files
    add_label(live, 2)  # still a working GeoPackage for OGR after the restore
    assert ws.training_counts(model.id)["labels_per_class"] == {1: 1, 2: 1}


def test_revert_while_the_live_geopackage_is_locked_fails_cleanly(ws_model, clock, monkeypatch):
    import sqlite3

    from orca_huntr.errors import WorkspaceError
    from orca_huntr.snapshots import gpkg

    monkeypatch.setattr(gpkg, "_BUSY_MS", 200)
    ws, model = ws_model
    live = ws.training_data_path(model.id)
    a = snap(ws, model.id, 0)
    clock.advance(minutes=1)
    add_label(live, 1)
    b = snap(ws, model.id, 1)
    editor = sqlite3.connect(live, isolation_level=None)
    try:
        editor.execute("BEGIN IMMEDIATE")  # an edit session holding the write lock
        with pytest.raises(WorkspaceError, match="being edited"):
            ws.revert(model.id, a.id)
        editor.execute("ROLLBACK")
    finally:
        editor.close()
    assert [s.id for s in ws.list_snapshots(model.id)] == [b.id, a.id]  # nothing discarded
    assert ws.training_counts(model.id)["labels_per_class"] == {1: 1}
    assert visible_entries(ws.root) == [] and list((ws.root / ".journal").iterdir()) == []
    ws.revert(model.id, a.id)
    assert [s.id for s in ws.list_snapshots(model.id)] == [a.id]
