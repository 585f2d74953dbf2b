"""The event hub: the front ends tell each other what they changed, without knowing each other.

Processing and the console *emit*; the dock *subscribes* (and publishes the workspace it
has open, so that the console of an unsaved project finds the panel's temporary one).
Nobody reaches into another part's widgets or private attributes.

* ``workspaceChanged(root)``: models or the timeline of the workspace at ``root`` changed
  (a model created, a snapshot saved, renamed, reverted or purged, training data added).
* ``snapshotCreated(root, model_id, snapshot_id)``: training made a new current state.
* ``detectionAdded(result)``: a ``DetectResult`` was written (and, where asked, added to
  the project).

Signals are delivered on the main thread (emit them there: from ``finished()``,
``postProcessAlgorithm`` or the console).
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from qgis.PyQt.QtCore import QObject, pyqtSignal


class HuntrEvents(QObject):
    """One hub per plugin load (see :func:`hub`)."""

    workspaceChanged = pyqtSignal(str)  # workspace root
    snapshotCreated = pyqtSignal(str, str, str)  # workspace root, model id, snapshot id
    detectionAdded = pyqtSignal(object)  # DetectResult

    def __init__(self) -> None:
        super().__init__()
        self.panel_workspace: Any = None  # the Workspace the panel has open, set by the panel

    def workspace_changed(self, workspace: Any) -> None:
        """Emit ``workspaceChanged`` for a ``Workspace`` (or its root)."""
        self.workspaceChanged.emit(_root(workspace))

    def snapshot_created(self, workspace: Any, model_id: str, snapshot_id: str) -> None:
        """Emit ``snapshotCreated`` for a ``Workspace`` (or its root)."""
        self.snapshotCreated.emit(_root(workspace), str(model_id), str(snapshot_id))

    def detection_added(self, result: Any) -> None:
        """Emit ``detectionAdded``."""
        self.detectionAdded.emit(result)


def _root(workspace: Any) -> str:
    """The resolved folder of a ``Workspace``, or of a folder given as a path."""
    root = workspace if isinstance(workspace, str | os.PathLike) else workspace.root
    return str(Path(root).resolve())


def same_workspace(root: str | Path, workspace: Any) -> bool:
    """Whether ``root`` (as the hub sends it) is ``workspace``'s folder."""
    return workspace is not None and _root(workspace) == str(Path(root).resolve())


_hub: HuntrEvents | None = None


def hub() -> HuntrEvents:
    """The plugin's event hub (created on first use)."""
    global _hub
    if _hub is None:
        _hub = HuntrEvents()
    return _hub
