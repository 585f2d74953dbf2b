"""Processing algorithm ``orcahuntr:purgeexpired``: delete temporary snapshots past their expiry."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingOutputString

from .algorithm import HuntrAlgorithm


class PurgeExpiredAlgorithm(HuntrAlgorithm):
    """Delete every temporary snapshot whose expiry time has passed, in every model."""

    NAME = "purgeexpired"

    def display(self) -> str:
        return self.tr("Purge expired snapshots")

    def help(self) -> str:
        return self.tr(
            "Deletes the temporary snapshots whose expiry time has passed, in every model of the "
            "workspace, and what reverts took back once it expired (it can no longer be undone). "
            "Saved snapshots and each model's current state are never deleted.\n\n"
            "Outputs how many snapshots were deleted and their ids."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.addOutput(QgsProcessingOutputNumber("PURGED", self.tr("Snapshots deleted")))
        self.addOutput(QgsProcessingOutputString("SNAPSHOT_IDS", self.tr("Ids of the deleted snapshots")))

    def execute(self, parameters, context, feedback):
        ws = self.workspace(parameters, context)
        purged = ws.purge_expired()
        for snap in purged:
            feedback.pushInfo(
                self.tr("Deleted expired snapshot {id} of model {model}.").format(
                    id=snap.id, model=snap.model_id
                )
            )
        feedback.pushInfo(self.tr("{n} expired snapshots deleted.").format(n=len(purged)))
        return {"PURGED": len(purged), "SNAPSHOT_IDS": ",".join(s.id for s in purged)}
