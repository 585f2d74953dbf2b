"""Portable snapshot packages: one zip file that carries a snapshot to another workspace.

A package holds a fixed set of members (no folders, no other names)::

    huntr-package.json     format, version, what is inside, sha256 and size of every other member
    model.json             name, classes and colours, mode, input spec, network, tile size
    snapshot.json          name, time, metrics, progress, counts, config (normalisation, calibrated
                           detection settings, …) and lineage (source model, snapshot, parent)
    weights.safetensors    the weights (numpy arrays; never a pickle)
    training.gpkg          optional: the snapshot's frozen training data
    model.onnx             optional: an ONNX export of the network, for other tools

Import treats the file as hostile: only the names above are accepted and none becomes a
path (the store chooses every file name), member and total sizes and the compression
ratio are bounded (checked on the bytes read, not only on what the zip declares), JSON
and safetensors are the only formats decoded, every checksum is verified while the
members are staged in a hidden folder inside the workspace, and the staged model or
snapshot appears by one atomic rename (:meth:`Workspace.commit_new_model`,
:meth:`Workspace.create_snapshot`), so a half-imported package never shows.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import secrets
import stat
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..errors import InputDataError, OutputError
from . import atomic, gpkg
from . import manifest as snapshot_manifest
from .errors import PackageError
from .model import (
    SCHEMA_VERSION,
    ClassSpec,
    InputSpec,
    ModelInfo,
    SnapshotInfo,
    format_time,
    to_utc,
    utc_now,
)
from .paths import SNAPSHOTS, TRAINING_FILE, WEIGHTS, new_id, validate_name

log = logging.getLogger(__name__)

FORMAT = "orca-huntr-snapshot"
FORMAT_VERSION = 1
SUFFIX = ".huntrpkg"

PACKAGE_MANIFEST = "huntr-package.json"
MODEL_MEMBER = "model.json"
SNAPSHOT_MEMBER = "snapshot.json"
WEIGHTS_MEMBER = "weights.safetensors"
TRAINING_MEMBER = "training.gpkg"
ONNX_MEMBER = "model.onnx"
JSON_MEMBERS = (MODEL_MEMBER, SNAPSHOT_MEMBER)
BINARY_MEMBERS = (WEIGHTS_MEMBER, TRAINING_MEMBER, ONNX_MEMBER)
MEMBERS = (PACKAGE_MANIFEST, *JSON_MEMBERS, *BINARY_MEMBERS)
_CHUNK = 1 << 20


@dataclass(frozen=True)
class Limits:
    """Bounds an imported package must stay within (bytes once decompressed)."""

    json_bytes: int = 16 << 20  # each JSON member
    member_bytes: int = 4 << 30  # each binary member
    total_bytes: int = 8 << 30  # all members together
    ratio: float = 200.0  # decompressed / compressed, for members larger than ``ratio_floor``
    ratio_floor: int = 1 << 20


DEFAULT_LIMITS = Limits()


@dataclass(frozen=True)
class PackageInfo:
    """What a package holds, read (and checked) without importing it."""

    path: str
    model: dict[str, Any]
    snapshot: dict[str, Any]
    files: dict[str, dict[str, Any]]
    created_at: str | None = None

    @property
    def has_training_data(self) -> bool:
        return TRAINING_MEMBER in self.files

    @property
    def has_onnx(self) -> bool:
        return ONNX_MEMBER in self.files

    @property
    def class_names(self) -> list[str]:
        return [str(c.get("name")) for c in self.model.get("classes", [])]

    @property
    def lineage(self) -> dict[str, Any]:
        return dict(self.snapshot.get("lineage") or {})


@dataclass(frozen=True)
class ImportResult:
    """What :func:`import_package` made: the model (new or existing) and its new snapshot."""

    model: ModelInfo
    snapshot: SnapshotInfo
    new_model: bool
    training_data: bool  # the package's training data became the new model's
    warnings: list[str] = field(default_factory=list)


# ---------------------------------------------------------------------------- export


def export_snapshot(
    ws: Any,
    model_id: str,
    snapshot_id: str,
    path: str | os.PathLike[str],
    *,
    include_training_data: bool = False,
    onnx_path: str | os.PathLike[str] | None = None,
) -> PackageInfo:
    """Write snapshot ``snapshot_id`` of ``model_id`` to the package file ``path``.

    The snapshot's checksums are verified first; the file is written beside ``path`` under
    a hidden name and renamed into place, so ``path`` is either the whole package or absent.
    ``onnx_path`` adds an ONNX file (made elsewhere) for tools that run ONNX models.
    """
    from ..deps import require

    st = require("safetensors.numpy")
    model = ws.get_model(model_id)
    loaded = ws.load_snapshot(model_id, snapshot_id)  # verifies every checksum
    info = loaded.info
    weights_blob = st.save({k: _contiguous(v) for k, v in loaded.weights.items()})
    target = Path(path).expanduser().absolute()
    if target.is_dir():
        raise OutputError(f"{target} is a folder; give the package's file name (…{SUFFIX}).")
    onnx = Path(onnx_path).expanduser() if onnx_path else None
    if onnx is not None and not onnx.is_file():
        raise InputDataError(f"The ONNX file {onnx} does not exist.")
    model_json = {
        k: v for k, v in model.to_dict().items() if k not in ("parent_model_id", "parent_snapshot_id")
    }
    snapshot_json = {
        "id": info.id,
        "name": info.name,
        "created_at": format_time(info.created_at),
        "metrics": info.metrics,
        "progress": info.progress,
        "counts": info.to_dict()["counts"],
        "config": loaded.config,
        "lineage": {
            "model_id": model.id,
            "model_name": model.name,
            "snapshot_id": info.id,
            "parent_id": info.parent_id,
            "model_parent": {"model_id": model.parent_model_id, "snapshot_id": model.parent_snapshot_id},
            "imported_from": (info.config or {}).get("imported_from"),
        },
    }
    blobs = {
        MODEL_MEMBER: atomic.json_bytes(model_json),
        SNAPSHOT_MEMBER: atomic.json_bytes(snapshot_json),
        WEIGHTS_MEMBER: weights_blob,
    }
    files = {name: {"sha256": atomic.sha256_bytes(b), "size": len(b)} for name, b in blobs.items()}
    sources = {}
    if include_training_data:
        sources[TRAINING_MEMBER] = Path(ws.snapshot_training_data_path(model_id, info.id))
    if onnx is not None:
        sources[ONNX_MEMBER] = onnx
    for name, src in sources.items():
        files[name] = {"sha256": atomic.sha256_file(src), "size": src.stat().st_size}
    manifest = {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "schema_version": SCHEMA_VERSION,
        "created_at": format_time(ws.clock()),
        "model_name": model.name,
        "snapshot_name": info.name,
        "files": files,
    }
    tmp = target.with_name(f"{atomic.TMP_PREFIX}{secrets.token_hex(4)}-{target.name}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(tmp, "x", compression=zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(PACKAGE_MANIFEST, atomic.json_bytes(manifest))
            for name, blob in blobs.items():
                zf.writestr(name, blob)
            for name, src in sources.items():
                zf.write(src, name)
        atomic.fsync_file(tmp)
        atomic.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise OutputError(f"Could not write the package {target}: {exc}. Nothing was written.") from exc
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    with contextlib.suppress(OSError):
        atomic.fsync_dir(target.parent)
    return PackageInfo(str(target), model_json, snapshot_json, files, manifest["created_at"])


def _contiguous(value: Any) -> Any:
    import numpy as np

    return np.ascontiguousarray(value)


# ---------------------------------------------------------------------------- reading (hostile)


@contextlib.contextmanager
def _open_zip(path: str | os.PathLike[str]) -> Iterator[zipfile.ZipFile]:
    source = Path(path).expanduser()
    if not source.is_file():
        raise PackageError(f"The package {source} does not exist or is not a file.")
    try:
        zf = zipfile.ZipFile(source)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        raise PackageError(
            f"{source} is not an ORCA HUNTR snapshot package (not a zip file: {exc})."
        ) from exc
    with zf:
        yield zf


def _check_members(zf: zipfile.ZipFile, limits: Limits) -> dict[str, zipfile.ZipInfo]:
    """The package's members by name, after refusing anything a package never holds."""
    members: dict[str, zipfile.ZipInfo] = {}
    total = 0
    for item in zf.infolist():
        name = item.filename
        if name not in MEMBERS:
            raise PackageError(
                f"The package holds '{name[:80]}', which no ORCA HUNTR package holds; it is refused."
            )
        if name in members:
            raise PackageError(f"The package holds '{name}' twice; it is refused.")
        mode = (item.external_attr >> 16) & 0o170000
        if item.is_dir() or mode not in (0, stat.S_IFREG):
            raise PackageError(f"'{name}' in the package is not a plain file; it is refused.")
        if item.flag_bits & 0x1:
            raise PackageError(f"'{name}' in the package is encrypted; it is refused.")
        cap = limits.json_bytes if name.endswith(".json") else limits.member_bytes
        if item.file_size > cap:
            raise PackageError(f"'{name}' in the package is larger than {cap} bytes; it is refused.")
        if item.file_size > limits.ratio_floor and item.file_size > limits.ratio * max(item.compress_size, 1):
            raise PackageError(
                f"'{name}' in the package expands {item.file_size / max(item.compress_size, 1):.0f} times "
                "(a zip bomb?); it is refused."
            )
        total += item.file_size
        members[name] = item
    if total > limits.total_bytes:
        raise PackageError(f"The package expands to more than {limits.total_bytes} bytes; it is refused.")
    for required in (PACKAGE_MANIFEST, *JSON_MEMBERS, WEIGHTS_MEMBER):
        if required not in members:
            raise PackageError(f"The package lacks '{required}'; it is not a complete snapshot package.")
    return members


