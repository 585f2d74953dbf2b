"""The project's layers whose data live in a workspace folder, re-pointed when the folder moves.

When an unsaved project is saved, its temporary workspace moves beside the project
file (``Workspace.move_beside_project``). Every layer reading a file inside the old
folder — training areas and labels, detection results, anything the user added from
there — must then read the same file in the new folder, or QGIS loses it at the next
reload ("Cannot reopen datasource") and when the project is opened again.
The layer keeps its id, name, style and custom properties: only its source changes.
"""

from __future__ import annotations

import os
from pathlib import Path

from qgis.core import QgsDataProvider, QgsMapLayer, QgsProject, QgsProviderRegistry

from ..adapters.detection_layer import RESULT_KEY


def _inside(path: str, root: Path) -> str | None:
    """``path`` relative to ``root`` (POSIX separators), or None when it lies elsewhere."""
    candidates = {os.path.abspath(path), os.path.realpath(path)}
    roots = {os.path.abspath(root), os.path.realpath(root)}
    for candidate in candidates:
        for base in roots:
            if candidate == base:
                return ""
            if candidate.startswith(base.rstrip(os.sep) + os.sep):
                return os.path.relpath(candidate, base)
    return None


def layer_path(layer: QgsMapLayer) -> str:
    """The file a layer reads (empty for layers that do not read a file)."""
    parts = QgsProviderRegistry.instance().decodeUri(layer.providerType(), layer.source())
    return str(parts.get("path") or "")


def layers_in(root: str | os.PathLike[str], project: QgsProject | None = None) -> list[QgsMapLayer]:
    """The project's layers that read a file inside the folder ``root``."""
    project = project or QgsProject.instance()
    root = Path(root)
    return [
        layer
        for layer in project.mapLayers().values()
        if (path := layer_path(layer)) and _inside(path, root) is not None
    ]


def repoint_layers(
    old_root: str | os.PathLike[str], new_root: str | os.PathLike[str], project: QgsProject | None = None
) -> int:
    """Make every layer reading a file under ``old_root`` read the same file under ``new_root``.

    Returns how many layers changed. Id, name, renderer and custom properties are kept;
    a detection layer's marker property follows its new source.
    """
    project = project or QgsProject.instance()
    registry = QgsProviderRegistry.instance()
    old_root, new_root = Path(old_root), Path(new_root)
    changed = 0
    for layer in layers_in(old_root, project):
        provider = layer.providerType()
        parts = registry.decodeUri(provider, layer.source())
        old_path = str(parts["path"])
        relative = _inside(old_path, old_root)
        if relative is None:
            continue
        new_path = str(new_root / relative) if relative else str(new_root)
        parts["path"] = new_path
        source = registry.encodeUri(provider, parts)
        renderer = layer.renderer().clone() if getattr(layer, "renderer", None) and layer.renderer() else None
        layer.setDataSource(source, layer.name(), provider, QgsDataProvider.ProviderOptions())
        if renderer is not None:
            layer.setRenderer(renderer)
        marker = layer.customProperty(RESULT_KEY)
        if isinstance(marker, str) and marker.startswith(old_path):
            layer.setCustomProperty(RESULT_KEY, new_path + marker[len(old_path) :])
        layer.triggerRepaint()
        changed += 1
    return changed
