"""Processing algorithm ``orcahuntr:reverttosnapshot``: make an earlier snapshot the current state."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
)

from ..errors import HuntrError
from ..snapshots.table import to_json
from .algorithm import HuntrAlgorithm


class RevertToSnapshotAlgorithm(HuntrAlgorithm):
    """Revert a model to one of its snapshots; needs CONFIRM because later work is discarded."""

    NAME = "reverttosnapshot"
    CONFIRM = "CONFIRM"

    def display(self) -> str:
        return self.tr("Revert to snapshot")

    def help(self) -> str:
        return self.tr(
            "Makes the chosen snapshot the model's current state: the next training session "
            "continues from it, and its training data replace the live training data. Snapshots "
            "made after it and training data edited since leave the timeline: they are kept as a "
            "reverted set that “Undo revert” restores until it expires (the temporary-snapshot "
            "expiry; never while it holds a saved snapshot).\n\n"
            "The algorithm only runs when “I understand that later snapshots leave the timeline” is "
            "checked (CONFIRM=true); otherwise it changes nothing and reports what the revert would "
            "take back."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.add_model_parameter()
        self.add_snapshot_parameter(optional=False)
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.CONFIRM,
                self.tr("I understand that later snapshots leave the timeline"),
                defaultValue=False,
            )
        )
        self.addOutput(QgsProcessingOutputString("SNAPSHOT_ID", self.tr("Current snapshot id")))
        self.addOutput(QgsProcessingOutputNumber("DISCARDED", self.tr("Snapshots discarded")))
        self.addOutput(QgsProcessingOutputString("IMPACT", self.tr("What the revert discarded (JSON)")))

    def execute(self, parameters, context, feedback):
        ws, model, snap = self.chosen(parameters, context)
        impact = ws.revert_impact(model.id, snap.id)
        if not self.parameterAsBoolean(parameters, self.CONFIRM, context):
            raise HuntrError(self.describe(model, snap, impact))
        current = ws.revert(model.id, snap.id)
        feedback.pushInfo(
            self.tr("Model “{model}” reverted to snapshot “{snapshot}”.").format(
                model=model.name, snapshot=snap.name or snap.id
            )
        )
        return {
            "SNAPSHOT_ID": current.id,
            "DISCARDED": len(impact.discarded_snapshots),
            "IMPACT": to_json(impact.to_dict()),
        }

    def describe(self, model, snap, impact) -> str:
        """Why the revert did not run: what it would discard and how to confirm."""
        data = (
            self.tr("the training data edited since then")
            if impact.training_data_changed
            else self.tr("no training data (unchanged since then)")
        )
        return self.tr(
            "Reverting model “{model}” to snapshot “{snapshot}” would take back {n} later snapshots "
            "({saved} of them saved) and {data}, restorable with “Undo revert” {until}. Nothing was "
            "changed: set the confirmation parameter (CONFIRM=true) to revert."
        ).format(
            model=model.name,
            snapshot=snap.name or snap.id,
            n=len(impact.discarded_snapshots),
            saved=len(impact.saved_discarded),
            data=data,
            until=(
                self.tr("until {date}").format(date=str(impact.undo_until)[:16])
                if impact.undo_until is not None
                else self.tr("at any time")
            ),
        )
