"""Durable, atomic file-system steps: write+fsync, rename, fsync a folder.

Every step that changes the disk first calls :data:`hooks` ``.before(kind, path)`` with
``kind`` one of ``"write"``, ``"fsync"``, ``"rename"``. Production code leaves the hook
empty; tests replace it to make the k-th step raise ``OSError`` (failure injection) or to
stop the process at a chosen step (crash tests).
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import secrets
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

TMP_PREFIX = ".tmp-"
TRASH_PREFIX = ".trash-"
_CHUNK = 1 << 20


class Hooks:
    """Called before each disk-changing step; tests swap :attr:`before`."""

    def __init__(self) -> None:
        self.before: Callable[[str, str], None] | None = None

    def __call__(self, kind: str, path: str | os.PathLike[str]) -> None:
        if self.before is not None:
            self.before(kind, os.fspath(path))


hooks = Hooks()


def fsync_file(path: str | os.PathLike[str]) -> None:
    """fsync an existing file (opened read-write: Windows refuses fsync on read-only handles)."""
    hooks("fsync", path)
    fd = os.open(path, os.O_RDWR)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def fsync_dir(path: str | os.PathLike[str]) -> None:
    """fsync a folder so that renames and creations inside it are durable (no-op on Windows)."""
    hooks("fsync", path)
    if os.name == "nt":  # pragma: no cover - Windows cannot open folders
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_new_file(path: str | os.PathLike[str], data: bytes) -> None:
    """Create ``path`` (must not exist) with ``data`` and fsync it."""
    hooks("write", path)
    with open(path, "xb") as fh:
        fh.write(data)
        fh.flush()
        hooks("fsync", path)
        os.fsync(fh.fileno())


def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
    """Atomically rename ``src`` to ``dst`` (replacing a file ``dst``)."""
    hooks("rename", dst)
    os.replace(src, dst)


def make_dir(path: str | os.PathLike[str]) -> None:
    """Create one folder (its parent must exist)."""
    hooks("write", path)
    os.mkdir(path)


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Replace ``path`` with ``data`` atomically: temp file beside it, fsync, rename, fsync folder.

    On failure the temp file is removed and ``path`` is untouched. Once the rename is done
    the new content is visible: a failing fsync of the folder afterwards is only logged (a
    power cut could then bring back the old content, which is still a consistent state).
    """
    path = Path(path)
    tmp = path.with_name(f"{TMP_PREFIX}{secrets.token_hex(4)}-{path.name}")
    try:
        write_new_file(tmp, data)
        replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    try:
        fsync_dir(path.parent)
    except OSError as exc:
        log.warning("could not fsync %s after replacing %s: %s", path.parent, path.name, exc)


def _json_default(obj: Any) -> Any:
    if hasattr(obj, "tolist"):  # numpy scalars and arrays
        return obj.tolist()
    if hasattr(obj, "isoformat"):
        return obj.isoformat()
    if isinstance(obj, (set, frozenset, tuple)):
        return list(obj)
    raise TypeError(f"{type(obj).__name__} is not JSON serialisable")


def json_bytes(data: Any) -> bytes:
    """Stable, readable JSON encoding used for every file of the store (numpy values become lists)."""
    text = json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False, default=_json_default)
    return (text + "\n").encode("utf-8")


def write_json_atomic(path: str | os.PathLike[str], data: Any) -> None:
    """:func:`write_atomic` of ``data`` as JSON."""
    write_atomic(path, json_bytes(data))


def read_json(path: str | os.PathLike[str]) -> Any:
    """Parse a JSON file."""
    with open(path, "rb") as fh:
        return json.loads(fh.read().decode("utf-8"))


def sha256_bytes(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: str | os.PathLike[str]) -> str:
    """Hex sha256 of a file, read in chunks."""
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def remove_tree(path: str | os.PathLike[str]) -> None:
    """Delete a folder or file, ignoring what is already gone (cleanup only: never a commit step)."""
    p = Path(path)
    if p.is_dir() and not p.is_symlink():
        shutil.rmtree(p, ignore_errors=True)
    else:
        with contextlib.suppress(FileNotFoundError):
            p.unlink()


def discard(path: Path, parent: Path) -> None:
    """Delete a folder atomically: rename it to a hidden trash name in ``parent``, fsync, remove it."""
    trash = parent / f"{TRASH_PREFIX}{secrets.token_hex(4)}-{path.name}"
    replace(path, trash)
    try:
        fsync_dir(parent)
    except BaseException:
        with contextlib.suppress(OSError):
            os.replace(trash, path)
        raise
    remove_tree(trash)


def is_hidden(name: str) -> bool:
    """Temp, trash and other store-internal entries start with a dot and are never listed."""
    return name.startswith(".")
