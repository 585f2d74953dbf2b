"""The retention part of the workspace façade (:class:`~.store.Workspace` inherits it).

Policies (``policy.py``), disk use (``usage.py``), and the purge: one plan with a reason per
deletion (``retention.plan`` through ``operations.plan_purge``), previewed and carried out by
the same function, the purge one journaled operation (``operations.apply_purge``; recovery
rolls it forward). Every write holds the workspace's lock (``Workspace._write``).
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime

from ..errors import InputDataError
from . import journal, meta, operations, policy, retention, usage
from .model import SnapshotInfo, to_utc
from .paths import new_id
from .store_core import WorkspaceCore


class RetentionFacade(WorkspaceCore):
    """Retention policies, disk use and the purge of a workspace."""

    def retention_policy(self, model_id: str | None = None) -> policy.RetentionPolicy:
        """The retention policy in force: the model's own, else the workspace's (``model_id=None``).

        :class:`WorkspaceError` when the model's own policy file cannot be read.
        """
        if model_id is None:
            return policy.from_settings(self.settings)
        self.get_model(model_id)
        found, error = self._timelines.policy_of(model_id)
        policy.refuse_unreadable(model_id, error)
        return found

    def model_retention_policy(self, model_id: str) -> policy.RetentionPolicy | None:
        """The model's own policy, or ``None`` while it follows the workspace's."""
        self.get_model(model_id)
        return self._timelines.own_policy(model_id)

    def set_retention_policy(self, new: policy.RetentionPolicy | None, model_id: str | None = None) -> None:
        """Store the workspace's policy (``model_id=None``) or a model's own; ``None`` for a model:
        it follows the workspace's again. One atomic write; nothing is purged here."""
        if model_id is None:
            if new is None:
                raise InputDataError("The workspace always has a retention policy; give one.")
            policy.check(new)
            with self._write("change the retention policy"):
                changes = policy.to_settings(new)
                meta.write_settings(self._layout.workspace_file, changes)
                self.settings.update(changes)
            return
        if new is not None:
            policy.check(new)
        with self._write("change the model's retention policy"):
            self.get_model(model_id)
            policy.write_model_policy(self._layout.retention_file(model_id), new)

    def disk_usage(self) -> usage.WorkspaceUsage:
        """Bytes per model, per snapshot and per reverted set (each file counted once)."""
        order = [(m.id, [s.id for s in self._timeline(m.id)]) for m in self.list_models()]
        return usage.workspace_usage(self._layout, order)

    def purge_plan(
        self, now: datetime | None = None, trial: Mapping[str, policy.RetentionPolicy] | None = None
    ) -> retention.PurgePlan:
        """What :meth:`purge` at ``now`` would delete and why (nothing is changed).

        ``trial``: model id → the policy to preview for that model instead of its stored one (the
        panel shows what a policy being edited would delete before it is applied).
        """
        when = to_utc(now) if now is not None else self.clock()
        models = [m.id for m in self.list_models()]
        return operations.plan_purge(self._timelines, models, when, dict(trial) if trial else None)

    def purge(
        self, now: datetime | None = None, confirmed: retention.PurgePlan | None = None
    ) -> retention.PurgePlan:
        """Delete what the retention policies give up (:meth:`purge_plan`, computed again under the
        lock); returns the plan carried out. One journaled operation: a crash leaves before or after.

        ``confirmed``: a preview the user accepted; only what it lists too is deleted (a snapshot
        saved or trained since is never taken on the strength of an older preview). Never a
        saved snapshot or a current state.
        """
        with self._write("purge snapshots"):
            found = self.purge_plan(now)  # the stored policies, never a trial
            if confirmed is not None:
                found = found.only(confirmed)
            if found.is_empty:
                return found
            items, set_items = found.snapshot_keys(), found.set_keys()
            op = new_id("j")
            record = {"op": "purge", "items": [list(i) for i in items], "sets": [list(i) for i in set_items]}
            entry = journal.write(self.root, op, record)
            operations.apply_purge(self._timelines, op, entry, items, recovering=False, sets=set_items)
            return found

    def purge_expired(self, now: datetime | None = None) -> list[SnapshotInfo]:
        """:meth:`purge`, returning the snapshots deleted (the timeline's, then the reverted sets')."""
        return self.purge(now).deleted()
