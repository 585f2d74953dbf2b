"""Processing algorithm ``orcahuntr:listsnapshots``: the timeline as a table."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingOutputNumber,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..adapters.workspace import find_model
from ..snapshots.table import snapshot_row
from .algorithm import MODEL, HuntrAlgorithm

FIXED = (
    ("model_id", QVariant.String),
    ("model_name", QVariant.String),
    ("snapshot_id", QVariant.String),
    ("kind", QVariant.String),
    ("name", QVariant.String),
    ("created_at", QVariant.String),
    ("expires_at", QVariant.String),
    ("parent_id", QVariant.String),
    ("parent_model_id", QVariant.String),
    ("training_areas", QVariant.Int),
    ("labels", QVariant.Int),
    ("labels_per_class", QVariant.String),
    ("scenes", QVariant.Int),
    ("epochs", QVariant.Int),
    ("steps", QVariant.Int),
    ("tiles_seen", QVariant.Int),
    ("metrics", QVariant.String),
)


class ListSnapshotsAlgorithm(HuntrAlgorithm):
    """Every snapshot of one model (or of every model) as a table without geometry."""

    NAME = "listsnapshots"
    CHANGES_WORKSPACE = False
    OUTPUT = "OUTPUT"

    def display(self) -> str:
        return self.tr("List snapshots")

    def help(self) -> str:
        return self.tr(
            "Writes the Training Snapshots Timeline as a table: one row per snapshot, newest first, "
            "with its kind (current, temporary or saved), name, creation and expiry times, the "
            "training data it was trained on (training areas, labels per class, scenes), its "
            "training progress (epochs, steps, tiles seen) and its validation metrics.\n\n"
            "Leave the model empty to list the snapshots of every model in the workspace."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.addParameter(
            QgsProcessingParameterString(
                MODEL, self.tr("Model (id or name; empty: every model)"), optional=True
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.OUTPUT, self.tr("Snapshots")))
        self.addOutput(QgsProcessingOutputNumber("COUNT", self.tr("Number of snapshots")))

    def execute(self, parameters, context, feedback):
        ws = self.workspace(parameters, context)
        text = self.parameterAsString(parameters, MODEL, context).strip()
        models = [find_model(ws, text)] if text else ws.list_models()
        rows = [snapshot_row(model, snap) for model in models for snap in ws.list_snapshots(model.id)]
        fields = QgsFields()
        for name, kind in FIXED:
            fields.append(QgsField(name, kind))
        metric_names = sorted({k for row in rows for k in row if k.startswith("metric_")})
        for name in metric_names:
            fields.append(QgsField(name, QVariant.Double))
        sink, dest = self.parameterAsSink(
            parameters, self.OUTPUT, context, fields, QgsWkbTypes.NoGeometry, QgsCoordinateReferenceSystem()
        )
        for row in rows:
            if feedback.isCanceled():
                break
            feature = QgsFeature(fields)
            for name, value in row.items():
                feature.setAttribute(name, value)
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        feedback.pushInfo(self.tr("{n} snapshots.").format(n=len(rows)))
        return {self.OUTPUT: dest, "COUNT": len(rows)}
