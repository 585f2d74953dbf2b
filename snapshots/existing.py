"""Open a workspace that must already exist (the headless engine, Dask workers).

``Workspace.open`` creates a missing folder, which is right beside a project the user is
working on, and wrong on a server: a mistyped path, or a folder a worker cannot see,
would quietly become an empty workspace. :func:`open_existing` refuses instead.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from ..errors import WorkspaceError
from .paths import PROJECT_SUFFIXES, WORKSPACE_FILE, workspace_dir_for_project


def existing_workspace_dir(path: str | os.PathLike[str]) -> Path:
    """The workspace folder named by ``path``: a ``.huntr`` folder, or the project file beside it.

    Raises :class:`WorkspaceError` when there is no workspace there.
    """
    given = Path(path).expanduser()
    folder = workspace_dir_for_project(given) if given.suffix.lower() in PROJECT_SUFFIXES else given
    folder = folder.absolute()
    if not (folder / WORKSPACE_FILE).is_file():
        raise WorkspaceError(
            f"There is no ORCA HUNTR workspace at {folder} (no {WORKSPACE_FILE}). Give the .huntr "
            "folder that lies beside the QGIS project (or the project file), copied whole."
        )
    return folder


def open_existing(path: str | os.PathLike[str], **options: Any):
    """The :class:`~orca_huntr.snapshots.Workspace` at ``path``, which must exist (see above)."""
    from .store import Workspace

    return Workspace.open(existing_workspace_dir(path), **options)
