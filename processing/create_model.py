"""Processing algorithm ``orcahuntr:createmodel``: a new model for a raster scene."""

from __future__ import annotations

from qgis.core import (
    QgsProcessing,
    QgsProcessingOutputFile,
    QgsProcessingOutputString,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterNumber,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
)

from ..adapters.inputs import input_spec, model_network, parse_classes
from ..adapters.training_import import create_model_with_data, prepare_training_data
from ..errors import InputDataError
from ..snapshots.gpkg import AREAS
from .algorithm import HuntrAlgorithm

MODES = ("count", "segmentation")


# BOUNDARY_TARGET's options, in the order of its enum (new ones are appended: scripts keep their index)
CREATE_TARGETS = ("distance", "rim", "centre")


class CreateModelAlgorithm(HuntrAlgorithm):
    """Create a model whose input spec (CRS, resolution, bands, data type) is a raster's."""

    NAME = "createmodel"

    NAME_PARAM = "NAME"
    CLASSES = "CLASSES"
    MODE = "MODE"
    RASTER = "RASTER"
    BANDS = "BANDS"
    TRAINING_AREAS = "TRAINING_AREAS"
    PURPOSE_FIELD = "PURPOSE_FIELD"
    LABELS = "LABELS"
    CLASS_FIELD = "CLASS_FIELD"
    TILE_SIZE = "TILE_SIZE"
    WIDTH = "WIDTH"
    DEPTH = "DEPTH"
    SCALE = "SCALE"
    BOX_HEAD = "BOX_HEAD"
    BOUNDARY_TARGET = "BOUNDARY_TARGET"

    def display(self) -> str:
        return self.tr("Create model")

    def help(self) -> str:
        return self.tr(
            "Creates a new AI model in the workspace beside the project. The model takes its input "
            "(coordinate reference system, pixel size, bands and data type) from the raster scene, "
            "which is recorded as the model's first scene.\n\n"
            "Classes: names separated by commas, each optionally followed by a colour, e.g. "
            "“Tree” or “Tree:#2ca02c, Shrub:#ff7f0e”.\n"
            "Mode: “count” finds individual objects (trees, cars) and separates touching ones; "
            "“segmentation” maps areas.\n"
            "Training areas and labels (optional) are polygon layers copied into the model's "
            "training GeoPackage; the labels' class field holds a class number (1, 2, …) or a "
            "class name.\n\n"
            "Outputs the new model's id."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.addParameter(QgsProcessingParameterString(self.NAME_PARAM, self.tr("Model name")))
        self.addParameter(QgsProcessingParameterString(self.CLASSES, self.tr("Classes (comma-separated)")))
        self.addParameter(
            QgsProcessingParameterEnum(
                self.MODE,
                self.tr("Mode"),
                options=[self.tr("count"), self.tr("segmentation")],
                defaultValue=0,
            )
        )
        self.addParameter(QgsProcessingParameterRasterLayer(self.RASTER, self.tr("Raster scene")))
        self.addParameter(
            QgsProcessingParameterString(
                self.BANDS, self.tr("Bands (comma-separated; empty: every band but alpha)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.TRAINING_AREAS,
                self.tr("Training areas"),
                [QgsProcessing.TypeVectorPolygon],
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.PURPOSE_FIELD,
                self.tr("Purpose field of the training areas (train / validation)"),
                parentLayerParameterName=self.TRAINING_AREAS,
                optional=True,
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.LABELS, self.tr("Labels"), [QgsProcessing.TypeVectorPolygon], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterField(
                self.CLASS_FIELD,
                self.tr("Class field of the labels (class number or name)"),
                parentLayerParameterName=self.LABELS,
                optional=True,
            )
        )
        for name, label, default, low, high in (
            (self.TILE_SIZE, self.tr("Tile size in pixels (0: from the labels)"), 0, 0, 2048),
            (self.WIDTH, self.tr("Network width"), 16, 4, 128),
            (self.DEPTH, self.tr("Network depth (0: from the labels)"), 0, 0, 6),
            (
                self.SCALE,
                self.tr("Network working scale: 1 full resolution, 2 half, 4 quarter (0: from the labels)"),
                0,
                0,
                4,
            ),
        ):
            param = QgsProcessingParameterNumber(
                name, label, QgsProcessingParameterNumber.Integer, default, False, low, high
            )
            param.setFlags(param.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
            self.addParameter(param)
        target = QgsProcessingParameterEnum(
            self.BOUNDARY_TARGET,
            self.tr("Count mode: how touching objects are told apart"),
            options=[
                self.tr("distance to the object's edge (the earlier default)"),
                self.tr("thin rims (objects that barely touch)"),
                self.tr("object centres (touching and overlapping objects)"),
            ],
            defaultValue=2,
        )
        target.setFlags(target.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(target)
        boxes = QgsProcessingParameterBoolean(
            self.BOX_HEAD,
            self.tr("Count mode with object centres: learn each object's box (box head)"),
            defaultValue=True,
        )
        boxes.setFlags(boxes.flags() | QgsProcessingParameterDefinition.FlagAdvanced)
        self.addParameter(boxes)
        self.addOutput(QgsProcessingOutputString("MODEL_ID", self.tr("Model id")))
        self.addOutput(QgsProcessingOutputString("MODEL_NAME", self.tr("Model name")))
        self.addOutput(QgsProcessingOutputFile("TRAINING_DATA", self.tr("Training GeoPackage")))

    def execute(self, parameters, context, feedback):
        name = self.parameterAsString(parameters, self.NAME_PARAM, context).strip()
        classes = parse_classes(self.parameterAsString(parameters, self.CLASSES, context))
        mode = MODES[self.parameterAsEnum(parameters, self.MODE, context)]
        raster = self.parameterAsRasterLayer(parameters, self.RASTER, context)
        if raster is None or not raster.isValid():
            raise InputDataError(self.tr("The raster scene cannot be opened."))
        spec = input_spec(raster, self.parameterAsString(parameters, self.BANDS, context))
        # settings first: a wrong one is refused before the training data is read
        network, tile_size = model_network(
            mode,
            self.parameterAsInt(parameters, self.WIDTH, context),
            self.parameterAsInt(parameters, self.DEPTH, context),
            self.parameterAsInt(parameters, self.TILE_SIZE, context),
            CREATE_TARGETS[self.parameterAsEnum(parameters, self.BOUNDARY_TARGET, context)],
            self.parameterAsInt(parameters, self.SCALE, context),
            None if self.parameterAsBool(parameters, self.BOX_HEAD, context) else False,
        )
        ws = self.workspace(parameters, context)
        # all or nothing: read, check and repair the training data before anything is written
        areas = self.parameterAsSource(parameters, self.TRAINING_AREAS, context)
        labels = self.parameterAsSource(parameters, self.LABELS, context)
        try:
            prepared = prepare_training_data(
                raster.crs(),
                [n for n, _ in classes],
                areas,
                labels,
                self.parameterAsString(parameters, self.PURPOSE_FIELD, context),
                self.parameterAsString(parameters, self.CLASS_FIELD, context),
                context.transformContext(),
                feedback,
            )
        finally:
            # the sources point into the context's layers: never let them outlive this call
            # (an exception's traceback would keep them until after the context is gone)
            areas = labels = None
        info, written = create_model_with_data(
            ws,
            raster,
            prepared,
            classes,
            name=name,
            mode=mode,
            input_spec=spec,
            network=network,
            tile_size=tile_size,
        )
        for batch, n in zip(prepared, written, strict=True):
            text = (
                self.tr("Copied {n} training areas.")
                if batch.layer == AREAS
                else self.tr("Copied {n} labels.")
            )
            feedback.pushInfo(text.format(n=n))
        gpkg = ws.training_data_path(info.id)
        feedback.pushInfo(self.tr("Created model “{name}” ({id}).").format(name=info.name, id=info.id))
        return {"MODEL_ID": info.id, "MODEL_NAME": info.name, "TRAINING_DATA": str(gpkg)}
