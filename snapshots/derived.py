"""Files derived from a snapshot (detection's ONNX graph, …), kept so that they are made once.

A snapshot never changes once written, so whatever is computed from it alone (and from
the settings that went into the computation) can be kept and reused. Derived files live
apart from the snapshots, under ``<workspace>/.cache/<model_id>/<snapshot_id>/<key><suffix>``:
the snapshot folders and their manifests stay untouched, and the whole ``.cache`` folder
may be deleted at any time (the files are made again when next needed).

``key`` is the caller's fingerprint of everything the file depends on (for the ONNX graph:
the weights' checksum, the tile size, the exporter's version), so a stale file is never
read. Each file appears by one atomic rename (``atomic.write_atomic``): a reader sees a
whole file or none. A read-only workspace, or one whose disk is full, keeps nothing and
says so in the log; callers then work without the cache.
"""

from __future__ import annotations

import contextlib
import logging
import re
from pathlib import Path

from . import atomic
from .paths import inside, validate_id

log = logging.getLogger(__name__)

CACHE = ".cache"
_KEY = re.compile(r"^[0-9a-f]{16,128}$")
_SUFFIX = re.compile(r"^\.[a-z0-9]{1,16}$")


class DerivedFiles:
    """The derived files of the workspace ``root`` (``read_only``: read them, never write)."""

    def __init__(self, root: Path, read_only: bool = False) -> None:
        self.root = Path(root)
        self.read_only = read_only

    def path(self, model_id: str, snapshot_id: str, key: str, suffix: str) -> Path:
        """Where the file of ``key`` for a snapshot lives (ids and key checked: never a path)."""
        if not _KEY.match(key) or not _SUFFIX.match(suffix):
            raise ValueError(f"not a derived-file key/suffix: {key!r} {suffix!r}")
        folder = inside(
            self.root, CACHE, validate_id(model_id, "model id"), validate_id(snapshot_id, "snapshot id")
        )
        return folder / f"{key}{suffix}"

    def read(self, model_id: str, snapshot_id: str, key: str, suffix: str) -> bytes | None:
        """The file's bytes, or None when it was never made (or cannot be read)."""
        path = self.path(model_id, snapshot_id, key, suffix)
        try:
            return path.read_bytes()
        except FileNotFoundError:
            return None
        except OSError as exc:
            log.warning("could not read the cached %s: %s", path, exc)
            return None

    def write(self, model_id: str, snapshot_id: str, key: str, suffix: str, data: bytes) -> Path | None:
        """Keep ``data`` as the file of ``key`` (atomically); the path, or None when nothing was kept."""
        if self.read_only:
            return None
        path = self.path(model_id, snapshot_id, key, suffix)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            for leftover in path.parent.glob(f"{atomic.TMP_PREFIX}*"):  # of a writer that died
                with contextlib.suppress(OSError):
                    leftover.unlink()
            atomic.write_atomic(path, data)
        except OSError as exc:
            log.warning("could not keep %s (it will be made again next time): %s", path, exc)
            return None
        return path

    def discard(self, model_id: str, snapshot_id: str, key: str, suffix: str) -> None:
        """Remove the file of ``key`` (e.g. one that turned out to be unusable)."""
        if self.read_only:
            return
        with contextlib.suppress(OSError):
            self.path(model_id, snapshot_id, key, suffix).unlink()
