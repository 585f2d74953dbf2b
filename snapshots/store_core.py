"""What the parts of the workspace façade (``store_retention.py``, ``store_revert.py``) use of
:class:`~.store.Workspace`: its attributes and, for the type checker, its methods."""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from . import timeline
from .layout import Layout
from .model import ModelInfo, SnapshotInfo


class WorkspaceCore:
    """Declarations only: :class:`~.store.Workspace` sets these attributes and defines these methods."""

    root: Path
    settings: dict[str, Any]
    clock: Callable[[], datetime]
    _layout: Layout
    _timelines: timeline.Timelines

    if TYPE_CHECKING:

        def _write(self, what: str) -> AbstractContextManager[None]: ...
        def get_model(self, model_id: str) -> ModelInfo: ...
        def list_models(self) -> list[ModelInfo]: ...
        def _timeline(self, model_id: str) -> list[SnapshotInfo]: ...
        def get_snapshot(self, model_id: str, snapshot_id: str) -> SnapshotInfo: ...
        def verify_snapshot(self, model_id: str, snapshot_id: str) -> None: ...
