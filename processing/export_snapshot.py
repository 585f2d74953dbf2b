"""Processing algorithm ``orcahuntr:exportsnapshot``: one snapshot to a portable package file."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputFile,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
)

from .algorithm import HuntrAlgorithm


class ExportSnapshotAlgorithm(HuntrAlgorithm):
    """Write a snapshot (weights, settings, metrics, lineage; optionally training data) to one file."""

    NAME = "exportsnapshot"
    CHANGES_WORKSPACE = False
    OUTPUT = "OUTPUT"
    TRAINING = "INCLUDE_TRAINING_DATA"
    ONNX = "ONNX"

    def display(self) -> str:
        return self.tr("Export snapshot package")

    def help(self) -> str:
        return self.tr(
            "Writes a snapshot to one package file (.huntrpkg) that another project can import: the "
            "weights, the classes and their colours, the normalisation, the calibrated detection "
            "settings, the metrics, the snapshot's lineage and a manifest with checksums.\n\n"
            "With “Include the training data” the snapshot's training areas, labels and scenes go "
            "with it. An ONNX file of the network (made elsewhere) can be added for tools that run "
            "ONNX models."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.add_model_parameter()
        self.add_snapshot_parameter()
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.TRAINING, self.tr("Include the training data"), defaultValue=False
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.ONNX, self.tr("ONNX file to add (optional)"), extension="onnx", optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Package file"), self.tr("ORCA HUNTR package (*.huntrpkg)")
            )
        )
        self.addOutput(QgsProcessingOutputFile("PACKAGE", self.tr("Package file")))

    def execute(self, parameters, context, feedback):
        from ..snapshots.package import export_snapshot

        ws, model, snap = self.chosen(parameters, context)
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        onnx = self.parameterAsFile(parameters, self.ONNX, context) or None
        info = export_snapshot(
            ws,
            model.id,
            snap.id,
            path,
            include_training_data=self.parameterAsBoolean(parameters, self.TRAINING, context),
            onnx_path=onnx,
        )
        feedback.pushInfo(
            self.tr("Snapshot “{snapshot}” of model “{model}” exported to {path}.").format(
                snapshot=snap.name, model=model.name, path=info.path
            )
        )
        return {self.OUTPUT: info.path, "PACKAGE": info.path}
