"""Processing algorithm ``orcahuntr:renamesnapshot``."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterString

from .algorithm import HuntrAlgorithm


class RenameSnapshotAlgorithm(HuntrAlgorithm):
    """Give a snapshot a new name."""

    NAME = "renamesnapshot"
    NEW_NAME = "NEW_NAME"

    def display(self) -> str:
        return self.tr("Rename snapshot")

    def help(self) -> str:
        return self.tr(
            "Renames a snapshot of the model's timeline. The snapshot is found by its id or its "
            "current name; the new name must not be empty."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.add_model_parameter()
        self.add_snapshot_parameter(optional=False)
        self.addParameter(QgsProcessingParameterString(self.NEW_NAME, self.tr("New name")))
        self.add_snapshot_outputs()

    def execute(self, parameters, context, feedback):
        ws, model, snap = self.chosen(parameters, context)
        new_name = self.parameterAsString(parameters, self.NEW_NAME, context).strip()
        renamed = ws.rename_snapshot(model.id, snap.id, new_name)
        feedback.pushInfo(
            self.tr("Renamed snapshot {id}: “{old}” → “{new}”.").format(
                id=snap.id, old=snap.name, new=renamed.name
            )
        )
        return self.snapshot_outputs(renamed)
