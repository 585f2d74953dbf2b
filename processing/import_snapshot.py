"""Processing algorithm ``orcahuntr:importsnapshot``: a package file as a new model or a new snapshot."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
)

from .algorithm import MODEL, HuntrAlgorithm, find_model


class ImportSnapshotAlgorithm(HuntrAlgorithm):
    """Import a snapshot package; the file is checked as untrusted before anything shows."""

    NAME = "importsnapshot"
    PACKAGE = "PACKAGE"
    NAME_PARAM = "NAME"

    def display(self) -> str:
        return self.tr("Import snapshot package")

    def help(self) -> str:
        return self.tr(
            "Imports a snapshot package (.huntrpkg) made by “Export snapshot package”.\n\n"
            "With no model given it becomes a new model (named as given, else as in the package) "
            "whose current state is the package's snapshot, with the package's training data when "
            "it carries some. With a model given, that model must have the same classes, mode and "
            "bands: the package's weights become its new current state and its training data is kept.\n\n"
            "The file is treated as untrusted: unexpected files, oversized or over-compressed files, "
            "changed checksums and anything but safetensors weights are refused, and nothing shows "
            "in the workspace until every check passed."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.addParameter(
            QgsProcessingParameterFile(self.PACKAGE, self.tr("Package file"), extension="huntrpkg")
        )
        self.addParameter(
            QgsProcessingParameterString(
                MODEL, self.tr("Into model (id or name; empty: a new model)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.NAME_PARAM, self.tr("New model name (empty: the package's)"), optional=True
            )
        )
        self.addOutput(QgsProcessingOutputString("MODEL_ID", self.tr("Model id")))
        self.addOutput(QgsProcessingOutputString("MODEL_NAME", self.tr("Model name")))
        self.addOutput(QgsProcessingOutputString("SNAPSHOT_ID", self.tr("Snapshot id")))

    def execute(self, parameters, context, feedback):
        from ..snapshots.package import import_package

        ws = self.workspace(parameters, context)
        path = self.parameterAsFile(parameters, self.PACKAGE, context)
        into = self.parameterAsString(parameters, MODEL, context).strip()
        name = self.parameterAsString(parameters, self.NAME_PARAM, context).strip() or None
        target = find_model(ws, into).id if into else None
        result = import_package(ws, path, into_model=target, name=name)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        if result.new_model:
            feedback.pushInfo(self.tr("Imported as the new model “{model}”.").format(model=result.model.name))
        else:
            feedback.pushInfo(
                self.tr("Imported as snapshot “{snapshot}”, the current state of model “{model}”.").format(
                    snapshot=result.snapshot.name, model=result.model.name
                )
            )
        return {
            "MODEL_ID": result.model.id,
            "MODEL_NAME": result.model.name,
            "SNAPSHOT_ID": result.snapshot.id,
        }
