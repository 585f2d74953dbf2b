"""Which workspace belongs to the project open in QGIS, kept up to date as projects change.

For ``/data/site.qgz`` the workspace is ``/data/site.huntr/`` (see ``snapshots/paths.py``);
a project never saved gets a temporary workspace that the store moves beside the
project when it is saved. Every time a workspace is opened its expired temporary
snapshots are purged and the user is told how many went.
"""

from __future__ import annotations

import contextlib
import logging

from qgis.core import QgsProject
from qgis.PyQt.QtCore import QCoreApplication, QObject, QTimer, pyqtSignal

from ..adapters.events import hub
from . import messages

log = logging.getLogger(__name__)


def tr(text: str) -> str:
    return QCoreApplication.translate("HuntrWorkspace", text)


class WorkspaceBinding(QObject):
    """Opens ``Workspace.for_project(project.fileName())`` and re-opens it when the project changes."""

    workspaceChanged = pyqtSignal(object)  # Workspace | None

    def __init__(self, iface, project: QgsProject | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.iface = iface
        self.project = project or QgsProject.instance()
        self._workspace = None
        self._project_file: str | None = None
        self._temporary = False
        self._failed_for: str | None = None  # the project whose workspace could not be opened
        self._connected = False
        self.last_purged: list = []
        # fileNameChanged is not followed: it fires before a "Save as" writes the project,
        # and the temporary workspace must move only once the project was saved.
        self.project.readProject.connect(self._project_read)
        self.project.projectSaved.connect(self._project_saved)
        self.project.cleared.connect(self._cleared)
        self._connected = True

    @property
    def workspace(self):
        """The open workspace (opened on first use), or None when it cannot be opened."""
        if self._workspace is None and self._failed_for != (self.project.fileName() or ""):
            self.reload()
        return self._workspace

    @property
    def opened(self):
        """The workspace already open (None when none is), without opening one."""
        return self._workspace

    def reload(self, force: bool = False, move_temporary: bool = False) -> None:
        """(Re)open the workspace of the current project; emits :attr:`workspaceChanged`.

        A project never saved gets a temporary workspace; when that project is saved
        the temporary workspace moves beside it (models and snapshots included).
        """
        project_file = self.project.fileName() or ""
        if not force and self._workspace is not None and project_file == self._project_file:
            return
        previous = self._workspace
        moved_from = None
        try:
            from ..snapshots import Workspace

            if not project_file:
                workspace = Workspace.open_temporary()
            elif move_temporary and previous is not None and self._temporary:
                moved_from = previous.root
                previous.move_beside_project(project_file)
                workspace = previous
            else:
                workspace = Workspace.for_project(project_file)
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not open the ORCA HUNTR workspace"))
            workspace = None
        if previous is not None and previous is not workspace:
            _discard_if_empty(previous)
        self._workspace = workspace
        hub().panel_workspace = workspace
        self._failed_for = project_file if workspace is None else None
        self._temporary = workspace is not None and not project_file
        self._project_file = project_file
        if moved_from is not None:
            self._after_move(moved_from, workspace)
        elif workspace is not None and (previous is None or _root(previous) != _root(workspace)):
            self._purge(workspace)
        self.workspaceChanged.emit(workspace)

    def _cleared(self) -> None:
        # A new, empty project (also the first step of opening one): forget the previous
        # workspace and open the right one once the event loop is back (the read is over).
        # The old project's sticky messages go with it (closing a later one would show them).
        messages.clear_sticky(self.iface)
        _discard_if_empty(self._workspace)
        self._unpublish()
        self._workspace = None
        self._temporary = False
        self._project_file = None
        self._failed_for = None
        QTimer.singleShot(0, self._deferred_reload)

    def _unpublish(self) -> None:
        """The console and Processing stop using this panel's workspace (see ``adapters/events.py``)."""
        if hub().panel_workspace is self._workspace:
            hub().panel_workspace = None

    def _deferred_reload(self) -> None:
        if self._connected and self._workspace is None:
            self.reload()

    def _project_read(self, *_args) -> None:
        if (self.project.fileName() or "") != self._project_file:
            self.reload()

    def _project_saved(self, *_args) -> None:
        if (self.project.fileName() or "") == self._project_file:
            return
        previous = self._workspace if not self._temporary else None
        self.reload(move_temporary=True)
        if previous is not None and self._workspace is not None and _root(previous) != _root(self._workspace):
            # "Save as": the workspace follows the project's name; the old one stays where it was
            messages.info(
                self.iface,
                tr(
                    "The project was saved under a new name: its ORCA HUNTR workspace is now {new}. "
                    "The models of {old} stay there."
                ).format(new=_root(self._workspace), old=_root(previous)),
            )

    def _after_move(self, old_root, workspace) -> None:
        """The temporary workspace moved beside the project: re-point its layers, save again.

        Every layer reading a file of the old folder follows (training layers, detection
        results, anything else added from there), keeping its id, name and style.
        """
        from .workspace_layers import repoint_layers

        if repoint_layers(old_root, workspace.root, self.project):
            # the project file just written still names the old folder: write it once more
            QTimer.singleShot(0, self._save_again)
        messages.info(
            self.iface,
            tr("The ORCA HUNTR workspace now lives beside the project: {path}").format(path=workspace.root),
        )

    def _save_again(self) -> None:
        if self._connected and self.project.fileName():
            self.project.write()

    def _purge(self, workspace) -> None:
        try:
            self.last_purged = list(workspace.purge_expired())
        except Exception as exc:
            messages.show_error(self.iface, exc, tr("Could not remove expired snapshots"))
            self.last_purged = []
            return
        count = len(self.last_purged)
        if count:
            text = (
                tr("1 expired temporary snapshot was removed.")
                if count == 1
                else tr("{n} expired temporary snapshots were removed.").format(n=count)
            )
            messages.info(self.iface, text)

    def disconnect_project(self) -> None:
        """Stop following the project (called when the panel shuts down)."""
        if not self._connected:
            return
        _discard_if_empty(self._workspace)
        self._unpublish()
        for signal, slot in (
            (self.project.readProject, self._project_read),
            (self.project.projectSaved, self._project_saved),
            (self.project.cleared, self._cleared),
        ):
            with contextlib.suppress(TypeError, RuntimeError):
                signal.disconnect(slot)
        self._connected = False


def _discard_if_empty(workspace) -> None:
    """A temporary workspace left behind with nothing in it is deleted (see ``snapshots/temporary.py``)."""
    if workspace is not None and getattr(workspace, "is_temporary", False):
        from ..snapshots.temporary import discard_if_empty

        discard_if_empty(workspace)


def _root(workspace) -> str:
    return str(workspace.root)
