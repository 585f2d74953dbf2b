"""Processing algorithm ``orcahuntr:modelfromsnapshot``: branch a new model from a snapshot."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterString,
)

from ..adapters.inputs import parse_class_names
from .algorithm import HuntrAlgorithm


class ModelFromSnapshotAlgorithm(HuntrAlgorithm):
    """A new model that starts from a snapshot's weights (same number of classes)."""

    NAME = "modelfromsnapshot"
    NAME_PARAM = "NAME"
    CLASS_NAMES = "CLASS_NAMES"
    REUSE = "REUSE_TRAINING_DATA"

    def display(self) -> str:
        return self.tr("Create model from snapshot")

    def help(self) -> str:
        return self.tr(
            "Creates a new model that starts from the weights of a snapshot of another model, "
            "for example to adapt a good model to a new region without changing the original.\n\n"
            "The new model has the same number of classes; you may rename them (names separated "
            "by commas, in the same order). With “Reuse the training data” the snapshot's training "
            "areas, labels and scenes are copied into the new model; otherwise it starts with "
            "empty training data."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.add_model_parameter(self.tr("Source model (id or name)"))
        self.add_snapshot_parameter()
        self.addParameter(QgsProcessingParameterString(self.NAME_PARAM, self.tr("New model name")))
        self.addParameter(
            QgsProcessingParameterString(
                self.CLASS_NAMES, self.tr("Class names (comma-separated; empty: keep them)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(self.REUSE, self.tr("Reuse the training data"), defaultValue=False)
        )
        self.addOutput(QgsProcessingOutputString("MODEL_ID", self.tr("New model id")))
        self.addOutput(QgsProcessingOutputString("MODEL_NAME", self.tr("New model name")))

    def execute(self, parameters, context, feedback):
        ws, model, snap = self.chosen(parameters, context)
        name = self.parameterAsString(parameters, self.NAME_PARAM, context).strip()
        class_names = parse_class_names(self.parameterAsString(parameters, self.CLASS_NAMES, context), model)
        reuse = self.parameterAsBoolean(parameters, self.REUSE, context)
        info = ws.new_model_from_snapshot(
            model.id, snap.id, name, class_names=class_names, reuse_training_data=reuse
        )
        feedback.pushInfo(
            self.tr("Created model “{name}” ({id}) from snapshot “{snapshot}”.").format(
                name=info.name, id=info.id, snapshot=snap.name or snap.id
            )
        )
        return {"MODEL_ID": info.id, "MODEL_NAME": info.name}
