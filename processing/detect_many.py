"""Processing algorithm ``orcahuntr:detectmany``: one snapshot over many rasters, on Dask.

The same run as ``python -m orca_huntr detect-many``: both call
:func:`orca_huntr.detection.many.detect_many`.
"""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..adapters.inputs import raster_path
from ..errors import InputDataError
from ..snapshots.table import to_json
from .algorithm import engine_callbacks
from .detect import DetectAlgorithm


class DetectManyAlgorithm(DetectAlgorithm):
    """Detect over many scenes (one Dask task each) and merge them into one GeoPackage."""

    NAME = "detectmany"
    INPUTS = "INPUTS"
    FOLDER = "FOLDER"
    PATTERN = "PATTERN"
    SCHEDULER = "SCHEDULER"
    WORKERS = "WORKERS"
    IN_PROCESS = "IN_PROCESS"
    KEEP_GOING = "KEEP_GOING"
    OUTPUT = "OUTPUT"

    def display(self) -> str:
        return self.tr("Run detection over many scenes (Dask)")

    def help(self) -> str:
        return self.tr(
            "Runs one snapshot of a model over many raster scenes, each scene a task on a Dask "
            "cluster, and merges the detections into one GeoPackage whose field scene names the "
            "scene of each feature.\n\n"
            "Give the scenes as layers, a folder of rasters and/or a file pattern such as "
            "/data/tiles/*.tif. Without a scheduler address a local cluster of worker processes "
            "runs on this computer; with one (tcp://host:8786), its workers must see the "
            "workspace, the rasters and the output file at the same paths. A scene whose worker "
            "dies is run again. The same run is available without QGIS: "
            "python -m orca_huntr detect-many."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.add_model_parameter()
        self.add_snapshot_parameter()
        self.addParameter(
            QgsProcessingParameterMultipleLayers(
                self.INPUTS, self.tr("Raster scenes"), QgsProcessing.TypeRaster, optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFile(
                self.FOLDER,
                self.tr("Folder of raster scenes"),
                behavior=QgsProcessingParameterFile.Folder,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.PATTERN, self.tr("File pattern of raster scenes (e.g. /data/*.tif)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterString(
                self.SCHEDULER,
                self.tr("Dask scheduler address (empty: a local cluster)"),
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterNumber(
                self.WORKERS,
                self.tr("Local worker processes (0: one per core)"),
                QgsProcessingParameterNumber.Integer,
                0,
                False,
                0,
                256,
            )
        )
        self.addParameter(
            QgsProcessingParameterFileDestination(
                self.OUTPUT, self.tr("Merged detections"), self.tr("GeoPackage (*.gpkg)")
            )
        )
        in_process = QgsProcessingParameterBoolean(
            self.IN_PROCESS, self.tr("Without Dask: one scene after another in this process"), False
        )
        keep_going = QgsProcessingParameterBoolean(
            self.KEEP_GOING, self.tr("Leave failing scenes out instead of stopping"), False
        )
        device = self.device_parameter()
        for param in (in_process, keep_going, device, *self.option_parameters()):
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(param)
        self.addOutput(QgsProcessingOutputNumber("FEATURE_COUNT", self.tr("Number of detections")))
        self.addOutput(QgsProcessingOutputNumber("SCENES", self.tr("Scenes detected")))
        self.addOutput(QgsProcessingOutputString("SNAPSHOT_ID", self.tr("Snapshot id")))
        self.addOutput(QgsProcessingOutputString("FAILED", self.tr("Scenes that failed and why (JSON)")))

    def rasters(self, parameters, context) -> list[str]:
        """The raster paths, folders and patterns given."""
        items = [raster_path(layer) for layer in self.parameterAsLayerList(parameters, self.INPUTS, context)]
        folder = self.parameterAsFile(parameters, self.FOLDER, context)
        pattern = self.parameterAsString(parameters, self.PATTERN, context).strip()
        items += [text for text in (folder, pattern) if text]
        if not items:
            raise InputDataError(self.tr("No raster scene given: choose layers, a folder or a file pattern."))
        return items

    def execute(self, parameters, context, feedback):
        from ..detection.many import detect_many

        ws, model, snap = self.chosen(parameters, context)
        scheduler = self.parameterAsString(parameters, self.SCHEDULER, context).strip() or None
        workers = self.parameterAsInt(parameters, self.WORKERS, context) or None
        if self.parameterAsBool(parameters, self.IN_PROCESS, context):
            scheduler, workers = None, 0
        output = self.parameterAsFileOutput(parameters, self.OUTPUT, context)
        feedback.pushInfo(
            self.tr("Detecting with model “{model}”, snapshot “{snapshot}” ({kind}).").format(
                model=model.name, snapshot=snap.name or snap.id, kind=snap.kind
            )
        )
        progress, should_stop = engine_callbacks(feedback)
        result = detect_many(
            ws,
            model.id,
            snap.id,
            self.rasters(parameters, context),
            output,
            self.options(parameters, context),
            scheduler=scheduler,
            workers=workers,
            overwrite=True,  # the destination parameter already asked
            keep_going=self.parameterAsBool(parameters, self.KEEP_GOING, context),
            progress=progress,
            should_stop=should_stop,
        )
        for scene, message in result.failed:
            feedback.reportError(
                self.tr("Scene {scene} failed: {message}").format(scene=scene, message=message)
            )
        feedback.pushInfo(
            self.tr("{n} detections from {scenes} scenes written to {path}.").format(
                n=result.feature_count, scenes=len(result.scenes), path=result.path
            )
        )
        return {
            self.OUTPUT: str(result.path),
            "FEATURE_COUNT": result.feature_count,
            "SCENES": len(result.scenes),
            "SNAPSHOT_ID": result.snapshot_id,
            "FAILED": to_json([{"scene": s, "error": m} for s, m in result.failed]),
        }
