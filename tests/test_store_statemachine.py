"""Model-based test of the snapshot store: random sequences of operations against a tiny in-memory model.

After every step: exactly one current state per trained model, saved snapshots survive
purges, the timeline on disk (ids, order, kinds, names, counts, expiry) equals the model,
the live training data equals the model, and no staging/trash folder is visible.
"""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule
from store_helpers import FakeClock, visible_entries, weights

from orca_huntr.errors import InvalidNameError, ModelBusyError, WorkspaceError
from orca_huntr.snapshots import (
    KIND_CURRENT,
    KIND_SAVED,
    KIND_TEMPORARY,
    ClassSpec,
    InputSpec,
    ProtectedSnapshotError,
    RetentionPolicy,
    Workspace,
)

NAMES = ["alpha", "Beta", "best run", "ALPHA"]
DAYS = 7


class StoreMachine(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.tmp = Path(tempfile.mkdtemp(prefix="orca-store-sm-"))
        self.clock = FakeClock()
        self.ws = Workspace.open(self.tmp / "site.huntr", clock=self.clock)
        # model id -> {"snaps": [ {id, saved, name, created, scenes} oldest first ], "scenes": int,
        #              "sets": [ {id, at, target, snaps, scenes} newest first ]}  (what reverts took back)
        self.models: dict[str, dict] = {}
        self.counter = 0

    def teardown(self) -> None:
        shutil.rmtree(self.tmp, ignore_errors=True)

    # -------------------------------------------------------------- helpers

    def _tick(self) -> None:
        self.clock.advance(seconds=1)

    def _names(self, model_id: str) -> set[str]:
        v = self.models[model_id]
        reverted = [s for rs in v["sets"] for s in rs["snaps"]]  # an undo brings them back
        return {s["name"].casefold() for s in v["snaps"] + reverted}

    def _name_snapshot(
        self, model_id: str, s: dict, name: str | None, act: Callable[[str | None], object]
    ) -> bool:
        """Run ``act(name)`` (a save or a rename of ``s``); a name another snapshot has must be
        refused with InvalidNameError (False: nothing changed); True when it went through."""
        taken = self._names(model_id) - {s["name"].casefold()}
        if name is not None and name.casefold() in taken:
            try:
                act(name)
            except InvalidNameError:
                return False
            raise AssertionError("duplicate name accepted")
        act(name)
        return True

    def _new_set(self, model_id: str, target: str, taken: list, scenes: int) -> None:
        """Record the reverted set a revert or an undo just made."""
        v = self.models[model_id]
        known = {rs["id"] for rs in v["sets"]}
        [new] = [r for r in self.ws.reverted(model_id) if r.id not in known]
        v["sets"].insert(
            0, {"id": new.id, "at": self.clock.now, "target": target, "snaps": taken, "scenes": scenes}
        )

    def _expired(self, rs: dict, now) -> bool:
        return not any(s["saved"] for s in rs["snaps"]) and rs["at"] + timedelta(days=DAYS) <= now

    # -------------------------------------------------------------- rules

    @precondition(lambda self: len(self.models) < 3)
    @rule()
    def create_model(self) -> None:
        self.counter += 1
        info = self.ws.create_model(
            f"model {self.counter}",
            classes=[ClassSpec("a", "#ff0000"), ClassSpec("b", "#00ff00")],
            input_spec=InputSpec(crs="EPSG:32612"),
        )
        self.models[info.id] = {"snaps": [], "scenes": 0, "sets": [], "name": info.name}

    @precondition(lambda self: self.models)
    @rule(data=st.data())
    def edit_training_data(self, data) -> None:
        model_id = data.draw(st.sampled_from(list(self.models)))
        self.counter += 1
        self.ws.add_scene(model_id, f"/data/scene{self.counter}.tif")
        self.models[model_id]["scenes"] += 1

    @precondition(lambda self: self.models)
    @rule(data=st.data(), hours=st.integers(0, 24 * 10))
    def create_snapshot(self, data, hours) -> None:
        model_id = data.draw(st.sampled_from(list(self.models)))
        self.clock.advance(hours=hours)
        self._tick()
        info = self.ws.create_snapshot(
            model_id, weights(self.counter, 4), None, None, {"n": self.counter}, {}, {}, None
        )
        snaps = self.models[model_id]["snaps"]
        seq = snaps[-1]["seq"] + 1 if snaps else 1  # a revert's target is the newest left
        # the default name is its place in the timeline, made unique: a reverted snapshot
        # (which an undo brings back) may hold "#seq" already
        name, n = f"#{seq}", 2
        while name.casefold() in self._names(model_id):
            name, n = f"#{seq} ({n})", n + 1
        snaps.append(
            {
                "id": info.id,
                "seq": seq,
                "saved": False,
                "name": name,
                "created": self.clock.now,
                "scenes": self.models[model_id]["scenes"],
            }
        )
        assert info.kind == KIND_CURRENT

    def _pick(self, data):
        trained = [m for m, v in self.models.items() if v["snaps"]]
        model_id = data.draw(st.sampled_from(trained))
        snaps = self.models[model_id]["snaps"]
        index = data.draw(st.integers(0, len(snaps) - 1))
        return model_id, index, snaps[index]

    def _trained(self) -> bool:
        return any(v["snaps"] for v in self.models.values())

    @precondition(_trained)
    @rule(data=st.data(), name=st.none() | st.sampled_from(NAMES))
    def save(self, data, name) -> None:
        model_id, _, s = self._pick(data)
        if self._name_snapshot(model_id, s, name, lambda n: self.ws.save_snapshot(model_id, s["id"], n)):
            s["saved"] = True
            if name is not None:
                s["name"] = name

    @precondition(_trained)
    @rule(data=st.data(), name=st.sampled_from(NAMES))
    def rename(self, data, name) -> None:
        model_id, _, s = self._pick(data)
        if self._name_snapshot(model_id, s, name, lambda n: self.ws.rename_snapshot(model_id, s["id"], n)):
            s["name"] = name

    @precondition(_trained)
    @rule(data=st.data())
    def delete(self, data) -> None:
        model_id, index, s = self._pick(data)
        snaps = self.models[model_id]["snaps"]
        if index == len(snaps) - 1:
            try:
                self.ws.delete_snapshot(model_id, s["id"])
            except ProtectedSnapshotError:
                return
            raise AssertionError("deleted the current state")
        self.ws.delete_snapshot(model_id, s["id"])
        del snaps[index]

    @rule(days=st.floats(-3, 20, allow_nan=False))
    def purge(self, days) -> None:
        now = self.clock.now + timedelta(days=days)
        times = [s["created"] for v in self.models.values() for s in v["snaps"]]
        times += [rs["at"] for v in self.models.values() for rs in v["sets"]]
        expected, gone = set(), set()
        if not times or now >= max(times):
            for v in self.models.values():
                snaps = v["snaps"]
                for i, s in enumerate(snaps[:-1]):
                    if not s["saved"] and snaps[i + 1]["created"] + timedelta(days=DAYS) <= now:
                        expected.add(s["id"])
                for rs in v["sets"]:
                    if self._expired(rs, now):
                        gone.add(rs["id"])
                        expected |= {s["id"] for s in rs["snaps"]}
        purged = self.ws.purge_expired(now=now)
        assert {p.id for p in purged} == expected
        for v in self.models.values():
            v["snaps"] = [s for s in v["snaps"] if s["id"] not in expected]
            v["sets"] = [rs for rs in v["sets"] if rs["id"] not in gone]
        if days >= 0:
            self.clock.now = max(self.clock.now, now)

    def _expired_at(self, now) -> tuple[set, set]:
        """Ids of the timeline snapshots and reverted sets a default purge at ``now`` (not before
        any creation) deletes."""
        expected, gone = set(), set()
        for v in self.models.values():
            snaps = v["snaps"]
            for i, s in enumerate(snaps[:-1]):
                if not s["saved"] and snaps[i + 1]["created"] + timedelta(days=DAYS) <= now:
                    expected.add(s["id"])
            gone |= {rs["id"] for rs in v["sets"] if self._expired(rs, now)}
        return expected, gone

    def _forget(self, snapshots: set, sets: set) -> None:
        for v in self.models.values():
            v["snaps"] = [s for s in v["snaps"] if s["id"] not in snapshots]
            v["sets"] = [rs for rs in v["sets"] if rs["id"] not in sets]

    @precondition(_trained)
    @rule(data=st.data(), keep=st.integers(0, 3))
    def purge_with_policy(self, data, keep) -> None:
        """A model's own policy keeping the last ``keep`` temporary snapshots: the preview lists the
        expired ones of every model and that model's older ones; the purge deletes exactly those."""
        model_id = data.draw(st.sampled_from([m for m, v in self.models.items() if v["snaps"]]))
        self.ws.set_retention_policy(RetentionPolicy(expiry_days=DAYS, keep_last=keep), model_id)
        now = self.clock.now  # never before a creation
        expected, gone = self._expired_at(now)
        temporaries = [s for s in self.models[model_id]["snaps"][:-1] if not s["saved"]]
        expected |= {s["id"] for s in temporaries[: max(0, len(temporaries) - keep)]}
        preview = self.ws.purge_plan(now)
        assert {i.snapshot.id for i in preview.snapshots} == expected
        done = self.ws.purge(now)
        assert done.to_dict() == preview.to_dict()
        self.ws.set_retention_policy(None, model_id)
        self._forget(expected, gone)

    @precondition(_trained)
    @rule(data=st.data())
    def revert(self, data) -> None:
        model_id, index, s = self._pick(data)
        self._tick()
        impact = self.ws.revert_impact(model_id, s["id"])
        v = self.models[model_id]
        snaps = v["snaps"]
        assert [d.id for d in impact.discarded_snapshots] == [x["id"] for x in reversed(snaps[index + 1 :])]
        assert impact.training_data_changed == (v["scenes"] != s["scenes"])
        self.ws.revert(model_id, s["id"])
        if snaps[index + 1 :] or impact.training_data_changed:
            self._new_set(model_id, s["id"], snaps[index + 1 :], v["scenes"])
        del snaps[index + 1 :]
        v["scenes"] = s["scenes"]

    @precondition(lambda self: any(v["sets"] for v in self.models.values()))
    @rule(data=st.data())
    def undo_revert(self, data) -> None:
        model_id = data.draw(st.sampled_from([m for m, v in self.models.items() if v["sets"]]))
        v = self.models[model_id]
        k = data.draw(st.integers(0, len(v["sets"]) - 1))
        rs = v["sets"][k]
        self._tick()
        ids = [s["id"] for s in v["snaps"]]
        if self._expired(rs, self.clock.now) or rs["target"] not in ids:
            try:
                self.ws.undo_revert(model_id, rs["id"])
            except WorkspaceError:
                return
            raise AssertionError("undid an expired revert, or one whose target is gone")
        at = ids.index(rs["target"])
        since = v["snaps"][at + 1 :]
        changed = v["scenes"] != v["snaps"][at]["scenes"]
        restored = self.ws.undo_revert(model_id, rs["id"])
        assert [s.id for s in restored.snapshots] == [s["id"] for s in reversed(rs["snaps"])]
        del v["sets"][k]
        if since or changed:
            self._new_set(model_id, rs["target"], since, v["scenes"])
        v["snaps"] = v["snaps"][: at + 1] + rs["snaps"]
        v["scenes"] = rs["scenes"]

    @precondition(lambda self: self._trained() and len(self.models) < 4)
    @rule(data=st.data(), reuse=st.booleans())
    def new_model(self, data, reuse) -> None:
        model_id, _, s = self._pick(data)
        self._tick()
        self.counter += 1
        info = self.ws.new_model_from_snapshot(
            model_id, s["id"], f"model {self.counter}", class_names=["x", "y"], reuse_training_data=reuse
        )
        [first] = self.ws.list_snapshots(info.id)
        scenes = s["scenes"] if reuse else 0
        self.models[info.id] = {
            "name": f"model {self.counter}",
            "snaps": [
                {
                    "id": first.id,
                    "seq": 1,
                    "saved": False,
                    "name": f"#1 · from {self.models[model_id]['name']}",
                    "created": self.clock.now,
                    "scenes": scenes,
                }
            ],
            "scenes": scenes,
            "sets": [],
        }

    @precondition(_trained)
    @rule(data=st.data(), days=st.floats(0, 20, allow_nan=False))
    def corrupt_states_then_restore(self, data, days) -> None:
        """A damaged states.json: saved marks survive, the rest is unknown, nothing is purged or rewritten."""
        model_id, _, s = self._pick(data)
        path = self.ws.root / "models" / model_id / "states.json"
        original = path.read_bytes() if path.exists() else None
        path.write_bytes(b"{ damaged")
        try:
            listed = {x.id: x for x in self.ws.list_snapshots(model_id)}
            for snap in self.models[model_id]["snaps"]:
                x = listed[snap["id"]]
                assert x.saved == snap["saved"]
                assert x.state_known == (snap["saved"] or x.kind == KIND_CURRENT or len(listed) == 1) or (
                    not x.state_known and x.expires_at is None
                )
            now = self.clock.now + timedelta(days=days)
            expected, gone = self._expired_at(now)
            try:
                purged = self.ws.purge_expired(now=now)
            except WorkspaceError:
                pass
            else:  # every state was known (all saved): a plain purge ran, in every model
                assert all(x.state_known for x in listed.values())
                assert {p.id for p in purged} == expected | {
                    x["id"]
                    for v in self.models.values()
                    for rs in v["sets"]
                    if rs["id"] in gone
                    for x in rs["snaps"]
                }
                self._forget(expected, gone)
            try:
                self.ws.save_snapshot(model_id, s["id"])
            except WorkspaceError:
                pass
            else:
                raise AssertionError("states.json rewritten while unreadable")
            assert path.read_bytes() == b"{ damaged"
        finally:
            if original is None:
                path.unlink()
            else:
                path.write_bytes(original)

    @precondition(_trained)
    @rule(data=st.data())
    def train_twice_at_once(self, data) -> None:
        model_id, _, _ = self._pick(data)
        other = Workspace.open(self.ws.root, clock=self.clock)
        with self.ws.training_lock(model_id):
            try:
                with other.training_lock(model_id):
                    raise AssertionError("two trainings of one model at once")
            except ModelBusyError:
                pass

    @rule()
    def reopen(self) -> None:
        self.ws = Workspace.open(self.ws.root, clock=self.clock)

    # -------------------------------------------------------------- invariants

    @invariant()
    def disk_equals_model(self) -> None:
        assert sorted(m.id for m in self.ws.list_models()) == sorted(self.models)
        for model_id, v in self.models.items():
            listed = self.ws.list_snapshots(model_id)
            snaps = v["snaps"]
            assert [x.id for x in listed] == [s["id"] for s in reversed(snaps)]
            if snaps:
                assert sum(x.kind == KIND_CURRENT for x in listed) == 1
                assert self.ws.current_snapshot(model_id).id == snaps[-1]["id"]
            for i, (x, s) in enumerate(zip(reversed(listed), snaps, strict=True)):
                assert x.saved == s["saved"] and x.name == s["name"] and x.created_at == s["created"]
                assert x.counts["scenes"] == s["scenes"]
                if i == len(snaps) - 1:
                    assert x.kind == KIND_CURRENT and x.expires_at is None
                elif s["saved"]:
                    assert x.kind == KIND_SAVED and x.expires_at is None
                else:
                    assert x.kind == KIND_TEMPORARY
                    assert x.expires_at == snaps[i + 1]["created"] + timedelta(days=DAYS)
            assert self.ws.training_counts(model_id)["scenes"] == v["scenes"]
            sets = self.ws.reverted(model_id)
            assert [r.id for r in sets] == [rs["id"] for rs in v["sets"]]
            for r, rs in zip(sets, v["sets"], strict=True):
                assert r.target_id == rs["target"] and r.reverted_at == rs["at"]
                assert [x.id for x in r.snapshots] == [s["id"] for s in reversed(rs["snaps"])]
                assert [x.saved for x in r.snapshots] == [s["saved"] for s in reversed(rs["snaps"])]
                assert (r.expires_at is None) == any(s["saved"] for s in rs["snaps"])

    @invariant()
    def lineage_shows_everything_once(self) -> None:
        """The panel's lineage tree: every model, snapshot and reverted set once, in its model; a
        model under a snapshot is one made from it."""
        rows = [(depth, row) for item in self.ws.lineage_tree() for depth, row in item.walk()]
        models = [row.model_id for _, row in rows if row.kind == "model"]
        assert sorted(models) == sorted(self.models)
        snapshots = [(row.model_id, row.snapshot_id) for _, row in rows if row.kind == "snapshot"]
        expected = [(model_id, s["id"]) for model_id, v in self.models.items() for s in v["snaps"]] + [
            (model_id, s["id"])
            for model_id, v in self.models.items()
            for rs in v["sets"]
            for s in rs["snaps"]
        ]
        assert sorted(snapshots) == sorted(expected)
        sets = [row.reverted.id for _, row in rows if row.kind == "reverted"]
        assert sorted(sets) == sorted(rs["id"] for v in self.models.values() for rs in v["sets"])
        for item in self.ws.lineage_tree():
            stack = [item]
            while stack:
                row = stack.pop()
                for child in row.children:
                    if child.kind == "model" and row.kind == "snapshot":
                        assert self.ws.get_model(child.model_id).parent_snapshot_id == row.snapshot_id
                    elif child.kind != "model":
                        assert child.model_id == row.model_id
                stack.extend(row.children)

    @invariant()
    def nothing_half_done_is_visible(self) -> None:
        assert visible_entries(self.ws.root) == []


StoreMachine.TestCase.settings = settings(
    max_examples=25,
    stateful_step_count=20,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
test_store_state_machine = StoreMachine.TestCase
