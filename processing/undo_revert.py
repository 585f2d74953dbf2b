"""Processing algorithm ``orcahuntr:undorevert``: restore what a revert took back."""

from __future__ import annotations

from qgis.core import QgsProcessingOutputNumber, QgsProcessingOutputString, QgsProcessingParameterString

from .algorithm import HuntrAlgorithm


class UndoRevertAlgorithm(HuntrAlgorithm):
    """Undo a revert of a model (its newest reverted set unless one is named)."""

    NAME = "undorevert"
    SET = "REVERTED_SET"

    def display(self) -> str:
        return self.tr("Undo revert")

    def help(self) -> str:
        return self.tr(
            "Restores what a revert took back: the snapshots it removed from the timeline and the "
            "training data as they were before it. Snapshots trained since the revert and training "
            "data edited since are kept as a reverted set in turn, so the undo can be undone too.\n\n"
            "A revert can be undone until it expires (the temporary-snapshot expiry of the workspace; "
            "never when it took back a saved snapshot). Leave the reverted set empty to undo the "
            "newest revert of the model."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.add_model_parameter()
        self.addParameter(
            QgsProcessingParameterString(
                self.SET, self.tr("Reverted set id (empty: the newest revert)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputString("SNAPSHOT_ID", self.tr("Current snapshot id")))
        self.addOutput(QgsProcessingOutputNumber("RESTORED", self.tr("Snapshots restored")))

    def execute(self, parameters, context, feedback):
        ws = self.workspace(parameters, context)
        model = self.model(ws, parameters, context)
        wanted = (self.parameterAsString(parameters, self.SET, context) or "").strip()
        chosen = ws.undo_revert(model.id, wanted or None)
        current = ws.current_snapshot(model.id)
        feedback.pushInfo(
            self.tr("Undid the revert of model “{model}”: {n} snapshots restored.").format(
                model=model.name, n=len(chosen.snapshots)
            )
        )
        return {"SNAPSHOT_ID": current.id if current else "", "RESTORED": len(chosen.snapshots)}
