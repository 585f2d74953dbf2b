"""``CompareTask``: both snapshots' detections on one raster, reused or run, in the background.

``run()`` works on plain values (workspace folder, ids, raster path, an AOI in the raster's
CRS); ``finished()`` adds both layers to the comparison's group (main thread) and emits
``done(list[SnapshotDetection] | None, error)``.
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
    return QCoreApplication.translate("HuntrCompareTask", text)


class CompareTask(EngineTask):
    """Detections of two snapshots on one raster (reused when already made)."""

    def __init__(
        self,
        workspace: Any,
        model_id: str,
        snapshot_ids: list[str],
        raster_path: str,
        group_title: str,
        aoi: Any = None,
        reuse: bool = True,
        project: QgsProject | None = None,
    ) -> None:
        super().__init__(tr("ORCA HUNTR: comparing snapshots"))
        self.workspace = workspace
        self.model_id = str(model_id)
        self.snapshot_ids = list(snapshot_ids)
        self.raster_path = str(raster_path)
        self.group_title = group_title
        self.aoi = aoi
        self.reuse = reuse
        self.project = project
        self.group = None

    def work(self) -> Any:
        from ..detection.reuse import detections_for

        ws = self.open_workspace(self.workspace)
        return detections_for(
            ws, self.model_id, self.snapshot_ids, self.raster_path, aoi=self.aoi,
            progress=self.report, should_stop=self.isCanceled, reuse=self.reuse,
        )  # fmt: skip

    def finished(self, result: bool) -> None:
        if self.result is None and self.error is None:
            self.error = CancelledError(tr("The comparison was cancelled; no detection was added."))
        if self.result is not None:
            try:
                from ..adapters.comparison_layers import add_comparison

                project = self.project or QgsProject.instance()
                self.group = add_comparison(project, self.group_title, [d.result for d in self.result])
            except Exception as exc:
                log.exception("cannot add the comparison's detection layers")
                self.error = exc
        self.done.emit(self.result, self.error)
