"""Processing algorithm ``orcahuntr:exportonnx``: a snapshot as an ONNX file for Deepness."""

from __future__ import annotations

from qgis.core import (
    QgsProcessingOutputString,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)

from ..adapters.inputs import raster_path
from ..errors import InputDataError
from ..snapshots.table import to_json
from .algorithm import HuntrAlgorithm


class ExportOnnxAlgorithm(HuntrAlgorithm):
    """Write a snapshot's network, with the metadata the Deepness plugin reads, as an ONNX file."""

    NAME = "exportonnx"
    CHANGES_WORKSPACE = False
    RASTER = "RASTER"
    OVERLAP = "OVERLAP"
    OUTPUT = "OUTPUT"

    def display(self) -> str:
        return self.tr("Export snapshot to ONNX (Deepness)")

    def help(self) -> str:
        return self.tr(
            "Writes a snapshot (empty: the current state) as an ONNX file that the Deepness plugin "
            "and any ONNX runtime can load: the network with its class probabilities (and, in count "
            "mode, a second output with the object boundaries), and the metadata Deepness reads: "
            "model type, class names, resolution, tile size, overlap, standardisation and the "
            "score threshold.\n"
            "Deepness applies one normalisation to every raster. Models that normalise each raster "
            "with its own statistics therefore need them fixed in the file: give the raster you will "
            "run the file on, or leave it empty to use the median of the training scenes' statistics. "
            "Deepness does not split touching objects into instances and has no minimum size: its "
            "results are the network's segmentation."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.add_model_parameter()
        self.add_snapshot_parameter()
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.RASTER, self.tr("Raster whose statistics normalise the input (optional)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.OVERLAP,
                self.tr("Tile overlap suggested to Deepness (share of a tile)"),
                QgsProcessingParameterNumber.Double,
                0.25,
                False,
                0.0,
                0.49,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("ONNX file"), self.tr("ONNX files (*.onnx)")
            )
        )
        self.addOutput(QgsProcessingOutputString("SNAPSHOT_ID", self.tr("Snapshot id")))
        self.addOutput(QgsProcessingOutputString("METADATA", self.tr("Metadata written (JSON)")))

    def execute(self, parameters, context, feedback):
        from ..detection.onnx_export import export_onnx

        ws, model, snap = self.chosen(parameters, context)
        raster = self.parameterAsRasterLayer(parameters, self.RASTER, context)
        if raster is not None and not raster.isValid():
            raise InputDataError(self.tr("The raster cannot be opened."))
        path = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        if not path:
            raise InputDataError(self.tr("Choose the ONNX file to write."))
        result = export_onnx(
            ws,
            model.id,
            snap.id,
            path,
            raster_path=raster_path(raster) if raster is not None else None,
            overlap=self.parameterAsDouble(parameters, self.OVERLAP, context),
        )
        feedback.pushInfo(
            self.tr("Wrote snapshot “{snapshot}” of model “{model}” to {path}.").format(
                snapshot=result.snapshot_name, model=result.model_name, path=result.path
            )
        )
        for note in result.notes:
            feedback.pushWarning(note)
        return {
            "OUTPUT": str(result.path),
            "SNAPSHOT_ID": result.snapshot_id,
            "METADATA": to_json(result.metadata),
        }
