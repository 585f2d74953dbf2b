"""Training on several processes under torchrun (``training/distributed.py``), on the CPU (gloo).

What must hold: N processes with b tiles each learn what one process learns with a batch of
N·b tiles and the same seed. The tiles are the same ones (each tile is seeded by seed, batch
and position, and process r makes positions r·b … r·b+b−1); the batch norm statistics are
those of the whole batch (``TeamBatchNorm2d``); the gradient DDP averages is the gradient
of the whole batch's weighted-mean loss (``Team.weigh_loss``). What remains are float
rounding differences: sums taken in another order (per process, then across processes),
batch statistics summed in float64 instead of torch's CPU kernel, and the mean of two
gradients instead of one. Measured once: one step's loss 1e-7 relative, gradients 3e-8
absolute (5e-5 relative on the smallest entries), batch statistics equal; after 4 steps the
losses are equal to the 6 decimals the history keeps and the weights within 1.3e-7. The
tolerances (1e-4 relative on losses and gradients, 1e-4 absolute on weights) leave room for
Adam's normalised steps to amplify rounding, and are far below what the hooks remove:
per-process batch norm and a plain mean of the two gradients are 50–200 % off on the same step.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
import synthdata

from orca_huntr.cli.main import main
from orca_huntr.errors import InputDataError
from orca_huntr.snapshots import Workspace
from orca_huntr.training.distributed import SOLO, Team

HERE = Path(__file__).resolve().parent
LOSS_RTOL = 1e-4
WEIGHTS_ATOL = 1e-4


def torchrun(args: list[str], cwd: Path, nproc: int = 2) -> subprocess.CompletedProcess:
    """``torchrun --standalone --nproc_per_node nproc`` (as ``python -m torch.distributed.run``)."""
    env = {**os.environ, "OMP_NUM_THREADS": "1"}
    command = [sys.executable, "-m", "torch.distributed.run", "--standalone", f"--nproc_per_node={nproc}"]
    return subprocess.run(
        [*command, *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=1800, check=False
    )


# ------------------------------------------------------------------------------ one process
def test_shares_of_a_team_cut_the_batch_in_order():
    assert SOLO.tiles(6) == range(6)
    assert [Team(rank=r, size=3).tiles(6) for r in range(3)] == [range(0, 2), range(2, 4), range(4, 6)]
    with pytest.raises(InputDataError, match="multiple of 3"):
        Team(rank=0, size=3).tiles(8)
    # one process alone: the hooks change nothing
    assert SOLO.agree("max_steps") == "max_steps" and SOLO.agree("") == ""
    assert SOLO.place("cuda") == "cuda" and Team(rank=1, size=2, local_rank=1).place("cuda") == "cuda:1"
    assert SOLO.record(8) == {} and SOLO.threads() is None


def test_the_shares_of_a_batch_are_the_batch_of_one_process(tmp_path):
    """Process r's tiles of batch i are tiles r·b … of one process's batch i, value for value."""
    from orca_huntr.training.config import TrainConfig
    from orca_huntr.training.loop import ModelSetup, batch_maker, model_inputs, scene_scales
    from orca_huntr.training.normalize import default_normalization

    ws, info, _ = synthdata.make_workspace(tmp_path, size=96)
    setup = ModelSetup.from_model(info)
    inputs = model_inputs(ws, info.id, setup, 0.15)
    scales = scene_scales(inputs, setup.bands, default_normalization())
    config = TrainConfig(batch_size=4, seed=5, boundary_target="centre")
    whole = batch_maker(inputs, setup, config, scales)
    shares = [batch_maker(inputs, setup, config, scales, Team(rank=r, size=2).tiles(4)) for r in range(2)]
    for index in (0, 7):
        one = whole(index)
        parts = [make(index) for make in shares]
        for key in ("image", "target", "boundary", "weight"):
            assert parts[0][key].shape[0] == 2
            np.testing.assert_array_equal(np.concatenate([p[key] for p in parts]), one[key])
    # and a batch is not a copy of another
    assert not np.array_equal(whole(0)["image"], whole(1)["image"])


# ------------------------------------------------------------------------------ two processes
@pytest.mark.slow
def test_team_hooks_give_the_gradient_of_the_whole_batch(tmp_path):
    """Batch norm over both shares, DDP and the loss weighting: one step on two processes has
    the loss, gradients and batch statistics of one process on the whole batch. And both
    processes take the same stop decisions."""
    import ddp_step_child as child

    out = tmp_path / "step.npz"
    proc = torchrun([str(HERE / "ddp_step_child.py"), str(out)], tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = np.load(out)
    assert list(got["agreed"]) == ["user", "max_steps", "early_stopping", ""]  # as rank 1 saw them
    loss, net = child.step(child.network(), child.batch())
    assert float(got["loss"]) == pytest.approx(loss, rel=1e-6)
    for name, param in net.named_parameters():
        np.testing.assert_allclose(got[f"grad.{name}"], param.grad.numpy(), rtol=1e-4, atol=1e-6)
    for name, value in net.state_dict().items():  # running mean/var from the whole batch
        np.testing.assert_allclose(got[f"state.{name}"], value.numpy(), rtol=1e-5, atol=1e-7)


@pytest.mark.slow
def test_torchrun_two_processes_train_like_one_process_with_their_whole_batch(tmp_path):
    ws, info, _ = synthdata.make_workspace(tmp_path / "one", size=96)
    shutil.copytree(tmp_path / "one", tmp_path / "two")
    common = ["train", "-m", info.id, "--max-steps", "4", "--device", "cpu", "--threads", "1", "--json"]

    # one process, 4 tiles a step (the command the plugin's engine runs, in this process)
    one_root = str(ws.root)
    code = main([*common, "-w", one_root, "--batch-size", "4", "-q"], stdout=(one_out := _Buffer()))
    assert code == 0
    one = json.loads(one_out.text)

    # two processes under torchrun, 2 tiles each
    two_root = str(tmp_path / "two" / ws.root.name)
    proc = torchrun(["-m", "orca_huntr", *common, "-w", two_root, "--batch-size", "2"], tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
    assert len(results) == 1, proc.stdout  # only rank 0 reports
    two = results[0]
    assert "on 2 processes (gloo, 2 tiles each, 4 a step)" in proc.stderr

    # the loss trajectory: the same, up to float rounding
    one_loss = one["metrics"]["history"]["loss"]
    two_loss = two["metrics"]["history"]["loss"]
    assert [s for s, _ in two_loss] == [s for s, _ in one_loss] == [1, 2, 3, 4]
    np.testing.assert_allclose([v for _, v in two_loss], [v for _, v in one_loss], rtol=LOSS_RTOL)
    assert two["steps"] == one["steps"] == 4

    # only rank 0 wrote a snapshot: one, complete (manifest verified), loadable
    ws_two = Workspace.open(two_root)
    snapshots = ws_two.list_snapshots(info.id)
    assert [s.id for s in snapshots] == [two["snapshot_id"]]
    ws_two.verify_snapshot(info.id, two["snapshot_id"])
    loaded = ws_two.load_snapshot(info.id, two["snapshot_id"])
    assert loaded.config["distributed"] == {"processes": 2, "backend": "gloo", "batch_per_process": 2}
    assert loaded.config["train"]["batch_size"] == 4  # a step's tiles, as one process records them
    assert loaded.info.progress["tiles_seen"] == 16
    reference = Workspace.open(one_root).load_snapshot(info.id, one["snapshot_id"])
    assert set(loaded.weights) == set(reference.weights)  # a plain network's keys
    for name, value in reference.weights.items():
        np.testing.assert_allclose(loaded.weights[name], value, atol=WEIGHTS_ATOL, err_msg=name)
    snapshots_dir = Path(two_root) / "models" / info.id / "snapshots"
    assert [p.name for p in snapshots_dir.iterdir()] == [two["snapshot_id"]]  # nothing staged left

    # the plugin's engine resumes from it as from any other snapshot
    result = synthdata.train_quick(ws_two, info.id, steps=2)
    assert result.steps == 6 and result.snapshot.parent_id == two["snapshot_id"]


class _Buffer:
    """stdout for :func:`main` in this process."""

    def __init__(self) -> None:
        self.text = ""

    def write(self, text: str) -> None:
        self.text += text

    def flush(self) -> None:
        pass
