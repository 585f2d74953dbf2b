"""Crash-safe checkpoints during training (issue #16, part 5).

A run writes a checkpoint snapshot every ``checkpoint_minutes``; only the newest
``checkpoints_kept`` stay; a process killed mid-run (SIGKILL) leaves its newest checkpoint as
the current state, and the next training resumes from it.
"""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

import pytest
import synthdata

from orca_huntr.snapshots import Workspace
from orca_huntr.training import TrainConfig, train_model
from orca_huntr.training.checkpoints import Checkpointer, interrupted_run, interval_seconds, is_checkpoint

HERE = Path(__file__).resolve().parent


pytestmark = pytest.mark.usefixtures("keep_torch_threads")


def cfg(**kw) -> TrainConfig:
    base = {"batch_size": 2, "device": "cpu", "threads": 1, "seed": 0, "num_workers": 0}
    base.update({"validation_fraction": 0.25, **kw})
    return TrainConfig(**base)


def test_interval_setting():
    assert interval_seconds(TrainConfig()) == 600.0  # default: 10 minutes
    assert interval_seconds(TrainConfig(checkpoint_minutes=0.5)) == 30.0
    assert interval_seconds(TrainConfig(checkpoint_minutes=0)) is None


def test_checkpoints_are_written_marked_and_only_the_newest_kept(tmp_path):
    ws, model, _ = synthdata.make_workspace(tmp_path)
    # every step is due: 1e-9 minutes
    result = train_model(ws, model.id, cfg(max_steps=5, checkpoint_minutes=1e-9, checkpoints_kept=2))
    timeline = ws.list_snapshots(model.id)  # newest first
    assert timeline[0].id == result.snapshot.id and not is_checkpoint(timeline[0])
    checkpoints = [s for s in timeline if is_checkpoint(s)]
    assert [s.progress["steps"] for s in checkpoints] == [5, 4]  # steps 1..3 were pruned
    assert len(timeline) == 3
    for snapshot in checkpoints:
        assert snapshot.config["checkpoint"]["step"] == snapshot.progress["steps"]
        assert snapshot.config["stop_reason"] == "checkpoint"
        loaded = ws.load_snapshot(model.id, snapshot.id)  # checksummed like any snapshot
        assert loaded.optimizer and loaded.config["normalization"]
        assert snapshot.config["scenes"] == result.snapshot.config["scenes"]
    assert interrupted_run(ws, model.id) is None  # the run ended: its final snapshot is current


def test_no_checkpoint_before_the_interval(tmp_path):
    ws, model, _ = synthdata.make_workspace(tmp_path)
    train_model(ws, model.id, cfg(max_steps=3, checkpoint_minutes=60))
    assert [is_checkpoint(s) for s in ws.list_snapshots(model.id)] == [False]


def test_checkpointer_never_prunes_saved_ones(tmp_path):
    from store_helpers import new_workspace, snap

    ws, model = new_workspace(tmp_path / "w.huntr")
    ticks = iter(range(0, 1000, 10))
    marker = {"checkpoint": {"step": 0}, "tile_size": 32}

    class Outcome:
        def __init__(self, k):
            import numpy as np

            self.weights = {"w": np.full(3, k, dtype=np.float32)}
            self.optimizer, self.optimizer_meta = None, None
            self.metrics, self.progress, self.config = {}, {"steps": k}, dict(marker)

    saved = snap(ws, model.id, 0, config=dict(marker))
    ws.save_snapshot(model.id, saved.id)
    writer = Checkpointer(ws, model.id, every_seconds=5, keep=1, clock=lambda: next(ticks))
    for k in range(1, 4):
        writer(k, lambda k=k: Outcome(k))
    timeline = ws.list_snapshots(model.id)
    assert [s.progress["steps"] for s in timeline] == [3, 0]  # newest checkpoint + the saved one
    assert timeline[1].id == saved.id


@pytest.mark.slow
def test_kill_the_training_process_then_resume(tmp_path):
    ws, model, _ = synthdata.make_workspace(tmp_path)
    first = train_model(ws, model.id, cfg(max_steps=2, checkpoint_minutes=0))
    child = subprocess.Popen(
        [sys.executable, str(HERE / "train_killchild.py"), str(ws.root), model.id, "1.0"],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout.readline().strip() == "ready"
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline:
            written = [s for s in Workspace.open(ws.root).list_snapshots(model.id) if is_checkpoint(s)]
            if len(written) >= 2:
                break
            time.sleep(0.2)
        else:
            pytest.fail("the training process wrote no two checkpoints in 300 s")
        time.sleep(0.5)  # kill it anywhere: mid-step or mid-checkpoint
        child.kill()
        child.wait()
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == -9

    reopened = Workspace.open(ws.root)  # recovery: no half-written snapshot shows
    leftovers = [p for p in reopened.root.rglob("*") if p.name.startswith((".tmp-", ".trash-"))]
    assert leftovers == []
    interrupted = interrupted_run(reopened, model.id)
    assert interrupted is not None
    assert interrupted.last_complete.id == first.snapshot.id
    assert interrupted.steps > first.steps
    checkpoints = [s for s in reopened.list_snapshots(model.id) if is_checkpoint(s)]
    assert 1 <= len(checkpoints) <= 3  # pruned to 2, maybe one more if killed between write and prune
    for snapshot in reopened.list_snapshots(model.id):
        reopened.verify_snapshot(model.id, snapshot.id)

    # the next training resumes from the checkpoint (and the dead run's lock is gone)
    resumed = train_model(reopened, model.id, cfg(max_steps=3, checkpoint_minutes=0))
    assert resumed.steps == interrupted.steps + 3
    assert resumed.snapshot.parent_id == interrupted.checkpoint.id
    assert interrupted_run(reopened, model.id) is None


def test_a_checkpoint_that_cannot_be_written_does_not_stop_the_run(tmp_path, monkeypatch):
    from orca_huntr.errors import WorkspaceError

    ws, model, _ = synthdata.make_workspace(tmp_path)
    real = ws.create_snapshot
    calls = []

    def flaky(model_id, **kw):
        calls.append(kw["config"].get("checkpoint"))
        if kw["config"].get("checkpoint"):
            raise WorkspaceError("disk full")
        return real(model_id, **kw)

    monkeypatch.setattr(ws, "create_snapshot", flaky)
    result = train_model(ws, model.id, cfg(max_steps=3, checkpoint_minutes=1e-9))
    assert result.steps == 3 and result.stop_reason == "max_steps"
    assert len([c for c in calls if c]) == 3  # tried at every due step
    assert [is_checkpoint(s) for s in ws.list_snapshots(model.id)] == [False]
