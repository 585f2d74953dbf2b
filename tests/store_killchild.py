"""Kill -9 harness for the snapshot store: run one operation in a child process and kill it.

The operations run on :func:`build_template`'s workspace; ``checkpoint`` (what a training
run's :class:`~orca_huntr.training.checkpoints.Checkpointer` does when one is due: write a
checkpoint snapshot, then prune the oldest) on :func:`build_checkpoint_template`'s.

Used by ``tests/test_store_crash.py``. Two ways to get a child:

* :func:`run_forked` forks the test process (cheap: no interpreter start, nothing to import),
  runs the operation in the child and SIGKILLs it after ``delay`` seconds, or, with
  ``kill_at_step=k``, the child SIGKILLs itself just before its k-th disk step
  (write/fsync/rename) — every crash point of an operation, deterministically;
* ``python store_killchild.py ROOT OP`` runs the operation in a fresh interpreter (it
  prints ``ready`` before starting), for tests that kill a real separate process.

The child imports no torch: weights are small numpy arrays.
"""

from __future__ import annotations

import contextlib
import json
import os
import signal
import sys
import time
from datetime import timedelta
from pathlib import Path
from typing import Any

from store_helpers import FakeClock, add_label, kept_workspace, new_workspace, optimizer, snap, weights

OPS = ("create_snapshot", "revert", "new_model", "purge", "undo_revert", "purge_policy")
CHECKPOINT_OPS = ("checkpoint",)  # on build_checkpoint_template's workspace


def build_template(root: Path) -> dict[str, Any]:
    """A workspace with a saved, two temporary and a current snapshot, a reverted set holding a
    fifth snapshot, and unsnapshotted edits.

    Returns the ids and the clock time the operations use (also written to ``root/../meta.json``).
    """
    ws, model, clock, live, a = kept_workspace(root)
    ids = [a.id]
    for k in range(1, 4):
        clock.advance(days=1)
        add_label(live, 1 + k % 2, x=3 * k)
        ids.append(snap(ws, model.id, k).id)
    clock.advance(hours=1)
    add_label(live, 1, x=30)
    snap(ws, model.id, 4)
    ws.revert(model.id, ids[-1])  # the fifth snapshot and its label go to a reverted set
    add_label(live, 2, x=20)  # edited after the last snapshot
    set_policy_for_purge(ws, model.id)
    meta = {
        "model": model.id,
        "ids": ids,
        "set": ws.reverted(model.id)[0].id,
        "now": clock.advance(days=1).isoformat(),
    }
    (root.parent / "meta.json").write_text(json.dumps(meta))
    return meta


