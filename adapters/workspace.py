"""Which workspace, model and snapshot the user means: one rule for the panel, Processing and the console.

* :func:`open_workspace`: a folder given, else the one beside the saved project, else the
  temporary one the panel has open for an unsaved project, else a
  :class:`~orca_huntr.errors.WorkspaceError` saying to save the project or give a folder.
* :func:`find_model` / :func:`find_snapshot`: by id, else by name (case-insensitive);
  an empty snapshot means the current state.
* :func:`snapshot_row`: one snapshot as a row of plain values (the "List snapshots" table
  and ``api.table``).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from qgis.PyQt.QtCore import QCoreApplication

from ..errors import NotFoundError, WorkspaceError
from .events import hub


def _tr(text: str) -> str:
    return QCoreApplication.translate("HuntrWorkspaceLookup", text)


def open_workspace(folder: str | Path | None, project_file: str | Path | None) -> Any:
    """The workspace in ``folder``, else the one beside ``project_file``, else the panel's temporary one."""
    from ..snapshots import Workspace

    if folder:
        return Workspace.open(Path(folder))
    if project_file:
        return Workspace.for_project(Path(project_file))
    panel = hub().panel_workspace
    if panel is not None:
        return panel
    raise WorkspaceError(
        _tr(
            "The current project has not been saved, so it has no workspace yet. "
            "Save the project first, or give a workspace folder."
        )
    )


def find_model(ws: Any, text: str) -> Any:
    """The model ``text`` means: by id, else by name (the store's rule, ``snapshots.model.named``);
    the messages say which models there are."""
    from ..snapshots.model import named

    text = (text or "").strip()
    if not text:
        raise NotFoundError(_tr("No model given: give a model id or name."))
    models = ws.list_models()
    matches = named(models, text)
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


def find_snapshot(ws: Any, model: Any, text: str | None) -> Any:
    """The snapshot of ``model`` with this id or name; empty gives the current state.

    The store's rule (``Workspace.find_snapshot``); only the message for a model with no
    snapshot yet is translated here."""
    from ..snapshots.errors import NotTrainedError

    try:
        return ws.find_snapshot(model.id, text)
    except NotTrainedError as exc:
        raise NotTrainedError(
            model.name, _tr("Model “{model}” has no snapshot yet: train it first.").format(model=model.name)
        ) from exc
