"""The snapshot store: workspace beside the project, models, training data, snapshot timeline.

Plain Python (no ``qgis``, no ``torch``): weights are numpy arrays stored with
``safetensors.numpy``. Importing this package is cheap; the store modules load on first use.
"""

from __future__ import annotations

from ..deps import lazy_exports

_EXPORTS = {
    "Workspace": ".store",
    "ClassSpec": ".model",
    "InputSpec": ".model",
    "ModelInfo": ".model",
    "SceneRef": ".model",
    "SnapshotInfo": ".model",
    "LoadedSnapshot": ".model",
    "DamagedSnapshot": ".model",
    "RevertImpact": ".model",
    "RevertedSet": ".model",
    "LineageNode": ".lineage",
    "LineageItem": ".lineage",
    "RetentionPolicy": ".policy",
    "PurgePlan": ".retention",
    "WorkspaceUsage": ".usage",
    "KIND_REVERTED": ".model",
    "KIND_CURRENT": ".model",
    "KIND_TEMPORARY": ".model",
    "KIND_SAVED": ".model",
    "KINDS": ".model",
    "MODES": ".model",
    "SCHEMA_VERSION": ".model",
    "workspace_dir_for_project": ".paths",
    "temporary_workspace_dir": ".paths",
    "validate_name": ".paths",
    "ProtectedSnapshotError": ".errors",
    "ClassCountMismatchError": ".errors",
}

__all__ = sorted(_EXPORTS)


__getattr__ = lazy_exports(__name__, _EXPORTS)


def __dir__() -> list[str]:
    return __all__