def _copy_member(
    zf: zipfile.ZipFile, item: zipfile.ZipInfo, out: Any, cap: int, limits: Limits
) -> tuple[str, int]:
    """Stream one member into ``out`` (or nowhere); returns its sha256 and size.

    The declared size is not trusted: reading stops as soon as more bytes come than the
    zip declared, than ``cap``, or than the compression ratio allows.
    """
    digest = hashlib.sha256()
    size = 0
    bound = min(cap, item.file_size)
    ratio_cap = max(limits.ratio_floor, int(limits.ratio * max(item.compress_size, 1)))
    try:
        with zf.open(item) as src:
            while chunk := src.read(_CHUNK):
                size += len(chunk)
                if size > bound or size > ratio_cap:
                    raise PackageError(
                        f"'{item.filename}' in the package is larger than it declares or than allowed; "
                        "it is refused."
                    )
                digest.update(chunk)
                if out is not None:
                    out.write(chunk)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        OSError,
        EOFError,
        ValueError,
        NotImplementedError,
    ) as exc:
        raise PackageError(f"'{item.filename}' in the package cannot be read: {exc}.") from exc
    return digest.hexdigest(), size


def _check_sum(name: str, files: dict[str, Any], sha: str, size: int) -> None:
    entry = files.get(name)
    if not isinstance(entry, dict) or entry.get("sha256") != sha or entry.get("size") != size:
        raise PackageError(
            f"'{name}' in the package does not match its checksum: the file is damaged or was changed. "
            "Nothing was imported."
        )


