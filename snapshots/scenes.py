"""Scenes of a model (the rasters its training data was drawn on), and their fingerprints.

A fingerprint recognises the same raster again without hashing gigabytes.
"""

from __future__ import annotations

import hashlib
import os
from datetime import datetime
from pathlib import Path

from ..errors import InvalidNameError, WorkspaceError
from . import gpkg
from .model import SceneRef
from .paths import new_id, validate_name

_SAMPLE = 1 << 20  # bytes read from the start and from the end of a file


def fingerprint(source: str) -> str:
    """A stable fingerprint of a raster source.

    For a local file: sha256 of its size, its first and its last MiB
    (``sha256-sampled:<hex>``). For anything else (``/vsicurl/…``, a database URI):
    sha256 of the source string (``sha256-source:<hex>``).
    """
    if os.path.isfile(source):
        digest = hashlib.sha256()
        size = os.path.getsize(source)
        digest.update(str(size).encode() + b"\0")
        with open(source, "rb") as fh:
            digest.update(fh.read(_SAMPLE))
            if size > _SAMPLE:
                fh.seek(max(_SAMPLE, size - _SAMPLE))
                digest.update(fh.read(_SAMPLE))
        return "sha256-sampled:" + digest.hexdigest()
    return "sha256-source:" + hashlib.sha256(source.encode("utf-8")).hexdigest()


def check_source(source: str) -> str:
    """The source of a scene to add; :class:`InvalidNameError` when empty or holding NUL."""
    source = str(source)
    if not source or "\0" in source:
        raise InvalidNameError("The scene source is empty or contains NUL.")
    return source


def display_name(name: str | None, source: str) -> str:
    """The checked display name of a scene (default: the file name without extension)."""
    return validate_name(name or Path(source).stem or source, "scene name")


def listed(training_file: Path) -> list[SceneRef]:
    """The scenes recorded in a training GeoPackage, in the order they were added."""
    try:
        rows = gpkg.list_scenes(training_file)
    except gpkg.GeoPackageError as exc:
        raise WorkspaceError(f"Cannot read the scenes of {training_file}: {exc}") from exc
    return [SceneRef.from_dict(r) for r in rows]


def add(training_file: Path, source: str, name: str, known_print: str | None, now: datetime) -> SceneRef:
    """Record a new scene in a training GeoPackage (the caller holds the workspace lock)."""
    ref = SceneRef(
        scene_id=new_id("c"),
        source=source,
        name=name,
        fingerprint=known_print or fingerprint(source),
        added_at=now,
    )
    gpkg.insert_scene(training_file, ref.to_dict())
    return ref
