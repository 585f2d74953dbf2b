"""The workspace: models, their live training data and their snapshot timelines.

Layout (see ARCHITECTURE.md, "Workspace on disk")::

    site.huntr/
      workspace.json                      schema_version, settings
      .lock                               inter-process write lock (host/pid of the holder)
      .journal/<op>.json                  intents of unfinished multi-step operations
      models/<model_id>/model.json        ModelInfo
      models/<model_id>/training.gpkg     live training data
      models/<model_id>/snapshots/<id>/   manifest.json (immutable, sha256 of each file,
                                          written last), state.json (mutable: saved, name),
                                          weights.safetensors, optimizer.safetensors,
                                          training.gpkg (frozen copy)
      detections/                         detection results

Names starting with a dot are store-internal (staging ``.tmp-*``, ``.trash-*``,
``.quarantine``) and never listed. Every write holds the workspace lock; reads do not.
"""

from __future__ import annotations

import contextlib
import logging
import os
import secrets
import shutil
from collections.abc import Callable, Iterator, Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from ..errors import (
    CorruptSnapshotError,
    HuntrError,
    InputDataError,
    InvalidNameError,
    NotFoundError,
    ReadOnlyWorkspaceError,
    WorkspaceError,
)
from . import atomic, gpkg, journal, recovery, retention
from .errors import ClassCountMismatchError, ProtectedSnapshotError
from .lock import TRAINING_LOCK_FILE, TrainingLock, WorkspaceLock
from .model import (
    KIND_SAVED,
    KIND_TEMPORARY,
    MODES,
    SCHEMA_VERSION,
    ClassSpec,
    DamagedSnapshot,
    InputSpec,
    LoadedSnapshot,
    ModelInfo,
    RevertImpact,
    SceneRef,
    SnapshotInfo,
    format_time,
    normalize_counts,
    parse_time,
    to_utc,
    utc_now,
)
from .paths import (
    DETECTIONS,
    ID_PATTERN,
    MANIFEST,
    MODEL_FILE,
    MODELS,
    OPTIMIZER,
    SAVED_MARKS,
    SNAPSHOT_FILES,
    SNAPSHOTS,
    STATES,
    TRAINING_FILE,
    WEIGHTS,
    WORKSPACE_FILE,
    inside,
    new_id,
    temporary_workspace_dir,
    validate_id,
    validate_name,
    workspace_dir_for_project,
)
from .scenes import fingerprint as scene_fingerprint

log = logging.getLogger(__name__)

DEFAULT_SETTINGS: dict[str, Any] = {"temporary_days": retention.DEFAULT_TEMPORARY_DAYS}
DEFAULT_LOCK_TIMEOUT = 2.0


def _safetensors_numpy() -> Any:
    from ..deps import require

    return require("safetensors.numpy")


