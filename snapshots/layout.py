"""Where each file of a workspace lives (the layout in ARCHITECTURE.md, "Workspace on disk").

Every path the store reads or writes comes from a :class:`Layout`: ids are validated
before they touch a path, and every path is resolved through :func:`paths.inside`, so a
link that leads out of the workspace is refused. Nothing here writes a file (but the
detections folder is created when asked for).
"""

from __future__ import annotations

import os
from pathlib import Path

from ..errors import WorkspaceError
from . import atomic
from .lock import TRAINING_LOCK_FILE
from .paths import (
    DETECTIONS,
    MODEL_FILE,
    MODELS,
    QUARANTINE,
    RETENTION,
    REVERTED,
    SAVED_MARKS,
    SNAPSHOTS,
    STATES,
    TRAINING_FILE,
    WORKSPACE_FILE,
    inside,
    validate_id,
)


class Layout:
    """The paths of the workspace folder ``root``."""

    def __init__(self, root: Path) -> None:
        self.root = root

    def __repr__(self) -> str:
        return f"Layout({str(self.root)!r})"

    @property
    def workspace_file(self) -> Path:
        return self.root / WORKSPACE_FILE

    @property
    def models_dir(self) -> Path:
        return self.root / MODELS

    @property
    def quarantine_dir(self) -> Path:
        return self.root / QUARANTINE

    def detections_dir(self) -> Path:
        """The detections folder, created when missing; refused when a link leads out of the workspace."""
        path = self.root / DETECTIONS
        if path.is_symlink() and not os.path.realpath(path).startswith(os.path.realpath(self.root) + os.sep):
            raise WorkspaceError(
                f"The detections folder {path} is a link to {os.path.realpath(path)}, outside the "
                "workspace; ORCA HUNTR never writes outside it. Replace the link by a folder."
            )
        path.mkdir(exist_ok=True)
        return inside(self.root, DETECTIONS)

    def make_root(self) -> None:
        """Create the workspace folder when missing; :class:`WorkspaceError` when it cannot be one."""
        if self.root.exists() and not self.root.is_dir():
            raise WorkspaceError(f"'{self.root}' exists but is not a folder; it cannot be a workspace.")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceError(f"Cannot create the workspace folder {self.root}: {exc}") from exc

    def make_top_folders(self) -> None:
        """Create ``models/`` and ``detections/`` when missing."""
        for sub in (MODELS, DETECTIONS):
            (self.root / sub).mkdir(exist_ok=True)

    # ------------------------------------------------------------------ a model

    def model_dir(self, model_id: str) -> Path:
        return inside(self.root, MODELS, validate_id(model_id, "model id"))

    def model_file(self, model_id: str) -> Path:
        return self.model_dir(model_id) / MODEL_FILE

    def staged_model_name(self, model_id: str) -> str:
        """The hidden staging folder a new model is built in before it is renamed into place."""
        return f"{atomic.TMP_PREFIX}{validate_id(model_id, 'model id')}"

    def staged_model_dir(self, model_id: str) -> Path:
        return inside(self.root, MODELS, self.staged_model_name(model_id))

    def training_file(self, model_id: str) -> Path:
        """The live training GeoPackage, refused when a link makes it resolve outside the workspace."""
        return inside(self.root, MODELS, validate_id(model_id, "model id"), TRAINING_FILE)

    def training_lock_file(self, model_id: str) -> Path:
        """The model's training lock (held while the model is being trained, by any process)."""
        return inside(self.root, MODELS, validate_id(model_id, "model id"), TRAINING_LOCK_FILE)

    def states_file(self, model_id: str) -> Path:
        return self.model_dir(model_id) / STATES

    def retention_file(self, model_id: str) -> Path:
        """The model's own retention policy (absent while it follows the workspace's)."""
        return self.model_dir(model_id) / RETENTION

    def saved_marks_dir(self, model_id: str) -> Path:
        return inside(self.root, MODELS, validate_id(model_id, "model id"), SAVED_MARKS)

    def saved_mark(self, model_id: str, snapshot_id: str) -> Path:
        return self.saved_marks_dir(model_id) / validate_id(snapshot_id, "snapshot id")

    # ------------------------------------------------------------------ its reverted sets

    def reverted_dir(self, model_id: str) -> Path:
        return inside(self.root, MODELS, validate_id(model_id, "model id"), REVERTED)

    def reverted_set_dir(self, model_id: str, set_id: str) -> Path:
        """``reverted/<set>/``: ``revert.json``, ``training.gpkg`` and ``snapshots/<id>/`` of one revert."""
        return inside(self.reverted_dir(model_id), validate_id(set_id, "reverted set id"))

    def staged_set_dir(self, model_id: str, set_id: str) -> Path:
        """The hidden folder a reverted set is prepared in before the revert's commit point."""
        return inside(self.root, MODELS, model_id, f"{atomic.TMP_PREFIX}{validate_id(set_id, 'set id')}")

    def reverted_snapshot_dir(self, model_id: str, set_id: str, snapshot_id: str) -> Path:
        return inside(
            self.reverted_set_dir(model_id, set_id), SNAPSHOTS, validate_id(snapshot_id, "snapshot id")
        )

    # ------------------------------------------------------------------ its snapshots

    def snapshots_dir(self, model_id: str) -> Path:
        return inside(self.root, MODELS, validate_id(model_id, "model id"), SNAPSHOTS)

    def snapshot_dir(self, model_id: str, snapshot_id: str) -> Path:
        return inside(
            self.root,
            MODELS,
            validate_id(model_id, "model id"),
            SNAPSHOTS,
            validate_id(snapshot_id, "snapshot id"),
        )

    def snapshot_file(self, model_id: str, snapshot_id: str, name: str) -> Path:
        """A file of a snapshot folder, refused when a link makes it resolve outside the workspace."""
        self.snapshot_dir(model_id, snapshot_id)  # validates the ids
        return inside(self.root, MODELS, model_id, SNAPSHOTS, snapshot_id, name)

    def frozen_training_file(self, model_id: str, snapshot_id: str) -> Path:
        """The frozen copy of the training data inside a snapshot."""
        return self.snapshot_file(model_id, snapshot_id, TRAINING_FILE)

    def staged_snapshot_dir(self, model_id: str, snapshot_id: str) -> Path:
        """The hidden staging folder a snapshot is written in before it is renamed into place."""
        return inside(self.root, MODELS, model_id, SNAPSHOTS, f"{atomic.TMP_PREFIX}{snapshot_id}")

    def trashed_snapshot_dir(self, model_id: str, op: str, snapshot_id: str) -> Path:
        """Where journaled operation ``op`` moves a snapshot folder it removes."""
        return inside(self.root, MODELS, model_id, SNAPSHOTS, f"{atomic.TRASH_PREFIX}{op}-{snapshot_id}")
