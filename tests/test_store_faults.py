"""I/O failure injection: the k-th write, fsync or rename of an operation raises OSError, for every k.

Each operation must then either raise a clear :class:`WorkspaceError` and leave the store
exactly as it was, or (when the failing step comes after its commit point, e.g. a
cleanup fsync) complete; never anything in between. No staging folder may stay visible.
"""

from __future__ import annotations

import errno
import shutil
from collections import Counter
from pathlib import Path

import pytest
from store_helpers import (
    FakeClock,
    InjectedError,
    add_label,
    kept_workspace,
    snap,
    store_state,
    visible_entries,
)

from orca_huntr.errors import HuntrError, WorkspaceError
from orca_huntr.snapshots import ClassSpec, Workspace, atomic

KINDS = ("write", "fsync", "rename")


pytestmark = pytest.mark.usefixtures("reset_atomic_hooks")


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    """A workspace with a saved, a temporary and a current snapshot, a reverted set, and
    unsnapshotted edits."""
    root = tmp_path_factory.mktemp("faults") / "template.huntr"
    ws, model, clock, live, a = kept_workspace(root)
    clock.advance(days=1)
    add_label(live, 2)
    b = snap(ws, model.id, 1)
    clock.advance(days=1)
    add_label(live, 2, x=4)
    c = snap(ws, model.id, 2)
    clock.advance(hours=1)
    add_label(live, 2, x=12)
    snap(ws, model.id, 3)
    ws.revert(model.id, c.id)  # the fourth snapshot and its label go to a reverted set
    add_label(live, 1, x=9)
    other = ws.create_model("other", classes=[ClassSpec("x")])
    return {
        "root": root,
        "model": model.id,
        "a": a.id,
        "b": b.id,
        "c": c.id,
        "other": other.id,
        "now": clock.now,
    }


def operations(t):
    m = t["model"]
    far = t["now"].replace(year=t["now"].year + 1)
    return {
        "create_snapshot": lambda ws: snap(ws, m, 7),
        "create_model": lambda ws: ws.create_model("new", classes=[ClassSpec("q")]),
        "save_snapshot": lambda ws: ws.save_snapshot(m, t["b"], "saved b"),
        "rename_snapshot": lambda ws: ws.rename_snapshot(m, t["a"], "renamed"),
        "delete_snapshot": lambda ws: ws.delete_snapshot(m, t["b"]),
        "delete_model": lambda ws: ws.delete_model(t["other"]),
        "rename_model": lambda ws: ws.rename_model(t["other"], "renamed"),
        "purge_expired": lambda ws: ws.purge_expired(now=far),
        "revert": lambda ws: ws.revert(m, t["a"]),
        "undo_revert": lambda ws: ws.undo_revert(m),
        "new_model_reuse": lambda ws: ws.new_model_from_snapshot(
            m, t["b"], "child", reuse_training_data=True
        ),
        "new_model_empty": lambda ws: ws.new_model_from_snapshot(m, t["b"], "child", class_names=["p", "q"]),
        "add_scene": lambda ws: ws.add_scene(m, "/data/scene.tif"),
    }


def fresh_copy(template_root: Path, dst: Path) -> Path:
    if dst.exists():
        shutil.rmtree(dst)
    shutil.copytree(template_root, dst)
    return dst


def count_steps(op, root: Path, clock) -> Counter:
    counts: Counter = Counter()
    atomic.hooks.before = lambda kind, path: counts.update([kind])
    try:
        op(Workspace.open(root, clock=clock))
    finally:
        atomic.hooks.before = None
    return counts


OPERATIONS = [
    "create_snapshot",
    "create_model",
    "save_snapshot",
    "rename_snapshot",
    "delete_snapshot",
    "delete_model",
    "rename_model",
    "purge_expired",
    "revert",
    "undo_revert",
    "new_model_reuse",
    "new_model_empty",
    "add_scene",
]


@pytest.mark.parametrize("name", OPERATIONS)
def test_every_failing_step_leaves_store_before_or_after(template, tmp_path, name):
    op = operations(template)[name]
    clock = FakeClock(template["now"])
    before = store_state(fresh_copy(template["root"], tmp_path / "before.huntr"))
    after_root = fresh_copy(template["root"], tmp_path / "after.huntr")
    steps = count_steps(op, after_root, clock)
    after = store_state(after_root)
    assert after != before, "the operation must change something"
    assert sum(steps.values()) > 0

    outcomes: Counter = Counter()
    for kind in KINDS:
        for k in range(1, steps[kind] + 1):
            root = fresh_copy(template["root"], tmp_path / "run.huntr")
            ws = Workspace.open(root, clock=clock)
            seen = {"n": 0}

            def fail(step_kind, path, kind=kind, k=k, seen=seen):
                if step_kind == kind:
                    seen["n"] += 1
                    if seen["n"] == k:
                        raise InjectedError(errno.EIO, f"injected {kind} #{k}", path)

            atomic.hooks.before = fail
            try:
                op(ws)
                failed = None
            except HuntrError as exc:
                failed = exc
            finally:
                atomic.hooks.before = None
            assert seen["n"] >= k, f"{name}: {kind} #{k} was never reached"
            assert visible_entries(root) == [], f"{name}: staging left after {kind} #{k}"
            state = store_state(root)
            if failed is not None:
                assert isinstance(failed, WorkspaceError), f"{name}: {kind} #{k} -> {failed!r}"
                assert "injected" in str(failed) and str(root) in str(failed)
                assert state == before, f"{name}: {kind} #{k} failed but changed the store"
                outcomes["raised"] += 1
            else:
                assert state == after, f"{name}: {kind} #{k} succeeded with a wrong state"
                outcomes["completed"] += 1
    print(f"{name}: steps {dict(steps)} outcomes {dict(outcomes)}")
    # Most steps come before the commit point: the operation must report them.
    assert outcomes["raised"] >= 1
    assert outcomes["raised"] >= outcomes["completed"]
