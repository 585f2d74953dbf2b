"""Portable snapshot packages (issue #16, part 6): export, import, and a hostile file refused.

Import must take a package into another workspace as a new model or into a model with
the same classes, and must refuse, leaving the workspace exactly as it was, a package
that tries to leave the target folder, is too large, expands too much, carries a pickle
or was changed after export. A failure at any write, fsync or rename shows nothing.
"""

from __future__ import annotations

import json
import pickle
import zipfile
from pathlib import Path

import numpy as np
import pytest
from store_helpers import (
    FakeClock,
    InjectedError,
    add_area,
    add_label,
    new_workspace,
    snap,
    store_state,
    visible_entries,
)

from orca_huntr.errors import HuntrError, InputDataError
from orca_huntr.snapshots import ClassSpec, Workspace, atomic
from orca_huntr.snapshots import package as pkg
from orca_huntr.snapshots.errors import PackageError

pytestmark = pytest.mark.usefixtures("reset_atomic_hooks")


@pytest.fixture
def source(tmp_path):
    """A workspace whose model has two snapshots; the second has training data and calibrated settings."""
    clock = FakeClock()
    ws, model = new_workspace(tmp_path / "src.huntr", clock)
    live = ws.training_data_path(model.id)
    add_area(live)
    add_label(live, 1)
    first = snap(ws, model.id, 0)
    clock.advance(hours=1)
    add_label(live, 2, x=3)
    config = {
        "tile_size": 32,
        "seed": 1,
        "normalization": {"method": "scene_percentile", "scenes": {"c1": {"mean": [1.0], "std": [2.0]}}},
        "detection": {"score_threshold": 0.45, "boundary_threshold": 0.3, "min_size": 4},
    }
    second = snap(ws, model.id, 1, metrics={"f1": 0.61, "iou": {"1": 0.5, "2": 0.4}}, config=config)
    return ws, model, first, second


def _export(ws, model, snapshot, path: Path, **kw) -> Path:
    pkg.export_snapshot(ws, model.id, snapshot.id, path, **kw)
    return path


def test_export_then_import_as_a_new_model_keeps_everything(source, tmp_path):
    ws, model, first, second = source
    path = _export(ws, model, second, tmp_path / "out" / "orcas.huntrpkg", include_training_data=True)
    with zipfile.ZipFile(path) as zf:
        assert sorted(zf.namelist()) == sorted(
            [
                pkg.PACKAGE_MANIFEST,
                pkg.MODEL_MEMBER,
                pkg.SNAPSHOT_MEMBER,
                pkg.WEIGHTS_MEMBER,
                pkg.TRAINING_MEMBER,
            ]
        )
    info = pkg.read_package(path)
    assert info.class_names == ["class0", "class1"] and info.has_training_data and not info.has_onnx
    assert info.lineage["parent_id"] == first.id and info.lineage["snapshot_id"] == second.id

    other = Workspace.open(tmp_path / "dst.huntr")
    result = pkg.import_package(other, path)
    assert result.new_model and result.training_data
    made = other.get_model(result.model.id)
    assert [(c.name, c.color) for c in made.classes] == [(c.name, c.color) for c in model.classes]
    assert (
        made.mode == model.mode and made.input_spec == model.input_spec and made.tile_size == model.tile_size
    )
    current = other.current_snapshot(made.id)
    assert current.id == result.snapshot.id and current.name == second.name
    assert current.metrics == {"f1": 0.61, "iou": {"1": 0.5, "2": 0.4}}
    loaded = other.load_snapshot(made.id, current.id)  # checksums verified
    original = ws.load_snapshot(model.id, second.id)
    assert sorted(loaded.weights) == sorted(original.weights)
    for key, value in original.weights.items():
        np.testing.assert_array_equal(loaded.weights[key], value)
    assert loaded.config["detection"] == {"score_threshold": 0.45, "boundary_threshold": 0.3, "min_size": 4}
    assert loaded.config["normalization"]["scenes"]["c1"] == {"mean": [1.0], "std": [2.0]}
    lineage = loaded.config["imported_from"]
    assert lineage["model_id"] == model.id and lineage["snapshot_id"] == second.id
    assert lineage["parent_id"] == first.id and lineage["package"] == "orcas.huntrpkg"
    # the package's training data is the new model's, live and frozen
    assert other.training_counts(made.id)["labels_per_class"] == {1: 1, 2: 1}
    assert current.counts["labels_per_class"] == {1: 1, 2: 1}
    # a second import of the same package gets a unique name
    again = pkg.import_package(other, path)
    assert again.model.name == f"{model.name} (2)"
    assert visible_entries(other.root) == []


