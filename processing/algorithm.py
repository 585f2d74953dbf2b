"""What every ORCA HUNTR Processing algorithm shares.

The base class turns Processing's world (parameters, context, feedback) into the
engine's plain values: the workspace folder, model ids, a ``progress`` callback and a
``should_stop`` callable. It never does the work itself; each algorithm lives in its
own module.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from qgis.core import (
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProject,
    QgsProviderRegistry,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..errors import HuntrError, NotFoundError
from ..snapshots.table import to_json  # noqa: F401  (re-exported for the algorithms)

ICON = Path(__file__).resolve().parent.parent / "icons" / "orca_huntr.svg"

WORKSPACE = "WORKSPACE"
MODEL = "MODEL"
SNAPSHOT = "SNAPSHOT"


def _tr(text: str) -> str:
    return QCoreApplication.translate("HuntrAlgorithm", text)


class HuntrAlgorithm(QgsProcessingAlgorithm):
    """Base of the provider's algorithms: workspace/model/snapshot parameters and feedback.

    Subclasses define ``NAME`` (the stable id after ``orcahuntr:``), ``display()``,
    ``help()``, ``initAlgorithm`` and ``execute(parameters, context, feedback)``, which
    returns the results dictionary. A :class:`~orca_huntr.errors.HuntrError` raised by
    the engine becomes a ``QgsProcessingException`` with the same user-facing message.
    """

    NAME = ""
    GROUP = "models"  # "models" (models and snapshots) or "run" (training and detection)
    CHANGES_WORKSPACE = True  # False for the algorithms that only read models and snapshots
    _used_root: Path | None = None

    # -- identity -------------------------------------------------------------------
    def tr(self, text: str) -> str:
        """Translate ``text`` in this algorithm's context (its class name)."""
        return QCoreApplication.translate(type(self).__name__, text)

    def createInstance(self) -> HuntrAlgorithm:
        return type(self)()

    def name(self) -> str:
        return self.NAME

    def displayName(self) -> str:
        return self.display()

    def display(self) -> str:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def help(self) -> str:  # pragma: no cover - every subclass overrides it
        raise NotImplementedError

    def shortHelpString(self) -> str:
        return self.help()

    def group(self) -> str:
        return group_title(self.GROUP)

    def groupId(self) -> str:
        return self.GROUP

    def icon(self) -> QIcon:
        return QIcon(str(ICON))

    def flags(self):
        return super().flags() | QgsProcessingAlgorithm.FlagCanCancel

    # -- common parameters ----------------------------------------------------------
    def add_workspace_parameter(self) -> None:
        """The optional WORKSPACE folder; empty means the workspace beside the project."""
        self.addParameter(
            QgsProcessingParameterFile(
                WORKSPACE,
                _tr("Workspace folder (empty: the one beside the current project)"),
                behavior=QgsProcessingParameterFile.Folder,
                optional=True,
            )
        )

    def add_model_parameter(self, description: str | None = None) -> None:
        """MODEL: a model id or name."""
        self.addParameter(QgsProcessingParameterString(MODEL, description or _tr("Model (id or name)")))

    def add_snapshot_parameter(self, optional: bool = True, description: str | None = None) -> None:
        """SNAPSHOT: a snapshot id or name; when optional, empty means the current state."""
        if description is None:
            description = (
                _tr("Snapshot (id or name; empty: the current state)")
                if optional
                else _tr("Snapshot (id or name)")
            )
        self.addParameter(QgsProcessingParameterString(SNAPSHOT, description, optional=optional))

    # -- turning parameters into engine values --------------------------------------
    def workspace(self, parameters: dict, context: QgsProcessingContext):
        """The engine's :class:`Workspace` for these parameters."""
        folder = self.parameterAsFile(parameters, WORKSPACE, context)
        project = context.project() or QgsProject.instance()
        ws = open_workspace(folder, project.fileName() if project is not None else "")
        self._used_root = Path(ws.root)
        return ws

    def model(self, ws, parameters: dict, context: QgsProcessingContext):
        """The :class:`ModelInfo` named by MODEL (an id or a name)."""
        return find_model(ws, self.parameterAsString(parameters, MODEL, context))

    def snapshot(self, ws, model, parameters: dict, context: QgsProcessingContext):
        """The :class:`SnapshotInfo` named by SNAPSHOT; empty gives the current state."""
        text = self.parameterAsString(parameters, SNAPSHOT, context).strip()
        if not text:
            current = ws.current_snapshot(model.id)
            if current is None:
                raise NotFoundError(
                    _tr("Model “{model}” has no snapshot yet: train it first.").format(model=model.name)
                )
            return current
        return ws.find_snapshot(model.id, text)

    # -- running ----------------------------------------------------------------------
    def processAlgorithm(
        self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ):
        feedback = feedback or QgsProcessingFeedback()
        try:
            return self.execute(parameters, context, feedback)
        except HuntrError as exc:
            raise QgsProcessingException(str(exc)) from exc

    def postProcessAlgorithm(self, context: QgsProcessingContext, feedback: QgsProcessingFeedback) -> dict:
        """Main thread, after a run: let the panel show what changed in its workspace."""
        if self.CHANGES_WORKSPACE and self._used_root is not None:
            refresh_panel(self._used_root)
        return {}

    def execute(
        self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        raise NotImplementedError  # pragma: no cover


def refresh_panel(root: Path) -> bool:
    """Refresh the ORCA HUNTR panel when it shows the workspace at ``root``; True when it did."""
    try:
        from qgis.utils import plugins
    except ImportError:  # pragma: no cover - qgis.utils is always there inside QGIS
        return False
    dock = getattr(plugins.get("orca_huntr"), "dock", None)
    binding = getattr(dock, "binding", None)
    shown = getattr(binding, "_workspace", None)  # never open one from here
    if dock is None or shown is None or Path(shown.root).resolve() != Path(root).resolve():
        return False
    dock.model_panel.refresh()
    dock.refresh_timeline()
    return True


def group_title(group_id: str) -> str:
    """The translated title of a toolbox group."""
    if group_id == "run":
        return _tr("Training and detection")
    return _tr("Models and snapshots")


def open_workspace(folder: str | None, project_file: str | None):
    """The workspace in ``folder``, else the one beside ``project_file``.

    Raises :class:`~orca_huntr.errors.WorkspaceError` when neither is given.
    """
    from ..errors import WorkspaceError
    from ..snapshots import Workspace

    if folder:
        return Workspace.open(Path(folder))
    if project_file:
        return Workspace.for_project(Path(project_file))
    raise WorkspaceError(
        _tr(
            "The current project has not been saved, so it has no workspace yet. "
            "Save the project first, or give a workspace folder."
        )
    )


def find_model(ws, text: str):
    """The model whose id is ``text``, else the one whose name is ``text`` (case-insensitive)."""
    text = (text or "").strip()
    if not text:
        raise NotFoundError(_tr("No model given: give a model id or name."))
    models = ws.list_models()
    for model in models:
        if model.id == text:
            return model
    matches = [m for m in models if m.name.casefold() == text.casefold()]
    if len(matches) == 1:
        return matches[0]
    names = ", ".join(f"“{m.name}” ({m.id})" for m in models) or _tr("none")
    if matches:
        raise NotFoundError(
            _tr("Several models are called “{name}”; give the id instead. Models: {names}.").format(
                name=text, names=names
            )
        )
    raise NotFoundError(
        _tr("No model “{name}” in this workspace. Models: {names}.").format(name=text, names=names)
    )


def engine_callbacks(
    feedback: QgsProcessingFeedback, start: float = 0.0, end: float = 100.0
) -> tuple[Callable[[Any], None], Callable[[], bool]]:
    """``(progress, should_stop)`` for the engine, reporting to ``feedback``.

    The engine's progress object has ``fraction`` (0…1) and ``message``; they become the
    feedback's progress bar (scaled into ``start…end``) and progress text.
    """
    last_message = [""]

    def progress(info: Any) -> None:
        fraction = getattr(info, "fraction", None)
        if fraction is not None:
            feedback.setProgress(start + (end - start) * max(0.0, min(1.0, float(fraction))))
        message = getattr(info, "message", "") or ""
        if message and message != last_message[0]:
            last_message[0] = message
            feedback.setProgressText(message)

    return progress, feedback.isCanceled


def raster_path(layer) -> str:
    """The GDAL path of a raster layer (its source without provider options)."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType() or "gdal", layer.source())
    return parts.get("path") or layer.source()
