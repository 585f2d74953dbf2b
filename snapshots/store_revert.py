"""The revert part of the workspace façade (:class:`~.store.Workspace` inherits it).

A revert moves the later snapshots and the live training data to a reverted set that an undo
can restore until it expires; both are journaled (``operations.begin_taking_back``, then
``apply_revert`` / ``apply_undo``, which recovery also calls when rolling forward). Every write
holds the workspace's lock (``Workspace._write``).
"""

from __future__ import annotations

from . import operations, timeline
from .model import RevertedSet, RevertImpact, SnapshotInfo
from .paths import new_id
from .store_core import WorkspaceCore


class RevertFacade(WorkspaceCore):
    """Revert to a snapshot, the reverted sets, and undo."""

    def revert_impact(self, model_id: str, snapshot_id: str) -> RevertImpact:
        """Exactly what :meth:`revert` to ``snapshot_id`` would take back (nothing is changed)."""
        return operations.revert_impact(self._timelines, model_id, snapshot_id, self.clock())

    def revert(self, model_id: str, snapshot_id: str) -> SnapshotInfo:
        """Make ``snapshot_id`` the current state again (journaled: a crash leaves before or after).

        Every later snapshot and the live training data go to a reverted set (see :meth:`reverted`,
        :meth:`undo_revert`); the training data are restored to the snapshot's frozen copy.
        """
        with self._write("revert to the snapshot"):
            snapshots = self._timeline(model_id)
            target = timeline.get(snapshots, model_id, snapshot_id)
            self.verify_snapshot(model_id, target.id)
            later = [s.id for s in snapshots if s.seq > target.seq]
            op = new_id("j")
            record = {"op": "revert", "model_id": model_id, "target": target.id, "discard": later}
            entry, record = operations.begin_taking_back(self._timelines, op, record, self.clock())
            operations.apply_revert(self._timelines, op, entry, record, recovering=False)
            return self.get_snapshot(model_id, target.id)

    def reverted(self, model_id: str) -> list[RevertedSet]:
        """What reverts took out of the model's timeline and can still be restored, newest first."""
        self.get_model(model_id)
        return self._timelines.reverted(model_id)

    def undo_revert(self, model_id: str, set_id: str | None = None) -> RevertedSet:
        """Restore reverted set ``set_id`` (default: the newest): its snapshots and training data
        come back (journaled). What the undo replaces becomes a reverted set in turn."""
        with self._write("undo the revert"):
            now = self.clock()
            found, since = operations.plan_undo(self._timelines, model_id, set_id, now)
            op, restore = new_id("j"), [s.id for s in found.snapshots]
            record = {"op": "undo_revert", "model_id": model_id, "set": found.id, "target": found.target_id}
            entry, record = operations.begin_taking_back(
                self._timelines, op, {**record, "restore": restore, "discard": since}, now
            )
            operations.apply_undo(self._timelines, op, entry, record, recovering=False)
            return found
