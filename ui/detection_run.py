"""Turn the detection dialog's choices into engine values and run them in a ``DetectTask``.

The area of interest becomes a shapely geometry in the raster's CRS (the whole raster:
None; the map extent: its rectangle; selected features: their union), the options a
``DetectOptions``. The task adds the styled layer to the project when it is done.
"""

from __future__ import annotations

from qgis.core import Qgis, QgsProject
from qgis.PyQt.QtCore import QCoreApplication

from ..adapters import detection_layer
from ..adapters.inputs import area_of_interest as selected_area
from ..adapters.inputs import extent_geometry, raster_path
from . import messages
from .detect_dialog import CANVAS_EXTENT, SELECTED_FEATURES, DetectRequest


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrDetection", text)


def area_of_interest(request: DetectRequest, canvas=None, project: QgsProject | None = None):
    """The request's area as a shapely geometry in the raster's CRS (None: the whole raster)."""
    project = project or QgsProject.instance()
    target = request.raster.crs()
    context = project.transformContext()
    if request.area == CANVAS_EXTENT and canvas is not None:
        return extent_geometry(canvas.extent(), canvas.mapSettings().destinationCrs(), target, context)
    if request.area == SELECTED_FEATURES and request.polygon_layer is not None:
        layer = request.polygon_layer
        return selected_area(layer.selectedFeatures(), layer.crs(), target, context)
    return None


def nothing_found_text(layer_name: str, options, used: dict | None = None) -> str:
    """What to try when a detection found no object (``options``: the run's ``DetectOptions``;
    ``used``: the result's ``settings``, the thresholds the run used, the snapshot's when unset)."""
    score = (used or {}).get("score_threshold", options.score_threshold)
    score = 0.5 if score is None else score
    tips = [tr("lower the score threshold (now {value:g}, under Advanced options)").format(value=score)]
    if options.min_area:
        tips.append(tr("lower the minimum area (now {value:g})").format(value=options.min_area))
    tips += [
        tr("check that the area covers the objects and the scene looks like the training scenes"),
        tr("train longer, or add labels where objects were missed, then detect with the new snapshot"),
    ]
    return tr("No objects found: layer {name} is empty. Try to: {tips}.").format(
        name=layer_name, tips="; ".join(tips)
    )


def start_detection(dock, model, request: DetectRequest):
    """Start a ``DetectTask`` for ``request``; the dock's ``detection_done`` hears of its end."""
    from ..detection import DetectOptions
    from ..tasks import registry
    from ..tasks.detect_task import DetectTask

    canvas = dock.iface.mapCanvas() if dock.iface is not None else None
    try:
        aoi = area_of_interest(request, canvas, dock.project)
        options = detection_layer.name_options(
            DetectOptions.from_dict(request.options), request.raster, dock.project
        )
        task = DetectTask(
            str(dock.workspace.root),
            model.id,
            request.snapshot_id,
            raster_path(request.raster),
            aoi=aoi,
            options=options,
            title=tr("ORCA HUNTR: detection with {model}").format(model=model.name),
            project=dock.project,
        )
    except Exception as exc:
        messages.show_error(dock.iface, exc, tr("Could not start detection"))
        return None

    def done(result, error) -> None:
        if error is not None:
            messages.show_error(dock.iface, error, tr("Detection failed"))
        elif result is not None:
            layer = task.layer  # the task added it to the project, styled
            name = layer.name() if layer is not None else result.display_name
            if result.feature_count:
                text = tr("{n} detections: layer {name} added.")
                messages.success(dock.iface, text.format(n=result.feature_count, name=name))
            else:
                text = nothing_found_text(name, options, getattr(result, "settings", None))
                messages.push(dock.iface, text, level=Qgis.Warning, duration=0)
            for warning in getattr(result, "warnings", None) or []:
                messages.push(dock.iface, str(warning), level=Qgis.Warning)
        dock.detection_done(task, result, error)

    task.done.connect(done)
    registry.start(task)
    messages.info(dock.iface, tr("Detection started; it runs in the background (see the task manager)."))
    return task
