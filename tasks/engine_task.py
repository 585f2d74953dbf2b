"""``EngineTask``: what every ORCA HUNTR QgsTask shares.

A subclass implements :meth:`work` (worker thread, plain values only) and may extend
``finished()``. ``run()`` never raises: it keeps the engine's result or the exception
for ``finished()``, logging expected errors as warnings and unexpected ones with their
traceback. The engine's progress callback is :meth:`report`.

Signals (delivered on the main thread): ``progressed(progress)`` at every engine report;
``done(result, error)`` once, from ``finished()``.
"""

from __future__ import annotations

import logging
from typing import Any

from qgis.core import QgsTask
from qgis.PyQt.QtCore import pyqtSignal

from ..errors import HuntrError

log = logging.getLogger(__name__)


class EngineTask(QgsTask):
    """Base of the training and detection tasks."""

    progressed = pyqtSignal(object)
    done = pyqtSignal(object, object)

    def __init__(self, title: str) -> None:
        super().__init__(title, QgsTask.Flag.CanCancel)
        self.title = title
        self.result: Any = None
        self.error: BaseException | None = None
        self.last_progress: Any = None

    def work(self) -> Any:
        """Do the engine work (worker thread) and return its result."""
        raise NotImplementedError

    @staticmethod
    def open_workspace(workspace: Any) -> Any:
        """The store's ``Workspace`` for ``workspace`` (worker thread): a folder is opened here, an
        open ``Workspace`` is used as it is."""
        if isinstance(workspace, str | bytes) or hasattr(workspace, "__fspath__"):
            from ..snapshots import Workspace

            return Workspace.open(workspace)
        return workspace

    def run(self) -> bool:
        """Worker thread. Never raises: the outcome is kept for ``finished()``."""
        try:
            self.result = self.work()
            return True
        except HuntrError as exc:
            self.error = exc
            log.warning("%s failed: %s", self.title, exc)
        except Exception as exc:  # unexpected: keep the traceback in the log
            self.error = exc
            log.exception("%s failed", self.title)
        return False

    def report(self, progress: Any) -> None:
        """The engine's progress callback (worker thread): task-manager bar + signal."""
        self.last_progress = progress
        self.setProgress(max(0.0, min(100.0, 100.0 * float(progress.fraction or 0.0))))
        self.progressed.emit(progress)