def _read_json_member(zf: zipfile.ZipFile, item: zipfile.ZipInfo, limits: Limits) -> tuple[Any, str, int]:
    buffer = _Buffer()
    sha, size = _copy_member(zf, item, buffer, limits.json_bytes, limits)
    try:
        return json.loads(bytes(buffer.data).decode("utf-8")), sha, size
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:
        raise PackageError(f"'{item.filename}' in the package is not valid JSON: {exc}.") from exc


class _Buffer:
    def __init__(self) -> None:
        self.data = bytearray()

    def write(self, chunk: bytes) -> int:
        self.data.extend(chunk)
        return len(chunk)


def read_package(path: str | os.PathLike[str], limits: Limits = DEFAULT_LIMITS) -> PackageInfo:
    """Check a package's structure, manifest and JSON members (their checksums included).

    The binary members are checked when imported (:func:`import_package`).
    """
    with _open_zip(path) as zf:
        return _read_info(zf, path, limits)[0]


def _read_info(
    zf: zipfile.ZipFile, path: str | os.PathLike[str], limits: Limits
) -> tuple[PackageInfo, dict[str, zipfile.ZipInfo]]:
    members = _check_members(zf, limits)
    manifest, _, _ = _read_json_member(zf, members[PACKAGE_MANIFEST], limits)
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise PackageError(
            f"{path} is not an ORCA HUNTR snapshot package (its manifest names no such format)."
        )
    version = manifest.get("format_version")
    if not isinstance(version, int) or version > FORMAT_VERSION:
        raise PackageError(
            f"The package {path} was written by a newer ORCA HUNTR (package format {version}); update the "
            "plugin to import it."
        )
    files = manifest.get("files")
    if not isinstance(files, dict) or set(files) != set(members) - {PACKAGE_MANIFEST}:
        raise PackageError("The package's manifest does not list exactly the files the package holds.")
    parsed = {}
    for name in JSON_MEMBERS:
        value, sha, size = _read_json_member(zf, members[name], limits)
        _check_sum(name, files, sha, size)
        if not isinstance(value, dict):
            raise PackageError(f"'{name}' in the package is not a JSON object.")
        parsed[name] = value
    info = PackageInfo(
        str(path), parsed[MODEL_MEMBER], parsed[SNAPSHOT_MEMBER], files, manifest.get("created_at")
    )
    return info, members


