"""A model folder's ``model.json``: read it, list the models, check classes, complete a config.

A model folder appears by one atomic rename of a staged folder (``operations.stage_model``);
``model.json`` is rewritten atomically only to rename the model.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from datetime import datetime
from typing import Any

from ..errors import HuntrError, InputDataError, InvalidNameError, NotFoundError, WorkspaceError
from . import atomic
from .errors import ClassCountMismatchError
from .layout import Layout
from .model import MODES, SCHEMA_VERSION, ClassSpec, InputSpec, ModelInfo, SnapshotInfo, named
from .paths import new_id, validate_name

log = logging.getLogger(__name__)


def read(layout: Layout, model_id: str) -> ModelInfo:
    """The model ``model_id``; :class:`NotFoundError` when there is none."""
    path = layout.model_file(model_id)
    try:
        data = atomic.read_json(path)
    except FileNotFoundError as exc:
        raise NotFoundError(f"No model with id '{model_id}' in the workspace {layout.root}.") from exc
    except (OSError, ValueError) as exc:
        raise WorkspaceError(f"The model file {path} is unreadable: {exc}") from exc
    try:
        info = ModelInfo.from_dict(data)
    except (KeyError, TypeError, ValueError) as exc:
        raise WorkspaceError(f"The model file {path} is malformed: {exc}") from exc
    if info.id != model_id:
        raise WorkspaceError(f"The model file {path} names another model ({info.id!r}).")
    return info


def list_all(layout: Layout) -> list[ModelInfo]:
    """Every readable model of the workspace, oldest first (unreadable folders are logged and skipped)."""
    out = []
    try:
        entries = list(os.scandir(layout.models_dir))
    except FileNotFoundError:
        return []
    for entry in entries:
        if atomic.is_hidden(entry.name) or not entry.is_dir(follow_symlinks=False):
            continue
        try:
            out.append(read(layout, entry.name))
        except HuntrError as exc:
            log.warning("skipping model folder %s: %s", entry.path, exc)
    return sorted(out, key=lambda m: (m.created_at, m.name, m.id))


def find(models: list[ModelInfo], id_or_name: str, root: object) -> ModelInfo:
    """A model by id, else by exact name, else by case-insensitive name (:func:`model.named`)."""
    found = named(models, id_or_name)
    if len(found) == 1:
        return found[0]
    raise NotFoundError(f"No model named or numbered '{id_or_name}' in the workspace {root}.")


def check_name(models: list[ModelInfo], name: str, exclude: str | None = None) -> str:
    """A valid model name no other model (but ``exclude``) has, case-insensitively."""
    name = validate_name(name, "model name")
    for other in models:
        if other.id != exclude and other.name.casefold() == name.casefold():
            raise InvalidNameError(f"A model named '{other.name}' already exists; choose another name.")
    return name


def to_json(info: ModelInfo) -> dict[str, Any]:
    return {"schema_version": SCHEMA_VERSION, **info.to_dict()}


def write(layout: Layout, info: ModelInfo) -> None:
    """Rewrite ``model.json`` of an existing model atomically."""
    atomic.write_json_atomic(layout.model_file(info.id), to_json(info))


def check_classes(classes: Any) -> list[ClassSpec]:
    """Valid classes (names, ``#rrggbb`` colours, 1 to 254 of them, names unique)."""
    out = []
    for item in classes or []:
        spec = item if isinstance(item, ClassSpec) else ClassSpec.from_dict(dict(item))
        name = validate_name(spec.name, "class name")
        if not ClassSpec.valid_color(spec.color):
            raise InputDataError(f"The colour {spec.color!r} of class '{name}' is not a #rrggbb colour.")
        out.append(ClassSpec(name, spec.color.lower()))
    if not out:
        raise InputDataError("A model needs at least one class.")
    if len(out) > 254:
        raise InputDataError("A model can have at most 254 classes.")
    if len({c.name.casefold() for c in out}) != len(out):
        raise InputDataError("Two classes have the same name; class names must differ.")
    return out


def check_new(
    mode: str, classes: Any, input_spec: InputSpec | None, tile_size: int
) -> tuple[list[ClassSpec], InputSpec]:
    """The checked classes and input spec of a new model (mode, bands and tile size checked too)."""
    if mode not in MODES:
        raise InputDataError(f"Unknown model mode {mode!r}; choose one of {', '.join(MODES)}.")
    class_specs = check_classes(classes)
    spec = input_spec or InputSpec()
    if not spec.bands or any(int(b) < 1 for b in spec.bands):
        raise InputDataError("The input spec needs at least one band number (1-based).")
    if int(tile_size) < 8:
        raise InputDataError("The tile size must be at least 8 pixels.")
    return class_specs, spec


def new_info(
    name: str,
    classes: list[ClassSpec],
    mode: str,
    spec: InputSpec,
    network: Mapping[str, Any] | None,
    tile_size: int,
    now: datetime,
) -> ModelInfo:
    """A new model's record (a fresh id), from values checked by :func:`check_new` and the name check."""
    return ModelInfo(
        id=new_id("m"),
        name=name,
        classes=classes,
        mode=mode,
        input_spec=spec,
        network=dict(network or {}),
        tile_size=int(tile_size),
        created_at=now,
    )


def classes_for_copy(source: ModelInfo, snapshot_name: str, class_names: list[str] | None) -> list[ClassSpec]:
    """The classes of a new model from a snapshot of ``source``: renamed, same count and colours."""
    classes = list(source.classes)
    if class_names is not None:
        if len(class_names) != len(classes):
            raise ClassCountMismatchError(
                f"Snapshot '{snapshot_name}' was trained for {len(classes)} classes; the new model must "
                f"have {len(classes)} class names, not {len(class_names)}."
            )
        classes = [ClassSpec(n, c.color) for n, c in zip(class_names, classes, strict=True)]
    return check_classes(classes)


def complete_config(info: SnapshotInfo, model: ModelInfo) -> dict[str, Any]:
    """The trainer's config of a snapshot completed from the model where it lacks a value.

    (``mode``, ``network``, ``tile_size``, ``bands``, ``crs``, ``resolution``, ``dtype``,
    ``classes``, ``normalization``: everything detection needs.)
    """
    config = dict(info.config)
    config.setdefault("mode", model.mode)
    config.setdefault("network", dict(model.network))
    config.setdefault("tile_size", model.tile_size)
    config.setdefault("bands", list(model.input_spec.bands))
    config.setdefault("crs", model.input_spec.crs)
    config.setdefault("resolution", model.input_spec.resolution)
    config.setdefault("dtype", model.input_spec.dtype)
    config.setdefault("classes", [c.to_dict() for c in model.classes])
    if model.input_spec.normalization is not None:
        config.setdefault("normalization", model.input_spec.normalization)
    return config
