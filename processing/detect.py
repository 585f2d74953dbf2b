"""Processing algorithm ``orcahuntr:detect``: run a snapshot of a model over a raster."""

from __future__ import annotations

import json

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputNumber,
    QgsProcessingOutputString,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..adapters.inputs import raster_path
from ..detection.options import GEOMETRIES as WRITTEN_GEOMETRIES
from ..errors import InputDataError
from .algorithm import HuntrAlgorithm, engine_callbacks


class DetectAlgorithm(HuntrAlgorithm):
    """Detect with any snapshot (current, temporary or saved) and write a detection layer."""

    NAME = "detect"
    CHANGES_WORKSPACE = False
    GROUP = "run"
    INPUT = "INPUT"
    AOI = "AOI"
    MIN_SCORE = "MIN_SCORE"
    BOUNDARY_THRESHOLD = "BOUNDARY_THRESHOLD"
    MIN_PIXELS = "MIN_PIXELS"
    MIN_AREA = "MIN_AREA"
    FLIP_TTA = "FLIP_TTA"
    GEOMETRY = "GEOMETRY"
    MAX_BOX_OVERLAP = "MAX_BOX_OVERLAP"
    TTA_CHOICES = (False, True, None)  # the FLIP_TTA enum, in order (None: the snapshot's)
    GEOMETRIES = (None, *WRITTEN_GEOMETRIES)  # the GEOMETRY enum, in order (None: the snapshot's)
    SEPARATE_AREAS = "SEPARATE_AREAS"
    OUTPUT = "OUTPUT"

    def display(self) -> str:
        return self.tr("Run detection")

    def help(self) -> str:
        return self.tr(
            "Runs a model over a raster scene and writes the detections as a polygon layer with "
            "the fields class_name, class_id, score, area and snapshot_id. The layer is saved in "
            "the workspace's detections folder and added to the project in the model's class "
            "colours.\n\n"
            "Choose the snapshot by its id or name; leave it empty to use the model's current "
            "state. Any snapshot of the timeline can be used, temporary ones included.\n"
            "The area of interest (optional) limits detection to its polygons. Detections smaller "
            "than the minimum area (in square units of the raster's CRS) are left out.\n"
            "The minimum score, the boundary threshold (how readily touching objects are split) and "
            "the minimum size in pixels are calibrated when the snapshot is made (on the validation "
            "areas, and for count models part of the training areas too); leave them at 0 to use the "
            "snapshot's values (the SETTINGS output says which were used). Flip test-time "
            "augmentation averages the network over mirrored tiles: 4× the time, usually slightly "
            "cleaner outlines. A count model writes each object as its outline or as a box: by "
            "default boxes where the snapshot's labels were boxes (the box its box head predicts, "
            "else the outline's bounding box), outlines otherwise. Of two boxes from a box head "
            "that overlap more than the snapshot's limit (the most two of its labels overlap, at "
            "least IoU 0.4), the lower-scored is dropped as the same object found twice; give "
            "another limit, or 1 to keep every box. In segmentation mode each "
            "connected area is one feature unless you merge them into one feature per class.\n"
            "The raster must have the bands and data type the model was trained on and a ground "
            "resolution close to the training one; it is read as it is (no reprojection or "
            "resampling) and the detections are in its coordinate reference system."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.add_model_parameter()
        self.add_snapshot_parameter()
        self.addParameter(QgsProcessingParameterRasterLayer(self.INPUT, self.tr("Raster scene")))
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AOI, self.tr("Area of interest"), [QgsProcessing.TypeVectorPolygon], optional=True
            )
        )
        self.add_device_parameter()
        for param in self.option_parameters():
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(param)
        self.addOutput(QgsProcessingOutputVectorLayer(self.OUTPUT, self.tr("Detections")))
        self.addOutput(QgsProcessingOutputFile("DETECTIONS_FILE", self.tr("Detections GeoPackage")))
        self.addOutput(QgsProcessingOutputNumber("FEATURE_COUNT", self.tr("Number of detections")))
        self.addOutput(QgsProcessingOutputString("SNAPSHOT_ID", self.tr("Snapshot id")))
        self.addOutput(QgsProcessingOutputString("LAYER_NAME", self.tr("Layer name inside the GeoPackage")))
        self.addOutput(QgsProcessingOutputString("DISPLAY_NAME", self.tr("Name of the layer in the project")))
        self.addOutput(
            QgsProcessingOutputString(
                "SETTINGS", self.tr("Thresholds and minimum size used, and their source (JSON)")
            )
        )

    def option_parameters(self) -> list:
        """Detection's options (thresholds, sizes, TTA, segmentation areas), also offered by
        *Detect on many scenes*; their texts keep this algorithm's translation context."""

        def tr(text: str) -> str:
            return QCoreApplication.translate("DetectAlgorithm", text)

        score = QgsProcessingParameterNumber(
            self.MIN_SCORE,
            tr("Minimum score (0: the snapshot's calibrated value)"),
            QgsProcessingParameterNumber.Double,
            0.0,
            False,
            0.0,
            0.99,
        )
        boundary = QgsProcessingParameterNumber(
            self.BOUNDARY_THRESHOLD,
            tr("Boundary threshold for splitting touching objects (0: the snapshot's calibrated value)"),
            QgsProcessingParameterNumber.Double,
            0.0,
            False,
            0.0,
            0.99,
        )
        pixels = QgsProcessingParameterNumber(
            self.MIN_PIXELS,
            tr("Minimum size of a detection in pixels (0: the snapshot's calibrated value)"),
            QgsProcessingParameterNumber.Integer,
            0,
            False,
            0,
        )
        # Off and On first: a script's False / True reads as those indices
        tta = QgsProcessingParameterEnum(
            self.FLIP_TTA,
            tr("Flip test-time augmentation (4× the network's work)"),
            [tr("Off"), tr("On"), tr("The snapshot's (on where its validation used it)")],
            defaultValue=2,
        )
        as_snapshot = tr("The snapshot's choice (boxes where its labels were boxes)")
        outlines = tr("Outlines (the objects' pixels)")
        boxes = tr("Boxes (rectangles)")
        geometry = QgsProcessingParameterEnum(
            self.GEOMETRY, tr("Count mode: objects as"), [as_snapshot, outlines, boxes], defaultValue=0
        )
        box_overlap = QgsProcessingParameterNumber(
            self.MAX_BOX_OVERLAP,
            tr(
                "Count mode, boxes from the box head: the largest IoU two boxes may share, the "
                "lower-scored box of a pair overlapping more is dropped (0: the snapshot's value)"
            ),
            QgsProcessingParameterNumber.Double,
            0.0,
            False,
            0.0,
            1.0,
        )
        separate = QgsProcessingParameterBoolean(
            self.SEPARATE_AREAS,
            tr("Segmentation mode: one feature per connected area (else one per class)"),
            defaultValue=True,
        )
        area = QgsProcessingParameterNumber(
            self.MIN_AREA,
            tr("Minimum area of a detection (square map units)"),
            QgsProcessingParameterNumber.Double,
            0.0,
            False,
            0.0,
        )
        return [score, boundary, pixels, area, tta, geometry, box_overlap, separate]

    def options(self, parameters, context):
        """The engine's ``DetectOptions`` for these parameters."""
        from ..detection import DetectOptions

        def given(value):  # 0 (the default) leaves the choice to the snapshot's calibration
            return value if value and value > 0 else None

        wanted = {
            "device": self.device(parameters, context),
            "score_threshold": given(self.parameterAsDouble(parameters, self.MIN_SCORE, context)),
            "boundary_threshold": given(self.parameterAsDouble(parameters, self.BOUNDARY_THRESHOLD, context)),
            "min_pixels": given(self.parameterAsInt(parameters, self.MIN_PIXELS, context)),
            "min_area": self.parameterAsDouble(parameters, self.MIN_AREA, context),
            "flip_tta": self.TTA_CHOICES[self.parameterAsEnum(parameters, self.FLIP_TTA, context)],
            "geometry": self.GEOMETRIES[self.parameterAsEnum(parameters, self.GEOMETRY, context)],
            "max_box_overlap": given(self.parameterAsDouble(parameters, self.MAX_BOX_OVERLAP, context)),
            "dissolve": not self.parameterAsBool(parameters, self.SEPARATE_AREAS, context),
        }
        return DetectOptions.from_dict(wanted)

    def execute(self, parameters, context, feedback):
        from ..adapters import detection_layer
        from ..detection import detect

        ws, model, snap = self.chosen(parameters, context)
        raster = self.parameterAsRasterLayer(parameters, self.INPUT, context)
        if raster is None or not raster.isValid():
            raise InputDataError(self.tr("The raster scene cannot be opened."))
        aoi = self.area_of_interest(parameters, self.AOI, raster, context, feedback)
        feedback.pushInfo(
            self.tr("Detecting with model “{model}”, snapshot “{snapshot}” ({kind}).").format(
                model=model.name, snapshot=snap.name or snap.id, kind=snap.kind
            )
        )
        progress, should_stop = engine_callbacks(feedback)
        project = context.project()
        # named after the project's layer; a file given by path: a layer reading it, else its name
        in_project = project is not None and project.mapLayer(raster.id()) is not None
        named = raster if in_project else raster_path(raster)
        options = detection_layer.name_options(self.options(parameters, context), named, project)
        result = detect(
            ws,
            model.id,
            snap.id,
            raster_path(raster),
            aoi=aoi,
            options=options,
            progress=progress,
            should_stop=should_stop,
        )
        self.announce("detection_added", result)
        for warning in result.warnings:
            feedback.pushWarning(warning)
        used = result.settings
        if used.get("max_box_overlap") is not None:
            feedback.pushInfo(
                self.tr(
                    "Boxes dropped as the same object found twice (IoU above {iou}, {source}): {n}."
                ).format(
                    iou=used["max_box_overlap"],
                    source=used.get("from", {}).get("max_box_overlap"),
                    n=result.stats.get("boxes_suppressed", 0),
                )
            )
        feedback.pushInfo(
            self.tr(
                "Settings: minimum score {score} ({score_from}), boundary threshold {boundary} "
                "({boundary_from}), minimum size {pixels} px ({pixels_from})."
            ).format(
                score=used.get("score_threshold"),
                score_from=used.get("from", {}).get("score_threshold"),
                boundary=used.get("boundary_threshold"),
                boundary_from=used.get("from", {}).get("boundary_threshold"),
                pixels=used.get("min_pixels"),
                pixels_from=used.get("from", {}).get("min_pixels"),
            )
        )
        uri = result.uri
        feedback.pushInfo(
            self.tr("{n} detections written to {path}.").format(n=result.feature_count, path=result.path)
        )
        classes = model.classes

        def style(layer, _project) -> None:
            detection_layer.apply_style(layer, classes)

        self.load_detection(context, result, self.OUTPUT, snap.id, style)
        return {
            self.OUTPUT: uri,
            "DETECTIONS_FILE": str(result.path),
            "FEATURE_COUNT": result.feature_count,
            "SNAPSHOT_ID": snap.id,
            "LAYER_NAME": result.layer_name,
            "DISPLAY_NAME": result.display_name,
            "SETTINGS": json.dumps(result.settings),
        }
