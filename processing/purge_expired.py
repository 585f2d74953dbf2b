"""Processing algorithm ``orcahuntr:purgeexpired``: delete what the retention policies give up.

With DRY_RUN it deletes nothing and outputs what a purge would delete and why (the same plan
the purge follows: ``Workspace.purge_plan``).
"""

from __future__ import annotations

import json

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
)

from ..adapters.retention import kept_text, reason_text, set_reason_text, size_text
from .algorithm import HuntrAlgorithm


class PurgeExpiredAlgorithm(HuntrAlgorithm):
    """Delete the snapshots the retention policies give up, in every model (or only list them)."""

    NAME = "purgeexpired"
    DRY_RUN = "DRY_RUN"

    def display(self) -> str:
        return self.tr("Purge expired snapshots")

    def help(self) -> str:
        return self.tr(
            "Deletes, in every model of the workspace, the temporary snapshots its retention policy "
            "gives up (past their expiry, beyond the last N, over the disk budget; the best by the "
            "policy's metric is kept) and what reverts took back once it expired (it can no longer "
            "be undone). Saved snapshots and each model's current state are never deleted.\n\n"
            "With Dry run nothing is deleted: the log and the Plan output say what a purge would "
            "delete and why.\n\n"
            "Outputs how many snapshots were (or would be) deleted, their ids, the bytes freed and "
            "the plan as JSON."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.DRY_RUN, self.tr("Dry run: only list what would be deleted"), defaultValue=False
            )
        )
        self.addOutput(QgsProcessingOutputNumber("PURGED", self.tr("Snapshots deleted")))
        self.addOutput(QgsProcessingOutputString("SNAPSHOT_IDS", self.tr("Ids of the deleted snapshots")))
        self.addOutput(QgsProcessingOutputNumber("BYTES", self.tr("Bytes freed")))
        self.addOutput(QgsProcessingOutputString("PLAN", self.tr("Plan (JSON: what, and why)")))

    def execute(self, parameters, context, feedback):
        ws = self.workspace(parameters, context)
        dry_run = self.parameterAsBool(parameters, self.DRY_RUN, context)
        plan = ws.purge_plan() if dry_run else ws.purge()
        for item in plan.snapshots:
            text = (
                self.tr("Would delete snapshot {id} of model {model}: {reason}.")
                if dry_run
                else self.tr("Deleted snapshot {id} of model {model}: {reason}.")
            )
            feedback.pushInfo(
                text.format(id=item.snapshot.id, model=item.snapshot.model_id, reason=reason_text(item))
            )
        for item in plan.sets:
            feedback.pushInfo(
                self.tr("Reverted set {id} of model {model}: {reason}.").format(
                    id=item.reverted.id, model=item.reverted.model_id, reason=set_reason_text(item)
                )
            )
        for kept in plan.kept:
            feedback.pushInfo(
                self.tr("Snapshot {id} of model {model}: {reason}.").format(
                    id=kept.snapshot.id, model=kept.snapshot.model_id, reason=kept_text(kept)
                )
            )
        deleted = plan.deleted()
        summary = (
            self.tr("{n} snapshots would be deleted ({size}).")
            if dry_run
            else self.tr("{n} expired snapshots deleted.")
        )
        feedback.pushInfo(summary.format(n=len(deleted), size=size_text(plan.bytes)))
        return {
            "PURGED": len(deleted),
            "SNAPSHOT_IDS": ",".join(s.id for s in deleted),
            "BYTES": plan.bytes,
            "PLAN": json.dumps(plan.to_dict(), ensure_ascii=False),
        }