def test_import_without_training_data_starts_empty(source, tmp_path):
    ws, model, _first, second = source
    path = _export(ws, model, second, tmp_path / "w.huntrpkg")
    other = Workspace.open(tmp_path / "dst.huntr")
    result = pkg.import_package(other, path, name="borrowed")
    assert result.model.name == "borrowed" and not result.training_data
    assert other.training_counts(result.model.id) == {
        "training_areas": 0,
        "labels_per_class": {},
        "scenes": 0,
    }


def test_import_into_a_model_with_the_same_classes(source, tmp_path):
    ws, model, _first, second = source
    path = _export(ws, model, second, tmp_path / "w.huntrpkg", include_training_data=True)
    other, target = new_workspace(tmp_path / "dst.huntr", FakeClock(), name="local")
    live = other.training_data_path(target.id)
    add_label(live, 2)
    before = snap(other, target.id, 5)
    result = pkg.import_package(other, path, into_model=target.id)
    assert not result.new_model and result.warnings  # training data not merged: said
    timeline = other.list_snapshots(target.id)
    assert [s.id for s in timeline] == [result.snapshot.id, before.id]
    assert timeline[0].is_current and timeline[0].name == f"{second.name} (imported)"
    assert timeline[0].progress["steps"] == before.progress["steps"]  # the model's own count goes on
    assert timeline[0].config["imported_from"]["progress"] == second.progress
    np.testing.assert_array_equal(
        other.load_snapshot(target.id, timeline[0].id).weights["head.weight"],
        ws.load_snapshot(model.id, second.id).weights["head.weight"],
    )
    assert other.training_counts(target.id)["labels_per_class"] == {2: 1}  # kept


def test_import_into_a_model_with_other_classes_is_refused(source, tmp_path):
    ws, model, _first, second = source
    path = _export(ws, model, second, tmp_path / "w.huntrpkg")
    other = Workspace.open(tmp_path / "dst.huntr")
    target = other.create_model("birds", classes=[ClassSpec("gull"), ClassSpec("tern")], mode="count")
    state = store_state(other.root)
    with pytest.raises(PackageError, match="classes"):
        pkg.import_package(other, path, into_model=target.id)
    assert store_state(other.root) == state


def test_package_carries_an_onnx_file(source, tmp_path):
    ws, model, _first, second = source
    onnx = tmp_path / "net.onnx"
    onnx.write_bytes(b"\x08\x07fake onnx bytes" * 10)
    path = _export(ws, model, second, tmp_path / "w.huntrpkg", onnx_path=onnx)
    assert pkg.read_package(path).has_onnx
    with zipfile.ZipFile(path) as zf:
        assert zf.read(pkg.ONNX_MEMBER) == onnx.read_bytes()
    other = Workspace.open(tmp_path / "dst.huntr")
    assert pkg.import_package(other, path).new_model
    with pytest.raises(InputDataError, match="ONNX"):
        _export(ws, model, second, tmp_path / "x.huntrpkg", onnx_path=tmp_path / "missing.onnx")
    assert not (tmp_path / "x.huntrpkg").exists()


# ---------------------------------------------------------------- hostile packages


