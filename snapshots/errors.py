"""Store-specific refinements of the plugin's error hierarchy (``orca_huntr.errors``)."""

from __future__ import annotations

from ..errors import InputDataError, NotFoundError, WorkspaceError


class ProtectedSnapshotError(WorkspaceError):
    """An operation that would remove a model's current state (delete it, purge it)."""


class ClassCountMismatchError(InputDataError):
    """A new model from a snapshot with a different number of classes than the snapshot's."""


class PackageError(InputDataError):
    """A snapshot package that cannot be imported: not a package, damaged, too large or hostile."""


class NotTrainedError(NotFoundError):
    """The current state of a model that has no snapshot yet (``model_name`` says which model)."""

    def __init__(self, model_name: str, message: str | None = None) -> None:
        super().__init__(message or f"The model '{model_name}' has no snapshot yet: train it first.")
        self.model_name = model_name