def model_of(package: PackageInfo) -> ModelInfo:
    """The package's model description as a :class:`ModelInfo` (id and time set by the caller)."""
    data = package.model
    try:
        classes = [ClassSpec.from_dict(dict(c)) for c in data["classes"]]
        spec = InputSpec.from_dict(dict(data.get("input_spec") or {}))
        return ModelInfo(
            id="m-package",
            name=str(data["name"]),
            classes=classes,
            mode=str(data.get("mode", "segmentation")),
            input_spec=spec,
            network=dict(data.get("network") or {}),
            tile_size=int(data.get("tile_size", 256)),
            created_at=utc_now(),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise PackageError(f"The package's model description is malformed: {exc}.") from exc


# ---------------------------------------------------------------------------- import


def import_package(
    ws: Any,
    path: str | os.PathLike[str],
    *,
    into_model: str | None = None,
    name: str | None = None,
    limits: Limits = DEFAULT_LIMITS,
) -> ImportResult:
    """Import the package at ``path`` into workspace ``ws``.

    Without ``into_model``: a new model (named ``name``, else the package's model name,
    made unique) whose one snapshot, its current state, is the package's; its live training
    data is the package's when it carries some, else empty. With ``into_model`` (an id): the
    package's weights become a new snapshot, the current state, of that model, which must
    have the same classes (names, in order), mode and bands; its training data is kept.
    Either way nothing shows until every member is verified.
    """
    with _open_zip(path) as zf:
        package, members = _read_info(zf, path, limits)
        source = model_of(package)
        snap = package.snapshot
        lineage = {**package.lineage, "package": Path(path).name, "imported_at": format_time(ws.clock())}
        config = dict(snap.get("config") or {})
        config["imported_from"] = lineage
        raw_metrics, raw_progress = snap.get("metrics"), snap.get("progress")
        metrics: dict[str, Any] = dict(raw_metrics) if isinstance(raw_metrics, dict) else {}
        progress: dict[str, Any] = dict(raw_progress) if isinstance(raw_progress, dict) else {}
        if into_model is not None:
            return _import_into(
                ws, zf, package, members, source, into_model, config, metrics, progress, limits
            )
        return _import_new(ws, zf, package, members, source, name, config, metrics, progress, limits)


def _stage_member(
    zf: zipfile.ZipFile,
    members: dict[str, zipfile.ZipInfo],
    name: str,
    dst: Path,
    files: dict,
    limits: Limits,
) -> None:
    """Write member ``name`` to the new file ``dst`` (fsynced) after checking its checksum."""
    atomic.hooks("write", dst)
    with open(dst, "xb") as out:
        sha, size = _copy_member(zf, members[name], out, limits.member_bytes, limits)
        out.flush()
        os.fsync(out.fileno())
    _check_sum(name, files, sha, size)


def _check_weights(blob: bytes) -> dict[str, Any]:
    """The weights as numpy arrays (safetensors: no code runs); refused when not numeric."""
    import numpy as np

    from ..deps import require

    st = require("safetensors.numpy")
    try:
        arrays = dict(st.load(blob))
    except Exception as exc:  # safetensors raises its own error types
        raise PackageError(f"The package's weights are not a valid safetensors file: {exc}.") from exc
    if not arrays:
        raise PackageError("The package's weights file holds no array.")
    for key, value in arrays.items():
        if not np.issubdtype(value.dtype, np.number) or not np.all(np.isfinite(value)):
            raise PackageError(f"The package's weight '{key}' is not a finite numeric array.")
    return arrays


def _check_training(path: Path) -> dict[str, Any]:
    try:
        with gpkg.connect(path) as conn:
            ok = conn.execute("PRAGMA quick_check").fetchone()
        if not ok or ok[0] != "ok":
            raise PackageError("The package's training data is a damaged database.")
        tables = {gpkg.AREAS, gpkg.LABELS, gpkg.SCENES}
        with gpkg.connect(path) as conn:
            found = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if not tables <= found:
            raise PackageError(
                "The package's training data lacks the training areas, labels or scenes table."
            )
        return gpkg.counts(path)
    except gpkg.GeoPackageError as exc:
        raise PackageError(f"The package's training data cannot be read: {exc}.") from exc


def _unique_model_name(ws: Any, base: str) -> str:
    taken = {m.name.casefold() for m in ws.list_models()}
    candidate, n = base, 2
    while candidate.casefold() in taken:
        candidate, n = f"{base} ({n})", n + 1
    return candidate


def _import_new(
    ws: Any,
    zf: zipfile.ZipFile,
    package: PackageInfo,
    members: dict[str, zipfile.ZipInfo],
    source: ModelInfo,
    name: str | None,
    config: dict[str, Any],
    metrics: dict[str, Any],
    progress: dict[str, Any],
    limits: Limits,
) -> ImportResult:
    now = ws.clock()
    wanted = validate_name(name, "model name") if name else _unique_model_name(ws, validate_name(source.name))
    info = ModelInfo(**{**source.__dict__, "id": new_id("m"), "name": wanted, "created_at": now})
    snapshot_id = new_id("s", to_utc(now))
    snap_name = validate_name(str(package.snapshot.get("name") or to_utc(now).strftime("%Y-%m-%d %H:%M:%S")))
    with_training = TRAINING_MEMBER in members
    files = package.files

    def fill(staging: Path) -> None:
        folder = staging / SNAPSHOTS / snapshot_id
        atomic.make_dir(folder)
        _stage_member(zf, members, WEIGHTS_MEMBER, folder / WEIGHTS, files, limits)
        _check_weights((folder / WEIGHTS).read_bytes())
        live = staging / TRAINING_FILE
        if with_training:
            _stage_member(zf, members, TRAINING_MEMBER, folder / TRAINING_FILE, files, limits)
            counts = _check_training(folder / TRAINING_FILE)
            gpkg.backup(folder / TRAINING_FILE, live)
        else:
            gpkg.create_empty(live, source.input_spec.crs)
            gpkg.backup(live, folder / TRAINING_FILE)
            counts = gpkg.counts(live)
        if ONNX_MEMBER in members:  # verified, not kept: the workspace runs the safetensors weights
            sha, size = _copy_member(zf, members[ONNX_MEMBER], None, limits.member_bytes, limits)
            _check_sum(ONNX_MEMBER, files, sha, size)
        record = snapshot_manifest.build(
            snapshot_id=snapshot_id,
            model_id=info.id,
            seq=1,
            created_at=now,
            name=snap_name,
            parent_id=None,
            metrics=metrics,
            progress=progress,
            config=config,
            origin=config["imported_from"],
        )
        record["counts"] = snapshot_manifest.counts_json(counts)
        for file_name in (WEIGHTS, TRAINING_FILE):
            snapshot_manifest.record_file(record, folder, file_name)
        snapshot_manifest.write(folder, record)

    made = ws.commit_new_model(info, fill)
    snapshot = ws.get_snapshot(made.id, snapshot_id)
    return ImportResult(made, snapshot, new_model=True, training_data=with_training)


def _import_into(
    ws: Any,
    zf: zipfile.ZipFile,
    package: PackageInfo,
    members: dict[str, zipfile.ZipInfo],
    source: ModelInfo,
    model_id: str,
    config: dict[str, Any],
    metrics: dict[str, Any],
    progress: dict[str, Any],
    limits: Limits,
) -> ImportResult:
    target = ws.get_model(model_id)
    mismatch = check_compatible(target, source)
    if mismatch:
        raise PackageError(
            f"The package's model '{source.name}' cannot go into model '{target.name}': {mismatch}. "
            "Import it as a new model instead."
        )
    buffer = _Buffer()
    sha, size = _copy_member(zf, members[WEIGHTS_MEMBER], buffer, limits.member_bytes, limits)
    _check_sum(WEIGHTS_MEMBER, package.files, sha, size)
    for extra in (TRAINING_MEMBER, ONNX_MEMBER):
        if extra in members:
            sha, size = _copy_member(zf, members[extra], None, limits.member_bytes, limits)
            _check_sum(extra, package.files, sha, size)
    arrays = _check_weights(bytes(buffer.data))
    warnings = []
    if TRAINING_MEMBER in members:
        warnings.append(
            f"The package's training data was not merged into model '{target.name}'; its own training "
            "data is kept."
        )
    timeline = ws.list_snapshots(target.id)
    base = str(package.snapshot.get("name") or "") or None
    snap_name = None
    if base is not None:
        taken = {s.name.casefold() for s in timeline}
        candidate, n = f"{base} (imported)", 2
        while candidate.casefold() in taken:
            candidate, n = f"{base} (imported {n})", n + 1
        snap_name = validate_name(candidate, "snapshot name")
    # steps count on from the model's own timeline: the package's progress is kept in its lineage
    current = timeline[0] if timeline else None
    kept = dict((current.progress if current else None) or {"epochs": 0, "steps": 0, "tiles_seen": 0})
    config["imported_from"] = {**config["imported_from"], "progress": progress}
    snapshot = ws.create_snapshot(
        target.id,
        weights=arrays,
        optimizer=None,
        optimizer_meta=None,
        metrics=metrics,
        progress=kept,
        config=config,
        counts=None,
        name=snap_name,
    )
    return ImportResult(target, snapshot, new_model=False, training_data=False, warnings=warnings)


def check_compatible(target: ModelInfo, source: ModelInfo) -> str:
    """Why ``source``'s weights cannot become a snapshot of ``target`` ("" when they can)."""
    mine = [c.name.casefold() for c in target.classes]
    theirs = [c.name.casefold() for c in source.classes]
    if mine != theirs:
        return (
            f"its classes ({', '.join(c.name for c in source.classes)}) differ from "
            f"({', '.join(c.name for c in target.classes)})"
        )
    if target.mode != source.mode:
        return f"it is a {source.mode} model, not a {target.mode} one"
    if list(target.input_spec.bands) != list(source.input_spec.bands):
        return f"it reads bands {source.input_spec.bands}, not {target.input_spec.bands}"
    return ""


def default_file_name(model_name: str, snapshot_name: str) -> str:
    """A file name for a package: model and snapshot names with unsafe characters replaced."""
    text = f"{model_name} - {snapshot_name}"
    safe = "".join(ch if ch.isalnum() or ch in " -_." else "_" for ch in text).strip() or "snapshot"
    return safe[:100] + SUFFIX
