"""Processing algorithm ``orcahuntr:comparesnapshots``: two snapshots side by side."""

from __future__ import annotations

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsFeature,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsProcessingOutputNumber,
    QgsProcessingOutputVectorLayer,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterRasterLayer,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QVariant

from ..adapters.inputs import raster_path
from ..adapters.workspace import find_snapshot
from ..errors import InputDataError
from .algorithm import HuntrAlgorithm, engine_callbacks


def _into_group(index: int, title: str):
    """Styles a loaded detection layer as the first or second snapshot and puts it in the group."""

    def finish(layer, project) -> None:
        from ..adapters import comparison_layers

        comparison_layers.style_detections(layer, index)
        if project is not None:
            group = comparison_layers.comparison_group(project, title)
            comparison_layers.move_into_group(layer, group, project)

    return finish


class CompareSnapshotsAlgorithm(HuntrAlgorithm):
    """Metrics side by side, the training-data difference and both snapshots' detections."""

    NAME = "comparesnapshots"
    CHANGES_WORKSPACE = False
    OTHER = "OTHER"
    RASTER = "RASTER"
    AOI = "AOI"
    REUSE = "REUSE"
    CHANGES = "CHANGES"
    METRICS = "METRICS"

    def display(self) -> str:
        return self.tr("Compare snapshots")

    def help(self) -> str:
        return self.tr(
            "Compares two snapshots of a model.\n\n"
            "Metrics: every metric of either snapshot, overall and per class, side by side with the "
            "difference (second minus first).\n\n"
            "Training data changes: the training areas and labels in one snapshot and not in the "
            "other, with a “change” field: “added” (only in the second) or “removed” (only in the "
            "first). An edited feature shows as one removed and one added.\n\n"
            "With a raster, both snapshots' detections on it are added as two layers in one group, "
            "outlined in orange (first) and dashed blue (second). A detection already made from a "
            "snapshot on that raster with the snapshot's own settings, over the whole raster or the "
            "same area, is reused instead of run again."
        )

    def initAlgorithm(self, config=None) -> None:
        self.add_workspace_parameter()
        self.add_model_parameter()
        self.add_snapshot_parameter(optional=False, description=self.tr("First snapshot (id or name)"))
        self.addParameter(
            QgsProcessingParameterString(
                self.OTHER, self.tr("Second snapshot (id or name; empty: the current state)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterRasterLayer(
                self.RASTER, self.tr("Raster to detect on (optional)"), optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterFeatureSource(
                self.AOI, self.tr("Area of interest (optional)"), [QgsWkbTypes.PolygonGeometry], optional=True
            )
        )
        self.addParameter(
            QgsProcessingParameterBoolean(
                self.REUSE, self.tr("Reuse detections already made"), defaultValue=True
            )
        )
        self.addParameter(QgsProcessingParameterFeatureSink(self.METRICS, self.tr("Metrics")))
        self.addParameter(QgsProcessingParameterFeatureSink(self.CHANGES, self.tr("Training data changes")))
        self.addOutput(
            QgsProcessingOutputVectorLayer("DETECTIONS_A", self.tr("Detections of the first snapshot"))
        )
        self.addOutput(
            QgsProcessingOutputVectorLayer("DETECTIONS_B", self.tr("Detections of the second snapshot"))
        )
        self.addOutput(QgsProcessingOutputNumber("REUSED", self.tr("Detections reused")))
        self.addOutput(QgsProcessingOutputNumber("ADDED", self.tr("Features added")))
        self.addOutput(QgsProcessingOutputNumber("REMOVED", self.tr("Features removed")))

    def execute(self, parameters, context, feedback):
        from ..adapters import comparison_layers
        from ..snapshots.compare import compare_snapshots

        ws, model, first = self.chosen(parameters, context)
        second = find_snapshot(ws, model, self.parameterAsString(parameters, self.OTHER, context))
        comparison = compare_snapshots(ws, model.id, first.id, second.id)

        metric_fields = QgsFields()
        columns = (
            ("metric", QVariant.String),
            ("class_id", QVariant.Int),
            ("class_name", QVariant.String),
            ("first", QVariant.Double),
            ("second", QVariant.Double),
            ("difference", QVariant.Double),
        )
        for name, kind in columns:
            metric_fields.append(QgsField(name, kind))
        sink, metrics_dest = self.parameterAsSink(
            parameters,
            self.METRICS,
            context,
            metric_fields,
            QgsWkbTypes.NoGeometry,
            QgsCoordinateReferenceSystem(),
        )
        for row in comparison.metrics:
            feature = QgsFeature(metric_fields)
            feature.setAttributes([row.metric, row.class_id, row.class_name, row.a, row.b, row.diff])
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        fields = comparison_layers.change_fields()
        crs = QgsCoordinateReferenceSystem(comparison.crs or "")
        sink, changes_dest = self.parameterAsSink(
            parameters, self.CHANGES, context, fields, QgsWkbTypes.MultiPolygon, crs
        )
        for feature in comparison_layers.change_features(comparison, model.class_names, fields):
            sink.addFeature(feature, QgsFeatureSink.FastInsert)
        summary = comparison.summary()
        added = sum(v["added"] for v in summary.values())
        removed = sum(v["removed"] for v in summary.values())
        feedback.pushInfo(
            self.tr("Training data: {added} feature(s) added, {removed} removed.").format(
                added=added, removed=removed
            )
        )
        results = {
            self.METRICS: metrics_dest,
            self.CHANGES: changes_dest,
            "DETECTIONS_A": None,
            "DETECTIONS_B": None,
            "REUSED": 0,
            "ADDED": added,
            "REMOVED": removed,
        }
        raster = self.parameterAsRasterLayer(parameters, self.RASTER, context)
        if raster is None:
            return results
        if not raster.isValid():
            raise InputDataError(self.tr("The raster scene cannot be opened."))
        aoi = self.area_of_interest(parameters, self.AOI, raster, context, feedback)
        from ..detection.reuse import detections_for

        progress, should_stop = engine_callbacks(feedback)
        found = detections_for(
            ws, model.id, [first.id, second.id], raster_path(raster), aoi=aoi,
            progress=progress, should_stop=should_stop,
            reuse=self.parameterAsBoolean(parameters, self.REUSE, context),
        )  # fmt: skip
        title = comparison_layers.group_title(first.name, second.name)
        for index, (key, item) in enumerate(zip(("DETECTIONS_A", "DETECTIONS_B"), found, strict=True)):
            result = item.result
            feedback.pushInfo(
                (self.tr("Reused {path}.") if item.reused else self.tr("Detected: {path}.")).format(
                    path=result.path
                )
            )
            results[key] = result.uri
            self.load_detection(context, result, key, item.snapshot_id, _into_group(index, title))
        results["REUSED"] = sum(1 for item in found if item.reused)
        return results
