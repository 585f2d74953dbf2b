"""``TrainTask``: runs :func:`orca_huntr.training.train_model` in the QGIS task manager.

The task takes plain values only (workspace folder, model id, ``TrainConfig``): the
caller commits pending layer edits *before* creating it, and ``run()`` never touches
a layer, the project or a widget. Start it with :func:`tasks.registry.start`, which
keeps it alive until it has finished.

Signals (delivered on the main thread):

* ``progressed(Progress)`` after every training step;
* ``done(result, error)`` once, from ``finished()``: ``result`` is the engine's
  ``TrainResult`` (``error`` None) or ``error`` is the exception that ended the run.

``cancel()`` means "stop": the engine finishes the current step and makes a snapshot,
``run()`` returns True and the task completes normally (status ``Complete``), with
``result.stop_reason == "user"``. A task cancelled before it started reports a
:class:`~orca_huntr.errors.CancelledError`.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from qgis.PyQt.QtCore import QCoreApplication

from ..errors import CancelledError
from .engine_task import EngineTask


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrTrainTask", text)


class TrainTask(EngineTask):
    """Train one model of a workspace in the background; every stop makes a snapshot."""

    def __init__(self, workspace_path: str, model_id: str, config: Any = None, title: str | None = None):
        super().__init__(title or tr("ORCA HUNTR: training"))
        from ..training import TrainConfig

        self.workspace_path = str(workspace_path)
        self.model_id = str(model_id)
        # a private copy: the caller's config may change while the task runs
        self.config = dataclasses.replace(config) if config is not None else TrainConfig()
        # connected here, so the slot runs on the thread that owns the task (the main thread)
        self.progressed.connect(self._describe)

    # -- worker thread -------------------------------------------------------------------
    def work(self) -> Any:
        """Train (worker thread)."""
        from ..snapshots import Workspace
        from ..training import train_model

        ws = Workspace.open(self.workspace_path)
        return train_model(ws, self.model_id, self.config, progress=self.report, should_stop=self.isCanceled)

    # -- main thread ---------------------------------------------------------------------
    def _describe(self, progress: Any) -> None:
        if progress.loss is not None:
            self.setDescription(
                tr("{title} · step {step} · loss {loss:.4f}").format(
                    title=self.title, step=progress.step, loss=progress.loss
                )
            )

    def finished(self, result: bool) -> None:
        """Report the outcome through ``done`` (main thread)."""
        if self.result is None and self.error is None:
            self.error = CancelledError(tr("Training was cancelled before it started; nothing was written."))
        self.done.emit(self.result, self.error)
