"""Kill -9 tests: a child process runs create / revert / new model / purge / undo and is killed.

After every kill the workspace is reopened (which completes or undoes the interrupted
operation), every listed snapshot must verify against its checksums, no staging or
trash folder may remain, and the observable state must equal either the state before
the operation or the state after it.

A training checkpoint is two store operations, each atomic: the checkpoint snapshot is
written (the commit point: it becomes the current state), then the oldest checkpoints are
pruned. A kill between them leaves one checkpoint too many, which the next checkpoint prunes;
so a killed checkpoint leaves the state before, the one with the new checkpoint written, or
the one after the pruning — never a half-written checkpoint.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np
import pytest
import store_killchild as kc
from store_helpers import store_state, visible_entries

HERE = Path(__file__).resolve().parent
DEFAULT_KILLS = 12  # random-moment kills per operation in the default run (plus every step boundary)
SLOW_KILLS = 500


@pytest.fixture(scope="module")
def scratch(tmp_path_factory):
    """A scratch folder on tmpfs when there is one (fsync is then cheap), else under tmp_path."""
    shm = Path("/dev/shm")
    if shm.is_dir() and os.access(shm, os.W_OK):
        base = Path(os.environ.get("TMPDIR_SHM", shm)) / f"orca-store-crash-{os.getpid()}"
        base.mkdir(parents=True, exist_ok=True)
        yield base
        shutil.rmtree(base, ignore_errors=True)
    else:  # pragma: no cover
        yield tmp_path_factory.mktemp("crash")


@pytest.fixture(scope="module")
def template(scratch):
    root = scratch / "template" / "site.huntr"
    meta = kc.build_template(root)
    return root, meta


def reset(template_root: Path, dst: Path) -> Path:
    if dst.parent.exists():
        shutil.rmtree(dst.parent)
    shutil.copytree(template_root.parent, dst.parent)
    return dst


def expected_states(template_root, meta, scratch, op):
    before = store_state(reset(template_root, scratch / "before" / "site.huntr"))
    after_root = reset(template_root, scratch / "after" / "site.huntr")
    start = time.perf_counter()
    kc.run_op(after_root, op, meta)
    duration = time.perf_counter() - start
    after = store_state(after_root)
    assert before != after
    return before, after, duration


def check(root: Path, before, after, what: str, between=None) -> str:
    """``"before"``, ``"after"`` or, when given, ``"between"``: which state ``root`` is in."""
    state = store_state(root)  # reopens: recovery runs, every listed snapshot is verified
    assert visible_entries(root) == [], what
    journal = root / ".journal"
    assert not journal.exists() or list(journal.iterdir()) == [], what
    if state == before:
        return "before"
    if between is not None and state == between:
        return "between"
    assert state == after, f"{what}: state is neither before nor after"
    return "after"


def count_steps(root: Path, op: str, meta) -> int:
    from orca_huntr.snapshots import atomic

    n = [0]
    atomic.hooks.before = lambda kind, path: n.__setitem__(0, n[0] + 1)
    try:
        kc.run_op(root, op, meta)
    finally:
        atomic.hooks.before = None
    return n[0]


def kill_campaign(
    template, scratch, op: str, random_kills: int, every_step: bool, seed: int = 1234, between_op=None
):
    """Kill ``op`` at every disk step and at random moments; count the states found after each kill.

    ``between_op``: the operation that leaves the one consistent state allowed between before
    and after (``op``'s first part, an operation of its own).
    """
    template_root, meta = template
    before, after, duration = expected_states(template_root, meta, scratch, op)
    between = None
    if between_op is not None:
        between = store_state(
            kc_run(reset(template_root, scratch / "between" / "site.huntr"), between_op, meta)
        )
        assert between not in (before, after)
    outcomes = {"before": 0, "after": 0, **({"between": 0} if between else {})}
    work = scratch / "work" / "site.huntr"
    if every_step:
        steps = count_steps(reset(template_root, work), op, meta)
        assert steps > 3
        for k in range(1, steps + 1):
            reset(template_root, work)
            assert kc.run_forked(work, op, meta, kill_at_step=k) == "killed"
            outcomes[check(work, before, after, f"{op} killed at step {k}", between)] += 1
    rng = random.Random(seed)
    for i in range(random_kills):
        reset(template_root, work)
        delay = rng.uniform(0, duration * 1.3)
        kc.run_forked(work, op, meta, delay=delay)
        outcomes[check(work, before, after, f"{op} kill #{i} after {delay * 1000:.2f} ms", between)] += 1
    return outcomes


def kc_run(root: Path, op: str, meta) -> Path:
    kc.run_op(root, op, meta)
    return root


@pytest.mark.parametrize("op", kc.OPS)
def test_kill_at_every_step_and_at_random_moments(template, scratch, op):
    outcomes = kill_campaign(template, scratch, op, DEFAULT_KILLS, every_step=True)
    print(op, outcomes)
    assert outcomes["before"] > 0 and outcomes["after"] > 0  # both sides of the commit point were hit


@pytest.mark.parametrize("op", kc.OPS)
def test_kill_a_separate_interpreter(template, scratch, op):
    template_root, meta = template
    before, after, duration = expected_states(template_root, meta, scratch, op)
    work = scratch / "proc" / "site.huntr"
    rng = random.Random(99)
    seen = set()
    for _ in range(3):
        reset(template_root, work)
        child = subprocess.Popen(
            [sys.executable, str(HERE / "store_killchild.py"), str(work), op],
            stdout=subprocess.PIPE,
            text=True,
        )
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0, duration * 1.5))
        child.kill()
        child.wait()
        seen.add(check(work, before, after, f"{op} in a separate process"))
    assert seen <= {"before", "after"}


@pytest.mark.slow
@pytest.mark.parametrize("op", kc.OPS)
def test_many_random_kills(template, scratch, op):
    outcomes = kill_campaign(template, scratch, op, SLOW_KILLS, every_step=False, seed=kc.OPS.index(op))
    print(op, outcomes)
    assert sum(outcomes.values()) == SLOW_KILLS


def test_open_workspace_completes_a_dead_writers_revert_before_writing(template, scratch):
    """A second window keeps its Workspace open while the first dies mid-revert: its next write
    must first complete the revert, not build on the half-done state."""
    from orca_huntr.snapshots import Workspace, atomic

    template_root, meta = template
    work = reset(template_root, scratch / "dead" / "site.huntr")
    steps: list[tuple[str, str]] = []
    atomic.hooks.before = lambda kind, path: steps.append((kind, path))
    try:
        kc.run_op(reset(template_root, scratch / "count" / "site.huntr"), "revert", meta)
    finally:
        atomic.hooks.before = None
    committed = next(i for i, (kind, path) in enumerate(steps) if kind == "rename" and "/.journal/" in path)
    other_window = Workspace.open(work)
    assert len(other_window.list_snapshots(meta["model"])) == 4
    # die after the journal entry and the first discarded snapshot's move
    assert kc.run_forked(work, "revert", meta, kill_at_step=committed + 3) == "killed"
    assert list((work / ".journal").iterdir()) != []
    new = other_window.create_snapshot(meta["model"], {"w": np.zeros(2)}, None, None, {}, {}, {}, None)
    timeline = other_window.list_snapshots(meta["model"])
    assert [s.id for s in timeline] == [new.id, meta["ids"][1], meta["ids"][0]]
    assert new.parent_id == meta["ids"][1]
    assert new.counts == other_window.get_snapshot(meta["model"], meta["ids"][1]).counts
    assert list((work / ".journal").iterdir()) == []


# ------------------------------------------------------------------ training checkpoints


@pytest.fixture(scope="module")
def checkpoint_template(scratch):
    root = scratch / "checkpoint-template" / "site.huntr"
    return root, kc.build_checkpoint_template(root)


def _checkpoints(root: Path, model_id: str) -> list[int]:
    """Steps of the model's checkpoints, newest first (every one verified by store_state before)."""
    from orca_huntr.snapshots import Workspace
    from orca_huntr.training.checkpoints import is_checkpoint

    ws = Workspace.open(root)
    return [s.progress["steps"] for s in ws.list_snapshots(model_id) if is_checkpoint(s)]


@pytest.mark.parametrize("op", kc.CHECKPOINT_OPS)
def test_kill_a_checkpoint_at_every_step_and_at_random_moments(checkpoint_template, scratch, op):
    template_root, meta = checkpoint_template
    assert _checkpoints(template_root, meta["model"]) == [200, 100]
    outcomes = kill_campaign(
        checkpoint_template, scratch, op, DEFAULT_KILLS, every_step=True, between_op="checkpoint_written"
    )
    print(op, outcomes)
    assert outcomes["before"] > 0 and outcomes["between"] > 0 and outcomes["after"] > 0
    # killed between the write and the pruning: the new checkpoint is the current state, and the
    # next checkpoint prunes back to the newest two
    work = reset(template_root, scratch / "again" / "site.huntr")
    kc.run_op(work, "checkpoint_written", meta)
    assert _checkpoints(work, meta["model"]) == [300, 200, 100]
    from orca_huntr.snapshots import Workspace

    ws = Workspace.open(work)
    assert ws.current_snapshot(meta["model"]).progress["steps"] == 300
    kc.write_checkpoint(ws, meta["model"], 400)
    assert _checkpoints(work, meta["model"]) == [400, 300]
    assert [s.name for s in ws.list_snapshots(meta["model"]) if s.saved] == ["run 1"]  # never pruned


@pytest.mark.slow
@pytest.mark.parametrize("op", kc.CHECKPOINT_OPS)
def test_many_random_checkpoint_kills(checkpoint_template, scratch, op):
    outcomes = kill_campaign(
        checkpoint_template,
        scratch,
        op,
        SLOW_KILLS,
        every_step=True,  # random delays alone may all land before on a slow or busy machine (CI did)
        seed=77,
        between_op="checkpoint_written",
    )
    print(op, outcomes)
    assert sum(outcomes.values()) >= SLOW_KILLS
    assert min(outcomes.values()) > 0  # kills landed before, inside and after the checkpoint