def write_checkpoint(ws: Any, model_id: str, step: int, prune: bool = True) -> Any:
    """Let a :class:`Checkpointer` (keep 2) write the checkpoint of ``step`` as a run does, and
    prune (``prune=False``: the state a kill between the write and the pruning leaves)."""
    import itertools
    from types import SimpleNamespace

    from orca_huntr.training.checkpoints import Checkpointer

    ticks = itertools.chain([0.0], itertools.repeat(3600.0))  # the interval has passed
    checkpointer = Checkpointer(ws, model_id, every_seconds=60, keep=2, clock=lambda: next(ticks))
    if not prune:
        checkpointer.prune = list  # type: ignore[method-assign]
    outcome = SimpleNamespace(
        weights=weights(step),
        optimizer=optimizer(step),
        optimizer_meta={"lr": 0.001, "step": step},
        metrics={"loss": 1.0 / step, "step": step},
        progress={"epochs": step // 10, "steps": step, "tiles_seen": 4 * step},
        config={"tile_size": 32, "seed": 0, "stop_reason": "checkpoint"},
    )
    checkpointer(step, lambda: outcome)
    return checkpointer.written


def build_checkpoint_template(root: Path) -> dict[str, Any]:
    """A model whose last run ended in a saved snapshot, then a run cut off after two checkpoints
    (the newest two are kept): the next checkpoint makes three and prunes the oldest one."""
    clock = FakeClock()
    ws, model = new_workspace(root, clock)
    add_label(ws.training_data_path(model.id), 1)
    first = snap(ws, model.id, 0)
    ws.save_snapshot(model.id, first.id, "run 1")
    ids = [first.id]
    for step in (100, 200):
        clock.advance(minutes=10)
        [written] = write_checkpoint(ws, model.id, step)
        ids.append(written.id)
    meta = {"model": model.id, "ids": ids, "now": clock.advance(minutes=10).isoformat()}
    (root.parent / "meta.json").write_text(json.dumps(meta))
    return meta


def set_policy_for_purge(ws, model_id: str) -> None:
    """The model's own retention policy: keep the last temporary snapshot, and a disk budget
    that takes one more (op ``purge_policy``: nothing has expired at the template's ``now``)."""
    from orca_huntr.snapshots import RetentionPolicy

    sizes = ws.disk_usage().models[model_id].snapshots
    budget = (sum(sizes.values()) - 1.5 * max(sizes.values())) / 1e6
    ws.set_retention_policy(RetentionPolicy(keep_last=1, budget_mb=budget), model_id)


def purge_by_policy(ws, now) -> None:
    """A purge whose deletions all come from the count and budget rules of the model's policy."""
    plan = ws.purge_plan(now)
    assert {i.rule for i in plan.snapshots} == {"keep_last", "budget"}, plan.to_dict()
    ws.purge(now, confirmed=plan)


def run_op(root: Path, op: str, meta: dict[str, Any]) -> None:
    """Run operation ``op`` on the workspace at ``root`` (deterministic clock)."""
    from datetime import datetime

    from orca_huntr.snapshots import Workspace

    now = datetime.fromisoformat(meta["now"])
    ws = Workspace.open(root, clock=FakeClock(now), lock_timeout=30)
    model, ids = meta["model"], meta["ids"]
    if op == "create_snapshot":
        snap(ws, model, 9)
    elif op == "revert":
        ws.revert(model, ids[1])
    elif op == "new_model":
        ws.new_model_from_snapshot(model, ids[2], "child", class_names=["a", "b"], reuse_training_data=True)
    elif op == "purge":
        ws.purge_expired(now=now + timedelta(days=30))  # temporary snapshots and the reverted set
    elif op == "undo_revert":
        ws.undo_revert(model, meta["set"])
    elif op in ("checkpoint", "checkpoint_written"):
        assert write_checkpoint(ws, model, 300, prune=op == "checkpoint")  # a failed write is only logged
    elif op == "purge_policy":
        purge_by_policy(ws, now)
    else:  # pragma: no cover
        raise ValueError(op)


def run_forked(
    root: Path, op: str, meta: dict[str, Any], delay: float | None = None, kill_at_step: int = 0
) -> str:
    """Fork a child that runs ``op``; kill it after ``delay`` s or at its ``kill_at_step``-th disk step.

    Returns ``"killed"`` or ``"finished"`` (the child completed before the kill).
    """
    pid = os.fork()
    if pid == 0:  # child
        code = 0
        try:
            if kill_at_step:
                from orca_huntr.snapshots import atomic

                seen = [0]

                def crash(kind: str, path: str) -> None:
                    seen[0] += 1
                    if seen[0] == kill_at_step:
                        os.kill(os.getpid(), signal.SIGKILL)

                atomic.hooks.before = crash
            run_op(root, op, meta)
        except BaseException:
            code = 3
        os._exit(code)
    if delay is not None:
        time.sleep(delay)
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    _, status = os.waitpid(pid, 0)
    if os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL:
        return "killed"
    if os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0:
        return "finished"
    raise RuntimeError(f"child failed with status {status}")


if __name__ == "__main__":
    workspace, operation = Path(sys.argv[1]), sys.argv[2]
    info = json.loads((workspace.parent / "meta.json").read_text())
    import orca_huntr.snapshots.store  # noqa: F401  (import before 'ready' so the kill hits the operation)

    print("ready", flush=True)
    run_op(workspace, operation, info)
    print("done", flush=True)