class Workspace:
    """A workspace folder: open it with :meth:`open`, :meth:`for_project` or :meth:`open_temporary`.

    ``clock`` (returns an aware UTC datetime) replaces the system clock, for tests.
    ``lock_timeout`` is how long a write waits for another writer before
    :class:`WorkspaceLockedError`.
    """

    def __init__(
        self,
        root: str | os.PathLike[str],
        *,
        clock: Callable[[], datetime] | None = None,
        lock_timeout: float = DEFAULT_LOCK_TIMEOUT,
        temporary: bool = False,
    ) -> None:
        self.root = Path(root).expanduser().absolute()
        self.clock = clock or utc_now
        self.lock_timeout = float(lock_timeout)
        self.is_temporary = temporary
        self.read_only = False
        self.read_only_reason = ""
        self.schema_version = SCHEMA_VERSION
        self.settings: dict[str, Any] = dict(DEFAULT_SETTINGS)
        self._manifests: dict[tuple[str, str], dict[str, Any]] = {}
        self._manifest_errors: dict[tuple[str, str], str] = {}
        self._lock = WorkspaceLock(self.root)
        self._initialise()

    # ------------------------------------------------------------------ opening

    @classmethod
    def open(cls, path: str | os.PathLike[str], **options: Any) -> Workspace:
        """Open the workspace folder ``path``, creating it when missing.

        Unfinished operations of a crashed writer are completed or undone, and incomplete
        folders are removed or quarantined, when no other process is writing.
        """
        return cls(path, **options)

    @classmethod
    def for_project(cls, project_file: str | os.PathLike[str] | None, **options: Any) -> Workspace:
        """The workspace beside ``project_file``; a temporary one for an unsaved project (``None``/``""``).

        ``base`` (keyword) is where temporary workspaces go (default: the system temp folder).
        """
        base = options.pop("base", None)
        if project_file is None or not str(project_file).strip():
            return cls.open_temporary(base, **options)
        return cls(workspace_dir_for_project(project_file), **options)

    @classmethod
    def open_temporary(cls, base: str | os.PathLike[str] | None = None, **options: Any) -> Workspace:
        """A new workspace for a project that was never saved (see :meth:`move_beside_project`)."""
        path = temporary_workspace_dir(base)
        path.parent.mkdir(parents=True, exist_ok=True)
        return cls(path, temporary=True, **options)

    def _initialise(self) -> None:
        if self.root.exists() and not self.root.is_dir():
            raise WorkspaceError(f"'{self.root}' exists but is not a folder; it cannot be a workspace.")
        try:
            self.root.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise WorkspaceError(f"Cannot create the workspace folder {self.root}: {exc}") from exc
        meta_path = self.root / WORKSPACE_FILE
        if not meta_path.exists():
            with self._writing("create the workspace"):
                if not meta_path.exists():
                    atomic.write_json_atomic(
                        meta_path,
                        {
                            "schema_version": SCHEMA_VERSION,
                            "created_at": format_time(self.clock()),
                            "settings": dict(DEFAULT_SETTINGS),
                        },
                    )
        self._read_meta()
        if not self.read_only and not os.access(self.root, os.W_OK):
            self.read_only = True
            self.read_only_reason = (
                f"The workspace folder {self.root} is not writable; it is opened read-only. "
                "Copy the project and its .huntr folder somewhere writable to change it."
            )
        if not self.read_only:
            for sub in (MODELS, DETECTIONS):
                (self.root / sub).mkdir(exist_ok=True)
            self._recover()

    def _read_meta(self) -> None:
        path = self.root / WORKSPACE_FILE
        try:
            meta = atomic.read_json(path)
            version = int(meta["schema_version"])
            settings = dict(meta.get("settings") or {})
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise WorkspaceError(f"The workspace file {path} is unreadable or malformed: {exc}") from exc
        self.schema_version = version
        self.settings = {**DEFAULT_SETTINGS, **settings}
        if version > SCHEMA_VERSION:
            self.read_only = True
            self.read_only_reason = (
                f"The workspace {self.root} was written by a newer ORCA HUNTR (schema {version}; this "
                f"version understands {SCHEMA_VERSION}). It is opened read-only: update the plugin to "
                "change it."
            )
            log.warning(self.read_only_reason)

    def __repr__(self) -> str:
        return f"Workspace({str(self.root)!r})"

    # ------------------------------------------------------------------ settings

    @property
    def temporary_days(self) -> float:
        """Days a superseded, unsaved snapshot is kept before :meth:`purge_expired` deletes it."""
        return float(self.settings.get("temporary_days", retention.DEFAULT_TEMPORARY_DAYS))

    def set_setting(self, key: str, value: Any) -> None:
        """Change one workspace setting (``temporary_days``…) durably."""
        if key == "temporary_days" and (not isinstance(value, int | float) or value < 0):
            raise InputDataError("temporary_days must be a number of days >= 0.")
        with self._write("change a setting"):
            path = self.root / WORKSPACE_FILE
            meta = atomic.read_json(path)
            meta.setdefault("settings", {})[key] = value
            atomic.write_json_atomic(path, meta)
            self.settings[key] = value

    @property
    def detections_dir(self) -> Path:
        """Folder for detection GeoPackages (created when missing)."""
        if self.read_only:
            raise ReadOnlyWorkspaceError(self.read_only_reason)
        path = self.root / DETECTIONS
        if path.is_symlink() and not os.path.realpath(path).startswith(os.path.realpath(self.root) + os.sep):
            raise WorkspaceError(
                f"The detections folder {path} is a link to {os.path.realpath(path)}, outside the "
                "workspace; ORCA HUNTR never writes outside it. Replace the link by a folder."
            )
        path.mkdir(exist_ok=True)
        return inside(self.root, DETECTIONS)

    # ------------------------------------------------------------------ locking and errors

    @contextlib.contextmanager
    def _writing(self, what: str) -> Iterator[None]:
        """Turn low-level failures into a :class:`WorkspaceError` that says what failed."""
        try:
            yield
        except HuntrError:
            raise
        except (OSError, gpkg.GeoPackageError) as exc:
            raise WorkspaceError(
                f"Could not {what} in the workspace {self.root}: {exc}. Nothing was changed; check "
                "free disk space and permissions."
            ) from exc

    @contextlib.contextmanager
    def _write(self, what: str) -> Iterator[None]:
        """Hold the write lock (after the read-only check) and convert low-level errors."""
        if self.read_only:
            raise ReadOnlyWorkspaceError(self.read_only_reason)
        outermost = not self._lock.held_here()
        with self._lock.hold(self.lock_timeout), self._writing(what):
            if outermost:
                # A writer in another process may have died since this workspace was opened:
                # finish its operation before building on top of a half-done state.
                self._complete_pending()
            yield

    def training_lock(self, model_id: str) -> TrainingLock:
        """A context manager marking ``model_id`` as being trained, across processes.

        Entering it raises :class:`ModelBusyError` ("model X is being trained since HH:MM by
        …") while another training of the same model runs anywhere.
        """
        if self.read_only:
            raise ReadOnlyWorkspaceError(self.read_only_reason)
        info = self.get_model(model_id)
        return TrainingLock(inside(self.root, MODELS, info.id, TRAINING_LOCK_FILE), f"'{info.name}'")

    def is_locked_elsewhere(self) -> bool:
        """Whether another process or thread currently holds the write lock."""
        try:
            self._lock.acquire(0)
        except WorkspaceError:
            return True
        self._lock.release()
        return False

    # ------------------------------------------------------------------ paths

    @property
    def models_dir(self) -> Path:
        return self.root / MODELS

    def _model_dir(self, model_id: str) -> Path:
        return inside(self.root, MODELS, validate_id(model_id, "model id"))

    def _snapshots_dir(self, model_id: str) -> Path:
        return inside(self.root, MODELS, validate_id(model_id, "model id"), SNAPSHOTS)

    def _training_file(self, model_id: str) -> Path:
        """The live training GeoPackage, refused when a link makes it resolve outside the workspace."""
        return inside(self.root, MODELS, validate_id(model_id, "model id"), TRAINING_FILE)

    def _snapshot_file(self, model_id: str, snapshot_id: str, name: str) -> Path:
        """A file of a snapshot folder, refused when a link makes it resolve outside the workspace."""
        self._snapshot_dir(model_id, snapshot_id)  # validates the ids
        return inside(self.root, MODELS, model_id, SNAPSHOTS, snapshot_id, name)

    def _snapshot_dir(self, model_id: str, snapshot_id: str) -> Path:
        return inside(
            self.root,
            MODELS,
            validate_id(model_id, "model id"),
            SNAPSHOTS,
            validate_id(snapshot_id, "snapshot id"),
        )

    # ------------------------------------------------------------------ models

    def list_models(self) -> list[ModelInfo]:
        """Every model of the workspace, oldest first."""
        out = []
        try:
            entries = list(os.scandir(self.models_dir))
        except FileNotFoundError:
            return []
        for entry in entries:
            if atomic.is_hidden(entry.name) or not entry.is_dir(follow_symlinks=False):
                continue
            try:
                out.append(self.get_model(entry.name))
            except HuntrError as exc:
                log.warning("skipping model folder %s: %s", entry.path, exc)
        return sorted(out, key=lambda m: (m.created_at, m.name, m.id))

    def get_model(self, model_id: str) -> ModelInfo:
        """The model ``model_id``; :class:`NotFoundError` when there is none."""
        path = self._model_dir(model_id) / MODEL_FILE
        try:
            data = atomic.read_json(path)
        except FileNotFoundError as exc:
            raise NotFoundError(f"No model with id '{model_id}' in the workspace {self.root}.") from exc
        except (OSError, ValueError) as exc:
            raise WorkspaceError(f"The model file {path} is unreadable: {exc}") from exc
        try:
            info = ModelInfo.from_dict(data)
        except (KeyError, TypeError, ValueError) as exc:
            raise WorkspaceError(f"The model file {path} is malformed: {exc}") from exc
        if info.id != model_id:
            raise WorkspaceError(f"The model file {path} names another model ({info.id!r}).")
        return info

    def find_model(self, id_or_name: str) -> ModelInfo:
        """A model by id, else by exact name, else by case-insensitive name."""
        models = self.list_models()
        for match in (
            lambda m: m.id == id_or_name,
            lambda m: m.name == id_or_name,
            lambda m: m.name.casefold() == str(id_or_name).casefold(),
        ):
            found = [m for m in models if match(m)]
            if len(found) == 1:
                return found[0]
        raise NotFoundError(f"No model named or numbered '{id_or_name}' in the workspace {self.root}.")

    def _check_model_name(self, name: str, exclude: str | None = None) -> str:
        name = validate_name(name, "model name")
        for other in self.list_models():
            if other.id != exclude and other.name.casefold() == name.casefold():
                raise InvalidNameError(f"A model named '{other.name}' already exists; choose another name.")
        return name

    @staticmethod
    def _check_classes(classes: Any) -> list[ClassSpec]:
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

    def create_model(
        self,
        name: str,
        classes: list[ClassSpec],
        mode: str = "segmentation",
        input_spec: InputSpec | None = None,
        network: Mapping[str, Any] | None = None,
        tile_size: int = 256,
    ) -> ModelInfo:
        """Create a model with its empty live training GeoPackage (CRS = ``input_spec.crs``)."""
        if mode not in MODES:
            raise InputDataError(f"Unknown model mode {mode!r}; choose one of {', '.join(MODES)}.")
        class_specs = self._check_classes(classes)
        spec = input_spec or InputSpec()
        if not spec.bands or any(int(b) < 1 for b in spec.bands):
            raise InputDataError("The input spec needs at least one band number (1-based).")
        if int(tile_size) < 8:
            raise InputDataError("The tile size must be at least 8 pixels.")
        with self._write("create a model"):
            info = ModelInfo(
                id=new_id("m"),
                name=self._check_model_name(name),
                classes=class_specs,
                mode=mode,
                input_spec=spec,
                network=dict(network or {}),
                tile_size=int(tile_size),
                created_at=self.clock(),
            )
            self._stage_model(info, lambda staging: gpkg.create_empty(staging / TRAINING_FILE, spec.crs))
        return info

    def _stage_model(self, info: ModelInfo, fill: Callable[[Path], None], journaled: bool = False) -> None:
        """Build a model folder in a hidden staging folder, then rename it into place."""
        staging = inside(self.root, MODELS, f"{atomic.TMP_PREFIX}{info.id}")
        target = self._model_dir(info.id)
        entry = None
        try:
            atomic.make_dir(staging)
            atomic.make_dir(staging / SNAPSHOTS)
            atomic.write_new_file(staging / MODEL_FILE, atomic.json_bytes(self._model_json(info)))
            fill(staging)
            atomic.fsync_dir(staging / SNAPSHOTS)
            atomic.fsync_dir(staging)
            if journaled:
                entry = journal.write(
                    self.root, new_id("j"), {"op": "new_model", "staged": staging.name, "model_id": info.id}
                )
            atomic.replace(staging, target)
        except BaseException:
            if entry is not None:
                journal.remove(entry)
            atomic.remove_tree(staging)
            raise
        try:
            atomic.fsync_dir(self.models_dir)
        except BaseException:
            # Not durable: undo, so that the caller's error means "nothing changed".
            with contextlib.suppress(OSError):
                self._discard(target, self.models_dir)
            if entry is not None:
                journal.remove(entry)
            raise
        if entry is not None:
            journal.remove(entry)

    def commit_new_model(self, info: ModelInfo, fill: Callable[[Path], None]) -> ModelInfo:
        """Create model ``info`` from files ``fill(staging)`` writes into its hidden staging folder.

        ``fill`` writes the live ``training.gpkg`` and any ``snapshots/<id>/`` folders (each with
        its manifest, as :meth:`create_snapshot` writes them). The model appears all at once
        (journaled rename) or not at all; the name and classes are checked as for
        :meth:`create_model`. Used by the package import (``snapshots/package.py``).
        """
        if info.mode not in MODES:
            raise InputDataError(f"Unknown model mode {info.mode!r}; choose one of {', '.join(MODES)}.")
        with self._write("create the model"):
            info = ModelInfo(
                **{
                    **info.__dict__,
                    "name": self._check_model_name(info.name),
                    "classes": self._check_classes(info.classes),
                }
            )
            self._stage_model(info, fill, journaled=True)
        return info

    @staticmethod
    def _model_json(info: ModelInfo) -> dict[str, Any]:
        return {"schema_version": SCHEMA_VERSION, **info.to_dict()}

    def rename_model(self, model_id: str, name: str) -> ModelInfo:
        """Give model ``model_id`` a new display name."""
        with self._write("rename the model"):
            info = self.get_model(model_id)
            new = ModelInfo(**{**info.__dict__, "name": self._check_model_name(name, exclude=model_id)})
            atomic.write_json_atomic(self._model_dir(model_id) / MODEL_FILE, self._model_json(new))
        return new

    def delete_model(self, model_id: str) -> ModelInfo:
        """Delete model ``model_id`` with its training data and every snapshot."""
        with self._write("delete the model"):
            info = self.get_model(model_id)
            self._discard(self._model_dir(model_id), self.models_dir)
            self._manifests = {k: v for k, v in self._manifests.items() if k[0] != model_id}
        return info

    def _discard(self, path: Path, parent: Path) -> None:
        """Delete a folder atomically: rename it to a hidden trash name, fsync, then remove it."""
        trash = parent / f"{atomic.TRASH_PREFIX}{secrets.token_hex(4)}-{path.name}"
        atomic.replace(path, trash)
        try:
            atomic.fsync_dir(parent)
        except BaseException:
            with contextlib.suppress(OSError):
                os.replace(trash, path)
            raise
        atomic.remove_tree(trash)

    # ------------------------------------------------------------------ training data and scenes

    def training_data_path(self, model_id: str) -> Path:
        """The live training GeoPackage of ``model_id`` (``training_areas``, ``labels``, ``scenes``)."""
        self.get_model(model_id)
        return self._training_file(model_id)

    def training_counts(self, model_id: str) -> dict[str, Any]:
        """Counts of the live training data: ``{training_areas, labels_per_class, scenes}``."""
        path = self.training_data_path(model_id)
        try:
            return gpkg.counts(path)
        except gpkg.GeoPackageError as exc:
            raise WorkspaceError(f"Cannot read the training data {path}: {exc}") from exc

    def list_scenes(self, model_id: str) -> list[SceneRef]:
        """Scenes recorded in ``model_id``'s training data, in the order they were added."""
        path = self.training_data_path(model_id)
        try:
            rows = gpkg.list_scenes(path)
        except gpkg.GeoPackageError as exc:
            raise WorkspaceError(f"Cannot read the scenes of {path}: {exc}") from exc
        return [SceneRef.from_dict(r) for r in rows]

    def add_scene(
        self, model_id: str, source: str, name: str | None = None, fingerprint: str | None = None
    ) -> SceneRef:
        """Record raster ``source`` (a GDAL path) as a scene of the model (the existing one if known)."""
        source = str(source)
        if not source or "\0" in source:
            raise InvalidNameError("The scene source is empty or contains NUL.")
        for scene in self.list_scenes(model_id):
            if scene.source == source:
                return scene
        display = validate_name(name or Path(source).stem or source, "scene name")
        with self._write("add a scene"):
            ref = SceneRef(
                scene_id=new_id("c"),
                source=source,
                name=display,
                fingerprint=fingerprint or scene_fingerprint(source),
                added_at=self.clock(),
            )
            gpkg.insert_scene(self.training_data_path(model_id), ref.to_dict())
        return ref

    def remove_scene(self, model_id: str, scene_id: str) -> None:
        """Remove scene ``scene_id`` from the model's training data."""
        with self._write("remove a scene"):
            if gpkg.delete_scene(self.training_data_path(model_id), str(scene_id)) == 0:
                raise NotFoundError(f"No scene '{scene_id}' in model '{model_id}'.")

    # ------------------------------------------------------------------ reading snapshots

    def _manifest(self, model_id: str, snapshot_id: str, folder: str | None = None) -> dict[str, Any] | None:
        """The parsed, checked manifest of a committed snapshot (cached: it never changes).

        ``folder`` is the snapshot's folder when the caller already checked it (listing).
        """
        key = (model_id, snapshot_id)
        cached = self._manifests.get(key)
        if cached is not None:
            return cached
        folder_path = Path(folder) if folder is not None else self._snapshot_dir(model_id, snapshot_id)
        try:
            data = atomic.read_json(folder_path / MANIFEST)
            ok = (
                isinstance(data, dict)
                and data.get("id") == snapshot_id
                and data.get("model_id") == model_id
                and isinstance(data.get("files"), dict)
                and all(name in SNAPSHOT_FILES for name in data["files"])
                and parse_time(data["created_at"]) is not None
            )
        except (OSError, ValueError, KeyError, TypeError) as exc:
            log.warning("snapshot folder %s has no valid manifest: %s", folder_path, exc)
            self._manifest_errors[key] = f"its manifest is unreadable ({exc})"
            return None
        if not ok:
            log.warning("snapshot folder %s has a manifest that does not match it", folder_path)
            self._manifest_errors[key] = (
                "its manifest does not match the folder (wrong ids, or files outside the snapshot)"
            )
            return None
        # parsed once: listing a long timeline must not re-parse every manifest
        data["_parsed"] = (parse_time(data["created_at"]), normalize_counts(data.get("counts")))
        self._manifests[key] = data
        return data

    def _read_states(self, model_id: str) -> tuple[dict[str, dict[str, Any]], str | None]:
        """The mutable part of every snapshot of a model (``saved``, ``name``): ``states.json``,
        and why it could not be read (``None`` when it could, or when there is none yet).

        Kept apart from the immutable, checksummed manifests; a snapshot absent from it keeps
        the name recorded in its manifest. An unreadable file is never read as "not saved":
        the caller learns that the states are unknown.
        """
        path = self._model_dir(model_id) / STATES
        try:
            data = atomic.read_json(path)
        except FileNotFoundError:
            return {}, None
        except (OSError, ValueError) as exc:
            log.warning("snapshot states %s are unreadable: %s", path, exc)
            return {}, f"{path} is unreadable ({exc})"
        snapshots = data.get("snapshots") if isinstance(data, dict) else None
        if not isinstance(snapshots, dict):
            log.warning("snapshot states %s are malformed", path)
            return {}, f"{path} is malformed (no 'snapshots' table)"
        return {str(k): v for k, v in snapshots.items() if isinstance(v, dict)}, None

    def _states(self, model_id: str) -> dict[str, dict[str, Any]]:
        return self._read_states(model_id)[0]

    def _state(self, model_id: str, snapshot_id: str) -> dict[str, Any]:
        return self._states(model_id).get(snapshot_id, {})

    def _saved_marks(self, model_id: str) -> set[str]:
        """Ids of the snapshots saved by the user, one empty file each under ``saved/``.

        The saved mark lives apart from ``states.json`` so that one damaged file cannot erase
        the marks of every snapshot.
        """
        try:
            return {
                e.name
                for e in os.scandir(self._model_dir(model_id) / SAVED_MARKS)
                if not atomic.is_hidden(e.name) and ID_PATTERN.match(e.name)
            }
        except FileNotFoundError:
            return set()

    def _write_saved_mark(self, model_id: str, snapshot_id: str) -> None:
        folder = inside(self.root, MODELS, model_id, SAVED_MARKS)
        if not folder.is_dir():
            atomic.make_dir(folder)
            atomic.fsync_dir(folder.parent)
        mark = folder / validate_id(snapshot_id, "snapshot id")
        if not mark.exists():
            atomic.write_atomic(mark, b"")

    def damaged_snapshots(self, model_id: str) -> list[DamagedSnapshot]:
        """Snapshot folders of ``model_id`` whose manifest cannot be read or trusted.

        They are never loaded and never part of the timeline, and the model cannot be
        trained further (a new snapshot would be written on top of an older state) until
        the user deletes them with :meth:`delete_snapshot`, which moves them to ``.quarantine/``.
        """
        self.get_model(model_id)
        out = []
        try:
            entries = list(os.scandir(self._snapshots_dir(model_id)))
        except FileNotFoundError:
            return []
        for entry in entries:
            if atomic.is_hidden(entry.name) or entry.is_symlink() or not ID_PATTERN.match(entry.name):
                continue
            if self._manifest(model_id, entry.name, entry.path) is None:
                reason = self._manifest_errors.get((model_id, entry.name), "its manifest is unreadable")
                out.append(DamagedSnapshot(entry.name, model_id, reason, entry.path))
        return sorted(out, key=lambda d: d.id)

    def check_timeline_readable(self, model_id: str) -> None:
        """Raise :class:`CorruptSnapshotError` while ``model_id`` has a damaged snapshot."""
        damaged = self.damaged_snapshots(model_id)
        if damaged:
            first = damaged[0]
            raise CorruptSnapshotError(
                f"Snapshot '{first.id}' of model '{model_id}' cannot be read: {first.reason}. It may be "
                "newer than the current state, so training would continue from an older snapshot and "
                "write on top of it. Repair the snapshot, or delete it (it is then moved to the "
                "workspace's .quarantine folder), before training this model again."
            )

    def _timeline(self, model_id: str) -> list[SnapshotInfo]:
        """Snapshots of ``model_id``, oldest first, with their derived kinds."""
        self.get_model(model_id)
        folder = self._snapshots_dir(model_id)
        states, states_error = self._read_states(model_id)
        marks = self._saved_marks(model_id)
        records = []
        try:
            entries = list(os.scandir(folder))
        except FileNotFoundError:
            entries = []
        for entry in entries:
            if atomic.is_hidden(entry.name):
                continue
            if entry.is_symlink() or not ID_PATTERN.match(entry.name):
                log.warning("ignoring foreign entry %s", entry.path)
                continue
            manifest = self._manifest(model_id, entry.name, entry.path)
            if manifest is None:
                continue
            records.append((manifest, states.get(entry.name, {})))
        live = {(model_id, m["id"]) for m, _ in records}
        for key in [k for k in self._manifests if k[0] == model_id and k not in live]:
            self._manifests.pop(key, None)
        records.sort(key=lambda r: (int(r[0].get("seq", 0)), r[0]["created_at"], r[0]["id"]))
        created = [m["_parsed"][0] for m, _ in records]
        saved = [m["id"] in marks or bool(s.get("saved", False)) for m, s in records]
        known = [states_error is None or is_saved for is_saved in saved]
        kinds = retention.classify(
            created,
            [is_saved or not is_known for is_saved, is_known in zip(saved, known, strict=True)],
            self.temporary_days,
        )
        out = []
        for (manifest, state), when, (kind, expires), is_saved, is_known in zip(
            records, created, kinds, saved, known, strict=True
        ):
            counts = manifest["_parsed"][1]
            if not is_known and kind == KIND_SAVED:  # unknown: never expires, but not shown as saved
                kind = KIND_TEMPORARY
            out.append(
                SnapshotInfo(
                    id=manifest["id"],
                    model_id=model_id,
                    kind=kind,
                    name=str(state.get("name") or manifest.get("name") or manifest["id"]),
                    created_at=when,
                    expires_at=expires,
                    counts={**counts, "labels_per_class": dict(counts["labels_per_class"])},
                    metrics=dict(manifest.get("metrics") or {}),
                    progress=dict(manifest.get("progress") or {}),
                    parent_id=manifest.get("parent_id"),
                    config=dict(manifest.get("config") or {}),
                    saved=is_saved,
                    seq=int(manifest.get("seq", 0)),
                    state_known=is_known,
                )
            )
        return out

    def list_snapshots(self, model_id: str) -> list[SnapshotInfo]:
        """The timeline of ``model_id``, newest first (the current state is first)."""
        return list(reversed(self._timeline(model_id)))

    def get_snapshot(self, model_id: str, snapshot_id: str) -> SnapshotInfo:
        """Snapshot ``snapshot_id`` of ``model_id``; :class:`NotFoundError` when there is none."""
        validate_id(snapshot_id, "snapshot id")
        for info in self._timeline(model_id):
            if info.id == snapshot_id:
                return info
        raise NotFoundError(f"No snapshot '{snapshot_id}' in model '{model_id}'.")

    def current_snapshot(self, model_id: str) -> SnapshotInfo | None:
        """The current state of ``model_id`` (its newest snapshot), or ``None`` before any training."""
        timeline = self._timeline(model_id)
        return timeline[-1] if timeline else None

    def find_snapshot(self, model_id: str, id_or_name: str) -> SnapshotInfo:
        """A snapshot by id, else by exact name, else by case-insensitive name (``current`` works too)."""
        timeline = self._timeline(model_id)
        if id_or_name == "current" and timeline:
            return timeline[-1]
        for match in (
            lambda s: s.id == id_or_name,
            lambda s: s.name == id_or_name,
            lambda s: s.name.casefold() == str(id_or_name).casefold(),
        ):
            found = [s for s in timeline if match(s)]
            if len(found) == 1:
                return found[0]
            if len(found) > 1:
                raise NotFoundError(
                    f"Several snapshots of model '{model_id}' are named '{id_or_name}'; use the id."
                )
        raise NotFoundError(f"No snapshot named or numbered '{id_or_name}' in model '{model_id}'.")

    # ------------------------------------------------------------------ verifying and loading

    def _read_verified(self, model_id: str, snapshot_id: str, name: str) -> bytes | None:
        """The bytes of one snapshot file after checking them against the manifest."""
        manifest = self._manifest(model_id, snapshot_id)
        if manifest is None:
            raise CorruptSnapshotError(
                f"Snapshot '{snapshot_id}' of model '{model_id}' has no valid manifest."
            )
        entry = manifest["files"].get(name)
        if entry is None:
            return None
        path = self._snapshot_file(model_id, snapshot_id, name)
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise CorruptSnapshotError(
                f"Snapshot '{self._label(model_id, snapshot_id)}' is damaged: cannot read {name} ({exc})."
            ) from exc
        if len(data) != entry.get("size") or atomic.sha256_bytes(data) != entry.get("sha256"):
            raise CorruptSnapshotError(
                f"Snapshot '{self._label(model_id, snapshot_id)}' is damaged: {name} does not match its "
                "checksum. Other snapshots are unaffected; delete this one or revert to another."
            )
        return data

    def _label(self, model_id: str, snapshot_id: str) -> str:
        manifest = self._manifests.get((model_id, snapshot_id)) or {}
        name = self._state(model_id, snapshot_id).get("name") or manifest.get("name")
        return f"{name} ({snapshot_id})" if name else snapshot_id

    def verify_snapshot(self, model_id: str, snapshot_id: str) -> None:
        """Check every file of a snapshot against its manifest; :class:`CorruptSnapshotError` if not."""
        info = self.get_snapshot(model_id, snapshot_id)
        manifest = self._manifest(model_id, info.id) or {}
        for name, entry in manifest.get("files", {}).items():
            path = self._snapshot_file(model_id, info.id, name)
            try:
                ok = path.stat().st_size == entry.get("size") and atomic.sha256_file(path) == entry.get(
                    "sha256"
                )
            except OSError:
                ok = False
            if not ok:
                raise CorruptSnapshotError(
                    f"Snapshot '{self._label(model_id, info.id)}' is damaged: {name} does not match its "
                    "checksum. Other snapshots are unaffected; delete this one or revert to another."
                )

    def load_snapshot(self, model_id: str, snapshot_id: str) -> LoadedSnapshot:
        """Weights (numpy), optimizer state and everything detection needs, after checking checksums.

        ``config`` is the trainer's config completed from the model (``mode``, ``network``,
        ``tile_size``, ``bands``, ``crs``, ``resolution``, ``classes``) where it lacks them.
        """
        info = self.get_snapshot(model_id, snapshot_id)
        model = self.get_model(model_id)
        self.verify_snapshot(model_id, info.id)
        st = _safetensors_numpy()
        arrays: dict[str, dict[str, Any] | None] = {}
        for name in (WEIGHTS, OPTIMIZER):
            data = self._read_verified(model_id, info.id, name)
            try:
                arrays[name] = None if data is None else dict(st.load(data))
            except Exception as exc:  # safetensors raises its own error types
                raise CorruptSnapshotError(
                    f"Snapshot '{self._label(model_id, info.id)}' is damaged: {name} is not a valid "
                    f"safetensors file ({exc})."
                ) from exc
        if arrays[WEIGHTS] is None:
            raise CorruptSnapshotError(f"Snapshot '{self._label(model_id, info.id)}' has no weights.")
        manifest = self._manifest(model_id, info.id) or {}
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
        return LoadedSnapshot(
            info=info,
            model=model,
            weights=arrays[WEIGHTS],  # type: ignore[arg-type]
            optimizer=arrays[OPTIMIZER],
            optimizer_meta=manifest.get("optimizer_meta"),
            config=config,
        )

    def snapshot_training_data_path(self, model_id: str, snapshot_id: str) -> Path:
        """The frozen copy of the training data inside a snapshot (read it, never write it)."""
        info = self.get_snapshot(model_id, snapshot_id)
        return self._snapshot_file(model_id, info.id, TRAINING_FILE)

    # ------------------------------------------------------------------ creating snapshots

    @staticmethod
    def _tensor_bytes(tensors: Mapping[str, Any], what: str) -> bytes:
        import numpy as np

        clean = {}
        for key, value in tensors.items():
            if not isinstance(key, str) or not key:
                raise InputDataError(f"{what} names must be non-empty strings, not {key!r}.")
            array = np.asarray(value)
            if array.dtype == object:
                raise InputDataError(f"{what} '{key}' is not a numeric array.")
            clean[key] = np.ascontiguousarray(array)
        return _safetensors_numpy().save(clean)

    def _unique_name(self, timeline: list[SnapshotInfo], base: str) -> str:
        taken = {s.name.casefold() for s in timeline}
        name, n = base, 2
        while name.casefold() in taken:
            name, n = f"{base} ({n})", n + 1
        return name

    def create_snapshot(
        self,
        model_id: str,
        weights: Mapping[str, Any],
        optimizer: Mapping[str, Any] | None = None,
        optimizer_meta: Mapping[str, Any] | None = None,
        metrics: Mapping[str, Any] | None = None,
        progress: Mapping[str, Any] | None = None,
        config: Mapping[str, Any] | None = None,
        counts: Mapping[str, Any] | None = None,
        name: str | None = None,
    ) -> SnapshotInfo:
        """Commit a new snapshot of ``model_id``; it becomes the current state.

        The previous current state becomes temporary (expiring ``temporary_days`` from now)
        unless it was saved. ``counts`` default to the live training data's; ``metrics``,
        ``progress``, ``config`` and ``optimizer_meta`` are stored verbatim (JSON). Written in a
        staging folder (every file fsynced, manifest with sha256 last) and renamed into place.
        """
        weights_blob = self._tensor_bytes(weights, "Weight")
        optimizer_blob = None if optimizer is None else self._tensor_bytes(optimizer, "Optimizer tensor")
        with self._write("write the snapshot"):
            self.get_model(model_id)
            self.check_timeline_readable(model_id)
            live = self._training_file(model_id)
            timeline = self._timeline(model_id)
            now = self.clock()
            if name is not None:
                name = validate_name(name, "snapshot name")
                if any(s.name.casefold() == name.casefold() for s in timeline):
                    raise InvalidNameError(f"A snapshot named '{name}' already exists; choose another name.")
            else:
                name = self._unique_name(timeline, to_utc(now).strftime("%Y-%m-%d %H:%M:%S"))
            snapshot_id = new_id("s", to_utc(now))
            manifest: dict[str, Any] = {
                "schema_version": SCHEMA_VERSION,
                "id": snapshot_id,
                "model_id": model_id,
                "seq": (timeline[-1].seq + 1) if timeline else 1,
                "created_at": format_time(now),
                "name": name,
                "parent_id": timeline[-1].id if timeline else None,
                "counts": None,
                "metrics": dict(metrics or {}),
                "progress": dict(progress or {}),
                "config": dict(config or {}),
                "optimizer_meta": None if optimizer_meta is None else dict(optimizer_meta),
                "files": {},
            }
            blobs = {WEIGHTS: weights_blob}
            if optimizer_blob is not None:
                blobs[OPTIMIZER] = optimizer_blob

            def fill(staging: Path) -> None:
                for file_name, blob in blobs.items():
                    atomic.write_new_file(staging / file_name, blob)
                    manifest["files"][file_name] = {"sha256": atomic.sha256_bytes(blob), "size": len(blob)}
                gpkg.backup(live, staging / TRAINING_FILE)
                manifest["files"][TRAINING_FILE] = {
                    "sha256": atomic.sha256_file(staging / TRAINING_FILE),
                    "size": (staging / TRAINING_FILE).stat().st_size,
                }
                manifest["counts"] = self._counts_json(
                    counts if counts is not None else gpkg.counts(staging / TRAINING_FILE)
                )

            self._commit_snapshot(model_id, snapshot_id, manifest, fill)
            return self.get_snapshot(model_id, snapshot_id)

    @staticmethod
    def _counts_json(counts: Mapping[str, Any]) -> dict[str, Any]:
        norm = normalize_counts(dict(counts))
        norm["labels_per_class"] = {str(k): v for k, v in norm["labels_per_class"].items()}
        return norm

    def _commit_snapshot(
        self, model_id: str, snapshot_id: str, manifest: dict[str, Any], fill: Callable[[Path], None]
    ) -> None:
        """Stage a snapshot folder (``fill`` writes the files), write the manifest last, rename it in."""
        parent = self._snapshots_dir(model_id)
        staging = inside(self.root, MODELS, model_id, SNAPSHOTS, f"{atomic.TMP_PREFIX}{snapshot_id}")
        target = self._snapshot_dir(model_id, snapshot_id)
        try:
            atomic.make_dir(staging)
            fill(staging)
            atomic.write_new_file(staging / MANIFEST, atomic.json_bytes(manifest))
            atomic.fsync_dir(staging)
            atomic.replace(staging, target)
        except BaseException:
            atomic.remove_tree(staging)
            raise
        try:
            atomic.fsync_dir(parent)
        except BaseException:
            with contextlib.suppress(OSError):
                self._discard(target, parent)
            raise

    # ------------------------------------------------------------------ changing snapshots

    def _write_state(self, model_id: str, snapshot_id: str, **changes: Any) -> None:
        """Change a snapshot's mutable state (one atomic rewrite of the model's ``states.json``).

        Refused while ``states.json`` is unreadable: rewriting it would erase what it held.
        """
        current, error = self._read_states(model_id)
        if error is not None:
            raise WorkspaceError(self._unknown_states_message(model_id, error))
        new_mark = bool(changes.get("saved")) and snapshot_id not in self._saved_marks(model_id)
        if new_mark:
            self._write_saved_mark(model_id, snapshot_id)  # first: the mark survives a bad states.json
        existing = {e.name for e in os.scandir(self._snapshots_dir(model_id)) if not atomic.is_hidden(e.name)}
        states = {k: v for k, v in current.items() if k in existing}  # drop deleted ones
        states[snapshot_id] = {**states.get(snapshot_id, {}), **changes}
        try:
            atomic.write_json_atomic(
                self._model_dir(model_id) / STATES, {"schema_version": SCHEMA_VERSION, "snapshots": states}
            )
        except BaseException:
            if new_mark:  # nothing changed: take the new mark back
                with contextlib.suppress(OSError):
                    os.unlink(self._model_dir(model_id) / SAVED_MARKS / snapshot_id)
            raise

    def _unknown_states_message(self, model_id: str, error: str) -> str:
        return (
            f"The saved marks and names of the snapshots of model '{model_id}' cannot be read: {error}. "
            "Nothing was changed and no snapshot is purged while it is so. Restore the file from a "
            "backup, or delete it: snapshots saved with this version of ORCA HUNTR keep their saved "
            "mark in the model's 'saved' folder."
        )

    def _check_snapshot_name(self, model_id: str, snapshot_id: str, name: str) -> str:
        name = validate_name(name, "snapshot name")
        for other in self._timeline(model_id):
            if other.id != snapshot_id and other.name.casefold() == name.casefold():
                raise InvalidNameError(
                    f"A snapshot named '{other.name}' already exists; choose another name."
                )
        return name

    def save_snapshot(self, model_id: str, snapshot_id: str, name: str | None = None) -> SnapshotInfo:
        """Keep a snapshot for good (temporary -> saved), optionally renaming it."""
        with self._write("save the snapshot"):
            info = self.get_snapshot(model_id, snapshot_id)
            changes: dict[str, Any] = {"saved": True}
            if name is not None:
                changes["name"] = self._check_snapshot_name(model_id, info.id, name)
            else:
                changes["name"] = info.name
            self._write_state(model_id, info.id, **changes)
            return self.get_snapshot(model_id, info.id)

    def rename_snapshot(self, model_id: str, snapshot_id: str, name: str) -> SnapshotInfo:
        """Give a snapshot a new display name (its id never changes)."""
        with self._write("rename the snapshot"):
            info = self.get_snapshot(model_id, snapshot_id)
            self._write_state(
                model_id, info.id, name=self._check_snapshot_name(model_id, info.id, name), saved=info.saved
            )
            return self.get_snapshot(model_id, info.id)

    def delete_snapshot(self, model_id: str, snapshot_id: str) -> SnapshotInfo | DamagedSnapshot:
        """Delete a snapshot; the current state cannot be deleted (revert or train first).

        A damaged snapshot (see :meth:`damaged_snapshots`) is moved to ``.quarantine/`` instead.
        """
        with self._write("delete the snapshot"):
            damaged = next((d for d in self.damaged_snapshots(model_id) if d.id == snapshot_id), None)
            if damaged is not None:
                recovery.quarantine(self, self._snapshot_dir(model_id, damaged.id), damaged.reason)
                self._manifest_errors.pop((model_id, damaged.id), None)
                return damaged
            info = self.get_snapshot(model_id, snapshot_id)
            if info.is_current:
                raise ProtectedSnapshotError(
                    f"Snapshot '{info.name}' is the current state of the model and cannot be deleted. "
                    "Revert to an earlier snapshot first if you want to discard it."
                )
            self._discard(self._snapshot_dir(model_id, info.id), self._snapshots_dir(model_id))
            self._manifests.pop((model_id, info.id), None)
            return info

    def purge_expired(self, now: datetime | None = None) -> list[SnapshotInfo]:
        """Delete every temporary snapshot whose expiry has passed; returns what was deleted.

        Never touches saved snapshots or current states; idempotent. When ``now`` is earlier
        than some snapshot's creation (a clock that moved backwards) nothing is deleted.
        """
        with self._write("purge expired snapshots"):
            when = to_utc(now) if now is not None else self.clock()
            timelines = [self._timeline(m.id) for m in self.list_models()]
            for timeline in timelines:
                if any(not s.state_known for s in timeline):
                    model_id = timeline[0].model_id
                    error = self._read_states(model_id)[1] or "unreadable"
                    raise WorkspaceError(self._unknown_states_message(model_id, error))
            if retention.clock_went_backwards(when, timelines):
                log.warning("purge skipped: the clock (%s) is earlier than a snapshot's creation", when)
                return []
            doomed = [s for timeline in timelines for s in retention.expired(timeline, when)]
            if not doomed:
                return []
            op = new_id("j")
            entry = journal.write(
                self.root, op, {"op": "purge", "items": [[s.model_id, s.id] for s in doomed]}
            )
            self._apply_purge(op, [(s.model_id, s.id) for s in doomed], entry)
            return doomed

    def _trash_name(self, op: str, snapshot_id: str) -> str:
        return f"{atomic.TRASH_PREFIX}{op}-{snapshot_id}"

    def _move_to_trash(
        self, op: str, items: list[tuple[str, str]], moved: list[tuple[Path, Path]] | None = None
    ) -> list[tuple[Path, Path]]:
        """Rename snapshot folders to hidden trash names; ``moved`` records each done rename."""
        moved = [] if moved is None else moved
        for model_id, snapshot_id in items:
            src = self._snapshot_dir(model_id, snapshot_id)
            dst = inside(self.root, MODELS, model_id, SNAPSHOTS, self._trash_name(op, snapshot_id))
            if src.exists():
                atomic.replace(src, dst)
                moved.append((src, dst))
            self._manifests.pop((model_id, snapshot_id), None)
        for parent in {dst.parent for _, dst in moved}:
            atomic.fsync_dir(parent)
        return moved

    @staticmethod
    def _undo_moves(moved: list[tuple[Path, Path]]) -> bool:
        ok = True
        for src, dst in reversed(moved):
            try:
                os.replace(dst, src)
            except OSError:
                ok = False
        return ok

    def _finish(self, entry: Path, moved: list[tuple[Path, Path]]) -> None:
        journal.remove(entry)
        for _, dst in moved:
            atomic.remove_tree(dst)

    def _apply_purge(self, op: str, items: list[tuple[str, str]], entry: Path) -> None:
        moved: list[tuple[Path, Path]] = []
        try:
            self._move_to_trash(op, items, moved)
        except BaseException:
            self._rollback(entry, moved)
            raise
        self._finish(entry, moved)

    def _rollback(self, entry: Path, moved: list[tuple[Path, Path]]) -> None:
        """Undo the visible steps of a journaled operation that failed in this process."""
        if self._undo_moves(moved):
            journal.remove(entry)
        else:  # leave the entry: the next open rolls the operation forward
            log.error("could not undo a failed operation; it will be completed on the next open")

    # ------------------------------------------------------------------ revert

    def revert_impact(self, model_id: str, snapshot_id: str) -> RevertImpact:
        """Exactly what :meth:`revert` to ``snapshot_id`` would discard (nothing is changed)."""
        timeline = self._timeline(model_id)
        target = next((s for s in timeline if s.id == snapshot_id), None)
        if target is None:
            raise NotFoundError(f"No snapshot '{snapshot_id}' in model '{model_id}'.")
        later = [s for s in timeline if s.seq > target.seq]
        live = self._training_file(model_id)
        frozen = self._snapshot_file(model_id, target.id, TRAINING_FILE)
        try:
            changed = gpkg.content_digest(live) != gpkg.content_digest(frozen)
            live_counts = gpkg.counts(live)
        except gpkg.GeoPackageError as exc:
            raise WorkspaceError(
                f"Cannot compare the training data with snapshot '{target.name}': {exc}"
            ) from exc
        return RevertImpact(
            target=target,
            discarded_snapshots=list(reversed(later)),
            saved_discarded=[s for s in reversed(later) if s.saved],
            live_counts=live_counts,
            target_counts=target.counts,
            training_data_changed=changed,
        )

    def revert(self, model_id: str, snapshot_id: str) -> SnapshotInfo:
        """Make ``snapshot_id`` the current state again.

        Every later snapshot (saved ones included: check :meth:`revert_impact` first) is
        deleted and the live training data is restored to the snapshot's frozen copy.
        Journaled: a crash leaves either the state before or the state after.
        """
        with self._write("revert to the snapshot"):
            timeline = self._timeline(model_id)
            target = next((s for s in timeline if s.id == snapshot_id), None)
            if target is None:
                raise NotFoundError(f"No snapshot '{snapshot_id}' in model '{model_id}'.")
            self.verify_snapshot(model_id, target.id)
            later = [s.id for s in timeline if s.seq > target.seq]
            op = new_id("j")
            entry = journal.write(
                self.root, op, {"op": "revert", "model_id": model_id, "target": target.id, "discard": later}
            )
            moved: list[tuple[Path, Path]] = []
            try:
                self._move_to_trash(op, [(model_id, s) for s in later], moved)
                gpkg.restore(
                    self._snapshot_file(model_id, target.id, TRAINING_FILE),
                    self._training_file(model_id),
                )
            except BaseException:
                self._rollback(entry, moved)
                raise
            self._finish(entry, moved)
            return self.get_snapshot(model_id, target.id)

    # ------------------------------------------------------------------ new model from a snapshot

    def new_model_from_snapshot(
        self,
        model_id: str,
        snapshot_id: str,
        name: str,
        class_names: list[str] | None = None,
        reuse_training_data: bool = False,
    ) -> ModelInfo:
        """A new model that starts from a snapshot's weights (same number of classes).

        ``class_names`` may rename the classes (colours are kept); a different count raises
        :class:`ClassCountMismatchError`. With ``reuse_training_data`` the new model's live
        training data is a copy of the snapshot's; otherwise it starts empty. The new model
        has one snapshot, its current state, holding the copied weights (no optimizer state,
        progress from zero); ``parent_model_id``/``parent_snapshot_id`` record the origin.
        """
        with self._write("create the model from the snapshot"):
            source = self.get_model(model_id)
            snap = self.get_snapshot(model_id, snapshot_id)
            classes = list(source.classes)
            if class_names is not None:
                if len(class_names) != len(classes):
                    raise ClassCountMismatchError(
                        f"Snapshot '{snap.name}' was trained for {len(classes)} classes; the new model must "
                        f"have {len(classes)} class names, not {len(class_names)}."
                    )
                classes = [ClassSpec(n, c.color) for n, c in zip(class_names, classes, strict=True)]
            classes = self._check_classes(classes)
            self.verify_snapshot(model_id, snap.id)
            weights_blob = self._read_verified(model_id, snap.id, WEIGHTS)
            if weights_blob is None:
                raise CorruptSnapshotError(f"Snapshot '{snap.name}' has no weights.")
            frozen = self._snapshot_file(model_id, snap.id, TRAINING_FILE)
            now = self.clock()
            info = ModelInfo(
                id=new_id("m"),
                name=self._check_model_name(name),
                classes=classes,
                mode=source.mode,
                input_spec=source.input_spec,
                network=dict(source.network),
                tile_size=source.tile_size,
                created_at=now,
                parent_model_id=source.id,
                parent_snapshot_id=snap.id,
            )
            snapshot_id_new = new_id("s", to_utc(now))
            snap_name = to_utc(now).strftime("%Y-%m-%d %H:%M:%S")
            config = dict(snap.config)

            def fill(staging: Path) -> None:
                live = staging / TRAINING_FILE
                if reuse_training_data:
                    gpkg.backup(frozen, live)
                else:
                    gpkg.create_empty(live, source.input_spec.crs)
                folder = staging / SNAPSHOTS / snapshot_id_new
                atomic.make_dir(folder)
                atomic.write_new_file(folder / WEIGHTS, weights_blob)
                gpkg.backup(live, folder / TRAINING_FILE)
                manifest = {
                    "schema_version": SCHEMA_VERSION,
                    "id": snapshot_id_new,
                    "model_id": info.id,
                    "seq": 1,
                    "created_at": format_time(now),
                    "name": snap_name,
                    "parent_id": None,
                    "origin": {"model_id": source.id, "snapshot_id": snap.id},
                    "counts": self._counts_json(gpkg.counts(live)),
                    "metrics": {},
                    "progress": {"epochs": 0, "steps": 0, "tiles_seen": 0},
                    "config": config,
                    "optimizer_meta": None,
                    "files": {
                        WEIGHTS: {"sha256": atomic.sha256_bytes(weights_blob), "size": len(weights_blob)},
                        TRAINING_FILE: {
                            "sha256": atomic.sha256_file(folder / TRAINING_FILE),
                            "size": (folder / TRAINING_FILE).stat().st_size,
                        },
                    },
                }
                atomic.write_new_file(folder / MANIFEST, atomic.json_bytes(manifest))
                atomic.fsync_dir(folder)

            self._stage_model(info, fill, journaled=True)
            return info

    # ------------------------------------------------------------------ unsaved projects

    def move_beside_project(self, project_file: str | os.PathLike[str]) -> Path:
        """Move this (temporary) workspace beside ``project_file`` once the project is saved.

        Returns the new folder; the layers of the live training data must be re-pointed by
        the caller (their paths change). Refuses when a workspace already exists there.
        """
        target = workspace_dir_for_project(project_file)
        if target.exists():
            raise WorkspaceError(
                f"A workspace already exists at {target}; open it instead, or move it away first."
            )
        if self.read_only:
            raise ReadOnlyWorkspaceError(self.read_only_reason)
        old = self.root
        with self._lock.hold(self.lock_timeout), self._writing("move the workspace"):
            target.parent.mkdir(parents=True, exist_ok=True)
            try:
                atomic.replace(old, target)
                atomic.fsync_dir(target.parent)
            except OSError as exc:
                if exc.errno != 18:  # EXDEV: another file system -> copy, then swap
                    raise
                staging = target.with_name(f"{atomic.TMP_PREFIX}{secrets.token_hex(4)}-{target.name}")
                shutil.copytree(old, staging, ignore=shutil.ignore_patterns(".lock", ".tmp-*", ".trash-*"))
                atomic.fsync_dir(staging)
                atomic.replace(staging, target)
                atomic.fsync_dir(target.parent)
                shutil.rmtree(old, ignore_errors=True)
        self.root = target
        self.is_temporary = False
        self._lock = WorkspaceLock(self.root)
        self._manifests.clear()
        return target

    # ------------------------------------------------------------------ recovery (see recovery.py)

    def _recover(self) -> None:
        recovery.recover(self)

    def _complete_pending(self) -> None:
        recovery.complete_pending(self)
