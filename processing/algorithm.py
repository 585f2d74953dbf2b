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
    QgsMapLayer,
    QgsProcessingAlgorithm,
    QgsProcessingContext,
    QgsProcessingException,
    QgsProcessingFeedback,
    QgsProcessingLayerPostProcessorInterface,
    QgsProcessingOutputString,
    QgsProcessingParameterEnum,
    QgsProcessingParameterFile,
    QgsProcessingParameterString,
    QgsProject,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..adapters.events import hub
from ..adapters.inputs import area_of_interest
from ..adapters.workspace import find_model, find_snapshot, open_workspace
from ..errors import HuntrError

ICON = Path(__file__).resolve().parent.parent / "icons" / "orca_huntr.svg"

WORKSPACE = "WORKSPACE"
MODEL = "MODEL"
SNAPSHOT = "SNAPSHOT"
DEVICE = "DEVICE"
DEVICES = ("auto", "cpu", "cuda")


def _tr(text: str) -> str:
    return QCoreApplication.translate("HuntrAlgorithm", text)


class _LoadedDetection(QgsProcessingLayerPostProcessorInterface):
    """Marks a detection layer loaded by Processing as the panel marks its own; then
    ``finish(layer, project)`` styles it."""

    def __init__(self, uri: str, model_id: str, snapshot_id: str, finish: Callable[[Any, Any], None]) -> None:
        super().__init__()
        self.uri, self.model_id, self.snapshot_id, self.finish = uri, model_id, snapshot_id, finish

    def postProcessLayer(self, layer, context, feedback) -> None:
        from ..adapters import detection_layer

        detection_layer.mark(layer, self.uri, self.model_id, self.snapshot_id)
        self.finish(layer, context.project())


# Processing does not own Python post-processors: the recent ones are kept alive here
_post_processors: list[_LoadedDetection] = []


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
    _announced: tuple[tuple[str, tuple], ...] = ()

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

    @staticmethod
    def device_parameter() -> QgsProcessingParameterEnum:
        """DEVICE: automatic, CPU or GPU (training and detection)."""
        return QgsProcessingParameterEnum(
            DEVICE,
            _tr("Device"),
            options=[_tr("automatic (GPU when available)"), _tr("CPU"), _tr("GPU (CUDA)")],
            defaultValue=0,
        )

    def add_device_parameter(self) -> None:
        self.addParameter(self.device_parameter())

    def add_snapshot_outputs(self) -> None:
        """SNAPSHOT_ID and SNAPSHOT_NAME: the snapshot the algorithm made or changed."""
        self.addOutput(QgsProcessingOutputString("SNAPSHOT_ID", _tr("Snapshot id")))
        self.addOutput(QgsProcessingOutputString("SNAPSHOT_NAME", _tr("Snapshot name")))

    @staticmethod
    def snapshot_outputs(snap: Any) -> dict:
        """The values of :meth:`add_snapshot_outputs` for ``snap``."""
        return {"SNAPSHOT_ID": snap.id, "SNAPSHOT_NAME": snap.name}

    # -- turning parameters into engine values --------------------------------------
    def device(self, parameters: dict, context: QgsProcessingContext) -> str:
        """``"auto"``, ``"cpu"`` or ``"cuda"`` from DEVICE."""
        return DEVICES[self.parameterAsEnum(parameters, DEVICE, context)]

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
        return find_snapshot(ws, model, self.parameterAsString(parameters, SNAPSHOT, context))

    def chosen(self, parameters: dict, context: QgsProcessingContext) -> tuple[Any, Any, Any]:
        """``(workspace, model, snapshot)`` named by WORKSPACE, MODEL and SNAPSHOT."""
        ws = self.workspace(parameters, context)
        model = self.model(ws, parameters, context)
        return ws, model, self.snapshot(ws, model, parameters, context)

    def area_of_interest(
        self,
        parameters: dict,
        name: str,
        raster: QgsMapLayer,
        context: QgsProcessingContext,
        feedback: QgsProcessingFeedback,
    ) -> Any:
        """The polygons of the optional feature source ``name`` as a shapely geometry in ``raster``'s
        CRS; None when none is given, :class:`InputDataError` when it has no polygon."""
        source = self.parameterAsSource(parameters, name, context)
        if source is None:
            return None
        return area_of_interest(
            source.getFeatures(), source.sourceCrs(), raster.crs(), context.transformContext(), feedback
        )

    @staticmethod
    def load_detection(
        context: QgsProcessingContext,
        result: Any,
        output: str,
        snapshot_id: str,
        finish: Callable[[Any, Any], None],
    ) -> None:
        """Add ``result``'s layer (a ``DetectResult``) to the project when the algorithm ends, named
        as the panel names it and marked as a detection of ``snapshot_id``; ``finish(layer, project)``
        styles it. Nothing without a project."""
        project = context.project()
        if project is None:
            return
        details = QgsProcessingContext.LayerDetails(result.display_name, project, output)
        post = _LoadedDetection(result.uri, result.model_id, snapshot_id, finish)
        _post_processors.append(post)
        del _post_processors[:-32]
        details.setPostProcessor(post)
        context.addLayerToLoadOnCompletion(result.uri, details)

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
        """Main thread, after a run: tell the panel (through the event hub) what changed."""
        events = hub()
        for name, args in self._announced:
            getattr(events, name)(*args)
        self._announced = ()
        if self.CHANGES_WORKSPACE and self._used_root is not None:
            events.workspace_changed(self._used_root)
        return {}

    def announce(self, event: str, *args: Any) -> None:
        """Queue a hub event (``"snapshot_created"``, ``"detection_added"``, see ``adapters/events.py``);
        :meth:`postProcessAlgorithm` sends it on the main thread."""
        self._announced = (*self._announced, (event, args))

    def execute(
        self, parameters: dict, context: QgsProcessingContext, feedback: QgsProcessingFeedback
    ) -> dict:
        raise NotImplementedError  # pragma: no cover


def group_title(group_id: str) -> str:
    """The translated title of a toolbox group."""
    if group_id == "run":
        return _tr("Training and detection")
    return _tr("Models and snapshots")


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
