"""The plugin's exception hierarchy.

Every message is written for the user: what is wrong, which input, what to do.
Pure Python: the engine packages raise these and the QGIS adapters show them.
"""

from __future__ import annotations


class HuntrError(Exception):
    """Base of every expected error; its message is shown to the user as is."""


class WorkspaceError(HuntrError):
    """The workspace beside the project is missing, unreadable or malformed."""


class WorkspaceLockedError(WorkspaceError):
    """Another process or thread holds the workspace's write lock."""


class ModelBusyError(WorkspaceError):
    """The model is being trained by another task, process or QGIS window."""


class ReadOnlyWorkspaceError(WorkspaceError):
    """The workspace was written by a newer plugin and is opened read-only."""


class NotFoundError(HuntrError):
    """A model, snapshot or scene id that does not exist."""


class InvalidNameError(HuntrError):
    """A hostile or unusable name or id (path separators, NUL, reserved names...)."""


class CorruptSnapshotError(HuntrError):
    """A snapshot whose files do not match its manifest's checksums."""


class InputDataError(HuntrError):
    """Training or detection input that cannot be used (layers, rasters, classes)."""


class IncompatibleRasterError(InputDataError):
    """A raster that does not match the snapshot's input spec."""


class OutputError(HuntrError):
    """A result file could not be written (a full disk, a read-only folder); nothing was kept."""


class MissingDependencyError(HuntrError):
    """A Python package the operation needs is not installed."""


class CancelledError(HuntrError):
    """The user cancelled the operation; nothing was written."""


class DependencyInstallError(MissingDependencyError):
    """Installing a missing package from inside QGIS failed.

    ``kind`` says why: "offline" (the package index could not be reached), "no_pip",
    "no_python" (the interpreter that runs QGIS was not found), "broken" (installed but
    does not import) or "failed"; ``command`` is the exact command to run by hand (None
    when running it again would not help); ``details`` holds pip's last lines.
    """

    def __init__(self, kind: str, message: str, command: str | None, details: str = "") -> None:
        text = message + (f" Install by hand with:\n{command}" if command else "")
        super().__init__(text)
        self.kind = kind
        self.reason = message
        self.command = command
        self.details = details