def _rewrite(path: Path, out: Path, change) -> Path:
    """Copy package ``path`` to ``out`` with ``change(members: dict[name, bytes])`` applied."""
    with zipfile.ZipFile(path) as zf:
        members = {n: zf.read(n) for n in zf.namelist()}
    change(members)
    with zipfile.ZipFile(out, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        for name, data in members.items():
            zf.writestr(name, data)
    return out


def _refused(other: Workspace, path: Path, match: str, **kw) -> None:
    state = store_state(other.root)
    with pytest.raises(PackageError, match=match):
        pkg.import_package(other, path, **kw)
    assert store_state(other.root) == state
    assert visible_entries(other.root) == []


def _resum(members: dict, name: str) -> None:
    manifest = json.loads(members[pkg.PACKAGE_MANIFEST])
    manifest["files"][name] = {"sha256": atomic.sha256_bytes(members[name]), "size": len(members[name])}
    members[pkg.PACKAGE_MANIFEST] = json.dumps(manifest).encode()


def test_a_member_that_leaves_the_target_is_refused(source, tmp_path):
    ws, model, _first, second = source
    good = _export(ws, model, second, tmp_path / "w.huntrpkg")
    other = Workspace.open(tmp_path / "dst.huntr")
    for evil in ("../evil.txt", "/tmp/evil.txt", "snapshots/../../evil.txt", "..\\evil.txt"):

        def add(members, evil=evil):
            members[evil] = b"owned"

        _refused(other, _rewrite(good, tmp_path / "evil.huntrpkg", add), "no ORCA HUNTR package holds")
    assert not (tmp_path / "evil.txt").exists() and not (other.root.parent / "evil.txt").exists()


def test_a_changed_member_is_refused_before_anything_shows(source, tmp_path):
    ws, model, _first, second = source
    good = _export(ws, model, second, tmp_path / "w.huntrpkg", include_training_data=True)
    other = Workspace.open(tmp_path / "dst.huntr")

    def flip_weights(members):
        blob = bytearray(members[pkg.WEIGHTS_MEMBER])
        blob[-1] ^= 0xFF
        members[pkg.WEIGHTS_MEMBER] = bytes(blob)

    def flip_training(members):
        blob = bytearray(members[pkg.TRAINING_MEMBER])
        blob[len(blob) // 2] ^= 0xFF
        members[pkg.TRAINING_MEMBER] = bytes(blob)

    def flip_metrics(members):
        data = json.loads(members[pkg.SNAPSHOT_MEMBER])
        data["metrics"]["f1"] = 0.99
        members[pkg.SNAPSHOT_MEMBER] = json.dumps(data).encode()

    for change in (flip_weights, flip_training, flip_metrics):
        bad = _rewrite(good, tmp_path / f"{change.__name__}.huntrpkg", change)
        _refused(other, bad, "checksum")
        other_model = new_workspace(tmp_path / f"into-{change.__name__}.huntr", name="local")
        _refused(other_model[0], bad, "checksum", into_model=other_model[1].id)


def test_a_pickle_is_never_loaded(source, tmp_path):
    ws, model, _first, second = source
    good = _export(ws, model, second, tmp_path / "w.huntrpkg")
    marker = tmp_path / "pickle-ran"

    class Payload:
        def __reduce__(self):
            return (Path.touch, (marker,))

    def to_pickle(members):
        members[pkg.WEIGHTS_MEMBER] = pickle.dumps({"w": Payload()})
        _resum(members, pkg.WEIGHTS_MEMBER)  # the checksum matches: the format must refuse it

    bad = _rewrite(good, tmp_path / "pickle.huntrpkg", to_pickle)
    other = Workspace.open(tmp_path / "dst.huntr")
    _refused(other, bad, "safetensors")
    assert not marker.exists()


def test_size_limits_and_zip_bombs_are_refused(source, tmp_path):
    ws, model, _first, second = source
    good = _export(ws, model, second, tmp_path / "w.huntrpkg", include_training_data=True)
    other = Workspace.open(tmp_path / "dst.huntr")
    with zipfile.ZipFile(good) as zf:
        training = zf.getinfo(pkg.TRAINING_MEMBER).file_size
        weights = zf.getinfo(pkg.WEIGHTS_MEMBER).file_size
    _refused(other, good, "larger than", limits=pkg.Limits(member_bytes=training - 1))
    _refused(other, good, "more than", limits=pkg.Limits(total_bytes=training + weights))
    _refused(other, good, "larger than", limits=pkg.Limits(json_bytes=10))

    def bomb(members):  # 64 MiB of zeros in a few kilobytes
        members[pkg.WEIGHTS_MEMBER] = bytes(64 << 20)
        _resum(members, pkg.WEIGHTS_MEMBER)

    _refused(other, _rewrite(good, tmp_path / "bomb.huntrpkg", bomb), "zip bomb")


def test_a_member_larger_than_it_declares_is_cut_off(source, tmp_path):
    """The zip's declared size is not trusted: reading stops at it."""
    ws, model, _first, second = source
    good = _export(ws, model, second, tmp_path / "w.huntrpkg")
    data = bytearray(good.read_bytes())
    with zipfile.ZipFile(good) as zf:
        item = zf.getinfo(pkg.WEIGHTS_MEMBER)
    # lower the declared size in the central directory and the local header
    real = item.file_size.to_bytes(4, "little")
    fake = (item.file_size - 100).to_bytes(4, "little")
    assert data.count(real) >= 1
    data = data.replace(real, fake)
    bad = tmp_path / "liar.huntrpkg"
    bad.write_bytes(bytes(data))
    other = Workspace.open(tmp_path / "dst.huntr")
    state = store_state(other.root)
    with pytest.raises(PackageError):
        pkg.import_package(other, bad)
    assert store_state(other.root) == state and visible_entries(other.root) == []


def test_not_a_package(tmp_path):
    other = Workspace.open(tmp_path / "dst.huntr")
    junk = tmp_path / "junk.huntrpkg"
    junk.write_bytes(b"not a zip")
    _refused(other, junk, "not an ORCA HUNTR snapshot package")
    with zipfile.ZipFile(tmp_path / "empty.huntrpkg", "w") as zf:
        zf.writestr(pkg.PACKAGE_MANIFEST, json.dumps({"format": "something else"}))
    _refused(other, tmp_path / "empty.huntrpkg", "lacks")


def test_a_failure_at_any_step_of_an_import_shows_nothing(source, tmp_path):
    """Failure injection: the k-th write, fsync or rename of the import raises, for every k."""
    ws, model, _first, second = source
    good = _export(ws, model, second, tmp_path / "w.huntrpkg", include_training_data=True)
    other = Workspace.open(tmp_path / "dst.huntr")
    state = store_state(other.root)
    steps = [0]
    atomic.hooks.before = lambda kind, path: steps.__setitem__(0, steps[0] + 1)
    probe = pkg.import_package(Workspace.open(tmp_path / "probe.huntr"), good)
    atomic.hooks.before = None
    total = steps[0]
    assert total > 5 and probe.new_model
    completed = 0
    for k in range(1, total + 1):
        count = [0]

        def fail(kind, path, k=k, count=count):
            count[0] += 1
            if count[0] == k:
                raise InjectedError(f"injected at step {k} ({kind} {path})")

        atomic.hooks.before = fail
        try:
            pkg.import_package(other, good, name=f"try {k}")
        except HuntrError:
            pass
        except OSError:
            pass
        else:
            completed += 1  # a failure after the commit point (a cleanup fsync) completes it
        finally:
            atomic.hooks.before = None
        after = store_state(other.root)
        assert visible_entries(other.root) == []
        if after != state:  # the import completed: exactly one model more, whole
            added = set(after) - set(state)
            assert len(added) == 1 and len(after[added.pop()]["timeline"]) == 1
            state = after
    assert completed < total
