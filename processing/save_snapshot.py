"""Processing algorithm ``orcahuntr:savesnapshot``: keep a snapshot for good."""

from __future__ import annotations

from qgis.core import QgsProcessingParameterString

from .algorithm import HuntrAlgorithm


class SaveSnapshotAlgorithm(HuntrAlgorithm):
    """Mark a snapshot (by default the current state) as saved, optionally naming it."""

    NAME = "savesnapshot"
    NAME_PARAM = "NAME"

    def display(self) -> str:
        return self.tr("Save snapshot")

    def help(self) -> str:
        return self.tr(
            "Saves a snapshot so that it never expires. Temporary snapshots are deleted after a "
            "while; saved ones stay until you delete them.\n\n"
            "Leave the snapshot empty to save the current state. The name is optional."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.add_model_parameter()
        self.add_snapshot_parameter()
        self.addParameter(QgsProcessingParameterString(self.NAME_PARAM, self.tr("Name"), optional=True))
        self.add_snapshot_outputs()

    def execute(self, parameters, context, feedback):
        ws, model, snap = self.chosen(parameters, context)
        name = self.parameterAsString(parameters, self.NAME_PARAM, context).strip() or None
        saved = ws.save_snapshot(model.id, snap.id, name=name)
        feedback.pushInfo(self.tr("Saved snapshot “{name}” ({id}).").format(name=saved.name, id=saved.id))
        return self.snapshot_outputs(saved)
