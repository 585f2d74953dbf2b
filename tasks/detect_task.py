"""``DetectTask``: runs :func:`orca_huntr.detection.detect` in the QGIS task manager.

The task takes plain values only (workspace folder, ids, raster path, an AOI already
in the raster's CRS, ``DetectOptions``); ``run()`` never touches a layer, the project
or a widget. Start it with :func:`tasks.registry.start`, which keeps it alive until it
has finished.

Signals (delivered on the main thread):

* ``progressed(DetectProgress)`` after every batch of tiles (the task manager's bar
  follows ``setProgress``);
* ``done(result, error)`` once, from ``finished()``: ``result`` is the engine's
  ``DetectResult`` (``error`` None), or ``error`` is the exception that ended the run
  (a :class:`~orca_huntr.errors.CancelledError` when cancelled).

With ``add_to_project`` (the default) ``finished()`` adds the styled layer to the
project (``self.layer``) before ``done`` is emitted. Cancelling leaves no file and adds
no layer, even when the cancel arrives after the engine wrote its file.
"""

from __future__ import annotations

import logging
from typing import Any

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication

from ..errors import CancelledError
from .engine_task import EngineTask

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrDetectTask", text)


class DetectTask(EngineTask):
    """Detect with one snapshot over one raster in the background."""

    def __init__(
        self,
        workspace: Any,
        model_id: str,
        snapshot_id: str | None,
        raster_path: str,
        aoi: Any = None,
        options: Any = None,
        title: str | None = None,
        add_to_project: bool = True,
        project: QgsProject | None = None,
    ) -> None:
        super().__init__(title or tr("ORCA HUNTR: detection"))
        from ..detection import DetectOptions

        # a Workspace object or its folder; a folder is opened in run()
        self.workspace = workspace
        self.model_id = str(model_id)
        self.snapshot_id = snapshot_id
        self.raster_path = str(raster_path)
        self.aoi = aoi
        if isinstance(options, DetectOptions):
            self.options = DetectOptions.from_dict(options.to_dict())  # a private copy
        else:
            self.options = DetectOptions.from_dict(options)
        self.add_to_project = add_to_project
        self.project = project
        self.layer = None

    # -- worker thread -------------------------------------------------------------------
    def work(self) -> Any:
        """Detect (worker thread)."""
        from ..detection import detect

        ws = self.open_workspace(self.workspace)
        return detect(
            ws,
            self.model_id,
            self.snapshot_id,
            self.raster_path,
            aoi=self.aoi,
            options=self.options,
            progress=self.report,
            should_stop=self.isCanceled,
        )

    # -- main thread ---------------------------------------------------------------------
    def finished(self, result: bool) -> None:
        """Add the layer (when asked) and report the outcome through ``done`` (main thread)."""
        if self.result is not None and self.isCanceled():
            # the cancel came after the file was written: take it back
            from ..detection.output import remove_quietly

            remove_quietly(self.result.path)
            self.result = None
        if self.result is None and self.error is None:
            self.error = CancelledError(tr("Detection was cancelled; nothing was written."))
        if self.result is not None and self.add_to_project:
            try:
                from ..adapters.detection_layer import add_detection_layer

                self.layer = add_detection_layer(self.result, self.project or QgsProject.instance())
            except Exception as exc:
                log.exception("cannot add the detection layer %s", self.result.path)
                self.error = exc
        if self.result is not None:
            from ..adapters.events import hub

            hub().detection_added(self.result)
        self.done.emit(self.result, self.error)
